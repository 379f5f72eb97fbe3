import AsahCore
import HTTPServer

/// The agency's logo: a PNG or JPEG (sniffed and by extension), at most 1 MB, in the `agency`
/// folder of the ``FileStore``, and served inline to anyone signed in (the pages that print it
/// need a sign-in).
enum AgencyLogoStore {
    static let maximumBytes = 1024 * 1024

    static func store(_ database: AppDatabase) -> FileStore {
        FileStore(database: database, folder: StoredUploads.agencyFolder, maximumBytes: maximumBytes, kinds: [.png, .jpg])
    }

    /// The image `name` as an `<img>` source, cached for a year: its name is its digest, so a
    /// new logo is a new address.
    static func image(_ name: String, database: AppDatabase) -> Response? {
        guard let file = store(database).read(name) else { return nil }
        var response = Response(status: 200, body: file.bytes)
        response.headers.set("Content-Type", file.kind.contentType)
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Cache-Control", "private, max-age=31536000, immutable")
        return response
    }
}
