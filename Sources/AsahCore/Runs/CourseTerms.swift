import Foundation
import GRDB

/// What the workshops need of a course, read straight from `courses`: title, JP, completion
/// rule, prerequisites and audience.
struct CourseTerms: Decodable, FetchableRecord, Sendable {
    let id: Int64
    let code: String
    let titleId: String
    let kind: String
    let jp: Int
    let minAttendancePercent: Int
    /// JSON array of course codes.
    let prerequisites: String
    /// JSON object, see ``StoredAudience``.
    let audience: String

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    static func load(id: Int64, in db: Database) throws -> CourseTerms? {
        try CourseTerms.fetchOne(db.cachedStatement(sql: """
            SELECT id, code, title_id, kind, jp, min_attendance_percent, prerequisites, audience FROM courses WHERE id = ?
            """), arguments: [id])
    }

    /// The codes of the courses to complete first (an unreadable list counts as none).
    var prerequisiteCodes: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(prerequisites.utf8))) ?? []
    }

    /// Who the course is for (an unreadable rule admits everyone).
    var audienceRule: Audience {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return ((try? decoder.decode(StoredAudience.self, from: Data(audience.utf8))) ?? StoredAudience()).audience
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
