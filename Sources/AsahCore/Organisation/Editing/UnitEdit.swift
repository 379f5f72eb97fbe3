import GRDB

/// Renaming a unit and moving it under another (or to the top) from the browser, checked by
/// the unit import's own parent look-up and cycle check (a unit cannot end up under itself).
/// Whole or nothing, audited with the values before and after.
public struct UnitEdit: Sendable {
    /// The longest unit name taken, in characters.
    public static let maximumNameLength = 200

    /// A unit as its edit page shows it.
    public struct Form: Sendable {
        public let unit: UnitTreeEntry
        /// The parent's code, empty for a unit at the top.
        public let parentCode: String
        /// The unit that answers for this one since a merge.
        public let mergedInto: UnitTreeEntry?
        /// The unit tree, to choose a parent or a merge target from.
        public let tree: [UnitTreeEntry]
        /// Which units were merged into which, by id.
        public let mergedIntoId: [Int64: Int64]
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The unit tree and which units were merged into which, from one snapshot.
    public func overview() throws -> (tree: [UnitTreeEntry], mergedIntoId: [Int64: Int64]) {
        try database.pool.read { db in (try EmployeeDirectory.unitTree(in: db), try Self.mergedIntoId(in: db)) }
    }

    /// The edit page of the unit with `code`, or `nil` when there is none.
    public func form(code: String) throws -> Form? {
        try database.pool.read { db in
            let tree = try EmployeeDirectory.unitTree(in: db), merged = try Self.mergedIntoId(in: db)
            guard let unit = tree.first(where: { $0.code.uppercased() == code.uppercased() }) else { return nil }
            let byId = Dictionary(uniqueKeysWithValues: tree.map { ($0.id, $0) })
            return Form(unit: unit, parentCode: unit.parentId.flatMap { byId[$0]?.code } ?? "",
                        mergedInto: merged[unit.id].flatMap { byId[$0] }, tree: tree, mergedIntoId: merged)
        }
    }

    /// Saves the name (`nama`) and parent code (`kode_induk`, empty for none) of the unit with
    /// `code`: every problem found, or `nil` when there is no such unit. A merged unit cannot
    /// be a parent: its people answer to the unit it was merged into.
    public func save(code: String, values: [String: String], actor: Int64?, ip: String?) throws -> Result<Void, EditProblem>? {
        try database.pool.write { db in
            let known = try KnownUnits(db), key = code.uppercased()
            guard let unit = known.unitByCode[key] else { return nil }
            var report = ImportReport()
            var changed = unit
            changed.name = (values["nama"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if changed.name.isEmpty { report.error(line: 1, column: "nama", "import_unit_name_required") }
            if changed.name.count > Self.maximumNameLength {
                report.error(line: 1, column: "nama", "problem_unit_name_long", ["maximumCount": String(Self.maximumNameLength)])
            }
            let parent = (values["kode_induk"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
            var row = ImportRow(line: 1, key: key, record: changed, existing: unit, isBad: report.hasErrors)
            if let link = UnitImport.link(to: parent, from: row, rowByCode: [:], known: known, report: &report) {
                row.link = link
                if case .existing(let id) = link, try Self.mergedIntoId(in: db)[id] != nil {
                    report.error(line: 1, column: "kode_induk", "problem_unit_parent_merged", ["value": parent])
                    row.isBad = true
                }
            } else {
                row.isBad = true
            }
            var batch = known.batch()
            batch.rows = [row]
            try batch.finish(skipBadRows: false, dryRun: false, db: db, report: &report)
            guard report.applied else { return .failure(EditProblem(report)) }
            var changes = AuditChanges()
            changes.note("nama", unit.name, changed.name)
            changes.note("kode_induk", known.parentCodes[key], parent)
            if !changes.isEmpty {
                try AuditLog.record("unit.edit", actor: actor, ip: ip, subject: "unit:\(unit.code)", detail: changes.detail, in: db)
            }
            return .success(())
        }
    }

    /// Which units were merged into which, by id.
    static func mergedIntoId(in db: Database) throws -> [Int64: Int64] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT id, merged_into_id FROM units WHERE merged_into_id IS NOT NULL"))
            .reduce(into: [:]) { $0[$1["id"] as Int64] = $1["merged_into_id"] as Int64 }
    }
}
