"""Stored and reflected script payloads in text fields are shown as text in Chromium, never as markup."""
import datetime
import json
import os
import sqlite3
import tempfile
import urllib.parse

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from asah_server import PASSWORD  # on the path through conftest
from browser import click_through

MARK = "xss-probe"
PAYLOAD = f"\"'><img src=x data-xss=1 alt={MARK}><script data-xss>document.title='{MARK}'</script>"
REFLECTED = {
    "demo.pegawai": ["/courses?q={p}", "/my/trainings?notice={p}&year={p}", "/login?next={p}",
                     "/forums/search?q={p}", "/forums/board?status={p}&sort={p}", "/forums/new?title={p}"],
    "demo.koordinator": ["/people?q={p}", "/runs?status={p}", "/hours/compliance?unit={p}&year={p}"],
    "demo.admin": ["/admin/users?q={p}", "/admin/audit?page={p}"],
}


def assert_inert(driver, where, shown=True):
    """No dialog opened, no element from the payload exists, no script ran, and (if stored) the payload is readable text."""
    try:
        driver.switch_to.alert
        raise AssertionError(f"a payload opened a dialog on {where}")
    except NoAlertPresentException:
        pass
    injected = driver.execute_script("return document.querySelectorAll('[data-xss], img[alt=\"%s\"]').length" % MARK)
    assert injected == 0, f"markup injected on {where}"
    assert driver.title != MARK, f"script ran on {where}"
    if shown:
        assert "<img src=x data-xss=1" in driver.find_element(By.TAG_NAME, "body").text, f"payload not shown as text on {where}"


def submit_form(driver, action):
    """Submits the form and waits for the page it answers with (the old page is "complete" at once)."""
    click_through(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='{action}'] button[type=submit]"))


@pytest.mark.parametrize("name", list(REFLECTED))
def test_reflected_payloads_stay_text(login, server, name):
    driver = login(name)
    for path in REFLECTED[name]:
        driver.get(server["base"] + path.format(p=urllib.parse.quote(PAYLOAD)))
        assert_inert(driver, path, shown=False)


def test_stored_payloads_stay_text_wherever_they_are_shown(login, server):
    base = server["base"]
    evidence = os.path.join(tempfile.mkdtemp(), "bukti.pdf")
    with open(evidence, "wb") as f:
        f.write(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

    driver = login("demo.pegawai")
    driver.get(base + "/account")
    driver.find_element(By.ID, "token-name").send_keys(PAYLOAD[:100])
    submit_form(driver, "/account/tokens")
    driver.get(base + "/account")
    assert_inert(driver, "/account")

    driver.get(base + "/my/trainings")
    for field in ("ext-title", "ext-organiser", "ext-number"):
        driver.find_element(By.ID, field).send_keys(PAYLOAD[:100])
    for field in ("ext-start", "ext-end"):
        driver.execute_script("arguments[0].value = '2026-03-02'", driver.find_element(By.ID, field))
    driver.find_element(By.ID, "ext-jp").send_keys("8")
    driver.find_element(By.ID, "ext-evidence").send_keys(evidence)
    submit_form(driver, "/my/trainings/external")
    driver.get(base + "/my/trainings?year=2026")
    assert_inert(driver, "/my/trainings")

    driver = login("demo.koordinator")
    driver.get(base + "/hours/reviews")
    assert_inert(driver, "/hours/reviews")

    driver = login("demo.admin")
    driver.get(base + "/admin/users")
    driver.find_element(By.ID, "new-login").send_keys("uji.xss")
    driver.find_element(By.ID, "new-name").send_keys(PAYLOAD)
    driver.find_element(By.ID, "new-password").send_keys("kata-sandi-panjang-2026")
    submit_form(driver, "/admin/users")
    driver.get(base + "/admin/users?q=uji.xss")
    assert_inert(driver, "/admin/users")
    driver.get(base + "/admin/audit")
    assert_inert(driver, "/admin/audit", shown=False)


def test_run_form_payloads_stay_text_on_the_run_pages_and_when_the_form_is_refused(login, server):
    base = server["base"]
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    driver = login("demo.koordinator")
    driver.get(base + "/runs/new")
    driver.find_element(By.CSS_SELECTOR, "#course option[value]:not([value=''])").click()
    driver.find_element(By.ID, "code").send_keys("XSS-01")
    driver.find_element(By.ID, "title").send_keys(PAYLOAD)
    driver.find_element(By.ID, "quotas").send_keys(PAYLOAD)
    # Refused: by the browser itself when a required field is empty (no new page), else by the server.
    driver.find_element(By.CSS_SELECTOR, "form[action='/runs/new'] button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert_inert(driver, "/runs/new refused", shown=False)
    assert driver.find_element(By.ID, "title").get_attribute("value") == PAYLOAD, "the typed title survives the refusal"

    driver.find_element(By.ID, "quotas").clear()
    driver.find_element(By.ID, "capacity").clear()
    driver.find_element(By.ID, "capacity").send_keys("20")
    for field, value in [("starts_on", tomorrow), ("ends_on", tomorrow), ("s1_date", tomorrow), ("s1_start", "09:00"),
                         ("s1_end", "12:00")]:
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), value)
    driver.find_element(By.ID, "s1_place").send_keys(PAYLOAD)
    submit_form(driver, "/runs/new")
    WebDriverWait(driver, 10).until(lambda d: "/runs/new" not in d.current_url)
    assert_inert(driver, "the run page")
    driver.get(base + "/runs?status=draft")
    assert_inert(driver, "the run list")


