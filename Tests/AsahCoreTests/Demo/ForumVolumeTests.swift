@testable import AsahCore
@testable import AsahDemo
import Foundation
import GRDB
import Testing

extension ForumSuites {
    @Suite("Bulk forum data for measuring")
    struct ForumVolumeTests {
        @Test("the requested threads and posts are written, the first thread with the big count, all searchable")
        func volume() throws {
            try ForumFixtures.withWorld { world in
                let summary = try ForumVolume.generate(in: world.database, threads: 40, posts: 1_000, bigThread: 200,
                                                       now: ForumFixtures.now)
                #expect(summary.threads == 40)
                #expect(summary.posts == 1_000)
                let (threads, posts, big, titles) = try world.database.pool.read { db in
                    (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM forum_threads")!,
                     try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM forum_posts")!,
                     try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM forum_posts WHERE thread_id = ?", arguments: [summary.bigThreadId])!,
                     try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM forum_titles")!)
                }
                #expect(threads == 40 && posts == 1_000 && big == 200 && titles == 40)
                let counts = try world.database.pool.read { db in
                    try Int.fetchAll(db, sql: "SELECT post_count FROM forum_threads WHERE id != ?", arguments: [summary.bigThreadId])
                }
                #expect(counts.reduce(0, +) == 800)
                #expect(counts.max()! - counts.min()! <= 1, "the rest is spread evenly")
                let hits = try world.database.pool.read { try ForumSearch.search(ForumSearch.Query(text: "yang"), in: $0) }
                #expect(hits.count == 20, "the most frequent word is everywhere")
            }
        }
    }
}
