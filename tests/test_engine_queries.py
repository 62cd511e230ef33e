"""Event listings on large databases: keyset paging (`Store.events(after=...)`) and the
indexes that keep a filtered page off a full sort (bench/query.py measures the speed)."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest
from alembic import command
from sqlalchemy import func, select

from sitrep.records import Article, Entity, Event, ResolvedDate
from sitrep.store import Store
from sitrep.store.database import alembic_config
from sitrep.store.filters import SORTS

POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]
TYPES = ["ASSAULT", "ACCUSE", "CONSULT"]


def invented_batch(n_articles: int) -> list[tuple[Article, list[Event]]]:
    """Articles of short invented sentences with three events each; some articles have no
    publication date and some events no date, so some events are undated."""
    batch = []
    for i in range(n_articles):
        text = (f"Troops shelled the town {i}. Ministers accused the rebels. "
                f"Envoys met in the capital on day {i}.")
        published = None if i % 7 == 3 else date(2024, 1, 1) + timedelta(days=i % 5)
        article = Article(text=text, published=published, outlet="Test Wire")
        events = []
        for k, word in enumerate(("shelled", "accused", "met")):
            start = text.index(word)
            when = (ResolvedDate("on day", date(2024, 2, 1) + timedelta(days=i % 3), "day")
                    if k == 2 and i % 2 else None)
            events.append(Event(article_id=article.id, event_type=TYPES[k], cameo="18",
                                trigger=Entity(word, start=start, end=start + len(word)),
                                sentence=text, sentence_start=0, date=when,
                                actor=Entity("Troops", code="XYZ", start=0, end=6),
                                published=published))
        batch.append((article, events))
    return batch


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "paging.db")
    else:
        url = POSTGRES_URL
    with Store(url) as store:
        if store.schema_revision() is not None:  # empty it, whatever earlier tests left
            command.downgrade(alembic_config(store.url), "base")
        store.migrate()
        store.add_batch(invented_batch(40))
        yield store


def test_keyset_pages_are_the_offset_pages(store: Store):
    everything = [e["id"] for e in store.events()]
    assert len(everything) == 120
    undated = [e for e in store.events() if not (e["event_date"] or e["published"])]
    assert undated and [e["id"] for e in undated] == everything[-len(undated):]

    for filters in ({}, {"types": ["ACCUSE"]}, {"types": ["ASSAULT", "CONSULT"]},
                    {"since": date(2024, 1, 3)}):
        expected = [e["id"] for e in store.events(**filters)]
        pages, after = [], None
        while True:
            page = [e["id"] for e in store.events(limit=7, after=after, **filters)]
            if not page:
                break
            pages.append(page)
            after = page[-1]
        assert [i for page in pages for i in page] == expected
        assert pages[:-1] == [expected[k : k + 7] for k in range(0, 7 * len(pages[:-1]), 7)]


@pytest.mark.parametrize("sort", ["date", "-date", "published", "-published"])
def test_offset_pages_cross_into_the_events_without_a_value(store: Store, sort):
    # events without a value to sort on are read by a second query: an offset that ends
    # among them, or past the events with one, must skip the right number of each
    everything = [e["id"] for e in store.events(sort=sort)]
    assert store.count_events() == len(everything) == 120
    with store.reading() as connection:
        n_valued = connection.execute(select(func.count()).where(
            SORTS[sort][0].is_not(None))).scalar()
    assert 0 < n_valued < 120
    for offset in (0, 5, n_valued - 3, n_valued, n_valued + 4, 118, 130):
        page = [e["id"] for e in store.events(sort=sort, limit=7, offset=offset)]
        assert page == everything[offset : offset + 7], offset
        rest = [e["id"] for e in store.events(sort=sort, offset=offset)]
        assert rest == everything[offset:], offset
    texts = list(store.events_json(sort=sort, limit=4, offset=n_valued - 2))
    assert [json.loads(t)["id"] for t in texts] == everything[n_valued - 2 : n_valued + 2]


def test_paging_from_an_unknown_event_or_both_ways_at_once(store: Store):
    assert list(store.events(after="0000000000000000")) == []
    first = next(store.events())["id"]
    with pytest.raises(ValueError, match="either"):
        list(store.events(after=first, offset=10))


def test_filtered_pages_walk_an_index_instead_of_sorting_all_matches(tmp_path):
    with Store(tmp_path / "plans.db") as store:
        store.migrate()
        store.add_batch(invented_batch(10))
        with store._engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
            for where in ("", "WHERE event_type = 'ACCUSE'",
                          "WHERE (timeline_date, article_id, evidence_start, id) > "
                          "('2024-01-02', 'a', 0, 'a')",
                          "WHERE actor_code = 'XYZ'", "WHERE recipient_code = 'XYZ'",
                          "WHERE actor_text = 'Troops'"):
                plan = " | ".join(row[3] for row in connection.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN SELECT record FROM events {where} ORDER BY "
                    "timeline_date ASC NULLS LAST, article_id, evidence_start, id LIMIT 50"))
                assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, (where, plan)


def test_party_names_are_found_by_trigram_index(store: Store):
    """Migration 0006 builds the trigram search over party names (FTS5 on SQLite, pg_trgm
    on PostgreSQL), and text filters find names through it."""
    with store._engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            plan = " | ".join(row[3] for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT name FROM party_names_fts WHERE name LIKE '%roop%'"))
            assert "VIRTUAL TABLE INDEX" in plan, plan
        else:
            connection.exec_driver_sql("SET enable_seqscan = off")  # a tiny table otherwise
            plan = " | ".join(connection.exec_driver_sql(
                "EXPLAIN SELECT name FROM party_names WHERE lower(name) LIKE '%%roop%%'").scalars())
            assert "ix_party_names_trigram" in plan, plan
    assert len(list(store.events(actor="ROOP"))) == 120
    assert list(store.events(actor="troopers")) == []
