"""Two coders to beat, scored by the same rule as sitrep: what the real coder adds.

- majority: every sentence gets the gold file's most frequent type (no trigger, no actors);
- keyword: one word stem per type, matched at the start of a word; each match is a
  prediction with the word as its trigger (no actors).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sitrep.evaluation.gold import GoldRecord
from sitrep.evaluation.score import Prediction

# One stem per type: the most obvious word a naive coder would look for.
KEYWORD_STEMS = {
    "agree": "AGREE",
    "talk": "CONSULT",
    "support": "SUPPORT",
    "releas": "CONCEDE",
    "cooperat": "COOPERATE",
    "aid": "AID",
    "withdr": "RETREAT",
    "urg": "REQUEST",
    "accus": "ACCUSE",
    "reject": "REJECT",
    "threat": "THREATEN",
    "protest": "PROTEST",
    "sanction": "SANCTION",
    "deploy": "MOBILIZE",
    "arrest": "COERCE",
    "attack": "ASSAULT",
}
_WORD = re.compile(r"[A-Za-z]+")


def majority_type(records: Sequence[GoldRecord]) -> str:
    counts = Counter(r.event for r in records)
    # ties broken by name, so the baseline does not depend on file order
    return min(counts, key=lambda t: (-counts[t], t))


def majority_predictions(records: Sequence[GoldRecord]) -> list[list[Prediction]]:
    guess = majority_type(records)
    return [[Prediction(guess)] for _ in records]


def keyword_predictions(records: Sequence[GoldRecord]) -> list[list[Prediction]]:
    predictions = []
    for record in records:
        found = []
        for word in _WORD.finditer(record.sentence):
            lowered = word.group().lower()
            for stem, event_type in KEYWORD_STEMS.items():
                if lowered.startswith(stem):
                    start = record.sentence_start + word.start()
                    found.append(Prediction(event_type, word.group(), start,
                                            start + len(word.group())))
        predictions.append(found)
    return predictions
