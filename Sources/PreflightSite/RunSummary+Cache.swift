import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The build cache's form of a run summary: states and criteria as one letter per item, and the
/// positions of parents decided by results of their own (`own`, usually empty).
extension RunSummary {
    private static let stateLetters: [(ItemState, UInt8)] = [
        (.pass, UInt8(ascii: "p")), (.fail, UInt8(ascii: "f")), (.warn, UInt8(ascii: "w")), (.skip, UInt8(ascii: "s")),
        (.waived, UInt8(ascii: "v")), (.done, UInt8(ascii: "d")), (.pending, UInt8(ascii: "n")),
    ]
    private static let criterionLetters: [(CriterionStatus, UInt8)] = [
        (.met, UInt8(ascii: "m")), (.notMet, UInt8(ascii: "x")), (.clear, UInt8(ascii: "c")),
        (.present, UInt8(ascii: "b")), (.unverified, UInt8(ascii: "u")),
    ]

    func writeCached(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("counts"); json.intMap(counts)
        json.key("criteria")
        json.string(String(decoding: criteria.map { status in
            status.flatMap { value in Self.criterionLetters.first { $0.0 == value }?.1 } ?? UInt8(ascii: "-")
        }, as: UTF8.self))
        json.key("digests"); json.array([evidenceDigest, reportDigest]) { $1.string($0) }
        json.key("own"); json.array(ownResults) { $1.int($0) }
        json.key("problems"); json.array(problems) { $0.write(&$1) }
        json.key("readiness"); json.double(readiness)
        json.key("reasons")
        json.array(reasons) { reason, json in
            json.beginArray()
            json.element(); json.string(reason.item)
            json.element(); json.string(reason.why)
            json.endArray()
        }
        json.key("run"); run.write(&json)
        json.key("sections"); json.array(sectionReadiness) { value, json in if let value { json.double(value) } else { json.null() } }
        json.key("states")
        json.string(String(decoding: states.map { state in Self.stateLetters.first { $0.0 == state }?.1 ?? UInt8(ascii: "n") }, as: UTF8.self))
        json.key("verdict"); json.string(verdict.rawValue)
        json.endObject()
    }

    init?(cached value: JSONValue) {
        guard let run = value["run"].flatMap(RunManifest.init(cached:)), let verdict = value["verdict"]?.string.flatMap(Verdict.init),
            case .number(let readiness)? = value["readiness"], case .object(let countPairs)? = value["counts"],
            case .array(let sectionValues)? = value["sections"], let stateText = value["states"]?.string,
            let criteriaText = value["criteria"]?.string, case .array(let reasonValues)? = value["reasons"],
            case .array(let problemValues)? = value["problems"], case .array(let ownValues)? = value["own"],
            case .array(let digests)? = value["digests"], digests.count == 2, let evidence = digests[0].string, let reportDigest = digests[1].string
        else { return nil }
        var counts: [String: Int] = [:]
        for (key, count) in countPairs { if case .number(let number) = count { counts[key] = Int(number) } }
        var states: [ItemState] = []
        for byte in stateText.utf8 {
            guard let state = Self.stateLetters.first(where: { $0.1 == byte })?.0 else { return nil }
            states.append(state)
        }
        let criteria = criteriaText.utf8.map { byte in Self.criterionLetters.first { $0.1 == byte }?.0 }
        let sections = sectionValues.map { value -> Double? in if case .number(let number) = value { return number } else { return nil } }
        let reasons = reasonValues.compactMap { value -> VerdictReason? in
            guard case .array(let pair) = value, pair.count == 2, let item = pair[0].string, let why = pair[1].string else { return nil }
            return VerdictReason(item: item, why: why)
        }
        let problems = problemValues.compactMap(Diagnostic.init(cached:))
        let own = ownValues.compactMap { value -> Int? in
            guard case .number(let number) = value, number >= 0, number < Double(states.count), number == number.rounded() else { return nil }
            return Int(number)
        }
        guard reasons.count == reasonValues.count, problems.count == problemValues.count, own.count == ownValues.count else { return nil }
        self.init(run: run, verdict: verdict, reasons: reasons, readiness: readiness, counts: counts,
                  sectionReadiness: sections, states: states, criteria: criteria, problems: problems, ownResults: own,
                  evidenceDigest: evidence, reportDigest: reportDigest)
    }
}

extension RunManifest {
    init?(cached value: JSONValue) {
        guard let id = value[RunField.id.rawValue]?.string, let checklist = value[RunField.checklist.rawValue]?.string,
            let environment = value[RunField.environment.rawValue]?.string, let started = value[RunField.startedAt.rawValue]?.string.flatMap(Timestamp.init)
        else { return nil }
        var labels: [String: String]?
        if case .object(let pairs)? = value[RunField.labels.rawValue] {
            labels = Dictionary(pairs.compactMap { key, value in value.string.map { (key, $0) } }, uniquingKeysWith: { $1 })
        }
        self.init(id: id, checklist: checklist, environment: environment, startedAt: started, title: value[RunField.title.rawValue]?.string,
                  commit: value[RunField.commit.rawValue]?.string, branch: value[RunField.branch.rawValue]?.string, url: value[RunField.url.rawValue]?.string,
                  trigger: value[RunField.trigger.rawValue]?.string, labels: labels,
                  service: value[RunField.service.rawValue]?.string, owner: value[RunField.owner.rawValue]?.string)
    }
}

extension Diagnostic {
    init?(cached value: JSONValue) {
        guard let severity = value["severity"]?.string.flatMap(Severity.init), let path = value["path"]?.string,
            let message = value["message"]?.string
        else { return nil }
        func int(_ key: String) -> Int? { if case .number(let number)? = value[key] { Int(number) } else { nil } }
        self.init(severity, path: path, line: int("line"), column: int("column"), message)
    }
}

extension JSONValue {
    /// The text of a string value.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
