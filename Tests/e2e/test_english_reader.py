"""An employee who chose English reads the domain's facts in English: notifications, run states,
completion reasons and forum pseudonyms are stored as facts and worded when read."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import wait_for_text

# Words of the Indonesian sentences these pages would show if the core wrote them.
INDONESIAN = {"Anda", "telah", "disetujui", "diterima", "sesi", "peserta", "Selamat", "Pengingat", "tahap", "nomor"}


def words(text):
    return set(text.replace(".", " ").replace(",", " ").replace(":", " ").split())


def test_english_reader_gets_notifications_run_states_and_pseudonyms_in_english(login, server):
    driver = login("demo.pegawai")
    Select(driver.find_element(By.ID, "lang-select")).select_by_value("en")
    wait_for_text(driver, "My profile")
    try:
        driver.get(server["base"] + "/notifications")
        items = driver.find_elements(By.CSS_SELECTOR, "#notifications li.notification")
        assert len(items) >= 5
        kinds = {item.find_element(By.CSS_SELECTOR, ".badge").text for item in items}
        assert {"Approved", "Certificate", "Project review"} <= kinds
        for item in items:
            sentence = item.find_elements(By.TAG_NAME, "p")[1].text
            assert not words(sentence) & INDONESIAN, sentence
        assert any("was approved by" in item.text for item in items)

        driver.get(server["base"] + "/my/trainings")
        runs = driver.find_element(By.TAG_NAME, "main").text
        assert "Open for enrolment" in runs and "Finished" in runs and "Awaiting supervisor approval" in runs
        assert "Completed: Attended 5 of 5 sessions (100 %), minimum 80 %" in runs
        assert "Hadir" not in runs and "Selesai" not in runs

        driver.get(server["base"] + "/forums/search?q=tunjangan")
        authors = driver.find_element(By.TAG_NAME, "main").text
        assert "Employee #" in authors and "Pegawai #" not in authors
    finally:
        driver.get(server["base"] + "/")
        Select(driver.find_element(By.ID, "lang-select")).select_by_value("id")
        wait_for_text(driver, "Profil saya")
