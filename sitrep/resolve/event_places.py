"""Where an event happened when its own clause names no place.

The place an event's clause names ("attacked a hotel in Beledweyne", "met in Riyadh") is
its location (`resolve.events`, before the mentions of one act are merged), if it says
where the act was (`clause_places`): not a thing of a place ("China's subsidies"), a topic
("talks on Gaza"), the place of what a statement speaks of ("condemned the bombing in
Kandahar"), where its object comes from ("banned imports from Brazil") nor the act's doer
("a loan from Beijing"), nor what a statement asks for ("called for a ceasefire in
Sudan"). A place behind a site the act was at is one ("massed in front of the consulate in
Istanbul", "an airstrike targeting his hideout in Anbar"), and so is where a meeting's
partner is ("talks with Sudanese envoys in Doha"; not by phone or video) or an
attack's target ("air strikes against the militia in Yemen"), a copula's ("the summit was in
Hanoi") and, after
those, where its doer is said to be ("Police in Lagos arrested ..."). An act whose
mentions name none takes, once merged and dated, where the article puts it:

1. **paragraph**: the nearest place that sets the scene before one of its mentions, in the
   same sentence or the PARAGRAPH_REACH sentences before it, within its paragraph (a line
   break starts a paragraph), as narrative goes on where it was ("Gunmen stormed a market
   in the town of Kayes. Police arrested three suspects."). A place sets the scene as the
   object of a locative preposition ("in", "at", "near", ...) on a verb or the verb's own
   noun ("attacked a train in X", "police in X said"); not a place that names a party
   ("Kabul said", "the Kyiv government"), where something goes or comes from ("flown to
   Louisiana"), nor one deep in a noun phrase or in a clause that describes a noun ("an
   abduction of schoolgirls in Borno"), nor a continent or a region of several countries.
   Not past a place of another country named in between, nor another country named with
   a locative preposition ("In Malawi, ..."): the narrative has moved on. Not from another
   time (an act told as background looks in its own sentence only), and not for an act
   told in a quotation;
2. **dateline**: the place of the article's dateline ("BLANTYRE —"), for news only: an act
   told as background was not where the reporter is now;
3. **setting**: the country where the article's story happens (`resolve.discourse`).

Acts told as done (asserted, claimed) may take any of the three; a plan or a possibility
only the setting; a denied or negated act none. The dateline and the setting are not
taken where the act's paragraph sets its scene in another country, nor where its own
sentence tells of somewhere else (names a place outside that country, or a country word of
another and not that country).

And the place must fit the act's parties, so that an act that clearly happened elsewhere
is not put there (`_Parties.fit`): a statement (PLOVER's verbal types but meetings, and
sanctions) is where its speaker is, so a speaker of another country, of several, or an
international body, is not placed, and a paragraph's town is a statement's only when the
speaker's own words name that country ("Afghan officials said"), and not one of a
government named by its capital, which speaks from there ("Beijing denied it"); a meeting whose clause
names no place is put at home only when all its parties are of that country; a movement of
forces (MOBILIZE, RETREAT) is where its recipient is, not where the forces come from; an
attack on a target of another country is where the target is; any other act where its
actor or its recipient is. An act whose parties have no country code fits anywhere. A
setting the article does not make clear (its evidence less than twice the next country's,
`Discourse.setting_clear`) places only acts whose parties' own words name that country
("the Afghan army chief", "Ankara"), not those given it by the discourse ("he", "police").

An inferred location is a Location with `inferred_from` set (`text` is the
text of the mention it came from: the place named in the paragraph, read as the clause
that names it reads it, "the town of Kayes"; the dateline; the article's first mention of
the setting country), with its precision, and `inferred_from` says which of the three it is.
It changes no code: merging and implied parties go by the places clauses name.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sitrep.extract.arguments import entity_for
from sitrep.extract.lexicon import Lexicon
from sitrep.package_data import read_toml
from sitrep.records import Article, ArticlePlace, Entity, Event, Location
from sitrep.resolve.actors import ActorCode, ActorDictionary
from sitrep.resolve.event_dates import _paragraphs, _word_bounds
from sitrep.resolve.places import Gazetteer

# How many sentences before an act's own a place it goes on from may be named in.
PARAGRAPH_REACH = 2
# Acts placed from their paragraph or the dateline: those told as done.
DONE_MODALITIES = frozenset({"asserted", "claimed"})
# Acts not placed at all: those that did not happen.
NOT_PLACED_MODALITIES = frozenset({"negated", "denied"})
# Verbal types that happen where the parties meet, not where a speaker is.
MEETING_TYPES = frozenset({"CONSULT"})
# Types that move forces: where they go, not where they come from.
MOVEMENT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# Types done where their target is, when it is of another country than the actor, and the
# prepositions that may name the target ("air strikes against the militia in Yemen").
ATTACK_TYPES = frozenset({"ASSAULT"})
ATTACK_TARGET_PREPOSITIONS = ("against", "on")
# Other types done where the actor is, as statements are (PLOVER's verbal types).
SPEAKER_TYPES = frozenset({"SANCTION"})
# Places too large to say where an act happened.
TOO_LARGE = frozenset({"continent", "ocean"})
# Labels of names that may be places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Clauses that describe a noun: a place in one is not where the narrative is.
DESCRIBING_CLAUSES = frozenset({"relcl", "acl"})
# Things that stand somewhere, through whose phrase an act's place may be named ("at a
# naval base at Souda Bay"), how many nouns down, and the words of talks held apart
# ("by phone"), after which a partner's place is not the meeting's (places/words.toml).
SITE_NOUNS = frozenset(read_toml("places/words.toml")["site_nouns"])
SITE_DEPTH = 3
REMOTE_WORDS = frozenset(read_toml("places/words.toml")["remote_words"])
# Prepositions that say where something is (not where it goes or comes from).
LOCATIVE = frozenset({"in", "inside", "across", "throughout", "at", "near", "outside",
                      "around", "within"})


def clause_places(event: Event, doc: Doc, lexicon: Lexicon,
                  actors: ActorDictionary) -> list[Location]:
    """The phrases of an act's clause that may say where it happened: the place a visit's
    verb takes ("visited Taiwan"), then `Event.place_candidates` and the places of its "of"
    phrase ("detained dozens of protesters in Tehran"), less those that name no
    place of the act: a thing of a place ("China's subsidies", "its use of Guantanamo Bay",
    "U.S. operations"), a topic ("talks on Gaza", "a protest over the war in Gaza",
    "sanctions on Iran"), for a statement the place of what it speaks of ("condemned the
    attack in Kabul", "rejected demands from Washington"): a statement is where its speaker
    is (a sanction is where it is applied: "suspended aid deliveries in Mosul"); where its
    object comes from ("banned imports from Brazil"), or an attack named with its target,
    or that target ("rocket attacks from Gaza on towns"); the act's doer, a government named
    by its capital ("received a loan from Beijing")."""
    trigger = (doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
               if event.trigger.start is not None and event.trigger.end is not None else None)
    if trigger is None or not len(trigger):
        return event.place_candidates
    kind = event.event_type  # the act told, not what a plan of it codes as ("will meet")
    said = _is_verbal(lexicon, kind) and kind not in MEETING_TYPES
    words = _PlaceWords(lexicon, actors)
    doer = event.actor.start if event.actor is not None and not event.actor.implied else None
    # a statement's "of" phrase is what it says ("accused of the bombing in X")
    candidates = [*event.place_candidates,
                  *(_of_phrase_places(trigger.root, words) if not said else ())]
    candidates += _site_places(trigger.root, words, lexicon)
    if kind in MEETING_TYPES or kind in ATTACK_TYPES:
        candidates += _partner_places(trigger.root, words, "with" if kind in MEETING_TYPES
                                      else ATTACK_TARGET_PREPOSITIONS)
    return [*_visited(trigger.root, lexicon, words), *(c for c in candidates
            if (doer is None or c.start != doer)  # "a loan from Beijing": the lender
            and _says_where(c, doc, trigger.root, said, said or kind in MEETING_TYPES
                           or kind in SPEAKER_TYPES, kind in MOVEMENT_TYPES, words,
                           attack=kind in ATTACK_TYPES)),
            *_attacked_country(event, kind, actors), *_doer_place(event, doc, words)]


def _site_places(trigger, words: _PlaceWords, lexicon: Lexicon) -> list[Location]:
    """A place named inside the locative phrase of the act (or of its verb, or of its
    object), behind a site or an act it names: "held at a naval base at Souda Bay",
    "massed in front of the consulate in Istanbul", "killed in an airstrike targeting his
    hideout in Anbar" (the act was at the site, the site in the place)."""
    anchors = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX"):
        anchors.append(trigger.head)
    if (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ != "of"
            and trigger.head.head.pos_ == "VERB"):
        anchors.append(trigger.head.head)  # "massed ... in protest"
    out = []
    for anchor in anchors:
        for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in LOCATIVE):
            for site in (c for c in prep.children if c.dep_ == "pobj"):
                if anchor.pos_ == "AUX" and _names_a_place(site, words):  # "the summit
                    # was in Hanoi": the copula's place, which the act's phrases lack
                    entity = entity_for(site, with_conjuncts=False)
                    out.append(Location(text=entity.text, start=entity.start, end=entity.end))
                out += _places_behind(site, words, lexicon, SITE_DEPTH)
    return out