def fill(driver, values):
    """Types each value into the field of that id, replacing what is there."""
    for field, value in values.items():
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)


def account(login, server, nip, new_login):
    """The administrator gives the employee with `nip` the demo password: on their account if they
    have one, else on a new one named `new_login`. The login name to sign in with."""
    with sqlite3.connect(server["db"]) as connection:
        existing = connection.execute("""
            SELECT u.id, u.login FROM users u JOIN employees m ON m.id = u.employee_id WHERE m.nip = ?""", (nip,)).fetchone()
    driver = login("demo.admin")
    if existing:
        user_id, name = existing
        driver.get(server["base"] + "/admin/users?q=" + urllib.parse.quote(name))
        fill(driver, {f"pw-{user_id}": PASSWORD})
        submit_form(driver, f"/admin/users/{user_id}/password")
        return name
    driver.get(server["base"] + "/admin/users")
    fill(driver, {"new-login": new_login, "new-nip": nip, "new-password": PASSWORD})
    submit_form(driver, "/admin/users")
    return new_login


def visit(driver, base, paths):
    """Opens each page and checks the stored payload is shown there as text only."""
    for path in paths:
        driver.get(base + path)
        assert_inert(driver, path)


def test_project_payloads_stay_text_on_every_project_page(login, server):
    """A participant without a project in the running project run signs in, starts a project
    with payloads in every description field, and goes through every milestone with payloads in
    the submission notes and the coach's review comments, then into the gallery."""
    base, db = server["base"], server["db"]
    with sqlite3.connect(db) as connection:
        run_id, nip, plan = connection.execute("""
            SELECT r.id, m.nip, c.metadata FROM runs r JOIN courses c ON c.id = r.course_id
            JOIN enrolments e ON e.run_id = r.id AND e.state = 'enrolled' JOIN employees m ON m.id = e.employee_id
            WHERE r.code LIKE '%-PRJ-B' AND m.id NOT IN (SELECT employee_id FROM project_members) ORDER BY m.id LIMIT 1""").fetchone()
    milestones = len(json.loads(plan)["project"]["milestones"])

    owner = account(login, server, nip, "uji.proyek")

    driver = login(owner)
    driver.get(f"{base}/runs/{run_id}/projects/new")
    fill(driver, {field: PAYLOAD for field in
                  ("project-title", "project-problem", "project-stakeholders", "project-outcome", "project-measure")})
    submit_form(driver, f"/runs/{run_id}/projects")
    WebDriverWait(driver, 10).until(lambda d: "/projects/new" not in d.current_url)
    project = driver.current_url.split("?")[0].split("#")[0].rsplit("/", 1)[1]
    assert project.isdigit(), driver.current_url
    assert_inert(driver, "the new project")
    assert driver.find_element(By.TAG_NAME, "h1").text == PAYLOAD

    # The edit form keeps the payload as the value of its fields.
    driver.find_element(By.CSS_SELECTOR, "details.card summary").click()
    assert driver.find_element(By.ID, "edit-title").get_attribute("value") == PAYLOAD
    assert driver.find_element(By.ID, "edit-problem").get_attribute("value") == PAYLOAD

    for position in range(milestones):
        driver = login(owner)
        driver.get(f"{base}/projects/{project}")
        form = driver.find_element(By.CSS_SELECTOR, f"form[action='/projects/{project}/milestones/{position}/submissions']")
        form.find_element(By.NAME, "body").send_keys(PAYLOAD)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "notice=" in d.current_url)
        driver = login("demo.instruktur")
        driver.get(f"{base}/projects/{project}")
        form = driver.find_element(By.CSS_SELECTOR, f"form[action='/projects/{project}/milestones/{position}/reviews']")
        form.find_element(By.NAME, "comment").send_keys(PAYLOAD)
        for score in form.find_elements(By.NAME, "score"):
            score.send_keys("85")
        form.find_element(By.CSS_SELECTOR, "button[value=accept]").click()
        WebDriverWait(driver, 10).until(lambda d: "notice=" in d.current_url)
        assert not driver.find_elements(By.CSS_SELECTOR, "[role=alert]")
    assert driver.find_elements(By.CSS_SELECTOR, ".review p.pre"), "the review comments are on the page"
    visit(driver, base, [f"/projects/{project}", "/projects", f"/runs/{run_id}/board", "/notifications"])

    driver = login("demo.koordinator")
    visit(driver, base, [f"/projects/{project}", f"/runs/{run_id}/board"])

    driver = login(owner)
    visit(driver, base, ["/projects", f"/projects/{project}"])
    driver.find_element(By.ID, "measured-result").send_keys(PAYLOAD)
    driver.find_element(By.CSS_SELECTOR, "input[name=consent]").click()
    submit_form(driver, f"/projects/{project}/gallery")
    driver = login("demo.atasan")
    visit(driver, base, ["/gallery", "/gallery?q=" + urllib.parse.quote(MARK), f"/gallery/{project}"])


