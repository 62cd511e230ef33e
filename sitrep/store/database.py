"""The sitrep database: articles, their coded events and places, and a log of ingest problems.

SQLite (one file) by default, any SQLAlchemy URL otherwise (PostgreSQL:
`postgresql+psycopg://user@host:port/db`). Written with SQLAlchemy Core only and portable
SQL; the schema is created and upgraded by the Alembic migrations in `migrations/`.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    column,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    table,
    update,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import IntegrityError

from sitrep.records import Article, ArticlePlace, Event, IngestProblem, Location
from sitrep.store.filters import EventFilters, ordering, pages_after
from sitrep.store.schema import (
    PARTY_TEXT_MAX,
    SCHEMA_REVISION,
    articles,
    events,
    feed_entries,
    feeds,
    ingest_problems,
    metadata,
    party_names,
    places,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# What add_batch takes: an article with its events, and optionally the places it mentions.
BatchItem = (
    tuple[Article, Sequence[Event]] | tuple[Article, Sequence[Event], Sequence[ArticlePlace]]
)

# Well below SQLite's oldest limit of 999 bound parameters per statement.
IN_CHUNK = 500

# Execution option that makes a SQLite transaction start with BEGIN IMMEDIATE (see make_engine).
_IMMEDIATE = "sitrep_begin_immediate"

_SQLITE_PRAGMAS = (
    "busy_timeout=10000",  # first, so the others wait for a busy database too
    "journal_mode=WAL",  # readers and one writer at the same time
    "synchronous=NORMAL",  # safe with WAL, much faster than FULL
    "foreign_keys=ON",  # for ON DELETE CASCADE
    # 64 MB of page cache per connection instead of 2 MB: index inserts of a growing
    # database (events, link terms) otherwise re-read their pages from disk on every batch
    "cache_size=-65536",
)


def database_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL: strings with "://" are URLs already, anything else is a file path."""
    if isinstance(url_or_path, str) and "://" in url_or_path:
        return url_or_path
    return URL.create("sqlite", database=str(url_or_path)).render_as_string()


def make_engine(url: str) -> Engine:
    """An engine for `url`; on SQLite with WAL, foreign keys, a busy timeout and real transactions.

    The sqlite3 module's own transaction handling starts a transaction only at the first write,
    so a read-then-insert is not atomic and DDL is not transactional. Here sqlite3 is switched
    to autocommit and SQLAlchemy's transactions emit BEGIN themselves (SQLAlchemy's documented
    recipe); write transactions use BEGIN IMMEDIATE, taking the write lock up front so that
    concurrent writers queue (busy_timeout) instead of failing on a stale read.
    """
    engine = create_engine(url)
    if engine.dialect.name != "sqlite":
        return engine

    @event.listens_for(engine, "connect")
    def configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        for pragma in _SQLITE_PRAGMAS:
            if pragma == "journal_mode=WAL":
                _set_wal(dbapi_connection)
            else:
                dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _set_wal(dbapi_connection: Any, wait: float = 10.0) -> None:
    """Switch a database to WAL, once: a new file being created by another process at the
    same moment is locked, and SQLite answers the switch "database is locked" at once rather
    than waiting (busy_timeout does not cover it), so try again for up to `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            mode = dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() != "wal":
                dbapi_connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection to run migrations on.

    On SQLite, foreign keys are off while it is in use: batch migrations copy a table, drop
    the original and rename the copy, and dropping `articles` with foreign keys on would
    cascade-delete every event. (The pragma is ignored inside a transaction, hence set here,
    before one starts.) Its transaction takes the write lock first (BEGIN IMMEDIATE): two
    processes creating one new database then queue, and the second finds the schema made,
    instead of failing with "database is locked" when both try to write.
    """
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            connection.execution_options(**{_IMMEDIATE: True})
        if sqlite:
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            yield connection
        finally:
            if sqlite:
                connection.rollback()  # no-op after a commit; lets the pragma take effect
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


class SchemaError(Exception):
    """A database this version of sitrep cannot use; the message says why and what to do."""


