import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    /// Writes a new file; false when `path` exists. `O_EXCL` makes "never overwrite" hold even
    /// if the file appears between a check and the write.
    private static func create(_ path: String, _ bytes: [UInt8]) throws(Diagnostic) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw .error(parent, "cannot create the folder: \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw .error(path, "cannot write the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                // A partial file would be skipped by the next eject as if it were the user's.
                unlink(path)
                throw .error(path, "cannot write the file: \(reason)")
            }
            offset += written
        }
        return true
    }
}
