"""A real Asah server over a fresh demo database, for the Python suites (browser, reliability)."""
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "kata-sandi-e2e-2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AsahServer:
    """`asah demo` into a temporary folder, then `asah serve` on a free port; can be killed and restarted."""

    def __init__(self, employees=600):
        self.binary = os.environ.get("ASAH_BIN", os.path.join(ROOT, ".build", "debug", "asah"))
        self.folder = tempfile.mkdtemp(prefix="asah-py-")
        self.db = os.path.join(self.folder, "asah.sqlite")
        # The catalogue served (and edited in the browser) is a copy: the repository's courses/ never changes.
        self.courses = os.path.join(self.folder, "courses")
        shutil.copytree(os.path.join(ROOT, "courses"), self.courses)
        subprocess.run([self.binary, "demo", "--db", self.db, "--password", PASSWORD, "--employees", str(employees)],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_path = os.path.join(self.folder, "server.log")

    def start(self, wrapper=(), options=(), env=None):
        """Starts serving; `wrapper` prefixes the command (for example a resource limit), `options`
        are added to `asah serve` (for example `--supervise`), `env` adds environment variables."""
        log = open(self.log_path, "a")
        self.process = subprocess.Popen([*wrapper, self.binary, "serve", "--db", self.db, "--port", str(self.port),
                                         "--log-level", "warning", "--courses", self.courses, *options], cwd=ROOT, stdout=log,
                                        stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        for _ in range(200):
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError("server did not start: " + self.log())

    def kill(self):
        """SIGKILL: no chance to finish anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=15)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)

    def log(self):
        with open(self.log_path) as f:
            return f.read()

    def query(self, sql, *args):
        """Reads the database directly (what survived, independent of the server)."""
        connection = sqlite3.connect(self.db, timeout=10)
        try:
            return connection.execute(sql, args).fetchall()
        finally:
            connection.close()

    def remove(self):
        if self.process and self.process.poll() is None:
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class ApiClient:
    """Signs in through `POST /api/v1/session` and sends JSON with the session's CSRF token."""

    def __init__(self, base, login, password=PASSWORD):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        status, body = self.call("POST", "/api/v1/session", {"login": login, "password": password})
        if status != 200:
            raise RuntimeError(f"cannot sign in as {login}: {status} {body}")
        self.csrf = body["csrf_token"]

    def call(self, method, path, body=None, timeout=10):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if getattr(self, "csrf", None):
            request.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(request, timeout=timeout) as answer:
                raw = answer.read()
                if not answer.headers.get("Content-Type", "").startswith("application/json"):
                    return answer.status, raw.decode(errors="replace")
                return answer.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as failure:
            raw = failure.read()
            try:
                return failure.code, json.loads(raw)
            except ValueError:
                return failure.code, raw.decode(errors="replace")
