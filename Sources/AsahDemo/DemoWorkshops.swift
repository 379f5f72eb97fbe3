import AsahCore
import Foundation
import GRDB

/// What ``DemoWorkshops/generate(in:people:seed:now:)`` created.
public struct DemoWorkshopSummary: Sendable, Hashable, CustomStringConvertible {
    /// Runs by status.
    public var runs: [RunStatus: Int] = [:]
    /// Places by state.
    public var enrolments: [EnrolmentState: Int] = [:]
    public var sessions = 0
    public var certificates = 0
    /// Training-hours ledger lines of completed runs.
    public var ledgerEntries = 0
    /// External training records, by review status.
    public var externalTrainings: [TrainingReview: Int] = [:]
    public var notifications = 0
    /// Accounts (without a password) created for the participants, supervisors and instructors who acted.
    public var accountsCreated = 0

    /// Nothing created (no courses in the catalogue).
    public static let empty = DemoWorkshopSummary()

    public init() {}

    /// All runs.
    public var runCount: Int { runs.values.reduce(0, +) }

    public var description: String {
        let runs = RunStatus.allCases.compactMap { status in self.runs[status].map { "\($0) \(status.rawValue)" } }
        let places = EnrolmentState.allCases.compactMap { state in enrolments[state].map { "\($0) \(state.rawValue)" } }
        let external = TrainingReview.allCases.compactMap { status in externalTrainings[status].map { "\($0) \(status.rawValue)" } }
        return """
            \(runCount) runs (\(runs.joined(separator: ", "))), \(sessions) sessions; \
            \(enrolments.values.reduce(0, +)) places (\(places.joined(separator: ", "))); \
            \(certificates) certificates; external trainings: \(external.joined(separator: ", ")); \
            \(notifications) notifications; \(accountsCreated) accounts
            """
    }
}

/// Demo workshops over the synced catalogue, made with the domain services (so every rule,
/// notification and audit entry holds) at times relative to `now`: finished runs of the past
/// year with attendance, completions, JP and certificates; runs in progress this week; open
/// runs in the coming weeks (one full, with a waitlist and a pending offer); drafts; one
/// cancelled run; and external trainings, some verified. The demo accounts get something to
/// show: demo.pegawai has certificates, a seat, a waitlist position and a request waiting for
/// demo.atasan; demo.instruktur teaches running and open runs.
public enum DemoWorkshops {
    /// Creates the workshops; does nothing when the catalogue has no courses. The same seed and
    /// `now` give the same runs, places, attendance and ledger (check-in and certificate codes
    /// are always random).
    @discardableResult
    public static func generate(in database: AppDatabase, people: DemoPeople, seed: UInt64,
                                now: Int64 = Clock.now()) throws -> DemoWorkshopSummary {
        var world = try DemoWorkshopWorld(database: database, demo: people, seed: seed)
        guard !world.courses.isEmpty else { return .empty }
        var builder = try DemoWorkshopBuilder(world: world, now: now)
        try builder.build()
        world = builder.world
        return try summary(of: database, accountsCreated: world.accountsCreated)
    }

    private static func summary(of database: AppDatabase, accountsCreated: Int) throws -> DemoWorkshopSummary {
        try database.pool.read { db in
            var summary = DemoWorkshopSummary()
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM runs GROUP BY status") {
                if let status = RunStatus(rawValue: row["status"]) { summary.runs[status] = row["n"] }
            }
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM enrolments GROUP BY state") {
                if let state = EnrolmentState(rawValue: row["state"]) { summary.enrolments[state] = row["n"] }
            }
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM training_hours WHERE source = 'external' GROUP BY status") {
                if let status = TrainingReview(rawValue: row["status"]) { summary.externalTrainings[status] = row["n"] }
            }
            summary.sessions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_sessions") ?? 0
            summary.certificates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM certificates") ?? 0
            summary.ledgerEntries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_hours WHERE source = 'asah'") ?? 0
            summary.notifications = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notifications") ?? 0
            summary.accountsCreated = accountsCreated
            return summary
        }
    }
}

/// The scenario of ``DemoWorkshops``, step by step in time order.
struct DemoWorkshopBuilder {
    var world: DemoWorkshopWorld
    let time: DemoTimeline
    let coordinator: Principal
    let planning: RunPlanning
    let enrolment: EnrolmentService
    let attendance: Attendance
    let completion: Completion
    let hours: TrainingHours
    /// Runs made per course, for the angkatan number.
    private var runsOfCourse: [String: Int] = [:]
    /// Courses used by the scenario so far, to spread runs over the catalogue.
    private var usage: [String: Int] = [:]
    private var courseOrder: [Course]

