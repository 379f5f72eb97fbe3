import Foundation
import GRDB
import Testing
@testable import AsahCore

extension ForumSuites {
    /// The attacks of someone holding a copy of the database file (with its WAL) but not the
    /// key: each join that could tie a pseudonymous post to an account, run over a database in
    /// which pseudonymous posts were answered, moderated, appealed, edited and notified, while
    /// their authors signed in, posted under their own names and read their notices.
    @Suite("Pseudonyms against a copy of the database file")
    struct PseudonymLinkageTests {
        /// What the attacks look for: each pseudonymous author and the posts they must not be tied to.
        struct Secret {
            let userId: Int64
            let employeeId: Int64
            let threadId: Int64
            let postIds: [Int64]
        }

        @Test("no row names a pseudonymous author beside their thread or post, in any table")
        func noRowTiesAuthorToPost() throws {
            try LinkageScenario.run { file, secrets in
                for table in try file.tables() {
                    let columns = try file.columns(of: table)
                    let accountColumns = columns.filter { $0.contains("user_id") || $0.contains("employee_id") || $0.hasPrefix("actor") }
                    guard !accountColumns.isEmpty else { continue }
                    for row in try file.rows("SELECT * FROM \(table)") {
                        for secret in secrets where accountColumns.contains(where: { [secret.userId, secret.employeeId].contains(Int64.fromDatabaseValue(row[$0])) }) {
                            #expect(!mentions(row, columns: columns, secret), "\(table) ties account \(secret.userId) to its pseudonymous post")
                        }
                    }
                }
            }
        }

        @Test("named notices about a thread went to its followers only: subtracting them names nobody")
        func noticesMinusFollowers() throws {
            try LinkageScenario.run { file, secrets in
                for secret in secrets {
                    let outsiders: [Int64] = try file.rows("""
                        SELECT employee_id FROM notifications WHERE link LIKE ? OR link LIKE ?
                        EXCEPT SELECT employee_id FROM forum_follows WHERE thread_id = ?
                        """, ["/forums/threads/\(secret.threadId)", "/forums/threads/\(secret.threadId)#%", secret.threadId]).map { $0[0] }
                    #expect(outsiders.isEmpty, "notices about thread \(secret.threadId) reached non-followers \(outsiders)")
                }
                let pseudonymNotices: Int = try file.rows("SELECT COUNT(*) FROM pseudonym_notifications")[0][0]
                #expect(pseudonymNotices >= 4, "the authors were told (hidden, restored, status, answer) through their pseudonyms")
            }
        }

        @Test("activity times near a pseudonymous post single out nobody: they are kept to the hour")
        func timingJoins() throws {
            try LinkageScenario.run { file, _ in
                let activity = try file.rows("""
                    SELECT user_id AS account, created_at AS at FROM sessions
                    UNION ALL SELECT user_id, last_seen_at FROM sessions
                    UNION ALL SELECT actor_user_id, at FROM audit_log WHERE action IN ('login', 'login.failed', 'logout')
                    UNION ALL SELECT u.id, n.read_at FROM notifications n JOIN users u ON u.employee_id = n.employee_id
                        WHERE n.read_at IS NOT NULL
                    """).map { (account: $0["account"] as Int64?, at: $0["at"] as Int64) }
                #expect(activity.count > 20)
                #expect(activity.allSatisfy { $0.at % 3600 == 0 }, "every such time is a whole hour")
                let postTimes: [Int64] = try file.rows("""
                    SELECT created_at FROM forum_posts WHERE pseudonym IS NOT NULL
                    UNION SELECT edited_at FROM forum_posts WHERE pseudonym IS NOT NULL AND edited_at IS NOT NULL
                    UNION SELECT appealed_at FROM forum_moderation WHERE appealed_at IS NOT NULL
                    """).map { $0[0] }
                for time in postTimes {
                    let near = Set(activity.filter { abs($0.at - time) <= 120 }.map(\.account))
                    let sameHour = Set(activity.filter { $0.at == Clock.hour(of: time) }.map(\.account))
                    #expect(near.isEmpty || near.isSubset(of: sameHour) && sameHour.count > 1,
                            "a post at \(time) is no closer to one account than to the others active that hour")
                }
                let tables = try file.tables()
                #expect(!tables.contains("forum_post_times"), "no posting-time record ties a person's posts together")
            }
        }

        @Test("nothing in the file ties two pseudonyms of one person together")
        func pseudonymsStayApart() throws {
            try LinkageScenario.run { file, _ in
                let owners = try file.rows("SELECT * FROM forum_pseudonym_owners")
                #expect(!owners.isEmpty)
                for row in owners {
                    #expect(Set(row.columnNames) == ["owner_tag", "sealed_pseudonym"], "owner records hold only a tag and a seal")
                }
                let columns = try file.columns(of: "pseudonym_notifications")
                #expect(!columns.contains { $0.contains("user") || $0.contains("employee") || $0.contains("tag") },
                        "notices to pseudonyms carry no account and no cross-thread tag")
            }
        }

        /// Whether `row` refers to the secret's thread or one of its posts.
        private func mentions(_ row: Row, columns: [String], _ secret: Secret) -> Bool {
            if columns.contains("thread_id"), Int64.fromDatabaseValue(row["thread_id"]) == secret.threadId { return true }
            if columns.contains("post_id"), let post = Int64.fromDatabaseValue(row["post_id"]), secret.postIds.contains(post) { return true }
            let markers = ["/forums/threads/\(secret.threadId)", "thread:\(secret.threadId)"] + secret.postIds.map { "post:\($0)" }
            return columns.contains { column in
                guard case .string(let text) = (row[column] as DatabaseValue).storage else { return false }
                return markers.contains { marker in
                    text == marker || text.hasPrefix(marker + "#") || text.contains(marker + " ") || text.hasSuffix(marker)
                }
            }
        }
    }
}

