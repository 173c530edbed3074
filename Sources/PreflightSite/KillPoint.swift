import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Named moments of a build at which a test has the process killed with SIGKILL
/// (`PREFLIGHT_TEST_KILL_AT=adopted`), to prove that a kill there leaves the live site whole and
/// the next build recovers. Unset, as in every real build, `reach` does nothing.
enum KillPoint: String {
    /// Every page is in the build folder and unchanged runs' files are linked in; nothing swapped.
    case adopted
    /// The fallback swap (no `RENAME_EXCHANGE`) moved the old site aside; no site is in place.
    case setAside = "set-aside"
    /// The new site is in place; the old one, under the build folder's name, is not yet in the trash.
    case exchanged

    private static let target = ProcessInfo.processInfo.environment["PREFLIGHT_TEST_KILL_AT"]

    /// Whether the fallback swap is forced (`PREFLIGHT_TEST_NO_EXCHANGE=1`), to test it on a file
    /// system that can exchange.
    static let exchangeDisabled = ProcessInfo.processInfo.environment["PREFLIGHT_TEST_NO_EXCHANGE"] != nil

    static func reach(_ point: KillPoint) {
        if target == point.rawValue { kill(getpid(), SIGKILL) }
    }
}
