import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightRuns
import PreflightReport

/// Attachments on the site: `runs/<run>/attachments/<sha256>/<name>`, beside the page of the run
/// whose record holds them. A site must never serve an attached file as live content on its own
/// origin, so only a few inert kinds keep their extension; every other file (HTML, SVG, XML,
/// anything a browser might render or sniff) gets `.txt` appended and is shown as text.
enum AttachmentFiles {
    /// Extensions browsers and static servers show as plain data, never as a document.
    static let inertExtensions: Set<String> = ["txt", "log", "json", "csv"]

    /// The file name on the site.
    static func siteName(_ attachment: Attachment) -> String {
        let safe = Attachment.safeName(attachment.name)
        let ext = (safe as NSString).pathExtension.lowercased()
        return inertExtensions.contains(ext) ? safe : safe + ".txt"
    }

    /// The link from a run page (`runs/<id>/index.html`) to an attachment of run `owner`.
    static func href(_ attachment: Attachment, owner: String) -> String {
        "../\(owner)/\(Attachment.folder)/\(attachment.sha256)/\(siteName(attachment))"
    }

    /// The evidence line of an attachment: its name and size, linked.
    static func evidence(_ attachment: Attachment, owner: String) -> EvidenceView {
        let href = href(attachment, owner: owner)
        return EvidenceView(label: "\(attachment.name) (\(ByteCount.format(attachment.size)))", href: href, text: href)
    }

    /// The attachments of the run's own records that its report shows.
    static func own(_ report: RunReport) -> [Attachment] {
        var seen: Set<String> = []
        var list: [Attachment] = []
        for item in report.items {
            for result in item.results where result.source.run == report.run.id {
                for attachment in result.attachments ?? [] where seen.insert(attachment.sha256 + "/" + siteName(attachment)).inserted {
                    list.append(attachment)
                }
            }
        }
        return list
    }

    /// Copies the run's attachments from its run folder into the staging site and returns the
    /// problems of those it could not copy. The reader checked each file; one removed or changed
    /// since (its bytes no longer have the record's hash) is not copied, and its broken link is
    /// reported as a problem of the run rather than left to be found by a reader of the page.
    static func copy(_ attachments: [Attachment], run: String, archive: String, staging: String) throws(DiagnosticList) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for attachment in attachments {
            let from = "\(archive)/\(run)/\(attachment.storedPath)"
            let folder = "\(staging)/runs/\(run)/\(Attachment.folder)/\(attachment.sha256)"
            guard let bytes = try? TextFile.bytes(from, limit: RecordWriter.attachmentSizeLimit, followLinks: false), Attachment.digest(bytes) == attachment.sha256 else {
                problems.append(.error(from, "the attachment '\(attachment.name)' changed or went away while the site was built; "
                                       + "it is not on the site, so its link is broken (build again)"))
                continue
            }
            try FileWriter.write(Data(bytes), to: folder + "/" + siteName(attachment))
        }
        return problems
    }
}
