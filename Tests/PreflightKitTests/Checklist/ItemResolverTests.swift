import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite struct ItemResolverTests {
    let resolver = ItemResolver(ids: [
        "pre/infra/aws-account-setup",
        "pre/infra/aws-account-setup/billing-alerts-configured",
        "pre/security/encryption/kms-keys-created",
        "post/first-hour/documentation",
        "post/first-week/documentation",
        "sign-off/technical-lead",
    ])

    @Test func fullIDResolvesToItself() {
        #expect(resolver.resolve("pre/infra/aws-account-setup") == .success("pre/infra/aws-account-setup"))
    }

    @Test func uniqueTrailingPartResolves() {
        #expect(resolver.resolve("billing-alerts-configured") == .success("pre/infra/aws-account-setup/billing-alerts-configured"))
        #expect(resolver.resolve("aws-account-setup/billing-alerts-configured") == .success("pre/infra/aws-account-setup/billing-alerts-configured"))
        #expect(resolver.resolve("technical-lead") == .success("sign-off/technical-lead"))
        #expect(resolver.resolve("  encryption/kms-keys-created ") == .success("pre/security/encryption/kms-keys-created"))
    }

    @Test func partialPathComponentsDoNotMatch() {
        guard case .failure(.unknown) = resolver.resolve("alerts-configured") else {
            Issue.record("a part of a component must not match")
            return
        }
        guard case .failure(.unknown) = resolver.resolve("pre/infra") else {
            Issue.record("a leading part must not match")
            return
        }
    }

    @Test func ambiguousPartListsTheCandidates() {
        let result = resolver.resolve("documentation")
        #expect(result == .failure(.ambiguous(reference: "documentation", candidates: [
            "post/first-hour/documentation", "post/first-week/documentation",
        ])))
        if case .failure(let failure) = result {
            #expect(failure.description == "item reference 'documentation' is ambiguous; it matches: post/first-hour/documentation, post/first-week/documentation")
        }
        #expect(resolver.resolve("first-week/documentation") == .success("post/first-week/documentation"))
    }

    @Test func unknownReferenceSuggestsTheNearestIDs() {
        let result = resolver.resolve("technical-leed")
        #expect(result == .failure(.unknown(reference: "technical-leed", nearest: ["sign-off/technical-lead"])))
        if case .failure(let failure) = result {
            #expect(failure.description == "unknown item 'technical-leed'; nearest ids: sign-off/technical-lead")
        }
    }

    @Test func unknownReferenceFarFromEverythingHasNoSuggestions() {
        #expect(resolver.resolve("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz") == .failure(.unknown(reference: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", nearest: [])))
        #expect(ItemResolver(ids: []).resolve("x") == .failure(.unknown(reference: "x", nearest: [])))
    }

    @Test func resolvesItemsOfAParsedChecklist() {
        let parsed = Fixture.parse("## A\n- [ ] **Setup**\n  - [ ] Billing\n## B\n- [ ] Billing\n")
        let resolver = ItemResolver(parsed.checklist)
        #expect(resolver.resolve("setup/billing") == .success("a/setup/billing"))
        #expect(resolver.resolve("b/billing") == .success("b/billing"))
        guard case .failure(.ambiguous(_, let candidates)) = resolver.resolve("billing") else {
            Issue.record("expected an ambiguous reference")
            return
        }
        #expect(candidates == ["a/setup/billing", "b/billing"])
    }

    @Test func editDistanceCountsEdits() {
        #expect(EditDistance.between(Array("kitten"), Array("sitting")) == 3)
        #expect(EditDistance.between([], Array("abc")) == 3)
        #expect(EditDistance.between(Array("same"), Array("same")) == 0)
    }
}
