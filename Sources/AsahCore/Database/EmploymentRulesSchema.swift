import GRDB

/// The yearly JP target and cap per employment type, replacing the one 20 JP target applied to
/// everyone. The defaults are the regulations': a PNS is owed at least 20 JP a year (PP 11/2017
/// art. 203(4), as amended by PP 17/2020) with no cap; for a PPPK, PP 49/2018 art. 39 sets no
/// minimum and caps competence development at 24 JP per contract year.
enum EmploymentRulesSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE employment_rules (
                employment TEXT PRIMARY KEY CHECK (employment IN ('pns', 'pppk')),
                target_jp REAL CHECK (target_jp IS NULL OR target_jp > 0),
                cap_jp REAL CHECK (cap_jp IS NULL OR cap_jp > 0),
                updated_at INTEGER NOT NULL DEFAULT 0,
                updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL
            );
            INSERT INTO employment_rules (employment, target_jp, cap_jp) VALUES ('pns', 20, NULL), ('pppk', NULL, 24);
            """)
        // The evaluation figures (compliance, needs) read the rules: a change raises the data version.
        try DataVersionSchema.raise(.evaluation, onChangesTo: ["employment_rules"], in: db)
    }
}
