import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// Where a run's follow-through after its deployment stands, separate from the Go/No-Go verdict.
package enum PostDeploymentStatus: String, Sendable, Codable {
    /// Every item of every phase is done (pass, done or waived) or skipped.
    case complete
    /// Something is still open, nothing is past its due time.
    case onTrack = "on-track"
    /// An item is past its due time and not done.
    case overdue
}

/// One phase item after the deployment.
package enum PhaseItemState: String, Sendable, Codable {
    /// Done (pass, done or waived) by its due time.
    case doneInTime = "done-in-time"
    /// Done after its due time.
    case doneLate = "done-late"
    /// Not done, due later (or exactly now).
    case open
    /// Not done, past its due time.
    case overdue
    /// Failed after the deployment, whatever its due time.
    case failing
    /// Skipped: not applicable.
    case skipped

    /// Overdue first, as the pages list them.
    var rank: Int {
        switch self {
        case .overdue: return 0
        case .failing: return 1
        case .open: return 2
        case .doneLate: return 3
        case .doneInTime: return 4
        case .skipped: return 5
        }
    }
}

/// One item of a phase as of the reference time.
package struct PhaseItemReport: Sendable, Codable, Equatable {
    package var id: String
    package var text: String
    package var state: PhaseItemState
    package var due: Timestamp
    /// When it was done (the deciding result's time); nil when not done, or done without a time (a ticked box, a waiver).
    package var doneAt: Timestamp?
    /// When it failed after the deployment.
    package var failedAt: Timestamp?
    /// Seconds late (done late), left (open) or overdue (overdue); nil otherwise.
    package var seconds: Double?

    package enum CodingKeys: String, CodingKey {
        case id, text, state, due, seconds
        case doneAt = "done_at", failedAt = "failed_at"
    }
}

/// One phase as of the reference time.
package struct PhaseReport: Sendable, Codable, Equatable {
    package var title: String
    /// The heading's section id.
    package var section: String
    /// The window as written (`PT1H`).
    package var window: String
    package var due: Timestamp
    /// Item counts by `PhaseItemState` raw value (zeros left out).
    package var counts: [String: Int]
    /// When its last item was done, once every item is; nil while any is not.
    package var completedAt: Timestamp?
    /// Seconds from the deployment to `completedAt` (0 when all was done before).
    package var secondsToComplete: Double?
    /// Overdue first, then failing, open, done late, done in time, skipped; document order within.
    package var items: [PhaseItemReport]

    package enum CodingKeys: String, CodingKey {
        case title, section, window, due, counts, items
        case completedAt = "completed_at", secondsToComplete = "seconds_to_complete"
    }

    package func count(_ state: PhaseItemState) -> Int { counts[state.rawValue] ?? 0 }
}

/// A run's post-deployment follow-through: the effective deployment, every deployment recorded,
/// and each phase as of `asOf` (the archive's newest timestamp unless `build --as-of` says otherwise;
/// nil once complete, when nothing depends on it, so a complete run's report.json never changes).
package struct PostDeployment: Sendable, Codable, Equatable {
    package var deployment: Deployment
    package var deployments: [Deployment]
    package var asOf: Timestamp?
    package var status: PostDeploymentStatus
    /// Items past due and not done (failing ones past due included).
    package var overdue: Int
    package var phases: [PhaseReport]

    package enum CodingKeys: String, CodingKey {
        case deployment, deployments, status, overdue, phases
        case asOf = "as_of"
    }
}

