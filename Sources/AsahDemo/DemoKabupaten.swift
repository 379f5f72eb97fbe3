import AsahCore
import Foundation
import GRDB

/// The employees the demo accounts belong to.
public struct DemoPeople: Sendable, Hashable {
    /// A pelaksana whose direct supervisor is ``atasan``.
    public let pegawai: Int64
    /// A pengawas with several pelaksana reporting to them.
    public let atasan: Int64
    /// A widyaiswara in the BKPSDM's competency development division.
    public let instruktur: Int64
    /// An Analis SDM Aparatur in the same BKPSDM division.
    public let koordinator: Int64
}

/// Demo data: the fictional Kabupaten Asah Makmur in South Sulawesi, with its Setda and
/// bagian, Inspektorat, dinas and badan with their bidang, schools, puskesmas, an RSUD and
/// kecamatan with kelurahan (36 units), staffed with realistic people, supervisor chains
/// pelaksana → pengawas → administrator → head → Sekretaris Daerah, and valid NIPs.
public enum DemoKabupaten {
    /// Why demo data could not be generated.
    public enum GenerationError: Error {
        /// Too few employees for a pengawas with three pelaksana (the demo atasan).
        case tooFewEmployees
    }

    static let emailDomain = "asahmakmur.go.id"

    /// Creates the units and about `employeeCount` employees (exactly that many unless it is
    /// below what the structure needs) in one transaction, into a database without them.
    /// The same seed gives the same people, NIPs and ids.
    /// With `regions` above 1 the data is a province: the kabupaten's structure repeated for
    /// each kabupaten and kota (36 units each), every region's Sekretaris Daerah reporting to
    /// the first one's.
    public static func generate(in database: AppDatabase, seed: UInt64 = 42, employeeCount: Int = 5000,
                                regions: Int = 1) throws -> DemoPeople {
        let regional = DemoRegion.first(regions).flatMap { region in
            DemoKabupatenUnits.all.map { (region: region, plan: region.number == 0 ? $0 : $0.inRegion(region)) }
        }
        let plans = regional.map(\.plan)
        let sizes = unitSizes(plans, total: employeeCount)
        var staffing = DemoStaffing(random: SeededRandom(seed: seed))
        var headOf: [String: Int] = [:]
        for (index, (region, plan)) in regional.enumerated() {
            let root = region.codePrefix + "SETDA"
            if plan.code == root { staffing.startRegion() }
            let supervisor = plan.reportsTo.flatMap(staffing.person(titled:))
                ?? plan.parent.flatMap { headOf[$0] } ?? headOf[root] ?? headOf["SETDA"]
            headOf[plan.code] = staffing.people.count
            staffing.staff(unitIndex: index, plan: plan, size: sizes[index], headSupervisor: supervisor)
        }
        let people = staffing.people
        let demo = try demoIndices(people, plans)
        let nips = nips(people)
        let emails = emails(people)

        return try database.pool.write { db in
            var unitIds: [Int64] = []
            var unitIdByCode: [String: Int64] = [:]
            for plan in plans {
                var unit = Unit(code: plan.code, name: plan.name, kind: plan.kind,
                                parentId: plan.parent.flatMap { unitIdByCode[$0] })
                try unit.insert(db)
                unitIds.append(unit.id!)
                unitIdByCode[plan.code] = unit.id!
            }
            var ids: [Int64] = []
            ids.reserveCapacity(people.count)
            let now = Date()
            for (index, person) in people.enumerated() {
                var employee = Employee(
                    nip: nips[index], name: person.name, sex: person.sex, birthDate: person.birthDate,
                    employment: person.employment, golongan: person.golongan, jabatan: person.jabatan,
                    jabatanKind: person.kind, unitId: unitIds[person.unit], supervisorId: person.supervisor.map { ids[$0] },
                    email: emails[index], active: person.active, createdAt: now, updatedAt: now)
                try employee.insert(db)
                ids.append(employee.id!)
            }
            return DemoPeople(pegawai: ids[demo.pegawai], atasan: ids[demo.atasan],
                              instruktur: ids[demo.instruktur], koordinator: ids[demo.koordinator])
        }
    }

    /// Shares `total` out in proportion to the weights, each unit getting at least its minimum;
    /// rounding is settled on the largest units so the sizes add up to `total`.
    static func unitSizes(_ plans: [DemoUnitPlan], total: Int) -> [Int] {
        let totalWeight = Double(plans.reduce(0) { $0 + $1.weight })
        var sizes = plans.map { max($0.minimumSize, Int(Double(total) * Double($0.weight) / totalWeight)) }
        let largestFirst = plans.indices.sorted { plans[$0].weight > plans[$1].weight }
        var difference = total - sizes.reduce(0, +)
        while difference > 0 {
            for unit in largestFirst where difference > 0 {
                sizes[unit] += 1
                difference -= 1
            }
        }
        while difference < 0, let unit = largestFirst.first(where: { sizes[$0] > plans[$0].minimumSize }) {
            sizes[unit] -= 1
            difference += 1
        }
        return sizes
    }

    /// Picks the demo people: a pengawas (preferably at Kominfo) with at least three active
    /// pelaksana, one of those, and the key staff of the BKPSDM competency division.
    private static func demoIndices(_ people: [DemoPerson], _ plans: [DemoUnitPlan])
        throws -> (pegawai: Int, atasan: Int, instruktur: Int, koordinator: Int) {
        var pelaksanaOf: [Int: [Int]] = [:]
        for (index, person) in people.enumerated() where person.kind == .pelaksana && person.active {
            if let supervisor = person.supervisor { pelaksanaOf[supervisor, default: []].append(index) }
        }
        let kominfo = plans.firstIndex { $0.code == "KOMINFO" }
        let teams = people.indices.filter { people[$0].kind == .pengawas && pelaksanaOf[$0, default: []].count >= 3 }
        let kompetensi = plans.firstIndex { $0.code == DemoKabupatenUnits.bkpsdmKompetensi.code }
        let keyStaff = DemoKabupatenUnits.bkpsdmKompetensi.keyStaff.map { position in
            people.indices.first { people[$0].unit == kompetensi && people[$0].jabatan == position.title }
        }
        guard let atasan = teams.first(where: { people[$0].unit == kominfo }) ?? teams.first,
              let instruktur = keyStaff[0], let koordinator = keyStaff[1] else { throw GenerationError.tooFewEmployees }
        return (pelaksanaOf[atasan]![0], atasan, instruktur, koordinator)
    }

    /// NIPs from birth date, TMT and sex, numbering people whose first 15 digits collide.
    private static func nips(_ people: [DemoPerson]) -> [String] {
        var used: [String: Int] = [:]
        return people.map { person in
            let date = person.birthDate
            let prefix = digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2)
                + digits(person.tmtYear, 4) + digits(person.tmtMonth, 2) + (person.sex == .male ? "1" : "2")
            used[prefix, default: 0] += 1
            return prefix + digits(used[prefix]!, 3)
        }
    }

    /// `given.last@asahmakmur.go.id`, numbered from 2 when taken.
    private static func emails(_ people: [DemoPerson]) -> [String] {
        var taken = Set<String>()
        return people.map { person in
            var local = person.emailLocal, number = 1
            while !taken.insert(local).inserted {
                number += 1
                local = person.emailLocal + String(number)
            }
            return "\(local)@\(emailDomain)"
        }
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
