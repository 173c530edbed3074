import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `preflight serve` run as a child process on an ephemeral port, for the serve tests: started
/// with `--port 0`, its port read from the URL it prints, stopped with a signal.
final class ServeProcess {
    let process = Process()
    let errURL: URL
    private(set) var port: UInt16 = 0

    /// Starts `preflight serve --port 0 arguments…` in `folder` and waits until it listens.
    init(_ arguments: [String], in folder: URL) throws {
        errURL = folder.appendingPathComponent("serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }
        process.executableURL = URL(fileURLWithPath: PreflightBinary.path)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = err
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let found = Self.port(in: log) {
                port = found
                return
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop(SIGKILL)
        throw Failure(message: "serve did not start listening: \(log)")
    }

    deinit {
        if process.isRunning { stop(SIGKILL) }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Everything the process printed so far.
    var log: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    static func port(in log: String) -> UInt16? {
        guard let range = log.range(of: #"at http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) else { return nil }
        return UInt16(log[range].dropFirst("at http://127.0.0.1:".count).dropLast())
    }

    /// Sends `signal` and waits for the exit; returns the exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// GETs `path` until `accept` holds for the answer or `seconds` pass; returns the last answer.
    func poll(_ path: String, within seconds: Double, until accept: (RawHTTP.Response) -> Bool) throws -> RawHTTP.Response {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try RawHTTP.request("GET", path, port: port)
        while !accept(last) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            last = try RawHTTP.request("GET", path, port: port)
        }
        return last
    }

    func get(_ path: String) throws -> RawHTTP.Response { try RawHTTP.request("GET", path, port: port) }
}

/// HTTP/1.1 over a plain socket: the request line goes out exactly as given, so the tests can
/// send the `..`, `%2e%2e` and `//` paths a URL type would normalise away.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func request(_ method: String, _ target: String, port: UInt16) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to port \(port): \(errno)") }
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: \(errno)") }
            sent += n
        }
        // FlyingFox keeps the connection open whatever the request says, so the answer ends
        // where its Content-Length says (at the headers for HEAD), not at end of stream.
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !isComplete(received, head: method == "HEAD") {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        return try parse(received)
    }

    static func isComplete(_ data: Data, head: Bool) -> Bool {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)), let response = try? parse(data) else { return false }
        if head { return true }
        guard let length = response.header("Content-Length").flatMap(Int.init) else { return false }
        return data.count - end.upperBound >= length
    }

    static func parse(_ data: Data) throws -> Response {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no complete response: \(String(decoding: data, as: UTF8.self))")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}
