"""Actors, recipients and places of a trigger, read off the dependency parse.

Only syntax and surface cues here (entity labels, head nouns from `arguments.toml`): codes
are assigned later by the resolve stage.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from sitrep.extract.lexicon import Lexicon, Pattern
from sitrep.extract.modality import names_no_one, responsibility_claim
from sitrep.extract.triggers import (
    TriggerMatch,
    described_noun,
    in_verb_series,
    infinitival_complements,
    is_linked_participle,
    is_passive,
    is_passive_conjunct,
    lemma_of,
    match_verb,
    noun_object,
    states_means,
    verb_object,
)
from sitrep.package_data import read_toml
from sitrep.records import Entity, Location

# Dependents that are not part of a noun phrase's own words.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "punct", "mark", "parataxis", "ccomp", "xcomp", "dep"}
# Prepositions whose object stays inside the phrase ("the defense chiefs of South Korea",
# "world leaders including the Iranian foreign minister": who they are).
INNER_PREPS = {"of", "including"}
ORIGIN_PREPS = {"from"}
# Pronouns that stand for one person as what an act is done to, resolved through the
# discourse: an object, or the subject of a passive ("*she* was freed").
PERSON_OBJECTS = {"him", "her", "he", "she"}
# "arrived for talks", "at the meeting ... reaffirmed": the verb's subject takes part
MEETING_PREPS = {"for", "at", "during"}
# Verbs that say what their subject is ("Japan *is* the biggest donor").
COPULAS = {"be", "remain", "become"}
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}


def phrase_tokens(head: Token, *, with_conjuncts: bool = True,
                  verbs_of: bool = False) -> list[Token]:
    """The words of the noun phrase headed by `head`, in order (contiguous). `verbs_of`: an
    "of" on the head is its verb's ("acquitted the minister of all charges")."""
    # the verb's "of": the last one in the phrase, when it is no name
    last_of = max((t for t in head.subtree if t.dep_ == "prep" and t.lower_ == "of"),
                  key=lambda t: t.i, default=None) if verbs_of else None
    verbs = last_of.i if last_of is not None and _verbs_of_phrase(last_of) else None
    keep = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            dep = child.dep_
            if dep in ("conj", "cc"):
                if not with_conjuncts or not any(
                        c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX")
                        for c in token.children) or child.pos_ in ("VERB", "AUX"):
                    continue  # a verb joined to the noun is a misparsed clause of its own
            elif dep == "prep":
                if child.lower_ == "to" and lemma_of(token) in _allegiance_words():
                    pass  # "forces loyal to the warlord": whose forces they are
                # "the opposition of spreading lies": an "of" before an -ing clause is the
                # charge or reason, not part of the name
                elif child.lower_ not in INNER_PREPS or any(c.dep_ == "pcomp"
                                                            for c in child.children) or (
                        child.i == verbs):
                    continue
            elif dep in CLAUSE_DEPS:
                continue
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    # punctuation hung on the head beyond its words (a misparsed clause between) is no part
    words = [i for i in keep if not doc[i].is_punct] or sorted(keep)
    start, end = min(words), max(words)
    while start < end and doc[start].is_punct:
        start += 1
    while start < head.i and doc[start].dep_ == "compound" and doc[start].ent_type_ in (
            "DATE", "TIME") and head.ent_type_ not in ("DATE", "TIME"):
        start += 1  # "On Friday Emmanuel Macron said": the day is the fronted time's
    if _opens_after_stranded_preposition(doc[start], head):
        # "On live television Erdogan attacked ...": the words before the name are the
        # object of a fronted preposition the parser left empty
        while start < head.i and doc[start].pos_ != "PROPN":
            start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ == "case" and doc[end].i != head.i):
        end -= 1
    return list(doc[start : end + 1])


@functools.cache
def _allegiance_words() -> frozenset[str]:
    """`actors.allegiance_words` in arguments.toml, read once (phrases are cut before any
    lexicon is at hand)."""
    return frozenset(read_toml("lexicon/arguments.toml")["actors"]["allegiance_words"])


def _opens_after_stranded_preposition(first: Token, head: Token) -> bool:
    """A name's phrase that starts right after a preposition with no object of its own,
    hung on the same verb as the name (a fronted place or time the parser merged into it)."""
    if first.i == 0 or head.pos_ != "PROPN" or first.i == head.i:
        return False
    before = first.doc[first.i - 1]
    return before.dep_ == "prep" and before.head.i == head.head.i and not any(
        c.dep_ in ("pobj", "pcomp") for c in before.children)


