import AsahCore
import Foundation
import HTTPServer
import Mustache

/// Renders Mustache templates (HTML-escaped by default) inside the shared layout.
///
/// UI text is put in when the templates load, not when a page renders: every `{{t.key}}` is
/// replaced by the escaped message of one language, giving one compiled library per language.
/// Pages then only look up their own data, which keeps rendering cheap.
struct Views: Sendable {
    let libraries: [String: MustacheLibrary]
    /// The main menus rendered so far (``Navigation/Menu``): one per distinct menu, not one per page.
    private let menus = FragmentCache<Navigation.Menu, Navigation.Menu>(budgetBytes: 2 * 1024 * 1024)

    init(messages: MessageCatalogue) throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Templates"])
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        let sources = try files.map { file in
            (String(file.dropLast(".mustache".count)), try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
        MustacheContentTypes.register(HTMLEscape(), named: HTMLEscape.contentTypeName)
        var libraries: [String: MustacheLibrary] = [:]
        for locale in MessageCatalogue.locales {
            let localizer = messages.localizer(locale)
            var library = MustacheLibrary()
            for (name, text) in sources {
                try library.register(Self.translate(text, localizer), named: name)
            }
            libraries[locale] = library
        }
        self.libraries = libraries
    }

    /// `text` with each `{{t.key}}` replaced by the HTML-escaped message, set to escape with
    /// `HTMLEscape` (Mustache's own escaper hashes every character; this one scans bytes).
    static func translate(_ text: String, _ localizer: Localizer) -> String {
        "{{% CONTENT_TYPE: \(HTMLEscape.contentTypeName)}}" + text.replacing(/\{\{t\.([a-z0-9_]+)\}\}/) { match in
            HTMLEscape.escape(localizer.t(String(match.1)))
        }
    }

    /// The piece of a page `template` renders from `values` alone (no layout, no CSRF token
    /// unless `values` carries one), in the language `locale`.
    func fragment(_ template: String, _ values: [String: Any], locale: String) -> String {
        let library = libraries[locale] ?? libraries["id"]!
        return library.render(TemplateData(values), withTemplate: template) ?? "template \(template) missing"
    }

    /// The page `template` with the layout's data (title, messages, navigation, user, CSRF token,
    /// the installation's zone as `zone`, "WITA") added.
    func render(_ template: String, title: String, data: [String: Any], context: Context, status: Int) -> Response {
        var values = data
        values["title"] = title
        values["lang"] = context.localizer.locale
        values["isId"] = context.localizer.locale == "id"
        values["isEn"] = context.localizer.locale == "en"
        values["zone"] = LocalZone.current.abbreviation
        if values["csrf"] == nil { values["csrf"] = context.csrfToken }
        values["path"] = context.request.path
        let manualPage = UserManual.pageName(for: context.principal)
        values["helpHref"] = manualPage == "README" ? "/panduan" : "/panduan/" + manualPage
        if let principal = context.principal {
            values["user"] = ["name": principal.displayName, "login": principal.login,
                              "roles": principal.roles.sorted().map { context.localizer.t("role_\($0.rawValue)") }
                                  .joined(separator: ", ")]
            let menu = Navigation.menu(for: principal, current: context.request.path, counts: context.menuCounts,
                                       localizer: context.localizer)
            values["navHTML"] = menus.html(for: menu, facts: menu) {
                fragment("nav", ["nav": menu.items.map(\.values)], locale: menu.locale)
            }
            values["hasNav"] = !menu.items.isEmpty
        }
        let html = fragment(template, values, locale: context.localizer.locale)
        var response = Response.html(html, status: status)
        if context.principal != nil { response.headers.add("Cache-Control", "no-store") }
        return response
    }
}
