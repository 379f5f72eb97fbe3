@testable import AsahCore
@testable import AsahDemo
import Foundation
import GRDB
import Testing

/// The namespace of the evaluation suites, so `--filter AsahCoreTests.Evaluation` selects them.
enum Evaluation {}

extension Evaluation {
    @Suite("Demo evaluation data")
    struct DemoEvaluationTests {
        @Test("two years of quarterly appraisals; one programme visibly helped, the other did not")
        func programmes() throws {
            try OrganisationFixtures.withDatabase { database in
                _ = try CatalogueSync(database: database).sync(folder: Demo.DemoWorkshopsTests.coursesFolder)
                try DemoAccounts.create(in: database, seed: 7, employeeCount: 400, password: "Demo-Sandi-2026!",
                                        now: Demo.DemoWorkshopsTests.now)
                try database.pool.read { db in
                    let employees = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employees WHERE active")!
                    let appraisals = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appraisals")!
                    #expect(appraisals == employees * 9)
                    let programmes = try Programmes.all(in: db)
                    #expect(programmes.map(\.code).sorted() == ["PELAYANAN", "TATAKELOLA"])
                    let today = IndonesianTime.date(of: Demo.DemoWorkshopsTests.now)
                    var estimates: [String: Double] = [:]
                    for programme in programmes {
                        let report = try ImpactReport.build(ImpactFilter(programmeId: programme.id), today: today, in: db)
                        let estimate = try #require(report.results.estimate, "\(programme.code): \(report.results.groups)")
                        estimates[programme.code] = estimate.estimate
                        #expect(report.reaction.shown && report.meanGain != nil && report.behaviour.responseRate != nil)
                    }
                    let helped = try #require(estimates["PELAYANAN"]), other = try #require(estimates["TATAKELOLA"])
                    #expect(helped > 0.15 && helped > other + 0.1, "PELAYANAN \(helped), TATAKELOLA \(other)")
                }
            }
        }

        @Test("the report read in parts side by side equals the report read in one transaction")
        func partsSideBySide() throws {
            try OrganisationFixtures.withDatabase { database in
                _ = try CatalogueSync(database: database).sync(folder: Demo.DemoWorkshopsTests.coursesFolder)
                try DemoAccounts.create(in: database, seed: 7, employeeCount: 400, password: "Demo-Sandi-2026!",
                                        now: Demo.DemoWorkshopsTests.now)
                let today = IndonesianTime.date(of: Demo.DemoWorkshopsTests.now)
                for filter in [ImpactFilter(), ImpactFilter(year: today.year)] {
                    let whole = try database.pool.read { try ImpactReport.build(filter, today: today, in: $0) }
                    let (parts, version) = try ImpactReport.build(filter, today: today, pool: database.pool) {
                        try AppraisalTable.load(in: $0)
                    }
                    #expect(version == (try database.pool.read { try DataVersion.evaluation.current($0) }))
                    #expect(parts.participants == whole.participants && parts.completed == whole.completed && parts.participants > 0)
                    #expect(parts.reaction == whole.reaction && parts.learning == whole.learning && parts.behaviour == whole.behaviour)
                    #expect(parts.results == whole.results && parts.runs == whole.runs)
                }
            }
        }
    }
}
