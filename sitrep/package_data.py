"""Reading the package's own data files (`sitrep/data/...`): one way, each file once.

The files are package data, found through `importlib.resources` so that an installed wheel
reads them as well as a checkout does. What `read_toml` returns is shared by every caller:
read it, never change it. `data_path` gives a file's filesystem path, for readers that
need one (SQLite, gzip by name) and for the scripts that write learned weights back.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def data_file(relative: str) -> Traversable:
    """`relative` (e.g. "lexicon/events.toml") under sitrep/data/."""
    return resources.files("sitrep") / "data" / relative


def data_path(relative: str) -> Path:
    """`relative` under sitrep/data/ as a filesystem path: package data installs as plain
    files (from a wheel or a checkout), so this is the file itself."""
    return Path(str(data_file(relative)))


@functools.cache
def read_toml(relative: str) -> dict[str, Any]:
    """The TOML file `relative` under sitrep/data/, parsed once per process."""
    return tomllib.loads(data_file(relative).read_text(encoding="utf-8"))
