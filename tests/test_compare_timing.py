"""An article is never said to omit what happened after it was published, also when the
later article's sentence carries no date itself (the scene or the speaker of a dated act).
Article pairs written for these tests."""

from __future__ import annotations

import copy
import dataclasses

from fixtures.compare_builders import article

from sitrep.compare import Knowledge, compare_articles
from sitrep.serve.comparison_report import render

# Thursday 2023-06-01: the early report; Saturday 2023-06-03: the later one
EARLY_LEAD = "The harbour board of Vellin voted on Thursday to raise the mooring fees.\n"
LATE_LEAD = "The harbour board of Vellin raised the mooring fees after a vote on Thursday.\n"


def _knowledge():
    knowledge = Knowledge.default()
    rules = copy.deepcopy(knowledge.rules)
    rules["omissions"]["min_relevance"] = 0.0  # short stories: little is core
    return dataclasses.replace(knowledge, rules=rules)


def _listed(late_text: str, early_text: str = "", early_day: str = "2023-06-01"):
    early = article("early", "Early", early_day, EARLY_LEAD + early_text)
    late = article("late", "Late", "2023-06-03", LATE_LEAD + late_text)
    comparison = compare_articles([early, late], _knowledge())
    return ({o.sentence: o for o in comparison.omissions if "early" in o.missing_from},
            {o.sentence: o for o in comparison.unclear_omissions if "early" in o.missing_from})


def test_a_fact_dated_after_the_earlier_publication_is_no_omission():
    dated = "Kessel crews blocked the Dorsa quay on Friday."
    omitted, unclear = _listed(dated + "\n")
    assert dated not in omitted and dated not in unclear
    # guard: dated before the earlier article was published, it may be omitted
    before = "Kessel crews blocked the Dorsa quay on Wednesday."
    omitted, _ = _listed(before + "\n")
    assert before in omitted


def test_the_scene_of_a_later_act_takes_its_day():
    scene = "Kessel crews blocked the Dorsa quay on Friday. Tarvik police watched from the pier."
    omitted, unclear = _listed(scene + "\n")
    watched = "Tarvik police watched from the pier."
    assert watched not in omitted and watched not in unclear
    # guard: in a paragraph of its own and in the present, the undated line keeps no day
    watch = "Tarvik police watch the pier."
    omitted, _ = _listed("Kessel crews blocked the Dorsa quay on Friday.\n\n" + watch + "\n")
    assert watch in omitted


def test_an_undated_line_that_goes_on_narrating_a_later_act_takes_its_day():
    later = ("Kessel crews blocked the Dorsa quay on Friday.\n\n"
             "Tarvik police watched from the pier.\n\n"
             "The Marlo ferry turned back to Osk with its cargo of grain.\n")
    omitted, unclear = _listed(later)
    for line in ("Tarvik police watched from the pier.",
                 "The Marlo ferry turned back to Osk with its cargo of grain."):
        assert line not in omitted and line not in unclear
    # guards: a time of its own, or the perfect, ends the narration
    for line in ("The Marlo ferry turned back to Osk with its cargo of grain in 2019.",
                 "The Marlo ferry had turned back to Osk with its cargo of grain."):
        omitted, _ = _listed(later.replace(
            "The Marlo ferry turned back to Osk with its cargo of grain.", line))
        assert line in omitted


def test_a_present_stage_a_later_article_tells_is_at_most_unclear():
    stage = "Tarvik police are now guarding the Dorsa quay."
    omitted, unclear = _listed(stage + "\n")
    assert stage not in omitted and stage in unclear
    assert "after the publication of Early (2023-06-01)" in unclear[stage].note
    # guards: a plain present tells no stage; an earlier article's present stage is told
    # before the later one was published
    plain = "Tarvik police guard the Dorsa quay."
    omitted, _ = _listed(plain + "\n")
    assert plain in omitted
    early = article("early", "Early", "2023-06-01", EARLY_LEAD + stage + "\n")
    late = article("late", "Late", "2023-06-03", LATE_LEAD)
    comparison = compare_articles([early, late], _knowledge())
    assert stage in [o.sentence for o in comparison.omissions if "late" in o.missing_from]


