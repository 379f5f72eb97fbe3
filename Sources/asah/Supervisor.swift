import Foundation
import Synchronization

/// `asah serve --supervise`: runs the real server as a child process and starts it again when
/// it dies, so one Swift trap (which ends a whole process) costs a second of service, not the day.
///
/// A child that dies from a signal or exits non-zero is restarted after a short back-off that
/// doubles with each crash; after `maxCrashes` crashes within `window` seconds the supervisor
/// gives up and exits 1 (something is broken for good: a port in use, a database it cannot
/// open). SIGTERM and SIGINT are passed on to the child, which finishes its requests and exits;
/// the supervisor then exits with the child's status. A child that exits 0 by itself is done.
/// Under systemd, use its `Restart=on-failure` instead (see `scripts/asah.service`).
struct Supervisor {
    /// The program to run (this executable) and its arguments.
    let executable: URL
    let arguments: [String]
    var maxCrashes = 5
    var window: TimeInterval = 60
    var firstBackOff: TimeInterval = 0.25

    private struct Shared {
        var stopping = false
        var child: pid_t = 0
    }

    /// Supervises until a clean stop or too many crashes; returns the exit status.
    func run() -> Int32 {
        let signals = SignalWaiter(blocking: [SIGINT, SIGTERM])
        let shared = Mutex(Shared())
        let stopRequested = DispatchSemaphore(value: 0)
        let forwarder = Thread {
            while true {
                let signal = signals.wait()
                let child = shared.withLock { state in
                    state.stopping = true
                    return state.child
                }
                say("received signal \(signal), stopping the server\(child > 0 ? " (pid \(child))" : "")")
                if child > 0 { kill(child, signal) }
                stopRequested.signal()
            }
        }
        forwarder.start()

        var crashes: [Date] = []
        while true {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let started: Bool = shared.withLock { state in
                guard !state.stopping else { return false }
                do { try process.run() } catch {
                    say("cannot start \(executable.path): \(error)")
                    return false
                }
                state.child = process.processIdentifier
                return true
            }
            guard started else { return shared.withLock { $0.stopping } ? 0 : 1 }
            say("server started (pid \(process.processIdentifier))")
            process.waitUntilExit()
            let status = process.terminationStatus
            let crashed = process.terminationReason == .uncaughtSignal || status != 0
            let stopping = shared.withLock { state in
                state.child = 0
                return state.stopping
            }
            if stopping || !crashed {
                say("server (pid \(process.processIdentifier)) \(describe(process)); done")
                return process.terminationReason == .uncaughtSignal ? 128 + status : status
            }
            let now = Date()
            crashes = crashes.filter { now.timeIntervalSince($0) < window } + [now]
            if crashes.count >= maxCrashes {
                say("server (pid \(process.processIdentifier)) \(describe(process)): \(crashes.count) crashes "
                    + "within \(Int(window)) s, giving up")
                return 1
            }
            let backOff = firstBackOff * pow(2, Double(crashes.count - 1))
            say("server (pid \(process.processIdentifier)) \(describe(process)); restarting in "
                + String(format: "%.2f", backOff) + " s")
            if stopRequested.wait(timeout: .now() + backOff) == .success { return 0 }
        }
    }

    private func describe(_ process: Process) -> String {
        let status = process.terminationStatus
        guard process.terminationReason == .uncaughtSignal else { return "exited with status \(status)" }
        return "killed by signal \(status) (\(String(cString: strsignal(status))))"
    }

    private func say(_ text: String) {
        print("asah supervise: \(text)")
        fflush(nil)
    }
}
