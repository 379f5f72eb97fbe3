"""The workshop flow end to end: find a course, ask for a seat, the supervisor approves, the
instructor marks attendance, the coordinator finishes the run, the employee prints the
certificate and a stranger verifies it; the run's calendar parses as iCalendar."""
import datetime
import sqlite3
import urllib.request

import icalendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import click_through, wait_for_text


def set_value(driver, element_id, value):
    """Date and time inputs take typed text differently per locale; set them directly."""
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, value)


def submit(driver, action):
    driver.find_element(By.CSS_SELECTOR, f"form[action='{action}'] button[type=submit]").click()


def nip_of(db, login):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT e.nip FROM employees e JOIN users u ON u.employee_id = e.id WHERE u.login = ?", (login,)).fetchone()[0]


def test_from_catalogue_to_verified_certificate(login, driver, server):
    base, db = server["base"], server["db"]
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()

    # The coordinator schedules a run of a course open to everyone and opens it.
    login("demo.koordinator")
    driver.get(base + "/runs/new")
    course = driver.find_element(By.CSS_SELECTOR, "#course option[value]:not([value=''])")
    for option in driver.find_elements(By.CSS_SELECTOR, "#course option"):
        if "Pelayanan Publik Prima" in option.text:
            course = option
    course.click()
    driver.find_element(By.ID, "code").send_keys("E2E-01")
    driver.find_element(By.ID, "title").send_keys("Angkatan Uji E2E")
    driver.find_element(By.ID, "capacity").clear()
    driver.find_element(By.ID, "capacity").send_keys("20")
    for field, value in [("starts_on", tomorrow), ("ends_on", tomorrow), ("s1_date", tomorrow),
                         ("s1_start", "09:00"), ("s1_end", "12:00")]:
        set_value(driver, field, value)
    driver.find_element(By.ID, "s1_place").send_keys("Aula BKPSDM Lt. 2")
    driver.find_element(By.ID, "s1_instructor").send_keys(nip_of(db, "demo.instruktur"))
    submit(driver, "/runs/new")
    wait_for_text(driver, "Angkatan Uji E2E")
    run_url = driver.current_url.split("?")[0]
    run_path = run_url[len(base):]
    button = driver.find_element(By.CSS_SELECTOR, "form[action$='/status'] input[value='open'] ~ button")
    click_through(driver, button, "Ajukan kursi")

    # The employee finds the course in the catalogue and asks for a seat.
    login("demo.pegawai")
    driver.get(base + "/courses?q=Pelayanan+Publik+Prima")
    click_through(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Pelayanan Publik Prima"), "Angkatan Uji E2E")
    driver.find_element(By.LINK_TEXT, "Angkatan Uji E2E").click()
    submit(driver, run_path + "/request")
    wait_for_text(driver, "Batalkan")

    # The direct supervisor approves it from the inbox.
    login("demo.atasan")
    driver.get(base + "/approvals")
    wait_for_text(driver, "Angkatan Uji E2E")
    item = driver.find_element(By.XPATH, "//li[contains(@class, 'approval-item')][.//a[text()='Angkatan Uji E2E']]")
    item.find_element(By.CSS_SELECTOR, "form[action$='/approve'] button").click()
    WebDriverWait(driver, 10).until(lambda d: "notice=" in d.current_url)
    assert "Angkatan Uji E2E" not in driver.find_element(By.TAG_NAME, "main").text

    # Time passes: the session took place yesterday (attendance is taken once a session has started).
    with sqlite3.connect(db) as connection:
        run_id = int(run_path.rsplit("/", 1)[1])
        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        connection.execute("UPDATE run_sessions SET starts_at = starts_at - 172800, ends_at = ends_at - 172800 WHERE run_id = ?", (run_id,))
        connection.execute("UPDATE runs SET starts_on = ?, ends_on = ? WHERE id = ?", (yesterday, yesterday, run_id))

    # The instructor marks attendance for the whole list.
    login("demo.instruktur")
    driver.get(run_url)
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "a.attendance-link"), "Simpan daftar hadir")
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name=present]"):
        if not box.is_selected():
            box.click()
    driver.find_element(By.CSS_SELECTOR, "button.attendance-save").click()
    WebDriverWait(driver, 10).until(lambda d: "notice=" in d.current_url)

    # The coordinator marks the run as running and finishes it.
    login("demo.koordinator")
    driver.get(run_url)
    button = driver.find_element(By.CSS_SELECTOR, "form[action$='/status'] input[value='running'] ~ button")
    click_through(driver, button, "Selesaikan angkatan")
    submit(driver, run_path + "/finish")
    wait_for_text(driver, "Lulus")

    # The employee opens and prints the certificate.
    login("demo.pegawai")
    driver.get(base + "/my/trainings")
    certificates = [a for a in driver.find_elements(By.CSS_SELECTOR, "a[href^='/certificates/']")
                    if "Pelayanan Publik Prima" in a.text]
    newest = max(certificates, key=lambda a: int(a.get_attribute("href").rsplit("/", 1)[1]))  # the newest
    click_through(driver, newest, "<svg")
    assert nip_of(db, "demo.pegawai") in driver.page_source
    assert driver.find_element(By.CSS_SELECTOR, "button[data-print]")
    verify_link = driver.find_element(By.CSS_SELECTOR, ".certificate-url").text.strip()

    # A stranger, not signed in, verifies it and learns nothing else about the person.
    driver.delete_all_cookies()
    driver.get(verify_link)
    wait_for_text(driver, "SAH")
    assert "Pelayanan Publik Prima" in driver.page_source
    assert nip_of(db, "demo.pegawai") not in driver.page_source


def test_run_calendar_is_valid_icalendar(login, driver, server):
    base, db = server["base"], server["db"]
    with sqlite3.connect(db) as connection:
        run_id = connection.execute("SELECT id FROM runs WHERE status = 'open' ORDER BY id LIMIT 1").fetchone()[0]
    login("demo.pegawai")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(f"{base}/runs/{run_id}/calendar.ics", headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        body = response.read()
    calendar = icalendar.Calendar.from_ical(body)
    events = [part for part in calendar.walk() if part.name == "VEVENT"]
    assert events
    assert all(event.get("DTSTART") and event.get("SUMMARY") for event in events)
