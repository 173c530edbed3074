import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a file that must not exist yet (`preflight init`, `preflight theme eject`): they
/// promise never to overwrite, and `O_EXCL` keeps that promise even when the file appears between
/// a check and the write, or is a symlink (which is not followed).
package enum NewFile {
    /// Creates `path` with `bytes`; false when something is already there. A partly written file
    /// is removed, so that a second run does not keep it as if it were the user's.
    package static func create(_ path: String, _ bytes: [UInt8]) throws(Diagnostic) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw .error(path, "cannot create the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let reason = written < 0 ? String(cString: strerror(errno)) : "nothing written"
                unlink(path)
                throw .error(path, "cannot write the file: \(reason)")
            }
            offset += written
        }
        return true
    }
}