/// A database where pseudonymous posts lived a full life, opened afterwards as a plain file.
enum LinkageScenario {
    /// The copied file as an attacker opens it: SQLite only, no key.
    struct File {
        let queue: DatabaseQueue

        func rows(_ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
            try queue.read { try Row.fetchAll($0, sql: sql, arguments: arguments) }
        }

        func tables() throws -> [String] {
            try rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map { $0["name"] }
        }

        func columns(of table: String) throws -> [String] {
            try rows("PRAGMA table_info(\(table))").map { $0["name"] }
        }
    }

    static func run(_ attack: (File, [ForumSuites.PseudonymLinkageTests.Secret]) throws -> Void) throws {
        try ForumFixtures.withWorld { world in
            let secrets = try livedIn(world)
            _ = try world.database.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            let copy = world.database.path + ".copy"
            try FileManager.default.copyItem(atPath: world.database.path, toPath: copy)
            var configuration = Configuration()
            configuration.readonly = true
            try attack(File(queue: try DatabaseQueue(path: copy, configuration: configuration)), secrets)
        }
    }

    /// Six people sign in; two write under pseudonyms (one also under their own name), others
    /// reply, follow and support; coordinators answer, change the status, hide and restore on
    /// appeal; authors edit and read their notices.
    private static func livedIn(_ world: ForumWorld) throws -> [ForumSuites.PseudonymLinkageTests.Secret] {
        let people = try world.staff(6)
        let password = "sandi-uji-keterkaitan"
        let hash = PasswordHasher.hash(password)
        let logins = try world.database.pool.write { db in
            try people.map { person -> String in
                try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [hash, person.userId])
                return person.login
            }
        }
        let authenticator = Authenticator(database: world.database, sessions: SessionStore(database: world.database))
        var tokens: [String] = []
        for (index, login) in logins.enumerated() {
            if index == 2 { _ = try authenticator.login(login, password: "salah-ketik", ip: "10.0.0.\(index)", userAgent: nil) }
            tokens.append(try authenticator.login(login, password: password, ip: "10.0.0.\(index)", userAgent: nil).get().token)
        }
        let (author, other) = (people[0], people[1])
        let forums = world.forums
        let thread = try forums.open(Forums.NewThread(categoryId: world.open.id!, kind: .suggestion,
                                                      title: "Penilai kinerja wajib menjelaskan nilai rendah",
                                                      body: "Nilai rendah diberikan tanpa penjelasan tertulis.", pseudonymous: true),
                                     by: author).get()
        let opening = try world.openingPost(thread.id!)
        let otherReply = try forums.reply(to: thread.id!, body: "Saya mengalami hal yang sama tahun lalu.", pseudonymous: true,
                                          by: other).get()
        _ = try forums.reply(to: thread.id!, body: "Setuju, perlu format penjelasan baku.", by: people[2]).get()
        _ = try forums.support(thread.id!, employeeId: people[3].employeeId!).get()
        _ = try forums.setFollowing(thread.id!, employeeId: people[4].employeeId!, true).get()
        _ = try forums.setStatus(thread.id!, to: .ditinjau, reason: "Dibahas dengan tim penilai.", by: world.coordinator).get()
        _ = try forums.reply(to: thread.id!, body: "Format penjelasan akan disiapkan bulan depan.", official: true,
                             by: world.coordinator).get()
        let hidden = try forums.hide(opening.id!, reason: "Menyebut unit kerja tertentu.", by: world.coordinator).get()
        _ = try forums.appeal(hidden.id!, text: "Tidak ada nama unit dalam tulisan saya.", by: author).get()
        _ = try forums.decideAppeal(hidden.id!, overturn: true, reason: "Tidak ada nama unit.", by: world.secondModerator).get()
        _ = try forums.edit(postId: otherReply.id!, body: "Saya mengalami hal yang sama pada penilaian tahun lalu.", by: other).get()
        _ = try forums.open(Forums.NewThread(categoryId: world.open.id!, kind: .discussion, title: "Jadwal pelatihan daring",
                                             body: "Kapan jadwal pelatihan daring berikutnya?", pseudonymous: false),
                            by: other).get()
        let second = try forums.open(Forums.NewThread(categoryId: world.open.id!, kind: .suggestion, title: "Uang lembur dibayar tepat waktu",
                                                      body: "Pembayaran lembur sering terlambat dua bulan.", pseudonymous: true),
                                     by: other).get()
        _ = try forums.hide(try world.openingPost(second.id!).id!, reason: "Perlu bukti.", by: world.coordinator).get()
        for token in tokens { _ = try SessionStore(database: world.database).resolve(token: token) }
        let notifications = try Notifications(database: world.database)
        #expect(try notifications.recent(employeeId: author.employeeId!).count >= 4, "the author was told, through the pseudonym")
        try notifications.markAllRead(employeeId: author.employeeId!)
        try notifications.markAllRead(employeeId: other.employeeId!)
        try notifications.markAllRead(employeeId: people[2].employeeId!)
        return [
            .init(userId: author.userId, employeeId: author.employeeId!, threadId: thread.id!, postIds: [opening.id!]),
            .init(userId: other.userId, employeeId: other.employeeId!, threadId: thread.id!, postIds: [otherReply.id!]),
            .init(userId: other.userId, employeeId: other.employeeId!, threadId: second.id!,
                  postIds: [try world.openingPost(second.id!).id!]),
        ]
    }
}
