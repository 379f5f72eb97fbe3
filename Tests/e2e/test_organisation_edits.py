"""A coordinator edits an employee in the browser (a wrong NIP is refused beside its field, what
was typed stays), then merges the employee's unit into another: the people move, the old unit
stays listed as merged, and the browser reports no error (a CSP violation included)."""
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import click_through, wait_for_text


def pick(db):
    """Two leaf units of one kind, the first a sub-unit without the demo logins other tests sign in as (their
    units stay), and someone of the first without an account."""
    with sqlite3.connect(db) as connection:
        return connection.execute("""
            SELECT a.code, b.code, b.name, e.nip, e.name FROM units a
            JOIN units b ON b.kind = a.kind AND b.id <> a.id
            JOIN employees e ON e.unit_id = a.id
            WHERE a.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id IN (a.id, b.id))
              AND NOT EXISTS (SELECT 1 FROM users u JOIN employees p ON p.id = u.employee_id
                              WHERE p.unit_id = a.id AND u.login LIKE 'demo.%')
              AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id)
            ORDER BY a.code, b.code, e.nip LIMIT 1
            """).fetchone()


def fill(driver, name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def test_coordinator_edits_an_employee_and_merges_a_unit(login, driver, server):
    base, db = server["base"], server["db"]
    source, target, target_name, nip, name = pick(db)
    login("demo.koordinator")
    driver.get(base + "/people/" + nip)
    click_through(driver, driver.find_element(By.ID, "edit-link"), "Ubah data pegawai")

    fill(driver, "nip", "1234")
    fill(driver, "jabatan", "Penata Layanan Operasional")
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "#employee-form button[type=submit]"), "Belum tersimpan")
    assert driver.find_element(By.ID, "employee-nip").get_attribute("aria-invalid") == "true"
    assert driver.find_element(By.ID, "employee-nip-error").text
    assert driver.find_element(By.ID, "employee-jabatan").get_attribute("value") == "Penata Layanan Operasional"

    fill(driver, "nip", nip)
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "#employee-form button[type=submit]"), "Data pegawai tersimpan")
    assert "Penata Layanan Operasional" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text

    driver.get(base + "/units")
    click_through(driver, driver.find_element(By.CSS_SELECTOR, f"a[href='/units/{source}/edit']"), "Gabungkan unit")
    Select(driver.find_element(By.ID, "merge-gabung_ke")).select_by_value(target)
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "#merge-form button[type=submit]"), "Unit digabungkan")
    row = driver.find_element(By.CSS_SELECTOR, f"#units-table tr[data-code='{source}']")
    assert "Digabung ke " + target_name in row.text

    driver.get(base + "/people/" + nip)
    wait_for_text(driver, name)
    assert target_name in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
