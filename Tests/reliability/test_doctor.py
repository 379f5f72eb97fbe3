"""`asah doctor` says in plain words what is wrong with an installation, and fails when it must."""
import os
import sqlite3
import subprocess

from asah_server import ROOT, AsahServer


def doctor(asah):
    result = subprocess.run([asah.binary, "doctor", "--db", asah.db], cwd=ROOT, capture_output=True, text=True)
    return result.returncode, result.stdout


def test_doctor_passes_a_healthy_installation_and_names_each_fault():
    asah = AsahServer()
    try:
        os.chmod(asah.folder, 0o750)
        code, text = doctor(asah)
        assert code == 0, text
        assert "FAIL" not in text and "WARN" not in text, text
        assert "Every uploaded file the database refers to is in the data folder." in text

        os.chmod(asah.folder, 0o777)
        code, text = doctor(asah)
        assert code == 1 and "writable by everyone" in text
        os.chmod(asah.folder, 0o750)

        key = asah.db + ".forum-key"
        with open(key, "ab") as f:
            f.write(b"x")
        code, text = doctor(asah)
        assert code == 1 and "holds 65 bytes instead of 64" in text

        evidence = os.path.join(asah.folder, "evidence")
        lost = sorted(os.listdir(evidence))[0]
        os.remove(os.path.join(evidence, lost))
        code, text = doctor(asah)
        assert f"evidence/{lost}" in text and "missing" in text

        with sqlite3.connect(asah.db) as connection:
            connection.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        code, text = doctor(asah)
        assert code == 1 and "newer release" in text and "v99-from-the-future" in text
    finally:
        asah.remove()
