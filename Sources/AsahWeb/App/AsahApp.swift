import AsahCore
import Foundation
import HTTPServer
import Logging

/// The Asah web application: every feature's routes behind one authentication, permission and
/// CSRF check, answering through the HTTP layer's router.
public final class AsahApp: Sendable {
    public let routes: [RouteSpec]
    let services: Services
    let router: Router
    let authentication: Authentication
    /// The largest body accepted from a request that carries no valid session or token.
    let anonymousBodyBytes: Int

    /// - Parameters:
    ///   - database: the opened, migrated database.
    ///   - staticRoot: the folder with CSS, scripts and images.
    ///   - pageCacheSeconds: how long a signed-in GET answer may be reused while nothing was
    ///     written (0 turns the page cache off).
    ///   - anonymousBodyBytes: the largest body accepted before sign-in (the sign-in form is tiny).
    ///   - metricsToken: the bearer token that may read `/metrics` from another machine.
    ///   - publicURL: the address people reach Asah at, used while the agency settings name none.
    ///   - manualRoot: the folder of the user manual (Markdown pages and their screenshots).
    ///   - coursesRoot: the catalogue folder coordinators edit in the browser (the one synced at
    ///     start); nil leaves course files to be edited on the server only.
    ///   - directory: the agency's LDAP / Active Directory that checks sign-in passwords (nil: local passwords only).
    public init(database: AppDatabase, staticRoot: String, sessionPolicy: SessionPolicy = SessionPolicy(),
                pageCacheSeconds: Int64 = 10, anonymousBodyBytes: Int = 64 * 1024, metricsToken: String? = nil,
                publicURL: String? = nil, manualRoot: String = "docs/panduan", directory: DirectorySettings? = nil,
                coursesRoot: String? = nil, logger: Logger = Logger(label: "asah")) throws {
        self.anonymousBodyBytes = anonymousBodyBytes
        let sessions = SessionStore(database: database, policy: sessionPolicy)
        var authenticator = Authenticator(database: database, sessions: sessions)
        authenticator.directory = directory.map(Directory.init)
        let messages = try MessageCatalogue()
        let services = Services(
            database: database, sessions: sessions,
            authenticator: authenticator,
            tokens: APITokens(database: database), accounts: Accounts(database: database),
            notifications: try Notifications(database: database),
            views: try Views(messages: messages), messages: messages, logger: logger,
            identities: IdentityCache(lifetime: sessionPolicy.cacheSeconds),
            pages: PageCache(lifetime: pageCacheSeconds, changes: database.changes),
            figures: EvaluationFigures(database: database),
            unitTree: TimedCache(lifetime: 10, changes: database.changes), metrics: RequestMetrics(token: metricsToken),
            publicURL: publicURL.flatMap(PublicAddress.normalised), coursesRoot: coursesRoot)
        self.services = services
        let features: [any Feature] = [
            SystemFeature(staticFiles: StaticFiles(root: staticRoot)), SessionFeature(), DashboardFeature(),
            ManualFeature(manual: UserManual(folder: manualRoot)),
            PeopleFeature(), PersonSuggestionsFeature(), CourseRecordsFeature(), TeamFeature(), ImportFeature(), AccountFeature(), AdminFeature(), ActivationFeature(), MeAPI(),
            CatalogueFeature(), CourseEditFeature(), RunsFeature(), ApprovalsFeature(), MyTrainingFeature(), AttendanceFeature(),
            CertificatesFeature(), AgencyFeature(), EmploymentRulesFeature(), EmployeeEditFeature(), UnitsFeature(), TrainingHoursFeature(),
            CalendarFeature(), CalendarSubscriptionFeature(), TeachingFeature(),
            ForumsFeature(),
            ProjectsFeature(),
            AppraisalsFeature(), SurveyFeature(), RunEvaluationFeature(), BehaviourFeature(), NeedsFeature(),
            ImpactDashboard(), ImpactAPI(), ProgrammesFeature(), OnlineTestFeature(),
            PublicFeedbackFeature(), FeedbackUnitsFeature(),
        ]
        routes = features.flatMap { $0.routes() }
        let notFound: Handler = { request in
            Self.context(for: request, services: services, identity: nil).notFound()
        }
        router = Router(notFound: notFound, methodNotAllowed: { request, _ in
            Self.context(for: request, services: services, identity: nil).error(405, "error_method_not_allowed")
        })
        let authentication = Authentication(services: services)
        self.authentication = authentication
        for spec in routes {
            router.add(spec.method, spec.pattern, Self.guarded(spec, services: services, authentication: authentication))
        }
    }

    /// The sender of notifications by e-mail through `settings`' server (start it to run).
    public func emailDispatch(_ settings: EmailDispatch.Settings) -> EmailDispatch {
        var settings = settings
        settings.publicURL = settings.publicURL ?? services.publicURL
        return EmailDispatch(database: services.database, settings: settings, messages: services.messages, logger: services.logger)
    }

    /// Answers one request (hand this to `HTTPServer`), in the installation's time zone.
    public func handle(_ request: Request) -> Response {
        services.database.withLocalZone { router.handle(request) }
    }

