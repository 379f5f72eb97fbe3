import Foundation
import GRDB
import Testing
@testable import AsahCore
@testable import AsahDemo

@Suite("Demo kabupaten")
struct DemoKabupatenTests {
    typealias F = OrganisationFixtures

    /// What a generated database holds, in insertion order, for comparing two runs.
    private func snapshot(_ database: AppDatabase) throws -> [String] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.nip, e.name, e.sex, e.birth_date, e.employment, e.golongan, e.jabatan, e.jabatan_kind,
                       u.code, e.supervisor_id, e.email, e.active
                FROM employees e JOIN units u ON u.id = e.unit_id ORDER BY e.id
                """).map { $0.description }
        }
    }

    @Test("the same seed gives the same kabupaten; another seed another one")
    func deterministic() throws {
        try F.withDatabase { first in
            try F.withDatabase { second in
                let people = try DemoKabupaten.generate(in: first, seed: 7, employeeCount: 1_500)
                let again = try DemoKabupaten.generate(in: second, seed: 7, employeeCount: 1_500)
                #expect(people == again)
                #expect(try snapshot(first) == snapshot(second))
            }
            try F.withDatabase { other in
                _ = try DemoKabupaten.generate(in: other, seed: 8, employeeCount: 1_500)
                #expect(try snapshot(first) != snapshot(other))
            }
        }
    }

    @Test("5,000 plausible employees: valid NIPs, no cycles, golongan fitting the jabatan, demo people in place")
    func fiveThousand() throws {
        try F.withDatabase { database in
            let demo = try DemoKabupaten.generate(in: database)

            let (employees, units) = try database.pool.read { db in
                (try Employee.fetchAll(db), try AsahCore.Unit.fetchAll(db))
            }
            #expect(employees.count == 5_000)
            #expect((30...40).contains(units.count))
            let byId = Dictionary(uniqueKeysWithValues: employees.map { ($0.id!, $0) })
            let unitById = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })

            for employee in employees {
                let validation = NIP.validate(employee.nip, employment: employee.employment)
                #expect(validation.problems.isEmpty, "\(employee.nip): \(validation.problems)")
                #expect(validation.nip?.sex == employee.sex)
                #expect(validation.nip?.birthDate == employee.birthDate)
                let golongan = try #require(employee.golongan)
                let kind = try #require(employee.jabatanKind)
                #expect(golongan.employment == employee.employment)
                if employee.employment == .pns {
                    #expect(DemoCareer.pnsRanks(kind).contains(golongan.rank), "\(employee.jabatan ?? "") \(golongan)")
                } else {
                    #expect(kind == .pelaksana || kind.isFungsional)
                }
            }
            #expect(Set(employees.map(\.email)).count == 5_000)
            #expect(employees.allSatisfy { $0.email?.hasSuffix("@asahmakmur.go.id") == true })
            let activeShare = Double(employees.count(where: \.active)) / 5_000
            #expect((0.93...0.97).contains(activeShare))
            let pppkShare = Double(employees.count(where: { $0.employment == .pppk })) / 5_000
            #expect((0.05...0.35).contains(pppkShare))

            // Every chain ends at the Sekretaris Daerah, without cycles.
            let roots = employees.filter { $0.supervisorId == nil }
            #expect(roots.map(\.jabatan) == ["Sekretaris Daerah"])
            for employee in employees {
                var seen: Set<Int64> = [employee.id!]
                var current = employee
                while let supervisor = current.supervisorId.flatMap({ byId[$0] }) {
                    #expect(seen.insert(supervisor.id!).inserted, "cycle above \(employee.nip)")
                    if seen.count > 12 { break }
                    current = supervisor
                }
                #expect(current.jabatan == "Sekretaris Daerah")
            }

            let pegawai = try #require(byId[demo.pegawai]), atasan = try #require(byId[demo.atasan])
            #expect(pegawai.supervisorId == demo.atasan)
            #expect(pegawai.jabatanKind == .pelaksana && pegawai.active)
            #expect(atasan.jabatanKind == .pengawas)
            #expect(employees.count(where: { $0.supervisorId == demo.atasan && $0.active }) >= 3)
            let instruktur = try #require(byId[demo.instruktur]), koordinator = try #require(byId[demo.koordinator])
            #expect(instruktur.jabatanKind?.isFungsional == true)
            #expect(instruktur.jabatan?.hasPrefix("Widyaiswara") == true)
            for person in [instruktur, koordinator] {
                let unit = try #require(person.unitId.flatMap { unitById[$0] })
                let parent = unit.parentId.flatMap { unitById[$0] }
                #expect(unit.code == "BKPSDM" || parent?.code == "BKPSDM")
                #expect(person.active)
            }
        }
    }

    @Test("unit sizes add up to the employee count and respect each unit's minimum")
    func sizes() {
        let plans = DemoKabupatenUnits.all
        for total in [300, 1_000, 5_000, 12_000] {
            let sizes = DemoKabupaten.unitSizes(plans, total: total)
            #expect(sizes.reduce(0, +) == total)
            #expect(zip(sizes, plans).allSatisfy { size, plan in size >= plan.minimumSize })
        }
        #expect(Set(plans.map(\.code)).count == plans.count)
    }
}
