import GRDB

/// API tokens expire: existing ones get 90 days from the upgrade (scripts keep working, and
/// their owners have time to make new ones), and their last use is kept to the hour.
enum TokenExpirySchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
            UPDATE api_tokens SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) + 90 * 86400;
            UPDATE api_tokens SET last_used_at = last_used_at - last_used_at % 3600 WHERE last_used_at IS NOT NULL;
            """)
    }
}
