"""The two tiers of omissions: `omitted` (the other article surely does not tell the fact)
and `unclear` (it may tell it in other words), each kind of evidence tested on article
pairs written for these tests."""

from __future__ import annotations

import copy
import dataclasses

from fixtures.compare_builders import article, event

from sitrep.compare import Knowledge, compare_articles
from sitrep.compare.meaning import Meaning
from sitrep.compare.omissions import OmissionFinder
from sitrep.compare.records import Source, Statement
from sitrep.compare.statements import statements
from sitrep.serve.comparison_report import render

LEAD = "The harbour board of Vellin raised the mooring fees by a third on Monday.\n"


def _knowledge(**values):
    knowledge = Knowledge.default()
    rules = copy.deepcopy(knowledge.rules)
    rules["omissions"].update({"min_relevance": 0.0, **values})  # short stories: little is core
    return dataclasses.replace(knowledge, rules=rules)


def _tiers(articles, omitting="b", **rules) -> dict[str, list[str]]:
    comparison = compare_articles(articles, _knowledge(**rules))
    return {tier: [o.sentence for o in getattr(comparison, f"{tier}s" if tier == "omission"
                                              else "unclear_omissions")
                   if omitting in o.missing_from]
            for tier in ("omission", "unclear")}


def test_a_new_name_and_an_act_the_other_never_tells_is_omitted():
    told = "Kessel ferry crews walked off the Dorsa quay at noon."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
    tiers = _tiers([a, b])
    assert told in tiers["omission"] and told not in tiers["unclear"]
    comparison = compare_articles([a, b], _knowledge())
    assert {o.certainty for o in comparison.omissions} == {"omitted"}


def test_an_act_the_other_tells_with_the_same_verb_is_unclear():
    # A names a union B does not, but B tells the walk-out itself: A's line may be a side
    # detail of a fact B tells
    told = "Kessel ferry crews walked off the Dorsa quay at noon."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Angry crews walked off the ships in protest "
                "later that day.\n")
    tiers = _tiers([a, b])
    assert told in tiers["unclear"] and told not in tiers["omission"]


def test_a_coded_act_the_other_codes_too_is_unclear():
    told = "Tarvik sanctioned the Dorsa shipping line over the fees."
    other = "Tarvik imposed penalties on the harbour company."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n", [
        event(LEAD + told + "\n", "sanctioned", "SANCTION", actor=("Tarvik", "TRV"),
              recipient=("the Dorsa shipping line", None))])
    b_same = article("b", "B", "2023-06-05", LEAD + other + "\n", [
        event(LEAD + other + "\n", "imposed penalties", "SANCTION", actor=("Tarvik", "TRV"))])
    b_other = article("b", "B", "2023-06-05", LEAD + other + "\n", [
        event(LEAD + other + "\n", "imposed penalties", "COERCE", actor=("Tarvik", "TRV"))])
    assert told in _tiers([a, b_same])["unclear"]  # B codes the same act by the same actor
    assert told in _tiers([a, b_other])["omission"]  # another act: surely not told


def test_a_fact_the_other_holds_across_its_sentences_is_unclear():
    told = "Pilots expect the fee rise to shut the western Dorsa quay for the winter season."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Pilots met on Monday.\nFerries sail less "
                "now.\nThe western quay needs repairs.\nThe harbour was calm.\nThe winter "
                "season is long.\nNets were mended.\nThe fee rise was large.\n")
    assert told in _tiers([a, b])["unclear"]
    # with a higher bar for the article's words, the same line counts as omitted
    assert told in _tiers([a, b], omitted_article_cover_below=1.01)["omission"]


def test_a_fact_whose_topic_words_the_other_scatters_is_still_omitted():
    # B writes "ferry", "Dorsa" and "quay" in sentences about other things: a story's
    # names and topic words, not the walk-out told in pieces
    told = "Kessel ferry crews walked off the Dorsa quay at noon."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Ferry fares went up.\nNets were mended.\n"
                "The Dorsa harbour was calm.\nGulls flew over.\nThe new quay opened.\n")
    assert told in _tiers([a, b])["omission"]
    # guard: with the former limit, that much of its words in the article left it unclear
    assert told in _tiers([a, b], omitted_article_cover_below=0.35)["unclear"]


def test_a_fact_another_article_carries_too_is_unclear_for_the_third():
    told = "Kessel ferry crews walked off the Dorsa quay at noon."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
    c = article("c", "C", "2023-06-05", LEAD + "At noon Kessel ferry crews walked off the "
                "Dorsa quay.\n")
    tiers = _tiers([a, b, c])
    assert told in tiers["unclear"] and told not in tiers["omission"]
    # told by A alone, B's leaving it out is sure
    assert told in _tiers([a, b])["omission"]


