import GRDB

/// A person's calendar subscription: one secret address per account, kept only as a digest,
/// that calendar programs fetch without signing in; re-issuing replaces it, revoking ends it.
enum CalendarFeedSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE calendar_feeds (
                user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                token_digest TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL,
                last_used_at INTEGER
            );
            """)
    }
}
