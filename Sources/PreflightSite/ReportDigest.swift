import Crypto
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The canonical bytes of a report and their SHA-256 digest, which binds a printed sign-off sheet to its run.
package enum ReportDigest {
    /// `report.json` as written into the site: canonical JSON (sorted keys, no whitespace), trailing
    /// newline, problem paths relative to `archive`.
    package static func canonicalJSON(_ report: RunReport, archive: String) -> Data {
        Data(report.canonicalJSON(relativeTo: archive))
    }

    /// Lowercase hex SHA-256 of `data`.
    package static func sha256(_ data: some DataProtocol) -> String {
        Hex.lowercase(SHA256.hash(data: data))
    }
}
