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
        json.key("latest"); json.double(latest)
        json.key("own"); json.array(ownResults) { $1.int($0) }
        if let phaseFacts { json.key("phases"); phaseFacts.writeCached(&json) }
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
        guard case .number(let latest)? = value["latest"] else { return nil }
        var facts: PhaseFacts?
        if let phases = value["phases"] {
            guard let read = PhaseFacts(cached: phases) else { return nil }
            facts = read
        }
        self.init(run: run, verdict: verdict, reasons: reasons, readiness: readiness, counts: counts,
                  sectionReadiness: sections, states: states, criteria: criteria, problems: problems, ownResults: own,
                  evidenceDigest: evidence, reportDigest: reportDigest)
        self.latest = latest
        self.phaseFacts = facts
    }
}

/// The build cache's form of phase facts: the deployments, and one string per phase item
/// (`o` open, `s` skipped, `d` done at no known time, `d<time>`, `f<time>` failing since).
extension PhaseFacts {
    func writeCached(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("deployments")
        json.array(deployments) { deployment, json in
            json.beginArray()
            for text in [deployment.at.text, deployment.release ?? "", deployment.by ?? "", deployment.url ?? "",
                         deployment.source.run, deployment.source.file, deployment.source.path] {
                json.element(); json.string(text)
            }
            json.endArray()
        }
        json.key("outcomes")
        json.array(outcomes) { outcome, json in
            switch outcome {
            case .open: json.string("o")
            case .skipped: json.string("s")
            case .done(let at): json.string("d" + (at?.text ?? ""))
            case .failing(let at): json.string("f" + at.text)
            }
        }
        json.endObject()
    }

    init?(cached value: JSONValue) {
        guard case .array(let deploymentValues)? = value["deployments"], case .array(let outcomeValues)? = value["outcomes"] else { return nil }
        var deployments: [Deployment] = []
        for entry in deploymentValues {
            guard case .array(let parts) = entry, parts.count == 7 else { return nil }
            let texts = parts.compactMap(\.string)
            guard texts.count == 7, let at = Timestamp(texts[0]) else { return nil }
            func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
            deployments.append(Deployment(at: at, release: optional(texts[1]), by: optional(texts[2]), url: optional(texts[3]),
                                          source: RecordSource(run: texts[4], file: texts[5], path: texts[6])))
        }
        var outcomes: [Outcome] = []
        for entry in outcomeValues {
            guard let text = entry.string, let letter = text.first else { return nil }
            let rest = String(text.dropFirst())
            switch letter {
            case "o": outcomes.append(.open)
            case "s": outcomes.append(.skipped)
            case "d": outcomes.append(.done(rest.isEmpty ? nil : Timestamp(rest)))
            case "f":
                guard let at = Timestamp(rest) else { return nil }
                outcomes.append(.failing(at))
            default: return nil
            }
        }
        guard let effective = Deployment.effective(deployments)
        else { return nil }
        self.init(deployment: effective, deployments: deployments, outcomes: outcomes)
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
