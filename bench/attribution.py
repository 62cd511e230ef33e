"""Who says so: how often the compare stage names the right speaker of a quoted passage, on
basil_dev's bias spans that the annotators marked as quoted with a speaker.

    python bench/attribution.py [--db BASIL_DB] [--show]

Without --db it codes ../shared/benchmarks/basil_dev/articles.jsonl into a temporary
database first (~1 min). For each quoted span with a speaker, the sentence holding it is
found among the article's statements (`sitrep.compare.statements`; speakers the annotators
only call "Other (...)" are left out); it counts as
*attributed* when the statement has a source, and *right* when a word of the annotated
speaker (a name word of three letters or more) is in the source's name. Figures are given
for the tune half (triplets 0-24) and the check half (25-49) apart. `--show` prints the
tune half's misses (the check half's are never shown).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path

from sitrep.compare import Knowledge
from sitrep.compare.statements import statements
from sitrep.pipeline import ingest_into
from sitrep.records import StoredArticle
from sitrep.store import Store

BASIL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "basil_dev"
TUNE = range(0, 25)


def speaker_words(speaker: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", speaker) if len(w) >= 3
            and w[0].isupper()} or {w.lower() for w in speaker.split() if len(w) >= 3}


def score(db: str, show: bool = False) -> dict[str, dict[str, int]]:
    annotations = json.loads((BASIL / "annotations.json").read_text(encoding="utf-8"))
    given = {json.loads(line)["id"]: json.loads(line)
             for line in (BASIL / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    knowledge = Knowledge.default()
    totals = {"tune": {"spans": 0, "attributed": 0, "right": 0},
              "check": {"spans": 0, "attributed": 0, "right": 0}}
    with Store(db) as store:
        by_url = {(a["url"], a["outlet"]): a["id"] for a in store.articles()}
        for item in annotations:
            spans = [s for s in item["annotations"] if s["quote"] == "Yes" and s["speaker"]
                     and not s["speaker"].startswith("Other")]  # "Other (Anti-target)": no name
            if not spans:
                continue
            article_id = by_url[given[item["id"]]["url"], given[item["id"]]["outlet"]]
            stored = store.article(article_id)
            compared = StoredArticle.from_store(stored, list(store.events(article_id=article_id)))
            items = statements(compared, knowledge)
            tune = item["triplet"] in TUNE
            half = totals["tune" if tune else "check"]
            for span in spans:
                start = _locate(stored["text"], span["text"], span["start"])
                holding = next((s for s in items if s.start <= start < s.end), None)
                half["spans"] += 1
                source = holding.source if holding is not None else None
                right = source is not None and any(
                    w in source.name.lower() for w in speaker_words(span["speaker"]))
                half["attributed"] += source is not None
                half["right"] += right
                if show and tune and not right:
                    print(f"[{item['triplet']}] want {span['speaker']!r} got "
                          f"{source and (source.text, source.name)!r}\n  "
                          f"{holding.text if holding else span['text']!r}\n")
    return totals


def _locate(text: str, passage: str, near: int) -> int:
    """Where the annotated passage is in the stored text (ingest may have moved it)."""
    hits = [m.start() for m in re.finditer(re.escape(passage), text)] if passage else []
    return min(hits, key=lambda h: abs(h - near)) if hits else near


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a database holding basil_dev's articles, coded")
    parser.add_argument("--show", action="store_true", help="print the tune half's misses")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = str(Path(folder) / "basil.db")
            with Store(db) as store:
                store.migrate()
                ingest_into(store, [BASIL / "articles.jsonl"])
        totals = score(db, args.show)
    print("half   spans  attributed  right speaker")
    for half, t in totals.items():
        print(f"{half:<6} {t['spans']:>5}  {t['attributed'] / t['spans']:>10.3f}  "
              f"{t['right'] / t['spans']:>13.3f}")


if __name__ == "__main__":
    main()
