import Foundation
import PreflightSupport

extension BuiltInTheme {
    /// What `eject(into:)` did, by path as given (`DIR/templates/layout.mustache`).
    package struct Ejected: Sendable {
        package var written: [String] = []
        /// Files that already existed and were left as they were.
        package var skipped: [String] = []
        /// Files that could not be written.
        package var problems: [Diagnostic] = []
    }

    /// Copies the built-in `templates/` and `Public/` below `folder` for editing, never replacing
    /// a file: a path that exists (a symlink too) is skipped, so ejecting again restores only
    /// what was deleted. Sorted by path.
    package static func eject(into folder: String) -> Ejected {
        var result = Ejected()
        let files = templates.map { ("templates/" + $0.key, Array($0.value.utf8)) } + publicFiles.map { ("Public/" + $0.key, $0.value) }
        for (relative, bytes) in files.sorted(by: { $0.0 < $1.0 }) {
            let path = folder == "." ? relative : (folder as NSString).appendingPathComponent(relative)
            do {
                if try create(path, bytes) { result.written.append(path) } else { result.skipped.append(path) }
            } catch {
                result.problems.append(error)
            }
        }
        return result
    }

    /// Writes a new file in its folder (made when missing); false when `path` exists.
    private static func create(_ path: String, _ bytes: [UInt8]) throws(Diagnostic) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw .error(parent, "cannot create the folder: \(error.localizedDescription)")
            }
        }
        return try NewFile.create(path, bytes)
    }
}
