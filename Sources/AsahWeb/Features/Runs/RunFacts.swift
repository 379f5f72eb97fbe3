import AsahCore
import Foundation
import GRDB
import HTTPServer

/// One run with what every view of it needs: its course, seats and sessions (with the
/// instructors' names), read in one snapshot.
struct RunFacts {
    struct SessionFacts {
        let session: RunSession
        let instructorName: String?
    }

    /// A unit's seat quota in the run.
    struct QuotaFacts {
        let unitId: Int64
        let unitCode: String
        let unitName: String
        let seats: Int
    }

    let run: Run
    let courseCode: String
    let courseTitle: BilingualText
    /// Enrolled or offered.
    let held: Int
    let waitlistLength: Int
    let sessions: [SessionFacts]
    /// The unit quotas, by unit name.
    let quotas: [QuotaFacts]

    var seatsLeft: Int { max(0, run.capacity - held) }
    var id: Int64 { run.id! }

    /// The run `id`, or nil when there is none.
    static func load(_ id: Int64, in db: Database) throws -> RunFacts? {
        guard let run = try Run.fetchOne(db, key: id),
              let course = try Row.fetchOne(db, sql: "SELECT code, title_id, title_en FROM courses WHERE id = ?",
                                            arguments: [run.courseId]) else { return nil }
        let (held, waiting) = try counts(runId: id, in: db)
        let sessions = try Row.fetchAll(db, sql: """
            SELECT s.*, e.name AS instructor_name FROM run_sessions s LEFT JOIN employees e ON e.id = s.instructor_employee_id
            WHERE s.run_id = ? ORDER BY s.starts_at, s.id
            """, arguments: [id]).map { row in
            SessionFacts(session: try RunSession(row: row), instructorName: row["instructor_name"])
        }
        let quotas = try Row.fetchAll(db, sql: """
            SELECT q.unit_id, q.seats, u.code, u.name FROM run_unit_quotas q JOIN units u ON u.id = q.unit_id
            WHERE q.run_id = ? ORDER BY u.name, u.code
            """, arguments: [id]).map { row in
            QuotaFacts(unitId: row["unit_id"], unitCode: row["code"], unitName: row["name"], seats: row["seats"])
        }
        return RunFacts(run: run, courseCode: course["code"], courseTitle: BilingualText(course["title_id"], english: course["title_en"]),
                        held: held, waitlistLength: waiting, sessions: sessions, quotas: quotas)
    }

    /// Seats held (enrolled or offered) and people waiting in run `runId`.
    static func counts(runId: Int64, in db: Database) throws -> (held: Int, waiting: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(state IN ('enrolled', 'offered')), 0) AS held, COALESCE(SUM(state = 'waitlisted'), 0) AS waiting
            FROM enrolments WHERE run_id = ?
            """, arguments: [runId])
        return (row?["held"] ?? 0, row?["waiting"] ?? 0)
    }

    /// Whether `principal` may see the run at all: drafts only for coordinators.
    static func visible(_ run: Run, to principal: Principal) -> Bool {
        run.status != .draft || WorkshopAccess.coordinates(principal)
    }
}

/// Dates, times and labels of runs in the reader's language.
enum RunText {
    static func date(_ date: CalendarDate, _ localizer: Localizer) -> String {
        localizer.date(year: date.year, month: date.month, day: date.day)
    }

    /// "12 Maret 2026 – 14 Maret 2026", or one date.
    static func dates(_ run: Run, _ localizer: Localizer) -> String {
        run.startsOn == run.endsOn ? date(run.startsOn, localizer)
            : date(run.startsOn, localizer) + " – " + date(run.endsOn, localizer)
    }

    /// "09.00" (id) or "09:00" (en) in WIB.
    static func time(_ seconds: Int64, _ localizer: Localizer) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = IndonesianTime.wib
        let parts = calendar.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%02d%@%02d", parts.hour ?? 0, localizer.locale == "id" ? "." : ":", parts.minute ?? 0)
    }

    /// "24 November 2026 14.05 WIB".
    static func moment(_ seconds: Int64, _ localizer: Localizer) -> String {
        localizer.dateTime(seconds) + " WIB"
    }

    static func status(_ status: RunStatus, _ localizer: Localizer) -> String {
        localizer.t("run_status_\(status.rawValue)")
    }

    static func state(_ state: EnrolmentState, _ localizer: Localizer) -> String {
        localizer.t("run_state_\(state.rawValue)")
    }

    /// "Sisa kursi 3 dari 20 · daftar tunggu 2".
    static func seats(_ facts: (capacity: Int, left: Int, waiting: Int), _ localizer: Localizer) -> String {
        localizer.t("run_seats_summary", ["left": localizer.number(facts.left), "capacity": localizer.number(facts.capacity),
                                          "waiting": localizer.number(facts.waiting)])
    }
}

/// How a refused workshop action is answered: the HTTP status and the domain's message.
enum WorkshopAnswer {
    static func status(_ problem: WorkshopProblem) -> Int {
        switch problem {
        case .notPermitted: 403
        case .runNotFound, .enrolmentNotFound, .sessionNotFound, .employeeNotFound, .certificateNotFound, .trainingEntryNotFound: 404
        case .alreadyInRun, .wrongState, .offerExpired, .statusChange, .runNotOpen, .enrolmentClosed, .enrolmentNotYetOpen,
             .alreadyReviewed: 409
        default: 422
        }
    }

    static func api(_ problem: WorkshopProblem) -> Response {
        let status = status(problem)
        return APIError.response(status: status, code: APIError.code(for: status), message: problem.message)
    }
}

/// Template values without the empty optionals: Mustache would print a nested `nil` as "nil"
/// and treat it as true (only the top level of a page's data is cleaned by `Views`).
func templateValues(_ values: [String: Any?]) -> [String: Any] {
    values.compactMapValues { $0 }
}