def known_revisions() -> frozenset[str]:
    """The schema revisions this version can upgrade from: each migration script's file name
    begins with its revision ("0009_story_leads.py")."""
    return frozenset(path.name.split("_", 1)[0]
                     for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py"))


def alembic_config(url: str) -> Config:
    """An Alembic config for the migrations in this package; no alembic.ini needed.

    Also how to make a new revision after changing `schema.py`:
    `alembic.command.revision(alembic_config(url), "what changed", autogenerate=True)`.
    """
    from alembic.config import Config  # imported here: costly, and rarely needed

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser escaping
    return config


class Store:
    """Articles, their events and places in one database. Usage::

        store = Store("sitrep.db")  # or a URL: "postgresql+psycopg://user@host/db"
        store.migrate()
        store.add_article(article, events, places)
        for record in store.events(types=["ASSAULT"], actor="PRK"):
            ...
    """

    def __init__(self, url_or_path: str | Path = "sitrep.db") -> None:
        self.url = database_url(url_or_path)
        self._engine = make_engine(self.url)
        self._writer = self._engine.execution_options(**{_IMMEDIATE: True})

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    # -- schema ---------------------------------------------------------------------------

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at; None for a database never migrated."""
        version_table = table("alembic_version", column("version_num"))
        with self._engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(select(version_table.c.version_num)).scalar()

    def migrate(self) -> None:
        """Create or upgrade the schema. Cheap when it is current: Alembic is not even imported.
        Raises SchemaError for a database this version cannot use (a revision it does not
        know, or tables missing), before anything is written."""
        current = self.schema_revision()
        if current == SCHEMA_REVISION:
            self._check_tables()
            return
        if current is not None and current not in known_revisions():
            raise SchemaError(
                f"the database {self.display_url} is at schema revision {current!r}, which "
                "this version of sitrep does not know: it was made by a newer sitrep (upgrade "
                "sitrep to use it) or is not a sitrep database; use another --db")
        from alembic import command

        with migration_connection(self._engine) as connection:
            config = alembic_config(self.url)
            config.attributes["connection"] = connection
            # one transaction for all revisions (Alembic would commit each on SQLite), taken
            # with the write lock before Alembic reads the revision (migration_connection)
            with connection.begin():
                command.upgrade(config, "head")

    def _check_tables(self) -> None:
        with self._engine.connect() as connection:
            present = set(inspect(connection).get_table_names())
        missing = sorted(set(metadata.tables) - present)
        if missing:
            raise SchemaError(
                f"the database {self.display_url} is damaged: its schema is current but the "
                f"table{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"{'are' if len(missing) > 1 else 'is'} missing; restore it from a backup, "
                "or ingest again into a new database")

    @property
    def display_url(self) -> str:
        """The database's URL without its password."""
        return make_url(self.url).render_as_string(hide_password=True)

    # -- the door for this package's query modules (search, links, timeline counts) -------

    @property
    def dialect(self) -> str:
        """The database's SQL dialect: "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def reading(self) -> AbstractContextManager[Connection]:
        """A connection to read with: the store package's own query modules go through it,
        never through the engine, so that the Store stays the one door to the database."""
        return self._engine.connect()

    def writing(self) -> AbstractContextManager[Connection]:
        """A write transaction; on SQLite it holds the write lock from its first statement
        (BEGIN IMMEDIATE), so that two writers never see each other's half-made rows."""
        return self._writer.begin()

    # -- writing --------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes belong to stored articles."""
        with self._engine.connect() as connection:
            return _known_hashes(connection, hashes)

    def add_article(
        self, article: Article, events: Sequence[Event], places: Sequence[ArticlePlace] = ()
    ) -> bool:
        """Store an article, its events and places; False, changing nothing, if it is stored
        already."""
        return self.add_batch([(article, events, places)]) == 1

    def add_batch(self, items: Sequence[BatchItem]) -> int:
        """Store many articles with their events (and places) in one transaction; returns how
        many were new.

        Items are `(article, events)` or `(article, events, places)`. Articles whose content
        hash is stored already, or came earlier in `items`, are skipped with their events and
        places. Raises ValueError (storing nothing) if an event names another article or two
        events of one article share an id.
        """
        now = datetime.now(UTC)
        prepared = [_prepare(item, now) for item in items]
        try:
            return self._insert_new(prepared)
        except IntegrityError:
            # Another writer stored one of these articles between our check and our insert
            # (possible on PostgreSQL; SQLite's BEGIN IMMEDIATE rules it out). Checking again
            # now skips it; a second failure is a real error.
            return self._insert_new(prepared)

    def _insert_new(self, prepared: list[_Prepared]) -> int:
        with self._writer.begin() as connection:
            seen = _known_hashes(connection, (p.article["content_hash"] for p in prepared))
            new_articles: list[dict] = []
            new_events: list[dict] = []
            new_places: list[dict] = []
            for item in prepared:
                if item.article["content_hash"] in seen:
                    continue
                seen.add(item.article["content_hash"])
                new_articles.append(item.article)
                new_events.extend(item.events)
                new_places.extend(item.places)
            if new_articles:
                connection.execute(insert(articles), new_articles)
            if new_events:
                connection.execute(insert(events), new_events)
                _add_party_names(connection, new_events)
            if new_places:
                connection.execute(insert(places), new_places)
            return len(new_articles)

    def record_problem(self, problem: IngestProblem, run_id: str | None = None) -> None:
        """Keep an ingest problem in the `ingest_problems` log."""
        row = {
            "run_id": run_id,
            "source": problem.source,
            "line": problem.line,
            "severity": problem.severity,
            "message": problem.message,
            "created_at": datetime.now(UTC),
        }
        with self._writer.begin() as connection:
            connection.execute(insert(ingest_problems), row)

    # -- feeds (`sitrep watch`) -----------------------------------------------------------

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """What the last poll of a feed left: title, etag, last_modified, checked_at, error."""
        with self._engine.connect() as connection:
            row = connection.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
        return dict(row) if row is not None else None

    def feed_entries_seen(self, url: str, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Of these entry keys of a feed, those read before: key -> article_id, error,
        attempts."""
        wanted = sorted(set(keys))
        found: dict[str, dict[str, Any]] = {}
        e = feed_entries.c
        with self._engine.connect() as connection:
            for i in range(0, len(wanted), IN_CHUNK):
                query = (select(e.entry_key, e.article_id, e.error, e.attempts)
                         .where(e.feed_url == url, e.entry_key.in_(wanted[i : i + IN_CHUNK])))
                for row in connection.execute(query).mappings():
                    found[row["entry_key"]] = dict(row)
        return found

    def record_feed_poll(self, url: str, *, error: str | None = None, title: str | None = None,
                         etag: str | None = None, last_modified: str | None = None,
                         entries: Sequence[dict[str, Any]] = ()) -> None:
        """Keep how a poll went. A failed poll (`error`) keeps the validators and title of the
        last good one. `entries`: dicts of entry_key, link, article_id, error; an entry seen
        before counts one more attempt."""
        now = datetime.now(UTC)
        state: dict[str, Any] = {"checked_at": now, "error": error}
        if error is None:
            state.update(etag=etag, last_modified=last_modified)
            if title:
                state["title"] = title
        e = feed_entries.c
        with self._writer.begin() as connection:
            if connection.execute(select(feeds.c.url).where(feeds.c.url == url)).first():
                connection.execute(update(feeds).where(feeds.c.url == url), state)
            else:
                connection.execute(insert(feeds), {"url": url, **state})
            for entry in entries:
                key = entry["entry_key"]
                row = {"link": entry.get("link"), "article_id": entry.get("article_id"),
                       "error": entry.get("error"), "seen_at": now}
                where = (e.feed_url == url, e.entry_key == key)
                attempts = connection.execute(select(e.attempts).where(*where)).scalar()
                if attempts is None:
                    connection.execute(insert(feed_entries),
                                       {"feed_url": url, "entry_key": key, "attempts": 1, **row})
                else:
                    connection.execute(update(feed_entries).where(*where),
                                       {"attempts": attempts + 1, **row})

    # -- reading --------------------------------------------------------------------------

    def events(self, filters: EventFilters | None = None, /, *, sort: str = "date",
               limit: int | None = None, offset: int = 0, after: str | None = None,
               **values: Any) -> Iterator[dict]:
        """Event records (as `Event.to_record()` made them), filtered, in `sort` order: the
        one listing of events, for the CLI, the API, exports and any caller.

        The filters are `filters`, or EventFilters' fields as keywords
        (`types=["ASSAULT"], actor="PRK"`; their meanings: FILTERS in store/filters.py).
        Empty or None filters are ignored. `types`: PLOVER types, any case. `actor`,
        `recipient`: a code the store holds (any case, "usa"), matched exactly, or else part
        of the text as written, any case ("air force").
        `since`/`until` (inclusive) apply to the event's date, or its article's publication
        date when it has none. `outlet`: part of the outlet's name, any case. `modality`:
        any of these. `background`: True for only the events told as background, False for
        only the news, None for both. `sort`: one of SORTS, by default that date (undated
        last), then article and position in the article.

        Paging: `after` is the id of the last event of the previous page; the page starts
        right after it, as fast on page 10,000 as on page 1 (`offset` makes the database
        walk past every skipped event). An unknown id gives no events. Without `limit` the
        records are read in chunks (a server-side cursor where the database has one): an
        export of any size holds only a chunk in memory.
        """
        for record in self.events_json(filters, sort=sort, limit=limit, offset=offset,
                                       after=after, **values):
            yield json.loads(record)

    def events_json(self, filters: EventFilters | None = None, /, *, sort: str = "date",
                    limit: int | None = None, offset: int = 0, after: str | None = None,
                    **values: Any) -> Iterator[str]:
        """`events`, each record as the JSON text it is stored as (for responses that
        splice it in rather than parse and serialise it again).

        Events without a value to sort on come last, read by a second query rather than
        with NULLS LAST: an index read backwards gives its nulls first, so a descending
        NULLS LAST page would make PostgreSQL sort every match.
        """
        filters = filters or EventFilters(**values)
        column, descending, tail = ordering(sort)
        c = events.c
        with self._engine.connect() as connection:
            conditions = filters.conditions(connection)
            with_value = select(c.id).where(*conditions, column.is_not(None)).order_by(
                column.desc() if descending else column.asc(), *tail)
            without_value = select(c.id).where(*conditions, column.is_(None)).order_by(*tail)
            if after is not None:
                if offset:
                    raise ValueError("page with either `after` or `offset`, not both")
                parts = pages_after(connection, with_value, without_value, column,
                                    descending, after)
            else:
                parts = [with_value.offset(offset or None), without_value]
            given = 0
            for k, part in enumerate(parts):
                if k == 1 and after is None and offset and not given:
                    # the offset reaches past the rows with a value: skip the rest of it
                    n_with_value = connection.execute(select(func.count()).select_from(
                        events).where(*conditions, column.is_not(None))).scalar()
                    part = part.offset(max(0, offset - n_with_value) or None)
                left = None if limit is None else limit - given
                for record in self._records(connection, part, left):
                    yield record
                    given += 1
                if given == limit:
                    return

    @staticmethod
    def _records(connection: Connection, ids: Select, limit: int | None) -> Iterator[str]:
        """The stored records of the events `ids` selects, in its order."""
        c = events.c
        if limit is None:
            yield from connection.execution_options(stream_results=True, yield_per=2000
                                                    ).execute(ids.with_only_columns(c.record)
                                                              ).scalars()
            return
        # a page's ids first, read from an index alone, then their records: walking past
        # skipped events or sorting matches never reads their records
        page = list(connection.execute(ids.limit(limit)).scalars())
        found = {}
        for i in range(0, len(page), IN_CHUNK):
            found.update(connection.execute(select(c.id, c.record).where(
                c.id.in_(page[i : i + IN_CHUNK]))).all())
        for event_id in page:
            yield found[event_id]

    def count_events(self, filters: EventFilters | None = None, /, **values: Any) -> int:
        """How many events `events` lists with these filters (without paging)."""
        filters = filters or EventFilters(**values)
        with self._engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(events).where(
                *filters.conditions(connection))).scalar()

    def places(
        self,
        *,
        article_id: str | None = None,
        country: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[dict]:
        """Places articles mention, as `ArticlePlace.to_record(article_id)` makes them.

        Empty or None filters are ignored; `country` is a code in any case ("prk"). Ordered
        by the article's publication date (undated last), article id, position in the text.
        """
        p = places.c
        query = (
            select(p.article_id, p.text, p.name, p.kind, p.country, p.lat, p.lon,
                   p.start_char, p.end_char)
            .join(articles, articles.c.id == p.article_id)
            .where(*_place_conditions(article_id, country))
            .order_by(articles.c.published.asc().nulls_last(), p.article_id, p.start_char, p.id)
            .limit(limit)
            .offset(offset or None)
        )
        with self._engine.connect() as connection:
            for row in connection.execute(query):
                place = ArticlePlace(row.text, row.name, row.kind, row.country, row.lat, row.lon,
                                     row.start_char, row.end_char)
                yield place.to_record(row.article_id)

    def place_counts(
        self,
        *,
        article_id: str | None = None,
        country: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[dict]:
        """One record per place the articles mention: `name, kind, precision, country, lat,
        lon`, how many `mentions` and in how many `articles`, and the first and last
        publication date of those articles (`first_published`, `last_published`; null when
        none is dated).

        A place is one gazetteer entry: two towns of one name and country are two places.
        Filters as for `places`. Ordered by mentions, then articles (most first), then name.
        """
        p = places.c
        published = articles.c.published
        mentions = func.count().label("mentions")
        n_articles = func.count(p.article_id.distinct()).label("articles")
        query = (
            select(p.name, p.kind, p.country, p.lat, p.lon, mentions, n_articles,
                   func.min(published).label("first_published"),
                   func.max(published).label("last_published"))
            .join(articles, articles.c.id == p.article_id)
            .where(*_place_conditions(article_id, country))
            .group_by(p.name, p.kind, p.country, p.lat, p.lon)
            .order_by(mentions.desc(), n_articles.desc(), p.name, p.country.asc().nulls_last(),
                      p.kind, p.lat, p.lon)
            .limit(limit)
            .offset(offset or None)
        )
        with self._engine.connect() as connection:
            for row in connection.execute(query).mappings():
                yield _place_count_dict(row)

    def articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[dict]:
        """Stored articles without their text, by publication date (undated last), then id."""
        a = articles.c
        query = (
            select(
                a.id, a.title, a.outlet, a.author, a.published, a.url, a.source, a.dateline,
                n_events_column(), a.n_chars, a.ingested_at,
            )
            .order_by(a.published.asc().nulls_last(), a.id)
            .limit(limit)
            .offset(offset or None)
        )
        with self._engine.connect() as connection:
            for row in connection.execute(query).mappings():
                yield _article_dict(row)

    def article(self, article_id: str) -> dict | None:
        """One stored article with all its metadata and text; None if there is no such id."""
        query = select(articles, n_events_column()).where(articles.c.id == article_id)
        with self._engine.connect() as connection:
            row = connection.execute(query).mappings().first()
        return _article_dict(row) if row is not None else None

    def counts(self) -> dict[str, Any]:
        """Numbers of articles, events and places, events by PLOVER type, articles by
        outlet."""
        n = func.count().label("n")
        by_type = select(events.c.event_type, n).group_by(events.c.event_type)
        by_outlet = (
            select(articles.c.outlet, n)
            .where(articles.c.outlet.is_not(None))
            .group_by(articles.c.outlet)
        )
        with self._engine.connect() as connection:
            n_articles = connection.execute(select(func.count()).select_from(articles)).scalar()
            n_events = connection.execute(select(func.count()).select_from(events)).scalar()
            n_places = connection.execute(select(func.count()).select_from(places)).scalar()
            types = connection.execute(by_type.order_by(n.desc(), events.c.event_type)).all()
            outlets = connection.execute(by_outlet.order_by(n.desc(), articles.c.outlet)).all()
        return {
            "articles": n_articles,
            "events": n_events,
            "places": n_places,
            "by_type": dict(types),  # type: ignore[arg-type]
            "outlets": dict(outlets),  # type: ignore[arg-type]
        }


def _place_conditions(article_id: str | None, country: str | None) -> list[ColumnElement[bool]]:
    """The filters of place listings; empty or None ones are ignored."""
    conditions: list[ColumnElement[bool]] = []
    if article_id:
        conditions.append(places.c.article_id == article_id)
    if country and country.strip():
        conditions.append(places.c.country == country.strip().upper())
    return conditions


def _place_count_dict(row: Any) -> dict[str, Any]:
    first, last = row["first_published"], row["last_published"]
    return {
        "name": row["name"],
        "kind": row["kind"],
        "precision": Location.precision_of(row["kind"]),
        "country": row["country"],
        "lat": row["lat"],
        "lon": row["lon"],
        "mentions": row["mentions"],
        "articles": row["articles"],
        "first_published": first.isoformat() if first is not None else None,
        "last_published": last.isoformat() if last is not None else None,
    }


def _known_hashes(connection: Connection, hashes: Iterable[str]) -> set[str]:
    wanted = sorted(set(hashes))
    found: set[str] = set()
    for i in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[i : i + IN_CHUNK]
        query = select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk))
        found.update(connection.execute(query).scalars())
    return found


def _add_party_names(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Add the events' actor and recipient texts that `party_names` lacks."""
    names = {row[key] for row in rows for key in ("actor_text", "recipient_text")
             if row[key]}
    known: set[str] = set()
    ordered = sorted(names)
    for i in range(0, len(ordered), IN_CHUNK):
        known.update(connection.execute(select(party_names.c.name).where(
            party_names.c.name.in_(ordered[i:i + IN_CHUNK]))).scalars())
    if missing := names - known:
        connection.execute(insert(party_names), [{"name": name} for name in sorted(missing)])


def n_events_column() -> Any:
    """How many events an article has, as a column of a query over articles."""
    return (
        select(func.count())
        .where(events.c.article_id == articles.c.id)
        .scalar_subquery()
        .label("n_events")
    )


class _Prepared(NamedTuple):
    """One add_batch item as rows, ready to insert."""

    article: dict[str, Any]
    events: list[dict[str, Any]]
    places: list[dict[str, Any]]


def _prepare(item: BatchItem, now: datetime) -> _Prepared:
    article, article_events, *rest = item
    article_places: Sequence[ArticlePlace] = rest[0] if rest else ()
    return _Prepared(
        _article_row(article, now),
        _event_rows(article, article_events),
        [_place_row(article, place) for place in article_places],
    )


def _article_row(article: Article, now: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "url": article.url,
        "source": article.source,
        "external_id": article.external_id,
        "dateline": article.dateline,
        "language": article.language,
        "text": article.text,
        "n_chars": len(article.text),
        "ingested_at": now,
    }


def _event_rows(article: Article, article_events: Sequence[Event]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for ev in article_events:
        event_id = ev.id  # a hash of the event's key: computed once here
        if ev.article_id != article.id:
            raise ValueError(f"event {event_id} belongs to article {ev.article_id}, "
                             f"not {article.id}")
        if event_id in rows:
            raise ValueError(
                f"two events of article {article.id} share the id {event_id} "
                f"(same trigger offset {ev.trigger.start} and type {ev.event_type})"
            )
        record = ev.to_record()
        event_date = ev.date.value if ev.date is not None else None
        published = ev.published or article.published
        rows[event_id] = {
            "id": event_id,
            "article_id": article.id,
            "event_type": ev.event_type.upper(),
            "actor_code": _upper(ev.actor.code) if ev.actor else None,
            "actor_text": _party_text(ev.actor),
            "recipient_code": _upper(ev.recipient.code) if ev.recipient else None,
            "recipient_text": _party_text(ev.recipient),
            "event_date": event_date,
            "published": published,
            "timeline_date": event_date or published,
            "outlet": ev.outlet or article.outlet,
            "modality": ev.modality,
            "background": ev.background,
            "evidence_start": record["evidence"]["start"],
            "evidence_end": record["evidence"]["end"],
            "record": json.dumps(record, ensure_ascii=False),
        }
    return list(rows.values())


def _place_row(article: Article, place: ArticlePlace) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "text": place.text,
        "name": place.name,
        "kind": place.kind,
        "country": _upper(place.country),
        "lat": place.lat,
        "lon": place.lon,
        "start_char": place.start,
        "end_char": place.end,
    }


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


def _party_text(party: Any) -> str | None:
    return party.text[:PARTY_TEXT_MAX] if party is not None and party.text else None


def _article_dict(row: Any) -> dict[str, Any]:
    """A result row as plain JSON-ready values: ISO dates, UTC timestamps."""
    result = dict(row)
    if result.get("published") is not None:
        result["published"] = result["published"].isoformat()
    ingested: datetime = result["ingested_at"]
    if ingested.tzinfo is None:  # SQLite keeps no offset; we only ever write UTC
        ingested = ingested.replace(tzinfo=UTC)
    result["ingested_at"] = ingested.astimezone(UTC).isoformat()
    return result
