import Foundation
import GRDB

/// `pseudonym_notifications`: notices addressed to a pseudonym instead of an account (see
/// `PseudonymNotices`). Notices that earlier versions wrote to a pseudonymous author's account
/// (moderation of their post, appeal decisions, status and answer notices of a thread they do
/// not follow) move there, so no row names the author beside the post; with `secure_delete`
/// on, the removed rows do not stay readable in the file.
enum PseudonymNoticeSchema {
    static func migrate(_ db: Database, vault: () throws -> PseudonymVault?) throws {
        try db.execute(sql: """
            CREATE TABLE pseudonym_notifications (
                id INTEGER PRIMARY KEY,
                thread_id INTEGER NOT NULL,
                number INTEGER NOT NULL,
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                link TEXT,
                created_at INTEGER NOT NULL,
                read_at INTEGER,
                FOREIGN KEY (thread_id, number) REFERENCES forum_pseudonyms(thread_id, number)
            );
            CREATE INDEX pseudonym_notifications_recipient ON pseudonym_notifications(thread_id, number, read_at);
            """)
        let rows = try Row.fetchAll(db, sql: """
            SELECT n.id, n.employee_id, u.id AS user_id, n.link FROM notifications n JOIN users u ON u.employee_id = n.employee_id
            WHERE n.link LIKE '/forums/threads/%' AND EXISTS (SELECT 1 FROM forum_pseudonyms)
            """)
        guard !rows.isEmpty, let vault = try vault() else { return }
        for row in rows {
            let link: String = row["link"]
            let path = link.dropFirst("/forums/threads/".count)
            guard let threadId = Int64(path.prefix { $0.isNumber }),
                  let number = try Int.fetchOne(db, sql: "SELECT number FROM forum_pseudonyms WHERE thread_id = ? AND author_tag = ?",
                                                arguments: [threadId, vault.mac("thread:\(threadId):user:\(row["user_id"] as Int64)")])
            else { continue }
            let follows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM forum_follows WHERE thread_id = ? AND employee_id = ?)",
                                            arguments: [threadId, row["employee_id"]]) ?? false
            guard !follows || link.contains("#") else { continue }
            try db.execute(sql: """
                INSERT INTO pseudonym_notifications (thread_id, number, kind, message, link, created_at, read_at)
                    SELECT ?, ?, kind, message, link, created_at, read_at - read_at % 3600 FROM notifications WHERE id = ?;
                DELETE FROM notifications WHERE id = ?;
                """, arguments: [threadId, number, row["id"], row["id"]])
        }
    }

    /// Removes the exact activity times an earlier version kept beside posting: the posting
    /// times table (now in memory), and sign-in, session and notice-reading times to the
    /// second (now to the hour).
    static func coarsenActivity(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE forum_post_times;
            UPDATE sessions SET created_at = created_at - created_at % 3600, last_seen_at = last_seen_at - last_seen_at % 3600;
            UPDATE audit_log SET at = at - at % 3600 WHERE action IN ('login', 'login.failed', 'logout');
            UPDATE notifications SET read_at = read_at - read_at % 3600 WHERE read_at IS NOT NULL;
            """)
    }

    /// Notifications store what they say as a message key and arguments (``NotificationContent``), rendered
    /// in the reader's language; earlier rows keep their Indonesian sentence.
    static func noticeColumns(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE notifications ADD COLUMN notice TEXT;
            ALTER TABLE pseudonym_notifications ADD COLUMN notice TEXT;
            """)
    }
}
