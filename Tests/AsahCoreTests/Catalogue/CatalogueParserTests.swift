import Testing
@testable import AsahCore

@Suite("Course file parser")
struct CatalogueParserTests {
    typealias F = CatalogueFixtures

    @Test("a minimal file gets the defaults: open audience, 80 % attendance, no test, no project")
    func minimalFile() throws {
        let file = try CourseFileParser.parse(F.course("abc-01", kind: "Bimbingan Teknis"), file: "abc-01.md")
        #expect(file.code == "ABC-01")
        #expect(file.kind == .bimbinganTeknis && file.form == .klasikal)
        #expect(file.audience == Audience())
        #expect(file.minAttendancePercent == 80)
        #expect(!file.hasTest && !file.hasProject && file.projectPlan == nil)
        #expect(file.summary == "Kursus untuk pengujian.")
        #expect(file.hash.count == 64)
    }

    @Test("every field is read, technical competencies in one or two languages")
    func fullFile() throws {
        let text = F.course("XYZ-02", kind: "coaching", jp: 12, extra: """
            form: nonklasikal
            competencies:
              values: [akuntabel, Berorientasi Pelayanan]
              technical:
                - Literasi digital
                - {id: Manajemen risiko, en: Risk management}
            audience:
              jabatan: [pengawas, fungsional]
              golongan: {min: iii/a}
              units: [dinkes]
            prerequisites: [abc-01, ABC-02]
            test: yes
            min_attendance: 90

            """)
        let file = try CourseFileParser.parse(text, file: "x.md")
        #expect(file.competencies == [.core(.akuntabel), .core(.berorientasiPelayanan),
                                      .technical(BilingualText("Literasi digital")),
                                      .technical(BilingualText("Manajemen risiko", english: "Risk management"))])
        #expect(file.audience.jabatanKinds.first == .pengawas)
        #expect(file.audience.jabatanKinds.count == 9)
        #expect(file.audience.minGolongan == Golongan(parsing: "III/a") && file.audience.maxGolongan == nil)
        #expect(file.audience.unitCodes == ["DINKES"])
        #expect(file.prerequisites == ["ABC-01", "ABC-02"])
        #expect(file.prerequisiteLines == [18, 18])
        #expect(file.hasTest && file.minAttendancePercent == 90)
    }

    @Test("milestones, rubric and pass mark make the project plan")
    func projectPlan() throws {
        let text = F.course("PRJ-01", kind: "project-based", extra: """
            project: true
            milestones:
              - {name: Rancangan, due_day: 7}
              - {name: Seminar hasil, due_day: 50}
            rubric:
              - {criterion: Rancangan, weight: 40}
              - {criterion: Hasil, weight: 60}
            pass_mark: 70

            """)
        let plan = try #require(try CourseFileParser.parse(text, file: "p.md").projectPlan)
        #expect(plan.milestones == [Milestone(name: "Rancangan", dueDay: 7), Milestone(name: "Seminar hasil", dueDay: 50)])
        #expect(plan.rubric.map(\.weight) == [40, 60])
        #expect(plan.passMark == 70)
    }

    /// A broken file, the line expected and words the reason must contain.
    struct Broken: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int
        let reason: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(name: "no opening delimiter", text: "code: A-1\n---\nTeks.\n", line: 1, reason: "diawali baris '---'"),
        Broken(name: "front matter not closed", text: "---\ncode: A-1\njp: 2\n\nTeks.\n", line: 1, reason: "tidak ditutup"),
        Broken(name: "JP not a number", text: F.course("A-1").replacingOccurrences(of: "jp: 8", with: "jp: dua"),
               line: 7, reason: "jp harus bilangan bulat positif, bukan 'dua'"),
        Broken(name: "JP zero", text: F.course("A-1", jp: 0), line: 7, reason: "jp harus bilangan bulat positif"),
        Broken(name: "JP fraction", text: F.course("A-1").replacingOccurrences(of: "jp: 8", with: "jp: 7.5"),
               line: 7, reason: "bukan '7.5'"),
        Broken(name: "attendance above 100", text: F.course("A-1", extra: "test: true\nmin_attendance: 120\n"),
               line: 9, reason: "min_attendance harus persen antara 1 dan 100"),
        Broken(name: "attendance zero", text: F.course("A-1", extra: "min_attendance: 0\n"), line: 8, reason: "min_attendance"),
        Broken(name: "unknown kind", text: F.course("A-1", kind: "diklat"), line: 6, reason: "kind 'diklat' tidak dikenal"),
        Broken(name: "unknown form", text: F.course("A-1", extra: "form: campuran\n"), line: 8, reason: "form 'campuran' tidak dikenal"),
        Broken(name: "form contradicts kind", text: F.course("A-1", kind: "coaching", extra: "form: klasikal\n"),
               line: 8, reason: "form klasikal tidak cocok dengan kind coaching (nonklasikal)"),
        Broken(name: "unknown core value, on its own line",
               text: F.course("A-1", extra: "competencies:\n  values:\n    - akuntabel\n    - jujur\n"),
               line: 11, reason: "competencies.values 'jujur' tidak dikenal"),
        Broken(name: "unknown competency group", text: F.course("A-1", extra: "competencies:\n  soft: [komunikasi]\n"),
               line: 9, reason: "competencies.soft tidak dikenal"),
        Broken(name: "unknown golongan",
               text: F.course("A-1", extra: "audience:\n  jabatan: [pengawas]\n  golongan:\n    min: III/a\n    max: V/z\n"),
               line: 12, reason: "audience.golongan.max 'V/z' tidak dikenal"),
        Broken(name: "golongan range upside down", text: F.course("A-1", extra: "audience:\n  golongan: {min: IV/a, max: III/a}\n"),
               line: 9, reason: "min IV/a di atas max III/a"),
        Broken(name: "PNS and PPPK golongan mixed", text: F.course("A-1", extra: "audience:\n  golongan: {min: III/a, max: IX}\n"),
               line: 9, reason: "sama-sama golongan PNS atau PPPK"),
        Broken(name: "unknown jabatan", text: F.course("A-1", extra: "audience:\n  jabatan: [kepala]\n"),
               line: 9, reason: "audience.jabatan 'kepala' tidak dikenal"),
        Broken(name: "misspelt key", text: F.course("A-1", extra: "test: true\nprerequisite: [B-1]\n"),
               line: 9, reason: "kunci 'prerequisite' tidak dikenal"),
        Broken(name: "duplicate key", text: F.course("A-1", extra: "jp: 9\n"), line: 7, reason: "lebih dari sekali: jp"),
        Broken(name: "YAML syntax", text: F.course("A-1", extra: "audience: [pengawas\ntest: true\n"),
               line: 9, reason: "YAML tidak valid"),
        Broken(name: "required key missing", text: "---\ncode: A-1\nkind: workshop\n---\nTeks.\n",
               line: 1, reason: "kunci wajib tidak ada: title, jp"),
        Broken(name: "English title missing", text: "---\ncode: A-1\ntitle:\n  id: Judul\nkind: workshop\njp: 2\n---\nTeks.\n",
               line: 4, reason: "title.en (bahasa Inggris) wajib diisi"),
        Broken(name: "bad code", text: F.course("A 1"), line: 2, reason: "code 'A 1' tidak valid"),
        Broken(name: "bad prerequisite code", text: F.course("A-1", extra: "prerequisites:\n  - B-1\n  - C_2\n"),
               line: 10, reason: "prerequisites 'C_2' tidak valid"),
        Broken(name: "prerequisite twice", text: F.course("A-1", extra: "prerequisites: [B-1, b-1]\n"),
               line: 8, reason: "prasyarat B-1 disebut lebih dari sekali"),
        Broken(name: "test not a boolean", text: F.course("A-1", extra: "test: kadang\n"),
               line: 8, reason: "test harus true atau false"),
        Broken(name: "project-based without project", text: F.course("A-1", kind: "project_based"),
               line: 6, reason: "kind project_based memerlukan project: true"),
        Broken(name: "project without its plan", text: F.course("A-1", kind: "project_based", extra: "project: true\npass_mark: 70\n"),
               line: 8, reason: "project: true memerlukan milestones, rubric"),
        Broken(name: "plan without project", text: F.course("A-1", extra: "pass_mark: 70\n"),
               line: 8, reason: "pass_mark hanya untuk kursus dengan project: true"),
        Broken(name: "rubric weights not 100",
               text: F.course("A-1", extra: "rubric:\n  - {criterion: A, weight: 50}\n  - {criterion: B, weight: 40}\n"),
               line: 8, reason: "bobot rubric harus berjumlah 100, bukan 90"),
        Broken(name: "milestone due before the previous one",
               text: F.course("A-1", extra: "milestones:\n  - name: Rancangan\n    due_day: 10\n  - name: Seminar\n    due_day: 7\n"),
               line: 12, reason: "due_day 7 lebih awal dari tahap sebelumnya (10)"),
        Broken(name: "body without a paragraph", text: F.course("A-1", body: "## Deskripsi\n"),
               line: 9, reason: "paragraf deskripsi"),
    ]

    @Test("a malformed file is refused as file:line: reason at the offending line", arguments: broken)
    func refused(_ case: Broken) throws {
        let error = #expect(throws: CourseFileError.self) {
            try CourseFileParser.parse(`case`.text, file: "courses/a-1.md")
        }
        let worded = IndonesianText.lines(error.map { [$0] } ?? []).first ?? ""
        #expect(error?.line == `case`.line, "\(worded)")
        #expect(error?.message.contains(`case`.reason) == true, "\(worded)")
        #expect(worded == "courses/a-1.md:\(`case`.line): \(error?.message ?? "")")
    }

    @Test("Windows line endings and a byte-order mark keep the line numbers")
    func crlf() throws {
        let text = "\u{FEFF}" + F.course("A-1", jp: 0).replacingOccurrences(of: "\n", with: "\r\n")
        let error = #expect(throws: CourseFileError.self) { try CourseFileParser.parse(text, file: "a.md") }
        #expect(error?.line == 7)
        let fixed = "\u{FEFF}" + F.course("A-1").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try CourseFileParser.parse(fixed, file: "a.md").jp == 8)
    }

    @Test("kinds, forms and core values parse from their raw values and both names")
    func terms() {
        for kind in CourseKind.allCases {
            #expect(CourseKind(parsing: kind.rawValue) == kind)
            #expect(CourseKind(parsing: kind.name.indonesian) == kind)
            #expect(CourseKind(parsing: kind.name.english) == kind)
        }
        for value in CoreValue.allCases {
            #expect(CoreValue(parsing: value.name.indonesian) == value && CoreValue(parsing: value.name.english) == value)
        }
        #expect(CourseKind(parsing: "e-learning") == .eLearning)
        #expect(CourseKind(parsing: "E-Learning")?.form == .nonklasikal)
        #expect(CourseKind.workshop.form == .klasikal && CourseKind.projectBased.form == .nonklasikal)
        #expect(CourseForm(parsing: "Non-klasikal") == .nonklasikal)
        #expect(CourseKind(parsing: "") == nil && CoreValue(parsing: "jujur") == nil)
    }
}
