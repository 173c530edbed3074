import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// What a build remembers for the next one, so that an added run does not re-read or
/// re-render the archive. Lives in `.preflight-cache/<output name>/` beside the output folder;
/// deleting it is always safe (the next build is a full one).
///
/// Written and read by hand rather than through Codable: the cache of a 1,000-run archive is
/// read on every build, and Foundation's decoder alone took longer than the rest of an
/// incremental build.
struct BuildCache: Sendable {
    /// Bumped whenever the meaning of a key or entry changes; a cache of another format is ignored.
    /// 4: run summaries keep which parents their own results decided (`own`).
    /// 5: run summaries keep the evidence and report.json digests (`digests`).
    /// 6: streams keep their trend folder's key and output fingerprint (`trend`).
    /// 7: each stream in a file of its own (`stream-….json`); `cache.json` lists the streams.
    static let format = 7

    var streams: [StreamKey: StreamCache] = [:]
    /// The templates run pages and sheets were rendered from (partials they include aside),
    /// as the fragment cache noted them, and the fingerprint of those and their partials.
    var pageTemplates: [String] = []
    var templatesKey = ""
    /// Where the cache was read from (pool files are read from there on demand).
    var folder = ""

    /// The cache folder of an output folder: `<caches>/<output name>`, where the caches folder is
    /// `.preflight-cache` beside the output unless the project names another.
    static func folder(for output: String, in caches: String? = nil) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let root = caches ?? ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(".preflight-cache")
        return (root as NSString).appendingPathComponent(name)
    }

    /// The cache in `folder`, or an empty one when there is none or it cannot be used. A stream
    /// whose file is missing or unreadable is left out (the build merges and renders it again).
    static func load(from folder: String) -> BuildCache {
        var cache = BuildCache()
        cache.folder = folder
        guard let bytes = try? TextFile.bytes(folder + "/cache.json", limit: fileSizeLimit, followLinks: false),
            let root = try? JSONValue.parse(bytes: bytes),
            root["format"] == .number(Double(format)), root["generator"] == .string(PreflightVersion.current),
            case .array(let listed)? = root["streams"]
        else { return cache }
        if case .array(let names)? = root["page_templates"] { cache.pageTemplates = names.compactMap(\.string) }
        cache.templatesKey = root["templates_key"]?.string ?? ""
        let keys = listed.compactMap { $0.string.flatMap(StreamKey.init(cacheText:)) }
        // Streams are parsed in parallel: at 10,000 runs their files hold 18 MB of JSON.
        let streams = ParallelMap.run(keys) { key -> StreamCache? in
            guard let bytes = try? TextFile.bytes(folder + "/" + streamFile(key), limit: fileSizeLimit, followLinks: false),
                let value = try? JSONValue.parse(bytes: bytes), value["key"]?.string == key.cacheText
            else { return nil }
            return StreamCache(value)
        }
        for (key, stream) in zip(keys, streams) { cache.streams[key] = stream }
        return cache
    }

    /// Largest cache file read: a stream of 100,000 runs writes about 200 MB.
    static let fileSizeLimit = 1 << 30

    /// The file holding one stream's entries: named by the stream key's digest, so a stream's
    /// file is rewritten only when that stream changed.
    static func streamFile(_ key: StreamKey) -> String {
        "stream-" + ContentKeys.combine([key.cacheText]).prefix(32) + ".json"
    }

    /// Saves the cache; a failure only costs the next build its shortcut. A stream equal to the
    /// one `previous` loaded keeps its file: adding a run to one stream of a fleet rewrites that
    /// stream's file and the small index, not every stream's runs.
    func save(to folder: String, previous: BuildCache) {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let keys = streams.keys.sorted()
        for key in keys {
            guard let stream = streams[key] else { continue }
            let path = folder + "/" + Self.streamFile(key)
            if let old = previous.streams[key], old.savesAs(stream), FileManager.default.fileExists(atPath: path) { continue }
            var json = JSONBuilder()
            stream.write(&json, key: key.cacheText)
            try? RecordWriter.writeAtomically(Data(json.bytes), to: path)
        }
        // The index goes last: a build killed before it leaves stream files that still match
        // the site the swap put in place (each run's entry is checked against its outputs).
        var json = JSONBuilder()
        json.beginObject()
        json.key("format"); json.int(Self.format)
        json.key("generator"); json.string(PreflightVersion.current)
        json.key("page_templates"); json.array(pageTemplates) { $1.string($0) }
        json.key("templates_key"); json.string(templatesKey)
        json.key("streams"); json.array(keys) { $1.string($0.cacheText) }
        json.endObject()
        try? RecordWriter.writeAtomically(Data(json.bytes), to: folder + "/cache.json")
        for stream in streams.values {
            guard let pool = stream.pool, let chain = stream.poolChain else { continue }
            let path = folder + "/pool-\(chain).json"
            if !FileManager.default.fileExists(atPath: path), let data = try? JSONEncoder.canonicalJSON(pool) {
                try? RecordWriter.writeAtomically(data, to: path)
            }
        }
        // Pools of earlier builds are kept only while a stream still refers to them; so are streams' files.
        let kept = Set(streams.values.compactMap { $0.poolChain.map { "pool-\($0).json" } } + keys.map(Self.streamFile))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where (name.hasPrefix("pool-") || name.hasPrefix("stream-")) && !kept.contains(name) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// The carry-forward state saved for `chain`, if any.
    func pool(chain: String) -> CarryPool? {
        guard let data = FileManager.default.contents(atPath: folder + "/pool-\(chain).json") else { return nil }
        return try? JSONDecoder().decode(CarryPool.self, from: data)
    }
}

