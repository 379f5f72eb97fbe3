import GRDB

/// The public's feedback on the service of a unit: found by the unit's feedback code (the
/// address on its poster), taken without sign-in, and its comments moderated. Ratings count as
/// soon as they are given; a comment waits for a coordinator and a rejected one is erased.
/// Nothing about the person is stored: no address, account or time of day, only the date.
public struct PublicFeedback: Sendable {
    /// A unit as the public form names it.
    public struct ServiceUnit: Sendable, Hashable {
        public let id: Int64
        /// The feedback code in the form's address (16 hex digits).
        public let code: String
        /// The unit's own code ("DISDUKCAPIL").
        public let unitCode: String
        public let name: String
    }

    private let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Whether `text` has the shape of a feedback code, checked before any query.
    public static func isCode(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9a-f]{16}/) != nil
    }

    /// The active unit whose feedback code is `code`, if any.
    public func unit(code: String) throws -> ServiceUnit? {
        guard Self.isCode(code) else { return nil }
        return try database.pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT u.id, f.code, u.code AS unit_code, u.name FROM feedback_codes f JOIN units u ON u.id = f.unit_id
                WHERE f.code = ? AND u.active
                """), arguments: [code]).map(Self.unit)
        }
    }

    /// Stores `feedback` for the unit of `code` on `day`; `false` when no active unit has that code.
    public func submit(_ feedback: Feedback, code: String, on day: CalendarDate = .today()) throws -> Bool {
        guard Self.isCode(code) else { return false }
        return try database.pool.write { db in
            guard let unitId = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT u.id FROM feedback_codes f JOIN units u ON u.id = f.unit_id WHERE f.code = ? AND u.active
                """), arguments: [code]) else { return false }
            let scores = ServiceElement.allCases.map { feedback.scores[$0] ?? ServiceElement.scale.lowerBound }
            try db.execute(sql: """
                INSERT INTO public_feedback (unit_id, received_on, overall, speed, requirements, courtesy, comment, comment_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [unitId, day, scores[0], scores[1], scores[2], scores[3], feedback.comment,
                                 feedback.comment == nil ? nil : "pending"])
            return true
        }
    }

    /// A coordinator's decision on a waiting comment: approved, it may be shown; rejected, its
    /// text is erased (the ratings stay). Audited. `false` when no comment waits under `id`.
    public func moderate(_ id: Int64, approve: Bool, actor: Int64, ip: String?, at time: Int64 = Clock.now()) throws -> Bool {
        try database.pool.write { db in
            try db.execute(sql: """
                UPDATE public_feedback SET comment_status = ?, comment = CASE WHEN ? THEN comment END,
                    moderated_at = ?, moderated_by = ?
                WHERE id = ? AND comment_status = 'pending'
                """, arguments: [approve ? "approved" : "rejected", approve, time, actor, id])
            guard db.changesCount > 0 else { return false }
            try AuditLog.record(approve ? "feedback.approve" : "feedback.reject", actor: actor, ip: ip,
                                subject: "public_feedback:\(id)", detail: "-", in: db)
            return true
        }
    }

    static func unit(_ row: Row) -> ServiceUnit {
        ServiceUnit(id: row["id"], code: row["code"], unitCode: row["unit_code"], name: row["name"])
    }
}
