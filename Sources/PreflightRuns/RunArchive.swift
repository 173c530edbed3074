import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightChecklist

/// The runs folder: one subfolder per run, grouped into streams (checklist × environment).
package struct RunArchive: Sendable {
    package var directory: String
    /// Every readable manifest, ordered by `started_at`, then id.
    package var manifests: [RunManifest]
    /// Run folders whose `run.json` could not be used.
    package var problems: [Diagnostic]

    /// How sign-off signatures are checked (set by the project's settings).
    package var signoffPolicy = SignoffPolicy()

    /// `stat` fingerprints of run folders, when the scan took them (see `scan(_:known:)`).
    package var fingerprints: [String: String] = [:]

    /// Lists the archive; a missing folder is an empty archive.
    package static func scan(_ directory: String) -> RunArchive {
        scan(directory, known: [:])
    }

    /// Lists the archive, taking each folder's manifest from `known` (by run id) while the
    /// folder's `stat` fingerprint still matches: the build cache saves reading every run.json.
    package static func scan(_ directory: String, known: [String: (stat: String, manifest: RunManifest)]) -> RunArchive {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let fingerprinting = !known.isEmpty
        let outcomes = ParallelMap.run(names) { name -> (Result<RunManifest, Diagnostic>, String?) in
            let folder = (directory as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                // A link could make a folder elsewhere (another archive, /) look like a run.
                let link = (info.st_mode & S_IFMT) == S_IFLNK
                return (.failure(.warning(folder, link ? "ignored: a symbolic link is not followed, even to a run folder"
                                                     : "ignored: the runs folder holds only run folders")), nil)
            }
            let stat = fingerprinting ? ContentKeys.statFingerprint(folder: folder) : nil
            if let stat, let entry = known[name], entry.stat == stat { return (.success(entry.manifest), stat) }
            do throws(Diagnostic) {
                return (.success(try RunReader.readManifest(folder: folder)), stat)
            } catch {
                return (.failure(error), stat)
            }
        }
        var archive = RunArchive(directory: directory, manifests: [], problems: [])
        for (name, outcome) in zip(names, outcomes) {
            switch outcome.0 {
            case .success(let manifest): archive.manifests.append(manifest)
            case .failure(let problem): archive.problems.append(problem)
            }
            if let stat = outcome.1 { archive.fingerprints[name] = stat }
        }
        archive.manifests.sort(by: RunArchive.order)
        return archive
    }

    /// Manifests by stream, in key order; each stream's runs in `started_at` order.
    package func streams() -> [(key: StreamKey, manifests: [RunManifest])] {
        var groups: [StreamKey: [RunManifest]] = [:]
        for manifest in manifests { groups[manifest.stream, default: []].append(manifest) }
        return groups.keys.sorted().map { ($0, groups[$0] ?? []) }
    }

    package static func order(_ a: RunManifest, _ b: RunManifest) -> Bool {
        (a.startedAt.seconds, a.id) < (b.startedAt.seconds, b.id)
    }

    package func folder(of run: String) -> String { (directory as NSString).appendingPathComponent(run) }

    /// Runs of the same stream as `manifest` that started before it, oldest first.
    package func earlierRuns(than manifest: RunManifest) -> [RunManifest] {
        manifests.filter {
            $0.stream == manifest.stream && RunArchive.order($0, manifest)
        }
    }

    package init(directory: String, manifests: [RunManifest], problems: [Diagnostic], fingerprints: [String: String] = [:]) {
        self.directory = directory
        self.manifests = manifests
        self.problems = problems
        self.fingerprints = fingerprints
    }
}
