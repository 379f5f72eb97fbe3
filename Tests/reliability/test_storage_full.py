"""When the database cannot be written, users get a clear refusal, nothing half-applied, and the
server recovers by itself once space returns (simulated with a file-size limit on the process)."""
import subprocess
import urllib.error
import urllib.parse
import urllib.request

from asah_server import ApiClient, AsahServer


def limit_file_size(asah, limit):
    """Sets the soft limit only, so that it can be raised again without privileges."""
    subprocess.run(["prlimit", "--pid", str(asah.process.pid), f"--fsize={limit}:"], check=True)


def test_full_storage_gives_a_clear_error_and_recovers():
    asah = AsahServer().start()
    try:
        client = ApiClient(asah.base, "demo.pegawai")
        assert client.call("POST", "/api/v1/tokens", {"name": "sebelum-penuh"})[0] == 201

        limit_file_size(asah, 0)
        status, body = client.call("POST", "/api/v1/tokens", {"name": "saat-penuh"})
        assert status == 503
        assert body["error"]["code"] == "storage_unavailable"
        assert "tidak" in body["error"]["message"] and "tersimpan" in body["error"]["message"]
        form = urllib.parse.urlencode({"_csrf": client.csrf, "name": "lewat-formulir"}).encode()
        try:
            client.opener.open(urllib.request.Request(asah.base + "/account/tokens", data=form), timeout=5)
            raise AssertionError("the form should have been refused")
        except urllib.error.HTTPError as page:
            html = page.read().decode()
            assert page.code == 503
            assert page.headers["Retry-After"] == "30"
            assert "Penyimpanan tidak dapat ditulis" in html and "Perubahan Anda belum tersimpan" in html
        with urllib.request.urlopen(asah.base + "/login", timeout=5) as answer:
            assert answer.status == 200, "pages that only read still work"
        assert asah.process.poll() is None, "the server is still running"

        limit_file_size(asah, "unlimited")
        status, _ = client.call("POST", "/api/v1/tokens", {"name": "setelah-pulih"})
        assert status == 201
        status, tokens = client.call("GET", "/api/v1/tokens")
        assert {token["name"] for token in tokens} >= {"sebelum-penuh", "setelah-pulih"}
        assert not {"saat-penuh", "lewat-formulir"} & {token["name"] for token in tokens}
        asah.stop()
        assert asah.query("PRAGMA integrity_check") == [("ok",)]
    finally:
        asah.remove()
