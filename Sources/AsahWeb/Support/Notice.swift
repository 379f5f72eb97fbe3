import HTTPServer

/// A notice handed from a form post to the page it redirects to, as `?notice=KEY`. A page shows
/// only the keys it lists, as their message, so the address cannot put words on the page.
enum Notice {
    /// A 303 to `path` carrying the notice `key`.
    static func redirect(_ path: String, notice key: String) -> Response {
        .redirect(to: path + (path.contains("?") ? "&" : "?") + "notice=" + key)
    }

    /// The message of the request's `?notice=` when it is one of `allowed`.
    static func message(_ context: Context, allowed: Set<String>) -> String? {
        guard let key = (try? context.request.query())?["notice"], allowed.contains(key) else { return nil }
        return context.localizer.t(key)
    }
}
