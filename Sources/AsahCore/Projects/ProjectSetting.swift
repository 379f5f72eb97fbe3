import GRDB

/// What a project's rules need of its run: the run, its course and plan, and the milestone
/// dates (the course file's, or those the coordinator moved).
public struct ProjectSetting: Sendable {
    public let run: Run
    public let course: Course
    public let plan: ProjectPlan
    /// Dates the coordinator set, by milestone position.
    public let moved: [Int: CalendarDate]

    /// The run's milestones with their dates.
    public var schedule: [ScheduledMilestone] {
        MilestoneSchedule.schedule(plan, runStartsOn: run.startsOn, moved: moved)
    }

    /// The setting of run `runId`; fails when the run is unknown or its course has no project.
    static func load(runId: Int64, in db: Database) throws -> ProjectSetting {
        guard let run = try Run.fetchOne(db, keptKey: runId) else { throw ProjectProblem.notFound }
        guard let course = try Course.fetchOne(db, keptKey: run.courseId) else { throw ProjectProblem.notFound }
        guard let plan = course.projectPlan else { throw ProjectProblem.notProjectBased }
        var moved: [Int: CalendarDate] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT position, due_on FROM run_milestone_dates WHERE run_id = ?"),
                                    arguments: [runId]) {
            moved[row["position"]] = row["due_on"]
        }
        return ProjectSetting(run: run, course: course, plan: plan, moved: moved)
    }
}
