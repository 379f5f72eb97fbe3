/// Who is calling, with the counts the menu shows beside its entries (unread notifications,
/// enrolment requests waiting for their decision), read together once per request that the
/// identity cache does not answer.
public struct Caller: Sendable {
    public let principal: Principal
    public let unreadNotifications: Int
    /// Requests of their direct reports (of everyone, for a coordinator) waiting for a decision.
    public let pendingApprovals: Int
}

extension Notifications {
    /// The caller behind an active account `userId`, with their unread count, in one read;
    /// nil when the account is gone or switched off.
    public func caller(userId: Int64) throws -> Caller? {
        try database.pool.read { db in
            guard let principal = try Principal.load(userId: userId, in: db) else { return nil }
            return Caller(principal: principal,
                          unreadNotifications: try principal.employeeId.map { try unreadCount(employeeId: $0, userId: userId, in: db) } ?? 0,
                          pendingApprovals: try EnrolmentService.pendingCount(for: principal, in: db))
        }
    }
}
