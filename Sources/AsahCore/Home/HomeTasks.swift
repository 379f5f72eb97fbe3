import GRDB

/// What is waiting for one person, for their home page: one section per role they hold, each
/// a list of facts the web layer turns into lines with a link that does the task. Read from one
/// snapshot, newest or most urgent first, each list short (the pages behind the links list all).
public struct HomeTasks: Sendable {
    /// As an employee: where to be, how far to 20 JP, what to enrol in, what to answer.
    public var employee: EmployeeTasks?
    /// As a direct supervisor: decisions and checks waiting, team members short of JP.
    public var supervisor: SupervisorTasks?
    /// As an instructor, coach or mentor: what they teach, attendance and reviews to do.
    public var instructor: InstructorTasks?
    /// As a BKPSDM coordinator: evidence, overdue checks, runs that need attention, suggestions
    /// past their decision date.
    public var coordinator: CoordinatorTasks?

    /// Lines shown per list.
    public static let limit = 5
    /// How far ahead upcoming sessions and runs are looked for.
    public static let horizonDays = 14

    /// The tasks of `viewer` at `now`, inside the caller's read (``HomePage/of(_:now:in:)``).
    static func load(for viewer: Principal, now: Int64, in db: Database) throws -> HomeTasks {
        var tasks = HomeTasks()
        if let employeeId = viewer.employeeId {
            tasks.employee = try EmployeeTasks.load(employeeId: employeeId, now: now, in: db)
            if viewer.has(.atasan) { tasks.supervisor = try SupervisorTasks.load(employeeId: employeeId, now: now, in: db) }
            tasks.instructor = try InstructorTasks.load(employeeId: employeeId, now: now, in: db)
        }
        tasks.coordinator = try CoordinatorTasks.load(for: viewer, now: now, in: db)
        return tasks
    }
}
