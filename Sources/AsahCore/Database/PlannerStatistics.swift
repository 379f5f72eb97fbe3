import GRDB

extension AppDatabase {
    /// Keeps SQLite's query planner informed of how the tables and indexes are filled. Without
    /// statistics SQLite guesses, and at province scale it guessed wrong: a person's completed
    /// courses were read through the index on the state (every completed enrolment) rather than
    /// the one on the person. A database without statistics (new, or older than this release)
    /// is analysed with a sampling limit (a few seconds for a province, holding the writer); one
    /// that has them gets `PRAGMA optimize`, which re-analyses only tables that changed a lot.
    /// `afresh` analyses in any case (after a bulk load). Returns whether a full analysis ran.
    /// The periodic sweep calls it, and the demo generators after filling the tables.
    @discardableResult
    public func refreshPlannerStatistics(afresh: Bool = false) throws -> Bool {
        try pool.writeWithoutTransaction { db in
            let analysed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1')") ?? false
            // At most this many index entries sampled per index (SQLite's recommended bound).
            try db.execute(sql: "PRAGMA analysis_limit = 1000")
            let full = afresh || !analysed
            try db.execute(sql: full ? "ANALYZE" : "PRAGMA optimize")
            return full
        }
    }
}
