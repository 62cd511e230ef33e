"""Date expressions: finding them in text and resolving them against the publication date."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from sitrep.resolve.dates import (
    DateExpression,
    anaphoric_day_offset,
    find_date_expressions,
    resolve_date,
)

FIXTURE = Path(__file__).parent / "fixtures" / "date_expressions.tsv"
P_THURSDAY = date(2017, 11, 2)
P_WEDNESDAY = date(2017, 5, 3)


def _fixture_rows() -> list[dict[str, str]]:
    lines = [line for line in FIXTURE.read_text("utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_fixture_is_large_and_varied():
    rows = _fixture_rows()
    assert len(rows) >= 180
    assert {r["tense"] for r in rows} == {"", "past", "future"}
    assert {r["precision"] for r in rows} == {"", "day", "month", "year"}
    assert any(r["published"] == "" for r in rows)


def test_fixture_resolves_at_least_97_percent():
    rows = _fixture_rows()
    failures = []
    for row in rows:
        published = date.fromisoformat(row["published"]) if row["published"] else None
        resolved = resolve_date(row["text"], published, tense=row["tense"] or None)
        got = (resolved.value.isoformat() if resolved.value else "", resolved.precision or "")
        if got != (row["value"], row["precision"]):
            failures.append(f"{row['published']} {row['tense'] or '-'} {row['text']!r}: "
                            f"expected {row['value'] or None} {row['precision'] or None}, "
                            f"got {got[0] or None} {got[1] or None}")
    print("\n".join(failures))
    assert len(rows) - len(failures) >= 0.97 * len(rows), "\n".join(failures)


@pytest.mark.parametrize(
    "published, tense, expression, value, precision",
    [
        (P_THURSDAY, None, "on Thursday", date(2017, 11, 2), "day"),
        (P_THURSDAY, None, "last Saturday", date(2017, 10, 28), "day"),
        (P_THURSDAY, None, "In July", date(2017, 7, 1), "month"),
        (P_THURSDAY, None, "In September", date(2017, 9, 1), "month"),
        (P_THURSDAY, "future", "on Friday", date(2017, 11, 3), "day"),
        (P_WEDNESDAY, None, "on Monday", date(2017, 5, 1), "day"),
        (P_WEDNESDAY, None, "Monday", date(2017, 5, 1), "day"),
        (P_WEDNESDAY, None, "yesterday", date(2017, 5, 2), "day"),
        (P_WEDNESDAY, None, "on Tuesday", date(2017, 5, 2), "day"),
        (P_WEDNESDAY, None, "Last week", None, None),
        (P_WEDNESDAY, None, "today", date(2017, 5, 3), "day"),
        (P_WEDNESDAY, None, "on Saturday", date(2017, 4, 29), "day"),
        (P_WEDNESDAY, None, "on May 9", date(2017, 5, 9), "day"),
        (P_WEDNESDAY, "future", "on May 9", date(2017, 5, 9), "day"),
        (P_WEDNESDAY, None, "in 2010", date(2010, 1, 1), "year"),
    ],
)
def test_must_resolve_examples(published, tense, expression, value, precision):
    resolved = resolve_date(expression, published, tense=tense)
    assert (resolved.text, resolved.value, resolved.precision) == (expression, value, precision)


def test_unknown_publication_date_keeps_text_but_no_value():
    resolved = resolve_date("last Saturday", None, tense="past")
    assert (resolved.text, resolved.value, resolved.precision) == ("last Saturday", None, None)


def test_not_a_date_is_unresolved():
    resolved = resolve_date("the 12-day trip", P_THURSDAY)
    assert (resolved.value, resolved.precision) == (None, None)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("North Korea fired a ballistic missile on Thursday, the South's military said.",
         ["on Thursday"]),
        ("The US may make a decision within days, officials said.", []),
        ("Thousands joined a march in the capital on Saturday.", ["on Saturday"]),
        ("Veterans plan to march in March to mark the anniversary.", ["in March"]),
        ("The 12-day trip will take him to five countries.", []),
        ("A week after the summit, the two sides met again.", []),
        ("The army moved 320,000 troops and 28,500 vehicles to the border.", []),
        ("South Korean F-16K fighters flew as a Minuteman III missile was tested.", []),
        ("The bombers flew 6,000 kilometres hours before the talks began.", []),
        ("In July, the ministry said it had tested a new engine.", ["In July"]),
        ("Talks were held in Geneva on May 9 and again last week.", ["on May 9", "last week"]),
        ("The accord signed on 3 May 2017 replaced one from 2010.",
         ["on 3 May 2017", "from 2010"]),
        ("Prime Minister Theresa May visited Tokyo in May.", ["in May"]),
        ("Since early 2016 the rebels have held the town.", ["Since early 2016"]),
        ("Fighting eased in mid-July but flared again at the end of May.",
         ["in mid-July", "at the end of May"]),
        ("The ceasefire is expected to take effect by the end of the year.",
         ["by the end of the year"]),
        ("Two days ago the envoy arrived; she leaves tomorrow.", ["Two days ago", "tomorrow"]),
        ("The vote, first planned for Nov. 2, 2017, was delayed until next month.",
         ["Nov. 2, 2017", "until next month"]),
        ("Sailors of the 7th Fleet returned to port on the 5th.", ["on the 5th"]),
        ("The Sunday Times reported that Good Friday services were cancelled.", []),
        ("Officials said Thursday night that the 2018 summit would go ahead.",
         ["Thursday night", "2018"]),
        ("About 2000 troops took part in drills between 2010 and 2015.",
         ["between 2010 and 2015"]),
        ("The meeting ran from Monday to Wednesday in Brussels.", ["from Monday to Wednesday"]),
        ("Exports fell sharply in the 1990s and again earlier this year.",
         ["in the 1990s", "earlier this year"]),
        ("A spokesman said late Tuesday that the 2017-05-03 order still stands.",
         ["late Tuesday", "2017-05-03"]),
        ("Yesterday morning the embassy closed; it reopens on Friday, Nov. 3.",
         ["Yesterday morning", "on Friday, Nov. 3"]),
        ("Joint drills ran on May 3-5 near Pohang.", ["on May 3-5"]),
        ("Last summer's floods, which began on the 31st of July, killed 40 people.",
         ["Last summer", "on the 31st of July"]),
        ("Lebanon Thursday began repairs to the port.", ["Thursday"]),
        ("Pyongyang's 2017 test drew condemnation, as did one in 2016.", ["2017", "in 2016"]),
        ("The agency estimated in 2021 that 24 million people needed aid.", ["in 2021"]),
        ("The 19th Party Congress opened during the 21st century's busiest week.", []),
    ],
)
def test_find_date_expressions(sentence, expected):
    found = find_date_expressions(sentence)
    assert [e.text for e in found] == expected
    assert all(sentence[e.start:e.end] == e.text for e in found)


@pytest.mark.parametrize(("sentence", "expression", "offset"), [
    ("Police arrested him the same day.", "the same day", 0),
    ("Later that day, the minister resigned.", "Later that day", 0),
    ("He appeared in court on the next day.", "on the next day", 1),
    ("The following morning, troops left.", "The following morning", 1),
    ("The previous day, the army shelled the town.", "The previous day", -1),
    ("Later in the day, the minister resigned.", "Later in the day", 0),
    ("Hours later, the minister resigned.", "Hours later", 0),
    ("The gunman had fled a few minutes earlier.", "a few minutes earlier", 0),
    ("Two days later, the minister resigned.", "Two days later", 2),
    ("The army had left a day earlier.", "a day earlier", -1),
    ("Troops returned 10 days afterwards.", "10 days afterwards", 10),
])
def test_anaphoric_days_are_found_and_count_from_another_day(sentence, expression, offset):
    [found] = find_date_expressions(sentence)
    assert found.text == expression and anaphoric_day_offset(found.text) == offset
    assert resolve_date(found.text, date(2017, 5, 3)).value is None  # not from publication
    assert anaphoric_day_offset("on Monday") is None


@pytest.mark.parametrize("sentence", [
    "A few days later, the minister resigned.",  # no count
    "Two days before the vote, the minister resigned.",  # counted from the vote
    "The shooting lasted 36 minutes after the alarm.",  # counted from the alarm
])
def test_days_counted_from_no_day_mentioned_are_no_anaphora(sentence):
    assert all(anaphoric_day_offset(e.text) is None for e in find_date_expressions(sentence))


def test_find_gives_offsets_in_a_longer_text():
    text = "SEOUL, Nov. 2 (Yonhap) -- Two US bombers flew over the peninsula on Thursday."
    assert find_date_expressions(text) == [
        DateExpression("Nov. 2", 7, 13),
        DateExpression("on Thursday", 65, 76),
    ]




@pytest.mark.parametrize(
    "expression, tense, start, end",
    [
        ("last week", None, date(2017, 4, 24), date(2017, 4, 30)),
        ("this week", None, date(2017, 5, 1), date(2017, 5, 7)),
        ("next week", "future", date(2017, 5, 8), date(2017, 5, 14)),
        # weekends run Saturday to Sunday: the one just gone, or in the future the next
        ("over the weekend", "past", date(2017, 4, 29), date(2017, 4, 30)),
        ("last weekend", None, date(2017, 4, 29), date(2017, 4, 30)),
        ("at the weekend", "future", date(2017, 5, 6), date(2017, 5, 7)),
        ("next weekend", "future", date(2017, 5, 6), date(2017, 5, 7)),
        ("In July", "past", date(2016, 7, 1), date(2016, 7, 31)),
        ("in February", "future", date(2018, 2, 1), date(2018, 2, 28)),
        ("in 2010", None, date(2010, 1, 1), date(2010, 12, 31)),
        ("yesterday", None, date(2017, 5, 2), date(2017, 5, 2)),
        ("in the 1990s", None, date(1990, 1, 1), date(1999, 12, 31)),
        ("the late 1980s", None, date(1980, 1, 1), date(1989, 12, 31)),
    ],
)
def test_ranges_cover_the_whole_span(expression, tense, start, end):
    # published Wednesday 2017-05-03; weeks run Monday to Sunday; weeks and decades have no
    # single date
    resolved = resolve_date(expression, date(2017, 5, 3), tense=tense)
    assert (resolved.range_start, resolved.range_end) == (start, end)
    if "week" in expression or "0s" in expression:
        assert resolved.value is None and resolved.precision is None


@pytest.mark.parametrize(("sentence", "expression", "tense", "value"), [
    ("Rebels shelled the town on Christmas Eve.", "on Christmas Eve", "past", date(2016, 12, 24)),
    ("The truce ends on New Year’s Day.", "on New Year’s Day", "future", date(2018, 1, 1)),
    ("Talks resumed on New Year's Eve 2015 in Oslo.", "on New Year's Eve 2015", "past",
     date(2015, 12, 31)),
    ("Shops stayed shut on Boxing Day.", "on Boxing Day", "past", date(2016, 12, 26)),
])
def test_a_day_named_for_what_falls_on_it_is_that_day_of_its_month(sentence, expression,
                                                                     tense, value):
    [found] = find_date_expressions(sentence)
    assert found.text == expression
    resolved = resolve_date(found.text, P_WEDNESDAY, tense=tense)
    assert (resolved.value, resolved.precision) == (value, "day")


@pytest.mark.parametrize("sentence", [
    "The family sailed to Christmas Island.",  # a place
    "His New Year's resolution was to quit.",  # not the day
    "New York police arrested a man.",
])
def test_names_that_are_no_named_day_are_no_date(sentence):
    assert find_date_expressions(sentence) == []


def test_on_a_weekend_day_last_weekend_is_the_one_before():
    saturday = date(2017, 5, 6)
    last = resolve_date("last weekend", saturday)
    assert (last.range_start, last.range_end) == (date(2017, 4, 29), date(2017, 4, 30))
    this = resolve_date("over the weekend", saturday, tense="past")
    assert (this.range_start, this.range_end) == (date(2017, 5, 6), date(2017, 5, 7))


def test_the_weekend_with_no_preposition_is_no_date():
    assert find_date_expressions("The weekend was calm in the capital.") == []
