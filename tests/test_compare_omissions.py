"""Omissions of the compare stage on articles written for these tests: a fact told in other
words is no omission, a sentence is listed once, an article does not omit what happened
after it was published, short fragments rank low; and the word keys behind it."""

from __future__ import annotations

import copy
import dataclasses

from fixtures.compare_builders import article, event

from sitrep.compare import Knowledge, compare_articles
from sitrep.compare.meaning import Meaning
from sitrep.compare.omissions import OmissionFinder
from sitrep.compare.records import Source, Statement
from sitrep.compare.statements import statements
from sitrep.serve.comparison_report import markdown_report

BAGS_A = ("Lawmakers in Vessa approved legislation on Monday that bans plastic bags in shops.\n"
          "The measure also raises the fee for paper bags to ten cents.\n"
          "Shop owners in Vessa fear losing customers to the neighbouring town of Dorrin, "
          "where plastic bags stay legal and parking is free.\n")
BAGS_B = ("The Vessa parliament passed a bill on Monday prohibiting plastic bags in shops.\n"
          "Paper bags will cost 10 cents under the new legislation.\n"
          "A fisherman caught a record tuna near the harbour.\n")


def _bags():
    return compare_articles([article("a", "Harbour Post", "2023-04-04", BAGS_A),
                             article("b", "Vessa Daily", "2023-04-04", BAGS_B)])


def _with_omission_rules(**values):
    """The default knowledge with some `[omissions]` rules changed (a copy: the default is
    shared by every test of the process)."""
    knowledge = Knowledge.default()
    rules = copy.deepcopy(knowledge.rules)
    rules["omissions"].update(values)
    return dataclasses.replace(knowledge, rules=rules)


def _omitted(comparison, article_id):
    """Listed in either tier: surely omitted, or maybe told in other words (not carried)."""
    return [o for o in [*comparison.omissions, *comparison.unclear_omissions]
            if article_id in o.missing_from]


def test_a_fact_told_in_other_words_is_no_omission():
    comparison = _bags()
    omitted_by_b = [o.sentence for o in _omitted(comparison, "b")]
    assert not any("paper bags" in s for s in omitted_by_b)  # "measure" / "legislation"
    assert not any("approved legislation" in s for s in omitted_by_b)  # "passed a bill"
    fee = next(r for r in comparison.rows
               if any("paper bags to ten" in m.sentence for c in r.cells for m in c.mentions))
    assert fee.reported_by == ["a", "b"]  # one row for the fact, reported by both


def test_a_fact_the_other_article_lacks_is_an_omission_with_its_closest_sentence():
    comparison = _bags()
    [omission] = [o for o in _omitted(comparison, "b") if "Dorrin" in o.sentence]
    assert omission.reported_by == ["a"]
    [near] = omission.nearest
    assert near.article_id == "b" and 0 <= near.score < 0.4
    assert "plastic bags" in near.sentence  # the story's lead is the nearest it comes
    assert not any("tuna" in o.sentence for o in _omitted(comparison, "a"))  # off the story
    assert f"closest in Vessa Daily (2023-04-04) ({near.score:.2f})" in \
        markdown_report(comparison)


def test_a_sentence_is_listed_once_though_it_holds_two_events():
    text = ("Storms hit the coast of Lenn on Friday.\n"
            "Rioters blocked the Osk road and police raided the camp at Lenn on Friday.\n")
    events = [event(text, "blocked", "PROTEST", actor=("Rioters", None)),
              event(text, "raided", "ASSAULT", actor=("police", None))]
    a = article("a", "One", "2023-04-01", text, events)
    b = article("b", "Two", "2023-04-01", "Storms hit the coast of Lenn on Friday.\n")
    comparison = compare_articles([a, b])
    assert len([r for r in comparison.rows if r.kind == "event"]) == 2
    listed = [o.sentence for o in comparison.omissions]
    assert len([s for s in listed if s.startswith("Rioters")]) == 1