def _verbs_of_phrase(prep: Token) -> bool:
    """An "of" phrase that is no name ("of all charges", not "of Lagos")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ == "of" and obj is not None and obj.pos_ != "PROPN" and not obj.ent_type_


def entity_for(head: Token, *, with_conjuncts: bool = True, verbs_of: bool = False) -> Entity:
    tokens = phrase_tokens(head, with_conjuncts=with_conjuncts, verbs_of=verbs_of)
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
    if inner is not None and head.pos_ == "NOUN" and lemma in lexicon.word_set(
            "actors.quantity_nouns"):
        # "the pair of bombers"; not "the Group of 20"; a name the tagger missed counted as
        # a subject is the subject's ("Thousands of Hongkongers rallied")
        return is_actor_like(inner, lexicon) or (
            head.dep_ in ("nsubj", "nsubjpass") and inner.pos_ == "PROPN" and (
                not inner.ent_type_
                or inner.ent_type_ in lexicon.word_set("actors.mistaken_labels")))
    if head.dep_ in ("nsubj", "nsubjpass") and (head.lower_ == "both" or (
            head.pos_ == "NUM" and len(list(head.children)) == 1
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children))):
        return True  # "both agreed", "the two met": the parties just told (resolve stage)
    if head.pos_ == "PRON":
        return lemma in lexicon.word_set("actors.pronouns") or head.lower_ in lexicon.word_set(
            "actors.pronouns"
        )
    if head.ent_type_ in labels or lemma in lexicon.word_set("actors.head_nouns"):
        return True
    if head.pos_ == "PROPN" and (head.dep_ in ("nsubj", "nsubjpass", "poss", "dobj") or (
            head.dep_ == "pobj" and head.head.dep_ == "agent")) and (
        not head.ent_type_ or head.ent_type_ in lexicon.word_set("actors.mistaken_labels")
    ):  # a name the tagger missed as an entity ("Later, Ruto condemned", "shelled Odesa",
        # "was condemned by Kyiv")
        return True
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "nsubj" and head.head.pos_ == "VERB" and (
            lemma not in lexicon.word_set("actors.not_doers")
            and lemma not in lexicon.noun_patterns):  # an act ("the raid") is not a doer
        # the subject of an active verb does it, whatever the noun ("attorneys general
        # filed", "the comments termed her ..."): the resolve stage says whether it is coded
        return True
    # "the US Pacific Air Forces", "South Korean F-16K jets": a named modifier makes an actor
    if any(c.ent_type_ in labels for c in head.children
           if c.dep_ in ("compound", "amod", "poss", "nmod")
           and not (lemma in lexicon.noun_patterns and _names_the_place(c))):
        return True  # not "the Kabul attack", where the act was
    # "an army base", "a police station": a thing named by its owner stands for the owner,
    # unless it is an act or an earlier event ("a police raid", "the army exercise"); a name
    # after a title is a person the tagger missed ("met Chancellor Scholz")
    return head.pos_ in ("NOUN", "PROPN") and lemma not in lexicon.noun_patterns and (
        lemma not in lexicon.word_set("recipients.event_nouns")) and any(
        lemma_of(c) in lexicon.word_set("actors.head_nouns") for c in head.children
        if c.dep_ in ("compound", "amod"))


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
        # "was arrested by police and jailed": the agent of the verb the participle joins
        voiced = verb.head if is_passive_conjunct(verb) else verb
        for child in (*verb.children, *(voiced.children if voiced is not verb else ())):
            if child.dep_ == "agent":
                return _named_head(next((c for c in child.children if c.dep_ == "pobj"), None))
        if depth > 0:  # "Trump is set to embark", "talks are expected to resume"
            return next((c for c in voiced.children if c.dep_ == "nsubjpass"), None)
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return _issuer_of(child, lexicon) or _resolve_relative(child, lexicon)
    for aux in (c for c in verb.children if c.dep_ == "aux"):
        # the subject hung on the auxiliary, as the parser may do when quotation marks stand
        # between them ('said Iran is "flagrantly" defying'): the verb's own
        subject = next((c for c in aux.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None:
            return _resolve_relative(subject, lexicon)
    subject = _subject_read_as_marker_object(verb, lexicon) or _name_read_as_adverb(verb)
    if subject is not None:
        return subject
    kept_from = _kept_from(verb, lexicon)
    if kept_from is not None:
        return kept_from[0]
    if verb.dep_ == "relcl":
        head = verb.head
        if head.dep_ == "attr" and lemma_of(head.head) in lexicon.word_set("senses.copular_verbs"):
            # "Costa Rica was the first country to recognise ...": who the noun is said to be
            subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return _resolve_relative(subject, lexicon)
        return head
    if is_linked_participle(verb):  # "the chairman stood accused": he is accused, not accusing
        return None
    owner = _intending_party(verb, lexicon)
    if owner is not None:
        return owner
    head = verb.head
    if depth < 4 and verb.dep_ in ("xcomp", "conj") and head.pos_ == "ADJ" and (
            head.dep_ == "acomp"):
        # "he would be honoured to meet", "it was concerned and urged restraint": the
        # subject of "be"
        head = head.head
    if depth < 4 and verb.dep_ == "conj" and lemma_of(head) == "be" and head.dep_ == "ccomp" and (
            not any(c.dep_ in ("nsubj", "csubj") and is_actor_like(c, lexicon)
                    and lemma_of(c) not in lexicon.noun_patterns for c in head.children)):
        # "found that the vote was flawed and called for a new one": joined to the finding
        # by the parse, not to the clause about a thing or an act, which call for nothing
        return subject_of(head.head, lexicon, depth + 1)
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
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ in ("nsubj", "nsubjpass") and (
            head.pos_ in ("NOUN", "PROPN") or is_actor_like(head, lexicon)):
        # "The president, while urging calm, ordered ...": the parser hangs the participle
        # clause on the subject it stands beside, which is its understood subject
        return head
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "troops deployed by Russia"
        if states_means(verb) and verb.head.pos_ in ("NOUN", "PROPN") and is_actor_like(
                verb.head, lexicon):
            return verb.head  # a finite verb misread as a modifier: "Members protested by"
        if any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # a participle with an object is a finite verb: "a man armed with a hammer
            # wounded two guards"
            return _described_by_phrase(verb.head)
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN"):
        # a finite verb misread as a modifier: "Members ... protested"; of the last noun of a
        # participle phrase that describes the subject, the subject's: "a man armed with a
        # knife stabbed ..." (the man, not the knife)
        return _described_by_phrase(verb.head) or verb.head
    if verb.tag_ == "VBG" and verb.dep_ in ("amod", "acl"):
        # "protesting legislators": the noun it describes; "signed a decree banning ...":
        # whoever issued the thing that does it
        noun = verb.head
        if noun.pos_ in ("NOUN", "PROPN") and is_actor_like(noun, lexicon):
            return noun
        if depth < 4 and noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
            return subject_of(noun.head, lexicon, depth + 1)
    if depth < 4 and verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        # "in addition to stepping down, X announced ...", "after meeting Y, X said":
        # the gerund's understood subject is the main clause's (up through the phrase the
        # preposition ends: "in addition to", "as part of")
        governor = verb.head.head
        for _ in range(3):
            if governor.pos_ in ("VERB", "AUX") or governor.dep_ not in ("pobj", "prep"):
                break
            if governor.ent_type_ in ("DATE", "TIME"):
                return None  # "after months of shelling": a span of it, not the subject's act
            governor = governor.head
        if verb.head.lower_ == "by" and verb.head.head.i == governor.i and is_passive(
                governor) and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "were displaced by shelling": what befell the subject, not its act (with an
            # object the parse may be of "by protesting legislators": left as it was)
            return None
        if governor.pos_ in ("VERB", "AUX") and governor.i != verb.i:
            judged = next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)
            if verb.head.lower_ == "for" and verb.head.head.i == governor.i and (
                    judged is not None and judged.pos_ != "PRON"
                    and is_actor_like(judged, lexicon)):
                return judged  # "praised the soldiers for rescuing ...": the soldiers did
            return subject_of(governor, lexicon, depth + 1)
    return None


def _described_by_phrase(noun: Token) -> Token | None:
    """The noun a past participle describes when `noun` ends that participle's prepositional
    phrase: "a man *armed with a knife*" -> man."""
    prep = noun.head
    participle = prep.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or participle.i == prep.i:
        return None
    if participle.dep_ == "acl" and participle.tag_ == "VBN" and participle.head.pos_ in (
            "NOUN", "PROPN"):
        return participle.head
    return None


def _name_read_as_adverb(verb: Token) -> Token | None:
    """A name the tagger read as an adverb of a finite verb with no subject
    ("*Nduhungirehe* accused Kinshasa ..."): a name is no adverb, so it is the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    return next((c for c in verb.lefts if c.dep_ == "advmod"
                 and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and c.text[:1].isupper()),
                None)


def _issuer_of(document: Token, lexicon: Lexicon) -> Token | None:
    """Who issued a document that is told as doing what its words do: "the statement,
    *released by the Egyptian presidency*, condemned ...", "a letter *from* the ministry
    urged ..." (`actors.document_nouns`)."""
    if lemma_of(document) not in lexicon.word_set("actors.document_nouns"):
        return None
    for child in document.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            source = _named_head(next((c for c in child.children if c.dep_ == "pobj"), None))
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            source = _named_head(next((c for c in agent.children if c.dep_ == "pobj"), None)
                                 if agent is not None else None)
        else:
            continue
        if source is not None and is_actor_like(source, lexicon):
            return source
    return None


def _intending_party(verb: Token, lexicon: Lexicon) -> Token | None:
    """The understood subject of a to-infinitive on a noun: the party named as the noun's
    owner ("Russia's decision to expel") or as who it is by or of ("the decision by France
    to recall", "the refusal of the unions to negotiate"): the one who means to do what the
    infinitive says. A pronoun owner ("its plan to withdraw") is left as it was: the clause
    keeps no doer of its own."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ != "NOUN" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = _named_head(_prep_object(noun, {"by", "of"}))
    if owner is None or owner.pos_ == "PRON" or not is_actor_like(owner, lexicon):
        return None
    return owner


def _subject_read_as_marker_object(verb: Token, lexicon: Lexicon) -> Token | None:
    """"after Theresa May stepped down": a finite clause's subject the parser hung as the
    object of the clause's own conjunction, read as a preposition. The subject of such a
    clause stands right before its verb, so only a name ending there is taken."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for marker in verb.children:
        if marker.i > verb.i or marker.dep_ not in ("mark", "prep"):
            continue
        for obj in marker.children:
            if obj.dep_ == "pobj" and max(t.i for t in obj.subtree) == verb.i - 1 and (
                    obj.pos_ in ("PROPN", "PRON") and is_actor_like(obj, lexicon)):
                return obj
    return None


def _kept_from(verb: Token, lexicon: Lexicon) -> tuple[Token | None] | None:
    """Who would have done an act someone kept from happening, when the act hangs on the
    verb of prevention: "prevented the protesters from marching" -> the protesters; "foiled
    a plot to assassinate the governor" -> unknown (the plotters), not the one who foiled it.
    None when the act is no such complement."""
    governor = verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from":
        governor = verb.head.head
    elif not (verb.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return None
    if governor.pos_ != "VERB" or lemma_of(governor) not in lexicon.word_set(
            "actors.prevention_verbs"):
        return None
    kept = next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)
    if verb.dep_ == "pcomp" and kept is not None and is_actor_like(kept, lexicon):
        return (kept,)
    return (None,)


def event_reference(head: Token, lexicon: Lexicon) -> Entity | None:
    """A noun that names an earlier event ("the exercise", "the provocation") standing for
    whoever did it: the resolve stage replaces it with that event's actor."""
    lemma = lemma_of(head)
    if lemma in lexicon.word_set("recipients.event_nouns") or (
            lemma in lexicon.word_set("recipients.proposal_nouns") and any(
                c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children)):
        entity = entity_for(head, with_conjuncts=False)
        entity.is_event_reference = True
        return entity
    return None


