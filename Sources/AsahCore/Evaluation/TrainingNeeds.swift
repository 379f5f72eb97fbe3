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
                            in db: Database) throws -> [Need] {
        let assessed = Dictionary(uniqueKeysWithValues: try assess((filter, arguments), year: year, in: db)
            .map { ($0.employeeId, $0) })
        guard !assessed.isEmpty else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT p.id, p.nip, p.name, p.unit_id, u.name AS unit_name FROM employees p LEFT JOIN units u ON u.id = p.unit_id
            WHERE p.active AND \(filter) ORDER BY p.name COLLATE NOCASE, p.id
            """), arguments: arguments).compactMap { row in
            guard let need = assessed[row["id"]] else { return nil }
            return Need(employeeId: need.employeeId, nip: row["nip"], name: row["name"], unitId: row["unit_id"],
                        unitName: row["unit_name"], reasons: need.reasons, recommendations: need.recommendations)
        }
    }

    /// Someone in need, without the names (what counting demand needs).
    struct Assessment {
        let employeeId: Int64
        let unitId: Int64?
        let reasons: [Reason]
        let recommendations: [Recommendation]
    }

    /// The active employees matching `filter` (everyone when `nil`) who need training in
    /// `year`, in id order. Reads
    /// a few flat columns per person (the whole province is 100,000 people): their jabatan
    /// kind and unit, verified JP, latest current-scheme predikat within the last three years
    /// (``AppraisalTable``; a perilaku below expectation is exactly a Kurang or Sangat Kurang
    /// in the matrix) and completed courses.
    /// `appraisals` may be a table already read (of everyone, any years).
    static func assess(_ filter: (sql: String, arguments: StatementArguments)?, year: Int,
                       appraisals: AppraisalTable? = nil, in db: Database) throws -> [Assessment] {
        var assessed: [Assessment] = []
        try assess(filter, year: year, appraisals: appraisals, in: db) { assessed.append($0) }
        return assessed
    }

    /// ``assess(_:year:appraisals:in:)`` handing each person in need to `each` as they
    /// are found (the province's demand counts them without keeping 90,000 of them).
    static func assess(_ filter: (sql: String, arguments: StatementArguments)?, year: Int,
                       appraisals: AppraisalTable? = nil, in db: Database, each: (Assessment) -> Void) throws {
        let rules = try EmploymentRules.read(db)
        // Everyone's rows are read whole; a team's through the list of its people.
        let among = filter.map { "AND employee_id IN (SELECT p.id FROM employees p WHERE p.active AND \($0.sql))" } ?? ""
        let arguments = filter?.arguments ?? []
        var hours: [Int64: Double] = [:]
        let ledger = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT employee_id, SUM(jp) FROM training_hours
            WHERE year = ? AND status = 'verified' \(among) GROUP BY employee_id
            """), arguments: [year] + arguments)
        while let row = try ledger.next() { hours[row[0]] = row[1] }
        let years = (year - 2)...year
        let appraisals = try appraisals ?? AppraisalTable.load(years: years, employees: filter, in: db)
        let completed = try CompletedCourses(among: among, arguments: arguments, in: db)
        let courses = try CourseMatch.all(in: db)
        let openRunByCourse = Dictionary(try Row.fetchAll(db.cachedStatement(sql: """
            SELECT course_id, MIN(id) AS id FROM runs WHERE status = 'open' GROUP BY course_id
            """)).map { ($0["course_id"] as Int64, $0["id"] as Int64) }, uniquingKeysWith: { a, _ in a })
        let openRuns = courses.map { openRunByCourse[$0.id] }
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT p.id, p.jabatan_kind, p.unit_id, p.employment FROM employees p WHERE p.active AND \(filter?.sql ?? "1") ORDER BY p.id
            """), arguments: arguments)
        while let row = try cursor.next() {
            let id: Int64 = row[0]
            var reasons: [Reason] = []
            if let predikat = appraisals.latest(of: id, in: years) {
                if predikat <= .butuhPerbaikan { reasons.append(.lowPredikat(predikat)) }
                if predikat <= .kurang { reasons.append(.perilakuBelow) }
            }
            let jp = hours[id] ?? 0
            if let target = rules.rule(for: Employment(rawValue: row[3]) ?? .pns).target, jp < target {
                reasons.append(.shortOfJP(have: jp, target: target))
            }
            guard !reasons.isEmpty else { continue }
            let kind = (row[1] as String?).flatMap(JabatanKind.init(rawValue:))
            let done = completed.courses(of: id)
            each(Assessment(employeeId: id, unitId: row[2], reasons: reasons,
                            recommendations: recommend(courses, for: reasons, kind: kind, openRuns: openRuns) { done.contains($0) }))
        }
    }

    /// Up to three courses for `reasons`, best match first, the first code among equals
    /// (`courses` are in code order; see the type's documentation); `done` tells a course
    /// the person completed; `openRuns` holds each course's open run, in the order of `courses`.
    static func recommend(_ courses: [CourseMatch], for reasons: [Reason], kind: JabatanKind?, openRuns: [Int64?],
                          done: (Int64) -> Bool) -> [Recommendation] {
        let behaviour = reasons.contains(.perilakuBelow)
        let results = reasons.contains { if case .lowPredikat = $0 { true } else { false } }
        let hours = reasons.contains { if case .shortOfJP = $0 { true } else { false } }
        var best: [(score: Int, course: Int)] = []
        for index in courses.indices where courses[index].admits(kind) {
            var score = (behaviour ? courses[index].values * 2 : 0) + (results ? courses[index].technical * 2 : 0) + (hours ? 1 : 0)
            guard score > 0, !done(courses[index].id) else { continue }
            if openRuns[index] != nil { score += 1 }
            let place = best.firstIndex { $0.score < score } ?? best.count
            guard place < 3 else { continue }
            best.insert((score, index), at: place)
            if best.count > 3 { best.removeLast() }
        }
        return best.map { best in
            let course = courses[best.course]
            return Recommendation(courseId: course.id, code: course.code, title: course.title, openRunId: openRuns[best.course])
        }
    }

    /// What matching needs of a course: its competency counts and audience (read without the
    /// rest of the row, so a course with an odd field elsewhere still gets recommended).
    struct CourseMatch: Sendable {
        let id: Int64
        let code: String
        let title: String
        /// The jabatan kinds of the audience as bits (``JabatanKind/allCases`` order); 0 for everyone.
        let kinds: UInt32
        /// How many of the competencies are BerAKHLAK core values, and how many are technical.
        let values: Int
        let technical: Int

        init(id: Int64, code: String, title: String, competencies: [Competency], audience: Audience) {
            self.id = id
            self.code = code
            self.title = title
            kinds = audience.jabatanKinds.reduce(0) { $0 | Self.bit($1) }
            values = competencies.count { if case .core = $0 { true } else { false } }
            technical = competencies.count - values
        }

        /// Whether someone of `kind` is in the audience.
        func admits(_ kind: JabatanKind?) -> Bool {
            kinds == 0 || kind.map { kinds & Self.bit($0) != 0 } ?? true
        }

        private static func bit(_ kind: JabatanKind) -> UInt32 {
            1 << UInt32(JabatanKind.allCases.firstIndex(of: kind)!)
        }

        /// Every course on offer, read and parsed once per data change on a read-only
        /// connection (``SharedFacts``).
        static func all(in db: Database) throws -> [CourseMatch] {
            try SharedFacts.value("course-matches", in: db) { try read(in: db) }
        }

        private static func read(in db: Database) throws -> [CourseMatch] {
            let decoder = JSONDecoder()
            return try Row.fetchAll(db.cachedStatement(sql: "SELECT id, code, title_id, competencies, audience FROM courses WHERE NOT archived ORDER BY code"))
                .map { row in
                    CourseMatch(id: row["id"], code: row["code"], title: row["title_id"],
                                competencies: (try? decoder.decode([Competency].self, from: Data((row["competencies"] as String).utf8))) ?? [],
                                audience: (try? decoder.decode(Audience.self, from: Data((row["audience"] as String).utf8))) ?? Audience())
                }
        }
    }
}
