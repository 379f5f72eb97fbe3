"""Acknowledged writes survive SIGKILL, and nothing is half-applied."""
import time

from asah_server import ApiClient, AsahServer
from write_stream import WriteStream


def test_acknowledged_writes_survive_sigkill_and_invariants_hold():
    asah = AsahServer().start()
    try:
        stream = WriteStream(asah)
        stream.start()
        time.sleep(3)
        asah.kill()
        stream.finish()
        print(f"acknowledged before SIGKILL: {len(stream.enrolments)} enrolments, {len(stream.tokens)} tokens")
        assert stream.errors == []
        assert len(stream.enrolments) > 20, "the write stream should have been acknowledged many times"
        assert len(stream.tokens) > 20

        assert asah.query("PRAGMA integrity_check") == [("ok",)]
        assert asah.query("PRAGMA foreign_key_check") == []
        assert stream.lost() == ({}, []), "acknowledged writes lost after SIGKILL"
        overbooked = asah.query("""
            SELECT runs.code, runs.capacity, COUNT(*) FROM enrolments JOIN runs ON runs.id = run_id
            WHERE enrolments.state IN ('enrolled', 'offered', 'completed', 'not_completed')
            GROUP BY runs.id HAVING COUNT(*) > runs.capacity""")
        assert overbooked == []

        asah.start()
        client = ApiClient(asah.base, "demo.pegawai")
        status, tokens = client.call("GET", "/api/v1/tokens")
        assert status == 200
        assert {token["name"] for token in tokens} >= {name for login, name in stream.tokens if login == "demo.pegawai"}
    finally:
        asah.remove()
