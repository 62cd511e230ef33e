"""Linking over the store: stories, event clusters and series written, read back, kept
idempotent and rebuilt identically; on SQLite and on the PostgreSQL the test setup starts."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from sitrep.pipeline.link_stored import link_pending, rebuild_links, update_links
from sitrep.records import Article, Entity, Event, Location, ResolvedDate
from sitrep.store import Store, links
from sitrep.store.database import alembic_config
from sitrep.store.schema import articles, event_cluster_members, link_articles

POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]
PENINSULA = Location("the Korean Peninsula", "Korean Peninsula", None, 37.5, 127.5)

# Invented reports: two outlets on one launch, a later launch, and unrelated news.
MARCH_WIRE = Article(
    "North Korea fired a ballistic missile over the Korean Peninsula into the East Sea on "
    "Thursday, the Joint Chiefs of Staff in Seoul said. The missile flew about 1,000 "
    "kilometers. The launch came hours before a summit in Tokyo.",
    title="North Korea fires ballistic missile before Tokyo summit", outlet="Harbor Wire",
    published=date(2023, 3, 16))
MARCH_DAILY = Article(
    "Pyongyang launched a ballistic missile on Thursday, Japan's defense ministry said, in a "
    "show of force before the Tokyo summit. The missile flew for 70 minutes and fell into the "
    "sea west of Japan after crossing the Korean Peninsula.",
    title="Pyongyang launches missile as summit nears", outlet="Northern Ledger",
    published=date(2023, 3, 16))
JUNE_WIRE = Article(
    "North Korea fired two short-range ballistic missiles over the Korean Peninsula on "
    "Thursday, South Korea's military said, days after large live-fire drills near the "
    "border.",
    title="North Korea fires two short-range missiles", outlet="Harbor Wire",
    published=date(2023, 6, 15))
TARIFFS = Article(
    "The United States raised tariffs on imported steel and aluminum on Thursday, the "
    "commerce department said, and trading partners promised to respond.",
    title="US raises steel tariffs", outlet="Capital Report", published=date(2023, 3, 16))


def launch(article: Article, trigger: str, actor: str, day: date) -> Event:
    text = article.text
    at = text.index(trigger)
    end = text.index(".", at) + 1
    start = text.index(actor)
    return Event(article_id=article.id, event_type="MOBILIZE", cameo="15", mode="weapons",
                 trigger=Entity(trigger, start=at, end=at + len(trigger)),
                 sentence=text[:end], sentence_start=0,
                 actor=Entity(actor, code="PRK", sector="GOV", start=start,
                              end=start + len(actor)),
                 date=ResolvedDate("on Thursday", day, "day"), location=PENINSULA,
                 outlet=article.outlet, published=article.published)


def raise_tariffs(article: Article) -> Event:
    at = article.text.index("raised")
    return Event(article_id=article.id, event_type="SANCTION", cameo="16",
                 trigger=Entity("raised", start=at, end=at + 6),
                 sentence=article.text.split(", the")[0], sentence_start=0,
                 actor=Entity("The United States", code="USA", start=0, end=17),
                 date=ResolvedDate("on Thursday", article.published, "day"),
                 outlet=article.outlet, published=article.published)


BATCH = [
    (MARCH_WIRE, [launch(MARCH_WIRE, "fired", "North Korea", date(2023, 3, 16))]),
    (MARCH_DAILY, [launch(MARCH_DAILY, "launched", "Pyongyang", date(2023, 3, 16))]),
    (JUNE_WIRE, [launch(JUNE_WIRE, "fired", "North Korea", date(2023, 6, 15))]),
    (TARIFFS, [raise_tariffs(TARIFFS)]),
]
IDS = [article.id for article, _ in BATCH]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path: Path):
    if request.param == "sqlite":
        s = Store(tmp_path / "links.db")
    else:
        s = Store(POSTGRES_URL)  # type: ignore[arg-type]
        if s.schema_revision() is not None:
            from alembic import command

            command.downgrade(alembic_config(s.url), "base")
    s.migrate()
    yield s
    s.close()


@pytest.fixture
def linked(store: Store) -> Store:
    assert store.add_batch(BATCH) == 4
    report = update_links(store, IDS)
    assert report.articles == 4
    return store


def snapshot(store: Store) -> str:
    """Everything the link stage made, as one comparable text."""
    return json.dumps({
        "stories": links.stories(store),
        "clusters": links.event_clusters(store),
        "series": links.series_list(store),
    }, sort_keys=True)


def test_two_outlets_on_one_launch_make_one_story_and_one_event(linked: Store):
    story_id = links.story_of_article(linked, MARCH_WIRE.id)
    assert story_id == links.story_of_article(linked, MARCH_DAILY.id)
    assert links.story_of_article(linked, JUNE_WIRE.id) != story_id
    assert links.story_of_article(linked, TARIFFS.id) != story_id
    story = links.story(linked, story_id)
    first = min([MARCH_WIRE, MARCH_DAILY], key=lambda a: a.id)  # same day: by id
    assert story == {
        "id": story_id, "title": first.title, "start": "2023-03-16", "end": "2023-03-16",
        "n_articles": 2, "outlets": ["Harbor Wire", "Northern Ledger"],
        "article_ids": sorted([MARCH_WIRE.id, MARCH_DAILY.id]),
    }
    clusters = links.event_clusters(linked, story_id)
    assert len(clusters) == 1
    assert clusters[0]["n_articles"] == 2 and clusters[0]["event_date"] == "2023-03-16"
    assert {m["article_id"] for m in clusters[0]["mentions"]} == {MARCH_WIRE.id, MARCH_DAILY.id}


def test_the_june_launch_is_a_distinct_event_of_the_same_series(linked: Store):
    [series] = links.series_list(linked)
    assert series["title"] == "PRK missile launches — Korean Peninsula"
    assert [e["timeline_date"] for e in series["events"]] == ["2023-03-16", "2023-06-15"]
    assert [e["n_articles"] for e in series["events"]] == [2, 1]
    assert series["start"] == "2023-03-16" and series["end"] == "2023-06-15"


def test_listings_are_json_ready_and_page(linked: Store):
    everything = links.stories(linked)
    assert [s["n_articles"] for s in everything] == [2, 1, 1]
    assert links.stories(linked, limit=1, offset=1) == everything[1:2]
    assert [s["id"] for s in links.stories_list(linked, min_articles=2)] == [everything[0]["id"]]
    assert links.story(linked, "nope") is None
    json.dumps([everything, links.event_clusters(linked), links.series_list(linked)])
    articles_of = links.story_articles(linked, everything[0]["id"])
    assert [a["outlet"] for a in articles_of] == ["Harbor Wire", "Northern Ledger"] or \
        [a["outlet"] for a in articles_of] == ["Northern Ledger", "Harbor Wire"]
    assert links.link_counts(linked) == {
        "articles": 4, "stories": 3, "multi_article_stories": 1, "event_clusters": 3,
        "multi_article_events": 1, "series": 1}


def test_linking_again_changes_nothing(linked: Store):
    before = snapshot(linked)
    assert update_links(linked, IDS).articles == 0
    assert linked.add_batch(BATCH) == 0
    assert link_pending(linked).articles == 0
    assert snapshot(linked) == before


def test_a_rebuild_is_idempotent(linked: Store):
    first = rebuild_links(linked)
    once = snapshot(linked)
    second = rebuild_links(linked)
    assert first.articles == second.articles == 4
    assert snapshot(linked) == once
    assert links.link_counts(linked)["stories"] == 3


def test_articles_stored_without_linking_are_caught_up(store: Store):
    store.add_batch(BATCH[:2])
    store.add_batch(BATCH[2:])
    assert links.link_counts(store)["articles"] == 0
    assert link_pending(store).articles == 4
    assert links.link_counts(store)["stories"] == 3


def test_arrival_order_does_not_split_the_story(store: Store):
    store.add_batch(BATCH)
    for article_id in reversed(IDS):  # one article per batch, newest first
        update_links(store, [article_id])
    assert links.story_of_article(store, MARCH_WIRE.id) == links.story_of_article(
        store, MARCH_DAILY.id)
    assert links.series_list(store)[0]["n_events"] == 2


def test_story_ids_survive_a_rebuild_after_newest_first_arrival(store: Store):
    store.add_batch(BATCH)
    for article_id in reversed(IDS):  # the story is started by its later article
        update_links(store, [article_id])
    before = {a: links.story_of_article(store, a) for a in IDS}
    rebuild_links(store)  # links in publication order: another article comes first
    assert {a: links.story_of_article(store, a) for a in IDS} == before
    assert links.story(store, before[MARCH_WIRE.id])["n_articles"] == 2


def test_a_split_story_keeps_its_id_for_one_part_only(store: Store):
    store.add_batch(BATCH)
    link_pending(store)
    with store._engine.begin() as connection:  # as if both launches were one story before
        connection.execute(link_articles.update()
                           .where(link_articles.c.article_id == JUNE_WIRE.id)
                           .values(story_id=links.story_of_article(store, MARCH_WIRE.id)))
    old = links.story_of_article(store, JUNE_WIRE.id)
    rebuild_links(store)
    assert links.story_of_article(store, MARCH_WIRE.id) == old
    assert links.story_of_article(store, JUNE_WIRE.id) != old


def test_deleting_an_article_deletes_its_link_rows(linked: Store):
    with linked._engine.begin() as connection:
        connection.execute(delete(articles).where(articles.c.id == MARCH_DAILY.id))
        n_linked = connection.execute(select(func.count()).select_from(link_articles)).scalar()
        n_members = connection.execute(
            select(func.count()).select_from(event_cluster_members)).scalar()
    assert (n_linked, n_members) == (3, 3)
