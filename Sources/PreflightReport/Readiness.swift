import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// Readiness: passing (pass, done, waived) leaf `check` items over those not skipped.
package enum Readiness {
    package static func compute(checklist: Checklist, items: [ItemReport]) -> (Double, [SectionReport], [String: Int]) {
        var passing = [Int](repeating: 0, count: checklist.sections.count)
        var applicable = [Int](repeating: 0, count: checklist.sections.count)
        var counts = Dictionary(uniqueKeysWithValues: ItemState.allCases.map { ($0.rawValue, 0) })
        // By index: iterating the items would copy each one.
        for position in items.indices where items[position].kind == .check && checklist.items[position].children.isEmpty {
            let state = items[position].state
            counts[state.rawValue, default: 0] += 1
            guard state != .skip else { continue }
            var section: Int? = checklist.items[position].section
            while let current = section {
                applicable[current] += 1
                if state.isPassing { passing[current] += 1 }
                section = checklist.sections[current].parent
            }
        }
        let sections = checklist.sections.enumerated().dropFirst().map { index, section in
            SectionReport(
                id: section.id, title: section.title, level: section.level,
                readiness: applicable[index] == 0 ? nil : Double(passing[index]) / Double(applicable[index]),
                passing: passing[index], applicable: applicable[index])
        }
        let overall = applicable[0] == 0 ? 1 : Double(passing[0]) / Double(applicable[0])
        return (overall, sections, counts)
    }
}
