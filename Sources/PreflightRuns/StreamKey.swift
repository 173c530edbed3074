import PreflightSupport

/// Which stream a run belongs to: the runs that share a checklist, a service (or none) and an
/// environment, and between which results and waivers carry forward.
///
/// Everything that groups, orders, caches, links or titles runs by stream goes through this
/// value, so a further dimension (a service, say) is added here and nowhere else: as a stored
/// property, in `components`, and in the two initializers.
package struct StreamKey: Hashable, Comparable, Sendable {
    package var checklist: String
    /// Nil for runs of no service: their stream, paths and titles are those of a checklist × environment.
    package var service: String?
    package var environment: String

    package init(checklist: String, service: String? = nil, environment: String) {
        self.checklist = checklist
        self.service = service
        self.environment = environment
    }

    /// The stream of a run.
    package init(_ manifest: RunManifest) {
        self.init(checklist: manifest.checklist, service: manifest.service, environment: manifest.environment)
    }

    /// The identifying values, most significant first: order, cache text and paths derive from them.
    /// A stream of no service has no service component, so it keeps today's cache text and path.
    private var components: [String] { [checklist] + (service.map { [$0] } ?? []) + [environment] }

    /// The values a reader tells streams of one checklist apart by (`payments · staging`), in order.
    package var subject: String { service.map { "\($0) · \(environment)" } ?? environment }

    /// The stream's folder on the site below `trends/`: one slug per component
    /// (`production-deployment/staging`, `production-deployment/payments/staging`).
    package var path: String {
        // Service names use the run-id alphabet (safe in URLs), so they appear as written, as run ids
        // do under runs/: a slug would merge `payments.api` and `paymentsapi` into one folder.
        (servicePath ?? Slug.make(checklist)) + "/" + Slug.make(environment, fallback: "env")
    }

    /// The service's folder on the site below `services/` (`production-deployment/payments`), the
    /// page of all its environments; nil for a stream of no service. The trend folders' rule: the
    /// checklist as a slug, the service as written.
    package var servicePath: String? { service.map { "\(Slug.make(checklist))/\($0)" } }

    /// From a service's folder (`services/<servicePath>/`) back to the site root.
    package static let serviceRoot = "../../../"

    /// From the stream's folder (`trends/<path>/`) back to the site root: one `../` per folder.
    package var siteRoot: String { String(repeating: "../", count: components.count + 1) }

    /// A title for people: the checklist's title, then what tells this stream apart.
    package func title(checklistTitle: String) -> String { "\(checklistTitle) · \(subject)" }

    /// The key as one string for the build cache: components joined by NUL. A component holding
    /// a NUL itself (`\u0000` in run.json) gives text `init(cacheText:)` refuses, which costs
    /// only that stream its cache entry: the next build merges it in full.
    /// With an optional service the part count tells the shapes apart, so such a component yields
    /// the empty text (refused) rather than text that reads back as another stream.
    package var cacheText: String {
        components.contains { $0.contains("\u{0}") } ? "" : components.joined(separator: "\u{0}")
    }

    /// The key a `cacheText` was made from; nil for text of another shape (an older cache).
    package init?(cacheText: String) {
        let parts = cacheText.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2: self.init(checklist: parts[0], environment: parts[1])
        case 3: self.init(checklist: parts[0], service: parts[1], environment: parts[2])
        default: return nil
        }
    }

    package static func < (a: StreamKey, b: StreamKey) -> Bool { a.components.lexicographicallyPrecedes(b.components) }
}

extension RunManifest {
    /// The stream the run belongs to.
    package var stream: StreamKey { StreamKey(self) }
}
