import Foundation

/// Something wrong with a run plan (the web layer words it, see ``refusal``). Sessions are
/// numbered from 1 in the order given.
public enum RunPlanIssue: Sendable, Hashable {
    case codeMissing
    case codeTaken
    case titleMissing
    case unknownCourse
    case courseChangeWithEnrolments
    case capacityNotPositive
    case capacityBelowHeld(Int)
    case endsBeforeStarts
    case noSessions
    case sessionEndsBeforeStart(Int)
    case sessionOutsideDates(Int)
    case sessionWithoutPlace(Int)
    case unknownInstructor(Int)
    case unknownSession(Int)
    case windowReversed
    case windowAfterStart
    case offerWindowNotPositive
    case cutoffNegative
    case quotaNegative
    case unknownUnit

    /// How the form words it.
    public var refusal: Refusal {
        switch self {
        case .codeMissing: Refusal(.invalid, "problem_run_plan_code_missing")
        case .codeTaken: Refusal(.invalid, "problem_run_plan_code_taken")
        case .titleMissing: Refusal(.invalid, "problem_run_plan_title_missing")
        case .unknownCourse: Refusal(.invalid, "problem_run_plan_unknown_course")
        case .courseChangeWithEnrolments: Refusal(.invalid, "problem_run_plan_course_change")
        case .capacityNotPositive: Refusal(.invalid, "problem_run_plan_capacity")
        case .capacityBelowHeld(let held): Refusal(.invalid, "problem_run_plan_capacity_below_held", ["held": String(held)])
        case .endsBeforeStarts: Refusal(.invalid, "problem_run_plan_ends_before_starts")
        case .noSessions: Refusal(.invalid, "problem_run_plan_no_sessions")
        case .sessionEndsBeforeStart(let n): Refusal(.invalid, "problem_run_plan_session_ends_before_start", ["n": String(n)])
        case .sessionOutsideDates(let n): Refusal(.invalid, "problem_run_plan_session_outside_dates", ["n": String(n)])
        case .sessionWithoutPlace(let n): Refusal(.invalid, "problem_run_plan_session_without_place", ["n": String(n)])
        case .unknownInstructor(let n): Refusal(.invalid, "problem_run_plan_unknown_instructor", ["n": String(n)])
        case .unknownSession(let n): Refusal(.invalid, "problem_run_plan_unknown_session", ["n": String(n)])
        case .windowReversed: Refusal(.invalid, "problem_run_plan_window_reversed")
        case .windowAfterStart: Refusal(.invalid, "problem_run_plan_window_after_start")
        case .offerWindowNotPositive: Refusal(.invalid, "problem_run_plan_offer_window")
        case .cutoffNegative: Refusal(.invalid, "problem_run_plan_cutoff_negative")
        case .quotaNegative: Refusal(.invalid, "problem_run_plan_quota_negative")
        case .unknownUnit: Refusal(.invalid, "problem_run_plan_unknown_unit")
        }
    }

    /// What is wrong with the plan on its own, without looking at the database. Session days
    /// are read in `timeZone`.
    public static func check(_ plan: RunPlan, timeZone: TimeZone = IndonesianTime.zone) -> [RunPlanIssue] {
        var issues: [RunPlanIssue] = []
        if plan.code.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(.codeMissing) }
        if plan.title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(.titleMissing) }
        if plan.capacity <= 0 { issues.append(.capacityNotPositive) }
        if plan.endsOn < plan.startsOn { issues.append(.endsBeforeStarts) }
        if plan.sessions.isEmpty { issues.append(.noSessions) }
        for (index, session) in plan.sessions.enumerated() {
            let number = index + 1
            if session.endsAt <= session.startsAt { issues.append(.sessionEndsBeforeStart(number)) }
            if IndonesianTime.date(of: session.startsAt, in: timeZone) < plan.startsOn
                || IndonesianTime.date(of: session.endsAt, in: timeZone) > plan.endsOn {
                issues.append(.sessionOutsideDates(number))
            }
            if isBlank(session.place) && isBlank(session.onlineUrl) { issues.append(.sessionWithoutPlace(number)) }
        }
        if let opens = plan.enrolOpensAt, let closes = plan.enrolClosesAt, closes <= opens { issues.append(.windowReversed) }
        if let start = plan.firstSessionStart, let last = plan.enrolClosesAt ?? plan.enrolOpensAt, last > start {
            issues.append(.windowAfterStart)
        }
        if plan.offerWindowHours <= 0 { issues.append(.offerWindowNotPositive) }
        if plan.offerCutoffHours < 0 { issues.append(.cutoffNegative) }
        if plan.quotas.values.contains(where: { $0 < 0 }) { issues.append(.quotaNegative) }
        return issues
    }

    private static func isBlank(_ text: String?) -> Bool {
        (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }
}
