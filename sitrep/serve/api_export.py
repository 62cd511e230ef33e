"""Exports of filtered events: JSON Lines, CSV, Parquet, PLOVER JSON (JSON Lines)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response, StreamingResponse

from sitrep.serve.api_read import Filters
from sitrep.serve.deps import StoreDep
from sitrep.serve.exports import events_parquet, plover_lines
from sitrep.serve.formats import EVENT_CSV_COLUMNS, flatten_event
from sitrep.store.filters import SORTS

router = APIRouter()

ExportFormat = Literal["jsonl", "csv", "parquet", "plover"]
MEDIA = {
    "jsonl": ("application/x-ndjson", "events.jsonl"),
    "csv": ("text/csv; charset=utf-8", "events.csv"),
    "parquet": ("application/vnd.apache.parquet", "events.parquet"),
    "plover": ("application/x-ndjson", "events.plover.jsonl"),
}


def _csv_lines(records: Iterator[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EVENT_CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow(flatten_event(record))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


@router.get("/export/events", tags=["exports"])
def export_events(store: StoreDep, filters: Filters,
                  format: Annotated[ExportFormat, Query()] = "jsonl",  # noqa: A002
                  sort: Annotated[str, Query(description=f"One of {', '.join(SORTS)}.")] = "date",
                  limit: Annotated[int | None, Query(ge=1, description="At most this many "
                                                     "events (all when left out).")] = None,
                  ) -> Response:
    """Every event matching the filters (those of `/api/events`), as a download:
    `jsonl` (the event records), `csv` (flat columns), `parquet` (typed columns plus the
    record as JSON) or `plover` (PLOVER's JSON field names, one record per line)."""
    if sort not in SORTS:
        raise HTTPException(422, f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    media_type, filename = MEDIA[format]
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    records = store.events(filters, sort=sort, limit=limit)
    if format == "parquet":
        return Response(events_parquet(records), media_type=media_type, headers=headers)
    if format == "csv":
        body: Iterator[str] = _csv_lines(records)
    elif format == "plover":
        articles = {a["id"]: a for a in store.articles()}
        body = plover_lines(records, articles)
    else:
        body = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return StreamingResponse(body, media_type=media_type, headers=headers)
