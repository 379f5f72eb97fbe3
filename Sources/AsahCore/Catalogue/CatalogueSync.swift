import Foundation
import GRDB

/// Loads the course files of a folder into `courses`, the step behind `asah courses sync` and
/// server start; the files are those of a ``CourseFolder``.
///
/// A valid file is upserted by code, rewritten only when its hash changed. A refused file is
/// reported and skipped while the rest load; its course, if an earlier sync loaded it, keeps
/// that version. A course whose file is gone is archived, never deleted (runs and training
/// records refer to it), and comes back when a file with its code does. All in one
/// transaction, so readers see the catalogue before or after, never halfway.
public struct CatalogueSync: Sendable {
    /// The database written.
    public let database: AppDatabase

    /// A sync into `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Loads the course files in `folder` (errors name files as `folder/name.md`); throws only
    /// when the folder cannot be listed or the database fails.
    public func sync(folder: String) throws -> CatalogueSyncReport {
        let folder = try CourseFolder(reading: folder)
        return try database.pool.write { db in
            try apply(folder.files, errors: folder.errors, present: Set(folder.names), in: db)
        }
    }

    /// The catalogue's checks across files (``CatalogueValidator``) for `files`, the folder's
    /// files as they would be, against the courses loaded now: what a sync of them would accept.
    static func check(_ files: [CourseFile], errors: [CourseFileError], present: Set<String>,
                      in db: Database) throws -> CatalogueValidator.Outcome {
        var outcome = CatalogueValidator.validate(files, standing: standing(try Course.fetchAll(db), present: present))
        outcome.errors = errors + outcome.errors
        return outcome
    }

    /// The loaded courses whose file is still in the folder, by file name: kept as they are
    /// when that file is refused.
    private static func standing(_ courses: [Course], present: Set<String>) -> [String: CatalogueValidator.Standing] {
        Dictionary(courses.filter { !$0.archived && present.contains($0.sourceFile) }.map {
            ($0.sourceFile, CatalogueValidator.Standing(code: $0.code, prerequisites: $0.prerequisites))
        }, uniquingKeysWith: { first, _ in first })
    }

    private func apply(_ files: [CourseFile], errors: [CourseFileError], present: Set<String>,
                       in db: Database) throws -> CatalogueSyncReport {
        let courses = try Course.fetchAll(db)
        let outcome = CatalogueValidator.validate(files, standing: Self.standing(courses, present: present))
        var report = CatalogueSyncReport()
        report.errors = (errors + outcome.errors).sorted { ($0.file, $0.line) < ($1.file, $1.line) }

        let now = Clock.now()
        let byCode = Dictionary(courses.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for file in outcome.accepted {
            var course = Course(file: file, syncedAt: now)
            guard let existing = byCode[file.code] else {
                try course.insert(db)
                report.loaded.append(file.code)
                continue
            }
            if existing.sourceHash == file.hash && existing.sourceFile == file.fileName && !existing.archived {
                report.unchanged.append(file.code)
            } else {
                course.id = existing.id
                try course.update(db)
                report.updated.append(file.code)
            }
        }
        let live = outcome.kept.union(outcome.accepted.map(\.code))
        for var course in courses where !course.archived && !live.contains(course.code) {
            course.archived = true
            course.syncedAt = now
            try course.update(db)
            report.archived.append(course.code)
        }
        return report
    }
}
