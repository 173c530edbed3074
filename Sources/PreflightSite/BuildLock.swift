import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport

/// One build at a time per output folder: an exclusive `flock` on the folder that holds the
/// output. A second build waits, then reads the cache and the site the first one left, so
/// concurrent builds each finish correctly instead of taking run folders from under each other.
/// The kernel drops the lock when the process dies, even by `kill -9`, so a killed build never
/// blocks the next one.
final class BuildLock {
    private let descriptor: Int32

    /// Blocks until no other build holds the lock for `output`'s parent folder.
    init(output: String) throws(DiagnosticList) {
        let parent = SiteOutput.parentFolder(of: output)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticList([.error(parent, "cannot create the folder: \(error.localizedDescription)")])
        }
        descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DiagnosticList([.error(parent, "cannot open the folder to lock it: \(String(cString: strerror(errno)))")])
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw DiagnosticList([.error(parent, "cannot lock the folder for the build: \(reason)")])
            }
        }
    }

    deinit { close(descriptor) }
}
