"""Writing event and article records as JSON Lines, CSV and terminal tables."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

EVENT_CSV_COLUMNS = [
    "id", "article_id", "outlet", "published", "event_type", "mode", "context", "cameo",
    "actor_text", "actor_code", "actor_sector", "recipient_text", "recipient_code",
    "recipient_sector", "event_date", "date_precision", "date_text", "date_inferred",
    "location_text", "location_name", "location_country", "location_lat", "location_lon",
    "location_precision", "modality", "attributed_to_text", "attributed_to_code", "quote",
    "background", "trigger", "sentence", "evidence_start", "evidence_end",
]


def flatten_event(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row per event, for CSV and spreadsheets."""
    row = {k: record.get(k) for k in EVENT_CSV_COLUMNS if k in record}
    for role in ("actor", "recipient"):
        part = record.get(role) or {}
        for key in ("text", "code", "sector"):
            row[f"{role}_{key}"] = part.get(key)
    location = record.get("location") or {}
    for key in ("text", "name", "country", "lat", "lon", "precision"):
        row[f"location_{key}"] = location.get(key)
    source = record.get("attributed_to") or {}
    row["attributed_to_text"] = source.get("text")
    row["attributed_to_code"] = source.get("code")
    row["trigger"] = (record.get("trigger") or {}).get("text")
    for flag in ("date_inferred", "background"):  # records stored before them lack them
        row[flag] = bool(record.get(flag))
    row["evidence_start"] = record["evidence"]["start"]
    row["evidence_end"] = record["evidence"]["end"]
    return row


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_events_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(flatten_event(record))
        count += 1
    return count


def _who(part: dict[str, Any] | None, width: int = 34) -> str:
    """"USA/MIL the US Pacific Air Forces", shortened to fit a column."""
    if not part:
        return ""
    code = "/".join(x for x in (part.get("code"), part.get("sector")) if x)
    text = f"{code} {part['text']}" if code else part["text"]
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _when(r: dict[str, Any]) -> str:
    if not r.get("event_date"):
        if r.get("date_text"):
            return f"({r['date_text']})"
        # no date of its own: show the publication date, marked as such
        return f"~{r['published']}" if r.get("published") else ""
    return r["event_date"][: {"month": 7, "year": 4}.get(r.get("date_precision"), 10)]


def events_table(records: Iterable[dict[str, Any]], console: Console) -> int:
    table = Table(header_style="bold", box=None, pad_edge=False)
    for name in ("date", "type", "actor", "recipient", "modality", "source", "place", "trigger"):
        table.add_column(name, no_wrap=name in ("date", "type", "modality"))
    count = 0
    for r in records:
        event_type = r["event_type"] + (f"/{r['mode']}" if r.get("mode") else "")
        place = (r.get("location") or {}).get("name") or (r.get("location") or {}).get("text")
        table.add_row(_when(r), event_type, _who(r.get("actor")), _who(r.get("recipient")),
                      r["modality"], _who(r.get("attributed_to"), 24), _who({"text": place}, 20)
                      if place else "", (r.get("trigger") or {}).get("text", ""))
        count += 1
    console.print(table)
    return count


def articles_table(records: Iterable[dict[str, Any]], console: Console) -> int:
    table = Table(header_style="bold", box=None, pad_edge=False)
    for name in ("id", "published", "outlet", "title", "events", "source"):
        table.add_column(name, no_wrap=name in ("id", "published", "events"))
    count = 0
    for r in records:
        table.add_row(r["id"], r.get("published") or "", r.get("outlet") or "",
                      r.get("title") or "", str(r.get("n_events", "")), r.get("source") or "")
        count += 1
    console.print(table)
    return count


def places_table(records: Iterable[dict[str, Any]], console: Console) -> int:
    """Place mentions, as `Store.places` gives them."""
    table = Table(header_style="bold", box=None, pad_edge=False)
    for name in ("text", "name", "kind", "precision", "country", "lat", "lon", "article"):
        table.add_column(name, no_wrap=True)
    count = 0
    for r in records:
        table.add_row(r["text"], r["name"], r["kind"], r.get("precision") or "",
                      r.get("country") or "", f"{r['lat']:.3f}", f"{r['lon']:.3f}",
                      r["article_id"])
        count += 1
    console.print(table)
    return count


def place_counts_table(records: Iterable[dict[str, Any]], console: Console) -> int:
    """Places with their counts, as `Store.place_counts` gives them."""
    table = Table(header_style="bold", box=None, pad_edge=False)
    for name in ("name", "country", "kind", "precision", "lat", "lon", "mentions", "articles",
                 "first", "last"):
        table.add_column(name, no_wrap=True,
                         justify="right" if name in ("mentions", "articles") else "left")
    count = 0
    for r in records:
        table.add_row(r["name"], r.get("country") or "", r["kind"], r.get("precision") or "",
                      f"{r['lat']:.3f}", f"{r['lon']:.3f}", str(r["mentions"]),
                      str(r["articles"]), r.get("first_published") or "",
                      r.get("last_published") or "")
        count += 1
    console.print(table)
    return count
