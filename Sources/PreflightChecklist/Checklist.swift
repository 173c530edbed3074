import PreflightSupport

/// A readiness checklist parsed from one Markdown file.
package struct Checklist: Sendable, Codable, Equatable {
    /// The file stem, e.g. `production-deployment`.
    package var name: String
    /// The first level-1 heading, else the name.
    package var title: String
    /// The file the checklist came from, as given.
    package var path: String
    /// Every section in document order; `sections[0]` is the root (the title or the file itself).
    package var sections: [Section]
    /// Every task item in document order.
    package var items: [ChecklistItem]

    package init(name: String, title: String, path: String, sections: [Section], items: [ChecklistItem]) {
        self.name = name
        self.title = title
        self.path = path
        self.sections = sections
        self.items = items
    }

    /// The item with this exact id.
    package func item(id: String) -> ChecklistItem? {
        items.first { $0.id == id }
    }

    /// Roles of the sign-off items, in document order.
    package var signoffRoles: [String] {
        // By index: a build asks once per run, and iterating would copy every item.
        items.indices.compactMap { items[$0].kind == .signoff ? items[$0].role : nil }
    }
}

/// A heading of the checklist and the content under it that is not an item.
package struct Section: Sendable, Codable, Equatable {
    /// Slug path below the title, e.g. `pre-deployment-requirements/testing`; empty for the root.
    package var id: String
    package var title: String
    /// Heading level (1–6); 0 for the root.
    package var level: Int
    /// Index of the parent in `Checklist.sections`; nil for the root.
    package var parent: Int?
    package var line: Int
    /// Paragraphs, code blocks and plain lists under the heading, as safe HTML.
    package var notesHTML: String
    /// Item kind given to the items under this heading (by the heading words).
    package var kind: ItemKind

    package init(id: String, title: String, level: Int, parent: Int?, line: Int, notesHTML: String, kind: ItemKind) {
        self.id = id
        self.title = title
        self.level = level
        self.parent = parent
        self.line = line
        self.notesHTML = notesHTML
        self.kind = kind
    }
}

/// What an item means for the verdict.
package enum ItemKind: String, Sendable, Codable, CaseIterable {
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
package struct ChecklistItem: Sendable, Codable, Equatable {
    package var id: String
    package var kind: ItemKind
    package var checked: Bool
    /// 0 for a top-level item, 1 for its children…
    package var depth: Int
    /// Id of the parent item, if nested.
    package var parent: String?
    /// Ids of the child items, in order.
    package var children: [String]
    /// Index of the section in `Checklist.sections`.
    package var section: Int
    /// The section's id path.
    package var sectionID: String
    package var line: Int
    package var column: Int
    /// The label as plain text (without the box and any `{#id}`).
    package var text: String
    /// The label as safe HTML rendered by cmark.
    package var html: String
    /// Text that follows the label line in the same list item, plain and as safe HTML.
    package var note: String
    package var noteHTML: String
    /// For sign-off items: the bold role name.
    package var role: String?
    /// True when the id came from a `{#custom-id}`.
    package var explicitID: Bool

    package init(id: String, kind: ItemKind, checked: Bool, depth: Int, parent: String?, children: [String], section: Int, sectionID: String, line: Int, column: Int, text: String, html: String, note: String, noteHTML: String, role: String?, explicitID: Bool) {
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
