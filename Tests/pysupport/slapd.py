"""A real OpenLDAP server (Debian's slapd) on a free localhost port, with a throwaway configuration
and database in a temporary folder, holding the people it is given (uid, NIP, password)."""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time

from asah_server import free_port

SUFFIX = "dc=asah,dc=test"
ADMIN_DN = "cn=admin," + SUFFIX
ADMIN_PASSWORD = "sandi-layanan-uji"
SLAPD, SLAPADD = "/usr/sbin/slapd", "/usr/sbin/slapadd"


def unavailable():
    """Why no slapd can run here, or None."""
    if not (os.access(SLAPD, os.X_OK) and os.access(SLAPADD, os.X_OK)):
        return "slapd is not installed (scripts/setup test installs slapd and ldap-utils)"
    return None


class Slapd:
    def __init__(self, people):
        self.folder = tempfile.mkdtemp(prefix="asah-slapd-")
        os.mkdir(os.path.join(self.folder, "db"))
        config = os.path.join(self.folder, "slapd.conf")
        with open(config, "w") as f:
            f.write("\n".join([
                "include /etc/ldap/schema/core.schema", "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema", "modulepath /usr/lib/ldap", "moduleload back_mdb",
                "database mdb", f'suffix "{SUFFIX}"', f'rootdn "{ADMIN_DN}"', f"rootpw {ADMIN_PASSWORD}",
                f"directory {self.folder}/db", "maxsize 10485760", ""]))
        entries = [f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Asah\ndc: asah\n",
                   f"dn: ou=people,{SUFFIX}\nobjectClass: organizationalUnit\nou: people\n"]
        for uid, nip, password in people:
            entries.append(f"dn: uid={uid},ou=people,{SUFFIX}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {uid}\n"
                           f"sn: {uid}\nemployeeNumber: {nip}\nuserPassword: {password}\n")
        ldif = os.path.join(self.folder, "people.ldif")
        with open(ldif, "w") as f:
            f.write("\n".join(entries))
        subprocess.run([SLAPADD, "-f", config, "-l", ldif], check=True, capture_output=True)
        self.port = free_port()
        self.url = f"ldap://127.0.0.1:{self.port}"
        # -d keeps it in the foreground, so the test owns the process and ends it.
        self.process = subprocess.Popen([SLAPD, "-f", config, "-h", self.url + "/", "-d", "0"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("slapd did not start listening on port %d" % self.port)

    def settings_file(self, folder, **extra):
        """A directory settings file for `asah serve --directory-config`, readable by its owner only."""
        path = os.path.join(folder, "directory.json")
        settings = {"url": self.url, "base_dn": "ou=people," + SUFFIX, "bind_dn": ADMIN_DN,
                    "bind_password": ADMIN_PASSWORD, **extra}
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as f:
            json.dump(settings, f)
        return path

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=15)

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
