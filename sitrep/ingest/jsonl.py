"""JSON Lines: one article per line, streamed (a file of any size is read a line at a time;
`max_bytes` limits each line, not the file)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Article, IngestProblem, Severity
from .dates import parse_date_text
from .decoding import binary_reason, decode_bytes
from .document import ArticleOverrides, KnownMetadata, build_article
from .failures import failure_problem, time_budget
from .limits import SECONDS_PER_ARTICLE
from .paths import display_name
from .sizes import too_large

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "true/false", type(None): "null"}


def read_jsonl(path: Path, stream: BinaryIO, overrides: ArticleOverrides | None,
               max_bytes: int) -> Iterator[Article | IngestProblem]:
    source = display_name(path)
    reason = binary_reason(stream.read(8192))
    if reason:
        yield IngestProblem(source, reason)
        return
    stream.seek(0)
    number, records = 0, 0
    while raw := stream.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            yield IngestProblem(source, too_large("line", _skip_rest_of_line(stream, len(raw)),
                                                  max_bytes, "one article"), line=number)
            continue
        if not raw.strip():
            continue
        records += 1
        try:
            with time_budget(SECONDS_PER_ARTICLE):
                items = list(_read_line(raw, source, number, overrides))
        except Exception as error:  # noqa: BLE001 - the boundary: the next line goes on
            items = [failure_problem(source, error, line=number)]
        yield from items
    if records == 0:
        yield IngestProblem(source, "no JSON lines in the file (only blank lines)")


def _skip_rest_of_line(stream: BinaryIO, read_so_far: int) -> int:
    """Read past the end of an over-long line, a chunk at a time; return its length."""
    length = read_so_far
    while chunk := stream.readline(1 << 20):
        length += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return length


def _read_line(raw: bytes, source: str, number: int,
               overrides: ArticleOverrides | None) -> Iterator[Article | IngestProblem]:
    def problem(message: str, severity: Severity = "error") -> IngestProblem:
        return IngestProblem(source, message, severity, number)

    decoded = decode_bytes(raw)
    if decoded.text is None:
        yield problem(decoded.error or "not text")
        return
    for warning in decoded.warnings:
        yield problem(warning, "warning")
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as err:
        yield problem(f"invalid JSON: {err.msg} at column {err.colno}")
        return
    except RecursionError:
        yield problem("invalid JSON: arrays or objects nested too deeply")
        return
    except ValueError as err:  # an integer of more digits than Python converts
        yield problem(f"invalid JSON: {str(err).split(';')[0]}")
        return
    if not isinstance(record, dict):
        yield problem(f"expected a JSON object with a \"text\" field, got {_json_type(record)}")
        return
    text = record.get("text")
    if "text" not in record:
        yield problem('no "text" field (fields found: ' + (", ".join(sorted(record)) or "none") + ")")
        return
    if not isinstance(text, str):
        yield problem(f'"text" must be a string, got {_json_type(text)}')
        return
    if not text.strip():
        yield problem('"text" is empty')
        return
    warnings: list[str] = []
    record, replaced = _without_lone_surrogates(record)
    text = record["text"]
    if replaced:
        warnings.append("lone surrogate escapes (\\ud800-\\udfff, half a character) "
                        "replaced with U+FFFD")
    known = _known_metadata(record, warnings)
    yield from (problem(w, "warning") for w in warnings)
    article, problems = build_article(text, source=source, line=number, fmt="text",
                                      overrides=overrides, known=known)
    yield from problems
    if article is not None:
        yield article


def _known_metadata(record: dict[str, Any], warnings: list[str]) -> KnownMetadata:
    def string(name: str) -> str | None:
        value = record.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            return value.strip()
        warnings.append(f'"{name}" should be a string, got {_json_type(value)}; ignored')
        return None

    published_text = string("published")
    published = parse_date_text(published_text) if published_text else None
    if published_text and published is None:
        warnings.append(f'could not read "published" value {published_text!r} as a date '
                        '(expected e.g. 2017-05-03, 2017-05-03T10:00:00Z or May 3, 2017); ignored')
    raw_id = record.get("id")
    external_id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) \
        else string("id")
    return KnownMetadata(title=string("title"), author=string("author"), outlet=string("outlet"),
                         published=published, url=string("url"), external_id=external_id)


def _without_lone_surrogates(record: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The record's string fields without lone surrogates, which JSON escapes can write but
    no text encoding stores; and whether there were any."""
    cleaned = {key: _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
               for key, value in record.items()}
    return cleaned, cleaned != record


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
