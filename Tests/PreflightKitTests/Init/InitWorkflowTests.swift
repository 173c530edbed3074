import Foundation
import Testing
@testable import PreflightSupport

/// `preflight init --ci …` end to end: the binary writes the workflow, PyYAML parses it, and its
/// commands (all but installing the release) run in the new project with the binary on PATH.
@Suite("Init workflows")
struct InitWorkflowTests {
    /// A project made by `preflight init project --ci <system>` in a fresh folder.
    struct Project {
        let dir: TempDir
        var path: String { dir.url("project") }

        init(ci: String) throws {
            dir = try TempDir()
            let outcome = try PreflightBinary.run(["init", "project", "--ci", ci], in: dir)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("made project/content/checklists/production-deployment.md\n"))
            #expect(outcome.stdout.contains("next:\n  cd project\n  preflight build"))
        }

        /// PATH holding only the binary under test and the system's tools, as on a CI runner.
        var baseEnvironment: [String: String] {
            ["PATH": (PreflightBinary.path as NSString).deletingLastPathComponent + ":/usr/bin:/bin", "HOME": dir.path, "LANG": "C.UTF-8"]
        }

        func runJSON(_ relative: String) throws -> [String: Any] {
            let folder = dir.url("project/content/runs")
            let runs = dir.files(in: "project/content/runs").filter { $0 != ".gitkeep" }
            try #require(runs.count == 1, "one run in \(folder): \(runs)")
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(runs[0])/\(relative)"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        func siteIsBuilt() {
            for file in ["_site/index.html", "_site/preflight.css", "_site/runs"] {
                #expect(FileManager.default.fileExists(atPath: dir.url("project/\(file)")), "\(file) missing")
            }
        }
    }

    @Test func theGitHubWorkflowParsesAndItsStepsRun() throws {
        let project = try Project(ci: "github")
        let workflow = try PyYAML.load(project.dir.url("project/.github/workflows/preflight.yml"))
        // PyYAML reads the key `on` as YAML 1.1's true; GitHub reads it as "on".
        #expect(workflow["on"] != nil || workflow["true"] != nil)
        let env = try #require(workflow["env"] as? [String: String])
        #expect(env["PREFLIGHT_TARBALL"]?.hasSuffix("/preflight-\(PreflightVersion.current)-linux-x86_64.tar.gz") == true)
        #expect(env["PREFLIGHT_CHECKLIST"] == "production-deployment")
        let job = try #require((workflow["jobs"] as? [String: Any])?["preflight"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        let names = steps.compactMap { $0["name"] as? String }
        #expect(names == ["Install preflight", "Start a run", "Probes", "Report to the job summary", "Build the site",
                          "Gate on the verdict", "Keep the runs and the site"])
        let install = try #require(steps.first { $0["name"] as? String == "Install preflight" }?["run"] as? String)
        #expect(install.contains("\"$PREFLIGHT_TARBALL\"") && install.contains("$GITHUB_PATH"))
        let upload = try #require(steps.last)
        #expect(upload["uses"] as? String == "actions/upload-artifact@v4")
        #expect(upload["if"] as? String == "always()", "the runs and site are kept also when the gate fails")
        let artifactPaths = ((upload["with"] as? [String: Any])?["path"] as? String ?? "").split(separator: "\n").map(String.init)
        #expect(artifactPaths == ["content/runs/", "_site/"])

        // GitHub's variables; the files behind $GITHUB_ENV and $GITHUB_STEP_SUMMARY, read between steps as GitHub does.
        let githubEnv = project.dir.url("github-env"), summary = project.dir.url("step-summary")
        _ = FileManager.default.createFile(atPath: githubEnv, contents: nil)
        _ = FileManager.default.createFile(atPath: summary, contents: nil)
        var variables = project.baseEnvironment.merging(env) { $1 }.merging([
            "GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "4242", "GITHUB_RUN_ATTEMPT": "1", "GITHUB_SHA": "0a1b2c3d4e5f60718293",
            "GITHUB_REF_NAME": "main", "GITHUB_SERVER_URL": "https://github.example", "GITHUB_REPOSITORY": "team/service",
            "GITHUB_EVENT_NAME": "push", "GITHUB_ENV": githubEnv, "GITHUB_STEP_SUMMARY": summary,
            "GITHUB_PATH": project.dir.url("github-path"), "RUNNER_TEMP": project.dir.url("runner-temp"),
        ]) { $1 }
        var ran = 0
        for step in steps {
            guard let script = step["run"] as? String, step["name"] as? String != "Install preflight" else { continue }
            let outcome = try Shell.run(script, env: variables, in: project.path)
            #expect(outcome.status == 0, "step '\(step["name"] ?? "")' failed: \(outcome.stderr)")
            ran += 1
            for line in try String(contentsOfFile: githubEnv, encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { variables[parts[0]] = parts[1] }
            }
        }
        #expect(ran == 5)
        #expect(variables["PREFLIGHT_RUN"] == "content/runs/staging-4242.1")
        let run = try project.runJSON("run.json")
        #expect(run["commit"] as? String == "0a1b2c3d4e5f60718293")
        #expect(run["url"] as? String == "https://github.example/team/service/actions/runs/4242")
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(markdown.hasPrefix("## ⏳ PENDING: "), "the job summary holds the Markdown report")
        #expect(markdown.contains("Run `staging-4242.1`"))
        project.siteIsBuilt()
        for path in artifactPaths {
            #expect(FileManager.default.fileExists(atPath: project.dir.url("project/" + path)), "artifact \(path) missing")
        }
    }

    @Test func theGitLabPipelineParsesAndItsScriptRuns() throws {
        let project = try Project(ci: "gitlab")
        let pipeline = try PyYAML.load(project.dir.url("project/.gitlab-ci.yml"))
        let variables = try #require(pipeline["variables"] as? [String: String])
        #expect(variables["PREFLIGHT_TARBALL"]?.hasSuffix("/preflight-\(PreflightVersion.current)-linux-x86_64.tar.gz") == true)
        let job = try #require(pipeline["preflight"] as? [String: Any])
        let install = try #require(job["before_script"] as? [String])
        #expect(install.contains { $0.contains("\"$PREFLIGHT_TARBALL\"") })
        let script = try #require(job["script"] as? [String])
        #expect(script.last == #"preflight report "$PREFLIGHT_RUN" --fail-on no-go"#,
                "the gate comes last, so the report and the site exist when it fails the job")
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        #expect(artifacts["when"] as? String == "always")
        let paths = try #require(artifacts["paths"] as? [String])
        #expect(paths == ["preflight-report.md", "content/runs/", "_site/"])

        // GitLab runs before_script and script in one shell; the install is skipped, the binary is on PATH.
        let env = project.baseEnvironment.merging(variables) { $1 }.merging([
            "GITLAB_CI": "true", "CI": "true", "CI_PIPELINE_ID": "77", "CI_COMMIT_SHA": "fedcba9876543210",
            "CI_COMMIT_REF_NAME": "release", "CI_PIPELINE_URL": "https://gitlab.example/team/service/-/pipelines/77",
            "CI_PIPELINE_SOURCE": "push",
        ]) { $1 }
        let outcome = try Shell.run(script.joined(separator: "\n"), env: env, in: project.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("PENDING"), "the gate prints the text report into the job log")
        let run = try project.runJSON("run.json")
        #expect(run["id"] as? String == "staging-77")
        #expect(run["branch"] as? String == "release")
        let report = try String(contentsOfFile: project.dir.url("project/preflight-report.md"), encoding: .utf8)
        #expect(report.hasPrefix("## ⏳ PENDING: "))
        project.siteIsBuilt()
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: project.dir.url("project/" + path)), "artifact \(path) missing")
        }
    }

    @Test func initPrintsWhatItKeptAndExitsZero() throws {
        let dir = try TempDir()
        try dir.write(".gitignore", "*.o\n")
        let before = try dir.read(".gitignore")
        let outcome = try PreflightBinary.run(["init"], in: dir)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("kept existing .gitignore; add these lines: /_site/ /.preflight-cache/\n"))
        #expect(outcome.stdout.contains("made preflight.toml\n"))
        #expect(!outcome.stdout.contains("cd "), "init in the current folder needs no cd")
        #expect(outcome.stdout.contains("run=$(preflight start-run --checklist production-deployment --environment staging)"))
        #expect(try dir.read(".gitignore") == before)
    }

    @Test func initWithABadChecklistExitsOneAndWritesNothing() throws {
        let dir = try TempDir()
        try dir.write("plain.md", "# Plain\n\nNo items.\n")
        let outcome = try PreflightBinary.run(["init", "project", "--checklist", "plain.md"], in: dir)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("plain.md:1:1: error: checklist has no task items"))
        #expect(!FileManager.default.fileExists(atPath: dir.url("project")))
        let usage = try PreflightBinary.run(["init", "--ci", "jenkins"], in: dir)
        #expect(usage.status == 64)
    }
}
