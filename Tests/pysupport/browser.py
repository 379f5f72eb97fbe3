"""Waiting in the browser tests: a click that navigates returns before the next page is there."""
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait


def wait_for_text(driver, text, timeout=10):
    """Waits until the page shows `text` (asking while a page is being replaced may fail: ask again)."""
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(lambda d: text in d.page_source)


def click_through(driver, element, text=None, timeout=10):
    """Clicks a link or submit button and waits for the page it leads to (and `text` on it).
    Waiting for the text alone could match the page being left. The page being left is marked
    in its window object, which the next page does not have."""
    driver.execute_script("window.asahLeaving = true")
    element.click()
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return document.readyState === 'complete' && window.asahLeaving !== true"))
    if text is not None:
        wait_for_text(driver, text, timeout)
