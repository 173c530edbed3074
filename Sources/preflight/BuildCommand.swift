import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site. Exit 0; 1 when inputs have problems (the site is still written) or the build fails.")

    @OptionGroup var site: SiteArguments
    @Flag(help: "Print nothing but problems.") var quiet = false
    @Flag(help: "Print how long each step of the build took.") var timings = false
    @Option(name: .customLong("as-of"), help: "Judge post-deployment phases as of now or an ISO-8601 time (default: the archive's newest timestamp); pages then say so.")
    var asOf: String?

    func validate() throws { _ = try AsOf.parse(asOf) }

    func run() throws {
        // Pages and reports are buffers of hundreds of kilobytes; glibc would map and unmap each
        // one, and the kernel would zero fresh pages every time. Reusing heap memory halved the
        // system time of large builds.
        _ = mallopt(-3, 256 << 20)  // M_MMAP_THRESHOLD
        _ = mallopt(-1, 512 << 20)  // M_TRIM_THRESHOLD
        let onTerminal = isatty(STDERR_FILENO) == 1 && !quiet
        var progress: (@Sendable (Int, Int) -> Void)?
        if onTerminal {
            progress = { done, total in
                FileHandle.standardError.write(Data("\rwriting pages \(done)/\(total)".utf8))
            }
        }
        var options = try site.siteOptions()
        options.asOf = try AsOf.parse(asOf)
        let output = options.output
        let summary: BuildSummary
        do {
            summary = try SiteBuilder(options: options, progress: progress).build()
        } catch {
            if onTerminal { Output.error("") }
            Output.print(diagnostics: error.diagnostics)
            Output.print(diagnostics: [.error(output, "build failed; the site was left as it was")])
            throw ExitCode(1)
        }
        if onTerminal { Output.error("") }
        Output.print(diagnostics: summary.problems)
        let errors = summary.problems.filter { $0.severity == .error }.count
        if !quiet {
            Output.error(String(format: "built %@: %d checklist(s), %d run(s), %d page(s), %d problem(s) in %.2f s",
                                output, summary.checklists, summary.runs, summary.pages, summary.problems.count, summary.seconds))
        }
        if timings {
            for step in summary.steps { Output.error(String(format: "%8.3f s  %@", step.seconds, step.name)) }
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

/// glibc's `mallopt` (malloc.h is not part of the Glibc module).
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
