import Foundation
import GRDB

/// A record a CSV import writes: found by a key (NIP, unit code) and linked to one record
/// above it (the supervisor, the parent unit).
protocol HierarchicalRecord: MutablePersistableRecord, Equatable {
    var id: Int64? { get }
    /// The id of the record above (supervisor, parent unit).
    var upLink: Int64? { get set }
    static var upLinkColumn: Column { get }
    /// Sets modification times before a write, if the record keeps them.
    mutating func stamp(_ now: Date, inserting: Bool)
}

/// Where a row's link up the hierarchy points.
enum UpLink: Equatable {
    case none
    /// A record already in the database, not in the file.
    case existing(Int64)
    /// Another row of the file, by its index in the batch: its id is known only once written.
    case row(Int)
}

/// One data row of an import: the record as it should be after the import.
struct ImportRow<Record: HierarchicalRecord> {
    let line: Int
    let key: String
    /// The desired record; for an update, a copy of the existing one with the file's values.
    var record: Record
    let existing: Record?
    var link: UpLink = .none
    var isBad = false
}

/// The rows of one import and the steps they share: cycle checks on the hierarchy, relinking
/// around skipped rows, and writing with links to rows that appear later in the file.
struct ImportBatch<Record: HierarchicalRecord> {
    var rows: [ImportRow<Record>] = []
    /// The CSV column holding the link ("nip_atasan", "kode_induk").
    let linkColumn: String
    /// The hierarchy in the database before the import: each record's key to its parent's key.
    let databaseParents: [String: String]
    let keyOfId: [Int64: String]

    /// The steps after all rows are read and their links resolved: reject cycles; when
    /// skipping bad rows, relink around them (repeated, since a skipped row keeps its old
    /// link, which can close another cycle); count; write when allowed.
    mutating func finish(skipBadRows: Bool, dryRun: Bool, db: Database, report: inout ImportReport) throws {
        _ = rejectCycles(goodOnly: false, report: &report)
        if skipBadRows {
            repeat {
                unlinkSkippedTargets(report: &report)
            } while rejectCycles(goodOnly: true, report: &report)
        }
        report.skipped += rows.count(where: \.isBad)
        report.applied = !dryRun && (skipBadRows || !report.hasErrors)
        try write(to: report.applied ? db : nil, now: Date(), report: &report)
    }

    /// Marks the rows that would lie on a cycle (A under B under A) as bad, with an error.
    /// The hierarchy checked is the database one with the rows' links applied: of all rows
    /// (what the file means), or of the good rows only (what would be written) when `goodOnly`.
    /// Returns whether any row was marked.
    private mutating func rejectCycles(goodOnly: Bool, report: inout ImportReport) -> Bool {
        let included = rows.indices.filter { !goodOnly || !rows[$0].isBad }
        var parent = databaseParents
        for index in included {
            switch rows[index].link {
            case .none: parent[rows[index].key] = nil
            case .existing(let id): parent[rows[index].key] = keyOfId[id]
            case .row(let target): parent[rows[index].key] = rows[target].key
            }
        }
        var finished = Set<String>()
        var cycleOf: [String: [String]] = [:]
        for index in included {
            var path: [String] = [], onPath = Set<String>()
            var key: String? = rows[index].key
            while let current = key, !finished.contains(current), onPath.insert(current).inserted {
                path.append(current)
                key = parent[current]
            }
            if let repeated = key, onPath.contains(repeated), let start = path.firstIndex(of: repeated) {
                let cycle = Array(path[start...])
                for member in cycle { cycleOf[member] = cycle }
            }
            finished.formUnion(path)
        }
        var found = false
        for index in included {
            guard let cycle = cycleOf[rows[index].key] else { continue }
            let start = cycle.firstIndex(of: rows[index].key)!
            let loop = Array(cycle[start...] + cycle[..<start]) + [rows[index].key]
            report.error(line: rows[index].line, column: linkColumn, "import_link_cycle",
                         ["link": "@import_link_\(linkColumn)", "loop": loop.joined(separator: " → ")])
            rows[index].isBad = true
            found = true
        }
        return found
    }

    /// For good rows linked to a bad (skipped) row: keeps the link when that record already
    /// exists in the database, otherwise leaves the link empty; warns either way.
    private mutating func unlinkSkippedTargets(report: inout ImportReport) {
        for index in rows.indices where !rows[index].isBad {
            guard case .row(let target) = rows[index].link, rows[target].isBad else { continue }
            let line = rows[target].line
            if let id = rows[target].existing?.id {
                rows[index].link = .existing(id)
                report.warning(line: rows[index].line, column: linkColumn, "import_link_target_skipped_kept",
                               ["link": "@import_link_\(linkColumn)", "targetLine": String(line)])
            } else {
                rows[index].link = .none
                report.warning(line: rows[index].line, column: linkColumn, "import_link_target_skipped_cleared",
                               ["link": "@import_link_\(linkColumn)", "targetLine": String(line)])
            }
        }
    }

    /// Counts the good rows as inserted, updated or unchanged and, given a database, writes
    /// them. A link to a file row not yet written is set in a second pass.
    private mutating func write(to db: Database?, now: Date, report: inout ImportReport) throws {
        var pending: [(row: Int, target: Int)] = []
        for index in rows.indices where !rows[index].isBad {
            var record = rows[index].record
            var waitsFor: Int?
            switch rows[index].link {
            case .none: record.upLink = nil
            case .existing(let id): record.upLink = id
            case .row(let target):
                record.upLink = rows[target].record.id
                if record.upLink == nil { waitsFor = target }
            }
            if let existing = rows[index].existing {
                if waitsFor == nil && record == existing {
                    report.unchanged += 1
                    continue
                }
                report.updated += 1
                record.stamp(now, inserting: false)
                if let db { try record.update(db) }
            } else {
                report.inserted += 1
                record.stamp(now, inserting: true)
                if let db { try record.insert(db) }
            }
            rows[index].record = record
            if let waitsFor { pending.append((index, waitsFor)) }
        }
        guard let db else { return }
        for (index, target) in pending {
            rows[index].record.upLink = rows[target].record.id
            try rows[index].record.update(db, columns: [Record.upLinkColumn])
        }
    }
}
