"""Everyday phrasings of acts that the lexicon's single words miss: blame laid on someone,
restrictions tightened, prisoners caught again. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article


@pytest.fixture(scope="module")
def code():
    def run(text: str) -> list[dict]:
        article = Article(text=text, outlet="Test Wire", published=date(2022, 3, 15))
        (processed,) = list(pipeline([article]))
        return [e.to_record() for e in processed.events]

    return run


def of_type(events: list[dict], event_type: str) -> list[dict]:
    return [e for e in events if e["event_type"] == event_type]


def test_blame_put_on_a_party_is_an_accusation_of_it(code):
    (accuse,) = of_type(code("The Ecuadorean government placed the blame on Colombian "
                             "rebels on Tuesday."), "ACCUSE")
    assert accuse["actor"]["code"] == "ECU"
    assert accuse["recipient"]["code"] == "COL"
    (accuse,) = of_type(code("Armenia pinned the blame on Azerbaijan."), "ACCUSE")
    assert (accuse["actor"]["code"], accuse["recipient"]["code"]) == ("ARM", "AZE")


def test_blame_laid_for_a_bombing_makes_the_blamer_no_bomber(code):
    events = code("Nigerian officials laid the blame for the market bombing on the militants.")
    (accuse,) = of_type(events, "ACCUSE")
    assert accuse["actor"]["code"] == "NGA"
    assert all(e["actor"] is None or e["actor"]["code"] != "NGA"
               for e in of_type(events, "ASSAULT"))


def test_things_placed_on_something_are_no_blame(code):
    assert not of_type(code("Dock workers in Lagos placed the crates on the truck."), "ACCUSE")


def test_restrictions_tightened_or_reimposed_are_imposed(code):
    (coerce,) = of_type(code("Italy tightened restrictions on travel from India on Sunday."),
                        "COERCE")
    assert coerce["mode"] == "restrict"
    assert (coerce["actor"]["code"], coerce["recipient"]["code"]) == ("ITA", "IND")
    (coerce,) = of_type(code("Beijing reimposed a lockdown on the city of Xi'an."), "COERCE")
    assert coerce["actor"]["code"] == "CHN"


def test_tightening_what_restricts_no_one_is_no_act(code):
    assert not code("The Kenyan central bank tightened controls on lending.")
    assert not code("The Tanzanian committee extended the deadline for entries.")


def test_arrested_again_is_arrested(code):
    (arrest,) = of_type(code("Egyptian police rearrested the blogger on Monday."), "COERCE")
    assert arrest["mode"] == "arrest"
    assert arrest["actor"]["code"] == "EGY"
    (arrest,) = of_type(code("Russian guards are rearresting the protest leaders."), "COERCE")
    assert arrest["mode"] == "arrest"


def test_escaped_prisoners_recaptured_are_arrested_and_a_town_recaptured_is_taken(code):
    (arrest,) = of_type(code("Haitian police recaptured the escaped prisoners on Friday."),
                        "COERCE")
    assert arrest["mode"] == "arrest"
    assert arrest["actor"]["code"] == "HTI"
    events = code("Ukrainian forces recaptured the town of Kupiansk.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


def test_a_reaction_drawn_from_a_party_is_that_partys_act_on_the_drawer(code):
    for text in ("The Kenyan plan drew sharp condemnation from Somalia on Monday.",
                 "The Kenyan plan met with strong criticism from Somalia.",
                 "The Kenyan minister received criticism from Somalia."):
        (accuse,) = of_type(code(text), "ACCUSE")
        assert accuse["actor"]["code"] == "SOM", text
        assert accuse["recipient"]["code"] == "KEN", text


def test_a_reaction_drawn_with_no_source_keeps_no_doer(code):
    (accuse,) = of_type(code("The Kenyan plan drew criticism over its cost."), "ACCUSE")
    assert accuse["actor"] is None or accuse["actor"]["code"] != "KEN"


def test_encouraging_a_party_to_act_is_urging_it(code):
    (request,) = of_type(code("The Kenyan president encouraged Somalia to return to talks."),
                         "REQUEST")
    assert (request["actor"]["code"], request["recipient"]["code"]) == ("KEN", "SOM")
    (request,) = of_type(code("The UN envoy encouraged the Haitian police to speed up "
                              "investigations."), "REQUEST")
    assert request["recipient"]["code"] == "HTI"


def test_encouraging_a_thing_is_no_request(code):
    assert not of_type(code("The Indonesian governor encouraged investment in the region."),
                       "REQUEST")


def test_declining_to_take_part_is_a_rejection_and_declining_to_comment_is_not(code):
    (reject,) = of_type(code("Hungary declined to participate in the European resettlement "
                             "plan."), "REJECT")
    assert reject["actor"]["code"] == "HUN"
    assert not code("The Hungarian government declined to comment.")


def test_punitive_measures_against_a_party_are_sanctions(code):
    (sanction,) = of_type(code("Beijing took retaliatory measures against Canberra."),
                          "SANCTION")
    assert (sanction["actor"]["code"], sanction["recipient"]["code"]) == ("CHN", "AUS")
    (sanction,) = of_type(code("Analysts pointed to China's punitive measures against "
                               "Lithuania."), "SANCTION")
    assert (sanction["actor"]["code"], sanction["recipient"]["code"]) == ("CHN", "LTU")


def test_measures_against_no_party_are_no_sanction(code):
    assert not code("The Nairobi school introduced punitive measures for late students.")
    assert not of_type(code("Kenya announced new measures against inflation."), "SANCTION")


def test_a_warning_of_what_a_measure_would_bring_is_a_forecast(code):
    assert not of_type(code("The European Union warned that the Somali government's actions "
                            "would divide the country."), "THREATEN")
    assert not of_type(code("The Kenyan minister warned the plan would undermine the peace "
                            "process."), "THREATEN")
    (threat,) = of_type(code("Iran warned that it would retaliate against any attack."),
                        "THREATEN")
    assert threat["actor"]["code"] == "IRN"
