import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Writes a site into a temporary folder beside the destination and swaps it in when complete,
/// so an interrupted or failed build leaves the previous site whole.
struct SiteOutput {
    let destination: String
    /// The build cache's folder, which holds the trash.
    var cache: String? = nil

    private var parent: String { Self.parentFolder(of: destination) }

    static func parentFolder(of destination: String) -> String {
        let folder = (destination as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The prefix of this output's build folders: `._site.building-`.
    private var stagingPrefix: String { ".\((destination as NSString).lastPathComponent).building-" }

    /// Makes a fresh build folder. Build folders left by killed builds (a killed process cannot
    /// clean up) go to the trash first: the caller holds the `BuildLock`, so none is in use.
    func prepare() throws(DiagnosticList) -> String {
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(stagingPrefix) }
        // A build killed between the two renames of `swapIn` left no site, only the old one aside.
        if !FileManager.default.fileExists(atPath: destination), let old = leftovers.first(where: { $0.hasSuffix(".old") }) {
            _ = rename((parent as NSString).appendingPathComponent(old), destination)
        }
        for name in leftovers where FileManager.default.fileExists(atPath: (parent as NSString).appendingPathComponent(name)) {
            park((parent as NSString).appendingPathComponent(name))
        }
        let staging = (parent as NSString).appendingPathComponent(stagingPrefix + "\(getpid())-\(UInt32.random(in: .min ... .max))")
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticList([.error(staging, "cannot create the build folder: \(error.localizedDescription)")])
        }
        return staging
    }

    /// Writes theme files into `staging` (or its subfolder `name`): built-in ones from their
    /// bytes, a project's by copying. A file may not replace a page the build wrote.
    func copy(_ files: [ThemeFile], to staging: String, as name: String?) throws(DiagnosticList) {
        let target = name.map { (staging as NSString).appendingPathComponent($0) } ?? staging
        for file in files {
            let to = (target as NSString).appendingPathComponent(file.path)
            if FileManager.default.fileExists(atPath: to) {
                throw DiagnosticList([.error(file.origin, "would overwrite the generated file \(file.path)")])
            }
            if let bytes = file.builtIn {
                try FileWriter.write(bytes, to: to)
                continue
            }
            do {
                try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: file.origin, toPath: to)
            } catch {
                throw DiagnosticList([.error(file.origin, "cannot copy: \(error.localizedDescription)")])
            }
        }
    }

    /// Puts the finished site in place so that the output path names a whole site at every
    /// instant: the two folders trade places in one `renameat2(RENAME_EXCHANGE)`, and the old
    /// site, now under the build folder's name, goes to the trash. Where the file system cannot
    /// exchange, the old site is renamed aside first; a build killed between those two renames
    /// leaves only the old site aside, which the next build's `prepare` puts back.
    func swapIn(_ staging: String) throws(DiagnosticList) {
        if FileManager.default.fileExists(atPath: destination) {
            if Self.exchange(staging, destination) {
                KillPoint.reach(.exchanged)
                keepAsSpare(staging)
                return
            }
            let old = staging + ".old"
            guard rename(destination, old) == 0 else {
                throw DiagnosticList([.error(destination, "cannot replace the old site: \(String(cString: strerror(errno)))")])
            }
            KillPoint.reach(.setAside)
            guard rename(staging, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, destination)
                throw DiagnosticList([.error(destination, "cannot move the new site into place: \(reason)")])
            }
            keepAsSpare(old)
            return
        }
        guard rename(staging, destination) == 0 else {
            throw DiagnosticList([.error(destination, "cannot move the new site into place: \(String(cString: strerror(errno)))")])
        }
    }

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, which Swift's Glibc module does not declare (it needs `_GNU_SOURCE`);
    /// nil where the C library lacks it.
    private static let renameat2: Renameat2? = {
        #if os(Linux)
        // RTLD_DEFAULT is the null handle in glibc.
        return dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map { unsafeBitCast($0, to: Renameat2.self) }
        #else
        return nil
        #endif
    }()

    /// Swaps two folders atomically; false when the system or file system cannot (nothing moved).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard !KillPoint.exchangeDisabled, let renameat2 else { return false }
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Where replaced sites wait to be deleted: inside the build cache, on the same file system.
    var trash: String { (cache ?? BuildCache.folder(for: destination)) + "/trash" }

    /// The site the last swap replaced. Its unchanged run folders hold hard links to the very files
    /// of the live site, so the next build renames them into its own folder (`adopt`) instead of
    /// linking every file again and deleting the old links: a thousand renames, not five thousand
    /// unlinks, per build.
    var spare: String { (cache ?? BuildCache.folder(for: destination)) + "/spare" }

    /// Keeps a replaced site as the spare; what is left of the previous spare goes to the trash.
    private func keepAsSpare(_ old: String) {
        if FileManager.default.fileExists(atPath: spare) { park(spare) }
        if rename(old, spare) != 0 { park(old) }
    }

    /// Moves a replaced site to the trash (deleting thousands of files is the slowest part of a
    /// small rebuild, and the next build does it in the background); deletes it if it cannot.
    private func park(_ old: String) {
        let target = trash + "/site-\(getpid())-\(UInt32.random(in: .min ... .max))"
        if (try? FileManager.default.createDirectory(atPath: trash, withIntermediateDirectories: true)) != nil,
            rename(old, target) == 0
        {
            return
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    func discard(_ staging: String) {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

/// Empties the trash of replaced sites on a background thread while a build runs.
final class TrashCollector: @unchecked Sendable {
    private let folder: String
    private let done = DispatchSemaphore(value: 0)

    init(_ folder: String) {
        self.folder = folder
        let thread = Thread { [folder, done] in
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
            done.signal()
        }
        thread.start()
    }

    /// Blocks until the trash is empty, so no work outlives the command.
    func wait() { done.wait() }
}
