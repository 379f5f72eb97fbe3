"""Reading the test server's database the way a test checks what a page said: read-only, so a
test never changes what the server holds behind its back."""
import sqlite3


def rows(server, sql, *args):
    """Every row `sql` answers on the server's database."""
    connection = sqlite3.connect(f"file:{server['db']}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()
