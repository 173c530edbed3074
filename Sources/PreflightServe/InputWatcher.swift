import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the inputs of a build look like on disk, cheaply: path, size, modification time and
/// inode of every file below the watched roots. Foundation on Linux has no file events, so
/// `serve` compares one of these every quarter second with the last.
package struct InputSnapshot: Equatable, Sendable {
    package struct Entry: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    package var files: [String: Entry] = [:]
    /// Set when the walk stopped at `InputWatcher.limit`: the snapshot still compares, just on fewer files.
    package var truncated = false
}

/// Walks the watched roots (folders or single files, which may not exist yet) into snapshots.
/// Bounded: symlinks are followed only to files inside a watched root, never into folders (no
/// cycles, no walking off into the disk), the output and the build cache are skipped, and at
/// most `limit` files are looked at.
package struct InputWatcher: Sendable {
    package var roots: [String]
    /// Folders below a root that the build writes itself; a change there is no input change.
    package var skipped: [String]
    package var limit = 200_000

    package init(roots: [String], skipped: [String] = []) {
        self.roots = roots
        self.skipped = skipped
    }

    package func snapshot() -> InputSnapshot {
        var snapshot = InputSnapshot()
        let realRoots = roots.compactMap(SitePath.realPath)
        let realSkipped = Set(skipped.compactMap(SitePath.realPath))
        for root in realRoots {
            var info = stat()
            guard lstat(root, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(root, realRoots: realRoots, skipped: realSkipped, into: &snapshot)
            } else if info.st_mode & S_IFMT == S_IFREG {
                record(root, info, into: &snapshot)
            }
        }
        return snapshot
    }

    private func walk(_ folder: String, realRoots: [String], skipped: Set<String>, into snapshot: inout InputSnapshot) {
        guard !skipped.contains(folder),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() {
            if snapshot.files.count >= limit {
                snapshot.truncated = true
                return
            }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, realRoots: realRoots, skipped: skipped, into: &snapshot)
            case S_IFREG:
                record(path, info, into: &snapshot)
            case S_IFLNK:
                // A link counts as its target, if that is a file inside a watched root.
                guard let target = SitePath.realPath(path),
                      realRoots.contains(where: { target == $0 || target.hasPrefix($0 + "/") }),
                      stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                record(path, info, into: &snapshot)
            default:
                continue
            }
        }
    }

    private func record(_ path: String, _ info: stat, into snapshot: inout InputSnapshot) {
        snapshot.files[path] = InputSnapshot.Entry(
            size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino))
    }
}
