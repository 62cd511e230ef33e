"""Extract stage: coded event mentions from a parsed article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.arguments import (
    demand_arguments,
    entity_for,
    is_actor_like,
    noun_arguments,
    place_candidates,
    possessed_patient,
    subject_of,
    verb_arguments,
)
from sitrep.extract.attribution import (
    Attribution,
    Speakers,
    ends_open,
    find_source,
    quote_state,
    source_entity,
    speaker_of,
)
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.modality import modality_of
from sitrep.extract.speech import find_speech_acts
from sitrep.extract.triggers import (
    DEMAND,
    TriggerMatch,
    find_demands,
    find_triggers,
    lemma_of,
    noun_object,
    states_means,
)
from sitrep.parse.model import AFTER_HEADING
from sitrep.records import Article, Entity, Event

QUOTE_OPENERS = ('"', "“")
# How far up the parse an actorless trigger is looked at for another trigger governing it.
NESTING_DEPTH = 3
# Clauses that tell an act of their own, whatever governs them.
OWN_CLAUSE_DEPS = {"advcl", "conj", "parataxis", "ROOT"}


def extract_events(doc: Doc, article: Article, lexicon: Lexicon | None = None) -> list[Event]:
    """Every event mention in the article, in text order, unresolved (no codes, no dates)."""
    lexicon = lexicon or Lexicon.default()
    events: list[Event] = []
    told_by_demands: list[Event] = []  # protests told only by what protesters demand
    speakers = Speakers(doc, lexicon)
    open_quote = False
    previous_end = 0
    text = article.text  # the doc's text (its parse), without Doc.text joining every token
    sentences = list(doc.sents)
    for index, sentence in enumerate(sentences):
        # made once: iterating a Span makes every Token anew, and the passes below each
        # read the whole sentence
        tokens = list(sentence)
        words = [t for t in tokens if not t.is_space]
        if not words or (sentence.end < len(doc)
                         and doc[sentence.end]._.get(AFTER_HEADING)):
            continue  # a heading ("Chinese demand The ...", a title line above the text)
        if "\n" in text[previous_end : words[0].idx]:
            open_quote = False  # a quotation left open does not run into a new paragraph
        previous_end = words[-1].idx + len(words[-1].text)
        # A sentence that opens inside a quotation, or with one, and names no speaker of
        # its own continues the last speaker's words.
        continues_quote = open_quote or words[0].text in QUOTE_OPENERS
        inside = quote_state(tokens, open_quote)
        # a quotation opened here and closed in a later sentence that names its speaker
        # ('"If they come, they are targets. We will strike," the minister said.') is that
        # speaker's from its first word
        ahead = (_closing_speaker(sentences, index, text, lexicon)
                 if not open_quote and words[0].text in QUOTE_OPENERS
                 and ends_open(tokens, False) else None)
        carried = ahead or speakers.last
        matches = find_triggers(tokens, lexicon)
        trigger_tokens = {m.token.i for m in matches}
        verbal_triggers = {m.token.i for m in matches if lexicon.is_verbal(m.pattern.type)}
        charge_triggers = {m.token.i: m.pattern.type for m in matches
                           if m.pattern.type in lexicon.word_set("modality.charge_types")}
        # what a call, demand or appeal is for ("joined the calls for an inquiry") is its
        # content, wherever the parser hung the preposition
        verbal_triggers |= {t.i for m in matches if m.pattern.preposition
                            and lexicon.is_verbal(m.pattern.type)
                            for t in _preposition_objects(m)}
        # a denial is a speech act too (speech.py codes it): "denied the allegations" is
        # about them
        verbal_triggers |= {t.i for t in tokens if t.pos_ == "VERB"
                            and lemma_of(t) in lexicon.word_set("modality.denial_verbs")}
        matches += find_demands(tokens, lexicon, trigger_tokens)
        matches = _without_intended_content(matches, lexicon)
        first = len(events)
        spoke: Entity | None = None
        for match in matches:
            quoted = inside[match.token.i - sentence.start]
            event = _event(match, text, sentence, article, lexicon, quoted)
            if (event.actor is None or _meant_by_a_noun(match.token)) and possessed_patient(
                    match.token, lexicon) is None and (
                    _nested(match.token, trigger_tokens) or _in_background(match, lexicon)
                    or _described(match, lexicon) or _activity_as_subject(match.token)
                    or _kind_as_topic(match, trigger_tokens, lexicon)
                    or _gone_without(match.token) or _since_clause(match.token)):
                # "slammed the exercise", "after days of fighting", "the blockade is
                # illegal": not a new event; "after his arrest" is one
                continue
            if _session_of_one_body(match, event, lexicon):
                continue  # "the cabinet met on Tuesday": a sitting, not a meeting of parties
            if _portfolio(match, lexicon):
                continue  # "the special envoy for Sudan peace talks": a job, not an act
            if _topic_of_protest(match, event, sentence.doc, lexicon):
                if any(m.pattern.type == "PROTEST" for m in matches):
                    continue  # "protesters marched, demanding elections": what they protest for
                # "protesters demanded elections": the protest, told by what it demands
                event.event_type, event.mode = "PROTEST", "demo"
                event.cameo = lexicon.types["PROTEST"].cameo
                told_by_demands.append(event)
            if _topic_of_speech(match, verbal_triggers):
                continue  # "called for sanctions", "filed a complaint over the attack"
            if _predicated_of_an_act(match, trigger_tokens, lexicon):
                continue  # "It was their second meeting": what the act told was, no other
            if _judgement_of_naming(match.token, lexicon):
                continue  # "found the raid justified": the finding is the act (speech.py)
            if _sourcing(match.token, lexicon):
                continue  # "speaking on condition of anonymity to discuss the talks"
            event.incidental = (_in_background(match, lexicon)
                                or (_reason_of(match, trigger_tokens)
                                    and not _used_with(match, lexicon))
                                or _process_in_passing(match, lexicon)
                                or _describes_a_party(match)
                                or _stance_of_a_party(match, lexicon)
                                or _dates_another_act(match.token, trigger_tokens, lexicon)
                                or _under_another_act(match, event, trigger_tokens)
                                or _recalled_of_a_party(match.token)
                                or _aimed_at(match.token, trigger_tokens, lexicon)
                                or _fled(match, event, lexicon))
            charge = None if _used_with(match, lexicon) else _charge_of(
                match.token, charge_triggers, lexicon.word_set("modality.charge_nouns"))
            accused = _accused(charge) if charge is not None else None
            # a charge noun that is no trigger itself ("two counts of murder") only alleges
            alleged = charge is not None and charge_triggers.get(
                charge.i, "ACCUSE") in lexicon.word_set("modality.alleging_charge_types")
            if accused is not None:
                # "accused London of spreading lies": London's act, told as what the charge
                # is about (for an allegation, the accuser's claim): the charge is the news,
                # the act named in passing
                event.actor = entity_for(accused, verbs_of=True)
                event.incidental = True
            attribution = (Attribution(None, None) if match.pattern is DEMAND
                           else find_source(match.token, lexicon))
            if attribution.source is not None:
                # '"... and it says any state may ask ..."': a reporting verb inside the
                # quotation is the speaker's words, no new speaker of the rest of it
                if not _reported_inside_quote(attribution, sentence, inside):
                    spoke = speakers.link(attribution.source)
            elif quoted and continues_quote and carried is not None:
                attribution = Attribution(carried, None)  # quotation carried on
            elif event.actor is not None and not quoted and lexicon.is_verbal(event.event_type):
                spoke = speakers.heard(event.actor)  # "X called for ...: '...'"
            event.attributed_to = attribution.source
            event.modality = ("asserted" if match.pattern is DEMAND
                              else modality_of(match.token, lexicon, claim_verb=attribution.verb))
            if quoted and event.modality == "asserted" and not _speakers_own(event, lexicon) and (
                    not _doer_told_outside_quote(event, sentence, inside)):
                event.modality = "claimed"  # a quotation's account of others: the speaker's
            if alleged and event.modality == "asserted":
                event.modality = "claimed"  # what X is accused of: the accuser's claim
                if event.attributed_to is None and charge.i in charge_triggers:
                    accuser = subject_of(charge, lexicon)
                    event.attributed_to = entity_for(accuser) if accuser is not None else None
            if event.modality == "negated" and _held_by_a_text(match, lexicon):
                continue  # "the bill does not offer couples the same rights": no refusal
            event.plover_type = lexicon.plover_type(
                event.event_type, event.modality, own_voice=_own_voice(event, lexicon),
                conditional=_on_condition(match.token, lexicon),
                future_type=match.pattern.future_type)
            if _declined(match.token, event, lexicon):
                # "is not prepared to negotiate", "is not ready for talks": a refusal
                event.modality, event.plover_type = "negated", "REJECT"
            events.append(event)
        events += _speech_events(sentence, text, article, lexicon, inside, matches,
                                 events[first:], carried if continues_quote else None)
        if spoke is None:
            speaker = _sentence_speaker(tokens, lexicon, inside)
            if speaker is not None:
                speakers.link(speaker)
        open_quote = ends_open(tokens, open_quote)
    demands = {id(e) for e in told_by_demands}
    if any(e.event_type == "PROTEST" and id(e) not in demands for e in events):
        # the article tells its protests in their own words: a demand is only their topic
        events = [e for e in events if id(e) not in demands]
    return _one_per_trigger(events)


def _declined(token: Token, event: Event, lexicon: Lexicon) -> bool:
    """Whether an act of `modality.declinable_types` is told as what its doer is not ready
    to do: the complement of a negated readiness adjective ("is not prepared *to
    negotiate*", "is not ready *for talks*")."""
    if event.event_type not in lexicon.word_set("modality.declinable_types"):
        return False
    adjective = token.head if token.dep_ == "xcomp" else (
        token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else None)
    if adjective is None or lemma_of(adjective) not in lexicon.word_set(
            "actors.readiness_adjectives"):
        return False
    return any(c.dep_ == "neg" for c in (*adjective.children, *adjective.head.children))


def _held_by_a_text(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """Whether a verb's subject is a text or a measure (`modality.unrefusing_subjects`):
    what it does not do or hold is what it says, not a party's act ("the plan does not
    include a withdrawal")."""
    if match.pattern is DEMAND:
        return False
    verb = match.token
    if match.pattern.pos == "NOUN":
        if verb.dep_ not in ("dobj", "obj"):
            return False
        verb = verb.head
    subject = subject_of(verb, lexicon)
    return subject is not None and lemma_of(subject) in lexicon.word_set(
        "modality.unrefusing_subjects")


def _reported_inside_quote(attribution: Attribution, sentence: Span, inside: list[bool]
                           ) -> bool:
    verb = attribution.verb
    return verb is not None and sentence.start <= verb.i < sentence.end and \
        inside[verb.i - sentence.start]


def _doer_told_outside_quote(event: Event, sentence: Span, inside: list[bool]) -> bool:
    """Whether the event's doer is named outside the quotation that holds its trigger: the
    writer's own report of what the source said, quoting only its words ('the ministry said
    it "strongly condemns" the attack', 'police said the gunmen had "stormed" the hotel'),
    as sure as the same report without the marks."""
    actor = event.actor
    if actor is None or actor.start is None:
        return False
    for offset, token in enumerate(sentence):
        if token.idx == actor.start:
            return not inside[offset]
    return False


def _one_per_trigger(events: list[Event]) -> list[Event]:
    """One event per trigger and type (the first found): a modal read both as a demand and
    as a quoted obligation is one request."""
    seen: set[tuple[int | None, str]] = set()
    kept = []
    for event in events:
        key = (event.trigger.start, event.event_type)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _speech_events(sentence: Span, text: str, article: Article, lexicon: Lexicon,
                   inside: list[bool], matches: list[TriggerMatch], coded: list[Event],
                   continued_speaker: Entity | None) -> list[Event]:
    """Speech acts of the sentence that no trigger codes (see `sitrep.extract.speech`):
    `coded` are the sentence's events so far; a speaker who is the actor of a verbal one
    ("X condemned ...") gets no second speech act of its type ("called the arrest unlawful
    and demanded his release" is an ACCUSE and a REQUEST)."""
    taken: dict[int, set[str]] = {}
    for event in coded:
        if event.actor is not None and event.actor.start is not None and (
                lexicon.is_verbal(event.event_type)):
            for t in sentence:
                if event.actor.start <= t.idx < event.actor.end:
                    taken.setdefault(t.i, set()).add(event.event_type)
    triggers = {m.token.i: m.pattern.type for m in matches}
    events = []
    for act in find_speech_acts(sentence, lexicon, inside, continued_speaker, taken, triggers):
        if act.actor is not None and continued_speaker is not None and (
                act.actor is continued_speaker):
            actor = replace(continued_speaker, members=list(continued_speaker.members))
        else:
            actor = act.actor
        token = act.trigger
        events.append(Event(
            article_id=article.id, event_type=act.event_type,
            cameo=lexicon.types[act.event_type].cameo,
            mode="disapprove" if act.event_type == "ACCUSE" else None,
            trigger=Entity(text=token.text, start=token.idx, end=token.idx + len(token.text)),
            sentence=sentence.text, sentence_start=sentence.start_char,
            actor=actor, recipient=act.recipient, quote=inside[token.i - sentence.start],
            plover_type=act.event_type, outlet=article.outlet, published=article.published))
    return events


def _event(match: TriggerMatch, text: str, sentence: Span, article: Article, lexicon: Lexicon,
           quoted: bool) -> Event:
    if match.pattern is DEMAND:
        actor, recipient = demand_arguments(match, lexicon)
    elif match.pattern.pos == "VERB":
        actor, recipient = verb_arguments(match, lexicon)
    else:
        actor, recipient = noun_arguments(match, lexicon)
    event_type, cameo = match.pattern.type, lexicon.cameo_for(match.pattern)
    joint = lexicon.types[event_type].joint_type
    if joint and ((recipient is not None and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in match.token.children
    )) or _exercise_of_several_countries(match, actor, sentence, lexicon)):
        # "war games with South Korean and Japanese vessels", "Russia and Belarus began drills"
        event_type, cameo = joint, lexicon.types[joint].cameo
    return Event(
        article_id=article.id,
        event_type=event_type,
        cameo=cameo,
        mode=match.pattern.mode,
        context=match.pattern.context,
        trigger=Entity(text=text[match.start : match.end], start=match.start, end=match.end),
        sentence=sentence.text,
        sentence_start=sentence.start_char,
        actor=actor,
        recipient=recipient,
        place_candidates=place_candidates(match, lexicon),
        quote=quoted,
        outlet=article.outlet,
        published=article.published,
    )


def _exercise_of_several_countries(match: TriggerMatch, actor: Entity | None, sentence: Span,
                                   lexicon: Lexicon) -> bool:
    """An exercise (`senses.joint_exercise_words`) whose actor names two or more countries,
    peoples or their allies ("Russia and Belarus", "US and Western allies", "Japanese and
    US warships"): a joint one. "The army and the police" name no country: one country's
    forces."""
    if actor is None or actor.start is None:
        return False
    word = lemma_of(match.token)
    if word not in lexicon.word_set("senses.joint_exercise_words") and " ".join(
            [*(lemma_of(c) for c in match.token.children if c.dep_ == "compound"), word]
    ) not in lexicon.word_set("senses.joint_exercise_words"):
        return False
    if len(actor.members) >= 2:
        return all(m.start is not None and any(
            t.ent_type_ in ("GPE", "NORP") for t in sentence if m.start <= t.idx < (m.end or 0))
            for m in actor.members)
    # the countries coordinated inside one phrase: "US and Japanese warships"
    named = [t for t in sentence if actor.start <= t.idx < (actor.end or 0)
             and t.ent_type_ in ("GPE", "NORP") and t.ent_iob_ == "B"]
    return len(named) >= 2 and any(t.dep_ == "conj" for t in named)


CONTENT_LINKS = {"xcomp", "ccomp", "dobj", "obj", "pobj", "prep", "acl", "advcl"}


def _without_intended_content(matches: list[TriggerMatch], lexicon: Lexicon) -> list[TriggerMatch]:
    """Drop triggers that only say what an AGREE/REQUEST/REJECT/THREATEN is about."""
    # a pattern that names its own complement ("prepared to attack") also owns it
    intents = {m.token.i for m in matches
               if m.pattern.type in lexicon.word_set("modality.intent_types") or m.pattern.xcomp}
    demanded = {m.token.head.i for m in matches if m.pattern is DEMAND}  # "must <verb>"
    triggers = {m.token.i: m.pattern.type for m in matches}
    forced = {m.token.head.head.i for m in matches if _used_with(m, lexicon)}
    kept = []
    for match in matches:
        if match.pattern is not DEMAND and match.token.i in demanded:
            continue
        if match.token.i in forced and match.pattern.mode in lexicon.word_set(
                "actors.forced_modes"):
            continue  # "dispersed the crowd with tear gas": crowd control, the weapon's act
        if _is_purpose(match.token) and match.token.head.i in triggers and not (
                _said_in_consultation(match, triggers[match.token.head.i], lexicon)):
            continue  # "began a hunger strike to demand ...": the protest's aim, not an event
        if _means_of(match.token, triggers) == match.pattern.type:
            continue  # "protested by blocking the road": how that protest was made, no other
        if _is_descriptive_participle(match):
            continue  # "the banned movement", "property seized in the 1970s"
        if _in_relative_clause(match.token, lexicon) and not _deed_of_who(match, lexicon):
            continue  # "a resolution that aims to tighten sanctions": background
        if _allowed_or_required(match.token, lexicon):
            continue  # "granted permission to detain him", "a deadline to cede power"
        if _aimed_for(match.token, lexicon):
            continue  # "its goal of ousting the president": wanted, not done
        token, governed = _first_conjunct(match.token), False
        for _ in range(3):
            if token.dep_ not in CONTENT_LINKS or token.head.i == token.i:
                break
            token = token.head
            if token.i in intents and token.i != match.token.i:
                governed = True
                break
        if not governed:
            kept.append(match)
    return kept


def _means_of(token: Token, triggers: dict[int, str]) -> str | None:
    """The type of the trigger whose "by" -ing clause this token heads: the way that act
    was done ("retaliated by shelling the port", "protested by blocking the road")."""
    by = token.head
    if token.dep_ != "pcomp" or token.tag_ != "VBG" or by.lower_ != "by" or by.i == by.head.i:
        return None
    return triggers.get(by.head.i) if by.dep_ in ("agent", "prep") else None


def _allowed_or_required(token: Token, lexicon: Lexicon) -> bool:
    """A to-infinitive on a noun of permission or requirement (`modality.content_nouns`)
    says what may or must be done, not what was: "granted the police permission to detain
    the publisher", "a 15-day deadline for the army to cede power"."""
    if token.dep_ not in ("acl", "relcl", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return lemma_of(token.head) in lexicon.word_set("modality.content_nouns")


def _aimed_for(token: Token, lexicon: Lexicon) -> bool:
    """An act told as what an aim or hope is of or for (`modality.aim_nouns`): "a goal of
    ousting the president", "the dream to unite the island"."""
    token = _first_conjunct(token)
    if token.dep_ == "pcomp" and token.head.lower_ == "of":
        noun = token.head.head
    elif token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
    elif token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        noun = token.head
    else:
        return False
    return noun.pos_ == "NOUN" and lemma_of(noun) in lexicon.word_set("modality.aim_nouns")


def _said_in_consultation(match: TriggerMatch, governing_type: str, lexicon: Lexicon) -> bool:
    """A verbal act that is the purpose of a call, meeting or visit is said there: "called
    Morrison on Wednesday to congratulate him", "summoned the envoy to complain" (the
    manual, CONSULT: such consultations are coded for their content)."""
    return governing_type == "CONSULT" and match.pattern is not DEMAND and (
        lexicon.is_verbal(match.pattern.type)) and match.pattern.type != "CONSULT"


def _first_conjunct(token: Token) -> Token:
    """The first of the conjuncts a token belongs to: a later conjunct shares its role
    ("agreed to lift sanctions *and provide* guarantees": both are what was agreed to).
    A verb of another form is coordinated with the finite verb, however it is parsed
    ("agreed to hold talks *and attacked* the town"), and a verb coordinated with the
    intent itself reaches it by no content link: both stay acts of their own."""
    while token.dep_ == "conj" and token.head.i != token.i and token.tag_ == token.head.tag_:
        token = token.head
    return token


def _in_relative_clause(token: Token, lexicon: Lexicon) -> bool:
    """Inside a restrictive relative clause, within a few links: background that says which
    thing is meant ("a resolution that aims to tighten sanctions"). A clause set off by a
    comma tells an act of its own ("sent the police a plan, which they rejected"), and so
    does one that ranks its doer ("was the first country to recognise ...")."""
    for _ in range(3):
        if token.dep_ == "relcl":
            if _main_clause_misparsed(token) or _ranked_doer(token, lexicon):
                return False
            return not _set_off(token)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _deed_of_who(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A deed done to someone, told in a "who" clause to say which person is meant ("police
    shot a man *who had stabbed two people*"): the deed is what makes them that person, an
    act of its own, for the types of `senses.deeds_that_name_a_person`. A deed with no one
    it was done to ("a veteran who had fought in the war") is their past, and one in the
    present says what such people do ("foreigners who visit the region need a permit")."""
    clause = match.token
    if clause.dep_ != "relcl" or match.pattern.type not in lexicon.word_set(
            "senses.deeds_that_name_a_person"):
        return False
    if not (clause.tag_ == "VBD" or clause.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children) and any(
        c.dep_ in ("dobj", "obj") for c in clause.children)


def _set_off(clause: Token) -> bool:
    """Whether a relative clause is set off by a comma, dash or bracket: not restrictive."""
    before = clause.left_edge.i - 1
    return before >= 0 and clause.doc[before].text in (",", "—", "–", "(")


def _recalled_of_a_party(token: Token) -> bool:
    """Inside a relative clause set off by a comma and told in the perfect ("the prosecutor,
    who has clashed with the cabinet", "a reporter, who had been detained twice"), or in the
    past progressive ("the minister, who was visiting the town, survived"): the party's
    history or circumstance, told to say who they are, an act told in passing."""
    for _ in range(3):
        if token.dep_ == "relcl":
            before = token.left_edge.i - 1
            return before >= 0 and token.doc[before].text in (",", "—", "–", "(") and any(
                c.dep_ == "aux" and (c.lemma_ == "have" or (
                    c.lemma_ == "be" and c.tag_ == "VBD" and token.tag_ == "VBG"))
                for c in token.children)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _ranked_doer(clause: Token, lexicon: Lexicon) -> bool:
    """A to-infinitive relative clause on a rank says its act was done: "was the first to
    comply", "became the first Western leader to visit Kyiv", "the only state to send aid"
    (`senses.asserting_ranks` and ordinals). Not on a thing ranked: "the first step to end
    the war" names a way, not an act."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    ranks = lexicon.word_set("senses.asserting_ranks")

    def ranked(word: Token) -> bool:
        return word.ent_type_ == "ORDINAL" or word.lower_ in ranks

    head = clause.head
    return ranked(head) or (is_actor_like(head, lexicon) and any(
        c.dep_ == "amod" and ranked(c) for c in head.children))


def _main_clause_misparsed(clause: Token) -> bool:
    """A "relative clause" with a subject of its own hanging on a noun that is the root of
    its sentence is the sentence's main clause, misparsed: a sentence's root is its verb
    ("The World Health Organization (WHO) is sending aid" hangs "is sending" on
    "Organization")."""
    head = clause.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") and c.lower_ != "that"
        for c in clause.children)


def _predicated_of_an_act(match: TriggerMatch, trigger_tokens: set[int],
                          lexicon: Lexicon) -> bool:
    """A noun trigger said of "it", "this" or an act's own noun by a copular verb ("It was
    their second meeting this year", "The attack was the deadliest attack in years"): what the act
    told was, not another act."""
    token = match.token
    if match.pattern.pos != "NOUN" or token.dep_ != "attr" or lemma_of(
            token.head) not in lexicon.word_set("senses.copular_verbs"):
        return False
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lower_ in ("it", "this", "that")
                                    or subject.i in trigger_tokens)


def _described(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A noun trigger that is the subject of a copular verb: an act being described ("the
    curfew remains in force", "says the blockade is illegal"); or a standing measure, the
    subject of a verb of its end, directly or through the verb that governs it ("the curfew
    expired", "the ban was due to end")."""
    token = match.token
    if match.pattern.pos != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    if lemma_of(verb) in lexicon.word_set("senses.copular_verbs"):
        return True
    ending = lexicon.word_set("senses.ending_verbs")
    return match.pattern.type in lexicon.word_set("senses.standing_types") and (
        lemma_of(verb) in ending
        or any(c.dep_ == "xcomp" and lemma_of(c) in ending for c in verb.children))


def _meant_by_a_noun(token: Token) -> bool:
    """A to-infinitive on a noun ("Trump's decision to send troops"): its doer is the
    noun's party, but inside another act ("welcomed Trump's decision to ...") it is what
    that act is about, as an actorless act is."""
    return token.dep_ == "acl" and token.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _is_purpose(token: Token) -> bool:
    """A to-infinitive adjunct: "opened fire to disperse", "marched to demand"."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _is_descriptive_participle(match: TriggerMatch) -> bool:
    """A participle describing a noun reports an earlier state, not this report's event:
    "the banned movement", "property seized by the army" (but not one set off by commas,
    ", arrested by police last week,": a clause of its own). (A bare acl participle is too
    often a misparsed main verb to drop, and so is one whose "by" tells how it was done:
    "Members protested by shouting ...".)"""
    token = match.token
    if match.pattern.pos != "VERB" or token.tag_ != "VBN":
        return False
    return token.dep_ == "amod" or (
        token.dep_ == "acl" and any(c.dep_ == "agent" for c in token.children)
        and not states_means(token) and not _set_off(token))


def _on_condition(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the act is made to hang on a condition: an "if" or "unless" clause on its verb
    ("sanctions will be imposed if Ankara buys the system")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    markers = lexicon.word_set("modality.hypothetical_markers")
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers
                                         for m in c.children) for c in verb.children)


def _speakers_own(event: Event, lexicon: Lexicon) -> bool:
    """Whether a quoted event is the speaker's own act ("we will retaliate", "I urge"):
    first person, or the speaker named as its actor."""
    if event.actor is None:
        return False
    words = event.actor.text.lower().split()
    if words and words[0] in ("we", "i", "our", "my", "us"):
        return True
    source = event.attributed_to
    return source is not None and source.text.lower() == event.actor.text.lower()


def _own_voice(event: Event, lexicon: Lexicon) -> bool:
    """Whether the event is stated by its own actor ("the farmers said they would ...")."""
    if event.attributed_to is None or event.actor is None:
        return False
    actor = event.actor.text.lower()
    return actor in lexicon.word_set("actors.pronouns") or actor == event.attributed_to.text.lower()


def _in_background(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A noun trigger inside a background phrase ("after two days of fierce fighting"), or a
    gerund standing as one (the parser often tags "fighting" there a verb)."""
    if match.pattern.pos != "NOUN" and not _gerund_as_noun(match.token):
        return False
    background = lexicon.word_set("recipients.background_prepositions")
    token = match.token
    for _ in range(4):
        if token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in background:
            return True
        if token.dep_ == "pobj" and token.head.head.lower_ in background:  # "in the wake of"
            return True
        token = token.head
    return False


def _since_clause(verb: Token) -> bool:
    """A clause opened by "since" dates a state of things from an earlier act ("the port is
    calmer since it was recaptured in 2017"): background."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                        for c in verb.children)


def _gone_without(noun: Token) -> bool:
    """A noun after "without", alone or as one of two options ("to leave with or without a
    deal"): an act that did not happen, or may not."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.pos_ != "ADP":
        return False
    paired = [prep.head] if prep.dep_ == "conj" and prep.head.pos_ == "ADP" else []
    return any(p.lower_ == "without" for p in (prep, *paired))


def _kind_as_topic(match: TriggerMatch, trigger_tokens: set[int], lexicon: Lexicon) -> bool:
    """A bare plural act noun that a thing is about names a kind of act, no event: "laws
    about honour killings", "a debate on executions" (not "a film about the bombing", that
    one; nor "talks on prisoner exchanges", where the talks are an act)."""
    noun, prep = match.token, match.token.head
    if match.pattern.pos != "NOUN" or noun.tag_ != "NNS" or noun.dep_ != "pobj" or (
            prep.lower_ not in lexicon.word_set("recipients.topic_prepositions")):
        return False
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    return bare and prep.head.pos_ == "NOUN" and prep.head.i not in trigger_tokens


def _activity_as_subject(token: Token) -> bool:
    """An -ing clause with no doer as a clause's subject names a kind of act, done by no one
    in particular: "bargaining with militias is an offence", "attacking civilians is a war
    crime"."""
    return token.tag_ == "VBG" and token.dep_ in ("csubj", "csubjpass") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "poss") for c in token.children)


def _gerund_as_noun(token: Token) -> bool:
    """An -ing form as a preposition's object with no doer of its own ("weeks of fighting")."""
    return token.tag_ == "VBG" and token.dep_ in ("pobj", "pcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj", "poss") for c in token.children)


def _describes_a_party(match: TriggerMatch) -> bool:
    """A bare past participle describing a noun says who or what is meant ("the release of a
    lawyer *jailed* for his letters", "the family of a civilian *killed* in the raid"): an
    earlier act told in passing, and so are the acts told inside it ("a man suspected of
    carrying out the *attack*"). Not when the sentence has no verb at its root: there the
    "participle" is the misparsed main verb ("Doctors from two aid groups *donated* ...")."""
    token = match.token
    if token.sent.root.pos_ not in ("VERB", "AUX"):
        return False
    # the trigger itself set off by commas ("three journalists, *arrested* last week, remain
    # in custody") tells its act as a clause of its own does, not to say who is meant
    return _describing_participle(token) and not _set_off(token) or any(
        _describing_participle(t) for t in token.ancestors)


def _describing_participle(token: Token) -> bool:
    return (token.tag_ == "VBN" and token.dep_ == "acl" and token.head.dep_ != "ROOT"
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark")
                        for c in token.children)
            and not states_means(token))  # "Members protested by shouting": the main verb


def _portfolio(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A noun after "for" on a person's office names what the office is for ("the special
    envoy for Sudan peace talks", "the commissioner for refugee aid"): part of a title,
    no act."""
    token = match.token
    return (match.pattern.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "for"
            and token.head.head.pos_ in ("NOUN", "PROPN")
            and lemma_of(token.head.head) in lexicon.word_set("attribution.person_nouns"))


def _stance_of_a_party(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A present participle of saying that describes a noun says where the party stands,
    which party is meant ("objections from clerics *opposing* the law", "arrested students
    *demanding* his release", "lawmakers *supporting* the bill praised ..."): told in
    passing, not a statement of its own. A document's participle is what it says ("a
    resolution *condemning* the coup", "a report blaming the police")."""
    token = match.token
    return (match.pattern.type in lexicon.word_set("acts.statement_types")
            and token.tag_ == "VBG" and token.dep_ == "acl"
            and token.head.pos_ in ("NOUN", "PROPN", "PRON")
            and is_actor_like(token.head, lexicon)
            and token.sent.root.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark")
                        for c in token.children))


def _under_another_act(match: TriggerMatch, event: Event, trigger_tokens: set[int]) -> bool:
    """A noun trigger with no doer, however deep under another trigger, names a thing that
    act is about or was done in ("banned papers from printing photographs of *murders*",
    "praised a report on the *torture* of inmates in three prisons"): told in passing. Closer
    ones are no event at all (`_nested`)."""
    return match.pattern.pos == "NOUN" and event.actor is None and any(
        a.i in trigger_tokens for a in match.token.ancestors)


def _clause_of(token: Token) -> Token:
    """The verb whose clause holds the trigger: a noun's governing verb, above a
    to-infinitive the verb it complements ("attempted *to overthrow*"), and for a verb
    coordinated with another the first ("to rescuing the hostages *and arresting* ...")."""
    while (token.pos_ not in ("VERB", "AUX") or token.dep_ in ("xcomp", "conj")) and (
            token.head.i != token.i):
        token = token.head
    return token


def _told_outside(clause: Token, trigger_tokens: set[int]) -> bool:
    """Whether an act is told outside the clause."""
    inside = {t.i for t in clause.subtree}
    return any(i not in inside for i in trigger_tokens)


def _dates_another_act(token: Token, trigger_tokens: set[int], lexicon: Lexicon) -> bool:
    """An act in a clause that places another act before or after it (`senses.
    sequence_conjunctions`: "suspended aid *after* a convoy was attacked", "withheld the
    payment *until* the goods were delivered", "*after* siding with the prosecutors") is
    told to date that act, which is the news. Not when no act is told outside the clause
    ("The move came after the army freed 100 prisoners"), and not a clause of acts at the
    same time ("while", "as"): those are news alike."""
    clause = _clause_of(token)
    sequence = lexicon.word_set("senses.sequence_conjunctions")
    placed = (clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in sequence
                                             for c in clause.children)) or (
        clause.dep_ == "pcomp" and clause.head.lower_ in sequence)
    return placed and _told_outside(clause, trigger_tokens)


def _aimed_at(token: Token, trigger_tokens: set[int], lexicon: Lexicon) -> bool:
    """An act in a clause on a noun of aim (`senses.aim_nouns`: "in an *attempt* to overturn
    the verdict", "with a *view* to rescuing the hostages", "in a *bid* to end the strike")
    is what another act told in the sentence was for: intended, told in passing."""
    clause = _clause_of(token)
    aims = lexicon.word_set("senses.aim_nouns")

    def aim(word: Token) -> bool:
        return word.pos_ == "NOUN" and word.lemma_.lower() in aims

    on_aim = (clause.dep_ in ("acl", "xcomp") and aim(clause.head)) or (
        clause.dep_ == "pcomp" and clause.head.dep_ == "prep" and aim(clause.head.head))
    return on_aim and _told_outside(clause, trigger_tokens)


def _fled(match: TriggerMatch, event: Event, lexicon: Lexicon) -> bool:
    """A doerless noun act that people flee or escape ("to escape the fighting", "fled from
    the shelling") is the situation they leave, told in passing."""
    token = match.token
    return (match.pattern.pos == "NOUN" or _gerund_as_noun(token)) and event.actor is None and (
        token.dep_ in ("dobj", "obj", "pobj") and (
            token.head if token.dep_ != "pobj" else token.head.head).lemma_.lower()
        in lexicon.word_set("senses.avoidance_verbs"))


REASON_PREPOSITIONS = {"for", "with", "of", "over", "about"}


def _charge_of(token: Token, charge_triggers: dict[int, str],
               charge_nouns: frozenset[str] = frozenset()) -> Token | None:
    """The charge, conviction or arrest an act is what it is for ("accused London of
    spreading lies", "X was convicted of murder", "arrested on suspicion of assaulting"),
    or a noun of charging that is no trigger ("charged with two counts of murder")."""
    clause = token
    for _ in range(5):
        if clause.dep_ in ("pcomp", "pobj") and clause.head.dep_ == "prep" and (
                clause.head.lower_ in REASON_PREPOSITIONS | {"on"}):
            charge = clause.head.head
            if charge.i in charge_triggers:
                return charge
            if lemma_of(charge) in charge_nouns and not _leads_to_trigger(charge,
                                                                           charge_triggers):
                return charge
            if charge.pos_ not in ("NOUN", "PROPN"):
                return None
            if charge.dep_ in ("dobj", "obj") and charge.head.i in charge_triggers:
                return charge.head  # "accused the rebels of killing": "of" hung on the object
            clause = charge  # "on suspicion of", "on charges of": up to what they hang on
            continue
        if clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def _used_with(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A means of force after "with" is what the verb's doer used ("dispersed the students
    *with tear gas*"), not what the people it was done to are charged with ("charged with
    assault")."""
    token = match.token
    return (match.pattern.mode in lexicon.word_set("actors.means_modes")
            and token.dep_ == "pobj" and token.head.lower_ == "with")


def _leads_to_trigger(noun: Token, charge_triggers: dict[int, str]) -> bool:
    """Whether a charge noun hangs on a charge trigger by a preposition ("charged with two
    counts of ...": the trigger is the charge)."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i in charge_triggers


def _accused(charge: Token) -> Token | None:
    """Whom a charge targets: its object, or its passive subject; for a participle, whom
    it describes ("a man, charged with murder", "appeared in court, charged with ...")."""
    found = next((c for c in charge.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    if found is not None or charge.tag_ != "VBN":
        return found
    if charge.dep_ == "acl":
        return charge.head
    if charge.dep_ == "advcl":
        return next((c for c in charge.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                    None)
    return None


def _session_of_one_body(match: TriggerMatch, event: Event, lexicon: Lexicon) -> bool:
    """A body that meets or discusses on its own ("the cabinet met on Tuesday", "the
    commission will discuss the complaints"): its sitting, no consultation between parties
    (CONSULT is a meeting of two sides or more; "met with the unions" is one)."""
    token = match.token
    if match.pattern.type != "CONSULT" or match.pattern.pos != "VERB" or match.pattern.particles or (
            lemma_of(token) not in lexicon.word_set("senses.session_verbs")):
        return False
    if event.recipient is not None or any(c.dep_ == "prep" and c.lower_ == "with"
                                          for c in token.children):
        return False
    subject = subject_of(token, lexicon)  # "the commission is scheduled to discuss"
    return subject is not None and subject.tag_ == "NN" and not any(
        c.dep_ == "conj" for c in subject.children) and lemma_of(subject) in lexicon.word_set(
            "senses.deliberative_bodies")


def _process_in_passing(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A process named in passing ("sources close to the investigation", "interfered with
    an inquiry into ...", "preferred an investigation"): an act only when a verb carries it
    ("launched an investigation", "an inquiry was opened")."""
    token = match.token
    if match.pattern.pos != "NOUN" or lemma_of(token) not in lexicon.word_set(
            "senses.process_nouns"):
        return False
    return not (token.dep_ in ("dobj", "obj", "nsubjpass")
                and lemma_of(token.head) in lexicon.light_verbs)


def _reason_of(match: TriggerMatch, trigger_tokens: set[int]) -> bool:
    """A noun trigger giving the reason of another act through a preposition ("charged
    with murder", "convicted of assault", "arrested for the killing")."""
    token = match.token
    if match.pattern.pos != "NOUN" or token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in REASON_PREPOSITIONS and (
        prep.head.i in trigger_tokens or prep.head.head.i in trigger_tokens)


def _preposition_objects(match: TriggerMatch) -> list[Token]:
    """The prepositions a noun trigger's `preposition` constraint found (on the noun, or
    after it on its verb): standing for the trigger, they govern what they introduce."""
    word = match.pattern.preposition
    noun = match.token
    return [c for c in (*noun.children, *noun.head.children)
            if c.dep_ == "prep" and c.lower_ == word and (c.head.i == noun.i or c.i > noun.i)]


SOURCING_REACH = 8  # words back from "to discuss" to "anonymity"


def _sourcing(token: Token, lexicon: Lexicon) -> bool:
    """How a source is quoted, not an act: asking for anonymity ("requested anonymity"), or
    what a source was not named to talk about ("speaking on condition of anonymity to
    discuss the operation", "anonymity because he was not authorized to discuss it")."""
    words = lexicon.word_set("senses.sourcing_words")
    if any(lemma_of(c) in words for c in token.children if c.dep_ in ("dobj", "obj")):
        return True
    return lemma_of(token) in lexicon.word_set("senses.sourcing_topics") and any(
        lemma_of(t) in words for t in token.doc[max(0, token.i - SOURCING_REACH) : token.i])


def _judgement_of_naming(token: Token, lexicon: Lexicon) -> bool:
    """A word that is the judgement a naming verb gives ("found the raid *justified*",
    "called the vote a *betrayal*"): the naming is the speech act, not this word."""
    return token.dep_ in ("ccomp", "xcomp", "oprd", "acomp") and (
        lemma_of(token.head) in lexicon.word_set("stance.naming_verbs"))


def _topic_of_protest(match: TriggerMatch, event: Event, doc: Doc, lexicon: Lexicon) -> bool:
    """A demand made by protesters is the topic of their protest, which is the event (the
    manual, PROTEST: "generally the topic of the protest---which will typically be a
    REQUEST---is not coded as a separate event")."""
    if match.pattern.type != "REQUEST" or event.actor is None or event.actor.start is None:
        return False
    span = doc.char_span(event.actor.start, event.actor.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if lemma_of(head) in lexicon.word_set("actors.quantity_nouns"):
        head = noun_object(head) or head  # "thousands of demonstrators"
    return lemma_of(head) in lexicon.word_set("actors.protesters")


def _topic_of_speech(match: TriggerMatch, verbal_triggers: set[int]) -> bool:
    """A noun trigger that is what a verbal act is about ("called for sanctions against X",
    "condemned the attack", "filed a complaint over the killing") and says nothing of its
    own doer: the topic of the speech act, not an event of its own. A noun with its own
    doer ("condemned Israel's raids", "the attack by the rebels") stays an event."""
    token = match.token
    if match.pattern.pos != "NOUN":
        return False
    if any(c.dep_ in ("poss", "agent") or (c.dep_ == "prep" and c.lower_ == "by")
           or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP", "ORG"))
           for c in token.children):
        return False
    return _nested(token, verbal_triggers)


def _nested(token: Token, trigger_tokens: set[int]) -> bool:
    """Whether another trigger governs this one closely ("oppose the deployment"). A
    clause of its own ("was arrested after the mayor was stabbed") is not governed: it
    tells its own act."""
    if token.pos_ in ("VERB", "AUX") and (
            token.dep_ in OWN_CLAUSE_DEPS
            or token.dep_ == "relcl" and _set_off(token) and token.head.i in trigger_tokens):
        return False  # "the attack, which killed 12 people": what the act did
    for _ in range(NESTING_DEPTH):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i in trigger_tokens:
            return True
    return False


def _closing_speaker(sentences: list[Span], index: int, text: str, lexicon: Lexicon
                     ) -> Entity | None:
    """The speaker named where the quotation opened in sentence `index` closes, within its
    paragraph and the next three sentences."""
    open_quote = True
    previous_end = sentences[index].end_char
    for sentence in sentences[index + 1:index + 4]:
        if "\n" in text[previous_end:sentence.start_char]:
            return None  # a quotation left open does not run into a new paragraph
        tokens = list(sentence)
        inside = quote_state(tokens, open_quote)
        open_quote = ends_open(tokens, open_quote)
        if not open_quote:
            return _sentence_speaker(tokens, lexicon, inside)
        previous_end = sentence.end_char
    return None


def _sentence_speaker(sentence: Sequence[Token], lexicon: Lexicon, inside: list[bool]
                      ) -> Entity | None:
    """A sentence with no event may still name who is speaking ('"...," KCNA said.'); a
    reporting verb inside the quotation ('"... and it says ...," she wrote') is the
    speaker's words, not a new speaker."""
    reporting = lexicon.word_set("attribution.reporting_verbs")
    for token, quoted in zip(sentence, inside, strict=True):
        if not quoted and token.pos_ == "VERB" and token.lemma_.lower() in reporting:
            speaker = speaker_of(token)
            if speaker is not None and speaker.dep_ == "nsubj":  # not "it was reported"
                return source_entity(speaker)
    return None
