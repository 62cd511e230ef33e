"""People beyond the G20 in the people table (sitrep/data/actors/people.tsv): leaders,
ministers, heads of international bodies and of armed and opposition groups resolve to their
country or body and role on the article's date, in phrases and sentences written for these
tests. The table's own consistency is checked in test_people_roles.py."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article
from sitrep.resolve.actors import ActorDictionary

D = date.fromisoformat


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.default()


@pytest.mark.parametrize(("phrase", "when", "code", "sector"), [
    # a sitting leader by surname, full name or title
    ("Maduro", "2019-03-04", "VEN", "GOV"),
    ("Venezuelan President Nicolas Maduro", "2016-07-01", "VEN", "GOV"),
    ("President William Ruto", "2023-05-10", "KEN", "GOV"),
    ("Prime Minister Abiy Ahmed", "2021-01-15", "ETH", "GOV"),
    ("Lukashenko", "2021-06-01", "BLR", "GOV"),
    ("Mark Rutte", "2025-06-24", "NATO", "IGO"),
    ("Pope Leo XIV", "2025-06-01", "VAT", "REL"),
    ("Tedros", "2020-03-11", "WHO", "IGO"),
    # dated role changes: the same person in another office
    ("Mark Rutte", "2015-06-01", "NLD", "GOV"),
    ("Sisi", "2013-07-03", "EGY", "MIL"),
    ("Sisi", "2016-01-01", "EGY", "GOV"),
    ("Anwar Ibrahim", "2010-01-01", "MYS", "OPP"),
    ("Anwar Ibrahim", "2023-01-01", "MYS", "GOV"),
    ("Ahmed al-Sharaa", "2020-01-01", "SYR", "REB"),
    ("Ahmed al-Sharaa", "2025-03-01", "SYR", "GOV"),
    ("Hibatullah Akhundzada", "2018-01-01", "AFG", "REB"),
    ("Hibatullah Akhundzada", "2022-01-01", "AFG", "GOV"),
    ("Hemedti", "2020-01-01", "SDN", "GOV"),
    ("Hemedti", "2024-01-01", "SDN", "REB"),
    # armed and opposition groups' leaders
    ("Nasrallah", "2020-01-01", "LBN", "REB"),
    ("Houthi leader Abdul-Malik al-Houthi", "2024-01-01", "YEM", "REB"),
    ("Abu Bakr al-Baghdadi", "2015-01-01", "ISIS", "REB"),
    ("Sviatlana Tsikhanouskaya", "2021-01-01", "BLR", "OPP"),
    ("Machado", "2024-08-01", "VEN", "OPP"),
    ("Navalny", "2021-01-18", "RUS", "OPP"),
    # a former leader after the term keeps the country, not the government
    ("Hosni Mubarak", "2015-01-01", "EGY", None),
    ("Evo Morales", "2022-01-01", "BOL", None),
])
def test_people_resolve_by_date(actors, phrase, when, code, sector) -> None:
    got = actors.resolve(phrase, D(when))
    assert (got.code, got.sector) == (code, sector)


@pytest.mark.parametrize("phrase", [
    "the Apple Store",       # "Store" is an English word: only "Støre" names him
    "Antonio Machado Ruiz",  # a surname followed by an unknown capitalised name
    "Ted Lasso",             # surnames that are words or common namesakes are left out
])
def test_common_words_and_namesakes_are_not_these_people(actors, phrase) -> None:
    assert actors.resolve(phrase) is None


def test_longer_names_win_over_a_shared_surname(actors) -> None:
    assert actors.resolve("Prince Albert II", D("2010-01-01")).code == "MCO"
    assert actors.resolve("King Albert II", D("2010-01-01")).code == "BEL"
    assert actors.resolve("Ludovic Orban", D("2020-06-01")).code == "ROU"
    assert actors.resolve("Orban", D("2020-06-01")).code == "HUN"
    assert actors.resolve("Riyad al-Maliki", D("2015-01-01")).code == "PSE"
    assert actors.resolve("al-Maliki", D("2010-01-01")).code == "IRQ"


@pytest.mark.parametrize(("text", "published", "trigger", "actor", "recipient"), [
    ("Maduro accused Washington of plotting a coup against his government.",
     date(2019, 3, 4), "accused", ("VEN", "GOV"), ("USA", "GOV")),
    ("Ruto met Museveni in Kampala on Tuesday.",
     date(2023, 5, 10), "met", ("KEN", "GOV"), ("UGA", "GOV")),
])
def test_sentences_code_the_leaders(text, published, trigger, actor, recipient) -> None:
    (processed,) = list(pipeline([Article(text=text, outlet="Test Wire", published=published)]))
    events = [e.to_record() for e in processed.events]
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert (event["actor"]["code"], event["actor"]["sector"]) == actor
    assert (event["recipient"]["code"], event["recipient"]["sector"]) == recipient
