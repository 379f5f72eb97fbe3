"""The route fuzzer (Tests/pysupport/route_fuzzer.py) over every route of a real server, as every
role and anonymously, with a fixed seed: no 5xx, the server alive after every burst, and no
refused request writing to the content tables. `scripts/fuzz-routes` is the long run."""
import os

import pytest

from asah_server import PASSWORD, AsahServer
from route_fuzzer import Finding, RouteFuzzer

REQUESTS = int(os.environ.get("ROUTE_FUZZ_REQUESTS", "40000"))


@pytest.fixture(scope="module")
def server():
    asah = AsahServer().start()
    yield asah
    asah.remove()


def test_every_route_survives_fuzzing(server):
    fuzzer = RouteFuzzer(server.base, server.db, server.binary, seed=20261205, password=PASSWORD)
    alive = lambda: server.process.poll() is None  # noqa: E731
    try:
        seconds = fuzzer.run(REQUESTS, alive=alive)
    except Finding as stopped:
        pytest.fail(f"{stopped}\n{fuzzer.summary(1)}\n{server.log()[-4000:]}")
    print(fuzzer.summary(seconds))
    assert len(fuzzer.per_route) == len(fuzzer.routes), "every route was fuzzed"
    assert not fuzzer.findings, fuzzer.summary(seconds) + "\n" + server.log()[-4000:]