def test_survey_comment_stays_text_for_the_instructors_and_coordinators(login, server):
    """An attendee of a finished run who has not answered its reaction survey signs in and
    answers with a payload comment; the run's evaluation page shows the comments (enough people answered)."""
    base, db = server["base"], server["db"]
    with sqlite3.connect(db) as connection:
        run_id, nip = connection.execute("""
            SELECT r.id, m.nip FROM runs r JOIN enrolments e ON e.run_id = r.id AND e.state IN ('completed', 'not_completed')
            JOIN employees m ON m.id = e.employee_id
            WHERE r.status = 'finished' AND (SELECT COUNT(*) FROM survey_responses p WHERE p.run_id = r.id) >= 4
              AND EXISTS (SELECT 1 FROM run_sessions s JOIN attendance a ON a.session_id = s.id AND a.present
                          WHERE s.run_id = r.id AND a.employee_id = m.id)
              AND NOT EXISTS (SELECT 1 FROM survey_submissions v WHERE v.run_id = r.id AND v.employee_id = m.id)
            ORDER BY r.id, m.id LIMIT 1""").fetchone()
    driver = login(account(login, server, nip, "uji.survei"))
    driver.get(f"{base}/runs/{run_id}/survey")
    form = driver.find_element(By.ID, "survey-form")
    for fieldset in form.find_elements(By.CSS_SELECTOR, "fieldset.likert"):
        fieldset.find_element(By.CSS_SELECTOR, "input[type=radio][value='4']").click()
    driver.find_element(By.ID, "comment").send_keys(PAYLOAD)
    submit_form(driver, f"/runs/{run_id}/survey")
    assert driver.find_elements(By.ID, "survey-done")

    driver = login("demo.koordinator")
    visit(driver, base, [f"/runs/{run_id}/evaluation"])
    comments = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "ul.comments li")]
    assert PAYLOAD in comments


