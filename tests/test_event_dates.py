"""Which date an event takes, and whether it is background: sentences written for these
tests, coded by the whole pipeline (rules: sitrep/resolve/event_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article

PUBLISHED = date(2021, 6, 9)  # a Wednesday: Monday is 06-07, Thursday 06-03


@pytest.fixture(scope="module")
def code():
    def run(text: str, published: date | None = PUBLISHED) -> list[dict]:
        (processed,) = list(pipeline([Article(text=text, outlet="Test Wire",
                                              published=published)]))
        return [e.to_record() for e in processed.events]

    return run


def by_trigger(events: list[dict], trigger: str) -> dict:
    found = [e for e in events if e["trigger"]["text"] == trigger]
    assert found, f"no event on {trigger!r} in {[e['trigger']['text'] for e in events]}"
    return found[0]


def dated(event: dict) -> tuple[str | None, bool]:
    return event["event_date"], event["date_inferred"]


# --- the date of the event's own clause ----------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The embassy was on Monday attacked by gunmen.", "attacked", "2021-06-07"),
    ("The attack on Monday killed four people.", "killed", "2021-06-07"),
    ("Sunday's attack killed five soldiers near the border.", "killed", "2021-06-06"),
    ("On Saturday, police arrested 12 protesters in Minsk.", "arrested", "2021-06-05"),
    # a date on a noun dates it, however far from the clause's verb
    ("After his arrest on Friday, the suspect spent the night in a police cell.", "arrest",
     "2021-06-04"),
    # a participle adjunct is part of its clause's act
    ("On Thursday a man went on a stabbing spree in the capital, killing four.", "killing",
     "2021-06-03"),
    # so is a present participle on its object: the decree bans when it is signed
    ("On Monday, the governor signed an order banning rallies in the province.", "banning",
     "2021-06-07"),
    # a participle of the subject's says when the subject did the act, before or after it
    ("Speaking to reporters on Monday, the minister accused the rebels of treason.",
     "accused", "2021-06-07"),
    ("The minister, speaking to reporters on Monday, accused the rebels of treason.",
     "accused", "2021-06-07"),
    # a verb of helping or beginning carries its complement's act at its own time
    ("On Monday, the envoy helped to arrange talks between the two ministers.", "talks",
     "2021-06-07"),
    # the means of an act dates the act
    ("The farmer admitted killing his neighbour by poisoning him on Thursday.", "killing",
     "2021-06-03"),
    # a date before the noun of the scene an act is done at or in
    ("Two opposition deputies were detained at Monday's rally in the capital.", "detained",
     "2021-06-07"),
    # a participle of performing the act its noun names says when that act occurred
    ("The statement issued on Monday accused the army of torturing prisoners.", "accused",
     "2021-06-07"),
    ("In a video posted on Monday, the rebels threatened to kill the hostages.",
     "threatened", "2021-06-07"),
    # a clause of "when" and its main clause tell acts of one time, each dating the other
    ("Police arrested the editor when he landed at the airport on Monday.", "arrested",
     "2021-06-07"),
    ("On Thursday the guards fired on the crowd when it stormed the gate.", "stormed",
     "2021-06-03"),
])
def test_a_date_anywhere_in_the_clause(code, text, trigger, expected):
    assert dated(by_trigger(code(text), trigger)) == (expected, False)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The delegation was in Cairo on Monday to meet with the foreign minister.", "meet with",
     "2021-06-07"),
    ("Hundreds of farmers gathered outside the parliament on Tuesday to protest the new tax.",
     "protest", "2021-06-08"),
])
def test_an_errand_told_by_an_infinitive_of_purpose_is_done_at_its_verbs_time(
        code, text, trigger, expected):
    assert dated(by_trigger(code(text), trigger)) == (expected, False)


def test_an_act_told_in_a_statement_emailed_on_a_day_is_of_that_day(code):
    events = code("In a statement emailed to reporters on Monday, the minister accused the "
                  "rebels of looting the town.")
    assert dated(by_trigger(events, "accused")) == ("2021-06-07", False)


def test_a_call_made_in_a_month_is_of_that_month(code):
    call = by_trigger(code("A phone call made by the president in May angered the "
                           "opposition."), "call")
    assert call["date_range"] == {"start": "2021-05-01", "end": "2021-05-31"}


def test_an_act_that_led_to_a_dated_one_takes_its_month_or_year(code):
    text = "The colonel became president in 1970 after overthrowing his brother."
    overthrow = by_trigger(code(text), "overthrowing")
    assert overthrow["date_range"] == {"start": "1970-01-01", "end": "1970-12-31"}


@pytest.mark.parametrize("text", [
    # a day: the act leading to it may be days before
    "The colonel became president on Monday after overthrowing his brother.",
    # what followed may be years later
    "The colonel became president in 1970 before overthrowing his brother.",
])
def test_but_not_its_day_nor_what_followed_it(code, text):
    assert by_trigger(code(text), "overthrowing")["event_date"] is None


@pytest.mark.parametrize(("text", "trigger"), [
    # the reporting verb's date is the saying's, not the reported act's
    ("Officials said on Monday that rebels had attacked a convoy.", "attacked"),
    # a relative clause's date is its own
    ("The governor, who was elected on Sunday, condemned the attack.", "condemned"),
    # a date before a noun dates that noun, not the act done to it
    ("The president condemned Monday's attack on the embassy.", "condemned"),
    # a perfect participle tells an earlier act
    ("Having fled the country in 2015, the general accused the army of torture.", "accused"),
    # a participle of another act than its noun's: when the students were held, not freed
    ("Students detained on Monday were later freed by the police.", "freed"),
    # a clause of "after" tells another time
    ("Police arrested the editor after he landed at the airport on Monday.", "arrested"),
])
def test_a_date_of_another_clause_does_not_date_the_event(code, text, trigger):
    assert dated(by_trigger(code(text), trigger)) == (None, False)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Three soldiers were killed in a roadside bombing that happened on Monday near the "
     "border.", "killed"),
    ("Two guards were wounded in an ambush which took place on Monday outside the prison.",
     "wounded"),
    ("Rebels attacked a convoy near the border in a raid that occurred on Monday.",
     "attacked"),
])
def test_an_act_done_in_an_event_dated_by_its_relative_clause_takes_that_date(
        code, text, trigger):
    # "that happened on Monday" only says when the event occurred, as "Monday's" does
    assert dated(by_trigger(code(text), trigger)) == ("2021-06-07", False)


@pytest.mark.parametrize(("text", "trigger"), [
    # an act done to the event is not done in it
    ("The president condemned the bombing that happened on Monday.", "condemned"),
    # a relative clause telling another act keeps its date
    ("The rebels attacked a convoy in a village that they had seized on Monday.",
     "attacked"),
])
def test_but_not_an_act_done_to_it_nor_in_a_place_seized_then(code, text, trigger):
    assert dated(by_trigger(code(text), trigger)) == (None, False)


def test_a_date_after_until_ends_a_state_and_dates_no_act(code):
    held = by_trigger(code("The Kenyan journalist was held in custody until Monday."), "held")
    assert held["event_date"] is None
    # the imprisonment is the arrest's: one act, of 1971
    events = code("The Kenyan dissident was arrested in 1971 and was imprisoned until 1980.")
    (detention,) = [e for e in events if e["plover_type"] == "COERCE"]
    assert detention["event_date"] == "1971-01-01" and len(detention["mentions"]) == 2


# --- speech acts ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ('"We condemn this attack," the minister said on Monday.', "condemn", "2021-06-07"),
    ("The ministry said on Monday that Russia should withdraw its troops.", "should",
     "2021-06-07"),
    # the demanded act's time is not the demand's
    ("The UN said on Monday that both sides should meet on Friday.", "should", "2021-06-07"),
    ("Prosecutors charged the suspect with murder, they said on Sunday.", "charged",
     "2021-06-06"),
    # a speaker for the actor: the statement is the act
    ("Turkey has accused Greece of violating its airspace, the Turkish defence ministry "
     "said on Monday.", "accused", "2021-06-07"),
])
def test_a_speech_act_takes_the_date_of_its_reporting_clause(code, text, trigger, expected):
    assert dated(by_trigger(code(text), trigger)) == (expected, False)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The ministry said on Monday that China had threatened Taiwan.", "threatened"),
    ("China has threatened Taiwan, the Taiwanese defence ministry said on Monday.",
     "threatened"),
    # the speaker's own act, but done before the saying
    ("The ministry said on Monday that it had urged Russia to withdraw.", "urged"),
])
def test_someone_elses_or_an_earlier_act_reported_does_not(code, text, trigger):
    assert dated(by_trigger(code(text), trigger)) == (None, False)


# --- dates the discourse carries ----------------------------------------------------------

ATTACK = "Gunmen attacked a police station in the north on Thursday."


def test_a_continuing_sentence_inherits_the_date_marked_inferred(code):
    events = code(ATTACK + " The attackers were shot dead by soldiers.")
    assert dated(by_trigger(events, "attacked")) == ("2021-06-03", False)
    shot = by_trigger(events, "shot")
    assert dated(shot) == ("2021-06-03", True)
    assert shot["date_text"] == "on Thursday" and shot["background"] is False


@pytest.mark.parametrize(("text", "expected"), [
    ("On Tuesday, a storm hit the coast. Police arrested two looters in the port.",
     ("2021-06-08", "2021-06-08")),
    ("At the election in 2008, the ruling party lost its majority. Its leader arrested the "
     "opposition leader.", ("2008-01-01", "2008-12-31")),
])
def test_a_dated_main_clause_that_is_no_act_sets_the_time(code, text, expected):
    arrested = by_trigger(code(text), "arrested")
    assert arrested["date_inferred"] is True
    assert (arrested["date_range"]["start"], arrested["date_range"]["end"]) == expected


def test_an_act_ordered_within_a_days_scene_inherits_the_day(code):
    events = code(ATTACK + " The attackers surrendered to soldiers after being surrounded.")
    assert dated(by_trigger(events, "surrendered")) == ("2021-06-03", True)


def test_an_act_ordered_after_another_in_a_years_narrative_does_not(code):
    events = code("The rebels seized the town in 1990. The commander arrested the mayor "
                  "after taking the port.")
    assert dated(by_trigger(events, "arrested")) == (None, False)


def test_an_act_after_a_dated_act_named_again_takes_its_day(code):
    events = code(ATTACK + " Four officers died.\n\nThe building was sealed off after the "
                  "attack.")
    assert dated(by_trigger(events, "sealed off")) == ("2021-06-03", True)


def test_an_act_after_another_act_of_its_kind_does_not(code):
    events = code(ATTACK + "\n\nThe building was sealed off after an attack.")
    assert dated(by_trigger(events, "sealed off")) == (None, False)


def test_a_week_is_carried_as_its_span(code):
    shelling = by_trigger(code("Last week, the army shelled the border town. The shelling "
                               "killed six civilians."), "killed")
    assert dated(shelling) == (None, True)
    assert shelling["date_range"] == {"start": "2021-05-31", "end": "2021-06-06"}


def test_the_same_day_and_the_next_count_from_the_day_last_mentioned(code):
    events = code("Gunmen attacked a mosque on Friday. Police arrested a man the same day. "
                  "A judge ordered him held until a hearing on June 30.\n\n"
                  "The next day, soldiers shelled the rebels' base.")
    assert dated(by_trigger(events, "arrested")) == ("2021-06-04", True)
    # the hearing's date is another time line: "the next day" counts from Friday
    shelled = by_trigger(events, "shelled")
    assert dated(shelled) == ("2021-06-05", True) and shelled["date_text"] == "The next day"


@pytest.mark.parametrize(("later", "expected"), [
    ("Two days later", "2021-06-05"),
    ("Later in the day", "2021-06-03"),
    ("Hours later", "2021-06-03"),
])
def test_days_counted_later_or_earlier_count_from_the_day_last_mentioned(code, later,
                                                                          expected):
    events = code(ATTACK + f" {later}, the army arrested their leader.")
    assert dated(by_trigger(events, "arrested")) == (expected, True)


def test_the_same_day_after_a_month_names_no_day(code):
    event = by_trigger(code("In May the rebels seized the town. Soldiers shelled it the same "
                            "day."), "shelled")
    assert (event["event_date"], event["date_text"]) == (None, "the same day")


def test_the_speakers_further_words_inherit_the_statements_date(code):
    events = code('The minister said on Monday: "We condemn this attack. '
                  'We call on the United Nations to act."')
    assert dated(by_trigger(events, "call on")) == ("2021-06-07", True)


def test_the_speakers_further_accusation_with_no_subject_of_its_own_inherits_it(code):
    events = code('"The attack was cowardly," the minister said on Monday. "The terrorists '
                  'are criminals and murderers."')
    assert dated(by_trigger(events, "criminals")) == ("2021-06-07", True)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The former leader has died, according to President Adam Kowal on Friday.\n\n"
     '"He was an icon of liberation who gave his life to his people," wrote President Kowal.',
     "wrote", "2021-06-04"),
    ('The minister said on Monday that the rebels must leave.\n\n"They are criminals," the '
     "minister said.", "said", "2021-06-07"),
    # a verbal act told in the simple past by the same speaker
    ("Minister Jan Kowal said on Monday that the rebels must leave.\n\nKowal also accused "
     "the rebels of looting the town.", "accused", "2021-06-07"),
    # a name written with or without its accents
    ('President Erdoğan said on Monday that the rebels must leave.\n\n"They are criminals," '
     "Erdogan said.", "said", "2021-06-07"),
    # a pronoun speaks for the last speaker named
    ("Minister Jan Kowal said on Monday that the rebels must leave.\n\nHe also accused "
     "the rebels of looting the town.", "accused", "2021-06-07"),
])
def test_a_speakers_statement_takes_the_date_of_their_last_dated_one(code, text, trigger,
                                                                     expected):
    assert dated(by_trigger(code(text), trigger)) == (expected, True)


@pytest.mark.parametrize("text", [
    # another speaker
    'The minister said on Monday that the rebels must leave.\n\n"They are criminals," '
    "Mr Kowal said.",
    # a statement years back is no day of this news
    'The minister said on May 4, 2015 that the rebels must leave.\n\n"They are criminals," '
    "the minister said.",
    # a pronoun after another speaker named
    'The minister said on Monday that the rebels must leave.\n\nMr Kowal said the rebels '
    'were armed.\n\n"They are criminals," he said.',
])
def test_but_not_another_speakers_nor_one_long_before(code, text):
    assert by_trigger(code(text), "said")["event_date"] is None


@pytest.mark.parametrize(("text", "trigger"), [
    ('The army seized the northern province in 2012. "Nobody here has forgotten those '
     'years," a local teacher said.', "said"),
    ('The two states cut diplomatic ties in 2016. "Both governments stoked the quarrel and '
     'both must now return to talks," the analyst said.', "said"),
])
def test_a_sources_statement_does_not_go_on_at_a_recalled_episodes_time(code, text,
                                                                          trigger):
    assert dated(by_trigger(code(text), trigger)) == (None, False)


def test_but_an_act_of_that_episode_does(code):
    events = code("The two leaders met in Vienna in 2016. The president rejected the offer "
                  "of talks.")
    assert dated(by_trigger(events, "rejected")) == ("2016-01-01", True)


def test_an_act_of_someone_named_in_the_quotation_does_not(code):
    events = code('The minister said on Monday: "The attack was cowardly. Russia attacked '
                  'our border posts."')
    assert dated(by_trigger(events, "attacked")) == (None, False)


@pytest.mark.parametrize("text", [
    ATTACK + "\n\nThe attackers were shot dead by soldiers.",  # another paragraph
    ATTACK + " Soldiers later arrested two suspects.",  # placed relative to another time
    ATTACK + " Soldiers eventually arrested two suspects.",  # at some later time
    # shortly before the report, not at the narrative's time
    "The rebels seized the town in 2015. The president recently visited the region.",
    # a clause within one placed relative to another time
    ATTACK + " After the gunmen fled, the governor issued a statement that blamed the army.",
    ATTACK + " Police are investigating the attack.",  # present tense
    "Officials said on Thursday that talks had collapsed. Rebels shelled the city.",
])
def test_no_date_is_carried(code, text):
    events = code(text)
    assert [e for e in events if e["date_inferred"]] == []
    later = [e for e in events if e["trigger"]["start"] > text.index(".")]
    assert later and all(e["event_date"] is None for e in later)


def test_a_date_since_which_a_state_holds_sets_no_time(code):
    # what follows the start of a state still holding is now
    events = code("The valley has been free of fighting since 2009. Rebels shelled a village "
                  "in the hills.")
    assert dated(by_trigger(events, "shelled")) == (None, False)


def test_a_deadline_after_publication_sets_no_time_the_sentences_other_date_does(code):
    events = code("The ministry published a strategy in 2016 to make the region free of "
                  "malaria by 2030. Rebels shelled a village in the hills.")
    shelled = by_trigger(events, "shelled")
    assert shelled["date_inferred"] is True
    assert shelled["date_range"] == {"start": "2016-01-01", "end": "2016-12-31"}


def test_the_publication_date_is_never_an_event_date(code):
    event = by_trigger(code("Police arrested twelve protesters in Minsk."), "arrested")
    assert (event["event_date"], event["date_text"], event["date_inferred"]) == (None, None,
                                                                                False)


# --- background ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "when"), [
    ("The United States imposed sanctions on the country in 2016.", "imposed",
     "2016-01-01"),
    ("In March the rebels attacked the town.", "attacked", "2021-03-01"),
    ("The court had been petitioned by opposition lawmakers.", "petitioned", None),
    ("The government previously banned the party.", "banned", None),
    ("The army used to shell the town.", "shell", None),
    ("The United States imposed sanctions on the country years ago.", "imposed", None),
])
def test_background(code, text, trigger, when):
    event = by_trigger(code(text), trigger)
    assert event["background"] is True
    assert event["event_date"] == when


def test_a_decade_is_background_with_its_span(code):
    event = by_trigger(code("In the 1990s, the government confiscated farms from their "
                            "owners."), "confiscated")
    assert event["background"] is True and event["event_date"] is None
    assert event["date_range"] == {"start": "1990-01-01", "end": "1999-12-31"}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police arrested 12 activists on Monday.", "arrested"),
    ("In May the rebels attacked the town.", "attacked"),  # within the news window
    ("Police had arrested 12 protesters by Monday evening.", "arrested"),  # dated news
    ("Police said the gunmen had attacked the convoy.", "attacked"),  # reported speech
    ("The army used its drones to attack the rebels.", "attack"),
    ("Police arrested twelve protesters in Minsk.", "arrested"),
])
def test_news(code, text, trigger):
    assert by_trigger(code(text), trigger)["background"] is False


def test_background_keeps_its_own_date_and_passes_it_on(code):
    events = code(ATTACK + " The army had previously bombed the market.\n\n"
                  "In 2016, the army arrested the opposition leader. He was charged with "
                  "treason.")
    bombed = by_trigger(events, "bombed")
    assert bombed["background"] is True and dated(bombed) == (None, False)
    charged = by_trigger(events, "charged")
    assert dated(charged) == ("2016-01-01", True) and charged["background"] is True


def test_one_parse_coded_under_two_publication_dates_dates_each_from_its_own():
    # what `evaluation.stories.code_streams` relies on: coding leaves the parse unchanged
    from sitrep.parse import parse_with_headlines
    from sitrep.pipeline import Components, code_parsed

    components = Components.load()
    article = Article(text="Rebels attacked a convoy near the border on Monday.",
                      title="Convoy attacked", outlet="Test Wire", published=PUBLISHED)
    [(doc, _, headline)] = parse_with_headlines(components.nlp, [article], batch_size=1)
    later = Article(text=article.text, title=article.title, outlet=article.outlet,
                    published=date(2021, 6, 16))
    runs = [code_parsed(doc, a, headline, components) for a in (article, later, article)]
    dates = [by_trigger([e.to_record() for e in run.events], "attacked")["event_date"]
             for run in runs]
    assert dates == ["2021-06-07", "2021-06-14", "2021-06-07"]
    assert [e.to_record() for e in runs[0].events] == [e.to_record() for e in runs[2].events]


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # a narrative set in an earlier year goes on in that year
    ("The general seized power on March 3, 2015. He freed the prisoners on March 20, "
     "weeks later.", "freed", "2015-03-20"),
    ("Troops entered the city in May 2016. They arrested the mayor in June.", "arrested",
     "2016-06-01"),
    # a recent date sets no other year: the publication date anchors as before
    ("Rebels attacked the town on June 1, 2021. Troops arrested the leader on June 4.",
     "arrested", "2021-06-04"),
])
def test_a_day_without_its_year_takes_the_narratives_year(code, text, trigger, expected):
    assert dated(by_trigger(code(text), trigger))[0] == expected


def test_a_day_without_its_year_that_is_no_act_passes_the_narratives_year_on(code):
    events = code("On May 2, 2016, the rebels seized the port. On May 30 a storm hit the "
                  "coast. The rebels shelled the town.")
    assert dated(by_trigger(events, "shelled")) == ("2016-05-30", True)


def test_a_new_paragraph_does_not_take_the_last_ones_year(code):
    text = ("The general seized power on March 3, 2015.\n\nHe freed the prisoners on "
            "March 20.")
    assert dated(by_trigger(code(text), "freed"))[0] == "2021-03-20"


def test_a_named_day_dates_an_act_and_takes_the_narratives_year(code):
    text = ("The rebels seized the airport on December 2, 2016, after a long siege. "
            "On Christmas Eve, government troops shelled the airport.")
    # the narrative of 2016 goes on: not the last Christmas Eve before publication
    assert dated(by_trigger(code(text), "shelled")) == ("2016-12-24", False)


def test_an_act_over_the_weekend_takes_the_weekends_span(code):
    clashed = by_trigger(code("Protesters clashed with police over the weekend."), "clashed")
    assert clashed["event_date"] is None  # no single day
    assert clashed["date_range"] == {"start": "2021-06-05", "end": "2021-06-06"}


@pytest.mark.parametrize("text", [
    "Somchai was arrested in March, but the Thai police, when announcing the arrest in May, "
    "identified him only as Mr. S.",
    "Somchai was arrested in March. The Thai police announced the arrest in May.",
])
def test_an_act_told_again_by_a_report_keeps_its_own_date_not_the_reports(code, text):
    arrests = [e for e in code(text) if e["plover_type"] == "COERCE"]
    assert len(arrests) == 1
    assert arrests[0]["event_date"] == "2021-03-01"


def test_an_act_first_told_by_a_report_with_its_own_arguments_takes_the_reports_date(code):
    event = by_trigger(code("The Thai police announced the arrest of 20 smugglers on Monday."),
                       "arrest")
    assert event["event_date"] == "2021-06-07"


def test_an_activity_going_on_since_a_date_is_not_done_then_nor_background(code):
    event = by_trigger(code("Farmers have been protesting in Cusco since April over land "
                            "prices."), "protesting")
    assert event["event_date"] is None
    assert event["background"] is False


def test_an_act_since_a_date_outside_the_progressive_keeps_it(code):
    event = by_trigger(code("The army has detained the journalist since June 2020."),
                       "detained")
    assert event["event_date"] == "2020-06-01"
