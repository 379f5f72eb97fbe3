import AsahCore
import Foundation
import Logging

/// Sends the notifications waiting in the ``EmailQueue`` every `interval` seconds on a
/// background queue, never inside a request: each in its recipient's language, with a link to
/// the page it is about when the public address is known; a person who asked for a daily
/// digest gets one e-mail listing the day's notifications (``EmailDigestText``). A failure is retried later (the
/// queue's pauses) and logged; a request never waits for the mail server.
public final class EmailDispatch: @unchecked Sendable {  // the timer is only touched by start and stop
    /// How to reach the agency's mail server.
    public struct Settings: Sendable {
        /// `smtp://host:587` (STARTTLS) or `smtps://host:465`.
        public var url: String
        public var from: String
        public var username: String?
        public var password: String?
        /// Refuse to send over an unencrypted connection (off only for a server on this machine).
        public var requireTLS = true
        /// The address people reach Asah at, for links in the messages, while the agency
        /// settings name none (the settings' public address wins).
        public var publicURL: String?

        public init(url: String, from: String) {
            self.url = url
            self.from = from
        }
    }

    private let queue: EmailQueue
    private let mailer: SMTPMailer
    private let messages: MessageCatalogue
    private let fallbackURL: String?
    private let database: AppDatabase
    private let logger: Logger
    private let timer: DispatchSourceTimer

    init(database: AppDatabase, settings: Settings, messages: MessageCatalogue, logger: Logger) {
        queue = EmailQueue(database: database)
        mailer = SMTPMailer(url: settings.url, from: settings.from, username: settings.username, password: settings.password,
                            requireTLS: settings.requireTLS)
        self.messages = messages
        fallbackURL = settings.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.database = database
        self.logger = logger
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "asah.email"))
    }

    /// Sends what is due every `interval` seconds from now on.
    public func start(interval: TimeInterval) {
        timer.schedule(deadline: .now() + 1, repeating: interval)
        timer.setEventHandler { [self] in
            do {
                let (sent, failed) = try sendDue()
                if sent + failed > 0 { logger.info("email: \(sent) sent, \(failed) failed (retried later)") }
            } catch {
                logger.error("email: \(error)")
            }
        }
        timer.resume()
    }

    /// Stops sending (a round under way finishes).
    public func stop() {
        timer.cancel()
    }

    /// Sends what is due now, worded in the installation's zone; answers how many were sent and how many failed.
    func sendDue(now: Int64 = Clock.now()) throws -> (sent: Int, failed: Int) {
        try database.withLocalZone { try sendDueInZone(now: now) }
    }

    private func sendDueInZone(now: Int64) throws -> (sent: Int, failed: Int) {
        var sent = 0, failed = 0
        let base = try publicURL()
        for message in try queue.due(limit: 200, now: now) {
            let (subject, body) = text(message, publicURL: base)
            guard let id = message.notification.id else { continue }
            if let error = mailer.send(to: message.address, subject: subject, body: body) {
                failed += 1
                logger.warning("email to notification \(id) failed: \(error)")
                try queue.failed(id, error: error, now: now)
            } else {
                sent += 1
                try queue.sent(id, now: now)
            }
        }
        for digest in try queue.digestsDue(now: now) {
            let (subject, body) = EmailDigestText.text(digest, localizer: messages.localizer(digest.locale), publicURL: base)
            let ids = digest.notifications.compactMap(\.id)
            if let error = mailer.send(to: digest.address, subject: subject, body: body) {
                failed += 1
                logger.warning("daily e-mail with \(ids.count) notifications failed: \(error)")
                for id in ids { try queue.failed(id, error: error, now: now) }
            } else {
                sent += 1
                for id in ids { try queue.sent(id, now: now) }
            }
        }
        return (sent, failed)
    }

    /// The address links begin with: the agency settings' public address, else `--public-url`.
    func publicURL() throws -> String? {
        try AgencySettings.current(in: database).publicURL ?? fallbackURL
    }

    /// The subject and body of `message` in its recipient's language, with links under `publicURL`.
    func text(_ message: EmailQueue.Message, publicURL: String?) -> (subject: String, body: String) {
        let localizer = messages.localizer(message.locale)
        let note = message.notification
        let kind = localizer.t("notification_kind_\(note.kind.rawValue)")
        let what = NotificationRoutes.text(note, localizer)
        let link = note.link.flatMap { path in publicURL.map { $0 + path } }
        let settings = publicURL.map { $0 + "/account" } ?? "/account"
        let body = [localizer.t("email_greeting", ["name": message.name]), "", what]
            + (link.map { ["", localizer.t("email_open", ["link": $0])] } ?? [])
            + ["", "-- ", localizer.t("email_footer", ["settings": settings])]
        return ("[Asah] " + kind, body.joined(separator: "\n"))
    }
}
