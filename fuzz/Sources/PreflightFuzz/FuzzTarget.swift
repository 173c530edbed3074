import Foundation
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightImport
@testable import PreflightReport
@testable import PreflightSite

/// A libFuzzer target: bytes in, no crash, hang or unbounded growth out. Bad input must come back
/// as a `Diagnostic` or a problem; a trap, an ASan report or a timeout is a finding.
struct FuzzTarget: Sendable {
    let name: String
    let run: @Sendable ([UInt8]) -> Void

    nonisolated(unsafe) static var selected: FuzzTarget?

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "checklist", run: checklist),
        FuzzTarget(name: "record", run: record),
        FuzzTarget(name: "time", run: time),
        FuzzTarget(name: "template", run: template),
        FuzzTarget(name: "junit", run: junit),
        FuzzTarget(name: "sarif", run: sarif),
        FuzzTarget(name: "coverage", run: coverage),
        FuzzTarget(name: "filled-checklist", run: filledChecklist),
    ]

    /// The seed checklist (`preflight init`'s), which record files and filled copies are read against.
    static let seed = ChecklistParser().parse(BuiltInTheme.starterChecklist, name: "production-deployment",
                                              path: "checklists/production-deployment.md").checklist

    /// Importers read files, so each input is written to one private file first.
    static let scratch: String = {
        let folder = NSTemporaryDirectory() + "preflight-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = (scratch as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
