"""One event per act: the mentions of one act in an article become one Event.

A news report tells its main act several times: the lead's verb ("was stabbed last night"),
later nouns ("called the stabbing ..."), repeated reports and details. Each mention is coded
on its own by the extract stage; here, once codes, dates and places are resolved, a mention
joins the latest earlier act it can stand for, and before that the latest told in its own
word ("shot" ... "the shooting", not a later act it names only by its type's general word;
the word lists are `[acts]` in `data/lexicon/events.toml`):

- the same PLOVER type (as the manual reads it: a planned visit is an AGREE) and, where
  both have one, the same mode; an exercise told with no doer ("the drills") after a joint
  one is that joint exercise (its MOBILIZE type is the joint COOPERATE's unseen);
- a word for that act: a form of one of its triggers ("stabbed" ... "the stabbing"), a
  word for the same kind of exercise ("an exercise" ... "the drills"), one
  of the type's general words ("the attack", "marched" after "protests", a verb of their
  stem whose doer points back or, passive, goes untold: "X was arrested" after "detained
  X"), the noun a verb of it took as object
  ("declared a state of emergency" ... "the state of emergency", or the other way round),
  a verb done as a definite noun of it ("the bombing was carried out by ...") or by one
  ("the withdrawal ended the occupation"), or a verb joined to one of it on the same doer
  ("was arrested and jailed"), or a verb of its kind of deed (its mode) done by the same
  named person ("Ruiz resigned" ... "Ruiz stepped down") or, told with no doer in a later
  sentence, to a party that points back ("released an aid worker" ... "She was freed"), or a
  light verb with no doer done to a definite noun for an act of any type told in its or the
  sentence before ("agreed to share data. The deal, signed on Friday, ..."; it never gives
  the act its type); a casualty "in the attack", or one "the blast" caused, is a detail of
  the attack however far back it was told, and casualties told first are details of the deed
  their clause says caused them ("were killed when gunmen opened fire");
- tied to it: a definite noun ("the attack", "its deployment"), a verb done to a definite
  thing an earlier mention did it to ("filed a lawsuit" ... "the lawsuit was filed"), a
  party in common (actor, recipient or the same named person), or the same or the next
  sentence;
- no conflict: actor and recipient codes that agree where both are known, the same person
  where both are named people, the same body where both are named bodies (Hamas and
  Islamic Jihad are two parties, though both Palestinian), explicit dates that can be the same day (an act told as
  begun on its day, "began the exercise on Wednesday", runs on through the length a mention
  tells, "the 11-day drills", or with none told, with no end), places near each
  other (unnamed casualties told as a detail are not the act's target: they may be of
  another country);
- not announced as another act: an indefinite noun ("a bombing", "attacks") outside the
  act's sentences (but a bare plural of a wave, "protests went on in the streets", at the
  act's place or soon after it with none, tells the wave again: `acts.wave_types`),
  "another", "second", "earlier" on it (a count or "another" even in the act's
  sentence: "the shooting followed four bombings"), or a verb done to others
  ("has expelled two other envoys") or to a new thing of another name ("attacked a
  mosque" after "attacked a church").

Hypothetical and negated mentions stay events of their own. The merged Event keeps the
best-specified actor, recipient, date and place among its mentions; its trigger, sentence
and evidence are those of its best mention (the most fields given in its own sentence, the
earliest first).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import is_passive
from sitrep.package_data import read_toml
from sitrep.records import Entity, Event

# Modalities whose mentions are not reports of an act that happened or is planned.
UNREAL = frozenset({"hypothetical", "negated"})
NEARBY_KM = 100.0
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
STEM = 4  # letters two trigger lemmas share to count as forms of one word ("stab"/"stabbing")
DETAIL_REACH = 6  # sentences after an act within which its casualties are told
WAVE_REACH = 2  # sentences after a wave within which a bare plural with no place retells it
NUMBER_WORDS = read_toml("dates.toml")["numbers"]
UNIT_DAYS = {"day": 1, "week": 7, "month": 31}  # at most: a length in months may end later


@dataclass
class _Mention:
    event: Event
    token: Token | None  # the trigger's head word
    sentence: int  # index of its sentence in the article
    casualties: bool = False  # unnamed people harmed in the act, joined to it as its detail
    # a doerless verb done to a definite noun for an act of another type just told ("the
    # deal, signed on Friday"): a mention of that act, never the one that gives its type
    retelling: bool = False

    @property
    def lemma(self) -> str:
        return self.token.lemma_.lower() if self.token is not None else ""

    @property
    def is_noun(self) -> bool:
        return self.token is not None and self.token.pos_ in ("NOUN", "PROPN")


@dataclass
class _Act:
    mentions: list[_Mention] = field(default_factory=list)


def merge_acts(events: list[Event], doc: Doc, lexicon: Lexicon | None = None) -> list[Event]:
    """The article's events with the mentions of each act merged, in text order of their
    first mention."""
    lexicon = lexicon or Lexicon.default()
    sentence_starts = [s.start_char for s in doc.sents]
    acts: list[_Act] = []
    for event in events:
        mention = _Mention(event, _trigger_token(event, doc),
                           _sentence_index(sentence_starts, event.sentence_start))
        act = None if event.modality in UNREAL else _act_for(mention, acts, lexicon)
        if act is None:
            act = _Act()
            acts.append(act)
        act.mentions.append(mention)
    return [_merged([m.event for m in act.mentions],
                    [m.event for m in act.mentions if m.retelling]) for act in acts]


def _sentence_index(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _trigger_token(event: Event, doc: Doc) -> Token | None:
    if event.trigger.start is None:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    # the root, not the first piece: "test-launching" is told by its head "launching"
    return span.root if span is not None and len(span) else None


def _act_for(mention: _Mention, acts: list[_Act], lexicon: Lexicon) -> _Act | None:
    event = mention.event
    token = mention.token
    other = token is not None and (_announces_other_act(token, lexicon)
                                   or _done_to_others(mention, lexicon))
    others_here = token is not None and _announces_other_act(token, lexicon, here=True)
    indefinite = mention.is_noun and _is_indefinite(token, lexicon)
    definite = mention.is_noun and not indefinite
    fitting = []
    for act in reversed(acts):
        first = act.mentions[0].event
        if first.modality in UNREAL or not _same_kind(mention, first, lexicon):
            continue
        if event.mode and first.mode and event.mode != first.mode:
            continue
        near = any(abs(m.sentence - mention.sentence) <= 1 for m in act.mentions)
        same_sentence = any(m.sentence == mention.sentence for m in act.mentions)
        wave = indefinite and _same_wave(mention, act, lexicon)
        if others_here or ((other or (indefinite and not wave)
                            or _done_to_a_new_thing(mention, act)) and not same_sentence):
            continue
        detail = _is_detail(mention, act, lexicon)
        cause = not detail and _caused_the_casualties(mention, act, lexicon)
        if detail or cause:
            pass  # a casualty told soon after its attack is tied to it by that alone
        elif not _names_act(mention, act, lexicon):
            continue
        elif not (near or definite or wave or _shares_party(act, event)
                  or _object_told_before(mention, act, lexicon)
                  or _done_as_the_act(mention, act, lexicon)
                  or _done_by_the_act(mention.token, act, lexicon)):
            continue
        # casualties of one attack may be of another nationality than those named first, and
        # they are not its target a later mention must agree with ("six Mexicans were killed
        # in the attack" ... "the El Paso shooting")
        if all(_compatible(m.event, event, recipients=not (detail or cause or m.casualties),
                           lasting=_lasting(m, act, mention, lexicon))
               for m in act.mentions):
            if cause:
                for m in act.mentions:
                    m.casualties = _person(m.event.recipient) is None
            fitting.append((act, detail))
    # "the shooting" is the act told as "shot", not a later act it names only by its type's
    # general word ("an invasion")
    chosen = next((f for f in fitting if _told_in_its_words(mention, f[0])),
                  fitting[0] if fitting else None)
    if chosen is None:
        return _act_retold(mention, acts, lexicon)
    act, detail = chosen
    mention.casualties = detail and _person(event.recipient) is None
    return act


def _act_retold(mention: _Mention, acts: list[_Act], lexicon: Lexicon) -> _Act | None:
    """The act just told that a doerless light verb is done to, as a definite noun for it
    ("South Korea and Japan agreed to share data. *The deal*, signed a day after ..."): that
    act again, whatever type the verb alone would code, with its parties (signing a deal is
    making it, not another act; lifting a ban is another act)."""
    if mention.lemma not in lexicon.light_verbs:
        return None
    thing = _thing_done_to(mention)
    actor = mention.event.actor
    if thing is None or _codes(actor) or actor is not None and not (
            actor.start is not None and actor.start <= thing.idx < actor.end):
        return None  # a doer of its own, other than the noun itself read as its subject
    for act in reversed(acts):
        first = act.mentions[0].event
        if first.modality in UNREAL or not any(
                0 <= mention.sentence - m.sentence <= 1 for m in act.mentions):
            continue
        if _names_the_act(thing, act, lexicon) and all(
                _compatible(m.event, mention.event) for m in act.mentions):
            mention.retelling = True
            return act
    return None


def _thing_done_to(mention: _Mention) -> Token | None:
    """What a verb told with no doer is done to: the noun its participle describes ("the
    deal, *signed* on Friday"), its passive subject ("the deal *was signed*"), or a subject
    the parse gave it that the extract stage found to be no party (the participle read as
    the main verb: "*The deal*, signed a day after ..., links ...")."""
    token = mention.token
    if token is None or mention.is_noun or _has_agent(token):
        return None
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return token.head
    return next((c for c in token.children if c.dep_ in ("nsubjpass", "nsubj")), None)


def _names_the_act(noun: Token, act: _Act, lexicon: Lexicon) -> bool:
    """A definite noun for the act: a general word of its type ("the accord" after
    "agreed to ...") or a noun it was told by."""
    nouns = lexicon.word_set(f"acts.{_type(act.mentions[0].event)}") | {
        m.lemma for m in act.mentions if m.is_noun}
    return noun.lemma_.lower() in nouns and any(
        c.lower_ in lexicon.word_set("acts.definite_words") for c in noun.children
        if c.dep_ in ("det", "poss"))


def _same_kind(mention: _Mention, first: Event, lexicon: Lexicon) -> bool:
    """The act's type, or an exercise told with no doer of its own after a joint one ("the
    drills" after "X and Y began an exercise"): the extract stage could not see it joint."""
    kind, act_kind = _type(mention.event), _type(first)
    if kind == act_kind:
        return True
    spec = lexicon.types.get(kind)
    return (spec is not None and spec.joint_type == act_kind and not _codes(mention.event.actor)
            and _is_exercise(mention, lexicon))


def _is_exercise(mention: _Mention, lexicon: Lexicon) -> bool:
    return mention.is_noun and mention.lemma in lexicon.word_set("senses.joint_exercise_words")


def _lasting(mention: _Mention, act: _Act, later: _Mention, lexicon: Lexicon
             ) -> int | None | bool:
    """How many days a mention's date may run on: an act it says began then ("began the
    exercise on Wednesday") runs for the length any mention tells ("the 11-day drills"), or
    with none told on with no end known (True); otherwise only its own date (None)."""
    token = mention.token
    if token is None or not mention.is_noun or token.dep_ not in ("dobj", "obj") or (
            token.head.lemma_.lower() not in lexicon.word_set("acts.begin_verbs")):
        return None
    told = [d for m in [*act.mentions, later] if (d := _told_days(m.token)) is not None]
    return max(told) if told else True


def _told_days(token: Token | None) -> int | None:
    """The length a noun is told to last by a count of days, weeks or months before it
    ("the 11-day drills", "a two-week exercise")."""
    if token is None:
        return None
    for unit in token.children:
        if unit.dep_ not in ("compound", "amod", "nmod"):
            continue
        word = unit.lower_
        count = next((c.lower_ for c in unit.children if c.dep_ == "nummod"), None)
        if count is None and "-" in word:
            count, word = word.split("-", 1)
        days = UNIT_DAYS.get(word.rstrip("s"))
        number = int(count) if count is not None and count.isdigit() else NUMBER_WORDS.get(count)
        if days and number:
            return days * number
    return None


def _same_wave(mention: _Mention, act: _Act, lexicon: Lexicon) -> bool:
    """A bare plural of a kind of act told as a wave ("protests went on in the streets" after
    "a week of protests in Lima"; `acts.wave_types`) at the place
    where the act was, or with no place soon after it: the same wave told again, not a new
    act. A count, "other", or another place or day is another."""
    token = mention.token
    if (_type(mention.event) not in lexicon.word_set("acts.wave_types")
            or token.tag_ not in ("NNS", "NNPS")
            or any(c.dep_ in ("det", "nummod", "predet", "poss") for c in token.children)):
        return False
    if mention.event.location is None:  # told with no place: soon after, the same wave
        return any(0 < mention.sentence - m.sentence <= WAVE_REACH for m in act.mentions)
    return any(m.event.location is not None and _places_agree(m.event, mention.event)
               for m in act.mentions)


def _told_in_its_words(mention: _Mention, act: _Act) -> bool:
    return any(_same_word(mention.lemma, m.lemma) for m in act.mentions)


def _type(event: Event) -> str:
    return event.plover_type or event.event_type


def _names_act(mention: _Mention, act: _Act, lexicon: Lexicon) -> bool:
    """Whether the mention can tell this act: a form of one of its triggers, a general noun
    of its type, or, for a verbal act, more words of the same speaker ("X called the
    attack ...; he said ...")."""
    lemma = mention.lemma
    kind = _type(mention.event)
    general = lexicon.word_set(f"acts.{kind}")
    if (lemma in general or not mention.is_noun and any(_same_word(lemma, w) for w in general)
        ) and (mention.is_noun or (
            not lexicon.is_verbal(kind)
            and all(m.sentence != mention.sentence for m in act.mentions)
            and (_refers_back(mention.event.actor, lexicon) or _doer_untold(mention.token))
            and _shares_party(act, mention.event))):
        # "the attack"; a verb of those words (or of their stem: "convicted", "conviction")
        # retells a deed in a later sentence when its doer points back to the act's
        # ("teachers staged protests" ... "the teachers marched") or goes untold in a
        # passive ("was sentenced" ... "had been convicted"); in one sentence, joined verbs
        # keep the rule of their own objects; words ("called for", "visited") are one act
        # per speaker (below)
        return True
    if any(_same_word(lemma, m.lemma) or _one_clause_act(mention, m) for m in act.mentions):
        return True
    if _is_exercise(mention, lexicon) and any(_is_exercise(m, lexicon) for m in act.mentions):
        return True  # "began an exercise" ... "the drills": words for one kind of thing
    if _done_as_the_act(mention, act, lexicon) or _done_by_the_act(mention.token, act, lexicon):
        return True  # "X carried out the bombing", "the withdrawal ended the occupation"
    if mention.is_noun and any(_object_lemma(m) == lemma for m in act.mentions):
        return True  # "declared a state of emergency" ... "the state of emergency"
    if _object_lemma(mention) and any(
            m.is_noun and m.lemma == _object_lemma(mention)
            and not _is_indefinite(m.token, lexicon) and not _announces_other_act(m.token, lexicon)
            for m in act.mentions):
        # "the junta's curfew" ... "the junta declared a curfew" (not
        # "previous sanctions" ... "new efforts to impose sanctions")
        return True
    if _same_deed_of_one_person(mention, act):
        return True  # "Ruiz resigned on Monday" ... "Ruiz stepped down after weeks of protests"
    if _same_deed_to_one_party(mention, act, lexicon):
        return True  # "Iran released a British aid worker" ... "She was freed after ..."
    if not mention.is_noun and mention.token is not None and (
            mention.event.actor is None or _refers_back(mention.event.actor, lexicon)) and (
            _in_the_act(mention.token, act, lexicon, ("in", "during", "at"))):
        # "met in Nairobi" ... "during the meeting, the two leaders discussed": the act's
        # doers, told again; a doer named anew ("soldiers shot two of the gunmen during the
        # attack") does a deed of their own in it
        return True
    if kind in lexicon.word_set("acts.speech_types"):
        speaker = _speaker(mention.event)
        return speaker is not None and any(_speaker(m.event) == speaker for m in act.mentions)
    return False


def _same_deed_of_one_person(mention: _Mention, act: _Act) -> bool:
    """A verb of the act's kind of deed (its mode: "resigned", "stepped down", "quit" are
    all resign) done by the same named person: one deed told again in other words. Another
    deed of that person's kind tells another party or day, which the merge's conflicts
    keep apart."""
    mode, person = mention.event.mode, _person(mention.event.actor)
    return (mode is not None and person is not None and not mention.is_noun
            and any(m.event.mode == mode and _person(m.event.actor) == person
                    for m in act.mentions))


def _same_deed_to_one_party(mention: _Mention, act: _Act, lexicon: Lexicon) -> bool:
    """A verb of the act's kind of deed (its mode: "released", "freed"; "arrested",
    "detained") told in a later sentence with its doer untold, done to a party that points
    back to the act's ("she", "the suspects") and shares its code or person: the deed told
    again from the side of whom it was done to. A party told anew ("a Kenyan activist was
    also detained") is another act."""
    mode = mention.event.mode
    return (mode is not None and not mention.is_noun and _doer_untold(mention.token)
            and _refers_back(mention.event.recipient, lexicon)
            and all(m.sentence < mention.sentence for m in act.mentions)
            and any(m.event.mode == mode for m in act.mentions)
            and _shares_party(act, mention.event))


def _speaker(event: Event) -> str | None:
    """The person whose words a verbal act is: its doer if a named person, else the person
    it is told on the authority of ("authorities are treating it as terrorism, according to
    prosecutor X" ... "X called the attack ...")."""
    return _person(event.actor) or _person(event.attributed_to)


def _object_lemma(mention: _Mention) -> str:
    """The noun a verb trigger's act is done as ("declared *a curfew*", "imposed *a ban*"):
    a later noun of that word names the act."""
    obj = _object(mention)
    return obj.lemma_.lower() if obj is not None else ""


def _object(mention: _Mention) -> Token | None:
    """A verb trigger's object, or its subject if it is passive ("*the lawsuit* was
    filed")."""
    if mention.token is None or mention.is_noun:
        return None
    return next((c for c in mention.token.children if c.dep_ in ("dobj", "obj", "nsubjpass")),
                None)


def _object_told_before(mention: _Mention, act: _Act, lexicon: Lexicon) -> bool:
    """A verb whose object is a definite noun an earlier mention of the act had as its
    object ("filed a lawsuit on Monday" ... "*the lawsuit* was filed in a federal court"):
    the same thing, so the same act."""
    obj = _object(mention)
    if obj is None or _is_indefinite(obj, lexicon) or not any(
            c.lower_ in lexicon.word_set("acts.definite_words") or c.dep_ == "poss"
            for c in obj.children):
        return False
    return any(_object_lemma(m) == obj.lemma_.lower() for m in act.mentions)


def _done_as_the_act(mention: _Mention, act: _Act, lexicon: Lexicon) -> bool:
    """A verb whose object is a definite noun for the act ("Boko Haram carried out *the
    bombing*", "*the attack* was carried out by ..."): the act told again, with its doer."""
    obj = _object(mention)
    return obj is not None and _is_the_act(obj, act, lexicon)


def _done_to_a_new_thing(mention: _Mention, act: _Act) -> bool:
    """A verb done to a thing introduced with "a" and named otherwise than what the act was
    done to ("gunmen attacked *a mosque*" after they attacked a church): a new target, so
    another act ("declared a state of emergency", told twice, is one)."""
    obj = _object(mention)
    if obj is None or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                              for c in obj.children):
        return False
    done_to = {_object_lemma(m) for m in act.mentions} - {""}
    return bool(done_to) and obj.lemma_.lower() not in done_to


