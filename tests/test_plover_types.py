"""Every PLOVER type on sentences written for this project (tests/fixtures/plover_sentences.jsonl).

Each line names the main event a careful coder would record: its type, actor and recipient
codes, modality and source. The coder must find the type on nearly all of them, and every
one of the 16 types on at least two sentences; argument codes are held to floors a little
below what the coder reaches today, so a regression fails the suite.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article

FIXTURE = Path(__file__).parent / "fixtures" / "plover_sentences.jsonl"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@pytest.fixture(scope="module")
def scored() -> list[tuple[dict, dict | None]]:
    rows = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]
    articles = [Article(text=r["text"], published=date.fromisoformat(r["published"]))
                for r in rows]
    out = []
    for row, processed in zip(rows, pipeline(articles)):
        same_type = [e.to_record() for e in processed.events
                     if e.event_type == row["event_type"]]
        out.append((row, same_type[0] if same_type else None))
    return out


def _code(part: dict | None) -> str | None:
    return (part or {}).get("code")


def _share(scored, check) -> float:
    return sum(1 for row, event in scored if event is not None and check(row, event)) / len(
        scored
    )


def test_fixture_covers_every_type():
    rows = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]
    counts = Counter(r["event_type"] for r in rows)
    assert set(counts) == set(TYPES)
    assert min(counts.values()) >= 5


@pytest.mark.parametrize("event_type", TYPES)
def test_each_type_found_on_at_least_two_sentences(scored, event_type):
    found = [row for row, event in scored if row["event_type"] == event_type and event]
    assert len(found) >= 2


def test_type_recall(scored):
    missed = [row["text"] for row, event in scored if event is None]
    assert len(missed) / len(scored) <= 0.04, missed


def test_actor_codes(scored):
    assert _share(scored, lambda r, e: _code(e["actor"]) == r["actor"]) >= 0.88


def test_modality(scored):
    assert _share(scored, lambda r, e: e["modality"] == r["modality"]) >= 0.93


def test_attribution(scored):
    assert _share(scored, lambda r, e: _code(e["attributed_to"]) == r["attributed_to"]) >= 0.90


def test_recipient_codes(scored):
    # misses left: places a deployment goes to ("drills around Taiwan"), people named only
    # by office ("the interior minister"), host and visitor ("met the visiting ...")
    assert _share(scored, lambda r, e: _code(e["recipient"]) == r["recipient"]) >= 0.80


def _lexicon_rows() -> list[dict]:
    rows = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]
    return [r for r in rows if r.get("lexicon_class")]


@pytest.mark.parametrize("row", _lexicon_rows(), ids=lambda r: r["lexicon_class"])
def test_lexicon_class_found(scored, row):
    """Every sentence written for a word class of the lexicon (the `lexicon_class` field) is
    coded with its type, and with the manual's type (`plover_type`) where that differs."""
    event = next((e for r, e in scored if r["text"] == row["text"]), None)
    assert event is not None, row["text"]
    assert event["event_type"] == row["event_type"]
    assert event["plover_type"] == row.get("plover_type", row["event_type"])


def test_aid_told_from_the_receiving_side_is_the_givers():
    from datetime import date

    from sitrep.pipeline import pipeline
    from sitrep.records import Article

    (processed,) = list(pipeline([Article(
        text="Lebanon received $1 billion in aid from Saudi Arabia last year.",
        published=date(2022, 3, 10))]))
    (event,) = [e for e in processed.events if e.event_type == "AID"]
    assert event.actor.code == "SAU"
    assert event.recipient.code == "LBN"


