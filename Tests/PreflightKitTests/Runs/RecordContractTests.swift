import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns

/// The field enums of RecordFields.swift are the contract; the schemas, the decoder and the
/// record types the CLI writes must all agree with them.
@Suite("Record contract")
struct RecordContractTests {
    /// Loads `schema/<name>` and follows `$ref`s (to other files, to `$defs`) where asked.
    struct Schemas {
        var cache: [String: [String: Any]] = [:]

        mutating func load(_ file: String) throws -> [String: Any] {
            if let loaded = cache[file] { return loaded }
            let path = RunsFixtures.packageRoot + "/schema/" + file
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(file) is not an object")
            cache[file] = object
            return object
        }

        /// The node itself, or what its `$ref` points at (`other.schema.json`, `#/$defs/x`, `other.schema.json#/$defs/x`).
        mutating func resolve(_ node: [String: Any], in file: String) throws -> (node: [String: Any], file: String) {
            guard let ref = node["$ref"] as? String else { return (node, file) }
            let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let target = parts[0].isEmpty ? file : parts[0]
            var current: Any = try load(target)
            if parts.count > 1 {
                for step in parts[1].split(separator: "/") {
                    current = try #require((current as? [String: Any])?[String(step)], "\(file): dangling $ref \(ref)")
                }
            }
            let resolved = try #require(current as? [String: Any], "\(file): $ref \(ref) is not an object")
            return try resolve(resolved, in: target)
        }

        /// The object schema of a file: the root, or the one `oneOf`/`anyOf` branch with `properties`.
        mutating func objectSchema(_ file: String) throws -> (node: [String: Any], file: String) {
            let root = try resolve(load(file), in: file)
            if root.node["properties"] != nil { return root }
            let branches = ((root.node["oneOf"] ?? root.node["anyOf"]) as? [[String: Any]]) ?? []
            var objects: [(node: [String: Any], file: String)] = []
            for branch in branches {
                let resolved = try resolve(branch, in: root.file)
                if resolved.node["properties"] != nil && resolved.file == root.file { objects.append(resolved) }
            }
            #expect(objects.count == 1, "\(file): expected one object branch of its own, found \(objects.count)")
            return try #require(objects.first, "\(file) has no object schema")
        }
    }

    static func keys(_ node: [String: Any]) -> [String] {
        ((node["properties"] as? [String: Any]) ?? [:]).keys.sorted()
    }

    static func required(_ node: [String: Any]) -> [String] {
        ((node["required"] as? [String]) ?? []).sorted()
    }

