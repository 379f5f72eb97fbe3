import AsahCore

/// The words of a daily digest: one e-mail listing each notification (its kind, its text and
/// its link), in the recipient's language.
enum EmailDigestText {
    static func text(_ digest: EmailQueue.Digest, localizer: Localizer, publicURL: String?) -> (subject: String, body: String) {
        let items = digest.notifications.flatMap { note -> [String] in
            let kind = localizer.t("notification_kind_\(note.kind.rawValue)")
            let link = note.link.flatMap { path in publicURL.map { $0 + path } }
            return ["", "• \(kind): \(NotificationRoutes.text(note, localizer))"] + (link.map { ["  " + $0] } ?? [])
        }
        let settings = publicURL.map { $0 + "/account" } ?? "/account"
        let body = [localizer.t("email_greeting", ["name": digest.name]), "", localizer.t("email_digest_lead")] + items
            + ["", "-- ", localizer.t("email_footer", ["settings": settings])]
        return (localizer.t("email_digest_subject", ["count": String(digest.notifications.count)]), body.joined(separator: "\n"))
    }
}
