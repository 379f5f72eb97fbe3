"""`asah backup` taken while the server is writing gives a database that opens and is whole."""
import itertools
import os
import sqlite3
import subprocess
import threading
import time

from asah_server import ROOT, ApiClient, AsahServer


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
        copy = os.path.join(asah.folder, "cadangan.sqlite")
        result = subprocess.run([asah.binary, "backup", "--db", asah.db, copy], cwd=ROOT, capture_output=True, text=True)
        before_stop = len(written)
        stop.set()
        for writer in writers:
            writer.join(timeout=10)
        assert result.returncode == 0, result.stderr
        assert before_stop > 50 and len(written) > 50
        connection = sqlite3.connect(copy)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            tokens = connection.execute("SELECT COUNT(*) FROM api_tokens WHERE name LIKE 'beban-%'").fetchone()[0]
            assert tokens >= 50, "the backup holds what was written before it started"
            assert connection.execute("SELECT COUNT(*) FROM employees").fetchone()[0] > 500
        finally:
            connection.close()
    finally:
        stop.set()
        asah.remove()
