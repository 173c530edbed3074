import PreflightSupport

extension Checklist {
    /// The sections a "by section" summary shows (trend page, history.json, sign-off sheet), as
    /// indexes in `sections`, in document order.
    ///
    /// The top level says little when a checklist wraps everything in one heading (`# Title`,
    /// `## The Checklist`, then `### A`, `### B`…): it would be a single row. So this is the
    /// sections of the first heading level where more than one section holds check items
    /// (directly or below), and the top-level sections when no level has that.
    ///
    /// Only leaf check items count, as for readiness: a section of sign-offs or Go/No-Go criteria
    /// has no readiness and would never be a row, so it must not make its level look populated
    /// (`## The Checklist` beside `## Sign-Off` is still one row). Heading levels rather than
    /// tree depth, so that the rows are alike in kind.
    ///
    /// O(sections + items): callers that need it per run work it out once per checklist.
    package var summarySections: [Int] {
        guard sections.count > 1 else { return [] }
        var holds = [Bool](repeating: false, count: sections.count)
        // By index: iterating the items would copy each (a retain per field).
        for index in items.indices where items[index].kind == .check && items[index].children.isEmpty {
            if sections.indices.contains(items[index].section) { holds[items[index].section] = true }
        }
        // A parent comes before its subsections, so one backward pass carries "holds" upwards.
        for index in sections.indices.dropFirst().reversed() where holds[index] {
            if let parent = sections[index].parent, parent >= 0, parent < index { holds[parent] = true }
        }
        var holdersByLevel: [Int: Int] = [:]
        for index in sections.indices.dropFirst() where holds[index] {
            holdersByLevel[sections[index].level, default: 0] += 1
        }
        if let level = holdersByLevel.filter({ $0.value > 1 }).keys.min() {
            return sections.indices.dropFirst().filter { holds[$0] && sections[$0].level == level }
        }
        return sections.indices.dropFirst().filter { sections[$0].parent == 0 }
    }
}
