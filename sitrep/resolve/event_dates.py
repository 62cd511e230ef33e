"""When each event of an article happened: the date expression of its own clause.

`ArticleDates` finds the article's date expressions once (`sitrep.resolve.dates`) and
gives each event mention the one that belongs to its clause, resolved against the
publication date with the clause's tense.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.records import Article, Event, ResolvedDate
from sitrep.resolve.dates import find_date_expressions, resolve_date

# Links from a trigger up to the verb whose date modifiers also date the trigger.
CLAUSE_LINKS = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "xcomp", "conj", "acomp",
                "oprd", "appos"}


class ArticleDates:
    """The date expressions of one article, and the events they date."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.published = article.published
        self.expressions = find_date_expressions(article.text)
        self._starts = [d.start for d in self.expressions]

    def own_date(self, event: Event) -> ResolvedDate | None:
        """The date expression that belongs to the event's own clause, resolved."""
        doc = self.doc
        sentence_end = event.sentence_start + len(event.sentence)
        candidates = self.expressions[bisect.bisect_left(self._starts, event.sentence_start):
                                      bisect.bisect_left(self._starts, sentence_end)]
        if not candidates:
            return None
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is None:
            return None
        clause = _clause_tokens(trigger.root)
        anchored = []
        for expression in candidates:
            span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is not None and _anchor(span.root) in clause:
                anchored.append(expression)
        if not anchored:
            return None
        chosen = min(anchored, key=lambda d: abs(d.start - event.trigger.start))
        tense = "future" if event.modality == "planned" else "past"
        resolved = resolve_date(chosen.text, self.published, tense=tense)
        return replace(resolved, start=chosen.start, end=chosen.end)


def _anchor(token: Token) -> int:
    """The verb (or nominal trigger) a date expression modifies."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if token.dep_ in ("npadvmod", "pobj", "nmod", "tmod") and token.head.pos_ == "NOUN":
            return token.head.i
        token = token.head
    return token.i


def _clause_tokens(trigger: Token) -> set[int]:
    """The trigger, and the words it is an argument of, up to its clause's verb.

    A noun trigger reaches its verb only as subject or object ("conducted drills on
    Monday"), not through a preposition ("flew ... ahead of Trump's visit on Thursday").
    """
    out = {trigger.i}
    token = trigger
    if token.dep_ == "pobj" and token.head.lower_ in ("at", "during"):
        out.add(token.head.head.i)  # "At the meeting last Saturday, the chiefs reaffirmed"
    for _ in range(3):
        if token.head.i == token.i or token.dep_ not in CLAUSE_LINKS:
            break
        token = token.head
        out.add(token.i)
        if token.pos_ in ("VERB", "AUX"):
            break
    return out
