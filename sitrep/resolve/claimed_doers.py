"""Who did an attack the text tells without its doer, when the article says who claimed it
or that its doer was caught.

"Two guards died when a car bomb went off at the gate on Friday. ... Group X claimed
responsibility for both bombings.": the doer is the group that claimed it. PLOVER codes no actor
a report does not name; a claim of responsibility names one, for the acts of the type it
claims that the article tells with no doer, in the same country. Only one claimer: where
several parties claim attacks (or the one who claims is denied, "no group claimed ..."),
which claim covers which act is not for this rule to guess. A claim "for it" ("X claimed
responsibility for it") takes up the act told in the sentence just before: that act is X's.

"The mayor was stabbed on stage. ... Two suspects were arrested." (or "the detained
suspect", "police arrested the accused"): the article tells of the doer as a person caught,
not as unknown; like "a gunman shot ...", that person is of the country where the attack
happened (of no sector the phrase tells: a suspect is no rebel). A doer only sought or
called unknown ("police are hunting the attacker", "no suspects") stays unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.extract.arguments import entity_for, is_actor_like, subject_of
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


def give_doers_claimed_by_pronoun(events: list[Event], doc: Doc, lexicon: Lexicon,
                                  resolve: Callable[[Entity], Entity]) -> None:
    """Set, in place, the doer of the acts with none told in the sentence before a claim of
    responsibility "for it" ("A car bomb killed twelve people. X claimed responsibility for
    it."): "it" takes up the act just told, which is the claimer's (one act, one event).
    `resolve` codes the claimer as the article's other parties are coded."""
    sentences = list(doc.sents)
    for pronoun in doc:
        if pronoun.lower_ not in ("it", "them") or pronoun.pos_ != "PRON":
            continue
        verb = responsibility_claim(pronoun, lexicon)
        claimer = subject_of(verb, lexicon) if verb is not None else None
        if claimer is None or not is_actor_like(claimer, lexicon) or _denied(verb, claimer):
            continue  # "no group claimed responsibility for it": still no doer
        here = next(i for i, sent in enumerate(sentences) if pronoun in sent)
        if here == 0:
            continue
        before = sentences[here - 1]
        doer = resolve(entity_for(claimer))
        if not doer.code:
            continue
        for event in events:
            told = _trigger_token(event.trigger, doc)
            if (event.actor is None and told is not None and told in before
                    and _type(event) in lexicon.word_set("actors.perpetrated_types")):
                event.actor = replace(doer, implied=True)


def give_caught_doers(events: list[Event], doc: Doc, lexicon: Lexicon,
                      setting: str | None) -> None:
    """Set, in place, the doer of each attack told as done with none, in an article that
    tells of its perpetrator as caught ("two suspects were arrested", "the accused";
    arguments.toml `perpetrator_nouns`, `caught_verbs`): that person, of the country where
    it happened."""
    perpetrator = _perpetrator_named(doc, lexicon)
    if perpetrator is None:
        return
    for event in events:
        local = event.location.country if event.location and event.location.country else (
            setting)
        if (event.actor is not None or local is None
                or _type(event) not in lexicon.word_set("actors.perpetrated_types")
                or event.modality not in ("asserted", "claimed")):
            continue
        phrase = doc[perpetrator.left_edge.i: perpetrator.i + 1]  # "two suspects"
        event.actor = Entity(text=phrase.text, code=local, implied=True)


def _denied(verb: Token, claimer: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or claimer.lower_ in (
        "none", "nobody", "noone") or any(c.dep_ == "det" and c.lower_ == "no"
                                         for c in claimer.children)


def _perpetrator_named(doc: Doc, lexicon: Lexicon) -> Token | None:
    """The first phrase that calls someone the doer of an attack and tells them caught
    ("two suspects were arrested", "the detained suspect", "arrested the accused"), not
    merely sought or unknown ("police are hunting the attacker", "an unknown attacker")."""
    nouns = lexicon.word_set("actors.perpetrator_nouns")
    caught = lexicon.word_set("actors.caught_verbs")
    unknown = lexicon.word_set("actors.unknown_doer_words")
    for token in doc:
        # "the accused": a participle used as a noun, after its article
        as_noun = token.pos_ == "NOUN" or token.tag_ == "VBN" and token.dep_ in (
            "nsubj", "nsubjpass", "dobj", "pobj") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if not as_noun or token.lemma_.lower() not in nouns:
            continue
        if any(c.lower_ in unknown or c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no"
               for c in token.children):
            continue
        held = token.dep_ in ("nsubjpass", "dobj") and token.head.lemma_.lower() in caught
        if held or any(c.dep_ == "amod" and c.lemma_.lower() in caught
                       for c in token.children) or token.lemma_.lower() == "accuse":
            return token
    return None


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
