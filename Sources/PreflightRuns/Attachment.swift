import Crypto
import Foundation
import PreflightSupport

/// A file kept with a result as evidence: stored in the run folder as `attachments/<sha256>`,
/// so the record names its bytes and the name a person gave it.
package struct Attachment: Sendable, Codable, Equatable, Hashable {
    /// The file name it was attached under (no folders), as shown on the site.
    package var name: String
    /// Lowercase hex SHA-256 of its bytes: also its file name under `attachments/`.
    package var sha256: String
    package var size: Int

    package typealias CodingKeys = AttachmentField

    package init(name: String, sha256: String, size: Int) {
        self.name = name
        self.sha256 = sha256
        self.size = size
    }

    /// The folder of a run folder that holds attachments; the run reader reads no records there.
    package static let folder = "attachments"

    /// Where the bytes live, relative to the run folder.
    package var storedPath: String { "\(Self.folder)/\(sha256)" }

    /// Why the stored file cannot stand for `attachment`, or nil when it is there, a regular file
    /// (no link: its bytes would come from outside the run), and its bytes have the record's hash.
    package static func problem(_ attachment: Attachment, runFolder: String) -> String? {
        var info = stat()
        let folder = (runFolder as NSString).appendingPathComponent(Self.folder)
        let stored = (runFolder as NSString).appendingPathComponent(attachment.storedPath)
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, lstat(stored, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG
        else { return "the attachment '\(attachment.name)' is not in the run folder (expected the file \(attachment.storedPath))" }
        guard Int(info.st_size) == attachment.size else {
            return "the attachment '\(attachment.name)' is \(info.st_size) bytes on disk, the record says \(attachment.size)"
        }
        guard let bytes = try? TextFile.bytes(stored, limit: RecordWriter.attachmentSizeLimit, followLinks: false), digest(bytes) == attachment.sha256 else {
            return "the bytes of attachment '\(attachment.name)' no longer have the SHA-256 its record gives"
        }
        return nil
    }

    /// The name bytes are stored under: their SHA-256 in lowercase hex.
    package static func digest(_ bytes: [UInt8]) -> String { Hex.lowercase(SHA256.hash(data: bytes)) }

    /// Whether `text` is a SHA-256 in lowercase hex, the only form a stored name takes.
    package static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// A file name safe on every file system and in a URL: letters, digits, `.`, `_` and `-`,
    /// at most 100 characters, never hidden or empty.
    package static func safeName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        var text = String(base.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
            return ok ? Character(scalar) : "_"
        }.prefix(100))
        while text.hasPrefix(".") { text.removeFirst() }
        return text.isEmpty ? "attachment" : text
    }
}
