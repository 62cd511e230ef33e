"""Query indexes for event listings on large databases, and feed state for `sitrep watch`.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

A frozen copy of what `sitrep/store/schema.py` adds at this revision (migrations never
import the live schema, which will move on).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Event listings in timeline order, whole or by type (Store.events): an index each. The
# whole one carries the parties, so that actor and recipient filters are checked in it.
_TIMELINE = ["timeline_date", "article_id", "evidence_start", "id"]
_PARTIES = ["actor_code", "actor_text", "recipient_code", "recipient_text"]


def upgrade() -> None:
    op.drop_index("ix_events_event_type", table_name="events")
    op.drop_index("ix_events_timeline_date_article_id_evidence_start", table_name="events")
    op.create_index("ix_events_timeline", "events", _TIMELINE + _PARTIES)
    op.create_index("ix_events_event_type_timeline_date_article_id_evidence_start_id", "events",
                    ["event_type", *_TIMELINE])
    op.create_table(
        "feeds",
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("checked_at", sa.DateTime(timezone=True)),
        sa.Column("error", sa.Text()),
        sa.PrimaryKeyConstraint("url", name="pk_feeds"),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed_url", sa.String(2048), nullable=False),
        sa.Column("entry_key", sa.String(64), nullable=False),
        sa.Column("link", sa.Text()),
        sa.Column("article_id", sa.String(64)),
        sa.Column("error", sa.Text()),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("feed_url", "entry_key", name="pk_feed_entries"),
        sa.ForeignKeyConstraint(["feed_url"], ["feeds.url"],
                                name="fk_feed_entries_feed_url_feeds", ondelete="CASCADE"),
    )


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feeds")
    op.drop_index("ix_events_event_type_timeline_date_article_id_evidence_start_id",
                  table_name="events")
    op.drop_index("ix_events_timeline", table_name="events")
    op.create_index("ix_events_timeline_date_article_id_evidence_start", "events",
                    ["timeline_date", "article_id", "evidence_start"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
