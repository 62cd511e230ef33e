"""Who says so: the source of a reported event, and whether it sits inside a quotation.

Sources are found, in order of preference, as
1. the subject of a reporting verb that governs the trigger ("X said [that] Y attacked");
2. the subject of a reporting verb attached to the trigger's clause ("Y attacked, X said");
3. "according to X" / "citing X" anywhere on the trigger's clause;
4. for a sentence inside an open quotation with no source of its own: the previous source.
The source's code is assigned by the resolve stage (pronouns like "it said" included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.extract.arguments import entity_for
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.modality import governing_chain
from sitrep.extract.triggers import lemma_of
from sitrep.records import Entity

OPEN_QUOTES = {'"', "“", "«", "„"}
CLOSE_QUOTES = {'"', "”", "»"}
REPORT_LINKS = {"parataxis", "ccomp", "advcl", "conj", "dep"}


@dataclass
class Attribution:
    source: Entity | None
    verb: Token | None  # the reporting verb, for the "claimed" modality


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _according_to(token: Token, lexicon: Lexicon) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in lexicon.word_set("attribution.according_heads"):
            to = next((c for c in child.children if c.lower_ == "to"), None)
            if to is not None:
                return next((c for c in to.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "according":
            return None
        if child.dep_ == "advcl" and lemma_of(child) in lexicon.word_set(
            "attribution.citing_verbs"
        ) and child.tag_ == "VBG":
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def find_source(trigger: Token, lexicon: Lexicon) -> Attribution:
    reporting = lexicon.word_set("attribution.reporting_verbs")
    chain = governing_chain(trigger)
    # 1. a reporting verb above the trigger, the trigger outside its subject
    for below, governor in zip(chain, chain[1:]):
        if below.dep_ == "conj":
            break  # "X claimed ... and refused to say": a second act of X, not X's report
        if governor.pos_ == "VERB" and lemma_of(governor) in reporting:
            speaker = _speaker(governor)
            if speaker is not None and not (speaker.left_edge.i <= trigger.i <= speaker.right_edge.i):
                return Attribution(entity_for(speaker), governor)
    # 2. a reporting verb hanging off the trigger's clause ("..., it said")
    for clause in chain:
        for child in clause.children:
            if child.dep_ in REPORT_LINKS and child.pos_ == "VERB" and lemma_of(child) in reporting:
                if child.left_edge.i <= trigger.i <= child.right_edge.i:
                    continue
                speaker = _speaker(child)
                if speaker is not None:
                    return Attribution(entity_for(speaker), child)
    # 3. "according to X", "citing X"
    for clause in chain:
        source = _according_to(clause, lexicon)
        if source is not None:
            return Attribution(entity_for(source), None)
    return Attribution(None, None)


def quote_state(sentence: Sequence[Token], open_before: bool) -> list[bool]:
    """For each token of the sentence (its tokens), whether it stands inside a quotation.

    `open_before` carries a quotation left open by an earlier sentence. Straight double
    quotes toggle; curly ones open and close.
    """
    inside = open_before
    states = []
    for token in sentence:
        if not token.is_quote:  # spaCy's lexical flag, set for every quotation mark here
            states.append(inside)
            continue
        text = token.text
        if text in OPEN_QUOTES and text not in CLOSE_QUOTES:
            inside = True
            states.append(False)
        elif text in CLOSE_QUOTES and text not in OPEN_QUOTES:
            states.append(inside)
            inside = False
        elif text == '"':
            states.append(False)
            inside = not inside
        else:
            states.append(inside)
    return states


def ends_open(sentence: Sequence[Token], open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    inside = open_before
    for token in sentence:
        if not token.is_quote:  # as in quote_state
            continue
        if token.text == '"':
            inside = not inside
        elif token.text in OPEN_QUOTES:
            inside = True
        elif token.text in CLOSE_QUOTES:
            inside = False
    return inside