def _direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


# Adverbs of direction whose preposition still introduces the recipient.
DIRECTIONS = {"away", "back", "out", "off"}


def _recipient_preps(anchors: list[Token | None], lexicon: Lexicon, event_type: str,
                     skip: set[int]) -> list[Token]:
    """The objects of recipient prepositions on the anchors, in order ("talks with Japan")."""
    preps = lexicon.word_set("recipients.prepositions") - _place_only_preps(event_type, lexicon)
    found = []
    for token in anchors:
        children = list(token.children) if token is not None else []
        # "taken away from X", "sent back to X": the preposition hangs on the adverb (not
        # "ahead of", "because of": those say when or why)
        children += [c for a in children if a.dep_ == "advmod" and a.lower_ in DIRECTIONS
                     for c in a.children]
        for child in children:
            if _fronted(child, token):
                continue  # "On state television, X denounced ...": the setting, no one's
            if child.dep_ in ("prep", "dative") and child.lower_ in preps and child.i not in skip:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                obj = obj or _stranded_object(child)
                found += [obj] if obj is not None else []
            elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN"):
                found.append(child)
    return found


def _fronted(prep: Token, verb: Token) -> bool:
    """A preposition put before its verb's subject (or, when the parser took the subject for
    its object, before the verb with no subject between them)."""
    if prep.i > verb.i or prep.dep_ != "prep":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or prep.i < subject.left_edge.i


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser gave to a following participle as its subject
    ("granted asylum to five officers holed up in ...")."""
    for token in prep.doc[prep.i + 1 : prep.i + 6]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i > token.i and (
                token.head.tag_ in ("VBN", "VBD")):
            return token
        if token.pos_ in ("VERB", "ADP", "PUNCT", "AUX"):
            return None
    return None


# Prepositions whose object is an occasion or a purpose, not a party's property.
OCCASION_PREPS = {"at", "for", "between"}


def _recipient_from_preps(anchors: list[Token | None], lexicon: Lexicon, event_type: str,
                          skip: set[int]) -> Entity | None:
    """An actor behind a recipient preposition of the anchors ("talks with Japan");
    failing that, the party of a thing behind one ("set fire to the offices of the party")."""
    objects = _recipient_preps(anchors, lexicon, event_type, skip)
    for obj in objects:
        # a pronoun only for a person ("charges against him"), as for a direct object
        if (is_actor_like(obj, lexicon) or obj.dep_ == "dative") and (
                obj.pos_ != "PRON" or obj.lower_ in PERSON_OBJECTS):
            return entity_for(obj)
    for obj in objects:
        # a thing's party, but not that of an occasion ("called for limits at X's meeting")
        party = _party_of(obj, lexicon) if obj.head.lower_ not in OCCASION_PREPS else None
        if party is None:  # "mobilized reservists for a war against Iraq"
            against = _prep_object(obj, {"against"})
            if against is not None and against.pos_ != "PRON" and is_actor_like(against, lexicon):
                party = entity_for(against)
        if party is not None:
            return party
    return None


def _complement_recipient(verb: Token, lexicon: Lexicon, depth: int = 0) -> Entity | None:
    """Whom the intended act is aimed at: the object, or a prepositional object, of the
    verb's to-infinitive ("threatened to break off relations with Congo")."""
    # the to-infinitive parsed as an adverbial clause too ("threatened on Monday to close"),
    # and on a noun as its clause ("its threat to expel the envoys")
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or (
        c.dep_ == "acl" and verb.pos_ == "NOUN" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    clauses += [c for c in infinitival_complements(verb) if c not in clauses]
    for clause in clauses:
        if clause.pos_ != "VERB":
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        # "demanded that Hamas renounce ...": Hamas; but "warned that its navy could ..." is
        # the speaker's own side, and whom it is aimed at is further on
        if clause.dep_ == "ccomp" and subject is not None and is_actor_like(subject, lexicon) and (
            subject.pos_ != "PRON" and not _is_own(subject)
        ):
            return entity_for(subject)
        obj = _direct_object(clause)
        intended = match_verb(clause, lexicon)
        # "promised to send police officers": what would be sent; "to withdraw its troops
        # from Lebanon": what it acts with
        theme = _is_own(obj) or intended is not None and _is_theme(intended.pattern, obj, lexicon)
        if obj is not None and not theme and is_actor_like(obj, lexicon) and obj.pos_ != "PRON":
            return entity_for(obj)
        found = _recipient_from_preps([clause, obj], lexicon, "", set())
        if found is None and not theme:  # "shelling Albanian rebel-held territory"
            found = _party_of(obj, lexicon)
        if found is None and depth < 1:
            found = _complement_recipient(clause, lexicon, depth + 1)
        if found is not None:
            return found
    return None


def _controller(verb: Token, lexicon: Lexicon) -> Entity | None:
    """The object of a verb of command whose to-infinitive is the event: "ordered the
    newspaper to suspend publication" is done to the newspaper."""
    obj = _direct_object(verb)
    if obj is not None and obj.pos_ != "PRON" and is_actor_like(obj, lexicon):
        return entity_for(obj)
    return None


def _pressure_source(verb: Token, lexicon: Lexicon) -> Entity | None:
    """Who pressed for what is refused or conceded: "declined to resign despite pressure by
    the commission", "bowed to pressure from truckers", "under pressure from the unions"."""
    pressures = lexicon.word_set("recipients.pressure_nouns")
    for clause in [verb] + [c for c in verb.children if c.dep_ == "xcomp"]:
        for prep in clause.children:
            pressure = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ != "prep" or pressure is None or not (
                    prep.lower_ == "despite" or lemma_of(pressure) in pressures):
                continue
            source = _prep_object(pressure, {"by", "from"})
            if _is_doer(source, lexicon):
                return entity_for(source)
            return _owner_of(pressure)
    return None


def _negotiating_party(verb: Token, lexicon: Lexicon) -> Entity | None:
    """The other side of the talks a concession came out of: "called off the strike after
    talks with the government"."""
    talks = _prep_object(verb, {"after", "following"})
    partner = _prep_object(talks, {"with"}) if talks is not None else None
    if partner is not None and partner.pos_ != "PRON" and is_actor_like(partner, lexicon):
        return entity_for(partner)
    return None


def _about_recipient(verb: Token, lexicon: Lexicon) -> Entity | None:
    """The party a reaction is about, which PLOVER codes rather than whom it is addressed
    to: "complained to the UN over Israeli air raids" is aimed at Israel."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ABOUT_PREPS:
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ != "PRON" and is_actor_like(obj, lexicon):
            return entity_for(obj)
        party = _party_of(obj, lexicon)
        if party is not None:
            return party
    return None


def condition_subject(verb: Token, lexicon: Lexicon) -> Entity | None:
    """Whom a threat is aimed at: the subject of its condition, on the verb or on what is
    threatened ("threatened to strike unless Israel rescinded ...", "warned that Moscow
    would respond if Finland hosted ...")."""
    marks = lexicon.word_set("recipients.condition_marks")
    clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    for clause in clauses:
        for child in clause.children:
            if child.dep_ != "advcl" or not any(
                    m.dep_ == "mark" and m.lower_ in marks for m in child.children):
                continue
            subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ != "PRON" and is_actor_like(subject, lexicon):
                return entity_for(subject)
    return None


# Verbs that pass a purpose on to their complement: "to help restore X", "to try to stop X".
HELPING = {"help", "try", "seek", "attempt", "aim"}


def _aim_recipient(token: Token, lexicon: Lexicon) -> Entity | None:
    """Whom an act is aimed at when it says so in a purpose clause or "in protest of":
    "began a hunger strike to protest President Assad's failure", "a general strike in
    protest of the arrest of ...", "marched against Sweden's decision"."""
    # the trigger, the verb a noun trigger is the object of ("staged a strike to ..."), the
    # object of a verb trigger ("began a hunger strike to ...")
    heads = [token] + ([token.head] if token.dep_ in ("dobj", "obj") else [])
    heads += [c for c in token.children if c.dep_ in ("dobj", "obj")]
    for head in heads:
        for child in head.children:
            target = None
            # a to-infinitive of purpose; on the verb of a noun trigger it is often parsed
            # as its complement ("conducted flyovers to deter North Korea"), on the noun as
            # a relative ("a hunger strike to protest ...")
            purpose = child.dep_ in ("advcl", "relcl") or (
                child.dep_ == "xcomp" and head is not token)
            if purpose and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
                clause = child
                for _ in range(2):  # "to help restore Ukraine's grid": through "help"
                    inner = next((c for c in clause.children if c.dep_ == "xcomp"), None)
                    if lemma_of(clause) not in HELPING or inner is None or _direct_object(clause):
                        break
                    clause = inner
                target = _direct_object(clause)
                if target is None:  # "to protest against X's decision"
                    target = _prep_object(clause, ABOUT_PREPS)
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
            party = _party_of(target, lexicon)
            if party is not None:
                return party
    return None


def verb_arguments(match: TriggerMatch, lexicon: Lexicon) -> tuple[Entity | None, Entity | None]:
    verb = match.token
    between = _prep_object(verb, {"between"}) if (verb.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)) or (
        is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children)) else None
    if between is not None and is_actor_like(between, lexicon):
        # "displaced by fighting between the army and rebels": the sides named are the
        # fighters, as for the noun ("clashes between police and gangs"); no one else's act;
        # so are they of a deal or talks told in the passive ("a truce was signed between
        # Sudan and the rebels", "talks were held between ...")
        return entity_for(between), None
    subject = subject_of(verb, lexicon)
    if match.pattern.converse:  # "received aid from X": X gives, the subject receives
        # the "from" on the verb, its object or, for a phrasal verb, its preposition's object
        # ("came under attack from rebels")
        told = _direct_object(verb) or next(
            (c for t in match.particle_tokens[-1:] for c in t.children if c.dep_ == "pobj"), None)
        giver = _prep_object(verb, {"from"}) or _prep_object(told or verb, {"from"})
        actor = entity_for(giver) if giver is not None and is_actor_like(giver, lexicon) else None
        recipient = (entity_for(subject) if subject is not None
                     and is_actor_like(subject, lexicon) else None)
        return actor, recipient
    actor = entity_for(subject) if subject is not None and is_actor_like(subject, lexicon) else None
    if actor is None and subject is None and is_passive(verb):
        actor = _operation_doer(verb, lexicon)
    if actor is None and subject is None and is_passive(verb) and (
            match.pattern.type in lexicon.word_set("actors.fired_from_types")):
        # "rockets were fired from Gaza at southern Israel": from where the doers are
        actor = _fired_from(verb)
    if actor is None and subject is None and verb.tag_ == "VBG":
        actor = _course_doer(verb, lexicon)  # "launched a campaign of seizing land"
    if actor is None and subject is not None:
        actor = _doer_of_act(subject, lexicon)
    return actor, _verb_recipient(match, lexicon)