def _done_to_others(mention: _Mention, lexicon: Lexicon) -> bool:
    """A verb done to parties announced as others than those told before ("has expelled
    two *other* envoys", "*another* man was arrested"): another act."""
    obj = _object(mention)
    if obj is None:
        return False
    words = lexicon.word_set("acts.other_party_words")
    return obj.lower_ in words or any(c.lower_ in words for c in obj.children
                                      if c.dep_ in ("det", "amod", "predet"))


def _one_clause_act(a: _Mention, b: _Mention) -> bool:
    """Two verbs of one doer told as one act: verbs joined with their subject and object
    shared ("was arrested and jailed", "arrested and detained him") or a participle that
    says how the act was done ("marched through the city, protesting the law"). Joined
    verbs that each have an object of their own ("urged restraint and called for talks")
    are two acts."""
    if a.token is None or b.token is None or a.sentence != b.sentence:
        return False
    for (verb, mention), (other, other_mention) in (((a.token, a), (b.token, b)),
                                                   ((b.token, b), (a.token, a))):
        if verb.head.i != other.i or verb.i == other.i or other.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
            continue
        if verb.dep_ == "conj" and not (_has_object(mention) and _has_object(other_mention)):
            return True
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return True
    return False


def _has_object(mention: _Mention) -> bool:
    """Whether a verb trigger has an object of its own: a direct object, or the object of
    the preposition its phrasal verb ends in ("called for *talks*")."""
    trigger = mention.event.trigger
    for child in mention.token.children:
        if child.dep_ in ("dobj", "obj"):
            return True
        if child.dep_ == "prep" and trigger.start is not None and (
                trigger.start <= child.idx < trigger.end) and any(
                c.dep_ == "pobj" for c in child.children):
            return True
    return False


