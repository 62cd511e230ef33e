"""How precisely an event's place is located, and whether the article rather than the
event's own clause gave it: event records stored before get `location.precision` and
`location.inferred_from` (null: every location stored before was its clause's) too.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

No table changes: the precision is a field of the stored record (JSON), and an article's
places keep the gazetteer kind it follows from. A record stored before this revision gets
the precision of the place its article mentions under the same name at the same coordinates
(the `places` table), else null, unknown (an article stored before places were, or an event
placed where the article's map read another place). The kinds and their precisions are a
frozen copy of `sitrep.records.PRECISION_OF_KIND` as of this revision (migrations never
import the live code, which will move on).

Records are read and rewritten by this script, a page at a time in id order, as
`json.dumps` wrote them (the new fields last in `location`, as `Location.to_record` puts
them). An offline SQL script cannot read JSON on every dialect: there the records are left
without the fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PRECISION_OF_KIND = {
    "base": "point", "range": "point", "site": "point",
    "city": "city", "capital": "city",
    "admin1": "division", "admin2": "division",
    **dict.fromkeys(("sea", "ocean", "strait", "gulf", "canal", "island", "peninsula",
                     "region", "continent"), "region"),
    "country": "country",
}
# Events per page; their articles' ids go into one IN list, well below SQLite's oldest limit
# of 999 bound parameters.
_PAGE = 500

_EVENTS = sa.table("events", sa.column("id", sa.String()), sa.column("article_id", sa.String()),
                   sa.column("record", sa.Text()))
_PLACES = sa.table("places", sa.column("article_id", sa.String()), sa.column("name", sa.Text()),
                   sa.column("kind", sa.String()), sa.column("lat", sa.Float()),
                   sa.column("lon", sa.Float()))

_PlaceKey = tuple[str, str | None, float | None, float | None]


def upgrade() -> None:
    if context.is_offline_mode():
        return
    connection = op.get_bind()
    e = _EVENTS.c
    # `"location": {` is the record's own key with a place: in JSON from json.dumps a
    # quotation mark inside a string is escaped (a null location is `"location": null`)
    located = sa.select(e.id, e.article_id, e.record).where(
        e.record.like('%"location": {%')).order_by(e.id).limit(_PAGE)
    rewrite = _EVENTS.update().where(e.id == sa.bindparam("event_id")).values(
        record=sa.bindparam("new_record"))
    last = ""
    while rows := connection.execute(located.where(e.id > last)).all():
        last = rows[-1].id
        kinds = _place_kinds(connection, {row.article_id for row in rows})
        changed = []
        for row in rows:
            record = json.loads(row.record)
            where = record["location"]
            if "precision" not in where:
                kind = kinds.get(_key(row.article_id, where.get("name"), where.get("lat"),
                                      where.get("lon")))
                where["precision"] = _PRECISION_OF_KIND.get(kind) if kind else None
                # every location stored before was named by the event's own clause
                where.setdefault("inferred_from", None)
                changed.append({"event_id": row.id,
                                "new_record": json.dumps(record, ensure_ascii=False)})
        if changed:
            connection.execute(rewrite, changed)


def downgrade() -> None:
    """Nothing to undo: the code of revision 0007 passes the extra field through."""


def _place_kinds(connection: sa.Connection, article_ids: Iterable[str]) -> dict[_PlaceKey, str]:
    p = _PLACES.c
    query = sa.select(p.article_id, p.name, p.kind, p.lat, p.lon).where(
        p.article_id.in_(sorted(article_ids)))
    return {_key(row.article_id, row.name, row.lat, row.lon): row.kind
            for row in connection.execute(query)}


def _key(article_id: str, name: str | None, lat: float | None, lon: float | None) -> _PlaceKey:
    # rounded: the same coordinates, once a double in a table and once a number in JSON
    return (article_id, name,
            round(lat, 6) if lat is not None else None, round(lon, 6) if lon is not None else None)
