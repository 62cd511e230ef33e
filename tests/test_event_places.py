"""Where an event happened when its own clause names no place: the paragraph's town, the
dateline, the setting (sitrep/resolve/event_places.py), on short articles written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article, Event


@pytest.fixture(scope="module")
def code():
    def run(text: str, title: str | None = None, dateline: str | None = None,
            published: date | None = date(2023, 5, 12)) -> list[Event]:
        article = Article(text=text, title=title, outlet="Test Wire", published=published,
                          dateline=dateline)
        (processed,) = list(pipeline([article]))
        return processed.events

    return run


def by_trigger(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


def source(event: Event) -> str | None:
    if event.location is None:
        return None
    return event.location.inferred_from or "clause"


MARKET = (
    "Gunmen stormed a cattle market in the town of Kayes in western Mali on Tuesday. "
    "Police arrested three suspects hours later. "
    "The U.S. State Department condemned the attack.\n\n"
    "Mali's interior minister visited the wounded in a hospital in Bamako on Wednesday.\n\n"
    "Soldiers detained two more men at a checkpoint on Thursday."
)


def test_an_act_without_a_place_takes_its_paragraphs_town(code):
    events = code(MARKET, title="Gunmen attack market in Mali")
    arrest = by_trigger(events, "arrested")
    assert source(arrest) == "paragraph"
    assert arrest.location.name == "Kayes" and arrest.location.country == "MLI"
    # the text of the mention it came from, with its offsets, read as the clause that
    # names it reads it (the town, not the region of that name)
    assert arrest.location.text == "the town of Kayes"
    assert MARKET[arrest.location.start:arrest.location.end] == "the town of Kayes"
    attack = by_trigger(events, "stormed")
    assert arrest.to_record()["location"] == {**attack.to_record()["location"],
                                              "inferred_from": "paragraph"}
    assert attack.to_record()["location"]["inferred_from"] is None
    assert arrest.location.precision == "city"


def test_an_act_whose_clause_names_a_place_keeps_it(code):
    events = code(MARKET, title="Gunmen attack market in Mali")
    attack = by_trigger(events, "stormed")
    assert source(attack) == "clause" and attack.location.name == "Kayes"
    visit = by_trigger(events, "visited")
    assert source(visit) == "clause" and visit.location.name == "Bamako"


def test_a_foreign_speakers_statement_is_not_put_where_the_paragraph_is(code):
    events = code(MARKET, title="Gunmen attack market in Mali")
    condemned = by_trigger(events, "condemned")
    assert condemned.actor.code == "USA"
    assert condemned.location is None  # said in Washington, most likely: not in Mali


def test_a_paragraph_does_not_lend_its_place_to_the_next_one(code):
    events = code(MARKET, title="Gunmen attack market in Mali")
    detained = by_trigger(events, "detained")  # a paragraph of its own: not in Bamako
    assert source(detained) == "setting"
    assert (detained.location.name, detained.location.country) == ("Mali", "MLI")


BILL = (
    "Kenya's parliament approved a new finance bill on Tuesday after a long debate. "
    "Opposition lawmakers walked out of the chamber in protest. "
    "Protesters marched in Mombasa on Wednesday against the new taxes. "
    "In 2019, the parliament rejected a similar bill."
)


def test_an_act_without_a_place_nearby_takes_the_dateline(code):
    events = code(BILL, title="Kenya passes finance bill", dateline="NAIROBI")
    walkout = by_trigger(events, "walked out")
    assert source(walkout) == "dateline"
    assert walkout.location.text == "NAIROBI"
    assert (walkout.location.name, walkout.location.country) == ("Nairobi", "KEN")
    assert walkout.location.precision == "city"


def test_an_earlier_act_told_as_background_does_not_take_the_dateline(code):
    events = code(BILL, title="Kenya passes finance bill", dateline="NAIROBI")
    rejected = by_trigger(events, "rejected")
    assert rejected.background and rejected.date.value == date(2019, 1, 1)
    assert source(rejected) != "dateline"
    # the country where the story happens is still where the parliament sits
    assert source(rejected) == "setting" and rejected.location.country == "KEN"
    assert rejected.location.text == "Kenya" and rejected.location.precision == "country"


def test_the_dateline_does_not_override_a_place_the_clause_names(code):
    events = code(BILL, title="Kenya passes finance bill", dateline="NAIROBI")
    march = by_trigger(events, "marched")
    assert source(march) == "clause" and march.location.name == "Mombasa"


def test_without_dateline_the_setting_places_the_countrys_own_acts(code):
    events = code(BILL, title="Kenya passes finance bill")
    walkout = by_trigger(events, "walked out")
    assert source(walkout) == "setting"
    assert (walkout.location.name, walkout.location.country) == ("Kenya", "KEN")


def test_inferred_places_change_no_codes(code):
    """Merging and implied parties go by the places the clauses name: the same article
    with and without a dateline has the same acts with the same parties."""
    with_dateline = code(BILL, title="Kenya passes finance bill", dateline="NAIROBI")
    without = code(BILL, title="Kenya passes finance bill")

    def parties(events: list[Event]) -> list[tuple]:
        return [(e.event_type, e.trigger.text, e.actor and e.actor.code,
                 e.recipient and e.recipient.code) for e in events]

    assert parties(with_dateline) == parties(without)


GLACIER = (
    "Chile and Argentina traded accusations over a disputed glacier on Monday. "
    "Chile's foreign minister rejected an Argentine proposal for joint patrols. "
    "Argentina's government accused Chile of building a road on its side of the border. "
    "Officials criticized the plan as a provocation."
)


def test_a_setting_that_is_not_clear_places_only_what_its_own_parties_say(code):
    events = code(GLACIER, title="Chile and Argentina argue over glacier")
    # the story is Chile's by a hair: its own minister's act is placed there ...
    rejected = by_trigger(events, "rejected")
    assert source(rejected) == "setting" and rejected.location.country == "CHL"
    # ... not Argentina's statement, nor that of officials the text gives no country,
    # nor a joint act of the two
    assert by_trigger(events, "accused").location is None
    assert by_trigger(events, "criticized").location is None
    assert by_trigger(events, "traded").location is None


def test_a_persons_full_name_is_no_place_of_the_event():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = "In a message to Secretary of State Marco Rubio, the lawmakers urged new sanctions."
    (processed,) = list(pipeline([Article(text=text)]))
    assert processed.events
    for event in processed.events:
        assert event.location is None or "Rubio" not in event.location.text


def test_where_forces_are_sent_is_the_place_of_the_deployment():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = "Washington sent two aircraft carriers to the eastern Mediterranean."
    (processed,) = list(pipeline([Article(text=text)]))
    deployment = next(e for e in processed.events if e.event_type == "MOBILIZE")
    assert deployment.location is not None and deployment.location.name == "Mediterranean"


@pytest.mark.parametrize("text, town, country", [
    ("Rebels shelled Aleppo overnight.", "Aleppo", "SYR"),
    ("Russian drones struck Odesa on Friday, the mayor said.", "Odesa", "UKR"),
    ("Insurgents seized the town of Goma after a week of fighting.", "Goma", "COD"),
])
def test_a_town_attacked_is_its_countrys_and_where_the_act_happened(code, text, town, country):
    # the town is no party the dictionary knows: its country is the recipient, not the
    # attacker's (the only country the sentence names) nor none
    (event,) = [e for e in code(text) if e.event_type in ("ASSAULT", "COERCE")]
    assert event.recipient is not None and event.recipient.code == country
    assert event.location is not None and town in event.location.text
    assert event.location.country == country


def test_a_town_named_as_whom_one_accuses_is_no_place_of_the_accusation(code):
    events = code("The governor of Texas criticised Odesa for its new tax.")
    accusation = next(e for e in events if e.event_type == "ACCUSE")
    assert accusation.location is None or "Odesa" not in accusation.location.text


@pytest.mark.parametrize("text, place, country", [
    ("A drone strike in Somalia killed four militants on Sunday.", "Somalia", "SOM"),
    ("An Israeli air raid on Rafah killed nine people.", "Rafah", "PSE"),
    ("Israeli air strikes on Gaza City killed 20 people overnight.", "Gaza City", "PSE"),
])
def test_the_place_of_an_act_named_as_the_subject_is_the_events(code, text, place, country):
    (event,) = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert event.location is not None and event.location.text == place
    # the people hit are of the place hit, not of the country that hit them
    assert event.recipient is not None and event.recipient.code == country


def test_a_day_is_no_place(code):
    from sitrep.extract.events import extract_events
    from sitrep.parse.model import load_model
    text = "Militants attacked a convoy on Friday near Kismayo."
    (event,) = [e for e in extract_events(load_model()(text), Article(text=text))]
    assert [c.text for c in event.place_candidates] == ["Kismayo"]


@pytest.mark.parametrize("text, people, country", [
    ("A roadside bomb exploded in Kandahar, killing six people.", "six people", "AFG"),
    ("A gunman opened fire at a school in Peshawar, killing nine students.", "nine students",
     "PAK"),
])
def test_the_people_an_act_kills_are_its_recipient_not_the_state_of_its_place(
        code, text, people, country):
    (event,) = [e for e in code(text) if e.event_type == "ASSAULT"]
    assert event.recipient is not None and event.recipient.text == people
    assert event.recipient.code == country and event.recipient.sector == "CVL"


def test_the_country_a_story_is_about_keeps_its_name(code):
    # a neighbour has a region of that name; the story's own country keeps its vote
    events = code("MOGADISHU — Militants seized a guesthouse in Kismayo, a Somali port, on "
                  "Sunday. Somalia's army said its soldiers shot the attackers. Ethiopian "
                  "soldiers also guard the frontier.\n\nThe group often stages bombings in "
                  "Somalia, hoping to topple the government.")
    bombings = by_trigger(events, "bombings")
    assert bombings.location.country == "SOM" and bombings.location.precision == "country"


def test_a_country_named_in_a_story_about_another_still_does_not_vote_for_itself(code):
    events = code("WASHINGTON — U.S. officials said on Monday that the United States would "
                  "send more agents to the border. A U.S. judge in Texas approved the plan.\n\n"
                  "Federal agents raided a farm in Georgia on Tuesday.")
    raid = by_trigger(events, "raided")
    assert raid.location.country == "USA"


@pytest.mark.parametrize("text, trigger", [
    # a thing of a place, not a place: its owner, what it is "of", a country's own thing
    ("The bank stopped lending in the face of Brazil's debt crisis.", "lending"),
    ("The company agreed to invest in Chile's copper mines.", "agreed"),
    # a topic: after "about", "over" a thing, or "on" for a statement or a sanction
    ("The council imposed sanctions on Venezuela last week.", "imposed"),
    ("Lawyers filed a complaint against the ministry over its treatment of prisoners in "
     "Tripoli.", "filed"),
    # a statement is where its speaker is, not where what it speaks of happened
    ("The foreign minister condemned the bombing in Kandahar on Monday.", "condemned"),
    ("The Dutch government rejected demands from Ankara to extradite the journalist.",
     "rejected"),
    # where the act's object comes from
    ("Ghana banned imports of poultry from Brazil on Monday.", "banned"),
    ("Portugal has tightened restrictions on all flights from Angola.", "tightened"),
    # a place in what a statement's object says
    ("The envoy dismissed accusations that his country buys drones from Iran.",
     "dismissed"),
    # where an attack's targets, or the attack, come from
    ("Since January the rebels have ramped up attacks on soldiers, settlers and workers, "
     "mostly from the southern Sindh province.", "attacks"),
    ("The group has stepped up attacks on police officers and traders, mostly from the "
     "southern Sindh province.", "attacks"),
    # a capital that stands for its government is a party, not a place
    ("Kenya received a loan from Beijing last year.", "received"),
    ("The minister condemned the killing of civilians in Gaza.", "condemned"),
    ("Two Chilean officers stand accused of the 2019 shooting in Valparaiso.", "accused"),
    # a visit that describes a party, not one told
    ("She was the first foreign minister to visit Minsk since the election.", "visit"),
    # a person visited is no place
    ("The senator visited Putin in 2019.", "visited"),
    # a country's forces attacked are no place
    ("Rebel gunners shelled Chadian troops overnight.", "shelled"),
])
def test_a_place_that_is_not_where_the_act_was_places_nothing(code, text, trigger):
    event = by_trigger(code(text), trigger)
    assert event.location is None, event.location


@pytest.mark.parametrize("text, trigger, name", [
    ("Diplomats held talks on Yemen in Muscat on Friday.", "held", "Muscat"),
    ("Students protested in Madrid over the war in Sudan.", "protested", "Madrid"),
    ("Ministers met in the Norwegian capital on Monday.", "met", "Oslo"),
    ("Troops fired on protesters in the streets of Caracas.", "fired on", "Caracas"),
    ("Police arrested two men at Bagram air base.", "arrested", "Bagram Air Base"),
    ("Gunmen attacked a convoy on the outskirts of Kabul.", "attacked", "Kabul"),
    ("The army withdrew its troops from Kherson in November.", "withdrew", "Kherson"),
    ("Warplanes flew over the Baltic Sea on Tuesday.", "flew over", "Baltic Sea"),
    # a place hung on the "of" phrase of the act or its object
    ("Police detained dozens of protesters in Tehran on Friday.", "detained", "Tehran"),
    ("The raid led to the arrest of five people in the northern city of Mosul.", "arrest",
     "Mosul"),
    # a country attacked by name is where the attack was
    ("Iraq invaded Kuwait in August 1990.", "invaded", "Kuwait"),
    ("Russia's invasion of Georgia began in August 2008.", "invasion", "Georgia"),
    # an abduction "from" a place was there
    ("Gunmen abducted 30 students from a school in Kaduna state on Friday.", "abducted",
     "Kaduna"),
    # a visit is where its verb's object is
    ("The prime minister visited Taiwan in August.", "visited", "Taiwan"),
    ("The minister toured the Donbas region on Friday.", "toured", "Donbas"),
    # a country the tagger reads as an organisation; a visit's noun and its "to"
    ("The premier will visit the Maldives in May, his office said.", "visit", "Maldives"),
    ("The Japanese premier arrived on Monday for a three-day visit to Fiji.", "visit", "Fiji"),
    # a visit told in what a noun says (a content clause), not a clause that describes it
    ("His aide announced plans that the premier will visit Samoa next year.", "visit",
     "Samoa"),
    # a sanction is where it is applied, a statement where it is said
    ("The charity suspended food deliveries in Mosul after a convoy was shelled.",
     "suspended", "Mosul"),
    ("Fighter jets held live-fire drills over the Yeoju shooting range on Monday.", "drills",
     "Yeoju"),
    # a meeting told as a plan is still where it will be held
    ("The president is due to meet his Turkish counterpart in Ankara in January.", "meet",
     "Ankara"),
    # an attack "on" a thing is where the thing is
    ("Militants launched an assault on a police base in Garissa County, Kenya.", "assault",
     "Garissa"),
])
def test_the_place_of_the_act_is_kept_beside_a_topic(code, text, trigger, name):
    event = by_trigger(code(text), trigger)
    assert event.location is not None and event.location.name == name
    assert event.location.inferred_from is None


def test_a_government_named_by_its_capital_is_not_placed_in_the_paragraphs_town(code):
    events = code("Police detained hundreds of people in the city of Kashgar on Friday. "
                  "Beijing rejected the accusations on Saturday.")
    detention = by_trigger(events, "detained")
    assert detention.location is not None and detention.location.name == "Kashgar"
    denial = by_trigger(events, "rejected")
    assert denial.location is None or denial.location.name != "Kashgar"


def test_a_clause_place_is_read_as_the_articles_places_read_it(code):
    # the article's place reading sees Atlanta beside "Georgia": the US state, also where
    # the story names no country but that name
    events = code("ATLANTA — Police in Atlanta arrested two men on Monday. The suspects were "
                  "later moved to a jail in Georgia's capital.\n\nOfficers raided a house "
                  "in Georgia on Tuesday.")
    raid = by_trigger(events, "raided")
    assert raid.location.country == "USA" and raid.location.precision == "division"


def test_a_place_behind_a_site_of_the_act_is_where_it_was(code):
    # the act was at the consulate, the consulate in Istanbul; the strike at the hideout
    protest = by_trigger(code("Hundreds of people massed in front of Israel's consulate in "
                              "Istanbul in protest on Monday."), "protest")
    assert protest.location.name == "Istanbul" and source(protest) == "clause"
    killed = by_trigger(code("The commander was killed Thursday in an airstrike that targeted "
                             "his hideout in Iraq's Anbar desert."), "killed")
    assert killed.location.country == "IRQ" and source(killed) == "clause"
    # a country's name before the site is the site's owner, not where it is
    attack = by_trigger(code("Gunmen attacked a bus near the Chinese embassy on Friday."),
                        "attacked")
    assert attack.location is None or attack.location.country != "CHN"


def test_a_meeting_is_where_its_partner_is_unless_held_by_phone(code):
    talks = by_trigger(code("The minister said Norway held talks on Thursday with Sudanese "
                            "envoys in Doha, Qatar."), "held")
    assert talks.location.name == "Doha"
    call = by_trigger(code("Erdogan held talks by video link with Macron on Monday."), "held")
    assert call.location is None


def test_an_act_is_where_its_doer_is_said_to_be(code):
    arrest = by_trigger(code("Police in Lagos arrested 20 protesters on Monday."), "arrested")
    assert arrest.location.name == "Lagos" and source(arrest) == "clause"


def test_what_a_statement_asks_for_is_not_where_it_was_made(code):
    request = by_trigger(code("The group called for a ceasefire in Sudan on Monday."),
                         "called for")
    assert request.location is None or source(request) != "clause"
    # a body asked for, even a party, is no more where it was asked
    request = by_trigger(code("Several donors have long called for a unity government in "
                              "Libya."), "called for")
    assert request.location is None or source(request) != "clause"


def test_an_attack_is_where_its_target_is_and_a_meeting_where_the_copula_puts_it(code):
    strikes = by_trigger(code("In March, British jets carried out a series of airstrikes "
                              "against the militia in Yemen."), "carried")
    assert strikes.location.country == "YEM" and source(strikes) == "clause"
    summit = by_trigger(code("Their last summit was in April 2016 in Lima."), "summit")
    assert summit.location.name == "Lima"
    # a statement's topic after a locative word is not where it was made
    said = code("A statement said the envoy repeated her pledge to support calm and "
                "security throughout the Middle East.")
    assert all(e.location is None or e.location.name != "Middle East" for e in said)