def _places_behind(site, words: _PlaceWords, lexicon: Lexicon, depth: int) -> list[Location]:
    """The places in the locative or "of" phrases of a site or act noun (`site`), or of the
    object of a verb that describes it ("an airstrike targeting his hideout in X"), to
    `depth` nouns down; not behind a name, which is the place itself or a party's."""
    if depth == 0 or site.pos_ == "PROPN" or not (
            site.lemma_.lower() in words.sites or site.lemma_.lower() in words.nouns
            or site.lemma_.lower() in lexicon.noun_patterns):
        return []
    inner = [c for prep in site.children if prep.dep_ == "prep"
             and (prep.lower_ in LOCATIVE or prep.lower_ == "of")
             for c in prep.children if c.dep_ == "pobj"]
    inner += [c for clause in site.children if clause.dep_ in DESCRIBING_CLAUSES
              for c in clause.children if c.dep_ in ("dobj", "obj")]
    out = []
    for token in inner:
        if _names_a_place(token, words):
            entity = entity_for(token, with_conjuncts=False)
            out.append(Location(text=entity.text, start=entity.start, end=entity.end))
        else:
            deeper = _places_behind(token, words, lexicon, depth - 1)
            if not deeper and token.lemma_.lower() in words.sites and any(
                    c.dep_ in ("compound", "nmod") and c.ent_type_ in PLACE_LABELS
                    for c in token.children):  # "Iraq's Anbar desert": a site so named
                start = token.left_edge.idx
                deeper = [Location(text=token.doc.text[start:token.idx + len(token)],
                                   start=start, end=token.idx + len(token))]
            out += deeper
    return out


