import AsahCore
import HTTPServer

/// The user manual at `/panduan` (the index) and `/panduan/<role>`, open to everyone (the
/// sign-in page links it too), with its screenshots; every page's header links the manual
/// of the reader's role.
struct ManualFeature: Feature {
    let manual: UserManual

    func routes() -> [RouteSpec] {
        [
            RouteSpec(.get, "/panduan", .anyone) { context in show(context, "README") },
            RouteSpec(.get, "/panduan/:page", .anyone) { context in
                let name = context.request.parameters["page"] ?? ""
                return show(context, name.hasSuffix(".md") ? String(name.dropLast(3)) : name)
            },
            RouteSpec(.get, "/panduan/img/:file", .anyone) { context in
                guard let bytes = manual.images[context.request.parameters["file"] ?? ""] else { return context.notFound() }
                var response = Response(status: 200, body: bytes)
                response.headers.set("Content-Type", "image/png")
                response.headers.set("Cache-Control", "public, max-age=3600")
                return response
            },
        ]
    }

    private func show(_ context: Context, _ name: String) -> Response {
        guard let page = manual.pages[name] else { return context.notFound() }
        return context.page("manual", title: page.title, ["manualHTML": page.html, "isIndex": name == "README"])
    }
}
