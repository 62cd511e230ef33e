"""The compare stage on articles written for these tests: each contradiction rule (and the
cases it must leave alone), sentence attribution, the coverage matrix, omissions, the
attribution profile and framing. Event records are written out by hand
(fixtures/compare_builders.py), so that these tests check the comparison, not the coder."""

from __future__ import annotations

import json

import pytest
from fixtures.compare_builders import article, event, place

from sitrep.compare import Knowledge, KnowledgeError, compare_articles
from sitrep.compare.statements import statements
from sitrep.records import StoredArticle


def rules(comparison, rule):
    return [c for c in comparison.contradictions if c.rule == rule]


def row_with(comparison, text):
    return next(r for r in comparison.rows if any(
        text in m.sentence for cell in r.cells for m in cell.mentions))


# -- contradiction rules -------------------------------------------------------------------

def test_number_rule_flags_different_counts_of_the_same_thing():
    a_text = ("Two coastguard cutters entered the disputed lagoon on Friday, the harbour "
              "office said.\n")
    b_text = "Five coastguard cutters entered the disputed lagoon on Friday.\n"
    a = article("a", "Lagoon Post", "2023-08-12", a_text)
    b = article("b", "Delta Daily", "2023-08-12", b_text)
    found = rules(compare_articles([a, b]), "number")
    assert len(found) == 1
    x = found[0]
    assert {x.left.detail, x.right.detail} == {"Two coastguard cutters", "Five coastguard cutters"}
    assert {x.left.sentence, x.right.sentence} == {a_text.strip(), b_text.strip()}
    sides = {x.left.article_id: x.left, x.right.article_id: x.right}
    assert sides["a"].source == "harbour office" and sides["a"].voice == "attributed"
    assert sides["b"].source is None and sides["b"].voice == "own"


def test_number_rule_tolerates_approximate_counts_that_are_close():
    a = article("a", "One", "2023-08-12",
                "About 400 dock workers walked off the job at the container port on Monday.\n")
    b = article("b", "Two", "2023-08-12",
                "Some 450 dock workers walked off the job at the container port on Monday.\n")
    c = article("c", "Three", "2023-08-12",
                "Nearly 2,000 dock workers walked off the job at the container port on Monday.\n")
    assert not rules(compare_articles([a, b]), "number")
    assert len(rules(compare_articles([a, c]), "number")) == 1


def test_number_rule_keeps_running_totals_apart():
    a = article("a", "One", "2023-08-12",
                "Floods killed 12 people in the northern river towns, officials said.\n")
    total = article("b", "Two", "2023-08-12",
                    "Since 2020, floods have killed 340 people in the northern river towns.\n")
    count = article("b", "Two", "2023-08-12",
                    "Floods have killed 340 people in the northern river towns.\n")
    assert len(compare_articles([a, total]).rows) == 1  # one row: the rule decides
    assert not rules(compare_articles([a, total]), "number")
    assert len(rules(compare_articles([a, count]), "number")) == 1


def _shelling(article_id, published, day, actor=("Ruritanian artillery", "RUR")):
    text = (f"{actor[0]} shelled the hill village of Varno on {day}, killing a farmer.\n"
            "The council asked for a ceasefire.\n")
    return text, event(text, "shelled", "ASSAULT", actor=actor,
                       recipient=("the hill village of Varno", None), date=published,
                       place=place("Varno", 45.10, 20.30))


def test_date_rule_flags_one_event_dated_differently():
    a_text, a_event = _shelling("a", "2023-05-03", "Wednesday")
    b_text, b_event = _shelling("b", "2023-05-04", "Thursday")
    a = article("a", "Valley News", "2023-05-04", a_text, [a_event])
    b = article("b", "Border Herald", "2023-05-05", b_text, [b_event])
    comparison = compare_articles([a, b])
    found = rules(comparison, "date")
    assert len(found) == 1
    assert {found[0].left.detail, found[0].right.detail} == {"2023-05-03", "2023-05-04"}
    cell = row_with(comparison, "shelled").cells[1]
    assert cell.status == "differs" and cell.differences[0].field == "date"


def test_dates_months_apart_are_another_occurrence_not_a_contradiction():
    a_text, a_event = _shelling("a", "2023-01-10", "Tuesday")
    b_text, b_event = _shelling("b", "2023-06-13", "Tuesday")
    a = article("a", "Valley News", "2023-01-11", a_text, [a_event])
    b = article("b", "Border Herald", "2023-06-14", b_text, [b_event])
    comparison = compare_articles([a, b])
    assert not comparison.contradictions
    cell = row_with(comparison, "shelled").cells[1]
    assert cell.status == "differs"
    assert "another occurrence" in cell.differences[0].value
    assert any("days apart" in note for note in comparison.notes)


