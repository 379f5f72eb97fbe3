import AsahCore
import HTTPServer

/// A run's participant list (page and downloads) and its printable attendance sheet (daftar
/// hadir, one page per session with a signature column, as the SPJ asks), for the run's
/// coordinators and instructors (``RunParticipants``); 404 for anyone else.
enum RunParticipantsPages {
    static func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/runs/:id/participants", .signedIn(.takeAttendance), list),
            RouteSpec(.get, "/runs/:id/attendance-sheet", .signedIn(.takeAttendance), attendanceSheet),
        ] + ExportFormat.routes("/runs/:id/participants", .signedIn(.takeAttendance), table)
    }

    /// The run's participants if the viewer may see them; otherwise a thrown 404.
    private static func load(_ context: Context) throws -> RunParticipants.List {
        guard let id = context.pathID(),
              let list = try RunParticipants(database: context.services.database).list(runId: id, viewer: context.user)
        else { throw HTTPFailure(response: context.notFound()) }
        return list
    }

    /// What both pages show about the run.
    private static func heading(_ facts: RunFacts, _ localizer: Localizer) -> [String: Any] {
        ["id": facts.id, "code": facts.run.code, "runTitle": facts.run.title, "courseTitle": facts.courseTitle.text(locale: localizer.locale),
         "dates": RunText.dates(facts.run, localizer), "printedOn": localizer.date(Clock.now())]
    }

    private static func rows(_ participants: [RunParticipants.Participant], _ localizer: Localizer) -> [[String: Any]] {
        participants.enumerated().map { index, person in
            ["number": index + 1, "name": person.name, "nip": person.nip, "unit": person.unitName ?? "",
             "golongan": person.golongan?.code ?? "", "jabatan": person.jabatan ?? "",
             "state": RunText.state(person.state, localizer), "even": index % 2 == 1]
        }
    }

    private static func list(_ context: Context) throws -> Response {
        let list = try load(context)
        let localizer = context.localizer
        var data = heading(list.facts, localizer)
        data["rows"] = rows(list.participants, localizer)
        data["hasRows"] = !list.participants.isEmpty
        data["count"] = localizer.count("participants_count", list.participants.count)
        data["export"] = ExportFormat.links("/runs/\(list.facts.id)/participants")
        return context.page("run_participants", title: localizer.t("participants_title") + " · " + list.facts.run.title, data)
    }

    private static func attendanceSheet(_ context: Context) throws -> Response {
        let list = try load(context)
        let localizer = context.localizer
        var data = heading(list.facts, localizer)
        let rows = rows(list.participants, localizer)
        data["sessions"] = list.facts.sessions.enumerated().map { index, item -> [String: Any] in
            let session = item.session
            return templateValues([
                "session": localizer.t("attendance_sheet_session", ["number": String(index + 1)]),
                "date": localizer.date(session.startsAt),
                "time": RunText.hours(from: session.startsAt, to: session.endsAt, localizer),
                "place": session.place, "instructor": item.instructorName, "rows": rows,
            ])
        }
        data["hasSessions"] = !list.facts.sessions.isEmpty
        return context.page("run_attendance_sheet", title: localizer.t("attendance_sheet_title") + " · " + list.facts.run.title, data)
    }

    private static func table(_ context: Context) throws -> ExportTable {
        let list = try load(context)
        let localizer = context.localizer
        return ExportTable(
            filename: "peserta-angkatan-\(list.facts.id)", sheet: "export_sheet_participants",
            columns: [.init("no", "col_no"), .init("nama", "col_name"), .init("nip", "col_nip"), .init("unit", "col_unit"),
                      .init("golongan", "col_golongan"), .init("jabatan", "col_jabatan"), .init("status", "col_state")],
            rows: list.participants.enumerated().map { index, person in
                [.integer(index + 1), .text(person.name), .identifier(person.nip), .text(person.unitName ?? ""),
                 .text(person.golongan?.code ?? ""), .text(person.jabatan ?? ""), .text(RunText.state(person.state, localizer))]
            })
    }
}
