"""Full-text search over articles (title and text), one way per dialect.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

- SQLite: an FTS5 table `articles_fts` (article_id, title, text; Porter stemming) kept in
  sync with `articles` by triggers, so every writer (the Store, a script with plain SQL)
  keeps it current. It holds its own copy of the text: an external-content table would key
  on the `articles` rowid, which VACUUM may renumber.
- PostgreSQL: a GIN index on the weighted English tsvector of title (A) and text (B); the
  index is the search structure, so there is nothing to keep in sync. `sitrep.store.search`
  repeats the expression exactly, or the planner cannot use the index.

Neither is in `schema.py` (which stays portable); `sitrep.store.search.is_search_object`
names them for the schema comparison. A later migration that rebuilds `articles` (a SQLite
batch migration copies and drops the table) drops the triggers with it and must recreate
them.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UPGRADE = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "article_id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, new.title, new.text); "
    "END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; "
    "INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, new.title, new.text); "
    "END",
    "INSERT INTO articles_fts (article_id, title, text) SELECT id, title, text FROM articles",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TABLE IF EXISTS articles_fts",
]
# Must equal sitrep.store.search.POSTGRES_DOCUMENT (a frozen copy: migrations do not import
# live code). left(): a tsvector holds at most 1 MB.
POSTGRES_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(text, 1000000)), 'B')"
)
POSTGRES_UPGRADE = [
    f"CREATE INDEX ix_articles_search ON articles USING gin (({POSTGRES_DOCUMENT}))",
]
POSTGRES_DOWNGRADE = ["DROP INDEX IF EXISTS ix_articles_search"]


def _run(statements_by_dialect: dict[str, list[str]]) -> None:
    dialect = op.get_context().dialect.name
    if dialect not in statements_by_dialect:
        raise NotImplementedError(f"full-text search is not implemented for {dialect}")
    for statement in statements_by_dialect[dialect]:
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRES_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRES_DOWNGRADE})