def test_no_omission_of_what_an_article_published_much_later_tells():
    early = article("a", "Early", "2023-03-01",
                    "Engineers opened the new bridge over the Sella river at Parn on Tuesday.\n")
    late = article("b", "Late", "2023-06-01",
                   "Engineers opened the new bridge over the Sella river at Parn in March.\n"
                   "Inspectors found cracks in the deck of the bridge at Parn in May.\n")
    comparison = compare_articles([early, late])
    assert comparison.publication_gap_days == 92
    cracks = next(r for r in comparison.rows if r.label.startswith("Inspectors"))
    assert cracks.missing_from == ["a"] and cracks.relevance >= 0.15  # on the story, but
    assert not _omitted(comparison, "a")  # the early report cannot tell of May's cracks
    assert any("92 days apart" in note for note in comparison.notes)
    assert "Published 92 days apart" in markdown_report(comparison)


def test_no_omission_of_an_event_dated_after_publication():
    a_text = "Troops left the border town of Ost on Tuesday.\n"
    b_text = ("Troops left the border town of Ost on Tuesday.\n"
              "Rebels shelled the border town of Ost on Wednesday.\n")
    shelled = event(b_text, "shelled", "ASSAULT", actor=("Rebels", None),
                    date="2023-05-03")
    a = article("a", "Monday Paper", "2023-05-02", a_text)
    b = article("b", "Later Paper", "2023-05-03", b_text, [shelled])
    comparison = compare_articles([a, b])
    assert comparison.publication_gap_days == 1
    assert not _omitted(comparison, "a")


def test_short_fragments_rank_below_full_sentences():
    a_text = ("Firefighters contained the forest fire near Orlin on Sunday after four days.\n"
              "Residents of Orlin who had fled the forest fire returned home in the evening, "
              "town officials said.\n"
              "\"Forest fire contained.\"\n")
    b_text = "Firefighters contained the forest fire near Orlin on Sunday.\n"
    comparison = compare_articles([article("a", "A", "2023-08-06", a_text),
                                   article("b", "B", "2023-08-06", b_text)])
    relevance = {r.label: r.relevance for r in comparison.rows}
    fragment = next(v for k, v in relevance.items() if k.startswith('"Forest'))
    residents = next(v for k, v in relevance.items() if k.startswith("Residents"))
    assert fragment < 0.15 < residents


def test_keys_meet_across_inflection_derivation_synonyms_and_abbreviations():
    text = ("The senators backed her nomination after they had nominated two judges.\n"
            "The fund-raiser in Austin, Tex., raised money for the legislation.\n")
    other = ("A fundraiser in Texas collected funds for the bill.\n"
             "Senators said the 2 judges were nominees.\n")
    knowledge = Knowledge.default()
    articles = [article("a", "A", None, text), article("b", "B", None, other)]
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    first, second = (set(s.keys) for s in meaning.by_article["a"])
    assert meaning.key("nomination", "nomination", "NOUN")[0] == \
        meaning.key("nominated", "nominate", "VERB")[0]
    assert "2" in first  # "two"
    assert {"texas", "fundrais", "bill", "money"} <= second  # Tex., fund-raiser, legislation
    fundraiser = set(meaning.by_article["b"][0].keys)
    assert {"texas", "fundrais", "bill", "money"} <= fundraiser


def test_a_quote_paraphrased_and_called_false_is_no_omission():
    a_text = ("Senator Odo Vance defended his tax plan in Greyport on Thursday.\n"
              "\"My plan will bring a million jobs to this state,\" Vance told the crowd.\n")
    b_text = ("Senator Odo Vance defended his tax plan in Greyport on Thursday.\n"
              "He repeated the false claim that the tax cuts would create a million jobs.\n"
              "Economists at the state university expect a deficit.\n")
    comparison = compare_articles([article("a", "A", "2023-02-02", a_text),
                                   article("b", "B", "2023-02-02", b_text)])
    assert not _omitted(comparison, "b")


def test_the_lead_of_one_story_is_carried_by_the_other_lead():
    a_text = ("Rebel units seized the main airport of Kesh early on Saturday after a night of "
              "heavy shelling.\n"
              "Rebels destroyed 12 cargo planes at the airport of Kesh.\n")
    b_text = ("The Kesh airport has fallen to insurgent forces, the defence ministry conceded.\n"
              "Aid agencies suspended flights into the region.\n")
    comparison = compare_articles([article("a", "A", "2023-09-02", a_text),
                                   article("b", "B", "2023-09-02", b_text)])
    omitted_by_b = [o for o in _omitted(comparison, "b")]
    assert not [o for o in omitted_by_b if o.sentence.startswith("Rebel units")]
    assert [o for o in omitted_by_b if o.sentence.startswith("Rebels destroyed")]


