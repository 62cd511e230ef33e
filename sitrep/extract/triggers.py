"""Finding event triggers: tokens whose lemma and dependents match a lexicon pattern."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from sitrep.extract.lexicon import Lexicon, Pattern
from sitrep.package_data import read_toml

VERB_TAGS = {"VERB"}
NOUN_TAGS = {"NOUN", "PROPN"}
PARTICLE_DEPS = {"prt", "prep", "agent", "dative"}
# Adverbs the parser gives for a phrasal verb's particle ("fired *back* at", "pulled *back*").
ADVERB_PARTICLES = {"back", "out", "down", "up", "off", "away", "in", "over"}
# Dependency roles of a noun: a word tagged VERB in one of these ("conducted bombing drills"
# with "drills" mistagged) is tried as a nominal trigger too.
NOMINAL_DEPS = {"dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr", "appos"}


@dataclass(frozen=True)
class TriggerMatch:
    token: Token
    pattern: Pattern
    particle_tokens: tuple[Token, ...] = ()  # "for" in "called for": part of the trigger text
    word_tokens: tuple[Token, ...] = ()  # "cease", "-" of "cease-fire": the rest of its word

    @property
    def start(self) -> int:
        return min(t.idx for t in (self.token, *self.particle_tokens, *self.word_tokens))

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text)
                   for t in (self.token, *self.particle_tokens, *self.word_tokens))


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


HYPHENS = ("-", "\u2010", "\u2011")


def hyphen_word(token: Token) -> tuple[tuple[str, ...], tuple[Token, ...]]:
    """The model splits a hyphenated word ("cease-fire", "sit-in", "pull-out") into pieces
    and heads it on the last one. For that head: the whole word's forms, hyphenated and
    closed up ("cease-fire", "ceasefire"), and the tokens of the pieces before it."""
    i = token.i
    if i < 2:
        return (), ()
    dash, left = token.doc[i - 1], token.doc[i - 2]
    if dash.text not in HYPHENS or dash.whitespace_ or left.whitespace_ or (
        left.head.i != i and dash.head.i != i
    ):
        return (), ()
    first, last = left.lower_, lemma_of(token)
    return (f"{first}-{last}", f"{first}{last}"), (left, dash)


def is_passive(verb: Token) -> bool:
    return _has_passive_marks(verb) or is_passive_conjunct(verb)


def _has_passive_marks(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        _small_clause_passive(verb)) or adverbial_participle(verb) or _reduced_passive(verb)


def _reduced_passive(verb: Token) -> bool:
    """A bare past participle with a passive agent, whose noun the parser made its subject
    ("welcomed the truce agreed by the two sides", read as "the truce agreed"): the noun
    is what was done, the agent the doer."""
    return verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) and (
        any(c.dep_ == "nsubj" for c in verb.children)) and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and not states_means(verb)


def adverbial_participle(verb: Token) -> bool:
    """A bare past participle clause set beside a clause ("*Backed by Iran*, the militia
    attacked ...", "*Accused of fraud*, the minister resigned"): a passive whose understood
    subject, the main clause's, is what it is done to; only "having" makes one active
    ("Having attacked ...")."""
    return (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark", "dobj")
                        for c in verb.children)
            and not in_verb_series(verb))


def in_verb_series(verb: Token) -> bool:
    """The middle of a series of verbs that share subject and object, "arrested, tried and
    jailed the editor", which the parser may hang on the first verb as a participle clause
    (or "dep"): it stands right after the first verb and a comma, the first verb has no
    object of its own, and it is joined by "and"/"or" to the next verb."""
    head = verb.head
    return (verb.dep_ in ("advcl", "dep") and verb.pos_ == "VERB" and head.pos_ == "VERB"
            and verb.i == head.i + 2 and verb.doc[head.i + 1].text == ","
            and not any(c.dep_ in ("dobj", "obj") for c in head.children)
            and any(c.dep_ == "conj" and c.pos_ == "VERB" and any(
                g.dep_ == "cc" for g in verb.children if g.i < c.i) for c in verb.children))


def _small_clause_passive(verb: Token) -> bool:
    """A bare past participle with a subject, in the clause of a causative verb: "tried to
    have *the activist freed*", "wants *the soldier arrested*": a passive whose subject is
    what it is done to."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "xcomp", "oprd")
            and lemma_of(verb.head) in _causative_verbs()
            and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in verb.children))


@functools.cache
def _causative_verbs() -> frozenset[str]:
    return frozenset(read_toml("lexicon/arguments.toml")["actors"]["causative_verbs"])


