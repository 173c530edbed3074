import Mustache

/// Explicit lookups for the view models rendered many times per page: Mirror-based lookup
/// costs microseconds per variable, a switch costs nanoseconds. Tests render every template,
/// so a property missing here shows up as a template error.

extension ChangeView {
    public func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "id": return id
        case "text": return text
        case "from": return from
        case "to": return to
        default: return nil
        }
    }
}

extension ChangesView {
    public func child(named name: String) -> Any? {
        switch name {
        case "previous": return Lookup.optional(previous)
        case "newlyFailing": return newlyFailing
        case "fixed": return fixed
        case "newBlockers": return newBlockers
        case "none": return none
        default: return nil
        }
    }
}

extension CountView {
    public func child(named name: String) -> Any? {
        switch name {
        case "state": return state
        case "count": return count
        default: return nil
        }
    }
}

extension CriterionRowView {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "status": return status
        case "css": return css
        default: return nil
        }
    }
}

extension EvidenceView {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return Lookup.optional(href)
        case "text": return text
        default: return nil
        }
    }
}

extension ItemView {
    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "id": return id
        case "labelHTML": return labelHTML
        case "noteHTML": return Lookup.optional(noteHTML)
        case "depth": return depth
        case "passing": return passing
        case "state": return state
        case "criterion": return Lookup.optional(criterion)
        case "summary": return Lookup.optional(summary)
        case "details": return Lookup.optional(details)
        case "probe": return Lookup.optional(probe)
        case "observed": return Lookup.optional(observed)
        case "evidence": return evidence
        case "carriedFrom": return Lookup.optional(carriedFrom)
        case "expired": return Lookup.optional(expired)
        case "waiver": return Lookup.optional(waiver)
        case "expiredWaiver": return Lookup.optional(expiredWaiver)
        case "otherResults": return otherResults
        default: return nil
        }
    }
}

extension LinkView {
    public func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "text": return text
        default: return nil
        }
    }
}

extension PercentView {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "value": return value
        default: return nil
        }
    }
}

extension ReasonView {
    public func child(named name: String) -> Any? {
        switch name {
        case "item": return item
        case "href": return Lookup.optional(href)
        case "why": return why
        default: return nil
        }
    }
}

extension ResultLineView {
    public func child(named name: String) -> Any? {
        switch name {
        case "state": return state
        case "text": return text
        default: return nil
        }
    }
}

extension RunPage {
    public func child(named name: String) -> Any? {
        switch name {
        case "root": return root
        case "pageTitle": return pageTitle
        case "checklistTitle": return checklistTitle
        case "runID": return runID
        case "environment": return environment
        case "runTitle": return Lookup.optional(runTitle)
        case "started": return started
        case "commit": return Lookup.optional(commit)
        case "branch": return Lookup.optional(branch)
        case "trigger": return Lookup.optional(trigger)
        case "ci": return Lookup.optional(ci)
        case "verdict": return verdict
        case "readiness": return readiness
        case "counts": return counts
        case "sectionSummaries": return sectionSummaries
        case "sections": return sections
        case "signoffs": return signoffs
        case "problems": return problems
        case "changes": return changes
        case "previous": return Lookup.optional(previous)
        case "next": return Lookup.optional(next)
        case "trendHref": return trendHref
        case "digest": return digest
        default: return nil
        }
    }
}

extension SectionSummaryView {
    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "title": return title
        case "indent": return indent
        case "readiness": return readiness
        case "passing": return passing
        case "applicable": return applicable
        default: return nil
        }
    }
}

extension SectionView {
    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "title": return title
        case "heading": return heading
        case "readiness": return Lookup.optional(readiness)
        case "notesHTML": return Lookup.optional(notesHTML)
        case "items": return items
        default: return nil
        }
    }
}

extension SignoffPage {
    public func child(named name: String) -> Any? {
        switch name {
        case "root": return root
        case "pageTitle": return pageTitle
        case "checklistTitle": return checklistTitle
        case "environment": return environment
        case "runID": return runID
        case "commit": return Lookup.optional(commit)
        case "started": return started
        case "verdict": return verdict
        case "readiness": return readiness
        case "goCriteria": return goCriteria
        case "noGoCriteria": return noGoCriteria
        case "sections": return sections
        case "blockers": return blockers
        case "failing": return failing
        case "moreFailing": return Lookup.optional(moreFailing)
        case "signoffs": return signoffs
        case "digest": return digest
        case "version": return version
        case "paper": return paper
        case "otherPaper": return otherPaper
        case "runHref": return runHref
        default: return nil
        }
    }
}

extension SignoffRowView {
    public func child(named name: String) -> Any? {
        switch name {
        case "role": return role
        case "anchor": return anchor
        case "name": return Lookup.optional(name)
        case "decision": return Lookup.optional(decision)
        case "decisionCSS": return decisionCSS
        case "date": return Lookup.optional(date)
        case "comment": return Lookup.optional(comment)
        default: return nil
        }
    }
}

extension StateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "word": return word
        case "icon": return icon
        case "css": return css
        default: return nil
        }
    }
}

extension VerdictView {
    public func child(named name: String) -> Any? {
        switch name {
        case "word": return word
        case "icon": return icon
        case "css": return css
        case "reasons": return reasons
        default: return nil
        }
    }
}

enum Lookup {
    /// A declared property that is nil: empty text and a false section, never "missing".
    static func optional<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? DeclaredNil.value }
}
