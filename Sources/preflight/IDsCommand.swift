import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite
import PreflightConfig

struct IDsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ids",
        abstract: "List every item of checklist files with its stable id.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Checklist Markdown files.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var config: ConfigArguments

    func run() throws {
        let parser = ChecklistParser(options: try config.load().checklistOptions)
        var listed: [ItemListing] = []
        var failed = false
        for path in files {
            do {
                let parsed = try parser.parse(fileAt: path)
                Output.print(diagnostics: parsed.diagnostics)
                failed = failed || parsed.hasErrors
                listed += parsed.checklist.items.map { ItemListing(checklist: parsed.checklist, item: $0) }
            } catch {
                Output.error(error.description)
                failed = true
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(listed), as: UTF8.self))
        case .text:
            for entry in listed {
                let box = entry.checked ? "[x]" : "[ ]"
                Output.say("\(entry.checklist):\(entry.line)\t\(entry.kind.rawValue)\t\(box)\t\(entry.id)")
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// One line of `preflight ids --format json`.
struct ItemListing: Encodable {
    var checklist: String
    var id: String
    var kind: ItemKind
    var checked: Bool
    var depth: Int
    var parent: String?
    var children: [String]
    var line: Int
    var text: String
    var section: String
    var role: String?

    init(checklist: Checklist, item: ChecklistItem) {
        self.checklist = checklist.name
        id = item.id
        kind = item.kind
        checked = item.checked
        depth = item.depth
        parent = item.parent
        children = item.children
        line = item.line
        text = item.text
        section = item.sectionID
        role = item.role
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checklist, forKey: .checklist)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(checked, forKey: .checked)
        try container.encode(depth, forKey: .depth)
        try container.encode(parent, forKey: .parent)  // null, not missing, for top-level items
        try container.encode(children, forKey: .children)
        try container.encode(line, forKey: .line)
        try container.encode(text, forKey: .text)
        try container.encode(section, forKey: .section)
        if let role { try container.encode(role, forKey: .role) }
    }

    enum CodingKeys: String, CodingKey { case checklist, id, kind, checked, depth, parent, children, line, text, section, role }
}
