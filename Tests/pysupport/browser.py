"""Waiting in the browser tests: a click that navigates returns before the next page is there."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait


def wait_for_text(driver, text, timeout=10):
    """Waits until the page shows `text`."""
    WebDriverWait(driver, timeout).until(lambda d: text in d.page_source)


def click_through(driver, element, text=None, timeout=10):
    """Clicks a link or submit button and waits for the page it leads to (and `text` on it).
    Waiting for the text alone could match the page being left, whose elements then go stale."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, timeout).until(staleness_of(page))
    if text is not None:
        wait_for_text(driver, text, timeout)
