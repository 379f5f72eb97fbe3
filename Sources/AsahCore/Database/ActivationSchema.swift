import GRDB

/// One-time activation codes for accounts made in bulk: one live code per account, kept as a
/// SHA-256 digest (a copy of the database cannot activate anyone), with its expiry.
enum ActivationSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE account_activations (
                user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            );
            """)
    }
}
