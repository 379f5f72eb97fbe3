import HTTPServer

extension Response {
    /// A CSV download of personnel data: UTF-8, saved under `filename`, never kept in a cache.
    static func csv(_ text: String, filename: String) -> Response {
        var response = Response(status: 200, body: Array(text.utf8))
        response.headers.set("Content-Type", "text/csv; charset=utf-8")
        response.headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
