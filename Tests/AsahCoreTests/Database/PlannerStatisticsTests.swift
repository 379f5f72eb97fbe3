@testable import AsahCore
import Foundation
import GRDB
import Testing

@Suite("The query planner's statistics")
struct PlannerStatisticsTests {
    @Test("a database without statistics is analysed once; later rounds only optimise")
    func analysedOnce() throws {
        try WorkshopFixtures.withWorld { world in
            let tablesWithStatistics = {
                try world.database.pool.read { db in
                    try Set(String.fetchAll(db, sql: "SELECT DISTINCT tbl FROM sqlite_stat1"))
                }
            }
            #expect(try world.database.refreshPlannerStatistics(), "the first round analyses")
            let analysed = try tablesWithStatistics()
            #expect(analysed.isSuperset(of: ["employees", "units", "users"]), "the filled tables have their statistics")
            #expect(try world.database.refreshPlannerStatistics() == false, "later rounds run PRAGMA optimize only")
        }
    }
}
