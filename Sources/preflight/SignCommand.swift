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
        abstract: "Record a stakeholder's sign-off decision on a run.")

    enum Decision: String, ExpressibleByArgument, CaseIterable { case approve, reject }

    @OptionGroup var target: RunDirArgument
    @Option(help: "A sign-off role of the checklist, e.g. \"Security Lead\".") var role: String
    @Option(help: "Who signs.") var name: String
    @Option(help: "approve or reject.") var decision: Decision
    @Option(help: "Optional comment.") var comment: String?
    @OptionGroup var content: ContentOptions

    func run() throws {
        let (_, checklist) = try target.load(content)
        let roles = checklist.signoffRoles
        guard let canonical = roles.first(where: { $0.lowercased() == role.lowercased() }) else {
            let known = roles.isEmpty ? "the checklist has no sign-off roles" : "roles: " + roles.joined(separator: ", ")
            Output.print(diagnostics: [.error(target.trimmed, "'\(role)' is not a sign-off role of '\(checklist.name)' (\(known))")])
            throw ExitCode(1)
        }
        let decided: Signoff.Decision = switch decision {
        case .approve: .approve
        case .reject: .reject
        }
        let now = Timestamp.now
        let record = SignoffRecord(role: canonical, name: name, decision: decided, at: now, comment: comment)
        try ItemReference.write(runDir: target.trimmed) { try RecordWriter.write(signoff: record, into: $0, now: now) }
    }
}
