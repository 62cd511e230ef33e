"""How precisely an event's place is located (`location.precision`), on sentences written
for these tests, and the same precision on the places an article mentions."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import get_args

import pytest

from sitrep.pipeline import ProcessedArticle, pipeline
from sitrep.records import PRECISION_OF_KIND, Article, ArticlePlace, Location, LocationPrecision
from sitrep.resolve.places import PLACES_DIR


@pytest.fixture(scope="module")
def code():
    def run(text: str) -> ProcessedArticle:
        article = Article(text=text, outlet="Test Wire", published=date(2023, 6, 9))
        (processed,) = list(pipeline([article]))
        return processed

    return run


def location(processed: ProcessedArticle, event_type: str) -> dict:
    (event,) = [e for e in processed.events if e.event_type == event_type]
    return event.to_record()["location"]


@pytest.mark.parametrize("text, name, precision", [
    # the town the act hit, not the province the sentence goes on to name
    ("Troops fired shells at the town of Avdiivka in Donetsk province on Monday.",
     "Avdiyivka", "city"),
    ("Gunmen attacked a police station in the town of Dikwa in Borno state on Sunday.",
     "Dikwa", "city"),
    ("Police arrested twelve protesters in Minsk on Monday.", "Minsk", "city"),  # a capital
    ("Troops fired shells at villages in Donetsk province on Monday.", "Donetsk", "division"),
    ("Rebels attacked an army post in Borno state on Sunday.", "Borno", "division"),
    ("Troops fired shells at targets in Ukraine on Monday.", "Ukraine", "country"),
    ("Militants fired rockets at Camp Humphreys on Tuesday.", "Camp Humphreys", "point"),
    ("Fighter jets bombed targets at the Pilseung range on Friday.", "Pilseung Range", "point"),
    ("North Korea fired a missile into the East Sea on Tuesday.", "East Sea", "region"),
])
def test_an_events_place_says_how_precisely_it_is_located(code, text: str, name: str,
                                                          precision: str) -> None:
    processed = code(text)
    (event,) = processed.events
    where = event.to_record()["location"]
    assert (where["name"], where["precision"]) == (name, precision)


def test_the_places_an_article_mentions_carry_the_same_precision(code) -> None:
    processed = code("Gunmen attacked a police station in the town of Dikwa in Borno state "
                     "on Sunday.")
    records = {p.name: p.to_record(processed.article.id) for p in processed.places}
    assert (records["Dikwa"]["kind"], records["Dikwa"]["precision"]) == ("city", "city")
    assert (records["Borno"]["kind"], records["Borno"]["precision"]) == ("admin1", "division")
    assert location(processed, "ASSAULT")["precision"] == records["Dikwa"]["precision"]


def test_an_unresolved_phrase_has_no_precision() -> None:
    assert Location("somewhere in the north").to_record()["precision"] is None


def test_a_kind_the_table_does_not_know_has_no_precision() -> None:
    place = ArticlePlace("Atlantis", "Atlantis", "sunken city", None, 0.0, 0.0, 0, 8)
    assert place.precision is None
    assert place.to_record("a1")["precision"] is None


def _packaged_kinds() -> set[str]:
    """Every kind of place the packaged gazetteer tables hold."""
    kinds = {"country", "capital", "admin1", "city"}  # countries.tsv, regions, cities
    lines = (PLACES_DIR / "features.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    kind_column = rows[0].index("kind")
    kinds |= {row[kind_column] for row in rows[1:]}
    local = PLACES_DIR / "local_places.sqlite"
    if local.exists():
        with sqlite3.connect(f"{local.resolve().as_uri()}?mode=ro", uri=True) as connection:
            kinds |= {kind for (kind,) in connection.execute("SELECT DISTINCT kind FROM place")}
    return kinds


def test_every_kind_of_the_packaged_gazetteer_has_a_precision() -> None:
    kinds = _packaged_kinds()
    assert {"base", "sea", "admin2"} <= kinds  # the tables were read
    assert kinds - set(PRECISION_OF_KIND) == set()
    assert set(PRECISION_OF_KIND.values()) == set(get_args(LocationPrecision))