def _doer_of_act(noun: Token, lexicon: Lexicon) -> Entity | None:
    """Whoever did the act a subject names: "the army's shelling of the town killed six",
    "the bombing, claimed by the Islamic State, killed twelve": what the act did, its doer
    did."""
    if noun.pos_ != "NOUN" or lemma_of(noun) not in lexicon.noun_patterns:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and is_actor_like(owner, lexicon):
        return entity_for(owner)
    agent = _agent_of(noun, lexicon)
    if agent is not None:
        return agent
    # a name or an actor's noun before it ("a Saudi-led coalition air strike killed ...")
    # (not a town: "the Kandahar bombing" was there)
    doer = next((c for c in noun.lefts if c.dep_ in ("compound", "nmod")
                 and not _names_the_place(c) and (
                     c.ent_type_ in ("GPE", "NORP", "ORG")
                     or lemma_of(c) in lexicon.word_set("actors.head_nouns"))), None)
    return (_led_party(doer) or entity_for(doer, with_conjuncts=False)) if doer else None


def _operation_doer(verb: Token, lexicon: Lexicon) -> Entity | None:
    """Who did a passive act told with no "by" but as done in an operation: the operation's
    doer ("was killed in a Kenyan air strike", "were detained in a police raid")."""
    operations = lexicon.word_set("actors.operation_nouns")
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or lemma_of(noun) not in operations:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and is_actor_like(owner, lexicon):
            return entity_for(owner)
        by = _prep_object(noun, {"by"})
        if by is not None and is_actor_like(by, lexicon):
            return entity_for(by)
        # a name or an actor's noun among the words before it ("a US counter-terrorism
        # operation", "a police raid"); not the adjective of kind ("a military operation")
        modifiers = [t for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")
                     for t in c.subtree]
        doer = next((t for t in modifiers if t.ent_type_ in ("GPE", "NORP", "ORG") or (
            lemma_of(t) in lexicon.word_set("actors.head_nouns") and t.pos_ != "ADJ")), None)
        if doer is not None:
            return entity_for(doer, with_conjuncts=False)
    return None


