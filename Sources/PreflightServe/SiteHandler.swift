import FlyingFox
import Foundation

/// Answers every request: `serve`'s own scripts under `/__preflight/`, else a file of the site
/// folder (HTML with the reload script added), the error page in place of HTML while the last
/// build failed, and 404 for anything outside the folder. GET and HEAD only.
package struct SiteHandler: HTTPHandler {
    package let state: LiveState

    package init(state: LiveState) {
        self.state = state
    }

    package func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let head = request.method == .HEAD
        guard request.method == .GET || head else {
            return Self.response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Data("405 Method Not Allowed\n".utf8),
                                 head: false, extra: [.allow: "GET, HEAD"])
        }
        return answer(rawPath: request.target.path(), head: head)
    }

    /// The answer to a GET (or HEAD) of `rawPath`, the path exactly as sent.
    package func answer(rawPath: String, head: Bool) -> HTTPResponse {
        let live = state.snapshot
        let path = String(rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        switch path {
        case LiveReload.scriptPath:
            return Self.response(.ok, type: ContentType.of(path), body: Data(LiveReload.reloadScript.utf8), head: head)
        case LiveReload.versionPath:
            return Self.response(.ok, type: ContentType.of(path), body: Data(LiveReload.versionScript(build: live.build).utf8),
                                 head: head)
        case LiveReload.stylePath:
            return Self.response(.ok, type: ContentType.of(path), body: Data(ErrorPage.style.utf8), head: head)
        default:
            break
        }
        if let errors = live.errors, Self.asksForPage(path) {
            let page = ErrorPage.html(errors, output: live.output, build: live.build)
            return Self.response(.internalServerError, type: ContentType.of("error.html"), body: Data(page.utf8), head: head)
        }
        switch SitePath.resolve(path, root: live.output) {
        case .file(let file):
            guard var body = FileManager.default.contents(atPath: file) else { return Self.notFound(head: head) }
            if ContentType.isHTML(file) {
                body = Data(LiveReload.inject(into: String(decoding: body, as: UTF8.self), build: live.build).utf8)
            }
            return Self.response(.ok, type: ContentType.of(file, leading: body), body: body, head: head)
        case .redirect(let location):
            return Self.response(.movedPermanently, type: "text/plain; charset=utf-8", body: Data(), head: head,
                                 extra: [.location: location])
        case .notFound:
            return Self.notFound(head: head)
        }
    }

    /// A page rather than an asset: the error page stands in for these while a build is broken.
    static func asksForPage(_ path: String) -> Bool {
        guard SitePath.segments(of: path) != nil else { return false }
        return path.hasSuffix("/") || ContentType.isHTML(path)
    }

    static func notFound(head: Bool) -> HTTPResponse {
        response(.notFound, type: "text/plain; charset=utf-8", body: Data("404 Not Found\n".utf8), head: head)
    }

    /// Every answer is uncached (the next build may change it) and typed exactly (nosniff).
    /// HEAD gets the headers GET would, with the length and no body.
    static func response(_ status: HTTPStatusCode, type: String, body: Data, head: Bool,
                         extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        for (name, value) in extra { headers[name] = value }
        if head {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

extension HTTPHeader {
    static let allow = HTTPHeader("Allow")
}
