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
    var path = ""
    var status = 0
    var body: [UInt8] = []
    var bodyTooLarge = false
    var receivedBytes = 0
    var multipart: MultipartCollector?
    var headersChecked = false

    init(rawURI: String?) {
        self.rawURI = rawURI
    }

    deinit { multipart?.discard() }

    var elapsedMilliseconds: Double {
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
    }
}
