import Foundation
import PreflightSupport

/// The theme compiled into the binary, so that `preflight build` works in a repository holding
/// only checklists. Its files are this repository's `templates/`, `Public/` and `schema/`,
/// embedded by `scripts/generate-theme.py` (`BuiltInTheme+Files.swift`); the tests fail when
/// the embedding has drifted from them.
///
/// - `templates`: path below `templates/` (`partials/item.mustache`) → text.
/// - `publicFiles`: path below `Public/` → bytes.
/// - `schemas`: file name below `schema/` → text.
/// - `starterChecklist`: the GenNet production deployment checklist, `preflight init`'s example.
package enum BuiltInTheme {
    /// Where built-in files appear in messages: no file on disk holds them.
    package static let origin = "<built-in>"
}
