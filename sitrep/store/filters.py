"""The filters of event listings (`sitrep events` and `export`, the API's listings and
exports, `Store.events`), declared once in FILTERS, and the sort orders of listings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Select,
    false,
    literal,
    or_,
    select,
    tuple_,
)

from sitrep.records import Modality, event_types
from sitrep.store.schema import events, party_names

# A text filter matching more party names than this is broad: walking the timeline and
# testing each event's text finds a page sooner than reading that many names' events.
MAX_PARTY_NAMES = 200


@dataclass(frozen=True)
class Filter:
    """One event filter: the CLI's options of `events` and `export`, the API's query
    parameters and the SQL condition are all made from this table, so that every way of
    listing events has the same filters and means the same by them.

    `kind` says how a value is read: "choice" (repeatable, one of `choices()`, any case),
    "party" (a code, else part of a text), "text", "date", "id" (an article id), "flag"
    (true, false or left out)."""

    field: str  # EventFilters' field, and Store.events' keyword
    name: str  # the CLI option (--name) and the API query parameter
    kind: Literal["choice", "party", "text", "date", "id", "flag"]
    help: str  # for a flag: what true keeps
    where: Callable[[Connection, Any], ColumnElement[bool]]  # the condition for a value
    choices: Callable[[], tuple[str, ...]] = tuple
    case: Callable[[str], str] = str  # a choice's values as stored (types upper case)
    noun: str = ""  # a choice filter's values, in its error messages
    negated_help: str = ""  # a flag: what false keeps


def modalities() -> tuple[str, ...]:
    return get_args(Modality)


FILTERS: tuple[Filter, ...] = (
    Filter("types", "type", "choice", "PLOVER event type. Repeatable.",
           lambda _, v: events.c.event_type.in_(v), choices=event_types, case=str.upper,
           noun="event type"),
    Filter("actor", "actor", "party", "Actor code (USA, any case), matched exactly; any "
           "other value matches part of the actor's text (\"air force\").",
           lambda connection, v: party_condition(connection, events.c.actor_code,
                                                 events.c.actor_text, v)),
    Filter("recipient", "recipient", "party", "Recipient code (PRK), else part of its text.",
           lambda connection, v: party_condition(connection, events.c.recipient_code,
                                                 events.c.recipient_text, v)),
    Filter("since", "since", "date", "Events on or after this date.",
           lambda _, v: events.c.timeline_date >= v),
    Filter("until", "until", "date", "Events on or before this date.",
           lambda _, v: events.c.timeline_date <= v),
    Filter("outlet", "outlet", "text", "Outlet name (or part of it).",
           lambda _, v: events.c.outlet.icontains(v, autoescape=True)),
    Filter("article_id", "article", "id", "Only events of this article id.",
           lambda _, v: events.c.article_id == v),
    Filter("modality", "modality", "choice", "How the text tells the event. Repeatable.",
           lambda _, v: events.c.modality.in_(v), choices=modalities, case=str.lower,
           noun="modality"),
    Filter("background", "background", "flag",
           "Only events told as background (earlier acts recalled: their own date is over a "
           "month before publication, or 'had ...', 'previously')",
           lambda _, v: events.c.background.is_(True) if v else events.c.background.is_(False),
           negated_help="only the news"),
)


def _given(kind: str, value: Any) -> Any:
    """A filter's value as the condition takes it; None when the filter is not asked for
    (empty or blank values are ignored)."""
    if kind == "choice":
        return [v.strip() for v in value if v.strip()] or None
    if kind in ("party", "text"):
        return value.strip() if value and value.strip() else None
    if kind == "id":
        return value or None
    return value


@dataclass(frozen=True)
class EventFilters:
    """Values for the filters of FILTERS (same meanings as `Store.events`'s keywords).
    `background`: True keeps only events told as background, False only the news, None
    both."""

    types: tuple[str, ...] = ()
    actor: str | None = None
    recipient: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    article_id: str | None = None
    modality: tuple[str, ...] = ()
    background: bool | None = None

    def conditions(self, connection: Connection) -> list[ColumnElement[bool]]:
        """The filters as SQL conditions on `events`. A party filter is looked up first
        (hence the connection): a code is matched exactly, anything else as text."""
        found = []
        for one in FILTERS:
            value = _given(one.kind, getattr(self, one.field))
            if value is None:
                continue
            if one.kind == "choice":
                value = [one.case(v) for v in value]
            found.append(one.where(connection, value))
        return found


def party_condition(connection: Connection, code_column: Column, text_column: Column,
                    value: str) -> ColumnElement[bool]:
    """An actor or recipient filter. A value that is the code of any party in the store
    ("usa", "UNSC") matches that code exactly; any other value matches the texts that
    contain it, in any case ("air force" matches "the U.S. Air Force")."""
    code = value.upper()
    c = events.c
    is_code = connection.execute(select(c.id).where(
        or_(c.actor_code == code, c.recipient_code == code)).limit(1)).first()
    if is_code:
        return code_column == code
    names = matching_names(connection, value, MAX_PARTY_NAMES + 1)
    if not names:
        return false()
    if len(names) > MAX_PARTY_NAMES:
        return text_column.icontains(value, autoescape=True)
    return text_column.in_(names)


def matching_names(connection: Connection, value: str, limit: int) -> list[str]:
    """Up to `limit` party names containing `value`, in any case. On SQLite the trigram
    table of migration 0006 answers when it exists (on PostgreSQL its trigram index serves
    the plain query); values with LIKE wildcards in them are matched by a plain scan."""
    if (connection.dialect.name == "sqlite" and not set(value) & {"%", "_", "\\"}
            and connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                           "AND name = 'party_names_fts'").first()):
        return list(connection.exec_driver_sql(
            "SELECT name FROM party_names_fts WHERE name LIKE ? LIMIT ?",
            (f"%{value}%", limit)).scalars())
    return list(connection.execute(
        select(party_names.c.name).where(party_names.c.name.icontains(value, autoescape=True))
        .limit(limit)).scalars())


def pages_after(connection: Connection, with_value: Select, without_value: Select,
                column: Column, descending: bool, event_id: str) -> list[Select]:
    """The two queries of a listing (rows with a value to sort on, then rows without),
    cut to what comes after event `event_id`: keyset paging, as fast deep in a listing
    as on its first page. An unknown id gives nothing."""
    c = events.c
    tail = (c.article_id, c.evidence_start, c.id)
    anchor = connection.execute(select(column, *tail).where(c.id == event_id)).first()
    if anchor is None:
        return []

    def beyond(columns: tuple, values: tuple) -> ColumnElement[bool]:
        key, at = tuple_(*columns), tuple_(*(literal(v) for v in values))
        return key < at if descending else key > at

    if anchor[0] is None:
        return [without_value.where(beyond(tail, tuple(anchor[1:])))]
    # a row value with a null first member compares as null: the first part holds only
    # rows with a value, the rows without all come after
    later = beyond((column, *tail), tuple(anchor))
    return [with_value.where(later), without_value]


# sort name -> the column that leads; every order ends with article, position, id so that
# pages never overlap or skip.
SORTS = {
    "date": (events.c.timeline_date, False),
    "-date": (events.c.timeline_date, True),
    "published": (events.c.published, False),
    "-published": (events.c.published, True),
    "type": (events.c.event_type, False),
    "outlet": (events.c.outlet, False),
    "actor": (events.c.actor_code, False),
}


def ordering(sort: str) -> tuple[Column, bool, list[Any]]:
    """The leading column of a sort, whether it descends, and the columns that break ties."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    column, descending = SORTS[sort]
    c = events.c
    tail = [c.article_id, c.evidence_start, c.id]
    return column, descending, [t.desc() for t in tail] if descending else tail
