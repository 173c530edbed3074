import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("CI environment detection")
struct CIEnvironmentTests {
    @Test func githubActions() {
        let ci = CIEnvironment([
            "GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "9876", "GITHUB_RUN_ATTEMPT": "2", "GITHUB_SHA": "abc123",
            "GITHUB_REF_NAME": "main", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/shop",
            "GITHUB_EVENT_NAME": "push",
        ])
        #expect(ci.system == "github-actions")
        #expect(ci.runID == "9876.2")
        #expect(ci.commit == "abc123")
        #expect(ci.branch == "main")
        #expect(ci.url == "https://github.com/acme/shop/actions/runs/9876")
        #expect(ci.trigger == "push")
    }

    @Test func githubPullRequestUsesTheHeadBranch() {
        let ci = CIEnvironment(["GITHUB_ACTIONS": "true", "GITHUB_HEAD_REF": "feature/x", "GITHUB_REF_NAME": "12/merge"])
        #expect(ci.branch == "feature/x")
        #expect(ci.url == nil)
    }

    @Test func gitlab() {
        let ci = CIEnvironment([
            "GITLAB_CI": "true", "CI_PIPELINE_ID": "555", "CI_COMMIT_SHA": "def", "CI_COMMIT_REF_NAME": "release",
            "CI_PIPELINE_URL": "https://gitlab.example/p/555", "CI_PIPELINE_SOURCE": "schedule",
        ])
        #expect(ci == expected("gitlab-ci", "555", "def", "release", "https://gitlab.example/p/555", "schedule"))
    }

    @Test func jenkins() {
        let ci = CIEnvironment([
            "JENKINS_URL": "https://jenkins.example/", "BUILD_NUMBER": "77", "GIT_COMMIT": "fed", "BRANCH_NAME": "main",
            "BUILD_URL": "https://jenkins.example/job/x/77/",
        ])
        #expect(ci == expected("jenkins", "77", "fed", "main", "https://jenkins.example/job/x/77/", nil))
    }

    @Test func buildkite() {
        let ci = CIEnvironment([
            "BUILDKITE": "true", "BUILDKITE_BUILD_NUMBER": "31", "BUILDKITE_COMMIT": "aaa", "BUILDKITE_BRANCH": "main",
            "BUILDKITE_BUILD_URL": "https://buildkite.com/acme/x/builds/31", "BUILDKITE_SOURCE": "webhook",
        ])
        #expect(ci == expected("buildkite", "31", "aaa", "main", "https://buildkite.com/acme/x/builds/31", "webhook"))
    }

    @Test func noCIAndEmptyMarkersGiveNothing() {
        #expect(CIEnvironment([:]) == expected(nil, nil, nil, nil, nil, nil))
        #expect(CIEnvironment(["GITHUB_ACTIONS": "", "GITHUB_SHA": "abc"]).system == nil)
    }

    private func expected(_ system: String?, _ run: String?, _ commit: String?, _ branch: String?, _ url: String?, _ trigger: String?) -> CIEnvironment {
        var ci = CIEnvironment([:])
        ci.system = system
        ci.runID = run
        ci.commit = commit
        ci.branch = branch
        ci.url = url
        ci.trigger = trigger
        return ci
    }
}
