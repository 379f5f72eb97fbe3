"""A working day per role, in Chromium at desk and phone width: from the home page, following only
links and buttons on the pages, each person does what waits for them. No page visited may show a
raw message key, log a console error or a CSP violation (conftest fails the test on those), and on
a phone the content starts on the first screen without sideways scrolling."""
import pytest
from selenium.webdriver.common.by import By

from browser import click_through
from message_keys import raw_keys

WIDTHS = {"desk": (1280, 900), "phone": (390, 844)}


def check_page(driver, width):
    text = driver.find_element(By.TAG_NAME, "body").text
    raw = raw_keys(text)
    assert not raw, f"{driver.current_url} shows raw message keys {sorted(raw)}"
    if width == "phone":
        top = driver.execute_script("return document.getElementById('main').getBoundingClientRect().top")
        assert top < 844 * 0.6, f"{driver.current_url}: the content starts {top}px down, below the first screen"
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{driver.current_url} scrolls sideways by {overflow}px on a phone"


def follow(driver, width, css, text=None):
    """Clicks the first element matching `css` on the page and checks the page it leads to."""
    click_through(driver, driver.find_element(By.CSS_SELECTOR, css), text)
    check_page(driver, width)


def menu(driver, width, label):
    """Opens a menu entry as a person would: on a phone, through the menu button first."""
    toggle = driver.find_element(By.CSS_SELECTOR, ".nav-toggle")
    if toggle.is_displayed():
        toggle.click()
    link = driver.find_element(By.XPATH, f"//nav[contains(@class,'main-nav')]//a[starts-with(normalize-space(.), '{label}')]")
    click_through(driver, link)
    check_page(driver, width)


@pytest.fixture
def day(driver, login):
    """Signs in at a width and restores the desk window afterwards."""
    def start(name, width):
        driver.set_window_size(*WIDTHS[width])
        login(name)
        check_page(driver, width)
        return driver
    yield start
    driver.set_window_size(*WIDTHS["desk"])


@pytest.mark.parametrize("width", WIDTHS)
def test_employee_day(day, width):
    driver = day("demo.pegawai", width)
    assert driver.find_element(By.ID, "home-jp").is_displayed()
    # The first survey or follow-up waiting: its form opens, ready to answer.
    follow(driver, width, "#home-answer li a")
    assert driver.find_element(By.CSS_SELECTOR, "main form[method=post] button[type=submit]").is_displayed()
    menu(driver, width, "Pelatihan saya")
    follow(driver, width, "a[href='/my/calendar']", "Cara berlangganan")
    menu(driver, width, "Katalog pelatihan")
    driver.find_element(By.ID, "open").click()
    follow(driver, width, "form[role=search] button[type=submit]", "Angkatan berikutnya")
    follow(driver, width, ".course-next a")
    menu(driver, width, "Pemberitahuan")
    # Their own appraisal history is one link from the home.
    menu(driver, width, "Beranda")
    follow(driver, width, "a[href$='/appraisals']", "Penilaian kinerja")


@pytest.mark.parametrize("width", WIDTHS)
def test_supervisor_day(day, width):
    driver = day("demo.atasan", width)
    # A run they may join themselves: ask for a seat, then think better of it (asked once more).
    follow(driver, width, "#home-open-runs li a", "Ajukan kursi")
    follow(driver, width, "form[action$='/request'] button[type=submit]", "Batalkan")
    follow(driver, width, "form[action$='/withdraw'] button[type=submit]", "Batalkan pendaftaran?")
    follow(driver, width, "#release-confirm", "Ajukan kursi")
    menu(driver, width, "Beranda")
    follow(driver, width, "#home-approvals li a", "Persetujuan")
    menu(driver, width, "Beranda")
    follow(driver, width, "#home-team-jp li a", "Atasan langsung")
    menu(driver, width, "Beranda")
    follow(driver, width, "#home-team-jp .task-more a")
    menu(driver, width, "Tim saya")


@pytest.mark.parametrize("width", WIDTHS)
def test_instructor_day(day, width):
    driver = day("demo.instruktur", width)
    follow(driver, width, "#home-teaching li a")
    menu(driver, width, "Beranda")
    follow(driver, width, "#home-teaching .task-more a", "Sesi yang Anda ampu")
    follow(driver, width, "#teaching-table a[href^='/runs/']")
    menu(driver, width, "Beranda")
    follow(driver, width, "#home-reviews li a")
    menu(driver, width, "Proyek")


@pytest.mark.parametrize("width", WIDTHS)
def test_coordinator_day(day, width):
    driver = day("demo.koordinator", width)
    follow(driver, width, "#home-coordination li a")
    menu(driver, width, "Beranda")
    follow(driver, width, "#home-coordination li:nth-child(2) a")
    menu(driver, width, "Kelola angkatan")
    menu(driver, width, "Kepatuhan JP")
    menu(driver, width, "Dampak")
