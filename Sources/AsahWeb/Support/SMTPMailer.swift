import CCurl
import Foundation

/// Sends e-mail through the agency's SMTP server with libcurl: `smtp://host:587` with STARTTLS
/// required (or not, for a server on the same machine), or `smtps://host:465`; optional
/// login. Messages are plain UTF-8 text, base64-encoded, with an encoded subject.
struct SMTPMailer: Sendable {
    let url: String
    let from: String
    var username: String?
    var password: String?
    /// Refuse to send unless the connection is encrypted (STARTTLS on smtp://).
    var requireTLS = true

    private static let ready: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// Sends one message; answers the mail server's or libcurl's error, or `nil` when accepted.
    func send(to address: String, subject: String, body: String, now: Date = Date()) -> String? {
        guard Self.ready, let curl = curl_easy_init() else { return "libcurl could not start" }
        defer { curl_easy_cleanup(curl) }
        let source = MessageSource(bytes: Array(Self.message(from: from, to: address, subject: subject, body: body, date: now).utf8))
        let recipients: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(address)>")
        defer { curl_slist_free_all(recipients) }
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }
        let unmanaged = Unmanaged.passRetained(source)
        defer { unmanaged.release() }
        _ = asah_curl_set_string(curl, CURLOPT_URL, url)
        _ = asah_curl_set_string(curl, CURLOPT_MAIL_FROM, "<\(from)>")
        _ = asah_curl_set_pointer(curl, CURLOPT_MAIL_RCPT, recipients)
        if let username { _ = asah_curl_set_string(curl, CURLOPT_USERNAME, username) }
        if let password { _ = asah_curl_set_string(curl, CURLOPT_PASSWORD, password) }
        _ = asah_curl_set_long(curl, CURLOPT_USE_SSL, Int(requireTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue))
        _ = asah_curl_set_long(curl, CURLOPT_UPLOAD, 1)
        _ = asah_curl_set_long(curl, CURLOPT_TIMEOUT, 30)
        _ = asah_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        _ = asah_curl_set_read_function(curl) { buffer, size, count, data in
            guard let buffer, let data else { return 0 }
            return Unmanaged<MessageSource>.fromOpaque(data).takeUnretainedValue().read(into: buffer, max: size * count)
        }
        _ = asah_curl_set_pointer(curl, CURLOPT_READDATA, unmanaged.toOpaque())
        _ = asah_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errorText)
        let result = curl_easy_perform(curl)
        guard result == CURLE_OK else {
            let detail = String(cString: errorText)
            return detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail
        }
        return nil
    }

    /// The message as sent: headers, a blank line, the body in base64 lines of 76.
    static func message(from: String, to: String, subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encoded = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let domain = from.split(separator: "@").last.map(String.init) ?? "asah"
        return [
            "Date: \(formatter.string(from: date))", "From: Asah <\(from)>", "To: <\(to)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", encoded, "",
        ].joined(separator: "\r\n")
    }
}

/// The bytes of one message, handed to libcurl in pieces.
private final class MessageSource: @unchecked Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int {
        let count = min(max, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
