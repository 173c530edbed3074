import PreflightSupport
import PreflightRuns

/// A file an importer read: its path and the SHA-256 of the bytes it parsed. The recorder stores
/// the file again from its path and refuses it if those bytes are not the ones parsed, so the
/// attachment is always the evidence the result was made from.
package struct ImportedFile: Sendable, Equatable {
    package var path: String
    package var sha256: String

    package init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// Reads `path` (a regular file within the attachment limit) for parsing.
    package static func read(_ path: String) throws(Diagnostic) -> (file: ImportedFile, bytes: [UInt8]) {
        let bytes = try RecordWriter.readAttachable(path)
        return (ImportedFile(path: path, sha256: Attachment.digest(bytes)), bytes)
    }
}
