import AsahCore

/// Indonesian personal names for demo data, by naming tradition, weighted for a kabupaten
/// in South Sulawesi: mostly Bugis-Makassar names, with Javanese, Toraja, Sundanese, Batak,
/// Minang and Balinese colleagues, as in a real regional government.
enum IndonesianNames {
    /// A name without academic titles, as words.
    struct PersonName {
        let words: [String]

        /// `given.last` in lower-case ASCII for an e-mail address: "andi.ridwan",
        /// "made.suarta" (the Balinese I/Ni and abbreviations like "Muh." are left out).
        var emailLocal: String {
            let meaningful = words.filter { !["I", "Ni", "Luh", "br."].contains($0) && !$0.hasSuffix(".") }
            let picked = meaningful.count > 1 ? [meaningful[0], meaningful[meaningful.count - 1]] : meaningful
            return picked.map { $0.lowercased().filter { $0.isASCII && $0.isLetter } }.joined(separator: ".")
        }

        /// The name as personnel records write it: "dr. Andi Nurul Fadhilah, M.Kes.".
        func titled(prefix: String? = nil, degrees: [String] = []) -> String {
            let name = ([prefix].compactMap { $0 } + words).joined(separator: " ")
            return degrees.isEmpty ? name : name + ", " + degrees.joined(separator: ", ")
        }
    }

    /// A random name for a person of `sex`.
    static func random(sex: Sex, using random: inout SeededRandom) -> PersonName {
        let tradition = random.pick(weighted: traditions.map { ($0, $0.weight) })
        return tradition.name(sex: sex, using: &random)
    }

    private struct Tradition: Sendable {
        let weight: Int
        let male: [String], female: [String]
        let maleSecond: [String], femaleSecond: [String]
        /// Words put before the given name, with their probability ("Andi" for Bugis nobility).
        let prefixes: @Sendable (Sex, inout SeededRandom) -> [String]
        /// How often a second name follows the given one.
        let secondNameChance: Double

        func name(sex: Sex, using random: inout SeededRandom) -> PersonName {
            let given = random.pick(sex == .male ? male : female)
            var words = prefixes(sex, &random) + given.split(separator: " ").map(String.init)
            if random.chance(secondNameChance) {
                let second = random.pick(sex == .male ? maleSecond : femaleSecond)
                if !words.contains(second) { words += second.split(separator: " ").map(String.init) }
            }
            return PersonName(words: words)
        }
    }

