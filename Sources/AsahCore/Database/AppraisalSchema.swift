import GRDB

/// Performance appraisals (penilaian kinerja): one row per employee, year and period, either
/// under PermenPANRB 6/2022 (two ratings, predikat from the matrix) or a legacy PP 46/2011
/// number. The stored `predikat` is computed by ``PredikatMatrix`` / ``LegacyPredikat``; the
/// checks below repeat those rules so no other writer can store a contradicting row.
enum AppraisalSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE appraisals (
                id INTEGER PRIMARY KEY,
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                year INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
                period TEXT NOT NULL CHECK (period IN ('tahunan', 'tw1', 'tw2', 'tw3', 'tw4',
                    'm01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11', 'm12')),
                hasil_kerja TEXT CHECK (hasil_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
                perilaku_kerja TEXT CHECK (perilaku_kerja IN ('di_atas', 'sesuai', 'di_bawah')),
                predikat TEXT NOT NULL,
                legacy_score REAL CHECK (legacy_score BETWEEN 0 AND 100),
                appraiser_nip TEXT,
                source TEXT NOT NULL,
                imported_at INTEGER NOT NULL,
                UNIQUE (employee_id, year, period),
                CHECK ((hasil_kerja IS NULL) = (perilaku_kerja IS NULL)),
                CHECK (hasil_kerja IS NOT NULL OR legacy_score IS NOT NULL),
                CHECK (predikat = CASE
                    WHEN hasil_kerja IS NOT NULL THEN CASE
                        WHEN perilaku_kerja = 'di_bawah' THEN
                            CASE hasil_kerja WHEN 'di_bawah' THEN 'sangat_kurang' ELSE 'kurang' END
                        WHEN hasil_kerja = 'di_bawah' THEN 'butuh_perbaikan'
                        WHEN hasil_kerja = 'di_atas' AND perilaku_kerja = 'di_atas' THEN 'sangat_baik'
                        ELSE 'baik' END
                    WHEN legacy_score >= 91 THEN 'pp46_sangat_baik'
                    WHEN legacy_score >= 76 THEN 'pp46_baik'
                    WHEN legacy_score >= 61 THEN 'pp46_cukup'
                    WHEN legacy_score > 50 THEN 'pp46_kurang'
                    ELSE 'pp46_buruk' END)
            );
            """)
    }
}
