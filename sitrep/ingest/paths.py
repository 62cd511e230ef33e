"""Which files an input path stands for, in which format, and how many articles they hold."""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

FileFormat = Literal["text", "markdown", "html", "jsonl"]
FORMATS: dict[str, FileFormat] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".jsonl": "jsonl",
}
SUPPORTED = ", ".join(sorted(FORMATS))
STDIN = "-"
# Files with these names (any extension) in a folder are its documentation, not reports.
DOCUMENTATION_NAMES = frozenset({"readme", "license", "licence", "changelog", "contributing"})
_CHUNK = 1 << 20


def display_name(path: Path) -> str:
    """The path as text that can be printed and stored: bytes of a file name that are not
    UTF-8 written as escapes ("bad\\xff.txt"), not as the lone surrogates Python reads them
    as."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def regular_file(path: Path) -> bool:
    """Whether `path` (after symbolic links) is a regular file: not a pipe, which blocks a
    reader until something writes to it, nor a device such as /dev/urandom, which never
    ends."""
    return stat.S_ISREG(path.stat().st_mode)


def file_format(path: Path) -> FileFormat | None:
    return FORMATS.get(path.suffix.lower())


@dataclass
class FolderListing:
    files: list[Path] = field(default_factory=list)  # supported files, sorted
    unsupported: Counter[str] = field(default_factory=Counter)  # extension -> how many
    errors: list[OSError] = field(default_factory=list)  # subfolders that could not be listed


def list_folder(folder: Path) -> FolderListing:
    """Supported files under `folder`, recursively, sorted. Hidden files and folders (".git",
    ".DS_Store") and README/LICENSE files are left out silently, unsupported types are left
    out and counted; symbolic links to folders are not followed (no loops)."""
    listing = FolderListing()
    for root, dirs, names in os.walk(folder, onerror=listing.errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.stem.lower() in DOCUMENTATION_NAMES:
                continue
            if file_format(path):
                listing.files.append(path)
            else:
                listing.unsupported[path.suffix.lower() or "(no extension)"] += 1
    listing.files.sort()
    return listing


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """A cheap estimate of how many articles `paths` hold, for a progress bar: one per file,
    one per line of a .jsonl file. None when unknown (standard input)."""
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            return None
        path = Path(raw)
        try:
            files = list_folder(path).files if path.is_dir() else [path] if path.is_file() else []
        except OSError:
            continue  # read_inputs reports it
        for file in files:
            try:
                total += _articles_in(file) if file_format(file) and regular_file(file) else 0
            except OSError:
                continue  # read_inputs reports it
    return total


def _articles_in(path: Path) -> int:
    if file_format(path) != "jsonl":
        return 1
    lines, last = 0, b"\n"
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")
