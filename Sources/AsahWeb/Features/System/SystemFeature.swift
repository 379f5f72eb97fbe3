import AsahCore
import Foundation
import HTTPServer

/// Health check, static files, the OpenAPI document and the language switch.
struct SystemFeature: Feature {
    let staticFiles: StaticFiles

    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/healthz", .anyone) { context in
                context.services.database.isHealthy()
                    ? .text("ok") : .text("database unavailable", status: 503)
            },
            RouteSpec(.get, "/static/*path", .anyone) { [staticFiles] context in
                staticFiles.serve(relativePath: context.request.parameters["path"] ?? "", request: context.request)
            },
            RouteSpec(.get, "/api/v1/openapi.json", .anyone) { _ in OpenAPIDocument.response },
            RouteSpec(.post, "/language", .anyone, switchLanguage),
        ]
    }

    /// Sets the interface language: on the account when signed in, in a cookie otherwise.
    private func switchLanguage(_ context: Context) throws -> Response {
        let form = try context.form()
        let locale = MessageCatalogue.locales.contains(form["lang"] ?? "") ? form["lang"]! : "id"
        if let principal = context.principal {
            try context.services.accounts.setLocale(userId: principal.userId, locale: locale)
            context.services.identities.invalidate(userId: principal.userId)
        }
        var response = Response.redirect(to: URLEncoding.safeReturnPath(form["next"]))
        response.setCookie(SetCookie(name: LanguageCookie.name, value: locale, maxAge: 365 * 24 * 3600,
                                     secure: context.request.isSecure))
        return response
    }
}

/// The cookie that remembers a visitor's language before they sign in.
enum LanguageCookie {
    static let name = "asah_lang"
}

/// The OpenAPI 3.1 description of `/api/v1`: `openapi.json` plus the `paths` and
/// `components.schemas` of each feature's `*.paths.json` beside it, merged once at start-up.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let folder = Bundle.module.url(forResource: "OpenAPI", withExtension: nil),
              let data = try? Data(contentsOf: folder.appendingPathComponent("openapi.json")),
              var document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return Array("{}".utf8) }
        let parts = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".paths.json") } ?? []
        for part in parts.sorted() {
            guard let partData = try? Data(contentsOf: folder.appendingPathComponent(part)),
                  let fragment = try? JSONSerialization.jsonObject(with: partData) as? [String: Any] else { continue }
            document["paths"] = merge(document["paths"], fragment["paths"])
            var components = document["components"] as? [String: Any] ?? [:]
            components["schemas"] = merge(components["schemas"], (fragment["components"] as? [String: Any])?["schemas"])
            document["components"] = components
        }
        let merged = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return Array(merged ?? Data("{}".utf8))
    }()

    private static func merge(_ base: Any?, _ addition: Any?) -> [String: Any] {
        (base as? [String: Any] ?? [:]).merging(addition as? [String: Any] ?? [:]) { first, _ in first }
    }

    static var response: Response { .rawJSON(bytes) }
}
