import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightSite

/// `preflight serve`: builds the site, serves the output folder over HTTP (FlyingFox), rebuilds
/// when the inputs change and makes open pages reload; stops on SIGINT or SIGTERM.
package struct PreviewServer: Sendable {
    package var bind: String
    package var port: UInt16
    package var resolve: @Sendable () throws -> SiteOptions
    package var log: @Sendable (String) -> Void

    package init(bind: String, port: UInt16, resolve: @escaping @Sendable () throws -> SiteOptions,
                 log: @escaping @Sendable (String) -> Void) {
        self.bind = bind
        self.port = port
        self.resolve = resolve
        self.log = log
    }

    /// The socket address for `--bind` (an IPv4 or IPv6 literal), or nil when it is neither.
    package static func address(bind: String, port: UInt16) -> (any SocketAddress)? {
        if bind.contains(":") { return try? sockaddr_in6.inet6(ip6: bind, port: port) }
        return try? sockaddr_in.inet(ip4: bind, port: port)
    }

    /// Runs until a signal stops it. Throws when it cannot listen.
    package func run() throws(DiagnosticList) {
        guard let address = Self.address(bind: bind, port: port) else {
            throw DiagnosticList([.error("--bind", "'\(bind)' is not an IPv4 or IPv6 address")])
        }
        // Taken over before anything starts, so that a signal during the first build still ends cleanly.
        let stop = StopSignal()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.fire(number == SIGINT ? "SIGINT" : "SIGTERM") }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }

        let output = (try? resolve().output) ?? SiteOptions().output
        let state = LiveState(output: output)
        let rebuilder = Rebuilder(resolve: resolve, state: state, log: log)
        let start = rebuilder.build()

        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: SiteHandler(state: state))
        // Ready when listening or when `run` has failed (a port in use), whichever comes first.
        let ready = DispatchSemaphore(value: 0)
        let failure = ResultBox<Bool>()
        let running = Task { try await server.run() }
        Task {
            if case .failure(let error) = await running.result { failure.result = .failure(error) }
            ready.signal()
            // A server that stops by itself (its socket failed) ends `serve` too.
            stop.fire("the server stopped")
        }
        Task {
            try? await server.waitUntilListening(timeout: 10)
            ready.signal()
        }
        ready.wait()
        let listening: Result<Socket.Address?, any Error>
        if case .failure(let error) = failure.result {
            listening = .failure(error)
        } else {
            listening = Self.wait { await server.listeningAddress }
        }
        let socket: Socket.Address
        switch listening {
        case .success(let address?): socket = address
        case .success(nil): throw DiagnosticList([.error("\(bind):\(port)", "cannot listen: the socket has no address")])
        case .failure(let error): throw DiagnosticList([.error("\(bind):\(port)", "cannot listen: \(Self.reason(error))")])
        }
        log("serving \(state.snapshot.output) at \(Self.url(socket)) (rebuilds on changes; Ctrl-C to stop)")
        rebuilder.startWatching(from: start)

        let reason = stop.wait()
        rebuilder.stop()
        _ = Self.wait { await server.stop(timeout: 1) }
        log("stopped (\(reason))")
    }

    static func url(_ address: Socket.Address) -> String {
        switch address {
        case .ip4(let host, let port): return "http://\(host):\(port)/"
        case .ip6(let host, let port): return "http://[\(host)]:\(port)/"
        case .unix(let path): return "unix:\(path)"
        }
    }

    /// `bind: Address already in use` rather than FlyingSocks' `SocketError. bind(98): …`.
    static func reason(_ error: any Error) -> String {
        if case .failed(let call, _, let message) = error as? SocketError { return "\(call.lowercased()): \(message)" }
        return (error as? any LocalizedError)?.errorDescription ?? "\(error)"
    }

    /// Runs async work from this synchronous command and waits for it.
    private static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return box.result ?? .failure(CancellationError())
    }
}

/// One outcome, handed from a task to the waiting thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?
    var result: Result<T, any Error>? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// The first reason to stop (a signal, or the server failing); later ones are ignored.
private final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var reason: String?
    private let fired = DispatchSemaphore(value: 0)

    func fire(_ why: String) {
        let first = lock.withLock {
            guard reason == nil else { return false }
            reason = why
            return true
        }
        if first { fired.signal() }
    }

    func wait() -> String {
        fired.wait()
        return lock.withLock { reason ?? "" }
    }
}
