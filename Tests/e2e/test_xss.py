"""Stored and reflected script payloads in text fields are shown as text in Chromium, never as markup."""
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
