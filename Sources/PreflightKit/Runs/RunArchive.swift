import Foundation

/// The runs folder: one subfolder per run, grouped into streams (checklist × environment).
public struct RunArchive: Sendable {
    public var directory: String
    /// Every readable manifest, ordered by `started_at`, then id.
    public var manifests: [RunManifest]
    /// Run folders whose `run.json` could not be used.
    public var problems: [Diagnostic]

    /// Lists the archive; a missing folder is an empty archive.
    public static func scan(_ directory: String) -> RunArchive {
        var manifests: [RunManifest] = []
        var problems: [Diagnostic] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                problems.append(.warning(folder, "ignored: the runs folder holds only run folders"))
                continue
            }
            do {
                manifests.append(try RunReader.readManifest(folder: folder))
            } catch {
                problems.append(error)
            }
        }
        manifests.sort(by: RunArchive.order)
        return RunArchive(directory: directory, manifests: manifests, problems: problems)
    }

    static func order(_ a: RunManifest, _ b: RunManifest) -> Bool {
        (a.startedAt.seconds, a.id) < (b.startedAt.seconds, b.id)
    }

    public func folder(of run: String) -> String { (directory as NSString).appendingPathComponent(run) }

    /// Runs of the same checklist and environment as `manifest` that started before it, oldest first.
    public func earlierRuns(than manifest: RunManifest) -> [RunManifest] {
        manifests.filter {
            $0.checklist == manifest.checklist && $0.environment == manifest.environment && RunArchive.order($0, manifest)
        }
    }

    /// The report of one run, with what its earlier runs carry forward.
    public func report(for manifest: RunManifest, checklist: Checklist) -> (RunReport, RunInput) {
        var carry = CarryPool()
        for earlier in earlierRuns(than: manifest) {
            carry.add(RunReader.read(folder: folder(of: earlier.id), manifest: earlier, checklist: checklist))
        }
        let input = RunReader.read(folder: folder(of: manifest.id), manifest: manifest, checklist: checklist)
        return (ReportBuilder(checklist: checklist).build(input, carry: carry, archive: directory), input)
    }
}
