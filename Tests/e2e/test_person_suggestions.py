"""Person and unit fields as a coordinator uses them with the script on: typing part of a name
fills the field's suggestions from the whole directory (not only the short list the page came
with), and the unit codes beside the quotas narrow as one types."""
from demo_db import rows
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def one(server, sql, *args):
    return rows(server, sql, *args)[0]


def options(driver, list_id):
    return driver.execute_script(
        "return Array.from(document.getElementById(arguments[0]).options, o => [o.value, o.textContent])", list_id)


def test_instructor_field_suggests_anyone_as_one_types(server, login):
    driver = login("demo.koordinator")
    # Someone who is not an instructor, so not in the list the run form starts with.
    nip, name = one(server, """SELECT nip, name FROM employees WHERE active AND id NOT IN
                               (SELECT employee_id FROM users u JOIN user_roles r ON r.user_id = u.id
                                WHERE r.role = 'instruktur' AND employee_id IS NOT NULL)
                               AND length(name) > 8 ORDER BY id DESC LIMIT 1""")
    driver.get(server["base"] + "/runs/new")
    assert nip not in [value for value, _ in options(driver, "instructor-people")]
    field = driver.find_element(By.ID, "s1_instructor")
    field.send_keys(name.split(" ")[0] if len(name.split(" ")[0]) >= 3 else name[:6])
    WebDriverWait(driver, 10).until(lambda d: any(label.startswith(name) for _, label in options(d, "instructor-people")))
    assert nip in [value for value, _ in options(driver, "instructor-people")]


def test_unit_codes_narrow_as_one_types(server, login):
    driver = login("demo.koordinator")
    code, name = one(server, "SELECT code, name FROM units ORDER BY length(name) DESC LIMIT 1")
    driver.get(server["base"] + "/runs/new")
    driver.find_element(By.CSS_SELECTOR, "#unit-codes summary").click()
    box = driver.find_element(By.ID, "unit-filter")
    assert box.is_displayed(), "the filter box shows once the script runs"
    box.send_keys(name)
    rows = driver.find_elements(By.CSS_SELECTOR, "#unit-codes tbody tr")
    shown = [row.text for row in rows if row.is_displayed()]
    assert shown and all(name.lower() in text.lower() for text in shown)
    assert any(code in text for text in shown)
    assert len(shown) < len(rows)