def _partner_places(trigger, words: _PlaceWords, prepositions) -> list[Location]:
    """Where a meeting's other party is, named in its "with" phrase ("talks with Sudanese
    envoys in Doha"): the parties met there, unless they spoke by phone or video; and
    where an attack's target is, after "against" or "on" ("air strikes against the militia
    in Yemen")."""
    if "with" in prepositions and any(t.lemma_.lower() in words.remote for t in trigger.sent):
        return []
    hosts = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
    hosts += [c for host in hosts[1:] for of in host.children if of.lower_ == "of"
              for c in of.children if c.dep_ == "pobj"]  # "a series of airstrikes against"
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX"):
        hosts.append(trigger.head)  # "held talks with ..."
    out = []
    for host in hosts:
        for prep in (c for c in host.children if c.dep_ == "prep" and c.lower_ in prepositions):
            for partner in (c for c in prep.children if c.dep_ == "pobj"):
                for where in (c for c in partner.children
                              if c.dep_ == "prep" and c.lower_ in LOCATIVE):
                    place = next((c for c in where.children if c.dep_ == "pobj"), None)
                    if place is not None and _names_a_place(place, words):
                        entity = entity_for(place, with_conjuncts=False)
                        out.append(Location(text=entity.text, start=entity.start,
                                            end=entity.end))
    return out


def _doer_place(event: Event, doc: Doc, words: _PlaceWords) -> list[Location]:
    """Where the act's doer is said to be ("Forces in Puntland launched an offensive",
    "officials in Kabul said"): the act was there, after any place its clause names."""
    actor = event.actor
    if actor is None or actor.implied or actor.start is None or actor.end is None:
        return []
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    out = []
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in LOCATIVE):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is not None and _names_a_place(place, words):
            entity = entity_for(place, with_conjuncts=False)
            out.append(Location(text=entity.text, start=entity.start, end=entity.end))
    return out


def _names_a_place(token, words: _PlaceWords) -> bool:
    """A name read as a place, or a country's the tagger read otherwise ("the Maldives");
    not a noun a country's name qualifies ("Israel's consulate")."""
    return token.pos_ == "PROPN" and (token.ent_type_ in PLACE_LABELS or words.is_country(token))


def _attacked_country(event: Event, kind: str, actors: ActorDictionary) -> list[Location]:
    """A country attacked by name ("invaded Ukraine", "the invasion of Kuwait"): the attack
    was in it. Last, after any place the clause names ("shelled Kharkiv in Ukraine")."""
    target = event.recipient
    if kind not in ATTACK_TYPES or target is None or target.start is None or target.members:
        return []
    found = actors.resolve(target.text)
    if not actors.is_country_match(found) or found.matched != target.text.removeprefix("the "):
        return []  # a country's people or forces ("Ukrainian troops") are no place
    if found.matched == actors.country(found.code).capital:
        return []  # "its battle against Beijing": the government, not the city
    return [Location(text=target.text, start=target.start, end=target.end)]


