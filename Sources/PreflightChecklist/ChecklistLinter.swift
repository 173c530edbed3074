import Foundation
import PreflightSupport

/// `preflight check`: every problem of a set of checklist files, in a stable order.
package struct ChecklistLinter: Sendable {
    package var options: ChecklistOptions

    package init(options: ChecklistOptions = .default) {
        self.options = options
    }

    /// Diagnostics for each file, in the order given; unreadable files give one error each.
    package func lint(paths: [String]) -> [Diagnostic] {
        let parser = ChecklistParser(options: options)
        var diagnostics: [Diagnostic] = []
        for path in paths {
            do {
                diagnostics += try parser.parse(fileAt: path).diagnostics
            } catch {
                diagnostics.append(error)
            }
        }
        return diagnostics
    }

    /// Every `.md` file below `directory`, sorted, or an error when the folder is missing.
    package static func markdownFiles(in directory: String) throws(Diagnostic) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(directory, "no such folder of checklists")
        }
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".md") { files.append((directory as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }
}
