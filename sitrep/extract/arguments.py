"""Actors, recipients and places of a trigger, read off the dependency parse.

Only syntax and surface cues here (entity labels, head nouns from `arguments.toml`): codes
are assigned later by the resolve stage.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import (
    TriggerMatch,
    infinitival_complements,
    is_passive,
    lemma_of,
    noun_object,
    verb_object,
)
from sitrep.records import Entity, Location

# Dependents that are not part of a noun phrase's own words.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "punct", "mark", "parataxis", "ccomp", "xcomp", "dep"}
# Prepositions whose object stays inside the phrase ("the defense chiefs of South Korea").
INNER_PREPS = {"of"}
ORIGIN_PREPS = {"from"}
# "arrived for talks", "at the meeting ... reaffirmed": the verb's subject takes part
MEETING_PREPS = {"for", "at", "during"}
# MOBILIZE has no natural recipient behind "to"/"into": that is where forces go.
PLACE_ONLY_PREPS = {"MOBILIZE": {"to", "into", "toward", "towards", "over", "near", "off", "in",
                                 "from", "across", "at", "on"}}


def phrase_tokens(head: Token, *, with_conjuncts: bool = True) -> list[Token]:
    """The words of the noun phrase headed by `head`, in order (contiguous)."""
    keep = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            dep = child.dep_
            if dep in ("conj", "cc"):
                if not with_conjuncts:
                    continue
            elif dep == "prep":
                if child.lower_ not in INNER_PREPS:
                    continue
            elif dep in CLAUSE_DEPS:
                continue
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    start, end = min(keep), max(keep)
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ == "case" and doc[end].i != head.i):
        end -= 1
    return list(doc[start : end + 1])


def entity_for(head: Token, *, with_conjuncts: bool = True) -> Entity:
    tokens = phrase_tokens(head, with_conjuncts=with_conjuncts)
    span = head.doc[tokens[0].i : tokens[-1].i + 1]  # Doc.text would rebuild the whole text
    start, end = span.start_char, span.end_char
    members = []
    if with_conjuncts and head.conjuncts:
        members = [entity_for(t, with_conjuncts=False) for t in (head, *head.conjuncts)]
    return Entity(text=span.text, start=start, end=end, members=members)


def is_actor_like(head: Token, lexicon: Lexicon) -> bool:
    labels = lexicon.word_set("actors.entity_labels")
    lemma = lemma_of(head)
    inner = noun_object(head)
    if inner is not None and lemma in lexicon.word_set("actors.quantity_nouns"):
        return is_actor_like(inner, lexicon)  # "the pair of bombers"
    if head.pos_ == "PRON":
        return lemma in lexicon.word_set("actors.pronouns") or head.lower_ in lexicon.word_set(
            "actors.pronouns"
        )
    if head.ent_type_ in labels or lemma in lexicon.word_set("actors.head_nouns"):
        return True
    if head.pos_ == "PROPN" and head.dep_ in ("nsubj", "nsubjpass", "poss") and (
        not head.ent_type_
    ):  # a name the tagger missed as an entity ("Later, Ruto condemned")
        return True
    # "the US Pacific Air Forces", "South Korean F-16K jets": a named modifier makes an actor
    return any(c.ent_type_ in labels for c in head.children
               if c.dep_ in ("compound", "amod", "poss", "nmod"))


def _resolve_relative(token: Token, lexicon: Lexicon) -> Token:
    """"which"/"who" as a subject stands for the noun its clause modifies."""
    if token.lower_ in lexicon.word_set("actors.relative_pronouns"):
        clause = token.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def subject_of(verb: Token, lexicon: Lexicon, depth: int = 0) -> Token | None:
    """The doer of a verb: its subject, its passive agent, or inherited from a governing verb."""
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if depth > 0:  # "Trump is set to embark", "talks are expected to resume"
            return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return _resolve_relative(child, lexicon)
    if verb.dep_ == "relcl":
        return verb.head
    head = verb.head
    if depth < 4 and verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head  # "he would be honoured to meet": the subject of "be"
    if depth < 4 and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and head.pos_ in (
        "VERB", "AUX"
    ) and head.i != verb.i:
        # "agreed to meet", "condemned and rejected", "while denouncing ..., X did":
        # the governing verb's subject; a finite clause with its own marker has its own
        participle = verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN")
        if verb.dep_ in ("advcl", "ccomp") and not participle and any(
            c.dep_ == "mark" for c in verb.children
        ):
            return None
        return subject_of(head, lexicon, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "troops deployed by Russia"
        return None
    return None


def _event_reference(head: Token, lexicon: Lexicon) -> Entity | None:
    if lemma_of(head) in lexicon.word_set("recipients.event_nouns"):
        entity = entity_for(head, with_conjuncts=False)
        entity.is_event_reference = True
        return entity
    return None


def _recipient_from_preps(token: Token, lexicon: Lexicon, event_type: str,
                          skip: set[int]) -> Entity | None:
    preps = lexicon.word_set("recipients.prepositions") - PLACE_ONLY_PREPS.get(event_type, set())
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps and child.i not in skip:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and is_actor_like(obj, lexicon) and obj.pos_ != "PRON":
                return entity_for(obj)
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN"):
            return entity_for(child)
    return None


def _complement_recipient(verb: Token, lexicon: Lexicon, depth: int = 0) -> Entity | None:
    """Whom the intended act is aimed at: the object, or a prepositional object, of the
    verb's to-infinitive ("threatened to break off relations with Congo")."""
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp") or clause.pos_ != "VERB":
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if clause.dep_ == "ccomp" and subject is not None and is_actor_like(subject, lexicon) and (
            subject.pos_ != "PRON"
        ):  # "demanded that Hamas renounce ...": Hamas
            return entity_for(subject)
        obj = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None and is_actor_like(obj, lexicon) and obj.pos_ != "PRON":
            return entity_for(obj)
        found = _recipient_from_preps(clause, lexicon, "", set())
        if found is None and obj is not None:
            found = _recipient_from_preps(obj, lexicon, "", set())
        if found is None and depth < 1:
            found = _complement_recipient(clause, lexicon, depth + 1)
        if found is not None:
            return found
    return None


