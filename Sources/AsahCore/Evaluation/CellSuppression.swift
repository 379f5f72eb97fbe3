extension SmallCell {
    /// The cells of a table of people counts that must be hidden so that no count of 1 to 4 can
    /// be read or worked out. `counts` are the table's cells, totals included; each of `sets`
    /// lists the cells (indices into `counts`) that add up: a row or column with its total.
    ///
    /// Primary suppression hides every count from 1 to ``minimum`` - 1 (an empty cell singles
    /// nobody out and stays shown). Complementary suppression then looks at each set: when
    /// exactly one of its cells is hidden, the reader could subtract the others from the total,
    /// so the smallest other non-zero cell of the set is hidden too; this repeats until no set
    /// has a lone hidden cell, since a cell hidden for one set can leave another with one.
    ///
    /// Example: units of 12, 3 and 30 people and the total 45, one set: the 3 is hidden, then the
    /// 12 with it (45 - 30 would otherwise give 3), and 30 and 45 stay shown.
    public static func hidden(_ counts: [Int], sets: [[Int]]) -> Set<Int> {
        var hidden = Set(counts.indices.filter { counts[$0] > 0 && !shows(counts[$0]) })
        var changed = true
        while changed {
            changed = false
            for set in sets where set.count(where: hidden.contains) == 1 {
                let candidates = set.filter { !hidden.contains($0) && counts[$0] > 0 }
                guard let next = candidates.min(by: { (counts[$0], $0) < (counts[$1], $1) }) else { continue }
                hidden.insert(next)
                changed = true
            }
        }
        return hidden
    }

    /// ``hidden(_:sets:)`` for a list of groups that add up to a shown total: which of the
    /// groups' indices must be hidden (the total itself is hidden only when under ``minimum``).
    public static func hiddenGroups(_ counts: [Int]) -> Set<Int> {
        let total = counts.reduce(0, +)
        return hidden(counts + [total], sets: [Array(0...counts.count)]).subtracting([counts.count])
    }
}
