import Foundation
import Synchronization

/// Serves files below one folder with ETag, Last-Modified, Cache-Control and 304 answers.
///
/// Files are read once and kept in memory: the `static/` folder is small and this makes a
/// static file the fastest thing the server can send (the benchmark's yardstick). Paths are
/// checked segment by segment and then resolved, so neither `..` nor a symlink can leave the folder.
public final class StaticFiles: Sendable {
    struct Entry: Sendable {
        let body: [UInt8]
        let etag: String
        let lastModified: Int
        let contentType: String
    }

    private let root: String
    private let maxAge: Int
    private let cache = Mutex<[String: Entry]>([:])

    /// - Parameters:
    ///   - root: the folder to serve.
    ///   - maxAge: seconds a browser may reuse a file without asking again.
    public init(root: String, maxAge: Int = 3600) {
        self.root = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        self.maxAge = maxAge
    }

    /// A handler for a route like `/static/*path`.
    public func handler(parameter: String = "path") -> Handler {
        { [self] request in serve(relativePath: request.parameters[parameter] ?? "", request: request) }
    }

    /// Answers with the file at `relativePath` below the root, or 404.
    public func serve(relativePath: String, request: Request) -> Response {
        guard let entry = entry(for: relativePath) else { return .text("Not Found", status: 404) }
        var headers = HTTPHeaders()
        headers.add("ETag", entry.etag)
        headers.add("Last-Modified", HTTPDate.format(entry.lastModified))
        headers.add("Cache-Control", "public, max-age=\(maxAge)")
        if isFresh(entry, request) { return Response(status: 304, headers: headers) }
        headers.add("Content-Type", entry.contentType)
        return Response(status: 200, headers: headers, body: entry.body)
    }

    private func isFresh(_ entry: Entry, _ request: Request) -> Bool {
        if let tags = request.headers["If-None-Match"] {
            return tags == "*" || tags.split(separator: ",").contains { $0.trimmingSpaces() == entry.etag }
        }
        if let since = request.headers["If-Modified-Since"].flatMap(HTTPDate.parse) {
            return entry.lastModified <= since
        }
        return false
    }

    private func entry(for relativePath: String) -> Entry? {
        if let cached = cache.withLock({ $0[relativePath] }) { return cached }
        guard let loaded = load(relativePath) else { return nil }
        cache.withLock { $0[relativePath] = loaded }
        return loaded
    }

    private func load(_ relativePath: String) -> Entry? {
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, segments.allSatisfy(Self.isSafeSegment) else { return nil }
        let resolved = URL(fileURLWithPath: root + "/" + relativePath).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root + "/"),
              let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: resolved) else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let body = Array(data)
        return Entry(body: body, etag: "\"\(Self.fingerprint(body))\"", lastModified: Int(modified),
                     contentType: MediaType.forExtension((resolved as NSString).pathExtension))
    }

    private static func isSafeSegment(_ segment: Substring) -> Bool {
        !segment.isEmpty && segment != "." && segment != ".." && !segment.hasPrefix(".")
            && !segment.contains("\0") && !segment.contains("\\")
    }

    /// A 64-bit FNV-1a hash of the content, in hex: changes whenever the file does.
    private static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
