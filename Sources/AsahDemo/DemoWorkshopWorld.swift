import AsahCore
import Foundation
import GRDB

/// Days and times relative to the demo's "now", in the installation's zone (``LocalZone/current``,
/// WITA for the demo kabupaten; no daylight saving).
struct DemoTimeline {
    let now: Int64
    /// Midnight of today in the zone.
    let midnight: Int64

    init(now: Int64) {
        self.now = now
        let offset = Int64(LocalZone.current.offset)
        midnight = Self.floorDiv(now + offset, 86400) * 86400 - offset
    }

    /// Unix seconds of `hour:minute` in the zone on the day `day` days from today.
    func at(day: Int, hour: Int, minute: Int = 0) -> Int64 {
        midnight + Int64(day) * 86400 + Int64(hour * 3600 + minute * 60)
    }

    /// The calendar day `day` days from today.
    func date(day: Int) -> CalendarDate {
        IndonesianTime.date(of: at(day: day, hour: 12))
    }

    /// Whether the day `day` days from today is Monday to Friday.
    func isWeekday(_ day: Int) -> Bool {
        let epochDay = Self.floorDiv(midnight + Int64(LocalZone.current.offset), 86400) + Int64(day)
        let weekday = ((epochDay + 4) % 7 + 7) % 7 // 1 January 1970 was a Thursday; 0 = Sunday
        return weekday != 0 && weekday != 6
    }

    /// `count` consecutive working days from `day` (moved forward to a weekday).
    func workingDays(from day: Int, count: Int) -> [Int] {
        var days: [Int] = []
        var current = day
        while days.count < count {
            if isWeekday(current) { days.append(current) }
            current += 1
        }
        return days
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

/// The organisation and catalogue as the demo workshops see them: active employees, unit
/// chains for the audience check, who completed which course, and an account per person
/// who acts (created without a password when missing, like an account not yet activated).
struct DemoWorkshopWorld {
    let database: AppDatabase
    let demo: DemoPeople
    var random: SeededRandom
    /// Courses on offer, by Indonesian title.
    let courses: [Course]
    /// Active employees by id.
    let employees: [Int64: Employee]
    /// Active employee ids, ascending.
    let activeIds: [Int64]
    /// Course code → active employees inside its audience, ascending.
    let audience: [String: [Int64]]
    /// Fungsional experts who teach, ascending, the demo instructor first.
    let instructors: [Int64]
    /// Active employees with active people reporting to them.
    let supervisors: Set<Int64>
    /// Course code → employees who completed it.
    var completed: [String: Set<Int64>] = [:]
    /// How many runs each employee takes part in.
    var load: [Int64: Int] = [:]
    private var principals: [Int64: Principal] = [:]
    private(set) var accountsCreated = 0

    init(database: AppDatabase, demo: DemoPeople, seed: UInt64) throws {
        self.database = database
        self.demo = demo
        random = SeededRandom(seed: seed ^ 0x5753_484F_5053_2121)
        let (courses, employees, units) = try database.pool.read { db in
            (try CatalogueQueries.search(in: db),
             try Employee.fetchAll(db, sql: "SELECT * FROM employees WHERE active ORDER BY id"),
             try Row.fetchAll(db, sql: "SELECT id, code, parent_id FROM units"))
        }
        self.courses = courses
        self.employees = Dictionary(uniqueKeysWithValues: employees.map { ($0.id!, $0) })
        activeIds = employees.map { $0.id! }
        supervisors = Set(employees.compactMap(\.supervisorId))
        var codeOf: [Int64: String] = [:]
        var parentOf: [Int64: Int64] = [:]
        for row in units {
            codeOf[row["id"]] = row["code"]
            if let parent: Int64 = row["parent_id"] { parentOf[row["id"]] = parent }
        }
        var chains: [Int64: [String]] = [:]
        for unit in codeOf.keys {
            var chain: [String] = []
            var current: Int64? = unit
            while let id = current, let code = codeOf[id], chain.count < 100 {
                chain.append(code)
                current = parentOf[id]
            }
            chains[unit] = chain
        }
        // People of one unit, position kind and golongan fit the same audiences: check each such group once.
        struct Group: Hashable {
            let unit: Int64?, kind: JabatanKind?, golongan: Golongan?
        }
        var groups: [Group: [Int64]] = [:]
        var representative: [Group: Employee] = [:]
        var groupOrder: [Group] = []
        for employee in employees {
            let group = Group(unit: employee.unitId, kind: employee.jabatanKind, golongan: employee.golongan)
            if groups[group] == nil {
                groupOrder.append(group)
                representative[group] = employee
            }
            groups[group, default: []].append(employee.id!)
        }
        var audience: [String: [Int64]] = [:]
        for course in courses {
            var members: [Int64] = []
            for group in groupOrder {
                let chain = group.unit.flatMap { chains[$0] } ?? []
                if course.audience.check(employee: representative[group]!, unitCode: chain.first,
                                         parentUnitCodes: Array(chain.dropFirst())).fits {
                    members += groups[group]!
                }
            }
            audience[course.code] = members.sorted()
        }
        self.audience = audience
        let reserved: Set<Int64> = [demo.pegawai, demo.atasan, demo.koordinator, demo.instruktur]
        let experts = employees.filter { employee in
            guard let kind = employee.jabatanKind, !reserved.contains(employee.id!) else { return false }
            return [.fungsionalAhliMadya, .fungsionalAhliMuda, .fungsionalAhliUtama].contains(kind)
        }.map { $0.id! }
        instructors = [demo.instruktur] + experts
    }

    // MARK: - Choosing people

    /// Whether `employeeId` may take `course` now: active, in the audience, prerequisites
    /// completed, and not completed the course already.
    func fits(_ employeeId: Int64, _ course: Course) -> Bool {
        guard audience[course.code].map({ Self.contains($0, employeeId) }) ?? false else { return false }
        return qualifies(employeeId, course)
    }

    /// Whether someone in the audience of `course` has its prerequisites and has not completed it.
    private func qualifies(_ employeeId: Int64, _ course: Course) -> Bool {
        !(completed[course.code]?.contains(employeeId) ?? false)
            && course.prerequisites.allSatisfy { completed[$0]?.contains(employeeId) ?? false }
    }

    /// Everyone who may take `course`, apart from the demo accounts and `excluded`.
    func pool(_ course: Course, excluding excluded: Set<Int64> = []) -> [Int64] {
        let reserved: Set<Int64> = [demo.pegawai, demo.atasan, demo.koordinator, demo.instruktur]
        return (audience[course.code] ?? []).filter { !reserved.contains($0) && !excluded.contains($0) && qualifies($0, course) }
    }

    /// Whether at least `minimum` people may take `course` (see ``pool(_:excluding:)``).
    func hasPool(_ course: Course, minimum: Int) -> Bool {
        guard minimum > 0 else { return true }
        let reserved: Set<Int64> = [demo.pegawai, demo.atasan, demo.koordinator, demo.instruktur]
        var found = 0
        for person in audience[course.code] ?? [] where !reserved.contains(person) && qualifies(person, course) {
            found += 1
            if found >= minimum { return true }
        }
        return false
    }

    /// `count` people of `pool` chosen at random, those in fewer runs first, in random order.
    mutating func choose(_ count: Int, from pool: [Int64]) -> [Int64] {
        var byLoad: [Int: [Int64]] = [:]
        for person in pool { byLoad[load[person] ?? 0, default: []].append(person) }
        var chosen: [Int64] = []
        for level in byLoad.keys.sorted() where chosen.count < count {
            var bucket = byLoad[level]!
            let take = min(count - chosen.count, bucket.count)
            for index in 0..<take { // a partial Fisher-Yates shuffle
                bucket.swapAt(index, random.int(in: index...(bucket.count - 1)))
            }
            chosen += bucket[0..<take]
        }
        shuffle(&chosen)
        return chosen
    }

    mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(index, random.int(in: 0...index))
        }
    }

