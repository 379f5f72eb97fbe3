import Foundation
import GRDB

/// The folders of uploaded files beside the database, and the sweep that removes the files no
/// row refers to.
///
/// A request keeps its files before it writes the rows that point at them, and never deletes
/// them when it fails: another request may have stored the same bytes (the store is
/// content-addressed) and committed a row for them in between, as a double-clicked submission
/// does. A file nothing refers to is removed by the sweep once it is older than any request
/// could still be running.
public enum StoredUploads {
    /// Evidence of external trainings (`training_hours.evidence_path`).
    public static let evidenceFolder = "evidence"
    /// Milestone submission files (`submission_files.stored_name`).
    public static let projectsFolder = SubmissionFile.folderName
    /// The agency's logo (`agency_settings.logo_file`).
    public static let agencyFolder = "agency"
    /// Every folder of uploads, swept and backed up.
    public static let folders = [evidenceFolder, projectsFolder, agencyFolder]
    /// How old an unreferenced file must be before the sweep removes it.
    public static let graceSeconds: TimeInterval = 24 * 60 * 60

    /// Every upload the database refers to, as (folder, name), each once.
    static func references(in db: Database) throws -> [(folder: String, name: String)] {
        let evidence = try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT evidence_path FROM training_hours WHERE evidence_path IS NOT NULL"))
        let submissions = try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT stored_name FROM submission_files"))
        // A backup made before v19 has no agency settings.
        let logos = try db.tableExists("agency_settings")
            ? String.fetchAll(db.cachedStatement(sql: "SELECT logo_file FROM agency_settings WHERE logo_file IS NOT NULL")) : []
        return evidence.map { (evidenceFolder, $0) } + submissions.map { (projectsFolder, $0) } + logos.map { (agencyFolder, $0) }
    }

    /// Removes the files of the upload folders beside `database` that no row refers to and that
    /// were written more than `grace` seconds before `now`; answers how many were removed.
    @discardableResult
    public static func removeOrphans(database: AppDatabase, grace: TimeInterval = graceSeconds,
                                     now: Date = Date()) throws -> Int {
        let referenced = Dictionary(grouping: try database.pool.read(references), by: \.folder).mapValues { Set($0.map(\.name)) }
        let base = (database.path as NSString).deletingLastPathComponent
        var removed = 0
        for folder in folders {
            let names = referenced[folder] ?? []
            let path = (base as NSString).appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !names.contains(name) {
                let file = (path as NSString).appendingPathComponent(name)
                guard let written = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date,
                      now.timeIntervalSince(written) > grace else { continue }
                if (try? FileManager.default.removeItem(atPath: file)) != nil { removed += 1 }
            }
        }
        return removed
    }
}
