import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

/// Writing to standard error and leaving with a documented exit code.
///
/// Everything printed as text goes through `TerminalText.escape`, so a hostile name or summary
/// cannot send the terminal control sequences. JSON output is written as it is (its encoder
/// escapes control characters itself).
enum Output {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.escape(text) + "\n").utf8))
    }

    /// A line (or `terminator`-ended text) on standard output.
    static func say(_ text: String, terminator: String = "\n") {
        Swift.print(TerminalText.escape(text), terminator: terminator)
    }

    static func print(diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.description) }
    }
}

/// A failure already reported to the user; only the exit code is left to give.
struct ExitWith: Error {
    let code: Int32
}
