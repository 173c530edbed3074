import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport

/// One file of the effective theme: a project's own file, or the built-in one it did not override.
struct ThemeFile: Sendable, Equatable {
    /// The path below the theme folder, which decides what overrides what (`partials/item.mustache`).
    let path: String
    /// Where messages place the file: the project's file, or `<built-in>/templates/…`.
    let origin: String
    /// The built-in file's bytes; nil for a project file, which is read from `origin`.
    let builtIn: [UInt8]?
}

/// The theme a build uses: the built-in templates, `Public/` files and schemas, each overridden
/// file by file, by relative path, by the project's folder of the same kind (a project file with
/// a new path is added), as a Hugo project's layouts override its theme's.
struct Theme: Sendable {
    var templates: [ThemeFile]
    var publicFiles: [ThemeFile]
    /// Empty when the build writes no `schema/` folder.
    var schemas: [ThemeFile]

    /// The effective theme of `options`. A folder the options require (named explicitly) must
    /// exist; a default one may be absent, and then the built-in files alone are used.
    static func effective(for options: SiteOptions) throws(DiagnosticList) -> Theme {
        var problems: [Diagnostic] = []
        func merged(_ builtIn: [String: [UInt8]], _ kind: String, _ folder: String?, required: Bool, missing: String,
                    only suffix: String? = nil) -> [ThemeFile] {
            do {
                return try merge(builtIn: builtIn, label: "\(BuiltInTheme.origin)/\(kind)", folder: folder, required: required,
                                 missing: missing, suffix: suffix)
            } catch {
                problems.append(error)
                return []
            }
        }
        let templates = merged(BuiltInTheme.templates.mapValues { Array($0.utf8) }, "templates", options.templates,
                               required: options.requireTemplates, missing: "no such templates folder", only: ".mustache")
        let publicFiles = merged(BuiltInTheme.publicFiles, "Public", options.publicDir, required: options.requirePublicDir,
                                 missing: "no such folder of static files")
        let schemas = options.schema == nil ? [] : merged(BuiltInTheme.schemas.mapValues { Array($0.utf8) }, "schema",
                                                          options.schema, required: false, missing: "")
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return Theme(templates: templates, publicFiles: publicFiles, schemas: schemas)
    }

    /// `builtIn` (path → bytes, shown as `label/path`) overridden and extended by the files below
    /// `folder` (those ending in `suffix`, when given). Sorted by path.
    static func merge(builtIn: [String: [UInt8]], label: String, folder: String?, required: Bool, missing: String,
                      suffix: String? = nil) throws(Diagnostic) -> [ThemeFile] {
        var files: [String: ThemeFile] = [:]
        for (path, bytes) in builtIn {
            files[path] = ThemeFile(path: path, origin: label + "/" + path, builtIn: bytes)
        }
        if let folder {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw .error(folder, "is a file, not a folder") }
                for path in try projectFiles(below: folder) where suffix.map({ path.hasSuffix($0) }) ?? true {
                    files[path] = ThemeFile(path: path, origin: (folder as NSString).appendingPathComponent(path), builtIn: nil)
                }
            } else if required {
                throw .error(folder, missing)
            }
        }
        return files.values.sorted { $0.path < $1.path }
    }

    /// The relative paths of the regular files below `folder`. A symbolic link or a special file
    /// (FIFO, device, socket) is an error: a link would put whatever it names, `/etc/passwd` say,
    /// into the published site, and a FIFO would hang the build.
    static func projectFiles(below folder: String) throws(Diagnostic) -> [String] {
        let paths = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        var files: [String] = []
        for path in paths {
            let full = (folder as NSString).appendingPathComponent(path)
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: files.append(path)
            case S_IFDIR: continue
            case S_IFLNK: throw .error(full, "is a symbolic link, which is not followed: put the file itself in the folder")
            default: throw .error(full, "is not a regular file (a FIFO, device or socket)")
            }
        }
        return files.sorted()
    }

}