def _is_detail(mention: _Mention, act: _Act, lexicon: Lexicon) -> bool:
    """A casualty of the act: in the act's own sentence ("..., killing three officers"), or
    told without its doer soon after ("two more officers were wounded")."""
    token = mention.token
    if token is None or mention.lemma not in lexicon.word_set(
            f"acts.{_type(mention.event)}_details"):
        return False
    if any(m.sentence == mention.sentence for m in act.mentions):
        return True
    if _done_by_the_act(token, act, lexicon):
        return True
    if not is_passive(token) or _has_agent(token):
        return False
    return _in_the_act(token, act, lexicon) or any(
        0 < mention.sentence - m.sentence <= DETAIL_REACH for m in act.mentions)


def _caused_the_casualties(mention: _Mention, act: _Act, lexicon: Lexicon) -> bool:
    """The deed that caused casualties told just before it, with no doer, in its own
    sentence ("three officers were killed *when militants ambushed* their convoy", "five
    were wounded *after a gunman opened fire*"): the act those casualties are details of,
    so one act. Casualties told with their doer ("gunmen killed four guards when they
    stormed the gate") are the act's best mention already."""
    token = mention.token
    if token is None or token.dep_ != "advcl" or not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in lexicon.word_set("acts.cause_markers")
            for c in token.children):
        return False
    details = lexicon.word_set(f"acts.{_type(mention.event)}_details")
    return all(m.sentence == mention.sentence and m.lemma in details and m.token is not None
               and token.head.i == m.token.i and is_passive(m.token)
               and not _has_agent(m.token) for m in act.mentions)


