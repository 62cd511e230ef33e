"""Link stage: stories, event clusters, series, and the index that finds candidates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

A frozen copy of the link tables in `sitrep/store/schema.py` as of this revision
(migrations never import the live schema, which will move on).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "link_articles",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("story_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date()),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_link_articles"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_link_articles_article_id_articles", ondelete="CASCADE"),
    )
    op.create_index("ix_link_articles_story_id", "link_articles", ["story_id"])

    op.create_table(
        "link_keys",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("key", sa.String(96), nullable=False),
        sa.Column("day", sa.Date()),
        sa.PrimaryKeyConstraint("article_id", "key", name="pk_link_keys"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_link_keys_article_id_articles", ondelete="CASCADE"),
    )
    op.create_index("ix_link_keys_key_day", "link_keys", ["key", "day"])

    op.create_table(
        "link_terms",
        sa.Column("term", sa.String(96), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name="pk_link_terms"),
    )

    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_end_date", "stories", ["end_date"])
    op.create_index("ix_stories_n_articles", "stories", ["n_articles"])

    op.create_table(
        "event_clusters",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("actor_code", sa.String(32)),
        sa.Column("recipient_code", sa.String(32)),
        sa.Column("event_date", sa.Date()),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("timeline_date", sa.Date()),
        sa.Column("place", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("activity", sa.String(64)),
        sa.Column("series_group", sa.String(160)),
        sa.Column("series_id", sa.String(64)),
        sa.Column("n_mentions", sa.Integer(), nullable=False),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event_clusters"),
    )
    for name in ("timeline_date", "series_group", "series_id"):
        op.create_index(f"ix_event_clusters_{name}", "event_clusters", [name])
    for role in ("actor_code", "recipient_code"):
        op.create_index(f"ix_event_clusters_event_type_{role}_timeline_date", "event_clusters",
                        ["event_type", role, "timeline_date"])

    op.create_table(
        "event_cluster_members",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("cluster_id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_event_cluster_members"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name="fk_event_cluster_members_event_id_events",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_event_cluster_members_article_id_articles",
                                ondelete="CASCADE"),
    )
    for name in ("cluster_id", "article_id"):
        op.create_index(f"ix_event_cluster_members_{name}", "event_cluster_members", [name])

    op.create_table(
        "series",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("group_key", sa.String(160), nullable=False),
        sa.Column("activity", sa.String(64), nullable=False),
        sa.Column("actor_code", sa.String(32), nullable=False),
        sa.Column("recipient_code", sa.String(32)),
        sa.Column("area", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date()),
        sa.Column("end_date", sa.Date()),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("recurring", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_series"),
    )
    op.create_index("ix_series_group_key", "series", ["group_key"])


def downgrade() -> None:
    # Dropping a table drops its indexes too.
    for name in ("series", "event_cluster_members", "event_clusters", "stories", "link_terms",
                 "link_keys", "link_articles"):
        op.drop_table(name)
