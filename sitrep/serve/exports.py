"""Event exports beyond JSON Lines and CSV (in `formats`): Parquet and PLOVER JSON.

- Parquet: one row per event with the CSV columns, typed (dates as dates, coordinates as
  doubles, offsets as integers), plus the full record as JSON in `record`.
- PLOVER JSON: the field names of the PLOVER manual's data-format chapter (`id`, `date`,
  `actor`/`recipient` lists of entity objects, `event`, `mode`, `context`, `event_loc`,
  `event_text`, `text_info`, `cite_info`), one record per line, as the manual suggests.
  The article text is not included (the manual's note on text rights); `text_info` points
  into it by offsets.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sitrep import __version__
from sitrep.serve.formats import EVENT_CSV_COLUMNS, flatten_event

CODER = f"sitrep {__version__}"
CODEBOOK = "plover-base"

_DATES = {"published", "event_date"}
_FLOATS = {"location_lat", "location_lon"}
_INTS = {"evidence_start", "evidence_end"}
_BOOLS = {"quote", "date_inferred", "background"}


def parquet_schema() -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in _DATES:
            return pa.date32()
        if name in _FLOATS:
            return pa.float64()
        if name in _INTS:
            return pa.int64()
        if name in _BOOLS:
            return pa.bool_()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in EVENT_CSV_COLUMNS] + [("record", pa.string())])


def events_parquet(records: Iterable[dict[str, Any]], *, batch_rows: int = 10_000) -> bytes:
    """The events as one Parquet file (written in row groups of `batch_rows`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    out = io.BytesIO()
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []
        for record in records:
            row = flatten_event(record)
            for name in _DATES:
                row[name] = date.fromisoformat(row[name]) if row.get(name) else None
            row["record"] = json.dumps(record, ensure_ascii=False)
            rows.append(row)
            if len(rows) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return out.getvalue()


def _entity(part: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not part:
        return []
    members = part.get("members") or [part]
    return [{"code": m.get("code"), "sector": m.get("sector"), "entity_text": m.get("text")}
            for m in members]


def plover_record(record: dict[str, Any], article: dict[str, Any] | None = None) -> dict:
    """One event record in PLOVER's JSON field names. `date` is the event's date, else the
    publication date (PLOVER requires one); `comment` says which, and when the date is
    inferred from the sentences before. An event told as background has the manual's
    auxiliary mode "historical" in `context`."""
    location = record.get("location")
    comment = None
    event_date = record.get("event_date")
    if not event_date and record.get("published"):
        event_date = record["published"]
        comment = "date is the publication date: the report gives no date for the event"
    elif event_date and record.get("date_inferred"):
        comment = "date inferred from the sentences before the event's"
    context = [record["context"]] if record.get("context") else []
    if record.get("background"):
        context.append("historical")
    plover: dict[str, Any] = {
        "id": record["id"],
        "date": event_date,
        "actor": _entity(record.get("actor")),
        "recipient": _entity(record.get("recipient")),
        "event": [record.get("plover_type") or record["event_type"]],
        "mode": [record["mode"]] if record.get("mode") else [],
        "context": context,
        "event_text": [(record.get("trigger") or {}).get("text")],
        "event_loc": {
            "extracted_place": location.get("text"),
            "resolved_place": location.get("name"),
            "lat": location.get("lat"),
            "lon": location.get("lon"),
            "country_code": location.get("country"),
        } if location else None,
        "text_info": {"start": record["evidence"]["start"], "end": record["evidence"]["end"],
                      "sentence": record.get("sentence")},
        "cite_info": {
            "publication": record.get("outlet"),
            "title": (article or {}).get("title"),
            "url": (article or {}).get("url"),
            "language": (article or {}).get("language", "en"),
            "coder": CODER,
            "codebook": CODEBOOK,
        },
        "coder": CODER,
        "sitrep": {  # what PLOVER has no field for: sitrep's own record fields
            "article_id": record["article_id"],
            "event_type": record["event_type"],
            "cameo": record.get("cameo"),
            "modality": record.get("modality"),
            "date_precision": record.get("date_precision"),
            "location_precision": (location or {}).get("precision"),
            "date_inferred": bool(record.get("date_inferred")),
            "background": bool(record.get("background")),
            "attributed_to": record.get("attributed_to"),
        },
    }
    if comment:
        plover["comment"] = comment
    return plover


def plover_lines(records: Iterable[dict[str, Any]],
                 articles: dict[str, dict[str, Any]] | None = None) -> Iterator[str]:
    for record in records:
        article = (articles or {}).get(record["article_id"])
        yield json.dumps(plover_record(record, article), ensure_ascii=False) + "\n"
