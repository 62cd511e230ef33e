"""Initial schema: articles, events, ingest_problems.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

A frozen copy of `sitrep/store/schema.py` as of this revision (migrations never import the
live schema, which will move on).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("url", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("external_id", sa.Text()),
        sa.Column("dateline", sa.Text()),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("n_chars", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_published_id", "articles", ["published", "id"])

    op.create_table(
        "events",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("actor_code", sa.String(32)),
        sa.Column("actor_text", sa.Text()),
        sa.Column("recipient_code", sa.String(32)),
        sa.Column("recipient_text", sa.Text()),
        sa.Column("event_date", sa.Date()),
        sa.Column("published", sa.Date()),
        sa.Column("timeline_date", sa.Date()),
        sa.Column("outlet", sa.Text()),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_events_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    for name in ("event_type", "actor_code", "recipient_code", "event_date", "article_id",
                 "outlet"):
        op.create_index(f"ix_events_{name}", "events", [name])
    op.create_index(
        "ix_events_timeline_date_article_id_evidence_start",
        "events",
        ["timeline_date", "article_id", "evidence_start"],
    )

    op.create_table(
        "ingest_problems",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.String(64)),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer()),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_problems"),
    )
    op.create_index("ix_ingest_problems_run_id", "ingest_problems", ["run_id"])


def downgrade() -> None:
    # Dropping a table drops its indexes too.
    op.drop_table("ingest_problems")
    op.drop_table("events")
    op.drop_table("articles")