def _in_the_act(token: Token, act: _Act, lexicon: Lexicon,
                prepositions: tuple[str, ...] = ("in", "during")) -> bool:
    """A casualty said to be "in the attack", "in the shooting": a definite noun that names
    the act told before, however far back (a deed of the act's own type may also be "at"
    it: "at the talks, the leaders discussed ...")."""
    return any(noun.dep_ == "pobj" and _is_the_act(noun, act, lexicon)
               for prep in token.children
               if prep.dep_ == "prep" and prep.lower_ in prepositions
               for noun in prep.children)


def _done_by_the_act(token: Token | None, act: _Act, lexicon: Lexicon) -> bool:
    """A verb whose doer is the act told before: what the act did ("*the strikes* killed six
    people", "*the withdrawal* ended the occupation")."""
    return token is not None and any(c.dep_ == "nsubj" and _is_the_act(c, act, lexicon)
                                     for c in token.children)


def _is_the_act(noun: Token, act: _Act, lexicon: Lexicon) -> bool:
    """A definite noun that names the act: a general word of its type or a noun it was
    told by."""
    nouns = lexicon.word_set(f"acts.{_type(act.mentions[0].event)}") | {
        m.lemma for m in act.mentions if m.is_noun}
    return noun.lemma_.lower() in nouns and any(
        c.lower_ in lexicon.word_set("acts.definite_words") for c in noun.children
        if c.dep_ == "det")