def test_two_rare_details_shared_carry_a_long_sentence():
    filler = [f"The council of Amber discussed the harbour plan at session {n}." for n in
              range(12)]
    a_text = "\n".join([
        *filler,
        "Mayor Ilse Brandt, speaking at a fund-raiser in Corpus Christi, Tex., explained why "
        "undecided voters in the northern districts should choose her.",
    ]) + "\n"
    b_text = "\n".join([
        *filler,
        "At a fundraiser in Texas, Brandt urged lawyers to donate to her campaign.",
    ]) + "\n"
    knowledge = Knowledge.default()
    articles = [article("a", "A", None, a_text), article("b", "B", None, b_text)]
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    mayor = meaning.by_article["a"][-1]
    other = meaning.by_article["b"][-1]
    assert meaning.coverage(mayor, other.keys) < meaning.carried_at  # few words in common,
    match, _ = meaning.closest(mayor.statement, "b")
    assert match.score >= meaning.carried_at  # but "fundraiser" and "Texas" are rare
    assert "Brandt urged" in match.sentence


def test_newsroom_lines_questions_and_cut_sentences_are_no_omissions():
    a_text = ("The mayor of Tarvik closed the old bridge over the Sela river on Monday.\n"
              "A spokesman for the mayor of Tarvik did not immediately respond to a request "
              "for comment about the bridge.\n"
              "Will the ferry be enough for the thousands who cross the Sela river every "
              "day?\n"
              "Engineers found deep cracks in 14 piers of the old bridge over the Sela "
              "river.\n")
    b_text = "The mayor of Tarvik shut the old bridge over the Sela river on Monday.\n"
    comparison = compare_articles([article("a", "A", "2023-05-08", a_text),
                                   article("b", "B", "2023-05-08", b_text)])
    omitted = [o.sentence for o in _omitted(comparison, "b")]
    # the spokesman's line and the question share the story's words, yet tell no fact
    assert omitted == ["Engineers found deep cracks in 14 piers of the old bridge over the "
                       "Sela river."]
    finder = OmissionFinder(Knowledge.default(), None, [])
    assert not finder.tells_a_fact("The ruling cited an older case (Marsh v.")
    assert not finder.tells_a_fact("\"Who pays for this?\"")
    assert not finder.tells_a_fact("The council declined to comment on the cracks.")
    assert not finder.tells_a_fact("A local station shared footage of the cracked piers:")
    knowledge = Knowledge.default()
    lines = article("c", "C", None, "Refusal to even discuss a new bridge.\n"
                    "The council refused to discuss a new bridge.\n")
    meaning = Meaning(knowledge, [lines], {"c": statements(lines, knowledge)})
    assert [item.has_verb for item in meaning.by_article["c"]] == [False, True]
    assert finder.tells_a_fact("The council voted to repair the bridge (at a cost "
                                     "of $2 million).")


def test_synonyms_meet_each_other_and_their_derivations():
    meaning_keys = Meaning(Knowledge.default(), [], {})
    def key(text, lemma, pos="NOUN"):
        return meaning_keys.key(text, lemma, pos)[0]
    # "parents" and "relatives" are one group; "relatives" and "relation" one derivation
    assert key("parents", "parent") == key("relatives", "relative") == \
        key("relation", "relation")
    assert key("immigrants", "immigrant") == key("immigration", "immigration")
    assert key("illegal", "illegal", "ADJ") == key("unauthorized", "unauthorized", "ADJ")
    assert key("Americans", "Americans", "PROPN") == key("American", "American", "PROPN")
    assert key("bid", "bid") == key("run", "run", "VERB")
    assert key("okay", "okay", "ADJ") == key("OK", "ok", "ADJ")
    assert key("F.B.I.", "F.B.I.", "PROPN") == key("FBI", "FBI", "PROPN") == "fbi"
    assert key("U.S.", "U.S.", "PROPN") == key("American", "American", "PROPN")
    assert key("denial", "denial") == key("denied", "deny", "VERB")
    assert key("rumours", "rumour") == key("speculation", "speculation")
    assert key("constructed", "construct", "VERB") == key("build", "build", "VERB")


