import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// A filled-in copy of a run's checklist (an issue or pull request body made from it): each
/// ticked box becomes a `pass` attested by a person. Items are matched by id, computed from the
/// copy under the checklist's own rules, so headings and labels must be the checklist's.
package struct FilledChecklistImporter {
    package var checklist: Checklist
    package var options: ChecklistOptions

    package init(checklist: Checklist, options: ChecklistOptions) {
        self.checklist = checklist
        self.options = options
    }

    /// What the copy says.
    package struct Reading: Sendable {
        /// Ids of ticked items of the checklist (sign-off items aside), in the copy's order.
        package var ticked: [String] = []
        /// Ticked sign-off items: those are decided with `preflight sign`, not by a tick.
        package var tickedSignoffs: [String] = []
        /// Boxes of the copy that match no item: line and label.
        package var unmatched: [(line: Int, text: String)] = []
        /// Items of the checklist the copy lacks.
        package var missing: [String] = []
        package var boxes = 0
        /// The copy as read.
        package var file: ImportedFile
    }

    package func read(_ file: String) throws(Diagnostic) -> Reading {
        let (read, bytes) = try ImportedFile.read(file)
        let text = try TextFile.decode(bytes, path: file)
        // Ids leave the title out, so a body without the checklist's `# Title` matches too.
        let copy = ChecklistParser(options: options).parse(text, name: checklist.name, path: file).checklist
        let known = Dictionary(checklist.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reading = Reading(file: read)
        var seen: Set<String> = []
        for item in copy.items {
            reading.boxes += 1
            guard let original = known[item.id] else {
                reading.unmatched.append((item.line, item.text))
                continue
            }
            seen.insert(item.id)
            guard item.checked else { continue }
            if original.kind == .signoff { reading.tickedSignoffs.append(item.id) } else { reading.ticked.append(item.id) }
        }
        reading.missing = checklist.items.map(\.id).filter { !seen.contains($0) }
        guard reading.boxes > 0 else {
            throw .error(file, "holds no task-list boxes (- [ ] or - [x]); is this a copy of checklist '\(checklist.name)'?")
        }
        // Most boxes unmatched: a copy of another checklist, or one edited beyond recognition.
        if reading.unmatched.count * 2 > reading.boxes {
            let sample = reading.unmatched.prefix(3).map { "line \($0.line): \($0.text)" }.joined(separator: "; ")
            throw .error(file, "\(reading.unmatched.count) of its \(reading.boxes) boxes match no item of checklist '\(checklist.name)' (\(sample)); refusing a copy of a different checklist")
        }
        return reading
    }
}
