import Foundation
import PreflightSupport

/// One `[[import]]` entry of preflight.toml: the files a glob matches, read as one format, for one item.
package struct ImportMapping: Sendable, Equatable {
    package enum Format: String, CaseIterable, Sendable { case junit, sarif, coverage, checklist }

    package var files: String
    package var format: Format
    /// The item reference (not used by `checklist`, which matches every item).
    package var item: String?
    package var maxFailures: Int?
    package var failOn: String?
    package var failOnSeverity: String?
    package var min: Double?
    /// Who attests a filled-in checklist.
    package var by: String?
    /// Where the entry is, for messages: `preflight.toml:12`.
    package var origin: String
    /// The folder globs are relative to (the config file's).
    package var folder: String

    package init(files: String, format: Format, item: String?, maxFailures: Int?, failOn: String?, failOnSeverity: String?,
                 min: Double?, by: String?, origin: String, folder: String) {
        self.files = files
        self.format = format
        self.item = item
        self.maxFailures = maxFailures
        self.failOn = failOn
        self.failOnSeverity = failOnSeverity
        self.min = min
        self.by = by
        self.origin = origin
        self.folder = folder
    }

    /// The regular files the glob matches, sorted (links and hidden files left out).
    package func matches() -> [String] {
        let pattern = files.hasPrefix("/") ? files : (folder as NSString).appendingPathComponent(files)
        return Glob.match(pattern)
    }
}

/// `*`, `?`, `[…]` per path component (fnmatch) and `**` for any depth of folders.
package enum Glob {
    package static func match(_ pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let parts = pattern.split(separator: "/").map(String.init).filter { $0 != "." }
        var found: Set<String> = []
        walk(absolute ? "/" : ".", parts[...], into: &found, budget: 100_000)
        return found.map { absolute || !$0.hasPrefix("./") ? $0 : String($0.dropFirst(2)) }.sorted()
    }

    private static func walk(_ folder: String, _ parts: ArraySlice<String>, into found: inout Set<String>, budget: Int) {
        guard let part = parts.first, found.count < budget else { return }
        let rest = parts.dropFirst()
        let join = { (name: String) in folder == "/" ? "/" + name : folder + "/" + name }
        var info = stat()
        if part == "**" {
            walk(folder, rest, into: &found, budget: budget)
            for name in entries(folder) where lstat(join(name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                walk(join(name), parts, into: &found, budget: budget)
            }
            return
        }
        let literal = !part.contains(where: { "*?[".contains($0) })
        let names = literal ? [part] : entries(folder).filter { fnmatch(part, $0, FNM_PERIOD) == 0 }
        for name in names {
            let path = join(name)
            guard lstat(path, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            if rest.isEmpty { if kind == S_IFREG { found.insert(path) } }
            else if kind == S_IFDIR { walk(path, rest, into: &found, budget: budget) }
        }
    }

    private static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
