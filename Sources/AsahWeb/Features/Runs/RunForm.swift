import AsahCore
import Foundation
import HTTPServer

/// `GET/POST /runs/new` and `GET/POST /runs/:id/edit`: a coordinator schedules or changes a
/// run. Dates are calendar dates, times are in the installation's zone; unit quotas are typed one `KODE_UNIT = jumlah`
/// a line. The form comes back filled in with every problem listed when something is wrong.
enum RunForm {
    static let sessionRows = 8
    static let sessionFields = ["date", "start", "end", "place", "online", "instructor"]

    /// The form as typed: field name → text.
    typealias Values = [String: String]

    static let defaults: Values = ["offer_window_hours": "48", "offer_cutoff_hours": "24"]

    /// The run being changed, when the form edits one.
    struct Editing {
        let runId: Int64
        let title: String
    }

    static func page(_ context: Context, values: Values = defaults, errors: [String] = [], status: Int = 200,
                     editing: Editing? = nil, courses: [Course]? = nil) throws -> Response {
        let localizer = context.localizer
        let courses = try courses ?? CourseCatalogue(database: context.services.database).courses()
        let sessions = (1...rowCount(values, spare: 1)).map { number -> [String: Any] in
            var row: [String: Any] = ["number": number, "required": number == 1, "sessionId": values["s\(number)_id"] ?? ""]
            for field in sessionFields { row[field] = values["s\(number)_\(field)"] ?? "" }
            return row
        }
        let heading = localizer.t(editing == nil ? "run_new_title" : "run_edit_title")
        var data: [String: Any] = [
            "courses": courses.map { course in
                ["id": course.id!, "label": "\(course.code) — \(course.title.text(locale: localizer.locale))",
                 "selected": values["course_id"] == String(course.id!)] as [String: Any]
            },
            "sessions": sessions, "errors": errors, "hasErrors": !errors.isEmpty,
            "instructors": PersonField.options(try PersonPicker(database: context.services.database).instructors()),
            "units": try People(database: context.services.database).unitTree().map { ["code": $0.code, "name": $0.name] },
            "heading": heading,
            "action": editing.map { "/runs/\($0.runId)/edit" } ?? "/runs/new",
            "submitLabel": localizer.t(editing == nil ? "run_form_submit" : "run_edit_submit"),
        ]
        if let editing {
            data["editing"] = true
            data["runId"] = editing.runId
            data["runTitle"] = editing.title
        }
        for field in ["code", "title", "capacity", "starts_on", "ends_on", "enrol_opens", "enrol_closes", "offer_window_hours",
                      "offer_cutoff_hours", "quotas"] {
            data["v_" + field] = values[field] ?? ""
        }
        return context.page("run_new", title: heading, data, status: status)
    }

    /// The number of session rows: at least `sessionRows`, and every filled row plus `spare` empty ones.
    static func rowCount(_ values: Values, spare: Int = 0) -> Int {
        let used = values.compactMap { name, text -> Int? in
            guard !text.isEmpty, name.hasPrefix("s"), let underscore = name.firstIndex(of: "_") else { return nil }
            return BoundedNumbers.integer(String(name[name.index(after: name.startIndex)..<underscore]), in: 1...200)
        }.max() ?? 0
        return min(max(sessionRows, used + spare), 200)
    }

