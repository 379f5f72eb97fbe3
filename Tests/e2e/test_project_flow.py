"""The project flow end to end on the demo: demo.pegawai's project has every milestone but the
last accepted; the participant submits the last one with a file, the coach asks for a
revision, the participant resubmits, the mentor agrees, the coach accepts with rubric scores,
which completes the project; the participant consents and the project appears in the gallery
that any employee can search, while a stranger cannot open the project or its file."""
import json
import os
import sqlite3
import tempfile
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import click_through, wait_for_text


def wait_for_notice(driver):
    WebDriverWait(driver, 10).until(lambda d: "notice=" in d.current_url or d.find_elements(By.CSS_SELECTOR, "[role=alert]"))
    assert not driver.find_elements(By.CSS_SELECTOR, "[role=alert]"), driver.find_element(By.CSS_SELECTOR, "[role=alert]").text


def pegawai_project(db):
    """The id, title and last milestone position of demo.pegawai's active project."""
    with sqlite3.connect(db) as connection:
        project_id, title, plan = connection.execute("""
            SELECT p.id, p.title, c.metadata FROM projects p JOIN users u ON u.employee_id = p.owner_employee_id
            JOIN runs r ON r.id = p.run_id JOIN courses c ON c.id = r.course_id
            WHERE u.login = 'demo.pegawai' AND p.status = 'active'""").fetchone()
    return project_id, title, len(json.loads(plan)["project"]["milestones"]) - 1


