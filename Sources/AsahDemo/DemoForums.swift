import AsahCore
import Foundation
import GRDB

/// Demo forums made with the domain services (so every rule, notification and audit entry
/// holds): five categories, suggestions at every status (some pseudonymous, one overdue, one
/// on the agenda, one merged duplicate, one turned into a course proposal), discussions, and
/// flagged posts: one in the moderation queue, one hidden with an appeal waiting.
/// demo.koordinator and a second coordinator hold the moderation right; demo.pegawai wrote a
/// pseudonymous suggestion.
public enum DemoForums {
    /// Creates the forums; the same seed and `now` give the same threads.
    public static func generate(in database: AppDatabase, people: DemoPeople, seed: UInt64, now: Int64 = Clock.now()) throws {
        var world = try DemoWorkshopWorld(database: database, demo: people, seed: seed)
        var random = SeededRandom(seed: seed ^ 0x464F_5255_4D53)
        let forums = try Forums(database: database)
        let day: Int64 = 86400
        let categories = try database.pool.write { db in
            try DemoForumTexts.categories.enumerated().map { index, text -> ForumCategory in
                var category = ForumCategory(slug: text.slug, name: text.name, description: text.description,
                                             allowsPseudonyms: text.pseudonyms, isTraining: text.training,
                                             agendaThresholdPermille: text.thresholdPermille, position: index, createdAt: now - 120 * day)
                try category.insert(db)
                return category
            }
        }
        let categoryId = Dictionary(uniqueKeysWithValues: categories.map { ($0.slug, $0.id!) })
        let staff = try database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM employees WHERE active AND id NOT IN (?, ?) ORDER BY id",
                               arguments: [people.koordinator, people.instruktur])
        }
        let coordinator = try world.principal(people.koordinator, roles: [.koordinator])
        let second = try world.principal(staff[staff.count / 2], roles: [.koordinator])
        try database.pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO forum_moderators (user_id, granted_at) VALUES (?, ?), (?, ?)",
                           arguments: [coordinator.userId, now - 120 * day, second.userId, now - 120 * day])
        }
        let authorPool = staff.filter { $0 != staff[staff.count / 2] && $0 != people.pegawai }
        var authors: [Principal] = []
        for _ in 0..<24 { authors.append(try world.principal(random.pick(authorPool))) }
        let pegawai = try world.principal(people.pegawai)
        let eligible = try database.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM employees WHERE active") ?? 0 }
        let threshold = ForumRules.agendaThreshold(permille: 20, eligible: eligible)

        /// Opens topic `text` `age` days ago with its replies a few hours apart.
        func topic(_ text: DemoForumTexts.Topic, kind: ThreadKind, age: Int64, author: Principal, pseudonymous: Bool = false)
            throws -> ForumThread {
            let opened = now - age * day + Int64(random.int(in: 8...15)) * 3600
            let thread = try forums.open(Forums.NewThread(categoryId: categoryId[text.category]!, kind: kind, title: text.title,
                                                          body: text.body, pseudonymous: pseudonymous), by: author, now: opened).get()
            for (index, reply) in text.replies.enumerated() {
                let replier = authors[(index + Int(age)) % authors.count]
                _ = try forums.reply(to: thread.id!, body: reply, pseudonymous: pseudonymous && index == 1,
                                     by: replier, now: opened + Int64(index + 1) * 5400).get()
            }
            return thread
        }
        func support(_ thread: ForumThread, _ count: Int, at: Int64) throws {
            for employee in staff.shuffled(using: &random).prefix(count) {
                _ = try forums.support(thread.id!, employeeId: employee, now: at)
            }
        }
        func decide(_ thread: ForumThread, _ steps: [(SuggestionStatus, String)], from: Int64) throws {
            for (index, step) in steps.enumerated() {
                _ = try forums.setStatus(thread.id!, to: step.0, reason: step.1, by: coordinator, ip: "demo",
                                         now: from + Int64(index) * 3 * day).get()
            }
        }
        func answer(_ thread: ForumThread, _ text: String, at: Int64) throws {
            _ = try forums.reply(to: thread.id!, body: text, official: true, by: coordinator, now: at).get()
        }
        let texts = DemoForumTexts.suggestions
        func due(_ days: Int) -> CalendarDate {
            IndonesianTime.date(of: IndonesianTime.clock(9, daysAfter: days, from: now))
        }

        let tpp = try topic(texts[0], kind: .suggestion, age: 60, author: authors[0], pseudonymous: true)
        try support(tpp, threshold + 4, at: now - 58 * day)
        try decide(tpp, [(.ditinjau, "Dibahas bersama BKAD pada rapat forum bulan lalu."),
                         (.diterima, "BKAD menetapkan pembayaran TPP paling lambat tanggal 5 mulai triwulan depan.")], from: now - 50 * day)
        try answer(tpp, "Jawaban resmi BKPSDM dan BKAD: mulai triwulan depan TPP dibayar paling lambat tanggal 5. Bila terlambat, alasannya diumumkan di portal kepegawaian.", at: now - 44 * day)

        let potongan = try topic(texts[1], kind: .suggestion, age: 30, author: authors[1])
        try support(potongan, threshold / 2 + 1, at: now - 28 * day)
        _ = try forums.assignOwner(potongan.id!, ownerUserId: coordinator.userId, due: due(20), by: coordinator, ip: "demo").get()
        try decide(potongan, [(.ditinjau, "Sedang dikaji bersama pengelola aplikasi presensi.")], from: now - 25 * day)

        let dinasLuar = try topic(texts[2], kind: .suggestion, age: 45, author: authors[2], pseudonymous: true)
        try support(dinasLuar, 6, at: now - 44 * day)
        _ = try forums.assignOwner(dinasLuar.id!, ownerUserId: second.userId, due: due(-10), by: coordinator, ip: "demo").get()
        try decide(dinasLuar, [(.ditinjau, "Menunggu data surat tugas dari tiga OPD.")], from: now - 40 * day)

        let kalibrasi = try topic(texts[3], kind: .suggestion, age: 14, author: authors[3], pseudonymous: true)
        try support(kalibrasi, threshold + 2, at: now - 12 * day)

        let umpanBalik = try topic(texts[4], kind: .suggestion, age: 90, author: authors[4])
        try support(umpanBalik, 7, at: now - 88 * day)
        try decide(umpanBalik, [(.ditinjau, "Dibahas dengan tim penilai kinerja."),
                                (.diterima, "Dialog kinerja triwulanan disetujui."),
                                (.diterapkan, "Formulir dialog kinerja triwulanan berlaku sejak Januari.")], from: now - 80 * day)
        try answer(umpanBalik, "Dialog kinerja kini wajib tiap triwulan; formulirnya ada di menu Penilaian.", at: now - 60 * day)

        let perilaku = try topic(texts[5], kind: .suggestion, age: 5, author: pegawai, pseudonymous: true)
        try support(perilaku, 3, at: now - 4 * day)
        _ = try forums.flag(try openingPost(perilaku.id!, database), reason: DemoForumTexts.flagReasons[2], by: authors[5],
                            ip: "demo", now: now - 3 * day)

        let excel = try topic(texts[6], kind: .suggestion, age: 40, author: authors[6])
        try support(excel, 11, at: now - 39 * day)
        try decide(excel, [(.diterima, "Masuk rencana pelatihan semester depan.")], from: now - 30 * day)
        _ = try forums.propose(excel.id!, by: coordinator, ip: "demo", now: now - 29 * day).get()

        let prima = try topic(texts[7], kind: .suggestion, age: 20, author: authors[7])
        try support(prima, 5, at: now - 19 * day)
        _ = try forums.assignOwner(prima.id!, ownerUserId: coordinator.userId, due: due(30), by: coordinator, ip: "demo").get()
        try decide(prima, [(.ditinjau, "Sedang disusun bersama Dinas Dukcapil.")], from: now - 15 * day)

        let jadwal = try topic(texts[8], kind: .suggestion, age: 50, author: authors[8])
        try support(jadwal, 4, at: now - 49 * day)
        try decide(jadwal, [(.ditolak, "Kalender diklat sudah terbit tiap awal tahun di menu Katalog; undangan mendadak berasal dari instansi pusat.")],
                   from: now - 45 * day)

        let tnde = try topic(texts[9], kind: .suggestion, age: 25, author: authors[9])
        try support(tnde, 5, at: now - 24 * day)
        let tndeDuplicate = try topic(texts[10], kind: .suggestion, age: 22, author: authors[10])
        try support(tndeDuplicate, 4, at: now - 21 * day)
        _ = try forums.merge(tndeDuplicate.id!, into: tnde.id!, reason: "Isinya sama dengan usulan pelatihan TNDE.",
                             by: coordinator, ip: "demo", now: now - 20 * day).get()

        let mentoring = try topic(texts[11], kind: .suggestion, age: 100, author: authors[11])
        try support(mentoring, 8, at: now - 98 * day)
        try decide(mentoring, [(.diterima, "Disetujui Kepala BKPSDM."), (.diterapkan, "Angkatan mentoring pertama sudah berjalan.")],
                   from: now - 90 * day)

        let antrean = try topic(texts[12], kind: .suggestion, age: 35, author: authors[12])
        try support(antrean, 10, at: now - 34 * day)
        try decide(antrean, [(.diterima, "Dinas Dukcapil menyiapkan uji coba antrean daring.")], from: now - 20 * day)

        let laktasi = try topic(texts[13], kind: .suggestion, age: 3, author: authors[13])
        try support(laktasi, 2, at: now - 2 * day)

        let papan = try topic(texts[14], kind: .suggestion, age: 70, author: authors[14])
        try decide(papan, [(.ditolak, "Sudah ditangani: persyaratan layanan kini diambil dari satu basis data di situs MPP.")],
                   from: now - 60 * day)

        let terpencil = try topic(texts[15], kind: .suggestion, age: 10, author: authors[15], pseudonymous: true)
        try support(terpencil, 6, at: now - 9 * day)
        let flagged = try forums.reply(to: terpencil.id!, body: "Kepala dinas kita memang tidak pernah peduli, pasti uangnya dipakai sendiri.",
                                       by: authors[16], now: now - 8 * day).get()
        for index in 0..<ForumRules.flagsForQueue {
            _ = try forums.flag(flagged.id!, reason: DemoForumTexts.flagReasons[index % 2], by: authors[17 + index], ip: "demo",
                                now: now - 7 * day + Int64(index) * 3600)
        }

        var discussions: [ForumThread] = []
        for (index, text) in DemoForumTexts.discussions.enumerated() {
            discussions.append(try topic(text, kind: .discussion, age: Int64(2 + index * 9), author: authors[(index * 5) % authors.count]))
        }
        let rude = try forums.reply(to: discussions[3].id!, body: "Petugas loket di sana memang malas semua, pecat saja!",
                                    by: authors[20], now: now - 2 * day).get()
        for index in 0..<ForumRules.flagsForQueue {
            _ = try forums.flag(rude.id!, reason: DemoForumTexts.flagReasons[1], by: authors[index], ip: "demo",
                                now: now - 2 * day + Int64(index + 1) * 600)
        }
        let hidden = try forums.hide(rude.id!, reason: "Menyamaratakan dan merendahkan rekan kerja.", by: coordinator, ip: "demo",
                                     now: now - 2 * day + 7200).get()
        _ = try forums.appeal(hidden.id!, text: "Saya hanya menyampaikan pengalaman; mohon dipertimbangkan kembali.", by: authors[20],
                              now: now - day)
    }

    private static func openingPost(_ threadId: Int64, _ database: AppDatabase) throws -> Int64 {
        try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM forum_posts WHERE thread_id = ? AND number = 1",
                                                    arguments: [threadId])! }
    }
}
