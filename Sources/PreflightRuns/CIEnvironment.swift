import PreflightSupport
import PreflightChecklist

/// Run details a CI system exposes in its environment: GitHub Actions, GitLab CI, Jenkins, Buildkite.
package struct CIEnvironment: Sendable, Equatable {
    package var system: String?
    package var runID: String?
    package var commit: String?
    package var branch: String?
    package var url: String?
    package var trigger: String?

    /// Reads the first CI system whose marker variable is set.
    package init(_ env: [String: String]) {
        func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        if value("GITHUB_ACTIONS") != nil {
            system = "github-actions"
            runID = value("GITHUB_RUN_ID").map { id in value("GITHUB_RUN_ATTEMPT").map { "\(id).\($0)" } ?? id }
            commit = value("GITHUB_SHA")
            branch = value("GITHUB_HEAD_REF") ?? value("GITHUB_REF_NAME")
            if let server = value("GITHUB_SERVER_URL"), let repo = value("GITHUB_REPOSITORY"), let run = value("GITHUB_RUN_ID") {
                url = "\(server)/\(repo)/actions/runs/\(run)"
            }
            trigger = value("GITHUB_EVENT_NAME")
        } else if value("GITLAB_CI") != nil {
            system = "gitlab-ci"
            runID = value("CI_PIPELINE_ID") ?? value("CI_JOB_ID")
            commit = value("CI_COMMIT_SHA")
            branch = value("CI_COMMIT_REF_NAME")
            url = value("CI_PIPELINE_URL") ?? value("CI_JOB_URL")
            trigger = value("CI_PIPELINE_SOURCE")
        } else if value("BUILDKITE") != nil {
            system = "buildkite"
            runID = value("BUILDKITE_BUILD_NUMBER") ?? value("BUILDKITE_BUILD_ID")
            commit = value("BUILDKITE_COMMIT")
            branch = value("BUILDKITE_BRANCH")
            url = value("BUILDKITE_BUILD_URL")
            trigger = value("BUILDKITE_SOURCE")
        } else if value("JENKINS_URL") != nil || value("BUILD_URL") != nil {
            system = "jenkins"
            runID = value("BUILD_NUMBER") ?? value("BUILD_ID")
            commit = value("GIT_COMMIT")
            branch = value("BRANCH_NAME") ?? value("GIT_BRANCH")
            url = value("BUILD_URL")
            trigger = nil
        }
    }
}
