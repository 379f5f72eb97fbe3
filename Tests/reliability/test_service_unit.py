"""The command line of scripts/asah.service starts a server that answers, on a demo database in
place of /var/lib/asah; the unit keeps its sandbox and writable-path settings."""
import os
import shlex
import subprocess
import time
import urllib.request

from asah_server import ROOT, AsahServer, free_port


def unit_settings():
    settings = {}
    with open(os.path.join(ROOT, "scripts", "asah.service")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith(("#", "[")) and "=" in line:
                key, value = line.split("=", 1)
                settings.setdefault(key, []).append(value)
    return settings


def test_the_units_command_line_serves_and_its_sandbox_stays():
    settings = unit_settings()
    for key, value in [("ProtectSystem", "strict"), ("NoNewPrivileges", "yes"), ("PrivateTmp", "yes"),
                       ("ReadWritePaths", "/var/lib/asah"), ("Restart", "on-failure"), ("User", "asah")]:
        assert settings.get(key) == [value], key
    command = shlex.split(settings["ExecStart"][0])
    assert command[0] == "/opt/asah/.build/release/asah" and command[1] == "serve"
    asah = AsahServer()
    port = free_port()
    arguments = [asah.binary] + [argument.replace("/var/lib/asah/asah.sqlite", asah.db) for argument in command[1:]]
    arguments[arguments.index("--port") + 1] = str(port)
    server = subprocess.Popen(arguments, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                    assert answer.read() == b"ok"
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise AssertionError("the unit's command line did not start a server")
    finally:
        server.terminate()
        assert server.wait(timeout=20) == 0, "SIGTERM (the unit's KillSignal) stops it cleanly"
        asah.remove()
