import AsahCore

/// The notification kinds on the account page's e-mail setting, grouped by what they are about,
/// each labelled with the kind's own message (`notification_kind_*`).
enum EmailKindGroups {
    static let groups: [(title: String, kinds: [NotificationKind])] = [
        ("email_group_training", [.approvalAsked, .approved, .declined, .seatOffered, .offerExpired, .waitlistMoved,
                                  .sessionTomorrow, .runCancelled, .runFinished, .certificateReady, .trainingReviewed]),
        ("email_group_evaluation", [.surveyOpen, .behaviourCheckDue, .behaviourCheckReminder]),
        ("email_group_forum", [.forumStatus, .forumAnswer, .forumModeration]),
        ("email_group_projects", [.projectAssigned, .projectSubmitted, .projectReviewed, .projectDueSoon, .projectLate,
                                  .projectReviewWaiting, .projectCompleted]),
    ]

    /// The form field of a kind's checkbox.
    static func field(_ kind: NotificationKind) -> String { "email_kind_\(kind.rawValue)" }

    /// The kinds whose checkbox the submitted form left unticked.
    static func kindsOff(_ isTicked: (String) -> Bool) -> Set<NotificationKind> {
        Set(NotificationKind.allCases.filter { !isTicked(field($0)) })
    }

    /// The groups for the template, each kind ticked unless turned off.
    static func view(off: Set<NotificationKind>, _ localizer: Localizer) -> [[String: Any]] {
        groups.map { group in
            ["title": localizer.t(group.title), "kinds": group.kinds.map { kind -> [String: Any] in
                ["field": field(kind), "label": localizer.t("notification_kind_\(kind.rawValue)"), "on": !off.contains(kind)]
            }]
        }
    }
}
