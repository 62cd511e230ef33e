"""Table definitions of the sitrep database (SQLAlchemy Core).

This is the schema the code queries. The migrations in `migrations/versions/` create it;
`tests/test_store.py` checks the two agree, so a change here needs a new migration and a
new `SCHEMA_REVISION`.

Portable on purpose (SQLite and PostgreSQL): no dialect-specific types or SQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# The Alembic revision that creates this schema. `Store.migrate()` compares it with the
# database's version table so that an up-to-date database never has to import Alembic.
SCHEMA_REVISION = "0002"

# Deterministic constraint names, so that later migrations can refer to them on any backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ID = String(64)  # ids are 16 hex digits today; room to grow without a migration

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),  # Article.id
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", Date),
    Column("url", Text),
    Column("source", Text),
    Column("external_id", Text),
    Column("dateline", Text),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("n_chars", Integer, nullable=False),  # len(text): listings need it without the text
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index(None, "published", "id"),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),  # Event.id
    Column(
        "article_id",
        ID,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # Filter columns, copied out of the record. Codes and types are stored upper-case so that
    # case-insensitive equality can use the plain indexes.
    Column("event_type", String(16), nullable=False, index=True),
    Column("actor_code", String(32), index=True),
    Column("actor_text", Text),
    Column("recipient_code", String(32), index=True),
    Column("recipient_text", Text),
    Column("event_date", Date, index=True),
    Column("published", Date),
    # The event's date, else its article's publication date: what timelines sort and filter on.
    Column("timeline_date", Date),
    Column("outlet", Text, index=True),
    Column("modality", String(16), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("record", Text, nullable=False),  # Event.to_record() as JSON
    Index(None, "timeline_date", "article_id", "evidence_start"),
)

# Places an article mentions, resolved by the gazetteer (ArticlePlace), whether or not an event
# happened there. Rows are written with their article and never changed.
places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id",
        ID,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", String(32), index=True),  # upper case, like the events' codes
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    # ArticlePlace.start/end; "start" and "end" are SQL keywords.
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
)

ingest_problems = Table(
    "ingest_problems",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(64), index=True),
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("severity", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
