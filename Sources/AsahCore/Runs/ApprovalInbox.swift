import GRDB

/// A request awaiting a decision as the approvals inbox shows it: the request, who normally
/// decides it, and whether the viewer would decide on that person's behalf.
public struct PendingDecision: Sendable, Hashable {
    public let request: PendingRequest
    /// The requester's direct supervisor, if one is on record.
    public let supervisorName: String?
    /// Whether the viewer decides for someone else (a coordinator, not the direct supervisor).
    public let onBehalf: Bool
}

/// One page of the approvals inbox and how many requests wait in all.
public struct ApprovalInbox: Sendable {
    public let decisions: [PendingDecision]
    public let total: Int
}

extension EnrolmentService {
    /// How many requests wait for `viewer`'s decision (as ``inbox(for:offset:limit:)`` counts them).
    static func pendingCount(for viewer: Principal, in db: Database) throws -> Int {
        let coordinates = WorkshopAccess.coordinates(viewer)
        guard coordinates || (viewer.has(.atasan) && viewer.employeeId != nil) else { return 0 }
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) \(pendingFrom(team: !coordinates)) AND p.id IS NOT ?2"), arguments: [coordinates ? nil : viewer.employeeId, viewer.employeeId]) ?? 0
    }

    /// The requests `viewer` may decide (their direct reports', or every one for a
    /// coordinator), never their own, oldest first: `limit` of them from `offset` (all when
    /// `limit` is nil) with who normally decides each, and the total; one read.
    public func inbox(for viewer: Principal, offset: Int = 0, limit: Int? = nil) throws -> ApprovalInbox {
        let coordinates = WorkshopAccess.coordinates(viewer)
        guard coordinates || viewer.employeeId != nil else { return ApprovalInbox(decisions: [], total: 0) }
        return try database.pool.read { db in
            let all = try Self.pendingRequests(supervisorEmployeeId: coordinates ? nil : viewer.employeeId, in: db)
                .filter { $0.employeeId != viewer.employeeId }
            let shown = all.dropFirst(offset).prefix(limit ?? all.count)
            let supervisors = try WorkshopLookups.supervisors(of: Set(shown.map(\.employeeId)), in: db)
            let decisions = shown.map { request in
                let supervisor = supervisors[request.employeeId]
                return PendingDecision(request: request, supervisorName: supervisor?.name ?? nil,
                                       onBehalf: supervisor?.id == nil || supervisor?.id != viewer.employeeId)
            }
            return ApprovalInbox(decisions: decisions, total: all.count)
        }
    }
}