def test_a_line_without_a_name_of_its_own_is_at_most_unclear():
    comment = "The rise was a simple and fair step for a busy port."
    a = article("a", "A", "2023-06-05", LEAD + comment + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Board members approved the rise by seven "
                "votes to two.\n")
    tiers = _tiers([a, b])
    assert comment in tiers["unclear"] and comment not in tiers["omission"]


def test_json_keeps_omissions_and_adds_the_unclear_ones_apart():
    told = "Kessel ferry crews walked off the Dorsa quay at noon."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Angry crews walked off the ships.\n")
    data = compare_articles([a, b], _knowledge()).to_dict()
    assert data["omissions"] == []
    assert [o["certainty"] for o in data["unclear_omissions"]] == ["unclear"]
    assert data["unclear_omissions"][0]["nearest"][0]["article_id"] == "b"


def test_reports_show_the_unclear_ones_apart_labelled_plainly():
    told = "Kessel ferry crews walked off the Dorsa quay at noon."
    other = "Angry crews walked off the ships."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n")
    b = article("b", "B", "2023-06-05", LEAD + other + "\n")
    comparison = compare_articles([a, b], _knowledge())
    markdown = render(comparison, "md")
    assert "## Omissions (0)" in markdown
    unclear = markdown.split("## May be told in other words (1)")[1]
    assert told in unclear and other in unclear  # the fact and B's closest sentence
    html = render(comparison, "html")
    assert "May be told in other words (1)" in html and "maybe told in other words in" in html


def test_a_remark_whose_only_new_name_is_its_speaker_is_unclear():
    remark = "“The crews were treated unfairly by the board,” Oren Tal said."
    b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
    a = article("a", "A", "2023-06-05", LEAD + remark + "\n")
    tiers = _tiers([a, b])
    assert remark in tiers["unclear"] and remark not in tiers["omission"]
    # the same speaker naming a quay B never names: a fact of its own
    named = "“The Dorsa quay was closed to the crews,” Oren Tal said."
    a = article("a", "A", "2023-06-05", LEAD + named + "\n")
    assert named in _tiers([a, b])["omission"]


def test_the_words_that_say_who_the_speaker_is_are_no_participant():
    # a source as the attribution of a stored event gives it, apposition included
    knowledge = Knowledge.default()
    source = Source(text="Oren Tal, a Marlo University law professor",
                    name="Oren Tal, a Marlo University law professor")
    remark = "“The crews were treated unfairly by the board.”"
    named = "“The Dorsa quay was closed to the crews by the board.”"
    a_text = LEAD + remark + "\n" + named + "\n"
    a = article("a", "A", "2023-06-05", a_text)
    b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
    lead, first, second = (a_text.index(x) for x in (LEAD, remark, named))
    told = {"a": [Statement("a", 0, lead, lead + len(LEAD) - 1, LEAD.strip(), "own"),
                  Statement("a", 1, first, first + len(remark), remark, "quoted", source),
                  Statement("a", 2, second, second + len(named), named, "quoted", source)],
            "b": statements(b, knowledge)}
    finder = OmissionFinder(knowledge, Meaning(knowledge, [a, b], told), [a, b])
    # who the speaker is, down to the university, is no participant of the remark
    assert not finder._names_a_participant([told["a"][1]], "b")
    # guard: a name in the remark's own words is one
    assert finder._names_a_participant([told["a"][2]], "b")


def test_a_month_is_no_participant():
    dated = "Kessel crews walked off the quay in March."
    named = "Kessel crews walked off the Dorsa quay in March."
    b = article("b", "B", "2023-06-05", LEAD + "Kessel ferries will keep their old berths.\n")
    a = article("a", "A", "2023-06-05", LEAD + dated + "\n")
    assert dated in _tiers([a, b])["unclear"]  # only the month is new: a side detail
    a = article("a", "A", "2023-06-05", LEAD + named + "\n")
    assert named in _tiers([a, b])["omission"]


def test_a_reporting_word_inside_a_quotation_does_not_hide_its_speaker():
    # "states" is a reporting verb too: the attribution after the quotation still counts
    remark = ("“I think other states should join the protest,” Oren Tal said of the "
              "walk-out.")
    a = article("a", "A", "2023-06-05", LEAD + remark + "\n")
    statement = statements(a, Knowledge.default())[1]
    assert statement.source is not None and statement.source.name == "Oren Tal"
    assert statement.voice == "quoted"


def _source(sentence: str) -> str | None:
    statement = statements(article("a", "A", "2023-06-05", LEAD + sentence + "\n"),
                           Knowledge.default())[1]
    return statement.source.name if statement.source else None


