"""The office outputs as a coordinator uses them: follow the download links on the pages, then
open the files with real readers (openpyxl for .xlsx, Python's csv with ';' and utf-8-sig for
the Excel (Indonesia) CSV) and check what a coordinator would look at."""
import csv
import html
import io
import re
import urllib.request

import openpyxl
import pytest

from asah_server import ApiClient
from demo_db import rows


class Coordinator:
    """A signed-in demo.koordinator that fetches pages and downloads as bytes."""

    def __init__(self, base):
        self.client = ApiClient(base, "demo.koordinator")

    def get(self, path):
        with self.client.opener.open(urllib.request.Request(self.client.base + path), timeout=20) as answer:
            return answer.status, answer.headers, answer.read()

    def page(self, path):
        status, _, body = self.get(path)
        assert status == 200, path
        return body.decode()

    def links(self, path):
        """The download links of the page: the .xlsx, the Excel CSV and the plain CSV of each table."""
        return [html.unescape(href) for href in re.findall(r'href="([^"]+\.(?:xlsx|csv)[^"]*)"', self.page(path))]

    def workbook(self, path):
        status, headers, body = self.get(path)
        assert status == 200 and headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument")
        return openpyxl.load_workbook(io.BytesIO(body)).active

    def excel_csv(self, path):
        status, headers, body = self.get(path)
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert body.startswith(b"\xef\xbb\xbf"), "Excel reads UTF-8 only with the byte order mark"
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.fixture(scope="module")
def coordinator(server):
    return Coordinator(server["base"])


query = rows


def test_compliance_opens_in_excel(server, coordinator):
    links = coordinator.links("/hours/compliance")
    xlsx = next(link for link in links if link.startswith("/hours/compliance.xlsx"))
    excel = next(link for link in links if "format=excel" in link)
    year = int(re.search(r"year=(\d+)", xlsx).group(1))

    sheet = coordinator.workbook(xlsx)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Tahun", "Target JP", "Kode unit", "Nama unit", "Jumlah pegawai bertarget", "Pegawai mencapai target",
                       "Persentase (%)")
    # By default only a PNS has a target (PP 11/2017 art. 203); a PPPK has a cap and no minimum (PP 49/2018 art. 39).
    code, name, employees = query(server, """
        SELECT u.code, u.name, COUNT(*) FROM employees p JOIN units u ON u.id = p.unit_id
        WHERE p.active AND p.employment = 'pns' GROUP BY u.id ORDER BY COUNT(*) DESC LIMIT 1""")[0]
    unit_row = next(row for row in rows[1:] if row[2] == code)
    assert unit_row[0] == year and unit_row[3] == name
    assert unit_row[4] == employees and isinstance(unit_row[4], int), "numbers are numbers, not text"
    assert unit_row[1] == "PNS 20 JP; PPPK tanpa target, paling banyak 24 JP"

    table = coordinator.excel_csv(excel)
    assert table[0] == list(rows[0]), "the same Indonesian headers in both"
    assert len(table) == len(rows)
    assert next(row for row in table[1:] if row[2] == code)[4] == str(employees)


def test_compliance_by_employee_names_a_known_employee(server, coordinator):
    nip, unit_id, name = query(server, """
        SELECT p.nip, p.unit_id, p.name FROM employees p JOIN users u ON u.employee_id = p.id WHERE u.login = 'demo.pegawai'""")[0]
    links = coordinator.links(f"/hours/compliance/{unit_id}")
    year = int(re.search(r"year=(\d+)", links[0]).group(1))
    verified = query(server, "SELECT COALESCE(SUM(jp), 0) FROM training_hours WHERE employee_id = "
                             "(SELECT id FROM employees WHERE nip = ?) AND year = ? AND status = 'verified'", nip, year)[0][0]

    sheet = coordinator.workbook(next(link for link in links if ".xlsx" in link))
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Tahun", "NIP", "Nama", "Jabatan", "Unit kerja", "JP terverifikasi")
    row = next(row for row in rows[1:] if row[1] == nip)
    assert isinstance(row[1], str), "an 18-digit NIP stays text"
    assert row[2] == name and row[5] == pytest.approx(verified)
    # By default a PNS has a 20 JP target and no cap; a PPPK no target (no "reached") and a 24 JP cap.
    assert rows[0][7:] == ("Target JP", "Mencapai target", "JP melebihi batas")
    if query(server, "SELECT employment FROM employees WHERE nip = ?", nip)[0][0] == "pns":
        assert row[7] == 20 and row[8] == ("Ya" if verified >= 20 else "Tidak") and row[9] == 0
    else:
        assert row[7] is None and row[8] is None and row[9] == pytest.approx(max(0, verified - 24))

    table = coordinator.excel_csv(next(link for link in links if "format=excel" in link))
    assert table[0][-1] == "JP melebihi batas"
    # Excel shows ="NIP" as the digits, as text; a bare 18-digit number would become 1,99E+17.
    row = next(row for row in table[1:] if row[1] == f'="{nip}"')
    assert float(row[5].replace(",", ".")) == pytest.approx(verified) and "." not in row[5]