    /// The posted form as text, trimmed.
    static func posted(_ context: Context) throws -> Values {
        let form = try context.form()
        var values: Values = [:]
        for (name, entries) in form.fields where name != CSRF.field {
            values[name] = entries.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        return values
    }

    static func create(_ context: Context) throws -> Response {
        var values = try posted(context)
        for name in values.keys where name.hasSuffix("_id") && name.hasPrefix("s") { values[name] = nil }
        let (plan, errors) = try parse(values, context: context)
        guard let plan, errors.isEmpty else { return try page(context, values: values, errors: errors, status: 422) }
        switch try RunPlanning(database: context.services.database).create(plan, actor: context.user, ip: context.ip) {
        case .success(let run): return RunPage.done(run.id!, "created")
        case .failure(.invalidPlan(let issues)):
            return try page(context, values: values, errors: issues.map { Refusals.message($0.refusal, context.localizer) }, status: 422)
        case .failure(let problem):
            return try page(context, values: values, errors: [context.message(problem)], status: context.status(problem) == 403 ? 403 : 422)
        }
    }

    /// The run to edit, or the answer when it cannot be edited: 404 when there is none, the
    /// run page with the domain's refusal when it has started, finished or been cancelled.
    private static func editable(_ context: Context) throws -> Run {
        guard let id = context.pathID(), let run = try RunPages(database: context.services.database).run(id, viewer: context.user)
        else { throw HTTPFailure(response: context.notFound()) }
        guard run.status.isEditable else {
            throw HTTPFailure(response: try RunPage.refused(context, .runNotOpen(run.status)))
        }
        return run
    }

    /// `GET /runs/:id/edit`: the form filled in from the run, its sessions and quotas.
    static func editPage(_ context: Context) throws -> Response {
        guard let id = context.pathID(), let (run, plan, courses) = try RunPages(database: context.services.database)
            .editForm(id, viewer: context.user) else { return context.notFound() }
        guard run.status.isEditable else { return try RunPage.refused(context, .runNotOpen(run.status)) }
        return try page(context, values: RunForm.values(of: run, plan: plan), editing: Editing(runId: run.id!, title: run.title),
                        courses: courses)
    }

    /// `POST /runs/:id/edit`: saves the changes with the domain's rules.
    static func update(_ context: Context) throws -> Response {
        let run = try editable(context)
        let editing = Editing(runId: run.id!, title: run.title)
        let values = try posted(context)
        let (plan, errors) = try parse(values, context: context, keepSessionIds: true)
        guard let plan, errors.isEmpty else {
            return try page(context, values: values, errors: errors, status: 422, editing: editing)
        }
        switch try RunPlanning(database: context.services.database).update(runId: run.id!, to: plan, actor: context.user, ip: context.ip) {
        case .success(let saved): return RunPage.done(saved.id!, "updated")
        case .failure(.invalidPlan(let issues)):
            return try page(context, values: values, errors: issues.map { Refusals.message($0.refusal, context.localizer) }, status: 422, editing: editing)
        case .failure(.runNotFound): return context.notFound()
        case .failure(let problem):
            return try page(context, values: values, errors: [context.message(problem)],
                            status: context.status(problem) == 403 ? 403 : 422, editing: editing)
        }
    }

    /// The form's text for an existing run.
    static func values(of run: Run, plan: RunPages.Plan) -> Values {
        var values: Values = [
            "course_id": String(run.courseId), "code": run.code, "title": run.title, "capacity": String(run.capacity),
            "starts_on": run.startsOn.iso, "ends_on": run.endsOn.iso,
            "enrol_opens": run.enrolOpensAt.map(formMoment) ?? "", "enrol_closes": run.enrolClosesAt.map(formMoment) ?? "",
            "offer_window_hours": String(run.offerWindowHours), "offer_cutoff_hours": String(run.offerCutoffHours),
        ]
        for (index, (session, instructorNip)) in plan.sessions.enumerated() {
            let prefix = "s\(index + 1)_"
            let start = formMoment(session.startsAt).split(separator: "T").map(String.init)
            values[prefix + "id"] = session.id.map(String.init) ?? ""
            values[prefix + "date"] = start.first ?? ""
            values[prefix + "start"] = start.last ?? ""
            values[prefix + "end"] = formMoment(session.endsAt).split(separator: "T").last.map(String.init) ?? ""
            values[prefix + "place"] = session.place ?? ""
            values[prefix + "online"] = session.onlineUrl ?? ""
            values[prefix + "instructor"] = instructorNip ?? ""
        }
        values["quotas"] = plan.quotas.map { "\($0.unitCode) = \($0.seats)" }.joined(separator: "\n")
        return values
    }

    /// "YYYY-MM-DDTHH:MM" (a `datetime-local` value) in the installation's zone of Unix seconds.
    static func formMoment(_ seconds: Int64) -> String {
        let clock = WallClock(seconds)
        return String(format: "%04d-%02d-%02dT%02d:%02d", clock.year, clock.month, clock.day, clock.hour, clock.minute)
    }

    /// Unit quotas typed one `KODE_UNIT = jumlah` a line (blank lines ignored): unit id → seats,
    /// with an Indonesian message for every line that cannot be read.
    static func quotas(_ text: String, localizer: Localizer, people: People) throws -> ([Int64: Int], [String]) {
        var quotas: [Int64: Int] = [:]
        var errors: [String] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let codes = lines.compactMap { line in
            line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        }
        let unitIds = try people.unitIds(codes: codes)
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let number = String(index + 1)
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                errors.append(localizer.t("run_form_quota_format", ["n": number]))
                continue
            }
            let code = parts[0].uppercased()
            guard let unitId = unitIds[code] else {
                errors.append(localizer.t("run_form_quota_unit", ["n": number, "code": parts[0]]))
                continue
            }
            guard let seats = BoundedNumbers.integer(String(parts[1]), in: 0...1_000_000) else {
                errors.append(localizer.t("run_form_quota_seats", ["n": number, "code": code]))
                continue
            }
            if quotas[unitId] != nil {
                errors.append(localizer.t("run_form_quota_twice", ["n": number, "code": code]))
                continue
            }
            quotas[unitId] = seats
        }
        return (quotas, errors)
    }

    /// The plan the form describes, or the reasons it cannot be read.
    static func parse(_ values: Values, context: Context, keepSessionIds: Bool = false) throws -> (RunPlan?, [String]) {
        let localizer = context.localizer
        var errors: [String] = []
        func text(_ name: String) -> String { values[name] ?? "" }
        func integer(_ name: String, label: String) -> Int? {
            guard let number = BoundedNumbers.integer(text(name), in: 0...1_000_000) else {
                errors.append(localizer.t("run_form_number", ["field": localizer.t(label)]))
                return nil
            }
            return number
        }
        func date(_ name: String, label: String) -> CalendarDate? {
            guard let date = CalendarDate(iso: text(name)) else {
                errors.append(localizer.t("run_form_date", ["field": localizer.t(label)]))
                return nil
            }
            return date
        }
        func moment(_ name: String, label: String) -> Int64?? {
            guard !text(name).isEmpty else { return .some(nil) }
            guard let seconds = timestamp(text(name)) else {
                errors.append(localizer.t("run_form_moment", ["field": localizer.t(label)]))
                return nil
            }
            return .some(seconds)
        }
        let courseId = BoundedNumbers.id(text("course_id"))
        if courseId == nil { errors.append(localizer.t("run_form_course_required")) }
        let capacity = integer("capacity", label: "run_capacity")
        let startsOn = date("starts_on", label: "run_starts_on")
        let endsOn = date("ends_on", label: "run_ends_on")
        let opens = moment("enrol_opens", label: "run_enrol_opens")
        let closes = moment("enrol_closes", label: "run_enrol_closes")
        let offerWindow = integer("offer_window_hours", label: "run_offer_window")
        let cutoff = integer("offer_cutoff_hours", label: "run_offer_cutoff")
        var sessions: [RunPlan.Session] = []
        for number in 1...rowCount(values) {
            let field = { (name: String) in text("s\(number)_\(name)") }
            if sessionFields.allSatisfy({ field($0).isEmpty }) { continue }
            guard let start = timestamp(field("date") + "T" + field("start")),
                  let end = timestamp(field("date") + "T" + field("end")) else {
                errors.append(localizer.t("run_form_session_time", ["n": String(number)]))
                continue
            }
            var instructor: Int64?
            if !field("instructor").isEmpty {
                switch try PersonPicker(database: context.services.database).resolve(field("instructor")) {
                case .found(let entry): instructor = entry.id
                case .choices(let entries):
                    errors.append(localizer.t("run_form_instructor_choose", [
                        "n": String(number), "typed": field("instructor"),
                        "people": entries.map { $0.name + " (" + $0.nip + ")" }.joined(separator: "; ")]))
                case .none: errors.append(Refusals.message(RunPlanIssue.unknownInstructor(number).refusal, localizer))
                }
            }
            let sessionId = keepSessionIds ? BoundedNumbers.id(field("id")) : nil
            sessions.append(RunPlan.Session(id: sessionId, startsAt: start, endsAt: end, place: field("place").nilIfEmpty,
                                            onlineUrl: field("online").nilIfEmpty, instructorEmployeeId: instructor))
        }
        let (quotas, quotaErrors) = try RunForm.quotas(text("quotas"), localizer: localizer, people: People(database: context.services.database))
        errors += quotaErrors
        guard let courseId, let capacity, let startsOn, let endsOn, let opens, let closes, let offerWindow, let cutoff,
              errors.isEmpty else { return (nil, errors) }
        return (RunPlan(courseId: courseId, code: text("code"), title: text("title"), capacity: capacity, enrolOpensAt: opens,
                        enrolClosesAt: closes, startsOn: startsOn, endsOn: endsOn, offerWindowHours: offerWindow,
                        offerCutoffHours: cutoff, sessions: sessions, quotas: quotas), [])
    }

    /// Unix seconds of "YYYY-MM-DDTHH:MM" (a `datetime-local` value) in the installation's zone.
    static func timestamp(_ text: String) -> Int64? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count >= 2, clock[0].count == 2, clock[1].count == 2, let hour = BoundedNumbers.integer(String(clock[0]), in: 0...23),
              let minute = BoundedNumbers.integer(String(clock[1]), in: 0...59) else { return nil }
        return IndonesianTime.timestamp(day, hour: hour, minute: minute)
    }
}

extension RunStatus {
    /// Whether the run's plan may still be changed (``RunPlanning/update(runId:to:actor:ip:now:)``).
    var isEditable: Bool { [.draft, .open, .closed].contains(self) }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
