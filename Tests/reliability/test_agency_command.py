"""`asah agency show|set`: the agency settings from the server's shell, checked like the page
(a wrong NIP is refused in Indonesian and nothing is saved), only the options given change,
audited; `asah serve --public-url` refuses an address that is not http(s)."""
import os
import sqlite3
import subprocess
import tempfile

BINARY = os.environ.get("ASAH_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "asah"))


def asah(*arguments):
    return subprocess.run([BINARY, *arguments], capture_output=True, text=True, timeout=120)


def test_set_and_show_from_the_shell():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "asah.sqlite")
        assert asah("migrate", "--db", path).returncode == 0
        refused = asah("agency", "set", "--db", path, "--region-name", "Pemerintah Kabupaten Sumbawa Barat",
                       "--agency-name", "BKPSDM", "--official-name", "Drs. H. Ahmad Yani", "--official-nip", "197508172000033004",
                       "--official-jabatan", "Kepala BKPSDM")
        assert refused.returncode != 0
        assert "NIP pejabat tidak valid: digit jenis kelamin harus 1 atau 2" in refused.stderr
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT COUNT(*) FROM agency_settings").fetchone()[0] == 0

        saved = asah("agency", "set", "--db", path, "--region-name", "Pemerintah Kabupaten Sumbawa Barat",
                     "--agency-name", "BKPSDM", "--official-name", "Drs. H. Ahmad Yani", "--official-nip", "19750817 200003 1 004",
                     "--official-jabatan", "Kepala BKPSDM", "--public-url", "https://asah.sumbawabaratkab.go.id/")
        assert saved.returncode == 0, saved.stderr
        changed = asah("agency", "set", "--db", path, "--signing-place", "Taliwang")
        assert changed.returncode == 0, changed.stderr
        shown = asah("agency", "show", "--db", path).stdout.splitlines()
        assert "official_nip: 19750817 200003 1 004" in shown
        assert "official_name: Drs. H. Ahmad Yani" in shown
        assert "public_url: https://asah.sumbawabaratkab.go.id" in shown
        assert "signing_place: Taliwang" in shown
        with sqlite3.connect(path) as db:
            details = [row[0] for row in db.execute("SELECT detail FROM audit_log WHERE action = 'agency.settings' ORDER BY id")]
        assert len(details) == 2 and details[1] == "signing_place"


def test_serve_refuses_a_public_url_that_is_not_an_address():
    with tempfile.TemporaryDirectory() as folder:
        answer = asah("serve", "--db", os.path.join(folder, "asah.sqlite"), "--port", "0", "--public-url", "asah.pemda.go.id")
        assert answer.returncode != 0
        assert "--public-url takes an http or https address" in answer.stderr
