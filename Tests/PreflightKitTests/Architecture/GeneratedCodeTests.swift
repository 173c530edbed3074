import Foundation
import Testing

/// The view models' generated code must be current, and the generator must refuse what it
/// cannot read rather than skip it.
@Suite("Generated view model code")
struct GeneratedCodeTests {
    /// Runs scripts/generate-lookups.py with `arguments`; returns its exit status and stderr.
    private func generator(_ arguments: [String]) throws -> (status: Int32, message: String) {
        try ScriptRunner.run("generate-lookups.py", arguments)
    }

    @Test func theCommittedFilesAreWhatTheGeneratorWrites() throws {
        let run = try generator(["--check"])
        #expect(run.status == 0, "\(run.message)")
    }

    @Test func aStaleFileIsReported() throws {
        let fixture = try Fixture()
        try fixture.write("Views.swift", "struct AView: ViewModel {\n    var title: String\n}\n")
        #expect(try generator(["--site", fixture.folder.path]).status == 0)
        let shape = try String(contentsOfFile: fixture.path("ViewModel+Shape.swift"), encoding: .utf8)
        #expect(shape.contains("shape.add(self.title)"))
        try fixture.write("Views.swift", "struct AView: ViewModel {\n    var title: String\n    var count: Int\n}\n")
        let run = try generator(["--site", fixture.folder.path, "--check"])
        #expect(run.status == 1)
        #expect(run.message.contains("generated files are stale"), "\(run.message)")
    }

    @Test(arguments: [
        ("struct Odd: Sendable, ViewModel {\n    var a: String\n}\n", "Views.swift:1: error: cannot read this view model declaration"),
        ("struct Odd: ViewModel {\n    var a: String = \"x\"\n}\n", "Views.swift:2: error: cannot read this line of view model Odd"),
        ("struct Odd: ViewModel {\n    var a: String { \"x\" }\n}\n", "Views.swift:2: error: cannot read this line of view model Odd"),
    ])
    func aViewModelItCannotReadStopsIt(source: String, message: String) throws {
        let fixture = try Fixture()
        try fixture.write("Views.swift", source)
        let run = try generator(["--site", fixture.folder.path])
        #expect(run.status == 1)
        #expect(run.message.contains(message), "\(run.message)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("ViewModel+Shape.swift")))
    }
}
