"""Officials the news quotes by name (people.tsv): UN ambassadors, spokespeople, central-bank,
intelligence and army chiefs resolve to the country they serve on the article's date, not to
the country the story is set in; outside their posts they keep the country without its
government, or take their later office. Phrases and sentences written for these tests."""

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
    # UN ambassadors: the country they represent
    ("Fu Cong", "2025-06-20", "CHN", "GOV"),
    ("Vassily Nebenzia", "2023-05-01", "RUS", "GOV"),
    ("Nikki Haley", "2018-05-01", "USA", "GOV"),
    ("Nikki Haley", "2023-06-01", "USA", None),          # a candidate, not in office
    ("Danny Danon", "2017-01-01", "ISR", "GOV"),
    ("Danny Danon", "2022-01-01", "ISR", None),          # between his two terms
    ("Bashar al-Jaafari", "2015-01-01", "SYR", "GOV"),
    ("Bashar al-Jaafari", "2025-06-01", "SYR", None),    # Assad's government has fallen
    # one person, successive offices
    ("Mike Waltz", "2022-01-01", "USA", "LEG"),
    ("Mike Waltz", "2025-03-01", "USA", "GOV"),
    ("Mike Waltz", "2025-07-01", "USA", None),
    ("Mike Waltz", "2025-10-01", "USA", "GOV"),
    ("John Kirby", "2016-01-01", "USA", "GOV"),          # State Department
    ("John Kirby", "2021-06-01", "USA", "MIL"),          # Pentagon
    ("John Kirby", "2023-06-01", "USA", "GOV"),          # National Security Council
    ("Mark Carney", "2016-01-01", "GBR", "GOV"),         # Bank of England
    ("Mark Carney", "2025-06-01", "CAN", "GOV"),         # Prime Minister
    ("Jay Carney", "2013-09-01", "USA", "GOV"),          # a namesake's full name is his own
    ("Mario Draghi", "2015-01-01", "EU", "IGO"),         # European Central Bank
    ("Mario Draghi", "2021-06-01", "ITA", "GOV"),
    ("Janet Yellen", "2016-01-01", "USA", "GOV"),
    ("Janet Yellen", "2019-01-01", "USA", None),
    ("Agustin Carstens", "2015-01-01", "MEX", "GOV"),
    ("Agustin Carstens", "2020-01-01", "BIS", "IGO"),
    # spokespeople
    ("Kremlin spokesman Dmitry Peskov", "2022-03-01", "RUS", "GOV"),
    ("Maria Zakharova", "2022-03-01", "RUS", "GOV"),
    ("Karine Jean-Pierre", "2023-01-01", "USA", "GOV"),
    ("Avichay Adraee", "2024-10-01", "ISR", "MIL"),
    ("Esmaeil Baghaei", "2025-06-01", "IRN", "GOV"),
    # intelligence, police and army chiefs
    ("Ibrahim Kalin", "2020-01-01", "TUR", "GOV"),
    ("Kash Patel", "2025-06-01", "USA", "COP"),          # the FBI, as its own row
    ("Christopher Wray", "2025-06-01", "USA", None),
    ("Valery Gerasimov", "2023-01-01", "RUS", "MIL"),
    ("Bipin Rawat", "2018-01-01", "IND", "MIL"),
    ("Ajit Doval", "2024-12-18", "IND", "GOV"),
    # envoys
    ("Witkoff", "2025-04-01", "USA", "GOV"),
    ("Martin Griffiths", "2019-06-01", "UNO", "IGO"),   # UN envoy for Yemen
    ("Martin Griffiths", "2022-06-01", "OCHA", "IGO"),  # then humanitarian chief
])
def test_officials_resolve_by_date(actors, phrase, when, code, sector) -> None:
    got = actors.resolve(phrase, D(when))
    assert (got.code, got.sector) == (code, sector)


@pytest.mark.parametrize("phrase", [
    "Gerasimov",     # a surname many Russians share: only the full name is his
    "Jean-Pierre",   # a first name, not the press secretary
    "Ravish Kumar",  # a journalist, not the ministry's spokesman Raveesh Kumar
])
def test_shared_names_are_not_these_officials(actors, phrase) -> None:
    assert actors.resolve(phrase, D("2023-01-01")) is None


@pytest.mark.parametrize(("text", "published", "trigger", "actor", "recipient"), [
    # set in Iran, but the speaker is China's ambassador
    ("Iranian officials said talks would resume in Tehran next week. Fu Cong accused "
     "Washington of fuelling the crisis on Friday.",
     date(2025, 6, 20), "accused", ("CHN", "GOV"), ("USA", "GOV")),
    ("Maria Zakharova condemned the sanctions imposed by London.",
     date(2022, 3, 1), "condemned", ("RUS", "GOV"), ("GBR", "GOV")),
    ("Avichay Adraee warned residents of southern Lebanon to leave their homes.",
     date(2024, 10, 1), "warned", ("ISR", "MIL"), ("LBN", "CVL")),
])
def test_sentences_code_the_officials(text, published, trigger, actor, recipient) -> None:
    (processed,) = list(pipeline([Article(text=text, outlet="Test Wire", published=published)]))
    events = [e.to_record() for e in processed.events]
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert (event["actor"]["code"], event["actor"]["sector"]) == actor
    assert (event["recipient"]["code"], event["recipient"]["sector"]) == recipient
