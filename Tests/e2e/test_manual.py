"""The user manual (docs/panduan, served at /panduan): every screenshot it shows is taken here,
from the page it names, signed in as the role it describes, so the pictures follow the product.
`scripts/screenshots` runs this file with ASAH_MANUAL_SHOTS=docs/panduan/img to renew them;
otherwise they are written to a temporary folder and only checked. The help link on every page
opens the reader's own role's manual, and the manual's pages, links and pictures all load."""
import glob
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By

from browser import click_through
from message_keys import raw_keys

MANUAL = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "panduan")
SHOTS = os.environ.get("ASAH_MANUAL_SHOTS") or tempfile.mkdtemp(prefix="asah-manual-")

# Screenshot name: who takes it and where.
CAPTURES = {
    "pegawai-beranda": ("demo.pegawai", "/"),
    "pegawai-katalog": ("demo.pegawai", "/courses"),
    "pegawai-pelatihan-saya": ("demo.pegawai", "/my/trainings"),
    "pegawai-forum": ("demo.pegawai", "/forums"),
    "atasan-beranda": ("demo.atasan", "/"),
    "atasan-persetujuan": ("demo.atasan", "/approvals"),
    "atasan-tim": ("demo.atasan", "/team"),
    "instruktur-beranda": ("demo.instruktur", "/"),
    "instruktur-jadwal": ("demo.instruktur", "/teaching"),
    "koordinator-beranda": ("demo.koordinator", "/"),
    "koordinator-angkatan": ("demo.koordinator", "/runs"),
    "koordinator-kepatuhan": ("demo.koordinator", "/hours/compliance"),
    "koordinator-evaluasi": ("demo.koordinator", "/evaluation"),
    "admin-akun": ("demo.admin", "/admin/users"),
    "admin-instansi": ("demo.admin", "/admin/agency"),
}
ROLES = ["pegawai", "atasan", "instruktur", "koordinator", "admin"]


def pictures():
    """Every picture the manual's pages show, by name, with the page showing it."""
    found = {}
    for path in glob.glob(os.path.join(MANUAL, "*.md")):
        for name in re.findall(r"!\[[^\]]*\]\(img/([a-z0-9-]+)\.png\)", open(path, encoding="utf-8").read()):
            found[name] = os.path.basename(path)
    return found


def test_the_manual_shows_only_screens_this_suite_takes():
    shown = pictures()
    assert set(shown) == set(CAPTURES), (
        f"pictures without a capture: {sorted(set(shown) - set(CAPTURES))}; "
        f"captures no page shows: {sorted(set(CAPTURES) - set(shown))}")
    for name, page in shown.items():
        assert page == name.split("-")[0] + ".md", f"{name}.png is shown on {page}, not on its role's page"


@pytest.mark.parametrize("name", sorted(CAPTURES))
def test_screenshot(name, server, login, driver):
    who, path = CAPTURES[name]
    login(who)
    driver.set_window_size(1200, 800)
    try:
        driver.get(server["base"] + path)
        assert driver.find_element(By.TAG_NAME, "h1").text, f"{path} has a heading"
        raw = raw_keys(driver.find_element(By.TAG_NAME, "body").text)
        assert not raw, f"{path} shows raw message keys {sorted(raw)}"
        os.makedirs(SHOTS, exist_ok=True)
        assert driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    finally:
        driver.set_window_size(1280, 900)


def test_help_link_opens_the_readers_manual(server, login, driver):
    for role in ROLES:
        login("demo." + role)
        click_through(driver, driver.find_element(By.CSS_SELECTOR, "a.help-link"))
        assert driver.current_url.endswith("/panduan/" + role), driver.current_url
        assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Panduan")
        broken = driver.execute_script(
            "return Array.from(document.querySelectorAll('.manual img')).filter(i => !i.complete || i.naturalWidth === 0)"
            ".map(i => i.getAttribute('src'))")
        assert not broken, f"pictures that do not load on /panduan/{role}: {broken}"
    driver.delete_all_cookies()
    driver.get(server["base"] + "/login")
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "a.help-link"))
    assert driver.current_url.endswith("/panduan")
    for role in ROLES:
        link = driver.find_element(By.CSS_SELECTOR, f".manual a[href='/panduan/{role}']")
        assert link.is_displayed(), f"the index links the {role} manual"
