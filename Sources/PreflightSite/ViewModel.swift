import Mustache

/// A typed value a template renders. Its stored properties are the template's variables.
///
/// A property that is declared but nil renders as empty (and is false in a section); a name
/// no view model declares is reported by `TemplateLibrary.render` as an error.
///
/// `child(named:)` comes from scripts/generate-lookups.py (ViewModel+Lookup.swift). There is
/// deliberately no default: a view model the generator missed does not compile, instead of
/// falling back to a slow lookup by reflection.
protocol ViewModel: MustacheParent, Sendable {}

/// Stands for a declared property whose value is nil: empty text, a false section.
struct DeclaredNil: MustacheCustomRenderable, Sendable {
    static let value = DeclaredNil()
    var renderText: String { "" }
    var isNull: Bool { true }
}
