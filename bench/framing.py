"""Framing against BASIL's bias spans on basil_dev, tune and check halves side by side.

    PYTHONPATH=. .venv/bin/python bench/framing.py [--shared ../shared] [--db FILE]

Runs the real path of `sitrep compare`: ingests basil_dev/articles.jsonl into a temporary
SQLite database (`sitrep ingest`: parse, extract, resolve), then per stored article builds
its statements (`sitrep.compare.statements`, which use the attributions the pipeline coded)
and its framing profile (`sitrep.compare.framing.framing_profile`). Annotation offsets are
mapped onto the stored text, which may have lost a leading title or dateline and some
stray spaces.

Halves: tune = triplets 0-24, check = triplets 25-49 (tune on tune; read only the check
figures, never its texts or misses).

Figures, per half and voice (BASIL's `quote` field: "No" = the outlet's own words):
- recall: share of BASIL `Lexical` spans (loaded wording) of that voice overlapped by a
  *loaded* framing hit of that voice. Rows: `own` = hits in sitrep's own voice against
  spans outside quotations (the target row); `outside quotes` = own and `attributed`
  (paraphrase) hits against the same spans, since BASIL counts a paraphrase's words as the
  outlet's; `quoted` = hits inside quotation marks against spans in quotations;
- precision (Lexical): share of loaded hits of that voice that overlap a Lexical span of
  that voice. A strict floor: BASIL marks only the bias aimed at the article's main
  targets, so loaded words aimed elsewhere count as errors;
- precision (bias span): the same against Lexical *or* Informational spans. Annotators
  mark each biased stretch once, as one kind: a loaded word inside a stretch they marked as
  Informational bias is inside text they judged biased, though not singled out as a word.
Neutral-stance categories (routine, descriptive, ...) are no bias claims and are not scored.

Also, since `sitrep compare` sets outlets side by side: outlet order agreement = over the
pairs of articles of one triplet whose own-voice Lexical spans per 1,000 words differ, the
share where sitrep's loaded own-voice words per 1,000 order the two the same way (0.5 is
chance).
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.compare import Knowledge
from sitrep.compare.framing import framing_profile
from sitrep.compare.statements import statements
from sitrep.records import StoredArticle
from sitrep.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
HALVES = {"tune": range(0, 25), "check": range(25, 50)}
VOICES = {"own": ("own",), "outside quotes": ("own", "attributed"), "quoted": ("quoted",)}
BASIL_QUOTE = {"own": "No", "outside quotes": "No", "quoted": "Yes"}


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    hits: int = 0
    hits_on_lexical: int = 0
    hits_on_bias: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        return {
            "lexical spans": self.gold,
            "recall": round(self.found / self.gold, 3) if self.gold else 0.0,
            "loaded hits": self.hits,
            "precision (Lexical)": round(self.hits_on_lexical / self.hits, 3) if self.hits
            else 0.0,
            "precision (bias span)": round(self.hits_on_bias / self.hits, 3) if self.hits
            else 0.0,
        }


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def offset_map(original: str, stored: str) -> dict[int, int]:
    """Stored-text offset of every original character kept (and of the end of each kept
    stretch), so that annotation spans can be moved onto the stored text."""
    mapping = {}
    matcher = difflib.SequenceMatcher(None, original, stored, autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.size + 1):
            mapping.setdefault(block.a + i, block.b + i)
    return mapping


def moved(span: dict, mapping: dict[int, int]) -> tuple[int, int] | None:
    start, end = mapping.get(span["start"]), mapping.get(span["end"])
    return (start, end) if start is not None and end is not None and start < end else None


def ingest(articles: Path, db: Path) -> None:
    command = [sys.executable, "-m", "sitrep.cli", "ingest", str(articles), "--db", str(db),
               "-q"]
    subprocess.run(command, check=True)


def order_agreement(densities: dict[int, list[tuple[float, float]]]) -> tuple[float, int]:
    """Share of same-triplet article pairs with different gold densities whose sitrep
    densities order them alike (ties in sitrep count half), and the number of such pairs."""
    agree, pairs = 0.0, 0
    for articles in densities.values():
        for i, (gold_a, ours_a) in enumerate(articles):
            for gold_b, ours_b in articles[i + 1:]:
                if gold_a == gold_b:
                    continue
                pairs += 1
                if ours_a == ours_b:
                    agree += 0.5
                elif (gold_a > gold_b) == (ours_a > ours_b):
                    agree += 1
    return (round(agree / pairs, 3) if pairs else 0.0), pairs


def stored_with_gold(db: Path, basil: Path) -> Iterator[tuple[StoredArticle, dict,
                                                              dict[int, int]]]:
    """Each basil_dev article stored in `db`, with its BASIL annotations and the map from
    the original text's offsets to the stored text's."""
    originals = [json.loads(line) for line in (basil / "articles.jsonl").read_text()
                 .splitlines() if line.strip()]
    annotations = {a["id"]: a for a in json.loads((basil / "annotations.json").read_text())}
    store = Store(db)
    for row in store.articles():
        stored = store.article(row["id"])
        original = originals[int(stored["source"].rsplit(":", 1)[1]) - 1]
        article = StoredArticle.from_store(stored, list(store.events(article_id=row["id"])))
        yield article, annotations[original["id"]], offset_map(original["text"], stored["text"])


def score(db: Path, basil: Path, show: str | None) -> tuple[dict[str, dict[str, Tally]],
                                                             dict[str, tuple[float, int]]]:
    knowledge = Knowledge.default()
    tallies = {half: {voice: Tally() for voice in VOICES} for half in HALVES}
    densities: dict[str, dict[int, list[tuple[float, float]]]] = {half: {} for half in HALVES}
    for article, gold, mapping in stored_with_gold(db, basil):
        half = next(h for h, triplets in HALVES.items() if gold["triplet"] in triplets)
        profile = framing_profile(article.id, article.text, statements(article, knowledge),
                                  knowledge)
        own_lexical = sum(a["bias"] == "Lexical" and a["quote"] == "No"
                          for a in gold["annotations"])
        densities[half].setdefault(gold["triplet"], []).append(
            (1000 * own_lexical / max(1, profile.words), profile.loaded_own_per_1000))
        for voice, hit_voices in VOICES.items():
            spans = [(*span, a["bias"]) for a in gold["annotations"]
                     if a["quote"] == BASIL_QUOTE[voice] and (span := moved(a, mapping))]
            lexical = [(s, e) for s, e, bias in spans if bias == "Lexical"]
            hits = [h for h in profile.hits if h.stance == "loaded" and h.voice in hit_voices]
            tally = tallies[half][voice]
            tally.gold += len(lexical)
            for s, e in lexical:
                if overlaps(s, e, ((h.start, h.end) for h in hits)):
                    tally.found += 1
                elif half == "tune":
                    other = [f"{h.voice} {h.category}" for h in profile.hits
                             if h.start < e and s < h.end]
                    tally.misses.append(f"{gold['id']}: {article.text[s:e]!r} "
                                        f"{'; '.join(other)}")
            for hit in hits:
                tally.hits += 1
                on_lexical = overlaps(hit.start, hit.end, lexical)
                tally.hits_on_lexical += on_lexical
                tally.hits_on_bias += overlaps(hit.start, hit.end, ((s, e) for s, e, _ in spans))
                if not on_lexical and half == "tune":
                    tally.wrong.append(f"{gold['id']}: {hit.term!r} ({hit.category}) "
                                       f"in {hit.sentence[:140]!r}")
    if show:
        for line in getattr(tallies["tune"]["own"], show):
            print(line)
    return tallies, {half: order_agreement(densities[half]) for half in HALVES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--db", type=Path, help="an existing database of basil_dev "
                        "(made by this script before) instead of ingesting again")
    parser.add_argument("--show", choices=("misses", "wrong"),
                        help="print the TUNE half's own-voice misses or unmatched hits")
    args = parser.parse_args()
    basil = args.shared / "benchmarks" / "basil_dev"
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "basil.db"
            ingest(basil / "articles.jsonl", db)
        tallies, orders = score(db, basil, args.show)
    print(f"{'':28}" + "".join(f"{h:>12}" for h in HALVES))
    for voice in VOICES:
        print(f"-- {voice} voice")
        names = tallies["tune"][voice].figures().keys()
        for name in names:
            print(f"{name:28}" + "".join(f"{tallies[h][voice].figures()[name]:>12}"
                                          for h in HALVES))
    print(f"{'outlet order agreement':28}" + "".join(f"{orders[h][0]:>12}" for h in HALVES))
    print(f"{'  (pairs)':28}" + "".join(f"{orders[h][1]:>12}" for h in HALVES))


if __name__ == "__main__":
    main()
