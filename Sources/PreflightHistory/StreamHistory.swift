import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// Everything a stream's trend page, history.json and dashboard card derive from its runs.
///
/// Built once per stream and build, in time linear in runs × items: each item's states are
/// gathered in one pass over the reports, and flaky and long-failing detection look at each
/// item's series once.
package struct StreamHistory: Sendable {
    /// One item followed across the stream's runs.
    package struct Track: Sendable, Equatable {
        package var id: String
        package var text: String
        package var kind: ItemKind
        /// The item's state in each run, oldest first; nil where a run's report lacks the item.
        package var states: [ItemState?]

        package init(id: String, text: String, kind: ItemKind, states: [ItemState?]) {
            self.id = id
            self.text = text
            self.kind = kind
            self.states = states
        }
    }

    /// A section of the checklist's "by section" summary (`Checklist.summarySections`).
    package struct SectionRef: Sendable, Equatable {
        package var id: String
        package var title: String

        package init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    package var checklist: ChecklistReference
    package var environment: String
    /// `<checklist>/<environment>`, as in `trends/<path>/index.html`.
    package var path: String
    package var options: HistoryOptions
    /// One per run, ordered by `started_at`.
    package var points: [HistoryPoint]
    /// Summary sections with readiness in at least one run, in checklist order.
    package var sections: [SectionRef]
    /// Leaf items (those without child items), and parents that a result of their own decided in
    /// at least one run, in checklist order. A parent's state otherwise only sums up its children,
    /// so following it would list every problem twice: a parent's track has its state only in
    /// the runs its own results decided it, and nil (no signal) in the others.
    package var tracks: [Track]
    package var flaky: [FlakyItem]
    package var longFailing: [LongFailingItem]
    package var timeToGreen: [GreenSpan]
    /// The latest run against the one before it.
    package var changes: RunChanges
    /// No-Go criteria present in the latest run.
    package var openBlockers: [Track]

    package init(_ stream: RunStream, options: HistoryOptions = .default) {
        let checklist = stream.checklist
        self.checklist = ChecklistReference(name: checklist.name, title: checklist.title)
        environment = stream.environment
        path = stream.path
        self.options = options
        let summarySections = checklist.summarySections
        points = stream.summaries.map { HistoryPoint($0, checklist: checklist, sections: summarySections) }
        var seen: Set<String> = []
        for point in points { seen.formUnion(point.sections.keys) }
        sections = summarySections.map { checklist.sections[$0] }.filter { seen.contains($0.id) }
            .map { SectionRef(id: $0.id, title: $0.title) }

        // Parents are followed once a result of their own decided them in some run.
        var ownSeen = [Bool](repeating: false, count: checklist.items.count)
        for summary in stream.summaries where summary.fits(checklist) {
            for position in summary.ownResults where ownSeen.indices.contains(position) { ownSeen[position] = true }
        }
        let followed = checklist.items.indices.filter { checklist.items[$0].children.isEmpty || ownSeen[$0] }
        var slotOf = [Int?](repeating: nil, count: checklist.items.count)
        for (slot, position) in followed.enumerated() { slotOf[position] = slot }
        var states = [[ItemState?]](repeating: [], count: followed.count)
        for slot in states.indices { states[slot].reserveCapacity(stream.summaries.count) }
        let isLeaf = followed.map { checklist.items[$0].children.isEmpty }
        for summary in stream.summaries {
            // Summaries of one stream come from its checklist, so positions line up.
            let aligned = summary.fits(checklist)
            for (slot, position) in followed.enumerated() {
                states[slot].append(aligned && isLeaf[slot] ? summary.states[position] : nil)
            }
            guard aligned else { continue }
            for position in summary.ownResults where slotOf.indices.contains(position) {
                if let slot = slotOf[position] { states[slot][states[slot].count - 1] = summary.states[position] }
            }
        }
        tracks = followed.enumerated().map { slot, position in
            let item = checklist.items[position]
            return Track(id: item.id, text: item.text, kind: item.kind, states: states[slot])
        }
        let points = self.points
        flaky = tracks.compactMap { FlakyItem.detect(id: $0.id, states: $0.states[...], options: options) }
        longFailing = tracks.compactMap { LongFailingItem.detect(id: $0.id, states: $0.states, points: points, options: options) }
        timeToGreen = GreenSpan.spans(points)
        let summaries = stream.summaries
        if let latest = summaries.last {
            changes = RunChanges.between(summaries.count > 1 ? summaries[summaries.count - 2] : nil, latest, checklist: checklist)
            let present = Set(checklist.items.indices.filter {
                latest.fits(checklist) && checklist.items[$0].kind == .noGo && latest.criteria[$0] == .present
            }.map { checklist.items[$0].id })
            openBlockers = tracks.filter { present.contains($0.id) }
        } else {
            changes = RunChanges(newlyFailing: [], fixed: [], newlyWaived: [], noLongerKnown: [], newBlockers: [])
            openBlockers = []
        }
    }

    /// The indexes of the points drawn in a chart over all runs: every k-th run plus the latest,
    /// at most `limit + 1` of them.
    package static func sample(count: Int, limit: Int) -> [Int] {
        guard count > 0 else { return [] }
        let step = max(1, (count + limit - 1) / max(1, limit))
        var indexes = Array(stride(from: 0, to: count, by: step))
        if indexes.last != count - 1 { indexes.append(count - 1) }
        return indexes
    }
}
