"""Parties read from the words around an act, with the actor dictionary: two parties
joined by a hyphen before its noun ("U.S.-Ukraine talks"), a group named as its modifier
("an Al-Shabaab attack"), the giver named by the modifier of what was received ("accepted
Chinese funding"), the rest of a known name the parse cut ("Reporters Without Borders"), and whether a party is a country named bare ("Turkey"), which a pronoun or an
implied doer must not be taken for."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.records import Entity, Event
from sitrep.resolve.actors import ActorCode, ActorDictionary

PRONOUNS = {"it", "they", "he", "she", "we", "i", "them", "him", "her"}
NON_STATE_SECTORS = {"REB", "OPP", "NGO", "PTY", "IGO", "REL", "BUS"}
# prepositions that make a country the scene of an act, not a party to it
SETTING_PREPOSITIONS = {"in", "inside", "within", "across", "throughout"}


def is_state_of(entity: Entity | None, country: str, doc: Doc,
                actors: ActorDictionary) -> bool:
    """Whether a party is the country itself, named bare ("Turkey", "the United States"),
    not a setting read as the party ("in mainland China, an author was sentenced")."""
    if entity is None or entity.code != country or entity.implied or entity.start is None:
        return False
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or span.root.head.lower_ in SETTING_PREPOSITIONS:
        return False
    found = actors.resolve(entity.text)
    return found is not None and found.code == country and is_bare_name(entity.text, found)


def hyphened_parties(event: Event, doc: Doc, actors: ActorDictionary,
                     when) -> tuple[Entity, Entity] | None:
    """Two parties joined by a hyphen right before an act's noun ("U.S.-Ukraine talks",
    "the Russia-Ukraine war"): the first does it, with or to the second. Not a name that
    is one party ("Guinea-Bissau", "Al-Shabaab")."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or span[0].pos_ not in ("NOUN", "PROPN") or span[0].i == 0:
        return None
    before = span[0].i - 1
    words = doc[max(0, before - 2) : before + 1]
    if len(words) == 3 and words[1].text == "-" and not words[1].whitespace_:
        left, right = words[0], words[2]
        parts = [(left.text, left.idx), (right.text, right.idx)]
    elif "-" in words[-1].text.strip("-"):
        token = words[-1]
        head, _, tail = token.text.partition("-")
        parts = [(head, token.idx), (tail, token.idx + len(head) + 1)]
    else:
        return None
    whole = doc.text[parts[0][1] : parts[1][1] + len(parts[1][0])]
    one = actors.resolve(whole, when)
    if one is not None and one.code and one.matched.lower() == whole.lower():
        return None
    found = [actors.resolve(text, when) for text, _ in parts]
    if any(f is None or not f.code for f in found) or found[0].code == found[1].code:
        return None
    return tuple(Entity(text=text, start=start, end=start + len(text)) for text, start in parts)


def group_before(event: Event, doc: Doc, actors: ActorDictionary, when) -> Entity | None:
    """A group or body the dictionary knows, named right before an act's noun as its
    modifier ("an Al-Shabaab attack", "a Houthi drone strike hit ..."): the doer. Not a
    country's name, which before an act's noun says where it was ("the Kabul attack")."""
    for mention in event.text_mentions():
        span = doc.char_span(mention.trigger.start, mention.trigger.end,
                             alignment_mode="expand")
        if span is None:
            continue
        noun = span[0]
        if noun.pos_ == "VERB":  # "an Al-Shabaab attack killed ...": the act as subject
            noun = next((c for c in noun.children if c.dep_ == "nsubj"), noun)
        if noun.pos_ not in ("NOUN", "PROPN") or _within(noun, event.recipient):
            # "UN peacekeepers came under fire": the subject is the target, and a group
            # named by a body is that body's, no attacker of it
            continue
        words = [t for t in noun.children
                 if t.dep_ in ("compound", "amod", "nmod") and t.i < noun.i]
        if not words:
            continue
        name = doc[min(t.left_edge.i for t in words) : noun.i]
        found = actors.resolve(name.text, when)
        if found is None or not found.code or found.sector not in NON_STATE_SECTORS or (
                found.start is None or found.end is None):
            continue
        start, end = name.start_char + found.start, name.start_char + found.end
        return Entity(text=doc.text[start:end], start=start, end=end)
    return None


def giver_named_with_gift(event: Event, doc: Doc, actors: ActorDictionary, when,
                          receiving_verbs: frozenset[str]) -> Entity | None:
    """For aid told by a verb of receiving and no giver ("accepted Chinese funding",
    "received $2 billion in Japanese loans"), the country named as the modifier of what
    was received: the giver."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in receiving_verbs:
        return None
    gifts = [c for c in span.root.children if c.dep_ in ("dobj", "obj")]
    gifts += [g for gift in list(gifts) for p in gift.children
              if p.dep_ == "prep" and p.lower_ in ("in", "of")
              for g in p.children if g.dep_ == "pobj"]  # "$2 billion in Chinese funding"
    for gift in gifts:
        for word in gift.children:
            if word.dep_ not in ("amod", "compound", "nmod") or word.i > gift.i:
                continue
            name = doc[word.left_edge.i: word.right_edge.i + 1]
            found = actors.resolve(name.text, when)
            if actors.is_country_match(found):
                return Entity(text=name.text, start=name.start_char, end=name.end_char)
    return None


def given_from(event: Event, start: int | None, end: int | None, doc: Doc) -> bool:
    """Whether the phrase at `start`-`end` is named behind "from" on an aid act's noun, or
    on the verb that noun is the object of ("more aid from Beijing", "sought loans from
    Tokyo"): the giver, not the one given to."""
    if start is None or end is None or event.event_type != "AID":
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or trigger is None or not len(span) or not len(trigger):
        return False
    noun, preposition = trigger.root, span.root.head
    carriers = (noun, noun.head) if noun.dep_ in ("dobj", "obj") else (noun,)
    return (noun.pos_ == "NOUN" and span.root.dep_ == "pobj"
            and preposition.lower_ == "from" and preposition.head in carriers)


def _within(token: Token, party: Entity | None) -> bool:
    return (party is not None and party.start is not None and party.end is not None
            and party.start <= token.idx < party.end)


def named_codes(entity: Entity | None, actors: ActorDictionary, when) -> frozenset[str]:
    """The code of a party named by name (not a pronoun or a reference to an act)."""
    if entity is None or entity.is_event_reference or entity.text.lower() in PRONOUNS:
        return frozenset()
    found = actors.resolve(entity.text, when)
    return frozenset({found.code}) if found is not None and found.code else frozenset()


def whole_name(entity: Entity, actors: ActorDictionary, text: str,
               body_nouns: frozenset[str] = frozenset()) -> Entity:
    """The phrase carried on to the end of a known name the parse cut ("Reporters" of
    "Reporters Without Borders welcomed ...", "the Committee" of "the Committee to Protect
    Journalists"), or to the known name a description of a body (`body_nouns`) ends in
    ("the West African bloc ECOWAS", "the militant group Al-Shabaab")."""
    if entity.start is None or entity.end is None or entity.members:
        return entity
    end = actors.name_end(text, entity.start, entity.end)
    words = entity.text.split()
    if end is None and len(words) > 1 and words[-1] in body_nouns:
        end = actors.name_after(text, entity.end)
    if end is None:
        return entity
    return replace(entity, text=text[entity.start:end], end=end)


def is_bare_name(text: str, found: ActorCode) -> bool:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower() == found.matched.lower()
