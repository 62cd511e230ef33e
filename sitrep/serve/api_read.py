"""Read endpoints: events, articles (with highlights), places, actors, search, map, stats."""

from __future__ import annotations

import inspect
import json
from datetime import date
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response

from sitrep.records import LocationPrecision, event_types as plover_types
from sitrep.serve.deps import StoreDep
from sitrep.serve.highlights import segments
from sitrep.store.filters import FILTERS, SORTS, EventFilters, Filter
from sitrep.store.search import actor_counts, event_exists, event_json, search_articles
from sitrep.store.timeline_counts import event_histogram

router = APIRouter()

PRECISIONS = get_args(LocationPrecision)
MAX_PAGE = 1000
# Events read to place map markers: enough for a story or a region, bounded for big stores.
MAP_EVENTS = 5000

# Text parameters may hold anything but control characters (PostgreSQL refuses NUL in text).
PLAIN = r"^[^\x00-\x1f\x7f]*$"
ID = r"^[0-9A-Za-z_-]{1,64}$"

Text = Annotated[str | None, Query(max_length=200, pattern=PLAIN)]


def _text(description: str) -> Any:
    return Query(max_length=200, pattern=PLAIN, description=description)


def _parameter(one: Filter) -> inspect.Parameter:
    """A filter of FILTERS as a query parameter."""
    if one.kind == "choice":
        kind, query = list[str] | None, Query(
            description=f"{one.help} Any of {', '.join(one.choices())}, in any case.")
    elif one.kind in ("party", "text"):
        kind, query = str | None, _text(one.help)
    elif one.kind == "date":
        kind, query = date | None, Query(description=one.help)
    elif one.kind == "id":
        kind, query = str | None, Query(pattern=ID, description=one.help)
    else:  # a flag
        told = one.help[0].lower() + one.help[1:]
        kind, query = bool | None, Query(
            description=f"true: {told}; false: {one.negated_help}. Both when left out.")
    return inspect.Parameter(one.name, inspect.Parameter.KEYWORD_ONLY, default=None,
                             annotation=Annotated[kind, query])


def event_filters(**given: Any) -> EventFilters:
    """The filters of `sitrep events` (FILTERS), as query parameters."""
    values = {}
    for one in FILTERS:
        value = given[one.name]
        if one.kind == "choice":
            value = tuple(one.case(v.strip()) for v in value or () if v.strip())
            if unknown := [v for v in value if v not in one.choices()]:
                raise HTTPException(422, f"unknown {one.noun} {unknown[0]!r}; one of "
                                         f"{', '.join(one.choices())}")
        values[one.field] = value
    return EventFilters(**values)


# FastAPI reads the parameters of a dependency from its signature: here, one per filter
event_filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [_parameter(one) for one in FILTERS], return_annotation=EventFilters)

