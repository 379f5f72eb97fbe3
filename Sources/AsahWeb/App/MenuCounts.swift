/// The counts the menu shows beside its entries, so a person sees at once what waits for them.
struct MenuCounts: Sendable, Equatable {
    var unreadNotifications = 0
    var pendingApprovals = 0

    /// The count beside the entry at `href`, with the message key that reads it out.
    func shown(for href: String) -> (count: Int, label: String)? {
        switch href {
        case "/notifications": (unreadNotifications, "notification_unread_count")
        case "/approvals": (pendingApprovals, "approvals_waiting_count")
        default: nil
        }
    }
}
