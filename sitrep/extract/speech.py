"""Speech acts read off what a speaker says: the statement's stance makes it an event.

"'The governor shows nothing but contempt for the courts,' said Ortiz" names no trigger,
yet it is Ortiz's criticism of the governor: an ACCUSE by the speaker. The stance words
of `stance.toml` type a statement (see that file): a negative judgement of someone is ACCUSE,
praise, thanks or sympathy SUPPORT, what someone else must do REQUEST, a refusal or denial
REJECT, a warning of coercion to come ("will not be tolerated", "will punish those
responsible") THREATEN. Three kinds of statement are read:

- a reporting verb's content ("X said [that] ...", "'...,' X said"), or a quotation carried
  on from the last speaker;
- a naming verb's judgement: "called the stabbing an act of barbarity", "described the
  ruling as unjust" (the one named is the recipient);
- blame: "attributed the bombing to Houthi rebels", "held the government responsible".

A statement whose speaker already has a speech event in the sentence ("X condemned ...",
"X urged ...") gives no second one. The speech act's actor is the speaker; its recipient is
whom the judgement is about: the subject judged ("Trump treats ..."), the one named, blamed,
or prayed for and stood with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.extract.arguments import (condition_subject, entity_for, event_reference,
                                      is_actor_like)
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import lemma_of
from sitrep.records import Entity

SPEECH_TYPES = ("ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN")
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}


def _first_person(token: Token) -> bool:
    """"we", "us", "our": the speakers themselves; not "US", the country in capitals."""
    return token.lower_ in FIRST_PERSON and not (token.text.isupper() and len(token.text) > 1)
DEMONSTRATIVES = {"this", "that", "these", "those"}
CONTENT_DEPS = {"ccomp", "parataxis", "xcomp", "advcl", "conj", "dep"}
# Prepositions that name whom sympathy or solidarity is for ("pray for X", "with you").
SYMPATHY_PREPS = {"for", "with", "to"}


@dataclass
class SpeechAct:
    event_type: str
    trigger: Token  # the reporting or naming verb, or the statement's first stance word
    actor: Entity | None
    recipient: Entity | None


@dataclass
class _Stance:
    negative: list[Token]
    positive: list[Token]
    obligation: list[Token]
    denial: list[Token]
    threat: list[Token]

    def type(self) -> tuple[str, list[Token]] | None:
        if self.denial and not self.obligation:
            return "REJECT", self.denial
        if self.obligation:
            return "REQUEST", self.obligation
        if self.threat:
            return "THREATEN", self.threat
        if len(self.negative) > len(self.positive):
            return "ACCUSE", self.negative
        if self.positive and len(self.positive) > len(self.negative):
            return "SUPPORT", self.positive
        return None


def stance_of(tokens: list[Token], lexicon: Lexicon, *, speaker_words: set[int] = frozenset()
              ) -> _Stance:
    """The stance words among `tokens`, each not negated; obligations only where someone other
    than the speaker ("we must") is to act."""
    words = lexicon.word_set
    found = _Stance([], [], [], [], [])
    cues = lexicon.word_union("stance.negative", "stance.positive", "stance.obligation",
                              "stance.denial", "stance.threat", "stance.threat_denied")
    for token in tokens:
        lemma, lower = lemma_of(token), token.lower_
        if lemma not in cues and lower not in cues and not _phrase_at(token, cues):
            continue  # most words are no stance word: skip the parse checks
        if _threatens(token, lexicon, speaker_words):
            found.threat.append(token)
            continue
        if _negated(token):
            if lemma in words("stance.positive") and token.pos_ == "ADJ":
                found.negative.append(token)  # "not acceptable", "not legitimate"
            continue
        judging = _judges(token) and not _about_no_one(token, lexicon)
        if judging and _listed(token, words("stance.negative")):
            found.negative.append(token)
        elif judging and _listed(token, words("stance.positive")):
            found.positive.append(token)
        elif token.dep_ == "aux" and lower in words("stance.obligation") and (
                token.head.dep_ not in ("relcl", "acl")):
            # not in a clause that describes a noun ("the role companies should play")
            subject = _subject(token.head)
            if subject is not None and not _first_person(subject) and (
                    subject.i not in speaker_words) and subject.lower_ not in words(
                    "actors.generic_pronouns"):  # "one should not ...": asked of no one
                found.obligation.append(token)
        elif lemma in words("stance.denial") and token.pos_ in ("VERB", "ADJ", "PRON") and not (
                token.dep_ == "amod" and lemma_of(token.head) not in words(
                    "stance.denied_nouns")):
            found.denial.append(token)
    return found


# Where a word judges rather than names a topic: a predicate ("was a dictator", "is
# unacceptable"), a modifier ("an appalling attack"), an apposition, a complement of
# naming ("called it a maneuver"), or the object of a judging verb ("showed contempt").
JUDGING_DEPS = frozenset({"attr", "acomp", "amod", "oprd", "appos", "ROOT", "dobj",
                          "xcomp", "ccomp", "advmod", "npadvmod"})
# Nouns whose "of" phrase carries the judgement: "an act of barbarity".
JUDGEMENT_FRAMES = frozenset({"act", "sign", "example", "case", "form", "display", "show",
                              "symbol", "kind", "piece"})


# Words of sympathy that judge even as a subject.
SYMPATHY_SUBJECTS = frozenset({"prayer", "condolence", "sympathy", "solidarity", "heart",
                               "thought", "support", "gratitude", "thanks"})


def _judges(token: Token) -> bool:
    """Whether a stance word stands where it judges someone or something."""
    if token.pos_ in ("VERB", "AUX"):
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or (
            token.dep_ in ("xcomp", "ccomp", "conj", "ROOT"))
    if token.dep_ in JUDGING_DEPS:
        return True
    if token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in SYMPATHY_SUBJECTS:
        return True  # "our thoughts and prayers are with ...", "our condolences go to ..."
    if token.dep_ == "conj":
        return _judges(token.head) or token.lemma_.lower() in SYMPATHY_SUBJECTS
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        frame = token.head.head
        return frame.lemma_.lower() in JUDGEMENT_FRAMES and frame.dep_ in JUDGING_DEPS
    if token.dep_ == "pobj" and token.head.lower_ == "with":
        return token.head.head.pos_ == "VERB"  # "treats the law with contempt"
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        return token.head.head.pos_ == "VERB"  # "described the ruling as a betrayal"
    if token.dep_ == "pobj" and token.head.lower_ == "to":
        return token.head.head.lemma_.lower() == "amount"  # "may amount to war crimes"
    return False


def _about_no_one(token: Token, lexicon: Lexicon) -> bool:
    """A stance word that describes a force of nature, a disease, a market or a state of
    things ("the storm was dangerous", "a terrible flood", "the situation remained
    dangerous"), which no one did: no judgement of a party or an act (`senses.non_agents`,
    `stance.unjudged`)."""
    if token.dep_ == "amod":
        described = token.head
    elif token.dep_ in ("acomp", "attr"):
        described = _subject(token.head)
    elif token.pos_ == "VERB":  # "the storm was interfering with the signals"
        described = _subject(token)
    else:
        return False
    return described is not None and lemma_of(described) in lexicon.word_union(
        "senses.non_agents", "stance.unjudged")


def _listed(token: Token, entries: frozenset[str]) -> bool:
    """By lemma, by form ("justified", "doing") or as the start of a two-word entry."""
    return lemma_of(token) in entries or token.lower_ in entries or _phrase_at(token, entries)


def _phrase_at(token: Token, entries: frozenset[str]) -> bool:
    """A two-word entry starting at this token ("witch hunt", "cover-up")."""
    if token.lower_ not in _first_words(entries):
        return False  # the common case: no entry starts with this word
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and f"{token.lower_} {following.lower_}" in entries


@functools.cache
def _first_words(entries: frozenset[str]) -> frozenset[str]:
    """What comes before a space in some entry: the words a two-word entry can start with."""
    return frozenset(entry[:k] for entry in entries for k, c in enumerate(entry) if c == " ")


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ in ("acomp", "attr", "amod", "dobj") and token.head.pos_ in ("AUX", "VERB"):
        return any(c.dep_ == "neg" for c in token.head.children)
    return False


def _threatens(token: Token, lexicon: Lexicon, speaker_words: set[int]) -> bool:
    """A word of threat in a clause about the future ("will punish those responsible",
    "would face consequences"), or one of tolerance or escape denied ("will not be
    tolerated", "cannot hide"); not a threat against the speaker ("we will be punished")."""
    words = lexicon.word_set
    verb = _clause_verb(token)
    if verb is None:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    target = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    if lemma_of(token) in words("stance.threat_denied") or token.lower_ in words(
            "stance.threat_denied"):
        # "cannot hide from the law", not "could not hide his anger": no object of its own
        subject = _subject(verb)
        if not _negated(token) or not auxiliaries & lexicon.word_union(
                "stance.threat_auxiliaries", "stance.ability_auxiliaries"):
            return False
        if lemma_of(token) == "tolerate":
            return True  # "we will not tolerate ...", "... will not be tolerated"
        # the one who cannot hide is threatened, not the speaker ("he could not hide his
        # anger"), and hides from someone, not something
        return (target is None or token.pos_ != "VERB") and (
            subject is None or not (_first_person(subject) or subject.lower_ in ("he", "she")))
    if lemma_of(token) not in words("stance.threat") or _negated(token) or not (
            auxiliaries & words("stance.threat_auxiliaries")):
        return False
    if target is not None and (_first_person(target) or target.i in speaker_words):
        return False
    if token.pos_ != "VERB":
        return True  # "will pay a heavy price", "would face consequences"
    # a verb of coercion is a threat when done to a party: "will hunt down those responsible"
    return target is None or target.pos_ == "PRON" or is_actor_like(target, lexicon)


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word stands in: itself, or the verb its phrase hangs on."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def find_speech_acts(sentence: Span, lexicon: Lexicon, inside: list[bool],
                     continued_speaker: Entity | None, taken_speakers: dict[int, set[str]],
                     triggers: dict[int, str]) -> list[SpeechAct]:
    """The speech acts of a sentence. `inside`: per token, whether it is quoted;
    `continued_speaker`: who speaks a quotation carried on from an earlier sentence;
    `taken_speakers`: token indices of actors that already have a verbal event here, with
    its types;
    `triggers`: the sentence's event triggers, token index -> type."""
    acts: list[SpeechAct] = []
    words = lexicon.word_set
    reporting = lexicon.word_union("attribution.reporting_verbs", "stance.allegation_verbs")
    used: set[int] = set()
    for token in sentence:
        if token.pos_ == "ADJ" and not inside[token.i - sentence.start]:
            act = _attitude(token, lexicon)
            holder = act.actor if act is not None else None
            if act is not None and not any(
                    act.event_type in types for i, types in taken_speakers.items()
                    if holder.start <= sentence.doc[i].idx < (holder.end or 0)):
                acts.append(act)
            continue
        if token.pos_ != "VERB" or token.i in triggers or _hedges_a_description(token):
            continue
        lemma = lemma_of(token)
        if lemma in words("stance.blaming_verbs"):
            act = _blame(token, lexicon)
        elif lemma in words("stance.naming_verbs"):
            act = _naming(token, lexicon)
        elif lemma in reporting or (lemma in words("attribution.statement_verbs")
                                    and _issuer(token, lexicon) is not None):
            act = _report(token, sentence, lexicon, triggers)
        else:
            act = None
        if act is None:
            continue
        speaker = _subject(token)
        if speaker is not None and act.event_type in taken_speakers.get(speaker.i, ()):
            continue  # "condemned the raid, calling it cowardly": one ACCUSE
        acts.append(act)
        used.update(t.i for t in token.subtree)
    # a quotation carried on from an earlier sentence is that speaker's only where this
    # sentence names no speaker of its own ('"We reject ...," the spokesman told reporters')
    names_its_speaker = any(
        t.pos_ == "VERB" and lemma_of(t) in reporting and not inside[t.i - sentence.start]
        and _subject(t) is not None for t in sentence)
    if not acts and continued_speaker is not None and any(inside) and not names_its_speaker:
        quoted = [t for t, q in zip(sentence, inside) if q and t.i not in triggers]
        stance = stance_of(quoted, lexicon)
        typed = stance.type()
        if typed is not None:
            kind, cues = typed
            acts.append(SpeechAct(kind, cues[0], continued_speaker,
                                  _judged(cues[0], kind, lexicon)))
    return acts


