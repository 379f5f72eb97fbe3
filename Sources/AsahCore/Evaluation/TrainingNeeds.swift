import Foundation
import GRDB

/// Training needs from the appraisal and the JP ledger (the link PP 11/2017 art. 206 asks
/// for): active employees whose latest predikat is Butuh Perbaikan or worse, whose perilaku
/// kerja is below expectation, or who are short of the annual JP target, each with up to
/// three recommended courses whose competencies match the gap.
///
/// Matching: a perilaku gap is met by courses developing BerAKHLAK core values, a hasil
/// kerja gap (a low predikat) by courses with technical competencies, a JP shortfall by any
/// course; courses the person completed or whose audience excludes their jabatan kind are
/// left out, and courses with a run open for enrolment come first among equals.
public enum TrainingNeeds {
    /// Why someone needs training.
    public enum Reason: Sendable, Hashable {
        case lowPredikat(Predikat)
        case perilakuBelow
        case shortOfJP(have: Double, target: Double)
    }

    /// A recommended course, with an open run to nominate for when there is one.
    public struct Recommendation: Sendable, Hashable {
        public let courseId: Int64
        public let code: String
        public let title: String
        public let openRunId: Int64?
    }

    /// One employee in need.
    public struct Need: Sendable, Hashable {
        public let employeeId: Int64
        public let nip: String
        public let name: String
        public let unitId: Int64?
        public let unitName: String?
        public let reasons: [Reason]
        public let recommendations: [Recommendation]
    }