def fetch(driver, url):
    """GET `url` with the browser's cookies; the status code and body."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookie})) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def submit_milestone(driver, base, project_id, position, text, path):
    driver.get(f"{base}/projects/{project_id}")
    form = driver.find_element(By.CSS_SELECTOR, f"form[action='/projects/{project_id}/milestones/{position}/submissions']")
    form.find_element(By.NAME, "body").send_keys(text)
    form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for_notice(driver)


def review_form(driver, base, project_id, position):
    driver.get(f"{base}/projects/{project_id}")
    return driver.find_element(By.CSS_SELECTOR, f"form[action='/projects/{project_id}/milestones/{position}/reviews']")


def test_submit_revise_resubmit_accept_and_gallery(login, driver, server):
    base, db = server["base"], server["db"]
    project_id, title, last = pegawai_project(db)
    folder = tempfile.mkdtemp(prefix="asah-e2e-files-")
    first, second = os.path.join(folder, "seminar-hasil-v1.pdf"), os.path.join(folder, "seminar-hasil-v2.pdf")
    for path in (first, second):
        with open(path, "wb") as handle:
            handle.write(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")

    # The participant submits the last milestone with a file.
    login("demo.pegawai")
    submit_milestone(driver, base, project_id, last, "Bahan seminar hasil, versi pertama.", first)
    wait_for_text(driver, "seminar-hasil-v1.pdf")
    link = driver.find_element(By.LINK_TEXT, "seminar-hasil-v1.pdf").get_attribute("href")
    status, body = fetch(driver, link)
    assert status == 200 and body.startswith(b"%PDF")

    # The coach finds it in the review queue and asks for a revision.
    login("demo.instruktur")
    driver.get(base + "/projects")
    submission = driver.find_element(By.CSS_SELECTOR, f"a[href^='/projects/{project_id}#kiriman-']")
    click_through(driver, submission, "Bahan seminar hasil, versi pertama.")
    form = review_form(driver, base, project_id, last)
    form.find_element(By.NAME, "comment").send_keys("Tambahkan data waktu tunggu sesudah implementasi.")
    form.find_element(By.CSS_SELECTOR, "button[value=revise]").click()
    wait_for_notice(driver)
    # The run's board shows the participant's last milestone waiting for a revision.
    click_through(driver, driver.find_element(By.LINK_TEXT, "Papan proyek angkatan"), title)
    row = driver.find_element(By.XPATH, f"//tr[.//a[@href='/projects/{project_id}']]")
    assert "Perlu perbaikan" in row.text

    # The participant sees the request and resubmits.
    login("demo.pegawai")
    driver.get(f"{base}/projects/{project_id}")
    wait_for_text(driver, "Tambahkan data waktu tunggu sesudah implementasi.")
    submit_milestone(driver, base, project_id, last, "Versi kedua dengan data sesudah implementasi.", second)

    # The mentor agrees; the coach accepts with a score per rubric criterion.
    login("demo.atasan")
    form = review_form(driver, base, project_id, last)
    form.find_element(By.NAME, "comment").send_keys("Hasilnya terasa di unit kami.")
    form.find_element(By.CSS_SELECTOR, "button[value=accept]").click()
    wait_for_notice(driver)
    login("demo.instruktur")
    form = review_form(driver, base, project_id, last)
    form.find_element(By.NAME, "comment").send_keys("Diterima, presentasi jelas.")
    for score in form.find_elements(By.NAME, "score"):
        score.send_keys("85")
    form.find_element(By.CSS_SELECTOR, "button[value=accept]").click()
    wait_for_notice(driver)

    # Completed: the page keeps every round and review; the run is completed with its certificate.
    login("demo.pegawai")
    driver.get(f"{base}/projects/{project_id}")
    page = driver.find_element(By.TAG_NAME, "main").text
    for text in ["Selesai", "85", "Bahan seminar hasil, versi pertama.", "Tambahkan data waktu tunggu sesudah implementasi.",
                 "Versi kedua dengan data sesudah implementasi.", "Hasilnya terasa di unit kami.", "Diterima, presentasi jelas."]:
        assert text in page, text
    with sqlite3.connect(db) as connection:
        assert connection.execute("""
            SELECT COUNT(*) FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
            JOIN projects p ON p.run_id = e.run_id AND p.owner_employee_id = e.employee_id WHERE p.id = ?""",
                                  (project_id,)).fetchone()[0] == 1

    # Not in the gallery before consent; in it after.
    driver.get(base + "/gallery")
    assert title not in driver.find_element(By.TAG_NAME, "main").text
    driver.get(f"{base}/projects/{project_id}")
    driver.find_element(By.ID, "measured-result").send_keys("Waktu tunggu turun dari 120 menjadi 30 menit.")
    driver.find_element(By.CSS_SELECTOR, "input[name=consent]").click()
    driver.find_element(By.CSS_SELECTOR, f"form[action='/projects/{project_id}/gallery'] button[type=submit]").click()
    wait_for_notice(driver)

    # Any employee finds it by searching the gallery.
    login("demo.atasan")
    driver.get(base + "/gallery")
    search = driver.find_element(By.ID, "gallery-q")
    search.send_keys(title.split()[0] + " " + title.split()[1])
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/gallery'] button[type=submit]"), title)
    click_through(driver, driver.find_element(By.LINK_TEXT, title), "Waktu tunggu turun dari 120 menjadi 30 menit.")

    # A stranger (the administrator: not on the team, not coach, mentor or coordinator) sees the
    # gallery entry but not the project page or its files.
    login("demo.admin")
    assert fetch(driver, f"{base}/gallery/{project_id}")[0] == 200
    assert fetch(driver, f"{base}/projects/{project_id}")[0] == 404
    assert fetch(driver, link)[0] == 404


def test_demo_gallery_offers_final_reports(login, driver, server):
    """The demo's gallery: a featured project first, its final report a PDF any employee downloads."""
    base = server["base"]
    login("demo.admin")
    driver.get(base + "/gallery")
    featured = driver.find_element(By.CSS_SELECTOR, "article.gallery-card.is-featured h2 a")
    click_through(driver, featured, "laporan-akhir.pdf")
    status, body = fetch(driver, driver.find_element(By.LINK_TEXT, "laporan-akhir.pdf").get_attribute("href"))
    assert status == 200 and body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
