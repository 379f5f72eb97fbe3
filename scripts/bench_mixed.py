#!/usr/bin/env python3
"""The mixed workload of scripts/bench: many different signed-in people of every role asking
for a weighted mix of the main pages while a steady stream of writes goes on.

    bench_mixed.py prepare DB WORK     signs in the accounts (sessions and API tokens written
                                       straight into the stopped server's database) and writes
                                       WORK/mixed.lua (the wrk script) and WORK/mixed.json
    bench_mixed.py writes PORT WORK RATE SECONDS
                                       posts RATE writes a second for SECONDS (supports, replies,
                                       enrolment requests, notifications read) and prints
                                       "done failed" counts
    bench_mixed.py page PATH WORK      writes WORK/page.lua: PATH for every account in turn
                                       (first views: each request is another person)
    bench_mixed.py check PORT WORK     fails unless every account's home page answers 200
                                       (a session refused would hide behind wrk's 3xx count)
"""
import hashlib
import http.client
import json
import random
import secrets
import sqlite3
import sys
import threading
import time

ACCOUNTS = {"employee": 150, "supervisor": 30, "instructor": 10, "coordinator": 10}
TOTAL = 200

# Weighted pages per role; {thread}, {run}, {course}, {word}, {name} are drawn per request.
PAGES = {
    "employee": [
        ("/", 16), ("/courses", 8), ("/courses/{course}", 8), ("/runs/{run}", 8), ("/my/trainings", 8),
        ("/forums", 8), ("/forums/threads/{thread}", 24), ("/forums/search?q={word}", 6), ("/notifications", 6),
        ("/projects", 4), ("/evaluation/checks", 2),
    ],
    "supervisor": [
        ("/", 14), ("/approvals", 10), ("/team", 8), ("/team/hours", 6), ("/courses", 6), ("/runs/{run}", 6),
        ("/forums", 8), ("/forums/threads/{thread}", 20), ("/notifications", 6), ("/my/trainings", 6),
    ],
    "instructor": [
        ("/", 16), ("/runs/{run}", 16), ("/courses/{course}", 8), ("/forums/threads/{thread}", 16), ("/notifications", 6),
    ],
    "coordinator": [
        ("/", 10), ("/runs", 8), ("/runs/{run}", 10), ("/people?q={name}", 8), ("/forums/board", 8),
        ("/forums/threads/{thread}", 14), ("/hours/compliance", 4), ("/evaluation/overdue", 4), ("/courses", 6),
        ("/notifications", 4), ("/evaluation", 2),
    ],
}
WORDS = ["pelatihan", "tunjangan kinerja", "cuti", "jadwal", "pelayanan", "absensi", "mutasi", "kenaikan pangkat",
         "seragam", "parkir", "lembur", "rapat", "arsip", "aplikasi", "anggaran"]


def connect(db):
    connection = sqlite3.connect(db, timeout=30)
    connection.execute("PRAGMA busy_timeout = 30000")
    return connection


def pick_accounts(c):
    """(user id, role) for each account signed in: employees, supervisors, instructors, coordinators."""
    taken, chosen = set(), []

    def take(role, rows):
        for (user,) in rows:
            if user in taken or sum(1 for _, r in chosen if r == role) >= ACCOUNTS[role]:
                continue
            taken.add(user)
            chosen.append((user, role))

    take("coordinator", c.execute("SELECT user_id FROM user_roles WHERE role = 'koordinator' ORDER BY user_id"))
    take("instructor", c.execute("SELECT user_id FROM user_roles WHERE role = 'instruktur' ORDER BY user_id"))
    take("supervisor", c.execute("""SELECT u.id FROM users u WHERE u.active AND EXISTS
        (SELECT 1 FROM employees s WHERE s.supervisor_id = u.employee_id AND s.active) ORDER BY u.id"""))
    # Employees fill the rest: a demo with fewer coordinators than asked still signs in TOTAL people.
    ACCOUNTS["employee"] = TOTAL - len(chosen)
    take("employee", c.execute("""SELECT u.id FROM users u JOIN employees e ON e.id = u.employee_id
        WHERE u.active AND e.active AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id) ORDER BY random()"""))
    return chosen


