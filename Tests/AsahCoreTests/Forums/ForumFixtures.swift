import Foundation
import GRDB
@testable import AsahCore

/// The namespace of the forum suites, so `--filter AsahCoreTests.ForumSuites` selects them.
enum ForumSuites {}

/// A workshop world (every employee has an account) with forum categories and two
/// moderating coordinators.
struct ForumWorld {
    let base: WorkshopWorld
    let forums: Forums
    /// A category allowing pseudonyms, with a 2 % agenda threshold, about training.
    let open: ForumCategory
    /// A category without pseudonyms where only coordinators open threads.
    let announcements: ForumCategory
    /// A second coordinator with the moderation right.
    let secondModerator: Principal

    var database: AppDatabase { base.database }
    var coordinator: Principal { base.coordinator }

    /// Principals of `count` ordinary employees (not the coordinators).
    func staff(_ count: Int) throws -> [Principal] {
        try base.staff(count + 1).filter { $0.id != secondModerator.employeeId }.prefix(count).map { try base.principal($0.id!) }
    }

    func notifications(_ principal: Principal) throws -> [AppNotification] {
        try base.notifications(principal.employeeId!)
    }

    /// Opens a suggestion in the open category and returns it.
    func suggestion(_ title: String, by author: Principal, pseudonymous: Bool = false, now: Int64 = ForumFixtures.now) throws
        -> ForumThread {
        try forums.open(Forums.NewThread(categoryId: open.id!, kind: .suggestion, title: title,
                                         body: "Mohon dipertimbangkan: \(title).", pseudonymous: pseudonymous),
                        by: author, now: now).get()
    }

    func thread(_ id: Int64) throws -> ForumThread {
        try database.pool.read { try ForumThread.fetchOne($0, key: id)! }
    }

    func post(_ id: Int64) throws -> ForumPost {
        try database.pool.read { try ForumPost.fetchOne($0, key: id)! }
    }

    func openingPost(_ threadId: Int64) throws -> ForumPost {
        try database.pool.read {
            try ForumPost.fetchOne($0, sql: "SELECT * FROM forum_posts WHERE thread_id = ? AND number = 1", arguments: [threadId])!
        }
    }
}

extension AppNotification {
    /// Whether it says `key` with every one of `values` among its arguments.
    func says(_ key: String, _ values: String...) -> Bool {
        notice?.key == key && values.allSatisfy { value in notice?.arguments.values.contains(value) == true }
    }
}

enum ForumFixtures {
    static let now = WorkshopFixtures.now

    static func withWorld<T>(_ body: (ForumWorld) throws -> T) throws -> T {
        try WorkshopFixtures.withWorld { base in
            let (open, announcements, second) = try base.database.pool.write { db -> (ForumCategory, ForumCategory, Int64) in
                var open = ForumCategory(slug: "pelatihan", name: "Pelatihan dan Pembinaan", allowsPseudonyms: true, isTraining: true,
                                         agendaThresholdPermille: 20, createdAt: now)
                try open.insert(db)
                var announcements = ForumCategory(slug: "umum", name: "Umum", posting: .coordinators, createdAt: now)
                try announcements.insert(db)
                let second = try Int64.fetchOne(db, sql: """
                    SELECT id FROM users WHERE employee_id != ? ORDER BY id DESC LIMIT 1
                    """, arguments: [base.people.koordinator])!
                try db.execute(sql: "INSERT INTO user_roles (user_id, role) VALUES (?, 'koordinator')", arguments: [second])
                try db.execute(sql: "INSERT INTO forum_moderators (user_id, granted_at) VALUES (?, 0), (?, 0)",
                               arguments: [base.coordinator.userId, second])
                return (open, announcements, second)
            }
            let secondModerator = try base.database.pool.read { try Principal.load(userId: second, in: $0)! }
            return try body(ForumWorld(base: base, forums: try Forums(database: base.database), open: open,
                                       announcements: announcements, secondModerator: secondModerator))
        }
    }
}
