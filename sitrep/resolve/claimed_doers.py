"""Who did an attack the text tells without its doer, when the article says who claimed it.

"Two guards died when a car bomb went off at the gate on Friday. ... Group X claimed
responsibility for both bombings.": the doer is the group that claimed it. PLOVER codes no actor
a report does not name; a claim of responsibility names one, for the acts of the type it
claims that the article tells with no doer, in the same country. Only one claimer: where
several parties claim attacks (or the one who claims is denied, "no group claimed ..."),
which claim covers which act is not for this rule to guess.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.modality import responsibility_claim
from sitrep.records import Entity, Event


def give_claimed_doers(events: list[Event], doc: Doc, lexicon: Lexicon) -> None:
    """Set, in place, the doer of each act with none that the article's one claimer of
    responsibility claims: same type, same country where both have one."""
    claims = [e for e in events if _claimed(e, doc, lexicon)]
    claimers = {(e.actor.code, _type(e)) for e in claims}
    if len(claimers) != 1:
        return
    claim = claims[0]
    for event in events:
        if event.actor is not None or _type(event) != _type(claim) or not _same_country(
                event, claim):
            continue
        event.actor = Entity(text=claim.actor.text, code=claim.actor.code,
                             sector=claim.actor.sector, refers_to=claim.actor, implied=True)


def _type(event: Event) -> str:
    return event.plover_type or event.event_type


def _claimed(event: Event, doc: Doc, lexicon: Lexicon) -> bool:
    """An act told as what its coded actor claimed responsibility for, by a noun that points
    back to acts told before ("*the* attack", "*all four* attacks"; not "an attack on a
    hotel", which brings in another)."""
    if event.actor is None or not event.actor.code:
        return False
    back = lexicon.word_set("acts.definite_words") | lexicon.word_set("acts.whole_words")
    return any(token is not None and responsibility_claim(token, lexicon) is not None
               and any(c.dep_ == "poss" or c.dep_ in ("det", "predet") and c.lower_ in back
                       for c in token.children)
               for token in (_trigger_token(m.trigger, doc) for m in event.text_mentions()))


def _trigger_token(trigger: Entity, doc: Doc) -> Token | None:
    if trigger.start is None:
        return None
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _same_country(a: Event, b: Event) -> bool:
    here = a.location.country if a.location else None
    there = b.location.country if b.location else None
    return here is None or there is None or here == there
