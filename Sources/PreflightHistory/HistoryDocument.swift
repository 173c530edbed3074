import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// `trends/<checklist>/<environment>/history.json`: a stream's history for other tools.
package struct HistoryDocument: Sendable, Codable, Equatable {
    package var checklist: String
    package var title: String
    package var environment: String
    /// One per run, ordered by `started_at`.
    package var points: [HistoryPoint]
    /// Item id → its state in each run, in the order of `points`, for the items history follows
    /// (`StreamHistory.tracks`: leaves, and parents decided by their own results in some run);
    /// null where a run lacks the item, or where a parent's children decided it.
    package var items: [String: [ItemState?]]
    package var flaky: [FlakyItem]
    package var longFailing: [LongFailingItem]
    package var timeToGreen: [GreenSpan]
    /// The shape of history.json (`currentFormat`); nil in a file written before formats were
    /// numbered (format 1, where each state was a word in an array).
    package var format: Int? = HistoryDocument.currentFormat

    /// Format 2 writes an item's states as one string, a letter per run (`ItemState.letter`, `-`
    /// where the run has no state for it): a seventh of the bytes of format 1's arrays of words.
    package static let currentFormat = 2
    /// The letter of a run without a state for the item.
    package static let noState: UInt8 = 0x2D

    package enum CodingKeys: String, CodingKey {
        case checklist, title, environment, points, items, flaky, format
        case longFailing = "long_failing", timeToGreen = "time_to_green"
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checklist, forKey: .checklist)
        try container.encode(title, forKey: .title)
        try container.encode(environment, forKey: .environment)
        try container.encode(points, forKey: .points)
        try container.encode(items.mapValues(Self.letters), forKey: .items)
        try container.encode(flaky, forKey: .flaky)
        try container.encodeIfPresent(format, forKey: .format)
        try container.encode(longFailing, forKey: .longFailing)
        try container.encode(timeToGreen, forKey: .timeToGreen)
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        checklist = try container.decode(String.self, forKey: .checklist)
        title = try container.decode(String.self, forKey: .title)
        environment = try container.decode(String.self, forKey: .environment)
        points = try container.decode([HistoryPoint].self, forKey: .points)
        flaky = try container.decode([FlakyItem].self, forKey: .flaky)
        longFailing = try container.decode([LongFailingItem].self, forKey: .longFailing)
        timeToGreen = try container.decode([GreenSpan].self, forKey: .timeToGreen)
        format = try container.decodeIfPresent(Int.self, forKey: .format)
        if let words = try? container.decode([String: [ItemState?]].self, forKey: .items) {
            items = words
        } else {
            items = [:]
            for (id, letters) in try container.decode([String: String].self, forKey: .items) {
                items[id] = try letters.utf8.map { letter in
                    if letter == Self.noState { return nil }
                    guard let state = ItemState(letter: String(UnicodeScalar(letter))) else {
                        throw DecodingError.dataCorruptedError(forKey: .items, in: container, debugDescription: "\(id): no state has the letter \(UnicodeScalar(letter))")
                    }
                    return state
                }
            }
        }
    }

    /// An item's states as format 2 writes them.
    package static func letters(_ states: [ItemState?]) -> String {
        String(decoding: states.map { $0?.letterByte ?? noState }, as: UTF8.self)
    }

    package init(_ history: StreamHistory) {
        checklist = history.checklist.name
        title = history.checklist.title
        environment = history.environment
        points = history.points
        items = Dictionary(history.tracks.map { ($0.id, $0.states) }, uniquingKeysWith: { a, _ in a })
        flaky = history.flaky
        longFailing = history.longFailing
        timeToGreen = history.timeToGreen
    }
}
