"""Session-wide services and scheduling.

A real PostgreSQL on loopback for the store tests: set SITREP_TEST_POSTGRES_URL to use a
server of your own (the tables of its database get dropped); otherwise one is started from
Debian's `postgresql` binaries when they are installed. Under pytest-xdist (`make test`
runs `-n 2 --dist loadgroup`) the controller starts the one server and each worker gets a
database of its own on it (the URL's database name + `_gw0`, `_gw1`, ...), so two workers
never drop each other's tables.

Scheduling under `--dist loadgroup`: a test marked `slow` is a work unit of its own (unless
its module puts its tests in an `xdist_group`, to share an expensive fixture) and is handed
out first, so that the long system tests spread over the workers and none is left running
alone at the end; every other test goes with its module (one unit per module), so a module's
fixtures are built once, on one worker.
"""

from __future__ import annotations

import os

import pytest
from postgres_server import PostgresServer, server_binaries

_server: PostgresServer | None = None


def pytest_configure(config) -> None:
    global _server
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if os.environ.get("SITREP_TEST_POSTGRES_URL"):
        if worker:
            os.environ["SITREP_TEST_POSTGRES_URL"] = _worker_database(
                os.environ["SITREP_TEST_POSTGRES_URL"], worker)
        return
    if worker or os.environ.get("SITREP_TEST_POSTGRES_SKIP"):
        return  # the controller found no server to start: it said why in the skip reason
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


def _worker_database(url: str, worker: str) -> str:
    """A database of this xdist worker's own beside the one `url` names (made if missing)."""
    from sqlalchemy import create_engine, text

    name = f"{url.rsplit('/', 1)[1]}_{worker}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                        {"name": name}).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return f"{url.rsplit('/', 1)[0]}/{name}"


def pytest_unconfigure(config) -> None:
    if _server is not None:
        _server.stop()


# Module groups of 30 s or more on one core (the browser tests, the API and store tests).
LONG_MODULES = ("test_web", "test_api", "test_store")


def pytest_collection_modifyitems(config, items) -> None:
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        if item.get_closest_marker("slow") is None and item.get_closest_marker(
                "xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
    # stable: slow tests first, then the longest module groups (a worker left alone with
    # one of them at the end would make the run that much longer), then the others in
    # collection order
    items.sort(key=lambda item: (item.get_closest_marker("slow") is None,
                                 item.module.__name__.rpartition(".")[2] not in LONG_MODULES))
