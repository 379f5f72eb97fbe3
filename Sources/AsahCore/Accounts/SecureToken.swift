import Foundation
import CSodium

/// Random secrets (session ids, CSRF tokens, API tokens) and the SHA-256 digests stored in
/// their place, so a copy of the database cannot be used to log in.
public enum SecureToken {
    private static let ready: Bool = sodium_init() >= 0

    /// `byteCount` random bytes from the OS, as URL-safe base64 without padding.
    public static func generate(byteCount: Int = 32) -> String {
        precondition(ready, "libsodium failed to initialise")
        var bytes = [UInt8](repeating: 0, count: byteCount)
        randombytes_buf(&bytes, byteCount)
        var output = [CChar](repeating: 0, count: sodium_base64_encoded_len(byteCount, sodium_base64_VARIANT_URLSAFE_NO_PADDING))
        _ = sodium_bin2base64(&output, output.count, bytes, byteCount, sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        return output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The SHA-256 of `text` in lowercase hex.
    public static func digest(_ text: String) -> String {
        digest(Array(text.utf8))
    }

    /// The SHA-256 of `bytes`, in lowercase hex.
    public static func digest(_ bytes: [UInt8]) -> String {
        precondition(ready, "libsodium failed to initialise")
        var hash = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
        crypto_hash_sha256(&hash, bytes, UInt64(bytes.count))
        return hex(hash)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The SHA-256 of the file at `path` in lowercase hex, read a megabyte at a time (a
    /// database backup may be gigabytes).
    public static func digest(ofFileAt path: String) throws -> String {
        precondition(ready, "libsodium failed to initialise")
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var state = crypto_hash_sha256_state()
        crypto_hash_sha256_init(&state)
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            let bytes = [UInt8](chunk)
            crypto_hash_sha256_update(&state, bytes, UInt64(bytes.count))
        }
        var hash = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
        crypto_hash_sha256_final(&state, &hash)
        return hex(hash)
    }

    /// Compares two secrets without leaking where they differ through timing.
    public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return sodium_memcmp(a, b, a.count) == 0
    }
}
