"""Learn the place ranker's weights (sitrep/resolve/place_ranker.py) from toponym gold.

    .venv/bin/python scripts/train_place_ranker.py [--folds 5] [--write]

Reads the LGL corpus (shared/benchmarks/geo_dev/lgl.xml, beside the repository) at train
time and uses its tune half only: the articles of even number. For each gold toponym that
the gazetteer reads at the gold span and the rules leave open, the candidates' features
(`candidate_features`) form one softmax group; a candidate within 161 km of the gold point
is right. Weights are fitted by full-batch gradient descent on the groups' log-likelihood
with an L2 penalty, from zero, so the result is deterministic. Prints the share of open
names the rules and the ranker get right, by article-wise cross-validation (folds by
article number), then fits on the whole tune half; `--write` stores the weights in
sitrep/data/places/ranker_weights.tsv. No text of the corpus is stored.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from sitrep.evaluation.toponyms import RADIUS_KM, distance_km, load_toponym_gold
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.article_places import place_context
from sitrep.resolve.place_ranker import FEATURES, WEIGHTS_FILE, candidate_features
from sitrep.resolve.places import Gazetteer

GOLD = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "geo_dev" / "lgl.xml"
L2 = 0.01
STEPS = 3000
LEARNING_RATE = 0.5


def groups(gazetteer: Gazetteer, actors: ActorDictionary
           ) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """(article number, features of each candidate, which are right) per open gold name;
    only names with at least one right candidate."""
    out = []
    for article in load_toponym_gold(GOLD):
        number = int(article.id)
        if number % 2:
            continue  # the check half is never read here
        found = {m.start: m for m in gazetteer.find(article.text)}
        given = {t.start: found[t.start] for t in article.toponyms if t.start in found
                 and article.text[found[t.start].end:t.end] in ("", ".")}
        mentions = list(given.values())
        context = place_context(article.text, actors, mentions)  # as resolve_spans reads it
        chosen = gazetteer.resolve_by_rules(mentions, context_countries=context)
        rows_of = dict(zip(given, candidate_features(mentions, chosen)))
        for toponym in article.toponyms:
            rows = rows_of.get(toponym.start)
            if not rows or toponym.point is None:
                continue
            right = [distance_km(p.lat, p.lon, toponym.point.lat, toponym.point.lon)
                     <= RADIUS_KM for p, _ in rows]
            if any(right):
                out.append((number, np.array([f for _, f in rows]), np.array(right, float)))
    return out


def stacked(data: list[tuple[int, np.ndarray, np.ndarray]]
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The groups padded to one array: features (group, candidate, feature), the target
    distribution over each group's candidates, and which candidates are real."""
    width = max(len(y) for _, _, y in data)
    x = np.zeros((len(data), width, len(FEATURES)))
    target = np.zeros((len(data), width))
    real = np.zeros((len(data), width), bool)
    for g, (_, features, right) in enumerate(data):
        x[g, :len(right)] = features
        target[g, :len(right)] = right / right.sum()
        real[g, :len(right)] = True
    return x, target, real


def fit(data: list[tuple[int, np.ndarray, np.ndarray]]) -> np.ndarray:
    x, target, real = stacked(data)
    w = np.zeros(len(FEATURES))
    for _ in range(STEPS):
        scores = np.where(real, x @ w, -np.inf)
        p = np.exp(scores - scores.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w -= LEARNING_RATE * (L2 * w + np.einsum("gc,gcf->f", p - target, x) / len(data))
    return w


def accuracy(data: list[tuple[int, np.ndarray, np.ndarray]], w: np.ndarray) -> float:
    return sum(y[int(np.argmax(x @ w))] for _, x, y in data) / len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="0: no cross-validation")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    data = groups(Gazetteer.default(), ActorDictionary.default())
    rules = FEATURES.index("rule_choice")
    rule_right = sum(y[int(np.argmax(x[:, rules]))] for _, x, y in data)
    print(f"{len(data)} open gold names; the rules get {rule_right / len(data):.3f} right")
    held_out = []
    for fold in range(args.folds):
        train = [g for g in data if (g[0] // 2) % args.folds != fold]
        test = [g for g in data if (g[0] // 2) % args.folds == fold]
        w = fit(train)
        held_out.append((accuracy(test, w), len(test)))
        print(f"fold {fold}: ranker {held_out[-1][0]:.3f} on {len(test)} names")
    if held_out:
        total = sum(n for _, n in held_out)
        print(f"cross-validated: ranker {sum(a * n for a, n in held_out) / total:.3f}")
    w = fit(data)
    for name, value in zip(FEATURES, w):
        print(f"{name:22} {value:+.3f}")
    if args.write:
        lines = ["# Weights of the place ranker (sitrep/resolve/place_ranker.py), one feature a",
                 "# line: name, weight. Written by scripts/train_place_ranker.py; do not edit.",
                 *(f"{name}\t{value:.4f}" for name, value in zip(FEATURES, w))]
        WEIGHTS_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written to {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