    /// The largest body accepted for a request, given its headers (hand this to
    /// `ServerConfiguration.bodyLimit`): the server's limit for a valid session or token, else
    /// `anonymousBodyBytes`, so nobody holds megabytes in memory before sign-in and CSRF are
    /// checked. The identity is cached, so the handler's own check costs nothing more.
    func bodyLimit(for request: Request) -> Int {
        authentication.identify(request) == nil ? anonymousBodyBytes : .max
    }

    /// Hands the application's answers for what the HTTP layer refuses on its own (a body over
    /// its limit, a path, framing or multipart body that cannot be read) and the body limits to
    /// `configuration`.
    public func wire(_ configuration: inout ServerConfiguration) {
        configuration.payloadTooLarge = payloadTooLarge
        configuration.badRequest = badRequest
        configuration.bodyLimit = bodyLimit
    }

    /// The answer to a request the HTTP layer refused before any handler: the error page or
    /// JSON error, in the person's language (read from the language cookie: the request may be
    /// too broken to look a session up for).
    func badRequest(_ request: Request, _ reason: BadRequest) -> Response {
        let context = Self.context(for: request, services: services, identity: nil)
        switch reason {
        case .target: return context.error(400, "error_bad_target", code: "bad_request")
        case .framing: return context.error(400, "error_bad_framing", code: "bad_request")
        case .multipart: return context.error(400, "error_bad_multipart", code: "bad_request")
        }
    }

    /// The answer to a request whose body went over the server's `limit` in bytes: the error
    /// page or JSON error, in the person's language.
    func payloadTooLarge(_ request: Request, limit: Int) -> Response {
        let identity = authentication.identify(request)
        let context = Self.context(for: request, services: services, identity: identity)
        guard identity != nil else {
            return context.error(413, "error_body_too_large_anonymous", code: "payload_too_large",
                                 values: ["kb": String(max(1, limit / 1024))])
        }
        return context.error(413, "error_body_too_large", code: "payload_too_large",
                             values: ["mb": String(max(1, limit / (1024 * 1024)))])
    }

    static func context(for request: Request, services: Services, identity: Authentication.Identity?) -> Context {
        let locale = identity?.principal.locale ?? request.cookies[LanguageCookie.name]
        return Context(request: request, principal: identity?.principal, session: identity?.session,
                       menuCounts: identity?.menuCounts ?? MenuCounts(),
                       localizer: services.messages.localizer(locale), services: services)
    }

    /// The method and path of a request as they may go into a log line.
    private static func logged(_ request: Request) -> String {
        LogText.escaped("\(request.method) \(request.path)")
    }

    /// Wraps a route's handler with sign-in, permission and CSRF checks.
    private static func guarded(_ spec: RouteSpec, services: Services, authentication: Authentication) -> Handler {
        let needsIdentity = spec.access != .anyone || spec.method.isUnsafe || spec.kind == .page
        let route = "\(spec.method) \(spec.pattern)"
        return { request in
            let started = ContinuousClock.now
            let response = answer(spec, request, services: services, authentication: authentication, needsIdentity: needsIdentity)
            services.metrics.record(route: route, status: response.status, duration: ContinuousClock.now - started)
            return response
        }
    }

    /// The answer of `spec`'s handler to `request`, or the refusal of the checks before it.
    private static func answer(_ spec: RouteSpec, _ request: Request, services: Services, authentication: Authentication,
                               needsIdentity: Bool) -> Response {
        let identity = needsIdentity && !request.path.hasPrefix("/static/") ? authentication.identify(request) : nil
        let context = Self.context(for: request, services: services, identity: identity)
        if case .signedIn(let permission) = spec.access {
            guard let principal = identity?.principal else {
                if spec.kind == .api { return context.error(401, "error_sign_in_required") }
                return .redirect(to: "/login?next=" + URLEncoding.component(request.path))
            }
            guard Policy.allows(principal, permission) else { return context.forbidden() }
        }
        if request.method.isUnsafe, let answer = context.unreadableFormAnswer() { return answer }
        guard CSRF.isValid(request, session: identity?.session, viaBearer: identity?.viaBearer ?? false) else {
            if spec.kind == .api, identity == nil, request.method != .delete, !CSRF.isJSON(request) {
                // Without a session only JSON is taken; say so rather than "form expired".
                return APIError.response(status: 415, code: "unsupported_media_type", message: context.localizer.t("error_json_required"))
            }
            return context.error(403, "error_csrf", code: "csrf")
        }
        do {
            guard request.method == .get, spec.access != .anyone, services.pages.isEnabled,
                  let identity else { return try spec.handler(context) }
            let key = PageCache.key(identity: identity.key, locale: context.localizer.locale, request: request)
            return try services.pages.answer(for: key) { try spec.handler(context) }
        } catch let failure as HTTPFailure {
            return failure.response
        } catch where StorageFailure.matches(error) {
            services.logger.critical("\(Self.logged(request)): the database cannot be written: \(LogText.escaped("\(error)"))")
            var response = context.error(503, "error_storage_unavailable", code: "storage_unavailable")
            response.headers.set("Retry-After", "30")
            return response
        } catch {
            services.logger.error("\(Self.logged(request)) failed: \(LogText.escaped("\(error)"))")
            return context.error(500, "error_internal")
        }
    }
}
