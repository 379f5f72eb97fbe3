import Logging

/// Log lines kept in memory, for tests that read what the server wrote.
final class CapturedLog: Sendable {
    private let lines = Locked<[String]>([])

    /// A logger at `info` whose messages end up in `messages`.
    var logger: Logger {
        var logger = Logger(label: "asah.http.tests") { [lines] _ in Handler(lines: lines) }
        logger.logLevel = .info
        return logger
    }

    /// Every message logged so far, in order.
    var messages: [String] { lines.withLock { $0 } }

    private struct Handler: LogHandler {
        let lines: Locked<[String]>
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            lines.withLock { $0.append(event.message.description) }
        }
    }
}