def _doer_untold(token: Token | None) -> bool:
    """A passive verb with no agent: it names no doer beside the one known."""
    return token is not None and is_passive(token) and not _has_agent(token)


def _has_agent(token: Token) -> bool:
    return any(c.dep_ == "agent" for c in token.children)


def _same_word(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or (len(a) >= STEM and len(b) >= STEM
                                               and a[:STEM] == b[:STEM]))


def _announces_other_act(token: Token, lexicon: Lexicon, *, here: bool = False) -> bool:
    """"another attack", "earlier protests": another act than those told before; `here`,
    words that say so even in the act's own sentence ("..., the fourth shooting this week"
    is the act itself, "... after four shootings" are others). A count under "all" or
    "both" counts the acts told before ("claimed all three attacks")."""
    if _takes_in_all(token, lexicon):
        return False
    if here and any(c.dep_ == "nummod" for c in token.children):
        return True
    words = lexicon.word_set("acts.other_here_words" if here else "acts.other_act_words")
    return any(c.lower_ in words for c in token.children
               if c.dep_ in ("det", "amod", "nummod", "advmod", "predet", "quantmod"))


def _is_indefinite(token: Token, lexicon: Lexicon) -> bool:
    """"a bombing", "attacks": a noun introducing an act not told before."""
    definite = lexicon.word_set("acts.definite_words")
    if _takes_in_all(token, lexicon):
        return False  # "all three attacks", "both bombings": the ones told before
    determiners = [c for c in token.children if c.dep_ in ("det", "poss", "predet")]
    if any(c.dep_ == "poss" or c.lower_ in definite for c in determiners):
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        # "the scene of the shooting", "two months of exercises": the head noun's article
        return _is_indefinite(token.head.head, lexicon)
    return bool(determiners) or token.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "nummod" for c in token.children)


