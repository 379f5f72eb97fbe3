import Foundation
import GRDB
import Testing
@testable import AsahCore

/// `v16-token-expiry` on tokens made before tokens expired: each gets 90 days from the
/// upgrade (its script keeps working meanwhile) and its last use is kept to the hour.
@Suite("Token expiry migration")
struct TokenExpiryMigrationTests {
    @Test("tokens from before the upgrade expire 90 days after it, still work until then, and keep their last use to the hour")
    func existingTokens() throws {
        let path = try ReleaseMigrationTests.copy(of: "release-v12")
        let secret = APITokens.prefix + SecureToken.generate()
        let lastUse: Int64 = 1_760_001_234
        let userId: Int64 = try {
            let before = try DatabaseQueue(path: path)
            try Migrations.migrator(databasePath: path).migrate(before, upTo: "v15-notices-as-facts")
            return try before.write { db in
                let userId = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM users ORDER BY id LIMIT 1"))
                try db.execute(sql: """
                    INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at) VALUES (?, 'skrip lama', ?, ?, ?)
                    """, arguments: [userId, SecureToken.digest(secret), 1_700_000_000, lastUse])
                return userId
            }
        }()
        let upgraded = Clock.now()
        let database = try AppDatabase(path: path)
        let row = try #require(try database.pool.read {
            try Row.fetchOne($0, sql: "SELECT expires_at, last_used_at FROM api_tokens WHERE name = 'skrip lama'")
        })
        let expires: Int64 = row["expires_at"]
        #expect(abs(expires - (upgraded + 90 * 86400)) <= 5, "90 days from the upgrade")
        #expect(row["last_used_at"] as Int64? == lastUse - lastUse % 3600)
        #expect(try APITokens(database: database).userId(forToken: secret) == userId, "the script keeps working")
        #expect(try APITokens(database: database).userId(forToken: secret, now: upgraded + 91 * 86400) == nil, "until it expires")
    }
}
