import PreflightSupport
import PreflightChecklist

extension RunArchive {
    /// A stream whose checklist is known: what every merge starts from.
    package struct ResolvedStream: Sendable {
        package var key: StreamKey
        package var checklist: Checklist
        /// The stream's runs in `started_at` order.
        package var manifests: [RunManifest]
    }

    /// The archive's streams with their checklists, in key order. The runs of a stream whose
    /// checklist is unknown get no report: each of their run.json files is a problem instead.
    package func streams(in library: ChecklistLibrary) -> (streams: [ResolvedStream], problems: [Diagnostic]) {
        var resolved: [ResolvedStream] = []
        var problems: [Diagnostic] = []
        for (key, manifests) in streams() {
            let runJSON = manifests.map { folder(of: $0.id) + "/run.json" }
            do {
                let checklist = try library.checklist(named: key.checklist, for: runJSON[0])
                resolved.append(ResolvedStream(key: key, checklist: checklist, manifests: manifests))
            } catch {
                problems += runJSON.map { .error($0, error.message) }
            }
        }
        return (resolved, problems)
    }
}
