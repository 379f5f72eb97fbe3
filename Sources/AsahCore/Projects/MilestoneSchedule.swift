/// A milestone of one run with its dates: the course file's due day counted from the run's
/// first day, unless the coordinator moved it for the run.
public struct ScheduledMilestone: Sendable, Hashable {
    /// The index in the course's milestone list, from 0.
    public let position: Int
    public let milestone: Milestone
    /// When the work of a stretch (the implementasi) starts: `durationDays` before it is due.
    public let startsOn: CalendarDate?
    /// The day it is due.
    public let dueOn: CalendarDate
    /// Whether the coordinator moved the date from the course file's.
    public let moved: Bool
}

/// Due dates of a run's milestones from the course's plan (pure).
public enum MilestoneSchedule {
    /// The milestones of `plan` for a run starting on `runStartsOn`: each due `dueDay` days
    /// after the first day, or on the date in `moved` (by position) when the coordinator set one.
    public static func schedule(_ plan: ProjectPlan, runStartsOn: CalendarDate,
                                moved: [Int: CalendarDate] = [:]) -> [ScheduledMilestone] {
        plan.milestones.enumerated().map { position, milestone in
            let due = moved[position] ?? runStartsOn.adding(days: milestone.dueDay)
            return ScheduledMilestone(position: position, milestone: milestone,
                                      startsOn: milestone.durationDays.map { due.adding(days: -$0) }, dueOn: due,
                                      moved: moved[position] != nil)
        }
    }

    /// Why moving milestone dates of a run to `dates` (by position) is refused; empty when
    /// they may be moved: every position exists, no date before the run starts, and the
    /// milestones stay in order.
    public static func problems(moving dates: [Int: CalendarDate], plan: ProjectPlan, runStartsOn: CalendarDate,
                                current: [Int: CalendarDate]) -> [Refusal] {
        var problems: [Refusal] = []
        for position in dates.keys.sorted() where !plan.milestones.indices.contains(position) {
            problems.append(Refusal(.invalid, "problem_project_milestone_unknown", ["position": String(position + 1)]))
        }
        let merged = current.merging(dates) { _, new in new }
        let schedule = schedule(plan, runStartsOn: runStartsOn, moved: merged)
        for item in schedule where item.dueOn <= runStartsOn {
            problems.append(Refusal(.invalid, "problem_project_milestone_before_start",
                                    ["milestone": item.milestone.name, "firstDayOn": runStartsOn.iso]))
        }
        for (earlier, later) in zip(schedule, schedule.dropFirst()) where later.dueOn < earlier.dueOn {
            problems.append(Refusal(.invalid, "problem_project_milestone_order",
                                    ["milestone": later.milestone.name, "earlier": earlier.milestone.name]))
        }
        return problems
    }
}
