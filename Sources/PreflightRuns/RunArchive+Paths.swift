import Foundation
import PreflightSupport

extension RunArchive {
    /// The longest folder name a stream may need, in bytes: the file systems' common `NAME_MAX`.
    package static let longestFolderName = 255

    /// Takes out the runs of streams that cannot have site folders of their own, and returns a
    /// problem for each, so that one bad name fails only its own pages:
    /// - a folder name over `longestFolderName` bytes (an environment of 300 characters);
    /// - two checklists whose names make one folder (`prod deploy` and `prod-deploy`): the runs of
    ///   both are left out, since either one's pages would overwrite the other's;
    /// - two streams whose values make one folder (environments `Staging`, `staging`, `staging!`):
    ///   every stream sharing the folder is left out, each problem naming the others.
    ///
    /// Folders are compared without case, so a site copied to a case-insensitive file system keeps
    /// them apart too. `checklists` maps the known checklists' names to their files; streams of
    /// unknown checklists are left for the pipeline to report.
    package mutating func setAsideUnplaceableStreams(checklists: [String: String]) -> [Diagnostic] {
        let streams = streams().filter { checklists[$0.key.checklist] != nil }
        var problems: [Diagnostic] = []
        var refused: Set<StreamKey> = []

        // Checklists first: their folder holds every stream of theirs.
        var byChecklistFolder: [String: Set<String>] = [:]
        for (key, _) in streams { byChecklistFolder[Slug.make(key.checklist).lowercased(), default: []].insert(key.checklist) }
        var refusedChecklists: Set<String> = []
        for (folder, names) in byChecklistFolder.sorted(by: { $0.key < $1.key }) where names.count > 1 {
            let sorted = names.sorted()
            for name in sorted {
                let others = sorted.filter { $0 != name }.map { "'\($0)' (\(checklists[$0] ?? $0))" }.joined(separator: ", ")
                problems.append(.error(checklists[name] ?? name, "checklist '\(name)' and checklist \(others) both map to the site folder "
                    + "trends/\(folder)/; the runs of neither are built until one is renamed"))
            }
            refusedChecklists.formUnion(names)
        }
        for (key, _) in streams where refusedChecklists.contains(key.checklist) { refused.insert(key) }

        var byFolder: [String: [(StreamKey, [RunManifest])]] = [:]
        for (key, manifests) in streams where !refused.contains(key) {
            if let long = Self.overlongComponent(of: key) {
                let latest = manifests.last.map { folder(of: $0.id) } ?? directory
                let shown = long.value.count > 40 ? long.value.prefix(40) + "…" : long.value
                problems.append(.error(latest, "\(long.what) '\(shown)' (\(long.value.count) characters) makes a folder name of "
                    + "\(long.bytes) bytes, over the limit of \(Self.longestFolderName); the \(manifests.count) run(s) of its stream are not built"))
                refused.insert(key)
                continue
            }
            byFolder["trends/" + key.path.lowercased(), default: []].append((key, manifests))
        }
        // A service's page folder: services differing only in case share it on some file systems.
        var byServiceFolder: [String: [(StreamKey, [RunManifest])]] = [:]
        for (key, manifests) in streams where !refused.contains(key) {
            if let path = key.servicePath { byServiceFolder["services/" + path.lowercased(), default: []].append((key, manifests)) }
        }
        for (folder, group) in byServiceFolder where Set(group.map { $0.0.service }).count > 1 {
            byFolder[folder] = group
        }
        for (shared, group) in byFolder.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            for (key, manifests) in group {
                // On a service's folder, its own other environments are no rival.
                let others = group.filter { $0.0 != key && !(shared.hasPrefix("services/") && $0.0.service == key.service) }.map { other in
                    "\(Self.describe(other.0)) (run \(other.1.last?.id ?? "?"))"
                }.joined(separator: ", ")
                let latest = manifests.last.map { folder(of: $0.id) } ?? directory
                problems.append(.error(latest, "\(Self.describe(key)) and \(others) both map to the site folder \(shared)/; "
                    + "neither stream's pages are built until one is renamed"))
                refused.insert(key)
            }
        }
        if !refused.isEmpty { manifests.removeAll { refused.contains($0.stream) } }
        return problems
    }

    /// A stream in words: `environment 'Staging' of checklist 'prod'`, with its service if any.
    private static func describe(_ key: StreamKey) -> String {
        "environment '\(key.environment)'" + (key.service.map { " of service '\($0)'" } ?? "") + " of checklist '\(key.checklist)'"
    }

    /// The first of a stream's folder names that is too long, with what it comes from.
    private static func overlongComponent(of key: StreamKey) -> (what: String, value: String, bytes: Int)? {
        let parts = [("checklist", key.checklist, Slug.make(key.checklist))] + (key.service.map { [("service", $0, $0)] } ?? [])
            + [("environment", key.environment, Slug.make(key.environment, fallback: "env"))]
        return parts.first { $0.2.utf8.count > longestFolderName }.map { ($0.0, $0.1, $0.2.utf8.count) }
    }
}