    init(world: DemoWorkshopWorld, now: Int64) throws {
        var world = world
        time = DemoTimeline(now: now)
        coordinator = try world.principal(world.demo.koordinator, roles: [.koordinator])
        planning = RunPlanning(database: world.database)
        enrolment = EnrolmentService(database: world.database)
        attendance = Attendance(database: world.database)
        completion = Completion(database: world.database)
        hours = TrainingHours(database: world.database)
        var order = world.courses
        world.shuffle(&order)
        courseOrder = order
        self.world = world
    }

    private var demo: DemoPeople { world.demo }

    mutating func build() throws {
        try finishedRuns()
        try runningRuns()
        try cancelledRun()
        try openRuns()
        try draftRuns()
        try externalTrainings()
    }

    // MARK: - Scenario

    /// 8 runs whose first session was 3 to 12 months ago, oldest first, so later ones can
    /// build on the prerequisites completed in earlier ones. demo.pegawai completes two of them.
    private mutating func finishedRuns() throws {
        let count = 8
        var pegawaiRuns = 0, atasanRuns = 0
        for index in 0..<count {
            let firstDay = -355 + index * 255 / (count - 1) + world.random.int(in: -4...4)
            var featured: [Int64] = []
            let course = pickCourse(minimumPool: 8) { course in
                // demo.pegawai's first two finished runs are courses he may take.
                pegawaiRuns < 2 && index % 3 == 0 ? world.fits(demo.pegawai, course) : true
            }
            guard let course else { continue }
            if pegawaiRuns < 2, world.fits(demo.pegawai, course) {
                featured.append(demo.pegawai)
                pegawaiRuns += 1
            } else if atasanRuns < 1, world.fits(demo.atasan, course) {
                featured.append(demo.atasan)
                atasanRuns += 1
            }
            let days = time.workingDays(from: firstDay, count: Self.sessionCount(course))
            let capacity = [16, 20, 24, 25][world.random.int(in: 0...3)]
            let instructors = pickInstructors(course, includeDemo: index % 3 == 1)
            let created = time.at(day: days[0] - 40, hour: 9, minute: world.random.int(in: 0...50))
            let run = try makeRun(course, capacity: capacity, days: days, createdAt: created, instructors: instructors)
            let pool = world.pool(course, excluding: Set(instructors))
            let wanted = min(pool.count, capacity - world.random.int(in: 1...6)) - featured.count
            let participants = mergeFeatured(featured, into: world.choose(max(0, wanted), from: pool))
            let first = try firstStart(run)
            try ask(run, participants, from: created + 3600, until: first - 3 * 86400 - 3600, declineRate: 0.08,
                    keepFeatured: Set(featured))
            if index == 2 { try supervisorNomination(run, course, at: first - 2 * 86400 - 5 * 3600, excluding: Set(instructors)) }
            _ = try planning.setStatus(runId: run.id!, to: .closed, actor: coordinator).get()
            _ = try planning.setStatus(runId: run.id!, to: .running, actor: coordinator).get()
            var rates: [Int64: Double] = [:]
            for person in participants { rates[person] = world.random.chance(0.14) ? 0.45 : 0.97 }
            for person in featured { rates[person] = 1 }
            let sessions = try planning.sessions(runId: run.id!)
            try mark(run, sessions, until: time.now, rates: rates)
            let lastEnd = sessions.map(\.endsAt).max() ?? first
            let outcomes = try completion.finish(runId: run.id!, actor: coordinator, ip: "demo", now: lastEnd + 18 * 3600).get()
            for outcome in outcomes where outcome.verdict.completed {
                world.completed[course.code, default: []].insert(outcome.employeeId)
            }
        }
    }

