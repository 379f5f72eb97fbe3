import CMicroHTTPD
import Foundation

/// One step of a request's life inside libmicrohttpd's access handler: checking limits when
/// headers arrive, collecting the body, and finally calling the application and sending its answer.
struct Exchange {
    let server: HTTPServer
    let connection: OpaquePointer
    let state: RequestState

    /// Headers have arrived. Refuse a malformed target or framing, or an announced oversized
    /// body, at once (closing the connection: the body is not read); otherwise wait for the body
    /// (answering on this first call would make libmicrohttpd drop keep-alive).
    func begin(version: String) -> MHD_Result {
        let framing = RequestFraming(connection: connection)
        guard (state.rawURI?.utf8.count ?? 0) + framing.headerBytes <= server.configuration.headerMemoryBytes else {
            return refuse(.text("Request Header Fields Too Large", status: 431))
        }
        guard let rawURI = state.rawURI, let target = RequestTarget(rawURI) else {
            return refuse(badRequest(.target))
        }
        state.target = target
        if let problem = framing.problem(version: version) {
            return refuse(badRequest(.framing(problem)))
        }
        let length = header("Content-Length").flatMap(Int.init)
        let announcesBody = (length ?? 0) > 0 || header("Transfer-Encoding") != nil
        state.bodyLimit = announcesBody ? bodyLimit() : server.configuration.maxBodyBytes
        if let length, length > state.bodyLimit {
            return refuse(tooLarge())
        }
        if header("Content-Type")?.lowercased().hasPrefix("multipart/form-data") == true {
            state.multipart = MultipartCollector(connection: connection,
                                                 directory: server.configuration.uploadDirectory)
            if state.multipart == nil { return refuse(badRequest(.multipart)) }
        }
        return .YES
    }

    /// The largest body accepted for this request: the application's `bodyLimit`, within `maxBodyBytes`.
    private func bodyLimit() -> Int {
        let ceiling = server.configuration.maxBodyBytes
        guard let bodyLimit = server.configuration.bodyLimit else { return ceiling }
        return min(ceiling, max(0, bodyLimit(headRequest())))
    }

    /// A chunk of body: stream it to the multipart parser or keep it, within the size limit.
    ///
    /// libmicrohttpd refuses to queue an answer while a body is still arriving, so a body that
    /// grows past the limit (chunked: its size was not announced) is dropped and the rest read
    /// and discarded; `finish` then answers 413. A body that keeps going far past the limit
    /// closes the connection instead of being read for ever.
    func receive(_ data: UnsafePointer<CChar>, count: Int) -> MHD_Result {
        state.receivedBytes += count
        let limit = state.bodyLimit
        if state.receivedBytes > limit {
            if !state.bodyTooLarge {
                state.bodyTooLarge = true
                state.body = []
                state.multipart?.discard()
            }
            return state.receivedBytes - limit > max(limit, 1024 * 1024) ? .NO : .YES
        }
        if let multipart = state.multipart {
            if !multipart.feed(data, count: count) { state.multipart?.discard() }
            return .YES
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) {
            state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
        return .YES
    }

    /// The request is complete: build it, ask the application, send the answer.
    func finish() -> MHD_Result {
        if state.bodyTooLarge { return send(tooLarge()) }
        guard let target = state.target else { return .NO }
        if let multipart = state.multipart, !multipart.finish() {
            return send(badRequest(.multipart))
        }
        let headers = headers()
        let client = client(headers)
        let request = Request(
            method: HTTPMethod(state.method), path: target.path, rawQuery: target.query,
            headers: headers, body: state.body, files: state.multipart?.files ?? [],
            multipartFields: state.multipart?.fields ?? [:], clientAddress: client.address, isSecure: client.secure)
        return send(server.handler(request))
    }

    /// The path part of a raw request target, undecoded (for a target that cannot be decoded).
    private static func rawPath(_ raw: String?) -> String {
        let path = raw.map { String($0.prefix { $0 != "?" }) } ?? "/"
        return path.hasPrefix("/") ? path : "/" + path
    }

    /// The request as far as its headers go, without a body.
    private func headRequest() -> Request {
        let headers = headers()
        let client = client(headers)
        return Request(method: HTTPMethod(state.method), path: state.target?.path ?? Self.rawPath(state.rawURI),
                       rawQuery: state.target?.query ?? "",
                       headers: headers, clientAddress: client.address, isSecure: client.secure)
    }

    /// The configuration's answer to an oversized body (for the request without its body), else plain text.
    private func tooLarge() -> Response {
        let limit = state.bodyLimit
        guard let answer = server.configuration.payloadTooLarge else {
            return .text("Payload Too Large: the limit is \(limit) bytes", status: 413)
        }
        var response = answer(headRequest(), limit)
        response.status = 413
        return response
    }

    /// The configuration's answer to a request refused before any handler, else plain text.
    private func badRequest(_ reason: BadRequest) -> Response {
        guard let answer = server.configuration.badRequest else { return .text(reason.text, status: 400) }
        var response = answer(headRequest(), reason)
        response.status = 400
        return response
    }

    /// Answers before the body is read and closes the connection, so no byte of a body that
    /// was not read can be taken for the next request.
    private func refuse(_ response: Response) -> MHD_Result {
        var response = response
        response.headers.set("Connection", "close")
        return send(response)
    }

    private func send(_ response: Response) -> MHD_Result {
        state.status = response.status
        let mhdResponse = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                            .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in response.headers {
            MHD_add_response_header(mhdResponse, name, value)
        }
        for (name, value) in server.configuration.defaultHeaders where !response.headers.contains(name) {
            MHD_add_response_header(mhdResponse, name, value)
        }
        return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
    }

    private func header(_ name: String) -> String? {
        MHD_lookup_connection_value(connection, .HEADER_KIND, name).map { String(cString: $0) }
    }

    private func headers() -> HTTPHeaders {
        var collected = HTTPHeaders()
        withUnsafeMutablePointer(to: &collected) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                let headers = cls.assumingMemoryBound(to: HTTPHeaders.self)
                headers.pointee.add(String(cString: key), value.map { String(cString: $0) } ?? "")
                return .YES
            }, pointer)
        }
        return collected
    }

    /// The client behind the connection (see ``TrustedProxies``).
    private func client(_ headers: HTTPHeaders) -> (address: String, secure: Bool) {
        server.configuration.trustedProxies.client(peer: peerAddress(), headers: headers, secure: server.configuration.usesTLS)
    }

    private func peerAddress() -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        asah_client_address(connection, &buffer, buffer.count)
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
