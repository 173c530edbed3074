import ArgumentParser
import Foundation
import PreflightKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the SHA-256 digest printed on a sign-off sheet and compare it.",
        discussion: """
        PATH is a run folder (the report is merged again from the archive) or a report.json file from the site.
        Exit 0 when the digest matches (or none was given), 1 when it differs or the input is unusable.
        """)

    @Argument(help: "A run folder or a report.json file.") var path: String
    @Option(help: "The digest printed on the sheet.") var digest: String?
    @OptionGroup var content: ContentOptions

    func run() throws {
        let data: Data
        if path.hasSuffix(".json") {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                Output.error("\(path): error: cannot read the file")
                throw ExitCode(1)
            }
            data = bytes
        } else {
            let target = try RunDirArgument.parse([path])
            let (manifest, checklist) = try target.load(content)
            let (report, _) = RunArchive.scan(target.archive).report(for: manifest, checklist: checklist)
            data = try ReportDigest.canonicalJSON(report)
        }
        let actual = ReportDigest.sha256(data)
        print(actual)
        if let digest, digest.lowercased() != actual {
            Output.error("\(path): error: digest differs: the sheet says \(digest), the run gives \(actual)")
            throw ExitCode(1)
        }
    }
}