def _passive_gerund_subject(verb: Token) -> Token | None:
    """What a passive gerund after a preposition is done to: the subject of the clause it
    hangs on ("a man stabbed two people *before being shot dead* by police": the man)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or not is_passive(verb):
        return None
    clause = prep.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i == prep.i:
        return None
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _verb_recipient(match: TriggerMatch, lexicon: Lexicon) -> Entity | None:
    """Whom a verb trigger is done to: the first of these readings that finds someone."""
    verb, event_type = match.token, match.pattern.type

    def typed(name: str) -> bool:  # the event type is in a list of arguments.toml
        return event_type in lexicon.word_set(f"recipients.{name}")

    obj = verb_object(verb, match.particle_tokens)
    if obj is None and not match.particle_tokens:
        obj = _shared_object(verb)  # "arrested and deported two journalists"
    if obj is None:
        obj = _passive_gerund_subject(verb)  # "stabbed two people before being shot dead"
    if obj is None and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")
                               for c in verb.children):
        obj = described_noun(verb)  # "three journalists, arrested last week, ...": them
    if obj is not None and any(c.dep_ == "det" and c.lower_ == "what" for c in obj.children):
        # "criticised what a Chinese diplomat called pressure", read as "what diplomat": the
        # object is a free relative clause, what was so called, not its speaker
        obj = None
    theme = _is_theme(match.pattern, _counted(obj, lexicon), lexicon)
    # a pronoun object only for a person ("arrested him": the person named last); "it" and
    # "them" would be read as the last actor, often the doer itself
    direct = obj if (obj is not None and not theme and is_actor_like(obj, lexicon)
                     and (obj.pos_ != "PRON" or obj.lower_ in PERSON_OBJECTS)) else None
    intent = event_type in lexicon.word_set("modality.intent_types") or bool(match.pattern.xcomp)
    commanded = verb.dep_ == "xcomp" and lemma_of(verb.head) in lexicon.word_set(
        "recipients.command_verbs")
    verbs_of = lemma_of(verb) in lexicon.word_set("recipients.of_complement_verbs")
    readings = (
        # whom a verb of barring keeps out ("barred the envoy from the country")
        lambda: _undergoer(verb, lexicon) if match.particle_tokens and lemma_of(
            verb) in lexicon.word_set("recipients.barring_verbs") else None,
        # whom one asks, presses or sues for something ("asked Japan for patrol boats"):
        # the verb's own object; what "for" names is the thing wanted
        lambda: _undergoer(verb, lexicon) if match.particle_tokens and (
            match.particle_tokens[-1].lower_ == "for") else None,
        # the object, unless the actor's own ("withdrew its troops from Lebanon")
        lambda: entity_for(direct, verbs_of=verbs_of)
        if direct is not None and (not _is_own(direct) or _another_party(direct, lexicon))
        else None,
        # "sentenced the editor to prison", "was put in jail": the particle's object is what
        # the pattern names (the term, the place); the act is done to the verb's own object
        # likewise whom one asks for something ("asked its allies for air defence"), but not
        # what a deployment moves ("flew two bombers over the sea")
        lambda: _undergoer(verb, lexicon) if match.particle_tokens and (
            theme and typed("patient_object_types") and not _is_own(verb_object(verb))
            or not theme and not _place_only_preps(event_type, lexicon)) else None,
        # a threat: whoever must meet its condition ("... unless Israel rescinds ...")
        lambda: condition_subject(verb, lexicon) if typed("condition_types") else None,
        # a reaction: what it is about ("complained to the UN over Israeli raids")
        lambda: _about_recipient(verb, lexicon) if typed("event_reference_types") else None,
        # a reaction to an act: its doer, not whom the act was on ("condemned the army's
        # crackdown on protesters"); not the object the pattern itself names, which is this
        # act ("offered his condolences to X": the condolences are the king's own)
        lambda: _doer_of_act(obj, lexicon)
        if obj is not None and typed("event_reference_types")
        and lemma_of(obj) not in match.pattern.objects else None,
        # a recipient preposition, the object's too ("called for a halt to the deployment")
        lambda: _recipient_from_preps([verb, obj], lexicon, event_type,
                                      _destinations(obj, lexicon)),
        # "arrested its critics"
        lambda: entity_for(direct, verbs_of=verbs_of) if direct is not None else None,
        # whose the object is, or who made it ("demolished homes owned by X")
        lambda: _party_of(obj, lexicon) if not theme else None,
        lambda: _particle_object(match, lexicon),
        # the intended act's ("threatened to ban X", "prepared to resume shelling X")
        lambda: _complement_recipient(verb, lexicon) if intent else None,
        # "ordered the paper to suspend publication": the paper
        lambda: _controller(verb.head, lexicon) if commanded else None,
        # "refused to resign despite calls by X", "ended the strike after talks with X"
        lambda: _pressure_source(verb, lexicon) if typed("pressure_types") else None,
        lambda: _negotiating_party(verb, lexicon) if typed("negotiated_types") else None,
        # the purpose ("opened fire to disperse protesters")
        lambda: _aim_recipient(verb, lexicon) if typed("aim_types") else None,
        # whoever did or owns what the act is about ("rejected proposed Israeli changes",
        # "investigated crimes by the guards")
        lambda: (_party_of(obj, lexicon) or _party_of(
            _prep_object(verb, ABOUT_PREPS | {"to"}), lexicon))
        if typed("object_party_types") else None,
        # an earlier event standing for its doer ("slammed the exercise")
        lambda: event_reference(obj, lexicon)
        if obj is not None and typed("event_reference_types") else None,
    )
    return next((found for found in (reading() for reading in readings) if found is not None),
                None)


def _shared_object(verb: Token, depth: int = 0) -> Token | None:
    """The object of the verb joined right after this one, when only the conjunction stands
    between them: both take it ("arrested and deported two journalists", "condemned and
    rejected the plan"); along a series, the last verb's ("arrested, tried and jailed the
    editor")."""
    if is_passive(verb):
        return None
    joined = next((c for c in verb.children if c.pos_ == "VERB" and (
        c.dep_ == "conj" or in_verb_series(c))), None)
    if joined is None or is_passive(joined) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in joined.children) or not all(
            t.dep_ == "cc" or t.text == "," for t in verb.doc[verb.i + 1:joined.i]):
        return None  # not "police arrested and soldiers beat them": each its own
    obj = next((c for c in joined.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None and depth < 3:
        return _shared_object(joined, depth + 1)
    return obj


def _destinations(noun: Token | None, lexicon: Lexicon) -> set[int]:
    """The "to"/"into" phrases of a noun of entry, which name where, not whom ("denied
    entry to the United States", "access to the port"), and the ends of a way ("the road
    into Kabul")."""
    if noun is None:
        return set()
    entry = lemma_of(noun) in lexicon.word_set("recipients.entry_nouns")
    preps = [*noun.children, *noun.head.children] if noun.head.i != noun.i else [*noun.children]
    return {c.i for c in preps if c.dep_ == "prep" and (
        entry and c.head.i == noun.i and c.lower_ in ("to", "into") or is_end_of_way(c, lexicon))}


WAY_ENDS = ("to", "into", "toward", "towards", "from")


def is_end_of_way(prep: Token, lexicon: Lexicon) -> bool:
    """Whether a preposition tells where a way leads or starts ("the road *into Bogota*",
    "the highway *from the port*"), also when parsed onto the verb whose object the way is
    ("blocked the road into Bogota"): a place, no party."""
    if prep.dep_ != "prep" or prep.lower_ not in WAY_ENDS:
        return False
    way = prep.head
    if way.pos_ in ("VERB", "AUX"):
        way = next((c for c in way.children if c.dep_ == "dobj"
                    and c.right_edge.i == prep.i - 1), None)
    return way is not None and lemma_of(way) in lexicon.word_set("recipients.route_nouns")


def _undergoer(verb: Token, lexicon: Lexicon) -> Entity | None:
    """The verb's own object, or its subject when passive, if someone (a pronoun only for a
    person, the one named last: "sentenced him to five years")."""
    obj = verb_object(verb)
    if obj is None or (obj.pos_ == "PRON" and obj.lower_ not in PERSON_OBJECTS) or (
            not is_actor_like(obj, lexicon)):
        return None
    return entity_for(obj)


def _particle_object(match: TriggerMatch, lexicon: Lexicon) -> Entity | None:
    """The object of a phrasal verb's last particle ("cracked down on the opposition")."""
    if not match.particle_tokens:
        return None
    target = next((c for c in match.particle_tokens[-1].children if c.dep_ == "pobj"), None)
    if target is not None and is_actor_like(target, lexicon) and target.pos_ != "PRON":
        return entity_for(target)
    return None


OWNER_LABELS = {"GPE", "NORP", "PERSON", "ORG"}
OWNER_DEPS = ("poss", "compound", "amod", "nmod")


def _owners(noun: Token | None) -> list[Token]:
    if noun is None:
        return []
    owners = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.ent_type_ in OWNER_LABELS]
    for modifier in noun.children:
        # "Russian-held villages", "US-led coalition", "Estonian government websites"
        if modifier.dep_ == "amod" and modifier.tag_ == "VBN" or modifier.dep_ == "compound":
            owners += [c for c in modifier.children if c.dep_ in OWNER_DEPS + ("npadvmod",)
                       and c.ent_type_ in OWNER_LABELS]
    return owners


def _is_theme(pattern: Pattern, obj: Token | None, lexicon: Lexicon) -> bool:
    """Whether a verb's object is what the act is done with, not to: an object the pattern
    asks for ("flew two bombers"), unless it is somebody's ("expelled two Russian
    diplomats"); anything a deployment moves ("sent two bombers", "deployed police")."""
    if pattern.mode in lexicon.word_set("recipients.theme_object_modes"):
        return True
    return (bool(pattern.objects) and not _has_owner(obj) and not (
        # "dispersed the protesters": people an act is done to are its recipients
        obj is not None and obj.pos_ == "NOUN" and (
            pattern.type in lexicon.word_set("recipients.patient_object_types")
            or pattern.mode in lexicon.word_set("recipients.patient_object_modes"))
        and is_actor_like(obj, lexicon))
            or bool(_place_only_preps(pattern.type, lexicon)))


def _place_only_preps(event_type: str, lexicon: Lexicon) -> frozenset[str]:
    """The prepositions that lead only to a place for this type, never to a recipient
    (`[place_only_prepositions]` in arguments.toml): where forces go is not whom they act on."""
    return lexicon.word_set(f"place_only_prepositions.{event_type}")


def _counted(noun: Token | None, lexicon: Lexicon) -> Token | None:
    """What a counting noun counts: "dozens of Estonian websites" -> websites."""
    while noun is not None and lemma_of(noun) in lexicon.word_set("actors.quantity_nouns"):
        inner = noun_object(noun)
        if inner is None:
            break
        noun = inner
    return noun


def _is_own(noun: Token | None) -> bool:
    """A thing the actor refers to as its own: "its troops", "their ambassador"."""
    return noun is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def _another_party(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun the actor calls its own names another party: "hosted his Kenyan
    counterpart", "met its allies" (arguments.toml [actors] counterpart_nouns,
    relational_nouns)."""
    return lemma_of(noun) in (lexicon.word_set("actors.counterpart_nouns")
                              | lexicon.word_set("actors.relational_nouns"))


def _has_owner(noun: Token | None) -> bool:
    return bool(_owners(noun))


def _owner_of(noun: Token | None) -> Entity | None:
    """The party a thing belongs to: "Sweden's decision", "Israeli changes", "US-led war"."""
    owners = _owners(noun)
    return entity_for(owners[0], with_conjuncts=False) if owners else None


# Prepositions that say what an act is about ("complained over", "protest against").
ABOUT_PREPS = {"against", "over", "about"}


def _is_doer(token: Token | None, lexicon: Lexicon) -> bool:
    """Whether the object of an agent "by" (or "pressure from") names someone: an actor
    phrase, or a proper name the tagger did not label ("by the Anti-Graft Commission")."""
    return token is not None and token.pos_ != "PRON" and (
        token.pos_ == "PROPN" and token.ent_type_ in ("", *OWNER_LABELS)  # not "by Friday"
        or is_actor_like(token, lexicon))


def _named_head(token: Token | None) -> Token | None:
    """The name an adjective stands before when the parser took the adjective for the head
    and the name for its apposition ("by the paramilitary Rapid Support Forces")."""
    if token is not None and token.pos_ == "ADJ":
        return next((c for c in token.children if c.dep_ == "appos"), token)
    return token


def _agent_of(noun: Token, lexicon: Lexicon) -> Entity | None:
    """Who did a thing: "a ban by the general", "property seized by government forces"."""
    for child in noun.children:
        agent = None
        if child.dep_ == "prep" and child.lower_ == "by":
            agent = child
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
        doer = _named_head(next((c for c in agent.children if c.dep_ == "pobj"), None)
                           if agent else None)
        if _is_doer(doer, lexicon):
            return entity_for(doer)
    return None


def _party_of(noun: Token | None, lexicon: Lexicon, depth: int = 0) -> Entity | None:
    """The party a thing stands for: who did it ("violations by the security forces"),
    whose it is ("Sweden's decision"), or the named party in its "of" phrase ("the offices
    of the Palestinian administrators", "the return of property seized by the army")."""
    if noun is None or noun.pos_ == "PRON":
        return None
    party = _agent_of(noun, lexicon) or _owner_of(noun) or _possessor(noun, lexicon)
    if party is not None or depth > 0:
        return party
    inner = _prep_object(noun, {"of"})
    if inner is None:
        return None
    if inner.pos_ != "PRON" and (inner.ent_type_ in OWNER_LABELS or _has_owner(inner)):
        return entity_for(inner)
    return _party_of(inner, lexicon, depth + 1)


def _possessor(noun: Token, lexicon: Lexicon) -> Entity | None:
    """A party named in the possessive with no name of its own: "the Chinese coast guard's
    incursion", "the government's handling of the crisis"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON" or not is_actor_like(owner, lexicon):
        return None
    return entity_for(owner, with_conjuncts=False)


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


def carries(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb is used as a light verb, carrying its object noun's event ("called a
    strike"), not naming or judging it ("called the stabbing an act of barbarity",
    "described the raid as illegal")."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in lexicon.light_verbs:
        return False
    if lemma_of(verb) not in lexicon.word_set("stance.naming_verbs"):
        return True
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or (
        c.dep_ == "prep" and c.lower_ == "as") or (
        c.dep_ == "advmod" and obj is not None and c.i > obj.i)  # "called it cowardly"
        for c in verb.children)


def _done_to_others(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb is an act done to someone (an arrest, an attack, a sanction)."""
    match = match_verb(verb, lexicon)
    return match is not None and match.pattern.type in lexicon.word_set(
        "recipients.patient_object_types")


def _topic_of_object(prep: Token, lexicon: Lexicon) -> bool:
    """Whether a preposition on a verb gives the topic of the verb's own object: "issued a
    statement *on* the release" (the release is not the issuer's act)."""
    return prep.lower_ in lexicon.word_set("recipients.topic_prepositions") and any(
        c.dep_ in ("dobj", "obj") for c in prep.head.children)


def _light_verb_subject(noun: Token, lexicon: Lexicon) -> Entity | None:
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and carries(head, lexicon):
        subject = subject_of(head, lexicon)
        if subject is not None and is_actor_like(subject, lexicon) and subject.pos_ != "PRON":
            return entity_for(subject)
    return None


def possessed_patient(noun: Token, lexicon: Lexicon) -> Token | None:
    """The possessive of a noun of an act done to someone, when it names whom the act is
    done to: "his arrest", "the journalist's murder"; not "Israel's release of prisoners"
    (with an "of" phrase the possessive is the doer)."""
    if lemma_of(noun) not in lexicon.word_set("actors.patient_possessive_nouns") or (
            noun_object(noun) is not None):
        return None
    # not a time ("last month's deportations", "Tuesday's arrests")
    return next((c for c in noun.children if c.dep_ == "poss"
                 and c.ent_type_ not in ("DATE", "TIME")), None)


def _names_the_place(modifier: Token) -> bool:
    """Whether a place name before an act's noun says where the act was or whom it hit, not
    who did it: "the Kabul attack", "the Ukraine invasion". English names a doer so by its
    adjective ("a Russian attack") or an initialism ("a US strike"), which are kept."""
    return modifier.dep_ == "compound" and modifier.ent_type_ in ("GPE", "LOC") and not (
        modifier.text.isupper())


def _hyphened_object(modifier: Token, noun: Token) -> bool:
    """A noun joined by a hyphen to the act's own noun is what the act is done to, as in
    English compounds of a noun and a gerund: "hostage-taking", "vote-rigging"."""
    return modifier.i + 2 == noun.i and modifier.nbor().tag_ == "HYPH"


def _adjacent_agent(noun: Token, lexicon: Lexicon) -> Entity | None:
    """Who did an act named in a prepositional phrase, when the "by" phrase right after it
    was hung on the verb instead: "lost their lives in the hijacking by armed militants"
    (no one loses lives by militants)."""
    if noun.dep_ != "pobj" or noun.head.head.pos_ != "VERB" or is_passive(noun.head.head):
        return None
    after = noun.right_edge.i + 1
    agent = next((c for c in noun.head.head.children
                  if c.i == after and c.dep_ == "prep" and c.lower_ == "by"), None)
    doer = _named_head(next((c for c in agent.children if c.dep_ == "pobj"), None)
                       if agent is not None else None)
    return entity_for(doer) if _is_doer(doer, lexicon) else None


def _agent_on_theme(theme: Token | None, lexicon: Lexicon) -> Entity | None:
    """Who did an act named by a noun, when its "by" phrase was hung on the noun's "of"
    object instead: "the arrest of the opposition leader by police" (the leader is not by
    anyone). A "by" under a participle of the object ("a man wanted by police") is the
    participle's and is not read here."""
    if theme is None:
        return None
    agent = next((c for c in theme.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    doer = _named_head(next((c for c in agent.children if c.dep_ == "pobj"), None)
                       if agent is not None else None)
    return entity_for(doer) if _is_doer(doer, lexicon) else None


def _source_of_reaction(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who a reaction "comes from": "condemnation came from the UN", "expressions of
    condolence have come from X and Y", "tributes poured in from leaders"."""
    token = noun
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        token = token.head.head  # "expressions of condolence"
    verb = token.head
    if token.dep_ != "nsubj" or lemma_of(verb) not in lexicon.word_set("actors.reaction_verbs"):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is not None and is_actor_like(source, lexicon):
            return source
    return None


def _reaction_received(noun: Token, event_type: str, lexicon: Lexicon
                       ) -> tuple[Token, Token | None] | None:
    """The source and the target of a verbal act named by a noun that its target draws,
    meets with or receives (`actors.reception_verbs`): "the plan drew condemnation *from the
    UN*", "met with sharp criticism *from Beijing*" (the "from" on the noun or on the verb);
    the target is the verb's subject."""
    if not lexicon.is_verbal(event_type):
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "with" and verb.dep_ == "prep":
        verb = verb.head  # "met with criticism"
    elif noun.dep_ not in ("dobj", "obj"):
        return None
    if verb.pos_ != "VERB" or lemma_of(verb) not in lexicon.word_set("actors.reception_verbs"):
        return None
    source = _prep_object(noun, {"from"}) or _prep_object(verb, {"from"})
    if source is None or not is_actor_like(source, lexicon):
        return None
    return source, subject_of(verb, lexicon)


def names_a_doer(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the text gives the act a doer of its own, coded or not: a subject, the one a
    verb shares with the verb it is joined to ("the comments termed her ...", "condemned
    and rejected"), a passive verb's unnamed agent ("was accused"), a noun's owner or its
    "by" or "from" phrase, the subject of the verb a noun is the object of ("traded
    accusations"). Not a subject that names no one ("not everyone agreed"), a bare noun
    ("allegations surfaced ..."), or a participle or infinitive tied to no subject
    ("..., urging restraint": a detail of the act it hangs on)."""
    if trigger.pos_ in ("VERB", "AUX"):
        if is_passive(trigger) or is_linked_participle(trigger):
            return True
        subject = subject_of(trigger, lexicon)
        return subject is not None and not names_no_one(subject, lexicon)
    if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("by", "from", "between")
           for c in trigger.children) or _source_of_reaction(trigger, lexicon) is not None:
        return True
    if trigger.dep_ in ("dobj", "obj", "attr") and trigger.head.pos_ in ("VERB", "AUX"):
        subject = subject_of(trigger.head, lexicon)
        return subject is not None and not names_no_one(subject, lexicon)
    return False


def _course_doer(gerund: Token, lexicon: Lexicon) -> Entity | None:
    """Who follows a course of acts named by a noun with an "of" -ing clause (`actors.
    course_nouns`): the subject of the verb of taking it up (`actors.course_verbs`) the noun
    is the object of ("the junta began *a policy of arresting* journalists")."""
    of = gerund.head
    if gerund.dep_ != "pcomp" or of.lower_ != "of":
        return None
    noun = of.head
    if lemma_of(noun) not in lexicon.word_set("actors.course_nouns") or noun.dep_ not in (
            "dobj", "obj") or noun.head.pos_ != "VERB" or is_passive(noun.head) or (
            lemma_of(noun.head) not in lexicon.word_set("actors.course_verbs")):
        return None  # not "condemned the policy of arresting journalists"
    subject = subject_of(noun.head, lexicon)
    return entity_for(subject) if subject is not None and is_actor_like(subject, lexicon) else None


def _fired_from(verb: Token) -> Entity | None:
    """The country or place named as where a passive attack came from ("were fired *from
    Gaza*", "was launched from Yemeni territory")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ORIGIN_PREPS:
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if place is not None and (place.ent_type_ in ("GPE", "LOC") or any(
                    c.ent_type_ in ("GPE", "NORP") for c in place.subtree)):
                return entity_for(place)
    return None


def _copula_subject(adjective: Token) -> Token | None:
    """The subject of the copula an adjective completes ("*they* were ready")."""
    verb = adjective.head
    if adjective.dep_ not in ("acomp", "amod", "oprd") or verb.i == adjective.i:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _led_party(modifier: Token) -> Entity | None:
    """A modifier noun with the leader hyphened before it, which the parser hangs on the
    head noun ("a *Saudi-led* coalition air strike"): the party is the whole "Saudi-led
    coalition", whose leader names it."""
    led = modifier.doc[modifier.i - 1] if modifier.i > 0 else None
    if led is None or led.dep_ != "amod" or led.head.i != modifier.head.i or (
            lemma_of(led) != "lead") or not any(
            c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP") for c in led.children):
        return None
    span = modifier.doc[led.left_edge.i : modifier.i + 1]
    return Entity(text=span.text, start=span.start_char, end=span.end_char)


def _user_of_means(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb a noun of means is used by: the one it, or the first of the nouns it is
    joined to, is the object of ("used *tear gas* and *water cannon*": `actors.means_verbs`)
    or the "with" of ("dispersed the crowd *with tear gas*"), in the active voice."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    elif noun.dep_ not in ("dobj", "obj") or lemma_of(head) not in lexicon.word_set(
            "actors.means_verbs"):
        return None
    if head.pos_ != "VERB" or head.tag_ == "VBN" or is_passive(head):
        return None
    return head


def _said_from(noun: Token, event_type: str, lexicon: Lexicon) -> Token | None:
    """Who a verbal act named by a noun comes from: "criticism *from the UN*", "a request
    from Kenya", "support from its allies" (a material act's "from" is where it moves
    away from: "withdrawal from Syria")."""
    if not lexicon.is_verbal(event_type):
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"):
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is not None and is_actor_like(source, lexicon):
            return source
    return None


def noun_arguments(match: TriggerMatch, lexicon: Lexicon) -> tuple[Entity | None, Entity | None]:
    noun = match.token
    event_type = match.pattern.type
    actor = recipient = between = None
    theme = noun_object(noun)
    patient = possessed_patient(noun, lexicon)
    for child in noun.children:
        if child.dep_ == "poss" and patient is None and is_actor_like(child, lexicon):
            actor = entity_for(child)
            doer = _light_verb_subject(noun, lexicon) if child.pos_ == "PRON" else None
            if doer is not None:  # "Israel mounted its invasion": Israel, not "its"
                actor = doer
        elif child.dep_ == "prep" and child.lower_ == "by":
            obj = _named_head(next((c for c in child.children if c.dep_ == "pobj"), None))
            if obj is not None and is_actor_like(obj, lexicon):
                actor = entity_for(obj)
        elif child.dep_ == "prep" and child.lower_ == "between":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and actor is not None:
                # "Qatar's mediation between Israel and Hamas": Qatar goes between them
                between = entity_for(obj)
            elif obj is not None:
                actor = entity_for(obj)
                # "launched a mediation effort between Colombia and the rebels": the one who
                # carries it out between the two, who are whom it is done with
                go_between = _light_verb_subject(noun, lexicon)
                if go_between is not None and not (
                        actor.start <= go_between.start < (actor.end or 0)):
                    actor, between = go_between, actor
    received = _reaction_received(noun, event_type, lexicon) if actor is None else None
    if received is not None:  # "drew condemnation from the UN": the UN's, not the drawer's
        actor = entity_for(received[0])
    giver = None
    if actor is None and event_type in lexicon.word_set("actors.from_giver_types"):
        giver = _prep_object(noun, {"from"})  # "aid from Japan"
        if giver is not None and is_actor_like(giver, lexicon):
            actor = entity_for(giver)
        else:
            giver = None
    if actor is None:
        modifiers = set(match.pattern.modifiers)
        for child in noun.children:
            if (child.dep_ in ("compound", "amod", "nmod") and lemma_of(child) not in modifiers
                    and not _hyphened_object(child, noun)
                    and not _names_the_place(child)
                    and (child.ent_type_ in ("GPE", "NORP", "ORG")
                         or (lemma_of(child) in lexicon.word_set("actors.head_nouns")
                             and child.pos_ != "ADJ"))):
                # "a US deployment", "the police raid", "rebel attacks"; not the adjective
                # of "military exercises", which says what kind, not whose
                actor = _led_party(child) or entity_for(child, with_conjuncts=False)
                break
    position = noun  # "issued a series of warnings": the series stands where the noun would
    while (position.dep_ == "pobj" and position.head.lower_ == "of"
           and lemma_of(position.head.head) in lexicon.word_set("actors.quantity_nouns")):
        position = position.head.head
    head = position.head
    if actor is None and position.dep_ in ("dobj", "obj", "nsubjpass", "attr") and (
        carries(head, lexicon)
    ):  # "conducted drills", "held talks", "imposed sanctions"
        subject = subject_of(head, lexicon)
        if subject is not None and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
    if actor is None and position.dep_ == "pobj" and head.head.pos_ == "VERB" and (
        lemma_of(head.head) in lexicon.light_verbs and head.lower_ not in lexicon.word_set(
            "recipients.background_prepositions")
        and not _topic_of_object(head, lexicon)
        or head.lower_ in MEETING_PREPS and lemma_of(noun) in lexicon.word_set("places.venue_words")
    ) and not _done_to_others(head.head, lexicon):
        # "engaged in talks", "arrived for talks", "at the meeting, the chiefs reaffirmed";
        # not who did something to the others there ("police detained activists at a
        # meeting", "arrested 20 people at a protest"): no participant; nor the act that
        # another was over or after ("a trial opened over the bombing": not the trial's)
        subject = subject_of(head.head, lexicon)
        if subject is not None and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
    if actor is None and position.dep_ == "pobj" and head.lower_ == "with" and (
            head.dep_ == "prep" and head.head.pos_ == "VERB" and not is_passive(head.head)
            and not any(c.dep_ == "det" for c in noun.children if c.lower_ in ("the", "this"))
            and not any(c.pos_ == "VERB" for c in noun.children)
            and match_verb(head.head, lexicon) is None):
        # "Canada boosted its support with a contribution of $20 million", "the rebels
        # retaliated with shelling": the verb's doer acts by it; not "was hit with
        # airstrikes" (the target), nor an act told before ("fled with the fighting"), nor
        # what an act of its own charges or meets its object with ("charged the students
        # with assault"), nor a clause of its own that the parser read as a noun with a
        # participle ("are suffering, with many facing threats": those who face them)
        subject = subject_of(head.head, lexicon)
        if subject is not None and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
    if actor is None and position.dep_ == "attr" and lemma_of(head) in COPULAS:
        # "Japan is the biggest donor to Cambodia", "Norway remains a major donor": the
        # subject is what the noun calls it, the doer; not a pronoun ("it was an attack on
        # us": the act, not a party)
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ != "PRON" and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
    if actor is None and position.dep_ == "pobj" and head.head.pos_ == "ADJ" and (
            lemma_of(head.head) in lexicon.word_set("actors.readiness_adjectives")):
        # "said they were ready for talks", "is open to dialogue": whoever is ready
        subject = _copula_subject(head.head)
        if subject is not None and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
    used_on = None
    if actor is None and match.pattern.mode in lexicon.word_set("actors.means_modes"):
        # "police used tear gas", "dispersed them with tear gas"
        user = _user_of_means(noun, lexicon)
        subject = subject_of(user, lexicon) if user is not None else None
        if subject is not None and is_actor_like(subject, lexicon):
            actor = entity_for(subject)
            if noun.dep_ == "pobj":  # "dispersed the students with tear gas": them
                used_on = _direct_object(user)
    if actor is None:  # "the Houthis claimed responsibility for the attack"
        claim = responsibility_claim(noun, lexicon)
        claimer = subject_of(claim, lexicon) if claim is not None else None
        negation = lexicon.word_set("modality.negation_words")
        if claimer is not None and is_actor_like(claimer, lexicon) and not any(
                c.lower_ in negation for c in (*claim.children, *claimer.children)
                if c.dep_ in ("neg", "det")):  # not "no group has claimed ..."
            actor = entity_for(claimer)
    if actor is None:  # "died in the hijacking by militants", "by" misread as the verb's
        actor = _adjacent_agent(noun, lexicon)
    if actor is None:  # "the arrest of the editor by police", "by" misread as the editor's
        actor = _agent_on_theme(theme, lexicon)
    if actor is None:  # "condemnation came from the UN", "expressions of sympathy came from X"
        source = _source_of_reaction(noun, lexicon)
        if source is not None:
            actor = entity_for(source)
    said_from = _said_from(noun, event_type, lexicon)
    if actor is None and said_from is not None:  # "faced criticism from the UN"
        actor = entity_for(said_from)
    if actor is None and theme is not None and lemma_of(theme) not in lexicon.word_set(
            "senses.attacked_places"):
        # "the deployment of three US carrier groups" moves US forces; "the bombing of a
        # French base" is done to the French
        owner = next((t for t in phrase_tokens(theme, with_conjuncts=False)
                      if t.ent_type_ in ("GPE", "NORP") and t.i != theme.i), None)
        if owner is not None:
            actor = entity_for(owner, with_conjuncts=False)
    skip = {c.i for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "between")}
    if giver is not None:
        skip.add(giver.head.i)
    if said_from is not None:
        skip.add(said_from.head.i)
    if received is not None:
        skip.add(received[0].head.i)
        target = received[1]
        if target is not None and is_actor_like(target, lexicon):
            recipient = entity_for(target)  # "the plan drew condemnation": the plan's
    if theme is not None and (match.pattern.objects or _place_only_preps(event_type, lexicon)):
        skip |= {c.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"}
    anchors = [noun]
    if position.dep_ in ("dobj", "obj") and carries(head, lexicon):
        # "unsealed charges against him": the parser may hang the noun's preposition on the
        # verb that carries it
        anchors.append(head)
    recipient = recipient or _recipient_from_preps(anchors, lexicon, event_type, skip) or (
        entity_for(patient) if patient is not None else None)
    if recipient is None and event_type in lexicon.word_set("recipients.aim_types"):
        recipient = _aim_recipient(noun, lexicon)  # "staged a hunger strike to protest X"
    if recipient is None and match.pattern.xcomp:  # "its threat to attack US bases"
        recipient = _complement_recipient(noun, lexicon)
    recipient = recipient or between or (entity_for(used_on) if used_on is not None else None)
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
    if obj is not None:  # "blew up power lines leading into Kabul": where the object is
        anchors += [obj] + [c for c in obj.children if c.dep_ == "acl"]
    if match.pattern.pos == "NOUN" and match.token.head.pos_ == "VERB":
        anchors.append(match.token.head)
    acts = [match.token] if match.pattern.pos == "NOUN" else []
    if match.pattern.pos == "VERB":  # "a drone strike in Somalia killed ...": the act's place
        acts = [c for c in match.token.children if c.dep_ in ("nsubj", "nsubjpass")
                and c.pos_ == "NOUN" and lemma_of(c) in lexicon.noun_patterns]
        if match.token.dep_ == "relcl" and lemma_of(match.token.head) in lexicon.noun_patterns:
            acts.append(match.token.head)  # "the Mosul attack, which wounded 30 people"
        anchors += acts
    # "the Kabul attack", "the Kabul attack killed ...": the place named before the act
    named_before = [c for act in acts for c in act.children if _names_the_place(c)]
    if match.pattern.type in lexicon.word_set("modality.intent_types"):
        # "threatened to impose a curfew in Algiers": the place of the intended act
        for clause in infinitival_complements(match.token):
            anchors.append(clause)
            anchors += [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    found: list[tuple[bool, int, Token]] = []
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ not in ("prep", "dative") or prep.lower_ not in preps:  # "sent X to Y"
                continue
            place = _place_object(prep, preps, lexicon)
            if place is not None:
                found.append((prep.lower_ in ORIGIN_PREPS, len(found), place))
    for modifier in named_before:  # after the clause's own places
        found.append((False, len(found), modifier))
    frame = _fronted_place(match, preps, lexicon)
    if frame is not None:  # after the clause's own places
        found.append((True, len(found), frame))
    out = []
    for _, _, place in sorted(found, key=lambda f: f[:2]):
        entity = entity_for(place, with_conjuncts=False)
        out.append(Location(text=entity.text, start=entity.start, end=entity.end))
    return out


def _fronted_place(match: TriggerMatch, preps: frozenset[str], lexicon: Lexicon) -> Token | None:
    """A place put before the first clause sets the scene for its conjoined clauses too:
    "In mainland China, the practice is legal, but last year an author was sentenced"."""
    clause = match.token.head if match.pattern.pos == "NOUN" else match.token
    if clause.dep_ != "conj":
        return None
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    for prep in clause.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i < clause.i:
            place = _place_object(prep, preps, lexicon)
            if place is not None:
                return place
    return None


def _place_object(prep: Token, preps: frozenset[str], lexicon: Lexicon,
                  depth: int = 0) -> Token | None:
    """The prepositional object if it looks like a name, else one level down
    ("in waters near the Korean Peninsula")."""
    labels = lexicon.word_set("places.entity_labels")
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ in ("DATE", "TIME"):
        return None  # "on Friday"
    if obj.ent_type_ == "PERSON" and sum(t.ent_type_ == "PERSON" for t in obj.subtree) > 1:
        # "urged Secretary of State Marco Rubio to ...": a person's full name, no place (a
        # lone name the tagger calls a person may be a town: "in Duluth")
        return None
    # a name, or a nationality that may make one ("the South Korean capital")
    if obj.ent_type_ in labels or any(t.pos_ == "PROPN" or t.ent_type_ == "NORP"
                                      for t in phrase_tokens(obj, with_conjuncts=False)):
        return obj
    inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in preps), None)
    if inner is None or depth >= 1:
        return None
    return _place_object(inner, preps, lexicon, depth + 1)
