import Foundation

/// Headless Chromium and poppler's `pdftotext`/`pdfinfo`, found on PATH, run with a time limit.
struct BrowserTools: Sendable {
    let chromium: String
    let pdftotext: String
    let pdfinfo: String

    /// The tools, or nil when one is missing.
    static let found: BrowserTools? = {
        guard let chromium = which("chromium") ?? which("chromium-browser"),
              let pdftotext = which("pdftotext"), let pdfinfo = which("pdfinfo") else { return nil }
        return BrowserTools(chromium: chromium, pdftotext: pdftotext, pdfinfo: pdfinfo)
    }()

    /// In CI (or when asked) missing tools fail the browser tests instead of skipping them.
    static var required: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment["CI"] ?? "").isEmpty || environment["PREFLIGHT_REQUIRE_BROWSER"] == "1"
    }

    /// Whether the browser tests run: they do when the tools are there, and when they are
    /// required (so that their absence is a failure rather than a skip).
    static var shouldRun: Bool { found != nil || required }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "chromium (or chromium-browser), pdftotext and pdfinfo must be on PATH: run scripts/ensure-deps.sh --browser"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// The tools; throws (failing the test) when they are missing.
    static func require() throws -> BrowserTools {
        guard let found else { throw Missing() }
        return found
    }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with output in files (a large DOM cannot block a pipe), stopping it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        if timedOut {
            throw Failed(description: "\((executable as NSString).lastPathComponent) took more than \(Int(timeout)) s: \(arguments)\n\(stderr)")
        }
        return Output(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self), stderr: stderr)
    }

    /// Chromium's headless flags; each call gets its own profile so parallel runs cannot clash.
    func chromium(_ arguments: [String], profile: String) throws -> Output {
        let output = try Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                                             "--enable-logging=stderr", "--v=0"] + arguments)
        guard output.status == 0 else {
            throw Failed(description: "chromium exited \(output.status): \(arguments)\n\(output.stderr)")
        }
        return output
    }

    /// Prints `page` to the PDF `pdf`; returns Chromium's log.
    func printPDF(_ page: URL, to pdf: String, profile: String) throws -> String {
        let output = try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", page.absoluteString], profile: profile)
        guard FileManager.default.fileExists(atPath: pdf) else { throw Failed(description: "chromium wrote no \(pdf)\n\(output.stderr)") }
        return output.stderr
    }

    /// The DOM Chromium built from `page`, and its log.
    func dumpDOM(_ page: URL, profile: String) throws -> (dom: String, log: String) {
        let output = try chromium(["--dump-dom", page.absoluteString], profile: profile)
        return (output.stdout, output.stderr)
    }

    /// `pdfinfo`'s page count and page size in points (rounded).
    func pdfInfo(_ pdf: String) throws -> (pages: Int, width: Int, height: Int) {
        let output = try Self.run(pdfinfo, [pdf])
        guard output.status == 0,
              let pages = output.stdout.firstMatch(of: /Pages:\s+(\d+)/),
              let size = output.stdout.firstMatch(of: /Page size:\s+([0-9.]+) x ([0-9.]+) pts/),
              let count = Int(pages.1), let width = Double(size.1), let height = Double(size.2) else {
            throw Failed(description: "pdfinfo \(pdf) failed:\n\(output.stdout)\(output.stderr)")
        }
        return (count, Int(width.rounded()), Int(height.rounded()))
    }

    /// The PDF's text with runs of whitespace made single spaces.
    func pdfText(_ pdf: String) throws -> String {
        let output = try Self.run(pdftotext, [pdf, "-"])
        guard output.status == 0 else { throw Failed(description: "pdftotext \(pdf) failed:\n\(output.stderr)") }
        return output.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The text of each page as its lines, as `pdftotext` breaks them (a wrapped cell spans two lines).
    func pdfPages(_ pdf: String) throws -> [[String]] {
        let output = try Self.run(pdftotext, [pdf, "-"])
        guard output.status == 0 else { throw Failed(description: "pdftotext \(pdf) failed:\n\(output.stderr)") }
        var pages = output.stdout.components(separatedBy: "\u{0C}").map { $0.components(separatedBy: "\n") }
        if pages.last?.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) == true { pages.removeLast() }
        return pages
    }
}
