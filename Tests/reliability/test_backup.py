"""`asah backup` taken while the server is writing gives a backup that `asah restore` puts in place
whole: a server started on it has every write acknowledged before the backup began and every file."""
import itertools
import os
import sqlite3
import subprocess
import threading
import time
import urllib.request

from asah_server import ROOT, ApiClient, AsahServer, free_port


def test_online_backup_under_write_load_is_consistent():
    asah = AsahServer().start()
    stop = threading.Event()
    written = []

    def write():
        client = ApiClient(asah.base, "demo.pegawai")
        for number in itertools.count():
            if stop.is_set():
                return
            status, _ = client.call("POST", "/api/v1/tokens", {"name": f"beban-{number}"})
            assert status == 201
            written.append(number)

    writers = [threading.Thread(target=write) for _ in range(2)]
    try:
        for writer in writers:
            writer.start()
        while len(written) < 50:
            time.sleep(0.05)
        acknowledged = len(written)
        backup = os.path.join(asah.folder, "cadangan")
        result = subprocess.run([asah.binary, "backup", "--db", asah.db, backup], cwd=ROOT, capture_output=True, text=True)
        before_stop = len(written)
        stop.set()
        for writer in writers:
            writer.join(timeout=10)
        assert result.returncode == 0, result.stderr
        assert before_stop > 50 and len(written) > 50
        connection = sqlite3.connect(os.path.join(backup, "asah.sqlite"))
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            tokens = connection.execute("SELECT COUNT(*) FROM api_tokens WHERE name LIKE 'beban-%'").fetchone()[0]
            assert tokens >= acknowledged, "the backup holds what was acknowledged before it started"
            assert connection.execute("SELECT COUNT(*) FROM employees").fetchone()[0] > 500
        finally:
            connection.close()

        restored = os.path.join(asah.folder, "dipulihkan", "asah.sqlite")
        key = asah.db + ".forum-key"
        result = subprocess.run([asah.binary, "restore", backup, "--db", restored, "--key", key], cwd=ROOT,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        again = subprocess.run([asah.binary, "restore", backup, "--db", restored], cwd=ROOT, capture_output=True, text=True)
        assert again.returncode != 0 and "never overwrites" in again.stderr
        files = [name for (name,) in asah.query("SELECT stored_name FROM submission_files")]
        assert files, "the demo has project uploads"
        for name in files:
            assert os.path.exists(os.path.join(os.path.dirname(restored), "projects", name)), name
        port = free_port()
        server = subprocess.Popen([asah.binary, "serve", "--db", restored, "--port", str(port), "--log-level", "warning"],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.05)
            client = ApiClient(f"http://127.0.0.1:{port}", "demo.pegawai")
            status, _ = client.call("GET", "/api/v1/tokens")
            assert status == 200, "the restored installation serves and signs people in"
            restored_tokens = sqlite3.connect(restored).execute(
                "SELECT COUNT(*) FROM api_tokens WHERE name LIKE 'beban-%'").fetchone()[0]
            assert restored_tokens >= acknowledged, "every write acknowledged before the backup began is there"
        finally:
            server.terminate()
            server.wait(timeout=15)
    finally:
        stop.set()
        asah.remove()
