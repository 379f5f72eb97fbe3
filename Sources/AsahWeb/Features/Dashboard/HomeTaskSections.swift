import AsahCore

/// The home's task lists for an employee and a supervisor, in the reader's language.
enum HomeTaskSections {
    /// "Aktualisasi Nilai BerAKHLAK · sesi 2 dari 5".
    static func session(_ session: CalendarSession, _ localizer: Localizer) -> HomeTaskLine {
        let place = session.place.map { " · " + $0 } ?? ""
        return HomeTaskLine(text: localizer.t("home_session", ["title": session.title, "number": String(session.number),
                                                               "total": String(session.total)]),
                            href: "/runs/\(session.runId)", detail: RunText.moment(session.startsAt, localizer) + place)
    }

    static func employee(_ tasks: EmployeeTasks, _ localizer: Localizer) -> [[String: Any]] {
        let upcoming = HomeTaskList(id: "home-upcoming", heading: localizer.t("home_upcoming"),
                                    lines: tasks.upcoming.map { session($0, localizer) },
                                    more: ("/my/trainings", localizer.t("home_all_trainings")))
        let answers = tasks.surveys.map { survey in
            HomeTaskLine(text: localizer.t("home_survey", ["title": survey.title]), href: "/runs/\(survey.runId)/survey", detail: nil)
        } + tasks.selfChecks.map { check in
            HomeTaskLine(text: localizer.t("home_self_check", ["title": check.runTitle]), href: "/evaluation/checks/\(check.id)",
                         detail: localizer.t("home_due", ["date": RunText.date(check.dueOn, localizer)]))
        }
        let toAnswer = HomeTaskList(id: "home-answer", heading: localizer.t("home_to_answer"), lines: answers)
        let open = HomeTaskList(id: "home-open-runs", heading: localizer.t("home_open_runs"), lines: tasks.openRuns.map { run in
            let dates = TrainingFormat.dates(run.startsOn, run.endsOn, localizer)
            let seats = run.seatsLeft > 0 ? localizer.count("home_seats_left", run.seatsLeft)
                : localizer.t("home_run_full")
            let closes = run.closesAt.map { " · " + localizer.t("home_enrolment_closes", ["date": RunText.moment($0, localizer)]) } ?? ""
            return HomeTaskLine(text: run.title, href: "/runs/\(run.runId)", detail: dates + " · " + seats + closes)
        }, more: ("/courses", localizer.t("home_catalogue")))
        return [upcoming, toAnswer, open].compactMap(\.values)
    }

    static func supervisor(_ tasks: SupervisorTasks, _ localizer: Localizer) -> [[String: Any]] {
        let approvals = HomeTaskList(id: "home-approvals", heading: localizer.t("home_approvals"), lines: tasks.approvals.map { request in
            HomeTaskLine(text: localizer.t("home_approval", ["name": request.name, "title": request.runTitle]), href: "/approvals",
                         detail: localizer.t("home_waiting_since", ["date": localizer.moment(request.requestedAt)]))
        }, more: ("/approvals", localizer.t("home_all_approvals", ["count": localizer.number(tasks.approvalsWaiting)])))
        let checks = HomeTaskList(id: "home-team-checks", heading: localizer.t("home_team_checks"), lines: tasks.checks.map { check in
            HomeTaskLine(text: localizer.t("home_team_check", ["name": check.name, "title": check.runTitle]),
                         href: "/evaluation/checks/\(check.id)", detail: localizer.t("home_due", ["date": RunText.date(check.dueOn, localizer)]))
        })
        let short = HomeTaskList(id: "home-team-jp", heading: localizer.t("home_team_short"), lines: tasks.shortOfJP.map { member in
            HomeTaskLine(text: member.name, href: "/people/\(member.nip)",
                         detail: localizer.t("home_jp_of_target", ["jp": TrainingFormat.jp(member.verifiedJP, localizer),
                                                                   "target": TrainingFormat.jp(member.target ?? 0, localizer)]))
        }, more: ("/team/hours", localizer.t("home_team_hours", ["count": localizer.number(tasks.shortOfJPCount)])))
        return [approvals, checks, short].compactMap(\.values)
    }
}
