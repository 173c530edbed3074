import Foundation
import PreflightSupport
import PreflightRuns

/// Writes what an importer read into a run folder: the files as attachments, then one record
/// file holding the results, atomically (`RecordWriter`). Nothing is written before every file
/// has been read and parsed, so a bad file leaves the run as it was.
package enum ImportRecorder {
    /// Records `outcome` for item `id`; returns the record file's path.
    package static func record(_ outcome: ImportOutcome, item id: String, into runFolder: String, now: Timestamp) throws(Diagnostic) -> String {
        let attachments = try attach(outcome.files, into: runFolder)
        let record = ResultRecord(item: id, status: outcome.status, summary: outcome.summary, details: outcome.details,
                                  probe: outcome.probe, observedAt: now, attachments: attachments)
        return try write { try RecordWriter.write(result: record, into: runFolder, now: now) }
    }

    /// Records a pass for each ticked item of a filled-in copy, with the copy attached to each.
    package static func record(attested ids: [String], by name: String, copy file: ImportedFile, into runFolder: String,
                               at time: Timestamp, now: Timestamp) throws(Diagnostic) -> String {
        let attachments = try attach([file], into: runFolder)
        let results = ids.map { id in
            ResultRecord(item: id, status: .pass, summary: "attested by \(name)", probe: "checklist", observedAt: time,
                         attachments: attachments)
        }
        return try write { try RecordWriter.write(RecordGroups(results: results), into: runFolder, prefix: "attested", now: now) }
    }

    private static func attach(_ files: [ImportedFile], into runFolder: String) throws(Diagnostic) -> [Attachment] {
        var seen: Set<String> = []
        var list: [Attachment] = []
        for file in files {
            let bytes = try RecordWriter.readAttachable(file.path)
            guard Attachment.digest(bytes) == file.sha256 else {
                throw .error(file.path, "changed while it was being imported, so it is not the file the result was made from; nothing recorded (import it again)")
            }
            let attachment = try RecordWriter.attach(bytes, name: (file.path as NSString).lastPathComponent, into: runFolder)
            if seen.insert(attachment.sha256 + "/" + attachment.name).inserted { list.append(attachment) }
        }
        return list
    }

    private static func write(_ body: () throws -> String) throws(Diagnostic) -> String {
        do { return try body() } catch let diagnostic as Diagnostic { throw diagnostic } catch {
            throw .error("record", "\(error)")
        }
    }
}