def prepare(db, work):
    c = connect(db)
    now = int(time.time())
    hour = now - now % 3600
    accounts = pick_accounts(c)
    sessions = []
    for user, role in accounts:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        c.execute("INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, ip) VALUES (?, ?, ?, ?, ?, '127.0.0.1')",
                  (hashlib.sha256(token.encode()).hexdigest(), user, csrf, hour, hour))
        secret = "asah_" + secrets.token_urlsafe(32)
        columns = [r[1] for r in c.execute("PRAGMA table_info(api_tokens)")]
        if "expires_at" in columns:
            c.execute("INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES (?, 'bench', ?, ?, ?)",
                      (user, hashlib.sha256(secret.encode()).hexdigest(), now, now + 86400))
        else:
            c.execute("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, 'bench', ?, ?)",
                      (user, hashlib.sha256(secret.encode()).hexdigest(), now))
        employee = c.execute("SELECT employee_id FROM users WHERE id = ?", (user,)).fetchone()[0]
        sessions.append({"cookie": "asah_session=" + token, "csrf": csrf, "bearer": secret, "role": role, "employee": employee})
    c.commit()
    threads = [r[0] for r in c.execute("""SELECT id FROM forum_threads ORDER BY last_post_at DESC LIMIT 300""")]
    suggestions = [r[0] for r in c.execute("SELECT id FROM forum_threads WHERE kind = 'suggestion' AND status != 'duplikat' "
                                           "AND NOT locked ORDER BY last_post_at DESC LIMIT 100")]
    runs = [r[0] for r in c.execute("SELECT id FROM runs WHERE status IN ('open', 'closed', 'running', 'finished') "
                                    "ORDER BY id DESC LIMIT 60")]
    open_runs = [r[0] for r in c.execute("SELECT id FROM runs WHERE status = 'open' ORDER BY id DESC LIMIT 20")]
    courses = [r[0] for r in c.execute("SELECT code FROM courses WHERE NOT archived ORDER BY code")]
    names = [r[0].split()[0] for r in c.execute("SELECT name FROM employees ORDER BY random() LIMIT 50")]
    state = {"sessions": sessions, "threads": threads, "suggestions": suggestions, "runs": runs, "open_runs": open_runs,
             "courses": courses, "names": names}
    json.dump(state, open(f"{work}/mixed.json", "w"))
    write_lua(state, f"{work}/mixed.lua")
    roles = ", ".join(f"{sum(1 for s in sessions if s['role'] == r)} {r}" for r in ACCOUNTS)
    print(f"{len(sessions)} accounts signed in ({roles}), {len(threads)} threads, {len(runs)} runs, {len(courses)} courses")


def lua_list(values):
    return "{" + ", ".join(json.dumps(v) for v in values) + "}"


def write_lua(state, path):
    roles = sorted({s["role"] for s in state["sessions"]})
    lines = ["-- generated by scripts/bench_mixed.py", "local cookies = {}", "local pages = {}"]
    for role in roles:
        cookies = [s["cookie"] for s in state["sessions"] if s["role"] == role]
        lines.append(f"cookies[{json.dumps(role)}] = {lua_list(cookies)}")
        expanded = [page for page, weight in PAGES[role] for _ in range(weight)]
        lines.append(f"pages[{json.dumps(role)}] = {lua_list(expanded)}")
    lines.append(f"local roles = {lua_list([role for role in roles for _ in range(ACCOUNTS[role])])}")
    lines.append(f"local threads = {lua_list(state['threads'])}")
    lines.append(f"local runs = {lua_list(state['runs'])}")
    lines.append(f"local courses = {lua_list(state['courses'])}")
    lines.append(f"local words = {lua_list([w.replace(' ', '+') for w in WORDS])}")
    lines.append(f"local names = {lua_list(state['names'])}")
    lines.append("""
local function any(list) return list[math.random(#list)] end
function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init(args) math.randomseed(tonumber(seed) or os.time()) end
request = function()
  local role = any(roles)
  local path = any(pages[role])
  path = path:gsub("{thread}", function() return tostring(any(threads)) end)
  path = path:gsub("{run}", function() return tostring(any(runs)) end)
  path = path:gsub("{course}", function() return any(courses) end)
  path = path:gsub("{word}", function() return any(words) end)
  path = path:gsub("{name}", function() return any(names) end)
  return wrk.format("GET", path, { ["Cookie"] = any(cookies[role]) })
end
""")
    open(path, "w").write("\n".join(lines))


