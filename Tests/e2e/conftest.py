"""Browser tests: a real Asah server on a demo database, driven by headless Chromium."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "kata-sandi-e2e-2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("ASAH_BIN", os.path.join(ROOT, ".build", "debug", "asah"))
    folder = tempfile.mkdtemp(prefix="asah-e2e-")
    db = os.path.join(folder, "asah.sqlite")
    subprocess.run([binary, "demo", "--db", db, "--password", PASSWORD, "--employees", "600"],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    port = free_port()
    log = open(os.path.join(folder, "server.log"), "w")
    process = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port), "--log-level", "warning"],
                               cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("server did not start: " + open(log.name).read())
    yield {"base": base, "db": db}
    process.terminate()
    process.wait(timeout=15)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--window-size=1280,900")
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    browser.implicitly_wait(3)
    yield browser
    browser.quit()


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