    /// The needs of active employees matching `filter` (SQL over `employees p`, e.g.
    /// `p.supervisor_id = ?`) for `year`, by name.
    public static func list(_ filter: String = "1", _ arguments: StatementArguments = [], year: Int,
                            target: Double = TrainingHours.annualTarget, in db: Database) throws -> [Need] {
        let people = try Row.fetchAll(db, sql: """
            SELECT p.id, p.nip, p.name, p.jabatan_kind, p.unit_id, u.name AS unit_name,
                   (SELECT COALESCE(SUM(h.jp), 0) FROM training_hours h
                    WHERE h.employee_id = p.id AND h.year = ? AND h.status = 'verified') AS jp
            FROM employees p LEFT JOIN units u ON u.id = p.unit_id
            WHERE p.active AND \(filter) ORDER BY p.name COLLATE NOCASE, p.id
            """, arguments: [year] + arguments)
        guard !people.isEmpty else { return [] }
        // The latest current-scheme record of each (year, then period order): predikat and
        // perilaku only, one row per person (SQLite takes the bare columns from the maximum row).
        var latest: [Int64: (predikat: Predikat?, perilakuBelow: Bool)] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT a.employee_id, MAX(a.year * 64 + CASE WHEN a.period = 'tahunan' THEN 40
                       WHEN a.period LIKE 'tw%' THEN 9 * CAST(substr(a.period, 3) AS INTEGER) + 1
                       ELSE 3 * CAST(substr(a.period, 2) AS INTEGER) END), a.predikat, a.perilaku_kerja
            FROM appraisals a
            WHERE a.hasil_kerja IS NOT NULL AND a.year BETWEEN ? AND ?
              AND a.employee_id IN (SELECT p.id FROM employees p WHERE p.active AND \(filter))
            GROUP BY a.employee_id
            """, arguments: [year - 2, year] + arguments)
        while let row = try cursor.next() {
            latest[row[0]] = (Predikat(rawValue: row[2]), row[3] == Rating.diBawah.rawValue)
        }
        let courses = try CourseMatch.all(in: db)
        let openRuns = Dictionary(try Row.fetchAll(db, sql: """
            SELECT course_id, MIN(id) AS id FROM runs WHERE status = 'open' GROUP BY course_id
            """).map { ($0["course_id"] as Int64, $0["id"] as Int64) }, uniquingKeysWith: { a, _ in a })
        var completed: [Int64: Set<Int64>] = [:]
        let done = try Row.fetchCursor(db, sql: """
            SELECT e.employee_id, r.course_id FROM enrolments e JOIN runs r ON r.id = e.run_id WHERE e.state = 'completed'
              AND e.employee_id IN (SELECT p.id FROM employees p WHERE p.active AND \(filter))
            """, arguments: arguments)
        while let row = try done.next() {
            completed[row[0], default: []].insert(row[1])
        }
        return people.compactMap { row in
            let id: Int64 = row["id"]
            var reasons: [Reason] = []
            if let predikat = latest[id]?.predikat, predikat <= .butuhPerbaikan { reasons.append(.lowPredikat(predikat)) }
            if latest[id]?.perilakuBelow == true { reasons.append(.perilakuBelow) }
            let jp: Double = row["jp"]
            if jp < target { reasons.append(.shortOfJP(have: jp, target: target)) }
            guard !reasons.isEmpty else { return nil }
            let kind = (row["jabatan_kind"] as String?).flatMap(JabatanKind.init(rawValue:))
            let recommendations = recommend(courses, for: reasons, kind: kind, done: completed[id] ?? [], openRuns: openRuns)
            return Need(employeeId: id, nip: row["nip"], name: row["name"], unitId: row["unit_id"], unitName: row["unit_name"],
                        reasons: reasons, recommendations: recommendations)
        }
    }

    /// Up to three courses for `reasons`, best match first (see the type's documentation).
    static func recommend(_ courses: [CourseMatch], for reasons: [Reason], kind: JabatanKind?, done: Set<Int64>,
                          openRuns: [Int64: Int64]) -> [Recommendation] {
        let behaviour = reasons.contains(.perilakuBelow)
        let results = reasons.contains { if case .lowPredikat = $0 { true } else { false } }
        let hours = reasons.contains { if case .shortOfJP = $0 { true } else { false } }
        let scored = courses.compactMap { course -> (Int, CourseMatch)? in
            let id = course.id
            guard !done.contains(id) else { return nil }
            if let kind, !course.audience.jabatanKinds.isEmpty, !course.audience.jabatanKinds.contains(kind) { return nil }
            var score = (behaviour ? course.values * 2 : 0) + (results ? course.technical * 2 : 0) + (hours ? 1 : 0)
            guard score > 0 else { return nil }
            if openRuns[id] != nil { score += 1 }
            return (score, course)
        }
        return scored.sorted { ($0.0, $1.1.code) > ($1.0, $0.1.code) }.prefix(3).map { _, course in
            Recommendation(courseId: course.id, code: course.code, title: course.title, openRunId: openRuns[course.id])
        }
    }

    /// What matching needs of a course: its competencies and audience (read without the rest
    /// of the row, so a course with an odd field elsewhere still gets recommended).
    struct CourseMatch {
        let id: Int64
        let code: String
        let title: String
        let competencies: [Competency]
        let audience: Audience
        /// How many of the competencies are BerAKHLAK core values, and how many are technical.
        let values: Int
        let technical: Int

        init(id: Int64, code: String, title: String, competencies: [Competency], audience: Audience) {
            self.id = id
            self.code = code
            self.title = title
            self.competencies = competencies
            self.audience = audience
            values = competencies.count { if case .core = $0 { true } else { false } }
            technical = competencies.count - values
        }

        static func all(in db: Database) throws -> [CourseMatch] {
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, sql: "SELECT id, code, title_id, competencies, audience FROM courses WHERE NOT archived ORDER BY code")
                .map { row in
                    CourseMatch(id: row["id"], code: row["code"], title: row["title_id"],
                                competencies: (try? decoder.decode([Competency].self, from: Data((row["competencies"] as String).utf8))) ?? [],
                                audience: (try? decoder.decode(Audience.self, from: Data((row["audience"] as String).utf8))) ?? Audience())
                }
        }
    }
}
