import GRDB

/// Read queries over units and employees for pages and APIs. Each takes a `Database`, so the
/// caller picks a read or a write access and can combine several queries in one snapshot.
///
/// Supervisor links are data from imports, so a cycle (A reports to B, B to A) is possible
/// in principle. The chain queries are recursive CTEs over employee ids joined with `UNION`
/// (not `UNION ALL`): SQLite drops a row already produced, so a walk ends at the first
/// employee seen twice instead of looping; no depth limit is needed and none cuts a long chain.
public enum EmployeeDirectory {
    /// Employees whose name contains every word of `text` (case-insensitive), or whose NIP
    /// starts with `text` when it is all digits (spaces allowed), ordered by name.
    /// `unitId` narrows to one unit, with its sub-units when `includeSubunits` is set.
    public static func search(_ text: String?, unitId: Int64? = nil, includeSubunits: Bool = false,
                              page: Int = 1, pageSize: Int = 50, in db: Database) throws -> DirectoryPage {
        var conditions: [String] = []
        var arguments = StatementArguments()
        let compact = NIP.normalise(text ?? "")
        if !compact.isEmpty && compact.allSatisfy({ ("0"..."9").contains($0) }) {
            conditions.append("e.nip >= ? AND e.nip < ?")  // a prefix range the NIP index answers
            _ = arguments.append(contentsOf: [compact, compact + ":"])
        } else {
            let words = SearchWords.split(text ?? "").map(String.init)
            let indexed = words.filter { $0.count >= 3 }
            if !indexed.isEmpty {
                // The trigram index finds words of three or more letters anywhere in the name.
                conditions.append("e.id IN (SELECT rowid FROM employees_search WHERE employees_search MATCH ?)")
                _ = arguments.append(contentsOf: [indexed.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                    .joined(separator: " AND ")])
            }
            for word in words where word.count < 3 {
                conditions.append("e.name LIKE ? ESCAPE '\\'")
                _ = arguments.append(contentsOf: ["%" + escapeLike(word) + "%"])
            }
        }
        if let unitId {
            conditions.append(includeSubunits ? "e.unit_id IN (\(subunitsSQL))" : "e.unit_id = ?")
            _ = arguments.append(contentsOf: [unitId])
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        // The matches are found once, in order, and counted and cut here: a COUNT and a page
        // query each ran the name search and read every match (1,301 for "siti" among a
        // province's 100,000), and the page query also read each match's unit and supervisor.
        let matches = try Int64.fetchAll(db.cachedStatement(sql: "SELECT e.id FROM employees e \(filter) ORDER BY e.name COLLATE NOCASE, e.id"),
                                         arguments: arguments)
        let page = min(max(1, page), 1_000_000), pageSize = min(max(1, pageSize), 500)
        let start = min((page - 1) * pageSize, matches.count)
        let shown = matches[start..<min(start + pageSize, matches.count)]
        let entries = shown.isEmpty ? [] : try DirectoryEntry.fetchAll(db.cachedStatement(sql: DirectoryEntry.select + """
             WHERE e.id IN (SELECT value FROM json_each(?))
            ORDER BY e.name COLLATE NOCASE, e.id
            """), arguments: [String(describing: Array(shown))])
        return DirectoryPage(entries: entries, total: matches.count, page: page, pageSize: pageSize)
    }

    /// The employee with this NIP (spaces ignored), active or not.
    public static func employee(nip: String, in db: Database) throws -> Employee? {
        try Employee.filter(Employee.Columns.nip == NIP.normalise(nip)).fetchOne(db)
    }

    /// The employee with this id, active or not.
    public static func employee(id: Int64, in db: Database) throws -> Employee? {
        try Employee.fetchOne(db.cachedStatement(sql: "SELECT * FROM employees WHERE id = ?"), arguments: [id])
    }

    /// The employees whose direct supervisor is `supervisorId`, by name; active ones only
    /// unless `includeInactive`.
    public static func directSubordinates(of supervisorId: Int64, includeInactive: Bool = false,
                                          in db: Database) throws -> [Employee] {
        try Employee.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM employees WHERE supervisor_id = ? AND (active OR ?) ORDER BY name COLLATE NOCASE, id
            """), arguments: [supervisorId, includeInactive])
    }

    /// Whether at least one active employee reports directly to `employeeId`: what makes
    /// someone an atasan.
    public static func isSupervisor(employeeId: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM employees WHERE supervisor_id = ? AND active)"),
                          arguments: [employeeId]) ?? false
    }

    /// Whether `supervisorId` is above `employeeId` in the supervisor chain: the direct
    /// supervisor, the supervisor's supervisor, and so on. Nobody is above themselves.
    public static func isInSupervisorChain(supervisorId: Int64, employeeId: Int64, in db: Database) throws -> Bool {
        guard supervisorId != employeeId else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: """
            WITH RECURSIVE chain(id) AS (
                SELECT supervisor_id FROM employees WHERE id = ?
                UNION
                SELECT e.supervisor_id FROM employees e JOIN chain ON e.id = chain.id
            )
            SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?)
            """), arguments: [employeeId, supervisorId]) ?? false
    }

    /// How many active employees report directly to `supervisorId`.
    public static func directSubordinateCount(of supervisorId: Int64, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM employees WHERE supervisor_id = ? AND active"),
                         arguments: [supervisorId]) ?? 0
    }

    /// The first `limit` active employees reporting directly to `supervisorId`, by name (as
    /// ``directSubordinates(of:includeInactive:in:)`` orders them).
    public static func firstSubordinates(of supervisorId: Int64, limit: Int, in db: Database) throws -> [Employee] {
        try Employee.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM employees WHERE supervisor_id = ? AND active ORDER BY name COLLATE NOCASE, id LIMIT ?
            """), arguments: [supervisorId, limit])
    }

    /// How many active employees are below `supervisorId` in the chain, at any depth.
    public static func chainSize(below supervisorId: Int64, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            WITH RECURSIVE below(id) AS (
                SELECT id FROM employees WHERE supervisor_id = ?
                UNION
                SELECT e.id FROM employees e JOIN below ON e.supervisor_id = below.id
            )
            SELECT COUNT(*) FROM below JOIN employees e USING (id) WHERE e.active AND e.id != ?
            """), arguments: [supervisorId, supervisorId]) ?? 0
    }

    /// Every unit with its depth, in tree order: each unit followed by its sub-units, siblings
    /// by name. Units caught in a parent cycle (bad data) are listed last, at depth 0.
    public static func unitTree(in db: Database) throws -> [UnitTreeEntry] {
        let units = try Unit.order(Unit.Columns.name.collating(.nocase), Unit.Columns.id).fetchAll(db)
        let ids = Set(units.compactMap(\.id))
        var children: [Int64?: [Unit]] = [:]
        for unit in units {
            let parent = unit.parentId.flatMap { ids.contains($0) ? $0 : nil }
            children[parent, default: []].append(unit)
        }
        var tree: [UnitTreeEntry] = []
        var seen = Set<Int64>()
        func visit(_ unit: Unit, depth: Int) {
            guard let id = unit.id, seen.insert(id).inserted else { return }
            tree.append(UnitTreeEntry(id: id, code: unit.code, name: unit.name, kind: unit.kind,
                                      parentId: unit.parentId, active: unit.active, depth: depth))
            for child in children[id] ?? [] { visit(child, depth: depth + 1) }
        }
        for root in children[nil] ?? [] { visit(root, depth: 0) }
        for unit in units { visit(unit, depth: 0) }
        return tree
    }

    /// Ids of a unit and all its descendants (one `?` argument: the unit id).
    private static let subunitsSQL = """
        WITH RECURSIVE sub(id) AS (
            SELECT ? UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id
        ) SELECT id FROM sub
        """

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