def test_date_rule_needs_the_same_event_not_a_related_one():
    a_text = "Gunmen attacked the mountain railway near Kalo on Tuesday, seizing a train.\n"
    b_text = ("Soldiers killed the gunmen who had attacked the mountain railway near Kalo "
              "on Wednesday.\n")
    a = article("a", "One", "2023-03-15", a_text, [event(
        a_text, "attacked", "ASSAULT", actor=("Gunmen", None), date="2023-03-14")])
    b = article("b", "Two", "2023-03-16", b_text, [event(
        b_text, "killed", "ASSAULT", actor=("Soldiers", None), date="2023-03-15")])
    assert not rules(compare_articles([a, b]), "date")


def test_date_rule_needs_day_precision_on_both_sides():
    a_text, a_event = _shelling("a", "2023-05-03", "Wednesday")
    b_text, b_event = _shelling("b", "2023-05-01", "Wednesday")
    b_event["date_precision"] = "month"
    a = article("a", "Valley News", "2023-05-04", a_text, [a_event])
    b = article("b", "Border Herald", "2023-05-05", b_text, [b_event])
    assert not rules(compare_articles([a, b]), "date")


def test_place_rule_flags_one_event_placed_far_apart():
    a_text = "Gunmen stormed the central prison in Kastel on Sunday night, freeing dozens.\n"
    b_text = "Gunmen stormed the central prison in Moravo on Sunday night, freeing dozens.\n"
    a = article("a", "North Desk", "2023-02-06", a_text, [event(
        a_text, "stormed", "ASSAULT", actor=("Gunmen", None), date="2023-02-05",
        place=place("Kastel", 32.10, 20.10))])
    b = article("b", "South Desk", "2023-02-06", b_text, [event(
        b_text, "stormed", "ASSAULT", actor=("Gunmen", None), date="2023-02-05",
        place=place("Moravo", 32.90, 13.20))])
    found = rules(compare_articles([a, b]), "place")
    assert len(found) == 1
    assert {found[0].left.detail, found[0].right.detail} == {"Kastel", "Moravo"}
    assert "km apart" in found[0].summary


def test_place_rule_leaves_nearby_places_alone():
    a_text = "Gunmen stormed the central prison in Kastel on Sunday night, freeing dozens.\n"
    b_text = "Gunmen stormed the central prison near Kastel airport on Sunday night.\n"
    a = article("a", "North Desk", "2023-02-06", a_text, [event(
        a_text, "stormed", "ASSAULT", date="2023-02-05", place=place("Kastel", 32.10, 20.10))])
    b = article("b", "South Desk", "2023-02-06", b_text, [event(
        b_text, "stormed", "ASSAULT", date="2023-02-05",
        place=place("Kastel Airport", 32.05, 20.25))])
    assert not rules(compare_articles([a, b]), "place")


def test_actor_rule_flags_different_actors_for_one_event():
    a_text, a_event = _shelling("a", "2023-05-03", "Wednesday",
                                actor=("Ruritanian artillery", "RUR"))
    b_text, b_event = _shelling("b", "2023-05-03", "Wednesday",
                                actor=("Graustarkian artillery", "GRA"))
    a = article("a", "Valley News", "2023-05-04", a_text, [a_event])
    b = article("b", "Border Herald", "2023-05-04", b_text, [b_event])
    found = rules(compare_articles([a, b]), "actor")
    assert len(found) == 1
    assert {found[0].left.detail, found[0].right.detail} == {"actor RUR", "actor GRA"}


def test_assertion_rule_on_events_asserted_and_denied():
    a_text = "Border guards fired on a fishing boat off Cape Lira on Saturday.\n"
    b_text = "Border guards denied that they fired on a fishing boat off Cape Lira on Saturday.\n"
    a = article("a", "Coast Wire", "2023-09-03", a_text, [event(
        a_text, "fired", "ASSAULT", actor=("Border guards", None), date="2023-09-02")])
    b = article("b", "Capital Times", "2023-09-03", b_text, [event(
        b_text, "fired", "ASSAULT", actor=("Border guards", None), date="2023-09-02",
        modality="denied")])
    found = rules(compare_articles([a, b]), "assertion")
    assert len(found) == 1
    assert found[0].left.article_id == "a" and found[0].right.article_id == "b"
    assert "denied" in found[0].right.detail


