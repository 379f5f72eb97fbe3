@testable import AsahCore
@testable import AsahDemo
import AsahWeb
import Foundation
import HTTPServer
import HTTPTestSupport
import Logging

/// A real Asah server on a free port over a fresh demo database in a temporary folder.
final class TestApp: @unchecked Sendable {
    static let password = "kata-sandi-uji-123"
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    let folder: String
    /// This test's copy of the repository's `courses/` (the course editor writes here, never the repository).
    let coursesRoot: String
    let database: AppDatabase
    let server: HTTPServer
    let client: RawHTTPClient
    let routes: [RouteSpec]

    /// A demo database built once per test run; each test works on its own copy.
    private static let template: String = {
        let path = NSTemporaryDirectory() + "asah-test-template-" + UUID().uuidString + "/asah.sqlite"  // demo files beside it
        do {
            let database = try AppDatabase(path: path)
            _ = try CatalogueSync(database: database).sync(folder: repositoryRoot + "/courses")
            try DemoAccounts.create(in: database, seed: 7, employeeCount: 400, password: password)
            try database.close()
        } catch {
            fatalError("cannot build the test database: \(error)")
        }
        return path
    }()

    init(sessionPolicy: SessionPolicy = SessionPolicy(), metricsToken: String? = nil, publicURL: String? = nil,
         directory: DirectorySettings? = nil, courseEditing: Bool = true, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        folder = NSTemporaryDirectory() + "asah-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.template, toPath: folder + "/asah.sqlite")
        if FileManager.default.fileExists(atPath: Self.template + ".forum-key") {
            try FileManager.default.copyItem(atPath: Self.template + ".forum-key", toPath: folder + "/asah.sqlite.forum-key")
        }
        coursesRoot = folder + "/courses"
        try FileManager.default.copyItem(atPath: Self.repositoryRoot + "/courses", toPath: coursesRoot)
        database = try AppDatabase(path: folder + "/asah.sqlite")
        var logger = Logger(label: "asah-test")
        logger.logLevel = .warning
        let app = try AsahApp(database: database, staticRoot: Self.repositoryRoot + "/static", sessionPolicy: sessionPolicy,
                              metricsToken: metricsToken, publicURL: publicURL,
                              manualRoot: Self.repositoryRoot + "/docs/panduan", directory: directory,
                              coursesRoot: courseEditing ? coursesRoot : nil, logger: logger)
        routes = app.routes
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 4
        configure(&configuration)
        app.wire(&configuration)
        server = HTTPServer(configuration: configuration, logger: logger, handler: app.handle)
        try server.start()
        client = RawHTTPClient(port: server.port)
    }

    deinit {
        server.stop(grace: 1)
        try? database.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A browser-like client signed in as `login` through the login form.
    func signIn(_ login: String, password: String = TestApp.password) throws -> Browser {
        var browser = Browser(client: client)
        try browser.signIn(login, password: password)
        return browser
    }

    /// The NIP of the employee behind a demo login.
    func nip(of login: String) throws -> String {
        try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT e.nip FROM employees e JOIN users u ON u.employee_id = e.id WHERE u.login = ?",
                                arguments: [login])!
        }
    }
}
