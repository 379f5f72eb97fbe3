import GRDB

/// A direct supervisor's home: enrolment requests waiting for their decision, behaviour checks
/// to answer about their people, and team members still short of their JP target this year.
public struct SupervisorTasks: Sendable {
    /// Requests from their direct reports, oldest first (at most ``HomeTasks/limit``).
    public let approvals: [PendingRequest]
    /// How many requests wait in all.
    public let approvalsWaiting: Int
    /// Checks about their people that are due, oldest due first.
    public let checks: [BehaviourChecks.Task]
    /// Direct reports below their JP target (``EmploymentRules``), fewest JP first.
    public let shortOfJP: [MemberHours]
    /// How many direct reports are below the target in all.
    public let shortOfJPCount: Int

    static func load(employeeId: Int64, now: Int64, in db: Database) throws -> SupervisorTasks {
        let today = IndonesianTime.date(of: now)
        let requests = try EnrolmentService.pendingRequests(supervisorEmployeeId: employeeId, in: db)
            .filter { $0.employeeId != employeeId }
        let short = try TrainingHours.members("p.supervisor_id = ?", employeeId, year: today.year, in: db)
            .filter { !$0.reached }.sorted { ($0.verifiedJP, $0.name) < ($1.verifiedJP, $1.name) }
        let checks = try BehaviourChecks.open(for: employeeId, as: .supervisor, today: today, limit: HomeTasks.limit, in: db)
        return SupervisorTasks(approvals: Array(requests.prefix(HomeTasks.limit)), approvalsWaiting: requests.count,
                               checks: checks, shortOfJP: Array(short.prefix(HomeTasks.limit)), shortOfJPCount: short.count)
    }
}
