import Foundation
import GRDB

/// What the workshops need of a course, read straight from `courses`: title, JP, completion
/// rule, prerequisites and audience.
struct CourseTerms: FetchableRecord, Sendable {
    let id: Int64
    let code: String
    let titleId: String
    let kind: String
    let jp: Int
    let minAttendancePercent: Int
    /// The codes of the courses to complete first (an unreadable list counts as none).
    let prerequisiteCodes: [String]
    /// Who the course is for (an unreadable rule admits everyone).
    let audienceRule: Audience

    init(row: Row) throws {
        id = row["id"]
        code = row["code"]
        titleId = row["title_id"]
        kind = row["kind"]
        jp = row["jp"]
        minAttendancePercent = row["min_attendance_percent"]
        let prerequisites: String = row["prerequisites"], audience: String = row["audience"]
        prerequisiteCodes = (try? JSONDecoder().decode([String].self, from: Data(prerequisites.utf8))) ?? []
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        audienceRule = ((try? decoder.decode(StoredAudience.self, from: Data(audience.utf8))) ?? StoredAudience()).audience
    }

    private static let columns = "SELECT id, code, title_id, kind, jp, min_attendance_percent, prerequisites, audience FROM courses"

    /// The terms of course `id`: on a read-only connection from every course's terms, read
    /// and parsed once per data change (``SharedFacts``).
    static func load(id: Int64, in db: Database) throws -> CourseTerms? {
        guard SharedFacts.isShared(db) else {
            return try CourseTerms.fetchOne(db.cachedStatement(sql: columns + " WHERE id = ?"), arguments: [id])
        }
        return try SharedFacts.value("course-terms", in: db) {
            Dictionary(uniqueKeysWithValues: try CourseTerms.fetchAll(db.cachedStatement(sql: columns)).map { ($0.id, $0) })
        }[id]
    }

    /// `courses.audience` as stored: `{"jabatan_kinds": [...], "golongan_min": "III/a",
    /// "golongan_max": "IV/e", "units": [codes]}`, every key optional.
    private struct StoredAudience: Decodable {
        var jabatanKinds: [String]?
        var golonganMin: String?
        var golonganMax: String?
        var units: [String]?

        var audience: Audience {
            Audience(jabatanKinds: (jabatanKinds ?? []).compactMap { JabatanKind(rawValue: $0) ?? JabatanKind(parsing: $0) },
                     minGolongan: golonganMin.flatMap(Golongan.init(parsing:)),
                     maxGolongan: golonganMax.flatMap(Golongan.init(parsing:)), unitCodes: units ?? [])
        }
    }
}
