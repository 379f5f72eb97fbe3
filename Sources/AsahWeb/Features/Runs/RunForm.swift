import AsahCore
import Foundation
import GRDB
import HTTPServer

/// `GET/POST /runs/new`: a coordinator schedules a run. Dates are calendar dates, times are
/// WIB; the form comes back filled in with every problem listed when something is wrong.
enum RunForm {
    static let sessionRows = 8
    static let sessionFields = ["date", "start", "end", "place", "online", "instructor"]

    /// The form as typed: field name → text.
    typealias Values = [String: String]

    static let defaults: Values = ["offer_window_hours": "48", "offer_cutoff_hours": "24"]

    static func page(_ context: Context, values: Values = defaults, errors: [String] = [], status: Int = 200) throws -> Response {
        let localizer = context.localizer
        let courses = try context.services.database.pool.read { try CatalogueQueries.search(in: $0) }
        let sessions = (1...sessionRows).map { number -> [String: Any] in
            var row: [String: Any] = ["number": number, "required": number == 1]
            for field in sessionFields { row[field] = values["s\(number)_\(field)"] ?? "" }
            return row
        }
        var data: [String: Any] = [
            "courses": courses.map { course in
                ["id": course.id!, "label": "\(course.code) — \(course.title.text(locale: localizer.locale))",
                 "selected": values["course_id"] == String(course.id!)] as [String: Any]
            },
            "sessions": sessions, "errors": errors, "hasErrors": !errors.isEmpty,
        ]
        for field in ["code", "title", "capacity", "starts_on", "ends_on", "enrol_opens", "enrol_closes", "offer_window_hours",
                      "offer_cutoff_hours"] {
            data["v_" + field] = values[field] ?? ""
        }
        return context.page("run_new", title: localizer.t("run_new_title"), data, status: status)
    }

    static func create(_ context: Context) throws -> Response {
        let form = try context.form()
        var values: Values = [:]
        for (name, entries) in form.fields where name != CSRF.field {
            values[name] = entries.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        let (plan, errors) = try parse(values, context: context)
        guard let plan, errors.isEmpty else { return try page(context, values: values, errors: errors, status: 422) }
        switch try RunPlanning(database: context.services.database).create(plan, actor: context.user, ip: context.ip) {
        case .success(let run): return RunPage.done(run.id!, "created")
        case .failure(.invalidPlan(let issues)):
            return try page(context, values: values, errors: issues.map(\.message), status: 422)
        case .failure(let problem):
            return try page(context, values: values, errors: [problem.message], status: WorkshopAnswer.status(problem) == 403 ? 403 : 422)
        }
    }

    /// The plan the form describes, or the reasons it cannot be read.
    static func parse(_ values: Values, context: Context) throws -> (RunPlan?, [String]) {
        let localizer = context.localizer
        var errors: [String] = []
        func text(_ name: String) -> String { values[name] ?? "" }
        func integer(_ name: String, label: String) -> Int? {
            guard let number = Int(text(name)) else {
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
        let courseId = Int64(text("course_id"))
        if courseId == nil { errors.append(localizer.t("run_form_course_required")) }
        let capacity = integer("capacity", label: "run_capacity")
        let startsOn = date("starts_on", label: "run_starts_on")
        let endsOn = date("ends_on", label: "run_ends_on")
        let opens = moment("enrol_opens", label: "run_enrol_opens")
        let closes = moment("enrol_closes", label: "run_enrol_closes")
        let offerWindow = integer("offer_window_hours", label: "run_offer_window")
        let cutoff = integer("offer_cutoff_hours", label: "run_offer_cutoff")
        var sessions: [RunPlan.Session] = []
        for number in 1...sessionRows {
            let field = { (name: String) in text("s\(number)_\(name)") }
            if sessionFields.allSatisfy({ field($0).isEmpty }) { continue }
            guard let start = timestamp(field("date") + "T" + field("start")),
                  let end = timestamp(field("date") + "T" + field("end")) else {
                errors.append(localizer.t("run_form_session_time", ["n": String(number)]))
                continue
            }
            var instructor: Int64?
            if !field("instructor").isEmpty {
                let nip = field("instructor").filter { !$0.isWhitespace }
                instructor = try context.services.database.pool.read { try EmployeeDirectory.employee(nip: nip, in: $0)?.id }
                if instructor == nil { errors.append(RunPlanIssue.unknownInstructor(number).message) }
            }
            sessions.append(RunPlan.Session(startsAt: start, endsAt: end, place: field("place").nilIfEmpty,
                                            onlineUrl: field("online").nilIfEmpty, instructorEmployeeId: instructor))
        }
        guard let courseId, let capacity, let startsOn, let endsOn, let opens, let closes, let offerWindow, let cutoff,
              errors.isEmpty else { return (nil, errors) }
        return (RunPlan(courseId: courseId, code: text("code"), title: text("title"), capacity: capacity, enrolOpensAt: opens,
                        enrolClosesAt: closes, startsOn: startsOn, endsOn: endsOn, offerWindowHours: offerWindow,
                        offerCutoffHours: cutoff, sessions: sessions), [])
    }

    /// Unix seconds of "YYYY-MM-DDTHH:MM" (a `datetime-local` value) in WIB.
    static func timestamp(_ text: String) -> Int64? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count >= 2, clock[0].count == 2, clock[1].count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = IndonesianTime.wib
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components).map { Int64($0.timeIntervalSince1970) }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
