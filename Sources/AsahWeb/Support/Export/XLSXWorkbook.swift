import AsahCore
import Foundation
import ZIPFoundation

/// An ``ExportTable`` as an `.xlsx` workbook of one sheet: the few SpreadsheetML parts
/// (content types, relationships, workbook, styles and ``XLSXSheet``) zipped by ZIPFoundation.
enum XLSXWorkbook {
    static func bytes(_ table: ExportTable, _ localizer: Localizer) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts(table, localizer) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_577_836_800), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ text: String) -> String {
        let cleaned = String(text.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    private static func parts(_ table: ExportTable, _ localizer: Localizer) -> [(String, String)] {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let package = "http://schemas.openxmlformats.org/package/2006"
        let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let types = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return [
            ("[Content_Types].xml", head + """
                <Types xmlns="\(package)/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="\(types).sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="\(types).worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="\(types).styles+xml"/></Types>
                """),
            ("_rels/.rels", head + """
                <Relationships xmlns="\(package)/relationships">\
                <Relationship Id="rId1" Type="\(office)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", head + """
                <workbook xmlns="\(main)" xmlns:r="\(office)"><sheets>\
                <sheet name="\(XMLText.escape(sheetName(localizer.t(table.sheet))))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", head + """
                <Relationships xmlns="\(package)/relationships">\
                <Relationship Id="rId1" Type="\(office)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(office)/styles" Target="styles.xml"/></Relationships>
                """),
            // Cell styles in the order of XLSXSheet.Style: plain, bold header, date (dd/mm/yyyy).
            ("xl/styles.xml", head + """
                <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
                <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", XLSXSheet.xml(table, localizer)),
        ]
    }
}
