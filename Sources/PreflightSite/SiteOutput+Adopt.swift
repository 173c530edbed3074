import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightRuns

extension SiteOutput {
    /// Brings the files of unchanged runs from the live site into the new one as hard links (a
    /// copy where a link cannot be made), or takes the spare's folder of the run when it holds
    /// those very files, so the live site is never modified before the swap: a
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
        let allowed = Set(files + [Attachment.folder])
        for id in ids {
            let folder = "\(runs)/\(id)"
            // The spare's folder of the run, when it holds exactly the live folder's files (the
            // same inodes), is the run's folder already: one rename from outside the live site.
            let spared = "\(spare)/runs/\(id)"
            if Self.sameFiles(spared, "\(old)/runs/\(id)", allowed: allowed), rename(spared, folder) == 0 { continue }
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
    }

    /// Whether two folders hold the same names, each the same file (device and inode) or a folder
    /// of the same files, and only names from `allowed` at the top; links and other kinds never match.
    private static func sameFiles(_ a: String, _ b: String, allowed: Set<String>? = nil) -> Bool {
        var folder = stat()
        guard lstat(a, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR,
              let names = entries(of: a), names == entries(of: b), allowed.map(names.isSubset) ?? true else { return false }
        for name in names {
            var x = stat()
            var y = stat()
            guard lstat("\(a)/\(name)", &x) == 0, lstat("\(b)/\(name)", &y) == 0, x.st_mode & S_IFMT == y.st_mode & S_IFMT else { return false }
            switch x.st_mode & S_IFMT {
            case S_IFREG: guard x.st_ino == y.st_ino, x.st_dev == y.st_dev else { return false }
            case S_IFDIR: guard sameFiles("\(a)/\(name)", "\(b)/\(name)") else { return false }
            default: return false
            }
        }
        return true
    }

    /// The names in a folder, nil when it cannot be read.
    private static func entries(of folder: String) -> Set<String>? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: Set<String> = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.insert(name) }
        }
        return names
    }

    /// Links `names` from one folder into another, each path looked up relative to the two open
    /// folders rather than from the root; copies a file that cannot be linked (another file system).
    static func link(_ names: [String], from: String, to: String) throws {
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
