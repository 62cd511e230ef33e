"""A throwaway PostgreSQL server on loopback for the test session.

Uses Debian's server binaries (package `postgresql`; `.ci/run` installs it when missing):
`initdb` into a temporary folder and `pg_ctl start` listening on 127.0.0.1 only, on a free
port, run as the `postgres` user when the tests run as root. Nothing leaves the machine.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def server_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """Start with `start()`, which returns a SQLAlchemy URL; `stop()` removes everything,
    unless the server was given a `folder` to keep (benchmarks reuse a filled database)."""

    def __init__(self, binaries: Path, folder: Path | None = None):
        self.binaries = binaries
        self.keep = folder is not None
        self.folder = folder or Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()

    def _run(self, *args: str) -> None:
        command = [str(self.binaries / args[0]), *args[1:]]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.folder, "postgres")
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> str:
        data = self.folder / "data"
        fresh = not data.exists()
        if fresh:
            self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.folder} -c fsync=off")
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")
        if fresh:
            self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                      "sitrep_test")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/sitrep_test"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"),
                      "-m", "fast" if self.keep else "immediate", "stop")
        finally:
            if not self.keep:
                shutil.rmtree(self.folder, ignore_errors=True)
