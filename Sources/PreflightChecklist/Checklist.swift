import PreflightSupport

/// A readiness checklist parsed from one Markdown file.
public struct Checklist: Sendable, Codable, Equatable {
    /// The file stem, e.g. `production-deployment`.
    public var name: String
    /// The first level-1 heading, else the name.
    public var title: String
    /// The file the checklist came from, as given.
    public var path: String
    /// Every section in document order; `sections[0]` is the root (the title or the file itself).
    public var sections: [Section]
    /// Every task item in document order.
    public var items: [ChecklistItem]
    /// The post-deployment phases (headings that name a due window), in document order.
    public var phases: [Phase]

    public init(name: String, title: String, path: String, sections: [Section], items: [ChecklistItem], phases: [Phase] = []) {
        self.name = name
        self.title = title
        self.path = path
        self.sections = sections
        self.items = items
        self.phases = phases
    }

    /// The item with this exact id.
    public func item(id: String) -> ChecklistItem? {
        items.first { $0.id == id }
    }

    /// Roles of the sign-off items, in document order.
    public var signoffRoles: [String] {
        // By index: a build asks once per run, and iterating would copy every item.
        items.indices.compactMap { items[$0].kind == .signoff ? items[$0].role : nil }
    }
}

/// A heading of the checklist and the content under it that is not an item.
public struct Section: Sendable, Codable, Equatable {
    /// Slug path below the title, e.g. `pre-deployment-requirements/testing`; empty for the root.
    public var id: String
    /// The heading as plain text (without any `{#id}`).
    public var title: String
    /// The anchor GitHub gives the heading (`#-table-of-contents`), unique in the file, so the
    /// checklist's own links to its headings work; for the root, the level-1 title's anchor, or
    /// empty when the file has no title. Empty too when GitHub's rule leaves nothing (`## 📋`).
    public var anchor: String
    /// The heading's inline content as safe HTML (links, code and emphasis kept, no `<hN>` tags,
    /// without any `{#id}`); for the root, the escaped title.
    public var titleHTML: String
    /// Heading level (1–6); 0 for the root.
    public var level: Int
    /// Index of the parent in `Checklist.sections`; nil for the root.
    public var parent: Int?
    public var line: Int
    /// Paragraphs, code blocks, plain lists and quotes under the heading, as safe HTML, in
    /// document order, each with its place among the section's items.
    public var notes: [SectionNote]
    /// Item kind given to the items under this heading (by the heading words).
    public var kind: ItemKind
    /// The due window the heading itself names (a post-deployment phase), nil for most headings.
    package var due: ISODuration?

    /// `titleHTML` defaults to the escaped title.
    public init(id: String, title: String, titleHTML: String? = nil, anchor: String, level: Int, parent: Int?, line: Int, notes: [SectionNote], kind: ItemKind) {
        self.id = id
        self.title = title
        self.titleHTML = titleHTML ?? HTMLEscaping.escape(title)
        self.anchor = anchor
        self.level = level
        self.parent = parent
        self.line = line
        self.notes = notes
        self.kind = kind
    }

    /// All the notes' HTML run together, for callers that need no placement.
    public var notesHTML: String { notes.map(\.html).joined() }
}

/// A block of a section's content that is not an item, and where it stands among the items.
public struct SectionNote: Sendable, Codable, Equatable {
    /// The block as safe HTML rendered by cmark.
    public var html: String
    /// How many of the section's items (at any depth) come before the block in the document:
    /// 0 is above the first item, `items.count` below the last.
    public var position: Int
    /// The block's first line in the file.
    public var line: Int

    public init(html: String, position: Int, line: Int) {
        self.html = html
        self.position = position
        self.line = line
    }
}

/// What an item means for the verdict.
public enum ItemKind: String, Sendable, Codable, CaseIterable {
    /// An ordinary readiness check.
    case check
    /// A criterion that must be met for a Go.
    case go
    /// A blocker: present means No-Go.
    case noGo = "no-go"
    /// A stakeholder's sign-off.
    case signoff
}

/// One task-list item (`- [ ]` or `- [x]`) of a checklist.
public struct ChecklistItem: Sendable, Codable, Equatable {
    public var id: String
    public var kind: ItemKind
    public var checked: Bool
    /// 0 for a top-level item, 1 for its children…
    public var depth: Int
    /// Id of the parent item, if nested.
    public var parent: String?
    /// Ids of the child items, in order.
    public var children: [String]
    /// Index of the section in `Checklist.sections`.
    public var section: Int
    /// The section's id path.
    public var sectionID: String
    public var line: Int
    public var column: Int
    /// The label as plain text (without the box and any `{#id}`).
    public var text: String
    /// The label as safe HTML rendered by cmark.
    public var html: String
    /// Text that follows the label line in the same list item, plain and as safe HTML.
    public var note: String
    public var noteHTML: String
    /// For sign-off items: the bold role name.
    public var role: String?
    /// True when the id came from a `{#custom-id}`.
    public var explicitID: Bool

    public init(id: String, kind: ItemKind, checked: Bool, depth: Int, parent: String?, children: [String], section: Int, sectionID: String, line: Int, column: Int, text: String, html: String, note: String, noteHTML: String, role: String?, explicitID: Bool) {
        self.id = id
        self.kind = kind
        self.checked = checked
        self.depth = depth
        self.parent = parent
        self.children = children
        self.section = section
        self.sectionID = sectionID
        self.line = line
        self.column = column
        self.text = text
        self.html = html
        self.note = note
        self.noteHTML = noteHTML
        self.role = role
        self.explicitID = explicitID
    }
}