def states_means(verb: Token) -> bool:
    """Whether the verb takes "by" with an -ing clause: how it was done, not a passive's
    agent ("protested by shouting slogans", "responded by expelling two envoys"), whatever
    the parser calls the preposition."""
    return any(c.dep_ in ("agent", "prep") and c.lower_ == "by" and any(
        g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in verb.children)


def is_passive_conjunct(verb: Token) -> bool:
    """A bare participle joined to a passive verb shares its voice and its subject: in "was
    arrested and jailed" the subject was jailed too, it did not jail anyone."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i
            and verb.head.tag_ == "VBN" and _has_passive_marks(verb.head)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                        for c in verb.children))


# Verbs that link a subject to a participle of what was done to it: "stand accused",
# "remain detained", "got arrested".
LINKING_VERBS = {"stand", "remain", "be", "stay", "sit", "lie", "appear", "seem", "become",
                 "get", "go", "end", "look", "feel"}


def verb_object(verb: Token, particles: tuple[Token, ...] = ()) -> Token | None:
    """The direct object, or for a phrasal verb the object of its last preposition;
    for a passive verb, its grammatical subject, and for a participle after a linking verb
    the linking verb's subject ("two officers *stand accused*")."""
    if particles and particles[-1].dep_ in ("prep", "agent"):
        # the noun, or an -ing clause ("barred him from entering")
        return next((c for c in particles[-1].children if c.dep_ == "pobj"),
                    next((c for c in particles[-1].children if c.dep_ == "pcomp"), None))
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if objects:
        obj = objects[0]
        # "signed a fisheries pact", misparsed as two objects: a noun right before another
        # object is that object's modifier
        while obj.pos_ == "NOUN" and any(o.i == obj.i + 1 for o in objects):
            obj = obj.doc[obj.i + 1]
        return obj
    if is_passive(verb):  # "remains accused" is read as a passive with a subject
        subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is None and verb.dep_ == "conj" and is_passive(verb.head):
            # "was arrested in 1971 and (was) imprisoned until 1980": the first verb's subject
            subject = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if subject is None and adverbial_participle(verb):
            # "Backed by Iran, the militia ...": the main clause's subject
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)
        return subject
    if is_linked_participle(verb):
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "let aid convoys into Darfur", parsed as a verbless clause of the noun: the object
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN")
                 and not any(a.dep_ in ("aux", "cop", "nsubj") for a in c.children)), None)


def is_linked_participle(verb: Token) -> bool:
    """A past participle after a linking verb: what was done to the linking verb's subject
    ("stand accused of the bombing", "remained detained"); that subject is no doer."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("acomp", "oprd", "xcomp", "advcl")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in verb.children)
            and verb.head.lemma_.lower() in LINKING_VERBS)


# `xcomp = ["*"]`: any to-infinitive will do ("asked the envoy to leave").
ANY_COMPLEMENT = "*"
# Verbs of phase that pass their complement through: "prepared to resume shelling".
ASPECTUAL = {"resume", "continue", "start", "begin", "keep", "step"}


def infinitival_complements(verb: Token) -> list[Token]:
    """"threatened to attack": the to-infinitive, parsed as xcomp or (often) advcl, or as a
    ccomp with a subject of its own ("allowed the opposition to hold a rally"); through a verb
    of phase, its own complement too ("to resume shelling"). A clause before the verb is
    none: "While in Geneva to attend talks, she told reporters ..." is why she was there."""
    found = [c for c in verb.children if c.dep_ == "xcomp" or (
        c.dep_ in ("advcl", "ccomp") and c.i > verb.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
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


# What a nominal act is aimed at when it has no "of"-complement: "an attack on the plan",
# "the fight against corruption", "the war on drugs".
TARGET_PREPS = ("on", "against", "upon")


def noun_target(noun: Token) -> Token | None:
    """The object a noun pattern's constraints look at: the "of"-complement, else the target
    of "on" / "against"."""
    found = noun_object(noun)
    if found is not None:
        return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def described_noun(verb: Token) -> Token | None:
    """The noun a past participle describes: "a new poll *released* on Tuesday" -> poll."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in NOUN_TAGS:
        return verb.head
    return None


def doer(verb: Token) -> Token | None:
    """Who or what does what a verb says: its subject, a passive verb's agent ("struck by
    lightning"), or the subject of the verb it is coordinated with ("killed ... and
    destroyed")."""
    for _ in range(3):
        if is_passive(verb):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
            return verb.head  # "a new ad attacking the governor"
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
            c.dep_ in ("mark", "aux") for c in verb.children)  # "..., killing 12 people"
        if subject is not None or (verb.dep_ != "conj" and not participle):
            return subject
        verb = verb.head
    return None


def _after_counted_phrase(obj: Token, word: str) -> Token | None:
    """A verb's preposition the parser hung on its object right after the object's "of"
    phrase: "fired *a barrage of rockets at* the town" is firing at the town."""
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == word
                 and c.i == of.right_edge.i + 1), None)


def _match_particles(verb: Token, particles: tuple[str, ...]) -> tuple[Token, ...] | None:
    if not particles:
        return ()
    children = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in PARTICLE_DEPS or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES))]
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
            hit = _after_counted_phrase(obj, word)
            if hit is not None:
                found.append(hit)
                continue
        hit = next((c for c in children if c.lower_ == word and anchor < c.i <= anchor + 3),
                   None)
        if hit is None and found and found[-1].dep_ in PARTICLE_DEPS | {"advmod"}:
            # "pulled out of the talks", "moved away from": the preposition hung on the
            # particle before it
            hit = next((c for c in found[-1].children if c.dep_ == "prep"
                        and c.lower_ == word and c.i == found[-1].i + 1), None)
        if hit is None and not found and obj is not None and verb.i + 1 < len(verb.doc):
            # "handed over 20 hostages": the particle read as "over" (more than) the number
            # right after the verb
            after = verb.doc[verb.i + 1]
            if after.lower_ == word and after.dep_ == "quantmod" and (
                    after.head.head.i == obj.i and after.head.dep_ == "nummod"):
                hit = after
        if hit is None and not found:
            # "calling for the killers to be brought to justice": the preposition read as
            # the marker of the clause that follows the verb
            hit = next((m for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp")
                        for m in c.children
                        if m.dep_ == "mark" and m.lower_ == word and m.i == verb.i + 1), None)
        if hit is None:
            return None
        found.append(hit)
    if found[-1].dep_ == "prep" and found[-1].lower_ == "in" and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in found[-1].children):
        # "arriving back home in 1964": "in" a year or a month says when, not where to
        return None
    return tuple(found)


