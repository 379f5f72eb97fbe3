import AsahCore
import Foundation

/// A project folder as template data: the description, people, and each milestone with its
/// dates, state and every round of submissions and reviews.
enum ProjectView {
    /// The milestone's name, or "Tahap 3" when the course plan no longer names it.
    static func milestoneName(_ item: ReviewQueueItem, _ localizer: Localizer) -> String {
        item.milestoneName ?? localizer.t("project_milestone_number", ["number": String(item.position + 1)])
    }

    /// A project of a list: title, run, owner, status and score.
    static func summary(_ item: ProjectSummary, _ localizer: Localizer) -> [String: Any] {
        ["id": item.projectId, "title": item.title, "run": item.runTitle, "owner": item.ownerName,
         "status": localizer.t("project_status_\(item.status.rawValue)"), "statusCode": item.status.rawValue,
         "score": score(item.finalScore, localizer)]
    }

    static func score(_ value: Double?, _ localizer: Localizer) -> String {
        guard let value else { return "–" }
        let text = value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
        return localizer.locale == "id" ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func date(_ date: CalendarDate, _ localizer: Localizer) -> String {
        localizer.date(year: date.year, month: date.month, day: date.day)
    }

    /// "3 hari" / "5 jam": how long since `since`.
    static func waited(since: Int64, now: Int64, _ localizer: Localizer) -> String {
        let hours = max(0, (now - since) / 3600)
        return hours >= 48 ? localizer.t("project_days", ["count": String(hours / 24)])
            : localizer.t("project_hours", ["count": String(hours)])
    }

    static func state(_ status: MilestoneStatus, now: Int64, _ localizer: Localizer) -> String {
        switch status.state {
        case .waitingForReview(let since):
            localizer.t("project_state_waiting", ["time": waited(since: since, now: now, localizer)])
        default: localizer.t("project_state_\(status.state.code)")
        }
    }

    static func person(_ person: ProjectFolder.Person?) -> Any {
        guard let person else { return NSNull() }
        return ["name": person.name, "nip": person.nip, "unit": person.unitName ?? ""]
    }

    static func data(_ folder: ProjectFolder, _ context: Context) -> [String: Any] {
        let localizer = context.localizer
        let project = folder.project
        let now = Clock.now()
        let plan = folder.setting.plan
        let lastPosition = plan.milestones.count - 1
        let reviewer = folder.reviewerRole
        let member = folder.roles.contains(.member)
        let milestones = folder.statuses.map { status -> [String: Any] in
            let position = status.scheduled.position
            let rounds = (folder.rounds[position] ?? []).map { round -> [String: Any] in
                [
                    "id": round.submission.id ?? 0, "round": round.submission.round, "body": round.submission.body,
                    "by": round.submittedBy, "at": localizer.moment(round.submission.submittedAt),
                    "files": round.files.map { ["id": $0.id ?? 0, "name": $0.displayName,
                                                "size": localizer.number(max(1, $0.size / 1024))] as [String: Any] },
                    "reviews": round.reviews.map { item -> [String: Any] in
                        [
                            "by": item.reviewer, "role": localizer.t("project_role_\(item.review.role.rawValue)"),
                            "decision": localizer.t("project_decision_\(item.review.role.rawValue)_\(item.review.decision.rawValue)"),
                            "decisionCode": item.review.decision.rawValue, "comment": item.review.comment,
                            "at": localizer.moment(item.review.reviewedAt),
                            "scores": (item.review.scores ?? []).enumerated().map { index, score in
                                ["criterion": plan.rubric.indices.contains(index) ? plan.rubric[index].criterion : "", "score": score] as [String: Any]
                            },
                            "hasScores": item.review.scores != nil,
                            "weighted": item.review.scores.map {
                                score(MilestoneProgress.weightedScore($0, rubric: plan.rubric, scale: plan.rubricScale), localizer)
                            } ?? "",
                        ]
                    },
                ]
            }
            let waiting: Bool = if case .waitingForReview = status.state { true } else { false }
            let alreadyReviewed = (folder.rounds[position]?.last?.reviews ?? []).contains {
                $0.review.reviewerEmployeeId == context.user.employeeId
            }
            return [
                "position": position, "number": position + 1, "name": status.scheduled.milestone.name,
                "due": date(status.scheduled.dueOn, localizer), "dueISO": status.scheduled.dueOn.iso,
                "starts": status.scheduled.startsOn.map { date($0, localizer) } as Any,
                "duration": status.scheduled.milestone.durationDays as Any, "moved": status.scheduled.moved,
                "state": state(status, now: now, localizer), "stateCode": status.state.code,
                "late": status.isLate, "daysLate": status.daysLate,
                "rounds": rounds, "hasRounds": !rounds.isEmpty,
                "canSubmit": member && folder.openPosition == position,
                "canReview": reviewer != nil && waiting && !alreadyReviewed && project.status == .active,
                "scoresRequired": position == lastPosition,
                "isReport": position == plan.finalReportPosition,
            ]
        }
        return [
            "project": [
                "id": project.id ?? 0, "title": project.title, "problem": project.problem, "stakeholders": project.stakeholders,
                "outcome": project.outcome, "measure": project.measure, "measuredResult": project.measuredResult,
                "values": project.coreValues.map { localizer.locale == "id" ? $0.name.indonesian : $0.name.english },
                "status": localizer.t("project_status_\(project.status.rawValue)"), "statusCode": project.status.rawValue,
                "finalScore": score(project.finalScore, localizer), "hasScore": project.finalScore != nil,
                "consent": project.galleryConsent, "featured": project.featured,
                "myConsent": context.user.employeeId.map { !folder.galleryWaitingFor.contains($0) } ?? false,
                "consentWaiting": folder.members.filter { folder.galleryWaitingFor.contains($0.id) }.map(\.name).joined(separator: ", "),
            ] as [String: Any],
            "run": ["id": folder.setting.run.id ?? 0, "title": folder.setting.run.title,
                    "course": folder.setting.course.title.indonesian],
            "members": folder.members.map { ["name": $0.name, "nip": $0.nip, "unit": $0.unitName ?? ""] },
            "coach": person(folder.coach), "mentor": person(folder.mentor),
            "coachNIP": folder.coach?.nip ?? "", "mentorNIP": folder.mentor?.nip ?? "",
            "milestones": milestones,
            "rubric": plan.rubric.enumerated().map { ["index": $0.offset, "criterion": $0.element.criterion,
                                                      "weight": $0.element.weight] as [String: Any] },
            "scale": plan.rubricScale, "passMark": plan.passMark,
            "isMember": member, "isActive": project.status == .active, "isCompleted": project.status == .completed,
            "isCoordinator": folder.roles.contains(.coordinator),
            "reviewerRole": reviewer.map { localizer.t("project_role_\($0.rawValue)") } as Any,
            "mayAddMember": plan.allowsTeams && project.status == .active && folder.members.count < plan.maxTeamSize
                && (context.user.employeeId == project.ownerEmployeeId || folder.roles.contains(.coordinator)),
            "maxTeam": plan.maxTeamSize,
            "values": CoreValue.allCases.map { value in
                ["value": value.rawValue, "label": localizer.locale == "id" ? value.name.indonesian : value.name.english,
                 "checked": project.coreValues.contains(value)] as [String: Any]
            },
            "maxMB": ProjectUploads.maximumBytes / 1024 / 1024, "maxFiles": ProjectUploads.maximumFiles,
        ]
    }
}
