import AsahCore

/// Who may call a route: anyone, or a signed-in user holding a permission.
public enum Access: Sendable, Equatable {
    case anyone
    case signedIn(Permission)
}

/// Whether a route answers people (HTML) or programs (JSON under `/api/v1`).
public enum RouteKind: Sendable {
    case page, api
}
