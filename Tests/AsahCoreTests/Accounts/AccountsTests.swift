@testable import AsahCore
import CSodium
import Foundation
import GRDB
import Testing

@Suite("Accounts, passwords and sessions")
struct AccountsTests {
    private static func isInvalid<T>(_ result: Result<T, Authenticator.Failure>) -> Bool {
        if case .failure(.invalidCredentials) = result { return true }
        return false
    }

    /// A database with employee Abdul Rahman (NIP 198710092015031001, unit DINKES) and his
    /// account `abdul`, password `sandi-yang-panjang`.
    private func databaseWithAbdul() throws -> AppDatabase {
        let db = try database()
        _ = try UnitImport(database: db).run(csv: "kode,nama,jenis\nDINKES,Dinas Kesehatan,dinas\n")
        _ = try EmployeeImport(database: db).run(csv: "nip,nama,unit\n198710092015031001,Abdul Rahman,DINKES\n")
        _ = try Accounts(database: db).add(login: "abdul", nip: "198710092015031001", displayName: nil,
                                           password: "sandi-yang-panjang", roles: [], actor: nil, ip: nil).get()
        return db
    }

    private func database() throws -> AppDatabase {
        try AppDatabase(path: NSTemporaryDirectory() + "asah-accounts-" + UUID().uuidString + "/asah.sqlite")
    }

    @Test("passwords are stored as Argon2id hashes that verify only the right password")
    func argon2id() {
        let hash = PasswordHasher.hash("kata sandi rahasia")
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(PasswordHasher.verify("kata sandi rahasia", against: hash))
        #expect(!PasswordHasher.verify("kata sandi rahasiA", against: hash))
        #expect(PasswordHasher.hash("kata sandi rahasia") != hash, "each hash has its own salt")
    }

    @Test("tokens are random and stored as SHA-256 digests")
    func tokens() {
        let a = SecureToken.generate(), b = SecureToken.generate()
        #expect(a != b)
        #expect(a.count >= 43)
        #expect(SecureToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecureToken.equal(a, a))
        #expect(!SecureToken.equal(a, b))
    }

    @Test("the password policy explains what is wrong")
    func policy() {
        #expect(PasswordPolicy.check("pendek", login: "budi") == .tooShort)
        #expect(PasswordPolicy.check("budi.santoso", login: "Budi.Santoso") == .sameAsLogin)
        #expect(PasswordPolicy.check("tiga kata acak", login: "budi") == nil)
    }

