import Foundation

/// How Asah reaches the agency's LDAP / Active Directory to check sign-in passwords, read from a
/// JSON file only the server's account may read (it holds the search account's password).
public struct DirectorySettings: Sendable, Equatable, Decodable {
    /// `ldap://host:389` or `ldaps://host:636`.
    public var url: String
    /// Upgrade an `ldap://` connection with StartTLS before sending any password.
    public var startTLS = false
    /// Where people are searched for.
    public var baseDN = ""
    /// The account that searches (empty: an anonymous search), and its password.
    public var bindDN = ""
    public var bindPassword = ""
    /// The search for the person signing in; `{login}` is replaced by the typed NIP or user
    /// name, escaped (RFC 4515).
    public var userFilter = "(|(employeeNumber={login})(uid={login}))"
    /// Instead of a search, bind straight to this DN (`{login}` escaped per RFC 4514), e.g.
    /// `uid={login},ou=people,dc=bkpsdm,dc=go,dc=id`.
    public var userDN = ""
    /// The attribute holding the person's NIP, which links the entry to the Asah account.
    public var nipAttribute = "employeeNumber"
    /// Seconds allowed for connecting and for each directory operation.
    public var timeoutSeconds = 5
    /// Refuse local passwords for every account (otherwise they work for people the directory
    /// does not know, like the Asah admin, and when the directory cannot be reached).
    public var directoryOnly = false

    enum CodingKeys: String, CodingKey {
        case url, startTLS = "start_tls", baseDN = "base_dn", bindDN = "bind_dn", bindPassword = "bind_password"
        case userFilter = "user_filter", userDN = "user_dn", nipAttribute = "nip_attribute"
        case timeoutSeconds = "timeout_seconds", directoryOnly = "directory_only"
    }

    public init(url: String) {
        self.url = url
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        var settings = DirectorySettings(url: try values.decode(String.self, forKey: .url))
        settings.startTLS = try values.decodeIfPresent(Bool.self, forKey: .startTLS) ?? settings.startTLS
        settings.baseDN = try values.decodeIfPresent(String.self, forKey: .baseDN) ?? settings.baseDN
        settings.bindDN = try values.decodeIfPresent(String.self, forKey: .bindDN) ?? settings.bindDN
        settings.bindPassword = try values.decodeIfPresent(String.self, forKey: .bindPassword) ?? settings.bindPassword
        settings.userFilter = try values.decodeIfPresent(String.self, forKey: .userFilter) ?? settings.userFilter
        settings.userDN = try values.decodeIfPresent(String.self, forKey: .userDN) ?? settings.userDN
        settings.nipAttribute = try values.decodeIfPresent(String.self, forKey: .nipAttribute) ?? settings.nipAttribute
        settings.timeoutSeconds = try values.decodeIfPresent(Int.self, forKey: .timeoutSeconds) ?? settings.timeoutSeconds
        settings.directoryOnly = try values.decodeIfPresent(Bool.self, forKey: .directoryOnly) ?? settings.directoryOnly
        self = settings
    }

    /// Why a settings file cannot be used.
    public enum Problem: Error, Equatable, Sendable {
        case unreadable(path: String, reason: String)
        /// Group or others may read the file (its permission bits are given in octal).
        case readableByOthers(path: String, mode: String)
        case invalid(path: String, field: String)
    }

    /// The settings in the JSON file at `path`, which only its owner may read or write.
    public static func load(path: String) throws(Problem) -> DirectorySettings {
        let attributes: [FileAttributeKey: Any]
        let data: Data
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else { throw .readableByOthers(path: path, mode: String(mode, radix: 8)) }
        let settings: DirectorySettings
        do {
            settings = try JSONDecoder().decode(DirectorySettings.self, from: data)
        } catch {
            throw .unreadable(path: path, reason: String(describing: error))
        }
        if let field = settings.invalidField { throw .invalid(path: path, field: field) }
        return settings
    }

    /// The first setting that cannot work, by its key in the file.
    var invalidField: String? {
        let lowered = url.lowercased()
        if !(lowered.hasPrefix("ldap://") || lowered.hasPrefix("ldaps://")) { return CodingKeys.url.rawValue }
        if startTLS && lowered.hasPrefix("ldaps://") { return CodingKeys.startTLS.rawValue }
        if userDN.isEmpty && !userFilter.contains("{login}") { return CodingKeys.userFilter.rawValue }
        if !userDN.isEmpty && !userDN.contains("{login}") { return CodingKeys.userDN.rawValue }
        if userDN.isEmpty && baseDN.isEmpty { return CodingKeys.baseDN.rawValue }
        if bindDN.isEmpty != bindPassword.isEmpty { return CodingKeys.bindPassword.rawValue }
        if nipAttribute.isEmpty || !nipAttribute.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            return CodingKeys.nipAttribute.rawValue
        }
        if !(1...60).contains(timeoutSeconds) { return CodingKeys.timeoutSeconds.rawValue }
        return nil
    }
}
