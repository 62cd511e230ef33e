"""Coding quality on the development gold, tune and check halves side by side.

    .venv/bin/python bench/quality.py [--shared ../shared] [--json FILE]

The split (README, "Evaluation"): rules are tuned on news_dev articles nd01-nd28 and on
the plv_train records with an even id number; nd29-nd40 and the odd ids are check halves,
scored here but never read for tuning. Also the PLOVER gold-standard dev file and the seed
reports' gold file, whole. Every figure is `sitrep eval`'s, by its scoring rules; the same
figures come from e.g. `sitrep eval ../shared/benchmarks/news_dev --select nd29-nd40`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitrep.evaluation.harness import evaluate, evaluate_documents
from sitrep.evaluation.select import Selection
from sitrep.pipeline import Components

REPO = Path(__file__).resolve().parents[1]
NEWS_HALVES = {"tune": "nd01-nd28", "check": "nd29-nd40"}
PLV_HALVES = {"tune": "even", "check": "odd"}
NEWS_LEVELS = (("type", "type"), ("actor", "type + actor"), ("recipient", "+ recipient"),
               ("date", "+ date"), ("same_sentence", "same sentence"))


def news_figures(folder: Path, expression: str, components: Components) -> dict:
    scores = evaluate_documents([folder], components, select=Selection.parse(expression)).scores
    figures = {name: round(scores.counts(level).f1, 3) for level, name in NEWS_LEVELS}
    figures["precision type + actor"] = round(scores.counts("actor").precision, 3)
    figures["recall type + actor"] = round(scores.counts("actor").recall, 3)
    figures["high: type + actor"] = round(scores.counts("actor", "high").f1, 3)
    figures["events"] = scores.predicted
    figures["without actor code"] = round(scores.without_actor / max(1, scores.predicted), 3)
    return figures


def sentence_figures(path: Path, expression: str | None, components: Components) -> dict:
    select = Selection.parse(expression) if expression else None
    scores = evaluate(path, components, select=select).scores
    return {"macro-F1": round(scores.macro_f1, 3), "micro-F1": round(scores.micro.f1, 3),
            "actor accuracy": round(scores.actor.value, 3),
            "recipient accuracy": round(scores.recipient.value, 3)}


def _shown(value: float | int) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args()
    benchmarks = args.shared / "benchmarks"
    components = Components.load()
    results = {
        "news_dev": {half: news_figures(benchmarks / "news_dev", expression, components)
                     for half, expression in NEWS_HALVES.items()},
        "plv_train": {half: sentence_figures(benchmarks / "plv_train.jsonl", expression,
                                             components)
                      for half, expression in PLV_HALVES.items()},
        "plover_gsr_dev": sentence_figures(benchmarks / "plover_gsr_dev.jsonl", None,
                                           components),
        "seeds_gold": sentence_figures(REPO / "tests" / "fixtures" / "seeds_gold.jsonl", None,
                                       components),
    }
    print(f"{'news_dev, all events, strict F1 (document scoring)':<46} {'tune':>7} {'check':>7}")
    for name in results["news_dev"]["tune"]:
        tune, check = results["news_dev"]["tune"][name], results["news_dev"]["check"][name]
        print(f"  {name:<44} {_shown(tune):>7} {_shown(check):>7}")
    print(f"{'plv_train (sentence scoring)':<46} {'tune':>7} {'check':>7}")
    for name in ("macro-F1", "micro-F1"):
        print(f"  {name:<44} {_shown(results['plv_train']['tune'][name]):>7} "
              f"{_shown(results['plv_train']['check'][name]):>7}")
    for name in ("plover_gsr_dev", "seeds_gold"):
        print(f"{name}: " + ", ".join(f"{k} {_shown(v)}" for k, v in results[name].items()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