def _takes_in_all(token: Token, lexicon: Lexicon) -> bool:
    """"all three attacks", "both bombings", "each protest": a noun that takes in all the
    acts of its kind told before, so it points back to them."""
    return any(c.dep_ in ("det", "predet") and c.lower_ in lexicon.word_set("acts.whole_words")
               for c in token.children)


def _codes(entity: Entity | None) -> set[str]:
    if entity is None:
        return set()
    return {c for c in [entity.code, *(m.code for m in entity.members)] if c}


def _parties_agree(a: Entity | None, b: Entity | None) -> bool:
    codes_a, codes_b = _codes(a), _codes(b)
    return not codes_a or not codes_b or bool(codes_a & codes_b)


def _person(entity: Entity | None) -> str | None:
    """The named person a party is (through what a pronoun stands for), if any."""
    if entity is None:
        return None
    if entity.person is None and entity.refers_to is not None:
        return _person(entity.refers_to)
    return entity.person


def _body(entity: Entity | None) -> str | None:
    """The named body a party is ("it" standing for one included), if any."""
    return entity.body if entity is not None else None


def _refers_back(party: Entity | None, lexicon: Lexicon) -> bool:
    """A doer told as one already known: a pronoun or a definite common noun ("they", "the
    rebels"), not a name ("the BLA", "Israel") that can begin another story."""
    if party is None or not party.text:
        return False
    words = party.text.split()
    if len(words) == 1:
        return words[0].lower() in lexicon.word_set("acts.back_pronouns")
    return words[0].lower() in lexicon.word_set("acts.definite_words") and words[-1].islower()


