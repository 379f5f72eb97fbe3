"""axe-core over the project pages, per role: no serious or critical accessibility violation."""
import sqlite3

import pytest
from axe_selenium_python import Axe

PAGES = {
    "demo.pegawai": ["/projects", "/projects/{mine}", "/gallery", "/gallery?q=antrean", "/gallery/{gallery}"],
    "demo.atasan": ["/", "/projects/{mine}"],
    "demo.instruktur": ["/projects", "/projects/{waiting}", "/runs/{run}/board"],
    "demo.koordinator": ["/runs/{run}/board", "/runs/{run}", "/projects/{mine}", "/gallery/{gallery}"],
}


def placeholders(db):
    connection = sqlite3.connect(db)
    try:
        one = lambda sql: connection.execute(sql).fetchone()[0]
        return {
            "mine": one("""SELECT p.id FROM projects p JOIN users u ON u.employee_id = p.owner_employee_id
                           WHERE u.login = 'demo.pegawai' ORDER BY p.id LIMIT 1"""),
            "run": one("""SELECT p.run_id FROM projects p JOIN users u ON u.employee_id = p.owner_employee_id
                          WHERE u.login = 'demo.pegawai' ORDER BY p.id LIMIT 1"""),
            "waiting": one("""SELECT s.project_id FROM milestone_submissions s WHERE NOT EXISTS
                              (SELECT 1 FROM milestone_reviews r WHERE r.submission_id = s.id) ORDER BY s.id LIMIT 1"""),
            "gallery": one("SELECT id FROM projects WHERE gallery_consent AND status = 'completed' ORDER BY featured DESC, id LIMIT 1"),
        }
    finally:
        connection.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_project_pages_have_no_serious_accessibility_violations(driver, login, server, name):
    login(name)
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
