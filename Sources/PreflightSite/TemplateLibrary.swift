import Foundation
import Mustache
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The site's Mustache templates, parsed once per build and rendered strictly.
///
/// swift-mustache renders a missing variable, partial or template as empty text. Preflight
/// turns each of these into an error with the template's `file:line:col`: partials are checked
/// when the templates load, variables when a page renders (a lookup that no object on the
/// context stack declares reaches the render root, which records it).
struct TemplateLibrary: Sendable {
    let directory: String
    let library: MustacheLibrary
    let sources: [String: String]
    /// Template name → the file messages name.
    let origins: [String: String]
    let names: [String]
    /// Each template's tags, scanned once: fingerprints, placeholder checks and error locations
    /// all walk them.
    let tags: [String: [TemplateTags.Tag]]

    /// Put before every template (partials too: swift-mustache resets a partial to its own HTML
    /// escaping): the same escaping, done faster. A standalone tag on a line of its own renders
    /// nothing; error positions are moved back by that line.
    static var contentTypePragma: String {
        _ = FastHTMLContentType.register
        return "{{% CONTENT_TYPE: \(FastHTMLContentType.name)}}\n"
    }

    /// Loads every `*.mustache` file below `directory` alone (no built-in theme); a template's
    /// name is its relative path without the extension (`layout`, `partials/item`).
    static func load(_ directory: String) throws(DiagnosticList) -> TemplateLibrary {
        let found: [String]
        do { found = try Theme.projectFiles(below: directory) } catch { throw DiagnosticList([error]) }
        let files = found.filter { $0.hasSuffix(".mustache") }
            .map { ThemeFile(path: $0, origin: (directory as NSString).appendingPathComponent($0), builtIn: nil) }
        if files.isEmpty { throw DiagnosticList([.error(directory, "no templates (*.mustache) found")]) }
        return try load(files, directory: directory)
    }

    /// Loads the templates of an effective theme; messages name each template's own file (the
    /// project's, or `<built-in>/templates/…`), and `directory` for a template that is missing.
    static func load(_ files: [ThemeFile], directory: String) throws(DiagnosticList) -> TemplateLibrary {
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        var origins: [String: String] = [:]
        for file in files where file.path.hasSuffix(".mustache") {
            let path = file.origin
            let name = String(file.path.dropLast(".mustache".count))
            origins[name] = path
            do {
                let text = try file.builtIn.map { String(decoding: $0, as: UTF8.self) } ?? TextFile.read(path, limit: 4 << 20)
                sources[name] = text
                templates[name] = try MustacheTemplate(string: Self.contentTypePragma + text)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own before the template's first line.
                diagnostics.append(.error(path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                    "template syntax error: \(error.error)"))
            } catch {
                diagnostics.append(.error(path, "template syntax error: \(error)"))
            }
        }
        var tags: [String: [TemplateTags.Tag]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let path = origins[name] ?? (directory as NSString).appendingPathComponent(name + ".mustache")
            tags[name] = TemplateTags.scan(source)
            for tag in tags[name] ?? [] {
                if tag.kind == .partial, templates[tag.name] == nil {
                    diagnostics.append(.error(path, line: tag.line, column: tag.column,
                        "partial '\(tag.name)' does not exist (no \(tag.name).mustache)"))
                }
                // A dotted lookup that misses is invisible to the strict renderer, so templates open sections instead.
                if tag.kind != .partial, tag.kind != .comment, tag.name != ".", tag.name.contains(".") {
                    diagnostics.append(.error(path, line: tag.line, column: tag.column,
                        "dotted name '\(tag.name)' is not supported; open a section instead ({{#a}}{{b}}{{/a}})"))
                }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return TemplateLibrary(directory: directory, library: MustacheLibrary(templates: templates), sources: sources,
                               origins: origins, names: templates.keys.sorted(), tags: tags)
    }

    /// A key over the sources of `names` and every partial they include: pages rendered from
    /// them change only when this does.
    func fingerprint(reachableFrom names: [String]) -> String {
        let reached = reachable(from: names)
        return ContentKeys.combine(reached.flatMap { [$0, sources[$0] ?? ""] })
    }

    /// `names` and every partial they include, sorted.
    func reachable(from names: [String]) -> [String] {
        var queue = names
        var seen: Set<String> = []
        while let name = queue.popLast() {
            guard seen.insert(name).inserted, let found = tags[name] else { continue }
            queue += found.filter { $0.kind == .partial }.map(\.name)
        }
        return seen.sorted()
    }

    /// Whether `name` can be rendered once with placeholder tokens and filled in later: not when
    /// it (or a partial) transforms a value (`{{uppercased(summary)}}` would print the token's
    /// text unchanged). `empty(list)` only tests a list whose length is part of the shape.
    func allowsPlaceholders(_ name: String) -> Bool {
        reachable(from: [name]).allSatisfy { template in
            (tags[template] ?? []).allSatisfy { tag in
                tag.transform == nil || (tag.transform == "empty" && tag.kind != .variable)
            }
        }
    }

    /// Renders template `name` with `model`; an unknown template or a variable no context
    /// declares is an error located in the template.
    func render(_ name: String, _ model: some ViewModel) throws(DiagnosticList) -> String {
        guard let template = library.getTemplate(named: name) else {
            throw DiagnosticList([.error(file(of: name), "template '\(name)' does not exist")])
        }
        let root = StrictRoot(model: model)
        let output = template.render(root, library: library)
        let missing = root.recorder.names
        if missing.isEmpty { return output }
        throw DiagnosticList(missing.map { locate($0, from: name) })
    }

    /// The first place `variable` is used in `name` or the partials it includes.
    private func locate(_ variable: String, from name: String) -> Diagnostic {
        var queue = [name]
        var seen: Set<String> = []
        while let current = queue.first {
            queue.removeFirst()
            guard seen.insert(current).inserted, let found = tags[current] else { continue }
            if let tag = found.first(where: { $0.kind != .partial && $0.kind != .comment && $0.name == variable }) {
                return .error(file(of: current), line: tag.line, column: tag.column,
                    "variable '\(variable)' is not provided to template '\(name)'")
            }
            queue += found.filter { $0.kind == .partial }.map(\.name)
        }
        return .error(file(of: name), "variable '\(variable)' is not provided")
    }

    /// The file a message about template `name` names.
    private func file(of name: String) -> String {
        origins[name] ?? (directory as NSString).appendingPathComponent(name + ".mustache")
    }
}

/// The bottom of the render context stack: a lookup that reaches it was found nowhere above.
final class StrictRoot: MustacheParent, @unchecked Sendable {
    let model: any ViewModel
    let recorder = MissRecorder()

    init(model: any ViewModel) { self.model = model }

    func child(named name: String) -> Any? {
        if let value = model.child(named: name) { return value }
        recorder.record(name)
        return nil
    }
}

/// Names looked up and found nowhere, in first-seen order.
final class MissRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []

    func record(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        if !seen.contains(name) { seen.append(name) }
    }

    var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }
}
