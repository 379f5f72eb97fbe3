@testable import AsahCore
import Foundation
import Synchronization
import Testing

@Suite("Figure cache: computed once per data version, shared by concurrent requests")
struct FigureCacheTests {
    private struct Failure: Error {}

    /// Runs `body` on `count` threads of its own at once (not a pool the size of the cores).
    private func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread { body(index); group.leave() }.start()
        }
        group.wait()
    }

    @Test("many requests for the same figures at once compute them once and all get the result")
    func sharedComputation() throws {
        let cache = FigureCache<String, Int>()
        let computed = Atomic<Int>(0)
        let answers = Mutex<[Int]>([])
        onThreads(16) { _ in
            let value = try? cache.value("2026", version: 7) {
                computed.add(1, ordering: .relaxed)
                Thread.sleep(forTimeInterval: 0.05)
                return (42, 7)
            }
            answers.withLock { $0.append(value ?? -1) }
        }
        #expect(computed.load(ordering: .relaxed) == 1)
        #expect(answers.withLock { $0 } == Array(repeating: 42, count: 16))
    }

    @Test("a new data version computes again; a failure is not kept")
    func versionsAndFailures() throws {
        let cache = FigureCache<String, Int>()
        #expect(try cache.value("a", version: 1) { (1, 1) } == 1)
        #expect(try cache.value("a", version: 1) { (99, 1) } == 1, "same version: the stored figure")
        #expect(try cache.value("a", version: 2) { (2, 2) } == 2, "the data changed: computed again")
        #expect(throws: Failure.self) { try cache.value("b", version: 2) { throw Failure() } }
        #expect(try cache.value("b", version: 2) { (3, 2) } == 3, "after a failure the next request computes")
    }

    @Test("different keys compute at most `concurrency` at a time")
    func boundedConcurrency() throws {
        let cache = FigureCache<Int, Int>(concurrency: 2)
        let running = Atomic<Int>(0), most = Atomic<Int>(0)
        onThreads(8) { key in
            _ = try? cache.value(key, version: 1) {
                let now = running.add(1, ordering: .relaxed).newValue
                _ = most.max(now, ordering: .relaxed)
                Thread.sleep(forTimeInterval: 0.02)
                running.subtract(1, ordering: .relaxed)
                return (key, 1)
            }
        }
        #expect(most.load(ordering: .relaxed) <= 2)
        #expect(try cache.value(5, version: 1) { (-1, 1) } == 5, "each key kept its own figure")
    }

    @Test("the oldest data version's figures make room when the cache is full")
    func capacity() throws {
        let cache = FigureCache<Int, Int>(capacity: 2)
        _ = try cache.value(1, version: 1) { (1, 1) }
        _ = try cache.value(2, version: 1) { (2, 1) }
        _ = try cache.value(3, version: 2) { (3, 2) }
        #expect(try cache.value(3, version: 2) { (-3, 2) } == 3)
        #expect(try cache.value(1, version: 1) { (-1, 1) } == -1, "dropped to make room")
    }
}