def test_a_speaker_named_after_the_verb_is_the_source():
    assert _source("“The quay stays shut,” said Ana Ruiz, a harbour pilot.") == "Ana Ruiz"
    assert _source("“The quay stays shut,” said the harbour master.") == "harbour master"
    # guards: who was told is not who spoke; a day is nobody
    assert _source("“The quay stays shut,” Ana Ruiz told the Dorsa Times.") == "Ana Ruiz"
    assert _source("“The quay stays shut,” said Tuesday.") is None


def test_the_subject_of_a_verb_joined_to_a_reporting_verb_speaks():
    assert _source("Ana Ruiz called the vote “shameful” and said the board had lied.") == \
        "Ana Ruiz"
    assert _source("Oren Tal praised the crews and said they kept the port open.") == "Oren Tal"
    assert _source("Ana Ruiz called the board and the mayor.") is None  # no speech



def test_a_speaker_with_an_apposition_is_the_source():
    assert _source("Ana Ruiz (D-Vellin), the harbour master, said the quay would close.") == \
        "Ana Ruiz"
    assert _source("“The quay will close,” Ana Ruiz, D-Vellin, the harbour master, told the "
                   "Dorsa Times.") == "Ana Ruiz"
    assert _source("“The fees will rise,” Oren Tal told reporters at a lunch hosted by the "
                   "Vellin Shipping Association.") == "Oren Tal"
    # guard: a place and its apposition are no speaker when no reporting verb follows
    assert _source("Kessel, a port town of Vellin, raised the mooring fees.") is None


def test_an_outlets_description_of_a_figure_the_other_names_is_unclear():
    b = article("b", "B", "2023-06-05", LEAD + "Harbour master Oren Tal, known for his tough "
                "line on pilots, backed the rise.\n")
    described = ("As chairman of the Kessel pilots' guild, Mr. Tal has not been shy about "
                 "fining crews who dock late.")
    a = article("a", "A", "2023-06-05", LEAD + described + "\n")
    tiers = _tiers([a, b])
    assert described in tiers["unclear"] and described not in tiers["omission"]
    # guards: an act told in the passive, and a figure the other article never names
    elected = "Mr. Tal was elected chairman of the Kessel pilots' guild in 2019."
    a = article("a", "A", "2023-06-05", LEAD + elected + "\n")
    assert elected in _tiers([a, b])["omission"]
    stranger = described.replace("Mr. Tal", "Mr. Brannock")
    a = article("a", "A", "2023-06-05", LEAD + stranger + "\n")
    assert stranger in _tiers([a, b])["omission"]



def test_a_comment_on_the_sentence_before_is_unclear():
    b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
    comment = "This was a small part of the Kessel guild's attack on the Dorsa pilots."
    text = LEAD + "Crews walked out at noon. " + comment + "\n"
    a = article("a", "A", "2023-06-05", text, [
        event(text, "attack", "ASSAULT", actor=("the Kessel guild", "KSG"),
              recipient=("the Dorsa pilots", "DRP"))])
    tiers = _tiers([a, b])
    assert comment in tiers["unclear"] and comment not in tiers["omission"]
    # guard: the act told with its own subject
    told = comment.replace("This was a small part of", "The walk-out was")
    text = LEAD + "Crews walked out at noon. " + told + "\n"
    a = article("a", "A", "2023-06-05", text, [
        event(text, "attack", "ASSAULT", actor=("the Kessel guild", "KSG"),
              recipient=("the Dorsa pilots", "DRP"))])
    assert told in _tiers([a, b])["omission"]


def test_a_coded_act_with_no_counterpart_at_all_is_omitted():
    # B codes a sanction by the same actor, but none of its sentences comes near A's: a
    # second act of the same kind, not A's told in other words
    told = ("Officials froze the accounts of the Orvel savings bank and two of its directors "
            "over unpaid harbour loans.")
    other = "Tarvik imposed penalties on the ferry owners."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n", [
        event(LEAD + told + "\n", "froze", "SANCTION", actor=("Officials", "TRV"),
              recipient=("the Orvel savings bank", None))])
    b = article("b", "B", "2023-06-05", LEAD + other + "\n", [
        event(LEAD + other + "\n", "imposed penalties", "SANCTION", actor=("Tarvik", "TRV"))])
    assert told in _tiers([a, b])["omission"]
    # guard: without the rule, the act B codes too leaves it unclear
    assert told in _tiers([a, b], omitted_no_counterpart_below=0.0)["unclear"]


