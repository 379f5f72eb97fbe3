import AsahCore

/// A generated employee before insertion; `supervisor` is an index into the same list and
/// always smaller than the person's own index.
struct DemoPerson {
    let unit: Int
    let name: String
    let emailLocal: String
    let sex: Sex
    let jabatan: String
    let kind: JabatanKind
    let employment: Employment
    let golongan: Golongan
    let supervisor: Int?
    let birthDate: CalendarDate
    let tmtYear: Int
    let tmtMonth: Int
    var active = true
}

/// Fills the units of the plan with people: heads, deputies, sections, then fungsional and
/// pelaksana staff, with golongan, ages and service years that fit each position.
struct DemoStaffing {
    /// The year the demo data describes; fixed so that a seed always gives the same people.
    static let referenceYear = 2025

    private(set) var people: [DemoPerson] = []
    private var random: SeededRandom
    private var indexByTitle: [String: Int] = [:]

    init(random: SeededRandom) {
        self.random = random
    }

    /// Staffs unit `unitIndex` with `size` people. `headSupervisor` is the head's supervisor.
    mutating func staff(unitIndex: Int, plan: DemoUnitPlan, size: Int, headSupervisor: Int?) {
        let head = add(plan.head, unit: unitIndex, plan: plan, supervisor: headSupervisor)
        let deputies = plan.deputies.map { add($0, unit: unitIndex, plan: plan, supervisor: head) }
        let administrators = deputies.filter { people[$0].kind == .administrator }
        let sectionBosses = administrators.isEmpty ? [head] : administrators
        let sections = plan.sections.enumerated().map { offset, title in
            add(DemoPosition(title: title, kind: .pengawas), unit: unitIndex, plan: plan,
                supervisor: sectionBosses[offset % sectionBosses.count])
        }
        for position in plan.keyStaff { add(position, unit: unitIndex, plan: plan, supervisor: head) }

        let remaining = max(0, size - 1 - deputies.count - sections.count - plan.keyStaff.count)
        let fungsionalCount = plan.fungsional.isEmpty ? 0 : Int((Double(remaining) * plan.fungsionalShare).rounded())
        let fungsionalBosses = [.sekolah, .puskesmas].contains(plan.kind) || administrators.isEmpty ? [head] : administrators
        for _ in 0..<fungsionalCount {
            let (position, pppk) = fungsionalPosition(plan)
            add(position, unit: unitIndex, plan: plan, supervisor: random.pick(fungsionalBosses), pppk: pppk, mayLeave: true)
        }
        let pelaksanaBosses = sections.isEmpty ? sectionBosses : sections
        let offset = random.int(in: 0...(pelaksanaBosses.count - 1))
        for number in 0..<(remaining - fungsionalCount) {
            let pppk = random.chance(plan.pppkShare / 2)
            let boss = pelaksanaBosses[(offset + number) % pelaksanaBosses.count]
            // The title of a pelaksana depends on the golongan, chosen in `add`.
            add(DemoPosition(title: "", kind: .pelaksana), unit: unitIndex, plan: plan, supervisor: boss,
                pppk: pppk, mayLeave: true)
        }
    }

    /// The index of the person holding `title` (the first one, for repeated titles).
    func person(titled title: String) -> Int? { indexByTitle[title] }

    /// Titles name people within one region: the next units report to their own region's heads.
    mutating func startRegion() { indexByTitle = [:] }

    @discardableResult
    private mutating func add(_ position: DemoPosition, unit: Int, plan: DemoUnitPlan, supervisor: Int?,
                              pppk: Bool = false, mayLeave: Bool = false) -> Int {
        let isLeader = position.kind == .jptPratama || position.kind == .administrator
        let sex: Sex = position.sex ?? (random.chance(plan.femaleShare * (isLeader ? 0.6 : 1)) ? .female : .male)
        let employment: Employment = pppk ? .pppk : .pns
        let golongan = DemoCareer.golongan(for: position.kind, employment: employment, using: &random)
        let career = DemoCareer.dates(kind: position.kind, golongan: golongan, referenceYear: Self.referenceYear,
                                      using: &random)
        let title = position.kind == .pelaksana ? DemoCareer.pelaksanaTitle(golongan, using: &random) : position.title
        let name = IndonesianNames.random(sex: sex, using: &random)
        let person = DemoPerson(
            unit: unit, name: name.titled(prefix: position.prefix, degrees: degrees(for: position)),
            emailLocal: name.emailLocal, sex: sex, jabatan: title, kind: position.kind, employment: employment,
            golongan: golongan, supervisor: supervisor, birthDate: career.birthDate, tmtYear: career.tmtYear,
            tmtMonth: career.tmtMonth, active: !(mayLeave && random.chance(0.055)))
        people.append(person)
        if indexByTitle[title] == nil { indexByTitle[title] = people.count - 1 }
        return people.count - 1
    }

    /// Academic degrees, used sparingly: the position's usual one about half the time (none
    /// besides a prefix such as "dr."), a first and a master's degree for some leaders.
    private mutating func degrees(for position: DemoPosition) -> [String] {
        if let usual = position.degree { return random.chance(0.5) ? [usual] : [] }
        if position.prefix != nil { return [] }
        switch position.kind {
        case .jptPratama, .administrator:
            guard random.chance(0.6) else { return [] }
            let first = random.pick(IndonesianNames.bachelorDegrees)
            return random.chance(0.5) ? [first, random.pick(IndonesianNames.masterDegrees)] : [first]
        case .pengawas, .fungsionalAhliPertama, .fungsionalAhliMuda, .fungsionalAhliMadya:
            return random.chance(0.3) ? [random.pick(IndonesianNames.bachelorDegrees)] : []
        default:
            return random.chance(0.08) ? [random.pick(IndonesianNames.bachelorDegrees)] : []
        }
    }

    /// A fungsional position from the unit's pool at some level, and whether PPPK holds it.
    private mutating func fungsionalPosition(_ plan: DemoUnitPlan) -> (position: DemoPosition, pppk: Bool) {
        let fungsional = random.pick(weighted: plan.fungsional.map { ($0, $0.weight) })
        let pppk = random.chance(plan.pppkShare)
        let ahli: Bool = switch fungsional.track {
        case .ahli: true
        case .keterampilan: false
        case .both: random.chance(0.45)
        }
        let levels: [(String, JabatanKind, Int)] = switch (ahli, pppk) {
        case (true, false): [("Ahli Pertama", .fungsionalAhliPertama, 35), ("Ahli Muda", .fungsionalAhliMuda, 40),
                             ("Ahli Madya", .fungsionalAhliMadya, 24), ("Ahli Utama", .fungsionalAhliUtama, 1)]
        case (true, true): [("Ahli Pertama", .fungsionalAhliPertama, 85), ("Ahli Muda", .fungsionalAhliMuda, 15)]
        case (false, false): [("Pemula", .fungsionalPemula, 5), ("Terampil", .fungsionalTerampil, 35),
                              ("Mahir", .fungsionalMahir, 35), ("Penyelia", .fungsionalPenyelia, 25)]
        case (false, true): [("Terampil", .fungsionalTerampil, 80), ("Mahir", .fungsionalMahir, 20)]
        }
        let (level, kind) = random.pick(weighted: levels.map { (($0.0, $0.1), $0.2) })
        let position = DemoPosition(title: "\(fungsional.name) \(level)", kind: kind,
                                    prefix: ahli ? fungsional.prefix : nil,
                                    degree: ahli ? fungsional.degree : fungsional.diploma, sex: fungsional.sex)
        return (position, pppk)
    }
}
