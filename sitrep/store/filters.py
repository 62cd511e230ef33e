"""The filters of `sitrep events`, the API's event listing and exports, in one place so
that every way of listing events means the same by them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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

from sitrep.store.schema import events, party_names

# A text filter matching more party names than this is broad: walking the timeline and
# testing each event's text finds a page sooner than reading that many names' events.
MAX_PARTY_NAMES = 200


@dataclass(frozen=True)
class EventFilters:
    """The filters of `sitrep events` (same meanings as `Store.events`), plus modality.
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
        c = events.c
        found: list[ColumnElement[bool]] = []
        if wanted := [t.strip().upper() for t in self.types if t.strip()]:
            found.append(c.event_type.in_(wanted))
        for code_column, text_column, value in ((c.actor_code, c.actor_text, self.actor),
                                                (c.recipient_code, c.recipient_text,
                                                 self.recipient)):
            if value and value.strip():
                found.append(party_condition(connection, code_column, text_column,
                                             value.strip()))
        if self.since is not None:
            found.append(c.timeline_date >= self.since)
        if self.until is not None:
            found.append(c.timeline_date <= self.until)
        if self.outlet and self.outlet.strip():
            found.append(c.outlet.icontains(self.outlet.strip(), autoescape=True))
        if self.article_id:
            found.append(c.article_id == self.article_id)
        if wanted := [m.strip().lower() for m in self.modality if m.strip()]:
            found.append(c.modality.in_(wanted))
        if self.background is not None:
            found.append(c.background.is_(True) if self.background else c.background.is_(False))
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
