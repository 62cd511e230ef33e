"""Can a learned scorer pick, among the framing lexicon's own-voice loaded hits, the ones
BASIL's annotators mark as loaded wording? Leave-triplets-out on the tune half, then
trained on all of tune and scored on check.

    pip install -e '.[bench]'   # vaderSentiment (MIT): only this experiment reads its lexicon
    PYTHONPATH=. .venv/bin/python bench/framing_scorer.py [--shared ../shared] [--db FILE]
        [--vader-words] [--l2 10]

Candidates: the own-voice hits of loaded categories that `framing_profile` finds (the rows
`own voice` of bench/framing.py), and with `--vader-words` also every word of VADER's
sentiment lexicon outside those hits in a sentence no source is credited with. Label: the
candidate overlaps a BASIL `Lexical` span outside quotations.

Features, none of them a word of BASIL: in the lexicon, of an `outlet_voice` category;
VADER valence (size, sign, presence, raters' spread); suffix (-ly, -ed, -ing), several
words; the sentence credits a source; the sentence names one of the article's three
most-named capitalised words (a stand-in for BASIL's main targets, whom its bias is aimed
at) and how near; where the sentence stands in the article; how many candidates the
article has and how often this one recurs; length; capitalised; with `--categories` one
indicator per large lexicon category.

Model: logistic regression (numpy, standardised features, L2), trained only on tune
triplets. Rows: `all candidates` flags every candidate; `scorer >= t` flags candidates scored at
least t, cross-validated over five folds of five tune triplets (`tune cv`) and trained on
all tune triplets (`check`). Figures as bench/framing.py's own-voice row: recall of own
Lexical spans, precision of flags. Only aggregate check figures are printed.
"""

from __future__ import annotations

import argparse
import importlib.resources
import math
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from framing import SHARED, ingest, moved, overlaps, stored_with_gold

from sitrep.compare import Knowledge
from sitrep.compare.framing import framing_profile
from sitrep.compare.statements import statements
from sitrep.compare.text import WORD, in_quotation, quotation_spans

FOLDS = 5
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
OUTLET_VOICE = {"bluster", "distancing"}
CATEGORIES = ("bluster", "characterisation", "attack", "distancing", "outrage", "evaluative",
              "reversal", "stance_adverb", "intensifier")
MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


@dataclass
class Candidate:
    start: int
    end: int
    term: str
    category: str | None  # None: a VADER word outside the lexicon
    sentence: str
    offset: int  # of the term in the sentence
    index: int  # of the sentence in the article
    sourced: bool
    label: bool = False


@dataclass
class Article:
    triplet: int
    lexical: list[tuple[int, int]]
    statements: int
    names: list[str]
    candidates: list[Candidate]


def vader_lexicon() -> dict[str, tuple[float, float]]:
    text = (importlib.resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(
        encoding="utf-8")
    entries = {}
    for line in text.splitlines():
        word, valence, spread, *_ = line.split("\t")
        if re.fullmatch(r"[a-z][a-z'-]*", word):
            entries[word] = (float(valence), float(spread))
    return entries


def articles(db: Path, basil: Path, vader: dict, vader_words: bool) -> list[Article]:
    knowledge, out = Knowledge.default(), []
    for article, gold, mapping in stored_with_gold(db, basil):
        lexical = [span for a in gold["annotations"] if a["bias"] == "Lexical"
                   and a["quote"] == "No" and (span := moved(a, mapping))]
        items = statements(article, knowledge)
        profile = framing_profile(article.id, article.text, items, knowledge)
        quotes = quotation_spans(article.text)
        candidates = []
        for index, statement in enumerate(items):
            inside = [h for h in profile.hits if statement.start <= h.start < statement.end]
            candidates += [Candidate(h.start, h.end, h.term, h.category, statement.text,
                                     h.start - statement.start, index,
                                     statement.source is not None)
                           for h in inside if h.stance == "loaded" and h.voice == "own"]
            if not vader_words or statement.source is not None:
                continue
            for match in WORD.finditer(statement.text):
                start = statement.start + match.start()
                if (match.group().lower() in vader and not in_quotation(start, quotes)
                        and not any(h.start <= start < h.end for h in inside)):
                    candidates.append(Candidate(start, statement.start + match.end(),
                                                match.group(), None, statement.text,
                                                match.start(), index, False))
        for candidate in candidates:
            candidate.label = overlaps(candidate.start, candidate.end, lexical)
        names = [w for w, _ in Counter(MID_SENTENCE_NAME.findall(article.text)).most_common(3)]
        out.append(Article(gold["triplet"], lexical, len(items), names, candidates))
    return out


def features(article: Article, vader: dict, categories: bool) -> np.ndarray:
    recurring = Counter(c.term.lower() for c in article.candidates)
    rows = []
    for c in article.candidates:
        word = c.term.lower()
        valence, spread = vader.get(word, (0.0, 0.0))
        mentions = [m.start() for name in article.names
                    for m in re.finditer(rf"\b{re.escape(name)}\b", c.sentence)]
        distance = min((abs(m - c.offset) for m in mentions), default=None)
        row = [1.0, c.category is not None, c.category in OUTLET_VOICE, abs(valence) / 4,
               valence < 0, word in vader, spread, word.endswith("ly"), word.endswith("ed"),
               word.endswith("ing"), " " in word, c.sourced, bool(mentions),
               math.exp(-distance / 40) if distance is not None else 0.0,
               c.index / max(1, article.statements), c.index < 3,
               math.log(len(article.candidates)), math.log(recurring[word]), len(word) / 10,
               c.term[0].isupper() and c.offset > 0]
        if categories:
            row += [c.category == name for name in CATEGORIES]
        rows.append([float(x) for x in row])
    width = 20 + (len(CATEGORIES) if categories else 0)
    return np.array(rows, dtype=float).reshape(-1, width)


class Scorer:
    def __init__(self, x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000) -> None:
        self.mean, self.scale = x[:, 1:].mean(0), x[:, 1:].std(0) + 1e-9
        z = self._standard(x)
        self.weights = np.zeros(x.shape[1])
        for _ in range(steps):
            p = 1 / (1 + np.exp(-z @ self.weights))
            gradient = z.T @ (p - y) + l2 * np.r_[0.0, self.weights[1:]]
            self.weights -= 0.5 * gradient / len(y)

    def _standard(self, x: np.ndarray) -> np.ndarray:
        z = x.copy()
        z[:, 1:] = (x[:, 1:] - self.mean) / self.scale
        return z

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-self._standard(x) @ self.weights))


