import Foundation
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Inline fixtures: a fresh temporary folder per test, and parsing Markdown held in a string.
struct Fixture {
    /// A new empty folder under the system temporary directory.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("preflight-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes text (as UTF-8) to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Parses Markdown held in memory as the checklist `name`.
    static func parse(_ markdown: String, name: String = "fixture", options: ChecklistOptions = .default) -> ParsedChecklist {
        ChecklistParser(options: options).parse(markdown, name: name, path: "\(name).md")
    }

    /// The package root, found from this file's place in `Tests/PreflightKitTests/Support/`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Parses a checklist file (a test fixture: an unreadable file is a test failure).
    static func parseFile(_ path: String) -> ParsedChecklist {
        do { return try ChecklistParser().parse(fileAt: path) } catch {
            return ParsedChecklist(checklist: Checklist(name: "", title: "", path: path, sections: [], items: []),
                                   diagnostics: [error])
        }
    }

    /// The seed checklist shipped in `content/checklists/`.
    static let seedPath = packageRoot.appendingPathComponent("content/checklists/production-deployment.md").path
}

extension ParsedChecklist {
    var ids: [String] { checklist.items.map(\.id) }
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The item whose label is `text`, for tests that look items up by what they say.
    func item(text: String) -> ChecklistItem? { checklist.items.first { $0.text == text } }
}