def test_an_act_within_one_code_is_told_apart_by_its_verb():
    # court and harbour master are both coded VEL, as are B's judges and pilots: codes
    # cannot tell the two sanctions apart, the verbs can ("fined", never "fine" in B)
    told = "The Vellin court fined the Kessel harbour master for the delay to the ferry fees."
    a = article("a", "A", "2023-06-05", LEAD + told + "\n", [
        event(LEAD + told + "\n", "fined", "SANCTION", actor=("The Vellin court", "VEL"),
              recipient=("the Kessel harbour master", "VEL"))])
    other = "Judges suspended two pilots on Friday."
    b = article("b", "B", "2023-06-05", LEAD + other + "\n", [
        event(LEAD + other + "\n", "suspended", "SANCTION", actor=("Judges", "VEL"),
              recipient=("two pilots", "VEL"))])
    assert told in _tiers([a, b])["omission"]
    # guard: an act between parties of two codes is matched by its codes, as before
    a_apart = article("a", "A", "2023-06-05", LEAD + told + "\n", [
        event(LEAD + told + "\n", "fined", "SANCTION", actor=("The Vellin court", "VEL"),
              recipient=("the Kessel harbour master", "DOR"))])
    assert told in _tiers([a_apart, b])["unclear"]


def test_a_detail_of_an_act_named_by_its_day_is_unclear():
    detail = "Monday's vote came during a storm that closed the Kessel pier."
    a = article("a", "A", "2023-06-05", LEAD + detail + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
    tiers = _tiers([a, b])
    assert detail in tiers["unclear"] and detail not in tiers["omission"]
    # guard: the same fact told without naming an act by its day
    plain = "A storm closed the Kessel pier during the vote."
    a = article("a", "A", "2023-06-05", LEAD + plain + "\n")
    assert plain in _tiers([a, b])["omission"]


def test_the_outlets_own_opinion_is_no_omission():
    for opinion in ("The harbour board need not have waited so long to tell the Kessel crews.",
                    "Honestly, the Kessel crews deserved a warning from the Dorsa board.",
                    "Mayor Ana Ruiz was wrong to keep the Kessel crews waiting."):
        a = article("a", "A", "2023-06-05", LEAD + opinion + "\n")
        b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
        tiers = _tiers([a, b])
        assert opinion not in tiers["omission"] + tiers["unclear"]
    # guard: the same judgment said by a source is a fact: she said it
    said = ("The harbour board need not have waited so long to tell the Kessel crews, Ana "
            "Ruiz said.")
    a = article("a", "A", "2023-06-05", LEAD + said + "\n")
    b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
    tiers = _tiers([a, b])
    assert said in tiers["omission"] + tiers["unclear"]


def test_the_outlets_own_verdict_on_someone_is_no_omission():
    for verdict in ("Mayor Ana Ruiz was wrong about the Marlo ferry levy.",
                    "He is a hypocrite on the Marlo ferry levy.",
                    "Ruiz has been remarkably brave about the Marlo ferry levy."):
        a = article("a", "A", "2023-06-05", LEAD + verdict + "\n")
        b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
        tiers = _tiers([a, b])
        assert verdict not in tiers["omission"] + tiers["unclear"], verdict
    # guards: said by a source, a fact about a judging word ("terrorist attack": a noun
    # follows), a description that judges no one, an act told in the passive
    for fact in ("Ana Ruiz said he was reckless about the Marlo ferry levy.",
                 "Tarvik was a terrorist attack on the Marlo ferry quay.",
                 "Ruiz is famous for the Marlo ferry levy.",
                 "Mayor Ana Ruiz was charged with fraud by the Osk prosecutors."):
        a = article("a", "A", "2023-06-05", LEAD + fact + "\n")
        b = article("b", "B", "2023-06-05", LEAD + "Ferries will keep their old berths.\n")
        tiers = _tiers([a, b])
        assert fact in tiers["omission"] + tiers["unclear"], fact


def test_a_case_of_a_point_told_in_general_terms_is_unclear():
    general = "Both parties found the dredging rules hard.\n"
    case = ("In Osk, run by a trust, the dredging rules have been as hard on Democrats as on "
            "Republicans.")
    a = article("a", "A", "2023-06-05", LEAD + case + "\n")
    b = article("b", "B", "2023-06-05", LEAD + general)
    tiers = _tiers([a, b])
    assert case in tiers["unclear"] and case not in tiers["omission"]
    # guard: a case (a frame, a new name) of a point the other article does not make
    other = "In Osk, run by a trust, the Kessel ferry crews struck for a week."
    a = article("a", "A", "2023-06-05", LEAD + other + "\n")
    tiers = _tiers([a, b])
    assert other in tiers["omission"]
