"""The filters of `sitrep events`, the API's event listing and exports, in one place so
that every way of listing events means the same by them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_

from sitrep.store.schema import events


@dataclass(frozen=True)
class EventFilters:
    """The filters of `sitrep events` (same meanings as `Store.events`), plus modality."""

    types: tuple[str, ...] = ()
    actor: str | None = None
    recipient: str | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    article_id: str | None = None
    modality: tuple[str, ...] = ()

    def conditions(self) -> list[ColumnElement[bool]]:
        c = events.c
        found: list[ColumnElement[bool]] = []
        if wanted := [t.strip().upper() for t in self.types if t.strip()]:
            found.append(c.event_type.in_(wanted))
        for column_code, column_text, value in ((c.actor_code, c.actor_text, self.actor),
                                                (c.recipient_code, c.recipient_text,
                                                 self.recipient)):
            if value and value.strip():
                value = value.strip()
                found.append(or_(column_code == value.upper(),
                                 column_text.icontains(value, autoescape=True)))
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
        return found
