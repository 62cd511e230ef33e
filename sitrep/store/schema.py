"""Table definitions of the sitrep database (SQLAlchemy Core).

This is the schema the code queries. The migrations in `migrations/versions/` create it;
`tests/test_store.py` checks the two agree, so a change here needs a new migration and a
new `SCHEMA_REVISION`.

Portable on purpose (SQLite and PostgreSQL): no dialect-specific types or SQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
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
    false,
)

# The Alembic revision that creates this schema. `Store.migrate()` compares it with the
# database's version table so that an up-to-date database never has to import Alembic.
SCHEMA_REVISION = "0009"

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
    # case-insensitive equality can use the plain indexes; party texts are cut to
    # PARTY_TEXT_MAX characters (the record keeps them whole) so that any fits in an index.
    Column("event_type", String(16), nullable=False),
    Column("actor_code", String(32)),
    Column("actor_text", Text),
    Column("recipient_code", String(32)),
    Column("recipient_text", Text),
    Column("event_date", Date),
    Column("published", Date),
    # The event's date, else its article's publication date: what timelines sort and filter on.
    Column("timeline_date", Date),
    Column("outlet", Text),
    Column("modality", String(16), nullable=False),
    # Event.background: told as background (an earlier act recalled), not as news
    Column("background", Boolean, nullable=False, server_default=false()),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("record", Text, nullable=False),  # Event.to_record() as JSON
    # Listings come in timeline order (Store.events): a page is a walk along one of these,
    # never a sort of every match, and `id` completes the order for keyset paging. Type and
    # parties ride along so that filters on several types, or on broad party texts, are
    # checked in the index, not by reading every event's row.
    Index("ix_events_timeline", "timeline_date", "article_id", "evidence_start", "id",
          "event_type", "actor_code", "actor_text", "recipient_code", "recipient_text"),
    Index(None, "event_type", "timeline_date", "article_id", "evidence_start", "id"),
    # A filter on a party (a code, or texts found in party_names) is a range of one of these,
    # already in timeline order.
    *(Index(f"ix_events_{party}_timeline", party, "timeline_date", "article_id",
            "evidence_start", "id")
      for party in ("actor_code", "actor_text", "recipient_code", "recipient_text")),
)

PARTY_TEXT_MAX = 300

# Every actor and recipient text the events hold, once: a text filter ("air force") looks
# for matching texts here, among thousands of rows, then reads their events by index,
# instead of testing the text of a million events.
party_names = Table(
    "party_names",
    metadata,
    Column("name", Text, primary_key=True),
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

# -- link stage (sitrep/link, sitrep/pipeline/link_stored.py, sitrep/store/links.py) -------

# Every linked article: its story, its day in time and its compact term vector.
link_articles = Table(
    "link_articles",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", ID, nullable=False, index=True),
    Column("day", Date),  # publication date, else its events' most common day
    Column("terms", Text, nullable=False),  # JSON {term: weight}: its strongest terms
    Column("lead_terms", Text),  # the same for its title and lead (null: linked before 0009)
)

# The candidate index: each article's strongest terms, "@CODE" actors and "#Name" places.
link_keys = Table(
    "link_keys",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(96), primary_key=True),
    Column("day", Date),
    Index(None, "key", "day"),
)

# Document frequencies of terms over linked articles; the row with term "" counts articles.
link_terms = Table(
    "link_terms",
    metadata,
    Column("term", String(96), primary_key=True),
    Column("n", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("title", Text),  # the earliest article's
    Column("start_date", Date),
    Column("end_date", Date, index=True),
    Column("n_articles", Integer, nullable=False, index=True),
    Column("outlets", Text, nullable=False),  # JSON list, sorted
)

# One real-world event: its attributes, taken from its mentions (event_cluster_members).
event_clusters = Table(
    "event_clusters",
    metadata,
    Column("id", ID, primary_key=True),
    Column("event_type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("actor_code", String(32)),
    Column("recipient_code", String(32)),
    Column("event_date", Date),
    Column("date_precision", String(8)),
    Column("timeline_date", Date, index=True),  # event_date, else the first publication date
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("activity", String(64)),  # recurring activity id (data/link/activities.toml)
    Column("series_group", String(160), index=True),  # "activity|ACTOR"
    Column("series_id", ID, index=True),
    Column("n_mentions", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    # the linker's candidate queries: clusters of a type with a given actor / recipient, by date
    Index(None, "event_type", "actor_code", "timeline_date"),
    Index(None, "event_type", "recipient_code", "timeline_date"),
)

event_cluster_members = Table(
    "event_cluster_members",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", ID, nullable=False, index=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
           index=True),
)

# Events of one recurring activity by one actor in one area (link/series.py); kept from the
# first event on, shown as a series once `recurring` (enough events, two dates or more).
series = Table(
    "series",
    metadata,
    Column("id", ID, primary_key=True),
    Column("group_key", String(160), nullable=False, index=True),
    Column("activity", String(64), nullable=False),
    Column("actor_code", String(32), nullable=False),
    Column("recipient_code", String(32)),  # for activities done to someone ("talks with")
    Column("area", Text),  # the place that fixed its area, with its coordinates
    Column("lat", Float),
    Column("lon", Float),
    Column("title", Text, nullable=False),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("n_events", Integer, nullable=False),
    Column("recurring", Boolean, nullable=False),
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

# -- feeds that `sitrep watch` polls ----------------------------------------------------------

# One row per feed: the validators for the next conditional request and how the last poll went.
feeds = Table(
    "feeds",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime(timezone=True)),
    Column("error", Text),  # why the last poll failed; null when it went well
)

# Every entry of a feed that was read: the article it gave, or why it failed (retried on the
# next polls until `attempts` reaches the limit of `sitrep watch`).
feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_url", String(2048), ForeignKey("feeds.url", ondelete="CASCADE"),
           primary_key=True),
    Column("entry_key", String(64), primary_key=True),  # FeedEntry.key
    Column("link", Text),
    Column("article_id", ID),  # no foreign key: the article may be deleted, the entry stays seen
    Column("error", Text),
    Column("attempts", Integer, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