def _shares_party(act: _Act, event: Event) -> bool:
    for mention in act.mentions:
        earlier = mention.event
        for a, b in ((earlier.actor, event.actor), (earlier.recipient, event.recipient)):
            if _codes(a) & _codes(b):
                return True
            if _person(a) and _person(a) == _person(b):
                return True
    return False


def _compatible(earlier: Event, later: Event, *, recipients: bool = True,
                lasting: int | None | bool = None) -> bool:
    if not _parties_agree(earlier.actor, later.actor):
        return False
    if recipients and not _parties_agree(earlier.recipient, later.recipient):
        return False
    person_a, person_b = _person(earlier.actor), _person(later.actor)
    if person_a and person_b and person_a != person_b:
        return False
    if _body(earlier.actor) and _body(later.actor) and _body(earlier.actor) != _body(later.actor):
        return False  # Hamas and Islamic Jihad: two named groups, though both of PSE
    return _dates_agree(earlier, later, lasting) and _places_agree(earlier, later)


def _dates_agree(a: Event, b: Event, lasting: int | None | bool = None) -> bool:
    """Dates that can be one day; `lasting`, the days `a` runs on from its start (True: no
    end told)."""
    if a.date is None or b.date is None or a.date.value is None or b.date.value is None:
        return True
    if a.date.inferred or b.date.inferred:
        return True
    a_start, a_end = a.date.range_start or a.date.value, a.date.range_end or a.date.value
    if lasting is True:
        a_end = date.max
    elif lasting:
        a_end = max(a_end, a_start + timedelta(days=lasting - 1))
    b_start, b_end = b.date.range_start or b.date.value, b.date.range_end or b.date.value
    return a_start <= b_end and b_start <= a_end


