import CLDAP
import Foundation

/// One connection to an LDAP server through OpenLDAP's libldap, with the settings' timeouts on
/// connecting and on every operation; used by one sign-in and closed.
final class LDAPConnection {
    /// How a bind ended.
    enum Bind: Equatable {
        case bound
        /// Wrong DN or password.
        case refused
        /// The server could not be asked.
        case failed
    }

    /// What a search for exactly one entry found.
    enum Search: Equatable {
        case found(dn: String, value: String?)
        /// No entry, or more than one.
        case none
        case failed
    }

    private let handle: OpaquePointer
    private let timeout: timeval

    /// Connects (with StartTLS when asked); nil when the server cannot be reached.
    init?(_ settings: DirectorySettings) {
        var handle: OpaquePointer?
        guard ldap_initialize(&handle, settings.url) == LDAP_SUCCESS, let handle else { return nil }
        self.handle = handle
        timeout = timeval(tv_sec: settings.timeoutSeconds, tv_usec: 0)
        var version = LDAP_VERSION3, seconds = timeout
        ldap_set_option(handle, LDAP_OPT_PROTOCOL_VERSION, &version)
        ldap_set_option(handle, LDAP_OPT_REFERRALS, nil)
        ldap_set_option(handle, LDAP_OPT_NETWORK_TIMEOUT, &seconds)
        ldap_set_option(handle, LDAP_OPT_TIMEOUT, &seconds)
        if settings.startTLS, ldap_start_tls_s(handle, nil, nil) != LDAP_SUCCESS {
            close()
            return nil
        }
    }

    /// A simple bind as `dn`.
    func bind(dn: String, password: String) -> Bind {
        var bytes = Array(password.utf8)
        guard !bytes.isEmpty else { return .refused }  // an unauthenticated bind proves nothing
        let code = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                var credential = berval(bv_len: ber_len_t(buffer.count), bv_val: characters)
                return asah_ldap_simple_bind(handle, dn, &credential)
            }
        }
        switch code {
        case LDAP_SUCCESS: return .bound
        case LDAP_INVALID_CREDENTIALS, LDAP_INVALID_DN_SYNTAX, LDAP_UNWILLING_TO_PERFORM, LDAP_INAPPROPRIATE_AUTH: return .refused
        default: return .failed
        }
    }

    /// The one entry under `base` matching `filter`, with the first value of `attribute`.
    func entry(base: String, subtree: Bool, filter: String, attribute: String) -> Search {
        var result: OpaquePointer?
        defer { if result != nil { ldap_msgfree(result) } }
        var wait = timeout
        let code = attribute.withCString { name in
            var attributes: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: name), nil]
            return ldap_search_ext_s(handle, base, subtree ? LDAP_SCOPE_SUBTREE : LDAP_SCOPE_BASE, filter, &attributes,
                                     0, nil, nil, &wait, 2, &result)
        }
        switch code {
        case LDAP_SUCCESS: break
        case LDAP_SIZELIMIT_EXCEEDED, LDAP_NO_SUCH_OBJECT, LDAP_FILTER_ERROR: return .none
        default: return .failed
        }
        guard ldap_count_entries(handle, result) == 1, let entry = ldap_first_entry(handle, result),
              let dnPointer = ldap_get_dn(handle, entry)
        else { return .none }
        let dn = String(cString: dnPointer)
        ldap_memfree(dnPointer)
        guard let values = ldap_get_values_len(handle, entry, attribute) else { return .found(dn: dn, value: nil) }
        defer { ldap_value_free_len(values) }
        guard let first = values[0], let bytes = first.pointee.bv_val else { return .found(dn: dn, value: nil) }
        let value = String(decoding: UnsafeRawBufferPointer(start: bytes, count: Int(first.pointee.bv_len)), as: UTF8.self)
        return .found(dn: dn, value: value)
    }

    /// Ends the connection.
    func close() {
        ldap_unbind_ext_s(handle, nil, nil)
    }
}
