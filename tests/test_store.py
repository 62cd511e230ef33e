"""The store stage: migrations, idempotent writes, filters, listings (SQLite files in tmp_path)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, delete, insert, inspect, select

from sitrep.records import (
    Article,
    ArticlePlace,
    Entity,
    Event,
    IngestProblem,
    Location,
    ResolvedDate,
)
from sitrep.store import SchemaError, Store, database_url
from sitrep.store.database import _prepare, alembic_config, known_revisions
from sitrep.store.search import is_search_object
from sitrep.store.schema import (
    PARTY_TEXT_MAX,
    SCHEMA_REVISION,
    articles,
    events,
    ingest_problems,
    metadata,
    places,
)

# Invented wire copy; phrases below are looked up in these texts to get their offsets.
YONHAP_TEXT = (
    "SEOUL, May 3 (Yonhap) -- North Korea fired a short-range missile into the sea off its "
    "east coast on Monday, officials said. The U.S. Air Force later sent two bombers over "
    "the peninsula."
)
VOA_TEXT = (
    "Pyongyang accused Washington on Saturday of plotting an invasion. South Korea will "
    "hold talks with Japan on June 12 about the launches, a ministry spokesman said."
)
WIRE_TEXT = (
    "A protest group calling itself the 99% Coalition marched in the capital, and the "
    "dockworkers_union threatened a strike."
)
UNDATED_TEXT = "Officials in Tokyo criticized the test, according to a statement."


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def entity(text: str, phrase: str, code: str | None = None, sector: str | None = None) -> Entity:
    start, end = span(text, phrase)
    return Entity(phrase, code=code, sector=sector, start=start, end=end)


def make_event(
    article: Article,
    trigger: str,
    event_type: str,
    cameo: str,
    actor: tuple[str, str | None],
    recipient: tuple[str, str | None] | None = None,
    when: tuple[str, date] | None = None,
    modality: str = "asserted",
    background: bool = False,
) -> Event:
    text = article.text
    at = text.index(trigger)
    sentence_start = text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0
    sentence_end = text.find(". ", at) + 1 or len(text)
    return Event(
        article_id=article.id,
        event_type=event_type,
        cameo=cameo,
        trigger=entity(text, trigger),
        sentence=text[sentence_start:sentence_end],
        sentence_start=sentence_start,
        actor=entity(text, actor[0], actor[1]),
        recipient=entity(text, recipient[0], recipient[1]) if recipient else None,
        date=ResolvedDate(when[0], when[1], "day") if when else None,
        modality=modality,  # type: ignore[arg-type]
        background=background,
        outlet=article.outlet,
        published=article.published,
    )


YONHAP = Article(YONHAP_TEXT, title="North fires missile", outlet="Yonhap",
                 published=date(2017, 5, 3), dateline="SEOUL", source="yonhap.txt")
VOA = Article(VOA_TEXT, title="Pyongyang accuses US", outlet="Voice of America",
              published=date(2017, 6, 10), url="https://example.org/voa/1")
WIRE = Article(WIRE_TEXT, title="Marches and strikes", outlet="News_Wire",
               published=date(2017, 6, 20))
UNDATED = Article(UNDATED_TEXT, title="Tokyo reacts", outlet="NewsXWire")

ASSAULT = make_event(YONHAP, "fired", "ASSAULT", "19", ("North Korea", "PRK"),
                     when=("on Monday", date(2017, 5, 1)))
MOBILIZE = make_event(YONHAP, "sent", "MOBILIZE", "15", ("The U.S. Air Force", "USA"))
ACCUSE = make_event(VOA, "accused", "ACCUSE", "11", ("Pyongyang", "PRK"),
                    recipient=("Washington", "USA"), background=True)
CONSULT = make_event(VOA, "hold talks", "CONSULT", "04", ("South Korea", "KOR"),
                     recipient=("Japan", "JPN"), when=("June 12", date(2017, 6, 12)),
                     modality="planned")
PROTEST = make_event(WIRE, "marched", "PROTEST", "14", ("the 99% Coalition", None))
THREATEN = make_event(WIRE, "threatened", "THREATEN", "13", ("dockworkers_union", None))
REJECT = make_event(UNDATED, "criticized", "REJECT", "12", ("Officials in Tokyo", "JPN"))

def place(article: Article, phrase: str, name: str, kind: str, country: str | None,
          lat: float, lon: float) -> ArticlePlace:
    start, end = span(article.text, phrase)
    return ArticlePlace(phrase, name, kind, country, lat, lon, start, end)


SEOUL = place(YONHAP, "SEOUL", "Seoul", "capital", "KOR", 37.566, 126.978)
NORTH_KOREA = place(YONHAP, "North Korea", "North Korea", "country", "PRK", 40.3, 127.5)
PENINSULA = place(YONHAP, "the peninsula", "Korean Peninsula", "peninsula", None, 37.5, 127.5)
PYONGYANG = place(VOA, "Pyongyang", "Pyongyang", "capital", "PRK", 39.019, 125.738)
JAPAN = place(VOA, "Japan", "Japan", "country", "JPN", 36.2, 138.25)
TOKYO = place(UNDATED, "Tokyo", "Tokyo", "capital", "JPN", 35.69, 139.692)
PLACES = {YONHAP.id: [NORTH_KOREA, SEOUL, PENINSULA],  # not in text order: the store sorts
          VOA.id: [PYONGYANG, JAPAN], UNDATED.id: [TOKYO]}

BATCH: list[tuple[Article, list[Event]]] = [
    (YONHAP, [ASSAULT, MOBILIZE]),
    (VOA, [ACCUSE, CONSULT]),
    (WIRE, [PROTEST, THREATEN]),
    (UNDATED, [REJECT]),
]
# Timeline order: by event date, else publication date; undated last.
TIMELINE = [ASSAULT, MOBILIZE, ACCUSE, CONSULT, PROTEST, THREATEN, REJECT]


def ids(records) -> list[str]:
    return [r["id"] for r in records]


def expect(*evs: Event) -> list[str]:
    """Ids of these events, in timeline order."""
    return [e.id for e in TIMELINE if e in evs]


# PostgreSQL runs the same tests when given a scratch database (its tables are dropped).
POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


@pytest.mark.skipif(not POSTGRES_URL, reason=os.environ.get(
    "SITREP_TEST_POSTGRES_SKIP", "set SITREP_TEST_POSTGRES_URL to test PostgreSQL"))
def test_postgresql_is_tested():
    assert "postgresql" in BACKENDS


def empty_store(backend: str, folder: Path) -> Store:
    """A store on a database without any tables (not migrated)."""
    if backend == "sqlite":
        return Store(folder / "sitrep.db")
    store = Store(POSTGRES_URL)  # type: ignore[arg-type]
    if store.schema_revision() is not None:
        from alembic import command

        command.downgrade(alembic_config(store.url), "base")
    return store


def fresh_store(backend: str, folder: Path) -> Store:
    """A newly migrated, empty store."""
    store = empty_store(backend, folder)
    store.migrate()
    return store


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def store(backend: str, tmp_path: Path):
    with fresh_store(backend, tmp_path) as s:
        yield s


@pytest.fixture
def filled(store: Store) -> Store:
    assert store.add_batch(BATCH) == 4
    return store


@pytest.fixture
def with_places(store: Store) -> Store:
    """The BATCH articles with their events and, for three of them, places."""
    batch = [(a, evs, PLACES[a.id]) if a.id in PLACES else (a, evs) for a, evs in BATCH]
    assert store.add_batch(batch) == 4
    return store


def place_records(article: Article, *found: ArticlePlace) -> list[dict]:
    return [p.to_record(article.id) for p in found]


# -- schema and migrations ---------------------------------------------------------------


def test_database_url_from_path_or_url(tmp_path: Path):
    assert database_url("sitrep.db") == "sqlite:///sitrep.db"
    assert database_url(tmp_path / "a.db") == f"sqlite:///{tmp_path}/a.db"
    url = "postgresql+psycopg://postgres@127.0.0.1:5433/sitrep"
    assert database_url(url) == url


def test_migrate_creates_the_schema_in_a_new_file(tmp_path: Path):
    path = tmp_path / "new.db"
    with Store(path) as store:
        assert store.schema_revision() is None
        store.migrate()
        assert path.exists()
        assert store.schema_revision() == SCHEMA_REVISION
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


MIGRATE_AT = """
import sys
from sitrep.store import Store
store = Store(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()  # both processes loaded: the test says go to both at once
with store:
    store.migrate()
    print(store.schema_revision())
"""


@pytest.mark.slow
def test_two_processes_creating_one_new_database_both_succeed(backend: str, tmp_path: Path):
    # two first ingests into a database that does not exist yet, started together
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        with empty_store(backend, folder) as empty:
            url = empty.url
        runs = [subprocess.Popen([sys.executable, "-c", MIGRATE_AT, url],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        for run in runs:  # wait until both are loaded and waiting ...
            assert run.stdout.readline().strip() == "ready", run.stderr.read()
        for run in runs:  # ... then start them together
            run.stdin.write("go\n")
            run.stdin.flush()
        outputs = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        assert [out.strip() for out, _ in outputs] == [SCHEMA_REVISION] * 2


def test_a_database_of_an_unknown_revision_is_refused_untouched(store: Store):
    with store._engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999future'")
    try:
        with pytest.raises(SchemaError, match="revision '9999future'.*newer sitrep"):
            store.migrate()
        assert store.schema_revision() == "9999future"  # nothing was written
    finally:  # the PostgreSQL database is the next test's
        with store._engine.begin() as connection:
            connection.exec_driver_sql(
                f"UPDATE alembic_version SET version_num = '{SCHEMA_REVISION}'")
    assert SCHEMA_REVISION in known_revisions() and "0001" in known_revisions()


def test_a_database_missing_a_table_is_refused_with_what_is_missing(store: Store):
    with store._engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE ingest_problems")
    try:
        with pytest.raises(SchemaError, match="damaged.*table ingest_problems is missing"):
            store.migrate()
    finally:  # the PostgreSQL database is the next test's
        with store._engine.begin() as connection:
            ingest_problems.create(connection)


def test_migrations_build_the_tables_schema_py_describes(store: Store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store._engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert {"articles", "events", "places", "ingest_problems", "alembic_version"} <= tables
        # full-text search tables and indexes are per dialect, outside schema.py (0004)
        context = MigrationContext.configure(connection, opts={
            "include_name": lambda name, _type, _parent: not is_search_object(name)})
        assert compare_metadata(context, metadata) == []


def test_migrations_render_postgresql_ddl_offline():
    import io

    from alembic import command

    config = alembic_config("postgresql://nobody@127.0.0.1:1/none")  # never connected to
    config.output_buffer = io.StringIO()
    command.upgrade(config, "head", sql=True)
    ddl = config.output_buffer.getvalue()
    assert "CREATE TABLE events" in ddl
    assert "REFERENCES articles (id) ON DELETE CASCADE" in ddl
    assert "CREATE TABLE places" in ddl
    assert "ingested_at TIMESTAMP WITH TIME ZONE NOT NULL" in ddl
    assert "INSERT INTO alembic_version (version_num) VALUES ('0001')" in ddl
    assert f"SET version_num='{SCHEMA_REVISION}'" in ddl  # each later revision updates it


def test_migrate_again_is_a_no_op_that_skips_alembic(store: Store, monkeypatch):
    store.add_article(YONHAP, [ASSAULT])
    from alembic import command

    def fail(*_args, **_kwargs):
        raise AssertionError("alembic ran on an up-to-date database")

    monkeypatch.setattr(command, "upgrade", fail)
    with Store(store.url) as again:
        again.migrate()
        assert again.counts()["events"] == 1


def test_alembic_head_is_the_revision_recorded_in_the_database(store: Store):
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config(store.url)).get_heads()
    assert heads == [store.schema_revision()] == [SCHEMA_REVISION]


def test_migrations_downgrade_to_nothing_and_back(store: Store):
    from alembic import command

    config = alembic_config(store.url)
    command.downgrade(config, "base")
    assert store.schema_revision() is None
    store.migrate()
    assert store.add_article(VOA, [ACCUSE])


def test_a_database_at_0001_is_upgraded_in_place(backend: str, tmp_path: Path):
    from alembic import command

    with empty_store(backend, tmp_path) as store:
        command.upgrade(alembic_config(store.url), "0001")
        assert store.schema_revision() == "0001"
        with store._engine.connect() as connection:
            assert not inspect(connection).has_table("places")
        # rows as the Store of revision 0001 wrote them: no background column (0007), which
        # the migration fills from the records
        rows = _prepare((YONHAP, [ASSAULT, replace(MOBILIZE, background=True)]),
                        datetime.now(UTC))
        with store._writer.begin() as connection:
            connection.execute(insert(articles), [rows.article])
            connection.execute(insert(events), [{k: v for k, v in row.items()
                                                 if k != "background"} for row in rows.events])

        store.migrate()
        assert store.schema_revision() == SCHEMA_REVISION
        with store._engine.connect() as connection:
            assert inspect(connection).has_table("places")
        assert [a["id"] for a in store.articles()] == [YONHAP.id]
        assert ids(store.events()) == expect(ASSAULT, MOBILIZE)
        # the party names of events stored before they were kept are found by text
        assert ids(store.events(actor="air force")) == expect(MOBILIZE)
        assert ids(store.events(background=True)) == expect(MOBILIZE)
        assert ids(store.events(background=False)) == expect(ASSAULT)
        assert store.add_article(VOA, [ACCUSE], [PYONGYANG])
        assert list(store.places()) == place_records(VOA, PYONGYANG)


def test_a_database_at_0007_gets_the_precision_of_its_event_places(backend: str,
                                                                   tmp_path: Path):
    from alembic import command

    on_the_peninsula = replace(MOBILIZE, location=Location(
        "the peninsula", "Korean Peninsula", None, 37.5, 127.5, precision="region"))
    # a place the article's places do not hold: its precision is unknown
    at_sea = replace(ASSAULT, location=Location("the sea", "East Sea", None, 40.0, 135.0,
                                                precision="region"))
    in_tokyo = replace(REJECT, location=Location("Tokyo", "Tokyo", "JPN", 35.69, 139.692,
                                                 precision="city"))
    with empty_store(backend, tmp_path) as store:
        command.upgrade(alembic_config(store.url), "0007")
        # rows as the Store of revision 0007 wrote them: no precision, no inferred_from
        now = datetime.now(UTC)
        stored = [_prepare((YONHAP, [at_sea, on_the_peninsula], [PENINSULA]), now),
                  _prepare((VOA, [ACCUSE]), now),  # no place
                  _prepare((UNDATED, [in_tokyo], [TOKYO]), now)]
        with store._writer.begin() as connection:
            connection.execute(insert(articles), [rows.article for rows in stored])
            connection.execute(insert(events), [_as_0007_wrote_it(row) for rows in stored
                                                for row in rows.events])
            connection.execute(insert(places), [row for rows in stored for row in rows.places])

        store.migrate()
        assert store.schema_revision() == SCHEMA_REVISION
        with store._engine.connect() as connection:
            records = dict(connection.execute(select(events.c.id, events.c.record)).all())
    upgraded = [on_the_peninsula, replace(at_sea, location=replace(at_sea.location,
                                                                   precision=None)),
                ACCUSE, in_tokyo]
    # written as the Store writes a record now, key order and all
    assert records == {e.id: json.dumps(e.to_record(), ensure_ascii=False) for e in upgraded}


def _as_0007_wrote_it(row: dict[str, Any]) -> dict[str, Any]:
    """An event row without the location fields revision 0008 added."""
    record = json.loads(row["record"])
    if record["location"] is not None:
        del record["location"]["precision"]
        del record["location"]["inferred_from"]
    return {**row, "record": json.dumps(record, ensure_ascii=False)}


def test_deleting_an_article_deletes_its_events_and_places(with_places: Store):
    store = with_places
    with store._writer.begin() as connection:  # deleting is not part of the API (yet)
        connection.execute(delete(articles).where(articles.c.id == YONHAP.id))
    assert store.counts()["events"] == len(TIMELINE) - 2
    assert list(store.events(article_id=YONHAP.id)) == []
    assert store.counts()["places"] == 3
    assert list(store.places(article_id=YONHAP.id)) == []


# -- writing -----------------------------------------------------------------------------


def test_add_article_stores_records_exactly(store: Store):
    assert store.add_article(VOA, [ACCUSE, CONSULT]) is True
    assert list(store.events()) == [ACCUSE.to_record(), CONSULT.to_record()]


def test_add_article_is_idempotent(store: Store):
    assert store.add_article(YONHAP, [ASSAULT, MOBILIZE]) is True
    before = (store.counts(), list(store.articles()), list(store.events()))
    assert store.add_article(YONHAP, [ASSAULT, MOBILIZE]) is False
    # The same report with other line breaks has the same content hash: also a duplicate.
    reflowed = replace(YONHAP, text=YONHAP.text.replace(" ", "\n", 3), title="Other title")
    assert reflowed.content_hash == YONHAP.content_hash
    assert store.add_article(reflowed, []) is False
    assert (store.counts(), list(store.articles()), list(store.events())) == before


def test_add_article_without_events(store: Store):
    assert store.add_article(UNDATED, []) is True
    assert store.counts()["events"] == 0
    assert [a["n_events"] for a in store.articles()] == [0]


def test_add_batch_skips_articles_stored_or_repeated(store: Store):
    assert store.add_article(VOA, [ACCUSE, CONSULT])
    batch = [(YONHAP, [ASSAULT, MOBILIZE]), (VOA, [ACCUSE, CONSULT]), (YONHAP, [ASSAULT])]
    assert store.add_batch(batch) == 1
    assert store.counts()["articles"] == 2
    assert ids(store.events()) == expect(ASSAULT, MOBILIZE, ACCUSE, CONSULT)
    assert store.add_batch(batch) == 0
    assert store.add_batch([]) == 0


def test_article_stored_by_a_concurrent_writer_is_skipped(store: Store, monkeypatch):
    from sitrep.store import database

    store.add_article(VOA, [ACCUSE])
    real = database._known_hashes
    calls = []

    def miss_once(connection, hashes):
        # As if another writer stored VOA right after this check: the insert then fails.
        calls.append(1)
        return set() if len(calls) == 1 else real(connection, hashes)

    monkeypatch.setattr(database, "_known_hashes", miss_once)
    assert store.add_batch([(VOA, [ACCUSE]), (WIRE, [PROTEST])]) == 1
    assert len(calls) == 2
    assert ids(store.events()) == expect(ACCUSE, PROTEST)


def test_add_batch_refuses_mismatched_events_and_stores_nothing(store: Store):
    with pytest.raises(ValueError, match="belongs to article"):
        store.add_batch([(VOA, [ACCUSE]), (YONHAP, [ASSAULT, ACCUSE])])
    with pytest.raises(ValueError, match="share the id"):
        store.add_article(YONHAP, [ASSAULT, replace(ASSAULT, cameo="18")])
    assert store.counts()["articles"] == 0


def test_known_hashes_in_chunks(store: Store):
    store.add_batch(BATCH)
    unknown = [f"{i:064x}" for i in range(1200)]  # more than two IN chunks
    wanted = unknown + [VOA.content_hash, WIRE.content_hash]
    assert store.known_hashes(wanted) == {VOA.content_hash, WIRE.content_hash}
    assert store.known_hashes([]) == set()


def test_record_problem(store: Store):
    store.record_problem(IngestProblem("feed.jsonl", "missing 'text'", line=7), run_id="r1")
    store.record_problem(IngestProblem("page.html", "no body text", severity="skipped"))
    with store._engine.connect() as connection:
        rows = connection.execute(select(ingest_problems).order_by(ingest_problems.c.id)).all()
    assert [(r.run_id, r.source, r.line, r.severity, r.message) for r in rows] == [
        ("r1", "feed.jsonl", 7, "error", "missing 'text'"),
        (None, "page.html", None, "skipped", "no body text"),
    ]


# -- reading events ------------------------------------------------------------------------


def test_events_in_timeline_order_with_paging(filled: Store):
    assert ids(filled.events()) == expect(*TIMELINE)
    assert ids(filled.events(limit=2)) == expect(ASSAULT, MOBILIZE)
    assert ids(filled.events(limit=2, offset=2)) == expect(ACCUSE, CONSULT)
    assert ids(filled.events(offset=5)) == expect(THREATEN, REJECT)
    assert list(filled.events(limit=0)) == []


def test_filter_by_types_in_any_case(filled: Store):
    assert ids(filled.events(types=["assault"])) == expect(ASSAULT)
    assert ids(filled.events(types=["Accuse", "REJECT"])) == expect(ACCUSE, REJECT)
    assert list(filled.events(types=["AID"])) == []


def test_filter_by_modality_in_any_case(filled: Store):
    assert ids(filled.events(modality=["Planned"])) == expect(CONSULT)
    assert ids(filled.events(modality=["planned", "asserted"], types=["CONSULT", "ACCUSE"])
               ) == expect(ACCUSE, CONSULT)
    assert list(filled.events(modality=["denied"])) == []


def test_events_in_other_orders_with_paging(filled: Store):
    # newest first, undated last; ties the other way round too (later in the text first)
    newest = [THREATEN, PROTEST, CONSULT, ACCUSE, MOBILIZE, ASSAULT, REJECT]
    assert ids(filled.events(sort="-date")) == [e.id for e in newest]
    assert ids(filled.events(sort="-date", limit=3, after=CONSULT.id)) == [e.id for e in newest[3:6]]
    assert ids(filled.events(sort="-date", after=ASSAULT.id)) == [REJECT.id]
    assert ids(filled.events(sort="type", types=["PROTEST", "ASSAULT"])) == expect(
        ASSAULT, PROTEST)
    with pytest.raises(ValueError, match="unknown sort"):
        list(filled.events(sort="size"))


def test_filters_given_whole_or_as_keywords_agree(filled: Store):
    from sitrep.store.filters import EventFilters

    given = EventFilters(types=("ACCUSE", "CONSULT"), modality=("planned",))
    assert ids(filled.events(given)) == ids(filled.events(types=["ACCUSE", "CONSULT"],
                                                          modality=["planned"])) == expect(
        CONSULT)


def test_filter_by_actor_code_or_text(filled: Store):
    assert ids(filled.events(actor="prk")) == expect(ASSAULT, ACCUSE)
    assert ids(filled.events(actor="air force")) == expect(MOBILIZE)
    assert ids(filled.events(actor="USA")) == expect(MOBILIZE)  # Washington is a recipient
    assert ids(filled.events(actor="korea")) == expect(ASSAULT, CONSULT)
    assert list(filled.events(actor="PR")) == []  # codes match whole, not in part


def test_a_code_is_matched_as_a_code_only(store: Store):
    """A value that is a code the store holds never also matches texts that contain it:
    "usa" is USA, not "Jerusalem police"; a value that is no code is text, in any case."""
    text = "Jerusalem police detained 12 people. The USA Today reporter was not hurt."
    article = Article(text, title="Arrests", outlet="Wire", published=date(2017, 7, 1))
    arrest = make_event(article, "detained", "ARREST", "17", ("Jerusalem police", "ISR"))
    store.add_batch([(YONHAP, [ASSAULT, MOBILIZE]), (article, [arrest])])
    assert ids(store.events(actor="usa")) == expect(MOBILIZE)
    assert ids(store.events(actor="Usa")) == expect(MOBILIZE)
    assert ids(store.events(actor="salem")) == [arrest.id]  # no code is "SALEM"
    assert ids(store.events(actor="isr")) == [arrest.id]
    assert list(store.events(actor="IS")) == []  # codes match whole, not in part


def test_many_matching_names_give_the_same_events(filled: Store, monkeypatch):
    """Past MAX_PARTY_NAMES matching names the filter tests every event's text instead of
    reading each name's events: the events found are the same."""
    cases = [{"actor": "korea"}, {"actor": "o"}, {"recipient": "a"}, {"actor": "%"}]
    by_names = [ids(filled.events(**case)) for case in cases]
    monkeypatch.setattr("sitrep.store.filters.MAX_PARTY_NAMES", 0)
    assert [ids(filled.events(**case)) for case in cases] == by_names
    assert all(by_names)


def test_long_party_texts_are_cut_in_the_column_only(store: Store):
    name = "the coalition of " + ", ".join(f"group {i}" for i in range(60)) + " and others"
    text = f"On Friday {name} marched in the capital."
    article = Article(text, title="March", outlet="Wire", published=date(2017, 7, 2))
    march = make_event(article, "marched", "PROTEST", "14", (name, None))
    store.add_article(article, [march])
    assert len(name) > PARTY_TEXT_MAX
    assert next(store.events())["actor"]["text"] == name  # the record keeps it whole
    assert ids(store.events(actor="group 59 and others")) == []  # past the cut
    assert ids(store.events(actor="group 7,")) == [march.id]


def test_filter_by_recipient_code_or_text(filled: Store):
    assert ids(filled.events(recipient="usa")) == expect(ACCUSE)
    assert ids(filled.events(recipient="Washington")) == expect(ACCUSE)
    assert ids(filled.events(recipient="JPN")) == expect(CONSULT)  # not REJECT's actor


def test_filter_by_dates_falls_back_to_publication(filled: Store):
    # ASSAULT happened on 1 May, reported 3 May; MOBILIZE has only the report's date.
    assert ids(filled.events(until=date(2017, 5, 2))) == expect(ASSAULT)
    assert ids(filled.events(since=date(2017, 5, 3), until=date(2017, 5, 3))) == expect(MOBILIZE)
    # CONSULT is planned for 12 June, in an article of 10 June.
    assert ids(filled.events(since=date(2017, 6, 11), until=date(2017, 6, 19))) == expect(CONSULT)
    # Undated events (no event date, no publication date) fall outside any date range.
    assert ids(filled.events(since=date(2017, 6, 20))) == expect(PROTEST, THREATEN)


def test_filter_by_outlet_and_article(filled: Store):
    assert ids(filled.events(outlet="yonhap")) == expect(ASSAULT, MOBILIZE)
    assert ids(filled.events(outlet="of America")) == expect(ACCUSE, CONSULT)
    assert ids(filled.events(article_id=WIRE.id)) == expect(PROTEST, THREATEN)
    assert list(filled.events(article_id="0" * 16)) == []


def test_filter_by_background(filled: Store):
    # ACCUSE is told as background; None keeps both
    assert ids(filled.events(background=True)) == expect(ACCUSE)
    assert ids(filled.events(background=False)) == expect(
        *(e for e in TIMELINE if e is not ACCUSE))
    assert ids(filled.events(background=None)) == expect(*TIMELINE)
    assert ids(filled.events(outlet="of America", background=False)) == expect(CONSULT)


def test_filters_combine(filled: Store):
    found = filled.events(types=["ASSAULT", "ACCUSE"], actor="PRK", since=date(2017, 6, 1))
    assert ids(found) == expect(ACCUSE)


def test_empty_filters_are_ignored(filled: Store):
    assert ids(filled.events(types=[""], actor="", recipient=" ", outlet="")) == expect(*TIMELINE)


@pytest.mark.parametrize("value", ["' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE events; --"])
def test_sql_in_filters_is_just_text(filled: Store, value: str):
    for found in (
        filled.events(types=[value]),
        filled.events(actor=value),
        filled.events(recipient=value),
        filled.events(outlet=value),
        filled.events(article_id=value),
    ):
        assert list(found) == []
    assert filled.counts()["events"] == len(TIMELINE)


def test_like_wildcards_in_filters_are_literal(filled: Store):
    assert ids(filled.events(actor="%")) == expect(PROTEST)  # only "the 99% Coalition"
    assert ids(filled.events(actor="_")) == expect(THREATEN)  # only "dockworkers_union"
    assert ids(filled.events(actor="99%_")) == []
    assert ids(filled.events(outlet="News_Wire")) == expect(PROTEST, THREATEN)  # not NewsXWire
    assert ids(filled.events(outlet="%")) == []


# -- reading articles ------------------------------------------------------------------------


def test_articles_listing(filled: Store):
    listed = list(filled.articles())
    assert [a["id"] for a in listed] == [YONHAP.id, VOA.id, WIRE.id, UNDATED.id]
    first = listed[0]
    assert first["title"] == "North fires missile"
    assert first["outlet"] == "Yonhap"
    assert first["published"] == "2017-05-03"
    assert first["dateline"] == "SEOUL"
    assert first["source"] == "yonhap.txt"
    assert first["n_events"] == 2
    assert first["n_chars"] == len(YONHAP_TEXT)
    assert first["ingested_at"].endswith("+00:00")
    assert "text" not in first
    assert listed[3]["published"] is None
    assert [a["id"] for a in filled.articles(limit=2, offset=1)] == [VOA.id, WIRE.id]


def test_one_article_with_text(filled: Store):
    found = filled.article(VOA.id)
    assert found is not None
    assert found["text"] == VOA_TEXT
    assert found["url"] == "https://example.org/voa/1"
    assert found["content_hash"] == VOA.content_hash
    assert found["language"] == "en"
    assert found["n_events"] == 2
    assert filled.article("0" * 16) is None


def test_counts(filled: Store):
    counts = filled.counts()
    assert counts["articles"] == 4
    assert counts["events"] == 7
    assert counts["places"] == 0
    assert counts["by_type"] == {
        "ACCUSE": 1, "ASSAULT": 1, "CONSULT": 1, "MOBILIZE": 1,
        "PROTEST": 1, "REJECT": 1, "THREATEN": 1,
    }
    assert counts["outlets"] == {"News_Wire": 1, "NewsXWire": 1, "Voice of America": 1,
                                 "Yonhap": 1}


def test_counts_of_an_empty_store(store: Store):
    assert store.counts() == {"articles": 0, "events": 0, "places": 0, "by_type": {},
                              "outlets": {}}
    assert list(store.articles()) == [] and list(store.events()) == []
    assert list(store.places()) == []


def test_events_table_keeps_upper_case_codes(store: Store):
    lower = replace(ACCUSE, event_type="accuse",
                    actor=replace(ACCUSE.actor, code="prk"))  # type: ignore[arg-type]
    store.add_article(VOA, [lower])
    assert ids(store.events(types=["ACCUSE"], actor="PRK")) == [lower.id]
    with store._engine.connect() as connection:
        row = connection.execute(select(events.c.event_type, events.c.actor_code)).one()
    assert tuple(row) == ("ACCUSE", "PRK")
    # ...while the record itself stays as the extractor wrote it.
    assert next(store.events())["actor"]["code"] == "prk"


# -- places ------------------------------------------------------------------------------


def test_places_are_stored_with_their_article_in_order(with_places: Store):
    assert list(with_places.places()) == (
        place_records(YONHAP, SEOUL, NORTH_KOREA, PENINSULA)  # by position in the text
        + place_records(VOA, PYONGYANG, JAPAN)
        + place_records(UNDATED, TOKYO)  # undated article last
    )
    assert with_places.counts()["places"] == 6
    assert with_places.counts()["events"] == len(TIMELINE)


def test_place_records_round_trip(with_places: Store):
    record = next(with_places.places())
    assert record == {"text": "SEOUL", "name": "Seoul", "kind": "capital", "precision": "city",
                      "country": "KOR",
                      "lat": 37.566, "lon": 126.978, "article_id": YONHAP.id,
                      "start": 0, "end": 5}
    assert YONHAP_TEXT[record["start"]:record["end"]] == record["text"]
    peninsula = list(with_places.places(article_id=YONHAP.id))[-1]
    assert peninsula["country"] is None


def test_places_by_article_and_country(with_places: Store):
    assert list(with_places.places(article_id=VOA.id)) == place_records(VOA, PYONGYANG, JAPAN)
    assert list(with_places.places(country="prk")) == (
        place_records(YONHAP, NORTH_KOREA) + place_records(VOA, PYONGYANG))
    assert list(with_places.places(country=" JPN ", article_id=UNDATED.id)) == (
        place_records(UNDATED, TOKYO))
    assert list(with_places.places(country="PR")) == []  # codes match whole
    assert list(with_places.places(article_id=WIRE.id)) == []  # stored without places
    assert list(with_places.places(country="' OR 1=1 --")) == []
    assert len(list(with_places.places(country="", article_id=""))) == 6


def test_places_paging(with_places: Store):
    everything = list(with_places.places())
    assert list(with_places.places(limit=2)) == everything[:2]
    assert list(with_places.places(limit=3, offset=2)) == everything[2:5]
    assert list(with_places.places(offset=5)) == everything[5:]
    assert list(with_places.places(limit=0)) == []


# An article that names Pyongyang twice and North Korea once more, later than the others.
REPEAT = Article("Pyongyang test-fired a missile, North Korea said. Pyongyang called it a "
                 "routine drill.", title="Another launch", outlet="Yonhap",
                 published=date(2017, 7, 1))
REPEAT_PLACES = [
    ArticlePlace("Pyongyang", "Pyongyang", "capital", "PRK", 39.019, 125.738, 0, 9),
    place(REPEAT, "North Korea", "North Korea", "country", "PRK", 40.3, 127.5),
    ArticlePlace("Pyongyang", "Pyongyang", "capital", "PRK", 39.019, 125.738, 50, 59),
]


@pytest.fixture
def with_repeated_places(with_places: Store) -> Store:
    assert with_places.add_article(REPEAT, [], REPEAT_PLACES)
    return with_places


def counted(name: str, kind: str, precision: str, country: str | None, lat: float, lon: float,
            mentions: int, n_articles: int, first: str | None, last: str | None) -> dict:
    return {"name": name, "kind": kind, "precision": precision, "country": country,
            "lat": lat, "lon": lon, "mentions": mentions, "articles": n_articles,
            "first_published": first, "last_published": last}


PYONGYANG_COUNT = counted("Pyongyang", "capital", "city", "PRK", 39.019, 125.738, 3, 2,
                          "2017-06-10", "2017-07-01")
NORTH_KOREA_COUNT = counted("North Korea", "country", "country", "PRK", 40.3, 127.5, 2, 2,
                            "2017-05-03", "2017-07-01")


def test_place_counts_are_one_per_place_most_mentioned_first(with_repeated_places: Store):
    assert list(with_repeated_places.place_counts()) == [
        PYONGYANG_COUNT,
        NORTH_KOREA_COUNT,
        # one mention each: by name
        counted("Japan", "country", "country", "JPN", 36.2, 138.25, 1, 1,
                "2017-06-10", "2017-06-10"),
        counted("Korean Peninsula", "peninsula", "region", None, 37.5, 127.5, 1, 1,
                "2017-05-03", "2017-05-03"),
        counted("Seoul", "capital", "city", "KOR", 37.566, 126.978, 1, 1,
                "2017-05-03", "2017-05-03"),
        counted("Tokyo", "capital", "city", "JPN", 35.69, 139.692, 1, 1, None, None),  # undated
    ]
    mentions = list(with_repeated_places.places())
    assert sum(c["mentions"] for c in with_repeated_places.place_counts()) == len(mentions)


def test_place_counts_by_article_and_country_with_paging(with_repeated_places: Store):
    store = with_repeated_places
    assert list(store.place_counts(article_id=REPEAT.id)) == [
        counted("Pyongyang", "capital", "city", "PRK", 39.019, 125.738, 2, 1,
                "2017-07-01", "2017-07-01"),
        counted("North Korea", "country", "country", "PRK", 40.3, 127.5, 1, 1,
                "2017-07-01", "2017-07-01"),
    ]
    assert list(store.place_counts(country=" prk ")) == [PYONGYANG_COUNT, NORTH_KOREA_COUNT]
    assert list(store.place_counts(country="' OR 1=1 --")) == []
    everything = list(store.place_counts())
    assert list(store.place_counts(limit=2, offset=1)) == everything[1:3]


def test_two_places_of_one_name_are_counted_apart(store: Store):
    springfields = [
        ArticlePlace("Springfield", "Springfield", "city", "USA", 39.80, -89.64, 0, 11),
        ArticlePlace("Springfield", "Springfield", "city", "USA", 37.21, -93.29, 20, 31),
    ]
    store.add_article(UNDATED, [], springfields)
    assert [(c["lat"], c["mentions"]) for c in store.place_counts()] == [(37.21, 1), (39.80, 1)]


def test_places_are_added_once(store: Store):
    assert store.add_article(VOA, [ACCUSE], [PYONGYANG, JAPAN]) is True
    before = list(store.places())
    assert store.add_article(VOA, [ACCUSE], [PYONGYANG, JAPAN]) is False
    # A known article's new places are not added either: the article is skipped whole.
    assert store.add_batch([(VOA, [], [TOKYO]), (YONHAP, [ASSAULT], [SEOUL]),
                            (YONHAP, [], [NORTH_KOREA])]) == 1
    assert list(store.places()) == place_records(YONHAP, SEOUL) + before
    assert store.counts()["places"] == 3


def test_place_country_codes_are_kept_upper_case(store: Store):
    store.add_article(UNDATED, [], [replace(TOKYO, country="jpn")])
    assert [p["country"] for p in store.places(country="JPN")] == ["JPN"]
    with store._engine.connect() as connection:
        assert connection.execute(select(places.c.country)).scalar() == "JPN"


def test_a_failed_batch_stores_no_places(store: Store):
    with pytest.raises(ValueError, match="belongs to article"):
        store.add_batch([(VOA, [ACCUSE], [PYONGYANG]), (YONHAP, [ACCUSE], [SEOUL])])
    assert store.counts()["places"] == 0
