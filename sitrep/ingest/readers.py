"""read_inputs: files, folders, standard input and http(s) URLs -> Articles and
IngestProblems, streamed."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Article, IngestProblem
from .decoding import decode_bytes, decode_html
from .document import ArticleOverrides, Format, KnownMetadata, build_article
from .fetch import FetchError, fetch
from .jsonl import read_jsonl
from .failures import failure_problem, time_budget
from .limits import SECONDS_PER_ARTICLE
from .paths import (STDIN, SUPPORTED, FolderListing, display_name, file_format, list_folder,
                    regular_file)
from .sizes import too_large

DEFAULT_MAX_BYTES = 5_000_000
Item = Article | IngestProblem


def read_inputs(paths: Iterable[str | Path], overrides: ArticleOverrides | None = None, *,
                max_bytes: int = DEFAULT_MAX_BYTES,
                allow_private_urls: bool = False) -> Iterator[Item]:
    """Articles and problems from files, folders (recursively, sorted), "-" (standard input,
    plain text) and http(s) URLs (fetched by `fetch`, which refuses loopback and private
    addresses unless `allow_private_urls`), in input order. Never raises for bad input: every
    input that cannot be read becomes an IngestProblem and the others go on. `max_bytes`
    limits one document (one file or download, or one line of a .jsonl file)."""
    for raw in paths:
        if str(raw) == STDIN:
            yield from _read_stdin(overrides, max_bytes)
            continue
        if is_url(str(raw)):
            yield from read_url(str(raw), overrides, max_bytes=max_bytes,
                                allow_private=allow_private_urls)
            continue
        path = Path(raw)
        name = display_name(path)
        try:
            if path.is_dir():
                yield from _read_folder(path, overrides, max_bytes)
            elif path.exists():
                yield from _read_named_file(path, overrides, max_bytes)
            elif path.is_symlink():
                yield IngestProblem(name, "broken symbolic link (its target does not exist)")
            else:
                yield IngestProblem(name, "no such file or directory")
        except OSError as err:  # e.g. a folder on the way that may not be searched
            yield IngestProblem(name, f"cannot read: {err.strerror or err}")
        except Exception as error:  # noqa: BLE001 - the boundary: the next input goes on
            yield failure_problem(name, error)


def is_url(raw: str) -> bool:
    return raw.lower().startswith(("http://", "https://"))


def read_url(url: str, overrides: ArticleOverrides | None = None, *,
             max_bytes: int = DEFAULT_MAX_BYTES, allow_private: bool = False,
             allowed_hosts: frozenset[str] = frozenset(), timeout: float = 20.0,
             ) -> Iterator[Item]:
    """The article of one web page or plain-text URL (format from the Content-Type)."""
    try:
        page = fetch(url, allow_private=allow_private, allowed_hosts=allowed_hosts,
                     max_bytes=max_bytes, timeout=timeout)
    except FetchError as err:
        yield IngestProblem(url, str(err).removeprefix(f"{err.url}: "))
        return
    content_type = page.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in ("text/plain", "text/markdown"):
        fmt: Format = "markdown" if content_type == "text/markdown" else "text"
    elif content_type in ("text/html", "application/xhtml+xml", ""):
        fmt = "html"
    else:
        yield IngestProblem(url, f"cannot read a {content_type} document; sitrep reads web "
                                 "pages (text/html) and plain text from URLs")
        return
    yield from _read_document(page.body, url, fmt, overrides,
                              KnownMetadata(url=page.final_url))


def _read_named_file(path: Path, overrides: ArticleOverrides | None,
                     max_bytes: int) -> Iterator[Item]:
    if file_format(path) is None:
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        yield IngestProblem(display_name(path),
                            f"unsupported file type {kind}; sitrep reads {SUPPORTED}", "skipped")
        return
    yield from _read_file(path, overrides, max_bytes)


def _read_folder(folder: Path, overrides: ArticleOverrides | None,
                 max_bytes: int) -> Iterator[Item]:
    listing = list_folder(folder)
    for err in listing.errors:
        yield IngestProblem(display_name(Path(err.filename or folder)),
                            f"cannot read folder: {err.strerror or err}")
    for path in listing.files:
        try:
            yield from _read_file(path, overrides, max_bytes)
        except Exception as error:  # noqa: BLE001 - the boundary: the next file goes on
            yield failure_problem(display_name(path), error)
    left_out = _left_out(listing)
    if left_out:
        yield IngestProblem(display_name(folder), left_out, "skipped")
    elif not listing.files and not listing.errors:
        yield IngestProblem(display_name(folder), f"folder has no files to read ({SUPPORTED})",
                            "warning")


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
    source = display_name(path)
    fmt = file_format(path)
    try:
        if not regular_file(path):
            yield IngestProblem(source, "not a regular file (a pipe, device or socket)",
                                "skipped")
            return
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
                   overrides: ArticleOverrides | None,
                   known: KnownMetadata | None = None) -> Iterator[Item]:
    """The article of one document and the problems on the way: all of them within the time
    budget of one input, or the problem that says why there is no article."""
    try:
        with time_budget(SECONDS_PER_ARTICLE):
            items = list(_document_items(data, source, fmt, overrides, known))
    except Exception as error:  # noqa: BLE001 - the boundary: the next input goes on
        items = [failure_problem(source, error)]
    yield from items


def _document_items(data: bytes, source: str, fmt: Format, overrides: ArticleOverrides | None,
                    known: KnownMetadata | None) -> Iterator[Item]:
    decoded = decode_html(data) if fmt == "html" else decode_bytes(data)
    if decoded.text is None:
        yield IngestProblem(source, decoded.error or "not text")
        return
    if not decoded.text.strip():
        yield IngestProblem(source, "empty document (only whitespace)")
        return
    yield from (IngestProblem(source, w, "warning") for w in decoded.warnings)
    article, problems = build_article(decoded.text, source=source, fmt=fmt, overrides=overrides,
                                      known=known)
    yield from problems
    if article is not None:
        yield article
