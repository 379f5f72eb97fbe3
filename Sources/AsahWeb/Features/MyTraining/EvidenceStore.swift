import AsahCore
import CSodium
import Foundation
import HTTPServer

/// Evidence files of external trainings: PDF, JPEG or PNG recognised by their first bytes (not
/// by name or declared type), at most 5 MB, stored content-addressed (SHA-256 name) in an
/// `evidence` folder next to the database. The client's file name is kept as display text only.
struct EvidenceStore: Sendable {
    static let maximumBytes = 5 * 1024 * 1024

    enum Kind: String {
        case pdf, jpg, png

        var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .jpg: "image/jpeg"
            case .png: "image/png"
            }
        }
    }

    enum Problem: Error, Equatable {
        case missing, tooLarge, wrongType
    }

    let folder: String

    init(database: AppDatabase) {
        folder = ((database.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("evidence")
    }

    /// The kind of file `bytes` start with, or nil when it is none of the accepted ones.
    static func sniff(_ bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// Checks and copies an upload into the store; returns the stored name ("<sha256>.pdf").
    func keep(_ file: UploadedFile?) -> Result<String, Problem> {
        guard let file, file.size > 0 else { return .failure(.missing) }
        guard file.size <= Self.maximumBytes else { return .failure(.tooLarge) }
        guard let data = FileManager.default.contents(atPath: file.temporaryPath) else { return .failure(.missing) }
        guard data.count <= Self.maximumBytes else { return .failure(.tooLarge) }
        let bytes = [UInt8](data)
        guard let kind = Self.sniff(Array(bytes.prefix(16))) else { return .failure(.wrongType) }
        let name = Self.sha256(bytes) + "." + kind.rawValue
        let path = (folder as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            return .failure(.missing)
        }
        return .success(name)
    }

    /// The bytes and type of a stored file; nil for a name that is not one of ours.
    func read(_ name: String) -> (bytes: [UInt8], kind: Kind)? {
        guard name.range(of: #"^[0-9a-f]{64}\.(pdf|jpg|png)$"#, options: .regularExpression) != nil,
              let kind = Kind(rawValue: String(name.suffix(3))),
              let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) else { return nil }
        return ([UInt8](data), kind)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        _ = sodium_init()
        var hash = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
        crypto_hash_sha256(&hash, bytes, UInt64(bytes.count))
        return hash.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
