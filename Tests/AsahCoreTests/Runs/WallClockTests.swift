@testable import AsahCore
import Foundation
import Testing

@Suite("Wall clock times in Indonesia")
struct WallClockTests {
    @Test("the arithmetic gives what Foundation's calendar gives, in WIB, WITA and WIT, across centuries")
    func matchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for (zone, offset) in [("Asia/Jakarta", 7), ("Asia/Makassar", 8), ("Asia/Jayapura", 9)] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            let samples = [Int64(0), 951_782_400, 1_767_200_399, 1_767_200_400, 4_102_444_800]
                + (0..<2000).map { _ in Int64.random(in: 0...4_102_444_800, using: &generator) }
            for timestamp in samples {
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute],
                                                    from: Date(timeIntervalSince1970: TimeInterval(timestamp)))
                let clock = WallClock(timestamp, offset: offset * 3600)
                let expected: [Int] = [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!]
                #expect(clock.parts == expected, "\(zone) \(timestamp)")
            }
        }
    }

    @Test("before 1970 too")
    func beforeEpoch() {
        let clock = WallClock(-1)
        #expect(clock.parts == [1970, 1, 1, 6, 59])
    }
}

private extension WallClock {
    var parts: [Int] { [year, month, day, hour, minute] }
}
