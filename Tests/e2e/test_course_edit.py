"""A coordinator edits a course's title in the browser: the course page shows the new title and
the file in the served catalogue folder (a temporary copy, never the repository's) changed."""
import os

from selenium.webdriver.common.by import By

from browser import click_through, wait_for_text

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_coordinator_edits_a_course_title(login, driver, server):
    base, courses = server["base"], server["courses"]
    repository = open(os.path.join(ROOT, "courses", "smb-01.md"), encoding="utf-8").read()
    login("demo.koordinator")
    driver.get(base + "/courses/SMB-01")
    click_through(driver, driver.find_element(By.ID, "course-edit-link"), "Ubah berkas kursus SMB-01")
    area = driver.find_element(By.ID, "course-text")
    text = area.get_property("value")
    assert "code: SMB-01" in text
    area.clear()
    area.send_keys(text.replace("id: Seminar Sistem Merit dan Budaya Kerja Positif",
                                "id: Seminar Sistem Merit dan Budaya Kerja Berakhlak"))
    click_through(driver, driver.find_element(By.ID, "course-edit-save"), "Berkas kursus tersimpan")
    assert "/courses/SMB-01" in driver.current_url
    wait_for_text(driver, "Seminar Sistem Merit dan Budaya Kerja Berakhlak")
    served = open(os.path.join(courses, "smb-01.md"), encoding="utf-8").read()
    assert "id: Seminar Sistem Merit dan Budaya Kerja Berakhlak\n" in served
    assert open(os.path.join(ROOT, "courses", "smb-01.md"), encoding="utf-8").read() == repository

    # A broken front matter is refused with its line, the text kept as typed.
    driver.get(base + "/courses/SMB-01/edit")
    area = driver.find_element(By.ID, "course-text")
    broken = area.get_property("value").replace("jp: 8", "jp: delapan")
    area.clear()
    area.send_keys(broken)
    click_through(driver, driver.find_element(By.ID, "course-edit-save"), "Berkas tidak disimpan")
    assert "smb-01.md:" in driver.find_element(By.ID, "course-edit-errors").text
    assert "jp: delapan" in driver.find_element(By.ID, "course-text").get_property("value")
    assert open(os.path.join(courses, "smb-01.md"), encoding="utf-8").read() == served