/// What each phase item had come to in a run, fixed when the run is merged: unlike `PostDeployment`,
/// it does not depend on the reference time, so history keeps it and evaluates it again.
package struct PhaseFacts: Sendable, Equatable {
    package enum Outcome: Sendable, Equatable {
        /// Done; when, if known.
        case done(Timestamp?)
        /// Failed after the deployment.
        case failing(Timestamp)
        case skipped
        case open
    }

    package var deployment: Deployment
    package var deployments: [Deployment]
    /// One per item of `Checklist.phases`, phase by phase.
    package var outcomes: [Outcome]

    package init(deployment: Deployment, deployments: [Deployment], outcomes: [Outcome]) {
        self.deployment = deployment
        self.deployments = deployments
        self.outcomes = outcomes
    }

    /// The facts of a report's phase items; nil without a deployment or without phases (no per-item work then).
    package init?(checklist: Checklist, items: [ItemReport], deployments: [Deployment]) {
        guard !checklist.phases.isEmpty,
              let effective = Deployment.effective(deployments)
        else { return nil }
        deployment = effective
        self.deployments = deployments
        outcomes = checklist.phases.flatMap { phase in
            phase.items.map { position -> Outcome in
                guard position < items.count else { return .open }
                let item = items[position]
                switch item.state {
                case .pass, .done, .waived: return .done(item.state == .pass ? item.decidedBy?.observedAt : nil)
                case .skip: return .skipped
                case .fail:
                    if let at = item.decidedBy?.observedAt, at >= effective.at { return .failing(at) }
                    return .open
                case .warn, .pending: return .open
                }
            }
        }
    }

    /// The phases as of `asOf`.
    package func evaluate(_ checklist: Checklist, asOf: Timestamp) -> PostDeployment {
        var offset = 0
        var overdue = 0
        var allDone = true
        let start = deployment.at.seconds
        let phases = checklist.phases.map { phase -> PhaseReport in
            let due = Timestamp(seconds: start + phase.window.seconds)
            var counts: [String: Int] = [:]
            var latestDone = start
            var items: [PhaseItemReport] = []
            for position in phase.items {
                let outcome = offset < outcomes.count ? outcomes[offset] : .open
                offset += 1
                let item = checklist.items[position]
                var report = PhaseItemReport(id: item.id, text: item.text, state: .open, due: due)
                switch outcome {
                case .done(let at):
                    report.doneAt = at
                    if let at, at > due {
                        report.state = .doneLate
                        report.seconds = at.seconds - due.seconds
                    } else {
                        report.state = .doneInTime
                    }
                    latestDone = max(latestDone, at?.seconds ?? start)
                case .skipped:
                    report.state = .skipped
                case .failing(let at):
                    report.state = .failing
                    report.failedAt = at
                    if asOf > due { overdue += 1 }
                case .open:
                    if asOf > due {
                        report.state = .overdue
                        report.seconds = asOf.seconds - due.seconds
                        overdue += 1
                    } else {
                        report.seconds = due.seconds - asOf.seconds
                    }
                }
                counts[report.state.rawValue, default: 0] += 1
                items.append(report)
            }
            let complete = (counts[PhaseItemState.open.rawValue] ?? 0) + (counts[PhaseItemState.overdue.rawValue] ?? 0)
                + (counts[PhaseItemState.failing.rawValue] ?? 0) == 0
            if !complete { allDone = false }
            let completedAt = complete ? Timestamp(seconds: latestDone) : nil
            // Stable: document order within each state.
            let ordered = items.enumerated().sorted { ($0.element.state.rank, $0.offset) < ($1.element.state.rank, $1.offset) }.map(\.element)
            return PhaseReport(title: phase.title, section: checklist.sections[phase.section].id, window: phase.window.text, due: due,
                               counts: counts, completedAt: completedAt, secondsToComplete: completedAt.map { $0.seconds - start },
                               items: ordered)
        }
        let status: PostDeploymentStatus = allDone ? .complete : overdue > 0 ? .overdue : .onTrack
        return PostDeployment(deployment: deployment, deployments: deployments, asOf: allDone ? nil : asOf, status: status, overdue: overdue,
                              phases: phases)
    }

    /// Whether every phase item is done or skipped: then no page depends on the reference time.
    package var isComplete: Bool {
        !outcomes.contains { if case .open = $0 { return true }; if case .failing = $0 { return true }; return false }
    }
}
