"""The administrator chooses the installation's time zone on the agency page: a select of WIB,
WITA and WIT with the places each covers. Saved, the choice is shown selected, and every time is
shown in it at once: a run's session hours and the audit log read in WIT the same instants they
read in WITA (the demo kabupaten's zone, which the test puts back)."""
import re
import sqlite3
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import click_through, wait_for_text


def choose_zone(driver, base, value):
    driver.get(base + "/admin/agency")
    wait_for_text(driver, "Pengaturan instansi")
    Select(driver.find_element(By.ID, "agency-time_zone")).select_by_value(value)
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "#agency-form button[type=submit]"), "Pengaturan instansi tersimpan")


def hours(starts_at, ends_at, offset_hours):
    zone = timezone(timedelta(hours=offset_hours))
    start, end = (datetime.fromtimestamp(t, zone) for t in (starts_at, ends_at))
    return f"{start:%H.%M}–{end:%H.%M}"


def test_admin_chooses_the_zone_and_times_follow(login, driver, server):
    base, db = server["base"], server["db"]
    with sqlite3.connect(db) as connection:
        run_id, starts_at, ends_at = connection.execute(
            "SELECT s.run_id, s.starts_at, s.ends_at FROM run_sessions s JOIN runs r ON r.id = s.run_id "
            "WHERE r.status IN ('open', 'running') ORDER BY s.starts_at LIMIT 1").fetchone()
    login("demo.admin")
    driver.get(base + "/admin/agency")
    wait_for_text(driver, "Pengaturan instansi")
    zone = Select(driver.find_element(By.ID, "agency-time_zone"))
    assert zone.first_selected_option.get_attribute("value") == "WITA"
    assert [option.text for option in zone.options] == [
        "WIB (UTC+7): Sumatera, Jawa, Kalimantan Barat dan Tengah",
        "WITA (UTC+8): Bali, Nusa Tenggara, Kalimantan Selatan, Timur dan Utara, Sulawesi",
        "WIT (UTC+9): Maluku dan Papua"]
    hint = driver.find_element(By.ID, "agency-time_zone-hint").text
    assert "Waktu yang sudah tersimpan tidak berubah" in hint
    try:
        choose_zone(driver, base, "WIT")
        assert Select(driver.find_element(By.ID, "agency-time_zone")).first_selected_option.get_attribute("value") == "WIT"
        with sqlite3.connect(db) as connection:
            assert connection.execute("SELECT time_zone FROM agency_settings").fetchone()[0] == "Asia/Jayapura"
        driver.get(base + "/admin/audit")
        wait_for_text(driver, "agency.settings")
        assert re.search(r"\d\d\.\d\d WIT\b", driver.find_element(By.TAG_NAME, "main").text)

        login("demo.koordinator")
        driver.get(f"{base}/runs/{run_id}")
        wait_for_text(driver, hours(starts_at, ends_at, 9) + " WIT")
    finally:
        login("demo.admin")
        choose_zone(driver, base, "WITA")
    login("demo.koordinator")
    driver.get(f"{base}/runs/{run_id}")
    wait_for_text(driver, hours(starts_at, ends_at, 8) + " WITA")
