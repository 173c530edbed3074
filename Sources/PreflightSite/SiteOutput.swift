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

    /// Moves the old site aside and the finished one into place: two renames, no copying,
    /// and the old site is deleted only once the new one is in place.
    func swapIn(_ staging: String) throws(DiagnosticList) {
        if FileManager.default.fileExists(atPath: destination) {
            let old = staging + ".old"
            guard rename(destination, old) == 0 else {
                throw DiagnosticList([.error(destination, "cannot replace the old site: \(String(cString: strerror(errno)))")])
            }
            guard rename(staging, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, destination)
                throw DiagnosticList([.error(destination, "cannot move the new site into place: \(reason)")])
            }
            park(old)
            return
        }
        guard rename(staging, destination) == 0 else {
            throw DiagnosticList([.error(destination, "cannot move the new site into place: \(String(cString: strerror(errno)))")])
        }
    }

    /// Moves the folders of unchanged runs from the live site into the new one: one rename each, no
    /// new files, and little left for the trash (new files right after mass deletions are slow to
    /// make). Called just before `swapIn`, so that a build failing earlier leaves the live site
    /// whole; a run that cannot be moved is copied with `fallback`. Returns the runs moved, which
    /// `giveBack` returns if the build fails after all.
    func adopt(runs ids: [String], files: [String], from old: String, into staging: String,
               fallback: (String, String) throws(DiagnosticList) -> Void) throws(DiagnosticList) -> [String] {
        guard !ids.isEmpty else { return [] }
        let runs = staging + "/runs"
        if mkdir(runs, 0o755) != 0 && errno != EEXIST {
            throw DiagnosticList([.error(runs, "cannot create the folder: \(String(cString: strerror(errno)))")])
        }
        var moved: [String] = []
        let expected = Set(files)
        for id in ids {
            // A folder holding anything besides the run's files and attachments (put there by hand)
            // is not taken over: the new site must be what a clean build writes.
            if Self.entries(of: "\(old)/runs/\(id)")?.subtracting([Attachment.folder]) == expected, rename("\(old)/runs/\(id)", "\(runs)/\(id)") == 0 {
                moved.append(id)
                continue
            }
            do {
                try fallback(id, old)
            } catch {
                giveBack(moved, from: staging, to: old)
                throw error
            }
        }
        return moved
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

    /// Moves adopted run folders back into the live site (a build failed after `adopt`).
    func giveBack(_ ids: [String], from staging: String, to old: String) {
        for id in ids.reversed() { _ = rename("\(staging)/runs/\(id)", "\(old)/runs/\(id)") }
    }

    /// Where replaced sites wait to be deleted: inside the build cache, on the same file system.
    var trash: String { (cache ?? BuildCache.folder(for: destination)) + "/trash" }

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
