import PreflightSupport

/// Boxes written so that cmark does not read them as task items: a checklist kept as a table of
/// `☐` cells, `☐ Backups` lines, or `[ ] Backups` without the list marker. Read as nothing, such
/// a file would look empty or silently lose checks, so the parser says where they are.
extension ChecklistBuilder {
    /// Where unread boxes were found: how many, and on which lines, in order.
    struct BoxTally {
        var count = 0
        var lines: [Int] = []

        mutating func add(_ boxes: Int, line: Int) {
            count += boxes
            if lines.last != line { lines.append(line) }
        }

        /// `63 boxes in table rows (lines 12, 13, 14, …)`.
        func describe(_ place: String) -> String {
            let shown = lines.prefix(3).map(String.init).joined(separator: ", ") + (lines.count > 3 ? ", …" : "")
            return "\(count) \(count == 1 ? "box" : "boxes") \(place) (\(lines.count == 1 ? "line" : "lines") \(shown))"
        }
    }

    /// With no task items: the error, telling of any unread boxes. With items: a warning for each
    /// paragraph line that starts with `[ ]` or `[x]` but is not a list item's box.
    mutating func checkBoxes(hasItems: Bool) {
        var inTables = BoxTally()
        var atLineStart = BoxTally()
        for index in blocks.indices where blocks[index].kind == .paragraph {
            let block = blocks[index]
            // A list item's first line is a task or not by TaskLine's rule, not this one.
            let opensListItem = block.parent.map { blocks[$0].kind == .listItem && $0 + 1 == index } ?? false
            let lines = block.inlines.map(\.text).joined().split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in lines.enumerated() {
                let number = block.line + offset
                if line.contains("|") {
                    let boxes = Self.boxCount(line)
                    if boxes > 0 { inTables.add(boxes, line: number) }
                } else if Self.startsWithBox(line, asciiOnly: false) {
                    atLineStart.add(1, line: number)
                    if hasItems, !(offset == 0 && opensListItem), Self.startsWithBox(line, asciiOnly: true) {
                        let shown = line.trimmingCharacters(in: .whitespaces)
                        report(.warning(path, line: number, column: offset == 0 ? block.column : 1,
                            "`\(shown.count > 40 ? String(shown.prefix(40)) + "…" : shown)` is not a task item: start the line with `- ` to make it one"))
                    }
                }
            }
        }
        guard !hasItems else { return }
        let found = [inTables.count > 0 ? inTables.describe("in table rows") : nil,
                     atLineStart.count > 0 ? atLineStart.describe("at the start of lines") : nil].compactMap { $0 }
        if found.isEmpty {
            report(.error(path, line: 1, column: 1, "checklist has no task items (lines like `- [ ] Backups tested`)"))
        } else {
            report(.error(path, line: 1, column: 1,
                "checklist has no task items, but \(found.joined(separator: " and ")) are not read as items: "
                + "write each check as a task list item on its own line, e.g. `- [ ] Backups tested`"))
        }
    }

    static let boxSymbols: Set<Character> = ["☐", "☑", "☒"]

    /// `☐`, `☑`, `☒` (also `&#9744;`, which cmark decodes) and `[ ]`, `[x]`, `[X]` in a line.
    static func boxCount(_ line: Substring) -> Int {
        let characters = Array(line)
        var count = 0
        var index = 0
        while index < characters.count {
            if boxSymbols.contains(characters[index]) {
                count += 1
            } else if isBracketBox(characters, at: index) {
                count += 1
                index += 2
            }
            index += 1
        }
        return count
    }

    /// A box opens the line: a symbol, or `[ ]`/`[x]` followed by a space or the line's end.
    static func startsWithBox(_ line: Substring, asciiOnly: Bool) -> Bool {
        let characters = Array(line.drop { $0 == " " || $0 == "\t" }.prefix(4))
        guard let first = characters.first else { return false }
        if !asciiOnly && boxSymbols.contains(first) { return true }
        return isBracketBox(characters, at: 0) && (characters.count == 3 || characters[3] == " " || characters[3] == "\t")
    }

    private static func isBracketBox(_ characters: [Character], at index: Int) -> Bool {
        index + 2 < characters.count && characters[index] == "[" && characters[index + 2] == "]"
            && (characters[index + 1] == " " || characters[index + 1] == "x" || characters[index + 1] == "X")
    }
}
