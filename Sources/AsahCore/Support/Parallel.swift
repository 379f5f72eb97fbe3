import Foundation

/// Pieces of independent work run side by side, each on a thread of its own, the caller's
/// thread doing the first.
///
/// `DispatchQueue.concurrentPerform` runs a call nested in another one serially on the
/// calling thread (the pool is already as wide as the machine): a cold province dashboard,
/// whose impact report is itself read in parts, then kept one core busy for a second while
/// the other sat idle. Plain threads let the system share the cores among all the parts.
/// Meant for a few long reads (each part opens its own database transaction), not for
/// many small tasks.
enum Parallel {
    /// Runs `body` for each index in `0..<count` and returns when all have returned.
    static func perform(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let group = DispatchGroup()
        for index in 1..<count {
            group.enter()
            Thread {
                body(index)
                group.leave()
            }.start()
        }
        body(0)
        group.wait()
    }
}
