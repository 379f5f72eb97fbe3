"""What a page told the browser's console: a CSP violation or a script error fails a browser test.

Chromium reports both as SEVERE entries of the `browser` log. A document answered with an error
status (a test asking for a page it must not see) is logged as "the server responded with a
status of ..." too; the test checks that status itself, so those lines are left out."""

IGNORED = ("the server responded with a status of",)


def problems(driver):
    """The console's SEVERE entries since the last call (reading the log empties it)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry.get("level") == "SEVERE" and not any(text in entry["message"] for text in IGNORED)]
