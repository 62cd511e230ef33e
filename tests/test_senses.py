"""Other senses of trigger words: sport, markets, weather, campaigns and verbal attacks are
no political events (the lexicon README, "Other senses of trigger words"). Every text here
was written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.extract.lexicon import Lexicon, LexiconError
from sitrep.ingest.document import read_text_article
from sitrep.pipeline import pipeline
from sitrep.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "non_political"
MATERIAL = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "SANCTION", "RETREAT"}
# What the coder still gets wrong in the corpus: intransitive "shot", "striking" and
# "attacked down the left wing" of football players (nothing in the clause says sport), and
# "a rally of his own" after a campaign rally (only the sentence before says so). A new
# material event fails the test.
KNOWN_MATERIAL = {("sports.txt", "ASSAULT", "striking"), ("sports.txt", "ASSAULT", "shot"),
                  ("sports.txt", "ASSAULT", "attacked"), ("campaign.txt", "PROTEST", "rally")}


@pytest.fixture(scope="module")
def code():
    def run(text: str) -> list[dict]:
        article = Article(text=text, outlet="Test Wire", published=date(2021, 6, 9))
        (processed,) = list(pipeline([article]))
        return [e.to_record() for e in processed.events]

    return run


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    files = sorted(FIXTURES.glob("*.txt"))
    articles = [read_text_article(f.read_text(encoding="utf-8"), source=str(f)) for f in files]
    return {f.name: [e.to_record() for e in processed.events]
            for f, processed in zip(files, pipeline(articles))}


def test_the_corpus_covers_the_kinds_of_news(corpus):
    assert set(corpus) >= {"sports.txt", "markets.txt", "campaign.txt", "weather.txt",
                           "health.txt", "business.txt", "entertainment.txt"}


def test_non_political_texts_have_no_material_events(corpus):
    found = {(name, e["event_type"], e["trigger"]["text"])
             for name, events in corpus.items() for e in events
             if e["event_type"] in MATERIAL}
    assert found <= KNOWN_MATERIAL


def test_non_political_texts_yield_few_events(corpus):
    # what is left is mostly words: candidates accusing each other, critics attacking a choice
    for name, events in corpus.items():
        assert len(events) <= 8, (name, [(e["event_type"], e["trigger"]["text"]) for e in events])
    assert corpus["weather.txt"] == []
    assert sum(len(events) for events in corpus.values()) <= 26


# (sentence, a type it must not yield, the type it must yield or None)
OTHER_SENSES = [
    # publishable things are released without anyone being set free: verbs, participles
    ("The campaign released a new television ad on Monday.", "RETREAT", None),
    ("A new poll released on Tuesday shows the senator ahead.", "RETREAT", None),
    ("The central bank released the minutes of its June meeting.", "RETREAT", None),
    # rising numbers, markets and weather do not act
    ("Her approval ratings shot up after the debate.", "ASSAULT", None),
    ("The dollar rallied against the euro on Friday.", "PROTEST", None),
    ("Shares retreated from their record highs.", "RETREAT", None),
    ("The storm killed nine people and destroyed hundreds of homes.", "ASSAULT", None),
    ("A landslide struck the mountain village before dawn.", "ASSAULT", None),
    ("The hurricane hit the coast, killing 12 people.", "ASSAULT", None),
    ("The virus attacks the lungs first.", "ASSAULT", None),
    ("Technology stocks came under attack from sellers.", "ASSAULT", None),
    # verbal attacks are accusations
    ("The two candidates traded verbal attacks during the debate.", "ASSAULT", "ACCUSE"),
    ("The minister launched a scathing attack on the budget.", "ASSAULT", "ACCUSE"),
    ("The opposition leader attacked the government's proclamation.", "ASSAULT", "ACCUSE"),
    ("The campaign released an ad attacking the governor.", "ASSAULT", "ACCUSE"),
    ("The mayor fired back at critics of the plan.", "ASSAULT", "ACCUSE"),
    # fights for causes and against diseases or fires
    ("Activists vowed to keep fighting for equal rights.", "ASSAULT", None),
    ("Firefighters battled the blaze through the night.", "ASSAULT", None),
    ("Patients battling a rare form of cancer joined the trial.", "ASSAULT", None),
    ("Doctors are fighting a cholera outbreak in the north.", "ASSAULT", None),
    ("Helicopters attacked the fire from the air.", "ASSAULT", None),
    ("The race was a battle for the soul of the party.", "ASSAULT", None),
    # campaign gatherings are not dissent
    ("Thousands of supporters cheered at a campaign rally in the capital.", "PROTEST", None),
    ("Volunteers rallied to help the families who lost their homes.", "PROTEST", None),
    # a vigil for the dead is mourning; one held against something is a protest
    ("Vigils across the country were attended by thousands on Sunday evening.", "PROTEST",
     None),
    ("Mourners held a candlelight vigil for the victims outside the town hall.", "PROTEST",
     None),
    ("Hundreds held a vigil against the death penalty outside the prison.", "AID", "PROTEST"),
    ("Activists staged a protest vigil outside the Russian embassy in Riga.", "AID",
     "PROTEST"),
    # diplomatic protests in words
    ("Beijing lodged a strong protest with Tokyo over the visit.", "PROTEST", "ACCUSE"),
    ("The embassy delivered a note of protest to the foreign ministry.", "PROTEST", "ACCUSE"),
    ("A protest was lodged with the United Nations over the incursion.", "PROTEST", "ACCUSE"),
    # sport
    ("The champions beat the visitors 2-0 in the semi-final.", "ASSAULT", None),
    ("The defending champions crushed their rivals 4-1 on Sunday.", "ASSAULT", None),
    ("The tennis star withdrew from the tournament with a knee injury.", "RETREAT", None),
    ("Fans stormed the pitch after the final whistle.", "ASSAULT", None),
    ("Her rival retired injured in the second set.", "ASSAULT", None),
    # people, not acts
    ("The accused told the court he had never met the militants.", "ACCUSE", None),
    ("The accused in the murder case told the court he was innocent.", "ACCUSE", None),
    # states of emergency over disasters, weather warnings
    ("The government declared a state of emergency after the floods.", "COERCE", None),
    ("The weather service issued a heat warning for the southern valleys.", "THREATEN", None),
    ("The ministry issued a travel warning for the region.", "THREATEN", None),
    ("The agency spent millions fighting the root causes of poverty.", "ASSAULT", None),
    # adjectives and evidence
    ("The opposing party challenged the result in court.", "REJECT", None),
    ("New evidence supported the account of the witnesses.", "SUPPORT", None),
    ("Residents donated blood to help the victims.", "AID", None),
    # disasters: power cuts, and forces sent for relief (AID, the manual)
    ("Power was cut off to the region after the storm.", "COERCE", None),
    ("The army deployed 5,000 troops after the earthquake.", "MOBILIZE", "AID"),
    ("The government sent soldiers to help flood victims.", "MOBILIZE", "AID"),
    # dismissals
    ("The president fired his vice president in November.", "ASSAULT", None),
    ("The club fired its coach after a string of defeats.", "ASSAULT", None),
    # other senses of other words
    ("The judges displayed a stunning ignorance of the software.", "PROTEST", None),
    ("The government executed a planned shutdown of public services.", "ASSAULT", None),
    ("He called the admission a political maneuver.", "MOBILIZE", None),
    ("The film captured three awards at the festival.", "ASSAULT", None),
    ("The orchestra will tour Europe in the autumn.", "CONSULT", None),
    # a reward is offered for what one asks of others, no promise of cooperation
    ("The US offered a reward of five million dollars for information on the militant "
     "leader.", "AGREE", "REQUEST"),
    ("The government offered a bounty for the capture of the rebel commander.", "AGREE",
     "REQUEST"),
    # a legal appeal asks a court to review a ruling, no party for anything; appeals to
    # someone or for something are requests
    ("The prime minister's office intends to appeal, a spokesman said.", "REQUEST", None),
    ("The convicted governor is eligible to appeal.", "REQUEST", None),
    ("The governor appealed for calm after the riots in Lagos.", "ACCUSE", "REQUEST"),
    ("The UN appealed to donors for more funds for Yemen.", "ACCUSE", "REQUEST"),
    # websites host files, not visitors
    ("The forum hosted thousands of stolen images, investigators said.", "CONSULT", None),
    ("Police said the server hosted a quarter million video clips of abuse.", "CONSULT", None),
    ("Qatar hosted the Ugandan president for talks on Monday.", "AID", "CONSULT"),
    ("The city council banned plastic bags from supermarkets.", "COERCE", None),
    ("The carmaker launched two new models at the motor show.", "ASSAULT", None),
    ("The actor stormed off the set after an argument.", "ASSAULT", None),
    ("The airline suspended flights to the island because of the storm.", "SANCTION", None),
    # goods in general are not aid; airliners are not military aid
    ("Food prices reached a record high in March.", "AID", None),
    ("Airbus delivered 40 aircraft to airlines in March.", "AID", None),
    ("Aid agencies reached an agreement with the rebels on access.", "AID", None),
    # nothing military deployed or moved; parades and fans march without protesting
    ("The army deployed its new AI technology across the border posts.", "MOBILIZE", None),
    ("The agency moved relief items to the flooded province.", "MOBILIZE", None),
    ("Fans marched to the stadium before the derby.", "PROTEST", None),
    ("The central bank increased its foreign exchange reserves.", "MOBILIZE", None),
    ("The party mobilised voters ahead of the election.", "PROTEST", None),
    # chances seized, trends arrested, private visits, blame on the weather
    ("The company seized the opportunity to expand into Asia.", "COERCE", None),
    ("The new policy arrested the decline in sales.", "COERCE", None),
    ("Tourists visited the museum on Sunday.", "CONSULT", None),
    ("He visited his relatives in Cuba last year.", "CONSULT", None),
    ("The retailer blamed the weather for weak sales.", "ACCUSE", None),
    ("Doctors are investigating new treatments for the disease.", "ACCUSE", None),
    ("The museum banned photography in the new gallery.", "COERCE", None),
    # calling for something is no phone call; meeting with a reaction is no meeting; a word
    # inside an organisation's name is no act
    ("Officials called for tighter controls on online gaming.", "CONSULT", "REQUEST"),
    ("The plan met with fierce opposition from the neighbours.", "CONSULT", None),
    ("The Conference on Disarmament resumed its session in Geneva.", "CONSULT", None),
    ("The Iranian tanker arrived in eastern China late last year.", "CONSULT", None),
    ("Protesters were met with tear gas and rubber bullets.", "CONSULT", "ASSAULT"),
    # a journalist's request for comment; collapsing buildings; attacks on newspapers in words
    ("The ministry did not respond to a request for comment.", "REQUEST", None),
    ("Collapsing buildings injured 15 people in the storm.", "ASSAULT", None),
    ("The president attacked the newspaper for its coverage of the trial.", "ASSAULT",
     "ACCUSE"),
    ("The two candidates had a heated clash on television.", "ASSAULT", None),
    ("The government banned the export of rice to its neighbours.", "COERCE", "SANCTION"),
    # a body sitting on its own is no meeting between parties
    ("The cabinet met on Tuesday to discuss the budget.", "CONSULT", None),
    ("The election commission is scheduled to discuss the complaints on Monday.", "CONSULT",
     None),
    # calling off a search on a day is no phone call on that day
    ("Rescuers called off the search for the missing fishermen on Saturday.", "CONSULT", None),
    # private travel is no visit to anyone
    ("The suspect had travelled to Uganda in May, police said.", "CONSULT", None),
    ("Tourists travelled to Bali despite the warnings.", "CONSULT", None),
    # a deployment that ends in force is the force alone (the manual, MOBILIZE)
    ("Military units in the area were activated and returned fire on the rebels.", "MOBILIZE",
     "ASSAULT"),
]


@pytest.mark.parametrize(("text", "absent", "present"), OTHER_SENSES)
def test_other_sense(code, text, absent, present):
    types = [e["event_type"] for e in code(text)]
    assert absent not in types, types
    if present is not None:
        assert present in types, types


# The violent, political senses of the same words are still events.
SAME_WORDS_AS_EVENTS = [
    ("Gunmen shot up a bus carrying pilgrims.", "ASSAULT"),
    ("Troops fired back at the attackers.", "ASSAULT"),
    ("Rebels attacked army positions near the town.", "ASSAULT"),
    ("Police beat protesters with batons in the capital.", "ASSAULT"),
    ("Militants killed 20 villagers in the province.", "ASSAULT"),
    ("Rebels attacked a football stadium during a match, killing 12 people.", "ASSAULT"),
    ("Government troops retreated from the town.", "RETREAT"),
    ("The government released 200 prisoners on Monday.", "RETREAT"),
    ("Workers marched through the city to protest against pay cuts.", "PROTEST"),
    ("The opposition rallied against the new law.", "PROTEST"),
    ("Police declared a state of emergency as protests spread.", "COERCE"),
    ("The army captured the town after a week of fighting.", "ASSAULT"),
    ("The junta banned the main opposition party.", "COERCE"),
    ("The minister stepped down after the scandal.", "RETREAT"),
    ("The army deployed 5,000 troops along the border.", "MOBILIZE"),
    ("The government cut off electricity to the rebel-held city.", "COERCE"),
    ("Protesters stormed the parliament on Tuesday.", "PROTEST"),
    # "out of" hung on "out": leaving talks halts negotiations (CAMEO 164)
    ("The rebels pulled out of the peace talks on Monday.", "SANCTION"),
    ("The minister postponed his trip to Moscow.", "REJECT"),
    # what crowds of protesters seize, besiege and burn is dissent, not repression
    ("Students seized the university administration building.", "PROTEST"),
    ("Protesters set fire to the ruling party's headquarters.", "PROTEST"),
    ("Soldiers set fire to the village.", "COERCE"),
    ("Protesters clashed with police outside the parliament.", "PROTEST"),
    ("Settlers threw stones at passing cars.", "ASSAULT"),
    ("The cabinet met with union leaders on Tuesday.", "CONSULT"),
    ("The Kenyan and Ugandan presidents met in Kampala on Tuesday.", "CONSULT"),
    ("The government retreated from its goal of privatising the railway.", "CONCEDE"),
    ("The junta abandoned its plan to postpone the elections.", "CONCEDE"),
    ("The authorities placed the whole province under quarantine on Friday.", "COERCE"),
    ("The junta put the capital under a night-time curfew.", "COERCE"),
]


@pytest.mark.parametrize(("text", "event_type"), SAME_WORDS_AS_EVENTS)
def test_same_words_as_events(code, text, event_type):
    types = [e["event_type"] for e in code(text)]
    assert event_type in types, types


@pytest.mark.parametrize("text", [
    "Two Russian officers stand accused of the 2018 poisoning in Salisbury.",
    "The Russian chairman stood accused of leaking the documents.",
])
def test_the_accused_is_the_recipient(code, text):
    event = next(e for e in code(text) if e["event_type"] == "ACCUSE")
    assert event["actor"] is None
    assert event["recipient"]["code"] == "RUS"


def test_verbal_attack_is_directed_at_the_criticised(code):
    event = next(e for e in code("Russia attacked the American decision to expel its diplomats.")
                 if e["event_type"] == "ACCUSE")
    assert event["actor"]["code"] == "RUS"


# --- the lexicon machinery ------------------------------------------------------------------

def _lexicon(tmp_path: Path, text: str) -> Lexicon:
    path = tmp_path / "user.toml"
    path.write_text(text, encoding="utf-8")
    return Lexicon.load(extra=[path])


def test_packaged_senses_expand_classes():
    lexicon = Lexicon.load()
    assert {"storm", "virus", "share"} <= lexicon.word_set("senses.non_agents")
    assert "ASSAULT" in lexicon.word_set("senses.contest_types")
    rally = lexicon.noun_patterns["rally"]
    assert not rally[0].is_event and "campaign" in rally[0].modifier_any


def test_a_user_non_event_wins_over_the_trigger(tmp_path, code):
    lexicon = _lexicon(tmp_path, '[[non_event]]\nnoun = "strike"\nmodifier = ["lucky"]\n')
    # first among the patterns as specific as it (a modifier list: "air strike", ...)
    best = next(p for p in lexicon.noun_patterns["strike"] if p.specificity == 2)
    assert not best.is_event and best.modifier_any == {"lucky"}


@pytest.mark.parametrize("text", [
    '[[non_event]]\nverb = "rally"\nmodifier = ["campaign"]\n',
    '[[non_event]]\nnoun = "rally"\nintransitive = true\n',
    '[[non_event]]\nnoun = "warning"\nnot_clause = ["cause"]\n',  # a clause is a verb's
    '[senses]\nnon_agents = ["@no_such_class"]\n',
    '[classes]\nmy_crowds = ["@protesters", "mob"]\n',  # a class cannot name a class
])
def test_bad_sense_entries_are_errors(tmp_path, text):
    with pytest.raises(LexiconError):
        _lexicon(tmp_path, text)


def test_specificity_counts_the_new_constraints():
    lexicon = Lexicon.load()
    declare = [p for p in lexicon.verb_patterns["declare"] if p.causes]
    assert declare and not declare[0].is_event
    assert declare[0].specificity == 6  # an object list and a cause list


@pytest.mark.parametrize(("text", "threat"), [
    # a forecast of what something else brings about
    ("Relief agencies warned that the blockade could trigger a famine in the north.", False),
    ("The central bank warned that the strike would lead to fuel shortages.", False),
    # a warning of the speaker's own coercion
    ("The prime minister warned the rebels that the army would crush any new offensive.",
     True),
    # what may happen to or through others, with "could", "may": a forecast
    ("Doctors warned on Monday that the virus could reach every province by spring.", False),
    ("Economists warn that the new tariffs may push food prices higher.", False),
    ("Analysts warned that the move might be read in Beijing as a provocation.", False),
    # the speaker's own side as the subject, by pronoun or owned by one: a threat
    ("The navy commander warned that it could close the strait to tankers.", True),
    ("The foreign minister warned that his country could shut its airspace to Danish jets.",
     True),
])
def test_a_warning_of_consequences_is_no_threat(code, text, threat):
    assert any(e["event_type"] == "THREATEN" for e in code(text)) is threat


def test_a_threat_by_the_speakers_own_side_is_aimed_further_on(code):
    events = code("The foreign minister of Iran warned that his country could shut its "
                  "airspace to Danish jets.")
    threat = next(e for e in events if e["event_type"] == "THREATEN")
    assert threat["recipient"]["code"] == "DNK"


@pytest.mark.parametrize(("text", "recipient"), [
    # the manual: a country barring a group from its territory is REJECT
    ("The junta barred the UN envoy from entering Myanmar.", "UNO"),
    ("Moscow banned the Dutch reporter from the country on Friday.", "NLD"),
    ("UN envoy Jan Visser said the junta had prohibited him from entering the country.",
     "UNO"),
])
def test_barring_someone_from_the_country_is_a_rejection(code, text, recipient):
    rejection = next(e for e in code(text) if e["event_type"] == "REJECT")
    assert rejection["recipient"]["code"] == recipient


def test_barring_from_other_things_is_no_rejection_of_entry(code):
    events = code("The court banned the mayor from holding public office for five years.")
    assert not [e for e in events if e["event_type"] == "REJECT"]


@pytest.mark.parametrize(("text", "release"), [
    ("In 2019 the ministry released a national development program for robotics.", False),
    ("The cabinet released a white paper on water rights.", False),
    ("The militia released three hostages on Monday.", True),
])
def test_publishing_a_plan_is_no_release_of_captives(code, text, release):
    assert any(e["event_type"] == "RETREAT" for e in code(text)) is release


@pytest.mark.parametrize(("text", "detention"), [
    ("At times the camp held close to 300 detainees.", False),
    ("The new prison will hold about 500 inmates.", False),
    ("Gunmen held two aid workers for a week before releasing them.", True),
])
def test_a_building_holding_people_is_no_detention(code, text, detention):
    assert any(e["event_type"] == "COERCE" for e in code(text)) is detention


@pytest.mark.parametrize(("text", "accusation"), [
    ("From Monday the province is charging a 25% surcharge on power it sells abroad.", False),
    ("The state utility will charge a new levy on exports of gas.", False),
    ("Prosecutors charged the former governor with fraud on Monday.", True),
])
def test_charging_money_is_no_accusation(code, text, accusation):
    assert any(e["event_type"] == "ACCUSE" for e in code(text)) is accusation


@pytest.mark.parametrize("text", [
    "The upper house passed a bill targeting Venezuelan officials.",
    "The upper house passed legislation targeting Venezuela and Venezuelan officials.",
    "The cabinet approved a decree targeting foreign-funded charities.",
])
def test_a_law_targeting_someone_is_no_attack(code, text):
    assert not any(e["event_type"] == "ASSAULT" for e in code(text))


def test_a_strike_targeting_a_camp_is_still_an_attack(code):
    events = code("Helicopters fired missiles targeting a militia camp near the river.")
    assert any(e["event_type"] == "ASSAULT" for e in events)


@pytest.mark.parametrize("text", [
    "Tropical Storm Nadia slammed into the coast on Monday.",
    "Three storms hit the region this winter, Storms Ava and Bram among them. The town was "
    "struck by Bram in January.",
])
def test_a_storm_called_by_its_name_does_not_act(code, text):
    assert [e for e in code(text) if e["event_type"] in ("ASSAULT", "ACCUSE")] == []


def test_a_person_named_after_a_storm_word_still_acts(code):
    events = code("Rebel commander Ava Stone attacked the garrison on Monday.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]


@pytest.mark.parametrize("text, protest", [
    ("Party leaders tried to rally their lawmakers before the budget vote.", False),
    ("Hundreds of farmers rallied outside the ministry on Tuesday.", True),
])
def test_to_rally_people_is_no_protest(code, text, protest):
    assert ("PROTEST" in [e["event_type"] for e in code(text)]) is protest


def test_a_court_striking_down_a_law_overturns_it_and_strikes_no_one(code):
    events = code("The Indian Supreme Court struck down the ban on the film on Tuesday.")
    assert [e["plover_type"] for e in events] == ["CONCEDE"]


@pytest.mark.parametrize("text, aid", [
    ("A man armed with a machete attacked two guards outside the embassy on Friday.", False),
    ("The bandits were armed with hunting rifles.", False),
    ("Iran armed the militia with drones and rockets.", True),
])
def test_being_armed_with_something_describes_and_arming_someone_is_aid(code, text, aid):
    assert ("AID" in [e["event_type"] for e in code(text)]) is aid


def test_a_finite_verb_after_an_armed_with_phrase_is_the_armed_persons(code):
    events = code("A man armed with a hammer wounded two teachers in Graz on Monday.")
    assault = next(e for e in events if e["event_type"] == "ASSAULT")
    assert assault["actor"]["text"] == "A man"


@pytest.mark.parametrize("text, event_type", [
    ("The mayor shot back at her critics on Thursday.", "ACCUSE"),
    ("Soldiers shot back at the gunmen from the rooftop.", "ASSAULT"),
])
def test_shooting_back_at_critics_is_a_retort(code, text, event_type):
    assert [e["event_type"] for e in code(text)] == [event_type]


@pytest.mark.parametrize("text, threat", [
    ("The new governor pledged to fight poverty and drought in the north.", False),
    ("The insurgents vowed to fight the army until its last soldier left.", True),
])
def test_a_pledge_to_fight_a_social_ill_is_no_threat(code, text, threat):
    assert ("THREATEN" in [e["event_type"] for e in code(text)]) is threat


@pytest.mark.parametrize("text, event_type", [
    ("The assembly shot down the budget proposal on Thursday.", "REJECT"),
    ("Air defences shot down two drones over the capital.", "ASSAULT"),
])
def test_a_proposal_shot_down_is_rejected_and_a_drone_attacked(code, text, event_type):
    assert [e["event_type"] for e in code(text)] == [event_type]


@pytest.mark.parametrize("text, assault", [
    ("The election office was bombarded with complaints and emails.", False),
    ("Artillery bombarded the port for six hours.", True),
])
def test_being_bombarded_with_words_is_no_shelling(code, text, assault):
    assert ("ASSAULT" in [e["event_type"] for e in code(text)]) is assault


@pytest.mark.parametrize("text, assault", [
    ("A provincial governor was killed in a helicopter crash on Sunday.", False),
    ("Three police officers were killed in an ambush on Sunday.", True),
])
def test_a_death_in_an_accident_is_no_attack(code, text, assault):
    assert ("ASSAULT" in [e["event_type"] for e in code(text)]) is assault


@pytest.mark.parametrize("text, event_type", [
    ("The envoy began a diplomatic offensive in European capitals.", None),
    ("Government troops began an offensive against the rebel stronghold.", "ASSAULT"),
    ("The prime minister fought off a leadership challenge on Tuesday.", None),
    ("Villagers fought off the raiders with sticks.", "ASSAULT"),
    ("Opposition senators torched the budget as a giveaway to donors.", "ACCUSE"),
    ("Soldiers torched three houses in the village.", "COERCE"),
])
def test_figurative_offensives_fights_and_torching(code, text, event_type):
    types = [e["event_type"] for e in code(text)]
    assert (event_type in types) if event_type else ("ASSAULT" not in types)


def test_a_barrage_of_criticism_is_no_shelling(code):
    types = [e["event_type"] for e in code(
        "The minister faced a barrage of criticism from the opposition.")]
    assert "ASSAULT" not in types


@pytest.mark.parametrize("text, event_type", [
    ("Militiamen fired a salvo of mortar rounds at the garrison.", "ASSAULT"),
    ("The navy fired a salvo of missiles into the sea on Sunday.", "MOBILIZE"),
])
def test_firing_a_counted_load_at_a_target_is_an_attack(code, text, event_type):
    assert [e["event_type"] for e in code(text)] == [event_type]


@pytest.mark.parametrize("text, event_type", [
    ("Rival parties seized on the governor's gaffe.", None),
    ("Customs officers seized on Friday three crates of rifles.", "COERCE"),
    ("The centre-left alliance stormed to victory in Sunday's vote.", None),
    ("Commandos stormed the hijacked plane at dawn.", "ASSAULT"),
])
def test_seizing_on_a_gaffe_and_storming_to_victory_are_no_acts(code, text, event_type):
    types = [e["event_type"] for e in code(text)]
    assert types == ([event_type] if event_type else [])


@pytest.mark.parametrize("text, threat", [
    ("The interior minister declared war on smuggling and drug addiction.", False),
    ("Armenia declared war on its neighbour on Sunday.", True),
])
def test_war_declared_on_an_ill_is_no_threat(code, text, threat):
    assert ("THREATEN" in [e["event_type"] for e in code(text)]) is threat


@pytest.mark.parametrize("text, assault", [
    ("The insurgents have waged a war against the garrison since March.", True),
    ("Separatists are waging a guerrilla campaign in the hills.", True),
    ("The dog wagged its tail at the soldiers.", False),
])
def test_waging_war_is_read_through_the_models_lemma(code, text, assault):
    # the default model lemmatizes "waged" and "waging" as "wag"
    assert ("ASSAULT" in [e["event_type"] for e in code(text)]) is assault
