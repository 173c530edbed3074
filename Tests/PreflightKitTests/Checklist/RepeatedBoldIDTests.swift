import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist

/// A bold lead word shared by siblings does not make `resiliency`, `resiliency-2`, `resiliency-3`.
@Suite struct RepeatedBoldIDTests {
    @Test func repeatedBoldSiblingsTakeTheirLabelsFirstWords() {
        let parsed = Fixture.parse("""
            ## Ops
            - [ ] **Resiliency**: retries with backoff on every outbound call to partners
            - [ ] **Resiliency**: circuit breakers open on errors
            - [ ] **Backups**: nightly
            - [ ] **Resiliency:** timeouts set
            """)
        #expect(parsed.ids == ["ops/resiliency-retries-with-backoff-on-every-outbound-call",
                               "ops/resiliency-circuit-breakers-open-on-errors",
                               "ops/backups", "ops/resiliency-timeouts-set"])
        #expect(parsed.warnings.isEmpty)
    }

    @Test func aBadgeImageBeforeTheBoldLeadIsSteppedOver() {
        let parsed = Fixture.parse("""
            ## Head
            * [ ] ![High][high] **Doctype:** The Doctype is HTML5.
            * [ ] ![Medium](https://example.com/m.svg) ![New](n.svg) **Charset:** UTF-8 is declared.
            * [ ] ![Low][high] plain label after a badge

            [high]: https://example.com/high.svg
            """)
        #expect(parsed.ids == ["head/doctype", "head/charset", "head/low-plain-label-after-a-badge"])
        #expect(parsed.checklist.items[0].text == "High Doctype: The Doctype is HTML5.")
    }

    @Test func onlySiblingsCount() {
        let parsed = Fixture.parse("""
            ## A
            - [ ] **Alerts** wired
              - [ ] **Pager** rota
            - [ ] **Pager** tested
            ## B
            - [ ] **Alerts** paged
            """)
        #expect(parsed.ids == ["a/alerts", "a/alerts/pager", "a/pager", "b/alerts"])
    }

    @Test func nestedSiblingsUnderOneParent() {
        let parsed = Fixture.parse("""
            - [ ] **Database**
              - [ ] **Check** replicas in sync
              - [ ] **Check** backups restore
            """)
        #expect(parsed.ids == ["database", "database/check-replicas-in-sync", "database/check-backups-restore"])
    }

    @Test func anExplicitIDTakesItsSiblingOutOfTheCount() {
        let parsed = Fixture.parse("""
            - [ ] **Resiliency** retries {#retries}
            - [ ] **Resiliency** timeouts
            """)
        #expect(parsed.ids == ["retries", "resiliency"])
    }

    @Test func identicalLabelsStillGetNumbered() {
        let parsed = Fixture.parse("- [ ] **Same** words\n- [ ] **Same** words\n")
        #expect(parsed.ids == ["same-words", "same-words-2"])
        #expect(parsed.warnings.count == 1)
    }
}
