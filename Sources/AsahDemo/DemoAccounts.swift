import AsahCore
import GRDB

/// Builds the demo database: the generated kabupaten plus one account per role, named
/// `demo.pegawai`, `demo.atasan`, `demo.instruktur`, `demo.koordinator` and `demo.admin`.
public enum DemoAccounts {
    /// Why the demo could not be created.
    public enum Problem: Error, CustomStringConvertible {
        case notEmpty
        case account(String, Accounts.Problem)

        public var description: String {
            switch self {
            case .notEmpty: "the database already holds employees; demo data goes into a new database only"
            case .account(let login, let problem): "could not create \(login): \(problem)"
            }
        }
    }

    /// Generates the data and accounts, then the demo workshops over the synced catalogue
    /// (``DemoWorkshops``, at times relative to `now`); returns the logins created.
    @discardableResult
    public static func create(in database: AppDatabase, seed: UInt64, employeeCount: Int, password: String,
                              regions: Int = 1, now: Int64 = Clock.now()) throws -> [String] {
        let existing = try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM employees") ?? 0 }
        guard existing == 0 else { throw Problem.notEmpty }
        let people = try DemoKabupaten.generate(in: database, seed: seed, employeeCount: employeeCount, regions: regions)
        let accounts = Accounts(database: database)
        let plan: [(login: String, employee: Int64?, roles: Set<Role>)] = [
            ("demo.pegawai", people.pegawai, []),
            ("demo.atasan", people.atasan, []),
            ("demo.instruktur", people.instruktur, [.instruktur]),
            ("demo.koordinator", people.koordinator, [.koordinator]),
            ("demo.admin", nil, [.admin]),
        ]
        for entry in plan {
            let nip = try entry.employee.flatMap { id in
                try database.pool.read { try String.fetchOne($0, sql: "SELECT nip FROM employees WHERE id = ?", arguments: [id]) }
            }
            let result = try accounts.add(login: entry.login, nip: nip, displayName: entry.employee == nil ? "Admin Demo" : nil,
                                          password: password, roles: entry.roles, actor: nil, ip: "demo")
            if case .failure(let problem) = result { throw Problem.account(entry.login, problem) }
        }
        try DemoAgency.configure(in: database, region: DemoRegion.first(1)[0])
        // Sessions at 09.00 are 09.00 on the kabupaten's clocks (WITA), its days turn at its midnight.
        try database.withLocalZone {
            try DemoWorkshops.generate(in: database, people: people, seed: seed, now: now)
            try DemoForums.generate(in: database, people: people, seed: seed, now: now)
            try DemoProjects.generate(in: database, people: people, seed: seed, now: now)
            try DemoEvaluation.generate(in: database, people: people, seed: seed, now: now)
        }
        return plan.map(\.login)
    }
}
