@testable import AsahCore
import Testing

@Suite("CSV exports")
struct CSVTextTests {
    @Test("a cell a spreadsheet would run as a formula is written inert; numbers stay numbers")
    func formulasInert() throws {
        let csv = try CSVText.make(header: ["nama", "nilai"], rows: [
            ["=HYPERLINK(\"http://x\",\"klik\")", "-0.25"],
            ["+62 811", "@SUM(A1)"],
            ["-jahat", "12"],
            ["Dinas Kesehatan", "1e3"],
        ])
        #expect(csv == """
            nama,nilai
            "'=HYPERLINK(""http://x"",""klik"")",-0.25
            '+62 811,'@SUM(A1)
            '-jahat,12
            Dinas Kesehatan,1e3

            """)
    }
}
