"""The limits of sitrep/data/ingest/limits.toml: the supported calendar and the time one
article may take."""

from __future__ import annotations

from datetime import date, timedelta

from .knowledge import load_data

_LIMITS = load_data("limits.toml")
EARLIEST_DATE: date = _LIMITS["dates"]["earliest"]
LATEST_DATE: date = _LIMITS["dates"]["latest"]
SUPPORTED_DATES = f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
SECONDS_PER_ARTICLE: float = _LIMITS["time"]["seconds_per_article"]
LONGEST_RUN: int = _LIMITS["text"]["longest_run"]


def supported(day: date | None) -> bool:
    """Whether `day` lies in the calendar sitrep supports (None does not)."""
    return day is not None and EARLIEST_DATE <= day <= LATEST_DATE


def shifted(day: date, days: int) -> date | None:
    """`day` moved by `days` days, or None when that leaves the supported calendar (never an
    OverflowError at the ends of Python's)."""
    if abs(days) > (LATEST_DATE - EARLIEST_DATE).days:
        return None
    try:
        moved = day + timedelta(days=days)
    except OverflowError:
        return None
    return moved if supported(moved) else None
