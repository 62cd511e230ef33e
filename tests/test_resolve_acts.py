"""One act, one event (sitrep/resolve/acts.py) on short articles written for these tests:
which earlier act a later mention retells, and which mentions stay acts of their own."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article


@pytest.fixture(scope="module")
def code():
    def run(text: str) -> list[dict]:
        article = Article(text=text, title=None, outlet="Test Wire", published=date(2022, 3, 10))
        (processed,) = list(pipeline([article]))
        return [e.to_record() for e in processed.events]

    return run


def assaults(events: list[dict]) -> list[list[str]]:
    return [[m["trigger"]["text"] for m in e["mentions"]] for e in events
            if e["plover_type"] == "ASSAULT"]


def test_a_noun_retells_the_act_told_in_its_word_not_the_latest_of_its_type(code):
    acts = assaults(code(
        "Gunmen shot five villagers in the town of Kidal on Monday. On Tuesday, soldiers "
        "attacked a market in the town.\n\nResidents said the shooting had emptied the "
        "streets."))
    assert len(acts) == 2
    shooting = next(a for a in acts if "shot" in a)
    assert "shooting" in shooting and "attacked" not in shooting


@pytest.mark.parametrize("text", [
    "Gunmen shot five villagers in Kidal on Monday. The shooting followed four bombings in "
    "the region that week.",
    "Gunmen shot five villagers in Kidal on Monday. The shooting followed another attack in "
    "the region that week.",
])
def test_other_acts_named_beside_a_mention_of_the_act_stay_apart(code, text):
    acts = assaults(code(text))
    assert len(acts) == 2
    assert ["shot", "shooting"] in acts


def test_the_act_itself_counted_in_its_sentence_is_one_act(code):
    assert len(assaults(code(
        "Gunmen shot five villagers in Kidal on Monday, the third attack on the town this "
        "month."))) == 1


@pytest.mark.parametrize("later", [
    "Officials said the bombing was carried out by Boko Haram.",
    "Officials said Boko Haram carried out the attack.",
])
def test_a_verb_done_as_the_act_retells_it_with_its_doer(code, later):
    acts = assaults(code("A suicide bomber attacked a market in Maiduguri on Friday, killing "
                         f"twelve people. {later}"))
    assert len(acts) == 1 and acts[0][0] == "attacked" and len(acts[0]) == 3


def test_an_act_carried_out_on_another_day_is_another_act(code):
    acts = assaults(code(
        "A suicide bomber attacked a market in Maiduguri on Friday, killing twelve people. On "
        "Sunday, gunmen carried out the attack on a church in Damboa that officials had "
        "feared."))
    assert len(acts) == 2


def test_two_named_groups_of_one_country_do_two_acts(code):
    acts = assaults(code(
        "Hamas fired rockets at Ashkelon on Monday, wounding three people. Islamic Jihad "
        "fired rockets at the town hours later. Hamas said it fired them at soldiers."))
    assert len(acts) == 2 and len(acts[0]) == 3  # "it" is Hamas, the speaker


def test_casualties_of_another_nationality_are_not_the_acts_target(code):
    acts = assaults(code(
        "A gunman shot shoppers at a supermarket in Dallas, Texas on Saturday, killing twelve "
        "people.\n\nThe Mexican foreign ministry said three Mexican citizens were killed in "
        "the attack.\n\nThe Dallas shooting lasted six minutes, police said."))
    assert acts == [["shot", "killing", "killed", "shooting"]]


def test_an_attack_on_others_after_the_casualties_stays_apart(code):
    acts = assaults(code(
        "Gunmen shot shoppers at a market in the Nigerian city of Kano on Saturday, killing "
        "nine people.\n\nThree Ghanaian traders were killed in the attack, Ghana's foreign "
        "ministry said.\n\nSeparately, gunmen shot dead the Ghanaian consul Kofi Mensah in "
        "Accra."))
    assert len(acts) == 2


@pytest.mark.parametrize("text", [
    "Israeli aircraft struck targets in Gaza on Tuesday. The strikes killed six people, "
    "health officials said.",
    "A car bomb exploded near a checkpoint in Mogadishu on Sunday. The blast wounded eleven "
    "soldiers, police said.",
])
def test_casualties_the_act_itself_caused_are_its_details(code, text):
    assert len(assaults(code(text))) == 1


def test_casualties_others_caused_are_another_act(code):
    assert len(assaults(code(
        "Israeli aircraft struck targets in Gaza on Tuesday. Gunmen killed six people in the "
        "West Bank town of Jenin, officials said."))) == 2


def accusations(events: list[dict]) -> list[list[str]]:
    return [[m["trigger"]["text"] for m in e["mentions"]] for e in events
            if e["plover_type"] == "ACCUSE"]


def test_words_of_the_person_an_institutions_statement_is_told_on_are_one_act(code):
    assert accusations(code(
        "The Kenyan government condemned the attack on the Garissa camp, according to interior "
        "minister Peter Otieno.\n\nOtieno called the attack an act of cowardice.")) == [
        ["condemned", "called"]]


def test_words_of_another_person_are_another_act(code):
    assert len(accusations(code(
        "The Kenyan government condemned the attack on the Garissa camp, according to interior "
        "minister Peter Otieno.\n\nOpposition leader Raila Amolo called the attack an act of "
        "cowardice."))) == 2


def of_type(events: list[dict], kind: str) -> list[list[str]]:
    return [[m["trigger"]["text"] for m in e["mentions"]] for e in events
            if e["plover_type"] == kind]


@pytest.mark.parametrize(("text", "kind", "mentions"), [
    ("Troops withdrew from the town of Kherson on Friday. The withdrawal ended a months-long "
     "occupation.", "RETREAT", ["withdrew", "ended"]),
    ("The European Union imposed sanctions on Belarus on Friday. The sanctions froze the "
     "assets of twenty officials.", "SANCTION", ["imposed", "froze"]),
])
def test_what_the_act_did_is_the_act(code, text, kind, mentions):
    assert of_type(code(text), kind) == [mentions]


def test_the_expulsions_are_the_diplomats_expelled(code):
    events = code("Russia expelled two Polish diplomats on Monday. Poland called the expulsions "
                  "unjustified.")
    assert of_type(events, "SANCTION") == [["expelled", "expulsions"]]


def test_the_same_deed_by_others_on_another_day_is_another_act(code):
    events = code("Troops withdrew from the town of Kherson on Friday. On Sunday, rebels "
                  "withdrew from the village of Izium.")
    assert len(of_type(events, "RETREAT")) == 2


def test_the_same_deed_done_to_a_new_thing_is_another_act(code):
    assert len(assaults(code("Gunmen attacked a church in Kaduna on Sunday. Hours later, "
                             "gunmen attacked a mosque in Zaria."))) == 2


@pytest.mark.parametrize(("text", "kind"), [
    ("Gunmen attacked a church in Kaduna on Sunday. Witnesses said the gunmen attacked it "
     "with grenades.", "ASSAULT"),
    ("The governor of Lagos declared a state of emergency on Monday. He declared a state of "
     "emergency after floods hit the city.", "COERCE"),
])
def test_the_same_deed_told_again_of_the_same_thing_is_one_act(code, text, kind):
    assert len(of_type(code(text), kind)) == 1


def test_a_deed_done_to_the_acts_doers_is_another_act(code):
    # "the attackers" share a stem with "attacked" but are people, not the act
    assert len(assaults(code("Gunmen attacked a police station in the north on Thursday. "
                             "The attackers were shot dead by soldiers."))) == 2


@pytest.mark.parametrize("text", [
    "Three police officers were killed when militants ambushed their convoy in northern "
    "Mali on Monday.",
    "Five people were wounded after a gunman opened fire at a shopping centre in Oslo on "
    "Saturday.",
])
def test_casualties_told_before_the_deed_that_caused_them_are_its_details(code, text):
    (act,) = [e for e in code(text) if e["plover_type"] == "ASSAULT"]
    assert len(act["mentions"]) == 2
    assert act["actor"]["text"] in ("militants", "a gunman")


def test_casualties_told_with_their_doer_keep_their_victims(code):
    events = code("Two suicide bombers killed nine soldiers near Gao on Sunday when they blew "
                  "themselves up at a checkpoint.")
    killing = next(e for e in events if e["trigger"]["text"] == "killed")
    assert "nine soldiers" in killing["recipient"]["text"]


@pytest.mark.parametrize("text", [
    "Three soldiers were killed in Gao on Monday, and rebels attacked a base in Kidal on "
    "Tuesday.",
    "Three soldiers were killed in Gao on Monday, although rebels attacked Kidal.",
])
def test_casualties_beside_a_deed_not_told_as_their_cause_stay_apart(code, text):
    assert len(assaults(code(text))) == 2


def protests(events: list[dict]) -> list[list[str]]:
    return [[m["trigger"]["text"] for m in e["mentions"]] for e in events
            if e["plover_type"] == "PROTEST"]


def test_a_wave_of_protests_told_again_as_a_bare_plural_is_one_act(code):
    assert len(protests(code(
        "The governor of the province resigned on Wednesday. His resignation followed a "
        "fortnight of protests in Lima, the capital, over claims of graft. Since the "
        "claims came out, protests filled the streets daily."))) == 1


def test_protests_at_another_place_are_another_act(code):
    assert len(protests(code(
        "The governor of the province resigned on Wednesday. His resignation followed a "
        "fortnight of protests in Lima, the capital, over claims of graft. Since then, "
        "protests in Arequipa have blocked the airport."))) == 2


@pytest.mark.parametrize("text", [
    "Within one week, three suicide bombings hit the capital of Kenya. The Shabaab militant "
    "group claimed responsibility for all three attacks.",
    "Two car bombs exploded in Baghdad on Monday. The Islamic State claimed responsibility "
    "for both attacks.",
])
def test_all_the_counted_acts_told_before_are_those_acts(code, text):
    assert len(assaults(code(text))) == 1


def test_a_count_without_all_still_brings_in_other_acts(code):
    acts = assaults(code(
        "Gunmen shot five villagers in Kidal on Monday. The militants had carried out three "
        "attacks on the town last year."))
    assert len(acts) == 2


def coercions(events: list[dict]) -> list[list[str]]:
    return [[m["trigger"]["text"] for m in e["mentions"]] for e in events
            if e["plover_type"] == "COERCE"]


def test_a_passive_without_a_doer_retells_the_act_done_to_the_same_person(code):
    assert coercions(code(
        "Police in Lagos detained the opposition leader Musa Bello on Monday. His lawyer "
        "said Bello was arrested without a warrant.")) == [["detained", "arrested"]]


@pytest.mark.parametrize("later", [
    "On Wednesday, the journalist Ada Okafor was arrested in Abuja.",
    "Two other activists were arrested in Abuja.",
])
def test_a_passive_without_a_doer_done_to_others_is_another_act(code, later):
    text = "Police in Lagos detained the opposition leader Musa Bello on Monday. " + later
    assert len(coercions(code(text))) == 2


def exercises(events: list[dict]) -> list[tuple[str, list[str]]]:
    return [(e["plover_type"], [m["trigger"]["text"] for m in e["mentions"]]) for e in events
            if e["plover_type"] in ("MOBILIZE", "COOPERATE")]


def test_the_drills_and_a_part_they_include_are_the_joint_exercise_begun_before(code):
    acts = exercises(code(
        "Japan and Australia began a joint naval exercise off Okinawa on Monday. The "
        "ten-day drills will include a submarine-hunting exercise next week, the navy said."))
    assert len(acts) == 1
    kind, triggers = acts[0]
    assert kind == "COOPERATE" and "drills" in triggers and len(triggers) == 3


@pytest.mark.parametrize("later, count", [
    # inside the three days the exercise was told to last: the same exercise
    ("On Wednesday, the drills moved to the coast, the army said.", 1),
    # the day after its end: another
    ("On Thursday, the drills moved to the coast, the army said.", 2),
])
def test_an_exercise_begun_on_a_day_covers_the_days_it_is_told_to_last(code, later, count):
    acts = exercises(code(
        "Polish troops began a three-day exercise near the border on Monday. " + later))
    assert len(acts) == count


def test_an_exercise_begun_with_no_length_told_goes_on_after_its_day(code):
    assert len(exercises(code(
        "Polish troops began an exercise near the border on Monday. On Thursday, the drills "
        "moved to the coast, the army said."))) == 1


def test_another_exercise_after_one_begun_is_a_new_act(code):
    acts = exercises(code(
        "Japan and Australia began a joint naval exercise off Okinawa on Monday. The navies "
        "will hold another exercise in the Coral Sea next month, officials said."))
    assert len(acts) == 2


def retreats(events: list[dict]) -> list[list[str]]:
    return [[m["trigger"]["text"] for m in e["mentions"]] for e in events
            if e["plover_type"] == "RETREAT"]


def test_the_deed_told_again_from_the_side_of_whom_it_was_done_to_is_one_act(code):
    assert retreats(code("On Wednesday, Iran released a British aid worker. She was freed "
                         "after six years in detention.")) == [["released", "freed"]]


def test_the_same_kind_of_deed_done_to_a_party_told_anew_is_another_act(code):
    events = code("On Monday, Kenyan police arrested a journalist in Mombasa. A Kenyan "
                  "activist was also detained.")
    assert len([e for e in events if e["plover_type"] == "COERCE"]) == 2


def consultations(events: list[dict]) -> list[list[str]]:
    return [[m["trigger"]["text"] for m in e["mentions"]] for e in events
            if e["plover_type"] == "CONSULT"]


@pytest.mark.parametrize("later", ["During the meeting", "At the talks"])
def test_a_deed_of_the_acts_doers_told_as_done_in_it_is_the_act(code, later):
    acts = consultations(code("On Monday, the Kenyan president met the Ugandan president in "
                              f"Nairobi. {later}, the two leaders discussed trade."))
    assert acts == [["met", "discussed"]]


def test_a_deed_of_others_done_during_the_act_is_another_act(code):
    acts = assaults(code("Gunmen attacked a market in Kidal on Monday. Soldiers shot two of "
                         "the gunmen during the attack."))
    assert len(acts) == 2


@pytest.mark.parametrize("later", ["It was their second meeting this year.",
                                   "The meeting was the leaders' first in Nairobi."])
def test_what_the_act_told_was_said_to_be_is_no_other_act(code, later):
    acts = consultations(code("On Monday, the Kenyan president met the Ugandan president in "
                              f"Nairobi. {later}"))
    assert len(acts) == 1
