import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the SHA-256 digest printed on a sign-off sheet and compare it.",
        discussion: """
        PATH is a run folder (the report is merged again from the archive), a report.json file from the site,
        or a run folder of the site (runs/<run-id>, as the sheet prints it: its report.json is checked).
        Exit 0 when the digest matches (or none was given), 1 when it differs or the input is unusable.
        """)

    @Argument(help: "A run folder, a site's run folder or a report.json file.") var path: String
    @Option(help: "The digest printed on the sheet.") var digest: String?
    @OptionGroup var content: ContentOptions

    func run() throws {
        let data: Data
        // The sheet prints `runs/<run-id>`, which in the site is a folder with report.json and no run.json.
        let siteReport = (path as NSString).appendingPathComponent("report.json")
        let inSite = !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("run.json"))
            && FileManager.default.fileExists(atPath: siteReport)
        if path.hasSuffix(".json") || inSite {
            let file = inSite ? siteReport : path
            guard let bytes = FileManager.default.contents(atPath: file) else {
                Output.print(diagnostics: [.error(file, "cannot read the file")])
                throw ExitCode(1)
            }
            data = bytes
        } else {
            let target = try RunDirArgument.parse([path])
            let (manifest, checklist) = try target.load(content)
            let archive = RunArchive.scan(target.archive)
            let report = StreamMerger(checklist: checklist, archive: archive).report(for: manifest)
            data = ReportDigest.canonicalJSON(report, archive: archive.directory)
        }
        let actual = ReportDigest.sha256(data)
        print(actual)
        if let digest, digest.lowercased() != actual {
            Output.print(diagnostics: [.error(path, "digest differs: the sheet says \(digest), the run gives \(actual)")])
            throw ExitCode(1)
        }
    }
}
