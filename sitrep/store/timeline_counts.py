"""Counts of events by type over time, for the timeline's chart: computed over the whole
filtered set in the database (the chart must not depend on how many events a page shows).

The bucket (day, week, month, year) is the finest that keeps the chart within MAX_BUCKETS
bars; weeks start on Monday. Events with no date at all are counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from sitrep.store.database import Store
from sitrep.store.filters import EventFilters
from sitrep.store.schema import events

# enough bars to see a trend, few enough to read each one on a page's width
MAX_BUCKETS = 80
BUCKETS = ("day", "week", "month", "year")


def bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    if bucket == "year":
        return date(day.year, 1, 1)
    return day


def next_bucket(start: date, bucket: str) -> date:
    if bucket == "day":
        return start + timedelta(days=1)
    if bucket == "week":
        return start + timedelta(days=7)
    if bucket == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _buckets_between(first: date, last: date, bucket: str) -> list[date]:
    starts, current = [], bucket_start(first, bucket)
    while current <= last:
        starts.append(current)
        current = next_bucket(current, bucket)
    return starts


def _finest_bucket(first: date, last: date) -> str:
    for bucket in BUCKETS[:-1]:
        if len(_buckets_between(first, last, bucket)) <= MAX_BUCKETS:
            return bucket
    return "year"


def event_histogram(store: Store, filters: EventFilters = EventFilters()) -> dict[str, Any]:
    """`{bucket, buckets: [{start, end, n, counts: {type: n}}], undated, total}`: every
    matching event counted by its timeline date (event date, else publication date), every
    bucket between the first and last present (empty ones with n = 0)."""
    c = events.c
    with store.reading() as connection:
        rows = connection.execute(
            select(c.timeline_date, c.event_type, func.count())
            .where(*filters.conditions(connection))
            .group_by(c.timeline_date, c.event_type)).all()
    dated = [(day, kind, n) for day, kind, n in rows if day is not None]
    undated = sum(n for day, _, n in rows if day is None)
    total = undated + sum(n for _, _, n in dated)
    if not dated:
        return {"bucket": None, "buckets": [], "undated": undated, "total": total}
    first = min(day for day, _, _ in dated)
    last = max(day for day, _, _ in dated)
    bucket = _finest_bucket(first, last)
    counts: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, kind, n in dated:
        counts[bucket_start(day, bucket)][kind] += n
    buckets = []
    for start in _buckets_between(first, last, bucket):
        by_type = dict(sorted(counts.get(start, {}).items()))
        buckets.append({"start": start.isoformat(),
                        "end": (next_bucket(start, bucket) - timedelta(days=1)).isoformat(),
                        "n": sum(by_type.values()), "counts": by_type})
    return {"bucket": bucket, "buckets": buckets, "undated": undated, "total": total}
