/// The part of a report that history, trend pages and the dashboard use: everything but the
/// results, waivers and sign-off records behind each state. A slim report of 177 items takes
/// a few kilobytes, so a stream of 10,000 runs fits in memory.
extension RunReport {
    public func slimmed() -> RunReport {
        var slim = self
        slim.items = items.map { item in
            var copy = item
            copy.results = []
            copy.decidedBy = nil
            copy.expired = nil
            copy.waiver = nil
            copy.expiredWaiver = nil
            return copy
        }
        slim.signoffs = signoffs.map { status in
            var copy = status
            copy.records = []
            return copy
        }
        return slim
    }
}

/// A slim report as the build cache stores it: item states and criteria as one letter per item
/// of the checklist, the rest as in the report.
struct CompactReport: Codable, Sendable, Equatable {
    var run: RunManifest
    var verdict: Verdict
    var reasons: [VerdictReason]
    var readiness: Double
    var counts: [String: Int]
    /// Readiness, passing and applicable of each section, in report order.
    var sections: [[Double?]]
    var signoffs: [SignoffStatus]
    var problems: [Diagnostic]
    var states: String
    var criteria: String

    static let stateLetters: [ItemState: Character] = [.pass: "p", .fail: "f", .warn: "w", .skip: "s", .waived: "v", .done: "d", .pending: "n"]
    static let criterionLetters: [CriterionStatus: Character] = [.met: "m", .notMet: "x", .clear: "c", .present: "b", .unverified: "u"]

    init(_ report: RunReport) {
        run = report.run
        verdict = report.verdict
        reasons = report.reasons
        readiness = report.readiness
        counts = report.counts
        sections = report.sections.map { [$0.readiness, Double($0.passing), Double($0.applicable)] }
        signoffs = report.slimmed().signoffs
        problems = report.problems
        states = String(report.items.map { Self.stateLetters[$0.state] ?? "n" })
        criteria = String(report.items.map { $0.criterion.flatMap { Self.criterionLetters[$0] } ?? "-" })
    }

    /// The slim report again; nil when it does not fit the checklist (then the run is merged anew).
    func report(for checklist: Checklist) -> RunReport? {
        let stateOf = Dictionary(uniqueKeysWithValues: Self.stateLetters.map { ($1, $0) })
        let criterionOf = Dictionary(uniqueKeysWithValues: Self.criterionLetters.map { ($1, $0) })
        let stateList = Array(states)
        let criterionList = Array(criteria)
        let sectionList = checklist.sections.dropFirst()
        guard stateList.count == checklist.items.count, criterionList.count == checklist.items.count,
            sections.count == sectionList.count
        else { return nil }
        var items: [ItemReport] = []
        items.reserveCapacity(checklist.items.count)
        for (position, item) in checklist.items.enumerated() {
            guard let state = stateOf[stateList[position]] else { return nil }
            items.append(ItemReport(
                id: item.id, kind: item.kind, text: item.text, parent: item.parent, depth: item.depth,
                section: item.sectionID, checked: item.checked, state: state, results: [], decidedBy: nil,
                carriedFrom: nil, expired: nil, waiver: nil, expiredWaiver: nil,
                criterion: criterionOf[criterionList[position]], role: item.role))
        }
        let sectionReports = zip(sectionList, sections).map { section, values in
            SectionReport(id: section.id, title: section.title, level: section.level, readiness: values.first ?? nil,
                          passing: Int((values.count > 1 ? values[1] : nil) ?? 0), applicable: Int((values.count > 2 ? values[2] : nil) ?? 0))
        }
        return RunReport(
            run: run, checklist: ChecklistReference(name: checklist.name, title: checklist.title), verdict: verdict,
            reasons: reasons, readiness: readiness, counts: counts, items: items, sections: sectionReports,
            signoffs: signoffs, problems: problems)
    }
}
