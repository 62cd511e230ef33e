"""read_inputs: files, folders and standard input -> Articles and IngestProblems, streamed."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Article, IngestProblem
from .decoding import decode_bytes, decode_html
from .document import ArticleOverrides, Format, build_article
from .jsonl import read_jsonl
from .paths import STDIN, SUPPORTED, FolderListing, file_format, list_folder
from .sizes import too_large

DEFAULT_MAX_BYTES = 5_000_000
Item = Article | IngestProblem


def read_inputs(paths: Iterable[str | Path], overrides: ArticleOverrides | None = None, *,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles and problems from files, folders (recursively, sorted) and "-" (standard input,
    plain text), in input order. Never raises for bad input: every file that cannot be read
    becomes an IngestProblem and the others go on. `max_bytes` limits one document (one file,
    or one line of a .jsonl file)."""
    for raw in paths:
        if str(raw) == STDIN:
            yield from _read_stdin(overrides, max_bytes)
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                yield from _read_folder(path, overrides, max_bytes)
            elif path.exists():
                yield from _read_named_file(path, overrides, max_bytes)
            elif path.is_symlink():
                yield IngestProblem(str(path), "broken symbolic link (its target does not exist)")
            else:
                yield IngestProblem(str(path), "no such file or directory")
        except OSError as err:  # e.g. a folder on the way that may not be searched
            yield IngestProblem(str(path), f"cannot read: {err.strerror or err}")


def _read_named_file(path: Path, overrides: ArticleOverrides | None,
                     max_bytes: int) -> Iterator[Item]:
    if file_format(path) is None:
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        yield IngestProblem(str(path), f"unsupported file type {kind}; sitrep reads {SUPPORTED}",
                            "skipped")
        return
    yield from _read_file(path, overrides, max_bytes)


def _read_folder(folder: Path, overrides: ArticleOverrides | None,
                 max_bytes: int) -> Iterator[Item]:
    listing = list_folder(folder)
    for err in listing.errors:
        yield IngestProblem(str(err.filename or folder),
                            f"cannot read folder: {err.strerror or err}")
    for path in listing.files:
        yield from _read_file(path, overrides, max_bytes)
    left_out = _left_out(listing)
    if left_out:
        yield IngestProblem(str(folder), left_out, "skipped")
    elif not listing.files and not listing.errors:
        yield IngestProblem(str(folder), f"folder has no files to read ({SUPPORTED})", "warning")


def _left_out(listing: FolderListing) -> str | None:
    """The note on the files of a folder that were not read, or None if all were."""
    count = sum(listing.unsupported.values())
    if not count:
        return None
    kinds = ", ".join(f"{ext} ×{n}" if n > 1 else ext
                      for ext, n in sorted(listing.unsupported.items()))
    return (f"{count} file{'s' if count > 1 else ''} not read: unsupported type ({kinds}); "
            f"sitrep reads {SUPPORTED}")


def _read_file(path: Path, overrides: ArticleOverrides | None, max_bytes: int) -> Iterator[Item]:
    source = str(path)
    fmt = file_format(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield IngestProblem(source, "empty file (0 bytes)")
            return
        if fmt == "jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(path, stream, overrides, max_bytes)
            return
        if size > max_bytes:
            yield IngestProblem(source, too_large("file", size, max_bytes, "one document"))
            return
        data = path.read_bytes()
    except OSError as err:
        yield IngestProblem(source, f"cannot read file: {err.strerror or err}")
        return
    yield from _read_document(data, source, fmt, overrides)


def _read_stdin(overrides: ArticleOverrides | None, max_bytes: int) -> Iterator[Item]:
    source = "<stdin>"
    if sys.stdin is None:
        yield IngestProblem(source, "no standard input to read")
        return
    stream = getattr(sys.stdin, "buffer", None)
    try:
        data = stream.read(max_bytes + 1) if stream else sys.stdin.read(max_bytes + 1).encode()
    except (OSError, UnicodeDecodeError) as err:
        yield IngestProblem(source, f"cannot read standard input: {err}")
        return
    if len(data) > max_bytes:
        yield IngestProblem(source, f"standard input is longer than the limit of {max_bytes:,} "
                            "bytes for one document; raise it with --max-bytes")
        return
    yield from _read_document(data, source, "text", overrides)


def _read_document(data: bytes, source: str, fmt: Format,
                   overrides: ArticleOverrides | None) -> Iterator[Item]:
    decoded = decode_html(data) if fmt == "html" else decode_bytes(data)
    if decoded.text is None:
        yield IngestProblem(source, decoded.error or "not text")
        return
    if not decoded.text.strip():
        yield IngestProblem(source, "empty document (only whitespace)")
        return
    yield from (IngestProblem(source, w, "warning") for w in decoded.warnings)
    article, problems = build_article(decoded.text, source=source, fmt=fmt, overrides=overrides)
    yield from problems
    if article is not None:
        yield article
