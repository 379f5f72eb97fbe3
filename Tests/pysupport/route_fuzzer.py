"""A fuzzer over every route of a running Asah server, driven by the server's own route table
(`asah routes`), so a new route is fuzzed without anyone adding it.

For each request it picks a route, a role (anonymous or a demo account, signed in with a CSRF
token so handlers are really reached), path values, a query string and a body from boundary
cases (0, -1, Int64.max, 20-digit numbers, empty, very long, NUL, line breaks, invalid UTF-8,
broken escapes, FTS and SQL syntax) mixed with real values read from the database (ids, course
codes, NIPs), so deep code runs too. It checks that no answer is a 5xx, that the server is still
running, and, for a sample of refused requests (4xx), that the content tables did not change.
"""
import http.client
import json
import os
import random
import sqlite3
import subprocess
import time
import urllib.parse

ROLES = [None, "demo.pegawai", "demo.atasan", "demo.instruktur", "demo.koordinator", "demo.admin"]

# Query and form names the handlers read (grep `query().` and `form[` in Sources/AsahWeb).
QUERY_NAMES = ["page", "q", "year", "category", "status", "order", "agenda", "overdue", "form", "competency", "max_jp",
               "unit", "programme", "course", "run", "from", "to", "title", "notice", "error", "kind", "act", "quote",
               "next", "dry_run", "skip_bad_rows", "lang"]
FORM_NAMES = ["back", "body", "category", "certificate_number", "check", "coach", "code", "comment", "confirm_password",
              "consent", "coordinators_only", "course", "current_password", "decision", "description", "dry_run", "due_0",
              "ended_on", "featured", "into", "jp", "kind", "lang", "login", "mandatory", "max", "measure",
              "measured_result", "mentor", "name", "new_password", "next", "nip", "note", "official", "organiser",
              "outcome", "owner", "password", "present", "problem", "pseudonymous", "pseudonyms", "reason", "reply_to",
              "roles", "score", "score_0", "skip_bad_rows", "stakeholders", "started_on", "status", "text", "threshold",
              "title", "training", "values", "year", "capacity", "starts_on", "ends_on", "course_id", "quotas",
              "s1_date", "s1_start", "s1_end", "s9223372036854775807_date", "q0", "material", "offer_window_hours"]
JSON_NAMES = ["title", "body", "category_id", "kind", "pseudonymous", "reply_to_id", "official", "reason", "status",
              "employee_nip", "mandatory", "name", "login", "password", "answers", "scores", "maximum", "decision",
              "comment", "nip", "pre", "post", "competency", "score", "example"]

# The server's memory for the request line and headers (`ServerConfiguration.headerMemoryBytes`).
HEADER_LIMIT = 32 * 1024

# The content tables a refused request must leave alone (logs, sessions, throttles and
# notifications may change).
CONTENT_TABLES = ["api_tokens", "appraisals", "attendance", "behaviour_answers", "certificates", "courses", "employees",
                  "enrolments", "forum_categories", "forum_flags", "forum_moderation", "forum_posts",
                  "forum_post_revisions", "forum_supports", "forum_threads", "milestone_reviews", "milestone_submissions",
                  "programmes", "project_gallery_consents", "project_members", "projects", "run_sessions", "runs",
                  "survey_responses", "test_scores", "training_hours", "units", "user_roles", "users"]

BOUNDARY_TEXT = ["", "0", "-1", "1", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                 "99999999999999999999", "366845182096078592", "1e308", "NaN", "0x10", "+1", " 1 ", "1.5",
                 "a" * 10_000, "x" * 300, "\x00", "abc\x00def", "line\nbreak", "\r\n", "\t", "\u202e", "é", "𝔘𝔫𝔦",
                 "'", "\"", "\\", "%", "%%", "%zz", "' OR 1=1 --", "\" OR \"\" = \"", "NEAR(", "a OR b", "*", "\"*\"",
                 "( ) \" ^ :", " ".join(["kata"] * 1000), "../../etc/passwd", "<script>alert(1)</script>",
                 "2026-02-30", "2026-13-01", "0000-00-00", "all", "true", "false", "null", "[]", "{}"]
# Raw escapes for query strings (already encoded; some deliberately broken or not UTF-8).
BOUNDARY_ENCODED = ["%00", "%0a", "%0d%0a", "%ff", "%c3%28", "%e2%82", "%", "%2", "%zz", "%25", "+", "%2b",
                    "%ef%bb%bf", "%c0%af", "%7f", "%1b[31m"]


class Finding(Exception):
    """Something the server must never do: a 5xx, stopping, or a refused request that wrote."""


