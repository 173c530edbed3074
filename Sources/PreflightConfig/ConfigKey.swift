import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightSite

/// One setting of `preflight.toml`: its table, name, what values it takes and its default.
/// `ConfigKey.all` is the whole file format; the loader, `preflight config` and the commented
/// template all read it, so a key cannot be known to one and not the others.
package struct ConfigKey: Sendable, Hashable, CustomStringConvertible {
    /// What a key accepts; checked after the TOML type.
    package enum Kind: Sendable, Hashable {
        /// A non-empty string.
        case text
        /// "http://…" or "https://…" with a host.
        case url
        /// One of these words.
        case choice([String])
        /// An array of non-empty strings; `nonEmpty` when it must have at least one.
        case list(nonEmpty: Bool)
        /// An integer no smaller than this.
        case count(atLeast: Int)
        /// A positive ISO-8601 duration such as "P14D" or "PT36H".
        case duration
        /// true or false.
        case flag
        /// An array of `words=DURATION` strings (heading words and a positive ISO-8601 duration).
        case windows
    }

    package let table: String
    package let name: String
    package let kind: Kind
    /// Nil: unset unless the file sets it (the base URL).
    package let defaultValue: ConfigValue?
    /// One line for the commented template and README.
    package let help: String

    /// `table.name`, as `preflight config` prints it.
    package var description: String { "\(table).\(name)" }

    package static func == (a: ConfigKey, b: ConfigKey) -> Bool { a.description == b.description }
    package func hash(into hasher: inout Hasher) { hasher.combine(description) }

    init(_ table: String, _ name: String, _ kind: Kind, _ defaultValue: ConfigValue?, _ help: String) {
        self.table = table
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    // [paths]: relative to the folder holding preflight.toml.
    package static let content = ConfigKey("paths", "content", .text, .string("content/checklists"), "Checklist Markdown files.")
    package static let runs = ConfigKey("paths", "runs", .text, .string("content/runs"), "The runs archive: one folder per run.")
    package static let templates = ConfigKey("paths", "templates", .text, .string("templates"), "Mustache templates overriding the built-in ones, file by file.")
    package static let publicDir = ConfigKey("paths", "public", .text, .string("Public"), "Static files overriding the built-in ones, file by file.")
    package static let schema = ConfigKey("paths", "schema", .text, .string("schema"), "JSON Schemas copied into the site's schema/.")
    package static let output = ConfigKey("paths", "output", .text, .string("_site"), "The site folder.")
    package static let allowedSigners = ConfigKey("paths", "allowed_signers", .text, .string("content/allowed_signers"),
                                                  "Who may sign decisions, and for which roles (OpenSSH allowed_signers); used when it exists.")
    package static let cache = ConfigKey("paths", "cache", .text, nil,
                                         "Build caches, one subfolder per output folder (default: .preflight-cache beside the output).")
    // [site]
    package static let title = ConfigKey("site", "title", .text, .string("Preflight"), "Shown in every page's header and the feed's title.")
    package static let baseURL = ConfigKey("site", "base_url", .url, nil,
                                           "Public address of the site; only the Atom feed uses it, for absolute links and ids.")
    package static let paper = ConfigKey("site", "paper", .choice(["any", "a4", "letter"]), .string("any"),
                                         "Paper of signoff.html: \"any\" (fits A4 and US Letter; the reader's choice), \"a4\" or \"letter\".")
    package static let environments = ConfigKey("site", "environments", .list(nonEmpty: false), .strings([]),
                                                "Pipeline order of environments on the dashboard, e.g. [\"dev\", \"staging\", \"production\"].")
    package static let feedEntries = ConfigKey("site", "feed_entries", .count(atLeast: 1), .int(SiteOptions.defaultFeedEntries),
                                               "Runs in the Atom feed, newest first.")
    // [checklist]
    package static let goHeadings = ConfigKey("checklist", "go_headings", .list(nonEmpty: true), .strings(["Go Criteria"]),
                                              "Headings starting with one of these (any case) hold Go criteria.")
    package static let noGoHeadings = ConfigKey("checklist", "no_go_headings", .list(nonEmpty: true), .strings(["No-Go Criteria"]),
                                                "… No-Go criteria.")
    package static let signoffHeadings = ConfigKey("checklist", "signoff_headings", .list(nonEmpty: true),
                                                   .strings(["Sign-Off", "Signoff"]), "… sign-off roles.")
    package static let phaseHeadings = ConfigKey("checklist", "phase_headings", .windows, .strings(ChecklistOptions.default.phaseHeadings),
                                                 "Headings naming one of these words start a post-deployment phase due that long after the deployment "
                                                 + "(\"words=ISO-8601 duration\"); \"first N minutes|hours|days|weeks\" and {due=PT4H} always do.")
    package static let requireSignedSignoffs = ConfigKey("checklist", "require_signed_signoffs", .flag, .bool(false),
                                                         "Only decisions with a verified SSH signature count toward the verdict.")
    // [history]
    package static let flakyFlips = ConfigKey("history", "flaky_flips", .count(atLeast: 1), .int(3),
                                              "An item is flaky when it flips between pass and fail this often…")
    package static let flakyWindow = ConfigKey("history", "flaky_window", .count(atLeast: 2), .int(10), "…within this many newest runs.")
    package static let longFailingRuns = ConfigKey("history", "long_failing_runs", .count(atLeast: 1), .int(2),
                                                   "A failing item is long-failing once it has not passed for this many runs.")
    package static let matrixRuns = ConfigKey("history", "matrix_runs", .count(atLeast: 1), .int(30), "Runs in a trend page's item × run matrix.")
    package static let sparklineRuns = ConfigKey("history", "sparkline_runs", .count(atLeast: 2), .int(30), "Runs in a dashboard sparkline.")
    package static let chartPoints = ConfigKey("history", "chart_points", .count(atLeast: 2), .int(200),
                                               "Points at most in the readiness chart over all runs.")
    package static let timeToGreenRows = ConfigKey("history", "time_to_green_rows", .count(atLeast: 1), .int(30),
                                                   "Time-to-green spans listed on a trend page.")
    package static let pageSize = ConfigKey("history", "page_size", .count(atLeast: 1), .int(100), "Rows per page of a run table.")
    // [dashboard]
    package static let staleAfter = ConfigKey("dashboard", "stale_after", .duration, .string("P14D"),
                                              "A fleet matrix cell is stale when its latest run is older than this (ISO-8601 duration), "
                                              + "judged against the archive's newest run.")

    /// Every key, in the order of the file and of `preflight config`.
    package static let all: [ConfigKey] = [
        content, runs, templates, publicDir, schema, output, allowedSigners, cache,
        title, baseURL, paper, environments, feedEntries,
        goHeadings, noGoHeadings, signoffHeadings, phaseHeadings, requireSignedSignoffs,
        flakyFlips, flakyWindow, longFailingRuns, matrixRuns, sparklineRuns, chartPoints, timeToGreenRows, pageSize,
        staleAfter,
    ]

    /// The tables, in order.
    package static let tables = ["paths", "site", "checklist", "history", "dashboard"]
}

/// A setting's value.
package enum ConfigValue: Sendable, Hashable {
    case string(String)
    case strings([String])
    case int(Int)
    case bool(Bool)

    /// As TOML writes it: how `preflight config` prints values.
    package var toml: String {
        switch self {
        case .string(let text): return Self.quote(text)
        case .strings(let list): return "[" + list.map(Self.quote).joined(separator: ", ") + "]"
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        }
    }

    package var string: String? { if case .string(let text) = self { text } else { nil } }
    package var strings: [String]? { if case .strings(let list) = self { list } else { nil } }
    package var int: Int? { if case .int(let number) = self { number } else { nil } }
    package var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Where a setting's value came from.
package enum ConfigOrigin: Sendable, Hashable, CustomStringConvertible {
    case byDefault
    /// The file and the line of the key.
    case file(String, line: Int)
    /// A command-line flag, e.g. `--output`.
    case flag(String)

    package var description: String {
        switch self {
        case .byDefault: return "default"
        case .file(let path, let line): return "\(path):\(line)"
        case .flag(let name): return name
        }
    }
}