def test_an_earlier_article_that_names_the_day_may_tell_it():
    # dated Thursday but writing "Friday": first posted early, updated later
    dated = "Kessel crews blocked the Dorsa quay on Friday."
    omitted, _ = _listed(dated + "\n", "Ferries were sailing again by Friday.\n")
    assert dated in omitted
    # guard: a day named ahead ("will sail by Friday") is what a report written before
    # it says, no sign of an update
    omitted, unclear = _listed(dated + "\n", "Ferries will sail again by Friday.\n")
    assert dated not in omitted and dated not in unclear


def test_what_happened_on_the_day_of_publication_is_at_most_unclear():
    dated = "Kessel crews blocked the Dorsa quay on Friday."
    omitted, unclear = _listed(dated + "\n", early_day="2023-06-02")
    assert dated not in omitted and dated in unclear
    assert "after the publication of Early (2023-06-02)" in unclear[dated].note


def test_a_speaker_said_to_speak_after_the_earlier_publication_takes_that_day():
    later = ("Mayor Ana Ruiz said on Friday that the fees would hurt Kessel crews.\n\n"
             "Ruiz said she would ask the Dorsa council to cut the mooring levy.\n")
    omitted, unclear = _listed(later)
    asked = "Ruiz said she would ask the Dorsa council to cut the mooring levy."
    assert asked not in omitted and asked not in unclear
    # guard: what the speaker "has said" may be older than the day she spoke
    perfect = "Ruiz has said she would ask the Dorsa council to cut the mooring levy."
    omitted, _ = _listed(later.replace(asked, perfect))
    assert perfect in omitted



def _plan_listed(plan: str, later_text: str):
    # overlap alone is made strict here, so that only the plan rule can carry the plan
    knowledge = _knowledge()
    knowledge.rules["omissions"].update(carried_at=0.95, clause_factor=0.0, article_cover=1.1,
                                        rare_shared=99)
    early = article("early", "Early", "2023-06-01", EARLY_LEAD + plan + "\n")
    late = article("late", "Late", "2023-06-03", LATE_LEAD + later_text)
    comparison = compare_articles([early, late], knowledge)
    return [o.sentence for o in comparison.omissions + comparison.unclear_omissions
            if "late" in o.missing_from]


def test_a_plan_a_later_article_tells_what_became_of_is_no_omission():
    plan = ("Kessel crews will block the Dorsa quay, demanding higher wages, safer gangways, "
            "shorter shifts and paid overtime.")
    assert plan not in _plan_listed(plan, "Kessel pickets blocked Dorsa for an hour.\n")
    # guards: a later article that never tells the act, or an earlier one stating no plan
    assert plan in _plan_listed(plan, "Kessel pickets stood by Dorsa for an hour.\n")
    done = plan.replace("will block", "blocked")
    assert done in _plan_listed(done, "Kessel pickets blocked Dorsa for an hour.\n")


def test_reports_say_why_a_fact_of_the_publication_day_is_unclear():
    early = article("early", "Early", "2023-06-02", EARLY_LEAD)
    late = article("late", "Late", "2023-06-03",
                   LATE_LEAD + "Kessel crews blocked the Dorsa quay on Friday.\n")
    comparison = compare_articles([early, late], _knowledge())
    note = "after the publication of Early (2023-06-02)"
    assert any(note in (o.note or "") for o in comparison.unclear_omissions)
    for fmt in ("md", "html"):
        assert note in render(comparison, fmt)


def test_a_subordinate_modal_does_not_stop_the_narration():
    later = ("Kessel crews blocked the Dorsa quay on Friday.\n\n"
             "Mayor Ana Ruiz, who said that the fees should be cut, watched from the pier.\n\n"
             "The Marlo ferry turned back to Osk with its cargo of grain.\n")
    omitted, unclear = _listed(later)
    for line in ("Mayor Ana Ruiz, who said that the fees should be cut, watched from the pier.",
                 "The Marlo ferry turned back to Osk with its cargo of grain."):
        assert line not in omitted and line not in unclear
    # guard: a main clause in the modal narrates nothing and takes no day
    modal = "Mayor Ana Ruiz, who watched from the pier, would cut the fees."
    omitted, _ = _listed(later.replace(
        "Mayor Ana Ruiz, who said that the fees should be cut, watched from the pier.", modal))
    assert modal in omitted