@pytest.mark.parametrize("text, event_type", [
    # lifting a legal restriction is a concession; lifting an encirclement a retreat
    ("Canada lifted its sanctions on two Venezuelan ministers on Friday.", "CONCEDE"),
    ("The European Union eased the arms embargo on Libya.", "CONCEDE"),
    ("Israel lifted the blockade on the fishing port on Sunday.", "RETREAT"),
])
def test_lifted_sanctions_and_blockades(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == [event_type]


@pytest.mark.parametrize("text, event_type, modality", [
    # what a party is not ready to do is refused (CAMEO 12), not an intention
    ("Peru is not ready for talks with Chile, the foreign minister said.", "REJECT", "negated"),
    ("Peru is ready for talks with Chile, the foreign minister said.", "AGREE", "planned"),
    ("The rebels are not prepared to negotiate with the government of Peru.", "REJECT",
     "negated"),
    ("Peru is not willing to send aid to Bolivia.", "REJECT", "negated"),
    # an act that did not happen is no refusal
    ("Peru did not meet Chilean officials on Monday.", "CONSULT", "negated"),
])
def test_an_act_a_party_is_not_ready_to_do_is_refused(text, event_type, modality):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    (event,) = processed.events
    assert (event.plover_type, event.modality) == (event_type, modality)


@pytest.mark.parametrize("text, event_type", [
    # a state's protest is diplomatic: ACCUSE (the manual, PROTEST presumes physical activity)
    ("China protested the sale of fighter jets to Taiwan on Monday.", "ACCUSE"),
    ("The Japanese foreign ministry protested the landing on the disputed islets.", "ACCUSE"),
    ("Residents of Santiago protested the closure of the copper mine on Monday.", "PROTEST"),
    ("Farmers protested in front of the parliament in Santiago.", "PROTEST"),
])
def test_a_states_protest_is_diplomatic(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    (other,) = {"ACCUSE", "PROTEST"} - {event_type}
    types = [e.event_type for e in processed.events]
    assert event_type in types and other not in types


@pytest.mark.parametrize("text, event_type", [
    # exercises of several countries named together are joint: COOPERATE (the manual)
    ("Russia and Belarus launched military exercises near the Polish border.", "COOPERATE"),
    ("China and Russia began naval drills in the Sea of Japan.", "COOPERATE"),
    ("Japanese and US warships began naval drills in the Pacific.", "COOPERATE"),
    # one country's forces, or a deployment two sides may make against each other
    ("Russia launched military exercises near the Polish border.", "MOBILIZE"),
    ("The army and the police held drills in the capital on Monday.", "MOBILIZE"),
    ("The Russian Black Sea Fleet held drills near Turkey.", "MOBILIZE"),
    ("Egypt and Sudan deployed troops along their shared border.", "MOBILIZE"),
])
def test_exercises_of_several_countries_are_joint(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == [event_type]


@pytest.mark.parametrize("text, event_type", [
    # pooling intelligence or means is sharing them: COOPERATE (the manual)
    ("France and Germany pooled their intelligence on the network.", "COOPERATE"),
    ("Ghana and Togo pooled funds to repair the shared road.", "COOPERATE"),
])
def test_pooling_is_sharing(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == [event_type]


@pytest.mark.parametrize("text", [
    # voicing support in other words than "support" (the manual's SUPPORT)
    "The senator championed the new trade policy.",
    "The league vouched for the referee.",
    "The minister signed off on the deal with Qatar.",
])
def test_words_of_support(text):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == ["SUPPORT"]


@pytest.mark.parametrize("text", [
    "The cartel made death threats against the journalist.",
    "The cartel sent death threats to the journalist.",
])
def test_death_threats_threaten_their_addressee(text):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    (event,) = processed.events
    assert event.event_type == "THREATEN"
    assert (event.actor.text, event.recipient.text) == ("The cartel", "the journalist")


@pytest.mark.parametrize("text", [
    # paying for another's work is monetary aid (the manual's AID)
    "Norway bankrolled the vaccination campaign in Malawi.",
    "The EU subsidises farmers in Poland.",
    "The United States subsidized the new port in Ghana.",
    "Qatar underwrote the reconstruction of the hospital in Gaza.",
])
def test_paying_for_anothers_work_is_aid(text):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == ["AID"]


@pytest.mark.parametrize("text, types", [
    # sharp rebukes are ACCUSE disapprove (the manual)
    ("The senator pilloried the administration over the deal.", ["ACCUSE"]),
    ("The president upbraided his ministers.", ["ACCUSE"]),
    # pummelling positions is pounding them; weather pummels too, and attacks no one
    ("The army pummelled rebel positions with artillery.", ["ASSAULT"]),
    ("Heavy rain pummeled the town overnight.", []),
])
def test_rebukes_and_pummelling(text, types):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == types


@pytest.mark.parametrize("text, event_type", [
    # less common verbs of asking, refusing and leaving (the manual's REQUEST, REJECT and
    # RETREAT withdraw)
    ("The mayor beseeched residents to stay indoors.", "REQUEST"),
    ("The minister entreated donors to give more.", "REQUEST"),
    ("The rebels repudiated the peace deal.", "REJECT"),
    ("The troops decamped from the valley.", "RETREAT"),
])
def test_less_common_verbs_of_each_type(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == [event_type]


@pytest.mark.parametrize("text, event_type", [
    # conferring, huddling and parleying with someone is meeting them (CONSULT); conferring an
    # honour is SUPPORT
    ("The minister conferred with his French counterpart.", "CONSULT"),
    ("The envoy huddled with rebel commanders in Doha.", "CONSULT"),
    ("The minister parleyed with the tribal elders.", "CONSULT"),
    ("The king conferred a knighthood on the general.", "SUPPORT"),
    # conscription is a call-up of troops
    ("The army conscripted thousands of young men.", "MOBILIZE"),
])
def test_meeting_words_and_conscription(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == [event_type]


@pytest.mark.parametrize("text", [
    # collaboration is cooperation by another name (the manual's COOPERATE: expand cooperation)
    "The two navies stepped up their collaboration in the Gulf.",
    "Kenya and Ethiopia boosted collaboration on border security.",
    "India and France deepened their collaboration on submarines.",
])
def test_expanded_collaboration_is_cooperation(text):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == ["COOPERATE"]


@pytest.mark.parametrize("text, mode", [
    # blows and primitive weapons (the manual's ASSAULT modes beat and primitive)
    ("Rioters bludgeoned a policeman.", "beat"),
    ("Guards manhandled the reporter.", "beat"),
    ("Militants firebombed a police station.", "primitive"),
    ("Soldiers bayoneted the prisoners.", "primitive"),
])
def test_blows_and_primitive_weapons(text, mode):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    (event,) = processed.events
    assert (event.event_type, event.mode) == ("ASSAULT", mode)


@pytest.mark.parametrize("text, event_type", [
    # a strike on a target is an attack; one on a day is a walkout
    ("Israeli strikes on Hamas positions continued overnight.", "ASSAULT"),
    ("Dockworkers began a strike on Monday over pay.", "PROTEST"),
])
def test_strikes_on_targets_and_on_days(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == [event_type]


@pytest.mark.parametrize("text, types", [
    # willingness or commitment to cooperate is AGREE (the manual), its content no act
    ("Japan expressed its willingness to help rebuild Iraq.", ["AGREE"]),
    ("The UN reiterated its commitment to work with the government.", ["AGREE"]),
    ("Iran signalled its readiness to resume talks.", ["AGREE"]),
    # without a to-infinitive of cooperation the noun says nothing of the kind
    ("Their commitment to the alliance was questioned.", ["ACCUSE"]),
])
def test_willingness_and_commitment_to_cooperate(text, types):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.plover_type for e in processed.events] == types


@pytest.mark.parametrize("text, event_type", [
    # civilians fighting the police riot (PROTEST riot); armed forces clash (ASSAULT)
    ("Opponents of the government clashed with police in the capital on Friday.", "PROTEST"),
    ("Villagers clashed with security forces over the land seizure.", "PROTEST"),
    ("Indian and Chinese troops clashed along the border.", "ASSAULT"),
])
def test_who_clashes(text, event_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == [event_type]


@pytest.mark.parametrize("text, plover_type", [
    # ending a war is ending an active conflict (RETREAT); refusing to is a REJECT
    ("The army stopped its war on the rebels.", "RETREAT"),
    ("The militia refuses to stop its fight against the occupying army.", "REJECT"),
])
def test_stopping_a_war(text, plover_type):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.plover_type for e in processed.events] == [plover_type]


@pytest.mark.parametrize("text", [
    "A court in Ankara issued an arrest warrant for the opposition leader.",
    "Police issued a warrant for the journalist's arrest.",
])
def test_an_arrest_warrant_is_coercion(text):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == ["COERCE"]


@pytest.mark.parametrize("text, requests", [
    ("The Red Cross appealed to both sides to spare civilians.", 1),
    ("The mayor appealed for calm after the riots.", 1),
    # a court appeal asks no party for anything
    ("The former minister appealed his conviction on Tuesday.", 0),
    ("The verdict was appealed by the defence.", 0),
])
def test_appeals_to_parties_and_to_courts(text, requests):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events].count("REQUEST") == requests


@pytest.mark.parametrize("text, event_type", [
    ("The army staged a coup in the capital on Tuesday.", "COERCE"),
    ("Rebels overthrew the president last year.", "COERCE"),
    ("Opposition lawmakers challenged the legality of the decree in court.", "ACCUSE"),
])
def test_seizures_of_power_and_legal_challenges(text, event_type):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article

    (processed,) = list(pipeline([Article(text=text)]))
    assert event_type in {e.event_type for e in processed.events}


@pytest.mark.parametrize("text, event_type", [
    ("The defence minister justified the air strikes on Tuesday.", "SUPPORT"),
    ("The government defended its decision to close the border.", "SUPPORT"),
    ("Troops defended the city against the rebels.", None),  # not verbal
])
def test_defending_in_words_is_support(text, event_type):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article

    (processed,) = list(pipeline([Article(text=text)]))
    supports = [e for e in processed.events if e.event_type == "SUPPORT"]
    assert bool(supports) == (event_type == "SUPPORT")


@pytest.mark.parametrize("text, event_type", [
    ("Opposition lawmakers heckled the prime minister during his speech.", "PROTEST"),
    ("Protesters disrupted the session of parliament on Tuesday.", "PROTEST"),
    ("Tributes were paid by leaders across the region.", "SUPPORT"),  # a capitalised plural
])
def test_dissent_in_the_chamber_and_sentence_initial_plurals(text, event_type):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article

    (processed,) = list(pipeline([Article(text=text)]))
    assert event_type in {e.event_type for e in processed.events}


@pytest.mark.parametrize("text, event_type", [
    # the manual, SANCTION expel: diplomats, peacekeepers, NGOs
    ("The junta expelled forty foreign aid workers from the region.", "SANCTION"),
    ("The ministry expelled the UN inspectors on Friday.", "SANCTION"),
    # persons deported as themselves
    ("The government expelled two foreign journalists.", "COERCE"),
])
def test_expelling_an_aid_mission_is_a_sanction_and_a_person_a_deportation(text, event_type):
    (processed,) = list(pipeline([Article(text=text)]))
    assert {e.event_type for e in processed.events} == {event_type}


@pytest.mark.parametrize("text, plover_type", [
    # the manual, THREATEN relations: "Threaten to suspend ... talks, meetings"
    ("The opposition said it will boycott the peace talks next week.", "THREATEN"),
    ("The unions said they would boycott the ceremony.", "THREATEN"),
    # done, a boycott of talks refuses them
    ("The opposition boycotted the peace talks on Monday.", "REJECT"),
])
def test_an_announced_boycott_of_talks_is_a_threat(text, plover_type):
    (processed,) = list(pipeline([Article(text=text)]))
    assert [e.plover_type for e in processed.events] == [plover_type]


@pytest.mark.parametrize("text, types", [
    # a free relative after a preposition names the reason or place in someone's words: no
    # statement of its own
    ("The ministry closed two radio stations over what officials say is hostile propaganda.",
     ["COERCE"]),
    ("Police arrested the blogger for what prosecutors called insults to the army.",
     ["COERCE"]),
    # said outright, the same words judge the broadcasts
    ("Officials say the broadcasts are hostile propaganda.", ["ACCUSE"]),
])
def test_words_that_hedge_a_description(text, types):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == types


@pytest.mark.parametrize("text", [
    # calling a reason a pretext, or an act a means to silence others, judges its doer
    "Critics said the security law was a pretext to silence the press.",
    "The opposition said the inquiry was a smokescreen.",
    "Rights groups said the new media law would muzzle independent newspapers.",
    "Activists said the measures were meant to stifle dissent before the vote.",
])
def test_pretexts_and_silencing_are_accusations(text):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert "ACCUSE" in [e.event_type for e in processed.events]


@pytest.mark.parametrize("text, events", [
    # ceding territory or power over it is a retreat (the manual's RETREAT); a title is no
    # territory
    ("Britain relinquished control of the island in 1968.", ["RETREAT"]),
    ("The junta relinquished power to a civilian government.", ["RETREAT"]),
    ("The champion relinquished her title.", []),
])
def test_relinquishing_control_is_a_retreat(text, events):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == events


@pytest.mark.parametrize("text, events", [
    # bringing people to trial is an accusation (the manual's ACCUSE allege); trying to do
    # something, or trying a method, is not
    ("A military court tried three former generals in March.", ["ACCUSE"]),
    ("Two opposition politicians were tried in absentia.", ["ACCUSE"]),
    ("Officials tried in vain to calm the crowd.", []),
    ("The government tried a new approach.", []),
])
def test_bringing_people_to_trial_is_an_accusation(text, events):
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 3, 10))]))
    assert [e.event_type for e in processed.events] == events