def _of_phrase_places(trigger, words: _PlaceWords) -> list[Location]:
    """A place in a locative phrase the parser hung on the "of" phrase of a deed or of its
    object, as English leaves open: "detained dozens of protesters in Tehran", "the arrest
    of five people in the town of Kayes" (the act was there)."""
    anchors = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
    out = []
    for anchor in anchors:
        for of in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"):
            for inner in (c for c in of.children if c.dep_ == "pobj"):
                for prep in (c for c in inner.children
                             if c.dep_ == "prep" and c.lower_ in LOCATIVE):
                    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if place is not None and (place.ent_type_ in PLACE_LABELS
                                              or words.is_place(place)):
                        entity = entity_for(place, with_conjuncts=False)
                        out.append(Location(text=entity.text, start=entity.start,
                                            end=entity.end))
    return out


def _visited(trigger, lexicon: Lexicon, words: _PlaceWords) -> list[Location]:
    """The place a visit's verb takes as its object ("visited Taiwan", "toured the Donbas
    region", "will visit the Maldives") or its noun takes after "to" ("a visit by the
    premier to Mauritius"): where it was; not in a clause that describes a noun ("the first
    envoy to visit Minsk"). A person visited is no place ("visited Putin")."""
    if (trigger.lemma_.lower() not in lexicon.word_set("places.visit_verbs")
            or trigger.dep_ in DESCRIBING_CLAUSES and not _says_what_a_noun_holds(trigger)):
        return []
    visited = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    if trigger.pos_ == "NOUN":
        visited += [c for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "to"
                    for c in prep.children if c.dep_ == "pobj"]
    place = next((c for c in visited if c.ent_type_ in PLACE_LABELS or words.is_country(c) or (
        c.lemma_.lower() in words.nouns and any(t.ent_type_ in PLACE_LABELS for t in c.subtree))),
        None)
    if place is None:
        return []
    start, end = place.left_edge.idx, place.idx + len(place)
    return [Location(text=trigger.doc.text[start:end], start=start, end=end)]


