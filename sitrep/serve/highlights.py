"""An article's text cut into segments by the evidence of its events, for highlighting.

Clients get the text and the segments' offsets and build their own markup from them (the
web UI uses textContent), so article text is never interpreted as HTML anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# The parts of an event record that point into the text, with the role they play.
_ROLE_SPANS = (("trigger", ("trigger",)), ("actor", ("actor", "span")),
               ("recipient", ("recipient", "span")), ("source", ("attributed_to", "span")))


def _span(record: dict[str, Any], path: tuple[str, ...]) -> tuple[int, int] | None:
    value: Any = record
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(
            value.get("end"), int):
        return value["start"], value["end"]
    return None


def segments(text: str, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive segments covering `text`: `{start, end, events, roles}`, where `events`
    lists the ids of the events whose evidence (or source) covers the segment and `roles`
    what the segment is for them ("trigger", "actor", "recipient", "source")."""
    marks: list[tuple[int, int, str, str | None]] = []  # start, end, event id, role
    for record in records:
        evidence = record.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        if isinstance(start, int) and isinstance(end, int):
            marks.append((start, end, record["id"], None))
        for role, path in _ROLE_SPANS:
            span = _span(record, path)
            if span is not None:
                marks.append((*span, record["id"], role))
    size = len(text)
    cuts = sorted({0, size} | {max(0, min(size, p)) for m in marks for p in m[:2]})
    result = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        result.append({
            "start": start,
            "end": end,
            "events": sorted({m[2] for m in covering}),
            "roles": sorted({m[3] for m in covering if m[3] is not None}),
        })
    return result
