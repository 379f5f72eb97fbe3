/// Escaping of typed values put into LDAP strings, so a sign-in name cannot change the meaning
/// of the search filter or of the distinguished name it is put into.
public enum LDAPEscaping {
    /// `value` as an assertion value inside a search filter (RFC 4515 section 3): `*`, `(`,
    /// `)`, `\`, NUL and other control characters become `\` and two hex digits.
    public static func filterValue(_ value: String) -> String {
        var escaped: [UInt8] = []
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"), 0..<0x20, 0x7F:
                escaped += hex(byte)
            default:
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `value` as an attribute value inside a distinguished name (RFC 4514 section 2.4): the
    /// special characters `" + , ; < = > \` get a backslash, a leading space or `#` and a
    /// trailing space too, and NUL and other control characters become `\` and two hex digits.
    public static func dnValue(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var escaped: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0..<0x20, 0x7F:
                escaped += hex(byte)
            case UInt8(ascii: "\""), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "<"),
                 UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "\\"):
                escaped += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: " ") where index == 0 || index == bytes.count - 1, UInt8(ascii: "#") where index == 0:
                escaped += [UInt8(ascii: "\\"), byte]
            default:
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `\` and the byte's two lowercase hex digits.
    private static func hex(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
