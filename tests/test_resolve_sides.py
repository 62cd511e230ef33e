"""Which side of an act a party is on (sitrep/resolve/events.py, extract/arguments.py), on
short articles written for these tests: the other side named in the act never gives the
doer its country, and what merely sets the scene is no party."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article


@pytest.fixture(scope="module")
def code():
    def run(text: str) -> list[dict]:
        article = Article(text=text, title=None, outlet="Test Wire", published=date(2023, 5, 2))
        (processed,) = list(pipeline([article]))
        return [e.to_record() for e in processed.events]

    return run


def _party(event: dict, side: str) -> tuple[str | None, str | None]:
    party = event.get(side) or {}
    return party.get("text"), party.get("code")


@pytest.mark.parametrize("text", [
    "The president hosted his Zambian counterpart in the capital on Monday.",
    "The prime minister welcomed her Zambian counterpart at the state house on Monday.",
])
def test_a_counterpart_is_the_other_side_and_not_the_hosts_country(code, text):
    (event,) = [e for e in code(text) if e["plover_type"] == "CONSULT"]
    assert "counterpart" in _party(event, "recipient")[0]
    assert _party(event, "recipient")[1] == "ZMB"
    assert _party(event, "actor")[1] != "ZMB"


def test_the_visitor_is_not_of_the_country_visited(code):
    (event,) = [e for e in code("The minister is scheduled to visit Lusaka next week, "
                                "officials said.") if e["mode"] == "visit"]
    assert _party(event, "recipient")[1] == "ZMB"
    assert _party(event, "actor")[1] != "ZMB"


def test_a_visitor_named_by_country_keeps_it(code):
    (event,) = [e for e in code("Chile's foreign minister is scheduled to visit Lusaka next "
                                "week.") if e["mode"] == "visit"]
    assert _party(event, "actor")[1] == "CHL"
    assert _party(event, "recipient")[1] == "ZMB"


def _assaults(events: list[dict]) -> list[dict]:
    return [e for e in events if e["plover_type"] == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "The Sudanese army's airstrikes on a market in Omdurman killed twelve people on Monday. "
    "The Rapid Support Forces' shelling of a camp near El Fasher killed nine people.",
    "Sudanese troops shelled a village near Kadugli on Monday. The Rapid Support Forces "
    "shelled the town the same day.",
])
def test_a_states_army_and_another_armed_body_of_that_country_are_two_parties(code, text):
    acts = _assaults(code(text))
    assert len(acts) == 2
    assert {_party(e, "actor")[1] for e in acts} == {"SDN"}


def test_a_states_regular_forces_named_two_ways_are_one_party(code):
    acts = _assaults(code("Israeli troops shelled a village near the border on Monday. "
                          "The IDF shelled the village again hours later, residents said."))
    assert len(acts) == 1


@pytest.mark.parametrize("text, code_, sector", [
    ("A US Treasury official said on Monday that four Iranian firms had been blacklisted. "
     "The department also imposed sanctions on two Iranian banks.", "USA", "GOV"),
    ("The Pentagon said on Tuesday it would send two more warships to the Gulf. The "
     "department also accused Iran of arming militias.", "USA", "MIL"),
])
def test_a_definite_description_is_the_body_one_of_whose_names_it_is(code, text, code_,
                                                                       sector):
    (event,) = [e for e in code(text) if e["actor"] and e["actor"]["text"] == "The department"]
    assert (event["actor"]["code"], event["actor"]["sector"]) == (code_, sector)


@pytest.mark.parametrize("text, trigger", [
    ("The government proposed peace talks at the border village of Kiri.", "proposed"),
    ("The rebels called for talks in Geneva on Monday.", "called for"),
])
def test_the_venue_of_talks_is_no_party_nor_the_country_of_their_doer(code, text, trigger):
    (event,) = [e for e in code(text) if e["mentions"][0]["trigger"]["text"] == trigger]
    place = text.split(" at ")[-1].split(" in ")[-1].split(" on ")[0].rstrip(".")
    assert event["recipient"] is None or place not in event["recipient"]["text"]
    assert _party(event, "actor")[1] in (None, "KEN")


@pytest.mark.parametrize("text", [
    "Opposition supporters protested at the town hall on Monday.",
    "Kenya proposed talks at the state house on Monday.",
])
def test_a_building_behind_at_is_where_a_peaceful_act_was_not_whom(code, text):
    (event,) = code(text)
    assert event["recipient"] is None or "hall" not in event["recipient"]["text"] and (
        "house" not in event["recipient"]["text"])


def test_a_body_behind_at_stays_the_recipient(code):
    (event,) = code("Protesters rallied at the Chinese embassy on Monday.")
    assert _party(event, "recipient")[1] == "CHN"


def test_parties_of_one_country_marching_together_are_no_joint_event(code):
    (march,) = [e for e in code(
        "Opposition lawmakers and activists marched through Nairobi on Monday. Police in "
        "Nairobi said the march was peaceful. The Kenyan government has promised reforms.")
        if e["plover_type"] == "PROTEST"]
    assert _party(march, "recipient")[1] == "KEN"


def test_parties_of_two_countries_acting_together_have_no_recipient(code):
    (clash,) = [e for e in code("Indian and Chinese troops clashed in the Galwan valley on "
                                "Monday.") if e["plover_type"] == "ASSAULT"]
    assert clash["recipient"] is None or clash["recipient"]["code"] is None


def test_a_place_fronted_before_the_subject_is_where_not_whom(code):
    (march,) = code("In neighbouring Niger, Malian refugees protested on Sunday.")
    assert march["recipient"] is None or march["recipient"]["code"] != "NER"
    assert march["location"]["country"] == "NER"


def test_a_place_after_the_verb_is_still_the_state_there(code):
    (march,) = code("Thousands marched in Niamey on Sunday.")
    assert _party(march, "recipient")[1] == "NER"


@pytest.mark.parametrize("text, body", [
    ("The junta in Niamey rejected a demand by the West African bloc ECOWAS to set a date "
     "for elections.", "ECOWAS"),
    ("The junta in Bamako rejected a demand by the regional alliance ECOWAS to free the "
     "detainees.", "ECOWAS"),
])
def test_a_description_followed_by_a_known_name_is_that_body(code, text, body):
    (event,) = [e for e in code(text) if e["plover_type"] == "REJECT"]
    assert _party(event, "recipient")[1] == body



def test_a_bodys_official_named_through_its_description_is_that_bodys(code):
    events = code("The junta in Bamako rejected a demand by the West African bloc ECOWAS to "
                  "set a date for elections. The bloc's mediator is scheduled to travel to "
                  "Bamako next week, officials said.")
    (trip,) = [e for e in events if e["mode"] == "visit"]
    assert _party(trip, "actor") == ("The bloc's mediator", "ECOWAS")


def test_the_department_preparing_sanctions_is_the_body_the_official_speaks_for(code):
    (event,) = [e for e in code(
        "A US Treasury official said on Monday that the department was preparing further "
        "sanctions on banks that handle payments for the fuel trade.")
        if e["plover_type"] == "SANCTION"]
    assert _party(event, "actor") == ("the department", "USA")
    assert event["modality"] == "planned"


def test_people_from_two_countries_are_a_party_of_each(code):
    (talks,) = [e for e in code("Officials from Armenia and Azerbaijan met in Vienna on "
                                "Tuesday for talks on the border.")
                if e["plover_type"] == "CONSULT"]
    assert [m["code"] for m in talks["actor"]["members"]] == ["ARM", "AZE"]


def test_a_foreign_force_placed_in_a_country_acts_on_people_there(code):
    (event,) = code("French troops in Chad killed ten militants on Sunday, the army said.")
    assert _party(event, "actor")[1] == "FRA"
    assert _party(event, "recipient")[1] == "TCD"


def test_people_marching_on_their_own_capital_keep_their_country(code):
    (march,) = [e for e in code(
        "Thousands of farmers marched on Nairobi on Monday. Kenyan police said the march was "
        "peaceful. The Kenyan government promised to meet their leaders.")
        if e["plover_type"] == "PROTEST"]
    assert _party(march, "actor")[1] == "KEN"


def test_a_countrys_adjective_is_that_country_and_not_a_region_so_named(code):
    # "Somali" also names a regional state of Ethiopia
    (accuse,) = code("The Somali government accused Kenya of meddling on Monday.")
    assert _party(accuse, "actor")[1] == "SOM"
    assert _party(accuse, "recipient")[1] == "KEN"


def test_the_pope_is_the_holy_sees_wherever_the_story_is_set(code):
    (request,) = [e for e in code("The Pope urged Colombian rebels in Bogota to lay down "
                                  "their arms.") if e["plover_type"] == "REQUEST"]
    assert _party(request, "actor")[1] == "VAT"
    assert _party(request, "recipient")[1] == "COL"


def test_a_claim_for_it_credits_the_act_told_just_before(code):
    (assault,) = code("A roadside bomb killed six soldiers near Gao on Friday. Jihadist "
                      "group Ansar Dine claimed responsibility for it on Saturday.")
    assert assault["plover_type"] == "ASSAULT"
    assert _party(assault, "actor") == ("Jihadist group Ansar Dine", "MLI")


def test_a_denied_claim_for_it_gives_no_doer(code):
    (assault,) = code("A roadside bomb killed six soldiers near Gao on Friday. No group "
                      "claimed responsibility for it.")
    assert assault["actor"] is None


@pytest.mark.parametrize("text, event_type, code_", [
    # "they" opening a sentence is the group the sentence before was about, not a body
    # named earlier
    ("Amnesty International criticised the raids in Harare. Zimbabwean nurses gathered "
     "outside the hospital on Monday. They demanded the release of two colleagues.",
     "REQUEST", "ZWE"),
    # a party coded since keeps the ordinary reading
    ("Chilean miners rallied in Santiago. Bolivia protested the treaty on Friday. They "
     "accused Chile of breaking it.", "ACCUSE", "BOL"),
])
def test_they_is_the_group_the_sentence_before_was_about(code, text, event_type, code_):
    event = [e for e in code(text) if e["event_type"] == event_type][-1]  # the "they" act
    assert event["actor"]["code"] == code_
