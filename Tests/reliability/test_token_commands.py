"""`asah user tokens LOGIN` and `asah user revoke-token ID`: an IT officer sees an account's
personal access tokens (live, expired, revoked; last use to the hour) and ends one from the
server's shell, audited with the owner's login."""
import hashlib
import os
import sqlite3
import subprocess
import tempfile
import time

BINARY = os.environ.get("ASAH_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "asah"))


def asah(*arguments, stdin=""):
    return subprocess.run([BINARY, *arguments], input=stdin, capture_output=True, text=True, timeout=120)


def database_with_tokens(folder):
    path = os.path.join(folder, "asah.sqlite")
    assert asah("migrate", "--db", path).returncode == 0
    added = asah("user", "add", "pemilik.skrip", "--name", "Pemilik Skrip", "--db", path, stdin="sandi-yang-cukup-panjang\n")
    assert added.returncode == 0, added.stderr
    now = int(time.time())
    with sqlite3.connect(path) as db:
        user = db.execute("SELECT id FROM users WHERE login = 'pemilik.skrip'").fetchone()[0]
        rows = [("rekap harian", now - 86400, now - now % 3600, now + 30 * 86400, None),
                ("skrip lama", now - 100 * 86400, None, now - 86400, None),
                ("dicabut", now - 86400, None, now + 86400, now - 3600)]
        for name, created, used, expires, revoked in rows:
            digest = hashlib.sha256(name.encode()).hexdigest()
            db.execute("INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at, expires_at, revoked_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)", (user, name, digest, created, used, expires, revoked))
        ids = {name: id for id, name in db.execute("SELECT id, name FROM api_tokens")}
    return path, ids


def test_list_and_revoke_from_the_shell():
    with tempfile.TemporaryDirectory() as folder:
        path, ids = database_with_tokens(folder)
        listed = asah("user", "tokens", "pemilik.skrip", "--db", path)
        assert listed.returncode == 0, listed.stderr
        lines = {line.split("\t")[1]: line for line in listed.stdout.splitlines()}
        # Times in the installation's zone (WIB where the agency set none), named by it.
        assert "live until 20" in lines["rekap harian"] and " WIB" in lines["rekap harian"], listed.stdout
        assert lines["skrip lama"].endswith("expired") and "never used" in lines["skrip lama"]
        assert lines["dicabut"].endswith("revoked")

        revoked = asah("user", "revoke-token", str(ids["rekap harian"]), "--db", path)
        assert revoked.returncode == 0, revoked.stderr
        assert asah("user", "tokens", "pemilik.skrip", "--db", path).stdout.count("revoked") == 2
        with sqlite3.connect(path) as db:
            audit = db.execute("SELECT actor_user_id, ip, subject, detail FROM audit_log WHERE action = 'token.revoke'").fetchall()
        assert audit == [(None, "cli", str(ids["rekap harian"]), "pemilik.skrip")], "the owner is named"

        again = asah("user", "revoke-token", str(ids["rekap harian"]), "--db", path)
        assert again.returncode != 0 and "revoked already" in again.stderr
        assert asah("user", "tokens", "tidak.ada", "--db", path).returncode != 0
