import Foundation
import PreflightSupport

/// What the server tells every request about the builds: the folder it serves, the number of the
/// last finished build (good or failed), and that build's errors while it is a failure. The
/// watcher thread writes it, the server's tasks read it.
package final class LiveState: @unchecked Sendable {
    package struct Snapshot: Sendable {
        package var output: String
        package var build: Int
        /// nil while the last build succeeded.
        package var errors: [Diagnostic]?
    }

    private let lock = NSLock()
    private var current: Snapshot

    package init(output: String) {
        current = Snapshot(output: output, build: 0, errors: nil)
    }

    package var snapshot: Snapshot { lock.withLock { current } }

    /// Records a finished build; `errors` nil for a good one. Returns the new build number.
    @discardableResult
    package func finished(output: String, errors: [Diagnostic]?) -> Int {
        lock.withLock {
            current.output = output
            current.build += 1
            current.errors = errors
            return current.build
        }
    }
}
