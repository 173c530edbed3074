import Foundation

// STUB for the theme helper's generated `BuiltInTheme` (BuiltInTheme+Files.swift): the lead deletes
// this file at merge. Only `starterChecklist` is used by `preflight init`; it reads this repo's file.
package enum BuiltInTheme {
    package static let starterChecklist: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("content/checklists/production-deployment.md").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()
}