    private static func contains(_ sorted: [Int64], _ value: Int64) -> Bool {
        let low = sorted.firstIndex(notBelow: value)
        return low < sorted.count && sorted[low] == value
    }

    // MARK: - Accounts

    /// The principal of the account of `employeeId` with at least `roles`, creating the
    /// account (without a password) or granting the roles when needed.
    mutating func principal(_ employeeId: Int64, roles: Set<Role> = []) throws -> Principal {
        if let known = principals[employeeId], roles.isSubset(of: known.roles) { return known }
        let employee: Employee
        if let known = employees[employeeId] {
            employee = known
        } else {
            employee = try database.pool.read { db in try WorkshopLookup.employee(employeeId, in: db) }
        }
        let granted = Role.grantable.filter(roles.contains)
        let account = try database.pool.write { db -> (id: Int64, login: String, name: String, roles: Set<Role>, created: Bool) in
            if let row = try Row.fetchOne(db, sql: "SELECT id, login, display_name FROM users WHERE employee_id = ?",
                                          arguments: [employeeId]) {
                let id: Int64 = row["id"]
                for role in granted {
                    try db.execute(sql: "INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)",
                                   arguments: [id, role.rawValue])
                }
                let roles = try String.fetchAll(db, sql: "SELECT role FROM user_roles WHERE user_id = ?", arguments: [id])
                return (id, row["login"], row["display_name"], Set(roles.compactMap(Role.init(rawValue:))), false)
            }
            var login = employee.email.flatMap { $0.split(separator: "@").first.map(String.init) } ?? employee.nip
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM users WHERE login = ?)", arguments: [login]) ?? true
            if taken || login.range(of: #"^[A-Za-z0-9._-]{3,64}$"#, options: .regularExpression) == nil { login = employee.nip }
            try db.execute(sql: """
                INSERT INTO users (login, employee_id, display_name, locale, active, created_at) VALUES (?, ?, ?, 'id', 1, ?)
                """, arguments: [login, employeeId, employee.name, Clock.now()])
            let id = db.lastInsertedRowID
            for role in granted {
                try db.execute(sql: "INSERT INTO user_roles (user_id, role) VALUES (?, ?)", arguments: [id, role.rawValue])
            }
            try AuditLog.record("user.add", actor: nil, ip: "demo", subject: login,
                                detail: granted.map(\.rawValue).joined(separator: ","), in: db)
            return (id, login, employee.name, Set(granted), true)
        }
        if account.created { accountsCreated += 1 }
        // What Principal.load derives: pegawai for an employee, atasan for someone with active people below.
        var roles = account.roles.union([.pegawai])
        if supervisors.contains(employeeId) { roles.insert(.atasan) }
        let principal = Principal(userId: account.id, login: account.login, displayName: account.name, employeeId: employeeId,
                                  roles: roles, locale: "id")
        principals[employeeId] = principal
        return principal
    }
}
