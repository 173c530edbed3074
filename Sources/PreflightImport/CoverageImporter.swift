import Foundation
import PreflightSupport
import PreflightRuns

/// Line coverage from Cobertura XML (coverage.py, gcovr, Istanbul), JaCoCo XML or lcov `.info`,
/// told apart by their content, not their names.
package struct CoverageImporter {
    package var minimum: Double

    package init(minimum: Double) { self.minimum = minimum }

    package enum Format: String, Sendable { case cobertura = "Cobertura", jacoco = "JaCoCo", lcov }

    package struct Figures: Sendable, Equatable {
        package var format: Format
        package var linesCovered: Int
        package var linesValid: Int
        package var branchesCovered: Int?
        package var branchesValid: Int?
        /// Cobertura may give only the rate.
        package var lineRate: Double?

        package var linePercent: Double? {
            if linesValid > 0 { return Double(linesCovered) / Double(linesValid) * 100 }
            return lineRate.map { $0 * 100 }
        }
    }

    package func run(_ file: String) throws(Diagnostic) -> ImportOutcome {
        let (read, bytes) = try ImportedFile.read(file)
        let figures = try Self.figures(bytes, path: file)
        guard let percent = figures.linePercent else {
            return ImportOutcome(status: .fail, summary: "no lines to cover in the \(figures.format.rawValue) report", details: nil,
                                 probe: "coverage", files: [read])
        }
        // The summary is the line figure the result is judged by; branch coverage, which it is not, goes in the details.
        let summary = "line coverage \(ImportFormat.percent(percent)) (minimum \(ImportFormat.number(minimum))%)"
        var details = "\(figures.format.rawValue) report"
        if figures.linesValid > 0 { details += ": \(ImportFormat.count(figures.linesCovered)) of \(ImportFormat.count(figures.linesValid)) lines covered" }
        if let covered = figures.branchesCovered, let valid = figures.branchesValid, valid > 0 {
            details += "; branch coverage \(ImportFormat.percent(Double(covered) / Double(valid) * 100))"
                + " (\(ImportFormat.count(covered)) of \(ImportFormat.count(valid)) branches)"
        }
        return ImportOutcome(status: percent >= minimum ? .pass : .fail, summary: summary, details: details,
                             probe: "coverage:\(figures.format.rawValue.lowercased())", files: [read])
    }

    static func figures(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Figures {
        let start = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        if start.first == UInt8(ascii: "<") { return try xmlFigures(SafeXML.parse(bytes, path: path), path: path) }
        return try lcovFigures(TextFile.decode(bytes, path: path), path: path)
    }

    static func xmlFigures(_ root: XMLNode, path: String) throws(Diagnostic) -> Figures {
        switch root.name {
        case "coverage":
            let covered = root["lines-covered"].flatMap { Int($0) }
            let valid = root["lines-valid"].flatMap { Int($0) }
            let rate = root["line-rate"].flatMap { Double($0) }.flatMap { $0.isFinite && $0 >= 0 && $0 <= 1 ? $0 : nil }
            guard (covered != nil && valid != nil) || rate != nil else {
                throw .error(path, line: root.line, "a Cobertura report needs lines-covered and lines-valid, or line-rate, on <coverage>")
            }
            return Figures(format: .cobertura, linesCovered: covered ?? 0, linesValid: valid ?? 0,
                           branchesCovered: root["branches-covered"].flatMap { Int($0) }, branchesValid: root["branches-valid"].flatMap { Int($0) },
                           lineRate: rate)
        case "report":
            // The report's own counters are its totals; those of packages and classes sit deeper.
            func counter(_ type: String) -> (Int, Int)? {
                guard let node = root.children("counter").first(where: { $0["type"] == type }),
                    let missed = node["missed"].flatMap({ Int($0) }), let covered = node["covered"].flatMap({ Int($0) })
                else { return nil }
                return (covered, missed + covered)
            }
            guard let lines = counter("LINE") else {
                throw .error(path, line: root.line, "a JaCoCo report needs a <counter type=\"LINE\"> on <report>")
            }
            let branches = counter("BRANCH")
            return Figures(format: .jacoco, linesCovered: lines.0, linesValid: lines.1, branchesCovered: branches?.0, branchesValid: branches?.1)
        default:
            throw .error(path, line: root.line, "not a coverage report: the root element is <\(root.name)>, expected Cobertura's <coverage> or JaCoCo's <report>")
        }
    }

    /// lcov tracefiles: per-file LF/LH (lines) and BRF/BRH (branches) records, summed.
    static func lcovFigures(_ text: String, path: String) throws(Diagnostic) -> Figures {
        var sums: [String: Int] = [:]
        var sawFile = false
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("SF:") { sawFile = true }
            for key in ["LF", "LH", "BRF", "BRH"] where line.hasPrefix(key + ":") {
                guard let value = Int(line.dropFirst(key.count + 1)), value >= 0 else {
                    throw .error(path, line: index + 1, column: key.count + 2, "\(key) must be a whole number")
                }
                sums[key, default: 0] += value
            }
        }
        guard sawFile else {
            throw .error(path, line: 1, column: 1, "not a coverage report: expected Cobertura or JaCoCo XML, or an lcov tracefile (SF:, LF:, LH: records)")
        }
        return Figures(format: .lcov, linesCovered: sums["LH"] ?? 0, linesValid: sums["LF"] ?? 0,
                       branchesCovered: sums["BRH"], branchesValid: sums["BRF"])
    }
}