def _aim_recipient(token: Token, lexicon: Lexicon) -> Entity | None:
    """Whom an act is aimed at when it says so in a purpose clause or "in protest of":
    "began a hunger strike to protest President Assad's failure", "a general strike in
    protest of the arrest of ...", "marched against Sweden's decision"."""
    heads = [token] + ([token.head] if token.dep_ in ("dobj", "obj") else [])
    for head in heads:
        for child in head.children:
            target = None
            if child.dep_ == "advcl" and any(a.lower_ == "to" for a in child.children):
                target = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
            elif child.dep_ == "prep" and child.lower_ in ("in", "against"):
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if child.lower_ == "in":  # only "in protest of/against X", not "in Seoul"
                    protest = inner is not None and lemma_of(inner) == "protest"
                    inner = _prep_object(inner, {"of", "against", "over", "at"}) if protest else None
                target = inner
            if target is None:
                continue
            if is_actor_like(target, lexicon) and target.pos_ != "PRON":
                return entity_for(target)
            owner = _owner_of(target) or _owner_of(_prep_object(target, {"of"}))
            if owner is not None:
                return owner
    return None


def verb_arguments(match: TriggerMatch, lexicon: Lexicon) -> tuple[Entity | None, Entity | None]:
    verb = match.token
    event_type = match.pattern.type
    subject = subject_of(verb, lexicon)
    actor = entity_for(subject) if subject is not None and is_actor_like(subject, lexicon) else None
    recipient = None
    obj = verb_object(verb, match.particle_tokens)
    # an object the pattern asks for is what is acted with ("flew two bombers"), unless it is
    # somebody's ("expelled two Russian diplomats")
    theme = bool(match.pattern.objects) and not _has_owner(obj)
    if obj is not None and not theme and is_actor_like(obj, lexicon) and obj.pos_ != "PRON":
        recipient = entity_for(obj)
    if recipient is None:
        recipient = _recipient_from_preps(verb, lexicon, event_type, set())
    if recipient is None and obj is not None:  # "called for a halt to the deployment"
        recipient = _recipient_from_preps(obj, lexicon, event_type, set())
    if recipient is None and match.particle_tokens:
        last = match.particle_tokens[-1]
        target = next((c for c in last.children if c.dep_ == "pobj"), None)
        if target is not None and is_actor_like(target, lexicon) and target.pos_ != "PRON":
            recipient = entity_for(target)
    if recipient is None and event_type in lexicon.word_set("modality.intent_types"):
        recipient = _complement_recipient(verb, lexicon)  # "threatened to ban X", "refused to meet X"
    reaction = event_type in lexicon.word_set("recipients.event_reference_types")
    if recipient is None and reaction:
        recipient = _aim_recipient(verb, lexicon)
    if recipient is None and reaction:  # "rejected proposed Israeli changes": Israel
        recipient = _owner_of(obj) or _owner_of(_prep_object(verb, {"against", "over", "to"}))
    if recipient is None and obj is not None and not match.pattern.objects and reaction:
        recipient = _event_reference(obj, lexicon)
    return actor, recipient


