"""Finding event triggers: tokens whose lemma and dependents match a lexicon pattern."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon, Pattern

VERB_TAGS = {"VERB"}
NOUN_TAGS = {"NOUN", "PROPN"}
PARTICLE_DEPS = {"prt", "prep", "agent", "dative"}
# Dependency roles of a noun: a word tagged VERB in one of these ("conducted bombing drills"
# with "drills" mistagged) is tried as a nominal trigger too.
NOMINAL_DEPS = {"dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr", "appos"}


@dataclass(frozen=True)
class TriggerMatch:
    token: Token
    pattern: Pattern
    particle_tokens: tuple[Token, ...] = ()  # "for" in "called for": part of the trigger text

    @property
    def start(self) -> int:
        return min(t.idx for t in (self.token, *self.particle_tokens))

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in (self.token, *self.particle_tokens))


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def verb_object(verb: Token, particles: tuple[Token, ...] = ()) -> Token | None:
    """The direct object, or for a phrasal verb the object of its last preposition;
    for a passive verb, its grammatical subject."""
    if particles and particles[-1].dep_ in ("prep", "agent"):
        return next((c for c in particles[-1].children if c.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    if is_passive(verb):
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


# Verbs of phase that pass their complement through: "prepared to resume shelling".
ASPECTUAL = {"resume", "continue", "start", "begin", "keep", "step"}


def infinitival_complements(verb: Token) -> list[Token]:
    """"threatened to attack": the to-infinitive, parsed as xcomp or (often) advcl; through
    a verb of phase, its own complement too ("to resume shelling")."""
    found = [c for c in verb.children if c.dep_ == "xcomp" or (
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    for complement in list(found):
        if lemma_of(complement) in ASPECTUAL:
            found += [c for c in complement.children if c.dep_ in ("xcomp", "dobj", "obj")]
    return found


def intransitive_subject(verb: Token) -> Token | None:
    """The subject of a verb used without an object: the thing that moves or acts."""
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _subject_bearer(verb: Token) -> Token:
    """The verb whose subject is this verb's: a controlled complement shares the subject of
    the verb it depends on ("peacekeepers *began deploying*", "troops started to arrive")."""
    if verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb.head
    return verb


def noun_object(noun: Token) -> Token | None:
    """The "of"-complement of a nominal trigger ("the deployment of troops")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _match_particles(verb: Token, particles: tuple[str, ...]) -> tuple[Token, ...] | None:
    if not particles:
        return ()
    children = [c for c in verb.children if c.dep_ in PARTICLE_DEPS and c.i > verb.i]
    found: list[Token] = []
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    for word in particles:
        # a particle sits right after the verb, its object or the previous particle
        # ("called for", "cracked down on", "put its fleet on alert"), not anywhere later
        # in the clause ("give ... in the event of")
        anchor = found[-1].i if found else verb.i
        if not found and obj is not None and obj.i > verb.i:
            hit = next((c for c in children if c.lower_ == word
                        and obj.right_edge.i < c.i <= obj.right_edge.i + 2), None)
            if hit is not None:
                found.append(hit)
                continue
        hit = next((c for c in children if c.lower_ == word and anchor < c.i <= anchor + 3),
                   None)
        if hit is None:
            return None
        found.append(hit)
    return tuple(found)


def _object_ok(pattern: Pattern, obj: Token | None, quantities: frozenset[str]) -> bool:
    while obj is not None and lemma_of(obj) in quantities:  # "hundreds of tonnes of rice"
        inner = noun_object(obj)
        if inner is None:
            break
        obj = inner
    lemma = lemma_of(obj) if obj is not None else None
    if pattern.not_objects and lemma in pattern.not_objects:
        return False
    if pattern.objects:
        if obj is None:
            return False
        # "two B-1B bombers", "a nuclear test": the head lemma, or a conjunct's
        heads = {lemma, *(lemma_of(c) for c in obj.conjuncts)}
        return bool(heads & pattern.objects) or _phrase_object(pattern.objects, obj)
    return True


def _phrase_object(objects: frozenset[str], obj: Token) -> bool:
    """A multiword object entry ("peacekeeping mission", "aid worker"): the object's head
    lemma (or a conjunct's) is its last word and the other words are compound or adjective
    modifiers of it, as for a multiword noun trigger."""
    for head in (obj, *obj.conjuncts):
        modifiers = None
        for entry in objects:
            words = entry.split()
            if len(words) < 2 or words[-1] != lemma_of(head):
                continue
            if modifiers is None:
                modifiers = {lemma_of(c) for c in head.children
                             if c.dep_ in ("compound", "amod", "nmod")}
            if set(words[:-1]) <= modifiers:
                return True
    return False


