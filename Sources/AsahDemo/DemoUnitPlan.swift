import AsahCore

/// A position to fill: its title and kind, and the titles its holder usually carries.
struct DemoPosition: Sendable {
    let title: String
    let kind: JabatanKind
    /// Written before the name ("dr."), always.
    var prefix: String?
    /// Written after the name ("S.Kep., Ns."), about half the time.
    var degree: String?
    /// Set when only one sex holds the position (bidan are women).
    var sex: Sex?
}

/// A jabatan fungsional the demo staffs units with, e.g. Perawat (both tracks) or Guru (keahlian).
struct DemoFungsional: Sendable {
    enum Track: Sendable {
        case ahli, keterampilan, both
    }

    let name: String
    let track: Track
    let weight: Int
    /// A title written before the name ("dr.", "apt.").
    var prefix: String?
    /// The usual degree of the keahlian track ("S.Pd.", "S.Kep., Ns.").
    var degree: String?
    /// The usual diploma of the keterampilan track ("A.Md.Kep.").
    var diploma: String?
    /// Set when only one sex holds the position (bidan are women).
    var sex: Sex?

    init(_ name: String, _ track: Track, weight: Int = 1, prefix: String? = nil,
         degree: String? = nil, diploma: String? = nil, sex: Sex? = nil) {
        self.name = name
        self.track = track
        self.weight = weight
        self.prefix = prefix
        self.degree = degree
        self.diploma = diploma
        self.sex = sex
    }
}

/// One unit of the demo kabupaten and how it is staffed: a head, deputies under the head
/// (administrators, or the JPT asisten in the Setda), pengawas sections under the
/// administrators in turn, then fungsional and pelaksana staff.
struct DemoUnitPlan: Sendable {
    var code: String
    var name: String
    let kind: UnitKind
    var parent: String?
    /// Relative size: the staff are shared out between units in proportion to it.
    let weight: Int
    let head: DemoPosition
    /// The head's supervisor, by jabatan title; by default the parent unit's head, or the
    /// Sekretaris Daerah for an OPD.
    var reportsTo: String?
    var deputies: [DemoPosition] = []
    /// Pengawas titles (Kepala Subbagian, Kepala Seksi).
    var sections: [String] = []
    /// Fungsional created first, under the head (the demo instructor and coordinator).
    var keyStaff: [DemoPosition] = []
    var fungsional: [DemoFungsional] = []
    /// The share of the remaining staff that is fungsional rather than pelaksana.
    var fungsionalShare = 0.3
    /// The share of fungsional and pelaksana staff that is PPPK.
    var pppkShare = 0.05
    var femaleShare = 0.5

    /// The fewest people the structure needs: the positions plus two staff.
    var minimumSize: Int { 1 + deputies.count + sections.count + keyStaff.count + 2 }
}

extension DemoUnitPlan {
    /// The same unit in another kabupaten of a province: the code carries the region's prefix,
    /// the name the region's name.
    func inRegion(_ region: DemoRegion) -> DemoUnitPlan {
        var plan = self
        plan.code = region.codePrefix + code
        plan.name = name + " " + region.name
        plan.parent = parent.map { region.codePrefix + $0 }
        return plan
    }
}
