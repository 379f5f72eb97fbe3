"""Raw message keys on a page: a word like `hours_reached_summary` that names a message of the
catalogue means a page showed the key instead of its text."""
import glob
import json
import os
import re

MESSAGES = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "AsahWeb", "Messages", "id")
KEYS = {key for path in glob.glob(os.path.join(MESSAGES, "*.json")) for key in json.load(open(path)) if "_" in key}


def raw_keys(text):
    """The message keys that appear as words in `text`."""
    return set(re.findall(r"\b[a-z]+(?:_[a-z0-9]+)+\b", text)) & KEYS