def test_a_title_stands_for_the_name_the_article_gives_it():
    a_text = ("President Mira Solano of Kest vetoed the fishing quota bill on Friday.\n"
              "The president called the quotas a threat to the harbour towns.\n"
              "The Mayor Office opened a review of the fees at its office by the port.\n")
    b_text = ("Kest's parliament passed a fishing quota bill last month.\n"
              "Solano called the quotas a threat to harbour towns when she vetoed them.\n"
              "Oren Tal, the party's chairman, backed the veto.\n")
    knowledge = Knowledge.default()
    articles = [article("a", "A", None, a_text), article("b", "B", None, b_text)]
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    assert meaning.alias["president"] == {"solano"}
    assert meaning.alias["chairman"] == {"tal"}
    assert "mayor" not in meaning.alias  # "Office", written "office" too, is no name
    called = meaning.by_article["a"][1]  # "The president called ..."
    assert meaning.coverage(called, meaning.by_article["b"][1].keys) == 1.0


def test_a_sentence_with_no_name_of_its_own_is_at_most_unclear():
    lead = "The harbour board of Vellin raised the mooring fees by a third on Monday.\n"
    b = article("b", "B", "2023-06-05", lead + "Board members approved the rise by seven "
                "votes to two.\n")

    def omitted_by_b(detail, tier="omissions"):
        a = article("a", "A", "2023-06-05", lead + detail + "\n")
        comparison = compare_articles([a, b])
        return [o.sentence for o in getattr(comparison, tier) if "b" in o.missing_from]

    # a name B never writes: B does not tell it, in any words
    anchored = "Fishing crews in Vellin blocked the Dorsa harbour entrance with their trawlers."
    assert omitted_by_b(anchored) == [anchored]
    # every name of it is in B: B may say it in other words, shown apart as unclear (it was
    # listed only when no sentence of B came near it before the two tiers)
    unanchored = "Fishing crews in Vellin blocked the harbour entrance with their trawlers."
    assert omitted_by_b(unanchored) == []
    assert omitted_by_b(unanchored, tier="unclear_omissions") == [unanchored]


def test_formulas_tell_no_fact():
    finder = OmissionFinder(Knowledge.default(), None, [])
    assert not finder.tells_a_fact("\"God bless you all, and God bless Tarvik,\" the mayor "
                                   "said.")
    assert not finder.tells_a_fact("“Thank you, and good night.”")
    assert not finder.tells_a_fact("Our thoughts and prayers are with the families of the "
                                   "crew, the harbour board said.")
    assert not finder.tells_a_fact("May God give strength to everyone in Tarvik.")
    assert not finder.tells_a_fact("\"We pray for the crew of the Vela and their families,\" "
                                   "she said.")
    assert not finder.tells_a_fact("Our deepest condolences go to the people of Tarvik.")
    # a formula inside a fact, or "thanks to" a cause, leaves the fact
    assert finder.tells_a_fact("Thanks to the new levy, Tarvik hired 40 more nurses.")
    assert finder.tells_a_fact("The mayor thanked the crews and said the bridge reopens "
                               "on May 3.")


MAREN_LEAD = ("Senator Ilse Maren of Orvia lost her majority in the regional assembly on "
              "Tuesday.\n"
              "Maren had led the assembly of Orvia since the floods.\n"
              "Maren will face a vote of the assembly of Orvia next month.\n")
MAREN_DENIAL = ("Maren denied rumours that she would quit the cabinet of Orvia over the "
                "Dellport harbour tax.")


def _maren(quote_speaker: str, same_speaker_carried_at: float | None = None):
    a = article("a", "A", "2023-03-07", MAREN_LEAD + MAREN_DENIAL + "\n")
    b = article("b", "B", "2023-03-07", MAREN_LEAD +
                "Fishermen in the valley protested against a new water levy.\n"
                f"\"I am not quitting the cabinet, whatever people whisper,\" {quote_speaker} "
                "said.\n")
    knowledge = _with_omission_rules(min_relevance=0.1)  # a short story: little is core
    if same_speaker_carried_at is not None:
        knowledge = _with_omission_rules(min_relevance=0.1,
                                         same_speaker_carried_at=same_speaker_carried_at)
    return [a, b], knowledge