def _attitude(adjective: Token, lexicon: Lexicon) -> SpeechAct | None:
    """A party's attitude to another told by an adjective of it ("the senators were critical
    of the ministry", "issued a report critical of Hanoi", "has been supportive of the
    talks"): the holder's ACCUSE or SUPPORT of whom the "of" phrase names. The holder is the
    subject the adjective is said of, or whoever issued the statement it describes; an
    adjective that only describes a party ("arrested a blogger critical of the king") is
    no act."""
    lemma = lemma_of(adjective)
    if lemma in lexicon.word_set("stance.critical_attitudes"):
        kind = "ACCUSE"
    elif lemma in lexicon.word_set("stance.supportive_attitudes"):
        kind = "SUPPORT"
    else:
        return None
    of = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    judged = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if judged is None or _negated(adjective):
        return None
    writings = lexicon.word_union("attribution.statement_nouns", "stance.attitude_writings")
    if adjective.dep_ in ("acomp", "oprd"):  # "were critical of", "remained supportive of"
        holder = _subject(adjective.head)
        writing = holder if holder is not None and lemma_of(holder) in writings else None
    elif adjective.dep_ in ("amod", "acl"):  # "a report critical of Hanoi"
        holder, writing = None, adjective.head if lemma_of(adjective.head) in writings else None
    else:
        return None
    if writing is not None:  # a writing's attitude is its issuer's
        holder = next((c for c in writing.children if c.dep_ == "poss"), None)
        if holder is None and writing.dep_ in ("dobj", "obj"):
            holder = _subject(writing.head)
    if holder is None or _first_person(holder) or not is_actor_like(holder, lexicon):
        return None
    return SpeechAct(kind, adjective, entity_for(holder), _party_named(judged, lexicon))