    @Test("an employee imported as nonaktif loses every session and token at once and cannot sign in")
    func offboardingByImport() throws {
        let db = try databaseWithAbdul()
        let authenticator = Authenticator(database: db, sessions: SessionStore(database: db))
        guard case .success(let (session, _)) = try authenticator.login("abdul", password: "sandi-yang-panjang", ip: "10.0.0.1",
                                                                        userAgent: nil) else { Issue.record("login failed"); return }
        let userId = try db.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = 'abdul'")! }
        let token = try APITokens(database: db).create(userId: userId, name: "skrip", ip: "10.0.0.1")
        #expect(try APITokens(database: db).userId(forToken: token) == userId)

        let report = try EmployeeImport(database: db).run(csv: "nip,nama,unit,status\n198710092015031001,Abdul Rahman,DINKES,nonaktif\n")
        #expect(report.applied)
        #expect(try authenticator.sessions.resolve(token: session) == nil)
        #expect(try APITokens(database: db).userId(forToken: token) == nil)
        #expect(Self.isInvalid(try authenticator.login("abdul", password: "sandi-yang-panjang", ip: "10.0.0.1", userAgent: nil)))
        #expect(Self.isInvalid(try authenticator.login("198710092015031001", password: "sandi-yang-panjang", ip: "10.0.0.1",
                                                       userAgent: nil)))
    }

    @Test("a new password ends the account's API tokens too")
    func passwordEndsTokens() throws {
        let db = try database()
        let accounts = Accounts(database: db)
        guard case .success = try accounts.add(login: "pegawai.dua", nip: nil, displayName: "Dua", password: "sandi-yang-panjang",
                                               roles: [], actor: nil, ip: nil) else { Issue.record("not created"); return }
        let userId = try db.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = 'pegawai.dua'")! }
        let tokens = APITokens(database: db)
        let first = try tokens.create(userId: userId, name: "skrip", ip: "10.0.0.1")
        #expect(try accounts.changePassword(userId: userId, current: "sandi-yang-panjang", new: "sandi-baru-yang-panjang",
                                            keepSession: nil, ip: nil) == nil)
        #expect(try tokens.userId(forToken: first) == nil)
        let second = try tokens.create(userId: userId, name: "skrip", ip: "10.0.0.1")
        #expect(try accounts.resetPassword(userId: userId, to: "sandi-reset-yang-panjang", actor: nil, ip: nil) == nil)
        #expect(try tokens.userId(forToken: second) == nil)
    }

    @Test("expired sessions are purged; live ones stay")
    func purgeExpiredSessions() throws {
        let db = try database()
        guard case .success = try Accounts(database: db).add(login: "pegawai.satu", nip: nil, displayName: "Satu",
                                                             password: "sandi-yang-panjang", roles: [], actor: nil, ip: nil)
        else { Issue.record("not created"); return }
        let sessions = SessionStore(database: db)
        let userId = try db.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM users WHERE login = 'pegawai.satu'")! }
        let (stale, staleSession) = try db.pool.write { try sessions.create(userId: userId, ip: "10.0.0.1", userAgent: nil, in: $0) }
        let (live, _) = try db.pool.write { try sessions.create(userId: userId, ip: "10.0.0.1", userAgent: nil, in: $0) }
        try db.pool.write { db in
            try db.execute(sql: "UPDATE sessions SET last_seen_at = last_seen_at - ? WHERE id = ?",
                           arguments: [sessions.policy.idleTimeout + sessions.policy.activityStep, staleSession.id])
        }
        try sessions.purgeExpired()
        #expect(try db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions") } == 1)
        #expect(try sessions.resolve(token: live) != nil)
        #expect(try sessions.resolve(token: stale) == nil)
    }

    @Test("an account logs in by login name, fails on a wrong password, and is throttled after five failures")
    func loginAndThrottle() throws {
        let db = try database()
        let accounts = Accounts(database: db)
        guard case .success = try accounts.add(login: "admin.bkpsdm", nip: nil, displayName: "Admin", password: "sandi-admin-panjang",
                                                roles: [.admin], actor: nil, ip: nil) else { Issue.record("not created"); return }
        let authenticator = Authenticator(database: db, sessions: SessionStore(database: db))
        guard case .success(let (token, _)) = try authenticator.login("ADMIN.bkpsdm", password: "sandi-admin-panjang", ip: "10.0.0.1",
                                                                      userAgent: nil) else { Issue.record("login failed"); return }
        #expect(try authenticator.sessions.resolve(token: token) != nil)
        for _ in 0..<5 {
            #expect(Self.isInvalid(try authenticator.login("admin.bkpsdm", password: "salah", ip: "10.0.0.2", userAgent: nil)))
        }
        guard case .failure(.throttled(let wait)) = try authenticator.login("admin.bkpsdm", password: "sandi-admin-panjang",
                                                                             ip: "10.0.0.3", userAgent: nil) else {
            Issue.record("not throttled"); return
        }
        #expect(wait > 0 && wait <= 15 * 60)
        let audited = try db.pool.read { try String.fetchAll($0, sql: "SELECT action FROM audit_log") }
        #expect(audited.contains("login") && audited.contains("login.failed") && audited.contains("user.add"))
    }

    @Test("failures count against the account: spellings of one NIP and its login share five tries")
    func throttleByAccount() throws {
        let db = try databaseWithAbdul()
        let authenticator = Authenticator(database: db, sessions: SessionStore(database: db))
        let spellings = ["198710092015031001", "19871009 201503 1 001", " 198710092015031001", "19871009 2015031001", "ABDUL"]
        for (index, typed) in spellings.enumerated() {
            #expect(Self.isInvalid(try authenticator.login(typed, password: "salah", ip: "10.0.1.\(index)", userAgent: nil)), "\(typed)")
        }
        guard case .failure(.throttled) = try authenticator.login("abdul", password: "sandi-yang-panjang", ip: "10.0.2.1",
                                                                  userAgent: nil) else {
            Issue.record("a sixth spelling got another try"); return
        }
    }

    @Test("attempts racing the slow hash cannot pass the limit: each is counted before its password is checked")
    func throttleUnderRace() throws {
        let db = try database()
        guard case .success = try Accounts(database: db).add(login: "sasaran", nip: nil, displayName: "Sasaran",
                                                             password: "sandi-yang-panjang", roles: [], actor: nil, ip: nil)
        else { Issue.record("not created"); return }
        let authenticator = Authenticator(database: db, sessions: SessionStore(database: db))
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let result = try? authenticator.login("sasaran", password: "tebakan-\(index)", ip: "10.0.3.\(index)", userAgent: nil)
            outcomes.add(result.map(Self.isInvalid) ?? false)
        }
        #expect(outcomes.checked == 5, "five passwords were checked, the other eleven refused before hashing")
    }

    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var checked = 0
        func add(_ invalid: Bool) { lock.withLock { if invalid { checked += 1 } } }
    }

    @Test("a password hashed with older, heavier parameters still logs in and is hashed again with today's")
    func rehashOnLogin() throws {
        let db = try database()
        guard case .success = try Accounts(database: db).add(login: "lama", nip: nil, displayName: "Lama", password: "sandi-lama-panjang",
                                                             roles: [], actor: nil, ip: nil) else { Issue.record("not created"); return }
        // libsodium's "interactive" parameters (64 MiB, 2 passes), which Asah used before.
        var old = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        #expect(crypto_pwhash_str(&old, "sandi-lama-panjang", 18, UInt64(crypto_pwhash_opslimit_interactive()),
                                  crypto_pwhash_memlimit_interactive()) == 0)
        let oldHash = old.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        try db.pool.write { try $0.execute(sql: "UPDATE users SET password_hash = ? WHERE login = 'lama'", arguments: [oldHash]) }
        #expect(PasswordHasher.needsRehash(oldHash) && !PasswordHasher.needsRehash(PasswordHasher.hash("x")))
        let authenticator = Authenticator(database: db, sessions: SessionStore(database: db))
        guard case .success = try authenticator.login("lama", password: "sandi-lama-panjang", ip: "10.0.0.9", userAgent: nil) else {
            Issue.record("the old hash did not log in"); return
        }
        let stored = try #require(try db.pool.read { try String.fetchOne($0, sql: "SELECT password_hash FROM users WHERE login = 'lama'") })
        #expect(stored != oldHash && !PasswordHasher.needsRehash(stored) && stored.contains("m=19456,t=2"))
        #expect(PasswordHasher.verify("sandi-lama-panjang", against: stored))
    }

    @Test("unknown logins fail the same way as wrong passwords")
    func unknownLogin() throws {
        let db = try database()
        let authenticator = Authenticator(database: db, sessions: SessionStore(database: db))
        #expect(Self.isInvalid(try authenticator.login("tidak.ada", password: "apa saja", ip: "10.0.0.1", userAgent: nil)))
    }

    @Test("only administrators manage accounts; coordinators see the directory; supervisors their team")
    func permissions() {
        #expect(Policy.roles(for: .manageAccounts) == [.admin])
        #expect(Policy.roles(for: .viewDirectory) == [.koordinator, .admin])
        #expect(Policy.roles(for: .viewTeam) == [.atasan])
        #expect(Policy.roles(for: .useAccount) == Role.allCases)
    }

    @Test("an online backup is a complete, consistent database")
    func backup() throws {
        let db = try database()
        _ = try Accounts(database: db).add(login: "admin.satu", nip: nil, displayName: nil, password: "sandi-admin-panjang",
                                           roles: [.admin], actor: nil, ip: nil)
        let copy = NSTemporaryDirectory() + "asah-backup-" + UUID().uuidString + ".sqlite"
        try db.backup(to: copy)
        let restored = try DatabaseQueue(path: copy)
        #expect(try restored.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try restored.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM users") } == 1)
    }
}