def test_the_same_speaker_on_the_same_thing_carries_a_denial_told_by_a_quotation():
    articles, knowledge = _maren("Maren")
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    denial = meaning.by_article["a"][-1].statement
    match, _ = meaning.closest(denial, "b")
    assert match.score < meaning.carried_at  # few words in common: "quit", "cabinet"
    assert meaning.speaker_cover(denial, "b") >= \
        knowledge.rules["omissions"]["same_speaker_carried_at"]  # but Maren's own words
    assert not _omitted(compare_articles(articles, knowledge), "b")
    # without the speaker's words, or from another speaker, it is an omission
    articles, knowledge = _maren("Maren", same_speaker_carried_at=2.0)
    assert [o.sentence for o in _omitted(compare_articles(articles, knowledge), "b")] == \
        [MAREN_DENIAL]
    articles, knowledge = _maren("Oren Tal")
    assert [o.sentence for o in _omitted(compare_articles(articles, knowledge), "b")] == \
        [MAREN_DENIAL]


def test_a_speaker_is_named_by_the_words_after_a_possessive():
    text = ("Senator Ilse Maren of Orvia said the harbour tax would pass.\n"
            "Maren's lawyer said the rumours were false.\n")
    knowledge = Knowledge.default()
    lines = article("a", "A", None, text)
    meaning = Meaning(knowledge, [lines], {"a": statements(lines, knowledge)})
    senator, lawyer = (item.statement for item in meaning.by_article["a"])
    assert "maren" in meaning.speaker(senator)
    assert "maren" not in meaning.speaker(lawyer)


def test_a_pronoun_stands_for_the_source_the_previous_sentence_opens_with():
    text = ("Mayor Ana Ruiz said the port of Tarvik would reopen in May.\n"
            "Harbour master Oren Tal said the repairs would take until July.\n"
            "Ruiz, pressed by the fishermen's union, did not give way on Tuesday.\n"
            "\"We will not wait for July,\" she said.\n")
    items = statements(article("a", "A", None, text), Knowledge.default())
    assert [s.source.name if s.source else None for s in items] == \
        ["Mayor Ana Ruiz", "Harbour master Oren Tal", None, "Mayor Ana Ruiz"]


def test_an_exact_figure_shared_counts_as_two_rare_details():
    filler = [f"The council of Amber discussed the harbour plan at session {n}." for n in
              range(12)]
    a_text = "\n".join([*filler, "Instead, the council set aside $2.375 million for about "
                                 "38 benches along the quay."]) + "\n"
    b_text = "\n".join([*filler, "The council granted $2.375 million for the new seating "
                                 "on the waterfront."]) + "\n"
    knowledge = Knowledge.default()
    articles = [article("a", "A", None, a_text), article("b", "B", None, b_text)]
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    benches, granted = meaning.by_article["a"][-1], meaning.by_article["b"][-1]
    assert meaning.coverage(benches, granted.keys) < meaning.carried_at
    match, _ = meaning.closest(benches.statement, "b")
    assert match.score >= meaning.carried_at and "$2.375 million" in match.sentence


def test_a_long_name_spelt_two_ways_is_one_name():
    a_text = "Harbour master Oren Castellano closed the Tarvik quay on Monday.\n"
    b_text = ("The Tarvik quay was closed on Monday by harbour master Oren Castelano.\n"
              "Fishermen moved their boats to Dellport.\n")
    knowledge = Knowledge.default()
    articles = [article("a", "A", None, a_text), article("b", "B", None, b_text)]
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    closed = meaning.by_article["a"][0].statement
    assert meaning.new_names(closed, "b") == []  # "Castelano" is "Castellano"
    assert meaning.alias["castellano"] == {"castelano"}
    # short names a letter apart stay apart
    assert "dean" not in meaning.alias and "oren" not in meaning.alias


