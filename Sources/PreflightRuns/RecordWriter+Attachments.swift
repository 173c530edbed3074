import Foundation
import PreflightSupport

extension RecordWriter {
    /// Largest file kept as an attachment (and read by `preflight import`), in bytes.
    package static let attachmentSizeLimit = 64 << 20

    /// Stores `bytes` in the run folder as `attachments/<sha256>` and returns the attachment to
    /// name in a result. The same bytes attached twice are stored once; a file already there
    /// under that hash is kept (it holds the same bytes, or the build reports the mismatch).
    package static func attach(_ bytes: [UInt8], name: String, into runFolder: String) throws(Diagnostic) -> Attachment {
        if bytes.count > attachmentSizeLimit { throw overLimit(bytes.count, name) }
        let digest = Attachment.digest(bytes)
        let attachment = Attachment(name: Attachment.safeName(name), sha256: digest, size: bytes.count)
        let folder = (runFolder as NSString).appendingPathComponent(Attachment.folder)
        var info = stat()
        if lstat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .error(folder, "is not a folder (a link or a file?); attachments go into a real folder") }
        } else if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw .error(folder, "cannot create the folder: \(String(cString: strerror(errno)))")
        }
        let path = (runFolder as NSString).appendingPathComponent(attachment.storedPath)
        do {
            _ = try writeExclusively(Data(bytes), to: path)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error(path, "cannot write the attachment: \(error)")
        }
        return attachment
    }

    /// Reads `file` (within the attachment limit, no links or special files) and attaches it.
    package static func attach(file: String, into runFolder: String) throws(Diagnostic) -> Attachment {
        try attach(readAttachable(file), name: (file as NSString).lastPathComponent, into: runFolder)
    }

    /// The bytes of a file given to `import` or `--attach`: a regular file within the limit.
    package static func readAttachable(_ file: String) throws(Diagnostic) -> [UInt8] {
        var info = stat()
        guard stat(file, &info) == 0 else { throw .error(file, "no such file") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .error(file, "is not a regular file") }
        // Said here, before any read, so the message names the attachment limit rather than a read limit.
        if Int(info.st_size) > attachmentSizeLimit { throw overLimit(Int(info.st_size), file) }
        return try TextFile.bytes(file, limit: attachmentSizeLimit)
    }

    private static func overLimit(_ size: Int, _ file: String) -> Diagnostic {
        .error(file, "file is \(ByteCount.format(size)), over the \(ByteCount.format(attachmentSizeLimit)) limit for an attachment or imported file")
    }
}