def _subject_ok(pattern: Pattern, verb: Token, quantities: frozenset[str]) -> bool:
    """"peacekeepers arrived in Bosnia" is not a visit: subject constraints."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    lemmas = set()
    while subject is not None:
        lemmas.add(lemma_of(subject))
        lemmas.update(lemma_of(c) for c in subject.children if c.dep_ in ("compound", "amod"))
        if lemma_of(subject) not in quantities:
            break
        subject = noun_object(subject)  # "a first patch of peacekeeping troops"
    if pattern.not_subjects and lemmas & pattern.not_subjects:
        return False
    return not pattern.subjects or bool(lemmas & pattern.subjects)


def match_verb(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    for pattern in lexicon.verb_patterns.get(lemma_of(token), ()):
        particles = _match_particles(token, pattern.particles)
        if particles is None:
            continue
        if not pattern.passive_ok and is_passive(token):
            continue
        if pattern.xcomp and not any(
            lemma_of(c) in pattern.xcomp for c in infinitival_complements(token)
        ):
            continue
        if (pattern.subjects or pattern.not_subjects) and not _subject_ok(
            pattern, _subject_bearer(token), lexicon.word_set("actors.quantity_nouns")
        ):
            continue
        obj = verb_object(token, particles)
        if obj is None and pattern.objects:
            obj = intransitive_subject(token)  # "the bombers flew over Okinawa"
        if not _object_ok(pattern, obj, lexicon.word_set("actors.quantity_nouns")):
            continue
        return TriggerMatch(token, pattern, particles)
    return None


def _match_noun(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    for pattern in lexicon.noun_patterns.get(lemma_of(token), ()):
        modifiers = {lemma_of(c) for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
        if pattern.modifiers and not set(pattern.modifiers) <= modifiers:
            continue
        if not _object_ok(pattern, noun_object(token), lexicon.word_set("actors.quantity_nouns")):
            continue
        return TriggerMatch(token, pattern)
    return None


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[TriggerMatch]:
    """All trigger matches in a sentence, at most one per token.

    A noun trigger that is the object of a verb trigger of the same type ("launched an
    attack" when both match) is dropped: one event, anchored on the verb.
    """
    matches: list[TriggerMatch] = []
    for token in sentence:
        if token.pos_ in VERB_TAGS:
            match = match_verb(token, lexicon)
            if match is None and token.dep_ in NOMINAL_DEPS:
                match = _match_noun(token, lexicon)
        elif token.pos_ in NOUN_TAGS and token.dep_ != "compound":
            match = _match_noun(token, lexicon)
        else:
            match = None
        if match is not None:
            matches.append(match)
    verbs = {m.token.i: m for m in matches if m.pattern.pos == "VERB"}
    heads = {m.token.i for m in matches}
    # "bombing drills", "protest rally": the modifying noun is part of the other trigger
    matches = [m for m in matches if not (
        m.pattern.pos == "NOUN" and m.token.head.i in heads and m.token.head.i == m.token.i + 1
    )]
    return [m for m in matches if not _restates(m, verbs)]


def _restates(match: TriggerMatch, verbs: dict[int, TriggerMatch]) -> bool:
    """A noun trigger that is the object of a verb trigger of the same type: "launched an
    attack", "embarked on a visit"."""
    if match.pattern.pos != "NOUN":
        return False
    head = match.token.head
    if match.token.dep_ == "pobj" and head.dep_ in PARTICLE_DEPS:
        head = head.head
    verb = verbs.get(head.i)
    return verb is not None and head.i != match.token.i and verb.pattern.type == match.pattern.type


def find_demands(sentence: Span, lexicon: Lexicon, taken: set[int]) -> list[TriggerMatch]:
    """Reported obligations as requests: "Washington declared that China must drop
    barriers" is a REQUEST by Washington on China. The trigger is the modal ("must")."""
    reporting = lexicon.word_set("attribution.reporting_verbs")
    modals = lexicon.word_set("attribution.demand_modals")
    out = []
    for verb in sentence:
        if verb.pos_ != "VERB" or lemma_of(verb) not in reporting or verb.i in taken:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            modal = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in modals),
                         None)
            if modal is not None:
                out.append(TriggerMatch(modal, DEMAND, ()))
    return out


# A synthetic pattern for find_demands: a REQUEST read off the modal, not off the lexicon.
DEMAND = Pattern(type="REQUEST", lemma="must", pos="VERB")
