/// A problem found in something a user wrote, located as precisely as the input allows.
///
/// Printed as `path:line:col: error: message` (line and column when known), the form editors
/// and CI log viewers turn into links.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public static func error(_ path: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, column: column, message)
    }

    public static func warning(_ path: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, column: column, message)
    }

    /// `path:line:col` with as much of the location as is known.
    public var location: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// The diagnostic with its path relative to `folder` when it lies inside it: how pages and
    /// report.json show paths, so that the site does not depend on where it was built. Paths
    /// stay as they were found everywhere else, until they are printed.
    package func relative(to folder: String) -> Diagnostic {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard path.hasPrefix(prefix) else { return self }
        var copy = self
        copy.path.removeFirst(prefix.count)
        return copy
    }
}

/// Several diagnostics thrown together, e.g. every template error of a build.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
