import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The site works from any folder (and from file://): its own links are relative and lead to
/// files that exist; only a probe's evidence and CI links leave the site.
@Suite struct LinkTests {
    /// One `href` or `src` with the tag that holds it.
    struct Link {
        var page: String
        var tag: String
        var value: String
    }

    /// Targets of pages other branches add (dashboard, trends, feed). A link to one is allowed
    /// only while the site has none of that kind; once they exist, links must resolve.
    static let pendingTargets = ["feed.xml", "trends/"]

    static func links(in html: String, page: String) -> [Link] {
        var links: [Link] = []
        for tag in html.matches(of: /<[a-zA-Z][a-zA-Z0-9]*\b[^>]*>/) {
            let text = String(tag.0)
            for attribute in text.matches(of: /\s(?:href|src)="([^"]*)"/) {
                links.append(Link(page: page, tag: text, value: String(attribute.1)))
            }
        }
        return links
    }

    static func isAbsolute(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") || lower.hasPrefix("/")
            || lower.firstMatch(of: /^[a-z][a-z0-9+.\-]*:/) != nil
    }

    /// Decodes the few entities the templates' escaping produces in URLs.
    static func unescape(_ value: String) -> String {
        value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"")
    }

    @Test func theLinkScannerSeesAttributes() {
        let links = Self.links(in: "<p><a class=\"x\" href=\"a.html#b\">A</a><img src=\"i.svg\" alt=\"\"><link rel=\"icon\" href=\"/abs\"></p>", page: "p")
        #expect(links.map(\.value) == ["a.html#b", "i.svg", "/abs"])
        #expect(Self.isAbsolute("/abs") && Self.isAbsolute("//cdn") && Self.isAbsolute("HTTPS://x") && Self.isAbsolute("mailto:a"))
        #expect(!Self.isAbsolute("../../index.html") && !Self.isAbsolute("#item-a"))
    }

    @Test func onlyProbeLinksLeaveTheSite() throws {
        let site = try SiteFixture.exampleSite()
        var external = 0
        for page in SiteFixture.htmlPages(site.path) {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            // An id used twice makes links and aria-labelledby land on the wrong element.
            let all = html.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
            #expect(all.count == Set(all).count, "\(page): duplicate ids \(Set(all.filter { id in all.filter { $0 == id }.count > 1 }))")
            for link in Self.links(in: html, page: page) where Self.isAbsolute(link.value) {
                let allowed = link.tag.hasPrefix("<a ") && link.tag.contains("rel=\"noopener noreferrer\"")
                    && (link.value.hasPrefix("https://") || link.value.hasPrefix("http://"))
                #expect(allowed, "\(page): \(link.tag)")
                external += 1
            }
        }
        // The example runs carry CI and evidence links, so the rule above was exercised.
        #expect(external > 100)
    }

    @Test func everyRelativeLinkLeadsToAFileAndAnchor() throws {
        #expect(try Self.checkLinks(try SiteFixture.exampleSite()) > 1000)
    }

    /// Issue 14: the fleet matrix, service pages and a service's run, trend and sheet pages.
    @Test func everyLinkOfAFleetSiteLeadsToAFileAndAnchor() throws {
        let dir = try FleetTests.archive()
        let site = try FleetTests.build(dir)
        #expect(try Self.checkLinks(URL(fileURLWithPath: site)) > 300)
    }

    /// Checks every relative link of every page of `site`; returns how many it checked.
    static func checkLinks(_ site: URL) throws -> Int {
        let files = Set(SiteFixture.tree(site.path).keys)
        var ids: [String: Set<String>] = [:]
        func anchors(_ path: String) throws -> Set<String> {
            if let known = ids[path] { return known }
            let html = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            let found = Set(html.matches(of: /\sid="([^"]*)"/).map { String($0.1) })
            ids[path] = found
            return found
        }
        var checked = 0
        for page in SiteFixture.htmlPages(site.path) {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            // An id used twice makes links and aria-labelledby land on the wrong element.
            let all = html.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
            #expect(all.count == Set(all).count, "\(page): duplicate ids \(Set(all.filter { id in all.filter { $0 == id }.count > 1 }))")
            for link in Self.links(in: html, page: page) where !Self.isAbsolute(link.value) {
                let value = Self.unescape(link.value)
                let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                let target: String
                if file.isEmpty {
                    target = page
                } else {
                    let base = URL(fileURLWithPath: "/site/" + page).deletingLastPathComponent()
                    let resolved = URL(fileURLWithPath: file, relativeTo: base).standardizedFileURL.path
                    guard resolved.hasPrefix("/site/") else {
                        Issue.record("\(page): \(link.value) leaves the site")
                        continue
                    }
                    target = String(resolved.dropFirst("/site/".count))
                }
                if !files.contains(target) {
                    if let prefix = Self.pendingTargets.first(where: { target.hasPrefix($0) }),
                       !files.contains(where: { $0.hasPrefix(prefix) }) { continue }
                    Issue.record("\(page): \(link.value) → \(target) does not exist")
                    continue
                }
                if let fragment, target.hasSuffix(".html") {
                    #expect(try anchors(target).contains(fragment), "\(page): \(link.value) → no id \(fragment) in \(target)")
                }
                checked += 1
            }
        }
        return checked
    }

    @Test func everyPageHasAStrictContentSecurityPolicy() throws {
        let site = try SiteFixture.exampleSite()
        let pages = SiteFixture.htmlPages(site.path)
        #expect(pages.count >= 18 * 2 + 1)
        for page in pages {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            let match = html.firstMatch(of: /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)
            let policy = try #require(match.map { String($0.1) }, "\(page) has no CSP meta tag")
            #expect(policy.contains("script-src 'self'"), "\(page)")
            #expect(policy.contains("default-src 'none'"), "\(page)")
            #expect(!policy.contains("unsafe-inline"), "\(page)")
            #expect(!policy.contains("unsafe-eval"), "\(page)")
        }
    }
}
