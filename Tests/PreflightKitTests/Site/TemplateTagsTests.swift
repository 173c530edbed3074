import Testing
@testable import PreflightSite

/// The tag scan that places template errors: kinds, names, transforms and the line and column
/// a person's editor shows.
struct TemplateTagsTests {
    private func described(_ source: String) -> [String] {
        TemplateTags.scan(source).map { "\($0.kind) \($0.name) \($0.line):\($0.column)\($0.transform.map { " " + $0 } ?? "")" }
    }

    @Test func everyKindOfTagWithItsPlace() {
        let source = "<p>{{title}}</p>\n{{#items}}\n  {{> partials/item}}{{^empty(list)}}x{{/empty(list)}}\n{{/items}}{{! note }}{{{html}}}"
        #expect(described(source) == [
            "variable title 1:4",
            "section items 2:1",
            "partial partials/item 3:3",
            "inverted list 3:22 empty",
            "close list 3:39 empty",
            "close items 4:1",
            "comment note 4:11",
            "variable html 4:22",
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two UTF-8 bytes, "→" three, "😀" four: each is one column.
        #expect(described("é→😀{{name}}\nñ{{#s}}") == ["variable name 1:4", "section s 2:2"])
    }

    @Test func anUnclosedTagEndsTheScanWithoutTrapping() {
        #expect(described("a {{open") == ["variable open 1:3"])
        #expect(described("{{a}") == ["variable a 1:1"])
        #expect(described("{{") == ["variable  1:1"])
        #expect(described("{") == [])
        #expect(described("") == [])
    }
}