def _counted(noun: Token | None, quantities: frozenset[str]) -> Token | None:
    """What a counting noun counts: "hundreds of tonnes of rice" -> rice; a number standing
    for a part counts too: "evacuated 28 *of its citizens*", "freed three of the hostages"."""
    while noun is not None and (lemma_of(noun) in quantities or noun.pos_ == "NUM"):
        inner = noun_object(noun)
        if inner is None:
            break
        noun = inner
    return noun


def _is_counted(obj: Token | None, quantities: frozenset[str]) -> bool:
    """An object told as a count of more than one: "450 calls", "hundreds of calls"."""
    if obj is None:
        return False
    if obj.pos_ == "NUM" or (obj.tag_ == "NNS" and lemma_of(obj) in quantities
                             and noun_object(obj) is not None):
        return True
    return any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in obj.children)


def _from_one_party(verb: Token, obj: Token | None, lexicon: Lexicon) -> bool:
    """The "from" of a counted act names one party ("received two calls *from the Ugandan
    president*"): calls between two parties, however many, not calls to a service from
    the public or from residents."""
    for bearer in (verb, _counted(obj, lexicon.word_set("actors.quantity_nouns"))):
        for prep in (c for c in (bearer.children if bearer is not None else ())
                     if c.dep_ == "prep" and c.lower_ == "from"):
            party = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if party is None or party.tag_ not in ("NN", "NNP") or any(
                    c.dep_ == "conj" for c in party.children):
                continue
            if party.ent_type_ in lexicon.word_set("actors.entity_labels") or any(
                    t.ent_type_ in lexicon.word_set("actors.entity_labels")
                    for t in party.subtree) or lemma_of(party) in lexicon.word_set(
                    "actors.head_nouns"):
                return True
    return False


def _looked_through(lexicon: Lexicon) -> frozenset[str]:
    """Nouns an object constraint looks through: counting nouns ("hundreds of tonnes of
    rice") and nouns of kind ("a rare form of cancer")."""
    return lexicon.word_union("actors.quantity_nouns", "senses.kind_nouns")


# Entity labels an object list may name, as the (lower-cased) entries that stand for them.
OBJECT_NAME_MARKS = {"PERSON": "person_name", "GPE": "gpe"}


def _object_ok(pattern: Pattern, obj: Token | None, quantities: frozenset[str],
               described: Token | None = None) -> bool:
    """Object constraints. `described` is the noun a participle trigger describes: it can
    rule a sense out ("a poll released on Tuesday") but never makes a trigger of a
    participle that only describes ("detainees held since May")."""
    obj = _counted(obj, quantities)
    lemma = lemma_of(obj) if obj is not None else None
    if pattern.not_objects and lemma in pattern.not_objects:
        return False
    if obj is None and described is not None and pattern.not_objects and (
        lemma_of(_counted(described, quantities)) in pattern.not_objects
    ):
        return False
    if pattern.objects:
        if obj is None:
            return False
        # "two B-1B bombers", "a nuclear test": the head lemma, or a conjunct's; a
        # hyphenated word in either spelling ("declared a cease-fire")
        heads = {lemma, *(lemma_of(c) for c in obj.conjuncts)}
        for head in (obj, *obj.conjuncts):
            heads.update(hyphen_word(head)[0])
            if head.ent_type_ in OBJECT_NAME_MARKS:
                # a person or a country the tagger names, "PERSON_NAME" or "GPE" in a list:
                # "spoke with Putin", "spoke with China" (not the word "person")
                heads.add(OBJECT_NAME_MARKS[head.ent_type_])
        paid_in = _paid_in(obj)
        if paid_in is not None:
            heads.add(lemma_of(paid_in))  # "delayed $400 million in military aid"
        return bool(heads & pattern.objects) or _phrase_object(pattern.objects, obj)
    return True


def _paid_in(amount: Token) -> Token | None:
    """What a sum of money is paid in: "$400 million *in military aid*"."""
    if amount.ent_type_ != "MONEY":
        return None
    return next((c for prep in amount.children if prep.dep_ == "prep" and prep.lower_ == "in"
                 for c in prep.children if c.dep_ == "pobj"), None)


def _phrase_object(objects: frozenset[str], obj: Token) -> bool:
    """A multiword object entry ("peacekeeping mission", "aid worker"): the object's head
    lemma (or a conjunct's) is its last word and the other words are compound or adjective
    modifiers of it, as for a multiword noun trigger."""
    entries = _multiword_entries(objects)
    if not entries:
        return False
    for head in (obj, *obj.conjuncts):
        lemma = lemma_of(head)
        modifiers = None
        for last, others in entries:
            if last != lemma:
                continue
            if modifiers is None:
                modifiers = {lemma_of(c) for c in head.children
                             if c.dep_ in ("compound", "amod", "nmod")}
            if others <= modifiers:
                return True
    return False


