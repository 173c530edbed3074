import Foundation
import PreflightSupport

extension ProjectScaffold {
    /// What became of one planned file.
    package enum Outcome: Sendable, Equatable {
        case made
        /// The file was there already and was left as it was; `advice` says what to add by hand, if anything.
        case kept(advice: String?)
    }

    package struct Step: Sendable, Equatable {
        package var path: String
        package var outcome: Outcome
    }

    /// Creates the project folder and every planned file that does not exist yet.
    ///
    /// An existing file is never opened for writing: each file is created with `O_CREAT | O_EXCL`,
    /// which also refuses a symlink, so a file that appears between the check and the write is
    /// kept too. Stops at the first file that cannot be written.
    package func write(into directory: String) throws(Diagnostic) -> [Step] {
        var steps: [Step] = []
        for file in files {
            let full = (directory as NSString).appendingPathComponent(file.path)
            // The runs folder needs its .gitkeep only while it is empty: a folder with runs is in git already.
            if file.path == "\(Self.runsFolder)/.gitkeep",
               let entries = try? FileManager.default.contentsOfDirectory(atPath: (full as NSString).deletingLastPathComponent),
               !entries.isEmpty, !entries.contains(".gitkeep") {
                steps.append(Step(path: Self.runsFolder + "/", outcome: .kept(advice: nil)))
                continue
            }
            try makeFolder((full as NSString).deletingLastPathComponent)
            if try NewFile.create(full, file.bytes) {
                steps.append(Step(path: file.path, outcome: .made))
            } else {
                steps.append(Step(path: file.path, outcome: .kept(advice: advice(forExisting: file, at: full))))
            }
        }
        return steps
    }

    private func makeFolder(_ path: String) throws(Diagnostic) {
        // A file on the way (`content` where `content/checklists` must go) is named, not just "cannot create".
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix = (prefix as NSString).appendingPathComponent(String(component))
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) else { break }
            if !isFolder.boolValue { throw .error(prefix, "is a file, but init needs a folder here") }
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .error(path, "cannot create the folder (permission denied?)")
        }
    }

    /// For a kept `.gitignore`, the lines it still lacks; nothing for other files.
    private func advice(forExisting file: File, at path: String) -> String? {
        guard file.path == ".gitignore" else { return nil }
        let existing = (try? TextFile.read(path, limit: 1 << 20)) ?? ""
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = Self.ignoredLines.filter { !present.contains($0) }
        return missing.isEmpty ? nil : "add these lines: " + missing.joined(separator: " ")
    }
}
