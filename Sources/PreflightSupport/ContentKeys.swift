import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keys for the build cache: SHA-256 over what an output depends on.
package enum ContentKeys {
    /// Largest record file a run folder's reader reads (`RunReader.fileSizeLimit`), in bytes.
    package static let recordSizeLimit = 8 << 20

    /// SHA-256 of the parts, each ended by a NUL so that no two lists of parts collide.
    package static func combine(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        return Hex.lowercase(hasher.finalize())
    }

    package static func hash(_ data: Data) -> String { Hex.lowercase(SHA256.hash(data: data)) }

    /// What `stat` says of every entry of a run folder (names, sizes, change times, inodes):
    /// when it matches the cache, the folder's content key is taken from the cache unread.
    /// Read through the open folder (`readdir`, `fstatat`) and hashed as bytes: an incremental
    /// build takes one per run folder, 110,000 entries at 10,000 runs.
    package static func statFingerprint(folder: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(folder.utf8))
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0, let directory = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            hasher.update(data: Data([0, 0x3F]))
            return Hex.lowercase(hasher.finalize())
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        let folderDescriptor = dirfd(directory)
        for name in names {
            hasher.update(data: Data([0]))
            name.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            var info = stat()
            let found = (name + [0]).withUnsafeBufferPointer { path in
                path.withMemoryRebound(to: CChar.self) { fstatat(folderDescriptor, $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) == 0 }
            }
            // Fixed-width fields after a NUL-ended name: no two listings hash alike.
            var fields: (Int64, Int64, Int64, Int64, Int64, UInt64, UInt8) = found
                ? (Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                   Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec), UInt64(info.st_ino), 1)
                : (0, 0, 0, 0, 0, 0, 0)
            withUnsafeBytes(of: &fields) { hasher.update(bufferPointer: $0) }
        }
        return Hex.lowercase(hasher.finalize())
    }

    /// SHA-256 over the names and contents of the files a run folder holds (hidden files aside,
    /// as the run reader skips them).
    /// `known` holds bytes already read, by file name: those files are not read again.
    package static func contentKey(folder: String, known: [String: [UInt8]] = [:]) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var parts: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            // Attachments are named by their SHA-256, so their names and sizes stand for their bytes
            // without reading them (they can be large); the copy into the site checks the hashes.
            if name == "attachments" {
                parts += [name, attachmentListing(path)]
                continue
            }
            // The run reader ignores anything but `.json` files, whatever their bytes, so those
            // bytes are not read here either: a 3 GB log beside the records costs nothing.
            guard name.hasSuffix(".json") else {
                parts += [name, "ignored"]
                continue
            }
            // One open and read per file, as record files are read (FileManager's checks cost
            // more), within the reader's limit: a larger file is a problem whatever it holds.
            if let bytes = known[name] ?? (try? TextFile.bytes(path, limit: recordSizeLimit, followLinks: false)) {
                parts += [name, Hex.lowercase(SHA256.hash(data: bytes))]
            } else {
                parts += [name, "unreadable-or-folder"]
            }
        }
        return combine(parts)
    }

    private static func attachmentListing(_ folder: String) -> String {
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return "not-a-folder" }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.map { name -> String in
            var entry = stat()
            return lstat(folder + "/" + name, &entry) == 0 ? "\(name) \(entry.st_mode) \(entry.st_size)" : "\(name) ?"
        }.joined(separator: "\n")
    }

    /// Size, change time and inode of the files `names` in `folder`: whether an earlier output is
    /// still as it was written. Each is looked up from the open folder, not from the root: an
    /// incremental build checks every reused run's outputs.
    package static func outputFingerprint(folder: String, names: [String]) -> String? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var parts: [String] = []
        for name in names {
            var info = stat()
            guard fstatat(descriptor, name, &info, 0) == 0 else { return nil }
            parts.append("\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)")
        }
        return combine(parts)
    }
}
