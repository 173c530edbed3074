import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Writes generated files with plain POSIX calls: a build writes thousands of them, and
/// FileManager's per-file checks and folder creation cost more than the writing.
enum FileWriter {
    /// Writes `bytes` to `path`, creating missing folders.
    static func write(_ bytes: some ContiguousBytes, to path: String) throws(DiagnosticList) {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
            } catch {
                throw DiagnosticList([.error(path, "cannot create folder: \(error.localizedDescription)")])
            }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        if !ok { throw failure(path) }
    }

    private static func failure(_ path: String) -> DiagnosticList {
        DiagnosticList([.error(path, "cannot write the file: \(String(cString: strerror(errno)))")])
    }
}
