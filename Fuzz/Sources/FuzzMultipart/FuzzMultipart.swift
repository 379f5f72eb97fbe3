import FuzzDriver
import Foundation
import HTTPServer
import Logging

/// Multipart bodies through the real server (libmicrohttpd's post processor and Asah's
/// collector): any body must be answered or refused, never crash the server or leave files.
@main
enum FuzzMultipart {
    static func main() { FuzzDriver.run { data, size in fuzzMultipart(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipart(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    let head = "POST /upload HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
        + "Content-Type: multipart/form-data; boundary=asahfuzz\r\nContent-Length: \(body.count)\r\n\r\n"
    FuzzServer.shared.exchange(Array(head.utf8) + body)
    return 0
}

/// An in-process server on a free port whose one route reads every field and uploaded file.
final class FuzzServer: Sendable {
    static let shared = FuzzServer()
    let server: HTTPServer

    private init() {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.maxBodyBytes = 1024 * 1024
        var logger = Logger(label: "fuzz")
        logger.logLevel = .error
        server = HTTPServer(configuration: configuration, logger: logger) { request in
            var total = request.multipartFields.values.reduce(0) { $0 + $1.count }
            for file in request.files {
                total += (try? FileManager.default.attributesOfItem(atPath: file.temporaryPath)[.size] as? Int) ?? 0
            }
            return Response(status: 200, body: Array("\(total)".utf8))
        }
        try! server.start()
    }

    /// Sends one request and reads until the server closes the connection. The client closes
    /// with a reset (linger 0), so tens of thousands of runs do not use up the local ports in
    /// TIME_WAIT; a refused connection is retried for a while before it counts as a crash.
    func exchange(_ request: [UInt8]) {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var linger = Foundation.linger(l_onoff: 1, l_linger: 0)
        setsockopt(socket, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Foundation.linger>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = server.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var connected: Int32 = -1
        for _ in 0..<200 where connected != 0 {
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if connected != 0 { usleep(10_000) }
        }
        precondition(connected == 0, "the fuzz server stopped accepting connections")
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while recv(socket, &buffer, buffer.count, 0) > 0 {}
    }
}
