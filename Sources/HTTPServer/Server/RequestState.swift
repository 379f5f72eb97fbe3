import CMicroHTTPD
import Foundation

/// What the server keeps for one request between libmicrohttpd's callbacks.
///
/// Created when the URI arrives, handed through `con_cls`, released when the request
/// completes (also when the client aborts), which deletes any uploaded temporary files.
final class RequestState {
    /// The request target as sent; nil when its bytes are not UTF-8 (answered with 400).
    let rawURI: String?
    let started = DispatchTime.now().uptimeNanoseconds
    var method = ""
    /// The decoded target, set when the headers are checked (nil: refused with 400).
    var target: RequestTarget?
    var status = 0
    var body: [UInt8] = []
    /// The largest body accepted for this request, set when the headers are checked.
    var bodyLimit = 0
    var bodyTooLarge = false
    var receivedBytes = 0
    var multipart: MultipartCollector?
    var headersChecked = false

    init(rawURI: String?) {
        self.rawURI = rawURI
    }

    deinit { multipart?.discard() }

    /// The path for the access log: decoded when it could be, else the target as sent.
    var loggedPath: String { target?.path ?? rawURI ?? "?" }

    var elapsedMilliseconds: Double {
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
    }
}