def figures(scored: list[tuple[Article, np.ndarray]], threshold: float) -> tuple:
    gold = found = flags = right = 0
    for article, scores in scored:
        flagged = [c for c, s in zip(article.candidates, scores) if s >= threshold]
        gold += len(article.lexical)
        found += sum(overlaps(s, e, [(c.start, c.end) for c in flagged])
                     for s, e in article.lexical)
        flags += len(flagged)
        right += sum(c.label for c in flagged)
    return (round(found / gold, 3) if gold else 0.0, round(right / flags, 3) if flags
            else 0.0, flags)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--db", type=Path, help="a database of basil_dev made before")
    parser.add_argument("--vader-words", action="store_true",
                        help="also VADER words outside the lexicon as candidates")
    parser.add_argument("--categories", action="store_true",
                        help="one feature per large lexicon category")
    parser.add_argument("--l2", type=float, default=10.0)
    args = parser.parse_args()
    basil = args.shared / "benchmarks" / "basil_dev"
    vader = vader_lexicon()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "basil.db"
            ingest(basil / "articles.jsonl", db)
        corpus = articles(db, basil, vader, args.vader_words)
    tune = [a for a in corpus if a.triplet < 25]
    check = [a for a in corpus if a.triplet >= 25]
    x = {id(a): features(a, vader, args.categories) for a in corpus}
    y = {id(a): np.array([c.label for c in a.candidates], dtype=float) for a in corpus}

    def train(on: list[Article]) -> Scorer:
        return Scorer(np.vstack([x[id(a)] for a in on]),
                      np.concatenate([y[id(a)] for a in on]), args.l2)

    cross = []
    for fold in range(FOLDS):
        held = [a for a in tune if a.triplet % FOLDS == fold]
        scorer = train([a for a in tune if a.triplet % FOLDS != fold])
        cross += [(a, scorer(x[id(a)])) for a in held]
    scorer = train(tune)
    on_check = [(a, scorer(x[id(a)])) for a in check]
    everything = [(a, np.ones(len(a.candidates))) for a in tune], \
                 [(a, np.ones(len(a.candidates))) for a in check]
    print(f"candidates: tune {sum(len(a.candidates) for a in tune)} "
          f"({int(sum(y[id(a)].sum() for a in tune))} on a span), "
          f"check {sum(len(a.candidates) for a in check)}")
    print(f"{'':16}{'tune cv recall':>16}{'precision':>11}{'flags':>7}"
          f"{'check recall':>15}{'precision':>11}{'flags':>7}")
    rows = [("all candidates", figures(everything[0], 0.5), figures(everything[1], 0.5))]
    rows += [(f"scorer >= {t}", figures(cross, t), figures(on_check, t)) for t in THRESHOLDS]
    for name, (r, p, n), (rc, pc, nc) in rows:
        print(f"{name:16}{r:>16}{p:>11}{n:>7}{rc:>15}{pc:>11}{nc:>7}")


if __name__ == "__main__":
    main()
