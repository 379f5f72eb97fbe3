"""The pseudonym key file at the command line: `asah migrate` makes it once, `asah serve` refuses to
start without it when pseudonyms exist (saying why instead of answering 500 on every forum page),
and revealing a pseudonym needs the admin's password."""
import os
import sqlite3
import subprocess
import tempfile

BINARY = os.environ.get("ASAH_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "asah"))


def asah(*arguments, stdin=""):
    return subprocess.run([BINARY, *arguments], input=stdin, capture_output=True, text=True, timeout=120)


def database_with_a_pseudonym(folder):
    path = os.path.join(folder, "asah.sqlite")
    made = asah("migrate", "--db", path)
    assert made.returncode == 0, made.stderr
    assert os.path.getsize(path + ".forum-key") == 64
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO forum_pseudonym_owners (owner_tag, sealed_pseudonym) VALUES (x'01', x'02')")
    return path


def test_missing_key_stops_the_server_with_a_reason():
    with tempfile.TemporaryDirectory() as folder:
        path = database_with_a_pseudonym(folder)
        os.rename(path + ".forum-key", path + ".kept-apart")
        served = asah("serve", "--db", path, "--port", "0", "--courses", os.path.join(folder, "none"))
        assert served.returncode != 0
        assert "is missing, but the database holds 1 pseudonym records" in served.stderr
        assert not os.path.exists(path + ".forum-key"), "no new key is made behind the administrator's back"
        migrated = asah("migrate", "--db", path)
        assert migrated.returncode != 0 and "Restore the key file" in migrated.stderr


def test_damaged_key_is_named():
    with tempfile.TemporaryDirectory() as folder:
        path = database_with_a_pseudonym(folder)
        with open(path + ".forum-key", "r+b") as key:
            key.truncate(20)
        served = asah("serve", "--db", path, "--port", "0", "--courses", os.path.join(folder, "none"))
        assert served.returncode != 0
        assert "is damaged: it holds 20 bytes instead of 64" in served.stderr


def test_reveal_needs_the_admins_password():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "asah.sqlite")
        assert asah("migrate", "--db", path).returncode == 0
        added = asah("user", "add", "admin.uji", "--name", "Admin Uji", "--roles", "admin", "--db", path,
                     stdin="sandi-admin-yang-panjang\n")
        assert added.returncode == 0, added.stderr
        refused = asah("forum", "reveal", "1", "--reason", "Laporan resmi nomor 12", "--admin", "admin.uji", "--db", path,
                       stdin="bukan-sandinya\n")
        assert refused.returncode != 0
        assert "only an active admin account, with its password" in refused.stderr
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'forum.pseudonym.reveal.refused'").fetchone()[0] == 1
