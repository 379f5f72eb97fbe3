"""Acknowledged writes survive SIGKILL, and nothing is half-applied."""
import itertools
import threading
import time

from asah_server import ApiClient, AsahServer


class WriteStream:
    """Writers that keep writing through the API and remember what the server acknowledged."""

    def __init__(self, asah):
        self.asah = asah
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.enrolments = {}   # enrolment id -> (run id, employee nip)
        self.tokens = []       # (login, token name)
        self.errors = []

    def nominate(self):
        """The coordinator nominates people (mandatory) into the open runs, round-robin."""
        client = ApiClient(self.asah.base, "demo.koordinator")
        runs = [row[0] for row in self.asah.query("SELECT id FROM runs WHERE status = 'open' ORDER BY id")]
        taken = set(self.asah.query("SELECT run_id, nip FROM enrolments JOIN employees ON employees.id = employee_id"))
        nips = [row[0] for row in self.asah.query("SELECT nip FROM employees WHERE active = 1 ORDER BY id")]
        pairs = [(run, nip) for nip, run in zip(nips, itertools.cycle(runs)) if (run, nip) not in taken]
        for run, nip in pairs:
            if self.stop.is_set():
                return
            self.send(lambda: client.call("POST", f"/api/v1/runs/{run}/enrolments",
                                          {"employee_nip": nip, "mandatory": True}, timeout=2),
                      lambda body: self.enrolments.__setitem__(body["enrolment_id"], (run, nip)))

    def create_tokens(self, login):
        client = ApiClient(self.asah.base, login)
        for number in itertools.count():
            if self.stop.is_set():
                return
            name = f"{login}-{number}"
            self.send(lambda: client.call("POST", "/api/v1/tokens", {"name": name}, timeout=2),
                      lambda body: self.tokens.append((login, body["name"])))

    def send(self, call, acknowledged):
        try:
            status, body = call()
        except OSError:
            return  # the server died mid-request: not acknowledged
        with self.lock:
            if status == 201:
                acknowledged(body)
            elif status not in (409, 422):  # refused by a domain rule (already enrolled, prerequisite)
                self.errors.append((status, body))


def test_acknowledged_writes_survive_sigkill_and_invariants_hold():
    asah = AsahServer().start()
    try:
        stream = WriteStream(asah)
        writers = [threading.Thread(target=stream.nominate)] + [
            threading.Thread(target=stream.create_tokens, args=(login,))
            for login in ("demo.pegawai", "demo.atasan", "demo.instruktur")]
        for writer in writers:
            writer.start()
        time.sleep(3)
        asah.kill()
        stream.stop.set()
        for writer in writers:
            writer.join(timeout=10)
        print(f"acknowledged before SIGKILL: {len(stream.enrolments)} enrolments, {len(stream.tokens)} tokens")
        assert stream.errors == []
        assert len(stream.enrolments) > 20, "the write stream should have been acknowledged many times"
        assert len(stream.tokens) > 20

        assert asah.query("PRAGMA integrity_check") == [("ok",)]
        assert asah.query("PRAGMA foreign_key_check") == []
        stored = {row[0]: (row[1], row[2]) for row in asah.query(
            "SELECT enrolments.id, run_id, nip FROM enrolments JOIN employees ON employees.id = employee_id")}
        missing = {key: value for key, value in stream.enrolments.items() if stored.get(key) != value}
        assert missing == {}, "acknowledged enrolments lost after SIGKILL"
        names = set(asah.query("SELECT users.login, api_tokens.name FROM api_tokens JOIN users ON users.id = user_id"))
        assert [token for token in stream.tokens if token not in names] == []
        overbooked = asah.query("""
            SELECT runs.code, runs.capacity, COUNT(*) FROM enrolments JOIN runs ON runs.id = run_id
            WHERE enrolments.state IN ('enrolled', 'offered', 'completed', 'not_completed')
            GROUP BY runs.id HAVING COUNT(*) > runs.capacity""")
        assert overbooked == []

        asah.start()
        client = ApiClient(asah.base, "demo.pegawai")
        status, tokens = client.call("GET", "/api/v1/tokens")
        assert status == 200
        assert {token["name"] for token in tokens} >= {name for login, name in stream.tokens if login == "demo.pegawai"}
    finally:
        asah.remove()
