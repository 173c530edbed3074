import Testing
@testable import PreflightSupport
@testable import PreflightChecklist

/// Checklist Markdown renders as GitHub shows it: bare URLs are links, images are links to the
/// image, raw HTML keeps its words and never its tags.
@Suite struct MarkdownRenderingTests {
    static func html(_ markdown: String) -> String { CommonMark.renderHTML(markdown) }

    static func links(_ text: String) -> [String] {
        Autolink.matches(in: text).map { match in
            let bytes = Array(text.utf8)[match.range]
            return String(decoding: bytes, as: UTF8.self) + " -> " + match.href
        }
    }

    // MARK: Bare URLs

    @Test func bareURLsBecomeLinksAndTheTextStaysTheSame() {
        #expect(Self.html("See https://example.com/a?b=1 and HTTP://x.org.") == """
            <p>See <a href="https://example.com/a?b=1">https://example.com/a?b=1</a> and \
            <a href="HTTP://x.org">HTTP://x.org</a>.</p>\n
            """)
        #expect(Self.html("Visit www.example.com/docs, then") == """
            <p>Visit <a href="http://www.example.com/docs">www.example.com/docs</a>, then</p>\n
            """)
    }

    @Test func trailingPunctuationIsNotPartOfTheLink() {
        for tail in ["?", "!", ".", ",", ":", "*", "_", "~", "'", "\"", "...", "?!"] {
            #expect(Self.links("go to https://a.example/x\(tail) now") == ["https://a.example/x -> https://a.example/x"], "\(tail)")
        }
        #expect(Self.links("https://a.example/x?y=1") == ["https://a.example/x?y=1 -> https://a.example/x?y=1"])
    }

    @Test func anUnbalancedClosingParenthesisIsLeftOut() {
        #expect(Self.links("(see https://en.wikipedia.org/wiki/Foo_(bar))") ==
            ["https://en.wikipedia.org/wiki/Foo_(bar) -> https://en.wikipedia.org/wiki/Foo_(bar)"])
        #expect(Self.links("(www.example.com/a)") == ["www.example.com/a -> http://www.example.com/a"])
        #expect(Self.links("https://x.example/a)") == ["https://x.example/a -> https://x.example/a"])
    }

    @Test func anEntityLikeTailAndASemicolonAreLeftOut() {
        #expect(Self.links("https://x.example/?a=1&hl;") == ["https://x.example/?a=1 -> https://x.example/?a=1"])
        #expect(Self.links("https://x.example/a; next") == ["https://x.example/a -> https://x.example/a"])
        // In Markdown `&amp;` is already `&` in the text: the link keeps it, escaped once.
        #expect(Self.html("https://x.example/?a=1&amp;b=2") ==
            "<p><a href=\"https://x.example/?a=1&amp;b=2\">https://x.example/?a=1&amp;b=2</a></p>\n")
    }

    @Test func onlyWebLinksWhereGitHubFindsThem() {
        #expect(Self.links("mail a@b.example or ftp://files.example or mailto:x@y.example").isEmpty)
        #expect(Self.links("xhttp://a.example foowww.a.example http:// https://").isEmpty)
        #expect(Self.links("www.example.a_b.com www.example.c_m").isEmpty)
        #expect(Self.links("www.a_b.example.com") == ["www.a_b.example.com -> http://www.a_b.example.com"])
        #expect(Self.links("*www.a.example* (www.b.example)") ==
            ["www.a.example -> http://www.a.example", "www.b.example -> http://www.b.example"])
        #expect(Self.links("https://a.example<b") == ["https://a.example -> https://a.example"])
        #expect(Self.links("naïve https://ü.example/é done") == ["https://ü.example/é -> https://ü.example/é"])
    }

    @Test func neverInsideLinksCodeOrHTML() {
        let rendered = Self.html("""
            [https://a.example](https://b.example) <https://c.example> `https://d.example`

                https://e.example

            <div>https://f.example</div>
            """)
        #expect(rendered.components(separatedBy: "<a ").count - 1 == 2)
        #expect(rendered.contains("<code>https://d.example</code>"))
        #expect(rendered.contains("<pre><code>https://e.example\n</code></pre>"))
        #expect(rendered.contains("<p>https://f.example</p>"))
    }

    @Test func aLabelWithURLsKeepsItsTextItsBoxAndItsId() {
        let parsed = Fixture.parse("""
            # T
            - [ ] https://status.example.com answers
            - [ ] Check www.example.com daily {#daily}
            """)
        let items = parsed.checklist.items
        #expect(items.map(\.text) == ["https://status.example.com answers", "Check www.example.com daily"])
        #expect(items.map(\.id) == ["answers", "daily"])
        #expect(items[0].html == "<a href=\"https://status.example.com\">https://status.example.com</a> answers")
        #expect(items[1].html == "Check <a href=\"http://www.example.com\">www.example.com</a> daily")
    }

    @Test func notesAndPlainListsAreRewrittenToo() throws {
        let parsed = Fixture.parse("""
            # T

            See https://a.example <b>now</b>.

            * plain ![shot](s.png) www.b.example

            - [ ] Item

              Note https://c.example <i>x</i> ![](d/e.png)

              <details><summary>More</summary>

              - nested https://f.example
            """)
        let root = parsed.checklist.sections[0].notesHTML
        #expect(root == """
            <p>See <a href="https://a.example">https://a.example</a> now.</p>
            <ul>
            <li>plain <a href="s.png" class="image-link">shot</a> <a href="http://www.b.example">www.b.example</a></li>
            </ul>\n
            """)
        let item = try #require(parsed.checklist.items.first)
        #expect(item.noteHTML == """
            <p>Note <a href="https://c.example">https://c.example</a> x <a href="d/e.png" class="image-link">e.png</a></p>
            <p>More</p>
            <ul>
            <li>nested <a href="https://f.example">https://f.example</a></li>
            </ul>\n
            """)
        #expect(item.note == "Note https://c.example x \nMore\n- nested https://f.example")
    }

    // MARK: Images

    @Test func anImageIsALinkToItWithItsAltText() {
        let rendered = Self.html("![Architecture *diagram*](docs/arch.png \"The \\\"arch\\\"\")")
        #expect(rendered == """
            <p><a href="docs/arch.png" class="image-link" title="The &quot;arch&quot;">Architecture diagram</a></p>\n
            """)
        #expect(!Self.html("![a](b.png) ![](c.gif)").contains("<img"))
    }

    @Test func anImageWithoutAltTextIsNamedByItsFile() {
        #expect(Self.html("![](https://x.example/img/flow%20chart.png?raw=1#top)").contains(">flow chart.png</a>"))
        #expect(Self.html("![](https://x.example/)").contains(">x.example</a>"))
        #expect(Self.html("![]()") == "<p><a href=\"\" class=\"image-link\">image</a></p>\n")
        #expect(Self.html("![](data:image/png;base64,AAAA)").contains(">image</a>"))
    }

    /// Only http(s), mailto and relative links keep their URL: cmark's own check let
    /// `feed:javascript:…` through.
    @Test(arguments: [
        ("[x](feed:javascript:alert(1))", ""), ("<feed:javascript:alert(1)>", ""), ("[x](JAVASCRIPT:alert(1))", ""),
        ("[x](vbscript:x)", ""), ("[x](data:text/html,x)", ""), ("[x](ftp://files.example/a)", ""),
        ("![x](feed:javascript:alert(1))", ""), ("![x](data:image/png;base64,AAAA)", ""),
        ("[x](https://a.example/b)", "https://a.example/b"), ("[x](HTTP://a.example/)", "HTTP://a.example/"),
        ("[x](mailto:ops@a.example)", "mailto:ops@a.example"), ("[x](docs/run.md#top)", "docs/run.md#top"),
        ("[x](#section)", "#section"), ("[x](./a:b)", "./a:b"), ("[x](/abs/path)", "/abs/path"),
    ])
    func linkSchemesComeFromAShortList(_ markdown: String, _ href: String) {
        let rendered = Self.html(markdown)
        #expect(rendered.contains("href=\"\(href)\""), "\(rendered)")
    }

    @Test func anImageHrefIsAsSafeAsCmarksOwn() {
        #expect(Self.html("![x](javascript:alert(1))") == "<p><a href=\"\" class=\"image-link\">x</a></p>\n")
        #expect(Self.html("![x](<a b'c&d\"e.png>)").contains("href=\"a%20b&#x27;c&amp;d%22e.png\""))
        #expect(Self.html("![<b>x</b> & y](x.png)").contains(">x &amp; y</a>"))
        // The same URL as a plain link: the two renderers agree.
        let url = "<a b'c&d\"e[f]é.png>"
        let link = Self.html("[x](\(url))")
        let image = Self.html("![x](\(url))")
        #expect(link.replacingOccurrences(of: "\">x", with: "\" class=\"image-link\">x") == image)
    }

    @Test func anImageInALinkOrInAnotherImageLeavesOnlyText() {
        #expect(Self.html("[![build](badge.svg)](https://ci.example)") == "<p><a href=\"https://ci.example\">build</a></p>\n")
        #expect(Self.html("[![](badge.svg)](https://ci.example)") == "<p><a href=\"https://ci.example\">badge.svg</a></p>\n")
        #expect(Self.html("![outer ![inner](i.png)](o.png)") == "<p><a href=\"o.png\" class=\"image-link\">outer inner</a></p>\n")
    }

    @Test func madeUpImageTextIsNotPartOfAnItemsTextOrId() {
        let parsed = Fixture.parse("""
            # T
            - [ ] Dashboard ![](shots/board.png) green
            - [ ] Logo ![the logo](logo.png) shown
            """)
        let items = parsed.checklist.items
        #expect(items.map(\.text) == ["Dashboard  green", "Logo the logo shown"])
        #expect(items.map(\.id) == ["dashboard-green", "logo-the-logo-shown"])
        #expect(items[0].html == "Dashboard <a href=\"shots/board.png\" class=\"image-link\">board.png</a> green")
    }

    // MARK: Raw HTML

    @Test func inlineHTMLRendersAsNothingButItsTextStays() {
        #expect(Self.html("a <b>bold</b> <span class=\"x\">c</span>") == "<p>a bold c</p>\n")
        #expect(!Self.html("x <!-- note --> y <br/>").contains("omitted"))
    }

    @Test func anHTMLBlockIsAParagraphOfItsWords() {
        #expect(Self.html("<details><summary>More</summary>\n\nBody\n\n</details>") == "<p>More</p>\n<p>Body</p>\n")
        #expect(Self.html("<p>Fish &amp; chips &lt;3 &copy; &#x41;&#66; &bogus; &#0;</p>") ==
            "<p>Fish &amp; chips &lt;3 © AB &amp;bogus; \u{FFFD}</p>\n")
        #expect(Self.html("<table><tr><td>a</td><td>b</td></tr></table>") == "<p>a b</p>\n")
        #expect(Self.html("<div title=\"x > y\">\n  one\n  two\n</div>") == "<p>one two</p>\n")
        for hidden in ["<!-- hidden -->", "<script>alert('<b>x</b>')</script>", "<style>p { color: red }</style>", "<div>", "<?php echo 1; ?>"] {
            #expect(Self.html(hidden) == "", "\(hidden)")
        }
    }

    @Test func visibleTextOfHTML() {
        #expect(HTMLText.visibleText(of: "<a href='x>y'>go</a>&nbsp;on") == "go\u{A0}on")
        #expect(HTMLText.visibleText(of: "1 < 2 & 3 <= 4") == "1 < 2 & 3 <= 4")
        #expect(HTMLText.visibleText(of: "<SCRIPT>x</Script>after <b") == "after")
        #expect(HTMLText.visibleText(of: "&#x110000; &#xD800; &#12345678;") == "\u{FFFD} \u{FFFD} &#12345678;")
    }

    @Test func anHTMLBlockIsANoteAndNeverATask() {
        let parsed = Fixture.parse("""
            # T

            <p align="center">Read <b>me</b></p>

            - <div>[ ] not a task</div>
            - [ ] real
            """)
        #expect(parsed.checklist.items.map(\.text) == ["real"])
        #expect(parsed.checklist.sections[0].notesHTML == "<p>Read me</p>\n")
        let blocks = CommonMark.parse("x\n\n<p>y</p>\n")
        #expect(blocks.last?.kind == .paragraph)
        #expect(blocks.last?.line == 3)
    }
}
