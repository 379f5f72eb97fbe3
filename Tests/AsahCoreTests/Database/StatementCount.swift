import GRDB

/// How many SQL statements `body` runs on `db`, to check that a list's reads do not grow
/// with its length.
func statementCount(in db: Database, _ body: () throws -> Void) rethrows -> Int {
    final class Counter: @unchecked Sendable { var value = 0 }
    let counter = Counter()
    db.trace(options: .statement) { _ in counter.value += 1 }
    defer { db.trace(options: .statement, nil) }
    try body()
    return counter.value
}
