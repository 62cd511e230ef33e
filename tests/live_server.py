"""Helpers for the serve tests: a real HTTP server on loopback, scratch PostgreSQL databases,
and a guard that fails a test if anything dials an address that is not loopback."""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]
# In-process test clients talk to the app as if on loopback: the app answers loopback's names
LOOPBACK = "http://127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(app, port: int | None = None) -> Iterator[str]:
    """Serve an ASGI app with uvicorn in a thread on 127.0.0.1; yields its base URL."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def new_postgres_database() -> str:
    """A new, empty database on the session's PostgreSQL server; returns its URL."""
    from sqlalchemy import create_engine, text

    assert POSTGRES_URL, "no PostgreSQL server for this session"
    name = f"sitrep_{uuid.uuid4().hex[:12]}"
    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return POSTGRES_URL.rsplit("/", 1)[0] + "/" + name


def database_url(backend: str, folder) -> str:
    """A new empty database of `backend`: a SQLite file in `folder`, or a PostgreSQL one."""
    if backend == "sqlite":
        return str(folder / f"sitrep-{uuid.uuid4().hex[:8]}.db")
    return new_postgres_database()


class LoopbackOnly:
    """Records every socket connect; fails the connect (and the test) for any address that
    is not loopback, before a packet is sent."""

    def __init__(self) -> None:
        self.dialled: list[str] = []
        self.refused: list[str] = []

    def install(self, monkeypatch) -> LoopbackOnly:
        original = socket.socket.connect
        guard = self

        def connect(sock, address):
            host = address[0] if isinstance(address, tuple) else str(address)
            if sock.family in (socket.AF_INET, socket.AF_INET6):
                guard.dialled.append(host)
                if not ipaddress.ip_address(host.split("%")[0]).is_loopback:
                    guard.refused.append(host)
                    raise AssertionError(f"a non-loopback address was dialled: {host}")
            return original(sock, address)

        monkeypatch.setattr(socket.socket, "connect", connect)
        return self
