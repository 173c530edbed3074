import Foundation
import PreflightSupport
import PreflightRuns

/// SARIF 2.1.0 (Trivy, Grype, Semgrep, CodeQL, Checkov, Bandit, Ruff): results counted by level
/// and by `security-severity` band, suppressed results reported but not counted.
package struct SARIFImporter {
    package enum Level: String, CaseIterable, Sendable, Comparable {
        case none, note, warning, error
        var rank: Int { Self.allCases.firstIndex(of: self)! }
        package static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// GitHub code scanning's bands of `security-severity`.
    package enum Severity: String, CaseIterable, Sendable, Comparable {
        case low, medium, high, critical
        var rank: Int { Self.allCases.firstIndex(of: self)! }
        package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

        package init(score: Double) {
            self = score >= 9 ? .critical : score >= 7 ? .high : score >= 4 ? .medium : .low
        }
    }

    /// Fail when an unsuppressed result is at this level or above; `.none` never fails on level.
    package var failOn: Level = .error
    /// Fail when an unsuppressed result's severity is in this band or above.
    package var failOnSeverity: Severity?

    package init(failOn: Level = .error, failOnSeverity: Severity? = nil) {
        self.failOn = failOn
        self.failOnSeverity = failOnSeverity
    }

    package struct Finding: Sendable, Equatable {
        package var tool: String
        package var rule: String
        package var level: Level
        package var severity: Severity?
        package var message: String
        package var location: String
        package var suppressed: Bool
    }

    package func run(_ files: [String]) throws(Diagnostic) -> ImportOutcome {
        var findings: [Finding] = []
        var tools: [String] = []
        var read: [ImportedFile] = []
        for file in files {
            let (imported, bytes) = try ImportedFile.read(file)
            read.append(imported)
            let value = try RunReader.parseJSON(bytes, path: file)
            let found = try Self.findings(in: value, path: file)
            findings += found
            for tool in found.map(\.tool) where !tools.contains(tool) { tools.append(tool) }
        }
        return outcome(findings, tools: tools, files: read)
    }

    static func findings(in document: JSONValue, path: String) throws(Diagnostic) -> [Finding] {
        guard case .object = document else { throw .error(path, "not a SARIF log: expected a JSON object, found \(document.typeName)") }
        guard case .string(let version)? = document["version"] else {
            throw .error(path, "not a SARIF log: it has no \"version\" (expected \"2.1.0\")")
        }
        guard version == "2.1.0" else { throw .error(path, "SARIF version \(version) is not supported (expected 2.1.0)") }
        guard case .array(let runs)? = document["runs"] else { throw .error(path, "not a SARIF log: it has no \"runs\" array") }
        var findings: [Finding] = []
        for run in runs {
            let driver = run["tool"]?["driver"]
            let tool = driver?["name"].flatMap(\.text) ?? "unknown tool"
            var rules: [JSONValue] = []
            if case .array(let list)? = driver?["rules"] { rules = list }
            guard case .array(let results)? = run["results"] else { continue }
            for result in results {
                let rule = Self.rule(of: result, in: rules)
                let ruleID = result["ruleId"].flatMap(\.text) ?? result["rule"]?["id"].flatMap(\.text) ?? rule?["id"].flatMap(\.text) ?? "(no rule id)"
                findings.append(Finding(
                    tool: tool, rule: ruleID, level: level(of: result, rule: rule), severity: severity(of: result, rule: rule),
                    message: ImportFormat.oneLine(message(of: result, rule: rule)), location: location(of: result),
                    suppressed: suppressed(result)))
            }
        }
        return findings
    }

    static func rule(of result: JSONValue, in rules: [JSONValue]) -> JSONValue? {
        if case .number(let index)? = result["ruleIndex"] ?? result["rule"]?["index"], index >= 0, Int(index) < rules.count {
            return rules[Int(index)]
        }
        guard let id = result["ruleId"].flatMap(\.text) ?? result["rule"]?["id"].flatMap(\.text) else { return nil }
        return rules.first { $0["id"].flatMap(\.text) == id }
    }

    /// The result's level, else its rule's default, else `warning` (SARIF §3.27.10); a result
    /// whose kind is not `fail` has level `none`.
    static func level(of result: JSONValue, rule: JSONValue?) -> Level {
        if let kind = result["kind"].flatMap(\.text), kind != "fail" { return .none }
        let text = result["level"].flatMap(\.text) ?? rule?["defaultConfiguration"]?["level"].flatMap(\.text)
        return text.flatMap(Level.init(rawValue:)) ?? .warning
    }

    static func severity(of result: JSONValue, rule: JSONValue?) -> Severity? {
        for holder in [result["properties"], rule?["properties"]] {
            switch holder?["security-severity"] {
            case .string(let text)?: if let score = Double(text.trimmingCharacters(in: .whitespaces)), score.isFinite { return Severity(score: score) }
            case .number(let score)?: return Severity(score: score)
            default: continue
            }
        }
        return nil
    }

    static func message(of result: JSONValue, rule: JSONValue?) -> String {
        if let text = result["message"]?["text"].flatMap(\.text) { return text }
        if let id = result["message"]?["id"].flatMap(\.text), let text = rule?["messageStrings"]?[id]?["text"].flatMap(\.text) { return text }
        return rule?["shortDescription"]?["text"].flatMap(\.text) ?? ""
    }

    static func location(of result: JSONValue) -> String {
        guard case .array(let locations)? = result["locations"], let first = locations.first else { return "" }
        let physical = first["physicalLocation"]
        let uri = physical?["artifactLocation"]?["uri"].flatMap(\.text) ?? ""
        if case .number(let line)? = physical?["region"]?["startLine"] { return "\(uri):\(Int(line))" }
        return uri
    }

    /// Suppressed when a suppression is accepted (or gives no status); rejected or under-review ones do not count.
    static func suppressed(_ result: JSONValue) -> Bool {
        guard case .array(let suppressions)? = result["suppressions"] else { return false }
        return suppressions.contains { suppression in
            let status = suppression["status"].flatMap(\.text)
            return status == nil || status == "accepted"
        }
    }
}

extension JSONValue {
    /// The string, if this is one.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
