import Foundation
import PreflightSupport
import PreflightChecklist

/// Everything a run folder holds, decoded and resolved against its checklist; bad input becomes `problems`.
package struct RunInput: Sendable, Codable, Equatable {
    package var folder: String
    package var manifest: RunManifest
    package var results: [ProbeResult]
    package var waivers: [Waiver]
    package var signoffs: [Signoff]
    /// Every deployment recorded, in file order; the newest counts (`effectiveDeployment`).
    package var deployments: [Deployment] = []
    package var problems: [Diagnostic]
    /// Only verified decisions count (`require_signed_signoffs`).
    package var requireSignedSignoffs = false

    package init(folder: String, manifest: RunManifest, results: [ProbeResult], waivers: [Waiver], signoffs: [Signoff], problems: [Diagnostic]) {
        self.folder = folder
        self.manifest = manifest
        self.results = results
        self.waivers = waivers
        self.signoffs = signoffs
        self.problems = problems
    }
}

/// Reads run folders: `run.json` plus any number of record files.
package enum RunReader {
    /// Largest record file read, in bytes; larger files are reported, not read.
    package static let fileSizeLimit = ContentKeys.recordSizeLimit

    /// Reads and checks `run.json`. The folder name is the run id.
    package static func readManifest(folder: String) throws(Diagnostic) -> RunManifest {
        let name = (folder as NSString).lastPathComponent
        if let problem = RunID.validate(name) { throw .error(folder, problem) }
        let path = (folder as NSString).appendingPathComponent("run.json")
        let value = try readJSON(path)
        guard var reader = FieldReader<RunField>(value, path: "$") else {
            throw .error(path, "run.json must hold an object, found \(value.typeName)")
        }
        let checklist = reader.string(.checklist)
        let environment = reader.string(.environment)
        let startedAt = reader.timestamp(.startedAt)
        let service = reader.string(.service)
        if let service, let problem = RunID.validate(service, kind: "service") {
            reader.fail("$.\(RunField.service.rawValue): \(problem)")
        }
        if let id = reader.string(.id), id != name {
            reader.fail("$.\(RunField.id.rawValue): '\(id)' differs from the folder name '\(name)'")
        }
        let manifest = RunManifest(
            id: name, checklist: checklist ?? "", environment: environment ?? "", startedAt: startedAt ?? Timestamp(seconds: 0),
            title: reader.string(.title), commit: reader.string(.commit), branch: reader.string(.branch),
            url: reader.string(.url), trigger: reader.string(.trigger), labels: reader.stringMap(.labels),
            service: service, owner: reader.string(.owner))
        if let first = reader.problems.first { throw .error(path, first) }
        return manifest
    }

    /// Reads every record file of a run folder (sorted by name) and resolves item references.
    /// `fileBytes` sees the bytes of each record file read, for callers that also hash them.
    /// With an active `policy`, each decision's signature is checked with `ssh-keygen`.
    package static func read(folder: String, manifest: RunManifest, checklist: Checklist, resolver: ItemResolver? = nil,
                            policy: SignoffPolicy = SignoffPolicy(), fileBytes: ((String, [UInt8]) -> Void)? = nil) -> RunInput {
        var input = RunInput(folder: folder, manifest: manifest, results: [], waivers: [], signoffs: [], problems: [])
        let resolver = resolver ?? ItemResolver(checklist)
        let roles = checklist.signoffRoles
        for file in recordFiles(folder, problems: &input.problems) {
            let path = (folder as NSString).appendingPathComponent(file)
            do {
                let value = try readJSON(path) { fileBytes?(file, $0) }
                var decoder = RecordFileDecoder(file: file, path: path, manifest: manifest, resolver: resolver, roles: roles)
                decoder.decode(value)
                input.results += decoder.results
                input.waivers += decoder.waivers
                input.signoffs += decoder.signoffs
                input.deployments += decoder.deployments
                input.problems += decoder.problems
            } catch {
                input.problems.append(error)
            }
        }
        input.requireSignedSignoffs = policy.requireSigned
        if policy.isActive {
            for index in input.signoffs.indices {
                let signoff = input.signoffs[index]
                let status = SignoffSignature.verify(
                    signoff.payload(run: manifest.id), signature: signoff.signature, role: signoff.role, allowedSigners: policy.allowedSigners)
                input.signoffs[index].signatureStatus = status
                // Kept and shown as invalid, and reported: a forged or misfiled decision must not pass unnoticed.
                if case .invalid(let why) = status {
                    input.problems.append(.warning((folder as NSString).appendingPathComponent(signoff.source.file),
                                                   "\(signoff.source.path).\(SignoffField.signature.rawValue): invalid signature: \(why)"))
                }
            }
        }
        return input
    }

    /// The `*.json` record files, sorted; anything else in the folder is reported, temp files skipped.
    package static func recordFiles(_ folder: String, problems: inout [Diagnostic]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var files: [String] = []
        for name in names.sorted() where name != "run.json" && name != Attachment.folder && !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue || !name.hasSuffix(".json") {
                problems.append(.warning(path, "ignored: a run folder holds only .json record files"))
                continue
            }
            files.append(name)
        }
        return files
    }

    package static func readJSON(_ path: String, seen: ([UInt8]) -> Void = { _ in }) throws(Diagnostic) -> JSONValue {
        let bytes = try TextFile.bytes(path, limit: fileSizeLimit, followLinks: false)
        seen(bytes)
        return try parseJSON(bytes, path: path)
    }

    /// Parses JSON bytes read from `path`, every way they can be unusable as a `Diagnostic` at its line:col.
    package static func parseJSON(_ bytes: [UInt8], path: String) throws(Diagnostic) -> JSONValue {
        do {
            // The parser checks every string; text outside strings must be ASCII anyway.
            return try JSONValue.parse(bytes: bytes)
        } catch {
            // A NUL byte or invalid UTF-8 is reported as such, not as the syntax error it causes.
            _ = try TextFile.decode(bytes, path: path)
            throw .error(path, line: error.line, column: error.column, "malformed JSON: \(error.message)")
        }
    }
}

/// Run ids double as folder names and URL parts, so they are kept to a safe alphabet; service
/// names (a path component of trend pages) follow the same rules.
package enum RunID {
    /// A message when `id` is not a valid run id (or `kind`, e.g. service), else nil.
    package static func validate(_ id: String, kind: String = "run id") -> String? {
        let bytes = Array(id.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        }
        let valid = !bytes.isEmpty && bytes.count <= 128 && isAlphanumeric(bytes[0])
            && bytes.allSatisfy { isAlphanumeric($0) || $0 == 46 || $0 == 95 || $0 == 45 }
        return valid ? nil : "invalid \(kind) '\(id)': use 1–128 letters, digits, '.', '_' or '-', starting with a letter or digit"
    }
}
