"""axe-core over every main page, per role: no serious or critical accessibility violation."""
import sqlite3

import pytest
from axe_selenium_python import Axe

PAGES = {
    None: ["/login", "/verify/BUKAN-KODE", "/suara/{feedback}"],
    "demo.pegawai": ["/", "/courses", "/courses/{course}", "/runs/{run}", "/my/trainings", "/training-hours",
                     "/notifications", "/account", "/people/{nip}", "/forums", "/forums/board", "/forums/new",
                     "/forums/threads/{thread}", "/forums/search?q=pelatihan", "/forums/mine", "/evaluation/checks",
                     "/people/{nip}/appraisals", "/certificates/{certificate}"],
    "demo.atasan": ["/", "/team", "/team/hours", "/team/needs", "/approvals"],
    "demo.instruktur": ["/", "/sessions/{session}/attendance"],
    "demo.koordinator": ["/", "/runs", "/runs/new", "/runs/{run}/edit", "/runs/{run}/participants",
                         "/runs/{run}/attendance-sheet", "/hours/compliance", "/hours/reviews",
                         "/people", "/people/import", "/forums/queue", "/forums/proposals", "/evaluation",
                         "/evaluation/report", "/evaluation/needs", "/evaluation/programmes", "/feedback",
                         "/feedback/units/{unit}", "/feedback/units/{unit}/poster", "/courses/{course}/edit",
                         "/courses/new", "/courses/format"],
    "demo.admin": ["/", "/admin/users", "/admin/audit", "/admin/agency", "/admin/agency/jp"],
}


def placeholders(db):
    connection = sqlite3.connect(db)
    try:
        one = lambda sql: connection.execute(sql).fetchone()[0]
        return {
            "course": one("SELECT code FROM courses ORDER BY code LIMIT 1"),
            "run": one("SELECT id FROM runs WHERE status = 'open' ORDER BY id LIMIT 1"),
            "nip": one("SELECT nip FROM employees JOIN users ON users.employee_id = employees.id WHERE login = 'demo.pegawai'"),
            "thread": one("SELECT id FROM forum_threads ORDER BY id LIMIT 1"),
            "certificate": one("""SELECT c.id FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
                                  JOIN users u ON u.employee_id = e.employee_id WHERE u.login = 'demo.pegawai' LIMIT 1"""),
            "feedback": one("SELECT code FROM feedback_codes ORDER BY unit_id LIMIT 1"),
            "unit": one("SELECT unit_id FROM feedback_codes ORDER BY unit_id LIMIT 1"),
            "session": one("""SELECT run_sessions.id FROM run_sessions JOIN employees ON employees.id = instructor_employee_id
                              JOIN users ON users.employee_id = employees.id WHERE login = 'demo.instruktur' LIMIT 1"""),
        }
    finally:
        connection.close()


@pytest.mark.parametrize("name", list(PAGES), ids=lambda name: name or "visitor")
def test_main_pages_have_no_serious_accessibility_violations(driver, login, server, name):
    if name:
        login(name)
    else:
        driver.delete_all_cookies()
    values = placeholders(server["db"])
    found = {}
    for path in PAGES[name]:
        driver.get(server["base"] + path.format(**values))
        axe = Axe(driver)
        axe.inject()
        results = axe.run(options={"resultTypes": ["violations"]})
        serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                   for v in results["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = serious
    assert not found, "\n".join(f"{path}: {problem}" for path, problems in found.items() for problem in problems)
