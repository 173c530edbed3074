import Foundation
import PreflightSupport
import PreflightChecklist

/// Writes run files so that parallel writers never collide and readers never see half a file:
/// each record goes to a hidden temporary file first and is renamed to a unique name.
package enum RecordWriter {
    /// Writes `object` as pretty, key-sorted JSON into `folder` under `<prefix>-<time>-<random>.json`
    /// and returns the file's path. An existing file is never replaced.
    @discardableResult
    package static func write<T: Encodable>(_ object: T, into folder: String, prefix: String, now: Timestamp) throws -> String {
        try write(object, into: folder, prefix: prefix, now: now) { String(UInt32.random(in: .min ... .max), radix: 16) }
    }

    package static func write<T: Encodable>(_ object: T, into folder: String, prefix: String, now: Timestamp,
                                    random: () -> String) throws -> String {
        let stamp = now.text.filter { $0.isNumber }.prefix(14)
        let safePrefix = String(prefix.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(40))
        let data = try encode(object)
        // A clash of random parts is unlikely but would silently lose a record with rename(),
        // so the name is claimed with link(), which fails on an existing file, and retried.
        for _ in 0..<16 {
            let name = "\(safePrefix.isEmpty ? "record" : safePrefix)-\(stamp)-\(random()).json"
            let path = (folder as NSString).appendingPathComponent(name)
            if try writeExclusively(data, to: path) { return path }
        }
        throw Diagnostic.error(folder, "cannot find a free file name for the record")
    }

    /// Temp file, then a hard link under the final name: the file appears whole or not at all,
    /// and only if no file of that name exists. Returns false when the name is taken.
    package static func writeExclusively(_ data: Data, to path: String) throws -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let temp = (folder as NSString).appendingPathComponent(".tmp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temp, contents: data) else {
            throw Diagnostic.error(path, "cannot write the file (missing folder or no permission?)")
        }
        defer { unlink(temp) }
        if link(temp, path) == 0 { return true }
        let code = errno
        if code == EEXIST { return false }
        // File systems without hard links: fall back to rename, checking for the name first.
        if FileManager.default.fileExists(atPath: path) { return false }
        if rename(temp, path) == 0 { return true }
        throw Diagnostic.error(path, "cannot write the file: \(String(cString: strerror(code)))")
    }

    /// Encodes as the project writes files people read: sorted keys, two-space indent, no escaped slashes.
    package static func encode<T: Encodable>(_ object: T) throws -> Data {
        try JSONEncoder.canonicalJSON(object, pretty: true)
    }

    /// Temp file in the same folder, then rename: the file appears whole or not at all.
    package static func writeAtomically(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temp = (folder as NSString).appendingPathComponent(".tmp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temp, contents: data) else {
            throw Diagnostic.error(path, "cannot write the file (missing folder or no permission?)")
        }
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temp)
            throw Diagnostic.error(path, "cannot write the file: \(reason)")
        }
    }
}