    /// Checks one object schema against a field enum: the same keys, and the same required ones.
    static func expectMatches<Field: RecordField>(_ node: [String: Any], _: Field.Type, _ what: String,
                                                  sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(keys(node) == Field.names.sorted(), "\(what): schema properties vs \(Field.self)", sourceLocation: sourceLocation)
        #expect(required(node) == Field.required.map(\.rawValue).sorted(), "\(what): schema required vs \(Field.self).required",
                sourceLocation: sourceLocation)
        #expect(Set(Field.names).count == Field.allCases.count, "\(Field.self) repeats a key", sourceLocation: sourceLocation)
    }

    @Test func everySchemaListsExactlyTheSharedFields() throws {
        var schemas = Schemas()
        Self.expectMatches(try schemas.objectSchema("run.schema.json").node, RunField.self, "run.schema.json")
        Self.expectMatches(try schemas.objectSchema("waiver.schema.json").node, WaiverField.self, "waiver.schema.json")
        Self.expectMatches(try schemas.objectSchema("signoff.schema.json").node, SignoffField.self, "signoff.schema.json")
        Self.expectMatches(try schemas.objectSchema("deployment.schema.json").node, DeploymentField.self, "deployment.schema.json")

        let result = try schemas.objectSchema("result.schema.json")
        Self.expectMatches(result.node, ResultField.self, "result.schema.json")
        let evidence = try #require((result.node["properties"] as? [String: Any])?[ResultField.evidence.rawValue] as? [String: Any])
        let entry = try schemas.resolve(try #require(evidence["items"] as? [String: Any]), in: result.file)
        Self.expectMatches(entry.node, EvidenceField.self, "result.schema.json evidence items")

        let container = try schemas.objectSchema("run-file.schema.json")
        Self.expectMatches(container.node, RecordGroup.self, "run-file.schema.json")
    }

    @Test func eachGroupOfARunFileHoldsItsOwnRecordKind() throws {
        var schemas = Schemas()
        let container = try schemas.objectSchema("run-file.schema.json")
        let properties = try #require(container.node["properties"] as? [String: Any])
        let expected: [RecordGroup: String] = [
            .results: "result.schema.json", .signoffs: "signoff.schema.json", .waivers: "waiver.schema.json",
            .deployments: "deployment.schema.json",
        ]
        for group in RecordGroup.allCases {
            let array = try #require(properties[group.rawValue] as? [String: Any], "no \(group.rawValue) in run-file.schema.json")
            let items = try schemas.resolve(try #require(array["items"] as? [String: Any]), in: container.file)
            #expect(items.file == expected[group], "\(group.rawValue) items come from \(items.file)")
        }
    }

    /// Every key a fully filled record writes is a contract field, and every contract field is written.
    @Test func theWrittenRecordsUseEveryFieldOfTheContract() throws {
        let time = try #require(Timestamp("2026-10-05T09:40:00Z"))
        let result = ResultRecord(item: "lint", status: .pass, summary: "s", details: "d", probe: "p", observedAt: time,
                                  durationMs: 5, evidence: [Evidence(label: "l", url: "u")], validFor: ISODuration("P1D"),
                                  expiresAt: time, attachments: [Attachment(name: "junit.xml", sha256: String(repeating: "a", count: 64), size: 3)])
        let manifest = RunManifest(id: "r1", checklist: "c", environment: "e", startedAt: time, title: "t", commit: "c",
                                   branch: "b", url: "u", trigger: "t", labels: ["a": "b"], service: "s", owner: "o")
        func keys<T: Encodable>(_ value: T) throws -> [String] {
            guard case .object(let pairs) = try JSONValue.parse(RecordWriter.encode(value)) else { return [] }
            return pairs.map(\.key).sorted()
        }
        #expect(try keys(result) == ResultField.names.sorted())
        #expect(try keys(Evidence(label: "l", url: "u")) == EvidenceField.names.sorted())
        #expect(try keys(Attachment(name: "n", sha256: "s", size: 1)) == AttachmentField.names.sorted())
        #expect(try keys(SignoffRecord(role: "r", name: "n", decision: .approve, at: time, comment: "c",
                                                  evidenceDigest: String(repeating: "a", count: 64), itemStates: ["x": "p"],
                                                  signature: "-----BEGIN SSH SIGNATURE-----")) == SignoffField.names.sorted())
        #expect(try keys(WaiverRecord(item: "i", reason: "r", approvedBy: "a", expiresAt: time)) == WaiverField.names.sorted())
        #expect(try keys(manifest) == RunField.names.sorted())
        #expect(try keys(DeploymentRecord(at: time, release: "r", by: "b", url: "u")) == DeploymentField.names.sorted())
        let groups = RecordGroups(results: [result], signoffs: [SignoffRecord(role: "r", name: "n", decision: .reject, at: time)],
                                  waivers: [WaiverRecord(item: "i", reason: "r", approvedBy: "a", expiresAt: time)],
                                  deployments: [DeploymentRecord(at: time)])
        #expect(try keys(groups) == RecordGroup.names.sorted())
    }

    /// What the writers write, the decoder reads back whole and without a warning.
    @Test func writtenRecordsDecodeBackWithoutProblems() throws {
        let checklist = RunsFixtures.checklist(RunsFixtures.miniWithRole)
        let start = try #require(Timestamp("2026-10-05T09:00:00Z"))
        let time = try #require(Timestamp("2026-10-05T09:40:00Z"))
        let manifest = RunManifest(id: "r1", checklist: "mini", environment: "staging", startedAt: start)
        let result = ResultRecord(item: "build/lint", status: .warn, summary: "s", details: "d", probe: "eslint", observedAt: time,
                                  durationMs: 1500, evidence: [Evidence(label: "log", url: "https://ci.example/1")],
                                  validFor: ISODuration("P7D"))
        let signoff = SignoffRecord(role: "Release Manager", name: "Kim", decision: .approve, at: time, comment: "ok")
        let waiver = WaiverRecord(item: "runtime/load", reason: "later", approvedBy: "Dana", expiresAt: try #require(Timestamp("2026-12-31")))
        let deployment = DeploymentRecord(at: time, release: "2026.11", by: "ci", url: "https://ci.example/d")
        let file = RecordGroups(results: [result], signoffs: [signoff], waivers: [waiver], deployments: [deployment])

        var decoder = RecordFileDecoder(file: "f.json", path: "f.json", manifest: manifest, resolver: ItemResolver(checklist),
                                        roles: checklist.signoffRoles)
        decoder.decode(try JSONValue.parse(RecordWriter.encode(file)))
        #expect(decoder.problems.isEmpty, "\(decoder.problems)")
        let read = try #require(decoder.results.first)
        #expect(read.item == "build/lint" && read.status == .warn && read.summary == "s" && read.details == "d")
        #expect(read.probe == "eslint" && read.observedAt == time && read.durationMs == 1500 && read.validFor?.text == "P7D")
        #expect(read.evidence == [Evidence(label: "log", url: "https://ci.example/1")])
        #expect(decoder.signoffs.map(\.comment) == ["ok"])
        #expect(decoder.waivers.map(\.approvedBy) == ["Dana"])
        #expect(decoder.deployments.map { [$0.at.text, $0.release, $0.by, $0.url] } == [[time.text, "2026.11", "ci", "https://ci.example/d"]])

        let dir = try TempDir()
        let folder = dir.url("r1")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let full = RunManifest(id: "r1", checklist: "mini", environment: "staging", startedAt: start, title: "T", commit: "abc",
                               branch: "main", url: "https://ci.example/r1", trigger: "push", labels: ["team": "payments"])
        try RecordWriter.write(manifest: full, into: folder)
        #expect(try RunReader.readManifest(folder: folder) == full)
    }
}
