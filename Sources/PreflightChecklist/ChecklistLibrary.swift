import Foundation
import PreflightSupport

/// The checklists of a content folder, by name, parsed once.
package struct ChecklistLibrary: Sendable {
    package private(set) var checklists: [String: ParsedChecklist] = [:]
    /// Files that could not be read at all.
    package private(set) var failures: [Diagnostic] = []
    /// The settings the checklists were parsed with (a build cache keys reports on them).
    package private(set) var options: ChecklistOptions = .default

    package init(checklists: [ParsedChecklist]) {
        for parsed in checklists { self.checklists[parsed.checklist.name] = parsed }
    }

    /// Parses every `.md` file under `directory`.
    package static func load(_ directory: String, options: ChecklistOptions = .default) throws(Diagnostic) -> ChecklistLibrary {
        let parser = ChecklistParser(options: options)
        var library = ChecklistLibrary(checklists: [])
        library.options = options
        for path in try ChecklistLinter.markdownFiles(in: directory) {
            do {
                let parsed = try parser.parse(fileAt: path)
                if let other = library.checklists[parsed.checklist.name] {
                    library.failures.append(.error(path, "a second checklist named '\(parsed.checklist.name)' (first: \(other.checklist.path))"))
                    continue
                }
                library.checklists[parsed.checklist.name] = parsed
            } catch {
                library.failures.append(error)
            }
        }
        return library
    }

    /// Names in sorted order.
    package var names: [String] { checklists.keys.sorted() }

    /// The checklist a run names, or a problem that says which names exist.
    package func checklist(named name: String, for path: String) throws(Diagnostic) -> Checklist {
        guard let parsed = checklists[name] else {
            let known = names.isEmpty ? "there are no checklists" : "known: " + names.joined(separator: ", ")
            throw .error(path, "run names unknown checklist '\(name)' (\(known))")
        }
        return parsed.checklist
    }
}
