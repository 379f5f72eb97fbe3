/// One line of a home task list: what to do, where the link does it, and a detail (when, how
/// long it has waited, seats left).
struct HomeTaskLine {
    let text: String
    let href: String
    let detail: String?

    var values: [String: Any] {
        templateValues(["text": text, "href": href, "detail": detail])
    }
}

/// A titled list of task lines with a link to the page that lists them all.
struct HomeTaskList {
    let id: String
    let heading: String
    let lines: [HomeTaskLine]
    var more: (href: String, label: String)? = nil

    /// `nil` for an empty list, so the home shows only what waits.
    var values: [String: Any]? {
        guard !lines.isEmpty else { return nil }
        return templateValues(["id": id, "heading": heading, "lines": lines.map(\.values),
                               "moreHref": more?.href, "moreLabel": more?.label])
    }
}