def test_a_speaker_is_named_before_an_apposition():
    knowledge = Knowledge.default()
    lines = article("a", "A", None, "Senator Ilse Maren of Orvia said the tax would pass.\n")
    meaning = Meaning(knowledge, [lines], {"a": statements(lines, knowledge)})

    def said_by(name):
        return Statement("a", 1, 0, 10, "The tax will ruin us.", "quoted",
                         Source(text=name, name=name))

    assert meaning.speaker(said_by("Oren Tal, a critic of Maren")) == {"oren", "tal"}
    assert meaning.speaker(said_by("Tal, Orvia's harbour master")) == {"tal"}
    # a name after the comma when none comes before it
    assert "tal" in meaning.speaker(said_by("a harbour master, Oren Tal"))
    # a title names no one by itself: two senators are two speakers
    assert meaning.speaker(said_by("Sen. Oren Tal")) == {"oren", "tal"}
    assert not meaning.speaker(said_by("Senator Ilse Maren")) & \
        meaning.speaker(said_by("Senator Oren Tal"))
    assert meaning.speaker(said_by("Rep. Oren King")) == {"oren", "king"}  # a name's end


def test_the_first_word_of_a_quotation_is_no_name():
    lead = "Dockers in Vellin marched to the harbour board on Monday.\n"
    knowledge = Knowledge.default()
    articles = [article("a", "A", None, lead + "They chanted “Fair pay now!” and "
                        "\"Open the books!\" outside the office of Ana Ruiz.\n"),
                article("b", "B", None, lead)]
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    keys = meaning.by_article["a"][1].keys
    assert keys["fair"] is False and keys["open"] is False  # capitalised as a sentence is
    assert keys["ruiz"] is True  # a name inside or outside a quotation stays one
    chanted = meaning.by_article["a"][1].statement
    assert meaning.new_names(chanted, "b") == ["ana", "ruiz"]
    # a quotation closing before a name leaves the name one
    said = article("c", "C", None, "\"We march again on Friday,\" Ruiz said.\n")
    meaning = Meaning(knowledge, [said], {"c": statements(said, knowledge)})
    assert meaning.by_article["c"][0].keys["ruiz"] is True


def test_a_piece_of_a_quotation_that_names_nothing_is_no_omission():
    lead = "The harbour board of Vellin raised the mooring fees by a third on Monday.\n"
    quotation = ("Oren Tal of the dockers' union said: \"The board of Vellin never asked the "
                 "crews of the Dorsa quay. They simply do not listen to us. Kessel lost 40 "
                 "berths in 2022.\"\n")
    a = article("a", "A", "2023-06-05", lead + quotation)
    b = article("b", "B", "2023-06-05", lead + "Ferries will keep their old berths.\n")
    knowledge = _with_omission_rules(min_relevance=0.0)  # a two-line story: little is core
    omitted = [o.sentence for o in _omitted(compare_articles([a, b], knowledge), "b")]
    assert any(s.startswith("Oren Tal") for s in omitted)  # the quotation's opening
    assert "Kessel lost 40 berths in 2022.\"" in omitted  # a piece that names something
    assert not any(s.startswith("They simply") for s in omitted)  # a piece, no fact alone


def test_a_quotation_is_carried_by_any_words_of_its_speaker():
    lead = "The assembly of Orvia passed the harbour tax on Tuesday.\n"

    def omitted_by_b(told_by_a, quoted_in_b):
        a = article("a", "A", "2023-03-07", lead + told_by_a + "\n")
        b = article("b", "B", "2023-03-07", lead + "Ferries will keep their old berths.\n" +
                    quoted_in_b + "\n")
        knowledge = _with_omission_rules(min_relevance=0.0)  # a two-line story: little is core
        return [o.sentence for o in _omitted(compare_articles([a, b], knowledge), "b")]

    quotation = ("\"This tax will sink the old fishing fleet of Dellport within two winters,\" "
                 "Senator Ilse Maren said.")
    # B quotes Maren too, other sentences of hers: her point is in B
    assert omitted_by_b(quotation, "\"I will fight it in every court,\" Maren said.") == []
    # another speaker's words in B carry nothing of Maren's
    assert omitted_by_b(quotation, "\"I will fight it in every court,\" Oren Tal said.") == \
        [quotation]
    # a paraphrase of hers (no quotation) still needs its words told
    paraphrase = ("Senator Ilse Maren said the new tax would sink the old fishing fleet of "
                  "Dellport within two winters.")
    assert omitted_by_b(paraphrase, "\"I will fight it in every court,\" Maren said.") == \
        [paraphrase]