    private static let traditions: [Tradition] = [
        // Bugis-Makassar: "Andi" for nobility, "Muh."/"Sitti" spellings, many single names.
        Tradition(weight: 52,
                  male: ["Muhammad", "Muh. Ilham", "Ahmad", "Abdul Rahman", "Syamsul", "Hasanuddin", "Syahrir",
                         "Ridwan", "Arifin", "Amiruddin", "Baharuddin", "Jamaluddin", "Kamaruddin", "Nasruddin",
                         "Irfan", "Rusdi", "Mansyur", "Syarifuddin", "Fadli", "Haerul", "Ilham", "Darwis",
                         "Sudirman", "Muhlis", "Arsyad", "Tajuddin", "Firman", "Akbar", "Rusli", "Wahyuddin",
                         "Asri", "Syahrul", "Rahmat", "Awaluddin", "Mustafa", "Hamka"],
                  female: ["Nurhayati", "Hasnawati", "Rahmawati", "Sitti Aminah", "Nurul Fadhilah", "Fitriani",
                           "Hasriani", "Kasmawati", "Sumarni", "Nurdiana", "Ratna", "Musdalifah", "Hartati",
                           "Jumriani", "Rismawati", "Suriani", "Hadijah", "Nuraeni", "Asmawati", "Irmawati",
                           "Murniati", "Darmawati", "Haslinda", "Herlina", "Nurjannah", "Sitti Rahma",
                           "St. Aminah", "Nurhalimah", "Megawati", "Sukmawati"],
                  maleSecond: ["Ridwan", "Arsyad", "Rahman", "Syam", "Hamzah", "Said", "Saleh", "Amir", "Latief",
                               "Hakim", "Karim", "Tahir", "Baso", "Mappaseng", "Pawellangi", "Mattola", "Pallawa",
                               "Nur", "Husain", "Patongai"],
                  femaleSecond: ["Fadhilah", "Hamid", "Amir", "Rahman", "Syam", "Said", "Tahir", "Basri", "Nur", "Sari"],
                  prefixes: { _, random in random.chance(0.15) ? ["Andi"] : [] },
                  secondNameChance: 0.55),
        // Javanese.
        Tradition(weight: 13,
                  male: ["Budi", "Agus", "Bambang", "Slamet", "Joko", "Heru", "Eko", "Dwi", "Hadi", "Wahyu",
                         "Bayu", "Teguh", "Yudi", "Sugeng", "Suparman", "Sutrisno", "Widodo", "Priyo", "Rudi", "Sigit"],
                  female: ["Sri", "Endang", "Dewi", "Siti", "Retno", "Rini", "Yuni", "Tutik", "Wulan", "Dian",
                           "Indah", "Puji", "Ning", "Ratih", "Sulastri"],
                  maleSecond: ["Santoso", "Setiawan", "Prasetyo", "Wibowo", "Susanto", "Hartono", "Purnomo", "Nugroho",
                               "Wicaksono", "Kurniawan", "Saputra", "Gunawan", "Suryanto", "Haryanto", "Hidayat"],
                  femaleSecond: ["Wahyuni", "Rahayu", "Lestari", "Handayani", "Astuti", "Suryani", "Purwanti",
                                 "Susilowati", "Wulandari", "Kusumawati", "Utami", "Pratiwi", "Setyaningsih"],
                  prefixes: { _, _ in [] },
                  secondNameChance: 0.8),
        // Toraja (Christian given names, Toraja family names).
        Tradition(weight: 7,
                  male: ["Yohanes", "Markus", "Petrus", "Yosef", "Daniel", "Stefanus", "Albert", "Frans", "Yakob", "Paulus"],
                  female: ["Maria", "Yuliana", "Martha", "Elisabeth", "Agustina", "Lince", "Ribka", "Debora", "Sarah", "Yohana"],
                  maleSecond: ["Pasongli", "Tandirerung", "Rante", "Palimbong", "Sampe", "Pakiding", "Tangdilintin", "Bangalino"],
                  femaleSecond: ["Pasongli", "Tandirerung", "Rante", "Palimbong", "Sampe", "Pakiding", "Allo", "Bua"],
                  prefixes: { _, _ in [] },
                  secondNameChance: 0.95),
        // Sundanese.
        Tradition(weight: 5,
                  male: ["Asep", "Dede", "Ujang", "Cecep", "Dadang", "Iwan", "Yayat", "Ade", "Usep", "Deden", "Wawan"],
                  female: ["Euis", "Neneng", "Imas", "Ai", "Yuyun", "Iis", "Cucu", "Nenden", "Lilis", "Tati"],
                  maleSecond: ["Saepudin", "Hermawan", "Supriatna", "Sopandi", "Suryana", "Rohman", "Mulyana",
                               "Sutisna", "Permana", "Sukmana"],
                  femaleSecond: ["Komariah", "Rohaeni", "Nurhasanah", "Kurniasih", "Sumiati", "Nurlela", "Rosmiati",
                                 "Sukaesih", "Jubaedah"],
                  prefixes: { _, _ in [] },
                  secondNameChance: 0.85),
        // Batak: the marga always follows; women sometimes write "br." (boru) before it.
        Tradition(weight: 5,
                  male: ["Togar", "Poltak", "Parulian", "Binsar", "Maruli", "Hotman", "Sahat", "Mangasi", "Bonar",
                         "Hendra", "Ferdinand", "Martua"],
                  female: ["Rohani", "Lasma", "Tiurma", "Rosdiana", "Sondang", "Nurmala", "Rumondang", "Dameria",
                           "Hotnida", "Friska"],
                  maleSecond: ["Simanjuntak", "Siregar", "Nasution", "Harahap", "Lubis", "Sitorus", "Simatupang",
                               "Panjaitan", "Hutagalung", "Sinaga", "Pardede", "Hutapea", "Situmorang", "Nainggolan"],
                  femaleSecond: ["Siregar", "Sitorus", "br. Simanjuntak", "br. Sinaga", "Harahap", "Lubis",
                                 "br. Panjaitan", "Pasaribu", "Tampubolon", "Manurung"],
                  prefixes: { _, _ in [] },
                  secondNameChance: 1),
        // Minangkabau.
        Tradition(weight: 5,
                  male: ["Afrizal", "Yusrizal", "Zulkifli", "Syafrizal", "Nofriadi", "Erizal", "Hendri", "Firdaus",
                         "Zulfikar", "Andri", "Defri", "Yuliandri"],
                  female: ["Yusnidar", "Elvi", "Rosmaniar", "Yenni", "Desi", "Rahmi", "Nofita", "Mardiah", "Zurnelly",
                           "Elfira", "Riri"],
                  maleSecond: ["Putra", "Syahputra", "Chaniago", "Piliang", "Tanjung", "Koto", "Rasyid", "Effendi"],
                  femaleSecond: ["Yanti", "Sari", "Hayati", "Marlina", "Novita", "Fitriani", "Asmar", "Tanjung"],
                  prefixes: { _, _ in [] },
                  secondNameChance: 0.6),
        // Balinese: I / Ni (Luh), then the birth-order name.
        Tradition(weight: 4,
                  male: ["Suarta", "Sudirta", "Wirawan", "Suardana", "Sukadana", "Artawan", "Mahendra", "Adnyana",
                         "Darmawan", "Sutama", "Arsana", "Budiasa"],
                  female: ["Sukerti", "Ariani", "Suryani", "Astiti", "Sudiani", "Purnamasari", "Widiastuti",
                           "Ayu Lestari", "Sri Artini", "Kartini"],
                  maleSecond: ["Putra", "Wijaya", "Yasa", "Antara"],
                  femaleSecond: ["Dewi", "Sari", "Utami"],
                  prefixes: { sex, random in
                      let order = random.pick(["Wayan", "Putu", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"])
                      return sex == .male ? ["I", order] : (random.chance(0.3) ? ["Ni", "Luh", order] : ["Ni", order])
                  },
                  secondNameChance: 0.15),
        // Names common across the archipelago.
        Tradition(weight: 9,
                  male: ["Muhammad Rizky", "Fajar", "Hendra", "Irwan", "Arif", "Fauzi", "Rahmat", "Syaiful",
                         "Fikri", "Yusuf", "Ismail", "Taufik", "Andi Muhammad"],
                  female: ["Siti", "Nur", "Fitri", "Dewi", "Rina", "Aisyah", "Nurul", "Putri", "Indah", "Annisa",
                           "Ratna", "Mira", "Siti Nurhaliza"],
                  maleSecond: ["Hidayat", "Ramadhan", "Saputra", "Firmansyah", "Hakim", "Rizal", "Maulana",
                               "Kurniawan", "Nugraha", "Pratama"],
                  femaleSecond: ["Aisyah", "Rahmawati", "Hasanah", "Fitriani", "Ramadhani", "Safitri", "Amelia",
                                 "Oktaviani", "Puspita", "Permatasari"],
                  prefixes: { _, _ in [] },
                  secondNameChance: 0.8),
    ]

    /// First degrees (sarjana) common among regional civil servants.
    static let bachelorDegrees = ["S.E.", "S.H.", "S.Kom.", "S.Sos.", "S.IP.", "S.T.", "S.AP.", "S.Ak."]
    /// Master's degrees, for senior officials.
    static let masterDegrees = ["M.Si.", "M.M.", "M.AP.", "M.H.", "M.T.", "M.Kes."]
}
