"""The scoring rule of `sitrep eval` (README, "Evaluation").

Per gold record (one sentence, one gold event):
- TP for the gold type when some prediction in the sentence has that type, else FN;
- every other predicted type is one FP for that type (at most one per type and sentence),
  unless each of its predictions has a trigger overlapping an (EVT: ...) mark of the
  record's markup: the gold coder marked that text as an event, so it is not held against
  the coder either way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.evaluation.codes import codes_match
from sitrep.evaluation.gold import GoldRecord
from sitrep.records import Entity, Event

NONE_COLUMN = "none"


@dataclass(frozen=True)
class Prediction:
    """What scoring needs of one predicted event."""

    event_type: str
    trigger: str = ""
    start: int | None = None  # trigger offsets in the article; None for sentence-level guesses
    end: int | None = None
    actor_codes: tuple[str, ...] = ()
    recipient_codes: tuple[str, ...] = ()
    actor_text: str | None = None
    recipient_text: str | None = None

    @classmethod
    def from_event(cls, event: Event) -> Prediction:
        # Gold files follow the PLOVER manual's typing (a planned SUPPORT is an AGREE).
        return cls(event.plover_type or event.event_type, event.trigger.text,
                   event.trigger.start, event.trigger.end,
                   _codes(event.actor), _codes(event.recipient),
                   event.actor.text if event.actor else None,
                   event.recipient.text if event.recipient else None)

    def to_record(self) -> dict[str, Any]:
        return {"type": self.event_type, "trigger": self.trigger,
                "actor": self.actor_text, "actor_codes": list(self.actor_codes),
                "recipient": self.recipient_text, "recipient_codes": list(self.recipient_codes)}


def _codes(entity: Entity | None) -> tuple[str, ...]:
    """A compound actor ("Jordan and Britain") stands for each of its members' codes too."""
    if entity is None:
        return ()
    codes = [entity.code] + [m.code for m in entity.members]
    return tuple(dict.fromkeys(c for c in codes if c))


@dataclass
class TypeCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += ok


@dataclass
class Miss:
    kind: str  # "FN" or "FP"
    event_type: str
    record: GoldRecord
    predictions: list[Prediction]

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "type": self.event_type, "id": self.record.id,
            "sentence": self.record.sentence, "gold_type": self.record.event,
            "gold_actor": [[a.text, a.code] for a in self.record.sources],
            "gold_target": [[a.text, a.code] for a in self.record.targets],
            "predictions": [p.to_record() for p in self.predictions],
        }


@dataclass
class Scores:
    per_type: dict[str, TypeCounts] = field(default_factory=dict)
    confusion: dict[str, Counter] = field(default_factory=dict)  # gold type -> predicted types
    actor: Accuracy = field(default_factory=Accuracy)
    recipient: Accuracy = field(default_factory=Accuracy)
    recipient_with_target: Accuracy = field(default_factory=Accuracy)  # gold target given
    misses: list[Miss] = field(default_factory=list)
    records: int = 0

    def counts(self, event_type: str) -> TypeCounts:
        return self.per_type.setdefault(event_type, TypeCounts())

    @property
    def micro(self) -> TypeCounts:
        total = TypeCounts()
        for c in self.per_type.values():
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    @property
    def macro_f1(self) -> float:
        supported = [c.f1 for c in self.per_type.values() if c.support]
        return sum(supported) / len(supported) if supported else 0.0

    def to_record(self) -> dict[str, Any]:
        micro = self.micro
        return {
            "records": self.records,
            "micro": {"precision": micro.precision, "recall": micro.recall, "f1": micro.f1,
                      "tp": micro.tp, "fp": micro.fp, "fn": micro.fn},
            "macro_f1": self.macro_f1,
            "per_type": {t: {"precision": c.precision, "recall": c.recall, "f1": c.f1,
                             "support": c.support, "tp": c.tp, "fp": c.fp, "fn": c.fn}
                         for t, c in sorted(self.per_type.items())},
            "confusion": {g: dict(sorted(row.items())) for g, row in sorted(self.confusion.items())},
            "actor_accuracy": _accuracy_record(self.actor),
            "recipient_accuracy": _accuracy_record(self.recipient),
            "recipient_accuracy_with_gold_target": _accuracy_record(self.recipient_with_target),
            "misses": [m.to_record() for m in self.misses],
        }


def _accuracy_record(accuracy: Accuracy) -> dict[str, Any]:
    return {"accuracy": accuracy.value, "correct": accuracy.correct, "total": accuracy.total}


def _overlaps(prediction: Prediction, spans: Sequence[tuple[int, int]]) -> bool:
    if prediction.start is None or prediction.end is None:
        return False
    return any(prediction.start < end and start < prediction.end for start, end in spans)


def score(records: Sequence[GoldRecord], predictions: Sequence[Sequence[Prediction]]) -> Scores:
    """Score predictions[i], the predicted events of records[i]'s sentence, against it."""
    scores = Scores(records=len(records))
    # several records may share a sentence (two events in it): each one's gold type is
    # marked there, so predicting it is never a false positive for the other records
    marked: dict[tuple[str, int], set[str]] = {}
    for record in records:
        marked.setdefault((record.article_key, record.sentence_start), set()).add(record.event)
    counted: set[tuple[tuple[str, int], str]] = set()
    for record, predicted in zip(records, predictions, strict=True):
        gold = record.event
        predicted = list(predicted)
        of_gold_type = [p for p in predicted if p.event_type == gold]
        if of_gold_type:
            scores.counts(gold).tp += 1
            _score_codes(scores, record, of_gold_type)
        else:
            scores.counts(gold).fn += 1
            scores.misses.append(Miss("FN", gold, record, predicted))
        sentence_key = (record.article_key, record.sentence_start)
        also_gold = marked[sentence_key]
        others = dict.fromkeys(p.event_type for p in predicted if p.event_type not in also_gold)
        for other in others:
            of_type = [p for p in predicted if p.event_type == other]
            if all(_overlaps(p, record.event_spans) for p in of_type):
                continue
            if (sentence_key, other) in counted:
                continue  # at most one FP per type and sentence, however many records
            counted.add((sentence_key, other))
            scores.counts(other).fp += 1
            scores.misses.append(Miss("FP", other, record, predicted))
        row = scores.confusion.setdefault(gold, Counter())
        row.update(list(dict.fromkeys(p.event_type for p in predicted)) or [NONE_COLUMN])
    return scores


def _score_codes(scores: Scores, record: GoldRecord, found: list[Prediction]) -> None:
    source_codes = [a.code for a in record.sources]
    scores.actor.add(any(codes_match(source_codes, p.actor_codes) for p in found))
    target_codes = [a.code for a in record.targets if a.code]
    if target_codes:
        ok = any(codes_match(target_codes, p.recipient_codes) for p in found)
        scores.recipient_with_target.add(ok)
    else:
        ok = any(not p.recipient_codes for p in found)
    scores.recipient.add(ok)
