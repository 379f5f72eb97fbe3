import GRDB

/// One person's place in one run, from the request to completion. A row of `enrolments`;
/// there is at most one per person and run, reused when someone asks again after a decline
/// or a cancellation.
public struct Enrolment: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Hashable, Identifiable {
    /// The table the records live in.
    public static let databaseTableName = "enrolments"

    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The run.
    public var runId: Int64
    /// The participant.
    public var employeeId: Int64
    /// Where the place stands.
    public var state: EnrolmentState
    /// The account that nominated the person; `nil` when they asked themselves.
    public var nominatedBy: Int64?
    /// A mandatory nomination goes ahead of everyone else on the waitlist.
    public var mandatory: Bool
    /// When the request or nomination was made (Unix seconds).
    public var requestedAt: Int64
    /// When the supervisor or coordinator approved; orders the waitlist.
    public var approvedAt: Int64?
    /// The account that approved; `nil` for an automatic approval (no supervisor).
    public var approvedBy: Int64?
    /// The reason given for a decline or why the place ended, as stored (see ``decisionNotice``).
    public var decidedReason: String?
    /// Until when an offered seat waits for the person's confirmation.
    public var offerExpiresAt: Int64?
    /// When the place was cancelled.
    public var cancelledAt: Int64?
    /// Why the person completed the run or not, as stored (see ``completionNotice``).
    public var completionReason: String?
    /// Unix seconds of the last change.
    public var updatedAt: Int64

    /// A fresh request, not yet decided.
    init(runId: Int64, employeeId: Int64, now: Int64) {
        self.runId = runId
        self.employeeId = employeeId
        self.state = .requested
        self.mandatory = false
        self.requestedAt = now
        self.updatedAt = now
    }

    /// Clears a declined or cancelled place so it can start over as a new request.
    mutating func restart(now: Int64) {
        let id = self.id
        self = Enrolment(runId: runId, employeeId: employeeId, now: now)
        self.id = id
    }

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Keeps the id SQLite assigned.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Enrolment {
    /// Read by column name without `Decodable`, whose snake-case conversion of every key
    /// cost more than the query (a run page reads its places). In an extension, so the memberwise initializer stays.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        runId = try row.decode(forColumn: "run_id")
        employeeId = try row.decode(forColumn: "employee_id")
        state = try row.decode(forColumn: "state")
        nominatedBy = try row.decode(forColumn: "nominated_by")
        mandatory = try row.decode(forColumn: "mandatory")
        requestedAt = try row.decode(forColumn: "requested_at")
        approvedAt = try row.decode(forColumn: "approved_at")
        approvedBy = try row.decode(forColumn: "approved_by")
        decidedReason = try row.decode(forColumn: "decided_reason")
        offerExpiresAt = try row.decode(forColumn: "offer_expires_at")
        cancelledAt = try row.decode(forColumn: "cancelled_at")
        completionReason = try row.decode(forColumn: "completion_reason")
        updatedAt = try row.decode(forColumn: "updated_at")
    }
}
