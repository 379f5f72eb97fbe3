import GRDB
import Synchronization

/// Courses already decoded from their rows, keyed by id, file hash and archive flag, so the
/// JSON columns (competencies, audience, prerequisites, project plan) are decoded once per
/// version of a course file rather than on every catalogue read.
enum DecodedCourses {
    private static let cache = Mutex<[String: Course]>([:])

    /// The course in `row` (which must hold every column of `courses`).
    static func course(_ row: Row) throws -> Course {
        let key = "\(row["id"] as Int64):\(row["source_hash"] as String):\(row["archived"] as Bool)"
        if let known = cache.withLock({ $0[key] }) { return known }
        let course = try Course(row: row)
        cache.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[key] = course
        }
        return course
    }

    /// Every course a statement selects (`SELECT * FROM courses ...`).
    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Course] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(course)
    }
}
