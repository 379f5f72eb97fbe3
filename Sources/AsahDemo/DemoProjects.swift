import AsahCore
import GRDB

/// Demo projects over the project-based courses of the catalogue, made with the projects'
/// services at times relative to `now`: a finished run of about four months ago whose
/// projects were completed (most shown in the gallery, one featured), and a running run with
/// projects at every stage. demo.pegawai's project in the running run has every milestone
/// but the last accepted, coached by demo.instruktur and mentored by demo.atasan; the
/// board shows late milestones and submissions waiting for review. The final report
/// milestone carries a small generated PDF (``DemoReportFile``); other submissions carry
/// text only. Participants are placed in the runs directly as enrolled.
enum DemoProjects {
    static func generate(in database: AppDatabase, people: DemoPeople, seed: UInt64, now: Int64) throws {
        let courses = try database.pool.read { db in
            try Course.fetchAll(db, sql: "SELECT * FROM courses WHERE has_project AND NOT archived ORDER BY code")
        }
        guard let course = courses.first, let plan = course.projectPlan else { return }
        var random = SeededRandom(seed: seed &+ 404)
        let coordinatorUser = try database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE employee_id = ?", arguments: [people.koordinator])
        }
        guard let coordinatorUser,
              let coordinator = try database.pool.read({ try Principal.load(userId: coordinatorUser, in: $0) }) else { return }
        let candidates = try database.pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM employees WHERE active AND supervisor_id IS NOT NULL AND id NOT IN (?, ?, ?, ?)
                  AND id NOT IN (SELECT employee_id FROM users WHERE employee_id IS NOT NULL) ORDER BY id
                """, arguments: [people.pegawai, people.atasan, people.instruktur, people.koordinator])
        }
        guard candidates.count >= 12 else { return }
        var pool = candidates
        for index in pool.indices.reversed() { pool.swapAt(index, random.int(in: 0...index)) }
        let lastDue = plan.milestones.last?.dueDay ?? 30

        // A finished run: completed projects for the gallery.
        let pastStart = IndonesianTime.clock(9, daysAfter: -(lastDue + 75), from: now)
        let past = try makeRun(course, code: "\(course.code)-PRJ-A", title: "\(course.title.indonesian) Angkatan Proyek I",
                               start: pastStart, days: lastDue + 5, people: people, coordinator: coordinator, database: database)
        let finishers = Array(pool.prefix(4))
        try enrol(finishers, in: past, at: pastStart - 86400 * 7, database: database)
        for (index, person) in finishers.enumerated() {
            let topic = DemoProjectTexts.topics[index % DemoProjectTexts.topics.count]
            let project = try start(person, run: past, topic: topic, at: pastStart + 86400, database: database)
            try advance(project, through: plan.milestones.count, plan: plan, runStart: pastStart, person: person,
                        people: people, scores: [78, 85, 92, 74][index], database: database)
            if index < 3 {
                let owner = try principal(person, database: database)
                _ = try ProjectGallery(database: database).consent(projectId: project.id!, consent: true,
                                                                   measuredResult: topic.result, actor: owner,
                                                                   now: pastStart + 86400 * Int64(lastDue + 10)).get()
            }
            if index == 0 {
                _ = try ProjectGallery(database: database).feature(projectId: project.id!, featured: true, actor: coordinator,
                                                                   now: pastStart + 86400 * Int64(lastDue + 12)).get()
            }
        }
        _ = try Completion(database: database).finish(runId: past.id!, actor: coordinator, now: pastStart + 86400 * Int64(lastDue + 5))

        // A running run: projects at every stage.
        let runningStart = IndonesianTime.clock(9, daysAfter: -(lastDue - 3), from: now)
        let running = try makeRun(course, code: "\(course.code)-PRJ-B", title: "\(course.title.indonesian) Angkatan Proyek II",
                                  start: runningStart, days: lastDue + 20, people: people, coordinator: coordinator,
                                  database: database)
        let participants = [people.pegawai] + Array(pool.dropFirst(4).prefix(7))
        try enrol(participants, in: running, at: runningStart - 86400 * 7, database: database)
        for (index, person) in participants.enumerated() where index < 6 {
            let topic = DemoProjectTexts.topics[(index + 4) % DemoProjectTexts.topics.count]
            let project = try start(person, run: running, topic: topic, at: runningStart + 86400, database: database)
            // demo.pegawai: all but the last milestone accepted; others stop earlier, some waiting.
            let accepted = index == 0 ? plan.milestones.count - 1 : index % 3
            try advance(project, through: accepted, plan: plan, runStart: runningStart, person: person, people: people,
                        scores: 80, database: database)
            if index == 2 || index == 4 {
                let owner = try principal(person, database: database)
                _ = try ProjectReviews(database: database).submit(
                    projectId: project.id!, position: accepted, body: DemoProjectTexts.submissionTexts[accepted % 5],
                    files: [], actor: owner, now: min(now - 86400 * 4, runningStart + 86400 * Int64(plan.milestones[accepted].dueDay))).get()
            }
        }
    }

    private static func makeRun(_ course: Course, code: String, title: String, start: Int64, days: Int, people: DemoPeople,
                                coordinator: Principal, database: AppDatabase) throws -> Run {
        let planning = RunPlanning(database: database)
        let plan = RunPlan(courseId: course.id!, code: code, title: title, capacity: 25,
                           startsOn: IndonesianTime.date(of: start), endsOn: IndonesianTime.date(of: start + Int64(days) * 86400),
                           sessions: [RunPlan.Session(startsAt: start, endsAt: start + 3 * 3600, place: "Aula BKPSDM",
                                                      instructorEmployeeId: people.instruktur)])
        let run = try planning.create(plan, actor: coordinator).get()
        try database.pool.write { db in  // planned a month ahead, not at the moment the demo was built
            try db.execute(sql: "UPDATE runs SET created_at = ? WHERE id = ?", arguments: [start - 30 * 86400, run.id])
        }
        _ = try planning.setStatus(runId: run.id!, to: .open, actor: coordinator).get()
        return try planning.setStatus(runId: run.id!, to: .running, actor: coordinator).get()
    }

    private static func enrol(_ people: [Int64], in run: Run, at moment: Int64, database: AppDatabase) throws {
        try database.pool.write { db in
            for person in people {
                try db.execute(sql: """
                    INSERT INTO enrolments (run_id, employee_id, state, requested_at, approved_at, updated_at)
                    VALUES (?, ?, 'enrolled', ?, ?, ?)
                    """, arguments: [run.id, person, moment, moment, moment])
            }
        }
    }

    /// The principal of `employeeId`'s account, creating one without a password (login: the NIP) when needed.
    private static func principal(_ employeeId: Int64, database: AppDatabase) throws -> Principal {
        try database.pool.write { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE employee_id = ?", arguments: [employeeId]) {
                return try Principal.load(userId: id, in: db)!
            }
            let row = try Row.fetchOne(db, sql: "SELECT nip, name FROM employees WHERE id = ?", arguments: [employeeId])!
            try db.execute(sql: """
                INSERT INTO users (login, employee_id, display_name, locale, active, created_at) VALUES (?, ?, ?, 'id', 1, ?)
                """, arguments: [row["nip"], employeeId, row["name"], Clock.now()])
            return try Principal.load(userId: db.lastInsertedRowID, in: db)!
        }
    }

    private static func start(_ person: Int64, run: Run, topic: (title: String, problem: String, outcome: String, measure: String,
                                                               result: String), at moment: Int64, database: AppDatabase) throws -> Project {
        try Projects(database: database).start(
            runId: run.id!, Project.Description(title: topic.title, problem: topic.problem, stakeholders: "Warga, pimpinan unit, rekan kerja",
                                                outcome: topic.outcome, measure: topic.measure,
                                                coreValues: [.berorientasiPelayanan, .adaptif, .kolaboratif]),
            actor: try principal(person, database: database), now: moment).get()
    }

    /// Submits and has the coach accept the first `count` milestones near their due dates,
    /// the first one after one revision request; the final one scored `score` on every criterion.
    private static func advance(_ project: Project, through count: Int, plan: ProjectPlan, runStart: Int64, person: Int64,
                                people: DemoPeople, scores score: Int, database: AppDatabase) throws {
        let reviews = ProjectReviews(database: database)
        let owner = try principal(person, database: database)
        let coach = try principal(people.instruktur, database: database)
        for position in 0..<count {
            let due = runStart + 86400 * Int64(plan.milestones[position].dueDay)
            let text = DemoProjectTexts.submissionTexts[position % DemoProjectTexts.submissionTexts.count]
            let report = position == plan.finalReportPosition
                ? DemoReportFile.write([plan.milestones[position].name, project.title, owner.displayName, project.problem],
                                       database: database).map { [$0] } ?? []
                : []
            _ = try reviews.submit(projectId: project.id!, position: position, body: text, files: report, actor: owner,
                                   now: due - 86400 * 2).get()
            if position == 0 {
                _ = try reviews.review(projectId: project.id!, position: 0, decision: .revise,
                                       comment: "Lengkapi data awal (kondisi sebelum proyek).", scores: nil, actor: coach,
                                       now: due - 86400).get()
                _ = try reviews.submit(projectId: project.id!, position: 0, body: text + " Data awal sudah dilengkapi.",
                                       files: [], actor: owner, now: due - 3600 * 12).get()
            }
            let final = position == plan.milestones.count - 1
            _ = try reviews.review(projectId: project.id!, position: position, decision: .accept, comment: "Diterima.",
                                   scores: final ? Array(repeating: min(score, plan.rubricScale), count: plan.rubric.count) : nil,
                                   actor: coach, now: due).get()
        }
    }
}
