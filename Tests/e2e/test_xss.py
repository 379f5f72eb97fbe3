"""Stored and reflected script payloads in text fields are shown as text in Chromium, never as markup."""
import datetime
import os
import tempfile
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

MARK = "xss-probe"
PAYLOAD = f"\"'><img src=x data-xss=1 alt={MARK}><script data-xss>document.title='{MARK}'</script>"
REFLECTED = {
    "demo.pegawai": ["/courses?q={p}", "/my/trainings?notice={p}&year={p}", "/login?next={p}",
                     "/forums/search?q={p}", "/forums/board?status={p}&sort={p}", "/forums/new?title={p}"],
    "demo.koordinator": ["/people?q={p}", "/runs?status={p}", "/hours/compliance?unit={p}&year={p}"],
    "demo.admin": ["/admin/users?q={p}", "/admin/audit?page={p}"],
}


def assert_inert(driver, where, shown=True):
    """No element from the payload exists, no script ran, and (if stored) the payload is readable text."""
    injected = driver.execute_script("return document.querySelectorAll('[data-xss], img[alt=\"%s\"]').length" % MARK)
    assert injected == 0, f"markup injected on {where}"
    assert driver.title != MARK, f"script ran on {where}"
    if shown:
        assert "<img src=x data-xss=1" in driver.find_element(By.TAG_NAME, "body").text, f"payload not shown as text on {where}"


def submit_form(driver, action):
    driver.find_element(By.CSS_SELECTOR, f"form[action='{action}'] button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


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
    submit_form(driver, "/runs/new")
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
