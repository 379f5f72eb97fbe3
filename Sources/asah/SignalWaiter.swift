import Foundation

/// Blocks termination signals in every thread (so worker threads never see them) and lets
/// the main thread wait for one with `sigwait`.
struct SignalWaiter {
    private var set = sigset_t()

    init(blocking signals: [Int32]) {
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits until one of the signals arrives and returns it.
    func wait() -> Int32 {
        var received: Int32 = 0
        var waitSet = set
        sigwait(&waitSet, &received)
        return received
    }
}