def test_a_speculative_line_neither_dates_itself_nor_ends_the_scene():
    ferry = "The Marlo ferry turned back to Osk with its cargo of grain."
    later = ("Kessel crews blocked the Dorsa quay on Friday.\n\n"
             "Tarvik pickets may return.\n\n" + ferry + "\n")
    omitted, unclear = _listed(later)
    assert ferry not in omitted and ferry not in unclear
    assert "Tarvik pickets may return." in omitted
    # guard: a line that names another time ends the scene: the ferry line keeps no day,
    # and nothing says it was so before the early report was published (at most unclear)
    omitted, unclear = _listed(later.replace("may return.", "may return next month."))
    assert ferry not in omitted and ferry in unclear
    assert "after the publication of Early (2023-06-01)" in unclear[ferry].note


def test_a_line_that_names_an_earlier_time_keeps_no_day_of_its_speaker():
    earlier = "In a 2019 interview, Ruiz said she would never raise the Dorsa levy."
    later = ("Mayor Ana Ruiz said on Friday that the fees would hurt Kessel crews.\n\n"
             + earlier + "\n")
    omitted, _ = _listed(later)
    assert earlier in omitted
    recently = "Ruiz said recently that she would never raise the Dorsa levy."
    omitted, _ = _listed(later.replace(earlier, recently))
    assert recently in omitted
    # her words that go on, undated, from that interview belong to it too
    more = "Ruiz said the Marlo ferries needed the levy to keep sailing."
    omitted, _ = _listed(later + "\n" + more + "\n")
    assert more in omitted


VOTED = ("The harbour board of Vellin raised the mooring fees by a third.\n\n"
         "Two members of the board stayed away from the vote.\n\n"
         "Kessel crews cheered outside the hall.\n")


def _preview_listed(preview_lead: str) -> list[str]:
    # both published on Friday 2023-06-02: the preview in the morning, the report later
    early = article("early", "Early", "2023-06-02", preview_lead)
    late = article("late", "Late", "2023-06-02", VOTED)
    comparison = compare_articles([early, late], _knowledge())
    return [o.sentence for o in comparison.omissions + comparison.unclear_omissions
            if "early" in o.missing_from]


def test_a_preview_omits_nothing_of_the_act_it_previews_nor_what_came_after():
    for lead in ("The harbour board of Vellin will vote on Friday on the mooring fees.\n",
                 "The harbour board of Vellin is expected to vote on the mooring fees.\n",
                 # in any voice: a source's, a headline's, a report's
                 "The harbour board of Vellin will vote on the mooring fees, its chairman "
                 "said on Friday.\n",
                 "The harbour board of Vellin will vote on the mooring fees, according to "
                 "its chairman.\n",
                 "Its chairman says the harbour board of Vellin will vote on the mooring "
                 "fees.\n",
                 "The harbour board of Vellin is expected by its members to vote on the "
                 "mooring fees.\n",
                 "Harbour board of Vellin expected to vote on mooring fees.\n",
                 "VELLIN ― The harbour board of Vellin is preparing to vote on the mooring "
                 "fees.\n"):
        listed = _preview_listed(lead)
        for line in ("Two members of the board stayed away from the vote.",
                     "Kessel crews cheered outside the hall."):
            assert line not in listed, lead
    # guards: a report of an act done (also one that reports a plan in the past tense, or
    # a source's plan after its lead), and an act ahead that no other article tells done
    for lead in ("The harbour board of Vellin met on Friday to weigh the mooring fees.\n",
                 "Its chairman said on Friday that the harbour board of Vellin will vote on "
                 "the mooring fees.\n",
                 "The harbour board of Vellin met on Friday to weigh the mooring fees.\n"
                 "The harbour board will vote on the mooring fees, its chairman said.\n",
                 "Osk ferry pilots will strike over the pilotage levy.\n"):
        assert "Kessel crews cheered outside the hall." in _preview_listed(lead), lead


def test_a_preview_may_name_its_actor_in_a_subordinate_clause():
    lead = ("The fight over the mooring fees will take a new turn on Friday when the harbour "
            "board of Vellin announces its vote.\n")
    assert "Kessel crews cheered outside the hall." not in _preview_listed(lead)
