import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite

/// Issue 16's hostile-input proof that stays: every payload of Tests/Fixtures/xss/payloads.json
/// (146 of them) goes through every field a user controls: run.json (environment, title, commit,
/// branch, CI URL, trigger, labels, owner, an invalid service), results (item reference, status,
/// summary, details, probe, evidence labels and URLs, attachment names, an unknown field's key),
/// waivers, sign-offs (role, name, comment), and the checklist (headings, labels, notes, inline
/// code, code blocks, quotes, the site title). No HTML, SVG or XML output of the full build may
/// carry live markup, a handler or a dangerous scheme, and every XML and SVG file must parse.
@Suite struct XSSCorpusTests {
    static let payloads: [String] = {
        let url = URL(fileURLWithPath: SiteFixture.root("Tests/Fixtures/xss/payloads.json"))
        return (try? JSONDecoder().decode([String].self, from: Data(contentsOf: url))) ?? []
    }()

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The payload on one line, for headings and labels.
    static func line(_ payload: String) -> String {
        payload.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// A checklist holding a NUL is refused whole (a binary file), so the checklist gets payloads without it.
    static func checklist() -> String {
        var text = "# XSS corpus \(line(payloads[0]))\n\n"
        for (index, payload) in payloads.map({ $0.replacingOccurrences(of: "\u{0}", with: "") }).enumerated() {
            let one = line(payload)
            let fence = String(repeating: "~", count: 12)
            text += """
                ## Section \(index) \(one)

                \(payload)

                Inline ``` \(one) ``` code.

                \(fence)
                \(payload)
                \(fence)

                - [ ] Item \(index) \(one) {#x\(index)}

                  Note \(one)

                  > Quote \(one)


                """
        }
        text += """
            ## Go/No-Go Decision

            ### No-Go Criteria

            - [ ] Blocker \(line(payloads[1])) {#nogo/blocker}

            ## Sign-Off

            - [ ] **Lead**: _________________ Date: _______

            """
        return text
    }

    /// One run per payload; a quarter of them of a service (owner = payload) for the fleet pages.
    static func archive(_ dir: TempDir) throws {
        try dir.write("checklists/xss.md", checklist())
        let n = payloads.count
        for (index, payload) in payloads.enumerated() {
            let id = "xss-\(index)"
            var manifest: [String: Any] = [
                "checklist": "xss", "environment": "\(payload) zq\(index)x",
                "started_at": String(format: "2026-%02d-%02dT%02d:%02d:00Z", 1 + index / 28, 1 + index % 28, index % 24, index % 60),
                "title": payload, "commit": payload, "branch": payload, "url": payload, "trigger": payload, "labels": [payload: payload],
            ]
            if index % 4 == 0 {
                manifest["service"] = "svc\(index % 3)"
                manifest["owner"] = payload
            } else if index % 10 == 1 {
                manifest["service"] = payload  // refused: the run is a problem on the dashboard, quoting it
            }
            try dir.write("runs/\(id)/run.json", try json(manifest))
            let bytes = Data(payload.utf8)
            let digest = ContentKeys.hash(bytes)
            try dir.write("runs/\(id)/attachments/\(digest)", data: bytes)
            let at = "2026-12-01T10:00:00Z"
            let records: [String: Any] = [
                "results": [
                    ["item": "x\(index)", "status": "fail", "summary": payload, "details": payload, "probe": payload, "observed_at": at,
                     "evidence": [["label": payload, "url": payload], ["label": "link", "url": "https://ci.example.com/" + payload]],
                     "attachments": [["name": payload, "sha256": digest, "size": bytes.count], ["name": "\(payload).html", "sha256": digest, "size": bytes.count]]],
                    ["item": "x\((index + 1) % n)", "status": "warn", "summary": payload, payload: 1],
                    ["item": payload, "status": "pass"],
                    ["item": "x\((index + 3) % n)", "status": payload],
                ],
                "waivers": [["item": "x\((index + 2) % n)", "reason": payload, "approved_by": payload, "expires_at": "2099-01-01T00:00:00Z"]],
                "signoffs": [
                    ["role": "Lead", "name": payload, "decision": "reject", "at": at, "comment": payload],
                    ["role": payload, "name": payload, "decision": "approve", "at": at],
                ],
            ]
            try dir.write("runs/\(id)/probe.json", try json(records))
        }
    }

    @Test func noPayloadReachesAnyOutputLive() throws {
        #expect(Self.payloads.count >= 100)
        let dir = try TempDir()
        try Self.archive(dir)
        let output = dir.url("site")
        var options = SiteOptions(content: dir.url("checklists"), runs: dir.url("runs"), templates: SiteFixture.templates,
                                  publicDir: SiteFixture.publicDir, schema: SiteFixture.schema, output: output)
        options.title = Self.line(Self.payloads[2])
        options.feedEntries = Self.payloads.count  // every run's fields in the feed, not only the newest 100
        let summary = try SiteBuilder(options: options).build()
        #expect(summary.runs >= Self.payloads.count * 8 / 10, "most runs have pages: \(summary.runs); \(summary.problems.prefix(3).map(\.description))")

        let files = (FileManager.default.enumerator(atPath: output)?.allObjects as? [String] ?? []).sorted()
        var checked: [String: Int] = [:]
        var problems: [String] = []
        for file in files {
            let ext = (file as NSString).pathExtension.lowercased()
            guard ["html", "svg", "xml"].contains(ext) else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + file))
            checked[ext, default: 0] += 1
            if ext == "html" {
                let html = String(decoding: data, as: UTF8.self)
                for tag in LiveMarkup.tags(html) {
                    if let problem = LiveMarkup.problem(tag) { problems.append("\(file): \(problem)") }
                }
                for fragment in XML.svgFragments(html) {
                    problems += LiveMarkup.xmlProblems(Data(fragment.utf8)).map { "\(file) (inline SVG): \($0)" }
                }
            } else {
                problems += LiveMarkup.xmlProblems(data).map { "\(file): \($0)" }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) problems: \(problems.prefix(10))")
        // A run page and a sign-off sheet per run, and the dashboard, trend and service pages besides.
        #expect((checked["html"] ?? 0) > summary.runs * 2, "\(checked)")
        #expect((checked["svg"] ?? 0) > Self.payloads.count / 2, "\(checked)")
        #expect(checked["xml"] == 1, "\(checked)")
        // The payloads did arrive, as text.
        let page = try String(contentsOfFile: output + "/runs/xss-0/index.html", encoding: .utf8)
        #expect(page.contains("&lt;script&gt;alert(&#39;XSS&#39;)&lt;/script&gt;"))
        for file in ["feed.xml", "index.html", "runs/xss-0/signoff.html", "services/xss/svc0/index.html", "trends/xss/svc0/scriptalertxssscript-zq0x/index.html"] {
            let text = (try? String(contentsOfFile: output + "/" + file, encoding: .utf8)) ?? ""
            #expect(text.contains("&lt;script&gt;"), "\(file) shows the payloads as text")
        }
    }

