"""The main flows as people use them, in headless Chromium."""
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import click_through, wait_for_text


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def nav_labels(driver):
    """Menu labels without the unread-notification count."""
    return [re.sub(r"\s+[\d.]+$", "", a.text) for a in driver.find_elements(By.CSS_SELECTOR, "nav.main-nav a")]


@pytest.mark.parametrize("name, section, menu", [
    ("demo.pegawai", "Profil saya", ["Beranda", "Katalog pelatihan", "Pelatihan saya", "Proyek", "Pemberitahuan", "Forum", "Evaluasi",
                                     "Akun saya"]),
    ("demo.atasan", "Tim saya", ["Beranda", "Katalog pelatihan", "Pelatihan saya", "Proyek", "Pemberitahuan", "Forum", "Evaluasi",
                                 "Persetujuan", "Tim saya", "Kebutuhan pelatihan", "Akun saya"]),
    ("demo.instruktur", "Instruktur", ["Beranda", "Katalog pelatihan", "Pelatihan saya", "Jadwal mengajar", "Proyek", "Pemberitahuan", "Forum", "Evaluasi",
                                       "Akun saya"]),
    ("demo.koordinator", "Ringkasan organisasi", ["Beranda", "Katalog pelatihan", "Pelatihan saya", "Jadwal mengajar", "Proyek", "Pemberitahuan", "Forum",
                                                  "Evaluasi", "Persetujuan", "Kelola angkatan", "Kepatuhan JP", "Dampak", "Suara publik",
                                                  "Direktori pegawai", "Unit kerja", "Impor data", "Akun saya"]),
    ("demo.admin", "Aktivitas terbaru", ["Beranda", "Katalog pelatihan", "Pelatihan saya", "Proyek", "Pemberitahuan", "Forum", "Evaluasi",
                                         "Direktori pegawai", "Unit kerja", "Impor data", "Akun pengguna", "Log audit", "Instansi", "Akun saya"]),
])
def test_each_role_lands_on_its_dashboard(login, name, section, menu):
    driver = login(name)
    assert heading(driver).startswith("Selamat datang")
    assert section in driver.page_source
    assert nav_labels(driver) == menu


def test_wrong_password_shows_a_message(driver, server):
    driver.delete_all_cookies()
    driver.get(server["base"] + "/login")
    driver.find_element(By.ID, "login").send_keys("demo.pegawai")
    driver.find_element(By.ID, "password").send_keys("bukan-kata-sandi")
    button = driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]")
    click_through(driver, button, "kata sandi salah")


def test_supervisor_opens_a_team_member(login):
    driver = login("demo.atasan")
    click_through(driver, driver.find_element(By.LINK_TEXT, "Tim saya"), "Bawahan langsung")
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "table a"), "Atasan langsung")


def test_coordinator_searches_the_directory(login, server):
    driver = login("demo.koordinator")
    click_through(driver, driver.find_element(By.LINK_TEXT, "Direktori pegawai"), "Cari nama atau NIP")
    Select(driver.find_element(By.ID, "unit")).select_by_index(1)
    driver.find_element(By.CSS_SELECTOR, "form[role=search] button").click()
    WebDriverWait(driver, 10).until(lambda d: "unit=" in d.current_url)
    wait_for_text(driver, "pegawai ditemukan")
    rows = driver.find_elements(By.CSS_SELECTOR, "#people-table tbody tr")
    assert rows
    click_through(driver, rows[0].find_element(By.TAG_NAME, "a"), "Golongan/pangkat")


def test_import_with_errors_reports_rows_and_saves_nothing(login, server):
    driver = login("demo.koordinator")
    click_through(driver, driver.find_element(By.LINK_TEXT, "Impor data"), "Berkas CSV")
    path = os.path.join(tempfile.mkdtemp(), "pegawai.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("nip,nama,golongan,jabatan,jenis_jabatan,unit,nip_atasan,email\n")
        f.write("198503122010011003,Budi Santoso,III/b,Analis,pelaksana,TIDAK-ADA,,budi@example.go.id\n")
        f.write("12345,Siti Aminah,III/a,Pengadministrasi,pelaksana,BKPSDM,,\n")
    driver.find_element(By.ID, "file").send_keys(path)
    button = driver.find_element(By.CSS_SELECTOR, "form[action='/people/import'] button[type=submit]")
    click_through(driver, button, "Laporan impor")
    summary = driver.find_element(By.ID, "import-summary").text
    assert "Tidak ada yang disimpan" in summary
    issues = driver.find_element(By.ID, "import-issues").text
    assert "NIP" in issues
    lines = [row.find_elements(By.TAG_NAME, "td")[0].text for row in
             driver.find_elements(By.CSS_SELECTOR, "#import-issues tbody tr")]
    assert "2" in lines and "3" in lines


def test_language_switch_to_english_and_back(login):
    driver = login("demo.pegawai")
    Select(driver.find_element(By.ID, "lang-select")).select_by_value("en")
    wait_for_text(driver, "My profile")
    Select(driver.find_element(By.ID, "lang-select")).select_by_value("id")
    wait_for_text(driver, "Profil saya")


def test_admin_creates_an_account_and_it_can_sign_in(login, driver, server):
    driver = login("demo.admin")
    click_through(driver, driver.find_element(By.LINK_TEXT, "Akun pengguna"), "Tambah akun")
    driver.find_element(By.ID, "new-login").send_keys("uji.e2e")
    driver.find_element(By.ID, "new-name").send_keys("Akun Uji <b>tebal</b>")
    driver.find_element(By.ID, "new-password").send_keys("kata-sandi-e2e-2026")
    button = driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]")
    click_through(driver, button, "Akun ditambahkan")
    assert "Akun Uji <b>tebal</b>" in driver.find_element(By.TAG_NAME, "main").text
    login("uji.e2e")
    assert heading(driver).startswith("Selamat datang")


def test_logout_returns_to_login(login, server):
    driver = login("demo.pegawai")
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"), "Masuk ke Asah")
    driver.get(server["base"] + "/")
    assert "/login" in driver.current_url


def test_keyboard_user_can_skip_to_content(login):
    driver = login("demo.pegawai")
    skip = driver.find_element(By.CSS_SELECTOR, "a.skip-link")
    assert skip.get_attribute("href").endswith("#main")
    assert driver.find_element(By.ID, "main")


def test_phone_width_layout_has_no_horizontal_scroll(login, driver):
    driver.set_window_size(390, 844)
    try:
        login("demo.koordinator")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400
    finally:
        driver.set_window_size(1280, 900)