def page(path, work):
    state = json.load(open(f"{work}/mixed.json"))
    role = "coordinator" if any(path.startswith(p) for p in ("/people", "/runs?", "/hours", "/evaluation/overdue")) \
        or path in ("/runs", "/evaluation") else "supervisor" if path.startswith(("/approvals", "/team")) else "employee"
    cookies = [s["cookie"] for s in state["sessions"] if s["role"] == role]
    open(f"{work}/page.lua", "w").write(f"""local cookies = {lua_list(cookies)}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", {json.dumps(path)}, {{ ["Cookie"] = cookies[(n % #cookies) + 1] }})
end
""")


def writes(port, work, rate, seconds):
    """Posts `rate` writes a second: supports toggled, replies, enrolment requests, notices read."""
    state = json.load(open(f"{work}/mixed.json"))
    people = [s for s in state["sessions"] if s["employee"]]
    done, failed = [0], [0]
    lock = threading.Lock()
    local = threading.local()

    def call(method, path, session, body=None, form=None):
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {}
        payload = None
        if body is not None:
            headers = {"Authorization": "Bearer " + session["bearer"], "Content-Type": "application/json"}
            payload = json.dumps(body).encode()
        elif form is not None:
            headers = {"Cookie": session["cookie"], "Content-Type": "application/x-www-form-urlencoded"}
            payload = ("_csrf=" + session["csrf"]).encode()
        try:
            local.connection.request(method, path, body=payload, headers=headers)
            response = local.connection.getresponse()
            response.read()
            ok = response.status < 400 or response.status in (409, 422, 429)  # refusals are answers, not failures
        except (OSError, http.client.HTTPException):
            local.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            ok = False
        with lock:
            done[0] += 1
            failed[0] += 0 if ok else 1

    def one(index):
        session = people[index % len(people)]
        kind = index % 4
        if kind == 0 and state["suggestions"]:
            thread = random.choice(state["suggestions"])
            call("PUT" if random.random() < 0.6 else "DELETE", f"/api/v1/suggestions/{thread}/support", session, body={})
        elif kind == 1 and state["threads"]:
            thread = random.choice(state["threads"][:100])
            call("POST", f"/api/v1/threads/{thread}/posts", session,
                 body={"body": f"Tanggapan uji beban nomor {index}: setuju, mohon ditindaklanjuti."})
        elif kind == 2 and state["open_runs"]:
            call("POST", f"/api/v1/runs/{random.choice(state['open_runs'])}/enrolments", session, body={})
        else:
            call("POST", "/notifications/read", session, form=True)

    started = time.monotonic()
    index = 0
    workers = []
    while time.monotonic() - started < seconds:
        due = started + index / rate
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        worker = threading.Thread(target=one, args=(index,))
        worker.start()
        workers.append(worker)
        index += 1
    for worker in workers:
        worker.join()
    print(f"{done[0]} {failed[0]}")


def check(port, work):
    state = json.load(open(f"{work}/mixed.json"))
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    refused = 0
    for session in state["sessions"]:
        connection.request("GET", "/", headers={"Cookie": session["cookie"]})
        response = connection.getresponse()
        response.read()
        refused += response.status != 200
    if refused:
        sys.exit(f"{refused} of {len(state['sessions'])} accounts were not signed in")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif command == "page":
        page(sys.argv[2], sys.argv[3])
    elif command == "check":
        check(int(sys.argv[2]), sys.argv[3])
    elif command == "writes":
        writes(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