Filters = Annotated[EventFilters, Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def page(items: list, limit: int, offset: int, total: int | None) -> dict[str, Any]:
    more = len(items) == limit if total is None else offset + len(items) < total
    return {"items": items, "limit": limit, "offset": offset, "total": total,
            "next_offset": offset + len(items) if more else None}


@router.get("/events", tags=["events"])
def list_events(store: StoreDep, filters: Filters, limit: Limit = 50, offset: Offset = 0,
                after: Annotated[str | None, _text(
                    "Id of the last event of the previous page (its `next_after`): the "
                    "next page, as fast deep in the listing as at its start.")] = None,
                sort: Annotated[str, Query(pattern="^-?[a-z]+$",
                                           description=f"One of {', '.join(SORTS)}.")] = "date",
                total: bool = False) -> Response:
    """Event records (README, "The event record"), filtered like `sitrep events`, one page
    at a time: `{items, limit, offset, total, next_offset, next_after}`. Page on with
    `after=<next_after>` (keyset paging; cost independent of depth) or with `offset`
    (simple, but deep pages make the database walk past every skipped event).
    `total=true` also counts all matches (slower on big databases)."""
    if sort not in SORTS:
        raise HTTPException(422, f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    if after is not None and offset:
        raise HTTPException(422, "page with either `after` or `offset`, not both")
    # an empty page would read as "no more events"; a stale or mistyped cursor is an error
    if after is not None and not event_exists(store, after):
        raise HTTPException(422, f"`after` names no stored event ({after!r}): give the "
                                 "`next_after` of the previous page")
    records = list(store.events_json(filters, sort=sort, limit=limit, offset=offset,
                                     after=after))
    count = store.count_events(filters) if total else None
    # the stored records are JSON already: spliced in, not parsed and serialised again
    rest = page(records, limit, offset, count)
    del rest["items"]
    if after is not None:  # an offset means nothing in a keyset walk
        rest["offset"] = rest["next_offset"] = None
    more = len(records) == limit if count is None or after is not None else \
        rest["next_offset"] is not None
    rest["next_after"] = json.loads(records[-1])["id"] if records and more else None
    body = '{"items": [' + ", ".join(records) + "], " + json.dumps(rest)[1:]
    return Response(body, media_type="application/json")


# declared before /events/{event_id}, which would otherwise take "histogram" for an id
@router.get("/events/histogram", tags=["events"])
def events_histogram(store: StoreDep, filters: Filters) -> dict[str, Any]:
    """How many of the filtered events fall in each time bucket, by type: `{bucket,
    buckets: [{start, end, n, counts: {TYPE: n}}], undated, total}`. Every matching event
    counts (not one page); `bucket` (day, week, month or year) is the finest that keeps the
    chart to at most 80 bars."""
    return event_histogram(store, filters)


@router.get("/events/{event_id}", tags=["events"])
def get_event(store: StoreDep, event_id: Annotated[str, Path(pattern=ID)]) -> Response:
    """One event record (README, "The event record")."""
    record = event_json(store, event_id)
    if record is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return Response(record, media_type="application/json")


@router.get("/articles", tags=["articles"])
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles without their text, by publication date."""
    items = list(store.articles(limit=limit, offset=offset))
    return page(items, limit, offset, store.counts()["articles"])


@router.get("/articles/{article_id}", tags=["articles"])
def get_article(store: StoreDep, article_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    """One article with its text, its events, the places it mentions, and `segments`: the
    text cut at every event's evidence and argument spans (`{start, end, events, roles}`)
    for highlighting."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    events = list(store.events(article_id=article_id))
    return {**article, "events": events, "places": list(store.places(article_id=article_id)),
            "segments": segments(article["text"], events)}


@router.get("/places", tags=["places"])
def list_places(store: StoreDep, article: Annotated[str | None, Query(pattern=ID)] = None,
                country: Annotated[str | None, Query(max_length=8, pattern=PLAIN)] = None,
                limit: Limit = 200, offset: Offset = 0) -> dict[str, Any]:
    """Places the articles mention, with coordinates."""
    items = list(store.places(article_id=article, country=country, limit=limit, offset=offset))
    return page(items, limit, offset, None)


@router.get("/actors", tags=["events"])
def list_actors(store: StoreDep, q: Text = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
    """Actor and recipient codes with their event counts and the names they appear under."""
    return actor_counts(store, query=q, limit=limit)


@router.get("/search", tags=["articles"])
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500, pattern=PLAIN)],
           limit: Annotated[int, Query(ge=1, le=200)] = 20,
           offset: Offset = 0) -> dict[str, Any]:
    """Full-text search over article titles and texts: words (stemmed), "phrases", OR,
    -exclusions. Snippets mark matches with \\u0002 and \\u0003."""
    return search_articles(store, q, limit=limit, offset=offset)


@router.get("/map", tags=["events"])
def event_map(store: StoreDep, filters: Filters,
              precision: Annotated[list[str] | None, Query(
                  description=f"Keep places located this precisely: one of "
                              f"{', '.join(PRECISIONS)}. Repeatable.")] = None,
              ) -> dict[str, Any]:
    """Where the filtered events took place: one point per place with its precision
    (point, city, division, region, country; null if unknown), event count and types (the
    first MAP_EVENTS events in timeline order; `truncated` says if there were more)."""
    kept = {p.strip().lower() for p in precision or () if p.strip()}
    if unknown := sorted(kept - set(PRECISIONS)):
        raise HTTPException(422, f"unknown precision {unknown[0]!r}; one of "
                                 f"{', '.join(PRECISIONS)}")
    records = list(store.events(filters, limit=MAP_EVENTS + 1))
    points: dict[tuple, dict[str, Any]] = {}
    for record in records[:MAP_EVENTS]:
        where = record.get("location") or {}
        if where.get("lat") is None or where.get("lon") is None:
            continue
        if kept and where.get("precision") not in kept:
            continue
        key = (where.get("name") or where.get("text"), where["lat"], where["lon"])
        point = points.setdefault(key, {"name": key[0], "country": where.get("country"),
                                        "lat": where["lat"], "lon": where["lon"],
                                        "precision": where.get("precision"), "n": 0,
                                        "types": {}, "events": []})
        point["n"] += 1
        point["types"][record["event_type"]] = point["types"].get(record["event_type"], 0) + 1
        if len(point["events"]) < 20:
            point["events"].append({
                "id": record["id"], "article_id": record["article_id"],
                "event_type": record["event_type"], "outlet": record.get("outlet"),
                "trigger": (record.get("trigger") or {}).get("text"),
                "date": record.get("event_date") or record.get("published"),
            })
    ranked = sorted(points.values(), key=lambda p: (-p["n"], p["name"] or ""))
    return {"points": ranked, "truncated": len(records) > MAP_EVENTS}


@router.get("/stats", tags=["events"])
def stats(store: StoreDep) -> dict[str, Any]:
    """Numbers of articles, events and places; events by type; articles by outlet."""
    return store.counts()


@router.get("/event-types", tags=["events"])
def event_types() -> list[str]:
    """The PLOVER event types."""
    return list(plover_types())
