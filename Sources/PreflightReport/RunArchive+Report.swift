import PreflightSupport
import PreflightChecklist
import PreflightRuns

extension RunArchive {
    /// The report of one run, with what its earlier runs carry forward.
    package func report(for manifest: RunManifest, checklist: Checklist) -> (RunReport, RunInput) {
        var carry = CarryPool()
        for earlier in earlierRuns(than: manifest) {
            carry.add(RunReader.read(folder: folder(of: earlier.id), manifest: earlier, checklist: checklist))
        }
        let input = RunReader.read(folder: folder(of: manifest.id), manifest: manifest, checklist: checklist)
        return (ReportBuilder(checklist: checklist).build(input, carry: carry, archive: directory), input)
    }
}
