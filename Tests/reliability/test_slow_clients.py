"""Two hundred clients dribbling a request a byte at a time do not keep others waiting."""
import socket
import threading
import time
import urllib.request

from asah_server import AsahServer


def dribble(port, source, stop, opened):
    """Opens a connection from the address `source` and sends a request line one byte a second,
    never finishing it."""
    try:
        connection = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(source, 0))
    except OSError:
        return
    opened.append(connection)
    request = b"GET /katalog HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 1000
    for byte in request:
        if stop.wait(1):
            break
        try:
            connection.send(bytes([byte]))
        except OSError:
            break
    connection.close()


def test_slow_clients_do_not_block_a_normal_request():
    asah = AsahServer().start()
    stop = threading.Event()
    opened = []
    # From ten loopback addresses, 20 each: one address may hold only 128 connections at once.
    dribblers = [threading.Thread(target=dribble, args=(asah.port, f"127.0.0.{2 + number % 10}", stop, opened),
                                  daemon=True) for number in range(200)]
    try:
        for thread in dribblers:
            thread.start()
        time.sleep(2.5)
        assert len(opened) == 200, "every slow client got a connection"
        for _ in range(20):
            with urllib.request.urlopen(asah.base + "/login", timeout=5) as answer:
                assert answer.status == 200
                assert b"<form" in answer.read()
        assert asah.process.poll() is None
    finally:
        stop.set()
        for thread in dribblers:
            thread.join(timeout=5)
        asah.remove()