class RouteFuzzer:
    def __init__(self, base, db, binary, seed, password, write_check_rate=0.1):
        """`write_check_rate`: the share of refused writes checked against the database (0 when
        several fuzzers run at once: another one's writes would look like this one's)."""
        self.base = base
        self.write_check_rate = write_check_rate
        self.db = db
        self.random = random.Random(seed)
        self.password = password
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port
        output = subprocess.run([binary, "routes", "--db", db], check=True, capture_output=True, text=True).stdout
        self.routes = json.loads(output)
        self.values = self._real_values()
        self.sessions = {}
        self.statuses = {}
        self.per_route = {}
        self.findings = []
        self.requests = 0

    # Values read from the database, so deep code is reached.
    def _real_values(self):
        connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
        try:
            def column(sql):
                return [str(row[0]) for row in connection.execute(sql).fetchall() if row[0] is not None]
            ids = set()
            for table in ["runs", "forum_threads", "forum_posts", "projects", "enrolments", "users", "api_tokens",
                          "forum_categories", "certificates", "notifications", "run_sessions", "behaviour_checks",
                          "training_hours", "programmes", "units", "forum_moderation", "forum_course_proposals"]:
                ids.update(column(f"SELECT id FROM {table} ORDER BY random() LIMIT 40"))
            return {
                "id": sorted(ids, key=int) or ["1"],
                "code": column("SELECT code FROM courses") or ["X"],
                "nip": column("SELECT nip FROM employees ORDER BY random() LIMIT 60") or ["1"],
                "verify": column("SELECT code FROM certificates LIMIT 20") if self._has_column(connection, "certificates", "code") else [],
                "kind": ["employees", "units", "appraisals"],
                "phase": ["pre", "post"],
                "position": ["0", "1", "2", "3"],
                "path": ["css/asah.css", "js/asah.js", "img/asah.svg"],
            }
        finally:
            connection.close()

    @staticmethod
    def _has_column(connection, table, name):
        return any(row[1] == name for row in connection.execute(f"PRAGMA table_info({table})"))

    # Signing in.
    def _session(self, login):
        if login is None:
            if None not in self.sessions:
                status, headers, _ = self._send("GET", "/login", {}, None)
                cookie = self._cookie(headers, "asah_csrf")
                self.sessions[None] = (f"asah_csrf={cookie}" if cookie else "", cookie or "")
            return self.sessions[None]
        if login not in self.sessions:
            body = json.dumps({"login": login, "password": self.password}).encode()
            status, headers, answer = self._send("POST", "/api/v1/session", {"Content-Type": "application/json"}, body)
            if status != 200:
                return None
            cookie = self._cookie(headers, "asah_session")
            self.sessions[login] = (f"asah_session={cookie}", json.loads(answer)["csrf_token"])
        return self.sessions[login]

    @staticmethod
    def _cookie(headers, name):
        for key, value in headers:
            if key.lower() == "set-cookie" and value.startswith(name + "="):
                return value.split(";", 1)[0].split("=", 1)[1]
        return None

    # One HTTP exchange on a fresh connection (a refused framing closes it anyway).
    def _send(self, method, target, headers, body):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.putrequest(method, target, skip_accept_encoding=True)
            for name, value in headers.items():
                connection.putheader(name, value)
            if body is not None:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            answer = connection.getresponse()
            return answer.status, answer.getheaders(), answer.read()
        finally:
            connection.close()

    # Generating values.
    def _text(self):
        pick = self.random.random()
        if pick < 0.5:
            return self.random.choice(BOUNDARY_TEXT)
        if pick < 0.8:
            return self.random.choice(self.random.choice(list(self.values.values())) or ["1"])
        alphabet = "abc019 -_.%/\\'\"<>&=?#\x00\n\té€𝔘"
        return "".join(self.random.choice(alphabet) for _ in range(self.random.randint(0, 40)))

    def _encoded(self, text):
        if self.random.random() < 0.15:
            return self.random.choice(BOUNDARY_ENCODED)
        return urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="")

    def _path(self, pattern):
        parts = []
        for segment in pattern.split("/")[1:]:
            if segment.startswith(":") or segment.startswith("*"):
                name = segment[1:]
                pool = self.values.get(name) or self.values.get("verify" if name == "code" and "verify" in pattern else name)
                if name in ("post", "action", "file", "unitId"):
                    pool = self.values["id"]
                if pattern.startswith("/admin/users/"):
                    pool = None  # real ids would deactivate or re-password the demo accounts the fuzzer signs in with
                if pool and self.random.random() < 0.6:
                    value = self.random.choice(pool)
                else:
                    value = self._text()
                parts.append(self._encoded(value) if segment.startswith(":")
                             else urllib.parse.quote(value.encode("utf-8", "surrogatepass"), safe="/"))
            else:
                parts.append(segment)
        return "/" + "/".join(parts)

    def _query(self):
        if self.random.random() < 0.3:
            return ""
        pairs = []
        for _ in range(self.random.randint(1, 4)):
            name = self.random.choice(QUERY_NAMES) if self.random.random() < 0.9 else self._text()[:20]
            pairs.append(self._encoded(name) + "=" + self._encoded(self._text()))
        return "?" + "&".join(pairs)

    def _json_value(self, depth=0):
        kind = self.random.randint(0, 9 if depth < 2 else 5)
        if kind <= 2:
            return self._text()
        if kind == 3:
            return self.random.choice([0, -1, 1, 2**63 - 1, -(2**63), 2**64, 10**30, 3.5, 1e308, -1e308])
        if kind == 4:
            return self.random.choice([True, False, None])
        if kind == 5:
            return int(self.random.choice(self.values["id"]))
        if kind <= 7:
            return [self._json_value(depth + 1) for _ in range(self.random.randint(0, 4))]
        return {self.random.choice(JSON_NAMES + ["q0", "1", ""]): self._json_value(depth + 1)
                for _ in range(self.random.randint(0, 4))}

    def _body(self, route, csrf):
        if route["method"] in ("GET", "HEAD"):
            return {}, None
        if route["kind"] == "api":
            choice = self.random.random()
            if choice < 0.75:
                body = json.dumps({self.random.choice(JSON_NAMES): self._json_value()
                                   for _ in range(self.random.randint(0, 5))}).encode()
                return {"Content-Type": "application/json", "X-CSRF-Token": csrf}, body
            if choice < 0.9:
                return {"Content-Type": "application/json", "X-CSRF-Token": csrf}, self._text().encode("utf-8", "surrogatepass")
            return {"Content-Type": "text/csv", "X-CSRF-Token": csrf}, ("nip,nama\n" + self._text()).encode("utf-8", "surrogatepass")
        fields = [("_csrf", csrf)] if self.random.random() < 0.95 else []
        for _ in range(self.random.randint(0, 6)):
            fields.append((self.random.choice(FORM_NAMES), self._text()))
        body = "&".join(self._encoded(name) + "=" + self._encoded(value) for name, value in fields)
        return {"Content-Type": "application/x-www-form-urlencoded"}, body.encode()

    # Checking.
    def _fingerprint(self):
        connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
        try:
            prints = {}
            for table in CONTENT_TABLES:
                try:
                    prints[table] = connection.execute(f"SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM {table}").fetchone()
                except sqlite3.OperationalError:  # WITHOUT ROWID
                    prints[table] = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            return prints
        finally:
            connection.close()

    def request(self):
        route = self.random.choice(self.routes)
        login = self.random.choice(ROLES)
        session = self._session(login)
        if session is None:
            session = self._session(None)
            login = None
        cookie, csrf = session
        target = self._path(route["pattern"]) + self._query()
        headers, body = self._body(route, csrf)
        headers = dict(headers, Cookie=cookie, Accept=self.random.choice(["text/html", "application/json"]))
        check_writes = route["method"] != "GET" and self.random.random() < self.write_check_rate
        before = self._fingerprint() if check_writes else None
        try:
            status, answer_headers, answer = self._send(route["method"], target, headers, body)
        except (ConnectionError, http.client.HTTPException, OSError) as failure:
            if len(target) > HEADER_LIMIT:
                # Over the request-line limit the server answers 414 and closes while the body is
                # still being sent; the client may see the close before the answer.
                self.statuses["closed (request line over 32 KiB)"] = self.statuses.get("closed (request line over 32 KiB)", 0) + 1
                self.requests += 1
                return
            raise Finding(f"no answer ({failure}) to {route['method']} {target[:300]} as {login}")
        self.requests += 1
        key = f"{route['method']} {route['pattern']}"
        self.per_route[key] = self.per_route.get(key, 0) + 1
        self.statuses[status] = self.statuses.get(status, 0) + 1
        reproducer = f"{route['method']} {target} as {login or 'anonymous'} body={body[:300] if body else b''!r}"
        if status >= 500:
            self.findings.append(f"{status} for {reproducer}: {answer[:300]!r}")
        if before is not None and 400 <= status < 500:
            after = self._fingerprint()
            changed = [table for table in CONTENT_TABLES if before[table] != after[table]]
            if changed:
                self.findings.append(f"refused with {status} but wrote {changed}: {reproducer}")
        if status in (401, 303) and login and (route["kind"] == "api" or b"/login" in answer):
            self.sessions.pop(login, None)  # signed out (or the password changed): sign in again next time

    def healthy(self):
        try:
            status, _, _ = self._send("GET", "/healthz", {}, None)
            return status == 200
        except OSError:
            return False

    def run(self, budget, check_every=200, alive=lambda: True):
        started = time.time()
        for number in range(budget):
            self.request()
            if number % check_every == 0 and not (alive() and self.healthy()):
                raise Finding(f"the server stopped answering after {self.requests} requests")
        if not (alive() and self.healthy()):
            raise Finding("the server stopped answering at the end")
        return time.time() - started

    def summary(self, seconds):
        covered = len(self.per_route)
        lines = [f"{self.requests} requests in {seconds:.0f} s ({self.requests / max(seconds, 0.001):.0f} req/s), "
                 f"{covered} of {len(self.routes)} routes, statuses {dict(sorted(self.statuses.items(), key=str))}"]
        lines += [f"finding: {finding}" for finding in self.findings]
        return "\n".join(lines)
