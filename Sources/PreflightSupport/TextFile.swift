import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a user wrote as text, turning every way it can be unusable into a `Diagnostic`.
package enum TextFile {
    /// Reads `path` as UTF-8, dropping a byte-order mark. Rejects directories, missing or
    /// unreadable files, files over `limit` bytes, invalid UTF-8 and NUL bytes.
    package static func read(_ path: String, limit: Int) throws(Diagnostic) -> String {
        try decode(bytes(path, limit: limit), path: path)
    }

    /// The raw bytes of `path`, with every check of `read` but the text ones (for readers that
    /// check the text themselves, such as the JSON parser). One open, fstat and read: a build
    /// reads thousands of files.
    ///
    /// Only regular files are read: a FIFO would block the build forever and a device such as
    /// `/dev/zero` never ends (opening with `O_NONBLOCK` keeps even the open of a FIFO from
    /// waiting). With `followLinks` false (everything inside a run folder), a symbolic link is
    /// refused rather than read, so no file outside the folder reaches the site.
    package static func bytes(_ path: String, limit: Int, followLinks: Bool = true) throws(Diagnostic) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .error(path, "no such file")
            case ELOOP: throw .error(path, "is a symbolic link, which is not followed here")
            default: throw .error(path, "cannot read the file (permission denied?)")
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .error(path, "cannot read the file (permission denied?)") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .error(path, "is a directory, not a file")
        default: throw .error(path, "is not a regular file (a FIFO, device or socket); not read")
        }
        let size = Int(info.st_size)
        if size > limit { throw .error(path, "file is \(ByteCount.format(size)), over the \(ByteCount.format(limit)) limit") }
        // Read until the end even if the file grew since fstat, but never past the limit.
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(4096, count), limit + 1 - count)))
            }
            let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0 {
                if errno == EINTR { continue }
                throw .error(path, errno == EISDIR ? "is a directory, not a file" : "cannot read the file (permission denied?)")
            }
            if read == 0 { break }
            count += read
        }
        if count > limit { throw .error(path, "file is over the \(ByteCount.format(limit)) limit") }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Decodes bytes as UTF-8 text; the error points at the first bad byte or NUL.
    package static func decode(_ data: Data, path: String) throws(Diagnostic) -> String {
        try decode([UInt8](data), path: path)
    }

    /// Decodes bytes as UTF-8 text; the error points at the first bad byte or NUL.
    package static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> String {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            throw .error(path, line: line, column: column, "file contains a NUL byte; is it a binary file?")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            let (line, column) = position(of: bad, in: bytes)
            throw .error(path, line: line, column: column, "file is not valid UTF-8 (bad byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))")
        }
        return text
    }

    package static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            let sequence = Array(bytes[index..<(index + length)])
            if String(validating: sequence, as: UTF8.self) == nil { return index }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}

package enum ByteCount {
    package static func format(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return "\(bytes) bytes"
    }
}
