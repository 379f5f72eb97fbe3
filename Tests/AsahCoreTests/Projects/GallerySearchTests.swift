import Testing
@testable import AsahCore

@Suite("Gallery search expression")
struct GallerySearchTests {
    @Test("every word becomes a quoted prefix; FTS5 syntax in the query is only text")
    func expression() {
        #expect(ProjectGallery.matchExpression("antrean KTP") == #""antrean"* "KTP"*"#)
        #expect(ProjectGallery.matchExpression(#"  "loket" OR (NEAR* -x  "#) == #""loket"* "OR"* "NEAR"* "x"*"#)
        #expect(ProjectGallery.matchExpression("pelayanan-publik, 2026") == #""pelayanan"* "publik"* "2026"*"#)
        #expect(ProjectGallery.matchExpression("  \"()*: ") == nil)
        #expect(ProjectGallery.matchExpression("a b c d e f g h i j") == #""a"* "b"* "c"* "d"* "e"* "f"* "g"* "h"*"#, "at most 8 words")
    }
}
