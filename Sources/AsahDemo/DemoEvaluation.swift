import AsahCore
import Foundation
import GRDB

/// Demo evaluation data over the demo workshops: two programmes (the finished runs' courses
/// split in two), nine quarters of appraisals for every employee with a slow drift and
/// noise, reaction surveys, pre/post tests and behaviour checks. Participants of the first
/// programme ("Pelayanan") improve after their training, those of the second ("Tata Kelola")
/// do not, so the dashboard shows one programme that helped and one that did not.
/// demo.pegawai's behaviour checks are left open (for demo.atasan and himself to answer).
enum DemoEvaluation {
    static func generate(in database: AppDatabase, people: DemoPeople, seed: UInt64, now: Int64) throws {
        var random = SeededRandom(seed: seed &+ 0xE7A1)
        try database.pool.write { db in
            let finished = try Row.fetchAll(db, sql: """
                SELECT r.id, r.course_id, k.code, r.starts_on, r.ends_on FROM runs r JOIN courses k ON k.id = r.course_id
                WHERE r.status = 'finished' ORDER BY r.starts_on, r.id
                """)
            let codes = Array(Set(finished.map { $0["code"] as String })).sorted()
            guard !codes.isEmpty else { return }
            let helped = Set(codes.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
            let year = IndonesianTime.date(of: now).year
            for (code, name, courses) in [("PELAYANAN", "Program Peningkatan Pelayanan \(year)", helped),
                                          ("TATAKELOLA", "Program Tata Kelola \(year)", Set(codes).subtracting(helped))]
                where !courses.isEmpty {
                try db.execute(sql: "INSERT INTO programmes (code, name, year) VALUES (?, ?, ?)", arguments: [code, name, year])
                let id = db.lastInsertedRowID
                for course in courses.sorted() {
                    try db.execute(sql: "INSERT INTO programme_courses (programme_id, course_code) VALUES (?, ?)", arguments: [id, course])
                }
            }
            // When each person finished a run of the helpful programme.
            var boostedFrom: [Int64: CalendarDate] = [:]
            var runHelped: [Int64: Bool] = [:]
            for run in finished {
                let good = helped.contains(run["code"])
                runHelped[run["id"]] = good
                guard good else { continue }
                for id in try Int64.fetchAll(db, sql: "SELECT employee_id FROM enrolments WHERE run_id = ? AND state = 'completed'",
                                             arguments: [run["id"]]) {
                    let end: CalendarDate = run["ends_on"]
                    if boostedFrom[id].map({ end < $0 }) ?? true { boostedFrom[id] = end }
                }
            }
            try appraisals(db, boostedFrom: boostedFrom, now: now, random: &random)
            for run in finished {
                try surveysAndTests(db, runId: run["id"], helped: runHelped[run["id"]] ?? false, now: now, random: &random)
            }
            try behaviourChecks(db, people: people, runHelped: runHelped, now: now, random: &random)
        }
    }

    /// The nine quarters ending before today (two years and the one before), oldest first:
    /// about 850,000 records for a province of 95,000 active employees.
    static func quarters(before today: CalendarDate) -> [(year: Int, quarter: Int)] {
        var year = today.year, quarter = (today.month - 1) / 3  // the last complete quarter
        if quarter == 0 { year -= 1; quarter = 4 }
        var result: [(Int, Int)] = []
        for _ in 0..<9 {
            result.append((year, quarter))
            quarter -= 1
            if quarter == 0 { year -= 1; quarter = 4 }
        }
        return result.reversed()
    }

    private static func appraisals(_ db: Database, boostedFrom: [Int64: CalendarDate], now: Int64,
                                   random: inout SeededRandom) throws {
        let quarters = quarters(before: IndonesianTime.date(of: now))
        let employees = try Row.fetchAll(db, sql: "SELECT p.id, s.nip AS appraiser FROM employees p LEFT JOIN employees s ON s.id = p.supervisor_id WHERE p.active")
        let statement = try db.makeStatement(sql: """
            INSERT INTO appraisals (employee_id, year, period, hasil_kerja, perilaku_kerja, predikat, appraiser_nip, source, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'demo', ?)
            """)
        for row in employees {
            let id: Int64 = row["id"]
            let base = gaussian(&random) * 0.8 - 0.35
            let drift = gaussian(&random) * 0.05
            for (index, (year, quarter)) in quarters.enumerated() {
                let period = AppraisalPeriod.quarter(quarter)
                var level = base + drift * Double(index) + gaussian(&random) * 0.45
                if let trained = boostedFrom[id], ImpactMatching.start(year, period) > trained { level += 0.9 }
                let hasil = rating(level + gaussian(&random) * 0.3)
                let perilaku = rating(level + 0.4 + gaussian(&random) * 0.3)
                let predikat = PredikatMatrix.predikat(hasilKerja: hasil, perilaku: perilaku)
                try statement.execute(arguments: [id, year, period.rawValue, hasil.rawValue, perilaku.rawValue, predikat.rawValue,
                                                  row["appraiser"] as String?, now])
            }
        }
    }

    private static func rating(_ level: Double) -> Rating {
        level > 0.9 ? .diAtas : level > -0.7 ? .sesuai : .diBawah
    }

    /// Reactions from most attendees, and pre/post tests of every participant.
    private static func surveysAndTests(_ db: Database, runId: Int64, helped: Bool, now: Int64,
                                        random: inout SeededRandom) throws {
        let attendees = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT e.employee_id FROM enrolments e JOIN run_sessions s ON s.run_id = e.run_id
            JOIN attendance a ON a.session_id = s.id AND a.employee_id = e.employee_id AND a.present
            WHERE e.run_id = ? AND e.state IN ('completed', 'not_completed') ORDER BY e.employee_id
            """, arguments: [runId])
        let lastEnd = try Int64.fetchOne(db, sql: "SELECT MAX(ends_at) FROM run_sessions WHERE run_id = ?", arguments: [runId]) ?? now
        let comments = helped
            ? ["Materi sangat relevan dengan layanan di unit kami.", "Praktik pemetaan alur layanan paling bermanfaat.",
               "Instruktur memberi contoh nyata dari daerah lain.", "Perlu waktu praktik lebih panjang."]
            : ["Materi terlalu teoretis.", "Ruangan panas dan proyektor sering mati.",
               "Kurang contoh yang sesuai dengan pekerjaan saya.", "Cukup baik, tetapi terlalu padat."]
        for employee in attendees where random.chance(0.85) {
            try db.execute(sql: "INSERT INTO survey_submissions (run_id, employee_id, submitted_at) VALUES (?, ?, ?)",
                           arguments: [runId, employee, lastEnd + Int64(random.int(in: 1...72)) * 3600])
            let comment: String? = random.chance(0.35) ? random.pick(comments) : nil
            let response = Int64(bitPattern: random.next() >> 1) | 1  // random ids, as ``Surveys`` gives them
            try db.execute(sql: "INSERT INTO survey_responses (id, run_id, template, comment) VALUES (?, ?, 'standar', ?)",
                           arguments: [response, runId, comment])
            for item in SurveyTemplate.standard.items {
                let mean = helped ? 4.3 : 3.3
                let score = min(5, max(1, Int((mean + gaussian(&random) * 0.7).rounded())))
                try db.execute(sql: "INSERT INTO survey_answers (response_id, item, score) VALUES (?, ?, ?)",
                               arguments: [response, item.key, score])
            }
        }
        let participants = try Int64.fetchAll(db, sql: """
            SELECT employee_id FROM enrolments WHERE run_id = ? AND state IN ('completed', 'not_completed') ORDER BY employee_id
            """, arguments: [runId])
        for employee in participants {
            let pre = Double(min(95, max(20, Int(55 + gaussian(&random) * 14))))
            let learnt = helped ? 0.62 + gaussian(&random) * 0.15 : 0.22 + gaussian(&random) * 0.15
            let post = min(100, max(0, (pre + learnt * (100 - pre)).rounded()))
            for (phase, score) in [("pre", pre), ("post", post)] {
                try db.execute(sql: """
                    INSERT INTO test_scores (run_id, employee_id, phase, score, max_score, source, recorded_at)
                    VALUES (?, ?, ?, ?, 100, 'entered', ?)
                    """, arguments: [runId, employee, phase, score, lastEnd])
            }
        }
    }

    /// Schedules the checks, then answers most of those due, except demo.pegawai's.
    private static func behaviourChecks(_ db: Database, people: DemoPeople, runHelped: [Int64: Bool], now: Int64,
                                        random: inout SeededRandom) throws {
        _ = try BehaviourChecks.schedule(monthsAfter: 3, in: db)
        let today = IndonesianTime.date(of: now).iso
        let due = try Row.fetchAll(db, sql: """
            SELECT c.id, e.run_id, e.employee_id, k.competencies FROM behaviour_checks c JOIN enrolments e ON e.id = c.enrolment_id
            JOIN runs r ON r.id = e.run_id JOIN courses k ON k.id = r.course_id WHERE c.due_on <= ? ORDER BY c.id
            """, arguments: [today])
        for row in due {
            try db.execute(sql: "UPDATE behaviour_checks SET notified_at = ? WHERE id = ?", arguments: [now - 86400 * 20, row["id"]])
            guard row["employee_id"] != people.pegawai, random.chance(0.75) else { continue }
            let helped = runHelped[row["run_id"]] ?? false
            let competencies = (try? JSONDecoder().decode([Competency].self, from: Data((row["competencies"] as String).utf8))) ?? []
            for competency in competencies {
                let score = min(5, max(1, Int(((helped ? 4.1 : 2.9) + gaussian(&random) * 0.8).rounded())))
                let example = score >= 4 ? "Sudah diterapkan dalam pekerjaan sehari-hari." : nil
                try db.execute(sql: "INSERT INTO behaviour_answers (check_id, competency, score, example) VALUES (?, ?, ?, ?)",
                               arguments: [row["id"], competency.name.indonesian, score, example])
            }
            try db.execute(sql: "UPDATE behaviour_checks SET answered_at = ? WHERE id = ?", arguments: [now - 86400 * 5, row["id"]])
        }
        // demo.pegawai's checks open today, so they show as fresh tasks.
        try db.execute(sql: """
            UPDATE behaviour_checks SET due_on = ?, notified_at = NULL
            WHERE enrolment_id IN (SELECT id FROM enrolments WHERE employee_id = ? AND state = 'completed')
            """, arguments: [today, people.pegawai])
    }

    /// A standard normal draw (Box-Muller).
    static func gaussian(_ random: inout SeededRandom) -> Double {
        let u1 = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
        let u2 = Double(random.next() >> 11) / Double(1 << 53)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
