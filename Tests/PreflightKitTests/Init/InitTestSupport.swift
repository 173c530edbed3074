import Foundation
import Testing

/// Running shell scripts and reading YAML for the `init` and install tests.
enum Shell {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `bash --noprofile --norc -eo pipefail -c script` (GitHub's default shell) with exactly `env`.
    static func run(_ script: String, env: [String: String], in directory: String) throws -> Outcome {
        try run("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], env: env, in: directory)
    }

    /// Runs a program to completion; output goes through files so a chatty one cannot fill a pipe.
    static func run(_ program: String, _ arguments: [String], env: [String: String]? = nil, in directory: String) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let env { process.environment = env }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// YAML read by PyYAML (what a strict YAML 1.1 reader makes of a file), handed over as JSON.
enum PyYAML {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The test virtualenv's python (`scripts/ensure-deps.sh --browser` puts PyYAML there, so the
    /// suite sets itself up; Debian's own python3 refuses pip installs).
    static let python = Fixture.packageRoot.appendingPathComponent(".build/test-venv/bin/python").path

    static func load(_ path: String) throws -> [String: Any] {
        let root = Fixture.packageRoot.path
        var ready = FileManager.default.isExecutableFile(atPath: python)
        if ready { ready = try Shell.run(python, ["-c", "import yaml"], in: root).status == 0 }
        if !ready {
            let installed = try Shell.run("/bin/bash", ["scripts/ensure-deps.sh", "--browser"], in: root)
            guard installed.status == 0 else { throw Failure(description: "cannot install PyYAML: \(installed.stderr)") }
        }
        let script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))"
        let parsed = try Shell.run(python, ["-c", script, path], in: root)
        guard parsed.status == 0 else { throw Failure(description: "\(path) is not valid YAML: \(parsed.stderr)") }
        guard let document = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any] else {
            throw Failure(description: "\(path) is not a YAML mapping")
        }
        return document
    }
}
