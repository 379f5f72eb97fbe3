"""Notifications by e-mail through a real SMTP server (aiosmtpd on localhost): a new notification
reaches the person's work address in their language with a link to the page; turning e-mail off
on the account page stops it; so does turning off one kind of notification there; a daily digest
comes as one message listing several notifications."""
import email
import email.policy
import os
import re
import sqlite3
import threading
import time
import urllib.parse
import urllib.request

from aiosmtpd.controller import Controller

from asah_server import ApiClient, AsahServer, free_port


def started(inbox):
    """A mail server on a free port, and an Asah sending to it with demo.pegawai's address set."""
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    asah = AsahServer()
    with sqlite3.connect(asah.db) as connection:
        connection.execute("""UPDATE employees SET email = 'pegawai@pemda.test'
                              WHERE id = (SELECT employee_id FROM users WHERE login = 'demo.pegawai')""")
        # The demo's own recent notifications are not this test's concern.
        connection.execute("UPDATE email_deliveries SET given_up_at = 0")
    try:
        asah.start(options=["--smtp-url", f"smtp://127.0.0.1:{port}", "--smtp-allow-plain", "--smtp-from", "asah@pemda.test",
                            "--public-url", "https://asah.pemda.test", "--email-interval", "1"])
    except BaseException:
        asah.remove()
        controller.stop()
        raise
    return controller, asah


class Inbox:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 OK"

    def wait(self, text, seconds=15):
        """The messages whose body holds `text`, once there is one or `seconds` have passed (the
        server's sweep sends its own reminders meanwhile)."""
        deadline = time.time() + seconds
        while True:
            with self.lock:
                found = [(to, message) for to, message in self.messages if text in message.get_content()]
            if found or time.time() > deadline:
                return found
            time.sleep(0.1)


def notify(asah, login, message, kind="approved", ago=0):
    with sqlite3.connect(asah.db, timeout=10) as connection:
        connection.execute("""INSERT INTO notifications (employee_id, kind, message, link, created_at)
                              SELECT employee_id, ?, ?, '/my/trainings', strftime('%s', 'now') - ?
                              FROM users WHERE login = ?""", (kind, message, ago, login))


def ticked_kinds(asah):
    """demo.pegawai signed in, and the notification kinds ticked on their account page."""
    client = ApiClient(asah.base, "demo.pegawai")
    _, page = client.call("GET", "/account")
    return client, re.findall(r'name="email_kind_([a-z_]+)" checked', page)


def save_email_choices(asah, client, fields):
    """Posts the account page's e-mail form as a browser does; answers the page shown back."""
    fields = [("_csrf", client.csrf)] + fields
    request = urllib.request.Request(asah.base + "/account/email", data=urllib.parse.urlencode(fields).encode(), method="POST")
    request.add_header("X-CSRF-Token", client.csrf)
    with client.opener.open(request, timeout=10) as answer:
        assert answer.status == 200
        return answer.read().decode()


def test_notifications_are_mailed_in_the_persons_language_until_turned_off():
    inbox = Inbox()
    controller, asah = started(inbox)
    try:
        notify(asah, "demo.pegawai", "Permintaan Anda disetujui.")
        messages = inbox.wait("Permintaan Anda disetujui.")
        assert len(messages) == 1, "one notification, one e-mail"
        recipients, message = messages[0]
        assert recipients == ["pegawai@pemda.test"]
        assert message["From"] == "Asah <asah@pemda.test>"
        assert message["Subject"].startswith("[Asah] ")
        body = message.get_content()
        assert body.startswith("Yth. ")
        assert "https://asah.pemda.test/my/trainings" in body
        assert "https://asah.pemda.test/account" in body, "the footer says where to turn it off"

        client = ApiClient(asah.base, "demo.pegawai")
        status, _ = client.call("POST", "/account/email", None)
        assert status in (200, 303)
        notify(asah, "demo.pegawai", "Pemberitahuan kedua.")
        time.sleep(3)
        assert inbox.wait("Pemberitahuan kedua.", seconds=1) == [], "turned off: no e-mail"
        state = asah.query("""SELECT d.given_up_at IS NOT NULL FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
                              WHERE n.message = 'Pemberitahuan kedua.'""")
        assert state == [(1,)]
    finally:
        asah.remove()
        controller.stop()


def test_a_kind_turned_off_on_the_account_page_is_not_mailed():
    inbox = Inbox()
    controller, asah = started(inbox)
    try:
        client, kinds = ticked_kinds(asah)
        assert "declined" in kinds and "approved" in kinds, "every kind is ticked at first"
        fields = [("email_notifications", "on")] + [(f"email_kind_{kind}", "on") for kind in kinds if kind != "declined"]
        assert 'name="email_kind_declined" >' in save_email_choices(asah, client, fields)
        notify(asah, "demo.pegawai", "Permintaan Anda ditolak.", kind="declined")
        notify(asah, "demo.pegawai", "Permintaan lain disetujui.")
        assert len(inbox.wait("Permintaan lain disetujui.")) == 1, "a kind still on is mailed"
        time.sleep(2)
        assert inbox.wait("Permintaan Anda ditolak.", seconds=1) == [], "the kind turned off is not"
        state = asah.query("""SELECT d.last_error FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
                              WHERE n.message = 'Permintaan Anda ditolak.'""")
        assert state == [("kind off",)]
    finally:
        asah.remove()
        controller.stop()


def test_a_daily_digest_arrives_as_one_message_with_several_items():
    inbox = Inbox()
    controller, asah = started(inbox)
    try:
        client, kinds = ticked_kinds(asah)
        fields = [("email_notifications", "on"), ("email_digest", "daily")] + [(f"email_kind_{kind}", "on") for kind in kinds]
        assert 'value="daily" checked' in save_email_choices(asah, client, fields)
        # Made yesterday, so before the latest 07.00: due in today's digest. One made now waits for tomorrow's.
        notify(asah, "demo.pegawai", "Kabar pertama kemarin.", ago=86400)
        notify(asah, "demo.pegawai", "Kabar kedua kemarin.", kind="declined", ago=86400)
        notify(asah, "demo.pegawai", "Kabar baru hari ini.")
        digests = inbox.wait("Kabar pertama kemarin.")
        assert [(to, message["Subject"]) for to, message in digests] == [(["pegawai@pemda.test"], "[Asah] Ringkasan harian: 2 pemberitahuan")]
        message = digests[0][1]
        body = message.get_content()
        assert "Kabar kedua kemarin." in body and "https://asah.pemda.test/my/trainings" in body
        time.sleep(2)
        assert inbox.wait("Kabar baru hari ini.", seconds=1) == [], "held for tomorrow's digest"
        assert len(inbox.wait("Kabar pertama kemarin.", seconds=0)) == 1, "sent once"
        state = asah.query("""SELECT COUNT(*) FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
                              WHERE n.message LIKE 'Kabar % kemarin.' AND d.sent_at IS NOT NULL""")
        assert state == [(2,)]
    finally:
        asah.remove()
        controller.stop()
