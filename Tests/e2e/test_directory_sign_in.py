"""Signing in through the agency's directory: a real slapd holds the demo employee's NIP and a
directory password Asah never stored; the person types those on /login."""
import os
import sys

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pysupport"))
from asah_server import AsahServer  # noqa: E402
from slapd import Slapd, unavailable  # noqa: E402

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=unavailable() or "")

DIRECTORY_PASSWORD = "sandi-direktori-budi"


@pytest.fixture(scope="module")
def directory_server():
    asah = AsahServer()
    nip = asah.query("SELECT e.nip FROM employees e JOIN users u ON u.employee_id = e.id WHERE u.login = 'demo.pegawai'")[0][0]
    slapd = Slapd([("budi", nip, DIRECTORY_PASSWORD)])
    asah.start(options=["--directory-config", slapd.settings_file(asah.folder)])
    yield {"base": asah.base, "nip": nip}
    asah.remove()
    slapd.remove()


def submit(driver, base, login, password):
    driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.ID, "login").send_keys(login)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
    WebDriverWait(driver, 10).until(
        lambda d: "/login" not in d.current_url or d.find_elements(By.CSS_SELECTOR, "[role=alert]"))


def test_a_person_signs_in_with_their_nip_and_directory_password(driver, directory_server):
    base, nip = directory_server["base"], directory_server["nip"]
    submit(driver, base, nip, "bukan-sandinya")
    assert "kata sandi salah" in driver.find_element(By.ID, "login-error").text
    assert driver.find_element(By.ID, "login").get_attribute("value") == nip, "what was typed is kept"

    submit(driver, base, nip, DIRECTORY_PASSWORD)
    assert "/login" not in driver.current_url
    assert nip in driver.find_element(By.TAG_NAME, "body").text, "the home of the account with that NIP"

    submit(driver, base, "budi", DIRECTORY_PASSWORD)
    assert "/login" not in driver.current_url, "the directory user name works too"
