import Foundation
import PreflightSupport

/// Settings of the checklist engine: which heading words give items their kind, and limits.
public struct ChecklistOptions: Sendable {
    /// A heading that begins with one of these (case-insensitive) makes its items `go` criteria.
    public var goHeadings: [String]
    /// … `no-go` criteria.
    public var noGoHeadings: [String]
    /// … sign-off items.
    public var signoffHeadings: [String]
    /// Headings that start a post-deployment phase: `words=DURATION` entries
    /// (`"First 24 Hours=PT24H"`); "first N minutes|hours|days|weeks" and `{due=…}` always work.
    public var phaseHeadings: [String]
    /// Largest checklist file read, in bytes.
    public var sizeLimit: Int

    public init(
        goHeadings: [String] = ["Go Criteria"],
        noGoHeadings: [String] = ["No-Go Criteria"],
        signoffHeadings: [String] = ["Sign-Off", "Signoff"],
        phaseHeadings: [String] = ["Immediate=PT1H", "First Hour=PT1H", "First 24 Hours=PT24H", "First Week=P7D"],
        sizeLimit: Int = 16 << 20
    ) {
        self.phaseHeadings = phaseHeadings
        self.goHeadings = goHeadings
        self.noGoHeadings = noGoHeadings
        self.signoffHeadings = signoffHeadings
        self.sizeLimit = sizeLimit
    }

    public static let `default` = ChecklistOptions()

    /// The kind a heading gives to the items under it, or nil for an ordinary heading.
    func kind(ofHeading heading: String) -> ItemKind? {
        let text = heading.trimmingCharacters(in: .whitespaces).lowercased()
        // "No-Go Criteria" also begins with no word of "Go Criteria", but check it first anyway.
        if noGoHeadings.contains(where: { text.hasPrefix($0.lowercased()) }) { return .noGo }
        if goHeadings.contains(where: { text.hasPrefix($0.lowercased()) }) { return .go }
        if signoffHeadings.contains(where: { text.hasPrefix($0.lowercased()) }) { return .signoff }
        return nil
    }
}