def test_behaviour_example_and_programme_stay_text(login, server):
    """The behaviour-check examples when the answer is refused, and a programme's name on the
    programme list, the impact dashboard and its printable report."""
    base = server["base"]
    driver = login("demo.atasan")
    driver.get(base + "/evaluation/checks")
    check = driver.find_element(By.CSS_SELECTOR, "#open-checks a").get_attribute("href")
    driver.get(check)
    form = driver.find_element(By.ID, "check-form")
    fieldsets = form.find_elements(By.CSS_SELECTOR, "fieldset.likert")
    for fieldset in fieldsets:
        fieldset.find_element(By.TAG_NAME, "textarea").send_keys(PAYLOAD)
    # One competency left unscored (past the browser's own check): the server refuses and shows the form again.
    for fieldset in fieldsets[1:]:
        fieldset.find_element(By.CSS_SELECTOR, "input[type=radio][value='4']").click()
    driver.execute_script("document.getElementById('check-form').noValidate = true")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[role=alert]"))
    assert_inert(driver, "the refused behaviour check", shown=False)
    examples = driver.find_elements(By.CSS_SELECTOR, "#check-form textarea")[1:]
    assert examples and all(example.get_attribute("value") == PAYLOAD for example in examples), "the scored answers keep their examples"

    driver = login("demo.koordinator")
    driver.get(base + "/evaluation/programmes")
    fill(driver, {"p-code": "UJI-XSS", "p-name": PAYLOAD})
    submit_form(driver, "/evaluation/programmes")
    assert_inert(driver, "the refused programme", shown=False)
    assert driver.find_element(By.ID, "p-name").get_attribute("value") == PAYLOAD
    driver.find_element(By.CSS_SELECTOR, "input[name=course]").click()
    submit_form(driver, "/evaluation/programmes")
    visit(driver, base, ["/evaluation/programmes"])
    driver.get(base + "/evaluation")
    option = next(o for o in Select(driver.find_element(By.ID, "f-programme")).options if MARK in o.text)
    assert option.text == PAYLOAD
    for path in (f"/evaluation?year=all&programme={option.get_attribute('value')}",
                 f"/evaluation/report?year=all&programme={option.get_attribute('value')}"):
        driver.get(base + path)
        assert_inert(driver, path, shown=False)
    assert PAYLOAD in driver.find_element(By.TAG_NAME, "body").text, "the report names the programme"


def test_forum_fields_outside_posts_stay_text(login, server):
    """Post titles and bodies are covered by test_forum_flow; here the other forum texts: a category's
    name and description, the reason of a status decision and the reason of a flag."""
    base, db = server["base"], server["db"]
    driver = login("demo.koordinator")
    driver.get(base + "/forums")
    driver.find_element(By.XPATH, "//details[.//form[@action='/forums/categories']]/summary").click()
    fill(driver, {"category-name": PAYLOAD[:80], "category-description": PAYLOAD})
    submit_form(driver, "/forums/categories")
    visit(driver, base, ["/forums"])
    category = driver.find_element(By.XPATH, f"//a[contains(., '{MARK}')]").get_attribute("href")
    visit(driver, base, [urllib.parse.urlparse(category).path])

    with sqlite3.connect(db) as connection:
        thread = connection.execute("""
            SELECT id FROM forum_threads WHERE kind = 'suggestion' AND status = 'baru' AND NOT locked ORDER BY id LIMIT 1""").fetchone()[0]
    driver.get(f"{base}/forums/threads/{thread}")
    Select(driver.find_element(By.ID, "new-status")).select_by_value("ditinjau")
    driver.find_element(By.ID, "status-reason").send_keys(PAYLOAD)
    submit_form(driver, f"/forums/threads/{thread}/status")
    visit(driver, base, [f"/forums/threads/{thread}"])

    # Three people flag the first post (the queue's threshold), so it reaches the moderators with the reasons.
    flagged = 0
    for name in ("demo.atasan", "demo.instruktur", "demo.pegawai", "demo.admin"):
        driver = login(name)
        visit(driver, base, [f"/forums/threads/{thread}"])
        links = driver.find_elements(By.CSS_SELECTOR, "a[href$='#flag-1']")
        if links and flagged < 3:
            links[0].click()
            forms = driver.find_elements(By.XPATH, "//form[.//input[@id='flag-1']]")
            forms[0].find_element(By.ID, "flag-1").send_keys(PAYLOAD)
            forms[0].find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(driver, 10).until(lambda d: "notice=" in d.current_url)
            flagged += 1
    assert flagged == 3
    driver = login("demo.koordinator")
    visit(driver, base, ["/forums/queue"])
