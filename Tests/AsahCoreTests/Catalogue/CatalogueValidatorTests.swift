import Testing
@testable import AsahCore

@Suite("Catalogue checks across files")
struct CatalogueValidatorTests {
    typealias F = CatalogueFixtures

    /// Parses a course `code` with `prerequisites` (on line 8) as `courses/<code>.md`.
    private func file(_ code: String, _ prerequisites: [String] = []) throws -> CourseFile {
        let extra = prerequisites.isEmpty ? "" : "prerequisites: [\(prerequisites.joined(separator: ", "))]\n"
        return try CourseFileParser.parse(F.course(code, extra: extra), file: "courses/\(code.lowercased()).md")
    }

    @Test("a code used twice is refused on the second file, at its code line")
    func duplicateCode() throws {
        let first = try file("A-1")
        var second = try file("B-1")
        second.code = "A-1"
        let outcome = CatalogueValidator.validate([first, second], standing: [:])
        #expect(outcome.accepted.map(\.file) == ["courses/a-1.md"])
        #expect(IndonesianText.lines(outcome.errors) == ["courses/b-1.md:2: kode A-1 sudah dipakai di courses/a-1.md"])
    }

    @Test("an unknown prerequisite refuses the file at the prerequisite's line; the rest load")
    func unknownPrerequisite() throws {
        let outcome = CatalogueValidator.validate([try file("A-1"), try file("B-1", ["A-1", "Z-9"]), try file("C-1", ["A-1"])],
                                                  standing: [:])
        #expect(outcome.accepted.map(\.code) == ["A-1", "C-1"])
        #expect(IndonesianText.lines(outcome.errors) == ["courses/b-1.md:8: prasyarat Z-9 tidak ada di katalog"])
    }

    @Test("a two-course cycle is refused, and so is the course left without its prerequisite")
    func twoCycle() throws {
        let outcome = CatalogueValidator.validate([try file("A-1", ["B-1"]), try file("B-1", ["A-1"]), try file("C-1")],
                                                  standing: [:])
        #expect(outcome.accepted.map(\.code) == ["C-1"])
        #expect(IndonesianText.lines(outcome.errors) == [
            "courses/b-1.md:8: prasyarat membentuk siklus: B-1 → A-1 → B-1",
            "courses/a-1.md:8: prasyarat B-1 tidak dimuat karena berkasnya bermasalah",
        ])
    }

    @Test("longer cycles and a course requiring itself are found")
    func longerCycles() throws {
        let three = CatalogueValidator.validate([try file("A-1", ["C-1"]), try file("B-1", ["A-1"]), try file("C-1", ["B-1"])],
                                                standing: [:])
        #expect(three.errors.first?.message == "prasyarat membentuk siklus: C-1 → B-1 → A-1 → C-1")
        #expect(three.accepted.isEmpty)
        let itself = CatalogueValidator.validate([try file("A-1", ["A-1"])], standing: [:])
        #expect(itself.errors.map(\.message) == ["prasyarat membentuk siklus: A-1 → A-1"])
    }

    @Test("a diamond is no cycle")
    func diamond() throws {
        let outcome = CatalogueValidator.validate([try file("A-1"), try file("B-1", ["A-1"]), try file("C-1", ["A-1"]),
                                                   try file("D-1", ["B-1", "C-1"])], standing: [:])
        #expect(outcome.errors.isEmpty && outcome.accepted.count == 4)
    }

    @Test("a standing course of a refused file still counts, also for cycles")
    func standing() throws {
        let standing = ["a-1.md": CatalogueValidator.Standing(code: "A-1", prerequisites: ["B-1"])]
        let kept = CatalogueValidator.validate([try file("C-1", ["A-1"])], standing: standing)
        #expect(kept.errors.isEmpty && kept.kept == ["A-1"])
        let cycle = CatalogueValidator.validate([try file("B-1", ["A-1"])], standing: standing)
        #expect(cycle.errors.map(\.message) == ["prasyarat membentuk siklus: B-1 → A-1 → B-1"])
        let replaced = CatalogueValidator.validate([try file("A-1")], standing: standing)
        #expect(replaced.kept.isEmpty && replaced.accepted.count == 1)
    }
}
