import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps a request's raw target to a file of the site folder, or to nothing.
///
/// It reads the target as the client sent it, still percent-encoded: FlyingFox's `request.path`
/// has already folded `..` away, and a folded path would hide a traversal attempt instead of
/// refusing it. Everything that is not plainly a path inside the folder is a 404, so a probe
/// learns nothing about the disk beyond it.
package enum SitePath {
    package enum Resolution: Equatable, Sendable {
        /// A regular file inside the site folder (its real path).
        case file(String)
        /// A folder asked for without its trailing slash: relative links need one.
        case redirect(String)
        case notFound
    }

    /// The decoded path segments of a raw request path, or nil when it must not be served: not
    /// starting with `/`, an empty segment (`//etc`), `.` or `..` (even encoded), an encoded `/`,
    /// `\` or NUL, a control byte, or bad percent-encoding. A trailing slash gives a last empty
    /// segment, which stands for `index.html`.
    package static func segments(of rawPath: String) -> [String]? {
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/") else { return nil }
        if path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) { return nil }
        let lowered = path.lowercased()
        for encoded in ["%2f", "%5c", "%00"] where lowered.contains(encoded) { return nil }
        var parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let trailingSlash = parts.last == ""
        if trailingSlash { parts.removeLast() }
        var segments: [String] = []
        for part in parts {
            guard !part.isEmpty, let decoded = part.removingPercentEncoding, !decoded.isEmpty,
                  decoded != ".", decoded != "..",
                  !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
            segments.append(decoded)
        }
        if trailingSlash || segments.isEmpty { segments.append("") }
        return segments
    }

    /// Resolves `rawPath` under `root`, following symlinks only while they stay inside it.
    package static func resolve(_ rawPath: String, root: String) -> Resolution {
        guard let segments = segments(of: rawPath), let realRoot = realPath(root) else { return .notFound }
        let wantsIndex = segments.last == ""
        let relative = (wantsIndex ? segments.dropLast() + ["index.html"] : segments).joined(separator: "/")
        guard let real = inside(realRoot, realRoot + "/" + relative) else { return .notFound }
        if isKind(real, S_IFREG) { return .file(real) }
        // A folder asked for without its slash: worth the redirect only when it has a page.
        if !wantsIndex, isKind(real, S_IFDIR), let index = inside(realRoot, real + "/index.html"), isKind(index, S_IFREG) {
            let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return .redirect(path + "/")
        }
        return .notFound
    }

    /// The real path of `path` when it lies strictly inside `realRoot`.
    private static func inside(_ realRoot: String, _ path: String) -> String? {
        guard let real = realPath(path), real.hasPrefix(realRoot + "/") else { return nil }
        return real
    }

    private static func isKind(_ path: String, _ kind: mode_t) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == kind
    }

    /// The canonical path with every symlink resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
