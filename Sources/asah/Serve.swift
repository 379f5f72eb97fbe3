import ArgumentParser
import AsahCore
import AsahWeb
import CMalloc
import Foundation
import HTTPServer
import Logging

/// `asah serve`: migrates the database and serves the web application until SIGINT/SIGTERM.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web application.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port: UInt16 = 8080
    @Option(help: "Folder with CSS, scripts and images.") var staticRoot = "static"
    @Option(help: "Folder with the course catalogue files (synced at start; coordinators edit them in the browser).") var courses = "courses"
    @Option(help: "Folder with the user manual (Markdown pages and their screenshots).") var manual = "docs/panduan"
    @Option(help: "Worker threads (default: twice the cores).") var threads: Int?
    @Option(help: "Largest request body in bytes.") var maxBody = 8 * 1024 * 1024
    @Option(help: "Largest request body in bytes before sign-in (no valid session or token).")
    var maxAnonymousBody = 64 * 1024
    @Option(help: ArgumentHelp("Most connections at once from one client address (0: no limit).",
                               discussion: "Behind a reverse proxy every client shares the proxy's address: raise it or set 0 there."))
    var perAddressConnections: UInt32 = ServerConfiguration().perAddressConnectionLimit
    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "A reverse proxy (address or CIDR network) whose X-Forwarded-For and X-Forwarded-Proto are believed; repeatable.",
        discussion: """
            Off by default. Requests from other peers have those headers ignored. The per-address connection limit is applied \
            when a connection is accepted, to the proxy's address: let the proxy limit its clients.
            """))
    var trustedProxies: [String] = []
    @Option(help: "PEM private key for HTTPS.") var tlsKey: String?
    @Option(help: "PEM certificate for HTTPS.") var tlsCert: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "info"
    @Option(help: "Seconds a signed-in page may be reused while nothing was written (0: off).") var pageCacheSeconds: Int64 = 10
    @Option(help: "Months after a run ends when its behaviour checks (evaluation level 3) open.") var behaviourCheckMonths = 3
    @Option(help: ArgumentHelp("Bearer token that may read /metrics from another machine (loopback needs none).",
                               discussion: "Also read from the ASAH_METRICS_TOKEN environment variable, which keeps it out of `ps`."))
    var metricsToken: String?
    @Option(help: ArgumentHelp("SMTP server for notifications by e-mail: smtp://host:587 (STARTTLS) or smtps://host:465.",
                               discussion: "The password is read from ASAH_SMTP_PASSWORD. Without this option no e-mail is sent."))
    var smtpURL: String?
    @Option(help: "Sender address of the e-mails.") var smtpFrom = "asah@localhost"
    @Option(help: "SMTP login name, if the server asks for one.") var smtpUser: String?
    @Flag(help: "Send without encryption when the server offers none (only for a mail server on this machine).")
    var smtpAllowPlain = false
    @Option(help: ArgumentHelp("The address people reach Asah at (https://asah.pemda.go.id), for e-mail links and certificate QR codes.",
                               discussion: "A default: the public address saved in the agency settings (/admin/agency) wins."))
    var publicURL: String?
    @Option(help: "Seconds between e-mail sending rounds.") var emailInterval: Double = 30
    @Option(help: ArgumentHelp("JSON file with the agency's LDAP / Active Directory for sign-in (off without it).",
                               discussion: "Owner read/write only (chmod 600): it holds the search account's password. See README."))
    var directoryConfig: String?
    @Flag(help: ArgumentHelp("Run the server as a child process and restart it when it crashes.",
                             discussion: "Gives up after 5 crashes within 60 s. Not needed under systemd (Restart=on-failure)."))
    var supervise = false

    func run() throws {
        if supervise {
            let executable = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            let arguments = CommandLine.arguments.dropFirst().filter { $0 != "--supervise" }
            throw ExitCode(Supervisor(executable: executable, arguments: Array(arguments)).run())
        }
        let signals = SignalWaiter(blocking: [SIGINT, SIGTERM])
        // A file-size limit reached must fail the write (SQLite reports it), not kill the server.
        signal(SIGXFSZ, SIG_IGN)
        // At most two malloc arenas (glibc allows eight per core): the worker threads then share
        // them, and the memory of a burst of evaluation computations is not left spread over
        // many half-empty arenas (peak RSS on province data 119 MB to about 100 MB).
        mallopt(M_ARENA_MAX, 2)
        // Blocks from 64 KB up (a rendered page, a report's rows) get pages of their own, given
        // back to the system when freed, instead of leaving holes between the caches' small
        // blocks, and free memory over 1 MB at the heap's top is given back. glibc would raise
        // both after the first large block is freed (up to 32 and 64 MB); set, they stay.
        // Peak RSS over the province mixed workload: 143 MB to 134 MB, at the same speed.
        mallopt(M_MMAP_THRESHOLD, 64 * 1024)
        mallopt(M_TRIM_THRESHOLD, 1024 * 1024)
        var logger = Logger(label: "asah")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let started = Date()
        if let publicURL, PublicAddress.normalised(publicURL) == nil {
            throw ValidationError("--public-url takes an http or https address such as https://asah.pemda.go.id")
        }
        let directory = try directoryConfig.map { path throws(ValidationError) in
            do throws(DirectorySettings.Problem) { return try DirectorySettings.load(path: path) } catch {
                throw ValidationError(error.description)
            }
        }
        let appDatabase = try AppDatabase(path: database.db)
        try KeyFileStep.prepare(appDatabase)
        if FileManager.default.fileExists(atPath: courses) {
            CatalogueOutput.print(try CatalogueSync(database: appDatabase).sync(folder: courses))
        }
        let app = try AsahApp(database: appDatabase, staticRoot: staticRoot, pageCacheSeconds: pageCacheSeconds,
                              anonymousBodyBytes: maxAnonymousBody,
                              metricsToken: metricsToken ?? ProcessInfo.processInfo.environment["ASAH_METRICS_TOKEN"],
                              publicURL: publicURL, manualRoot: manual, directory: directory,
                              coursesRoot: FileManager.default.fileExists(atPath: courses) ? courses : nil, logger: logger)
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxBodyBytes = maxBody
        app.wire(&configuration)
        configuration.perAddressConnectionLimit = perAddressConnections
        guard let proxies = TrustedProxies(trustedProxies) else {
            throw ValidationError("--trusted-proxy takes an IP address or a CIDR network such as 10.0.0.0/8")
        }
        configuration.trustedProxies = proxies
        if let threads { configuration.threads = threads }
        if let tlsKey, let tlsCert {
            configuration.tlsKeyPEM = try String(contentsOfFile: tlsKey, encoding: .utf8)
            configuration.tlsCertificatePEM = try String(contentsOfFile: tlsCert, encoding: .utf8)
        } else if tlsKey != nil || tlsCert != nil {
            throw ValidationError("--tls-key and --tls-cert go together")
        }
        var httpLogger = logger
        httpLogger.logLevel = logger.logLevel
        let server = HTTPServer(configuration: configuration, logger: httpLogger, handler: app.handle)
        try server.start()
        let sweep = PeriodicSweep(database: appDatabase, behaviourCheckMonths: behaviourCheckMonths, logger: logger)
        sweep.start()
        let email = smtpURL.map { url in
            var settings = EmailDispatch.Settings(url: url, from: smtpFrom)
            settings.username = smtpUser
            settings.password = ProcessInfo.processInfo.environment["ASAH_SMTP_PASSWORD"]
            settings.requireTLS = !smtpAllowPlain
            settings.publicURL = publicURL
            return app.emailDispatch(settings)
        }
        email?.start(interval: max(1, emailInterval))
        let scheme = configuration.usesTLS ? "https" : "http"
        let elapsed = Int(Date().timeIntervalSince(started) * 1000)
        print("Asah listening on \(scheme)://\(host):\(server.port) (database \(database.db), ready in \(elapsed) ms)")
        fflush(nil)
        let signal = signals.wait()
        print("Received signal \(signal): finishing requests in flight and stopping.")
        sweep.stop()
        email?.stop()
        server.stop()
        try appDatabase.close()
        print("Stopped cleanly.")
    }
}
