import GRDB

/// Notifications also go by e-mail: each new notification gets a delivery row (a trigger, so
/// no feature can forget), and each account may turn e-mail off. Notifications made before
/// this migration are not mailed.
enum EmailSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE users ADD COLUMN email_notifications INTEGER NOT NULL DEFAULT 1;
            CREATE TABLE email_deliveries (
                notification_id INTEGER PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL DEFAULT 0,
                sent_at INTEGER,
                given_up_at INTEGER,
                last_error TEXT
            );
            CREATE INDEX email_deliveries_pending ON email_deliveries(next_attempt_at)
                WHERE sent_at IS NULL AND given_up_at IS NULL;
            CREATE TRIGGER notifications_email AFTER INSERT ON notifications BEGIN
                INSERT INTO email_deliveries (notification_id) VALUES (new.id);
            END;
            """)
    }
}
