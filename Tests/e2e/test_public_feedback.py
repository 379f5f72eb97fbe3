"""The public's voice: a coordinator opens a unit's poster, a member of the public (no account,
no cookies) opens the address the poster's QR code carries, rates the service and leaves a
comment; the coordinator sees the comment waiting, approves it, and only then is it on the
unit's page. The browser reports no error (a CSP violation included)."""
import re

from selenium.webdriver.common.by import By

from browser import click_through, wait_for_text

COMMENT = "Petugas loket ramah, tetapi antrean pagi panjang."


def test_public_rates_from_the_poster_and_a_coordinator_approves(login, driver, server):
    base = server["base"]
    login("demo.koordinator")
    driver.get(base + "/feedback")
    wait_for_text(driver, "Suara publik")
    first = driver.find_element(By.CSS_SELECTOR, "#feedback-units tbody tr")
    unit = first.find_element(By.CSS_SELECTOR, "td a").text
    click_through(driver, first.find_element(By.LINK_TEXT, "Poster QR"), "Bagaimana pelayanan kami hari ini?")
    assert driver.find_elements(By.CSS_SELECTOR, "#feedback-poster svg")
    address = driver.find_element(By.ID, "poster-address").text
    assert re.fullmatch(r"https?://.+/suara/[0-9a-f]{16}", address), address
    unit_page = driver.current_url.replace("/poster", "")

    # A member of the public: no session, no cookies.
    driver.delete_all_cookies()
    driver.get(address)
    wait_for_text(driver, "Bagaimana pelayanan kami?")
    assert driver.find_element(By.ID, "feedback-unit").text == unit
    assert not driver.find_element(By.NAME, "website").is_displayed()
    for name, score in [("overall", "4"), ("speed", "2"), ("requirements", "3"), ("courtesy", "4")]:
        driver.find_element(By.CSS_SELECTOR, f"input[name={name}][value='{score}']").click()
    driver.find_element(By.ID, "feedback-comment").send_keys(COMMENT)
    click_through(driver, driver.find_element(By.CSS_SELECTOR, "#feedback-form button[type=submit]"),
                  "Penilaian Anda sudah kami terima")

    login("demo.koordinator")
    driver.get(unit_page)
    wait_for_text(driver, "Komentar yang disetujui")
    assert COMMENT not in driver.page_source, "not shown before approval"
    driver.get(base + "/feedback")
    pending = driver.find_element(By.ID, "feedback-pending")
    assert COMMENT in pending.text
    item = [li for li in pending.find_elements(By.CSS_SELECTOR, ".feedback-pending") if COMMENT in li.text][0]
    click_through(driver, item.find_element(By.CSS_SELECTOR, "button[value=approve]"), "Komentar disetujui.")
    driver.get(unit_page)
    wait_for_text(driver, COMMENT)
    assert driver.find_element(By.ID, "unit-responses").text == "1"