def test_assertion_rule_on_claims_without_events():
    a = article("a", "Market Watch", "2024-02-02",
                "The central bank raised its main interest rate on Thursday, the governor said.\n")
    b = article("b", "Money Daily", "2024-02-02",
                "The central bank did not raise its main interest rate on Thursday.\n")
    found = rules(compare_articles([a, b]), "assertion")
    assert len(found) == 1
    assert found[0].left.source == "governor" and found[0].right.source is None


def test_capability_rule_across_sentences_and_designators():
    a_text = ("Two Zx-7 Heron patrol planes flew along the coast on Monday, the air force said.\n"
              "The Herons flew low over the islands.\n"
              "The crews practised dropping nuclear bombs on a target range, state media said.\n")
    b_text = ("The Zx-7 can no longer carry nuclear weapons after a refit, but it can carry "
              "sea mines.\n")
    a = article("a", "Island Voice", "2023-10-03", a_text)
    b = article("b", "Mainland Review", "2023-10-04", b_text)
    found = rules(compare_articles([a, b]), "capability")
    assert len(found) == 1
    x = found[0]
    assert x.left.article_id == "a" and "dropping nuclear bombs" in x.left.detail
    assert x.left.source == "state media"
    assert x.right.article_id == "b" and "no longer carry nuclear weapons" in x.right.detail
    assert x.summary.startswith("Zx-7")


def test_capability_rule_needs_the_same_platform():
    a = article("a", "One", "2023-10-03",
                "The Zx-7 bombers are not fitted to carry nuclear weapons.\n")
    b = article("b", "Two", "2023-10-03",
                "The Qr-12 missile is capable of carrying nuclear warheads.\n")
    assert not rules(compare_articles([a, b]), "capability")


def test_capability_mentioned_without_a_cue_is_no_statement():
    a = article("a", "One", "2023-10-03",
                "The Zx-7 bombers are not fitted to carry nuclear weapons.\n")
    b = article("b", "Two", "2023-10-03",
                "Talks on nuclear weapons in the region stalled as the Zx-7 bombers returned.\n")
    assert not rules(compare_articles([a, b]), "capability")


def test_user_capability_file_adds_a_capability(tmp_path):
    extra = tmp_path / "caps.toml"
    extra.write_text('[capability.stealth]\nlabel = "evade radar"\n'
                     'terms = ["radar detection"]\n[cues]\naffirming = ["evade*", "evading"]\n')
    a = article("a", "One", "2023-10-03", "The Zx-7 drones can evade radar detection.\n")
    b = article("b", "Two", "2023-10-03", "The Zx-7 drones cannot evade radar detection.\n")
    assert not rules(compare_articles([a, b]), "capability")
    knowledge = Knowledge.load(capability_files=[extra])
    found = rules(compare_articles([a, b], knowledge), "capability")
    assert len(found) == 1 and "evade radar" in found[0].summary


# -- statements and attribution ------------------------------------------------------------

def test_sentence_sources_tail_lead_according_anaphora_and_quotes():
    text = ("The Harbour Authority said that two tankers collided near the breakwater.\n"
            "Oil reached the beach by noon, it added.\n"
            "\"We closed the beach at once. Nobody was hurt,\" an official told reporters.\n"
            "According to the Coastal Agency, the spill covers three kilometres.\n"
            "Fishermen were angry.\n")
    items = statements(StoredArticle("x", text, "Port News"), Knowledge.default())
    by_start = {s.text.split()[0].strip('"'): s for s in items}
    assert by_start["The"].source.name == "Harbour Authority"
    assert by_start["Oil"].source.text == "it"
    assert by_start["Oil"].source.name == "Harbour Authority"  # "it" = the last named source
    assert by_start["We"].source.name == "official" and by_start["We"].voice == "quoted"
    assert by_start["Nobody"].source.name == "official"  # same quotation, source after it
    assert by_start["We"].source.anonymous
    assert by_start["According"].source.name == "Coastal Agency"
    assert by_start["Fishermen"].source is None and by_start["Fishermen"].voice == "own"


def _sources(text: str) -> dict[str, str | None]:
    items = statements(StoredArticle("x", text, "Desk"), Knowledge.default())
    return {s.text.split()[0].strip('"'): s.source.name if s.source else None for s in items}


