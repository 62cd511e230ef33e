"""Party filters by index: per-party timeline indexes and the table of party names.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

A frozen copy of what `sitrep/store/schema.py` adds at this revision (migrations never
import the live schema, which will move on). On a database of a million events this takes
a minute or two (four indexes are built).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIMELINE = ["timeline_date", "article_id", "evidence_start", "id"]
_PARTIES = ["actor_code", "actor_text", "recipient_code", "recipient_text"]
_TEXT_MAX = 300


def upgrade() -> None:
    for column in ("actor_text", "recipient_text"):
        op.execute(f"UPDATE events SET {column} = substr({column}, 1, {_TEXT_MAX}) "
                   f"WHERE length({column}) > {_TEXT_MAX}")
    op.drop_index("ix_events_actor_code", table_name="events")
    op.drop_index("ix_events_recipient_code", table_name="events")
    for party in _PARTIES:
        op.create_index(f"ix_events_{party}_timeline", "events", [party, *_TIMELINE])
    op.create_table(
        "party_names",
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_party_names"),
    )
    op.execute("INSERT INTO party_names (name) "
               "SELECT actor_text FROM events WHERE actor_text IS NOT NULL "
               "UNION SELECT recipient_text FROM events WHERE recipient_text IS NOT NULL")


def downgrade() -> None:
    op.drop_table("party_names")
    for party in _PARTIES:
        op.drop_index(f"ix_events_{party}_timeline", table_name="events")
    op.create_index("ix_events_recipient_code", "events", ["recipient_code"])
    op.create_index("ix_events_actor_code", "events", ["actor_code"])