def test_a_quotation_is_carried_by_the_outlet_saying_in_its_words_that_its_speaker_spoke():
    lead = "The assembly of Orvia passed the harbour tax on Tuesday.\n"
    quotation = ("\"Nobody on this council took a single cent from the shipping firms, and the "
                 "audit of our accounts will show it,\" Ilse Maren said.")

    def omitted_by_b(told_in_b):
        a = article("a", "A", "2023-03-07", lead + quotation + "\n")
        b = article("b", "B", "2023-03-07", lead + "Ferries will keep their old berths.\n" +
                    told_in_b)
        knowledge = _with_omission_rules(min_relevance=0.0)  # a two-line story: little is core
        return [o.sentence for o in _omitted(compare_articles([a, b], knowledge), "b")]

    # B tells, in its own words, that Maren spoke up: her rebuttal is in B, though the
    # words B has in common with it are too few to carry it (cover under `carried_at`)
    assert omitted_by_b("Maren weighed in to defend the mayor.\n") == []
    assert omitted_by_b("Ilse Maren was quick to dismiss the story.\n") == []
    # the same words about another speaker carry nothing of Maren's
    assert omitted_by_b("Oren Tal weighed in to defend the mayor.\n") == [quotation]
    # what she said told in paraphrase is carried so too
    paraphrase = ("Ilse Maren said that nobody on the council had taken a single cent from "
                  "the shipping firms and that an audit of its accounts would show it.")
    a = article("a", "A", "2023-03-07", lead + paraphrase + "\n")
    for told_in_b, omitted in (("Maren weighed in to defend the mayor.\n", []),
                               ("Oren Tal weighed in to defend the mayor.\n", [paraphrase])):
        b = article("b", "B", "2023-03-07", lead + "Ferries will keep their old berths.\n" +
                    told_in_b)
        comparison = compare_articles([a, b], _with_omission_rules(min_relevance=0.0))
        assert [o.sentence for o in _omitted(comparison, "b")] == omitted
    # Maren named, but not as the one who speaks ("urged Maren to ..."): an omission
    assert omitted_by_b("The mayor urged Maren to defend him.\n") == [quotation]
    # Maren told speaking twice, on other things: which of them stands for the quotation
    # is unknown, so it is an omission
    assert omitted_by_b("Maren criticized the ferry timetable.\n"
                        "Maren also praised the new lighthouse.\n") == [quotation]


def test_the_speakers_the_outlet_tells_spoke_are_the_subjects_of_speech_act_verbs():
    text = ("Ilse Maren, the council's lawyer, weighed in to defend the mayor.\n"
            "Sen. Oren Tal, R-Ohio, has repeatedly denied the report.\n"
            "The governor urged Dana Vos to call off the strike.\n"
            "Police arrested Dana Vos after she denied the charge.\n"
            "Vos moved quickly to reject the offer.\n"
            "\"We will attack the problem at once,\" the port said.\n")
    knowledge = Knowledge.default()
    a = article("a", "A", "2023-03-07", text)
    meaning = Meaning(knowledge, [a], {"a": statements(a, knowledge)})
    told = [set(item.speakers_told) for item in meaning.by_article["a"]]
    assert told[0] == {"ilse", "maren"}  # past the apposition and "weighed in to"
    assert told[1] == {"oren", "tal"}  # past the party tag and the adverb; the title aside
    assert not told[2] & {"dana", "vos"}  # the one urged is not the one speaking
    assert told[3] == set()  # the one arrested neither
    assert told[4] == {"vos"}
    assert told[5] == set()  # a verb inside a quotation tells no speaker


def test_a_title_alone_before_a_speech_act_stands_for_the_name_it_is_written_with():
    a = article("a", "A", "2023-03-07", "Senator Ilse Maren toured the port of Dellport.\n"
                "The senator denied the report.\n")
    b = article("b", "B", "2023-03-07", "\"We never sold the harbour,\" Maren said.\n")
    knowledge = Knowledge.default()
    meaning = Meaning(knowledge, [a, b], {x.id: statements(x, knowledge) for x in (a, b)})
    quotation = meaning.by_article["b"][0].statement
    assert [item.statement.text for item in meaning.speaker_told(quotation, "a")] == \
        ["The senator denied the report."]


