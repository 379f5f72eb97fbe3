"""API contract tests: Schemathesis against a real Asah server's own OpenAPI document."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pysupport"))