    /// The checker finds what it is there to find, so the corpus test can fail.
    @Test(arguments: [
        "<img src=x onerror=alert(1)>", "<a href=\"&#106;avascript:alert(1)\">x</a>", "<a href=' JaVa\tScript:x'>x</a>",
        "<script>x</script>", "<p data-x=\"1\" style=\"background:url(javascript:x)\">", "<meta http-equiv=refresh content=0>",
        "<svg><foreignObject></foreignObject></svg>", "<body onload!#$%=alert(1)>", "<a href=data:text/html,x>x</a>",
    ])
    func theCheckerFindsLiveMarkup(html: String) {
        #expect(LiveMarkup.tags(html).contains { LiveMarkup.problem($0) != nil }, "\(html)")
    }

    @Test func theCheckerPassesEscapedText() {
        let html = #"<p class="summary">&lt;img src=x onerror=alert(1)&gt;</p><a href="../runs/x/index.html#item-a">ok</a><a href="https://x">x</a>"#
        #expect(LiveMarkup.tags(html).compactMap(LiveMarkup.problem) == [])
        #expect(LiveMarkup.xmlProblems(Data("<feed><title>&lt;script&gt;</title></feed>".utf8)) == [])
        #expect(LiveMarkup.xmlProblems(Data("<feed><title>\u{FFFE}</title></feed>".utf8)).count == 1)
    }
}