@functools.cache
def _multiword_entries(objects: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """An object list's entries of several words, as (last word, the other words): split
    once per list, not at every token tried against it."""
    return tuple((words[-1], frozenset(words[:-1]))
                 for words in map(str.split, objects) if len(words) >= 2)


# Pronouns by which a reported clause names its speaker's side ("Japan said *it* would").
SPEAKER_PRONOUNS = ("it", "they", "we")


def _subject_ok(pattern: Pattern, verb: Token, quantities: frozenset[str]) -> bool:
    """"peacekeepers arrived in Bosnia" is not a visit: subject constraints."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    agent = next((g for c in verb.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:  # "was hit by missiles": the doer the constraint is about
        subject = agent
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ in SPEAKER_PRONOUNS \
            and verb.dep_ == "ccomp":
        # "the government said it would protest": the pronoun of a reported clause is the
        # speaker's own side
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is not None and speaker.pos_ != "PRON":
            subject = speaker
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subject = verb.head  # "a new ad attacking the governor"
    if subject is None and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        # "volunteers rallied to help", "peacekeepers began deploying": the governing verb's
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
    lemmas = set()
    while subject is not None:
        lemmas.add(lemma_of(subject))
        if subject.ent_type_ == "GPE":
            lemmas.add("gpe")  # a country or city name, "GPE" in a list: "China protested"
        lemmas.update(lemma_of(c) for c in subject.children if c.dep_ in ("compound", "amod"))
        if lemma_of(subject) not in quantities:
            break
        subject = noun_object(subject)  # "a first patch of peacekeeping troops"
    if pattern.not_subjects and lemmas & pattern.not_subjects:
        return False
    return not pattern.subjects or bool(lemmas & pattern.subjects)


def _modifiers_ok(pattern: Pattern, noun: Token) -> bool:
    """Noun modifier constraints: "a *campaign* rally", "a *heat* warning"."""
    if not (pattern.modifiers or pattern.modifier_any or pattern.not_modifiers):
        return True
    modifiers = {lemma_of(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if pattern.modifiers and not set(pattern.modifiers) <= modifiers:
        return False
    if pattern.modifier_any and not modifiers & pattern.modifier_any:
        return False
    return not modifiers & pattern.not_modifiers


def _cause_ok(pattern: Pattern, token: Token, obj: Token | None, lexicon: Lexicon) -> bool:
    """A `cause` constraint: the act is over, after or because of one of these ("a state of
    emergency over a measles outbreak", "declared ... after the floods")."""
    if not pattern.causes:
        return True
    preps = lexicon.word_set("senses.cause_prepositions")
    anchors = [token] + ([obj] if obj is not None else [])
    if token.head.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS:
        anchors.append(token.head)  # "declared a state of emergency after the floods"
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for word in prep.subtree:  # "because of the storm", "due to heavy rain"
                if word.pos_ in NOUN_TAGS and (
                    lemma_of(word) in pattern.causes
                    or any(lemma_of(c) in pattern.causes for c in word.children
                           if c.dep_ in ("compound", "amod"))):
                    return True
    return False


# Pronouns that stand for a thing told before, and the number of the noun they take up.
THING_PRONOUNS = {"it": False, "them": True}
# Nouns that are amounts, times or counts, never what "it" takes up in news prose.
_NO_ANTECEDENT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def _antecedent(pronoun: Token) -> Token | None:
    """The noun an object pronoun takes up: the nearest noun phrase head before it, in its
    sentence or the one before, that agrees in number and is not the subject of the
    pronoun's own verb (a pronoun object never means its clause's subject: in "the
    government lifted it", "it" is not the government). A nearer pronoun, itself taking
    something up, ends the search. "declared a state of emergency ... voted to lift *it*"
    -> state."""
    plural = THING_PRONOUNS.get(pronoun.lower_)
    if plural is None or pronoun.pos_ != "PRON":
        return None
    sentence = pronoun.sent
    start = sentence.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    # the pronoun's verb and those whose subject it shares ("voted to lift it", "imposed
    # a curfew and lifted it")
    own_verbs, verb = {pronoun.head.i}, pronoun.head
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
        own_verbs.add(verb.i)
    for word in reversed(pronoun.doc[start:sentence.start]):
        if word.pos_ == "PRON" and word.dep_ in ("dobj", "obj", "nsubjpass", "pobj"):
            return None
        if word.pos_ not in NOUN_TAGS or word.ent_type_ in _NO_ANTECEDENT_ENTS:
            continue
        if word.dep_ not in ("dobj", "obj", "nsubj", "nsubjpass"):
            continue  # a verb's own argument, not a word inside a phrase ("a state *of
            # emergency*", "the *city's* curfew") or one of place or time ("in the city")
        if word.dep_ in ("nsubj", "nsubjpass") and word.head.i in own_verbs:
            continue
        if (word.tag_ in ("NNS", "NNPS")) != plural:
            continue
        return word
    return None


def _is_forecast(clause: Token, modals: frozenset[str]) -> bool:
    """A clause saying what could happen to or through something other than the speaker:
    a modal of possibility and a subject that is neither a pronoun nor owned by one ("it
    could", "its navy could" are the speaker's side)."""
    if not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(
        s.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children)
        for s in subjects)


def match_verb(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    """The best-fitting verb pattern for a token; None when there is none or when the best
    fit is another sense of the word (a [[non_event]] pattern). A hyphenated verb is looked
    up as a whole first: "tear-gassed" is no gassing, "test-fired" no firing at anyone."""
    forms, pieces = hyphen_word(token)
    for form in forms:
        if form in lexicon.verb_patterns:
            match = _match_verb_patterns(token, lexicon.verb_patterns[form], lexicon)
            return replace(match, word_tokens=pieces) if match is not None else None
    return _match_verb_patterns(token, lexicon.verb_patterns.get(lemma_of(token), ()), lexicon)


def _match_verb_patterns(token: Token, patterns: list[Pattern],
                         lexicon: Lexicon) -> TriggerMatch | None:
    # A verb's patterns share particles ("call for" heads six): each particle sequence, the
    # object it leads to and the verb's complements are read once for all of them.
    particles_of: dict[tuple[str, ...], tuple[Token, ...] | None] = {}
    objects_of: dict[tuple[tuple[str, ...], bool], Token | None] = {}
    complements: set[str] | None = None
    naming = _names_its_object(token, lexicon)
    for pattern in patterns:
        if pattern.particles not in particles_of:
            particles_of[pattern.particles] = _match_particles(token, pattern.particles)
        particles = particles_of[pattern.particles]
        if particles is None:
            continue
        if naming and not particles:
            continue  # "called the president a killer": a name given, no call
        if not pattern.passive_ok and is_passive(token):
            continue
        if pattern.intransitive and any(c.dep_ in ("dobj", "obj") for c in token.children):
            continue
        if pattern.not_clauses and any(c.dep_ == "ccomp" and lemma_of(c) in pattern.not_clauses
                                       for c in token.children):
            continue
        if pattern.not_clause_modals and any(
                c.dep_ == "ccomp" and _is_forecast(c, pattern.not_clause_modals)
                for c in token.children):
            continue
        if pattern.xcomp:
            if complements is None:
                complements = {lemma_of(c) for c in infinitival_complements(token)
                               if not _in_other_sense(c, lexicon)}
            if not (complements & pattern.xcomp or (ANY_COMPLEMENT in pattern.xcomp
                                                    and complements)):
                continue
        if (pattern.subjects or pattern.not_subjects) and not _subject_ok(
            pattern, _subject_bearer(token), lexicon.word_set("actors.quantity_nouns")
        ):
            continue
        key = (pattern.particles, bool(pattern.objects))
        if key not in objects_of:
            obj = verb_object(token, particles)
            if obj is None and pattern.objects and lemma_of(token) not in lexicon.word_set(
                    "senses.agent_subject_verbs"):
                obj = intransitive_subject(token)  # "the bombers flew over Okinawa"
            if obj is not None and pattern.objects:
                obj = _antecedent(obj) or obj  # "declared a curfew ... voted to lift it"
            objects_of[key] = obj
        obj = objects_of[key]
        described = described_noun(token) if not particles else None
        if not _object_ok(pattern, obj, _looked_through(lexicon), described):
            continue
        if pattern.uncounted and _is_counted(
                verb_object(token, particles), lexicon.word_set("actors.quantity_nouns")
        ) and not _from_one_party(token, verb_object(token, particles), lexicon):
            continue
        if not _cause_ok(pattern, token, obj, lexicon):
            continue
        return TriggerMatch(token, pattern, particles) if pattern.is_event else None
    return None


def _names_its_object(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of naming with an object and a name for it ("called the president *a killer*",
    "dubbed the plan *a farce*"): the speaker's judgement (sitrep/extract/speech.py), not the
    verb's act. With the name alone the parser may have misread the object ("called the
    Chinese president on Monday": a phone call)."""
    return lemma_of(verb) in lexicon.word_set("stance.naming_verbs") and any(
        c.dep_ in ("dobj", "obj") for c in verb.children) and any(
        c.dep_ == "oprd" for c in verb.children)


def _in_other_sense(verb: Token, lexicon: Lexicon) -> bool:
    """A complement verb whose object the lexicon rules out of its act: "pledged *to fight
    corruption*" intends no fight, so no threat of one."""
    patterns = [p for p in lexicon.verb_patterns.get(lemma_of(verb), ())
                if not p.particles and p.not_objects]
    if not patterns or match_verb(verb, lexicon) is not None:
        return False
    obj = _counted(verb_object(verb), _looked_through(lexicon))
    return obj is not None and any(lemma_of(obj) in p.not_objects for p in patterns)


def _noun_lemma(token: Token, lexicon: Lexicon) -> str:
    """The noun's lemma; for a capitalised plural the tagger read as a name at the start
    of a sentence ("Tributes were paid ..."), its singular when that is a trigger noun."""
    lemma = lemma_of(token)
    if token.pos_ != "PROPN" or lemma in lexicon.noun_patterns or not token.is_sent_start:
        return lemma
    lower = token.lower_
    for singular in (lower[:-3] + "y" if lower.endswith("ies") else None,
                     lower[:-1] if lower.endswith("s") else None):
        if singular and singular in lexicon.noun_patterns:
            return singular
    return lemma


def _match_noun(token: Token, lexicon: Lexicon) -> TriggerMatch | None:
    forms, pieces = hyphen_word(token)  # "a sit-in", "the cease-fire"
    for form in forms:
        if form in lexicon.noun_patterns:
            match = _match_noun_patterns(token, lexicon.noun_patterns[form], lexicon)
            return replace(match, word_tokens=pieces) if match is not None else None
    return _match_noun_patterns(
        token, lexicon.noun_patterns.get(_noun_lemma(token, lexicon), ()), lexicon)


def _match_noun_patterns(token: Token, patterns: list[Pattern],
                         lexicon: Lexicon) -> TriggerMatch | None:
    for pattern in patterns:
        if not _modifiers_ok(pattern, token):
            continue
        if (pattern.subjects or pattern.not_subjects) and not _noun_doer_ok(pattern, token):
            continue
        obj = noun_target(token)
        if not _object_ok(pattern, obj, _looked_through(lexicon)):
            continue
        if not _cause_ok(pattern, token, obj, lexicon):
            continue
        if pattern.preposition and not _takes_preposition(token, pattern.preposition):
            continue
        if pattern.xcomp and not _noun_complement_ok(token, pattern.xcomp):
            continue
        return TriggerMatch(token, pattern) if pattern.is_event else None
    return None


def _noun_doer_ok(pattern: Pattern, noun: Token) -> bool:
    """A noun's `subject` constraint, held to whoever the noun names as doing it: its
    possessive, a noun before it, or the object of its "by" ("the teachers' strike", "the
    doctors strike", "a strike by rail workers"), with their own modifiers."""
    doers = [c for c in noun.children if c.dep_ in ("poss", "compound")]
    doers += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
              for o in c.children if o.dep_ == "pobj"]
    lemmas = {lemma_of(d) for d in doers} | {
        lemma_of(c) for d in doers for c in d.children if c.dep_ in ("compound", "amod")}
    if pattern.not_subjects and lemmas & pattern.not_subjects:
        return False
    return not pattern.subjects or bool(lemmas & pattern.subjects)


def _noun_complement_ok(noun: Token, wanted: frozenset[str]) -> bool:
    """A noun's `xcomp` constraint: a to-infinitive on the noun ("its willingness *to help*",
    "a commitment *to work* with")."""
    complements = {lemma_of(c) for c in noun.children if c.dep_ in ("acl", "relcl")
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)}
    return bool(complements & wanted) or (ANY_COMPLEMENT in wanted and bool(complements))


def _takes_preposition(noun: Token, word: str) -> bool:
    """"calls for an inquiry", or with the preposition read onto the verb that carries the
    noun: "joined the calls for an inquiry"."""
    if any(c.dep_ == "prep" and c.lower_ == word for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ in ("dobj", "obj") and any(
        c.dep_ == "prep" and c.lower_ == word and c.i > noun.i for c in head.children)


def find_triggers(sentence: Sequence[Token], lexicon: Lexicon) -> list[TriggerMatch]:
    """All trigger matches in a sentence (its tokens), at most one per token.

    A noun trigger that is the object of a verb trigger of the same type ("launched an
    attack" when both match) is dropped: one event, anchored on the verb.
    """
    matches: list[TriggerMatch] = []
    for token in sentence:
        if token.pos_ in VERB_TAGS and _is_nominalised(token):
            match = _match_noun(token, lexicon)  # "the accused", "the wounded": people
        elif token.pos_ in VERB_TAGS and token.dep_ == "amod" and token.tag_ == "VBG":
            match = None  # "the opposing party", "the ruling coalition": adjectives
        elif token.pos_ in VERB_TAGS:
            match = match_verb(token, lexicon)
            if match is None and token.dep_ in NOMINAL_DEPS:
                match = _match_noun(token, lexicon)
        elif token.pos_ in NOUN_TAGS and token.dep_ not in ("compound", "nmod"):
            # a noun that modifies another ("protest songs", "battle tanks") names no act, nor
            # does one inside an organisation's name ("the Conference on Disarmament")
            match = None if _inside_name(token) else _match_noun(token, lexicon)
        else:
            match = None
        if match is not None and not _other_sense(match, lexicon):
            matches.append(match)
    verbs = {m.token.i: m for m in matches if m.pattern.pos == "VERB"}
    heads = {m.token.i for m in matches}
    # "bombing drills", "protest rally": the modifying noun is part of the other trigger
    matches = [m for m in matches if not (
        m.pattern.pos == "NOUN" and m.token.head.i in heads and m.token.head.i == m.token.i + 1
    )]
    nouns = {m.token.i: m for m in matches if m.pattern.pos == "NOUN"}
    return [m for m in matches if not _restates(m, verbs) and not _consumed(m, matches, lexicon)
            and not _leads_up_to(m, verbs, lexicon) and not _carries_other_act(m, nouns, lexicon)]


def _carries_other_act(match: TriggerMatch, nouns: dict[int, TriggerMatch],
                       lexicon: Lexicon) -> bool:
    """A light verb read as a phrasal trigger ("launch into", "launch against") whose own
    object is a noun act of another type only carries that act: "launched a probe into the
    minister's finances" is the probe (ACCUSE), no attack. A verb with a particle of its
    own is a phrasal verb, not a carrier: "held up the aid" blocks it."""
    if match.pattern.pos != "VERB" or not match.particle_tokens or (
            lemma_of(match.token) not in lexicon.light_verbs) or any(
            p.dep_ == "prt" for p in match.particle_tokens):
        return False
    obj = next((c for c in match.token.children if c.dep_ in ("dobj", "obj")), None)
    other = nouns.get(obj.i) if obj is not None else None
    return other is not None and other.pattern.type != match.pattern.type


def _leads_up_to(match: TriggerMatch, verbs: dict[int, TriggerMatch], lexicon: Lexicon) -> bool:
    """A move that ends in the act it prepared is that act (the manual, MOBILIZE: "military
    units in the area were activated and returned fire on the rebels" is only the ASSAULT):
    a verb of a `senses.preparatory_types` type coordinated with a verb of a
    `senses.culminating_types` type ("were deployed ... and arrested dozens"), or describing
    its subject ("troops deployed in the area opened fire")."""
    if match.pattern.pos != "VERB" or match.pattern.type not in lexicon.word_set(
            "senses.preparatory_types"):
        return False
    culminating = lexicon.word_set("senses.culminating_types")
    token = match.token
    linked = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        linked.append(token.head)
    if token.dep_ in ("acl", "relcl") and token.head.dep_ in ("nsubj", "nsubjpass"):
        linked.append(token.head.head)  # "troops deployed in the area opened fire"
    return any(other.i in verbs and verbs[other.i].pattern.type in culminating
               for other in linked)


# Prepositions inside a body's name ("the Committee on ...", "the Office for ...").
NAME_PREPOSITIONS = frozenset({"on", "of", "for", "against"})


def _inside_name(token: Token) -> bool:
    """A proper noun inside, not at the end of, an organisation's name: "the Conference on
    Disarmament", "the International Conference of Support for Palestinian People". (At the
    end, "the G20 Summit", it may well name the meeting itself.) A capitalised noun after a
    body's name and a preposition is a word of that name wherever it stands."""
    if _ends_a_titled_name(token):
        return True
    if token.pos_ != "PROPN" or token.ent_type_ != "ORG":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.ent_iob_ == "I"


def _ends_a_titled_name(token: Token) -> bool:
    """A capitalised noun after a name and a preposition, in capitalised words all the way:
    "the Working Group on Arbitrary Detention", "the Committee Against Torture" (a headline
    in title case, with no lower-case word of content, is no such name)."""
    sentence = token.sent
    if token.i == sentence.start or not token.text[:1].isupper() or token.text.isupper():
        return False
    if not any(t.is_alpha and t.text[0].islower() and t.pos_ in ("VERB", "NOUN", "ADJ", "ADV")
               for t in sentence):
        return False  # "Rebels Launch Attack On Town": a headline in title case
    doc = token.doc
    i = token.i - 1
    while i > sentence.start and (doc[i].text[:1].isupper() or doc[i].lower_ in NAME_PREPOSITIONS):
        if doc[i].lower_ in NAME_PREPOSITIONS and doc[i - 1].pos_ == "PROPN" and (
                doc[i - 1].text[:1].isupper()):
            return True
        i -= 1
    return False


def _consumed(match: TriggerMatch, matches: list[TriggerMatch], lexicon: Lexicon) -> bool:
    """A noun trigger that another pattern names as its object is part of that event:
    "lodged a protest" is one ACCUSE, "lifted its blockade" one RETREAT, "a note of protest"
    one ACCUSE. So is one described by such a participle ("the protest filed by the
    candidate", "the curfew imposed in May"): an act told as background."""
    if match.pattern.pos != "NOUN":
        return False
    lemma = lemma_of(match.token)
    token = match.token
    if token.dep_ == "pobj" and token.head.lower_ == "from" and any(
            other.token.i == token.head.head.i and other.pattern.type in
            lexicon.word_set("senses.release_types") for other in matches):
        return True  # "released the journalist from detention": the state left, no new act
    for other in matches:
        if other is match or not other.pattern.objects or not (
                lemma in other.pattern.objects
                or _phrase_object(other.pattern.objects, match.token)):  # "mediation efforts"
            continue
        obj = (verb_object(other.token, other.particle_tokens) if other.pattern.pos == "VERB"
               else noun_target(other.token))
        if obj is not None and obj.i == match.token.i:
            return True
    for child in match.token.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.pos_ in VERB_TAGS and any(
            lemma in p.objects and p.is_event and not p.particles
            for p in lexicon.verb_patterns.get(lemma_of(child), ())
        ):
            return True
    return False


def _is_nominalised(token: Token) -> bool:
    """A participle used as a noun for people: "*the accused* told the court", "the wounded
    were taken to hospital"."""
    return token.tag_ in ("VBN", "VBD") and token.dep_ in NOMINAL_DEPS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ) and not any(c.dep_ in ("dobj", "obj", "agent") or (c.dep_ == "prep" and c.lower_ == "of")
                  for c in token.children)


# A score or tally: "beat Northfield 3-2", "crushed them 4-0".
SCORE = re.compile(r"^\d{1,3}$")


def _other_sense(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """Selectional restrictions that hold for every pattern: the word is used in a sense
    that is no political event.

    - its doer is no one who can act: a storm, a disease, a market ("the storm killed",
      "shares rallied", "the virus attacks the lungs"): `senses.non_agents`, or a storm
      called by its name ("Cyclone Jude slammed into"): `senses.named_non_agents`;
    - a contest (`senses.contest_types` only): a score ("beat X 3-2") or a sports word among
      its parties ("withdrew from the tournament"): `senses.contest_words`;
    - a noun that only characterises something ("the race was a battle", "called the move
      a political maneuver", "described the vote as an attack on democracy").
    """
    token = match.token
    non_agents = lexicon.word_set("senses.non_agents")
    quantities = lexicon.word_set("actors.quantity_nouns")
    agent = None
    if match.pattern.pos == "VERB":
        agent = doer(token)
    elif token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
        agent = doer(token.head)  # "the market is fighting a battle"
    elif token.dep_ == "pobj" and token.head.lower_ == "under":
        agent = doer(token.head.head)  # "stocks came under attack": what is attacked
    agent = _counted(agent, quantities)
    if agent is not None and (lemma_of(agent) in non_agents or _named_non_agent(
            agent, lexicon.word_set("senses.named_non_agents"))):
        return True
    if match.pattern.pos == "VERB" and _is_state(match):
        return True
    if match.pattern.type in lexicon.word_set("senses.contest_types") and _in_contest(
        match, lexicon
    ):
        return True
    return match.pattern.pos == "NOUN" and _characterises(token, lexicon)


def _named_non_agent(agent: Token, kinds: frozenset[str]) -> bool:
    """A name the article gives a storm or the like: "Tropical Cyclone Jude slammed into",
    or "struck by Chido" after "Cyclones Chido and Dikeledi": the kind word stands before
    the name here or wherever the article names it."""
    if agent.pos_ != "PROPN":
        return False
    return agent.text in _names_given_by_kind(agent.doc, kinds)


def _names_given_by_kind(doc, kinds: frozenset[str]) -> frozenset[str]:
    """The names the article writes after a kind word ("Cyclone Jude", "Storms Ava and
    Bram"), read once per article (cached on the doc)."""
    key = ("named_non_agents", kinds)
    cached = doc.user_data.get(key)
    if cached is None:
        names = set()
        for token in doc:
            if token.pos_ != "PROPN":
                continue
            first = token
            while first.dep_ == "conj" and first.head.i < first.i:  # "Cyclones Chido and Jude"
                first = first.head
            before = doc[first.i - 1] if first.i > 0 else None
            if any(c.dep_ == "compound" and lemma_of(c) in kinds for c in first.children) or (
                    before is not None and before.lower_.removesuffix("s") in kinds):
                names.add(token.text)
        cached = doc.user_data[key] = frozenset(names)
    return cached


def _is_state(match: TriggerMatch) -> bool:
    """A participle that says how someone is, not what was done: "was left wounded", "she
    retired injured". (An adjunct "charged with murder" still reports the charge: only
    injuries are read as states there.)"""
    token = match.token
    if token.tag_ != "VBN" or any(c.dep_ in ("agent", "nsubj", "nsubjpass", "aux", "auxpass",
                                             "mark") for c in token.children):
        return False
    return token.dep_ in ("xcomp", "oprd") or (
        token.dep_ == "advcl" and match.pattern.type == "ASSAULT")


def _in_contest(match: TriggerMatch, lexicon: Lexicon) -> bool:
    token = match.token
    words = lexicon.word_set("senses.contest_words")
    if match.pattern.pos == "VERB":
        parties = [doer(token), verb_object(token, match.particle_tokens)]
        parties += [c for c in token.children if c.dep_ in ("npadvmod", "dobj")]
    else:  # "a three-set battle", "a title fight": the noun's own modifiers too
        parties = [noun_target(token)]
        if any(lemma_of(c) in words for c in token.children if c.dep_ == "compound"):
            return True
    parties += [p for prep in token.children if prep.dep_ == "prep"
                and prep.lower_ in ("for", "from", "against") for p in prep.children
                if p.dep_ == "pobj"]
    quantities = lexicon.word_set("actors.quantity_nouns")
    for party in parties:
        party = _counted(party, quantities)  # "rounds of rockets"
        if party is None:
            continue
        if lemma_of(party) in words or any(
            lemma_of(c) in words for c in party.children if c.dep_ == "compound"
        ):
            return True
    return _has_score(token)


def _has_score(token: Token) -> bool:
    """A score right after the trigger's phrase ("3-2", "4 - 0"): two small numbers joined
    by a dash that count nothing (not "2-3 people")."""
    doc = token.doc
    end = min(max(t.i for t in token.subtree) + 1, len(doc))
    for i in range(token.i + 1, end - 2):
        a, dash, b = doc[i], doc[i + 1], doc[i + 2]
        if (SCORE.match(a.text) and dash.text in ("-", "–") and SCORE.match(b.text)
                and not (i + 3 < len(doc) and doc[i + 3].pos_ == "NOUN")):
            return True
    for t in doc[token.i + 1 : end]:
        if re.fullmatch(r"\d{1,3}[-–]\d{1,3}", t.text) and not (
            t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN"
        ):
            return True
    return False


def _characterises(noun: Token, lexicon: Lexicon) -> bool:
    """A predicate noun: what something is called, not an act it reports ("the race was a
    battle for the soul of the party", "called the admission a political maneuver")."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children):
        return False  # "it was an attack by the army": an act with its doer
    head = noun.head
    if noun.dep_ == "attr" and lemma_of(head) == "be":
        # "was a battle", not "what makes it worse is the deployment of ..."
        return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    if noun.dep_ == "oprd":
        return True
    return (noun.dep_ == "pobj" and head.lower_ == "as"
            and lemma_of(head.head) in lexicon.word_set("senses.characterizing_verbs"))


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


def find_demands(sentence: Sequence[Token], lexicon: Lexicon, taken: set[int]
                 ) -> list[TriggerMatch]:
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
            if modal is not None and not any(
                    c.dep_ in ("nsubj", "nsubjpass")
                    and c.lower_ in lexicon.word_set("actors.generic_pronouns")
                    for c in clause.children):  # "one should not ...": asked of no one
                out.append(TriggerMatch(modal, DEMAND, ()))
    return out


# A synthetic pattern for find_demands: a REQUEST read off the modal, not off the lexicon.
DEMAND = Pattern(type="REQUEST", lemma="must", pos="VERB")
