import CQREncode

/// QR codes (libqrencode) drawn as SVG, for certificate verification links.
enum QRCode {
    /// An SVG image of `text` as a QR code with error correction level M and a quiet zone,
    /// or nil when the text is too long to encode.
    static func svg(_ text: String, moduleSize: Int = 4) -> String? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let quiet = 4
        let size = (width + 2 * quiet) * moduleSize
        var path = ""
        for row in 0..<width {
            for column in 0..<width where code.pointee.data[row * width + column] & 1 == 1 {
                path += "M\((column + quiet) * moduleSize) \((row + quiet) * moduleSize)h\(moduleSize)v\(moduleSize)h-\(moduleSize)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" width="\(size)" height="\(size)" \
            role="img" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }
}
