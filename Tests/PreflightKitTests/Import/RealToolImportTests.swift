import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightImport

/// Files written by the real tools (pytest, coverage.py, Ruff, Bandit, Checkov from PyPI, in the
/// virtualenv `scripts/ensure-deps.sh --import-tools` makes), imported through the binary.
@Suite("Import: files from the real tools")
struct RealToolImportTests {
    static let venv = Fixture.packageRoot.appendingPathComponent(".build/import-venv/bin").path

    static let tests = """
    import pytest

    def test_add():
        assert 1 + 2 == 3

    def test_wrong():
        assert 2 + 2 == 5

    @pytest.fixture
    def broken():
        raise RuntimeError("fixture exploded")

    def test_uses_broken(broken):
        assert True

    @pytest.mark.skip(reason="not on CI")
    def test_skipped():
        assert False
    """

    static let app = """
    import subprocess

    PASSWORD = "hunter2"


    def run(command):
        return subprocess.call(command, shell=True)


    def check(value):
        if value == None:
            return eval(value)
        return value
    """

    static let terraform = """
    resource "aws_security_group" "open" {
      name = "open"
      ingress {
        from_port   = 22
        to_port     = 22
        protocol    = "tcp"
        cidr_blocks = ["0.0.0.0/0"]
      }
    }
    """

    /// Runs a tool of the virtualenv in `dir`; returns its exit status.
    @discardableResult
    func tool(_ name: String, _ arguments: [String], in dir: TempDir) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(Self.venv)/\(name)")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        var env = ProcessInfo.processInfo.environment
        env["CHECKOV_RUN_SCA_PACKAGE_SCAN"] = "false"
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func available() -> Bool {
        if FileManager.default.isExecutableFile(atPath: "\(Self.venv)/checkov") { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("no \(Self.venv): run scripts/ensure-deps.sh --import-tools")
        } else {
            print("SKIPPED: real-tool import tests need \(Self.venv) (scripts/ensure-deps.sh --import-tools)")
        }
        return false
    }

    @Test func pytestCoverageRuffBanditAndCheckovFilesImport() throws {
        guard available() else { return }
        let dir = try TempDir()
        try dir.write("test_sample.py", Self.tests)
        try dir.write("app.py", Self.app)
        try dir.write("tf/main.tf", Self.terraform)
        #expect(try tool("python", ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=junit.xml", "test_sample.py"], in: dir) == 1)
        try tool("coverage", ["run", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_sample.py"], in: dir)
        #expect(try tool("coverage", ["xml", "-o", "coverage.xml"], in: dir) == 0)
        #expect(try tool("coverage", ["lcov", "-o", "coverage.lcov"], in: dir) == 0)
        try tool("ruff", ["check", "--no-cache", "--select", "E711,S", "--output-format", "sarif", "-o", "ruff.sarif", "app.py"], in: dir)
        try tool("bandit", ["-q", "-f", "sarif", "-o", "bandit.sarif", "app.py"], in: dir)
        try tool("checkov", ["-d", "tf", "--framework", "terraform", "-o", "sarif", "--output-file-path", "checkov", "--quiet"], in: dir)

        let junit = try JUnitImporter().run([dir.url("junit.xml")])
        #expect(junit.summary.hasPrefix("4 tests: 1 passed, 1 failed, 1 errored, 1 skipped in "))
        #expect(junit.status == .fail)
        #expect(junit.details?.contains("failed: pytest › test_wrong: assert") == true)
        #expect(junit.details?.contains("error: pytest › test_uses_broken") == true)

        // 11 of the test file's 13 statements run: the body of the fixture-broken test and of the skipped one do not.
        let xml = try CoverageImporter(minimum: 80).run(dir.url("coverage.xml"))
        let lcov = try CoverageImporter(minimum: 85).run(dir.url("coverage.lcov"))
        #expect(xml.probe == "coverage:cobertura")
        #expect(lcov.probe == "coverage:lcov")
        #expect(xml.summary == "line coverage 84.6% (minimum 80%)")
        #expect(xml.details == "Cobertura report: 11 of 13 lines covered")
        #expect(xml.status == .pass)
        #expect(lcov.summary == "line coverage 84.6% (minimum 85%)")
        #expect(lcov.status == .fail)

        let ruff = try SARIFImporter().run([dir.url("ruff.sarif")])
        #expect(ruff.summary.hasPrefix("ruff: 4 results (4 errors)"))
        for rule in ["S105", "S602", "E711", "S307"] { #expect(ruff.details?.contains("] \(rule):") == true, "\(rule)") }

        let bandit = try SARIFImporter().run([dir.url("bandit.sarif")])
        #expect(bandit.summary.hasPrefix("Bandit: 4 results"))
        #expect(bandit.status == .fail)
        for rule in ["B404", "B105", "B602", "B307"] { #expect(bandit.details?.contains("] \(rule):") == true, "\(rule)") }

        let checkov = try SARIFImporter().run([dir.url("checkov/results_sarif.sarif")])
        #expect(checkov.summary.hasPrefix("Checkov: "))
        #expect(checkov.details?.contains("] CKV_AWS_24:") == true)
        #expect(checkov.status == .fail)
    }
}
