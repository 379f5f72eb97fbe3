import AsahCore
import HTTPServer

/// Giving up a seat (or a seat offered) is asked once more on a page of its own, which works
/// without JavaScript: the first post shows what will be lost; only the post from that page,
/// carrying `confirmed=1`, does it.
enum SeatRelease: String {
    case withdraw
    case declineOffer = "offer/decline"

    /// The confirmation page, or `nil` when the person has confirmed.
    static func confirmation(_ context: Context, _ release: SeatRelease, run: Run) throws -> Response? {
        guard try context.form()["confirmed"] != "1" else { return nil }
        let localizer = context.localizer
        let key = release == .withdraw ? "run_withdraw_confirm" : "run_offer_decline_confirm"
        return context.page("run_release_confirm", title: localizer.t(key + "_title"), [
            "runId": run.id!, "runTitle": run.title, "action": "/runs/\(run.id!)/" + release.rawValue,
            "heading": localizer.t(key + "_title"), "explanation": localizer.t(key + "_text", ["title": run.title]),
            "confirmLabel": localizer.t(key + "_button"),
        ])
    }
}
