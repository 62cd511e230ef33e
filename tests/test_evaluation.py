"""`sitrep eval`: the scoring rule's arithmetic, code mapping, gold forms, reports, CLI;
document gold (matching, levels, scopes, reports) and `--select`.

All sentences are invented for these tests.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.evaluation import GoldError, Prediction, load_gold, predict, score
from sitrep.evaluation.baselines import (
    keyword_predictions,
    majority_predictions,
    majority_type,
)
from sitrep.evaluation.codes import codes_match, gold_label
from sitrep.evaluation.documents import (
    LEVELS,
    GoldArticle,
    GoldEvent,
    PredictedEvent,
    agreement,
    compatible,
    gold_files,
    is_document_gold,
    load_document_gold,
    score_article,
    score_documents,
)
from sitrep.evaluation.gold import event_spans, parse_markup
from sitrep.evaluation.harness import Evaluation
from sitrep.evaluation.report import write_report
from sitrep.evaluation.select import Selection, SelectionError
from sitrep.records import Article, Entity, Event, ResolvedDate

SCRIPT = "<script>alert(1)</script>"

# (id, event, text, markup, source, target)
GOLD = [
    ("r1", "AGREE", "Japan and Peru agreed on Tuesday to reopen talks on a fisheries accord.",
     ("(SRC: Japan) and (TAR: Peru) (EVT: agreed) on Tuesday to reopen (EVT: talks) on a "
     "fisheries accord."), [["Japan", "JAP"]], [["Peru", "PER"]]),
    ("r2", "ASSAULT", ("Rebels attacked an army post near the border, killing four soldiers "
     "and wounding a guard."),
     ("(SRC: Rebels) (EVT: attacked) an (TAR: army post) near the border, killing four soldiers "
     "and wounding a guard."), [["Rebels", "NGAREB"]], [["army post", "NGAMIL"]]),
    ("r3", "ASSAULT", "Police fired tear gas at protesters in the capital on Friday.",
     "(SRC: Police) (EVT: fired tear gas) at (TAR: protesters) in the capital on Friday.",
     [["Police", "FRACOP"]], [["protesters", "FRA"]]),
    ("r4", "REQUEST", "The United Nations urged both sides to observe the ceasefire.",
     "The (SRC: United Nations) (EVT: urged) both sides to observe the ceasefire.",
     [["United Nations", "IGO"]], ""),
    ("r5", "REQUEST", "Germany called on Iran to free the detained journalists.",
     "(SRC: Germany) (EVT: called on) (TAR: Iran) to free the detained journalists.",
     [["Germany", "DEU"]], [["Iran", "IRN"]]),
    ("r6", "PROTEST", ("Thousands marched through Nairobi to protest rising fuel prices as "
     "police clashed with stragglers."),
     ("(SRC: Thousands) (EVT: marched) through Nairobi to (EVT: protest) rising fuel prices as "
     "police clashed with stragglers."), [["Thousands", "KENCVL"]], ""),
    ("r7", "THREATEN", "Russia threatened to impose sanctions on Georgia.",
     "(SRC: Russia) (EVT: threatened) to impose (EVT: sanctions) on (TAR: Georgia).",
     [["Russia", "RUS"]], [["Georgia", "GEO"]]),
    ("r8", "MOBILIZE", f"Troops {SCRIPT} were deployed along the frontier.",
     f"(SRC: Troops) {SCRIPT} were (EVT: deployed) along the frontier.",
     [["Troops", "USAMIL"]], []),
]


def _write_gold(folder: Path, rows=GOLD) -> Path:
    path = folder / "gold.jsonl"
    lines = []
    for rid, event, text, markup, source, target in rows:
        lines.append(json.dumps({
            "id": rid, "date": "2021-03-04", "event": event, "text": text,
            "textInfo": {"markup": markup},
            "source": [{"actorText": t, "code": c} for t, c in source],
            "target": [{"actorText": t, "code": c} for t, c in target] if target else target,
            "mode": "", "context": ""}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _at(text: str, word: str, event_type: str, actor=(), recipient=()) -> Prediction:
    start = text.index(word)
    return Prediction(event_type, word, start, start + len(word), tuple(actor), tuple(recipient))


def _predictions(records) -> list[list[Prediction]]:
    t = {r.id: r.sentence for r in records}
    by_id = {
        "r1": [_at(t["r1"], "agreed", "AGREE", ["JPN"], ["PER"]),
               _at(t["r1"], "talks", "CONSULT", ["JPN"])],  # marked as EVT: exempt
        "r2": [_at(t["r2"], "attacked", "ASSAULT", [], ["NGA"]),
               _at(t["r2"], "killing", "COERCE"), _at(t["r2"], "wounding", "COERCE")],
        "r3": [_at(t["r3"], "protesters", "PROTEST")],
        "r4": [_at(t["r4"], "urged", "REQUEST", ["UNO"])],
        "r5": [],
        "r6": [_at(t["r6"], "protest", "PROTEST", ["KEN"], ["USA"]),
               _at(t["r6"], "clashed", "ASSAULT")],
        "r7": [_at(t["r7"], "threatened", "THREATEN", ["RUS"], ["GEO"]),
               _at(t["r7"], "sanctions", "SANCTION", ["RUS"], ["GEO"])],
        "r8": [],
    }
    return [by_id[r.id] for r in records]


@pytest.fixture
def scored(tmp_path):
    records = load_gold(_write_gold(tmp_path))
    return records, score(records, _predictions(records))


def test_per_type_counts_follow_the_rule(scored):
    _, s = scored
    counts = {t: (c.tp, c.fp, c.fn) for t, c in s.per_type.items()}
    assert counts == {
        "AGREE": (1, 0, 0),
        "ASSAULT": (1, 1, 1),    # r2 found, r3 missed, r6 "clashed" unmarked
        "COERCE": (0, 1, 0),     # two unmarked predictions in r2: one FP
        "PROTEST": (1, 1, 0),    # r6 found, r3 "protesters" unmarked
        "REQUEST": (1, 0, 1),
        "THREATEN": (1, 0, 0),
        "MOBILIZE": (0, 0, 1),
    }  # CONSULT (r1) and SANCTION (r7) overlap (EVT: ...) marks: neither TP nor FP
    assert s.per_type["ASSAULT"].f1 == pytest.approx(0.5)
    assert s.per_type["PROTEST"].precision == pytest.approx(0.5)


def test_micro_and_macro(scored):
    _, s = scored
    micro = s.micro
    assert (micro.tp, micro.fp, micro.fn) == (5, 3, 3)
    assert micro.f1 == pytest.approx(10 / 16)
    # mean over the 6 types with support: AGREE 1, ASSAULT .5, PROTEST 2/3, REQUEST 2/3,
    # THREATEN 1, MOBILIZE 0 (COERCE has no support and stays out)
    assert s.macro_f1 == pytest.approx((1 + 0.5 + 2 / 3 + 2 / 3 + 1 + 0) / 6)


def test_actor_and_recipient_accuracy(scored):
    _, s = scored
    # found: r1 JPN~JAP ok, r2 no actor code, r4 UNO~IGO ok, r6 KEN~KENCVL ok, r7 RUS ok
    assert (s.actor.correct, s.actor.total) == (4, 5)
    # r6 has no gold target but predicts USA: wrong; the others are right
    assert (s.recipient.correct, s.recipient.total) == (4, 5)
    assert (s.recipient_with_target.correct, s.recipient_with_target.total) == (3, 3)


def test_confusion_and_misses(scored):
    _, s = scored
    assert s.confusion["AGREE"] == {"AGREE": 1, "CONSULT": 1}
    assert s.confusion["ASSAULT"] == {"ASSAULT": 1, "COERCE": 1, "PROTEST": 1}
    assert s.confusion["REQUEST"] == {"REQUEST": 1, "none": 1}
    assert s.confusion["MOBILIZE"] == {"none": 1}
    kinds = sorted((m.kind, m.event_type, m.record.id) for m in s.misses)
    assert kinds == [("FN", "ASSAULT", "r3"), ("FN", "MOBILIZE", "r8"), ("FN", "REQUEST", "r5"),
                     ("FP", "ASSAULT", "r6"), ("FP", "COERCE", "r2"), ("FP", "PROTEST", "r3")]


@pytest.mark.parametrize("gold, predicted, expected", [
    (["JAP"], ["JPN"], True),
    (["JAPGOV"], ["JPN"], True),
    (["USAGOV"], ["USA"], True),
    (["USA"], ["CAN"], False),
    (["IGO"], ["NATO"], True),
    (["IGOUNO"], ["UNO"], True),
    (["IGO"], ["HRW"], False),
    (["NGO"], ["HRW"], True),
    (["IMG"], ["ISIS"], True),
    (["IGO"], ["USA"], False),
    (["KOS"], ["XKX"], True),
    (["RUS", "GEO"], [None, "GEO"], True),
    (["USA"], [], False),
])
def test_code_mapping(gold, predicted, expected):
    assert codes_match(gold, predicted) is expected


def test_gold_label():
    assert gold_label("JAP") == "JPN"
    assert gold_label("deu") == "DEU"
    assert gold_label("IGOEUR") == "@IGO"


def test_markup_parsing_nests_and_keeps_plain_parentheses():
    plain, marks = parse_markup("The (SRC: Arctic Council) (AC) (EVT: sent} aid (LOC: to "
                                "(TAR: Norway)) today.")
    assert plain == "The Arctic Council (AC) sent aid to Norway today."
    spans = {(tag, plain[s:e]) for tag, s, e in marks}
    assert spans == {("SRC", "Arctic Council"), ("EVT", "sent"), ("TAR", "Norway"),
                     ("LOC", "to Norway")}


def test_event_spans_follow_a_slightly_different_sentence():
    sentence = "The two sides have agreed to resume the talks."
    spans = event_spans("This two sides have (EVT: agreed) to resume (EVT: talks).", sentence)
    assert [sentence[s:e] for s, e in spans] == ["agreed", "talks"]


def _path_gold(tmp_path: Path) -> tuple[Path, str]:
    article = ("Rebels attacked a police station in the north on Monday. "
               "Officials said the region was calm. "
               "The government urged residents to stay indoors.\n")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "story.txt").write_text(article, encoding="utf-8")
    first = article.index(".") + 1
    third = article.index("The government")
    rows = [
        {"id": "p1", "event": "ASSAULT", "path": "reports/story.txt", "sentence_start": 0,
         "sentence_end": first, "outlet": "Test Wire", "published": "2022-05-02",
         "source": [{"actorText": "Rebels", "code": "REB"}],
         "target": [{"actorText": "police station", "code": "COP"}],
         "textInfo": {"markup": "(SRC: Rebels) (EVT: attacked) a (TAR: police station) in the "
                                "north on Monday."}},
        {"id": "p2", "event": "REQUEST", "path": str(tmp_path / "reports" / "story.txt"),
         "sentence_start": third, "sentence_end": len(article) - 1, "outlet": "Test Wire",
         "published": "2022-05-02", "source": [{"actorText": "The government", "code": "GOV"}],
         "target": "", "textInfo": {"markup": "(SRC: The government) (EVT: urged) residents "
                                              "to stay indoors."}},
    ]
    gold = tmp_path / "seeds_gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return gold, article


def test_path_and_offset_gold_form(tmp_path):
    gold, article = _path_gold(tmp_path)
    first, second = load_gold(gold)
    assert first.sentence == "Rebels attacked a police station in the north on Monday."
    assert first.article_text == article and first.article_key == second.article_key
    assert second.sentence == "The government urged residents to stay indoors."
    assert [article[s:e] for s, e in second.event_spans] == ["urged"]
    assert str(first.published) == "2022-05-02" and first.outlet == "Test Wire"
    assert second.targets == []
    assert (first.sentence_start, second.sentence_start) == (0, article.index("The government"))


def test_bad_gold_files_are_reported_with_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event": "AGREE", "text": "Fine."}\n{"event": "AGREE"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad.jsonl:2"):
        load_gold(bad)
    bad.write_text('{"event": "AGREE", "path": "missing.txt", "sentence_start": 0, '
                   '"sentence_end": 3}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(bad)


def test_baselines(tmp_path):
    records = load_gold(_write_gold(tmp_path))
    assert majority_type(records) == "ASSAULT"  # ASSAULT and REQUEST tie at 2: by name
    majority = score(records, majority_predictions(records))
    assert (majority.per_type["ASSAULT"].tp, majority.micro.fp) == (2, 6)
    keyword = keyword_predictions(records)
    by_id = {r.id: {(p.event_type, p.trigger) for p in preds} for r, preds in zip(records, keyword)}
    assert by_id["r2"] == {("ASSAULT", "attacked")}
    assert by_id["r7"] == {("THREATEN", "threatened"), ("SANCTION", "sanctions")}
    assert by_id["r6"] == {("PROTEST", "protest")}


def test_report_files(tmp_path, scored):
    _, s = scored
    evaluation = Evaluation("gold.jsonl", s, {"majority class": s})
    for name in ("out.md", "out.html", "out.json"):
        write_report(evaluation, tmp_path / name)
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "<svg" in html and "MOBILIZE (1)" in html
    assert SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "| ASSAULT | 0.50 | 0.50 | 0.50 | 2 | 1 | 1 | 1 |" in md
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["micro"]["tp"] == 5 and data["macro_f1"] == pytest.approx(s.macro_f1)
    assert data["actor_accuracy"] == {"accuracy": 0.8, "correct": 4, "total": 5}
    assert len(data["misses"]) == 6
    assert {m["sentence"] for m in data["misses"] if m["type"] == "MOBILIZE"} == {GOLD[7][2]}
    assert "majority class" in data["baselines"]
    with pytest.raises(ValueError):
        write_report(evaluation, tmp_path / "out.pdf")


def test_cli_eval_with_baseline_report_and_path_form(tmp_path):
    """The one test that runs spaCy: the real coder over a text gold file and a path one."""
    from sitrep.cli import main

    runner = CliRunner()
    text_gold = _write_gold(tmp_path)
    result = runner.invoke(main, ["eval", str(text_gold), "--baseline", "--limit", "3",
                                  "--report", str(tmp_path / "dev.json")])
    assert result.exit_code == 0, result.output
    assert "baseline majority class: micro-F1" in result.output
    assert "baseline keyword coder: micro-F1" in result.output
    assert "macro-F1" in result.output and "actor accuracy" in result.output
    assert json.loads((tmp_path / "dev.json").read_text())["records"] == 3

    path_gold, _ = _path_gold(tmp_path)

    records = load_gold(path_gold)
    predictions = predict(records)
    assert any(p.event_type == "ASSAULT" for p in predictions[0])
    for record, predicted in zip(records, predictions):
        assert all(record.sentence_start <= p.start < record.sentence_end for p in predicted)
    result = runner.invoke(main, ["eval", str(path_gold), "--report", str(tmp_path / "s.html")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "s.html").exists()
    result = runner.invoke(main, ["eval", str(path_gold), "--report", str(tmp_path / "s.pdf")])
    assert result.exit_code == 2


def test_records_sharing_a_sentence_do_not_count_each_other_as_false_positives():
    from sitrep.evaluation.gold import GoldRecord
    from sitrep.evaluation.score import Prediction, score

    sentence = "Police arrested protesters who had attacked a station."
    both = [GoldRecord(id=str(i), event=t, sentence=sentence, article_key="a",
                       article_text=sentence, sentence_start=0)
            for i, t in enumerate(("COERCE", "ASSAULT"))]
    predicted = [Prediction("COERCE"), Prediction("ASSAULT"), Prediction("PROTEST")]
    scores = score(both, [predicted, predicted])
    assert (scores.counts("COERCE").tp, scores.counts("COERCE").fp) == (1, 0)
    assert (scores.counts("ASSAULT").tp, scores.counts("ASSAULT").fp) == (1, 0)
    assert scores.counts("PROTEST").fp == 1  # once per sentence: not marked anywhere


# --- document gold -----------------------------------------------------------------------
# tests/fixtures/document_gold: two invented articles, six gold events (see gold.jsonl)

DOCUMENT_GOLD = Path(__file__).resolve().parent / "fixtures" / "document_gold"


@pytest.fixture(scope="module")
def document_gold() -> dict[str, GoldArticle]:
    return {a.id: a for a in load_document_gold([DOCUMENT_GOLD])}


def _predicted(event_type: str, actor=(), recipient=(), when=None, trigger="x",
               trigger_start=None) -> PredictedEvent:
    """A prediction as document scoring sees it; `when` is a day or a (first, last) span."""
    first, last = when if isinstance(when, tuple) else (when, when)
    return PredictedEvent(event_type, tuple(actor), tuple(recipient),
                          date.fromisoformat(first) if first else None,
                          date.fromisoformat(last) if last else None,
                          trigger, trigger_start, sentence="")


def test_document_gold_is_read_from_a_folder_or_two_files_in_either_order(document_gold):
    t01, t02 = document_gold["t01"], document_gold["t02"]
    assert [e.id for e in t01.events] == ["t01-01", "t01-02", "t01-03"]
    assert t01.article.published == date(2023, 5, 10)
    agree, _, assault = t02.events
    assert agree.accepted_types == {"AGREE", "CONSULT"} and agree.actor == ("JPN", "PER")
    assert (assault.actor, assault.recipient, assault.date) == (None, None, "2023-05")
    assert t02.article.text[agree.sentence_start:agree.sentence_end] == agree.sentence
    articles, gold = DOCUMENT_GOLD / "articles.jsonl", DOCUMENT_GOLD / "gold.jsonl"
    assert gold_files([gold, articles]) == gold_files([articles, gold]) == (articles, gold)
    assert is_document_gold([DOCUMENT_GOLD]) and is_document_gold([gold, articles])
    assert not is_document_gold([gold])


def test_document_matching_is_one_to_one(document_gold):
    t01 = document_gold["t01"]
    arrest = _predicted("COERCE", ["KEN"], ["KEN"], "2023-05-08")
    result = score_article(t01, [arrest, arrest])  # the arrest reported twice
    for level in LEVELS:
        counts = result.counts(level, "all")
        assert (counts.matched, counts.predicted, counts.gold) == (1, 2, 3)
    assert result.unmatched_predictions() == [1]  # the repeat is a false positive
    assert result.deepest_level(0) == "date" and result.partner(0) == 0


def test_gold_actor_null_is_matched_only_by_an_uncoded_prediction(document_gold):
    gunmen = document_gold["t02"].events[2]  # ASSAULT by an unknown actor
    published = document_gold["t02"].article.published
    uncoded = _predicted("ASSAULT", when="2023-05-20")
    coded = _predicted("ASSAULT", ["PER"], when="2023-05-20")
    assert compatible(gunmen, uncoded, "date", published)
    assert compatible(gunmen, coded, "type", published)
    assert not compatible(gunmen, coded, "actor", published)


def test_gold_recipient_null_accepts_any_recipient(document_gold):
    talks = document_gold["t02"].events[0]  # AGREE, actor JPN/PER, recipient null
    published = document_gold["t02"].article.published
    for recipient in ((), ("USA",), ("PER", "CHN")):
        assert compatible(talks, _predicted("CONSULT", ["PER"], recipient, "2023-06-01"),
                          "date", published)
    urged = document_gold["t02"].events[1]  # REQUEST JPN -> PER
    assert not compatible(urged, _predicted("REQUEST", ["JPN"], ["USA"]), "recipient",
                          published)
    assert compatible(urged, _predicted("REQUEST", ["JPN"], ["CHN", "PER"]), "recipient",
                      published)  # a compound recipient matches by any member


@pytest.mark.parametrize("gold_date, when, agrees", [
    ("2023-05-08", "2023-05-08", True),
    ("2023-05-08", "2023-05-09", False),
    ("2023-05-08", ("2023-05-08", "2023-05-14"), False),  # a week is not that day
    ("2023-05", "2023-05-31", True),
    ("2023-05", ("2023-05-01", "2023-05-31"), True),
    ("2023-05", ("2023-04-28", "2023-05-04"), False),  # a week across two months
    ("2023-05", "2023-06-01", False),
    ("2023", ("2023-01-01", "2023-12-31"), True),
    ("2023", "2022-12-31", False),
    ("2023-05-10", None, True),  # undated: taken as published (2023-05-10)
    ("2023-05", None, True),
    ("2023-05-09", None, False),
    (None, "1999-01-01", True),  # a gold date of null accepts any date
])
def test_dates_agree_at_the_gold_precision(document_gold, gold_date, when, agrees):
    t01 = document_gold["t01"]
    gold = dataclasses.replace(t01.events[0], date=gold_date)
    predicted = _predicted("COERCE", ["KEN"], ["KEN"], when)
    assert compatible(gold, predicted, "date", t01.article.published) is agrees
    assert agreement(gold, predicted, t01.article.published)["date"] is agrees


def test_an_undated_prediction_needs_a_publication_date(document_gold):
    gold = dataclasses.replace(document_gold["t01"].events[0], date="2023-05")
    assert not compatible(gold, _predicted("COERCE", ["KEN"], ["KEN"]), "date", None)


def test_a_week_range_is_a_date_span_not_undated():
    week = ResolvedDate("last week", range_start=date(2023, 5, 1),
                        range_end=date(2023, 5, 7))
    event = Event(article_id="a", event_type="ASSAULT", cameo="18",
                  trigger=Entity("attacked", start=0, end=8), sentence="attacked",
                  sentence_start=0, date=week)
    predicted = PredictedEvent.from_event(event)
    assert (predicted.date_start, predicted.date_end) == (date(2023, 5, 1), date(2023, 5, 7))
    assert predicted.date_span == "2023-05-01..2023-05-07"


def test_high_scope_leaves_out_predictions_matched_to_low_gold(document_gold):
    t01 = document_gold["t01"]  # COERCE high, PROTEST low, ACCUSE high
    predicted = [_predicted("COERCE", ["KEN"], ["KEN"], "2023-05-08"),
                 _predicted("PROTEST", ["KEN"], ["KEN"]),
                 _predicted("ASSAULT")]
    scores = score_documents([t01], [predicted])
    every = scores.counts("type", "all")
    high = scores.counts("type", "high")
    assert (every.matched, every.predicted, every.gold) == (2, 3, 3)
    assert (high.matched, high.predicted, high.gold) == (1, 2, 2)  # PROTEST counts neither way
    assert high.precision == pytest.approx(0.5) and high.recall == pytest.approx(0.5)


def test_a_gold_event_keeps_its_partner_down_the_levels():
    """Two ACCUSE events told apart only by the actor: each keeps the prediction that has
    its actor at the type level too, so the report shows one partner per gold event."""
    article = Article(text="Story.", published=date(2023, 5, 10))
    gold = GoldArticle("a", article, [
        GoldEvent("a-1", "a", "ACCUSE", frozenset({"ACCUSE"}), ("USA",), ("IRN",), None,
                  "high", ""),
        GoldEvent("a-2", "a", "ACCUSE", frozenset({"ACCUSE"}), ("GBR",), ("IRN",), None,
                  "high", "")])
    predicted = [_predicted("ACCUSE", ["GBR"], ["RUS"]), _predicted("ACCUSE", ["USA"], ["RUS"]),
                 _predicted("ACCUSE", ["FRA"], ["RUS"])]
    result = score_article(gold, predicted)
    assert result.matchings["type"] == result.matchings["actor"] == {0: 1, 1: 0}
    assert result.matchings["recipient"] == {}
    assert [result.deepest_level(i) for i in (0, 1)] == ["actor", "actor"]
    assert [result.wrong_fields(i) for i in (0, 1)] == [["recipient"], ["recipient"]]
    record = result.to_record()
    assert [g["matched_to"] for g in record["gold"]] == [1, 0] and record["spurious"] == [2]


def test_same_sentence_needs_the_trigger_inside_the_gold_sentence(document_gold):
    t01 = document_gold["t01"]
    text = t01.article.text
    inside = text.index("condemned")
    elsewhere = text.index("marched")
    accuse = document_gold["t01"].events[2]
    assert accuse.sentence_start <= inside < accuse.sentence_end
    near = score_article(t01, [_predicted("ACCUSE", ["KEN"], trigger_start=inside)])
    far = score_article(t01, [_predicted("ACCUSE", ["KEN"], trigger_start=elsewhere)])
    assert (near.counts("same_sentence", "all").matched,
            far.counts("same_sentence", "all").matched) == (1, 0)
    assert far.counts("actor", "all").matched == 1


@pytest.mark.parametrize("gold, predicted, expected", [
    (["ISIS"], ["ISIS"], True),  # whole codes: not cut to "ISI"
    (["UNESCO"], ["UNESCO"], True),
    (["UNICEF"], ["UNESCO"], False),
    (["IGO"], ["UNO"], True),  # the PLOVER classes still map
    (["EU"], ["EU"], True),
    (["USAGOV"], ["USA"], False),
])
def test_document_gold_codes_are_compared_whole(gold, predicted, expected):
    assert codes_match(gold, predicted, whole=True) is expected


def test_per_type_counts_and_record(document_gold):
    t02 = document_gold["t02"]
    predicted = [_predicted("CONSULT", ["JPN"], when="2023-06-01"), _predicted("REJECT")]
    scores = score_documents([t02], [predicted])
    table = scores.per_type()
    assert (table["AGREE"].gold, table["AGREE"].found) == (1, 1)  # found as CONSULT
    assert (table["CONSULT"].predicted, table["CONSULT"].correct) == (1, 1)
    assert (table["REJECT"].predicted, table["REJECT"].correct, table["REJECT"].gold) == (1, 0, 0)
    record = scores.to_record()
    assert record["scores"]["all"]["date"]["matched"] == 1
    assert (record["predicted_events"], record["without_actor_code"]) == (2, 1)
    gold = record["by_article"][0]["gold"]
    assert (gold[0]["matched_at"], gold[1]["matched_at"]) == ("date", None)


def _document_files(tmp_path: Path, articles: list[dict], events: list[dict]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for name, rows in (("articles.jsonl", articles), ("gold.jsonl", events)):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows),
                                   encoding="utf-8")
    return folder


ARTICLE = {"id": "x1", "published": "2023-01-02", "text": "Rebels attacked a town."}
EVENT = {"article_id": "x1", "event_type": "ASSAULT", "actor": "SYR", "recipient": None,
         "date": None, "confidence": "high", "sentence": "Rebels attacked a town."}


@pytest.mark.parametrize("articles, event, message", [
    ([ARTICLE], {"date": "2023-13"}, r"gold.jsonl:1: `date` must be"),
    ([ARTICLE], {"date": "2023-02-30"}, r"`date` must be"),
    ([ARTICLE], {"accepted_types": "ASSAULT"}, r"`accepted_types` must be a list"),
    ([ARTICLE], {"confidence": "medium"}, r"`confidence` must be high or low"),
    ([ARTICLE], {"article_id": "x2"}, r"'x2' is not in articles.jsonl"),
    ([ARTICLE], {"actor": 7}, r"`actor` must be a code"),
    ([ARTICLE], {"event_type": ""}, r"needs an `event_type`"),
    ([ARTICLE, ARTICLE], {}, r"articles.jsonl:2: article id 'x1' occurs twice"),
    ([{"id": "x1"}], {}, r"articles.jsonl:1: an article needs an `id` and a `text`"),
])
def test_bad_document_gold_is_reported_with_its_line(tmp_path, articles, event, message):
    folder = _document_files(tmp_path, articles, [{**EVENT, **event}])
    with pytest.raises(GoldError, match=message):
        load_document_gold([folder])


def test_document_gold_files_must_be_one_of_each(tmp_path):
    folder = _document_files(tmp_path, [ARTICLE], [EVENT])
    with pytest.raises(GoldError, match="expected an articles file"):
        gold_files([folder / "articles.jsonl", folder / "articles.jsonl"])
    with pytest.raises(GoldError, match="a document gold folder needs articles.jsonl"):
        gold_files([tmp_path])
    with pytest.raises(GoldError, match="a document gold event"):
        load_gold(folder / "gold.jsonl")  # one file of document gold, read as sentence gold


# --- --select ----------------------------------------------------------------------------

@pytest.mark.parametrize("expression, ids, kept", [
    ("nd01-nd03", ["nd01", "nd2", "nd03", "nd04", "xy02"], ["nd01", "nd2", "nd03"]),
    ("nd05", ["nd04", "nd5", "ND05x"], ["nd5"]),
    ("even", ["PLV-train-4", "PLV-train-7", "nd10", "t02-03"], ["PLV-train-4", "nd10"]),
    ("odd", ["PLV-train-4", "PLV-train-7", "nd10", "t02-03"], ["PLV-train-7", "t02-03"]),
    ("PLV-train-1-PLV-train-10", ["PLV-train-4", "PLV-train-19"], ["PLV-train-4"]),
    ("1-3,odd", ["1", "2", "3", "4", "5"], ["1", "2", "3", "5"]),
    (" ND01-ND02 ", ["nd01", "nd02"], ["nd01", "nd02"]),  # case and spaces around
    ("intro", ["intro", "nd01"], ["intro"]),
])
def test_selection_keeps_matching_ids(expression, ids, kept):
    assert Selection.parse(expression).apply(ids, str, "record") == kept


@pytest.mark.parametrize("expression, message", [
    ("nd05-nd01", "runs backwards"),
    ("nd01,,nd02", "an empty item"),
    ("", "an empty item"),
    ("nd01 nd02", "is not an id"),
])
def test_selection_refuses_unknown_forms(expression, message):
    with pytest.raises(SelectionError, match=message):
        Selection.parse(expression)


def test_selection_refuses_items_that_match_nothing():
    with pytest.raises(SelectionError, match=r"'nd50' matches no article id \(ids run nd01"):
        Selection.parse("nd01,nd50").apply(["nd01", "nd02"], str, "article")
    with pytest.raises(SelectionError, match="'odd' matches no record id"):
        Selection.parse("odd").apply(["a2", "a4"], str, "record")


# --- sitrep eval on document gold (runs the real pipeline on the fixture) ------------------

def test_cli_eval_document_gold_folder_and_reports(tmp_path):
    from sitrep.cli import main

    runner = CliRunner()
    html_report = tmp_path / "docs.html"
    result = runner.invoke(main, ["eval", str(DOCUMENT_GOLD), "--report", str(html_report)])
    assert result.exit_code == 0, result.output
    for row in ("type + actor", "+ recipient", "+ date", "same sentence", "F1 high",
                "2 articles, 6 gold events (4 high confidence)", "without an actor code",
                "per type"):
        assert row in result.output
    html = html_report.read_text(encoding="utf-8")
    assert '<section id="article-t01">' in html and '<section id="article-t02">' in html
    assert "Talks &lt;resume&gt; &amp; Japan urges &quot;calm&quot;" in html
    assert "<resume>" not in html and "<script" not in html
    assert 'class="missed"' in html or 'class="full"' in html
    assert "t02-03" in html and "invented for the tests" in html

    articles, gold = DOCUMENT_GOLD / "articles.jsonl", DOCUMENT_GOLD / "gold.jsonl"
    for name in ("docs.md", "docs.json"):
        result = runner.invoke(main, ["eval", str(gold), str(articles), "--select", "t02",
                                      "--report", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert "1 article, 3 gold events" in result.output and "selected: t02" in result.output
    md = (tmp_path / "docs.md").read_text(encoding="utf-8")
    assert "| level | P all | R all | F1 all |" in md and "### t02: Talks" in md
    assert "### t01" not in md and "t02-01: AGREE (or CONSULT); actor JPN/PER" in md
    data = json.loads((tmp_path / "docs.json").read_text(encoding="utf-8"))
    assert data["selection"] == "t02" and data["articles"] == 1
    assert [row["level"] for row in data["summary"]["levels"]] == [*LEVELS, "same_sentence"]
    assert data["scores"]["all"]["type"]["gold"] == 3
    assert [g["id"] for g in data["by_article"][0]["gold"]] == ["t02-01", "t02-02", "t02-03"]


def test_cli_eval_select_on_sentence_gold(tmp_path):
    from sitrep.cli import main

    result = CliRunner().invoke(main, ["eval", str(_write_gold(tmp_path)), "--select",
                                       "r2-r4,r8", "--report", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "s.json").read_text())["records"] == 4


@pytest.mark.parametrize("arguments, message", [
    (["--select", "nd05-nd01"], "runs backwards"),
    (["--select", "t09"], "'t09' matches no article id"),
    (["--baseline"], "--baseline is for sentence gold only"),
])
def test_cli_eval_document_gold_usage_errors(arguments, message):
    from sitrep.cli import main

    result = CliRunner().invoke(main, ["eval", str(DOCUMENT_GOLD), *arguments])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_cli_eval_bad_document_gold_is_one_clear_line(tmp_path):
    from sitrep.cli import main

    runner = CliRunner()
    folder = _document_files(tmp_path, [ARTICLE], [EVENT, {**EVENT, "date": "soon"}])
    result = runner.invoke(main, ["eval", str(folder)])
    assert result.exit_code == 1
    assert "gold.jsonl:2: `date` must be" in result.output and "Traceback" not in result.output
    (folder / "gold.jsonl").unlink()
    result = runner.invoke(main, ["eval", str(folder)])
    assert result.exit_code == 1 and "needs gold.jsonl" in result.output
    result = runner.invoke(main, ["eval", *[str(folder / "articles.jsonl")] * 3])
    assert result.exit_code == 2 and "not 3 paths" in result.output


@pytest.mark.parametrize("modality, plover_type, scored", [
    ("asserted", None, True), ("planned", None, True), ("denied", None, True),
    ("hypothetical", None, False), ("claimed", None, False),
    ("negated", None, False), ("negated", "REJECT", True),  # "did not agree": a REJECT
])
def test_the_record_reports_acts_not_possibilities_refusals_or_allegations(
        modality, plover_type, scored):
    from sitrep.records import Entity, Event

    event = Event(article_id="a", event_type="AGREE", cameo="03", sentence="s",
                  sentence_start=0, trigger=Entity("agreed", start=0, end=6),
                  modality=modality, plover_type=plover_type)
    assert event.reported_as_act is scored


def test_cli_every_event_scores_what_the_record_does_not_report_as_acts(tmp_path):
    from sitrep.cli import main

    folder = _document_files(tmp_path, [{**ARTICLE, "text": (
        "Kenyan police arrested twelve protesters in Nairobi on Monday. The government could "
        "impose a curfew, officials said.")}], [EVENT])
    runner = CliRunner()
    scored = runner.invoke(main, ["eval", str(folder), "--report", str(tmp_path / "a.json")])
    every = runner.invoke(main, ["eval", str(folder), "--every-event",
                                 "--report", str(tmp_path / "b.json")])
    assert scored.exit_code == 0 and every.exit_code == 0, every.output
    acts = json.loads((tmp_path / "a.json").read_text())["predicted_events"]
    everything = json.loads((tmp_path / "b.json").read_text())["predicted_events"]
    assert everything > acts  # the hypothetical curfew is scored only with --every-event
    usage = runner.invoke(main, ["eval", str(_write_gold(tmp_path)), "--every-event"])
    assert usage.exit_code == 2 and "document gold only" in usage.output


def test_an_article_the_pipeline_cannot_code_is_named_not_silently_scored_empty(tmp_path):
    from sitrep.cli import main

    articles = [{"id": "ok1", "title": "Talks", "published": "2023-05-08",
                 "text": "Kenyan police arrested twelve protesters in Nairobi on Monday."},
                # a lone surrogate in the title: the parser fails on this article alone
                {"id": "bad1", "title": "Broken \ud800 title", "published": "2023-05-08",
                 "text": "Ugandan police detained four reporters in Kampala on Monday."}]
    gold = [{"id": f"{a['id']}-01", "article_id": a["id"], "event_type": "COERCE",
             "accepted_types": ["COERCE"], "actor": None, "recipient": None, "date": None,
             "confidence": "high", "sentence": a["text"]} for a in articles]
    (tmp_path / "articles.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(
        "".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    report = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "1 article(s) could not be coded and count as finding nothing" in result.output
    assert "  bad1: " in result.output and "ok1:" not in result.output
    failed = json.loads(report.read_text(encoding="utf-8"))["failed"]
    assert len(failed) == 1 and failed[0].startswith("bad1: ")
