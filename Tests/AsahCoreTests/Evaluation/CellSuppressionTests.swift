@testable import AsahCore
import Testing

extension Evaluation {
    @Suite("Small-cell suppression with complementary cells, by hand-computed tables")
    struct CellSuppressionTests {
        @Test("a lone small group is hidden with the next smallest, so the total cannot give it away")
        func loneSmallGroup() {
            // 12 + 3 + 30 = 45: hiding the 3 alone leaves 45 - 12 - 30 = 3, so the 12 goes too.
            #expect(SmallCell.hiddenGroups([12, 3, 30]) == [0, 1])
            // Two small groups already protect each other: 45 - 40 = 5 is their sum, not either.
            #expect(SmallCell.hiddenGroups([2, 3, 40]) == [0, 1])
            #expect(SmallCell.hiddenGroups([12, 0, 30]) == [], "an empty group singles nobody out")
            #expect(SmallCell.hiddenGroups([4, 0, 0]) == [0], "the only group, under five; its total is hidden too")
            #expect(SmallCell.hiddenGroups([5, 6]) == [])
        }

        @Test("a zero is not chosen as the complementary cell: hiding it would protect nothing")
        func zeroNotComplement() {
            // 3 + 0 + 9 = 12: the 9 is hidden, not the 0.
            #expect(SmallCell.hiddenGroups([3, 0, 9]) == [0, 2])
        }

        @Test("a table with row and column totals: hiding spreads until no row or column has a lone hidden cell")
        func twoWayTable() {
            //            x    y  | total
            //   a        3   10  |   13
            //   b       20   25  |   45
            //   total   23   35  |   58
            let counts = [3, 10, 13, 20, 25, 45, 23, 35, 58]
            let rows = [[0, 1, 2], [3, 4, 5], [6, 7, 8]], columns = [[0, 3, 6], [1, 4, 7], [2, 5, 8]]
            // 3 is small; row a then hides 10 (< 13); column x hides 20 (< 23); column y, now with
            // 10 alone hidden, hides 25 (< 35). Row b has 20 and 25 hidden: each row and column
            // has two hidden cells or none, and 13, 45, 23, 35, 58 stay shown.
            #expect(SmallCell.hidden(counts, sets: rows + columns) == [0, 1, 3, 4])
        }
    }
}
