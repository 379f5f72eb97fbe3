import Foundation
@testable import AsahCore
@testable import AsahWeb

/// Renders message keys with the web layer's Indonesian catalogue and its argument rules, so the
/// domain's tests still check the very sentence a coordinator reads.
enum IndonesianText {
    static let localizer = try! MessageCatalogue().localizer("id")

    static func render(_ key: String, _ arguments: [String: String]) -> String {
        localizer.t(key, MessageArguments.render(arguments, localizer))
    }

    static func render(_ refusal: Refusal) -> String {
        Refusals.message(refusal, localizer)
    }

    /// `file:line: reason` of each course file error.
    static func lines(_ errors: [CourseFileError]) -> [String] {
        errors.map { CourseFileErrorText.text($0, localizer) }
    }
}

extension CourseFileError {
    /// The reason the terminal shows in Indonesian, without `file:line: `.
    var message: String { IndonesianText.render(key, arguments) }
}

extension ImportIssue {
    /// The sentence the import page shows in Indonesian.
    var message: String { IndonesianText.render(key, arguments) }
}

extension NIPProblem {
    /// The sentence the import page shows in Indonesian.
    var message: String { IndonesianText.render(key, arguments) }
}

extension Refusal {
    /// The sentence the page shows in Indonesian.
    var message: String { IndonesianText.render(self) }
}

extension WorkshopProblem {
    /// The sentence the page shows in Indonesian.
    var message: String { refusal.message }
}

extension RunPlanIssue {
    /// The sentence the form shows in Indonesian.
    var message: String { refusal.message }
}

extension NotificationContent {
    /// The sentence an Indonesian reader sees.
    var text: String { IndonesianText.render(key, arguments) }
}

extension AppNotification {
    /// The sentence an Indonesian reader sees: the notice worded from the catalogue, or the
    /// stored text of an old notification.
    var text: String { notice?.text ?? message }
}

extension EnrolmentStanding {
    /// What the employee reads in Indonesian.
    var message: String { explanation.text }
}

extension WaitlistStanding {
    /// Where the person stands on the waitlist, in Indonesian.
    var message: String { NotificationContent("notice_workshop_standing_waitlisted", arguments).text }
}
