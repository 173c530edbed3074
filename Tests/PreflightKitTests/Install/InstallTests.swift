import Foundation
import Testing
@testable import PreflightSupport

/// `make install` and `make dist`: one binary that runs on a machine without Swift or libcmark.
/// The static release build takes minutes from scratch (its own `.build-release-static`, reused
/// between runs), so one test does install, the run-anywhere check and dist in turn.
@Suite("Install")
struct InstallTests {
    /// The environment of a shell, not of `swift test`: the variables the test runner sets make SwiftPM
    /// rebuild the release from scratch each time, where a shell's `make install` reuses it.
    static var buildEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "USER", "LANG", "TMPDIR", "TERM"].contains($0.key) }
    }

    @Test(.timeLimit(.minutes(30)))
    func theInstalledBinaryRunsAloneThroughInitRecordAndBuild() throws {
        let root = Fixture.packageRoot.path
        let dir = try TempDir()
        let prefix = dir.url("prefix")
        let installed = try Shell.run("/usr/bin/make", ["-s", "install", "PREFIX=\(prefix)"], env: Self.buildEnvironment, in: root)
        try #require(installed.status == 0, "make install failed: \(installed.stderr)")
        for (path, marker) in [("share/bash-completion/completions/preflight", "_preflight"),
                               ("share/zsh/site-functions/_preflight", "#compdef preflight"),
                               ("share/fish/vendor_completions.d/preflight.fish", "complete -c 'preflight'")] {
            let text = (try? String(contentsOfFile: "\(prefix)/\(path)", encoding: .utf8)) ?? ""
            #expect(text.contains(marker), "\(path) is not a completion script")
            #expect(text.contains("start-run"), "\(path) knows the subcommands")
        }

        // The binary alone, in a folder of its own: nothing installed beside it can help it.
        let alone = dir.url("alone")
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(prefix)/bin/preflight", toPath: "\(alone)/preflight")
        let ldd = try Shell.run("/usr/bin/ldd", ["\(alone)/preflight"], in: alone)
        #expect(!ldd.stdout.isEmpty)
        for library in ["libswift", "libFoundation", "libcmark", "lib_Foundation", "libdispatch"] {
            #expect(!ldd.stdout.contains(library), "links \(library) dynamically:\n\(ldd.stdout)")
        }

        let project = dir.url("project")
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        func preflight(_ arguments: [String]) throws -> Shell.Outcome {
            let outcome = try Shell.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "\(alone)/preflight"] + arguments, in: project)
            #expect(outcome.status == 0, "preflight \(arguments.joined(separator: " ")): \(outcome.stderr)")
            return outcome
        }
        #expect(try preflight(["--version"]).stdout == PreflightVersion.current + "\n")
        let made = try preflight(["init"])
        #expect(made.stdout.contains("made content/checklists/production-deployment.md"))
        let run = try preflight(["start-run", "--checklist", "production-deployment", "--environment", "staging", "--id", "staging-1"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(run == "content/runs/staging-1")
        _ = try preflight(["record", run, "--item", "billing-alerts-configured", "--status", "pass"])
        // No templates/ or Public/ in the project: the binary's built-in theme makes the site.
        #expect(!FileManager.default.fileExists(atPath: "\(project)/templates"))
        _ = try preflight(["build"])
        for file in ["index.html", "index.json", "feed.xml", "preflight.css", "sheet.css", "print.css", "print-a4.css",
                     "runs/staging-1/index.html", "runs/staging-1/report.json", "runs/staging-1/signoff.html"] {
            #expect(FileManager.default.fileExists(atPath: "\(project)/_site/\(file)"), "_site/\(file) missing")
        }
        let page = (try? String(contentsOfFile: "\(project)/_site/runs/staging-1/index.html", encoding: .utf8)) ?? ""
        #expect(page.contains("billing-alerts-configured"))

        // make dist packs the same binary with README and completions, under one versioned folder.
        let dist = try Shell.run("/usr/bin/make", ["-s", "dist"], env: Self.buildEnvironment, in: root)
        try #require(dist.status == 0, "make dist failed: \(dist.stderr)")
        let arch = try Shell.run("/usr/bin/uname", ["-m"], in: root).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = "preflight-\(PreflightVersion.current)-linux-\(arch)"
        let tarball = "\(root)/dist/\(name).tar.gz"
        #expect(dist.stdout.hasSuffix("dist/\(name).tar.gz\n"))
        let listing = try Shell.run("/bin/tar", ["-tzf", tarball], in: root).stdout.split(separator: "\n").map(String.init)
        for entry in ["bin/preflight", "share/doc/preflight/README.md", "share/bash-completion/completions/preflight",
                      "share/zsh/site-functions/_preflight", "share/fish/vendor_completions.d/preflight.fish"] {
            #expect(listing.contains("\(name)/\(entry)"), "\(entry) not in the tarball")
        }
    }
}
