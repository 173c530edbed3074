import ArgumentParser
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Record a stakeholder's sign-off decision on a run.",
        discussion: """
        The decision records the run's current evidence digest and the item states behind it, so that
        a later change of the evidence shows the approval as stale. With --digest (the full digest or
        at least its first 8 hex digits, as the sheet prints them) the decision is refused unless that
        is still the current evidence.
        """)

    enum Decision: String, ExpressibleByArgument, CaseIterable { case approve, reject }

    @OptionGroup var target: RunDirArgument
    @Option(help: "A sign-off role of the checklist, e.g. \"Security Lead\".") var role: String
    @Option(help: "Who signs.") var name: String
    @Option(help: "approve or reject.") var decision: Decision
    @Option(help: "Optional comment.") var comment: String?
    @Option(help: "The evidence digest printed on the sheet (at least 8 hex digits): refuse unless it is still current.")
    var digest: String?
    @Option(help: "An SSH private key to sign the decision with (ssh-keygen -Y sign), e.g. ~/.ssh/id_ed25519.")
    var key: String?
    @OptionGroup var content: ContentOptions

    func run() throws {
        let (manifest, checklist) = try target.load(content)
        let roles = checklist.signoffRoles
        guard let canonical = roles.first(where: { $0.lowercased() == role.lowercased() }) else {
            let known = roles.isEmpty ? "the checklist has no sign-off roles" : "roles: " + roles.joined(separator: ", ")
            Output.print(diagnostics: [.error(target.trimmed, "'\(role)' is not a sign-off role of '\(checklist.name)' (\(known))")])
            throw ExitCode(1)
        }
        let archive = try target.scanArchive(content)
        let report = StreamMerger(checklist: checklist, archive: archive).report(for: manifest)
        if let digest { try check(digest, against: report) }
        let decided: Signoff.Decision = switch decision {
        case .approve: .approve
        case .reject: .reject
        }
        let now = Timestamp.now
        var record = SignoffRecord(role: canonical, name: name, decision: decided, at: now, comment: comment,
                                   evidenceDigest: report.evidenceDigest, itemStates: EvidenceDigest.states(report.items))
        if let key {
            let payload = SignoffSignature.payload(run: manifest.id, role: canonical, name: name, decision: decided.rawValue, at: now,
                                                   evidence: report.evidenceDigest)
            do {
                record.signature = try SignoffSignature.sign(payload, role: canonical, key: key)
            } catch {
                Output.print(diagnostics: [error])
                throw ExitCode(1)
            }
        }
        try ItemReference.write(runDir: target.trimmed) { try RecordWriter.write(signoff: record, into: $0, now: now) }
    }

    /// Refuses a digest that is not the current evidence, with what changed since where an earlier
    /// decision on that digest recorded the states it saw.
    private func check(_ given: String, against report: RunReport) throws {
        guard let prefix = EvidenceDigest.normalizedPrefix(given) else {
            Output.print(diagnostics: [.error(target.trimmed, "--digest '\(given)' is not a digest: give at least \(EvidenceDigest.minimumPrefix) hex digits, as the sheet prints them")])
            throw ExitCode(1)
        }
        guard !report.evidenceDigest.hasPrefix(prefix) else { return }
        var lines = ["the evidence changed since \(given): the sheet's digest is not the current evidence of run \(report.run.id) (now \(EvidenceDigest.shortForm(report.evidenceDigest)), \(report.evidenceDigest)); print the sheet again and judge the current state"]
        let seen = report.signoffs.flatMap(\.records).first { $0.evidenceDigest?.hasPrefix(prefix) == true && $0.itemStates != nil }
        if let states = seen?.itemStates {
            let changes = EvidenceDigest.changes(since: states, items: report.items)
            lines.append(changes.isEmpty ? "no item changed state; the checklist, a result's details or a waiver did"
                : "changed since: " + changes.map(\.words).joined(separator: "; "))
        } else {
            lines.append("no decision was recorded on that digest, so what changed cannot be listed")
        }
        Output.print(diagnostics: [.error(target.trimmed, lines.joined(separator: "\n  "))])
        throw ExitCode(1)
    }
}
