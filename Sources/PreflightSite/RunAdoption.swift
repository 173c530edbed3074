import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport

/// Brings unchanged runs' folders into the build folder on a background queue while the rest of
/// the build reads, merges and renders. The first build after a full one has no spare to take run
/// folders from: it makes a folder for every run and links its files, and making a thousand folders
/// (a new inode each, slow on ext4 after mass deletions) is what that build would otherwise wait
/// for. So the folders of the runs the previous site holds are made as soon as the build folder
/// exists, and the files linked once the unchanged runs are known.
final class RunAdoption: @unchecked Sendable {
    private let site: SiteOutput
    private let old: String
    private let staging: String
    private let queue = DispatchQueue(label: "preflight.run-adoption")
    /// Written on `queue` only; read after `wait` has drained it.
    private var made: [String] = []
    private var failure: DiagnosticList?

    init(_ site: SiteOutput, from old: String, into staging: String) {
        self.site = site
        self.old = old
        self.staging = staging
    }

    /// Makes the folders of `ids` that the previous site holds, unless a spare holds them already
    /// (then `adopt` renames the spare's folders in, with no new folder at all).
    func prepareFolders(_ ids: [String]) {
        guard !ids.isEmpty, !FileManager.default.fileExists(atPath: site.spare) else { return }
        queue.async { [self] in
            let runs = staging + "/runs"
            guard mkdir(runs, 0o755) == 0 || errno == EEXIST else { return }
            // An id from a tampered cache never names a path outside `runs`.
            for id in ids where !id.contains("/") && !id.hasPrefix(".") && Self.isFolder("\(old)/runs/\(id)") && mkdir("\(runs)/\(id)", 0o755) == 0 {
                made.append(id)
            }
        }
    }

    /// Links (or takes from the spare) the folders of the unchanged runs; then removes the folders
    /// made ahead that stayed empty (runs gone from the archive). Pages rendered meanwhile never go
    /// into an unchanged run's folder, and every rendered run's folder has files.
    func adopt(runs ids: [String], files: [String]) {
        queue.async { [self] in
            do throws(DiagnosticList) {
                try site.adopt(runs: ids, files: files, from: old, into: staging)
            } catch {
                failure = error
            }
            let adopted = Set(ids)
            for id in made where !adopted.contains(id) { _ = rmdir("\(staging)/runs/\(id)") }
        }
    }

    /// Blocks until the queued work is done; throws what the linking met. A failed build waits too,
    /// before it deletes the build folder the queue writes into.
    func wait() throws(DiagnosticList) {
        queue.sync {}
        if let failure { throw failure }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
