import Mustache
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The content type every page's templates escape with: `HTMLEscaping` (in PreflightSupport,
/// where the checklist parser escapes the HTML it builds the same way).
struct FastHTMLContentType: MustacheContentType {
    /// The name templates are switched to when they load (see `TemplateLibrary`).
    static let name = "PREFLIGHT_HTML"

    static let register: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
