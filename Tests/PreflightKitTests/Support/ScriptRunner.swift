import Foundation

/// Runs one of the repository's Python scripts (the code generators) as a test would from a shell.
enum ScriptRunner {
    /// Runs `scripts/<name>` with `arguments`; returns its exit status and stderr.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, message: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixture.packageRoot.appendingPathComponent("scripts/\(name)").path] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