    /// 2 or 3 runs in progress: sessions this week, attendance of the sessions already over.
    /// demo.instruktur teaches the first.
    private mutating func runningRuns() throws {
        let count = world.random.int(in: 2...3)
        for index in 0..<count {
            guard let course = pickCourse(minimumPool: 8, where: { Self.sessionCount($0) >= 2 })
                    ?? pickCourse(minimumPool: 4) else { continue }
            var start = -1 - index
            while !time.isWeekday(start) { start -= 1 }
            let days = time.workingDays(from: start, count: max(2, Self.sessionCount(course)))
            let instructors = pickInstructors(course, includeDemo: index == 0)
            let created = time.at(day: start - 35, hour: 10)
            let capacity = [20, 25, 30][world.random.int(in: 0...2)]
            let run = try makeRun(course, capacity: capacity, days: days, createdAt: created, instructors: instructors)
            let pool = world.pool(course, excluding: Set(instructors))
            let participants = world.choose(min(pool.count, capacity - world.random.int(in: 0...4)), from: pool)
            let first = try firstStart(run)
            try ask(run, participants, from: created + 3600, until: first - 3 * 86400 - 3600, declineRate: 0.06)
            _ = try planning.setStatus(runId: run.id!, to: .closed, actor: coordinator).get()
            _ = try planning.setStatus(runId: run.id!, to: .running, actor: coordinator).get()
            var rates: [Int64: Double] = [:]
            for person in participants { rates[person] = world.random.chance(0.1) ? 0.5 : 0.95 }
            try mark(run, try planning.sessions(runId: run.id!), until: time.now, rates: rates)
        }
    }

    /// One run cancelled a few days ago, after people had been approved.
    private mutating func cancelledRun() throws {
        guard let course = pickCourse(minimumPool: 6) else { return }
        let days = time.workingDays(from: 12, count: Self.sessionCount(course))
        let created = time.at(day: -25, hour: 9)
        let instructors = pickInstructors(course, includeDemo: false)
        let run = try makeRun(course, capacity: 25, days: days, createdAt: created, instructors: instructors)
        let pool = world.pool(course, excluding: Set(instructors))
        let participants = world.choose(min(pool.count, world.random.int(in: 8...14)), from: pool)
        try ask(run, participants, from: created + 3600, until: time.at(day: -6, hour: 12), declineRate: 0.05)
        _ = try planning.cancel(runId: run.id!, reason: DemoWorkshopTexts.cancelReason, actor: coordinator, ip: "demo",
                                now: time.at(day: -4, hour: 14, minute: 20)).get()
    }

    /// 5 runs open for the coming one or two months: a small full one with a waitlist
    /// (demo.pegawai on it) and a pending offer, one demo.pegawai holds a seat in (taught by
    /// demo.instruktur), one where his request waits for demo.atasan, one with a mandatory
    /// nomination, and one more.
    private mutating func openRuns() throws {
        let pegawai = demo.pegawai
        var taken: Set<String> = []

        // The full run.
        if let course = pegawaiCourse(excluding: taken) ?? pickCourse(minimumPool: 6) {
            taken.insert(course.code)
            let days = time.workingDays(from: 16 + world.random.int(in: 0...4), count: Self.sessionCount(course))
            let created = time.at(day: -21, hour: 9)
            let instructors = pickInstructors(course, includeDemo: false)
            let pool = world.pool(course, excluding: Set(instructors))
            let capacity = max(2, min(6, pool.count - 6))
            let run = try makeRun(course, capacity: capacity, days: days, createdAt: created, instructors: instructors)
            var participants = world.choose(min(pool.count, capacity + 5), from: pool)
            var featured: Set<Int64> = []
            if world.fits(pegawai, course) {
                participants.insert(pegawai, at: min(participants.count, capacity + 2))
                featured.insert(pegawai)
            }
            try ask(run, participants, from: created + 3600, until: time.at(day: -2, hour: 9), declineRate: 0,
                    keepFeatured: featured)
            // One participant withdraws: the seat is offered to the head of the waitlist.
            let seated = try enrolments(of: run, in: .enrolled)
            if let leaving = seated.first(where: { $0.employeeId != pegawai }) {
                let actor = try world.principal(leaving.employeeId)
                _ = try enrolment.cancel(enrolmentId: leaving.id!, actor: actor, ip: "demo", now: time.now - 5 * 3600).get()
            }
        }

        // demo.pegawai holds a seat; demo.instruktur teaches.
        if let course = pegawaiCourse(excluding: taken) {
            taken.insert(course.code)
            try openRun(course, startingIn: 24 + world.random.int(in: 0...6), includeDemoInstructor: true,
                        featured: [pegawai], pending: 1)
        }

        // demo.pegawai's request waits for demo.atasan.
        if let course = pegawaiCourse(excluding: taken) {
            taken.insert(course.code)
            let run = try openRun(course, startingIn: 38 + world.random.int(in: 0...6), includeDemoInstructor: false,
                                  featured: [], pending: 0)
            let actor = try world.principal(pegawai)
            _ = try enrolment.request(runId: run.id!, employeeId: pegawai, actor: actor, ip: "demo", now: time.now - 20 * 3600).get()
        }

        // A mandatory nomination by the coordinator, of someone who did not ask.
        if let course = pickCourse(minimumPool: 10) {
            let nominee = world.choose(1, from: world.pool(course)).first
            let run = try openRun(course, startingIn: 30 + world.random.int(in: 0...10), includeDemoInstructor: false,
                                  featured: [], pending: 1, excluding: Set(nominee.map { [$0] } ?? []))
            if let nominee {
                _ = try enrolment.nominate(runId: run.id!, employeeId: nominee, mandatory: true, actor: coordinator, ip: "demo",
                                           now: time.now - 2 * 86400 + 3 * 3600).get()
                world.load[nominee, default: 0] += 1
            }
        }

        if let course = pickCourse(minimumPool: 8) {
            try openRun(course, startingIn: 45 + world.random.int(in: 0...14), includeDemoInstructor: world.random.chance(0.5),
                        featured: [], pending: 1)
        }
    }

