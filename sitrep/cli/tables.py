"""Stored records as terminal tables, for the listing commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table


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
