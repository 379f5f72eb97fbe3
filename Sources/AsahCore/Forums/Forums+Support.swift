import GRDB

/// Supporting suggestions: one support per person (the primary key makes a second one
/// impossible, even under parallel requests), withdrawable, counted and never listed.
extension Forums {
    /// Adds `employeeId`'s support (no change when it is already there); answers the count.
    /// Reaching the category's threshold puts the suggestion on the forum meeting's agenda.
    public func support(_ threadId: Int64, employeeId: Int64, now: Int64 = Clock.now()) throws -> Result<Int, ForumProblem> {
        try database.pool.write { db in
            guard let thread = try ForumThread.fetchOne(db, keptKey: threadId) else { return .failure(.notFound) }
            guard thread.kind == .suggestion else { return .failure(.notASuggestion) }
            if thread.status == .duplikat { return .failure(.supportDuplicate) }
            try db.execute(sql: "INSERT OR IGNORE INTO forum_supports (thread_id, employee_id, created_at) VALUES (?, ?, ?)",
                           arguments: [threadId, employeeId, now])
            if db.changesCount > 0 {
                try db.execute(sql: "UPDATE forum_threads SET support_count = support_count + 1 WHERE id = ?", arguments: [threadId])
                try follow(threadId, employeeId: employeeId, db: db)
                try checkAgenda(threadId, now: now, db: db)
            }
            return .success(try supportCount(threadId, db: db))
        }
    }

    /// Withdraws `employeeId`'s support (no change when there is none); answers the count.
    public func withdrawSupport(_ threadId: Int64, employeeId: Int64) throws -> Result<Int, ForumProblem> {
        try database.pool.write { db in
            guard let thread = try ForumThread.fetchOne(db, keptKey: threadId) else { return .failure(.notFound) }
            guard thread.kind == .suggestion else { return .failure(.notASuggestion) }
            try db.execute(sql: "DELETE FROM forum_supports WHERE thread_id = ? AND employee_id = ?", arguments: [threadId, employeeId])
            if db.changesCount > 0 {
                try db.execute(sql: "UPDATE forum_threads SET support_count = support_count - 1 WHERE id = ?", arguments: [threadId])
            }
            return .success(try supportCount(threadId, db: db))
        }
    }

    /// Whether `employeeId` supports `threadId`.
    public static func supports(_ threadId: Int64, employeeId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM forum_supports WHERE thread_id = ? AND employee_id = ?)"),
                          arguments: [threadId, employeeId]) ?? false
    }

    /// Starts or stops following a thread.
    public func setFollowing(_ threadId: Int64, employeeId: Int64, _ following: Bool) throws -> Result<Void, ForumProblem> {
        try database.pool.write { db in
            guard try ForumThread.exists(db, key: threadId) else { return .failure(.notFound) }
            if following {
                try follow(threadId, employeeId: employeeId, db: db)
            } else {
                try db.execute(sql: "DELETE FROM forum_follows WHERE thread_id = ? AND employee_id = ?", arguments: [threadId, employeeId])
            }
            return .success(())
        }
    }

    /// The number of supports needed to reach the agenda of `category`, or `nil` without a threshold.
    public static func agendaThreshold(_ category: ForumCategory, in db: Database) throws -> Int? {
        guard let permille = category.agendaThresholdPermille else { return nil }
        // Counting every active employee is a scan of the table: once per data change (``SharedFacts``).
        let eligible = try SharedFacts.value("active-employees", in: db) {
            try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM employees WHERE active")) ?? 0
        }
        return ForumRules.agendaThreshold(permille: permille, eligible: eligible)
    }

    /// Puts an undecided suggestion on the agenda once its support reaches the threshold.
    func checkAgenda(_ threadId: Int64, now: Int64, db: Database) throws {
        guard let thread = try ForumThread.fetchOne(db, keptKey: threadId), thread.agendaAt == nil,
              let status = thread.status, !status.isDecided,
              let category = try ForumCategory.fetchOne(db, keptKey: thread.categoryId),
              let threshold = try Self.agendaThreshold(category, in: db), thread.supportCount >= threshold else { return }
        try db.execute(sql: "UPDATE forum_threads SET agenda_at = ? WHERE id = ?", arguments: [now, threadId])
    }

    private func supportCount(_ threadId: Int64, db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT support_count FROM forum_threads WHERE id = ?"), arguments: [threadId]) ?? 0
    }
}
