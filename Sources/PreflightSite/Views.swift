#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Small view values shared by several pages.

/// A verdict as a word, an icon and a CSS class: never colour alone.
struct VerdictView: ViewModel {
    var word: String
    var icon: String
    var css: String
    var reasons: [ReasonView]
    /// "and 43 more reasons" when `limit` cut the list: a checklist with 55 pending items would
    /// otherwise open its page (or fill its card) with 55 lines before the first figure.
    var moreReasons: String?

    init(_ verdict: Verdict, reasons: [VerdictReason] = [], anchorPrefix: String = "", limit: Int = .max) {
        word = verdict.rawValue.uppercased()
        css = verdict.rawValue
        switch verdict {
        case .go: icon = "✔"
        case .noGo: icon = "✖"
        case .pending: icon = "◷"
        }
        self.reasons = reasons.prefix(limit).map {
            ReasonView(item: $0.item, href: $0.item.isEmpty ? nil : anchorPrefix + "#" + Anchor.item($0.item), why: $0.why)
        }
        moreReasons = reasons.count > limit ? "and " + ReportFormatter.count(reasons.count - limit, "more reason") : nil
    }
}

extension VerdictView {
    /// Reasons shown before "and N more": on a run page, trend page or sheet (the seed's longest
    /// list, ten, fits a two-page sheet whole), and on a dashboard card.
    static let pageReasonLimit = 12
    static let cardReasonLimit = 5
}

struct ReasonView: ViewModel {
    var item: String
    var href: String?
    var why: String
}

/// An item state as word, icon and class.
struct StateView: ViewModel, Hashable {
    var word: String
    var icon: String
    var css: String

    init(_ state: ItemState) {
        css = state.rawValue
        word = state.rawValue
        switch state {
        case .pass: icon = "✔"
        case .fail: icon = "✖"
        case .warn: icon = "▲"
        case .skip: icon = "⊘"
        case .waived: icon = "⚑"
        case .done: icon = "☑"
        case .pending: icon = "○"
        }
    }
}

/// A labelled count, e.g. "fail 3".
struct CountView: ViewModel {
    var state: StateView
    var count: Int
}

/// A link that may be missing (first or last run).
struct LinkView: ViewModel, Hashable {
    var href: String
    var text: String
}

/// Evidence: a link when the URL is http(s), plain text otherwise.
struct EvidenceView: ViewModel, Hashable {
    var label: String
    var href: String?
    var text: String

    init(label: String, href: String?, text: String) {
        self.label = label
        self.href = href
        self.text = text
    }

    init(_ evidence: Evidence) {
        label = evidence.label
        href = SafeURL.isWebLink(evidence.url) ? evidence.url : nil
        text = evidence.url
    }
}

/// Anchors used in page links; item ids contain slashes, anchors use hyphens and dots.
enum Anchor {
    static func item(_ id: String) -> String { "item-" + hyphenated(id) }
    static func section(_ id: String) -> String { "section-" + hyphenated(id) }

    /// `a/b` → `a--b`, byte by byte (Foundation's replacing was a visible cost per item and run).
    private static func hyphenated(_ id: String) -> String {
        guard id.utf8.contains(0x2F) else { return id }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(id.utf8.count + 8)
        for byte in id.utf8 {
            if byte == 0x2F { bytes += [0x2D, 0x2D] } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

enum SafeURL {
    /// Only http and https URLs become links; `javascript:`, `data:`, `file:` and the rest stay text.
    static func isWebLink(_ url: String) -> Bool {
        // On bytes: every evidence link of every run passes here.
        let bytes = url.utf8
        func startsWith(_ scheme: String) -> Bool {
            bytes.count >= scheme.utf8.count && zip(bytes, scheme.utf8).allSatisfy { $0 == $1 || ($1 >= 0x61 && $1 <= 0x7A && $0 == $1 - 0x20) }
        }
        return (startsWith("https://") || startsWith("http://")) && !bytes.contains(0x20) && !bytes.contains(0x0A)
    }
}

/// "82%" and the value for a <meter>.
struct PercentView: ViewModel {
    var text: String
    var value: String

    init(text: String, value: String) {
        self.text = text
        self.value = value
    }

    init(_ fraction: Double?) {
        text = ReportFormatter.percent(fraction)
        value = fraction.map(Self.meterValue) ?? "0"
    }

    /// `%.3f` through C's formatter directly: Foundation's String(format:) costs microseconds,
    /// and every section of every run shows one.
    static func meterValue(_ fraction: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = Int(withVaList([fraction]) { vsnprintf(buffer.baseAddress!, 64, "%.3f", $0) })
            let text = UnsafeRawBufferPointer(start: buffer.baseAddress!, count: max(0, min(count, 63)))
            // A decimal comma (the process locale) would differ from build to build: always a point.
            return String(decoding: text.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
        }
    }
}

/// One input problem, with its severity as a word and a CSS class, so warnings do not look like errors.
struct ProblemView: ViewModel, Hashable {
    var text: String
    var severity: String

    init(_ diagnostic: Diagnostic) {
        text = diagnostic.description
        severity = diagnostic.severity.rawValue
    }
}
