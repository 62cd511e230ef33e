"""Party filters by index: per-party timeline indexes and the table of party names; the
timeline index also carries the event type, so that a listing of several types is checked
in the index (one type has an index of its own).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

A frozen copy of what `sitrep/store/schema.py` adds at this revision (migrations never
import the live schema, which will move on). On a database of a million events this takes
a minute or two (four indexes are built).

Text filters look for the names that contain a value by trigram index, per dialect (like
migration 0004, outside the portable schema): SQLite an FTS5 trigram table
`party_names_fts` kept in step by a trigger (SQLite 3.34 and later), PostgreSQL a GIN
trigram index on lower(name) (the pg_trgm extension, shipped with PostgreSQL and trusted
since version 13, so a database owner may create it). Without them the names are scanned.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite3

import sqlalchemy as sa
from alembic import context, op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIMELINE = ["timeline_date", "article_id", "evidence_start", "id"]
_PARTIES = ["actor_code", "actor_text", "recipient_code", "recipient_text"]
_TEXT_MAX = 300
# pg_trgm is installed, or can be: shipped, and we may create it (it is a trusted
# extension from PostgreSQL 13 on; before, only a superuser may)
_CAN_USE_TRIGRAMS = (
    "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') OR ("
    "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') "
    "AND has_database_privilege(current_database(), 'CREATE') "
    "AND (current_setting('server_version_num')::int >= 130000 "
    "OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)))"
)


def upgrade() -> None:
    for column in ("actor_text", "recipient_text"):
        op.execute(f"UPDATE events SET {column} = substr({column}, 1, {_TEXT_MAX}) "
                   f"WHERE length({column}) > {_TEXT_MAX}")
    # single-column indexes no listing uses (outlet filters match part of the name), each
    # a write per stored event
    for column in ("actor_code", "recipient_code", "event_date", "outlet"):
        op.drop_index(f"ix_events_{column}", table_name="events")
    op.drop_index("ix_events_timeline", table_name="events")
    op.create_index("ix_events_timeline", "events", [*_TIMELINE, "event_type", *_PARTIES])
    for party in _PARTIES:
        op.create_index(f"ix_events_{party}_timeline", "events", [party, *_TIMELINE])
    op.create_table(
        "party_names",
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_party_names"),
    )
    dialect = op.get_context().dialect.name
    if dialect == "sqlite" and sqlite3.sqlite_version_info >= (3, 34):
        op.execute("CREATE VIRTUAL TABLE party_names_fts USING fts5(name, tokenize = 'trigram')")
        op.execute("CREATE TRIGGER party_names_fts_insert AFTER INSERT ON party_names BEGIN "
                   "INSERT INTO party_names_fts (name) VALUES (new.name); END")
    elif dialect == "postgresql" and (context.is_offline_mode()  # a script to review
                                      or op.get_bind().exec_driver_sql(_CAN_USE_TRIGRAMS).scalar()):
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_party_names_trigram ON party_names "
                   "USING gin (lower(name) gin_trgm_ops)")
    op.execute("INSERT INTO party_names (name) "
               "SELECT actor_text FROM events WHERE actor_text IS NOT NULL "
               "UNION SELECT recipient_text FROM events WHERE recipient_text IS NOT NULL")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS party_names_fts_insert")
        op.execute("DROP TABLE IF EXISTS party_names_fts")
    op.drop_table("party_names")  # with its trigram index, if any
    for party in _PARTIES:
        op.drop_index(f"ix_events_{party}_timeline", table_name="events")
    for column in ("actor_code", "recipient_code", "event_date", "outlet"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.drop_index("ix_events_timeline", table_name="events")
    op.create_index("ix_events_timeline", "events", _TIMELINE + _PARTIES)