    /// 1 or 2 drafts planned for two to three months from now.
    private mutating func draftRuns() throws {
        for index in 0..<world.random.int(in: 1...2) {
            guard let course = pickCourse(minimumPool: 1) else { return }
            let days = time.workingDays(from: 65 + index * 20 + world.random.int(in: 0...6), count: Self.sessionCount(course))
            _ = try makeRun(course, capacity: 25, days: days, createdAt: time.at(day: -2 + index, hour: 15),
                            instructors: pickInstructors(course, includeDemo: false), open: false)
        }
    }

    /// External trainings: demo.pegawai has one verified and one waiting; a dozen others
    /// recorded by other people, most verified, one rejected.
    private mutating func externalTrainings() throws {
        let trainings = DemoWorkshopTexts.externalTrainings
        try external(demo.pegawai, trainings[6], endedDay: -150, reviewedAfter: 5, accept: true)
        try external(demo.pegawai, trainings[2], endedDay: -9, reviewedAfter: nil, accept: true)
        let reserved: Set<Int64> = [demo.pegawai, demo.koordinator]
        let others = world.choose(12, from: world.activeIds.filter { !reserved.contains($0) })
        for (index, person) in others.enumerated() {
            let training = trainings[world.random.int(in: 0...(trainings.count - 1))]
            let ended = -world.random.int(in: 6...320)
            let review: Int? = index < 7 && ended < -20 ? world.random.int(in: 2...12) : (index == 7 ? 4 : nil)
            try external(person, training, endedDay: ended, reviewedAfter: review, accept: index != 7)
        }
    }

    // MARK: - Steps

    /// Creates (and normally opens) an open run with participants asking over the last three
    /// weeks; `featured` people ask early and are approved, the last `pending` requests wait.
    @discardableResult
    private mutating func openRun(_ course: Course, startingIn day: Int, includeDemoInstructor: Bool, featured: [Int64],
                                  pending: Int, excluding excluded: Set<Int64> = []) throws -> Run {
        let days = time.workingDays(from: day, count: Self.sessionCount(course))
        let created = time.at(day: -20 - world.random.int(in: 0...6), hour: 9)
        let instructors = pickInstructors(course, includeDemo: includeDemoInstructor)
        let capacity = [20, 25, 30][world.random.int(in: 0...2)]
        let run = try makeRun(course, capacity: capacity, days: days, createdAt: created, instructors: instructors)
        let pool = world.pool(course, excluding: excluded.union(instructors))
        let chosen = world.choose(min(pool.count, world.random.int(in: capacity / 3...capacity * 2 / 3)), from: pool)
        let participants = mergeFeatured(featured, into: chosen)
        try ask(run, participants, from: created + 3600, until: time.now - 3600, declineRate: 0.08,
                keepFeatured: Set(featured), pendingLast: pending)
        return run
    }