def _says_what_a_noun_holds(verb) -> bool:
    """A clause after a noun that tells its content, with its own subject after "that"
    ("plans that the premier will visit Samoa"), not one that describes the noun ("the
    first envoy to visit Minsk", "the town he visited")."""
    return (any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in verb.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


class _PlaceWords:
    """The words that tell a place phrase from a thing or a topic (arguments.toml [places])."""

    def __init__(self, lexicon: Lexicon, actors: ActorDictionary) -> None:
        self.nouns = lexicon.word_set("places.place_nouns")
        self.topic = lexicon.word_set("places.topic_prepositions")
        self.thing_topic = lexicon.word_set("places.thing_topic_prepositions")
        self.always_topic = lexicon.word_set("places.always_topic_prepositions")
        self.origin = lexicon.word_set("places.origin_prepositions")
        self.party_labels = lexicon.word_set("actors.entity_labels")
        self.party_nouns = lexicon.word_set("actors.head_nouns")
        self.sites = SITE_NOUNS
        self.remote = REMOTE_WORDS
        self.actors = actors

    def is_party(self, token) -> bool:
        """A name or noun of people or a body ("the company", "Reuters"), not of a thing."""
        return (token.ent_type_ in self.party_labels
                or token.lemma_.lower() in self.party_nouns)

    def is_country(self, token) -> bool:
        """A country's name the tagger did not read as a place ("the Maldives", tagged as an
        organisation)."""
        phrase = token.doc[token.left_edge.i : token.i + 1].text
        return self.actors.is_country_match(self.actors.resolve(phrase))

    def is_place(self, token) -> bool:
        """A name, a place noun ("the town of X", "Afghan soil"), or a thing that a name
        other than a country's makes a place ("Bagram air base", "the Yeoju shooting range";
        not "U.S. operations", "China's subsidies", "the use of Guantanamo Bay")."""
        if token.pos_ == "PROPN" or token.ent_type_ in PLACE_LABELS:
            return True
        if token.lemma_.lower() in self.nouns or token.lower_ in self.nouns:
            return True
        return any(t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN"
                   and not self.actors.find_countries(t.text)
                   for t in token.subtree if t.i < token.i)


def _says_where(candidate: Location, doc: Doc, trigger, statement: bool, verbal: bool,
                movement: bool, words: _PlaceWords, *, attack: bool = False) -> bool:
    """Whether a place phrase of the clause says where the act was. `statement`: the act is
    said (not a meeting), so that where its object is is not where it was said; `verbal`: a
    statement or a meeting, whose "on", "over", "against" give a topic; `movement`: forces
    moved, which go from a place they were in; `attack`: an attack, which is where its
    target is, not where it comes from ("rocket attacks from Gaza")."""
    if candidate.start is None or candidate.end is None:
        return True
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    token = span.root
    if not words.is_place(token):
        return False
    while token.dep_ == "pobj" and token.head.i != token.i:
        prep = token.head
        word = prep.lower_
        if (word in words.always_topic or word in words.topic and verbal
                or word in words.thing_topic and not words.is_place(token)
                and token.lemma_.lower() not in words.sites):  # "front of the consulate in X"
            return False  # "talks on Gaza", "a protest over the war in Gaza"
        host = prep.head
        if word in words.origin and attack and _with_its_target(host, trigger):
            return False  # "attacks on settlers and workers from Punjab", "rocket attacks
            # from Gaza on towns": where the targets or the attacks come from, not where
            # anyone was hit (but "abducted students from a school in X": there)
        if statement and host.pos_ in ("VERB", "AUX") and _in_what_is_said(host, trigger):
            return False  # "dismissed accusations that it buys drones from Iran"
        if host.i == trigger.i or host.pos_ in ("VERB", "AUX") or host.i == prep.i:
            break
        if word in words.origin and not movement and host.pos_ in ("NOUN", "PROPN"):
            # "tightened restrictions on travel from India", "a plan for asylum seekers
            # from the Middle East": where the thing or people come from, not the act's place
            return False
        if host.dep_ in ("dobj", "obj") and host.head.i == trigger.i and (
                statement and not words.is_party(host)
                or word in words.origin and not movement):
            # "condemned the attack in Kabul": the attack's place (a party's is where it
            # was told: "criticized the company in Hagatna"); "banned imports from Brazil":
            # where the things come from (forces move from where they were)
            return False
        if (statement and host.dep_ == "pobj" and host.head.head.i == trigger.i
                and host.head.lower_ not in LOCATIVE
                and (host.head.lower_ == "for" or not words.is_party(host))):
            return False  # "called for a unity government in Libya": what is asked
        token = host
    return True


def _in_what_is_said(verb, trigger) -> bool:
    """Whether `verb` is in a clause a statement's object or complement holds (what it
    speaks of), not one of the statement's own ("speaking in Kyiv, rejected ...")."""
    token = verb
    while token.i != trigger.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "acl", "relcl", "dobj", "obj"):
            return trigger in token.ancestors
        token = token.head
    return False


def _with_its_target(host, trigger) -> bool:
    """Whether `host` is an attack that names its target after "on" or "against" (the
    act itself, or the verb it is the object of: "stepped up attacks on X from Y"), or
    that target."""
    if host.i == trigger.i or host.i == trigger.head.i and trigger.dep_ in ("dobj", "obj"):
        # not "on Friday"
        return any(c.dep_ == "prep" and c.lower_ in ATTACK_TARGET_PREPOSITIONS
                   and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
                           for o in c.children) for c in trigger.children)
    while host.dep_ == "conj":
        host = host.head
    return (host.dep_ == "pobj" and host.head.lower_ in ATTACK_TARGET_PREPOSITIONS
            and host.head.head.i == trigger.i)


def inferred(location: Location, source: str) -> Location:
    """`location`, marked as given by the article: "paragraph", "dateline" or "setting"."""
    return replace(location, inferred_from=source)


