"""Writing event and article records as JSON Lines and CSV (the terminal tables are the
CLI's: sitrep/cli/tables.py)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

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
