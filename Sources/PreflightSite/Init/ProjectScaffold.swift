import Foundation
import PreflightSupport
import PreflightChecklist

/// The files `preflight init` puts into a new project: a checklist, the runs folder, a commented
/// `preflight.toml`, `.gitignore` lines and, on request, a CI workflow. Planning is separate from
/// writing (`ProjectScaffold+Write.swift`) so the plan can be checked before anything touches disk.
package struct ProjectScaffold: Sendable {
    /// A CI system `--ci` writes a workflow for.
    package enum CI: String, CaseIterable, Sendable {
        case github, gitlab

        /// Where the system looks for its workflow, relative to the project.
        package var workflowPath: String {
            switch self {
            case .github: ".github/workflows/preflight.yml"
            case .gitlab: ".gitlab-ci.yml"
            }
        }
    }

    /// One file to create, relative to the project folder.
    package struct File: Sendable, Equatable {
        package var path: String
        package var bytes: [UInt8]
    }

    /// The `.gitignore` lines: the site output and the build cache, as `preflight build` names them by default.
    package static let ignoredLines = ["/_site/", "/.preflight-cache/"]
    package static let checklistFolder = "content/checklists"
    package static let runsFolder = "content/runs"
    /// The name the built-in starter checklist is written under.
    package static let starterName = "production-deployment"

    /// The checklist's name (its file stem): what `start-run --checklist` takes.
    package var checklistName: String
    /// An item the workflow's example `record` line names, so that the example runs as written.
    package var exampleItem: String
    package var files: [File]

    /// A scaffold around a checklist that has already been read.
    /// - Parameters:
    ///   - checklistFile: the checklist's file name (`service.md`) and bytes, copied unchanged.
    ///   - configTemplate: the commented `preflight.toml`.
    package init(checklistFile: String, checklistBytes: [UInt8], exampleItem: String, configTemplate: String, ci: CI?) {
        checklistName = (checklistFile as NSString).deletingPathExtension
        self.exampleItem = exampleItem
        var files = [
            File(path: "\(Self.checklistFolder)/\(checklistFile)", bytes: checklistBytes),
            File(path: "\(Self.runsFolder)/.gitkeep", bytes: []),
            File(path: "preflight.toml", bytes: Array(configTemplate.utf8)),
            File(path: ".gitignore", bytes: Array(Self.ignoredLines.map { $0 + "\n" }.joined().utf8)),
        ]
        if let ci {
            let text = ci == .github ? Workflows.github(checklist: checklistName, item: exampleItem)
                                     : Workflows.gitlab(checklist: checklistName, item: exampleItem)
            files.append(File(path: ci.workflowPath, bytes: Array(text.utf8)))
        }
        self.files = files
    }

    /// The scaffold for the built-in starter checklist, or for the checklist file at `checklistPath`.
    ///
    /// A given checklist must be a `.md` file that parses without errors: a project that cannot
    /// build on its first `preflight build` is a bad start.
    package static func plan(checklistPath: String?, starterChecklist: String, configTemplate: String,
                             ci: CI?) throws(DiagnosticList) -> ProjectScaffold {
        let parser = ChecklistParser()
        let fileName: String
        let bytes: [UInt8]
        let parsed: ParsedChecklist
        if let checklistPath {
            fileName = (checklistPath as NSString).lastPathComponent
            guard fileName.hasSuffix(".md"), fileName.count > 3 else {
                throw DiagnosticList([.error(checklistPath, "a checklist is a Markdown file ending in .md")])
            }
            do {
                bytes = try TextFile.bytes(checklistPath, limit: parser.options.sizeLimit)
                let text = try TextFile.decode(bytes, path: checklistPath)
                parsed = parser.parse(text, name: (fileName as NSString).deletingPathExtension, path: checklistPath)
            } catch {
                throw DiagnosticList([error])
            }
        } else {
            fileName = starterName + ".md"
            bytes = Array(starterChecklist.utf8)
            parsed = parser.parse(starterChecklist, name: starterName, path: fileName)
        }
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        let items = parsed.checklist.items
        // A leaf check, so that recording it means what it says; parse() has made sure there are items.
        let example = (items.first { $0.kind == .check && $0.children.isEmpty } ?? items.first)?.id ?? "ITEM-ID"
        return ProjectScaffold(checklistFile: fileName, checklistBytes: bytes, exampleItem: example,
                               configTemplate: configTemplate, ci: ci)
    }
}
