import AsahCore

/// The home's task lists for instructors (coaches, mentors) and coordinators, in the reader's language.
enum HomeWorkSections {
    static func instructor(_ tasks: InstructorTasks, _ localizer: Localizer) -> [[String: Any]] {
        let teaching = HomeTaskList(id: "home-teaching", heading: localizer.t("home_teaching"),
                                    lines: tasks.teaching.map { HomeTaskSections.session($0, localizer) },
                                    more: ("/teaching", localizer.t("nav_teaching")))
        let attendance = HomeTaskList(id: "home-attendance", heading: localizer.t("home_attendance_due"), lines: tasks.attendanceDue.map {
            HomeTaskLine(text: localizer.t("home_attendance", ["title": $0.title]), href: "/sessions/\($0.sessionId)/attendance",
                         detail: RunText.moment($0.startsAt, localizer))
        })
        let reviews = HomeTaskList(id: "home-reviews", heading: localizer.t("home_reviews"), lines: tasks.reviews.map { item in
            HomeTaskLine(text: localizer.t("home_review", ["milestone": ProjectView.milestoneName(item, localizer),
                                                           "project": item.projectTitle, "name": item.ownerName]),
                         href: "/projects/\(item.projectId)",
                         detail: localizer.t("home_waiting_since", ["date": localizer.moment(item.submittedAt)]))
        }, more: ("/projects", localizer.t("nav_projects")))
        return [teaching, attendance, reviews].compactMap(\.values)
    }

    static func coordinator(_ tasks: CoordinatorTasks, _ localizer: Localizer) -> [[String: Any]] {
        var lines: [HomeTaskLine] = []
        if let evidence = tasks.evidence, evidence.count > 0 {
            lines.append(HomeTaskLine(text: localizer.count("home_evidence", evidence.count), href: "/hours/reviews",
                                      detail: evidence.oldestAt.map { localizer.t("home_oldest_since", ["date": localizer.date($0)]) }))
        }
        if let checks = tasks.overdueChecks, checks > 0 {
            lines.append(HomeTaskLine(text: localizer.count("home_overdue_checks", checks),
                                      href: "/evaluation/overdue", detail: nil))
        }
        if let suggestions = tasks.overdueSuggestions, suggestions > 0 {
            lines.append(HomeTaskLine(text: localizer.count("home_overdue_suggestions", suggestions),
                                      href: "/forums/board?overdue=1", detail: nil))
        }
        let waiting = HomeTaskList(id: "home-coordination", heading: localizer.t("home_coordination"), lines: lines)
        let runs = HomeTaskList(id: "home-runs", heading: localizer.t("home_runs_attention"), lines: (tasks.runs ?? []).map { run in
            HomeTaskLine(text: run.title, href: "/runs/\(run.runId)", detail: attention(run, localizer))
        }, more: ("/runs", localizer.t("nav_runs")))
        return [waiting, runs].compactMap(\.values)
    }

    /// Why the run is listed, with its facts.
    private static func attention(_ run: CoordinatorTasks.RunAlert, _ localizer: Localizer) -> String {
        let starts = RunText.date(run.startsOn, localizer)
        return switch run.attention {
        case .stillDraft: localizer.t("home_run_still_draft", ["date": starts])
        case .opensSoon: localizer.t("home_run_opens_soon", ["date": run.opensAt.map { RunText.moment($0, localizer) } ?? starts])
        case .shortOfParticipants:
            localizer.t("home_run_short", ["held": localizer.number(run.held), "capacity": localizer.number(run.capacity), "date": starts])
        }
    }
}