OWNER_LABELS = {"GPE", "NORP", "PERSON", "ORG"}


def _owners(noun: Token | None) -> list[Token]:
    if noun is None:
        return []
    return [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
            and c.ent_type_ in OWNER_LABELS]


def _has_owner(noun: Token | None) -> bool:
    return bool(_owners(noun))


def _owner_of(noun: Token | None) -> Entity | None:
    """The party a thing belongs to: "Sweden's decision", "Israeli changes", "US-led war"."""
    owners = _owners(noun)
    return entity_for(owners[0], with_conjuncts=False) if owners else None


def _prep_object(token: Token, preps: set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def demand_arguments(match: TriggerMatch, lexicon: Lexicon) -> tuple[Entity | None, Entity | None]:
    """For "X said Y must ...": X demands, of Y."""
    clause = match.token.head
    speaker = subject_of(clause.head, lexicon)
    addressee = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    actor = entity_for(speaker) if speaker is not None and is_actor_like(speaker, lexicon) else None
    recipient = None
    if addressee is not None and is_actor_like(addressee, lexicon) and addressee.pos_ != "PRON":
        recipient = entity_for(addressee)
    return actor, recipient


def _light_verb_subject(noun: Token, lexicon: Lexicon) -> Entity | None:
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and lemma_of(head) in lexicon.light_verbs:
        subject = subject_of(head, lexicon)
        if subject is not None and is_actor_like(subject, lexicon) and subject.pos_ != "PRON":
            return entity_for(subject)
    return None


def noun_arguments(match: TriggerMatch, lexicon: Lexicon) -> tuple[Entity | None, Entity | None]:
    noun = match.token
    event_type = match.pattern.type
    actor = recipient = None
    theme = noun_object(noun)
    for child in noun.children:
        if child.dep_ == "poss" and is_actor_like(child, lexicon):
            actor = entity_for(child)
            doer = _light_verb_subject(noun, lexicon) if child.pos_ == "PRON" else None
            if doer is not None:  # "Israel mounted its invasion": Israel, not "its"
                actor = doer
        elif child.dep_ == "prep" and child.lower_ == "by":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and is_actor_like(obj, lexicon):
                actor = entity_for(obj)
        elif child.dep_ == "prep" and child.lower_ == "between":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                actor = entity_for(obj)
    if actor is None:
        modifiers = set(match.pattern.modifiers)
        for child in noun.children:
            if (child.dep_ in ("compound", "amod", "nmod") and lemma_of(child) not in modifiers
                    and child.ent_type_ in ("GPE", "NORP", "ORG")):
                actor = entity_for(child, with_conjuncts=False)
                break
    position = noun  # "issued a series of warnings": the series stands where the noun would
    while (position.dep_ == "pobj" and position.head.lower_ == "of"
           and lemma_of(position.head.head) in lexicon.word_set("actors.quantity_nouns")):
        position = position.head.head
    head = position.head
    if actor is None and position.dep_ in ("dobj", "obj", "nsubjpass", "attr") and (
        head.pos_ == "VERB" and lemma_of(head) in lexicon.light_verbs
    ):  # "conducted drills", "held talks", "imposed sanctions"
        subject = subject_of(head, lexicon)
        if subject is not None and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
    if actor is None and position.dep_ == "pobj" and head.head.pos_ == "VERB" and (
        lemma_of(head.head) in lexicon.light_verbs or head.lower_ in MEETING_PREPS
    ):  # "engaged in talks", "arrived for talks", "at the meeting, the chiefs reaffirmed"
        subject = subject_of(head.head, lexicon)
        if subject is not None and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
    if actor is None and theme is not None:  # "the deployment of three US carrier groups"
        owner = next((t for t in phrase_tokens(theme, with_conjuncts=False)
                      if t.ent_type_ in ("GPE", "NORP") and t.i != theme.i), None)
        if owner is not None:
            actor = entity_for(owner, with_conjuncts=False)
    skip = {c.i for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "between")}
    if theme is not None and (match.pattern.objects or event_type in PLACE_ONLY_PREPS):
        skip |= {c.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"}
    recipient = _recipient_from_preps(noun, lexicon, event_type, skip)
    if recipient is None and event_type in lexicon.word_set("recipients.event_reference_types"):
        recipient = _aim_recipient(noun, lexicon)  # "staged a hunger strike to protest X"
    if recipient is not None and actor is not None and recipient.start == actor.start:
        recipient = None
    return actor, recipient


def place_candidates(match: TriggerMatch, lexicon: Lexicon) -> list[Location]:
    """Phrases that may name where the event happened, best first: the objects of place
    prepositions on the trigger (or its object, or for a noun its verb) that look like
    names ("flew ... over the Korean Peninsula", "in Seoul", "in waters near Okinawa").
    Destinations come before origins ("sent bombers from Guam to the peninsula"). The
    resolve stage keeps the first one its gazetteer knows."""
    preps = lexicon.word_set("places.prepositions")
    anchors = [match.token]
    obj = verb_object(match.token, match.particle_tokens) if match.pattern.pos == "VERB" else None
    if obj is not None:
        anchors.append(obj)
    if match.pattern.pos == "NOUN" and match.token.head.pos_ == "VERB":
        anchors.append(match.token.head)
    if match.pattern.type in lexicon.word_set("modality.intent_types"):
        # "threatened to impose a curfew in Algiers": the place of the intended act
        for clause in infinitival_complements(match.token):
            anchors.append(clause)
            anchors += [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    found: list[tuple[bool, int, Token]] = []
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            place = _place_object(prep, preps, lexicon)
            if place is not None:
                found.append((prep.lower_ in ORIGIN_PREPS, len(found), place))
    out = []
    for _, _, place in sorted(found, key=lambda f: f[:2]):
        entity = entity_for(place, with_conjuncts=False)
        out.append(Location(text=entity.text, start=entity.start, end=entity.end))
    return out


def _place_object(prep: Token, preps: frozenset[str], lexicon: Lexicon,
                  depth: int = 0) -> Token | None:
    """The prepositional object if it looks like a name, else one level down
    ("in waters near the Korean Peninsula")."""
    labels = lexicon.word_set("places.entity_labels")
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    # a name, or a nationality that may make one ("the South Korean capital")
    if obj.ent_type_ in labels or any(t.pos_ == "PROPN" or t.ent_type_ == "NORP"
                                      for t in phrase_tokens(obj, with_conjuncts=False)):
        return obj
    inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in preps), None)
    if inner is None or depth >= 1:
        return None
    return _place_object(inner, preps, lexicon, depth + 1)
