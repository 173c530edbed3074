import Foundation
import PreflightSupport

/// Links unchanged runs' files into the build folder on a background thread while the rest of the
/// build renders the site-wide pages. The first build after a full one has no spare to take run
/// folders from and links every file of every unchanged run; on the second core that costs no
/// wall time. The pages being rendered meanwhile never go into an unchanged run's folder.
final class RunAdoption: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the thread before it signals `done`, read only after `wait` has seen the signal.
    private var failure: DiagnosticList?
    private var joined = false

    init(_ site: SiteOutput, runs ids: [String], files: [String], from old: String, into staging: String) {
        let thread = Thread { [self] in
            do throws(DiagnosticList) {
                try site.adopt(runs: ids, files: files, from: old, into: staging)
            } catch {
                failure = error
            }
            done.signal()
        }
        thread.start()
    }

    /// Blocks until every file is linked; throws what the linking met. Safe to call again (a
    /// failed build waits too, before it deletes the build folder the thread writes into).
    func wait() throws(DiagnosticList) {
        if !joined {
            done.wait()
            joined = true
        }
        if let failure { throw failure }
    }
}