/// One stream's runs as the last build left them.
struct StreamCache: Sendable {
    var runs: [RunCacheEntry]
    /// The chain key before the stream's last run: the carry-forward state there is saved in a
    /// pool file, so an appended run re-merges only the last run and itself.
    var poolChain: String?
    /// The state to save (set by the build that computed it).
    var pool: CarryPool?
    /// What the stream's trend folder was made from, and how its files stood when written.
    var trend: TrendCacheEntry?

    init(runs: [RunCacheEntry], poolChain: String?, pool: CarryPool?) {
        self.runs = runs
        self.poolChain = poolChain
        self.pool = pool
    }

    init?(_ value: JSONValue) {
        guard case .array(let runs)? = value["runs"] else { return nil }
        self.runs = runs.compactMap(RunCacheEntry.init)
        guard self.runs.count == runs.count else { return nil }
        poolChain = value["pool_chain"]?.string
        if let key = value["trend"]?["key"]?.string, let outputs = value["trend"]?["outputs"]?.string {
            trend = TrendCacheEntry(key: key, outputs: outputs)
        }
    }

    /// Whether saving `other` would write what this one was saved as (the pool is saved apart).
    func savesAs(_ other: StreamCache) -> Bool {
        runs == other.runs && poolChain == other.poolChain && trend == other.trend
    }

    func write(_ json: inout JSONBuilder, key: String) {
        json.beginObject()
        json.key("key"); json.string(key)
        if let poolChain { json.key("pool_chain"); json.string(poolChain) }
        json.key("runs"); json.array(runs) { $0.write(&$1) }
        if let trend {
            json.key("trend")
            json.beginObject()
            json.key("key"); json.string(trend.key)
            json.key("outputs"); json.string(trend.outputs)
            json.endObject()
        }
        json.endObject()
    }
}

struct RunCacheEntry: Sendable, Equatable {
    var id: String
    /// `stat` of the run folder's entries, standing in for `content` while unchanged.
    var stat: String
    /// SHA-256 over the run folder's file names and contents.
    var content: String
    /// The report's inputs: this run's content, the chain of earlier runs, the checklist.
    var report: String
    /// The run's pages' inputs: the report, the previous run's report, the next run's id, the generator
    /// (templates are keyed once for all run pages: `BuildCache.templatesKey`).
    var page: String
    /// `stat` of the files written for the run, to reuse them only while untouched.
    var outputs: String
    var summary: RunSummary
    /// For a deployed run with phases still open: the reference time its pages were judged at
    /// (they are reused only while it has not moved); nil for every other run.
    var asOf: String?

    init(id: String, stat: String, content: String, report: String, page: String, outputs: String, summary: RunSummary) {
        self.id = id
        self.stat = stat
        self.content = content
        self.report = report
        self.page = page
        self.outputs = outputs
        self.summary = summary
    }

    init?(_ value: JSONValue) {
        guard let id = value["id"]?.string, let stat = value["stat"]?.string, let content = value["content"]?.string,
            let report = value["report"]?.string, let page = value["page"]?.string, let outputs = value["outputs"]?.string,
            let summary = value["summary"].flatMap(RunSummary.init(cached:))
        else { return nil }
        self.init(id: id, stat: stat, content: content, report: report, page: page, outputs: outputs, summary: summary)
        asOf = value["as_of"]?.string
    }

    func write(_ json: inout JSONBuilder) {
        json.beginObject()
        if let asOf { json.key("as_of"); json.string(asOf) }
        json.key("content"); json.string(content)
        json.key("id"); json.string(id)
        json.key("outputs"); json.string(outputs)
        json.key("page"); json.string(page)
        json.key("report"); json.string(report)
        json.key("stat"); json.string(stat)
        json.key("summary"); summary.writeCached(&json)
        json.endObject()
    }
}