def _omitted_by_b_with(told_by_a: str, told_in_b: str, **rules) -> list[str]:
    lead = "The harbour board of Vellin raised the mooring fees by a third on Monday.\n"
    a = article("a", "A", "2023-06-05", lead + told_by_a + "\n")
    b = article("b", "B", "2023-06-05", lead + "Ferries will keep their old berths.\n" +
                told_in_b + "\n")
    knowledge = _with_omission_rules(min_relevance=0.0, **rules)  # a short story
    return [o.sentence for o in _omitted(compare_articles([a, b], knowledge), "b")]


def test_a_piece_of_a_quotation_is_carried_by_any_words_of_its_speaker():
    # more words outside its quotation marks than in: attributed, yet a quotation's piece
    piece = ("“The crews were never asked. We would have lost every job on the docks,” Oren "
             "Tal said on Tuesday, shouting at the angry crowd gathered outside the shuttered "
             "warehouses by the canal.")
    omitted = _omitted_by_b_with(piece, "“I will fight the fees in every court,” Tal said.")
    assert not any("every job" in s for s in omitted)  # Tal's point is in B
    omitted = _omitted_by_b_with(piece,
                                 "“I will fight the fees in every court,” Ana Ruiz said.")
    assert any("every job" in s for s in omitted)  # another speaker's words: omitted


def test_a_count_rounded_or_counted_another_way_is_the_same_count():
    wrecked = "The storm wrecked 31 trawlers along the northern shore."
    # "at least 30" for 31: the same count, rounded
    assert _omitted_by_b_with(wrecked, "At least 30 trawlers were lost in the storm.") == []
    # 45 is another count: B does not tell how many the storm wrecked along the shore
    assert _omitted_by_b_with(wrecked, "At least 45 trawlers were lost in the storm.") == \
        [wrecked]


def test_a_point_made_in_any_source_s_words_is_carried():
    own = ("Dockworkers at Kessel will strike at the end of the month unless the board "
           "withdraws the new fees.")
    union = ("“Unless the board withdraws these fees, no ship will be loaded after the "
             "thirtieth,” Oren Tal of the dockers' union said.")
    # the outlet's own words for what B quotes the union saying: carried, though B's
    # quotation holds less of it than a retold fact would (`carried_at`)
    assert _omitted_by_b_with(own, union) == []
    assert _omitted_by_b_with(own, union, voiced_carried_at=2.0) == [own]
    # the same words in B's own voice are a retelling, held to `carried_at`
    assert _omitted_by_b_with(own, "Unless the board withdraws these fees, no ship will be "
                                   "loaded after the thirtieth.") == [own]
    # the opposite point in a source's words carries nothing
    assert _omitted_by_b_with(own, "“The board has not withdrawn these fees, and no ship will "
                                   "be loaded after the thirtieth,” Oren Tal said.") == [own]
    # the same point made by another speaker, the first speaker's name aside
    maren = "“Call off the harbour vote until the crews are heard,” Senator Ilse Maren said."
    tal = ("Oren Tal of the dockers' union said the vote should be called off until the crews "
           "had their say.")
    assert _omitted_by_b_with(maren, tal) == []
    assert _omitted_by_b_with(maren, tal, voiced_carried_at=2.0) == [maren]


def test_a_title_stands_for_the_name_written_in_apposition_after_it():
    a_text = ("The harbour of Vellin raised its mooring fees on Monday.\n"
              "The port's commissioner, Ilse Marrow, opened the meeting.\n"
              "The commissioner called the rise unavoidable.\n")
    b_text = ("Vellin raised its harbour fees on Monday.\n"
              "Marrow called the rise unavoidable.\n")
    knowledge = Knowledge.default()
    articles = [article("a", "A", None, a_text), article("b", "B", None, b_text)]
    meaning = Meaning(knowledge, articles,
                      {a.id: statements(a, knowledge) for a in articles})
    commissioner = meaning.key("commissioner", "commissioner", "NOUN")[0]
    assert meaning.alias[commissioner] == {"marrow"}
    said = meaning.by_article["b"][1]  # "Marrow called ...": A's "The commissioner called"
    assert meaning.coverage(said, meaning.by_article["a"][2].keys) == 1.0
