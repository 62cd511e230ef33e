"""Who says so: the source of a reported event, and whether it sits inside a quotation.

Sources are found, in order of preference, as
1. the subject of a reporting verb that governs the trigger ("X said [that] Y attacked");
2. the subject of a reporting verb attached to the trigger's clause ("Y attacked, X said");
3. "according to X" / "citing X" anywhere on the trigger's clause;
4. for a sentence inside an open quotation with no source of its own: the previous source.
A source is its subject's whole noun phrase ("e-mails released by the governor's office").
"it said", "he said", "the agency said" stand for the nearest earlier named source they can
refer to (`Speakers`); the source's code is assigned by the resolve stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sitrep.extract.arguments import entity_for, phrase_tokens
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.modality import governing_chain
from sitrep.extract.triggers import lemma_of
from sitrep.records import Entity

OPEN_QUOTES = {'"', "“", "«", "„"}
CLOSE_QUOTES = {'"', "”", "»"}
REPORT_LINKS = {"parataxis", "ccomp", "advcl", "conj", "dep"}
HYPHENS = {"-", "‐", "–"}


@dataclass
class Attribution:
    source: Entity | None
    verb: Token | None  # the reporting verb, for the "claimed" modality


def speaker_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a reporting verb. A word split at its hyphen may be parsed as several
    subjects ("E", "-", "mails"): the last one is the word's head. A verb without a subject
    of its own joined to another or complementing it shares that one's ("the man is reported
    to have jumped on stage and claimed ...")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return subjects[-1]
    if depth < 3 and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and (
            verb.head.i != verb.i):
        return speaker_of(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in (
            "NOUN", "PROPN"):
        # "filed a motion claiming ...", "issued a statement saying ...": whoever issued the
        # document says it; a document no one is said to issue speaks for itself ("a report
        # saying ...")
        document = verb.head
        if document.dep_ in ("dobj", "obj") and document.head.pos_ in ("VERB", "AUX"):
            issuer = speaker_of(document.head, depth + 1)
            if issuer is not None:
                return issuer
        return document
    return None


def source_entity(head: Token) -> Entity:
    """A source's noun phrase: the phrase of its head, with the front of a hyphenated word
    ("E-mails") and a participle saying which ones ("e-mails released by the office")."""
    doc = head.doc
    tokens = phrase_tokens(head)
    first, last = tokens[0].i, tokens[-1].i
    while first >= 2 and doc[first - 1].text in HYPHENS and not doc[first - 1].whitespace_ \
            and not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    for child in head.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i > last:
            last = max(last, child.right_edge.i)
    while last > first and doc[last].is_punct:
        last -= 1
    members = entity_for(head).members
    span = doc[first : last + 1]
    return Entity(text=span.text, start=span.start_char, end=span.end_char, members=members)


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
            speaker = speaker_of(governor)
            if speaker is not None and not (speaker.left_edge.i <= trigger.i <= speaker.right_edge.i):
                return Attribution(source_entity(speaker), governor)
    # 2. a reporting verb hanging off the trigger's clause ("..., it said")
    for clause in chain:
        for child in clause.children:
            if child.dep_ in REPORT_LINKS and child.pos_ == "VERB" and lemma_of(child) in reporting:
                if child.left_edge.i <= trigger.i <= child.right_edge.i:
                    continue
                speaker = speaker_of(child)
                if speaker is not None:
                    return Attribution(source_entity(speaker), child)
    # 3. "according to X", "citing X"
    for clause in chain:
        source = _according_to(clause, lexicon)
        if source is not None:
            return Attribution(entity_for(source), None)
    return Attribution(None, None)


def source_kind(head: Token, lexicon: Lexicon) -> str | None:
    """What a source is: "person", "people", "organisation" or "thing" (a report, a poll);
    None for a name the parser gave no label."""
    words = lexicon.word_set
    if head.ent_type_ in words("attribution.person_labels"):
        return "person"
    if head.ent_type_ in words("attribution.organisation_labels"):
        return "organisation"
    if head.conjuncts:
        return "people"
    lemma = lemma_of(head)
    if lemma in words("attribution.person_nouns"):
        return "people" if head.tag_ in ("NNS", "NNPS") else "person"
    if lemma in words("attribution.organisation_nouns"):
        return "organisation"
    if head.pos_ == "PROPN":
        return None
    return "thing"


# Which kinds of source each kind of pronoun can stand for (None: an unlabelled name, any).
PRONOUN_KINDS = {
    "attribution.person_pronouns": {"person", None},
    "attribution.group_pronouns": {"people", "organisation", None},
    "attribution.thing_pronouns": {"organisation", "thing", None},
}


def is_anaphoric(source: Entity, lexicon: Lexicon) -> bool:
    """A pronoun, or "the agency", "this ministry": a source that stands for an earlier one."""
    words = source.text.lower().split()
    if len(words) == 1 and words[0] in lexicon.word_set("actors.pronouns"):
        return True
    return (len(words) == 2 and words[0] in ("the", "this")
            and words[1] in lexicon.word_set("attribution.anaphoric_heads"))


@dataclass
class Speakers:
    """Who has been speaking so far in an article, for quotations and "it said"."""

    doc: Doc
    lexicon: Lexicon
    last: Entity | None = None  # the most recent source (for quotation carried on)
    # the sources so far that are no pronoun or "the agency", with their kind, latest last
    named: list[tuple[Entity, str | None]] = field(default_factory=list)

    def link(self, source: Entity) -> Entity:
        """Point an anaphoric source ("it", "he", "the agency") at the nearest earlier named
        one it can stand for."""
        if is_anaphoric(source, self.lexicon):
            antecedent = self._antecedent(source.text.lower())
            if antecedent is not None:
                source.refers_to = antecedent
            elif len(source.text.split()) > 1:
                self._name(source)  # "the ministry said" with none before: it is named here
        else:
            self._name(source)
        self.last = source
        return source

    def heard(self, actor: Entity) -> Entity:
        """An actor of a speech act ("X called for ...") becomes the current speaker."""
        if not is_anaphoric(actor, self.lexicon):
            self._name(actor)
        self.last = actor
        return actor

    def _name(self, source: Entity) -> None:
        span = (self.doc.char_span(source.start, source.end, alignment_mode="expand")
                if source.start is not None else None)
        kind = None
        if span is not None and len(span):
            # the last word whose head lies outside the phrase: the head of "E - mails"
            head = [t for t in span if not span.start <= t.head.i < span.end or t.head == t][-1]
            kind = source_kind(head, self.lexicon)
        self.named.append((source, kind))

    def _antecedent(self, pronoun: str) -> Entity | None:
        allowed = next((kinds for key, kinds in PRONOUN_KINDS.items()
                        if pronoun in self.lexicon.word_set(key)), None)
        for source, kind in reversed(self.named):
            if allowed is None or kind in allowed:
                return source
        return None


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
