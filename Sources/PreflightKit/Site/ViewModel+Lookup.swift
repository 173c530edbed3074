import Mustache

/// Explicit lookups for the view models rendered many times per page: Mirror-based lookup
/// costs microseconds per variable, a switch costs nanoseconds. Tests render every template,
/// so a property missing here shows up as a template error.

extension ChangeView {
    public func child(named name: String) -> Any? {
        switch name {
        case "href": return self.href
        case "id": return self.id
        case "text": return self.text
        case "from": return self.from
        case "to": return self.to
        default: return nil
        }
    }
}

extension ChangesView {
    public func child(named name: String) -> Any? {
        switch name {
        case "previous": return Lookup.optional(self.previous)
        case "newlyFailing": return self.newlyFailing
        case "fixed": return self.fixed
        case "newBlockers": return self.newBlockers
        case "none": return self.none
        default: return nil
        }
    }
}

extension CountView {
    public func child(named name: String) -> Any? {
        switch name {
        case "state": return self.state
        case "count": return self.count
        default: return nil
        }
    }
}

extension CriterionRowView {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": return self.text
        case "status": return self.status
        case "css": return self.css
        default: return nil
        }
    }
}

extension EvidenceView {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": return self.label
        case "href": return Lookup.optional(self.href)
        case "text": return self.text
        default: return nil
        }
    }
}

extension ItemView {
    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": return self.anchor
        case "id": return self.id
        case "labelHTML": return self.labelHTML
        case "noteHTML": return Lookup.optional(self.noteHTML)
        case "depth": return self.depth
        case "passing": return self.passing
        case "state": return self.state
        case "criterion": return Lookup.optional(self.criterion)
        case "summary": return Lookup.optional(self.summary)
        case "details": return Lookup.optional(self.details)
        case "probe": return Lookup.optional(self.probe)
        case "observed": return Lookup.optional(self.observed)
        case "evidence": return self.evidence
        case "carriedFrom": return Lookup.optional(self.carriedFrom)
        case "expired": return Lookup.optional(self.expired)
        case "waiver": return Lookup.optional(self.waiver)
        case "expiredWaiver": return Lookup.optional(self.expiredWaiver)
        case "otherResults": return self.otherResults
        default: return nil
        }
    }
}

extension LinkView {
    public func child(named name: String) -> Any? {
        switch name {
        case "href": return self.href
        case "text": return self.text
        default: return nil
        }
    }
}

extension PercentView {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": return self.text
        case "value": return self.value
        default: return nil
        }
    }
}

extension ReasonView {
    public func child(named name: String) -> Any? {
        switch name {
        case "item": return self.item
        case "href": return Lookup.optional(self.href)
        case "why": return self.why
        default: return nil
        }
    }
}

extension ResultLineView {
    public func child(named name: String) -> Any? {
        switch name {
        case "state": return self.state
        case "text": return self.text
        default: return nil
        }
    }
}

extension RunPage {
    public func child(named name: String) -> Any? {
        switch name {
        case "root": return self.root
        case "pageTitle": return self.pageTitle
        case "checklistTitle": return self.checklistTitle
        case "runID": return self.runID
        case "environment": return self.environment
        case "runTitle": return Lookup.optional(self.runTitle)
        case "started": return self.started
        case "commit": return Lookup.optional(self.commit)
        case "branch": return Lookup.optional(self.branch)
        case "trigger": return Lookup.optional(self.trigger)
        case "ci": return Lookup.optional(self.ci)
        case "verdict": return self.verdict
        case "readiness": return self.readiness
        case "counts": return self.counts
        case "sectionSummaries": return self.sectionSummaries
        case "sections": return self.sections
        case "signoffs": return self.signoffs
        case "problems": return self.problems
        case "changes": return self.changes
        case "previous": return Lookup.optional(self.previous)
        case "next": return Lookup.optional(self.next)
        case "trendHref": return self.trendHref
        case "digest": return self.digest
        default: return nil
        }
    }
}

extension SectionSummaryView {
    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": return self.anchor
        case "title": return self.title
        case "indent": return self.indent
        case "readiness": return self.readiness
        case "passing": return self.passing
        case "applicable": return self.applicable
        default: return nil
        }
    }
}

extension SectionView {
    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": return self.anchor
        case "title": return self.title
        case "heading": return self.heading
        case "readiness": return Lookup.optional(self.readiness)
        case "notesHTML": return Lookup.optional(self.notesHTML)
        case "items": return self.items
        default: return nil
        }
    }
}

extension SignoffPage {
    public func child(named name: String) -> Any? {
        switch name {
        case "root": return self.root
        case "pageTitle": return self.pageTitle
        case "checklistTitle": return self.checklistTitle
        case "environment": return self.environment
        case "runID": return self.runID
        case "commit": return Lookup.optional(self.commit)
        case "started": return self.started
        case "verdict": return self.verdict
        case "readiness": return self.readiness
        case "goCriteria": return self.goCriteria
        case "noGoCriteria": return self.noGoCriteria
        case "sections": return self.sections
        case "blockers": return self.blockers
        case "failing": return self.failing
        case "moreFailing": return Lookup.optional(self.moreFailing)
        case "signoffs": return self.signoffs
        case "digest": return self.digest
        case "version": return self.version
        case "paper": return self.paper
        case "otherPaper": return self.otherPaper
        case "runHref": return self.runHref
        default: return nil
        }
    }
}

extension SignoffRowView {
    public func child(named name: String) -> Any? {
        switch name {
        case "role": return self.role
        case "anchor": return self.anchor
        case "name": return Lookup.optional(self.name)
        case "decision": return Lookup.optional(self.decision)
        case "decisionCSS": return self.decisionCSS
        case "date": return Lookup.optional(self.date)
        case "comment": return Lookup.optional(self.comment)
        default: return nil
        }
    }
}

extension StateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "word": return self.word
        case "icon": return self.icon
        case "css": return self.css
        default: return nil
        }
    }
}

extension VerdictView {
    public func child(named name: String) -> Any? {
        switch name {
        case "word": return self.word
        case "icon": return self.icon
        case "css": return self.css
        case "reasons": return self.reasons
        default: return nil
        }
    }
}

enum Lookup {
    /// A declared property that is nil: empty text and a false section, never "missing".
    static func optional<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? DeclaredNil.value }
}
