"""`sitrep eval`: the scoring rule's arithmetic, code mapping, gold forms, reports, CLI.

All sentences are invented for these tests.
"""

from __future__ import annotations

import json
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
from sitrep.evaluation.gold import event_spans, parse_markup
from sitrep.evaluation.harness import Evaluation
from sitrep.evaluation.report import write_report

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
