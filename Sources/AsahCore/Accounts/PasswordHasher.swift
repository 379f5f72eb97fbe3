import CSodium

/// Hashes passwords with Argon2id (libsodium's `crypto_pwhash_str`), memory-hard so a stolen
/// database does not give passwords away cheaply. The hash string carries its own parameters.
public enum PasswordHasher {
    private static let ready: Bool = sodium_init() >= 0

    /// The encoded Argon2id hash of `password`.
    public static func hash(_ password: String) -> String {
        precondition(ready, "libsodium failed to initialise")
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let length = UInt64(password.utf8.count)
        let status = password.withCString { chars in
            crypto_pwhash_str(&output, chars, length, UInt64(crypto_pwhash_opslimit_interactive()),
                              crypto_pwhash_memlimit_interactive())
        }
        precondition(status == 0, "out of memory while hashing a password")
        return output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Whether `password` matches `encoded` (constant-time inside libsodium).
    public static func verify(_ password: String, against encoded: String) -> Bool {
        precondition(ready, "libsodium failed to initialise")
        let length = UInt64(password.utf8.count)
        return password.withCString { chars in crypto_pwhash_str_verify(encoded, chars, length) == 0 }
    }
}
