"""What a server is started with: the database, the write token, the URL-ingest policy."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_ENV = "SITREP_API_TOKEN"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
MIN_TOKEN_LENGTH = 16


class SettingsError(ValueError):
    """A setting that cannot work (an unreadable or too short token); the message says why."""


@dataclass(frozen=True)
class Settings:
    db: str = "sitrep.db"
    # Write endpoints (ingest) exist only when a token is set; every write must present it.
    token: str | None = None
    max_upload_bytes: int = 5_000_000  # one uploaded file, text or fetched page
    fetch_timeout: float = 20.0
    # URL ingest refuses loopback and private addresses unless one of these says otherwise
    allow_private_urls: bool = False
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)  # "host:port" exceptions
    # Host header names the server answers to, besides loopback's ("*": any)
    server_names: frozenset[str] = field(default_factory=frozenset)

    @property
    def allowed_hosts_header(self) -> frozenset[str]:
        """Every name the Host header may carry: loopback's and `server_names`."""
        return LOOPBACK_NAMES | {name.lower().strip("[]") for name in self.server_names}


def read_token(token_file: str | Path | None) -> str | None:
    """The write token: from `token_file` (its first line) if given, else $SITREP_API_TOKEN,
    else None (writes disabled). Refuses tokens shorter than MIN_TOKEN_LENGTH."""
    if token_file is not None:
        try:
            lines = Path(token_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise SettingsError(f"cannot read the token file {token_file}: {err}") from None
        token = lines[0].strip() if lines else ""
        where = f"the token file {token_file}"
    else:
        token = os.environ.get(TOKEN_ENV, "").strip()
        where = f"${TOKEN_ENV}"
        if not token:
            return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise SettingsError(f"the token in {where} is shorter than {MIN_TOKEN_LENGTH} "
                            "characters; use a long random one (e.g. `openssl rand -hex 32`)")
    return token
