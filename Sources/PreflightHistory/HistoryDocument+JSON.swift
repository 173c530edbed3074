import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// history.json written key by key in sorted order: the same bytes as the canonical Codable
/// encoding (a test holds them together). A long stream's item states are most of the build
/// time of a small rebuild otherwise.
extension HistoryDocument {
    package func canonicalJSON() -> [UInt8] {
        var json = JSONBuilder(capacity: 1 << 20)
        json.beginObject()
        json.key("checklist"); json.string(checklist)
        json.key("environment"); json.string(environment)
        json.key("flaky")
        json.array(flaky) { item, json in
            json.beginObject()
            json.key("flips"); json.int(item.flips)
            json.key("id"); json.string(item.id)
            json.key("runs"); json.int(item.runs)
            json.endObject()
        }
        if let format { json.key("format"); json.int(format) }
        json.key("items")
        json.beginObject()
        for id in items.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            json.key(id)
            json.string(Self.letters(items[id] ?? []))
        }
        json.endObject()
        json.key("long_failing")
        json.array(longFailing) { item, json in
            json.beginObject()
            json.key("days"); json.double(item.days)
            json.key("id"); json.string(item.id)
            json.key("runs"); json.int(item.runs)
            json.key("since"); json.string(item.since.text)
            json.key("since_run"); json.string(item.sinceRun)
            json.key("state"); json.string(item.state.rawValue)
            json.endObject()
        }
        json.key("points")
        json.array(points) { point, json in
            json.beginObject()
            json.key("counts"); json.intMap(point.counts)
            json.key("readiness"); json.double(point.readiness)
            json.key("run"); json.string(point.run)
            json.key("sections")
            json.beginObject()
            for id in point.sections.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                json.key(id)
                json.double(point.sections[id] ?? 0)
            }
            json.endObject()
            json.key("started_at"); json.string(point.startedAt.text)
            json.key("verdict"); json.string(point.verdict.rawValue)
            json.endObject()
        }
        json.key("time_to_green")
        json.array(timeToGreen) { span, json in
            json.beginObject()
            json.key("after_go"); json.bool(span.afterGo)
            json.key("days"); json.double(span.days)
            json.key("from_run"); json.string(span.fromRun)
            json.key("run"); json.string(span.run)
            json.key("runs"); json.int(span.runs)
            json.key("started_at"); json.string(span.startedAt.text)
            json.endObject()
        }
        json.key("title"); json.string(title)
        json.endObject()
        return json.bytes + [0x0A]
    }
}
