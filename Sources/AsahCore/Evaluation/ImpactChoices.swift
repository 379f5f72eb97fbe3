import Foundation
import GRDB

/// The options of the dashboard's filters: years with finished runs, programmes, courses with
/// finished runs, the finished runs, and the unit tree.
public struct ImpactChoices: Sendable {
    public let years: [Int]
    public let programmes: [Programme]
    public let courses: [(id: Int64, code: String, title: String)]
    public let runs: [(id: Int64, code: String, title: String)]
    public let units: [UnitTreeEntry]

    static func load(units: [UnitTreeEntry], in db: Database) throws -> ImpactChoices {
        let thisYear = IndonesianTime.date(of: Clock.now()).year
        let years = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT substr(ends_on, 1, 4) FROM runs WHERE status = 'finished'"))
            .compactMap { Int($0) } + [thisYear]).sorted(by: >)
        let courses = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT k.id, k.code, k.title_id FROM courses k JOIN runs r ON r.course_id = k.id
            WHERE r.status = 'finished' ORDER BY k.code
            """)).map { (id: $0["id"] as Int64, code: $0["code"] as String, title: $0["title_id"] as String) }
        let runs = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.id, r.code, r.title FROM runs r WHERE r.status = 'finished' ORDER BY r.ends_on DESC LIMIT 200
            """)).map { (id: $0["id"] as Int64, code: $0["code"] as String, title: $0["title"] as String) }
        return ImpactChoices(years: years, programmes: try Programmes.all(in: db), courses: courses, runs: runs, units: units)
    }
}