    /// Creates the run from a plan over `days`, opening it unless `open` is false.
    private mutating func makeRun(_ course: Course, capacity: Int, days: [Int], createdAt: Int64, instructors: [Int64],
                                  open: Bool = true) throws -> Run {
        let number = (runsOfCourse[course.code] ?? 0) + 1
        runsOfCourse[course.code] = number
        usage[course.code, default: 0] += 1
        let code = "\(course.code)-A\(number)"
        let online = course.form == .nonklasikal
        let place = DemoWorkshopTexts.places[world.random.int(in: 0...(DemoWorkshopTexts.places.count - 1))]
        let hybrid = !online && world.random.chance(0.2)
        let short = course.jp <= 4 || online
        let sessions = days.enumerated().map { index, day in
            let start = short ? time.at(day: day, hour: 9) : time.at(day: day, hour: 8)
            let end = short ? time.at(day: day, hour: 12) : time.at(day: day, hour: 15, minute: 30)
            return RunPlan.Session(startsAt: start, endsAt: end, place: online ? nil : place,
                                   onlineUrl: online || hybrid ? DemoWorkshopTexts.meeting(runCode: code, session: index + 1) : nil,
                                   instructorEmployeeId: instructors[index % instructors.count])
        }
        let first = sessions[0].startsAt
        let plan = RunPlan(courseId: course.id!, code: code, title: "\(course.title.indonesian) Angkatan \(Self.roman(number))",
                           capacity: capacity, enrolOpensAt: createdAt, enrolClosesAt: first - 3 * 86400,
                           startsOn: time.date(day: days[0]), endsOn: time.date(day: days[days.count - 1]),
                           sessions: sessions)
        let run = try planning.create(plan, actor: coordinator, ip: "demo", now: createdAt).get()
        guard open else { return run }
        return try planning.setStatus(runId: run.id!, to: .open, actor: coordinator).get()
    }

    /// The participants ask one after another between `from` and `until`; each supervisor
    /// approves or (at `declineRate`) declines a few hours later, except for the last
    /// `pendingLast` requests. People in `keepFeatured` are always approved.
    private mutating func ask(_ run: Run, _ participants: [Int64], from: Int64, until: Int64, declineRate: Double,
                              keepFeatured: Set<Int64> = [], pendingLast: Int = 0) throws {
        guard !participants.isEmpty, until > from else { return }
        let spacing = max(600, (until - from) / Int64(participants.count))
        for (index, person) in participants.enumerated() {
            let asked = from + Int64(index) * spacing + Int64(world.random.int(in: 0...Int(spacing / 4)))
            let actor = try world.principal(person)
            guard case .success(let request) = try enrolment.request(runId: run.id!, employeeId: person, actor: actor,
                                                                     ip: "demo", now: asked) else { continue }
            world.load[person, default: 0] += 1
            guard request.state == .requested, !(index >= participants.count - pendingLast && !keepFeatured.contains(person)),
                  let supervisorId = world.employees[person]?.supervisorId else { continue }
            let supervisor = try world.principal(supervisorId)
            let decided = asked + Int64(world.random.int(in: 300...Int(max(900, spacing * 3 / 4))))
            if !keepFeatured.contains(person), world.random.chance(declineRate) {
                let reason = DemoWorkshopTexts.declineReasons[world.random.int(in: 0...(DemoWorkshopTexts.declineReasons.count - 1))]
                _ = try enrolment.decline(enrolmentId: request.id!, reason: reason, actor: supervisor, ip: "demo", now: decided)
            } else {
                _ = try enrolment.approve(enrolmentId: request.id!, actor: supervisor, ip: "demo", now: decided)
            }
        }
    }

    /// A supervisor nominates one of their people who is not yet in the run.
    private mutating func supervisorNomination(_ run: Run, _ course: Course, at moment: Int64, excluding: Set<Int64>) throws {
        let inRun = Set(try enrolments(of: run, in: nil).map(\.employeeId))
        let candidates = world.pool(course, excluding: inRun.union(excluding)).filter { world.employees[$0]?.supervisorId != nil }
        guard let nominee = world.choose(1, from: candidates).first, let supervisor = world.employees[nominee]?.supervisorId else { return }
        let actor = try world.principal(supervisor)
        if case .success = try enrolment.nominate(runId: run.id!, employeeId: nominee, mandatory: false, actor: actor, ip: "demo",
                                                  now: moment) {
            world.load[nominee, default: 0] += 1
        }
    }

    /// The instructors mark each session that ended before `until`: each participant present
    /// with their own likelihood.
    private mutating func mark(_ run: Run, _ sessions: [RunSession], until: Int64, rates: [Int64: Double]) throws {
        let participants = try enrolments(of: run, in: .enrolled).map(\.employeeId).sorted()
        for session in sessions where session.endsAt <= until {
            let present = participants.filter { world.random.chance(rates[$0] ?? 0.95) }
            let actor = try session.instructorEmployeeId.map { try world.principal($0, roles: [.instruktur]) } ?? coordinator
            _ = try attendance.mark(sessionId: session.id!, present: Set(present), actor: actor, ip: "demo",
                                    now: min(until, session.endsAt + 10 * 60)).get()
        }
    }