def _hedges_a_description(verb: Token) -> bool:
    """A verb of a free relative after a preposition ("closed the paper over what officials
    say is propaganda", "jailed him for what prosecutors called insults"): it names the
    thing in someone's words, as the reason or place of another act; no statement of its
    own."""
    first = verb.left_edge  # "what" may hang on the verb or on its clause ("say is")
    return verb.dep_ == "pcomp" and first.lower_ == "what" and first.tag_ == "WP"


def _speaker_entity(verb: Token, lexicon: Lexicon) -> Entity | None:
    speaker = _subject(verb)
    if lemma_of(verb) in lexicon.word_set("attribution.citing_verbs"):
        # "the BBC cited the minister as saying ...": the minister's words
        quoted = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        speaker = quoted if quoted is not None and is_actor_like(quoted, lexicon) else speaker
    if speaker is None or not is_actor_like(speaker, lexicon):
        # "issued a statement saying ...", "quoted the governor as saying ..."
        speaker = _issuer(verb, lexicon) or _cited(verb, lexicon)
    return entity_for(speaker) if speaker is not None else None


def _cited(verb: Token, lexicon: Lexicon) -> Token | None:
    """Whom a report quotes as saying it: "the agency quoted the governor as saying ..."."""
    quoting = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoting is None or lemma_of(quoting) not in lexicon.word_set("attribution.citing_verbs"):
        return None
    return next((c for c in quoting.children if c.dep_ in ("dobj", "obj")), None)


