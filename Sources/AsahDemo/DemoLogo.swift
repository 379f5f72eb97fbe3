import AsahCore
import Foundation

/// The demo kabupaten's coat of arms, drawn here (a green shield with a gold border and a gold
/// sun) and written as a PNG with stored, uncompressed deflate blocks, so no image library is
/// needed; kept content-addressed in the agency folder as an uploaded logo is.
enum DemoLogo {
    static let size = 96

    /// Stores the logo beside `database`; its stored name, or `nil` when the folder cannot be written.
    static func store(database: AppDatabase) -> String? {
        let bytes = png()
        let name = SecureToken.digest(bytes) + ".png"
        let folder = ((database.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(StoredUploads.agencyFolder)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)), options: .atomic)
        } catch {
            return nil
        }
        return name
    }

    /// The colour of pixel (x, y): white outside the shield, gold on its border and the sun, green inside.
    static func pixel(_ x: Int, _ y: Int) -> [UInt8] {
        let white: [UInt8] = [255, 255, 255], gold: [UInt8] = [212, 160, 23], green: [UInt8] = [11, 93, 75]
        let cx = Double(size) / 2, u = (Double(x) + 0.5 - cx) / cx, v = (Double(y) + 0.5) / Double(size)
        // The shield: straight sides down to 55 %, then a curve to the point at the bottom.
        let halfWidth = v < 0.06 ? 0 : v < 0.55 ? 0.86 : 0.86 * (1 - pow((v - 0.55) / 0.41, 1.6))
        guard v <= 0.96, abs(u) <= halfWidth else { return white }
        if halfWidth - abs(u) < 0.09 || v < 0.12 { return gold }
        let sunY = 0.46, distance = ((u * u) + (v - sunY) * (v - sunY) * 4).squareRoot()
        let angle = atan2(v - sunY, u)
        let ray = distance < 0.5 && Int(((angle + .pi) / (2 * .pi)) * 24) % 2 == 0 && distance > 0.3
        return distance < 0.24 || ray ? gold : green
    }

    static func png() -> [UInt8] {
        var raw: [UInt8] = []
        for y in 0..<size {
            raw.append(0)
            for x in 0..<size { raw += pixel(x, y) }
        }
        let header = bigEndian(UInt32(size)) + bigEndian(UInt32(size)) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlibStored(raw))
            + chunk("IEND", [])
    }

    private static func chunk(_ kind: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(kind.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    /// A zlib stream of stored blocks (at most 65,535 bytes each) with its Adler-32.
    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 65_535, data.count), length = UInt16(end - start)
            out += [end == data.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
