import Foundation
import PreflightSupport
import PreflightImport
import PreflightChecklist
import PreflightReport
import PreflightHistory
import PreflightSite
import PreflightRuns

/// A project's effective settings: command-line flags over `preflight.toml` over the defaults,
/// each value with where it came from.
package struct ProjectConfig: Sendable {
    /// The file read from the current folder when no `--config` is given.
    package static let fileName = "preflight.toml"
    /// Largest settings file read.
    static let sizeLimit = 1 << 20

    private var values: [ConfigKey: (value: ConfigValue, origin: ConfigOrigin)] = [:]
    /// The file the settings were read from, if any.
    package private(set) var file: String?
    /// The `[[import]]` mappings, in file order.
    package private(set) var imports: [ImportMapping] = []

    /// The defaults alone.
    package init() {}

    /// Settings from `text`, the contents of the file at `path`.
    package init(text: String, path: String) throws(DiagnosticList) {
        let folder = (path as NSString).deletingLastPathComponent
        for (key, (value, line)) in try ConfigFile.read(text, path: path, folder: folder) {
            values[key] = (value, .file(path, line: line))
        }
        imports = try ConfigFile.imports(text, path: path, folder: folder)
        file = path
    }

    /// The settings of `explicit` (`--config`), which must exist, else of `preflight.toml` in the
    /// current folder when there is one, else the defaults.
    package static func load(_ explicit: String? = nil) throws(DiagnosticList) -> ProjectConfig {
        let path = explicit ?? fileName
        if explicit == nil && !FileManager.default.fileExists(atPath: path) { return ProjectConfig() }
        let text: String
        do {
            text = try TextFile.read(path, limit: sizeLimit)
        } catch {
            throw DiagnosticList([error])
        }
        return try ProjectConfig(text: text, path: path)
    }

    /// A value given on the command line as `flag`.
    package mutating func set(_ key: ConfigKey, _ value: ConfigValue, flag: String) {
        values[key] = (value, .flag(flag))
    }

    /// A path given on the command line, when it was.
    package mutating func set(_ key: ConfigKey, path: String?, flag: String) {
        if let path { set(key, .string(path), flag: flag) }
    }

    /// The effective value; nil for an unset key without a default.
    package func value(_ key: ConfigKey) -> ConfigValue? { values[key]?.value ?? key.defaultValue }

    package func origin(_ key: ConfigKey) -> ConfigOrigin { values[key]?.origin ?? .byDefault }

    package func string(_ key: ConfigKey) -> String { value(key)?.string ?? key.defaultValue?.string ?? "" }

    func strings(_ key: ConfigKey) -> [String] { value(key)?.strings ?? [] }

    func int(_ key: ConfigKey) -> Int { value(key)?.int ?? key.defaultValue?.int ?? 0 }

    /// Heading words for the checklist engine.
    package var checklistOptions: ChecklistOptions {
        ChecklistOptions(goHeadings: strings(.goHeadings), noGoHeadings: strings(.noGoHeadings), signoffHeadings: strings(.signoffHeadings),
                         phaseHeadings: strings(.phaseHeadings))
    }

    /// History thresholds.
    package var historyOptions: HistoryOptions {
        HistoryOptions(flakyFlips: int(.flakyFlips), flakyWindow: int(.flakyWindow), longFailingRuns: int(.longFailingRuns),
                       matrixRuns: int(.matrixRuns), sparklineRuns: int(.sparklineRuns), chartPoints: int(.chartPoints),
                       timeToGreenRows: int(.timeToGreenRows), pageSize: int(.pageSize))
    }

    /// How sign-off signatures are checked: the allowed_signers file when it exists (or was named), and the requirement.
    package var signoffPolicy: SignoffPolicy {
        let path = string(.allowedSigners)
        let named = values[.allowedSigners] != nil
        return SignoffPolicy(allowedSigners: named || FileManager.default.fileExists(atPath: path) ? path : nil,
                             requireSigned: (value(.requireSignedSignoffs)?.bool) ?? false)
    }

    /// Everything a site build needs.
    package var siteOptions: SiteOptions {
        // A theme folder named by a flag or the file must exist; the default one may be absent.
        var options = SiteOptions(content: string(.content), runs: string(.runs), templates: named(.templates),
                                  publicDir: named(.publicDir), schema: string(.schema), output: string(.output),
                                  cache: value(.cache)?.string)
        options.title = string(.title)
        options.baseURL = value(.baseURL)?.string
        options.paper = SheetPaper(rawValue: string(.paper)) ?? .any
        options.environments = strings(.environments)
        options.feedEntries = int(.feedEntries)
        options.checklist = checklistOptions
        options.history = historyOptions
        options.staleAfter = ISODuration(string(.staleAfter)) ?? options.staleAfter
        options.signoffPolicy = signoffPolicy
        return options
    }

    /// The value of `key` when a flag or the file set it; nil when it is the default.
    private func named(_ key: ConfigKey) -> String? { values[key] == nil ? nil : string(key) }

    /// What `preflight config` shows for a key: unset keys have none, the cache its folder beside the output.
    package func shown(_ key: ConfigKey) -> ConfigValue? {
        if key == .cache && values[key] == nil {
            let parent = (string(.output) as NSString).deletingLastPathComponent
            return .string(parent.isEmpty ? ".preflight-cache" : (parent as NSString).appendingPathComponent(".preflight-cache"))
        }
        return value(key)
    }

    /// `preflight config`: one line per key, in file order, as dotted TOML with the origin as a
    /// comment, then the `[[import]]` mappings.
    package var lines: [String] {
        ConfigKey.all.map { key in
            guard let value = shown(key) else { return "# \(key) is not set  # \(origin(key))" }
            return "\(key) = \(value.toml)  # \(origin(key))"
        } + importLines
    }

    /// `preflight config --format json`: `{"settings": [{"key", "value", "origin"}…], "imports": […]}`,
    /// unset values null.
    package var json: [UInt8] {
        var json = JSONBuilder()
        json.beginObject()
        json.key("settings")
        json.array(ConfigKey.all) { key, json in
            json.beginObject()
            json.key("key"); json.string(key.description)
            json.key("origin"); json.string(origin(key).description)
            json.key("value")
            switch shown(key) {
            case .string(let text)?: json.string(text)
            case .strings(let list)?: json.array(list) { $1.string($0) }
            case .int(let number)?: json.int(number)
            case .bool(let flag)?: json.bool(flag)
            case nil: json.null()
            }
            json.endObject()
        }
        json.key("imports")
        writeImports(&json)
        json.endObject()
        return json.bytes + [UInt8(ascii: "\n")]
    }
}
