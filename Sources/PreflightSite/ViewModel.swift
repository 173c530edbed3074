import Mustache
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A typed value a template renders. Its stored properties are the template's variables.
///
/// A property that is declared but nil renders as empty (and is false in a section); a name
/// no view model declares is reported by `TemplateLibrary.render` as an error.
protocol ViewModel: MustacheParent, Sendable {}

extension ViewModel {
    func child(named name: String) -> Any? {
        for child in Mirror(reflecting: self).children where child.label == name {
            let value = child.value
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return value }
            return mirror.children.first?.value ?? DeclaredNil.value
        }
        return nil
    }
}

/// Stands for a declared property whose value is nil: empty text, a false section.
struct DeclaredNil: MustacheCustomRenderable, Sendable {
    static let value = DeclaredNil()
    var renderText: String { "" }
    var isNull: Bool { true }
}
