import Foundation
import PreflightSupport
import PreflightSite

/// The watch loop: builds, then polls the inputs and rebuilds (incrementally, through the build
/// cache) once they have been quiet for a moment, so that an editor's save or a `record` burst
/// makes one build, not ten. Runs on its own thread: builds are synchronous and long, and the
/// server's tasks must not wait for them.
package final class Rebuilder: @unchecked Sendable {
    /// The build's inputs and outputs, looked up again for every build: a changed
    /// `preflight.toml` can move them.
    let resolve: @Sendable () throws -> SiteOptions
    let state: LiveState
    let log: @Sendable (String) -> Void
    let pollInterval: Double
    let quietTime: Double
    /// The settings file, watched beside the folders.
    let configFile: String

    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    package init(resolve: @escaping @Sendable () throws -> SiteOptions, state: LiveState, configFile: String = "preflight.toml",
                 pollInterval: Double = 0.25, quietTime: Double = 0.3, log: @escaping @Sendable (String) -> Void) {
        self.resolve = resolve
        self.state = state
        self.configFile = configFile
        self.pollInterval = pollInterval
        self.quietTime = quietTime
        self.log = log
    }

    /// Builds once; returns what the inputs looked like just before, for the loop to compare with.
    @discardableResult
    package func build() -> InputSnapshot {
        let options: SiteOptions
        do {
            options = try resolve()
        } catch {
            let errors = Self.diagnostics(of: error)
            report(failure: errors, output: state.snapshot.output)
            return watcher(for: state.snapshot.output, options: nil).snapshot()
        }
        let before = watcher(for: options.output, options: options).snapshot()
        do {
            let summary = try SiteBuilder(options: options).build()
            for problem in summary.problems { log(problem.description) }
            let build = state.finished(output: options.output, errors: nil)
            log(String(format: "build %d: %d page(s), %d problem(s) in %.2f s", build, summary.pages, summary.problems.count,
                       summary.seconds))
        } catch {
            report(failure: error.diagnostics, output: options.output)
        }
        return before
    }

    private func report(failure errors: [Diagnostic], output: String) {
        for error in errors { log(error.description) }
        let build = state.finished(output: output, errors: errors)
        log("build \(build) failed; the last good site stays in \(output), pages show the errors until a build succeeds")
    }

    /// The watched inputs of a build with `options` (nil when they could not be read: then only
    /// the settings file, whose fix is what will make them readable).
    func watcher(for output: String, options: SiteOptions?) -> InputWatcher {
        var roots = [configFile]
        if let options {
            roots += [options.content, options.runs, options.templates, options.publicDir]
            if let schema = options.schema { roots.append(schema) }
        }
        let parent = (output as NSString).deletingLastPathComponent
        return InputWatcher(roots: roots, skipped: [output, ((parent.isEmpty ? "." : parent) as NSString)
            .appendingPathComponent(".preflight-cache")])
    }

    /// Starts the loop on a thread of its own, from the state `start` describes.
    package func startWatching(from start: InputSnapshot) {
        let thread = Thread { [self] in
            loop(from: start)
            finished.signal()
        }
        thread.name = "preflight-serve-watch"
        thread.start()
    }

    /// Asks the loop to end and waits until it has (after the build under way, if any).
    package func stop() {
        lock.withLock { stopping = true }
        finished.wait()
    }

    private var shouldStop: Bool { lock.withLock { stopping } }

    private func loop(from start: InputSnapshot) {
        var built = start
        var pending: InputSnapshot?
        var changedAt = 0.0
        while !shouldStop {
            // Once something changed, look more often, to build as soon as it is quiet.
            Thread.sleep(forTimeInterval: pending == nil ? pollInterval : min(pollInterval, quietTime / 3))
            if shouldStop { break }
            let now = currentWatcher().snapshot()
            if now == built && pending == nil { continue }
            if now != pending {
                pending = now
                changedAt = ProcessInfo.processInfo.systemUptime
                continue
            }
            guard ProcessInfo.processInfo.systemUptime - changedAt >= quietTime else { continue }
            pending = nil
            built = build()
        }
    }

    private func currentWatcher() -> InputWatcher {
        let options = try? resolve()
        return watcher(for: options?.output ?? state.snapshot.output, options: options)
    }

    static func diagnostics(of error: any Error) -> [Diagnostic] {
        if let diagnostic = error as? Diagnostic { return [diagnostic] }
        if let list = error as? DiagnosticList { return list.diagnostics }
        return [.error("preflight", "\(error)")]
    }
}
