import Dispatch
import Foundation
import HTTPServer
import HTTPTestSupport
import Logging
import Synchronization

/// A real `HTTPServer` on 127.0.0.1 and a free port, answering a `Router` with the test routes
/// below and serving `StaticFiles` from a temporary folder. Each test starts its own, so tests
/// can run in parallel and change the configuration freely.
///
/// The temporary folder looks like this (the static root is `static/`):
///
///     secret               "top secret"        outside the static root
///     Package.swift        "// not for you"    outside the static root
///     static/hello.txt     "Hello, static world\n"   modified 2024-01-01 00:00:00 GMT
///     static/style.css
///     static/sub/page.html
///     static/.hidden
///     static/alias.txt  -> static/hello.txt    a symlink that stays inside
///     static/escape.txt -> secret              a symlink that leaves the folder
///     static/linkdir    -> the temporary folder, a directory symlink that leaves it
final class TestServer: @unchecked Sendable {
    let server: HTTPServer
    let router: Router
    let folder: URL
    let staticRoot: URL
    /// Temporary paths of uploaded files, as the upload handler saw them.
    let uploadedPaths = Locked<[String]>([])
    /// Signalled when the `/slow` handler starts.
    let slowStarted = DispatchSemaphore(value: 0)

    static let helloText = "Hello, static world\n"
    /// The modification time given to `static/hello.txt`: Mon, 01 Jan 2024 00:00:00 GMT.
    static let helloModified = Date(timeIntervalSince1970: 1_704_067_200)
    static let helloLastModified = "Mon, 01 Jan 2024 00:00:00 GMT"

    /// Starts the server; `configure` may change the configuration (port and host stay test values
    /// unless changed there), `routes` may add routes, `log` receives the server's log lines.
    init(configure: (inout ServerConfiguration) -> Void = { _ in },
         routes: (Router) -> Void = { _ in }, log: CapturedLog? = nil) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("asah-http-tests-\(UUID().uuidString)").resolvingSymlinksInPath()
        staticRoot = folder.appendingPathComponent("static")
        try Self.makeFolder(folder, staticRoot: staticRoot)

        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 2
        configuration.maxBodyBytes = 1024 * 1024
        configuration.uploadDirectory = folder.appendingPathComponent("uploads").path
        try FileManager.default.createDirectory(atPath: configuration.uploadDirectory,
                                                withIntermediateDirectories: true)
        configure(&configuration)

