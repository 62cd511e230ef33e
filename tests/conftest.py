"""Session-wide services: a real PostgreSQL on loopback for the store tests.

Set SITREP_TEST_POSTGRES_URL to use a server of your own (its tables get dropped);
otherwise one is started from Debian's `postgresql` binaries when they are installed.
"""

from __future__ import annotations

import os

from postgres_server import PostgresServer, server_binaries

_server: PostgresServer | None = None


def pytest_configure(config) -> None:
    global _server
    if os.environ.get("SITREP_TEST_POSTGRES_URL"):
        return
    binaries = server_binaries()
    if binaries is None:
        os.environ["SITREP_TEST_POSTGRES_SKIP"] = (
            "no PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql)"
        )
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        os.environ["SITREP_TEST_POSTGRES_SKIP"] = "psycopg not installed (pip install -e '.[test]')"
        return
    _server = PostgresServer(binaries)
    os.environ["SITREP_TEST_POSTGRES_URL"] = _server.start()


def pytest_unconfigure(config) -> None:
    if _server is not None:
        _server.stop()
