import AsahCore
import Logging

/// The long-lived objects handlers use, created once when the app starts.
struct Services: Sendable {
    let database: AppDatabase
    let sessions: SessionStore
    let authenticator: Authenticator
    let tokens: APITokens
    let accounts: Accounts
    /// Each person's notifications, named and to their pseudonyms.
    let notifications: Notifications
    let views: Views
    let messages: MessageCatalogue
    let logger: Logger
    /// Who recent session cookies and tokens belong to.
    let identities: IdentityCache
    /// Recent answers to signed-in GET requests.
    let pages: PageCache
    /// The coordinator's evaluation figures, kept per data version.
    let figures: EvaluationFigures
    /// The plain login page per language, with each visitor's CSRF token put in.
    let loginPages = LoginPageCache()
    /// The unit tree for filters (``UnitOptions``).
    let unitTree: TimedCache<[UnitTreeEntry]>
    /// Requests and installation state for `/metrics`.
    let metrics: RequestMetrics
    /// `asah serve --public-url`: the public address while the agency settings name none.
    let publicURL: String?
    /// `asah serve --courses`: the catalogue folder the course editor writes (nil: editing off).
    let coursesRoot: String?
    /// Posts as every reader but their authors and the moderators sees them (``PostFragments``).
    let postFragments = PostFragments.cache()
    /// Thread rows of the forum lists, the same for every reader (``ThreadRows``).
    let threadRows = ThreadRows.cache()
    /// Course cards of the catalogue, the same for every reader (``CatalogueCards``).
    let catalogueCards = CatalogueCards.cache()
    /// Rows of the JP compliance table, the same for every coordinator (``ComplianceRows``).
    let complianceRows = ComplianceRows.cache()
    /// Forum search hit lists, the same for everyone who asks the same (``SearchHits``).
    let searchHits = SearchHits.cache()
    /// Who sent the public feedback form lately, in memory only (``FeedbackRateLimit``).
    let feedbackLimit = FeedbackRateLimit()
}
