import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist

/// Section anchors follow GitHub's heading-anchor rule, so a checklist's own table of contents works.
@Suite struct HeadingAnchorTests {
    @Test(arguments: [
        ("Table of Contents", "table-of-contents"),
        ("📋 Table of Contents", "-table-of-contents"),
        ("What's new?", "whats-new"),
        ("C++ & Rust", "c--rust"),
        ("Ünïcode Straße", "ünïcode-straße"),
        ("foo_bar-baz", "foo_bar-baz"),
        ("  Two  spaces ", "--two--spaces-"),
        ("v1.2: Go/No-Go", "v12-gono-go"),
        ("日本語 テスト", "日本語-テスト"),
        ("📋", ""),
    ])
    func githubAnchor(_ text: String, _ anchor: String) {
        #expect(Slug.githubAnchor(text) == anchor)
    }

    @Test func repeatsAreNumberedFromOneAndStepOverTakenSlugs() {
        var anchors = Slug.AnchorDeduplicator()
        #expect(["notes", "notes", "notes-1", "notes", "other"].map { anchors.claim($0) }
                == ["notes", "notes-1", "notes-1-1", "notes-2", "other"])
    }

    @Test func sectionsCarryTheirGitHubAnchorsInDocumentOrder() {
        let parsed = Fixture.parse("""
            # Production Readiness Checklist

            ## 📋 Table of Contents

            - [General Rules](#general-rules)

            ## General Rules {#rules}

            - [ ] One

            ### Notes

            - [ ] Two

            ## Other

            ### Notes

            - [ ] Three [back to top](#-table-of-contents)
            """)
        let sections = parsed.checklist.sections
        #expect(sections.map(\.anchor) == ["production-readiness-checklist", "-table-of-contents", "general-rules",
                                           "notes", "other", "notes-1"])
        // The `{#id}` names the section id only; the anchor is GitHub's, from the text without it.
        #expect(sections[2].id == "rules")
        #expect(sections[5].id == "other/notes")
    }

    @Test func theTitleClaimsItsSlugFirst() {
        let parsed = Fixture.parse("""
            # Release

            ## Release

            - [ ] x
            """)
        #expect(parsed.checklist.sections.map(\.anchor) == ["release", "release-1"])
    }

    @Test func withoutATitleTheRootAnchorIsEmpty() {
        let parsed = Fixture.parse("## Release\n\n- [ ] x\n")
        #expect(parsed.checklist.sections.map(\.anchor) == ["", "release"])
    }

    @Test func inlineMarkupIsStrippedFromTheAnchorText() {
        let parsed = Fixture.parse("# T\n\n## The `kubectl` *fast* [path](x.md)\n\n- [ ] x\n")
        #expect(parsed.checklist.sections[1].anchor == "the-kubectl-fast-path")
    }

    @Test func headingsThatAreNotSectionsStillCountForNumbering() {
        // GitHub numbers every heading on the page, the one inside an item too.
        let parsed = Fixture.parse("""
            # T
            ## A
            - [ ] x

              ### Notes
            ## Notes
            - [ ] y
            """)
        #expect(parsed.checklist.sections.map(\.anchor) == ["t", "a", "notes-1"])
    }
}
