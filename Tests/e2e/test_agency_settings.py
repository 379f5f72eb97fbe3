"""The administrator fills in the agency settings (names, logo, signing official, public
address); a certificate then carries the letterhead, the logo and the signature block, its QR
code points at the public address, and the browser reports no error (a CSP violation included)."""
import base64
import re
import sqlite3
import struct
import zlib

from selenium.webdriver.common.by import By

from browser import click_through, wait_for_text

OFFICIAL = "Ir. Baiq Nurhayati Saputri, M.Eng."
NIP_PRINTED = "NIP. 19750817 200003 2 004"


def png(path, size=48):
    """A small real PNG: a green square with a lighter border."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b""
    for y in range(size):
        rows += b"\x00" + b"".join(
            bytes((60, 170, 120) if min(x, y, size - 1 - x, size - 1 - y) < 4 else (11, 93, 75)) for x in range(size))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path.write_bytes(data)
    return str(path)


def fill(driver, name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def severe_logs(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_admin_fills_settings_and_the_certificate_is_signed(login, driver, server, tmp_path):
    base, db = server["base"], server["db"]
    login("demo.admin")
    driver.get_log("browser")  # what came before is not this test's
    driver.get(base + "/admin/agency")
    wait_for_text(driver, "Pengaturan instansi")
    for name, value in [("region_name", "Pemerintah Kabupaten Sumbawa Barat"),
                        ("agency_name", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
                        ("address", "Jl. Bung Karno No. 1, Taliwang"), ("signing_place", "Taliwang"),
                        ("official_jabatan", "Kepala BKPSDM"), ("official_name", OFFICIAL),
                        ("official_nip", "19750817 200003 2 004"), ("public_url", base)]:
        fill(driver, name, value)
    driver.find_element(By.ID, "agency-logo").send_keys(png(tmp_path / "logo.png"))
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "#agency-form button[type=submit]"), "Pengaturan instansi tersimpan")
    assert "(alamat publik pada pengaturan ini)" in driver.page_source
    assert driver.find_element(By.CSS_SELECTOR, ".agency-logo-preview").get_attribute("naturalWidth") == "48"

    # A wrong NIP is refused beside its field, and nothing changes.
    fill(driver, "official_nip", "19750817 200003 3 004")
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "#agency-form button[type=submit]"), "NIP pejabat tidak valid")
    assert driver.find_element(By.ID, "agency-official_nip").get_attribute("aria-invalid") == "true"
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT official_nip FROM agency_settings").fetchone()[0] == "197508172000032004"
        certificate = connection.execute(
            "SELECT id, code FROM certificates WHERE revoked_at IS NULL ORDER BY id LIMIT 1").fetchone()

    login("demo.koordinator")
    driver.get_log("browser")
    driver.get(f"{base}/certificates/{certificate[0]}")
    wait_for_text(driver, "SERTIFIKAT")
    letterhead = driver.find_element(By.CSS_SELECTOR, ".certificate-letterhead").text
    assert "PEMERINTAH KABUPATEN SUMBAWA BARAT" in letterhead.upper()
    assert "Jl. Bung Karno No. 1, Taliwang" in letterhead
    assert driver.find_element(By.CSS_SELECTOR, ".certificate-logo").get_attribute("naturalWidth") == "48"
    signature = driver.find_element(By.ID, "certificate-signature").text
    assert signature.startswith("Taliwang, ")
    assert "Kepala BKPSDM" in signature and OFFICIAL in signature and NIP_PRINTED in signature
    assert driver.find_element(By.CSS_SELECTOR, ".certificate-url").text.strip() == f"{base}/verify/{certificate[1]}"
    # Printed, the sheet is one A4 landscape page and nothing spills out of it.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    spill = driver.execute_script("""const s = document.querySelector('.certificate-sheet');
        return s.scrollHeight - s.clientHeight""")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert spill <= 1, spill
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    assert b"/MediaBox [0 0 841.9" in pdf or b"/MediaBox [0 0 842" in pdf  # A4 landscape, in points
    assert severe_logs(driver) == []


def test_admin_sets_jp_rules_and_the_home_follows(login, driver, server):
    """The JP targets and caps page beside the agency settings: a target above the cap is refused
    beside its field with what was typed kept; a saved target then shows on an employee's home,
    and the defaults of the regulations are put back."""
    base, db = server["base"], server["db"]
    try:
        login("demo.admin")
        driver.get_log("browser")
        driver.get(base + "/admin/agency")
        click_through(driver, driver.find_element(By.ID, "agency-jp-rules"), "Target dan batas JP")
        assert "PP 49/2018 pasal 39" in driver.page_source and "PP 11/2017 pasal 203" in driver.page_source
        assert driver.find_element(By.NAME, "pns_target").get_attribute("value") == "20"
        assert driver.find_element(By.NAME, "pppk_target").get_attribute("value") == ""
        assert driver.find_element(By.NAME, "pppk_cap").get_attribute("value") == "24"

        fill(driver, "pppk_target", "30")
        click_through(driver, driver.find_element(By.CSS_SELECTOR, "#rules-form button[type=submit]"), "tidak boleh melebihi batasnya")
        assert driver.find_element(By.ID, "rules-pppk_target").get_attribute("aria-invalid") == "true"
        assert driver.find_element(By.NAME, "pppk_target").get_attribute("value") == "30"
        driver.get_log("browser")  # the 422 of the refused form is expected; anything after it is not

        fill(driver, "pns_target", "18")
        fill(driver, "pppk_target", "18")
        click_through(driver, driver.find_element(By.CSS_SELECTOR, "#rules-form button[type=submit]"), "Target dan batas JP tersimpan")
        assert "PNS 18 JP; PPPK 18 JP, paling banyak 24 JP" in driver.find_element(By.ID, "rules-saved").text
        assert severe_logs(driver) == []

        login("demo.pegawai")
        driver.get(base + "/")
        assert "target 18 JP" in driver.find_element(By.CSS_SELECTOR, "#home-jp .jp-summary").text

        login("demo.admin")
        driver.get(base + "/admin/agency/jp")
        fill(driver, "pns_target", "20")
        fill(driver, "pppk_target", "")
        click_through(driver, driver.find_element(By.CSS_SELECTOR, "#rules-form button[type=submit]"), "Target dan batas JP tersimpan")
        assert "PNS 20 JP; PPPK tanpa target, paling banyak 24 JP" in driver.find_element(By.ID, "rules-saved").text
    finally:
        # The regulations' defaults for the other tests of the session, whatever happened above.
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE employment_rules SET target_jp = 20, cap_jp = NULL WHERE employment = 'pns'")
            connection.execute("UPDATE employment_rules SET target_jp = NULL, cap_jp = 24 WHERE employment = 'pppk'")
