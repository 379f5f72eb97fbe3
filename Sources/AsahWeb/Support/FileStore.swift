import AsahCore
import Foundation
import HTTPServer

/// Uploaded files kept under the data folder (next to the database), content-addressed: a
/// file is stored as `<sha256>.<ext>`, so the same bytes are kept once and no client-given
/// name ever becomes a path. A file is accepted only when its first bytes (sniffed, not the
/// declared type) are of an allowed kind AND its name ends in an extension of that kind;
/// the client's name is kept by the caller as display text only. A file is never deleted by
/// a request (see ``StoredUploads``).
struct FileStore: Sendable {
    /// A kind of file the store may accept.
    struct Kind: Sendable, Hashable {
        /// The extension of the stored name, e.g. "pdf".
        let ext: String
        let contentType: String
        /// The magic bytes the file starts with.
        let signature: [UInt8]

        static let pdf = Kind(ext: "pdf", contentType: "application/pdf", signature: Array("%PDF-".utf8))
        static let jpg = Kind(ext: "jpg", contentType: "image/jpeg", signature: [0xFF, 0xD8, 0xFF])
        static let png = Kind(ext: "png", contentType: "image/png", signature: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        private static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        private static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        static let docx = Kind(ext: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               signature: zip)
        static let xlsx = Kind(ext: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               signature: zip)
        static let pptx = Kind(ext: "pptx", contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                               signature: zip)
        static let odt = Kind(ext: "odt", contentType: "application/vnd.oasis.opendocument.text", signature: zip)
        static let ods = Kind(ext: "ods", contentType: "application/vnd.oasis.opendocument.spreadsheet", signature: zip)
        static let odp = Kind(ext: "odp", contentType: "application/vnd.oasis.opendocument.presentation", signature: zip)
        static let doc = Kind(ext: "doc", contentType: "application/msword", signature: ole)
        static let xls = Kind(ext: "xls", contentType: "application/vnd.ms-excel", signature: ole)
        static let ppt = Kind(ext: "ppt", contentType: "application/vnd.ms-powerpoint", signature: ole)

        /// Images and PDF.
        static let documentsAndImages: [Kind] = [.pdf, .jpg, .png]
        /// PDF, images and office documents (Microsoft and OpenDocument).
        static let officeDocuments: [Kind] = documentsAndImages + [.docx, .xlsx, .pptx, .odt, .ods, .odp, .doc, .xls, .ppt]
    }

    /// Why an upload was refused.
    enum Problem: Error, Equatable {
        case missing, tooLarge, wrongType
    }

    /// A file the store holds.
    struct Stored: Sendable, Hashable {
        /// The name in the store ("<sha256>.pdf").
        let name: String
        let kind: Kind
        let size: Int
        /// The client's file name made safe to show (no path, no control characters).
        let displayName: String
    }

    let folder: String
    let maximumBytes: Int
    let kinds: [Kind]

    /// A store in the folder `name` beside `database`'s file.
    init(database: AppDatabase, folder name: String, maximumBytes: Int, kinds: [Kind]) {
        folder = ((database.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
        self.maximumBytes = maximumBytes
        self.kinds = kinds
    }

    /// The allowed kind `bytes` start with, given the client's file name; `nil` when the
    /// content is not an allowed kind or the name's extension does not belong to it.
    func kind(of bytes: [UInt8], filename: String) -> Kind? {
        let ext = (filename as NSString).pathExtension.lowercased()
        let extensions = ext == "jpeg" ? "jpg" : ext
        return kinds.first { bytes.starts(with: $0.signature) && $0.ext == extensions }
    }

    /// Checks an upload and copies it into the store.
    func keep(_ file: UploadedFile?) -> Result<Stored, Problem> {
        guard let file, file.size > 0 else { return .failure(.missing) }
        guard file.size <= maximumBytes else { return .failure(.tooLarge) }
        guard let data = FileManager.default.contents(atPath: file.temporaryPath) else { return .failure(.missing) }
        guard data.count <= maximumBytes else { return .failure(.tooLarge) }
        let bytes = [UInt8](data)
        guard let kind = kind(of: Array(bytes.prefix(16)), filename: file.clientFilename) else { return .failure(.wrongType) }
        let name = SecureToken.digest(bytes) + "." + kind.ext
        let path = (folder as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Written again when present: the same bytes, and a fresh date keeps the sweep off it.
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            return .failure(.missing)
        }
        return .success(Stored(name: name, kind: kind, size: bytes.count, displayName: Self.displayName(file.clientFilename, kind)))
    }

    /// The bytes and kind of a stored file; `nil` for a name that is not one of ours.
    func read(_ name: String) -> (bytes: [UInt8], kind: Kind)? {
        let extensions = kinds.map(\.ext).joined(separator: "|")
        guard name.range(of: "^[0-9a-f]{64}\\.(\(extensions))$", options: .regularExpression) != nil,
              let kind = kinds.first(where: { name.hasSuffix("." + $0.ext) }),
              let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) else { return nil }
        return ([UInt8](data), kind)
    }

    /// The stored file `name` as a download named `displayName`: always an attachment, with
    /// the sniffed type, `nosniff` and no caching; `nil` when the file is missing.
    func download(_ name: String, displayName: String) -> Response? {
        guard let file = read(name) else { return nil }
        var response = Response(status: 200, body: file.bytes)
        response.headers.set("Content-Type", file.kind.contentType)
        response.headers.set("Content-Disposition", Self.attachment(displayName, fallback: "berkas." + file.kind.ext))
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Cache-Control", "private, no-store")
        response.headers.set("Content-Security-Policy", "sandbox; default-src 'none'")
        return response
    }

    /// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266).
    static func attachment(_ name: String, fallback: String) -> String {
        let ascii = String(String.UnicodeScalarView(name.unicodeScalars.filter {
            $0.isASCII && $0.value >= 32 && $0 != "\"" && $0 != "\\" && $0 != ";" && $0.value != 127
        }))
        let plain = ascii.trimmingCharacters(in: .whitespaces).isEmpty ? fallback : ascii
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        let encoded = (name.isEmpty ? fallback : name).addingPercentEncoding(withAllowedCharacters: allowed) ?? plain
        return "attachment; filename=\"\(plain)\"; filename*=UTF-8''\(encoded)"
    }

    /// The last path component of a client's name without control characters, at most 200
    /// characters; "berkas.<ext>" when nothing is left.
    static func displayName(_ clientName: String, _ kind: Kind) -> String {
        let last = clientName.split { $0 == "/" || $0 == "\\" }.last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }))
            .trimmingCharacters(in: .whitespaces)
        return clean.isEmpty || clean == "." || clean == ".." ? "berkas." + kind.ext : String(clean.suffix(200))
    }
}
