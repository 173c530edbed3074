import Foundation
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The example history in `content/runs` (14 staging and 4 production runs of the seed checklist),
/// and small synthesized archives for history and site tests.
enum ExampleHistory {
    static let root = Fixture.packageRoot.path

    /// The merged streams of the example archive, by environment.
    static func streams() throws -> [String: RunStream] {
        let library = try ChecklistLibrary.load(root + "/content/checklists")
        var problems: [Diagnostic] = []
        let streams = StreamSet.merge(archive: RunArchive.scan(root + "/content/runs"), library: library, problems: &problems)
        return Dictionary(streams.map { ($0.environment, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Site options that read the repository's templates and assets and write into `output`.
    static func options(content: String = root + "/content/checklists", runs: String = root + "/content/runs", output: String) -> SiteOptions {
        SiteOptions(content: content, runs: runs, templates: root + "/templates", publicDir: root + "/Public", schema: nil, output: output)
    }

    /// Writes an archive of a tiny inline checklist: `count` runs in `environment`, one day apart;
    /// `alpha` fails in every third run, `beta` always passes.
    static func writeTinyArchive(_ fixture: Fixture, environment: String, count: Int, startDay: Int = 0) throws {
        try fixture.write("checklists/tiny.md", """
            # Tiny

            ## Checks

            - [ ] Alpha
            - [ ] Beta

            """)
        for index in 0..<count {
            let id = "\(environment)-\(String(format: "%05d", index + 1))"
            let day = Timestamp(seconds: Double(startDay + index) * 86_400 + 1_790_000_000)
            try fixture.write("runs/\(id)/run.json", """
                {"id": "\(id)", "checklist": "tiny", "environment": "\(environment)", "started_at": "\(day.text)"}
                """)
            try fixture.write("runs/\(id)/probe.json", """
                [{"item": "alpha", "status": "\(index % 3 == 2 ? "fail" : "pass")"}, {"item": "beta", "status": "pass"}]
                """)
        }
    }
}
