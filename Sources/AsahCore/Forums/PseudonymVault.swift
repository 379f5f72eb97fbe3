import CSodium
import Foundation

/// Keeps the link between a pseudonymous post and its author out of reach of anyone holding
/// only the database file. The 64-byte key lives in a file beside the database
/// (`<database>.forum-key`, made once, see ``PseudonymKey``; owner read/write only); the database
/// keeps
/// - a keyed hash (HMAC-SHA-256) of (account, thread), so the server recognises an author in
///   their own thread (to let them edit, appeal and keep one pseudonym) without storing who
///   they are, and
/// - the account id sealed with XSalsa20-Poly1305 (libsodium's secretbox), opened only to
///   notify the author and by the deliberate reveal command, and
/// - apart from the pseudonyms, per pseudonym an owner record: a keyed hash of the account
///   beside the sealed (thread, number), so a person's own pseudonyms are found without
///   opening everyone's seals, while nothing in the database ties two pseudonyms together.
///
/// Losing the key file makes existing pseudonyms unrecognisable (authors can no longer edit
/// them); back it up with the database but store it apart.
public struct PseudonymVault: Sendable {
    private let sealKey: [UInt8]
    private let hashKey: [UInt8]

    static let ready: Bool = sodium_init() >= 0
    private static let cache = VaultCache()

    /// A vault with the given 64 key bytes (tests; use ``forDatabase(at:)`` otherwise).
    public init(key: [UInt8]) {
        precondition(key.count == 64, "a pseudonym key has 64 bytes")
        precondition(Self.ready, "libsodium failed to initialise")
        sealKey = Array(key[0..<32])
        hashKey = Array(key[32..<64])
    }

    /// The vault of the database at `path`. Its key file must exist (see ``PseudonymKey``):
    /// a vault is never made with a new key behind the database's back.
    public static func forDatabase(at path: String) throws -> PseudonymVault {
        try cache.vault(for: PseudonymKey.path(forDatabaseAt: path))
    }

    /// The vault of `database`.
    public static func of(_ database: AppDatabase) throws -> PseudonymVault {
        try forDatabase(at: database.path)
    }

    /// The vault of the database at `path` when its key file exists (a migration must not
    /// create one: without the old key nothing sealed could be opened anyway).
    static func existing(at path: String) throws -> PseudonymVault? {
        FileManager.default.fileExists(atPath: PseudonymKey.path(forDatabaseAt: path)) ? try forDatabase(at: path) : nil
    }

    /// The author's tag inside one thread: equal for the same person and thread, unrelated
    /// between threads.
    public func authorTag(userId: Int64, threadId: Int64) -> Data {
        mac("thread:\(threadId):user:\(userId)")
    }

    /// The tag under which a person's own pseudonyms are found (``sealPseudonym(threadId:number:)``).
    public func ownerTag(userId: Int64) -> Data {
        mac("user:\(userId)")
    }

    /// `userId` sealed: a fresh nonce followed by the ciphertext.
    public func seal(userId: Int64) -> Data {
        seal(String(userId))
    }

    /// The account id in `sealed`, or `nil` when it was sealed with another key or altered.
    public func open(_ sealed: Data) -> Int64? {
        open(text: sealed).flatMap { Int64($0) }
    }

    /// The pseudonym `number` of `threadId` sealed, for its owner record.
    public func sealPseudonym(threadId: Int64, number: Int) -> Data {
        seal("\(threadId):\(number)")
    }

    /// The thread and pseudonym number in a sealed owner record, or `nil` when it does not open.
    public func openPseudonym(_ sealed: Data) -> (threadId: Int64, number: Int)? {
        guard let parts = open(text: sealed)?.split(separator: ":"), parts.count == 2,
              let threadId = Int64(parts[0]), let number = Int(parts[1]) else { return nil }
        return (threadId, number)
    }

    /// `text` sealed (the primitive the formats above use; migrations name their formats themselves).
    func seal(_ text: String) -> Data {
        var nonce = [UInt8](repeating: 0, count: Int(crypto_secretbox_noncebytes()))
        randombytes_buf(&nonce, nonce.count)
        let message = Array(text.utf8)
        var box = [UInt8](repeating: 0, count: message.count + Int(crypto_secretbox_macbytes()))
        _ = crypto_secretbox_easy(&box, message, UInt64(message.count), nonce, sealKey)
        return Data(nonce + box)
    }

    /// The text in `sealed`, or nil (the primitive the readers above use).
    func open(text sealed: Data) -> String? {
        let bytes = [UInt8](sealed)
        let nonceCount = Int(crypto_secretbox_noncebytes()), macCount = Int(crypto_secretbox_macbytes())
        guard bytes.count > nonceCount + macCount else { return nil }
        let nonce = Array(bytes[0..<nonceCount]), box = Array(bytes[nonceCount...])
        var message = [UInt8](repeating: 0, count: box.count - macCount)
        guard crypto_secretbox_open_easy(&message, box, UInt64(box.count), nonce, sealKey) == 0 else { return nil }
        return String(decoding: message, as: UTF8.self)
    }

    /// The keyed hash of `text` (the primitive the tags above use).
    func mac(_ text: String) -> Data {
        var out = [UInt8](repeating: 0, count: Int(crypto_auth_hmacsha256_bytes()))
        let bytes = Array(text.utf8)
        var state = crypto_auth_hmacsha256_state()
        _ = crypto_auth_hmacsha256_init(&state, hashKey, hashKey.count)
        _ = crypto_auth_hmacsha256_update(&state, bytes, UInt64(bytes.count))
        _ = crypto_auth_hmacsha256_final(&state, &out)
        return Data(out)
    }
}

/// Vaults by key file path, so the key is read once per process.
private final class VaultCache: @unchecked Sendable {
    private let lock = NSLock()
    private var vaults: [String: PseudonymVault] = [:]

    func vault(for path: String) throws -> PseudonymVault {
        try lock.withLock {
            if let vault = vaults[path] { return vault }
            let vault = PseudonymVault(key: try PseudonymKey.read(at: path))
            vaults[path] = vault
            return vault
        }
    }
}