def places_from_article(events: Sequence[Event], doc: Doc, article: Article,
                        places: Sequence[ArticlePlace], countries: Sequence[ActorCode], *,
                        actors: ActorDictionary, gazetteer: Gazetteer, lexicon: Lexicon,
                        setting: str | None, setting_clear: bool,
                        people: Mapping[str, ActorCode] | None = None,
                        context: Sequence[str] = ()) -> list[Location | None]:
    """The place the article gives each act without a place of its own (None for the
    others and where it gives none). `events`: one per act, dated, background marked;
    `people`: the code each person the article names has by their description, by
    surname (`Discourse.people`)."""
    out: list[Location | None] = [None] * len(events)
    if not any(e.location is None for e in events):
        return out
    scene = _Scene(doc, article.text, places, countries, actors,
                   lexicon.word_set("places.place_nouns"))
    scene.tell([e.location for e in events if e.location is not None])
    dateline = _dateline_place(article, gazetteer, context)
    home = _setting_place(setting, places, countries, actors)
    for number, event in enumerate(events):
        if event.location is not None or event.modality in NOT_PLACED_MODALITIES:
            continue
        done = event.modality in DONE_MODALITIES
        parties = _Parties(event, actors, lexicon, people)
        found, scene_country = (scene.paragraph_place(event, parties)
                                if done and not event.quote else (None, _NO_SCENE))
        for fallback, evidence_needed in ((dateline, False), (home, not setting_clear)):
            if found is not None or fallback is None:
                continue
            if fallback is dateline and (event.background or not done):
                continue  # an earlier act, or one to come, is not where the reporter is now
            speaker_there = parties.speaks_from(fallback.country)
            if scene_country not in (_NO_SCENE, fallback.country) and not speaker_there:
                continue  # the paragraph tells of another country
            if scene.names_elsewhere(event, fallback.country, parties) and not speaker_there:
                continue  # its own sentence tells of somewhere else
            if parties.fit(fallback.country, named=False, evidence_needed=evidence_needed):
                found = replace(fallback)  # each act its own
        out[number] = found
    return out


_NO_SCENE = object()


class _Parties:
    """The countries of an act's parties, and where such an act can happen: a statement
    (or a sanction) where its speaker is, a meeting where its parties are, a movement of
    forces where its recipient is (not where they come from), any other act where its
    actor or its recipient is."""

    def __init__(self, event: Event, actors: ActorDictionary, lexicon: Lexicon,
                 people: Mapping[str, ActorCode] | None = None) -> None:
        kind = event.plover_type or event.event_type
        self.kind = ("meeting" if kind in MEETING_TYPES
                     else "movement" if kind in MOVEMENT_TYPES
                     else "attack" if kind in ATTACK_TYPES
                     else "speaker" if kind in SPEAKER_TYPES or _is_verbal(lexicon, kind)
                     else "deed")
        self.actor, other = _countries(event.actor, actors)
        self.international = bool(other) and not self.actor  # the UN, an NGO
        self.recipient, _ = _countries(event.recipient, actors)
        # the countries the parties' own words name ("the Afghan army chief", "Ankara"),
        # not those they were given from the discourse ("he", "police", "Mr Berisha")
        people = people or {}
        self.named_actor = self.actor & _named(event.actor, actors, people, event.published)
        self.named_recipient = self.recipient & _named(event.recipient, actors, people,
                                                       event.published)
        # a government named by its capital ("Beijing denied it") speaks from there
        info = actors.country(next(iter(self.actor))) if len(self.actor) == 1 else None
        self.seat = (info.capital if info is not None and event.actor is not None
                     and not event.actor.implied
                     and _name_key(event.actor.text) == _name_key(info.capital or "")
                     else None)

    def speaks_from(self, country: str | None) -> bool:
        """A statement of a speaker whose own words name `country` ("Afghan officials
        said"): said there, wherever the paragraph's other acts are."""
        return self.kind == "speaker" and len(self.actor) == 1 and country in self.named_actor

    def fit(self, country: str | None, *, named: bool = True,
            evidence_needed: bool = False) -> bool:
        """Whether the act can have happened in `country` (None: in no one country, a
        sea). `named`: the place is named near the act (else it is the dateline's or the
        setting's); `evidence_needed`: only if a party's own words name that country."""
        actor, recipient = ((self.named_actor, self.named_recipient) if evidence_needed
                            else (self.actor, self.recipient))
        if not named and len(self.actor) > 1:
            return False  # "Tokyo and Washington agreed": not in one of them
        if self.kind == "speaker":
            if self.international:
                return False  # the UN, an NGO: from its seat
            if not self.actor:
                return not evidence_needed
            return country in actor
        codes = self.actor | self.recipient
        if not codes:
            return not evidence_needed
        if country is None:
            return named  # at sea, over a peninsula: an act of any parties
        if not named:
            if self.kind == "meeting":  # at home, else anywhere
                return codes == {country} and country in self.named_actor
            if self.kind == "movement":
                return country in recipient  # forces go elsewhere than where they are from
            if self.kind == "attack" and recipient - actor:
                return country in recipient - actor  # where the target is
        return country in actor | recipient


def _name_key(text: str) -> str:
    return text.lower().removeprefix("the ").strip()


