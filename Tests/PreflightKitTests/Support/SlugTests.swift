import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite struct SlugTests {
    @Test func lowercasesDropsPunctuationAndJoinsWithHyphens() {
        #expect(Slug.make("Go/No-Go Decision") == "gono-go-decision")
        #expect(Slug.make("AWS Account Setup") == "aws-account-setup")
        #expect(Slug.make("Service quotas verified (EKS, RDS, etc.)") == "service-quotas-verified-eks-rds-etc")
        #expect(Slug.make("1. Pre-Deployment Validation") == "1-pre-deployment-validation")
        #expect(Slug.make("`terraform.tfvars` configured") == "terraformtfvars-configured")
    }

    @Test func collapsesSpacesAndHyphensAndTrimsThem() {
        #expect(Slug.make("  Many   spaces\there  ") == "many-spaces-here")
        #expect(Slug.make("a - b -- c") == "a-b-c")
        #expect(Slug.make("-leading and trailing-") == "leading-and-trailing")
    }

    @Test func keepsLettersAndDigitsOfAnyScript() {
        #expect(Slug.make("Überprüfung der Größe 2") == "überprüfung-der-größe-2")
    }

    @Test func emptyResultUsesTheFallback() {
        #expect(Slug.make("") == "item")
        #expect(Slug.make("?!* ()") == "item")
        #expect(Slug.make("...", fallback: "section") == "section")
    }

    @Test func deduplicatorNumbersRepeatsFromTwo() {
        var slugs = Slug.Deduplicator()
        #expect(slugs.claim("a").slug == "a")
        let second = slugs.claim("a")
        #expect(second.slug == "a-2")
        #expect(second.repeated)
        #expect(slugs.claim("a").slug == "a-3")
        #expect(slugs.claim("b").repeated == false)
    }

    @Test func deduplicatorStepsAroundSlugsAlreadyTaken() {
        var slugs = Slug.Deduplicator()
        #expect(slugs.claim("a-2").slug == "a-2")
        #expect(slugs.claim("a").slug == "a")
        #expect(slugs.claim("a").slug == "a-3")
        slugs.reserve("c")
        let claimed = slugs.claim("c")
        #expect(claimed.slug == "c-2")
        #expect(claimed.repeated)
    }
}
