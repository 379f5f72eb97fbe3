@testable import AsahCore
@testable import AsahDemo
import Foundation
import GRDB
import Testing

extension Demo {
    @Suite("Province-scale demo data")
    struct DemoScaleTests {
        @Test("a province repeats the kabupaten per region, each region's heads answering to its own Sekretaris Daerah")
        func regions() throws {
            try OrganisationFixtures.withDatabase { database in
                _ = try DemoKabupaten.generate(in: database, seed: 3, employeeCount: 3000, regions: 3)
                try database.pool.read { db in
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM units") == 3 * DemoKabupatenUnits.all.count)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employees") == 3000)
                    #expect(try String.fetchOne(db, sql: "SELECT name FROM units WHERE code = 'R02.DUKCAPIL'")?
                        .hasSuffix("Kabupaten Bukit Lestari") == true)
                    // A region's bagian head reports to an asisten of the same region, never another region's.
                    let crossRegion = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM employees e JOIN units u ON u.id = e.unit_id
                        JOIN employees s ON s.id = e.supervisor_id JOIN units su ON su.id = s.unit_id
                        WHERE substr(u.code, 1, 4) = 'R01.' AND substr(su.code, 1, 4) NOT IN ('R01.')
                          AND NOT (su.code = 'SETDA' AND u.code = 'R01.SETDA')
                        """)
                    #expect(crossRegion == 0)
                    // Every chain ends at the first region's Sekretaris Daerah, without cycles.
                    let roots = try String.fetchAll(db, sql: """
                        SELECT DISTINCT u.code FROM employees e JOIN units u ON u.id = e.unit_id WHERE e.supervisor_id IS NULL
                        """)
                    #expect(roots == ["SETDA"])
                }
            }
        }

        @Test("bulk workshop history has the asked volume, no overbooked run, and JP for every completion")
        func workshopVolume() throws {
            try OrganisationFixtures.withDatabase { database in
                _ = try CatalogueSync(database: database).sync(folder: DemoWorkshopsTests.coursesFolder)
                _ = try DemoKabupaten.generate(in: database, seed: 5, employeeCount: 800)
                let summary = try WorkshopVolume.generate(in: database, runs: 40, enrolments: 1600, seed: 5,
                                                          now: DemoWorkshopsTests.now)
                #expect(summary.runs == 40 && summary.enrolments == 1600)
                try database.pool.read { db in
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") == 40)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE status = 'finished'")! > 20)
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE status = 'open'")! > 0)
                    let overbooked = try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM runs r WHERE (SELECT COUNT(*) FROM enrolments e
                            WHERE e.run_id = r.id AND e.state IN ('enrolled', 'offered')) > r.capacity
                        """)
                    #expect(overbooked == 0)
                    let completed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolments WHERE state = 'completed'")
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_hours WHERE source = 'asah'") == completed)
                    #expect(try String.fetchOne(db, sql: "PRAGMA foreign_key_check") == nil)
                }
            }
        }
    }
}
