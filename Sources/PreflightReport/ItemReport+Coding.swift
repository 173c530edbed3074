import PreflightChecklist
import PreflightRuns

/// report.json's item shape (format 2): each result once, none repeating the item's id.
/// Decoding also reads format 1, where `decided_by` held a copy of the result and every result its `item`.
extension ItemReport {
    /// `carried_from` and `waiver` are part of the documented item shape, so they are written as
    /// null rather than left out; the other optional fields appear only when set.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(parent, forKey: .parent)
        try container.encode(depth, forKey: .depth)
        try container.encode(section, forKey: .section)
        try container.encode(checked, forKey: .checked)
        try container.encode(state, forKey: .state)
        try container.encode(results, forKey: .results)
        switch decision {
        case .result(let index)?: try container.encode(index, forKey: .decidedBy)
        case .carried(let result)?: try container.encode(result, forKey: .carried)
        case nil: break
        }
        try container.encode(carriedFrom, forKey: .carriedFrom)
        try container.encodeIfPresent(expired, forKey: .expired)
        try container.encode(waiver, forKey: .waiver)
        try container.encodeIfPresent(expiredWaiver, forKey: .expiredWaiver)
        try container.encodeIfPresent(criterion, forKey: .criterion)
        try container.encodeIfPresent(role, forKey: .role)
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        // A result inside an item belongs to that item, whether or not it says so.
        func owned(_ result: ProbeResult) -> ProbeResult {
            var result = result
            if result.item.isEmpty { result.item = id }
            return result
        }
        let results = try container.decode([ProbeResult].self, forKey: .results).map(owned)
        var decidedBy: ProbeResult?
        if let index = try? container.decodeIfPresent(Int.self, forKey: .decidedBy) {
            guard results.indices.contains(index) else {
                throw DecodingError.dataCorruptedError(forKey: .decidedBy, in: container,
                                                       debugDescription: "decided_by \(index) is not an index into results")
            }
            decidedBy = results[index]
        } else {
            decidedBy = try (container.decodeIfPresent(ProbeResult.self, forKey: .decidedBy)
                ?? container.decodeIfPresent(ProbeResult.self, forKey: .carried)).map(owned)
        }
        self.init(id: id, kind: try container.decode(ItemKind.self, forKey: .kind), text: try container.decode(String.self, forKey: .text),
                  parent: try container.decodeIfPresent(String.self, forKey: .parent), depth: try container.decode(Int.self, forKey: .depth),
                  section: try container.decode(String.self, forKey: .section), checked: try container.decode(Bool.self, forKey: .checked),
                  state: try container.decode(ItemState.self, forKey: .state), results: results, decidedBy: decidedBy,
                  carriedFrom: try container.decodeIfPresent(String.self, forKey: .carriedFrom),
                  expired: try container.decodeIfPresent(ProbeResult.self, forKey: .expired).map(owned),
                  waiver: try container.decodeIfPresent(Waiver.self, forKey: .waiver),
                  expiredWaiver: try container.decodeIfPresent(Waiver.self, forKey: .expiredWaiver),
                  criterion: try container.decodeIfPresent(CriterionStatus.self, forKey: .criterion),
                  role: try container.decodeIfPresent(String.self, forKey: .role))
    }

    /// How report.json names the deciding result: by its index in `results` when it is one of
    /// this run's, whole when it was carried from an earlier run.
    package enum Decision: Equatable {
        case result(Int)
        case carried(ProbeResult)
    }

    package var decision: Decision? {
        guard let decidedBy else { return nil }
        // One record has one source (file and JSON path in a run), so the same source is the same result.
        if let index = results.firstIndex(where: { $0.source == decidedBy.source }) { return .result(index) }
        return .carried(decidedBy)
    }
}
