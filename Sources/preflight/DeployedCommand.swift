import ArgumentParser
import Foundation
import PreflightSupport
import PreflightRuns

struct DeployedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deployed",
        abstract: "Record that the run's release was deployed: post-deployment phases fall due from then.",
        discussion: """
        Writes a record file with one entry under `deployments`. The newest deployment of a run counts;
        every one is listed. On CI, the pipeline URL (and, without --by, the CI system) are filled in.
        """)

    @OptionGroup var target: RunDirArgument
    @Option(help: "When the release was deployed (ISO-8601; default: now). Not before the run started.") var at: String?
    @Option(help: "The release deployed, e.g. a version or tag (default: the run's commit on CI).") var release: String?
    @Option(help: "Who deployed (default: the CI system).") var by: String?

    func validate() throws {
        if let at, Timestamp(at) == nil { throw ValidationError("--at '\(at)' is not an ISO-8601 date or time") }
    }

    func run() throws {
        let manifest = try readManifest()
        let ci = CIEnvironment(ProcessInfo.processInfo.environment)
        var time = Timestamp.now
        if let at {
            // validate() has checked it; the guard only keeps a bad value from being written.
            guard let given = Timestamp(at) else { throw ValidationError("--at '\(at)' is not an ISO-8601 date or time") }
            time = given
        }
        if time < manifest.startedAt {
            Output.print(diagnostics: [.error(target.trimmed, "--at \(time.text) is before the run started (\(manifest.startedAt.text))")])
            throw ExitCode(1)
        }
        let record = DeploymentRecord(at: time, release: release ?? ci.commit, by: by ?? ci.system, url: ci.url)
        try ItemReference.write(runDir: target.trimmed) { try RecordWriter.write(deployment: record, into: $0, now: Timestamp.now) }
    }

    private func readManifest() throws -> RunManifest {
        let result = Result { () throws(Diagnostic) -> RunManifest in try RunReader.readManifest(folder: target.trimmed) }
        switch result {
        case .success(let manifest): return manifest
        case .failure(let diagnostic):
            Output.print(diagnostics: [diagnostic])
            throw ExitCode(1)
        }
    }
}
