import CSodium
import Dispatch

/// Hashes passwords with Argon2id (libsodium's `crypto_pwhash_str`), memory-hard so a stolen
/// database does not give passwords away cheaply. The hash string carries its own parameters.
///
/// Parameters: 19 MiB of memory and 2 passes, the OWASP Password Storage Cheat Sheet's
/// configuration for Argon2id. Each hash or check holds that memory while it runs, so at
/// most two run at once (a burst of logins waits instead of taking a gigabyte); hashes made
/// with other parameters still verify and are replaced at the next login (``needsRehash(_:)``).
public enum PasswordHasher {
    private static let ready: Bool = sodium_init() >= 0
    private static let memory = 19 * 1024 * 1024
    private static let passes: UInt64 = 2
    private static let slots = DispatchSemaphore(value: 2)

    /// The encoded Argon2id hash of `password`.
    public static func hash(_ password: String) -> String {
        precondition(ready, "libsodium failed to initialise")
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let length = UInt64(password.utf8.count)
        let status = limited {
            password.withCString { chars in crypto_pwhash_str(&output, chars, length, passes, memory) }
        }
        precondition(status == 0, "out of memory while hashing a password")
        return output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Whether `password` matches `encoded` (constant-time inside libsodium).
    public static func verify(_ password: String, against encoded: String) -> Bool {
        precondition(ready, "libsodium failed to initialise")
        let length = UInt64(password.utf8.count)
        return limited { password.withCString { chars in crypto_pwhash_str_verify(encoded, chars, length) == 0 } }
    }

    /// Whether `encoded` was made with other parameters than today's, and should be replaced
    /// by a new hash the next time the password is known.
    public static func needsRehash(_ encoded: String) -> Bool {
        precondition(ready, "libsodium failed to initialise")
        return crypto_pwhash_str_needs_rehash(encoded, passes, memory) != 0
    }

    private static func limited<T>(_ work: () -> T) -> T {
        slots.wait()
        defer { slots.signal() }
        return work()
    }
}
