import CMicroHTTPD
import Foundation
import Logging

// libmicrohttpd's C callbacks. They live outside main.swift so they are not main-actor isolated.

/// Called first for every request, with the raw URI (query included): creates the request state.
func uriReceived(cls: UnsafeMutableRawPointer?, uri: UnsafePointer<CChar>?,
                 connection: OpaquePointer?) -> UnsafeMutableRawPointer? {
    let server = Unmanaged<HTTPServer>.fromOpaque(cls!).takeUnretainedValue()
    server.activeRequests.add(1, ordering: .relaxed)
    // Strict: `String(cString:)` would quietly turn invalid UTF-8 into U+FFFD.
    let rawURI: String? = uri.map { String(validatingCString: $0) } ?? "/"
    let state = RequestState(rawURI: rawURI)
    return Unmanaged.passRetained(state).toOpaque()
}

/// Called when a request is done or aborted: writes the access log line and frees the state.
func requestCompleted(cls: UnsafeMutableRawPointer?, connection: OpaquePointer?,
                      conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                      reason: MHD_RequestTerminationCode) {
    let server = Unmanaged<HTTPServer>.fromOpaque(cls!).takeUnretainedValue()
    server.activeRequests.subtract(1, ordering: .releasing)
    guard let pointer = conCls?.pointee else { return }
    conCls?.pointee = nil
    let state = Unmanaged<RequestState>.fromOpaque(pointer).takeRetainedValue()
    if server.logger.logLevel <= .info {
        let outcome = reason == .REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted"
        let method = LogText.escaped(state.method), path = LogText.escaped(state.loggedPath)
        server.logger.info("\(method) \(path) \(state.status) \(String(format: "%.2f", state.elapsedMilliseconds))ms\(outcome)")
    }
}

/// Called once when headers arrive, once per body chunk, and once more when the body is complete.
func accessHandler(cls: UnsafeMutableRawPointer?, connection: OpaquePointer?, url: UnsafePointer<CChar>?,
                   method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?,
                   uploadData: UnsafePointer<CChar>?, uploadDataSize: UnsafeMutablePointer<Int>?,
                   conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result {
    guard let cls, let connection, let conCls, let pointer = conCls.pointee, let uploadDataSize else { return .NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(pointer).takeUnretainedValue()
    let exchange = Exchange(server: server, connection: connection, state: state)

    if !state.headersChecked {
        state.headersChecked = true
        state.method = method.map { String(cString: $0) } ?? "GET"
        return exchange.begin(version: version.map { String(cString: $0) } ?? "")
    }
    if uploadDataSize.pointee > 0 {
        let count = uploadDataSize.pointee
        uploadDataSize.pointee = 0
        return exchange.receive(uploadData!, count: count)
    }
    return exchange.finish()
}