def _named(entity: Entity | None, actors: ActorDictionary, people: Mapping[str, ActorCode],
           when) -> set[str]:
    """The countries a party's own words name, or those of the name it stands for: the
    named source "it" refers to, the description of the person "he" is ("Afghan President
    Ashraf Ghani")."""
    if entity is None or entity.implied:
        return set()
    found = actors.resolve(entity.text, when)
    codes = {c.code for c in actors.find_countries(entity.text)}
    if found is not None and found.code:
        codes.add(found.code)
    person = people.get(entity.person) if entity.person else None
    if person is not None and person.code:
        codes.add(person.code)
    return codes | _named(entity.refers_to, actors, people, when)


def _is_verbal(lexicon: Lexicon, kind: str) -> bool:
    try:
        return lexicon.is_verbal(kind)
    except KeyError:
        return False


def _countries(entity: Entity | None, actors: ActorDictionary) -> tuple[set[str], set[str]]:
    """A party's country codes, and its codes that are no country (organisations)."""
    if entity is None:
        return set(), set()
    codes = {c for c in [entity.code, *(m.code for m in entity.members)] if c}
    countries = {c for c in codes if actors.country(c) is not None}
    return countries, codes - countries


class _Scene:
    """The article's sentences and paragraphs, and the places that can set a scene."""

    def __init__(self, doc: Doc, text: str, places: Sequence[ArticlePlace],
                 countries: Sequence[ActorCode], actors: ActorDictionary,
                 place_nouns: frozenset[str]) -> None:
        self.place_nouns = place_nouns
        sentences = list(doc.sents)
        self.starts = [s.start_char for s in sentences]
        # a line break between two sentences starts a paragraph (as for carried dates)
        self.paragraphs = _paragraphs(text, [_word_bounds(s) or (s.start_char, s.end_char)
                                             for s in sentences])
        self.places = list(places)
        self.place_starts = [p.start for p in self.places]
        self.countries = sorted(countries, key=lambda c: c.start)
        self.country_starts = [c.start for c in self.countries]
        self.doc = doc
        self.actors = actors
        self.scene = [self._sets_scene(p) for p in self.places]
        # the place an act's own clause made of a mention ("the town of Kayes": the town,
        # where the article's places may read the region), by the mention's index
        self.told: dict[int, Location] = {}

    def tell(self, locations: Sequence[Location]) -> None:
        """Note the places acts' own clauses name, for the acts that go on from them."""
        for location in locations:
            if location.start is None or location.end is None or location.lat is None:
                continue
            first = bisect.bisect_left(self.place_starts, location.start)
            for index in range(first, len(self.places)):
                if self.places[index].start >= location.end:
                    break
                if self.places[index].end <= location.end:
                    self.told.setdefault(index, location)

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def paragraph_place(self, event: Event, parties: _Parties
                        ) -> tuple[Location | None, object]:
        """The nearest scene-setting place before one of the act's mentions, within reach
        and its paragraph, if the act's parties fit it; and the country of the scene the
        act is told in (_NO_SCENE when no place sets one within reach). An act told as
        background takes a place of its own sentence only: the sentences before tell of
        another time."""
        scene_country: object = _NO_SCENE
        mentions = event.text_mentions()  # the best mention's scene first
        mentions.sort(key=lambda m: m.trigger.start != event.trigger.start)
        for mention in mentions:
            offset = mention.trigger.start
            if offset is None:
                continue
            sentence = self.sentence_of(offset)
            first = sentence if event.background else max(0, sentence - PARAGRAPH_REACH)
            while first < sentence and self.paragraphs[first] != self.paragraphs[sentence]:
                first += 1
            earliest = self.starts[first]
            index = bisect.bisect_left(self.place_starts, offset) - 1
            while index >= 0 and self.places[index].start >= earliest:
                place = self.places[index]
                if place.end <= offset and self.scene[index]:
                    if self._moved_on(index, offset):
                        break
                    found = self.told.get(index) or Location(
                        text=place.text, name=place.name, country=place.country,
                        lat=place.lat, lon=place.lon,
                        precision=Location.precision_of(place.kind),
                        start=place.start, end=place.end)
                    if scene_country is _NO_SCENE:
                        scene_country = found.country
                    # a statement is where its speaker is, not where its paragraph is;
                    # a government named by its capital not in a town of its country
                    elsewhere = parties.kind == "speaker" and (
                        not parties.speaks_from(found.country)
                        or parties.seat is not None and found.name != parties.seat)
                    if elsewhere or not parties.fit(found.country):
                        break
                    return inferred(found, "paragraph"), found.country
                index -= 1
        return None, scene_country

    def names_elsewhere(self, event: Event, country: str | None, parties: _Parties) -> bool:
        """Whether one of the act's sentences tells of somewhere else than `country`: names
        a place outside it (a sea included: "sent bombers from Guam to the Korean
        Peninsula"), or a country word of another ("Malawi was struck", "Japanese
        ships") and `country` neither as a place nor in the act's parties' own words
        ("Israeli forces fired at Palestinian protesters")."""
        places: set[str | None] = set()
        words: set[str | None] = set()
        for mention in event.text_mentions():
            if mention.sentence_start is None:
                continue
            start, end = mention.sentence_start, mention.sentence_start + len(mention.sentence)
            index = bisect.bisect_left(self.place_starts, start)
            while index < len(self.places) and self.places[index].start < end:
                place = self.places[index]
                if not _too_large(place):
                    places.add(place.country)
                index += 1
            index = bisect.bisect_left(self.country_starts, start)
            while index < len(self.countries) and self.countries[index].start < end:
                words.add(self.countries[index].code)
                index += 1
        if places - {country}:
            return True
        return bool(words - {country}) and country not in (
            places | parties.named_actor | parties.named_recipient)

    def _moved_on(self, index: int, offset: int) -> bool:
        """Whether a place of another country is named between place `index` and `offset`,
        or a country of another in a locative phrase ("In Malawi, ...")."""
        country = self.places[index].country
        if any(p.country != country
               for p in self.places[index + 1:bisect.bisect_left(self.place_starts, offset)]):
            return True
        first = bisect.bisect_left(self.country_starts, self.places[index].end)
        last = bisect.bisect_left(self.country_starts, offset)
        return any(c.code != country and self._locative(c.start, c.end)
                   for c in self.countries[first:last])

    def _locative(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (span is not None and len(span) > 0 and span.root.dep_ == "pobj"
                and span.root.head.lower_ in LOCATIVE)

    def _sets_scene(self, place: ArticlePlace) -> bool:
        """Whether a place mention tells where the narrative is: the object of a locative
        preposition ("in Sudan", "in the Somali port of Kismayo", "in Balochistan
        province") on a verb or on the verb's own noun ("attacked a train in X",
        "police in X said"), not deeper in a noun phrase ("an abduction of schoolgirls
        in Borno") nor in a clause that describes a noun."""
        if _too_large(place):
            return False
        span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        head = span.root
        if head.dep_ in ("compound", "amod") and head.head.lemma_.lower() in self.place_nouns:
            head = head.head  # "Balochistan province"
        if (head.dep_ == "pobj" and head.head.lower_ == "of"
                and head.head.head.lemma_.lower() in self.place_nouns):
            head = head.head.head  # "the Somali port of Kismayo"
        if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE:
            return False  # "Kabul said", "the Kyiv government", "flown to Louisiana"
        nouns = 0
        token = head.head  # the preposition
        while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
            if token.dep_ in DESCRIBING_CLAUSES:
                return False
            token = token.head
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                nouns += 1
                if nouns > 1:
                    return False
        while token.head.i != token.i:
            if token.dep_ in DESCRIBING_CLAUSES:
                return False
            token = token.head
        return True


def _too_large(place: ArticlePlace) -> bool:
    """A continent, an ocean, a region of several countries ("the Middle East")."""
    return place.kind in TOO_LARGE or place.kind == "region" and place.country is None


def _dateline_place(article: Article, gazetteer: Gazetteer,
                    context: Sequence[str]) -> Location | None:
    """The dateline's place ("SEOUL", "MARANCHON, SPAIN"); none for a dateline of several
    places ("ISLAMABAD/PENTAGON")."""
    text = (article.dateline or "").strip()
    if not text or "/" in text:
        return None
    place = gazetteer.resolve(text, context_countries=context)
    if place is None or place.kind in TOO_LARGE:
        return None
    return inferred(gazetteer.to_location(text, place), "dateline")


def _setting_place(setting: str | None, places: Sequence[ArticlePlace],
                   countries: Sequence[ActorCode],
                   actors: ActorDictionary) -> Location | None:
    """The setting country, written as the article first names it as a place, else as it
    first names the country at all ("Somali")."""
    info = actors.country(setting) if setting else None
    if info is None or info.lat is None:
        return None
    named = next((p for p in places if p.kind == "country" and p.country == setting), None)
    if named is not None:
        text, start, end = named.text, named.start, named.end
    else:
        first = next((c for c in countries if c.code == setting), None)
        text, start, end = ((first.matched, first.start, first.end) if first is not None
                            else (info.name, None, None))
    return inferred(Location(text=text, name=info.name, country=setting, lat=info.lat,
                             lon=info.lon, precision=Location.precision_of("country"),
                             start=start, end=end), "setting")
