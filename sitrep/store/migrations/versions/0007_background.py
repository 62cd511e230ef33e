"""Events told as background: a `background` column, so that listings can keep or leave
them out.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

A frozen copy of what `sitrep/store/schema.py` adds at this revision (migrations never
import the live schema, which will move on). Events stored before are news (false) unless
their stored record says `"background": true`: the record is JSON written by `json.dumps`,
in which that text can only be the record's own key (a quotation mark inside a string value
is escaped), so a LIKE finds exactly those rows, on any dialect and in an offline script.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EVENTS = sa.table("events", sa.column("background", sa.Boolean()),
                   sa.column("record", sa.Text()))


def upgrade() -> None:
    op.add_column("events", sa.Column("background", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute(_EVENTS.update().where(_EVENTS.c.record.like('%"background": true%'))
               .values(background=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("background")