    /// Records an external training of `person` ending `endedDay` days from today, reviewed by
    /// the coordinator `reviewedAfter` days after it was recorded (nil: still waiting).
    private mutating func external(_ person: Int64, _ training: (title: String, organiser: String, kind: String, days: Int, jp: Double),
                                   endedDay: Int, reviewedAfter: Int?, accept: Bool) throws {
        let recordedDay = min(-1, endedDay + world.random.int(in: 2...8))
        let serial = (0..<4).map { _ in String(format: "%016llx", world.random.next()) }.joined()
        let evidence = DemoReportFile.store(["Sertifikat", training.title, training.organiser, "No. \(serial.prefix(12))"],
                                            folder: StoredUploads.evidenceFolder, database: world.database)
        let record = ExternalTraining(
            title: training.title, organiser: training.organiser, kind: training.kind,
            startedOn: time.date(day: endedDay - training.days + 1), endedOn: time.date(day: endedDay), jp: training.jp,
            certificateNumber: "\(world.random.int(in: 100...999))/SERT/\(time.date(day: endedDay).year)",
            evidencePath: evidence?.name ?? serial + ".pdf", evidenceName: "Sertifikat \(training.title).pdf")
        let actor = try world.principal(person)
        let entry = try hours.recordExternal(employeeId: person, record, actor: actor, ip: "demo",
                                             now: time.at(day: recordedDay, hour: 10, minute: world.random.int(in: 0...59))).get()
        guard let reviewedAfter else { return }
        _ = try hours.review(entryId: entry.id!, accept: accept, note: accept ? nil : DemoWorkshopTexts.rejectNote,
                             actor: coordinator, ip: "demo",
                             now: time.at(day: min(-1, recordedDay + reviewedAfter), hour: 14)).get()
    }

    // MARK: - Helpers

    /// The least used course (in the shuffled catalogue order) passing `condition` with at
    /// least `minimumPool` people who may take it.
    private func pickCourse(minimumPool: Int, where condition: (Course) -> Bool = { _ in true }) -> Course? {
        courseOrder.enumerated()
            .filter { condition($0.element) && world.hasPool($0.element, minimum: minimumPool) }
            .min { (usage[$0.element.code] ?? 0, $0.offset) < (usage[$1.element.code] ?? 0, $1.offset) }?
            .element
    }

    /// A course demo.pegawai may take, other than `taken`, with at least 10 people who may.
    private func pegawaiCourse(excluding taken: Set<String>) -> Course? {
        pickCourse(minimumPool: 10) { world.fits(demo.pegawai, $0) && !taken.contains($0.code) }
    }

    /// One or two instructors; demo.instruktur first when `includeDemo`.
    private mutating func pickInstructors(_ course: Course, includeDemo: Bool) -> [Int64] {
        let others = Array(world.instructors.dropFirst())
        guard !others.isEmpty else { return [demo.instruktur] }
        var chosen = includeDemo ? [demo.instruktur] : []
        let count = Self.sessionCount(course) > 2 && world.random.chance(0.5) ? 2 : 1
        while chosen.count < count {
            let candidate = world.random.pick(others)
            if !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen
    }

    /// `featured` people first (they ask early), then the others.
    private func mergeFeatured(_ featured: [Int64], into others: [Int64]) -> [Int64] {
        featured + others.filter { !featured.contains($0) }
    }

    private func firstStart(_ run: Run) throws -> Int64 {
        try world.database.pool.read { db in try WorkshopLookup.firstSessionStart(of: run.id!, in: db) } ?? time.now
    }

    private func enrolments(of run: Run, in state: EnrolmentState?) throws -> [Enrolment] {
        try world.database.pool.read { db in
            try Enrolment.fetchAll(db, sql: "SELECT * FROM enrolments WHERE run_id = ?1 AND (?2 IS NULL OR state = ?2) ORDER BY id",
                                   arguments: [run.id, state])
        }
    }

    /// Sessions (days) a course needs: about 8 JP a day, 1 to 5 days.
    static func sessionCount(_ course: Course) -> Int {
        min(5, max(1, (course.jp + 7) / 8))
    }

    static func roman(_ number: Int) -> String {
        let numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number, text = ""
        for (value, numeral) in numerals {
            while rest >= value {
                text += numeral
                rest -= value
            }
        }
        return text
    }
}
