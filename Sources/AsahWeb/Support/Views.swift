import AsahCore
import Foundation
import HTTPServer
import Mustache

/// Renders Mustache templates (HTML-escaped by default) inside the shared layout.
struct Views: Sendable {
    let library: MustacheLibrary

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Templates"])
        }
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        self.library = library
    }

    /// Whether `value` is an empty optional boxed in `Any` (Mustache would print it as "nil").
    private static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    /// The page `template` with the layout's data (title, messages, navigation, user, CSRF token) added.
    func render(_ template: String, title: String, data: [String: Any], context: Context, status: Int) -> Response {
        var values = data.filter { !Self.isNil($0.value) }
        values["title"] = title
        values["t"] = context.localizer.messages
        values["lang"] = context.localizer.locale
        values["isId"] = context.localizer.locale == "id"
        values["isEn"] = context.localizer.locale == "en"
        if values["csrf"] == nil { values["csrf"] = context.csrfToken }
        values["path"] = context.request.path
        if let principal = context.principal {
            values["user"] = ["name": principal.displayName, "login": principal.login,
                              "roles": principal.roles.sorted().map { context.localizer.t("role_\($0.rawValue)") }
                                  .joined(separator: ", ")]
            let nav = Navigation.items(for: principal, current: context.request.path, localizer: context.localizer)
            values["nav"] = nav
            values["hasNav"] = !nav.isEmpty
        }
        let html = library.render(values, withTemplate: template) ?? "template \(template) missing"
        var response = Response.html(html, status: status)
        if context.principal != nil { response.headers.add("Cache-Control", "no-store") }
        return response
    }
}
