"""Reliability tests: a real Asah server is killed, starved of disk and flooded with slow clients."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "pysupport"))
