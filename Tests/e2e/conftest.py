"""Browser tests: a real Asah server on a demo database, driven by headless Chromium."""
import os
import shutil
import sys

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pysupport"))
from asah_server import PASSWORD, AsahServer  # noqa: E402
from console_watch import problems  # noqa: E402


@pytest.fixture(scope="session")
def server():
    asah = AsahServer().start()
    yield {"base": asah.base, "db": asah.db, "courses": asah.courses}
    asah.remove()


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--window-size=1280,900")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    browser.implicitly_wait(3)
    yield browser
    browser.quit()


@pytest.fixture(autouse=True)
def console_is_clean(request):
    """Every browser test fails on a CSP violation or a console error logged by any page it visited."""
    if "driver" not in request.fixturenames:
        yield
        return
    driver = request.getfixturevalue("driver")
    problems(driver)  # what an earlier test left
    yield
    found = problems(driver)
    assert not found, "console errors or CSP violations: " + "; ".join(found)


@pytest.fixture
def login(driver, server):
    """Signs in as a demo login through the login form; returns the driver."""
    def sign_in(name):
        driver.delete_all_cookies()
        driver.get(server["base"] + "/login")
        driver.find_element(By.ID, "login").send_keys(name)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        WebDriverWait(driver, 10).until(
            lambda d: "/login" not in d.current_url or d.find_elements(By.CSS_SELECTOR, "[role=alert]"))
        return driver
    return sign_in