        router = Router()
        server = HTTPServer(configuration: configuration,
                            logger: log?.logger ?? Logger(label: "asah.http.tests",
                                                          factory: { _ in SwiftLogNoOpLogHandler() }),
                            handler: { [router] in router.handle($0) })
        installRoutes()
        routes(router)
        try server.start()
    }

    deinit {
        server.stop(grace: 0)
        try? FileManager.default.removeItem(at: folder)
    }

    /// A client for this server (captures the port: it stays valid after `stop()`).
    var client: RawHTTPClient { RawHTTPClient(port: server.port) }

    /// The folder multipart files are streamed to.
    var uploadDirectory: String { server.configuration.uploadDirectory }

    private func installRoutes() {
        let staticFiles = StaticFiles(root: staticRoot.path)
        router.add(.get, "/static/*path", staticFiles.handler())

        router.add(.get, "/hello") { _ in .text("Hello") }
        router.add(.get, "/people/:id") { request in .text("person \(request.parameters["id"] ?? "?")") }
        router.add(.get, "/people/:id/notes/*rest") { request in
            .text("notes of \(request.parameters["id"] ?? "?"): \(request.parameters["rest"] ?? "?")")
        }
        router.add(.get, "/items") { _ in .text("all items") }
        router.add(.post, "/items") { _ in .text("item created", status: 201) }
        router.add(.post, "/submit") { _ in .text("submitted") }

        router.add(.get, "/query") { request in
            do { return .text(describe(try request.query())) } catch { return .text("bad query: \(error)", status: 400) }
        }
        router.add(.post, "/form") { request in
            do { return .text(describe(try request.form())) } catch { return .text("bad form: \(error)", status: 400) }
        }
        router.add(.post, "/echo-size") { request in .text("received \(request.body.count)") }

        router.add(.post, "/upload") { [uploadedPaths] request in
            let form: FormData
            do { form = try request.form() } catch { return .text("bad form: \(error)", status: 400) }
            var lines = [describe(form)]
            for file in request.files {
                uploadedPaths.withLock { $0.append(file.temporaryPath) }
                let content = FileManager.default.contents(atPath: file.temporaryPath).map(Array.init) ?? []
                lines.append("file \(file.field) \(file.clientFilename) \(file.contentType) size=\(file.size) "
                    + "read=\(content.count) fnv=\(fnv(content))")
            }
            return .text(lines.joined(separator: "\n"))
        }

        router.add(.get, "/slow") { [slowStarted] _ in
            slowStarted.signal()
            usleep(300_000)
            return .text("slept")
        }

        router.add(.get, "/login") { _ in
            var response = Response.text("welcome")
            response.setCookie(SetCookie(name: "sid", value: "abc123"))
            response.setCookie(SetCookie(name: "theme", value: "dark", maxAge: 3600))
            return response
        }
        router.add(.get, "/logout") { _ in
            var response = Response.text("bye")
            response.setCookie(.expired("sid"))
            return response
        }
        router.add(.get, "/cookies") { request in
            .text(request.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        router.add(.get, "/own-csp") { _ in
            var response = Response.text("own policy")
            response.headers.set("Content-Security-Policy", "default-src 'none'")
            return response
        }
        router.add(.get, "/secure") { request in .text("secure=\(request.isSecure)") }
    }

    private static func makeFolder(_ folder: URL, staticRoot: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: staticRoot.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("top secret".utf8).write(to: folder.appendingPathComponent("secret"))
        try Data("// not for you".utf8).write(to: folder.appendingPathComponent("Package.swift"))
        let hello = staticRoot.appendingPathComponent("hello.txt")
        try Data(helloText.utf8).write(to: hello)
        try files.setAttributes([.modificationDate: helloModified], ofItemAtPath: hello.path)
        try Data("body { color: black; }\n".utf8).write(to: staticRoot.appendingPathComponent("style.css"))
        try Data("<p>page</p>\n".utf8).write(to: staticRoot.appendingPathComponent("sub/page.html"))
        try Data("hidden".utf8).write(to: staticRoot.appendingPathComponent(".hidden"))
        try files.createSymbolicLink(atPath: staticRoot.appendingPathComponent("alias.txt").path,
                                     withDestinationPath: hello.path)
        try files.createSymbolicLink(atPath: staticRoot.appendingPathComponent("escape.txt").path,
                                     withDestinationPath: folder.appendingPathComponent("secret").path)
        try files.createSymbolicLink(atPath: staticRoot.appendingPathComponent("linkdir").path,
                                     withDestinationPath: folder.path)
    }
}

/// Form fields as stable text: one `name=value1|value2` line per name, names sorted.
func describe(_ form: FormData) -> String {
    form.fields.keys.sorted().map { "\($0)=\(form.all($0).joined(separator: "|"))" }.joined(separator: "\n")
}

/// A 64-bit FNV-1a hash in hex, to compare uploaded content without echoing it.
func fnv(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
}

/// Runs blocking work on its own thread (not the test's concurrency pool), so a test can do
/// something else, such as stopping the server, while a request is in flight.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Locked<Result<Value, any Error>?>(nil)

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [done, result] in
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            done.signal()
        }
        thread.start()
    }

    /// The work's result, or nil if it did not finish within `seconds`.
    func wait(seconds: Double) -> Result<Value, any Error>? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return result.withLock { $0 }
    }
}

/// Polls `condition` until it holds or `seconds` pass; true when it held.
func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// The raw bytes of a request with `Host` and `Connection: close`, for tests that need an exact
/// request line or body framing.
func rawRequest(_ requestLine: String, headers: [String] = [], body: [UInt8] = []) -> [UInt8] {
    var head = requestLine + "\r\nHost: 127.0.0.1\r\n"
    for header in headers { head += header + "\r\n" }
    head += "Connection: close\r\n\r\n"
    return Array(head.utf8) + body
}

/// A value shared between threads behind a lock (a class, so closures can capture it).
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<Result: Sendable>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
        try mutex.withLock(body)
    }
}
