"""Writers that keep writing through the API and remember which writes the server acknowledged."""
import itertools
import threading

from asah_server import ApiClient


class WriteStream:
    """Writers that keep writing through the API and remember what the server acknowledged."""

    LOGINS = ("demo.pegawai", "demo.atasan", "demo.instruktur")

    def __init__(self, asah):
        self.asah = asah
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.enrolments = {}   # enrolment id -> (run id, employee nip)
        self.tokens = []       # (login, token name)
        self.errors = []
        self.writers = []

    def start(self):
        """Starts the coordinator's nominations and one token writer per login in `LOGINS`."""
        self.writers = [threading.Thread(target=self.nominate)] + [
            threading.Thread(target=self.create_tokens, args=(login,)) for login in self.LOGINS]
        for writer in self.writers:
            writer.start()

    def finish(self):
        """Stops the writers and waits for them."""
        self.stop.set()
        for writer in self.writers:
            writer.join(timeout=10)

    def lost(self):
        """Acknowledged enrolments and tokens the database does not hold (both empty when none was lost)."""
        stored = {row[0]: (row[1], row[2]) for row in self.asah.query(
            "SELECT enrolments.id, run_id, nip FROM enrolments JOIN employees ON employees.id = employee_id")}
        enrolments = {key: value for key, value in self.enrolments.items() if stored.get(key) != value}
        names = set(self.asah.query("SELECT users.login, api_tokens.name FROM api_tokens JOIN users ON users.id = user_id"))
        return enrolments, [token for token in self.tokens if token not in names]

    def nominate(self):
        """The coordinator nominates people (mandatory) into the open runs, round-robin."""
        client = ApiClient(self.asah.base, "demo.koordinator")
        runs = [row[0] for row in self.asah.query("SELECT id FROM runs WHERE status = 'open' ORDER BY id")]
        taken = set(self.asah.query("SELECT run_id, nip FROM enrolments JOIN employees ON employees.id = employee_id"))
        # Not the coordinator's own record: nobody nominates themselves (a refusal, not an error).
        nips = [row[0] for row in self.asah.query("""
            SELECT nip FROM employees WHERE active = 1
            AND id NOT IN (SELECT employee_id FROM users WHERE login = 'demo.koordinator' AND employee_id IS NOT NULL)
            ORDER BY id""")]
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
