/// Who a post shows as: the author's display name for a named post, the thread's pseudonym
/// number otherwise, and nothing else about the author. The reader's language words a
/// pseudonym ("Pegawai #3", "Employee #3").
public enum PostAuthor: Hashable, Sendable {
    /// A post by name.
    case named(String)
    /// A post under the thread's pseudonym number `n`.
    case pseudonym(Int)
    /// A named post whose account is gone.
    case unknown

    /// The pseudonym when there is one, else the display name, else unknown.
    init(pseudonym: Int?, name: String?) {
        if let pseudonym { self = .pseudonym(pseudonym) } else if let name { self = .named(name) } else { self = .unknown }
    }
}