def test_a_pronoun_source_stands_for_the_nearest_source_it_can_refer_to():
    found = _sources(
        "Mayor Ruth Okafor said the depot would reopen in May.\n"
        "A new survey said most riders wanted more buses.\n"
        "Drivers will get a bonus, she added.\n"
        "The Transit Workers Union said its members were tired.\n"
        "Ticket prices stay the same, they said.\n"
        "Two senior transit officials said the fleet was old.\n"
        "Repairs start in June, it said.\n")
    assert found["Drivers"] == "Mayor Ruth Okafor"  # not the survey: "she" is a person
    assert found["Ticket"] == "Transit Workers Union"
    assert found["Repairs"] == "Transit Workers Union"  # "it" is no person, nor officials


def test_a_pronoun_with_no_source_it_can_refer_to_stays_itself():
    found = _sources("A new survey said most riders wanted more buses.\n"
                     "Fares will not rise, he said.\n")
    assert found["Fares"] == "he"


def test_a_source_phrase_leaves_out_adverbs_and_clauses_before_the_verb():
    text = ("The senator has falsely claimed that the budget doubled.\n"
            "The council repeatedly said the bridge was safe.\n"
            "The family said the boy was safe.\n"
            "Nobody will answer that, though outside the court he said so.\n")
    items = statements(StoredArticle("x", text, "Desk"), Knowledge.default())
    assert [s.source.text for s in items] == ["The senator", "The council", "The family", "he"]
    # "he": the senator, the one person among them
    assert [s.source.name for s in items] == ["senator", "council", "family", "senator"]


def test_verbs_of_promising_predicting_and_replying_report_speech():
    found = _sources("Mayor Ruth Okafor vowed to reopen the depot in May.\n"
                     "Union leader Abel Tamm predicted a strike before the summer.\n"
                     "Fares were frozen last year.\n")
    assert found == {"Mayor": "Mayor Ruth Okafor", "Union": "Union leader Abel Tamm",
                     "Fares": None}


def test_event_attribution_from_the_extractor_wins():
    text = "Rebels seized the airport, the army said.\n"
    items = statements(StoredArticle("x", text, "Desk", events=[event(
        text, "seized", "ASSAULT", source=("the army", "ABC"))]), Knowledge.default())
    assert items[0].source.code == "ABC" and items[0].source.name == "army"


def test_attribution_profile_counts_sources_and_own_voice():
    a = article("a", "Port News", "2023-03-01",
                "The Harbour Authority said two tankers collided.\n"
                "\"Nobody was hurt,\" an official said.\n"
                "The port is the busiest on the coast.\n")
    b = article("b", "Other", "2023-03-01", "Two tankers collided near the port.\n")
    profile = compare_articles([a, b]).attribution[0]
    assert (profile.statements, profile.own, profile.attributed, profile.quoted) == (3, 1, 1, 1)
    assert [s.name for s in profile.sources] == ["Harbour Authority", "official"]
    assert profile.anonymous_statements == 1
    assert 0.2 < profile.own_share < 0.5


# -- coverage matrix and omissions ---------------------------------------------------------

def test_coverage_matrix_statuses_and_omissions():
    a_text = ("Flood water closed the main railway bridge in Tarn on Tuesday.\n"
              "Engineers expect the railway bridge in Tarn to reopen in 10 days, the rail "
              "company said.\n")
    b_text = ("Flood water closed the main railway bridge in Tarn on Tuesday.\n"
              "The mayor blamed years of neglect for the damage.\n")
    a = article("a", "Rail Gazette", "2023-11-08", a_text)
    b = article("b", "Tarn Echo", "2023-11-08", b_text)
    comparison = compare_articles([a, b])
    shared = row_with(comparison, "Flood water")
    assert [c.status for c in shared.cells] == ["reported", "reported"]
    only_a = row_with(comparison, "Engineers")
    assert [c.status for c in only_a.cells] == ["reported", "absent"]
    assert only_a.cells[0].mentions[0].source == "rail company"
    omitted = {o.row_id: o for o in comparison.omissions}
    assert omitted[only_a.id].missing_from == ["b"]
    assert omitted[only_a.id].sentence.startswith("Engineers")
    unrelated = row_with(comparison, "The mayor")
    assert unrelated.missing_from == ["a"] and unrelated.id not in omitted  # not the story
    assert comparison.rows[0] is shared  # rows several articles report come first


