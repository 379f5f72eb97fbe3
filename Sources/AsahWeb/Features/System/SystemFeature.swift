import AsahCore
import Foundation
import HTTPServer

/// Health check, metrics (from this machine or with the metrics token), static files, the
/// OpenAPI document and the language switch.
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
            RouteSpec(.get, "/metrics", .anyone) { context in
                let metrics = context.services.metrics
                guard metrics.allows(context.request, ip: context.ip) else { return context.forbidden() }
                var response = Response.text(try metrics.text(context.services))
                response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                response.headers.set("Cache-Control", "no-store")
                return response
            },
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
