import AsahCore
import Foundation
import GRDB

/// Bulk forum data for measuring: `threads` threads spread over the existing categories with
/// `posts` posts in all, one of them (the first) holding `bigThread` posts, written with
/// plain SQL in one transaction (no notifications or rate limits). Texts are drawn from a
/// 5,000-word vocabulary with a Zipf distribution, as natural language has: Indonesian
/// function words are the most frequent, then the forum's topic words (a word such as
/// "tunjangan" lands in a few percent of posts), then a long tail of rarer words.
public enum ForumVolume {
    /// What was added.
    public struct Summary: Sendable, CustomStringConvertible {
        public let threads: Int
        public let posts: Int
        public let bigThreadId: Int64?
        public var description: String {
            "\(threads) threads and \(posts) posts added; the thread with the most posts is \(bigThreadId.map(String.init) ?? "-")"
        }
    }

    static let functionWords = """
        yang dan di untuk dengan ini itu dari tidak kami ada juga akan pada sudah saya kita bisa karena agar masih \
        lebih atau oleh sangat hanya belum harus setiap semua
        """.split(separator: " ").map(String.init)

    static let topicWords = """
        tunjangan kinerja gaji pembayaran terlambat potongan presensi absen dinas luar pelatihan diklat jadwal kursus mentoring \
        pelayanan publik loket antrean warga dukcapil puskesmas sekolah guru tenaga kesehatan kecamatan kelurahan aplikasi \
        sinyal jaringan laporan surat naskah elektronik tanda tangan penilaian perilaku skp atasan bawahan predikat kalibrasi \
        transparansi anggaran rapat forum usulan keputusan koordinator bkpsdm bkad inspektorat bupati sekretariat daerah \
        pegawai pppk pns golongan jabatan fungsional pelaksana pengawas administrator kompetensi pengembangan karier mutasi \
        promosi kenaikan pangkat cuti lembur honor perjalanan kendaraan kantor ruang laktasi kantin olahraga kesehatan \
        keselamatan banjir pulau terpencil transportasi internet komputer printer formulir persyaratan informasi papan \
        situs portal whatsapp surel mohon setuju usul sebaiknya perlu segera mungkin bulan tahun triwulan minggu hari
        """.split(separator: " ").map(String.init)

    /// Function words, topic words, then made-up rarer words, most frequent first.
    static let vocabulary: [String] = {
        let syllables = ["ba", "ka", "ta", "ri", "lu", "ma", "sa", "pe", "ra", "ngan", "di", "su", "to", "mi", "la", "nu", "go",
                         "wa", "ja", "se", "bo", "ke", "an", "in"]
        var words = functionWords + topicWords
        var seen = Set(words)
        outer: for first in syllables {
            for second in syllables {
                for third in syllables where words.count < 5000 {
                    let word = first + second + third
                    if seen.insert(word).inserted { words.append(word) }
                }
                if words.count >= 5000 { break outer }
            }
        }
        return words
    }()

    /// Cumulative Zipf weights (exponent 1) over ``vocabulary``.
    static let cumulative: [Double] = {
        var total = 0.0
        return vocabulary.indices.map { index in
            total += 1 / Double(index + 1)
            return total
        }
    }()

    /// Adds the volume to a database that already has categories and accounts.
    public static func generate(in database: AppDatabase, threads: Int, posts: Int, bigThread: Int = 200, seed: UInt64 = 7,
                                now: Int64 = Clock.now()) throws -> Summary {
        var random = SeededRandom(seed: seed)
        return try database.pool.write { db in
            let categories = try Int64.fetchAll(db, sql: "SELECT id FROM forum_categories ORDER BY id")
            let users = try Int64.fetchAll(db, sql: "SELECT id FROM users WHERE employee_id IS NOT NULL ORDER BY id")
            guard !categories.isEmpty, !users.isEmpty, threads > 0 else { return Summary(threads: 0, posts: 0, bigThreadId: nil) }
            let statuses = SuggestionStatus.allCases.filter { $0 != .duplikat }
            let insertThread = try db.makeStatement(sql: """
                INSERT INTO forum_threads (category_id, kind, title, status, support_count, post_count, created_at, last_post_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertPost = try db.makeStatement(sql: """
                INSERT INTO forum_posts (thread_id, number, author_user_id, body, created_at) VALUES (?, ?, ?, ?, ?)
                """)
            let rest = max(0, posts - bigThread)
            var firstId: Int64?
            var written = 0
            for index in 0..<threads {
                let count = index == 0 ? min(bigThread, posts) : max(1, rest / max(1, threads - 1) + (index <= rest % max(1, threads - 1) ? 1 : 0))
                let suggestion = random.chance(0.6)
                let created = now - Int64(random.int(in: 1...700)) * 86400
                try insertThread.execute(arguments: [
                    random.pick(categories), suggestion ? "suggestion" : "discussion", sentence(&random, words: 6).capitalizedFirst,
                    suggestion ? random.pick(statuses).rawValue : nil, suggestion ? random.int(in: 0...40) : 0, count, created,
                    created + Int64(count) * 600,
                ])
                let threadId = db.lastInsertedRowID
                if index == 0 { firstId = threadId }
                for number in 1...count {
                    try insertPost.execute(arguments: [threadId, number, random.pick(users),
                                                       sentence(&random, words: random.int(in: 12...40)),
                                                       created + Int64(number) * 600])
                    written += 1
                }
            }
            return Summary(threads: threads, posts: written, bigThreadId: firstId)
        }
    }

    private static func sentence(_ random: inout SeededRandom, words count: Int) -> String {
        (0..<count).map { _ in word(&random) }.joined(separator: " ") + "."
    }

    /// A word drawn by its Zipf weight.
    private static func word(_ random: inout SeededRandom) -> String {
        let target = Double(random.next() >> 11) / Double(1 << 53) * cumulative[cumulative.count - 1]
        return vocabulary[min(cumulative.firstIndex(notBelow: target), cumulative.count - 1)]
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
