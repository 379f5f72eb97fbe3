import GRDB

/// Programmes: named groups of catalogue courses that coordinators keep in Asah (e.g.
/// "Rencana Pengembangan Kompetensi 2026"), the unit by which impact is usually reported.
/// Courses are referred to by code, so a programme survives a course file being re-synced.
public struct Programme: Sendable, Hashable {
    public var id: Int64?
    public var code: String
    public var name: String
    public var year: Int?
    public var courseCodes: [String]

    public init(id: Int64? = nil, code: String, name: String, year: Int?, courseCodes: [String]) {
        self.id = id
        self.code = code
        self.name = name
        self.year = year
        self.courseCodes = courseCodes
    }
}

/// Reading and saving programmes.
public enum Programmes {
    /// Every programme, newest year first, then by name.
    public static func all(in db: Database) throws -> [Programme] {
        let courses = Dictionary(grouping: try Row.fetchAll(db.cachedStatement(sql: "SELECT programme_id, course_code FROM programme_courses ORDER BY course_code")),
                                 by: { $0["programme_id"] as Int64 }).mapValues { $0.map { $0["course_code"] as String } }
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM programmes ORDER BY year DESC, name COLLATE NOCASE")).map { row in
            Programme(id: row["id"], code: row["code"], name: row["name"], year: row["year"], courseCodes: courses[row["id"]] ?? [])
        }
    }

    /// Creates or (same code) replaces a programme after checking it: a code of letters,
    /// digits and hyphens, a name, a plausible year, and at least one known course.
    public static func save(_ programme: Programme, actor: Principal, in db: Database) throws -> Programme {
        guard WorkshopAccess.coordinates(actor) else { throw EvaluationProblem.notPermitted }
        var problems: [Refusal] = []
        let code = programme.code.trimmingCharacters(in: .whitespaces).uppercased()
        if code.isEmpty || code.count > 40 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            problems.append(Refusal(.invalid, "problem_evaluation_programme_code"))
        }
        let name = programme.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems.append(Refusal(.invalid, "problem_evaluation_programme_name")) }
        if let year = programme.year, !(2000...2100).contains(year) { problems.append(Refusal(.invalid, "problem_evaluation_programme_year")) }
        let codes = Array(Set(programme.courseCodes.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            .filter { !$0.isEmpty })).sorted()
        let known = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT UPPER(code) FROM courses")))
        let unknown = codes.filter { !known.contains($0) }
        if codes.isEmpty { problems.append(Refusal(.invalid, "problem_evaluation_programme_courses")) }
        if !unknown.isEmpty {
            problems.append(Refusal(.invalid, "problem_evaluation_programme_unknown_courses", ["courses": unknown.joined(separator: ", ")]))
        }
        guard problems.isEmpty else { throw EvaluationProblem.invalidProgramme(problems) }
        try db.execute(sql: """
            INSERT INTO programmes (code, name, year) VALUES (?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, year = excluded.year
            """, arguments: [code, name, programme.year])
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM programmes WHERE code = ?"), arguments: [code])!
        try db.execute(sql: "DELETE FROM programme_courses WHERE programme_id = ?", arguments: [id])
        for course in codes {
            try db.execute(sql: "INSERT INTO programme_courses (programme_id, course_code) VALUES (?, ?)", arguments: [id, course])
        }
        try AuditLog.record("programme.save", actor: actor.userId, ip: nil, subject: "programme:\(code)",
                            detail: codes.joined(separator: ","), in: db)
        return Programme(id: id, code: code, name: name, year: programme.year, courseCodes: codes)
    }
}
