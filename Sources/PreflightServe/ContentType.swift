/// The `Content-Type` of a site file, by its extension: the kinds a Preflight site holds, and
/// the common ones a project's own `Public/` may add.
package enum ContentType {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json",
        "webmanifest": "application/manifest+json",
        "xml": "application/xml", "atom": "application/atom+xml", "rss": "application/rss+xml",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/vnd.microsoft.icon",
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "wasm": "application/wasm",
    ]

    /// The type for `path`; unknown kinds are bytes, which a browser will not run or render.
    package static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// The type for `path` whose bytes begin with `leading`: the site's feed is `feed.xml`, and
    /// feed readers and browsers treat it right only when it is called Atom.
    package static func of(_ path: String, leading: some Collection<UInt8>) -> String {
        let type = of(path)
        guard type == "application/xml" else { return type }
        let start = String(decoding: leading.prefix(1024), as: UTF8.self)
        return start.contains("<feed") && start.contains("http://www.w3.org/2005/Atom") ? "application/atom+xml" : type
    }

    package static func isHTML(_ path: String) -> Bool { of(path).hasPrefix("text/html") }
}
