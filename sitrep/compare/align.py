"""Coverage rows: mentions of the same event or claim across the compared articles.

Looser than the link stage's event merging on purpose: a row gathers mentions that are
about the same thing even when their details differ (another date, another count, another
source), because those differences are what a comparison shows ("reported differently").

- Event mentions (one per coded event) share a row when they have the same PLOVER type and
  the words around them overlap enough (`alignment.event_min_overlap`, overlap coefficient) and
  their score reaches `alignment.event_threshold` (`sitrep/data/compare/rules.toml`): the
  overlap counts up to 4, actor, recipient, place and date agreeing add to it, disagreeing
  take from it. Two events of one sentence never share a row.
- Sentences with no coded event are claims; two share a row when their weighted word
  overlap reaches `alignment.claim_threshold` with at least `claim_min_shared` words.
- Rows of different articles whose sentences tell the same fact in other words
  (`meaning.Meaning.same_fact` at `alignment.same_fact_at`) become one row.
A mention joins the best-scoring row; a row's first mention is its reference, against which
the other articles' mentions are said to be the same or to differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sitrep.compare.features import Features, Reader, distance_km, place_name
from sitrep.compare.knowledge import Knowledge
from sitrep.compare.records import CoverageCell, CoverageRow, Difference, RowKind
from sitrep.compare.text import overlap_coefficient, stem, weighted_overlap

FIELD_ORDER = ("date", "place", "actor", "recipient", "number", "modality", "source")
POSITIVE = "asserts"
NEGATIVE = "denies"


class _Row:
    def __init__(self, kind: RowKind, first: Features) -> None:
        self.kind = kind
        self.mentions = [first]


class Aligner:
    def __init__(self, knowledge: Knowledge, reader: Reader) -> None:
        rules = knowledge.rules
        self.event_threshold = float(rules["alignment"]["event_threshold"])
        self.event_min_overlap = float(rules["alignment"]["event_min_overlap"])
        self.reference_margin = float(rules["alignment"]["reference_margin"])
        self.same_event_overlap = float(rules["dates"]["same_event_overlap"])
        self.claim_threshold = float(rules["alignment"]["claim_threshold"])
        self.claim_min_shared = int(rules["alignment"]["claim_min_shared"])
        self.window_days = int(rules["dates"]["same_occurrence_days"])
        self.max_km = float(rules["places"]["max_km"])
        self.reader = reader

    # -- scores ---------------------------------------------------------------------------

    def event_score(self, a: Features, b: Features) -> float:
        ea, eb = a.event or {}, b.event or {}
        if ea.get("event_type") != eb.get("event_type"):
            return float("-inf")
        overlap = overlap_coefficient(a.terms, b.terms)
        if overlap < self.event_min_overlap:
            return float("-inf")  # actor, place and date alone do not make the same event
        score = 4.0 * overlap
        score += _agreement(a.actor_code, b.actor_code, 1.5, -1.5)
        score += _agreement(a.recipient_code, b.recipient_code, 1.0, -0.5)
        if a.place and b.place:
            if place_name(a.place) == place_name(b.place):
                score += 1.5
            else:
                km = distance_km(a.place, b.place)
                score += 0.5 if km is not None and km <= self.max_km else -0.5
        if a.event_date and b.event_date:
            score += 1.5 if self.same_occurrence(a, b) else -1.0
        if ea.get("mode") and ea.get("mode") == eb.get("mode"):
            score += 0.5
        trigger_a = stem(((ea.get("trigger") or {}).get("text") or "").lower())
        trigger_b = stem(((eb.get("trigger") or {}).get("text") or "").lower())
        if trigger_a and trigger_a == trigger_b:
            score += 1.0
        return score

    def claim_score(self, a: Features, b: Features) -> float:
        """Word overlap of two whole sentences (an event mention counts by its sentence)."""
        terms_a, terms_b = a.sentence_terms, b.sentence_terms
        if len(terms_a.keys() & terms_b.keys()) < self.claim_min_shared:
            return 0.0  # cheap test first: most pairs of sentences share almost nothing
        overlap, _ = weighted_overlap(terms_a, terms_b)
        return overlap

    def same_event(self, a: Features, b: Features) -> bool:
        """Strong identity, for the date rule: the same trigger word, actors and places
        that do not disagree, and mostly the same words around the event."""
        ea, eb = a.event or {}, b.event or {}
        trigger_a = stem(((ea.get("trigger") or {}).get("text") or "").lower())
        trigger_b = stem(((eb.get("trigger") or {}).get("text") or "").lower())
        if not trigger_a or trigger_a != trigger_b:
            return False
        if a.actor_code and b.actor_code and a.actor_code != b.actor_code:
            return False
        name_a, name_b = place_name(a.place), place_name(b.place)
        if name_a and name_b and name_a != name_b:
            return False
        return overlap_coefficient(a.terms, b.terms) >= self.same_event_overlap

    def same_occurrence(self, a: Features, b: Features) -> bool:
        """Dated no more than the window apart (undated mentions may be the same)."""
        if a.event_date is None or b.event_date is None:
            return True
        return abs((a.event_date - b.event_date).days) <= self.window_days

    # -- rows -----------------------------------------------------------------------------

    def rows(self, events: Sequence[Features], claims: Sequence[Features],
             article_ids: Sequence[str],
             same_fact: Callable[[Features, Features], bool] | None = None) -> list[CoverageRow]:
        """Coverage rows; with `same_fact`, rows of different articles whose sentences tell
        the same fact in other words become one."""
        event_rows = self._group(events, "event", self.event_score, self.event_threshold)
        # a sentence with no coded event may say what another article's event sentence says
        # ("Two frigates sailed ..." beside "Four frigates sailed ... in a show of force")
        claim_rows = self._group(claims, "claim", self.claim_score, self.claim_threshold,
                                 rows=list(event_rows))[len(event_rows):]
        groups = event_rows + claim_rows
        if same_fact is not None:
            groups = _merge_same_facts(groups, same_fact)
        return [self._row(i, group, article_ids) for i, group in enumerate(groups, 1)]

    def _group(self, mentions: Sequence[Features], kind: RowKind, score, threshold,
               rows: list[_Row] | None = None) -> list[_Row]:
        """Each mention joins the best row it reaches `threshold` with, or starts one."""
        rows = rows if rows is not None else []
        for mention in mentions:
            best, best_score = None, threshold
            for row in rows:
                if any(_same_statement(mention, other) for other in row.mentions):
                    continue  # two events of one sentence are two events
                value = max(score(mention, other) for other in row.mentions)
                # close to some mention, and not too far from the row's reference: rows
                # do not drift from "the attack" to "attacks this year"
                if value >= best_score and \
                        score(mention, row.mentions[0]) >= threshold * self.reference_margin:
                    best, best_score = row, value
            if best is None:
                rows.append(_Row(kind, mention))
            else:
                best.mentions.append(mention)
        return rows

    def _row(self, number: int, group: _Row, article_ids: Sequence[str]) -> CoverageRow:
        reference = group.mentions[0]
        score = self.event_score if group.kind == "event" else self.claim_score
        cells = []
        for article_id in article_ids:
            mine = [m for m in group.mentions if m.mention.article_id == article_id]
            if not mine:
                cells.append(CoverageCell(article_id, "absent"))
                continue
            if article_id == reference.mention.article_id:
                cells.append(CoverageCell(article_id, "reported", [m.mention for m in mine]))
                continue
            # every way this article's mentions differ from the reference, each once
            differences: list[Difference] = []
            for mention in sorted(mine, key=lambda m: -score(reference, m)):
                differences += [d for d in self.differences(reference, mention)
                                if d not in differences]
            differences.sort(key=lambda d: FIELD_ORDER.index(d.field))
            cells.append(CoverageCell(article_id, "differs" if differences else "reported",
                                      [m.mention for m in mine], differences))
        event_type = reference.event["event_type"] if reference.event else None
        return CoverageRow(id=f"r{number}", kind=group.kind, label=_label(group),
                           cells=cells, event_type=event_type)

    def differences(self, reference: Features, other: Features) -> list[Difference]:
        found: list[Difference] = []
        if reference.event and other.event:
            if reference.event_date and other.event_date and \
                    reference.event_date != other.event_date:
                note = "" if self.same_occurrence(reference, other) else " (another occurrence?)"
                found.append(Difference("date", _date_text(reference),
                                        _date_text(other) + note))
            a, b = place_name(reference.place), place_name(other.place)
            if a and b and a != b:
                found.append(Difference("place", a, b))
            for role in ("actor", "recipient"):
                a_code = getattr(reference, f"{role}_code")
                b_code = getattr(other, f"{role}_code")
                if a_code and b_code and a_code != b_code:
                    found.append(Difference(role, a_code, b_code))
        if reference.negative != other.negative:
            found.append(Difference("modality", _polarity(reference), _polarity(other)))
        for qa in reference.quantities:
            for qb in other.quantities:
                if self.reader.conflicting_counts(qa, qb):
                    found.append(Difference("number", qa.text, qb.text))
        source_a = reference.mention.source or "own voice"
        source_b = other.mention.source or "own voice"
        if source_a != source_b:
            found.append(Difference("source", source_a, source_b))
        return found


def _merge_same_facts(groups: list[_Row],
                      same_fact: Callable[[Features, Features], bool]) -> list[_Row]:
    """A row joins an earlier row of other articles when a sentence of each tells the
    same fact (the earlier row keeps its reference)."""
    kept: list[_Row] = []
    for group in groups:
        articles = {m.mention.article_id for m in group.mentions}
        target = next((row for row in kept
                       if not articles & {m.mention.article_id for m in row.mentions}
                       and any(same_fact(a, b) for a in group.mentions
                               for b in row.mentions)), None)
        if target is None:
            kept.append(group)
        else:
            target.mentions.extend(group.mentions)
    return kept


def _same_statement(a: Features, b: Features) -> bool:
    return (a.mention.article_id, a.mention.statement_index) == \
        (b.mention.article_id, b.mention.statement_index)


def _agreement(a: str | None, b: str | None, agree: float, disagree: float) -> float:
    if not a or not b:
        return 0.0
    return agree if a == b else disagree


def _polarity(features: Features) -> str:
    return NEGATIVE if features.negative else POSITIVE


def _date_text(features: Features) -> str:
    value = features.event_date.isoformat() if features.event_date else "undated"
    if features.date_precision == "month":
        return value[:7]
    if features.date_precision == "year":
        return value[:4]
    return value


def _label(group: _Row) -> str:
    reference = group.mentions[0]
    if group.kind == "claim":
        text = " ".join(reference.statement.text.split())
        return text if len(text) <= 110 else text[:107].rsplit(" ", 1)[0] + " …"
    m = reference.mention
    triggers = list(dict.fromkeys((f.mention.trigger or "").lower() for f in group.mentions))
    mode = (reference.event or {}).get("mode")
    kind = f"{m.event_type}/{mode}" if mode else m.event_type
    parts = [m.actor or "", kind or "", "“" + " / ".join(t for t in triggers[:3] if t) + "”"]
    if m.recipient:
        parts.append(f"→ {m.recipient}")
    if m.place:
        parts.append(f"@ {m.place}")
    return " ".join(p for p in parts if p)
