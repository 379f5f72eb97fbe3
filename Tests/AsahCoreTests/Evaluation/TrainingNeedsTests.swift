@testable import AsahCore
@testable import AsahDemo
import Foundation
import GRDB
import Testing

extension Evaluation {
    @Suite("Training needs and the province's demand")
    struct TrainingNeedsTests {
        @Test("each person's needs follow their latest appraisal and verified JP; the demand counts the same people and courses")
        func needsAndDemand() throws {
            try OrganisationFixtures.withDatabase { database in
                _ = try CatalogueSync(database: database).sync(folder: Demo.DemoWorkshopsTests.coursesFolder)
                try DemoAccounts.create(in: database, seed: 7, employeeCount: 400, password: "Demo-Sandi-2026!",
                                        now: Demo.DemoWorkshopsTests.now)
                let year = IndonesianTime.date(of: Demo.DemoWorkshopsTests.now).year
                try database.pool.read { db in
                    let needs = try TrainingNeeds.list(year: year, in: db)
                    // The reference, straight from the rows: the latest current-scheme record of
                    // the last three years and the verified JP of the year.
                    var latest: [Int64: (key: Int, predikat: String, perilaku: String)] = [:]
                    for row in try Row.fetchAll(db, sql: """
                        SELECT employee_id, year, period, predikat, perilaku_kerja FROM appraisals
                        WHERE hasil_kerja IS NOT NULL AND year BETWEEN ? AND ?
                        """, arguments: [year - 2, year]) {
                        let key = (row["year"] as Int) * 64 + AppraisalPeriod(rawValue: row["period"])!.sortKey
                        if key > latest[row["employee_id"]]?.key ?? -1 {
                            latest[row["employee_id"]] = (key, row["predikat"], row["perilaku_kerja"])
                        }
                    }
                    let hours = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                        SELECT employee_id, SUM(jp) AS jp FROM training_hours WHERE year = ? AND status = 'verified' GROUP BY employee_id
                        """, arguments: [year]).map { ($0["employee_id"] as Int64, $0["jp"] as Double) })
                    let pppk = Set(try Int64.fetchAll(db, sql: "SELECT id FROM employees WHERE employment = 'pppk'"))
                    var expected: [Int64: [String]] = [:]
                    for id in try Int64.fetchAll(db, sql: "SELECT id FROM employees WHERE active") {
                        var reasons: [String] = []
                        if let record = latest[id] {
                            if ["butuh_perbaikan", "kurang", "sangat_kurang"].contains(record.predikat) { reasons.append("predikat") }
                            if record.perilaku == "di_bawah" { reasons.append("perilaku") }
                        }
                        // By default only a PNS has a target (20 JP); a PPPK has a cap and no minimum.
                        if !pppk.contains(id) && hours[id, default: 0] < 20 { reasons.append("jp") }
                        if !reasons.isEmpty { expected[id] = reasons }
                    }
                    let found = Dictionary(uniqueKeysWithValues: needs.map { need in
                        (need.employeeId, need.reasons.map { reason in
                            switch reason {
                            case .lowPredikat: "predikat"
                            case .perilakuBelow: "perilaku"
                            case .shortOfJP: "jp"
                            }
                        })
                    })
                    #expect(found == expected)
                    #expect(expected.values.contains { $0.contains("perilaku") } && expected.values.contains { $0 == ["jp"] },
                            "the demo has people behind on behaviour and people only short of JP")
                    // Never a course the person completed; a course's open run is its first open one.
                    let completed = Set(try Row.fetchAll(db, sql: """
                        SELECT e.employee_id, r.course_id FROM enrolments e JOIN runs r ON r.id = e.run_id WHERE e.state = 'completed'
                        """).map { "\($0[0] as Int64)-\($0[1] as Int64)" })
                    let openRuns = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                        SELECT course_id, MIN(id) FROM runs WHERE status = 'open' GROUP BY course_id
                        """).map { ($0[0] as Int64, $0[1] as Int64) })
                    #expect(needs.allSatisfy { need in
                        need.recommendations.count <= 3 && need.recommendations.allSatisfy {
                            !completed.contains("\(need.employeeId)-\($0.courseId)") && $0.openRunId == openRuns[$0.courseId]
                        }
                    })
                    let needers = Set(needs.map(\.employeeId))
                    #expect(completed.contains { needers.contains(Int64($0.prefix { $0 != "-" })!) }, "some people in need completed a course")
                    #expect(needs.contains { $0.recommendations.contains { $0.openRunId != nil } }, "some recommended course has an open run")

                    let demand = try TrainingDemand.compute(year: year, in: db)
                    #expect(demand.people == needs.count)
                    var courses: [String: Int] = [:], units: [String: Int] = [:]
                    for need in needs {
                        for course in need.recommendations { courses["\(course.code) \(course.title)", default: 0] += 1 }
                        units[need.unitName ?? "–", default: 0] += 1
                    }
                    #expect(Dictionary(uniqueKeysWithValues: demand.courses.map { ($0.label, $0.count) }) == courses)
                    #expect(Dictionary(uniqueKeysWithValues: demand.units.map { ($0.label, $0.count) }) == units)
                    #expect(demand.courses.map(\.count) == demand.courses.map(\.count).sorted(by: >), "the largest demand first")
                    // Units add up to the people in need: suppressed with complementary cells, never one alone.
                    let hiddenUnits = demand.units.indices.filter { demand.units[$0].hidden }
                    #expect(Set(hiddenUnits) == SmallCell.hiddenGroups(demand.units.map(\.count)))
                    #expect(hiddenUnits.count != 1)
                    #expect(demand.courses.allSatisfy { $0.hidden == !SmallCell.shows($0.count) })
                }
            }
        }

        @Test("the evaluation data version rises with every change the figures read, test scores included, and not with others")
        func dataVersion() throws {
            try OrganisationFixtures.withDatabase { database in
                _ = try CatalogueSync(database: database).sync(folder: Demo.DemoWorkshopsTests.coursesFolder)
                try DemoAccounts.create(in: database, seed: 3, employeeCount: 400, password: "Demo-Sandi-2026!",
                                        now: Demo.DemoWorkshopsTests.now)
                func version() throws -> Int64 { try database.pool.read { try DataVersion.evaluation.current($0) } }
                let start = try version()
                #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM test_scores") ?? 0 } > 0)
                try database.pool.write { db in
                    try db.execute(sql: "UPDATE test_scores SET score = score WHERE (run_id, employee_id) = (SELECT run_id, employee_id FROM test_scores LIMIT 1)")
                }
                let afterScores = try version()
                #expect(afterScores > start, "a test score is in a table without rowid, which GRDB's observers cannot see")
                try database.pool.write { db in
                    try db.execute(sql: "UPDATE appraisals SET appraiser_nip = appraiser_nip WHERE id = (SELECT MIN(id) FROM appraisals)")
                }
                let afterAppraisal = try version()
                #expect(afterAppraisal > afterScores)
                try database.pool.write { db in
                    try db.execute(sql: "INSERT INTO audit_log (at, action) VALUES (1, 'uji')")
                }
                #expect(try version() == afterAppraisal, "an audit entry changes no figure")
            }
        }
    }
}
