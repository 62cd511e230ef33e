"""Do general approaches to loaded wording carry over from one half of basil_dev to the
other, where the hand lexicon does not (own voice: recall 0.61 tune, 0.27 check)?

    pip install -e '.[bench]'   # vaderSentiment (MIT): only this experiment reads its lexicon
    PYTHONPATH=. .venv/bin/python bench/framing_general.py [--shared ../shared] [--db FILE]

The hand lexicon was grown on the tune half's spans, so the tune half cannot say whether a
method generalises. Tune is split in two folds of triplets, A = 0-12 and B = 13-24: a
method's free setting is chosen on one fold and measured on the other, then the other way
round. Check (triplets 25-49) is scored with the setting chosen on all of tune, and only
its aggregate figures are printed (`--folds-only`: not at all). Columns: "B (A)" = measured
on B with the setting chosen on A.

Approaches, each scored like bench/framing.py's own-voice row (recall of BASIL's own-voice
`Lexical` spans, precision of own-voice loaded hits), with sitrep's voice rules:
- `vader`: VADER's sentiment lexicon instead of the hand lexicon: every word of valence at
  least t in size (t chosen on the folds);
- `classes`: word classes of English grammar instead of the hand lexicon: Levin's verbs of
  manner of speaking (37.3), of complaining (37.8) and of judgment (33), counted in the
  outlet's voice like reporting verbs; Quirk's amplifier and downtoner adverbs;
- `classes (new hits)`: the class hits the hand lexicon does not make (what adding the
  classes to it would add);
- `strongest k`: the hand lexicon's hits, only the k per article of greatest VADER valence
  (BASIL marks about 1.25 own-voice spans per article);
- `main target`: the hand lexicon's hits in sentences naming one of the article's n
  most-named capitalised words (BASIL marks only bias aimed at the article's main
  targets), in the first share s of the article, at most k per article (n, s, k chosen on
  the folds).
The ceilings say what no selection can pass: recall of all candidates (hand lexicon and
VADER words), and the precision of one hit in every article (the share of articles with
an own-voice span at all).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.resources
import itertools
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from framing import SHARED, ingest, moved, overlaps, stored_with_gold

from sitrep.compare import Knowledge
from sitrep.compare.framing import framing_profile
from sitrep.compare.knowledge import FramingCategory, phrase_pattern
from sitrep.compare.records import FramingHit
from sitrep.compare.statements import statements

FOLDS = {"A": range(0, 13), "B": range(13, 25)}
HALVES = {"tune": range(0, 25), "check": range(25, 50)}
VALENCES = (1.5, 2.0, 2.5, 3.0)
# Levin (1993), English Verb Classes and Alternations: 37.3, 37.8, 33 (experiment only)
SPEAKING = ("bark bawl bellow bleat crow croak drone gabble growl grumble grunt hiss holler "
            "howl jabber moan mumble mutter rage roar scream screech shout shriek snap "
            "snarl splutter sputter squawk squeal thunder wail whimper whine yell yelp "
            "yammer").split()
COMPLAINING = "boast brag complain gripe grouch grumble kvetch moan whine carp".split()
JUDGMENT = ("abuse acclaim applaud belittle berate blame castigate censure chastise chide "
            "commend compliment condemn criticize criticise decry denigrate denounce deride "
            "disparage excoriate extol fault flatter hail lambaste laud mock praise rebuke "
            "reprimand reproach reprove ridicule salute scold scorn slander stigmatize "
            "upbraid vilify").split()
# Quirk et al. (1985), A Comprehensive Grammar of the English Language: amplifiers and
# downtoners
DEGREE = ("absolutely completely entirely extremely greatly highly hugely immensely "
          "thoroughly totally utterly deeply strongly sharply badly bitterly awfully "
          "terribly incredibly remarkably exceptionally enormously very too overly barely "
          "hardly merely scarcely slightly somewhat").split()
NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


@dataclasses.dataclass
class Article:
    triplet: int
    text: str
    lexical: list[tuple[int, int]]
    hits: dict[str, list[FramingHit]]  # own-voice loaded hits per candidate source


Selection = Callable[[Article], list[FramingHit]]


def verb_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith(("sh", "ch", "s", "x")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgpt]", verb):
        return [verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def vader_valences() -> dict[str, float]:
    text = (importlib.resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(
        encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines())
    return {row[0]: float(row[1]) for row in rows if re.fullmatch(r"[a-z][a-z'-]*", row[0])}


def category(name: str, terms: Sequence[str], outlet_voice: bool) -> FramingCategory:
    return FramingCategory(
        name=name, stance="loaded", description="", contrasts_with=(),
        outlet_voice=outlet_voice, terms=tuple(terms), pattern=phrase_pattern(terms),
        not_before=phrase_pattern(("into", "shut", "open")), not_after=phrase_pattern(()))


def lexicons(base: Knowledge, valences: dict[str, float]) -> dict[str, Knowledge]:
    neutral = [c for c in base.framing if c.stance == "neutral"]
    verbs = sorted({form for verb in SPEAKING + COMPLAINING + JUDGMENT
                    for form in verb_forms(verb)})
    out = {"hand": base, "classes": dataclasses.replace(base, framing=(
        category("verbs", verbs, True), category("degree", DEGREE, False), *neutral))}
    for t in VALENCES:
        terms = [w for w, v in valences.items() if abs(v) >= t]
        out[f"vader {t}"] = dataclasses.replace(
            base, framing=(category("vader", terms, False), *neutral))
    return out


def load(db: Path, basil: Path, knowledges: dict[str, Knowledge]) -> list[Article]:
    out = []
    for article, gold, mapping in stored_with_gold(db, basil):
        lexical = [span for a in gold["annotations"] if a["bias"] == "Lexical"
                   and a["quote"] == "No" and (span := moved(a, mapping))]
        items = statements(article, knowledges["hand"])
        hits = {}
        for name, knowledge in knowledges.items():
            profile = framing_profile(article.id, article.text, items, knowledge)
            hits[name] = [h for h in profile.hits if h.stance == "loaded" and h.voice == "own"]
        out.append(Article(gold["triplet"], article.text, lexical, hits))
    return out


def figures(articles: Sequence[Article], select: Selection) -> tuple[float, float, int]:
    gold = found = flagged = right = 0
    for article in articles:
        chosen = select(article)
        gold += len(article.lexical)
        found += sum(overlaps(s, e, ((h.start, h.end) for h in chosen))
                     for s, e in article.lexical)
        flagged += len(chosen)
        right += sum(overlaps(h.start, h.end, article.lexical) for h in chosen)
    return (round(found / gold, 3) if gold else 0.0,
            round(right / flagged, 3) if flagged else 0.0, flagged)


def shortfall(figure: tuple[float, float, int]) -> float:
    """How far a figure is from the target (recall >= 0.4, precision >= 0.6)."""
    recall, precision, _ = figure
    return max(0.0, 0.4 - recall) + max(0.0, 0.6 - precision)


def new_hits(article: Article) -> list[FramingHit]:
    hand = article.hits["hand"]
    return [h for h in article.hits["classes"]
            if not any(h.start < g.end and g.start < h.end for g in hand)]


def strongest(k: int, valences: dict[str, float]) -> Selection:
    def valence(hit: FramingHit) -> float:
        return max((abs(valences.get(w, 0.0)) for w in re.findall(r"[a-z'-]+",
                                                                  hit.term.lower())),
                   default=0.0)
    return lambda a: sorted(a.hits["hand"], key=lambda h: (-valence(h), h.start))[:k]


def main_target(names: int, share: float, k: int) -> Selection:
    def select(article: Article) -> list[FramingHit]:
        top = [w for w, _ in Counter(NAME.findall(article.text)).most_common(names)]
        kept = [h for h in article.hits["hand"] if h.start < share * len(article.text)
                and any(n in h.sentence for n in top)]
        return kept[:k] if k else kept
    return select


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--db", type=Path, help="a database of basil_dev made before")
    parser.add_argument("--folds-only", action="store_true",
                        help="score the tune folds only, not check (while choosing)")
    args = parser.parse_args()
    basil = args.shared / "benchmarks" / "basil_dev"
    valences = vader_valences()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "basil.db"
            ingest(basil / "articles.jsonl", db)
        corpus = load(db, basil, lexicons(Knowledge.default(), valences))
    part = {name: [a for a in corpus if a.triplet in triplets]
            for name, triplets in (FOLDS | HALVES).items()}
    approaches: dict[str, dict[str, Selection]] = {
        "hand lexicon": {"-": lambda a: a.hits["hand"]},
        "vader": {f"t={t}": (lambda t: lambda a: a.hits[f"vader {t}"])(t) for t in VALENCES},
        "classes": {"-": lambda a: a.hits["classes"]},
        "classes (new hits)": {"-": new_hits},
        "strongest k": {f"k={k}": strongest(k, valences) for k in (1, 2, 3)},
        "main target": {f"n={n} s={s} k={k}": main_target(n, s, k) for n, s, k in
                        itertools.product((1, 2, 3), (0.5, 0.75, 1.0), (0, 2, 3))},
    }
    runs = [("A", "B"), ("B", "A")] + ([] if args.folds_only else [("tune", "check")])
    columns = [f"{measured} ({chosen})" for chosen, measured in runs]
    print(f"{'':20}" + "".join(f"{c:>31}" for c in columns))
    print(f"{'':20}" + "".join(f"{'setting      R     P    n':>31}" for _ in columns))
    for approach, settings in approaches.items():
        cells = []
        for chosen_on, measured_on in runs:
            name = min(settings, key=lambda s: shortfall(figures(part[chosen_on],
                                                                 settings[s])))
            r, p, n = figures(part[measured_on], settings[name])
            cells.append(f"{name:>15} {r:5.3f} {p:5.3f} {n:3}")
        print(f"{approach:20}" + "".join(f"{c:>31}" for c in cells))
    for half in HALVES if not args.folds_only else ("tune",):
        candidates = figures(part[half], lambda a: [h for hits in a.hits.values()
                                                    for h in hits])[0]
        with_span = sum(bool(a.lexical) for a in part[half]) / len(part[half])
        print(f"ceilings, {half}: recall of all candidates {candidates:.3f}; precision of one "
              f"hit per article {with_span:.3f}")


if __name__ == "__main__":
    main()
