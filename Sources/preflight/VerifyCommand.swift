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
        abstract: "Check a digest printed on a sign-off sheet: look it up, or recompute a run's report.json digest.",
        discussion: """
        DIGEST (an evidence or report.json digest, or its first 8 or more hex digits, spaces allowed as the
        sheet groups them) is looked up in the runs archive, or with --site in a built site's index.json.
        It says which run and sheet the digest belongs to, whether it is still that run's current state, and
        what changed since. Exit 0 when it is current; 1 when it changed or was not found.

        PATH is a run folder (the report is merged again from the archive), a report.json file from the site,
        or a run folder of the site (runs/<run-id>): its report.json digest is printed and compared with
        --digest. Exit 0 when it matches (or none was given), 1 when it differs or the input is unusable.
        """)

    @Argument(help: "A digest, a run folder, a site's run folder or a report.json file.") var path: String
    @Option(help: "The report.json digest printed on the sheet (with PATH).") var digest: String?
    @Option(help: "Runs archive folder to look DIGEST up in (default: content/runs).") var runs: String?
    @Option(help: "A built site to look DIGEST up in (its index.json), instead of the archive.") var site: String?
    @OptionGroup var content: ContentOptions

    func run() throws {
        if digest == nil, !FileManager.default.fileExists(atPath: path), let prefix = EvidenceDigest.normalizedPrefix(path) {
            return try lookUp(prefix)
        }
        if digest == nil, !FileManager.default.fileExists(atPath: path), path.allSatisfy({ $0.isHexDigit || $0 == " " }) {
            Output.print(diagnostics: [.error(path, "not a digest: give at least \(EvidenceDigest.minimumPrefix) hex digits, as the sheet prints them")])
            throw ExitCode(1)
        }
        try verifyPath()
    }

    private func lookUp(_ prefix: String) throws {
        let matches: [DigestLookup.Match]
        let place: String
        if let site {
            let found = DigestLookup.inSite(prefix, site: site)
            Output.print(diagnostics: found.problems)
            matches = found.matches
            place = "site \(site)"
        } else {
            var settings = try content.settings()
            settings.set(.runs, path: runs, flag: "--runs")
            var archive = RunArchive.scan(settings.string(.runs))
            archive.signoffPolicy = settings.signoffPolicy
            matches = DigestLookup.inArchive(prefix, archive: archive, library: try content.library(settings))
            place = "runs archive \(archive.directory)"
        }
        guard !matches.isEmpty else {
            Output.print(diagnostics: [.error(path, "no run in the \(place) has an evidence or report.json digest starting \(prefix), and no decision was made on one")])
            throw ExitCode(1)
        }
        for match in matches { print(match.lines.joined(separator: "\n")) }
        if !matches.contains(where: \.current) { throw ExitCode(1) }
    }

    private func verifyPath() throws {
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
            let archive = try target.scanArchive(content)
            var report = StreamMerger(checklist: checklist, archive: archive).report(for: manifest)
            try report.settle(checklist: checklist, archive: archive, streams: { archive.streams(in: try content.library()).streams })
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
