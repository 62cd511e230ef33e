"""Event mentions of a headline, read in headline English.

A headline drops the auxiliary of a passive: "Minister stabbed", "Journalist shot dead in
Aden", "Opposition leader arrested" say that the minister was stabbed, not that the minister
stabbed someone; an active act is told in the present ("Police shoot man dead"). So a
past participle with a subject, no object and no auxiliary, of a type done to someone
(`senses.headline_passive_types`), has that subject as its recipient and no doer named.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.extract.events import extract_events
from sitrep.extract.lexicon import Lexicon
from sitrep.records import Article, Event


def extract_headline_events(doc: Doc, article: Article,
                            lexicon: Lexicon | None = None) -> list[Event]:
    """`extract_events` on a headline's parse (`article.text` is the headline)."""
    lexicon = lexicon or Lexicon.default()
    events = extract_events(doc, article, lexicon)
    passive_types = lexicon.word_set("senses.headline_passive_types")
    for index, event in enumerate(events):
        if event.recipient is not None or event.actor is None or (
                (event.plover_type or event.event_type) not in passive_types):
            continue
        token = _trigger_token(doc, event)
        if token is not None and _bare_participle(token):
            events[index] = replace(event, actor=None, recipient=event.actor)
    return events


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    if event.trigger.start is None:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _bare_participle(verb: Token) -> bool:
    """"stabbed", "shot dead" with a subject and neither an object, an auxiliary nor an
    agent: a passive whose auxiliary the headline dropped."""
    return (verb.pos_ == "VERB" and verb.tag_ in ("VBN", "VBD")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and not any(c.dep_ in ("dobj", "obj", "aux", "auxpass", "agent")
                        for c in verb.children))
