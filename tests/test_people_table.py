"""The people table (sitrep/data/actors/people.tsv): its rows are well formed and consistent,
and the people it names resolve to their country and role on the article's date, in phrases
and sentences written for these tests."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article
from sitrep.resolve.actors import DATA_DIR, ActorDictionary

D = date.fromisoformat
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Names the table's header forbids as a variant on their own: each is shared by many people.
AMBIGUOUS_SINGLE_NAMES = {"abbas", "khan", "sharif", "ali", "hassan", "mohammed", "mohamed",
                          "kim", "lee", "park", "wang", "store", "bennett", "sharon", "castro",
                          "sanchez", "sánchez", "rama", "saleh", "bashir", "aoun", "hariri"}


def _rows(name: str) -> list[list[str]]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")][1:]


@pytest.fixture(scope="module")
def people() -> list[list[str]]:
    return _rows("people.tsv")


@pytest.fixture(scope="module")
def roles_by_person(people) -> dict[str, list[list[str]]]:
    by_person: dict[str, list[list[str]]] = defaultdict(list)
    for row in people:
        by_person[row[0].split("|")[0]].append(row)
    return by_person


def test_rows_have_a_known_code_sector_and_ordered_dates(people) -> None:
    countries = {row[0] for row in _rows("countries.tsv")}
    # an international body or a group with its own code: an organizations row with no country
    own_codes = {row[1] for row in _rows("organizations.tsv")
                 if row[1] and not (row[3:] and row[3])}
    sectors = {row[0] for row in _rows("sectors.tsv")}
    assert len(people) >= 2000
    for row in people:
        assert len(row) == 6, row
        _, code, sector, role, start, end = row
        assert code in countries or code in own_codes, row
        assert sector in sectors, row
        assert role, row
        for day in (start, end):
            assert not day or (ISO_DATE.fullmatch(day) and date.fromisoformat(day)), row
        assert not (start and end) or start <= end, row


def test_rows_are_grouped_by_code_then_start(people) -> None:
    keys = [(row[1], row[4], row[0]) for row in people]
    assert keys == sorted(keys)
    assert len({tuple(row) for row in people}) == len(people)


def test_each_person_repeats_the_same_name_variants(roles_by_person) -> None:
    for person, rows in roles_by_person.items():
        assert len({row[0] for row in rows}) == 1, person


def test_a_name_variant_names_one_person(roles_by_person) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person, rows in roles_by_person.items():
        for variant in rows[0][0].split("|"):
            owners[variant.lower().replace("-", " ")].add(person)
    shared = {variant: names for variant, names in owners.items() if len(names) > 1}
    assert not shared


def test_ambiguous_single_names_are_not_variants(people) -> None:
    variants = {v.lower() for row in people for v in row[0].split("|")}
    assert not variants & AMBIGUOUS_SINGLE_NAMES


def test_one_persons_roles_under_different_codes_do_not_overlap(roles_by_person) -> None:
    for person, rows in roles_by_person.items():
        spans = [(row[1], D(row[4]) if row[4] else date.min, D(row[5]) if row[5] else date.max)
                 for row in rows]
        for i, (code, start, end) in enumerate(spans):
            for other, other_start, other_end in spans[i + 1:]:
                if code != other:
                    assert end < other_start or other_end < start, (person, code, other)


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
