import AsahCore

/// One kabupaten or kota of the demo province. The first is Kabupaten Asah Makmur itself, whose
/// unit codes carry no prefix, so the demo logins are the same at every scale.
struct DemoRegion: Sendable {
    let number: Int
    let name: String

    var codePrefix: String { number == 0 ? "" : "R\(number < 10 ? "0" : "")\(number)." }

    /// The kabupaten and kota of the fictional Provinsi Asah Raya.
    static let names = [
        "Kabupaten Asah Makmur", "Kota Bandar Asah", "Kabupaten Bukit Lestari", "Kabupaten Tanjung Harapan",
        "Kabupaten Lembah Subur", "Kota Pelabuhan Jaya", "Kabupaten Danau Biru", "Kabupaten Padang Luas",
        "Kabupaten Gunung Sejuk", "Kabupaten Pesisir Indah", "Kota Sungai Tenang", "Kabupaten Sawah Hijau",
        "Kabupaten Karang Teguh", "Kabupaten Rimba Raya", "Kota Teluk Damai", "Kabupaten Tanah Datar Asah",
        "Kabupaten Pulau Seribu Asah",
    ]

    /// The first `count` regions (1 gives the kabupaten alone).
    static func first(_ count: Int) -> [DemoRegion] {
        (0..<min(count, names.count)).map { DemoRegion(number: $0, name: names[$0]) }
    }
}
