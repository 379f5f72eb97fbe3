"""Each release's database (Tests/Fixtures/release-*) goes through `asah migrate` (which backs it
up first) and is served: its demo people sign in and see their pages."""
import glob
import gzip
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

from asah_server import ROOT, ApiClient, free_port

BINARY = os.environ.get("ASAH_BIN", os.path.join(ROOT, ".build", "debug", "asah"))


def test_every_release_database_migrates_and_serves():
    releases = sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "release-*")))
    assert len(releases) >= 2
    for release in releases:
        folder = tempfile.mkdtemp(prefix="asah-release-")
        db = os.path.join(folder, "asah.sqlite")
        try:
            with gzip.open(os.path.join(release, "asah.sqlite.gz")) as source, open(db, "wb") as target:
                shutil.copyfileobj(source, target)
            shutil.copy(os.path.join(release, "asah.sqlite.forum-key"), db + ".forum-key")
            migrated = subprocess.run([BINARY, "migrate", "--db", db], cwd=ROOT, capture_output=True, text=True)
            assert migrated.returncode == 0, migrated.stderr
            if "Applied:" in migrated.stdout:
                assert glob.glob(os.path.join(folder, "backups", "before-migrate-*", "manifest.json")), "a backup first"
            port = free_port()
            server = subprocess.Popen([BINARY, "serve", "--db", db, "--port", str(port), "--log-level", "warning"], cwd=ROOT,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                for _ in range(200):
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                        break
                    except OSError:
                        time.sleep(0.05)
                client = ApiClient(f"http://127.0.0.1:{port}", "demo.pegawai", password="kata-sandi-uji-123")
                for path in ["/api/v1/me", "/api/v1/notifications", "/api/v1/my/trainings", "/api/v1/threads", "/api/v1/my/projects"]:
                    status, _ = client.call("GET", path)
                    assert status == 200, f"{os.path.basename(release)} {path}"
            finally:
                server.terminate()
                server.wait(timeout=20)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