def test_evaluation_tables_use_decimal_commas(coordinator):
    links = coordinator.links("/evaluation?year=all")
    runs_xlsx = next(link for link in links if link.startswith("/evaluation/runs.xlsx"))
    runs_excel = next(link for link in links if link.startswith("/evaluation/runs.csv") and "format=excel" in link)
    sheet = coordinator.workbook(runs_xlsx)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Kode angkatan", "Angkatan", "Tanggal selesai", "Jumlah peserta", "Lulus", "Rerata reaksi (L1)",
                       "Rerata N-gain (L2)")
    rated = [row for row in rows[1:] if isinstance(row[5], float)]
    assert rated, "the demo has evaluated runs"
    assert all(hasattr(row[2], "year") for row in rows[1:]), "end dates are dates"

    table = coordinator.excel_csv(runs_excel)
    assert table[0] == list(rows[0])
    by_code = {row[0]: row for row in table[1:]}
    for row in rated:
        written = by_code[row[0]][5]
        assert re.fullmatch(r"\d+,\d\d", written), written
        assert float(written.replace(",", ".")) == pytest.approx(row[5], abs=0.005)
        assert re.fullmatch(r"\d\d/\d\d/\d{4}", by_code[row[0]][2])

    summary = coordinator.excel_csv(next(link for link in links if link.startswith("/evaluation/summary.csv") and "format=excel" in link))
    assert summary[0] == ["Ukuran", "Nilai"]
    assert re.fullmatch(r"0,\d{3}", dict(summary[1:])["tingkat_kelulusan"])


def test_run_participants_and_attendance_sheet(server, coordinator):
    run_id, sessions = query(server, """
        SELECT r.id, (SELECT COUNT(*) FROM run_sessions s WHERE s.run_id = r.id) FROM runs r
        WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.run_id = r.id AND e.state = 'completed') ORDER BY r.id LIMIT 1""")[0]
    nip, name, golongan = query(server, """
        SELECT p.nip, p.name, p.golongan FROM enrolments e JOIN employees p ON p.id = e.employee_id
        WHERE e.run_id = ? AND e.state = 'completed' ORDER BY p.name LIMIT 1""", run_id)[0]
    run_page = coordinator.page(f"/runs/{run_id}")
    assert f'href="/runs/{run_id}/participants"' in run_page and f'href="/runs/{run_id}/attendance-sheet"' in run_page

    links = coordinator.links(f"/runs/{run_id}/participants")
    sheet = coordinator.workbook(next(link for link in links if link.endswith(".xlsx")))
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("No", "Nama", "NIP", "Unit kerja", "Golongan", "Jabatan", "Status")
    assert [row[0] for row in rows[1:]] == list(range(1, len(rows)))
    row = next(row for row in rows[1:] if row[2] == nip)
    assert row[1] == name and row[4] == (golongan or None) and row[6] == "Lulus"

    table = coordinator.excel_csv(next(link for link in links if "format=excel" in link))
    assert [row[2] for row in table[1:]] == [f'="{row[2]}"' for row in rows[1:]]

    attendance = coordinator.page(f"/runs/{run_id}/attendance-sheet")
    assert attendance.count('<section class="attendance-sheet"') == sessions
    assert "Tanda tangan" in attendance and nip in attendance
    assert "style=" not in attendance, "no inline style under the CSP"