def _issuer(verb: Token, lexicon: Lexicon) -> Token | None:
    """Who issued the statement that says something: "the ministry issued a statement
    saying ...", "released a letter which read ...", "the party's statement said ..."."""
    statement = verb.head if verb.dep_ in ("acl", "relcl") else _subject(verb)
    if statement is None or lemma_of(statement) not in lexicon.word_set(
            "attribution.statement_nouns"):
        return None
    owner = next((c for c in statement.children if c.dep_ == "poss"), None)
    if owner is None and statement.dep_ in ("dobj", "obj") and statement.head.pos_ == "VERB":
        owner = _subject(statement.head)
    return owner if owner is not None and is_actor_like(owner, lexicon) else None


def _report(verb: Token, sentence: Span, lexicon: Lexicon, triggers: dict[int, str]
            ) -> SpeechAct | None:
    """A reporting verb's statement: its content clause, else (for "'...,' X said") the
    rest of the sentence. Under a verb of allegation or belief, another party's hostile act
    is a charge against that party whatever the wording ("claimed Houthis have attacked")."""
    speaker = _speaker_entity(verb, lexicon)
    if speaker is None:
        return None
    content = [t for c in verb.children if c.dep_ in CONTENT_DEPS for t in c.subtree]
    if verb.dep_ in ("parataxis", "ccomp", "conj") and not content:
        own = {t.i for t in verb.subtree}
        content = [t for t in sentence if t.i not in own]
    if lemma_of(verb) in lexicon.word_set("modality.denial_verbs") and (
            content or any(c.dep_ in ("dobj", "obj") for c in verb.children)):
        # "denied taking bribes", "a charge he denied": the speaker rejects the charge,
        # whatever its wording judges; "denied the accusation": made by whoever made it
        denied = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        return SpeechAct("REJECT", verb, speaker,
                         event_reference(denied, lexicon) if denied is not None else None)
    if not content:
        return None
    speaker_words = {t.i for t in (_subject(verb) or _issuer(verb, lexicon)
                                   or _cited(verb, lexicon)).subtree}
    if lemma_of(verb) in lexicon.word_set("stance.allegation_verbs"):
        charged = _charged_party(content, triggers, lexicon, speaker_words)
        if charged is not None:
            return SpeechAct("ACCUSE", verb, speaker, charged)
    blamed = _blamed(content, lexicon, speaker_words) or _tied(content, lexicon)
    if blamed is not None:  # "said the bombing was likely the rebels' doing"
        return SpeechAct("ACCUSE", verb, speaker, blamed)
    if lemma_of(verb) in lexicon.word_set("stance.accusing_verbs"):
        # "alleged that the governor had bribed officials": whom the content is about
        head = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subject = _subject(head) if head is not None else None
        if subject is not None and subject.i not in speaker_words and (
                not _first_person(subject) and is_actor_like(subject, lexicon)):
            return SpeechAct("ACCUSE", verb, speaker, entity_for(subject))
    if any(t.i in triggers and t.pos_ in ("VERB", "AUX") and t.dep_ in CONTENT_DEPS
           for t in content):
        # "police said the gunman surrendered": a report of an act, coded as that act;
        # its wording is no judgement ("said the attack was cowardly" still is one)
        return None
    # a word that names an act is that act, not a judgement of it ("launched an offensive",
    # "a military manoeuvre"), as in a quotation
    stance = stance_of([t for t in content if t.i not in triggers], lexicon,
                       speaker_words=speaker_words)
    typed = stance.type() or _condemned_act(stance, triggers, lexicon)
    if typed is None:
        return None
    kind, cues = typed
    return SpeechAct(kind, verb, speaker, _judged(cues[0], kind, lexicon, speaker_words))


