@testable import AsahCore
import Foundation
import GRDB
import Testing

@Suite("Accounts in bulk with activation codes")
struct AccountActivationTests {
    /// Two units (DINKES with its PUSKESMAS, and BKPSDM) and four employees, one of them nonaktif.
    private func agency() throws -> AppDatabase {
        let db = try SmallAgency.database("activation")
        let report = try EmployeeImport(database: db).run(csv: """
            nip,nama,unit,status
            198710092015031001,Abdul Rahman,DINKES,aktif
            199001012019032002,Siti Aminah,PKM1,aktif
            198505052010011003,Budi Santoso,BKPSDM,aktif
            197001012000031004,Wati Lestari,DINKES,nonaktif
            """)
        #expect(report.applied)
        return db
    }

    private func logins(_ db: AppDatabase) throws -> [String] {
        try db.pool.read { try String.fetchAll($0, sql: "SELECT login FROM users ORDER BY login") }
    }

    @Test("a unit's active employees without an account get one each (sub-units included), once")
    func createPerUnit() throws {
        let db = try agency()
        let activation = AccountActivation(database: db)
        let dinkes = try #require(try db.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM units WHERE code = 'DINKES'") })
        #expect(try activation.createAccounts(unitId: dinkes, actor: nil, ip: nil) == 2)
        #expect(try logins(db) == ["198710092015031001", "199001012019032002"])
        #expect(try activation.createAccounts(unitId: dinkes, actor: nil, ip: nil) == 0, "no second account")
        #expect(try activation.createAccounts(unitId: nil, actor: nil, ip: nil) == 1, "the rest of the agency, not the nonaktif")
        let issued = try activation.issue(unitId: dinkes, actor: nil, ip: nil)
        #expect(issued.map(\.unitCode) == ["DINKES", "PKM1"])
        #expect(issued.allSatisfy { $0.code.wholeMatch(of: /[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}/) != nil })
        let stored = try db.pool.read { try String.fetchAll($0, sql: "SELECT code_hash FROM account_activations") }
        #expect(!stored.contains { hash in issued.contains { hash.contains($0.code) } }, "only digests are kept")
    }

    @Test("NIP and code set the password once; wrong, expired, replaced or spent codes are refused alike")
    func activate() throws {
        let db = try agency()
        let activation = AccountActivation(database: db)
        _ = try activation.createAccounts(unitId: nil, actor: nil, ip: nil)
        let first = try #require(try activation.issue(unitId: nil, actor: nil, ip: nil).first { $0.name == "Abdul Rahman" })
        #expect(try activation.activate(nip: first.nip, code: "AAAAA-AAAAA", password: "tiga kata acak", ip: "10.0.0.1")
            == .failure(.invalidCode))
        let userId = try #require(try Accounts(database: db).userId(login: first.login))
        let second = try #require(try activation.reissue(userId: userId, actor: nil, ip: nil))
        #expect(try activation.activate(nip: first.nip, code: first.code, password: "tiga kata acak", ip: "10.0.0.1")
            == .failure(.invalidCode), "a re-issued code replaces the old one")
        #expect(try activation.activate(nip: first.nip, code: second.code, password: "pendek", ip: "10.0.0.1")
            == .failure(.weakPassword(.tooShort)))
        let spaced = "1987 1009 2015 03 1 001"
        let activated = try activation.activate(nip: spaced, code: second.code.lowercased().replacing("-", with: " "),
                                                password: "tiga kata acak", ip: "10.0.0.1")
        #expect(activated == .success(userId), "typed as people type")
        #expect(try activation.activate(nip: first.nip, code: second.code, password: "lain kata acak", ip: "10.0.0.1")
            == .failure(.invalidCode), "a spent code")
        let signIn = try Authenticator(database: db, sessions: SessionStore(database: db))
            .login(first.nip, password: "tiga kata acak", ip: "10.0.0.1", userAgent: nil)
        #expect((try? signIn.get()) != nil, "the employee signs in with NIP and the new password")
        #expect(try activation.issue(unitId: nil, actor: nil, ip: nil).allSatisfy { $0.name != "Abdul Rahman" },
                "an active account gets no code")

        let late = try #require(try activation.issue(unitId: nil, actor: nil, ip: nil).first)
        try db.pool.write { try $0.execute(sql: "UPDATE account_activations SET expires_at = 1") }
        #expect(try activation.activate(nip: late.nip, code: late.code, password: "tiga kata acak", ip: "10.0.0.1")
            == .failure(.invalidCode), "an expired code")
    }

    @Test("guessing codes is throttled like guessing passwords")
    func throttled() throws {
        let db = try agency()
        let activation = AccountActivation(database: db)
        _ = try activation.createAccounts(unitId: nil, actor: nil, ip: nil)
        let issued = try #require(try activation.issue(unitId: nil, actor: nil, ip: nil).first)
        for _ in 1...5 { _ = try activation.activate(nip: issued.nip, code: "AAAAA-AAAAA", password: "tiga kata acak", ip: "10.0.0.2") }
        guard case .failure(.throttled) = try activation.activate(nip: issued.nip, code: issued.code, password: "tiga kata acak",
                                                                  ip: "10.0.0.2") else {
            Issue.record("not throttled")
            return
        }
    }

    @Test("an import can make the accounts of the employees it brings")
    func byImport() throws {
        let db = try agency()
        let report = try EmployeeImport(database: db).run(csv: """
            nip,nama,unit
            198001012005011005,Rina Marlina,BKPSDM
            """, createAccounts: true)
        #expect(report.accountsCreated == 1)
        #expect(try logins(db) == ["198001012005011005"])
        let dry = try EmployeeImport(database: db).run(csv: "nip,nama,unit\n198505052010011003,Budi Santoso,BKPSDM\n",
                                                       dryRun: true, createAccounts: true)
        let after = try logins(db)
        #expect(dry.accountsCreated == 0 && after.count == 1, "a dry run makes nothing")
    }
}
