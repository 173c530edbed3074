import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightRuns

extension SiteOutput {
    /// Brings the files of unchanged runs from the live site into the new one as hard links (a
    /// copy where a link cannot be made), so the live site is never modified before the swap: a
    /// build killed at any moment leaves it byte-identical. Only the run's own files and its
    /// attachments come over; anything put into the folder by hand stays with the old site, so
    /// the new site is what a clean build writes. Links keep size, time and inode, so the next
    /// build's cache still recognises the files as untouched.
    func adopt(runs ids: [String], files: [String], from old: String, into staging: String) throws(DiagnosticList) {
        guard !ids.isEmpty else { return }
        let runs = staging + "/runs"
        if mkdir(runs, 0o755) != 0 && errno != EEXIST {
            throw DiagnosticList([.error(runs, "cannot create the folder: \(String(cString: strerror(errno)))")])
        }
        for id in ids {
            let folder = "\(runs)/\(id)"
            do {
                if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                try Self.link(files, from: "\(old)/runs/\(id)", to: folder)
                let attachments = "\(old)/runs/\(id)/\(Attachment.folder)"
                var info = stat()
                if lstat(attachments, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                    try Self.linkTree(attachments, to: "\(folder)/\(Attachment.folder)")
                }
            } catch {
                throw DiagnosticList([.error(folder, "cannot reuse the previous site's files: \(error.localizedDescription)")])
            }
        }
        KillPoint.reach(.adopted)
    }

    /// Links `names` from one folder into another, each path looked up relative to the two open
    /// folders rather than from the root; copies a file that cannot be linked (another file system).
    private static func link(_ names: [String], from: String, to: String) throws {
        let source = open(from, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        let target = open(to, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer {
            if source >= 0 { close(source) }
            if target >= 0 { close(target) }
        }
        for name in names where source < 0 || target < 0 || linkat(source, name, target, name, 0) != 0 {
            try FileManager.default.copyItem(atPath: "\(from)/\(name)", toPath: "\(to)/\(name)")
        }
    }

    /// Recreates a folder tree of regular files as links (or copies); links inside are not followed.
    private static func linkTree(_ from: String, to: String) throws {
        try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
        var files: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: from).sorted() {
            var info = stat()
            guard lstat("\(from)/\(name)", &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try linkTree("\(from)/\(name)", to: "\(to)/\(name)")
            case S_IFREG: files.append(name)
            default: continue
            }
        }
        try link(files, from: from, to: to)
    }
}
