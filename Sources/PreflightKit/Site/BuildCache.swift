import Foundation

/// What a build remembers for the next one, so that an added run does not re-read or
/// re-render the archive. Lives in `.preflight-cache/<output name>/` beside the output folder;
/// deleting it is always safe (the next build is a full one).
struct BuildCache: Codable, Sendable {
    /// Bumped whenever the meaning of a key or entry changes; a cache of another format is ignored.
    static let format = 1

    var format: Int
    var generator: String
    /// By stream: `<checklist>` NUL `<environment>`.
    var streams: [String: StreamCache]

    init() {
        format = Self.format
        generator = PreflightVersion.current
        streams = [:]
    }

    static func key(checklist: String, environment: String) -> String { checklist + "\u{0}" + environment }

    /// The cache folder of an output folder.
    static func folder(for output: String) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        return ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(".preflight-cache/\(name)")
    }

    /// The cache of `output`, or an empty one when there is none or it cannot be used.
    static func load(for output: String) -> BuildCache {
        let path = folder(for: output) + "/cache.json"
        guard let data = FileManager.default.contents(atPath: path),
            let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
            cache.format == format, cache.generator == PreflightVersion.current
        else { return BuildCache() }
        return cache
    }

    /// Saves the cache; a failure only costs the next build its shortcut.
    func save(for output: String) {
        let folder = Self.folder(for: output)
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
            let data = try? CanonicalJSON.encode(self)
        else { return }
        try? RecordWriter.writeAtomically(Data(data), to: folder + "/cache.json")
    }
}

/// One stream's runs as the last build left them.
struct StreamCache: Codable, Sendable {
    var runs: [RunCacheEntry]
    /// The carry-forward state before the stream's last run, and the chain key it belongs to:
    /// an appended run re-merges only the last run and itself.
    var poolChain: String?
    var pool: CarryPool?
}

struct RunCacheEntry: Codable, Sendable {
    var id: String
    /// `stat` of the run folder's entries, standing in for `content` while unchanged.
    var stat: String
    /// SHA-256 over the run folder's file names and contents.
    var content: String
    /// The report's inputs: this run's content, the chain of earlier runs, the checklist.
    var report: String
    /// The run's pages' inputs: the report, the previous run's report, the next run's id, templates.
    var page: String
    /// `stat` of the four files written for the run, to reuse them only while untouched.
    var outputs: String
    var summary: CompactReport
}
