import GRDB

/// Each person may turn e-mail off for single notification kinds: a row per kind turned off,
/// so every kind (and any kind added later) is mailed unless the person said otherwise; and may
/// ask for one e-mail a day (`email_digest`) instead of one per notification.
/// Written out in full: a migration never calls domain code.
enum EmailChoiceSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE users ADD COLUMN email_digest INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE email_kinds_off (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                PRIMARY KEY (user_id, kind)
            ) WITHOUT ROWID;
            """)
    }
}
