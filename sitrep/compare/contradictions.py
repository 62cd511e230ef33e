"""Contradictions: incompatible statements of two articles about the same thing.

Rules (documented with their thresholds in `sitrep/data/compare/README.md`):
- `number`: mentions in one row count the same kind of thing differently ("two bombers" vs
  "four bombers"); approximate counts only when far apart.
- `date`: event mentions in one row dated differently, but close enough to be one
  occurrence (within `dates.same_occurrence_days`); further apart they are a series.
- `place`: event mentions of one occurrence placed far apart (`places.max_km`).
- `actor`: event mentions of one occurrence (both dated, within the window) with different
  actor or recipient codes.
- `assertion`: one article asserts what the other denies or negates (same row, same
  occurrence).
- `capability`: one article affirms that a platform can carry or do something, the other
  rules it out (vocabulary in `capabilities.toml`); these need no shared row.
Only pairs of mentions from different articles are compared; each pair is reported once per
rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

from sitrep.compare.align import Aligner
from sitrep.compare.capabilities import CapabilityStatement, same_platform
from sitrep.compare.features import Features, Reader, distance_km, place_name
from sitrep.compare.records import Contradiction, Statement, StatementRef
from sitrep.records import StoredArticle


class Rules:
    def __init__(self, aligner: Aligner, reader: Reader,
                 articles: Sequence[StoredArticle]) -> None:
        self.aligner = aligner
        self.reader = reader
        self.outlets = {a.id: a.outlet for a in articles}

    def ref(self, statement: Statement, detail: str) -> StatementRef:
        return StatementRef(
            article_id=statement.article_id, outlet=self.outlets.get(statement.article_id),
            sentence=statement.text, start=statement.start, end=statement.end,
            voice=statement.voice, source=statement.source.name if statement.source else None,
            detail=detail,
        )

    def in_row(self, row_id: str, mentions: Sequence[Features]) -> Iterable[Contradiction]:
        for a, b in combinations(mentions, 2):
            if a.mention.article_id == b.mention.article_id:
                continue
            yield from self._numbers(row_id, a, b)
            if a.event and b.event:
                yield from self._dates(row_id, a, b)
                if self.aligner.same_occurrence(a, b):
                    yield from self._places(row_id, a, b)
                    yield from self._actors(row_id, a, b)
                    yield from self._assertion(row_id, a, b)
            elif not a.event and not b.event:
                yield from self._assertion(row_id, a, b)

    def _pair(self, rule: str, row_id: str | None, a: Features, b: Features,
              detail_a: str, detail_b: str, summary: str) -> Contradiction:
        return Contradiction(rule=rule, summary=summary, row_id=row_id,
                             left=self.ref(a.statement, detail_a),
                             right=self.ref(b.statement, detail_b))

    def _numbers(self, row_id, a: Features, b: Features) -> Iterable[Contradiction]:
        # two events compare the counts of their own phrases; a sentence without an event
        # is compared with the whole sentence of the event
        both_events = a.event is not None and b.event is not None
        counts_a = a.quantities if both_events else a.sentence_quantities
        counts_b = b.quantities if both_events else b.sentence_quantities
        for qa in counts_a:
            for qb in counts_b:
                if self.reader.conflicting_counts(qa, qb):
                    yield self._pair("number", row_id, a, b, qa.text, qb.text,
                                     f"different counts: “{qa.text}” ({_number(qa.value)}) "
                                     f"vs “{qb.text}” ({_number(qb.value)})")

    def _dates(self, row_id, a: Features, b: Features) -> Iterable[Contradiction]:
        if not (a.event_date and b.event_date) or a.event_date == b.event_date:
            return
        if a.date_precision != "day" or b.date_precision != "day":
            return  # "in May" and "on 3 May" do not conflict
        if not self.aligner.same_occurrence(a, b):
            return  # far apart: two occurrences of a recurring activity
        if not self.aligner.same_event(a, b):
            return  # a row may hold related events (the attack, the rescue a day later)
        yield self._pair("date", row_id, a, b, a.event_date.isoformat(), b.event_date.isoformat(),
                         f"same event dated {a.event_date.isoformat()} and "
                         f"{b.event_date.isoformat()}")

    def _places(self, row_id, a: Features, b: Features) -> Iterable[Contradiction]:
        name_a, name_b = place_name(a.place), place_name(b.place)
        if not (name_a and name_b) or name_a == name_b:
            return
        if name_a.lower() in name_b.lower() or name_b.lower() in name_a.lower():
            return
        km = distance_km(a.place, b.place)
        if km is None or km <= self.aligner.max_km:
            return
        yield self._pair("place", row_id, a, b, name_a, name_b,
                         f"same event placed in {name_a} and in {name_b} ({km:,.0f} km apart)")

    def _actors(self, row_id, a: Features, b: Features) -> Iterable[Contradiction]:
        if not (a.event_date and b.event_date):
            return  # undated mentions are too loosely tied to one occurrence
        for role in ("actor", "recipient"):
            code_a, code_b = getattr(a, f"{role}_code"), getattr(b, f"{role}_code")
            if code_a and code_b and code_a != code_b and not _members_share(a, b, role):
                yield self._pair("actor", row_id, a, b, f"{role} {code_a}", f"{role} {code_b}",
                                 f"same event with {role} {code_a} in one report and "
                                 f"{code_b} in the other")

    def _assertion(self, row_id, a: Features, b: Features) -> Iterable[Contradiction]:
        if a.negative == b.negative:
            return
        if not a.event:
            # two event-less sentences need more in common than a shared row to be one claim
            if self.aligner.claim_score(a, b) < 2 * self.aligner.claim_threshold:
                return
        yes, no = (a, b) if not a.negative else (b, a)
        yield self._pair("assertion", row_id, yes, no, _polarity(yes), _polarity(no),
                         "one report asserts what the other denies")

    def capabilities(self, found: Sequence[CapabilityStatement]) -> Iterable[Contradiction]:
        seen: set[tuple[str, int, str, int, str]] = set()
        for a, b in combinations(found, 2):
            if a.statement.article_id == b.statement.article_id:
                continue
            if a.capability.name != b.capability.name or a.affirms == b.affirms:
                continue
            if not same_platform(a, b):
                continue
            yes, no = (a, b) if a.affirms else (b, a)
            key = (yes.statement.article_id, yes.statement.index, no.statement.article_id,
                   no.statement.index, a.capability.name)
            if key in seen:
                continue
            seen.add(key)
            platform = no.platform_text if no.platforms else yes.platform_text
            yield Contradiction(
                rule="capability",
                summary=(f"{platform}: one report says it can {a.capability.label}, "
                         f"the other that it cannot"),
                left=self.ref(yes.statement, yes.phrase),
                right=self.ref(no.statement, no.phrase),
            )


def _members_share(a: Features, b: Features, role: str) -> bool:
    """A compound actor ("South Korea and the US") shares a member with the other side."""
    def codes(f: Features) -> set[str]:
        part = (f.event or {}).get(role) or {}
        found = {m.get("code") for m in part.get("members") or []} | {part.get("code")}
        return {c for c in found if c}
    return bool(codes(a) & codes(b)) and (len(codes(a)) > 1 or len(codes(b)) > 1)


def _polarity(features: Features) -> str:
    if features.event:
        return f"{features.mention.trigger} ({features.event.get('modality')})"
    return "denies" if features.negative else "asserts"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
