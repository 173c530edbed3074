import Foundation
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Building sites in tests: the example history from the package root, copies of the templates,
/// and whole output folders read back as bytes.
enum SiteFixture {
    static func root(_ path: String) -> String { Fixture.packageRoot.appendingPathComponent(path).path }

    static let checklists = root("content/checklists")
    static let runs = root("content/runs")
    static let templates = root("templates")
    static let publicDir = root("Public")
    static let schema = root("schema")

    /// Options for the example content, with any input replaced.
    static func options(output: String, content: String = checklists, runs: String = runs, templates: String = templates,
                        publicDir: String = publicDir, schema: String? = schema) -> SiteOptions {
        SiteOptions(content: content, runs: runs, templates: templates, publicDir: publicDir, schema: schema, output: output)
    }

    /// Builds the example history into `output`.
    @discardableResult
    static func buildExample(into output: String) throws -> BuildSummary {
        try SiteBuilder(options: options(output: output)).build()
    }

    /// The example site built once per test process; tests only read it.
    static let example: Result<URL, any Error> = Result {
        let fixture = try Fixture()
        let output = fixture.folder.appendingPathComponent("_site")
        try buildExample(into: output.path)
        return output
    }

    /// The shared example site's folder.
    static func exampleSite() throws -> URL { try example.get() }

    /// A file of the shared example site as text.
    static func exampleText(_ path: String) throws -> String {
        try String(contentsOf: try exampleSite().appendingPathComponent(path), encoding: .utf8)
    }

    /// Copies `templates/` into `fixture` and returns the copy's path.
    static func copyTemplates(into fixture: Fixture) throws -> String {
        let copy = fixture.path("templates")
        try FileManager.default.copyItem(atPath: templates, toPath: copy)
        return copy
    }

    /// Copies the example runs (all of them) into `fixture` and returns the copy's path.
    static func copyRuns(into fixture: Fixture) throws -> String {
        let copy = fixture.path("runs")
        try FileManager.default.copyItem(atPath: runs, toPath: copy)
        return copy
    }

    /// Every file below `folder` by relative path, with its bytes.
    static func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        for path in paths {
            let full = (folder as NSString).appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    /// Entries beside `output` that look like build leftovers (`.NAME.building-…`).
    static func leftovers(beside output: String) -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return entries.filter { $0.hasPrefix(".\(name).building-") }.sorted()
    }

    /// A small hand-made "previous site" to check that failed builds leave it alone.
    static func writeOldSite(_ output: String) throws -> [String: Data] {
        let files = ["index.html": "<p>old site</p>\n", "runs/old/index.html": "<p>old run</p>\n", "preflight.css": "body{}\n"]
        for (path, text) in files {
            let full = (output as NSString).appendingPathComponent(path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return tree(output)
    }

    /// Relative paths of the generated HTML pages below `folder`.
    static func htmlPages(_ folder: String) -> [String] {
        tree(folder).keys.filter { $0.hasSuffix(".html") }.sorted()
    }

    /// The digest printed in a sign-off sheet's footer.
    static func sheetDigest(_ html: String) -> String? {
        guard let match = html.firstMatch(of: /<p class="digest"><code>([0-9a-f]{64})<\/code><\/p>/) else { return nil }
        return String(match.1)
    }

    /// Lowercase hex SHA-256 of a file, by `sha256sum` so the check does not reuse Preflight's own code.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
