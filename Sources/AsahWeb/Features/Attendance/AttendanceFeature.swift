import AsahCore
import HTTPServer

/// Attendance of one session: the instructor's (or a coordinator's) whole-list form with the
/// check-in code to show in the room, and participants' self check-in with that code.
struct AttendanceFeature: Feature {
    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/sessions/:id/attendance", .signedIn(.takeAttendance)) { try sheet($0) },
            RouteSpec(.post, "/sessions/:id/attendance", .signedIn(.takeAttendance), save),
            RouteSpec(.post, "/sessions/:id/checkin", .signedIn(.useAccount), checkIn),
        ]
    }

    /// The session and its run, when `principal` teaches it or coordinates; nil otherwise.
    private func session(_ context: Context) throws -> (session: RunSession, run: Run)? {
        guard let id = context.pathID() else { return nil }
        return try WorkshopLookups(database: context.services.database).taughtSession(id, by: context.user)
    }

    private func sheet(_ context: Context, error: String? = nil, notice: String? = nil, status: Int = 200) throws -> Response {
        guard let id = context.pathID(),
              let (session, run, marks) = try Attendance(database: context.services.database).sheet(sessionId: id, for: context.user)
        else { return context.notFound() }
        let localizer = context.localizer
        let rows = marks.map { mark -> [String: Any] in
            ["employeeId": mark.employeeId, "nip": mark.nip, "name": mark.name, "present": mark.present == true,
             "unmarked": mark.status == nil,
             // The absence reason shown: izin or sakit as marked, alpa otherwise.
             "absences": ([AttendanceStatus.alpa] + AttendanceStatus.excuses).map { status in
                 ["value": status.rawValue, "label": localizer.t("attendance_status_\(status.rawValue)"),
                  "selected": status == (mark.status.flatMap { AttendanceStatus.excuses.contains($0) ? $0 : nil } ?? .alpa)]
             }]
        }
        let counts = Dictionary(grouping: marks.compactMap(\.status), by: { $0 }).mapValues(\.count)
        var summary = Dictionary(uniqueKeysWithValues: AttendanceStatus.allCases.map { ($0.rawValue, localizer.number(counts[$0] ?? 0)) })
        summary["unmarked"] = localizer.number(marks.filter { $0.status == nil }.count)
        summary["total"] = localizer.number(marks.count)
        let started = Clock.now() >= session.startsAt
        let shownNotice: String? = notice ?? TrainingFormat.notice(context)
        return context.page("attendance", title: localizer.t("attendance_title"), [
            "notice": shownNotice as Any, "error": error as Any,
            "sessionId": session.id!, "runId": run.id!, "runTitle": run.title,
            "when": localizer.dateTime(session.startsAt) + " – " + localizer.moment(session.endsAt),
            "place": session.place as Any, "code": session.checkinCode as Any,
            "rows": rows, "hasRows": !rows.isEmpty,
            "summary": localizer.t("attendance_summary_statuses", summary),
            "editable": [.open, .closed, .running].contains(run.status) && started,
            "notStarted": started ? nil : localizer.t("attendance_not_started", ["date": localizer.moment(session.startsAt)]),
        ], status: status)
    }

    private func save(_ context: Context) throws -> Response {
        guard let (session, _) = try session(context) else { return context.notFound() }
        let form = try context.form()
        let present = Set(form.all("present").compactMap(BoundedNumbers.id))
        // "absence_<employee id>" = izin or sakit gives the reason of an absence; alpa is the default.
        var excused: [Int64: AttendanceStatus] = [:]
        for (name, values) in form.fields where name.hasPrefix("absence_") {
            guard let id = BoundedNumbers.id(String(name.dropFirst("absence_".count))),
                  let status = values.last.flatMap(AttendanceStatus.init(rawValue:)),
                  status != .alpa, !present.contains(id) else { continue }
            excused[id] = status
        }
        switch try Attendance(database: context.services.database).mark(sessionId: session.id!, present: present, excused: excused,
                                                                         actor: context.user, ip: context.ip) {
        case .success:
            return Notice.redirect("/sessions/\(session.id!)/attendance", notice: "attendance_saved")
        case .failure(.notPermitted):
            return context.notFound()
        case .failure(let problem):
            return try sheet(context, error: context.message(problem), status: context.status(problem))
        }
    }

    private func checkIn(_ context: Context) throws -> Response {
        let form = try context.form()
        let back = URLEncoding.safeReturnPath(form["next"] ?? "/my/trainings")
        guard let id = context.pathID(), let employeeId = context.user.employeeId else { return context.notFound() }
        // Wrong codes count like wrong passwords, so a code cannot be guessed by trying them all.
        let result = try Attendance(database: context.services.database).throttledCheckIn(
            employeeId: employeeId, code: form["code"] ?? "", sessionId: id, actor: context.user, ip: context.ip)
        switch result {
        case .throttled(let wait):
            return context.error(429, "attendance_checkin_throttled", code: "too_many_attempts", values: ["minutes": String((wait + 59) / 60)])
        case .checkedIn:
            if context.request.wantsJSON { return .json(["status": "present"]) }
            return Notice.redirect(back, notice: "attendance_checked_in")
        case .refused(.sessionNotFound):
            return context.notFound()
        case .refused(let problem):
            if context.request.wantsJSON {
                return APIError.response(status: 422, code: "invalid", message: context.message(problem))
            }
            if back.hasPrefix("/my/trainings") { return try MyTrainingFeature().page(context, error: context.message(problem), status: 422) }
            return context.page("error", title: context.localizer.t("error_title_422"), [
                "status": 422, "message": context.message(problem), "back": back,
            ], status: 422)
        }
    }
}