def test_two_events_of_one_sentence_stay_two_rows():
    text = "Protesters blocked the highway and troops attacked the camp on Friday.\n"
    events = [event(text, "blocked", "PROTEST", actor=("Protesters", None)),
              event(text, "attacked", "ASSAULT", actor=("troops", None))]
    a = article("a", "One", "2023-04-01", text, events)
    b = article("b", "Two", "2023-04-01", "The weather was fine all week in the capital.\n")
    comparison = compare_articles([a, b])
    assert len([r for r in comparison.rows if r.kind == "event"]) == 2


def test_comparison_needs_two_distinct_articles():
    a = article("a", "One", None, "Some text that says something here.\n")
    with pytest.raises(ValueError):
        compare_articles([a])
    with pytest.raises(ValueError):
        compare_articles([a, a])


def test_to_dict_is_json_ready():
    a_text, a_event = _shelling("a", "2023-05-03", "Wednesday")
    b_text, b_event = _shelling("b", "2023-05-04", "Thursday")
    comparison = compare_articles([article("a", "A", "2023-05-04", a_text, [a_event]),
                                   article("b", "B", "2023-05-05", b_text, [b_event])])
    data = json.loads(json.dumps(comparison.to_dict()))
    assert set(data) >= {"articles", "rows", "omissions", "contradictions", "attribution",
                         "framing", "framing_contrasts", "notes"}
    assert data["rows"][0]["reported_by"] == ["a", "b"]
    assert data["contradictions"][0]["rule"] == "date"


# -- framing -------------------------------------------------------------------------------

FRAMING_A = ("The naval drill was routine and planned in advance, the ministry said.\n"
             "Ships will return to port on Friday.\n")
FRAMING_B = ("The provocative naval drill is a reckless escalation.\n"
             "Officials called it \"a menacing stunt\", and the ministry claimed that it was "
             "routine.\n")


def test_framing_counts_by_voice():
    comparison = compare_articles([article("a", "Calm Times", "2023-06-01", FRAMING_A),
                                   article("b", "Loud Post", "2023-06-01", FRAMING_B)])
    a, b = comparison.framing
    routine_a = next(c for c in a.categories if c.category == "routine")
    assert routine_a.attributed == 2 and routine_a.own == 0
    assert set(routine_a.terms) == {"routine*", "planned in advance"}
    alarm_b = next(c for c in b.categories if c.category == "alarm")
    assert (alarm_b.own, alarm_b.quoted) == (2, 1)  # provocative, reckless; "menacing" quoted
    distancing = next(c for c in b.categories if c.category == "distancing")
    assert distancing.own == 1  # "claimed" is the outlet's word even in an attributed sentence
    assert b.loaded_own == 3 and a.loaded_own == 0
    hit = next(h for h in b.hits if h.term == "menacing")
    assert FRAMING_B[hit.start:hit.end] == "menacing" and hit.voice == "quoted"


def test_framing_contrast_sets_routine_against_alarm():
    comparison = compare_articles([article("a", "Calm Times", "2023-06-01", FRAMING_A),
                                   article("b", "Loud Post", "2023-06-01", FRAMING_B)])
    contrast = next(c for c in comparison.framing_contrasts
                    if {c.category, c.opposite} == {"alarm", "routine"})
    assert contrast.counts["a"]["routine"] == 2 and contrast.counts["a"]["alarm"] == 0
    assert contrast.counts["b"]["alarm"] == 3 and contrast.counts["b"]["alarm_own"] == 2
    assert contrast.examples["b"][0].voice == "own"  # own voice first


def test_user_framing_file_extends_the_lexicon(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[alarm]\nterms = ["sabre-waving"]\n'
                     '[euphemism]\nstance = "neutral"\ndescription = "softens"\n'
                     'terms = ["collateral damage"]\n')
    text = "The sabre-waving drill caused collateral damage, critics said.\n"
    knowledge = Knowledge.load(framing_files=[extra])
    comparison = compare_articles([article("a", "A", None, text),
                                   article("b", "B", None, "Nothing to see in this one.\n")],
                                  knowledge)
    found = {c.category: c for c in comparison.framing[0].categories}
    assert found["alarm"].terms == {"sabre-waving": 1}
    assert found["euphemism"].attributed == 1


def test_bad_framing_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[odd]\nstance = "spicy"\nterms = ["x"]\n')
    with pytest.raises(KnowledgeError, match="stance"):
        Knowledge.load(framing_files=[bad])
    broken = tmp_path / "broken.toml"
    broken.write_text("[alarm\n")
    with pytest.raises(KnowledgeError, match="not valid TOML"):
        Knowledge.load(framing_files=[broken])
