import Crypto
import Foundation

/// The canonical bytes of a report and their SHA-256 digest, which binds a printed sign-off sheet to its run.
public enum ReportDigest {
    /// `report.json` as written into the site: canonical JSON (sorted keys, no whitespace), trailing newline.
    public static func canonicalJSON(_ report: RunReport) throws -> Data {
        Data(report.canonicalJSON())
    }

    /// Lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: some DataProtocol) -> String {
        Hex.lowercase(SHA256.hash(data: data))
    }
}