def _condemned_act(stance: _Stance, triggers: dict[int, str], lexicon: Lexicon
                   ) -> tuple[str, list[Token]] | None:
    """A statement as warm as it is harsh whose harsh words judge a hostile act ("Lyon
    mourns its officers after this appalling attack"): the sympathy is for the victims, the
    judgement a condemnation of the act (ACCUSE). Only of one act told as known ("this",
    "the", "Monday's attack"): "facing terrorist attacks" speaks of a kind."""
    hostile = lexicon.word_set("stance.hostile_types")
    definite = lexicon.word_set("acts.definite_words")
    condemning = [t for t in stance.negative if triggers.get(t.head.i) in hostile and any(
        c.dep_ in ("poss", "det") and c.lower_ in definite or c.dep_ == "poss"
        for c in t.head.children)]
    return ("ACCUSE", condemning) if condemning else None


def _blamed(content: list[Token], lexicon: Lexicon, speaker_words: set[int]) -> Entity | None:
    """Whom a statement lays an act at the door of: the owner of "doing" / "fault" ("the
    rebels' doing"), else the subject of "was behind", "is responsible for"."""
    for token in content:
        if not _listed(token, lexicon.word_set("stance.blame")) or _negated(token):
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None and token.dep_ in ("acomp", "attr", "prep", "advmod", "advcl"):
            owner = _subject(token.head)
        if owner is None and token.pos_ == "ADP":  # "X was behind the attack"
            owner = _subject(token.head)
        if owner is not None and owner.i not in speaker_words and (
                not _first_person(owner) and is_actor_like(owner, lexicon)):
            return entity_for(owner)
    return None