def _places_agree(a: Event, b: Event) -> bool:
    p, q = a.location, b.location
    if p is None or q is None or None in (p.lat, p.lon, q.lat, q.lon):
        return True
    if p.country and q.country and p.country != q.country:
        return False
    return p.name == q.name or _km(p.lat, p.lon, q.lat, q.lon) <= NEARBY_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _in_sentence(entity: Entity | None, event: Event) -> bool:
    return (entity is not None and entity.start is not None
            and event.sentence_start <= entity.start < event.sentence_start + len(event.sentence))


def _specificity(event: Event) -> tuple:
    """How much a mention tells in its own sentence (higher is better)."""
    return (
        bool(_codes(event.actor)) and _in_sentence(event.actor, event),
        bool(_codes(event.recipient)),
        bool(event.date and event.date.value and not event.date.inferred),
        event.modality != "claimed",
    )


def _better_party(events: list[Event], attribute: str) -> Entity | None:
    """The coded party of the mention that states it most directly: a name before a pronoun
    or a description, then the earliest."""
    coded = [getattr(e, attribute) for e in events if _codes(getattr(e, attribute))]
    if not coded:
        return None
    named = [e for e in coded if e.refers_to is None and e.person is not None]
    return (named or coded)[0]


def _is_its_place(party: Entity | None, event: Event) -> bool:
    """Whether the party is the event's place standing for the state there ("arrived in
    Seoul"), not a party the clause names."""
    return (party is not None and event.location is not None and party.start is not None
            and party.start == event.location.start)


def _better_date(events: list[Event]):
    dated = [e.date for e in events if e.date is not None and e.date.value is not None]
    if not dated:
        return next((e.date for e in events if e.date is not None), None)
    return max(dated, key=lambda d: (not d.inferred, PRECISION_RANK.get(d.precision or "", 0)))


def _merged(events: list[Event], retellings: Sequence[Event] = ()) -> Event:
    if len(events) == 1:
        events[0].mentions = [events[0].as_mention()]
        return events[0]
    best = max(enumerate(events), key=lambda ie: (
        not any(ie[1] is r for r in retellings), _specificity(ie[1]), -ie[0]))[1]
    mentions = [e.as_mention() for e in events]
    if not _codes(best.actor):
        best.actor = _better_party(events, "actor") or best.actor
    if not _codes(best.recipient):
        best.recipient = _better_party(events, "recipient") or best.recipient
    elif _is_its_place(best.recipient, best):
        # "a car bomb exploded in Mogadishu, killing ten people": the people killed there,
        # not the state the place stands for
        told = next((e.recipient for e in events if e is not best and e.recipient is not None
                     and not _is_its_place(e.recipient, e) and (
                         _codes(e.recipient) == _codes(best.recipient)
                         or not _codes(e.recipient) and e.recipient.sector)), None)
        if told is not None:  # people of no country yet are the place's
            best.recipient = told if told.code else replace(told, code=best.recipient.code)
    best.date = _better_date(events)
    if best.location is None:
        best.location = next((e.location for e in events if e.location is not None), None)
    if best.modality == "claimed" and any(e.modality == "asserted" for e in events):
        best.modality = "asserted"
    best.mentions = mentions
    best.incidental = all(e.incidental for e in events)
    return best
