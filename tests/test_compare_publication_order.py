"""Publication order is evidence: an article written before another omits one of its facts
only when something says the fact was knowable then (dated before, background, a state of
affairs, its speaker heard already); else the fact is at most unclear, "maybe after" the
earlier article. Article pairs written for these tests."""

from __future__ import annotations

import copy
import dataclasses

from fixtures.compare_builders import article, event

from sitrep.compare import Knowledge, compare_articles

# Thursday 2023-06-01: the early report; Saturday 2023-06-03: the later one
EARLY = "The harbour board of Vellin raised the mooring fees.\n"
LATE = "The harbour board of Vellin raised the mooring fees, angering Kessel crews.\n\n"
SUED = "The Marlo ferry company sued the board."


def _knowledge():
    knowledge = Knowledge.default()
    rules = copy.deepcopy(knowledge.rules)
    rules["omissions"]["min_relevance"] = 0.0  # short stories: little is core
    return dataclasses.replace(knowledge, rules=rules)


def _tiers(late_text: str, early_text: str = "", early_day: str = "2023-06-01",
           late_day: str = "2023-06-03", early_lead: str = EARLY):
    early = article("early", "Early", early_day, early_lead + early_text)
    late = article("late", "Late", late_day, LATE + late_text)
    comparison = compare_articles([early, late], _knowledge())
    return ({o.sentence: o for o in comparison.omissions if "early" in o.missing_from},
            {o.sentence: o for o in comparison.unclear_omissions if "early" in o.missing_from})


def test_a_new_act_a_later_article_tells_undated_may_have_come_after_the_earlier_one():
    omitted, unclear = _tiers(SUED + "\n")
    assert SUED not in omitted and SUED in unclear
    assert "after the publication of Early (2023-06-01)" in unclear[SUED].note
    # guards: no order between two articles of one day; nor when the teller is the older
    for early_day, late_day in (("2023-06-03", "2023-06-03"), ("2023-06-05", "2023-06-03")):
        omitted, _ = _tiers(SUED + "\n", early_day=early_day, late_day=late_day)
        assert SUED in omitted, early_day


def test_what_was_so_before_the_earlier_article_may_be_omitted_by_it():
    for known in ("The Marlo ferry company sued the board on Wednesday.",  # dated before
                  "The Marlo ferry company sued the board in 2019.",
                  "The Marlo ferry company had sued the board.",  # background
                  "The Marlo ferry company previously sued the board.",
                  "The Marlo ferry company has sued the board.",  # a state of affairs
                  "The Marlo ferry company owns the Dorsa quay."):
        omitted, _ = _tiers(known + "\n")
        assert known in omitted, known


def test_a_source_saying_something_now_is_a_new_act_having_said_it_a_state():
    says = "The Marlo ferry pilots say the fees are unfair to Kessel crews."
    omitted, unclear = _tiers(says + "\n")
    assert says not in omitted and says in unclear
    has_said = "The Marlo ferry pilots have said the fees are unfair to Kessel crews."
    omitted, _ = _tiers(has_said + "\n")
    assert has_said in omitted


def test_a_lead_or_a_deed_in_the_perfect_is_news_a_stance_held_is_a_state():
    resigned = "Mayor Ana Ruiz has resigned over the Marlo ferry levy."
    opposed = "Mayor Ana Ruiz has opposed the Marlo ferry levy."
    early = article("early", "Early", "2023-06-01", EARLY)
    cases = ((resigned + "\n", [], resigned, "unclear"),  # the later article's lead: news
             (LATE + resigned + "\n",  # a deed (PLOVER's material RETREAT) done at some time
              [event(LATE + resigned + "\n", "resigned", "RETREAT", actor=("Ana Ruiz", None))],
              resigned, "unclear"),
             (LATE + resigned + "\n", [], resigned, "omitted"),  # no act coded: a state
             (LATE + opposed + "\n",  # a verbal stance held (REJECT): a state
              [event(LATE + opposed + "\n", "opposed", "REJECT", actor=("Ana Ruiz", None))],
              opposed, "omitted"))
    for late_text, events, line, tier in cases:
        late = article("late", "Late", "2023-06-03", late_text, events)
        comparison = compare_articles([early, late], _knowledge())
        listed = comparison.unclear_omissions if tier == "unclear" else comparison.omissions
        assert line in [o.sentence for o in listed if "early" in o.missing_from], (late_text, tier)


def test_an_act_on_the_earlier_articles_own_day_is_maybe_after_even_when_it_names_that_day():
    thursday = "The Marlo ferry company sued the board on Thursday."
    omitted, unclear = _tiers(thursday + "\n", early_text="Kessel crews met on Thursday.\n")
    assert thursday not in omitted and thursday in unclear
    # guard: a day after its date that the earlier article names shows it was updated
    friday = "The Marlo ferry company sued the board on Friday."
    omitted, _ = _tiers(friday + "\n", early_text="Kessel crews met on Friday.\n")
    assert friday in omitted


def test_a_speaker_the_earlier_article_quotes_had_spoken_by_then():
    said = "Ana Ruiz, the mayor, said Marlo ferry pilots struck over the pilotage levy."
    omitted, unclear = _tiers(said + "\n")
    assert said not in omitted and said in unclear
    omitted, _ = _tiers(said + "\n", early_text="Ruiz said the fees were fair.\n")
    assert said in omitted


def test_a_lead_telling_its_act_as_going_on_is_written_before_one_telling_it_done():
    # both of Saturday: one writes while the crews are at it, the other when it is over
    going_on = "Kessel crews are blocking the Dorsa quay over the mooring fees.\n"
    late = ("Kessel crews blocked the Dorsa quay over the mooring fees.\n\n" + SUED + "\n")
    for lead, tier in ((going_on, "unclear"),
                       ("Kessel crews blocked the Dorsa quay over the mooring fees.\n",
                        "omitted")):
        early = article("early", "Early", "2023-06-03", lead)
        other = article("late", "Late", "2023-06-03", late)
        comparison = compare_articles([early, other], _knowledge())
        listed = comparison.unclear_omissions if tier == "unclear" else comparison.omissions
        assert SUED in [o.sentence for o in listed if "early" in o.missing_from], lead