def _tied(content: list[Token], lexicon: Lexicon) -> Entity | None:
    """The doers of an attack a statement ties to others ("said the suspects were linked to
    an armed network", "the gunmen had ties to a militia"): a charge against them."""
    for token in content:
        if lemma_of(token) not in lexicon.word_set("stance.tie_words") or _negated(token) or (
                not any(c.dep_ == "prep" and c.lower_ in ("to", "with")
                        for c in token.children)):
            continue
        clause = token.head if token.dep_ in ("dobj", "obj") else token
        subject = _subject(clause) if clause.pos_ in ("VERB", "AUX") else None
        if subject is not None and lemma_of(subject) in lexicon.word_set(
                "actors.perpetrator_nouns"):
            return entity_for(subject)
    return None


def _charged_party(content: list[Token], triggers: dict[int, str], lexicon: Lexicon,
                   speaker_words: set[int]) -> Entity | None:
    """The doer of a hostile act in an allegation's content: the subject of the nearest
    clause above its trigger ("the crown prince ordered Khashoggi's killing")."""
    hostile = lexicon.word_set("stance.hostile_types")
    for token in content:
        if triggers.get(token.i) not in hostile:
            continue
        clause = token
        for _ in range(4):
            subject = _subject(clause) if clause.pos_ in ("VERB", "AUX") else None
            agent = next((g for c in clause.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"), None)
            doer = agent if agent is not None else (
                subject if subject is not None and subject.dep_ == "nsubj" else None)
            if doer is not None:
                if doer.i in speaker_words or _first_person(doer):
                    return None
                return entity_for(doer) if is_actor_like(doer, lexicon) else None
            if clause.head.i == clause.i:
                break
            clause = clause.head
    return None


def _naming(verb: Token, lexicon: Lexicon) -> SpeechAct | None:
    """"called the stabbing an act of barbarity", "described the ruling as unjust"."""
    named = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if named is None:  # "found the police raid justified", read as a clause
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                       and c.pos_ in ("VERB", "ADJ") and _subject(c) is not None), None)
        if clause is None:
            return None
        typed = stance_of([clause], lexicon).type()
        if typed is None or typed[0] not in ("ACCUSE", "SUPPORT"):
            return None
        return SpeechAct(typed[0], verb, _speaker_entity(verb, lexicon),
                         _party_named(_subject(clause), lexicon))
    judgement = [t for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                 or (c.dep_ == "advmod" and c.i > named.i)  # "called it cowardly", misread
                 for t in c.subtree]
    judgement += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for t in c.subtree]
    judgement += [t for c in named.children if c.dep_ in ("acl", "amod", "appos") and
                  c.i > named.i for t in c.subtree]
    if not judgement:
        return None
    typed = stance_of(judgement, lexicon).type()
    if typed is None or typed[0] not in ("ACCUSE", "SUPPORT"):
        return None
    speaker = _speaker_entity(verb, lexicon)
    return SpeechAct(typed[0], verb, speaker, _party_named(named, lexicon))


