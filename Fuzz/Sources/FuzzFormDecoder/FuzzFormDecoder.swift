import FuzzDriver
import HTTPServer

/// Query strings, urlencoded bodies and cookie headers: any bytes must decode or be refused
/// with `FormDecodingError`, never trap.
@main
enum FuzzFormDecoder {
    static func main() { FuzzDriver.run { data, size in fuzzFormDecoder(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if let form = try? FormData(urlEncoded: text) {
        for name in form.fields.keys {
            _ = form.trimmed(name)
            _ = form.all(name)
        }
    }
    _ = try? FormData.decodeComponent(bytes[...], plusAsSpace: false)
    _ = parseCookies(text)
    return 0
}
