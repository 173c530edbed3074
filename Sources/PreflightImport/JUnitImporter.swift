import Foundation
import PreflightSupport
import PreflightRuns

/// JUnit XML (Surefire, Gradle, pytest, Jest, go-junit-report): `<testsuites>`, a bare
/// `<testsuite>`, nested suites, or a folder of such files. The `<testcase>` elements decide
/// the counts; suite attributes that disagree are noted, not believed.
package struct JUnitImporter {
    package var maxFailures = 0

    package init(maxFailures: Int = 0) { self.maxFailures = maxFailures }

    package struct Case: Sendable, Equatable {
        package enum Outcome: Sendable, Equatable { case passed, failed, errored, skipped }
        package var suite: String
        package var name: String
        package var outcome: Outcome
        package var message: String
        package var seconds: Double
    }

    /// The XML files an argument names: the file itself, or the `*.xml` files below a folder
    /// (sorted, links not followed).
    package static func files(in argument: String) throws(Diagnostic) -> [String] {
        var info = stat()
        guard lstat(argument, &info) == 0 else { throw .error(argument, "no such file or folder") }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [argument] }
        var found: [String] = []
        var folders = [argument]
        while let folder = folders.popLast() {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            for name in names where !name.hasPrefix(".") {
                let path = (folder as NSString).appendingPathComponent(name)
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR { folders.append(path) }
                else if (info.st_mode & S_IFMT) == S_IFREG && name.lowercased().hasSuffix(".xml") { found.append(path) }
            }
            if found.count > 10_000 { throw .error(argument, "holds more than 10,000 XML files") }
        }
        guard !found.isEmpty else { throw .error(argument, "the folder holds no .xml files") }
        return found.sorted()
    }

    /// Reads the cases of one parsed document.
    package func cases(of root: XMLNode, path: String) throws(Diagnostic) -> (cases: [Case], seconds: Double?, claimed: Int?) {
        guard root.name == "testsuites" || root.name == "testsuite" else {
            throw .error(path, line: root.line, "not a JUnit XML report: the root element is <\(root.name)>, expected <testsuites> or <testsuite>")
        }
        var cases: [Case] = []
        // Pre-order walk with an explicit stack (children pushed in reverse), so cases come in
        // document order and a deep file cannot exhaust the call stack.
        var stack: [(node: XMLNode, suite: String)] = [(root, "")]
        while let (node, suite) = stack.popLast() {
            switch node.name {
            case "testcase":
                cases.append(Self.testCase(node, suite: suite))
            case "testsuite", "testsuites":
                let name = node.name == "testsuite" ? node["name"].map { suite.isEmpty ? $0 : "\(suite) › \($0)" } ?? suite : suite
                for child in node.children.reversed() where child.name == "testsuite" || child.name == "testcase" {
                    stack.append((child, name))
                }
            default: break
            }
        }
        // The root's own figures first; a `<testsuites>` without them sums its suites'.
        let suites = root.children("testsuite")
        let suiteSeconds = suites.compactMap { $0["time"].flatMap(Self.seconds) }
        let seconds = root["time"].flatMap(Self.seconds) ?? (suiteSeconds.count == suites.count && !suites.isEmpty ? suiteSeconds.reduce(0, +) : nil)
        let suiteClaims = suites.compactMap { $0["tests"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        let claimed = root["tests"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            ?? (suiteClaims.count == suites.count && !suites.isEmpty ? suiteClaims.reduce(0, +) : nil)
        return (cases, seconds, claimed)
    }

    static func testCase(_ node: XMLNode, suite: String) -> Case {
        let name = node["name"] ?? "(unnamed)"
        let suiteName = suite.isEmpty ? (node["classname"] ?? "") : suite
        var outcome = Case.Outcome.passed
        var message = ""
        for child in node.children {
            switch child.name {
            case "failure" where outcome != .errored, "error":
                outcome = child.name == "error" ? .errored : .failed
                message = child["message"] ?? child.text
            case "skipped" where outcome == .passed:
                outcome = .skipped
                message = child["message"] ?? child.text
            default: break
            }
        }
        return Case(suite: suiteName, name: name, outcome: outcome, message: ImportFormat.oneLine(message),
                    seconds: node["time"].flatMap(seconds) ?? 0)
    }

    static func seconds(_ text: String) -> Double? {
        // Some tools write `1,234.5`; the thousands separator is dropped.
        guard let value = Double(text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0
        else { return nil }
        return value
    }
}

extension JUnitImporter {
    /// Reads every file (or folder of files) and decides the result.
    package func run(_ arguments: [String]) throws(Diagnostic) -> ImportOutcome {
        var paths: [String] = []
        for argument in arguments { paths += try Self.files(in: argument) }
        var files: [ImportedFile] = []
        var cases: [Case] = []
        var seconds = 0.0
        var claimed = 0
        var claimsKnown = true
        for file in paths {
            let (imported, bytes) = try ImportedFile.read(file)
            files.append(imported)
            let root = try SafeXML.parse(bytes, path: file)
            let read = try self.cases(of: root, path: file)
            cases += read.cases
            seconds += read.seconds ?? read.cases.reduce(0) { $0 + $1.seconds }
            if let count = read.claimed { claimed += count } else { claimsKnown = false }
        }
        return outcome(cases, seconds: seconds, claimed: claimsKnown ? claimed : nil, files: files)
    }

    func outcome(_ cases: [Case], seconds: Double, claimed: Int?, files: [ImportedFile]) -> ImportOutcome {
        let failed = cases.filter { $0.outcome == .failed }.count
        let errored = cases.filter { $0.outcome == .errored }.count
        let skipped = cases.filter { $0.outcome == .skipped }.count
        let passed = cases.count - failed - errored - skipped
        var parts = ["\(ImportFormat.count(passed)) passed", "\(ImportFormat.count(failed)) failed"]
        if errored > 0 { parts.append("\(ImportFormat.count(errored)) errored") }
        parts.append("\(ImportFormat.count(skipped)) skipped")
        let noun = cases.count == 1 ? "test" : "tests"
        let summary = "\(ImportFormat.count(cases.count)) \(noun): \(parts.joined(separator: ", ")) in \(ImportFormat.duration(seconds))"
        let failing = cases.filter { $0.outcome == .failed || $0.outcome == .errored }.map { test -> String in
            let word = test.outcome == .errored ? "error" : "failed"
            let place = test.suite.isEmpty ? test.name : "\(test.suite) › \(test.name)"
            return test.message.isEmpty ? "\(word): \(place)" : "\(word): \(place): \(test.message)"
        }
        var notes: [String] = []
        if let claimed, claimed != cases.count {
            notes.append("the files' counts say \(ImportFormat.count(claimed)) tests; \(ImportFormat.count(cases.count)) <testcase> elements were found and counted")
        }
        let status: ResultStatus
        if cases.isEmpty { status = .fail } else { status = failed + errored <= maxFailures ? .pass : .fail }
        var details = ImportFormat.list(failing, noun: "failing tests")
        if !notes.isEmpty { details = ((details.map { [$0] } ?? []) + notes.map { "Note: \($0)" }).joined(separator: "\n") }
        return ImportOutcome(status: status, summary: cases.isEmpty ? "no tests found in \(files.count) file(s)" : summary,
                             details: details, probe: "junit", files: files, notes: notes)
    }
}
