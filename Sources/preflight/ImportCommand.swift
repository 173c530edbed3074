import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightImport

/// `preflight import`: results from the files tools already write, kept as attachments.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn tool reports (JUnit XML, SARIF, coverage, a filled-in checklist) into results, keeping the files.",
        discussion: """
        Each import reads and checks every file first, then stores the files under RUN_DIR/attachments/ (by SHA-256,
        at most 64 MiB each) and writes one record file, atomically: a bad file leaves the run as it was.
        `preflight import RUN_DIR` applies the [[import]] mappings of preflight.toml.
        Exit 0 when the results were recorded (whatever their status), 1 on an input problem, 64 on bad usage.
        """,
        subcommands: [ImportMappingsCommand.self, ImportJUnitCommand.self, ImportSARIFCommand.self, ImportCoverageCommand.self,
                      ImportChecklistCommand.self],
        defaultSubcommand: ImportMappingsCommand.self)
}

/// What every import subcommand shares: the run, the item, and writing the outcome.
struct ImportTarget: ParsableArguments {
    @OptionGroup var run: RunDirArgument
    @Option(help: "Item id or unique trailing part of it.") var item: String
    @OptionGroup var content: ContentOptions

    /// Runs `importer`, records its outcome and prints the record's path and summary.
    func record(_ importer: () throws(Diagnostic) -> ImportOutcome) throws {
        let (_, checklist) = try run.load(content)
        let id = try ItemReference.resolve(item, in: checklist, runDir: run.trimmed)
        try ImportRun.record(id: id, runDir: run.trimmed, importer)
    }
}

enum ImportRun {
    static func record(id: String, runDir: String, _ importer: () throws(Diagnostic) -> ImportOutcome) throws {
        do {
            let outcome = try importer()
            let path = try ImportRecorder.record(outcome, item: id, into: runDir, now: .now)
            Output.say("\(path): \(outcome.status.rawValue): \(outcome.summary)")
            fflush(nil)
            for note in outcome.notes { Output.error("note: \(note)") }
        } catch {
            Output.print(diagnostics: [error])
            throw ExitCode(1)
        }
    }
}

struct ImportJUnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junit", abstract: "JUnit XML files or folders of them (Surefire, Gradle, pytest, Jest, go-junit-report).")
    @OptionGroup var target: ImportTarget
    @Argument(help: "JUnit XML files, or folders whose .xml files are read.") var files: [String]
    @Option(name: .customLong("max-failures"), help: "Failures plus errors that still pass (default 0).") var maxFailures = 0

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one JUnit XML file or folder") }
        if maxFailures < 0 { throw ValidationError("--max-failures must be 0 or more") }
    }

    func run() throws {
        try target.record { () throws(Diagnostic) in try JUnitImporter(maxFailures: maxFailures).run(files) }
    }
}

struct ImportSARIFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sarif", abstract: "SARIF 2.1.0 files (Trivy, Grype, Semgrep, CodeQL, Checkov, Bandit, Ruff).")
    @OptionGroup var target: ImportTarget
    @Argument(help: "SARIF files.") var files: [String]
    @Option(name: .customLong("fail-on"), help: "Fail on a result at this level or above: error, warning, note or none.")
    var failOn: SARIFImporter.Level = .error
    @Option(name: .customLong("fail-on-severity"), help: "Fail on a result of this security severity or above: critical, high, medium or low.")
    var failOnSeverity: SARIFImporter.Severity?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one SARIF file") }
    }

    func run() throws {
        try target.record { () throws(Diagnostic) in try SARIFImporter(failOn: failOn, failOnSeverity: failOnSeverity).run(files) }
    }
}

struct ImportCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "A coverage report: Cobertura XML, JaCoCo XML or lcov (told apart by content).")
    @OptionGroup var target: ImportTarget
    @Argument(help: "The coverage report.") var file: String
    @Option(help: "Lowest line coverage that passes, in percent.") var min: Double

    func validate() throws {
        if !(0...100).contains(min) { throw ValidationError("--min must be a percentage from 0 to 100") }
    }

    func run() throws {
        try target.record { () throws(Diagnostic) in try CoverageImporter(minimum: min).run(file) }
    }
}

extension SARIFImporter.Level: ExpressibleByArgument {}
extension SARIFImporter.Severity: ExpressibleByArgument {}
