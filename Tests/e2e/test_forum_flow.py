"""The forum end to end: an employee writes a pseudonymous suggestion (similar suggestions show
while the title is typed), another supports it, the coordinator changes its status with a
reason, the author sees the notification; and a corpus of XSS payloads posted through the forms
renders as text in a real browser."""
import sqlite3

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import wait_for_text


def display_name(db, login):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT display_name FROM users WHERE login = ?", (login,)).fetchone()[0]


def choose_category(driver, name):
    Select(driver.find_element(By.ID, "thread-category")).select_by_visible_text(name)


def test_pseudonymous_suggestion_supported_decided_and_notified(login, driver, server):
    base, db = server["base"], server["db"]

    # The employee starts a suggestion; typing the title shows a similar one from the demo.
    login("demo.pegawai")
    driver.get(base + "/forums/new")
    choose_category(driver, "Pelatihan dan Pembinaan")
    title = driver.find_element(By.ID, "thread-title")
    for word in ["Pelatihan ", "Excel ", "untuk ", "pengelola ", "keuangan ", "desa"]:
        title.send_keys(word)
    WebDriverWait(driver, 10).until(
        lambda d: "Pelatihan Microsoft Excel lanjutan untuk bendahara"
        in d.find_element(By.ID, "similar-suggestions").text)
    driver.find_element(By.ID, "thread-body").send_keys(
        "Pengelola keuangan desa perlu pelatihan **Excel** dasar:\n\n- rumus\n- tabel pivot")
    driver.find_element(By.ID, "thread-pseudonymous").click()
    driver.find_element(By.ID, "thread-send").click()
    wait_for_text(driver, "Tulisan terkirim.")
    thread_url = driver.current_url.split("?")[0]
    assert "Pegawai #1" in driver.page_source
    assert "<strong>Excel</strong>" in driver.find_element(By.CSS_SELECTOR, ".forum-body").get_attribute("innerHTML")
    author_name = display_name(db, "demo.pegawai")

    # Another employee supports it and sees only the pseudonym.
    login("demo.atasan")
    driver.get(thread_url)
    assert author_name not in driver.page_source
    driver.find_element(By.ID, "support").click()
    wait_for_text(driver, "Dukungan Anda tercatat.")
    assert driver.find_element(By.ID, "support-count").text == "1 dukungan"

    # The coordinator moves it to Ditinjau with a reason; the coordinator does not see the author either.
    login("demo.koordinator")
    driver.get(thread_url)
    assert author_name not in driver.page_source
    Select(driver.find_element(By.ID, "new-status")).select_by_value("ditinjau")
    driver.find_element(By.ID, "status-reason").send_keys("Dibahas bersama DPMD bulan depan.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/status'] button[type=submit]").click()
    wait_for_text(driver, "Status diubah; pengikut diberi tahu.")
    assert driver.find_element(By.ID, "forum-status").text == "Ditinjau"
    assert "Dibahas bersama DPMD bulan depan." in driver.page_source

    # The author sees the notification with the reason, and the post marked as theirs.
    login("demo.pegawai")
    driver.get(base + "/notifications")
    wait_for_text(driver, "Dibahas bersama DPMD bulan depan.")
    driver.get(thread_url)
    assert "Tulisan Anda" in driver.page_source


PAYLOADS = [
    "<script>window.xss = 1</script>",
    "<img src=x onerror=\"window.xss = 2\">",
    "<svg/onload=\"window.xss = 3\">",
    "<a href=\"javascript:window.xss = 4\">klik a</a>",
    "[klik b](javascript:window.xss=5)",
    "[klik c](JaVaScRiPt:window.xss=6)",
    "[klik d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![gambar](x\" onerror=\"window.xss=7)",
    "[klik e](https://contoh.go.id/\" onmouseover=\"window.xss=8)",
    "<iframe src=\"javascript:window.xss=9\"></iframe>",
    "<div style=\"width:expression(window.xss=10)\">gaya</div>",
    "`<script>window.xss=11</script>`",
    "> <b onclick=\"window.xss=12\">kutipan</b>",
    "<details open ontoggle=\"window.xss=13\">",
    "\"><script>window.xss=14</script>",
    "<scr<script>ipt>window.xss=15</script>",
    "[aman](https://jdih.asahmakmur.go.id/perbup)",
]


def test_xss_corpus_renders_as_text(login, driver, server):
    base = server["base"]
    login("demo.pegawai")
    driver.get(base + "/forums/new")
    choose_category(driver, "Umum")
    assert not driver.find_element(By.ID, "thread-pseudonymous").is_displayed(), "Umum does not allow pseudonyms"
    driver.find_element(By.CSS_SELECTOR, "input[name=kind][value=discussion]").click()
    driver.find_element(By.ID, "thread-title").send_keys("Uji tampilan <script>window.xss=99</script> aman")
    driver.find_element(By.ID, "thread-body").send_keys("\n\n".join(PAYLOADS[:9]))
    driver.find_element(By.ID, "thread-send").click()
    wait_for_text(driver, "Tulisan terkirim.")
    thread_url = driver.current_url.split("?")[0]
    driver.find_element(By.ID, "reply-body").send_keys("\n\n".join(PAYLOADS[9:]))
    driver.find_element(By.CSS_SELECTOR, "form[action$='/reply'] button[type=submit]").click()
    # The notice is already on the page from the first post: wait for the reply itself.
    WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".forum-body")) == 2)

    # Another person opens the thread, hovers and clicks everything in it.
    login("demo.atasan")
    driver.get(thread_url)
    wait_for_text(driver, "klik e")
    for element in driver.find_elements(By.CSS_SELECTOR, ".forum-body a, .forum-body b, .forum-body details"):
        if element.tag_name != "a" or element.get_attribute("href", ).startswith("javascript"):
            element.click()
    try:
        driver.switch_to.alert
        raise AssertionError("a payload opened a dialog")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return window.xss") is None
    bodies = driver.find_elements(By.CSS_SELECTOR, ".forum-body")
    assert len(bodies) == 2
    dangerous = driver.execute_script("""
        const found = [];
        for (const body of document.querySelectorAll('.forum-body')) {
          for (const element of body.querySelectorAll('*')) {
            if (!['P','UL','OL','LI','BLOCKQUOTE','STRONG','EM','A','CODE','PRE','BR','HR','H1','H2','H3','H4','H5','H6'].includes(element.tagName)) found.push(element.tagName);
            for (const attribute of element.attributes) {
              if (!['href', 'rel'].includes(attribute.name)) found.push(element.tagName + '@' + attribute.name);
            }
            if (element.tagName === 'A' && !/^(https?:|mailto:)/.test(element.getAttribute('href'))) found.push('href ' + element.getAttribute('href'));
            if (element.tagName === 'A' && element.getAttribute('rel') !== 'nofollow noopener') found.push('rel');
          }
        }
        return found;""")
    assert dangerous == []
    # The payloads are shown as text, and the one safe link works as a link.
    text = " ".join(body.text for body in bodies)
    assert "<script>window.xss = 1</script>" in text
    assert "<img src=x onerror=" in text
    assert driver.find_element(By.LINK_TEXT, "aman").get_attribute("href") == "https://jdih.asahmakmur.go.id/perbup"
    assert "<script>window.xss=99</script>" in driver.find_element(By.TAG_NAME, "h1").text
