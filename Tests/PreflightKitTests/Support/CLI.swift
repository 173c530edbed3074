import Foundation

/// Runs the built `preflight` binary end to end.
///
/// The binary is the one `PreflightBinary.path` finds: the path in the environment variable
/// `PREFLIGHT_BIN`, else the `preflight` built next to the test runner (so `--scratch-path`
/// builds work), else `<package root>/.build/debug/preflight` (built by `scripts/test`).
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "no preflight binary at \(path); run `swift build` (scripts/test does) or set PREFLIGHT_BIN" }
    }

    static var binary: String { PreflightBinary.path }

    /// Runs `preflight arguments…` in `directory` and waits for it. Output goes through files,
    /// so a chatty command cannot fill a pipe and hang the test.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Missing(path: binary) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixture.packageRoot
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
