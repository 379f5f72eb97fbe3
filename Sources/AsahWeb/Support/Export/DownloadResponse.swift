import HTTPServer

extension Response {
    /// A download of personnel data: saved under `filename`, never kept in a cache.
    static func download(_ body: [UInt8], type: String, filename: String) -> Response {
        var response = Response(status: 200, body: body)
        response.headers.set("Content-Type", type)
        response.headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