def _party_named(named: Token, lexicon: Lexicon) -> Entity:
    """The party a judgement is about: a party itself, or the doer a named act gives
    ("the police raid": the police), else the act, standing for whoever did it."""
    if is_actor_like(named, lexicon) or named.pos_ == "PRON":
        return entity_for(named)
    doer = next((c for c in named.children if c.dep_ in ("poss", "compound", "amod")
                 and is_actor_like(c, lexicon)), None)
    if doer is not None:
        return entity_for(doer, with_conjuncts=False)
    return event_reference(named, lexicon) or entity_for(named)


def _blame(verb: Token, lexicon: Lexicon) -> SpeechAct | None:
    """"attributed the bombing to Houthi rebels", "held the government responsible"."""
    speaker = _speaker_entity(verb, lexicon)
    target = None
    if lemma_of(verb) == "hold":
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        complement = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp")),
                          None)
        if obj is None or complement is None or complement.lemma_.lower() not in (
                "responsible", "accountable", "liable"):
            return None
        target = obj
    else:
        attributed = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if attributed is not None and lemma_of(attributed) in lexicon.word_set(
                "stance.authored_things"):
            return None  # whose words or work it is, no blame
        to = next((c for c in verb.children if c.dep_ in ("prep", "dative")
                   and c.lower_ in ("to", "on")), None)
        target = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if target is None and lemma_of(verb) == "blame":
            target = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if target is None or not is_actor_like(target, lexicon):
        return None
    return SpeechAct("ACCUSE", verb, speaker, entity_for(target))


def _judged(cue: Token, kind: str, lexicon: Lexicon, speaker_words: set[int] = frozenset()
            ) -> Entity | None:
    """Whom a statement's judgement is about: for sympathy and thanks, whom it is for or
    with; otherwise the subject of the clause that judges, if it is a party."""
    if kind == "THREATEN" and cue.pos_ == "VERB":
        target = next((c for c in cue.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        if target is not None and (target.pos_ == "PRON" or is_actor_like(target, lexicon)):
            return entity_for(target)
        # "said it would retaliate if Finland joined": whoever must meet the condition; the
        # "it" that would retaliate is the speaker itself
        condition = condition_subject(cue, lexicon)
        threatener = _subject(cue)
        if condition is not None or (threatener is not None and threatener.lower_ == "it"):
            return condition
    if kind == "SUPPORT":
        for token in (cue, cue.head):
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in SYMPATHY_PREPS:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None and not _first_person(obj) and (
                            obj.pos_ == "PRON" or is_actor_like(obj, lexicon)):
                        return entity_for(obj)
    clause = cue
    for _ in range(4):
        subject = _subject(clause)
        if subject is not None:
            if subject.i in speaker_words or _first_person(subject) or (
                    subject.lower_ in DEMONSTRATIVES) or (
                    subject.lower_ == "it" and any(c.dep_ == "acomp" for c in clause.children)):
                # "This is a hostile act", "It is unconstitutional": a thing done, whose it
                # does not say
                return None
            if subject.pos_ == "PRON" or is_actor_like(subject, lexicon):
                return entity_for(subject)
            # "the reckless provocation is ...": whoever did what it names
            return event_reference(subject, lexicon)
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return None
