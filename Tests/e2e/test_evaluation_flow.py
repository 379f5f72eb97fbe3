"""Post-training evaluation end to end: the supervisor answers the behaviour check of
demo.pegawai from the evaluation task list, then the coordinator filters the impact dashboard
to a programme and sees the L4 result with its server-drawn SVG chart and caveat, and opens
the printable report."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait


def wait_for(driver, css, timeout=10):
    WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))
    return driver.find_element(By.CSS_SELECTOR, css)


def test_behaviour_check_then_impact_dashboard(login, driver, server):
    base = server["base"]

    # The supervisor finds the check in the menu's evaluation tasks and answers it.
    login("demo.atasan")
    driver.get(base + "/evaluation/checks")
    links = driver.find_elements(By.CSS_SELECTOR, "#open-checks a")
    assert links, "demo.atasan has a behaviour check to answer"
    links[0].click()
    form = wait_for(driver, "#check-form")
    for fieldset in form.find_elements(By.CSS_SELECTOR, "fieldset.likert"):
        fieldset.find_element(By.CSS_SELECTOR, "input[type=radio][value='4']").click()
        fieldset.find_element(By.TAG_NAME, "textarea").send_keys("Menyusun SOP pelayanan baru bersama tim")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "terima kasih" in wait_for(driver, "#check-thanks").text.lower()

    # The coordinator filters the dashboard to the programme that helped.
    login("demo.koordinator")
    driver.get(base + "/evaluation")
    Select(driver.find_element(By.ID, "f-year")).select_by_value("all")
    programme = Select(driver.find_element(By.ID, "f-programme"))
    programme.select_by_visible_text(next(o.text for o in programme.options if "Pelayanan" in o.text))
    submit = driver.find_element(By.CSS_SELECTOR, "#impact-filter button[type=submit]")
    submit.click()
    # The unfiltered page has a chart too: wait for the filtered page to replace it.
    WebDriverWait(driver, 15).until(staleness_of(submit))
    chart = wait_for(driver, "svg#l4-chart")
    assert chart.find_elements(By.CSS_SELECTOR, "rect"), "bars drawn on the server"
    assert driver.find_element(By.ID, "l4-estimate").text.startswith("+")
    assert "bukan bukti" in driver.find_element(By.ID, "l4-caveat").text
    assert driver.find_elements(By.CSS_SELECTOR, "svg#l1-chart") and driver.find_elements(By.CSS_SELECTOR, "#impact-runs tbody tr")

    # The printable report for the head of the agency keeps the filter.
    driver.find_element(By.ID, "report-link").click()
    wait_for(driver, ".impact-report svg#l4-chart")
    assert "programme=" in driver.current_url
