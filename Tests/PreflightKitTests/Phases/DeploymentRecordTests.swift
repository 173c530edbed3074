import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns

/// Deployment records: bad ones become problems, never a crash, and are not counted.
@Suite struct DeploymentRecordTests {
    static func decode(_ json: String) throws -> RecordFileDecoder {
        let checklist = Fixture.parse(PostDeploymentStateTests.markdown).checklist
        let manifest = RunManifest(id: "r1", checklist: "fixture", environment: "production", startedAt: PostDeploymentStateTests.start)
        var decoder = RecordFileDecoder(file: "d.json", path: "r1/d.json", manifest: manifest, resolver: ItemResolver(checklist), roles: [])
        decoder.decode(try JSONValue.parse(bytes: Array(json.utf8)))
        return decoder
    }

    @Test func badDeploymentsAreProblemsAndNotCounted() throws {
        let decoder = try Self.decode("""
            {"deployments": [{"release": "v1"}, "oops", {"at": "soon"}, {"at": "2026-11-16T08:00:00Z"}, {"at": "2026-11-16T10:00:00Z", "extra": 1}]}
            """)
        #expect(decoder.problems.map(\.description) == [
            "r1/d.json: error: $.deployments[0]: missing required field 'at'",
            "r1/d.json: error: $.deployments[1]: expected a deployment object, found a string",
            "r1/d.json: error: $.deployments[2].at: 'soon' is not an ISO-8601 time (e.g. 2026-10-05T09:30:00Z)",
            "r1/d.json: error: $.deployments[3].at: 2026-11-16T08:00:00Z is before the run started (2026-11-16T09:00:00Z)",
            "r1/d.json: warning: $.deployments[4].extra: unknown field ignored",
        ])
        #expect(decoder.deployments.map(\.at.text) == ["2026-11-16T10:00:00Z"])
        #expect(decoder.deployments.first?.source == RecordSource(run: "r1", file: "d.json", path: "$.deployments[4]"))
    }

    @Test func theNewestDeploymentIsEffectiveAndFileOrderBreaksTies() {
        let source = RecordSource(run: "r1", file: "d.json", path: "$")
        let early = Deployment(at: Timestamp("2026-11-16T10:00:00Z")!, release: "a", source: source)
        let late = Deployment(at: Timestamp("2026-11-16T12:00:00Z")!, release: "b", source: source)
        let tie = Deployment(at: Timestamp("2026-11-16T12:00:00Z")!, release: "c", source: source)
        #expect(Deployment.effective([late, early])?.release == "b")
        #expect(Deployment.effective([early, late, tie])?.release == "c")
        #expect(Deployment.effective([]) == nil)
    }
}
