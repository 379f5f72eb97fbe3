/// The agency's directory as sign-in asks it: does this password belong to the person with this
/// NIP or user name, and which NIP is theirs? The password is sent to the directory (a bind as
/// the person) and never kept.
public struct Directory: Sendable {
    /// What the directory said about a sign-in.
    public enum Outcome: Equatable, Sendable {
        /// The password is the person's; their entry's NIP attribute holds `nip`.
        case verified(nip: String)
        /// The directory knows nobody (or more than one entry) by that name.
        case unknownPerson
        /// The person is known and the password is not theirs.
        case wrongPassword
        /// Not reached in time, TLS failed, or the search account was refused.
        case unavailable
    }

    public let settings: DirectorySettings

    public init(settings: DirectorySettings) {
        self.settings = settings
    }

    /// Checks `password` for the person signing in as `login` (a NIP or directory user name).
    public func check(login: String, password: String) -> Outcome {
        // An empty password is an "unauthenticated bind", which directories accept for any DN.
        guard !password.isEmpty, !login.isEmpty else { return .wrongPassword }
        guard let connection = LDAPConnection(settings) else { return .unavailable }
        defer { connection.close() }
        if settings.userDN.isEmpty {
            return search(login: login, password: password, on: connection)
        }
        let dn = settings.userDN.replacingOccurrences(of: "{login}", with: LDAPEscaping.dnValue(login))
        switch connection.bind(dn: dn, password: password) {
        // Binding straight to a DN cannot tell an unknown person from a wrong password.
        case .refused: return .unknownPerson
        case .failed: return .unavailable
        case .bound:
            guard case .found(_, let nip?) = connection.entry(base: dn, subtree: false, filter: "(objectClass=*)",
                                                             attribute: settings.nipAttribute)
            else { return .unknownPerson }
            return .verified(nip: nip)
        }
    }

    /// The search account finds the person's entry, then binds as it with `password`.
    private func search(login: String, password: String, on connection: LDAPConnection) -> Outcome {
        if !settings.bindDN.isEmpty, connection.bind(dn: settings.bindDN, password: settings.bindPassword) != .bound {
            return .unavailable
        }
        let filter = settings.userFilter.replacingOccurrences(of: "{login}", with: LDAPEscaping.filterValue(login))
        switch connection.entry(base: settings.baseDN, subtree: true, filter: filter, attribute: settings.nipAttribute) {
        case .failed: return .unavailable
        case .none, .found(_, nil): return .unknownPerson
        case .found(let dn, let nip?):
            switch connection.bind(dn: dn, password: password) {
            case .bound: return .verified(nip: nip)
            case .refused: return .wrongPassword
            case .failed: return .unavailable
            }
        }
    }
}

extension Directory.Outcome {
    /// Whether the directory accepted the password.
    var isVerified: Bool {
        if case .verified = self { true } else { false }
    }

    /// The outcome's name in the audit log.
    var name: String {
        switch self {
        case .verified: "verified"
        case .unknownPerson: "unknown_person"
        case .wrongPassword: "wrong_password"
        case .unavailable: "unavailable"
        }
    }
}
