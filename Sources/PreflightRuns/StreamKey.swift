import PreflightSupport

/// Which stream a run belongs to: the runs that share a checklist and an environment, and
/// between which results and waivers carry forward.
///
/// Everything that groups, orders, caches, links or titles runs by stream goes through this
/// value, so a further dimension (a service, say) is added here and nowhere else: as a stored
/// property, in `components`, and in the two initializers.
package struct StreamKey: Hashable, Comparable, Sendable {
    package var checklist: String
    package var environment: String

    package init(checklist: String, environment: String) {
        self.checklist = checklist
        self.environment = environment
    }

    /// The stream of a run.
    package init(_ manifest: RunManifest) {
        self.init(checklist: manifest.checklist, environment: manifest.environment)
    }

    /// The identifying values, most significant first: order, cache text and paths derive from them.
    private var components: [String] { [checklist, environment] }

    /// The values a reader tells streams of one checklist apart by (`staging`), in order.
    package var subject: String { environment }

    /// The stream's folder on the site below `trends/`: one slug per component
    /// (`production-deployment/staging`).
    package var path: String {
        "\(Slug.make(checklist))/\(Slug.make(environment, fallback: "env"))"
    }

    /// A title for people: the checklist's title, then what tells this stream apart.
    package func title(checklistTitle: String) -> String { "\(checklistTitle) · \(subject)" }

    /// The key as one string for the build cache: components joined by NUL. A component holding
    /// a NUL itself (`\u0000` in run.json) gives text `init(cacheText:)` refuses, which costs
    /// only that stream its cache entry: the next build merges it in full.
    package var cacheText: String { components.joined(separator: "\u{0}") }

    /// The key a `cacheText` was made from; nil for text of another shape (an older cache).
    package init?(cacheText: String) {
        let parts = cacheText.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return nil }
        self.init(checklist: parts[0], environment: parts[1])
    }

    package static func < (a: StreamKey, b: StreamKey) -> Bool { a.components.lexicographicallyPrecedes(b.components) }
}

extension RunManifest {
    /// The stream the run belongs to.
    package var stream: StreamKey { StreamKey(self) }
}
