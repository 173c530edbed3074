import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a temporary folder beside the destination and swaps it in when complete,
/// so an interrupted or failed build leaves the previous site whole.
struct SiteOutput {
    let destination: String

    private var parent: String {
        let folder = (destination as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    func prepare() throws(DiagnosticList) -> String {
        let name = (destination as NSString).lastPathComponent
        let staging = (parent as NSString).appendingPathComponent(".\(name).building-\(getpid())-\(UInt32.random(in: .min ... .max))")
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticList([.error(staging, "cannot create the build folder: \(error.localizedDescription)")])
        }
        return staging
    }

    /// Copies the files below `source` into `staging` (or its subfolder `name`).
    func copyTree(_ source: String, to staging: String, as name: String?) throws(DiagnosticList) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList([.error(source, "no such folder of static files")])
        }
        let target = name.map { (staging as NSString).appendingPathComponent($0) } ?? staging
        let files = (FileManager.default.enumerator(atPath: source)?.allObjects as? [String] ?? []).sorted()
        do {
            for file in files {
                let from = (source as NSString).appendingPathComponent(file)
                let to = (target as NSString).appendingPathComponent(file)
                _ = FileManager.default.fileExists(atPath: from, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true)
                } else if !FileManager.default.fileExists(atPath: to) {
                    try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try FileManager.default.copyItem(atPath: from, toPath: to)
                } else {
                    throw DiagnosticList([.error(from, "would overwrite the generated file \(file)")])
                }
            }
        } catch let error as DiagnosticList {
            throw error
        } catch {
            throw DiagnosticList([.error(source, "cannot copy: \(error.localizedDescription)")])
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

    /// Where replaced sites wait to be deleted: inside the build cache, on the same file system.
    var trash: String { BuildCache.folder(for: destination) + "/trash" }

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
