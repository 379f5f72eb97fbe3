import Foundation
import GRDB
import Testing
@testable import AsahCore

@Suite("Employee directory queries")
struct EmployeeDirectoryTests {
    typealias F = OrganisationFixtures

    /// Sekda ← Kadis ← Kabid ← Kasi ← {Staf, Staf Nonaktif}; Lain (unrelated); X ↔ Y (a bad-data cycle).
    struct Organisation {
        let database: AppDatabase
        let units: [String: Int64]
        let ids: [String: Int64]
    }

    private func withOrganisation(_ body: (Organisation) throws -> Void) throws {
        try F.withDatabase { database in
            let units = try F.insertUnits([
                ("SETDA", "Sekretariat Daerah", .sekretariatDaerah, nil),
                ("KOMINFO", "Dinas Komunikasi dan Informatika", .dinas, nil),
                ("KOMINFO.APTIKA", "Bidang Aplikasi Informatika", .bidang, "KOMINFO"),
                ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", .badan, nil),
            ], into: database)
            let people: [(String, String, String, String, String?, Bool)] = [
                ("sekda", "197001011995031001", "Andi Muhammad Ridwan", "SETDA", nil, true),
                ("kadis", "197203032000031002", "Budi Santoso", "KOMINFO", "sekda", true),
                ("kabid", "197505052002122001", "Sri Wahyuni", "KOMINFO.APTIKA", "kadis", true),
                ("kasi", "198008082006041003", "I Made Suarta", "KOMINFO.APTIKA", "kabid", true),
                ("staf", "199101012015031001", "Siti Nurhaliza_100%", "KOMINFO.APTIKA", "kasi", true),
                ("nonaktif", "199202022015032001", "Hasnawati", "KOMINFO.APTIKA", "kasi", false),
                ("lain", "198404042009011001", "Togar Simanjuntak", "BAPPEDA", nil, true),
                ("x", "198606062010011001", "Xaverius", "BAPPEDA", nil, true),
                ("y", "198707072011011001", "Yohanes Pasongli", "BAPPEDA", "x", true),
            ]
            let ids = try database.pool.write { db in
                var ids: [String: Int64] = [:]
                for (key, nip, name, unit, supervisor, active) in people {
                    var employee = Employee(nip: nip, name: name, unitId: units[unit],
                                            supervisorId: supervisor.flatMap { ids[$0] }, active: active)
                    try employee.insert(db)
                    ids[key] = employee.id
                }
                try db.execute(sql: "UPDATE employees SET supervisor_id = ? WHERE id = ?", arguments: [ids["y"], ids["x"]])
                return ids
            }
            try body(Organisation(database: database, units: units, ids: ids))
        }
    }

    @Test("the supervisor chain is transitive, one-way, and safe with cycles")
    func supervisorChain() throws {
        try withOrganisation { org in
            try org.database.pool.read { db throws in
                func above(_ supervisor: String, _ employee: String) throws -> Bool {
                    try EmployeeDirectory.isInSupervisorChain(supervisorId: org.ids[supervisor]!, employeeId: org.ids[employee]!, in: db)
                }
                #expect(try above("kasi", "staf"))
                #expect(try above("kabid", "staf"))
                #expect(try above("sekda", "staf"))
                #expect(try !above("staf", "kasi"))
                #expect(try !above("lain", "staf"))
                #expect(try !above("staf", "staf"))
                #expect(try above("x", "y") && above("y", "x"))
                #expect(try !above("sekda", "x"))
            }
        }
    }

    @Test("supervisors, subordinates and the size of the line below")
    func subordinates() throws {
        try withOrganisation { org in
            try org.database.pool.read { db throws in
                let ids = org.ids
                #expect(try EmployeeDirectory.isSupervisor(employeeId: ids["kasi"]!, in: db))
                #expect(try !EmployeeDirectory.isSupervisor(employeeId: ids["staf"]!, in: db))
                #expect(try EmployeeDirectory.directSubordinates(of: ids["kasi"]!, in: db).map(\.name) == ["Siti Nurhaliza_100%"])
                #expect(try EmployeeDirectory.directSubordinates(of: ids["kasi"]!, includeInactive: true, in: db).map(\.name)
                    == ["Hasnawati", "Siti Nurhaliza_100%"])
                // The home page's glimpse: the active ones only, counted and named in the same order.
                #expect(try EmployeeDirectory.directSubordinateCount(of: ids["kasi"]!, in: db) == 1)
                #expect(try EmployeeDirectory.firstSubordinates(of: ids["kasi"]!, limit: 8, in: db).map(\.name) == ["Siti Nurhaliza_100%"])
                let all = try EmployeeDirectory.directSubordinates(of: ids["sekda"]!, in: db)
                #expect(try EmployeeDirectory.directSubordinateCount(of: ids["sekda"]!, in: db) == all.count)
                #expect(try EmployeeDirectory.firstSubordinates(of: ids["sekda"]!, limit: 1, in: db).map(\.id) == [all[0].id])
                #expect(try EmployeeDirectory.chainSize(below: ids["sekda"]!, in: db) == 4)
                #expect(try EmployeeDirectory.chainSize(below: ids["x"]!, in: db) == 1)
            }
        }
    }

    @Test("search by name words, NIP prefix and unit, with joined names and paging")
    func search() throws {
        try withOrganisation { org in
            try org.database.pool.read { db in
                let made = try EmployeeDirectory.search("made SUARTA", in: db)
                #expect(made.total == 1)
                let entry = try #require(made.entries.first)
                #expect(entry.nip == "198008082006041003")
                #expect(entry.unitName == "Bidang Aplikasi Informatika")
                #expect(entry.supervisorName == "Sri Wahyuni")

                #expect(try EmployeeDirectory.search("19800808 2006", in: db).entries.map(\.name) == ["I Made Suarta"])
                #expect(try EmployeeDirectory.search("100%", in: db).total == 1)
                #expect(try EmployeeDirectory.search("_", in: db).total == 1)

                let kominfo = org.units["KOMINFO"]!
                #expect(try EmployeeDirectory.search(nil, unitId: kominfo, in: db).total == 1)
                #expect(try EmployeeDirectory.search(nil, unitId: kominfo, includeSubunits: true, in: db).total == 5)

                let first = try EmployeeDirectory.search(nil, page: 1, pageSize: 4, in: db)
                let third = try EmployeeDirectory.search(nil, page: 3, pageSize: 4, in: db)
                #expect(first.total == 9 && first.pageCount == 3)
                #expect(first.entries.map(\.name) == ["Andi Muhammad Ridwan", "Budi Santoso", "Hasnawati", "I Made Suarta"])
                #expect(third.entries.map(\.name) == ["Yohanes Pasongli"])
                #expect(try EmployeeDirectory.employee(nip: "19700101 199503 1 001", in: db)?.name == "Andi Muhammad Ridwan")
            }
        }
    }

    @Test("the unit tree lists each unit before its sub-units")
    func unitTree() throws {
        try withOrganisation { org in
            let tree = try org.database.pool.read { try EmployeeDirectory.unitTree(in: $0) }
            #expect(tree.map(\.code) == ["BAPPEDA", "KOMINFO", "KOMINFO.APTIKA", "SETDA"])
            #expect(tree.map(\.depth) == [0, 0, 1, 0])
            #expect(tree[2].parentId == org.units["KOMINFO"])
        }
    }
}
