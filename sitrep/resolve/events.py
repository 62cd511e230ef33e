"""Resolve stage for one article: codes for actors, recipients and sources, absolute dates,
places with coordinates.

Within an article, a phrase the dictionary cannot code on its own is linked back to an
earlier one: "it said" to the last source, "its Air Force" and "it" to the last coded
actor, "the regime" to the country last named, "slammed the exercise" to whoever did the
exercise, "Trump" to "US President Donald Trump"; a named actor the dictionary does not
know takes the country the article names most; an attack told without its doer takes the
one the article says claimed it, or the caught suspect of the country where it happened
(`claimed_doers`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.arguments import is_end_of_way, names_a_doer
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.triggers import is_passive
from sitrep.records import Article, ArticlePlace, Entity, Event, Location, Mention
from sitrep.resolve.acts import merge_acts
from sitrep.resolve.claimed_doers import (
    give_caught_doers,
    give_claimed_doers,
    give_doers_claimed_by_pronoun,
)
from sitrep.resolve.actors import FOREIGN_POSTS, ActorCode, ActorDictionary, names_a_post
from sitrep.resolve.discourse import (
    AFFILIATION_PREPOSITIONS,
    PRONOUN_REACH,
    Discourse,
    across_a_border,
    build_discourse,
    outside_names,
)
from sitrep.resolve.event_dates import ArticleDates
from sitrep.resolve.event_places import clause_places, places_from_article
from sitrep.resolve.named_parties import (
    NON_STATE_SECTORS,
    PRONOUNS,
    given_from,
    giver_named_with_gift,
    group_before,
    hyphened_parties,
    is_bare_name,
    is_state_of,
    named_codes,
    whole_name,
)
from sitrep.resolve.places import Gazetteer, Place

PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his"}
# Heads of a source phrase that name one person ("the spokesman said he ...").
PERSON_TITLES = {"spokesman", "spokeswoman", "spokesperson", "minister", "president",
                 "official", "leader", "chief", "secretary", "ambassador", "envoy", "governor",
                 "mayor", "premier", "chancellor", "general", "commander", "prosecutor",
                 "judge", "lawyer", "senator", "lawmaker", "director", "head", "man", "woman"}
# Descriptions that stand for a non-state party named just before ("the group").
GROUP_NOUNS = {"group", "organisation", "organization", "movement", "militia", "faction",
               "network", "outfit", "insurgency", "rebels", "militants"}
# How many sentences back a description ("the regime", "the bombers") looks for what it
# stands for before falling back on where the event happens.
DESCRIPTION_REACH = 2
FIRST_PERSON = {"we", "i", "our", "us", "my"}
SPEAKER_PRONOUNS = {"he", "she", "it", "they"}
POSSESSIVES = {"its", "their", "his", "her", "our"}
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
DIRECTIONS = {"north", "south", "east", "west"}  # "the North" for North Korea
SPEAKER_POSSESSIVES = {"its", "their"}
# Sectors of a state's own officials, who do not act on their own government as "the
# government".
STATE_SECTORS = {"GOV", "MIL"}
# a description of a body as the owner: "the bloc's mediator", "the group's leader"
BODY_OWNER = re.compile(r"(?:the|this) ([a-z]+)['\u2019]s(?= )", re.IGNORECASE)


@dataclass
class _ArticleMemory:
    """What has been resolved so far in the article, for linking back."""

    actors: list[Entity] = field(default_factory=list)
    sources: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    # recipients that are the subject of their act's own verb ("The WFP received ...", "the
    # embassy was attacked"): what a subject "it" or "they" after them carries on
    subject_recipients: list[Entity] = field(default_factory=list)
    # an act's coded actor and recipient of two countries, in order: "the two sides" after
    # "X shelled Y"
    pairs: list[tuple[Entity, Entity]] = field(default_factory=list)
    countries: list[ActorCode] = field(default_factory=list)  # every country named, in order
    country_ends: list[int] = field(default_factory=list)  # sorted, for bisection
    dominant: str | None = None  # the article's setting, else the country it names most
    local: str | None = None  # where the event being resolved happens (its place, else setting)
    doc: Doc | None = None
    gazetteer: Gazetteer | None = None
    context: list[str] = field(default_factory=list)
    discourse: Discourse = field(default_factory=Discourse)
    # descriptions that stand for a whole country ("the regime"): arguments.toml [actors]
    country_descriptions: frozenset[str] = frozenset()
    # descriptions that call a country itself ("the island nation"): arguments.toml [actors]
    country_nouns: frozenset[str] = frozenset()
    # words that make a doer unknown ("unidentified gunmen"): arguments.toml [actors]
    unknown_doer_words: frozenset[str] = frozenset()
    # descriptions that name a form of state ("the kingdom") -> the states of that form:
    # arguments.toml [actors] state_form_<word>
    state_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    # parties named by their relation to another ("its allies"): arguments.toml [actors]
    relational_nouns: frozenset[str] = frozenset()
    # what "both ...", "the two ...", "the three ..." call parties just named together:
    # arguments.toml [actors]
    pair_nouns: frozenset[str] = frozenset()
    # the same office of another party ("his Kenyan counterpart"): arguments.toml [actors]
    counterpart_nouns: frozenset[str] = frozenset()
    # what "the bloc", "the alliance", "the company" call a body just named: arguments.toml
    body_nouns: frozenset[str] = frozenset()
    # documents that speak for their issuer ("the statement"): arguments.toml [actors]
    document_nouns: frozenset[str] = frozenset()
    office_nouns: frozenset[str] = frozenset()
    # verbs of convening or leading a body ("convened the council"): arguments.toml [actors]
    convening_verbs: frozenset[str] = frozenset()
    # what a denial says its doer did not do ("denied any involvement"): arguments.toml
    denied_things: frozenset[str] = frozenset()
    # nouns that call one person ("a Russian journalist"): what a "he"/"she" with no named
    # person in reach stands for: arguments.toml [actors]
    person_nouns: frozenset[str] = frozenset()
    # nouns that call people told of just before by any noun ("the men", "the woman"):
    # arguments.toml [actors]
    generic_person_nouns: frozenset[str] = frozenset()
    # words that make a people's name an ethnicity, not a nationality ("ethnic Turks"):
    # arguments.toml [actors]
    ethnicity_words: frozenset[str] = frozenset()
    # a region's adjective in a phrase ("European leaders"): arguments.toml [actors]
    regional: re.Pattern = re.compile(r"(?!)")
    # who issues the article when it speaks in the first person (a ministry's statement):
    # its outlet, if the actor dictionary knows it
    issuer: ActorCode | None = None
    text: str | None = None  # the article's text (Doc.text would rebuild it on each read)
    # the article's places below country level, by start offset: a name the dictionary reads
    # as a country may be one of them ("Republican of Georgia" in a US story)
    divisions: dict[int, ArticlePlace] = field(default_factory=dict)

    def recent_start(self, offset: int) -> int:
        """Where the sentences a description may look back into begin."""
        sentences = self.discourse.sentence_starts
        index = max(0, self.discourse.sentence_of(offset) - DESCRIPTION_REACH)
        return sentences[index] if sentences else 0

    def last_country_before(self, offset: int, other_than: str | None = None
                            ) -> ActorCode | None:
        index = bisect.bisect_right(self.country_ends, offset)
        return next((c for c in reversed(self.countries[:index]) if c.code != other_than),
                    None)


def resolve_events(events: list[Event], doc: Doc, article: Article,
                   actors: ActorDictionary | None = None,
                   gazetteer: Gazetteer | None = None, *,
                   countries: list[ActorCode] | None = None,
                   places: list[ArticlePlace] | None = None,
                   lexicon: Lexicon | None = None,
                   headline: list[Event] | None = None) -> list[Event]:
    """Fill codes, dates and places in the article's events (in place), merge the mentions
    of each act, and return them. `countries`, `places`: the article's country and place
    mentions, if the caller has found them already."""
    actors = actors or ActorDictionary.default()
    gazetteer = gazetteer or Gazetteer.default()
    lexicon = lexicon or Lexicon.default()
    when = article.published
    if countries is None:
        countries = outside_names(doc, actors.find_countries(article.text), actors)
    context = article_countries(countries)
    if places is None:
        from sitrep.resolve.article_places import places_in
        places = places_in(doc, gazetteer, actors, context)
    # "near the border with Venezuela": the country across a border is not where the story
    # is, nor the party of its local people
    border_nouns = lexicon.word_set("places.border_nouns")
    home_countries = [c for c in countries
                      if not across_a_border(doc, c.start, c.end, border_nouns)]
    home_places = [p for p in places if p.kind != "country"
                   or not across_a_border(doc, p.start, p.end, border_nouns)]
    discourse = build_discourse(doc, article, actors, gazetteer, home_places, home_countries,
                                when,
                                lexicon.word_set("places.venue_words"),
                                {sex: lexicon.word_set(f"actors.{sex}_words")
                                 for sex in ("he", "she")})
    issuer = actors.resolve(article.outlet, when) if article.outlet else None
    memory = _ArticleMemory(issuer=issuer if issuer is not None and issuer.code else None,
                            divisions={p.start: p for p in places
                                       if p.kind not in ("country", "demonym")},
                            text=article.text,
                            countries=countries, country_ends=[c.end for c in countries],
                            dominant=discourse.setting or discourse.short_home or next(
                                iter(article_countries(home_countries)), None),
                            doc=doc, gazetteer=gazetteer, context=context,
                            discourse=discourse,
                            country_descriptions=lexicon.word_set("actors.country_descriptions"),
                            state_forms=_state_forms(lexicon),
                            country_nouns=lexicon.word_set("actors.country_nouns"),
                            unknown_doer_words=lexicon.word_set("actors.unknown_doer_words"),
                            relational_nouns=lexicon.word_set("actors.relational_nouns"),
                            pair_nouns=lexicon.word_set("actors.pair_nouns"),
                            counterpart_nouns=lexicon.word_set("actors.counterpart_nouns"),
                            body_nouns=lexicon.word_set("actors.body_nouns"),
                            document_nouns=lexicon.word_set("actors.document_nouns"),
                            office_nouns=lexicon.word_set("actors.office_nouns"),
                            convening_verbs=lexicon.word_set("actors.convening_verbs"),
                            denied_things=lexicon.word_set("actors.denied_things"),
                            person_nouns=lexicon.word_set("actors.person_nouns"),
                            generic_person_nouns=lexicon.word_set(
                                "actors.generic_person_nouns"),
                            ethnicity_words=lexicon.word_set("actors.ethnicity_words"),
                            regional=_regional_pattern(lexicon))
    dates = ArticleDates(doc, article, lexicon)
    previous: list[Event] = []
    for event in events:
        # the place the clause names, whose country its parties may be of, and the one
        # where the act was: "condemned the bombing in Kandahar" was not said there
        # "on the frontier with Ecuador": the far side of a border is neither where nor whom
        if (event.recipient is not None and event.recipient.start is not None
                and across_a_border(doc, event.recipient.start, event.recipient.end,
                                    border_nouns)):
            event.recipient = None
        if _a_venue(event, doc, actors, lexicon, when):
            # "proposed talks at the border village", "at the state house": where, not whom
            event.recipient = None
        near = [c for c in event.place_candidates
                if c.start is None or not across_a_border(doc, c.start, c.end, border_nouns)]
        named = _resolve_place(near, gazetteer, actors, context, countries, places)
        event.location = _resolve_place(
            [c for c in clause_places(event, doc, lexicon, actors)
             if c.start is None or not across_a_border(doc, c.start, c.end, border_nouns)],
            gazetteer, actors, context, countries, places)
        if named is not None and discourse.setting_clear and named.country not in (
                discourse.setting, *context):
            # a park that shares its name with one abroad, in a story clearly set in one
            # country: a place of a country the article never names is no evidence against
            # its setting
            named = None
        memory.local = (named.country if named and named.country
                        # where parties meet says nothing of whose they are ("rebels met
                        # envoys in Geneva")
                        and not _a_meeting(event, doc, lexicon) else memory.dominant)
        if named is None and event.actor is not None:
            # "French troops in Mali killed ten militants": where the actor is, it acts
            memory.local = _located_in(event.actor, memory) or memory.local
        if event.actor is None and event.recipient is None:
            pair = hyphened_parties(event, doc, actors, when)
            if pair is not None:  # "U.S.-Ukraine talks", "the Israel-Hamas war"
                event.actor, event.recipient = pair
        if event.actor is None:  # "an Al-Shabaab attack", the name the tagger missed
            event.actor = group_before(event, doc, actors, when)
        if event.actor is None and event.event_type == "AID":  # "accepted Chinese funding"
            event.actor = giver_named_with_gift(event, doc, actors, when,
                                                lexicon.word_set("actors.receiving_verbs"))
        # the actor first ("X flew ..., its Air Force said": "its" is X), except where the
        # actor is the speaker: "we" inside a quotation, "X said it would ..."
        first_person = event.actor is not None and event.attributed_to is not None and (
            _is_first_person(event.actor) if event.quote
            else event.actor.text.lower() in SPEAKER_PRONOUNS
            and _can_be(event.actor, event.attributed_to, discourse)
            # "the military said its forces had destroyed ...": the speaker's forces
            or event.actor.text.lower().split()[0] in SPEAKER_POSSESSIVES)
        if event.attributed_to is not None and _is_group_description(event.actor):
            # "a Taliban spokesman said the group had attacked": the speaker's group first
            event.attributed_to = _resolve(event.attributed_to, actors, memory, when, "source")
            if event.attributed_to.code:
                memory.sources.append(event.attributed_to)
        if event.actor is not None and not first_person:
            # "they called on China": not China; "they urged President X": any party of X's
            # country but X, who is one person and no "they"
            object_codes = (named_codes(event.recipient, actors, when)
                            if event.recipient is None
                            or discourse.person_in(event.recipient) is None else frozenset())
            other_side = _other_side(event, actors, memory, when)
            if other_side is not None and memory.local == other_side:
                # "is to visit Beijing", "hosted his Kenyan counterpart": the visitor and
                # the host are not of the other side's country, however the place or the
                # setting reads
                memory.local = memory.dominant if memory.dominant != other_side else None
            event.actor = _resolve(event.actor, actors, memory, when, "actor",
                                   not_codes=object_codes)
            if event.actor.code:
                memory.actors.append(event.actor)
        if event.attributed_to is not None and not _is_group_description(event.actor):
            event.attributed_to = _resolve(event.attributed_to, actors, memory, when, "source")
            if event.attributed_to.code:
                memory.sources.append(event.attributed_to)
        if first_person:
            event.actor = replace(_with_code(event.actor, event.attributed_to,
                                             actors.sector_of(event.actor.text)),
                                  body=event.attributed_to.body)
            if event.actor.code:
                memory.actors.append(event.actor)
        if event.recipient is None and event.event_type == "REJECT":
            # "Kyiv blamed Russian forces ... Moscow denied that it had targeted ...": a
            # denial that names nothing it rejects answers the accusation just made
            # against its doer
            event.recipient = _accuser_of(event, previous, memory)
        elif event.recipient is not None:
            if event.recipient.is_event_reference:
                # "proposed a bill ... condemned the bill": whoever issued that document,
                # else the doer of the act it names
                issuer = _issuer_before(event.recipient, actors, memory, when)
                event.recipient = (replace(event.recipient, code=issuer.code,
                                           sector=issuer.sector)
                                   if issuer is not None
                                   else _doer_of_earlier_event(event, previous, lexicon))
            else:
                event.recipient = _resolve(event.recipient, actors, memory, when, "recipient",
                                           other_than=event.actor)
                if event.recipient.code:
                    memory.recipients.append(event.recipient)
                    if _subject_of_trigger(event.recipient, event, doc):
                        memory.subject_recipients.append(event.recipient)
                    if (_code(event.actor) and event.actor.code != event.recipient.code
                            and event.actor.start is not None):
                        memory.pairs.append((event.actor, event.recipient))
            target = _place_named(event.recipient, places, doc, gazetteer, context)
            if target is not None and not _code(actors.resolve(event.recipient.text, when)):
                # "shelled Aleppo": a town the dictionary does not know is its country's,
                # not the country the article is set in
                event.recipient = replace(event.recipient, code=target.country)
                if event.location is None and event.event_type in lexicon.word_set(
                        "recipients.place_target_types"):
                    event.location = target
        place = named
        if (place is not None and place.country and event.actor is None
                and given_from(event, place.start, place.end, doc)):
            # "more aid from Beijing": the giver, no place given to
            event.actor = Entity(text=place.text, code=place.country, sector="GOV",
                                 start=place.start, end=place.end)
            place = None
        if (place is not None and place.country and not _code(event.recipient)
                and not (event.recipient is not None
                         and (_relational(event.recipient, memory.relational_nouns)
                              or _foreign_post(event.recipient, doc)))
                and not _place_not_recipient(event, place.country, lexicon, doc)
                and not _joint_member(place.country, event.actor)
                and not _fronted(place, doc)
                and not _end_of_way(place, doc, lexicon)):
            # "arrived in Seoul": the host; "marched in Belgrade": the state there; "arrested
            # the demonstrators in Minsk": people there
            if event.recipient is not None:
                event.recipient = replace(event.recipient, code=place.country)
            else:
                event.recipient = Entity(text=place.text, code=place.country, sector="GOV",
                                         start=place.start, end=place.end)
        event.date = dates.own_date(event)
        previous.append(event)
    events[:] = [e for e in merge_acts(events, doc, lexicon) if not _in_passing_only(e)]
    for told in headline or ():
        _attach_headline(told, events, actors, when)
    dates.date_discourse(events)
    # acts whose clauses name no place: where the article puts them (paragraph, dateline,
    # setting), read once merged and dated, from the parties the text gives them; set after
    # the implied parties, which (like merging) go by the places the clauses name
    located = places_from_article(events, doc, article, places, countries, actors=actors,
                                  gazetteer=gazetteer, lexicon=lexicon,
                                  setting=discourse.setting,
                                  setting_clear=discourse.setting_clear,
                                  people=discourse.people, context=context)
    give_claimed_doers(events, doc, lexicon)
    give_doers_claimed_by_pronoun(events, doc, lexicon,
                                  lambda party: _resolve(party, actors, memory, when, "actor"))
    give_caught_doers(events, doc, lexicon, discourse.setting)
    measure_targets = _measure_targets(doc, lexicon, actors)
    for event in events:
        _imply_parties(event, doc, lexicon, discourse.setting, actors,
                       setting_clear=discourse.setting_clear, measure_targets=measure_targets)
    for event, location in zip(events, located):
        if location is not None:
            event.location = location
        for party in (event.actor, event.recipient, event.attributed_to):
            _code_as_state(party, actors)
    events[:] = [e for e in events if not _said_by_no_one(e, doc, lexicon)]
    return events


def _accuser_of(event: Event, previous: list[Event], memory: _ArticleMemory) -> Entity | None:
    """Who accused the event's doer in the sentences just before, if someone did and the
    denial has no object of its own ("denied that ...", "denied it", "denied any
    involvement"; not "rejected a resolution")."""
    doer = _code(event.actor)
    if doer is None or event.trigger.start is None or memory.doc is None:
        return None
    span = memory.doc.char_span(event.trigger.start, event.trigger.end,
                                alignment_mode="expand")
    if span is None or any(c.dep_ in ("dobj", "obj") and c.pos_ != "PRON"
                           and c.lemma_.lower() not in memory.denied_things
                           for c in span.root.children):
        return None
    recent = memory.recent_start(event.trigger.start)
    for earlier in reversed(previous):
        if earlier.sentence_start < recent:
            break
        accuser = earlier.actor
        if (earlier.event_type == "ACCUSE" and _code(earlier.recipient) == doer
                and _code(accuser) and accuser.code != doer):
            return replace(accuser, members=[], implied=True)
    return None


def _said_by_no_one(event: Event, doc: Doc, lexicon: Lexicon) -> bool:
    """A statement (an accusation, praise, a demand, a refusal) with no speaker, whose
    mentions give it no doer at all: "allegations surfaced ...", "not everyone
    agreed". A passive verb ("was accused of fraud") tells that someone did it."""
    if event.actor is not None or (event.plover_type or event.event_type) not in (
            lexicon.word_set("acts.statement_types")):
        return False
    for mention in event.text_mentions():
        span = doc.char_span(mention.trigger.start, mention.trigger.end,
                             alignment_mode="expand")
        if span is None or not len(span) or names_a_doer(span[0], lexicon):
            return False
    return True


def _code_as_state(party: Entity | None, actors: ActorDictionary) -> None:
    """Code the parties of a dependency as its controlling state ("Puerto Rico's governor"
    is USA); their places keep the territory's own code."""
    if party is None:
        return
    if party.code:
        party.code = actors.state_of(party.code)
    for member in party.members:
        _code_as_state(member, actors)


def _attach_headline(told: Event, events: list[Event], actors: ActorDictionary, when) -> None:
    """A headline act is a mention of the article's first act of its type whose parties
    agree with it ("Gunman opens fire in El Paso superstore" over "a gunman shot shoppers
    ..."); it lends its parties where the text's mentions leave them uncoded. A headline
    act the text does not tell is no event: the text is what reports."""
    if not told.reported_as_act:
        return
    kind = told.plover_type or told.event_type
    for party in ("actor", "recipient"):
        entity = getattr(told, party)
        if entity is not None:
            found = actors.resolve(entity.text, when)
            setattr(told, party, Entity(text=entity.text, code=found.code if found else None,
                                        sector=found.sector if found else None))
    for event in events:
        if (event.plover_type or event.event_type) != kind:
            continue
        if not (_codes_agree(event.actor, told.actor)
                and _codes_agree(event.recipient, told.recipient)):
            continue
        event.mentions.insert(0, Mention(told.sentence, None, replace(
            told.trigger, start=None, end=None), None, headline=True))
        if not _code(event.actor) and _code(told.actor):
            event.actor = told.actor
        if not _code(event.recipient) and _code(told.recipient):
            event.recipient = told.recipient
        return


def _codes_agree(a: Entity | None, b: Entity | None) -> bool:
    codes_a = {c for c in [_code(a), *(m.code for m in a.members)] if c} if a else set()
    codes_b = {c for c in [_code(b), *(m.code for m in b.members)] if c} if b else set()
    return not codes_a or not codes_b or bool(codes_a & codes_b)


def _in_passing_only(event: Event) -> bool:
    """An act named only as the cause or occasion of another ("convicted over their
    assault"), told nowhere else and with no time of its own: background. Where a done act
    happened only says where the background was ("after a meeting in Geneva", "the raids,
    which saw dozens arrested in Dhaka"); an act not told as done, with its place ("ahead of
    the president's planned visit to Japan", "arrested for attacking a journalist in Lyon"),
    is an announcement or a claim, news of its own."""
    return (event.incidental and len(event.text_mentions()) == 1
            and (event.location is None or event.modality == "asserted")
            and not (event.date and event.date.value))


def _fronted(place: Location, doc: Doc) -> bool:
    """Whether a place is named in an adverbial put before its clause's subject ("In
    neighbouring Niger, thousands marched"): it sets the scene of what follows, and is
    where the act was, not whom it was aimed at."""
    if place.start is None or place.end is None:
        return False
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.i > prep.head.i:
        return False
    subject = next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and prep.i < subject.left_edge.i


def _end_of_way(place: Location, doc: Doc, lexicon: Lexicon) -> bool:
    """Whether a place is named as where a way leads ("blocked the road into Bogota"): the
    road's end is no party; whom a roadblock keeps out, if told, is the recipient."""
    if place.start is None or place.end is None:
        return False
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "pobj" and (
        is_end_of_way(span.root.head, lexicon))


def _place_not_recipient(event: Event, country: str, lexicon: Lexicon, doc: Doc) -> bool:
    """Whether the country where the event happens is, by its type, not its recipient:
    a deployment's destination, the host of a meeting that is the actor itself
    (arguments.toml [recipients]), or the venue of talks of any type ("talks in Khartoum",
    "met in Doha", "proposed talks at the border village": where parties meet is no party;
    a visit's place is its host)."""
    if event.event_type in lexicon.word_set("recipients.place_not_recipient_types"):
        return True
    if _a_meeting(event, doc, lexicon):
        return True
    if event.event_type not in lexicon.word_set("recipients.host_types"):
        return False
    return country == _code(event.actor)


def _a_venue(event: Event, doc: Doc, actors: ActorDictionary, lexicon: Lexicon, when
             ) -> bool:
    """Whether the recipient is only the place where a non-violent act was done: a phrase
    behind "at" that names no party by its words nor by its head noun ("talks at the
    border village", "protested at the town hall"; but "rallied at the US embassy", "fired
    at the convoy": the place is the target of an attack or a coercion, arguments.toml
    place_target_types)."""
    party = event.recipient
    if (party is None or party.start is None or party.members or party.is_event_reference
            or event.event_type in lexicon.word_set("recipients.place_target_types")):
        return False
    span = doc.char_span(party.start, party.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.head.lower_ != "at":
        return False
    found = actors.resolve(party.text, when)
    return not (found is not None and found.code) and (
        span.root.lemma_.lower() not in lexicon.word_set("actors.head_nouns"))


def _a_meeting(event: Event, doc: Doc, lexicon: Lexicon) -> bool:
    """Whether the event is told as a meeting ("talks", "met"), also through the verb that
    carries its noun ("held talks", "talks were held") or asks for it ("called for talks"),
    not a visit."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    venue_words = lexicon.word_set("places.venue_words")
    root = span.root
    carried = [c for c in root.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    carried += [g for c in root.children if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children if g.dep_ == "pobj"]
    return root.lemma_.lower() in venue_words or any(
        c.lemma_.lower() in venue_words for c in carried)


def _interstate_measure(event: Event, doc: Doc, lexicon: Lexicon) -> bool:
    """Whether the act is told as a measure between states: its trigger ("sanctions", "an
    embargo", "was sanctioned") or what its verb imposes or lifts ("sanctions would be
    imposed") is one (arguments.toml interstate_measures)."""
    measures = lexicon.word_set("actors.interstate_measures")
    for mention in event.text_mentions():
        span = doc.char_span(mention.trigger.start, mention.trigger.end,
                             alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.lemma_.lower() in measures or any(
                c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in measures
                for c in root.children):
            return True
    return False


def _measure_targets(doc: Doc, lexicon: Lexicon, actors: ActorDictionary) -> frozenset[str]:
    """The states the article tells as the target of a measure between states, as an event
    or as what someone calls for: "sanctions against Turkey", "an embargo on Iran", "if
    Turkey is sanctioned"."""
    measures = lexicon.word_set("actors.interstate_measures")
    targets = set()
    for token in doc:
        if token.lemma_.lower() not in measures:
            continue
        named = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                 for g in c.children if g.dep_ == "pobj"]
        if token.pos_ == "VERB":
            named += [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")]
        for target in named:
            found = actors.resolve(doc[target.left_edge.i: target.right_edge.i + 1].text)
            if actors.is_country_match(found):
                targets.add(found.code)
    return frozenset(targets)


def _imply_parties(event: Event, doc: Doc, lexicon: Lexicon, setting: str | None,
                   actors: ActorDictionary, *, setting_clear: bool = False,
                   measure_targets: frozenset[str] = frozenset()) -> None:
    """Parties the text leaves out but the act implies, in the country where it happens
    (its place, else the article's setting): the authorities for acts only a state does
    ("was arrested", "the ban was lifted"), people there for protests, and as recipient of
    a domestic act (its actor of that country, or unknown) that names none, that country
    (as for a place named in the sentence); of a foreign party's act that names none, the
    setting when the story clearly has one (`setting_clear`)."""
    local = event.location.country if event.location and event.location.country else setting
    if local is None:
        return
    # a state does not sanction or expel itself: "sanctions against Turkey" are some other
    # state's, whoever the text leaves unnamed
    if not _code(event.actor) and not is_state_of(event.recipient, local, doc, actors) and not (
            local in measure_targets and _interstate_measure(event, doc, lexicon)):
        # nor impose on itself the measures the article tells as aimed at it
        kind = _implied_doer(event, doc, lexicon)
        if kind is not None:
            text, sector = kind
            event.actor = Entity(text=text, code=local, sector=sector, implied=True)
    actor = _code(event.actor)
    domestic = actor is None or actor == local or event.actor.implied
    if (not domestic and setting_clear and local == setting and event.recipient is None
            and event.event_type not in lexicon.word_set("recipients.open_appeal_types")
            and not _place_not_recipient(event, local, lexicon, doc)
            and not _joint_member(local, event.actor)):
        # a foreign party's act, in a story clearly set in one country, that names no other
        # side ("Argentina's minister praised the reform"): aimed at that country
        event.recipient = Entity(text=local, code=local, implied=True)
        return
    if (domestic and not _code(event.recipient)
            and not (event.recipient is not None and (_relational(
                event.recipient, lexicon.word_set("actors.relational_nouns"))
                or _foreign_post(event.recipient, doc)))
            and not _place_not_recipient(event, local, lexicon, doc)
            and not _joint_member(local, event.actor)):
        if event.recipient is not None:
            event.recipient = replace(event.recipient, code=local)
        else:
            event.recipient = Entity(text=local, code=local, implied=True)


def _implied_doer(event: Event, doc: Doc, lexicon: Lexicon) -> tuple[str, str] | None:
    """("authorities", "GOV") for a state's act told without its doer, ("protesters",
    "CVL") for a protest, parties of the place for a clash whose sides go unnamed; None
    when the text must name the doer."""
    for mention in event.text_mentions():
        span = doc.char_span(mention.trigger.start, mention.trigger.end,
                             alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span[0]
        lemma = token.lemma_.lower()
        agentless = token.pos_ in ("NOUN", "PROPN") or is_passive(token) or (
            token.tag_ == "VBN" and not any(c.dep_ in ("agent", "nsubj") for c in token.children)
        )  # "appeared in court, charged with murder"
        if not agentless or any(c.dep_ in ("amod", "compound") and c.lower_ in lexicon.word_set(
                "actors.foreign_modifiers") for c in token.children):
            continue
        if lemma in lexicon.word_set("actors.state_acts") or (
                event.mode in lexicon.word_set("actors.state_modes")):
            return "authorities", "GOV"
        if lemma in lexicon.word_set("actors.crowd_acts"):
            return "protesters", "CVL"
        if lemma in lexicon.word_set("actors.local_sides_acts"):
            return "local parties", None
    return None


def _state_forms(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """{"kingdom": the kingdoms, ...} from arguments.toml [actors] state_form_<word>."""
    prefix = "actors.state_form_"
    return {key.removeprefix(prefix): codes for key, codes in lexicon.words.items()
            if key.startswith(prefix)}


def article_countries(countries: list[ActorCode]) -> list[str]:
    """The article's countries, most named first: they settle ambiguous place names
    (Georgia, Paris)."""
    return [code for code, _ in Counter(c.code for c in countries).most_common()]


def _with_code(entity: Entity, code: ActorCode | Entity | None, sector: str | None) -> Entity:
    if code is None:
        return replace(entity, sector=entity.sector or sector)
    return replace(entity, code=code.code, sector=sector or code.sector)


def _resolve(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory, when,
             role: str, not_codes: frozenset[str] = frozenset(),
             other_than: Entity | None = None) -> Entity:
    """The entity with its code and sector. `not_codes`: parties a pronoun cannot stand for,
    named in its own clause ("they called on China": not China); `other_than`: the event's
    actor, whom a recipient pronoun does not stand for ("he praised him", "they urged them":
    a reflexive would name the doer)."""
    if entity.members:
        entity.members = [_resolve(m, actors, memory, when, role, other_than=other_than)
                          for m in entity.members]
    if entity.refers_to is not None:  # "it said" after "KCNA said"
        antecedent = _resolve(entity.refers_to, actors, memory, when, role)
        return replace(_with_code(entity, antecedent if antecedent.code else None,
                                  antecedent.sector), person=antecedent.person,
                       body=antecedent.body)
    entity = whole_name(entity, actors, memory.text, memory.body_nouns | GROUP_NOUNS)
    person = memory.discourse.person_in(entity)
    if person is None:  # a surname the tagger did not read as a name this time
        person = memory.discourse.known_surname(entity.text, entity.start)
    found = actors.resolve_beside_names(entity.text, when, _person_names_in(entity, memory))
    if (person is not None and memory.discourse.person(person) is not None
            and actors.is_country_match(found) and found.matched.lower() == person
            and memory.discourse.named_in_full_before(person, entity.start)):
        # "Lima" after "Senator Paulo Lima": the person, not Peru's capital
        found = None
    if found is not None and _ethnic(entity.text, found, memory.ethnicity_words):
        # "ethnic Hungarians in Romania": people of that descent, of where they live
        found = None
    first_word = entity.text.lower().split()[:1]
    if (found is not None and found.sector == "IGO" and first_word
            and first_word[0] in POSSESSIVES and names_a_post(entity.text)):
        # "his U.N. mission" after "Iran's U.N. ambassador": the owner's post at the body,
        # of the country named last (the body is none)
        owner = (memory.last_country_before(entity.start) if entity.start is not None
                 else None) or (memory.actors[-1] if memory.actors else None)
        if owner is not None:
            return replace(_with_code(entity, owner, "GOV"), person=None)
    division = (memory.divisions.get(entity.start + found.start)
                if found is not None and found.start is not None and entity.start is not None
                else None)
    if division is not None and division.country and division.country != found.code and (
            division.end == entity.start + found.end) and not actors.find_demonyms(
                found.matched):
        # "Senator Ray Olsen, Republican of Georgia": the US state the article places
        # there, not the country of that name; a country's own adjective stays the
        # country's ("the Somali government", not Ethiopia's Somali region)
        found = replace(found, code=division.country)
    if found is not None and found.code and actors.is_country_match(found):
        body = _international_body_served(entity, actors, memory, when)
        if body is not None:  # "a Kenyan judge at the International Criminal Court"
            found = body
    if (found is not None and found.code and _is_group_description(entity)
            and _seat_only(entity.text, found)):
        found = replace(found, code=None)  # "the London-based group": the group named before
    if (role == "actor" and not (found is not None and found.code)
            and memory.unknown_doer_words.intersection(entity.text.lower().split())):
        # "unidentified gunmen": an unknown perpetrator, of no country
        return replace(entity, sector=found.sector if found is not None else None)
    if found is not None and found.code:
        sector = found.sector
        if sector is None and is_bare_name(entity.text, found):
            sector = "GOV"  # "North Korean" or "Seoul" acting: the state
        resolved = replace(entity, code=found.code, sector=sector, person=person,
                           body=actors.body_of(found))
        if not entity.members:  # "the defense chiefs of South Korea and the US"
            resolved.members = _members(entity, actors.resolve_all(entity.text, when))
        elif not any(m.code for m in entity.members):
            resolved.members = []
        return resolved
    sector = found.sector if found is not None else None
    words = entity.text.lower().split()
    if not words:
        return entity
    origins = _origin(entity, actors, memory, when)
    if origins:  # "top diplomats from the Group of Seven"
        origin = origins[0]
        if origin.sector and not actors.is_country_match(origin):
            sector = origin.sector  # "a spokeswoman for Hamas" speaks for an armed group
        # "officials from Ukraine and Russia": one party of each
        members = [Entity(text=o.matched, code=o.code, sector=sector or o.sector,
                          start=o.start, end=o.end)
                   for o in origins] if len({o.code for o in origins}) > 1 else []
        return replace(entity, code=origin.code, sector=sector or origin.sector, person=person,
                       members=members)
    located = _located_in(entity, memory)
    if located is not None:  # "rebels in the Ivory Coast", "a newspaper based in Beirut"
        return replace(entity, code=located, sector=sector, person=person)
    described = _described_country(words, memory)
    if described is not None and entity.start is not None:
        # "the Caribbean nation", "the island nation's prime minister": a country called by
        # a description, whole or as the owner, not a name
        country = _country_so_described(described, entity.start, memory)
        if country is not None:
            return _with_code(entity, country, sector or "GOV")
    if memory.regional.search(entity.text):
        # "European leaders", "Western diplomats": of a region, no country (not the one the
        # story is set in)
        return replace(entity, sector=sector, person=person)
    if words[0] in FIRST_PERSON and memory.issuer is not None:
        # "we condemn ...", "our government" in the issuer's own statement
        return _with_code(entity, memory.issuer, sector or memory.issuer.sector)
    body = len(words) == 2 and words[0] in ("the", "this") and words[1] in memory.body_nouns
    if _is_group_description(entity) or body:
        group = _recent_group(memory, entity.start) or (
            _body_named_before(entity, actors, memory, when) if body else None)
        if group is not None:  # "the group" after "a Taliban spokesman", "the bloc" after
            # "the European Union"
            return replace(_with_code(entity, group, group.sector), person=None)
    owner = BODY_OWNER.match(entity.text)
    if (owner is not None and entity.start is not None
            and owner.group(1).lower() in memory.body_nouns | GROUP_NOUNS):
        # "the bloc's mediator" after "the West African bloc ECOWAS": of that body
        body_owner = _resolve(Entity(text=owner.group(0)[:-2], start=entity.start,
                                     end=entity.start + len(owner.group(0)) - 2),
                              actors, memory, when, role)
        if body_owner.code:
            return _with_code(entity, body_owner, sector or body_owner.sector)
    known = memory.discourse.person(person)
    if known is not None:  # "Brudziński" after "Interior Minister Joachim Brudziński"
        return replace(entity, code=known.code, sector=sector or known.sector, person=person)
    if len(words) == 1 and words[0] in PERSONAL_PRONOUNS and entity.start is not None:
        named = memory.discourse.antecedent(
            entity.start, other_than=other_than.person if other_than is not None else None,
            pronoun=words[0])
        titled = (_unnamed_official_before(entity.start, memory, actors, when, not_codes)
                  if words[0] in ("he", "she") else None)
        if titled is not None and (named is None or named.start < titled[0] or (
                not named.subject
                and named.sentence < memory.discourse.sentence_of(entity.start))):
            # "Brazil's foreign ministry spokesman said ... He urged ...": the official
            # who spoke since the last named person, or the subject before a person named
            # only as the one acted on ("the Chinese minister met Prime Minister X. He
            # signed ...")
            return replace(_with_code(entity, titled[1], sector or titled[1].sector),
                           person=None)
        unnamed = _unnamed_person_before(entity.start, memory, other_than)
        if unnamed is not None and (named is None or (
                not named.subject and unnamed.start > named.start)):
            # "A Russian journalist was detained ... He accused the police ...": the one
            # person the text called by a noun, no name in reach
            return replace(_with_code(entity, unnamed, sector or unnamed.sector), person=None)
        if named is not None:  # "he": the person named last, a subject first
            known = memory.discourse.person(named.surname) or next(
                # else as that person's mention was coded ("Opposition leader Ana Ruiz")
                (e for e in reversed(memory.actors + memory.sources)
                 if e.person == named.surname and e.code), None)
            return replace(entity, code=known.code if known else memory.local,
                           sector=sector or (known.sector if known else None),
                           person=named.surname)
    if len(words) == 1 and words[0] in PRONOUNS:
        antecedent = (memory.sources or memory.actors) if role == "source" else [
            e for e in memory.actors if other_than is None or not other_than.code
            or e.code != other_than.code]
        if not_codes:  # the last party it can be, a source if no actor can
            antecedent = [e for e in antecedent if e.code not in not_codes] or [
                e for e in memory.sources if e.code not in not_codes]
        if words[0] in ("it", "its"):  # one body or thing: not "protesters", "officials"
            antecedent = [e for e in antecedent if not _plural_people(e, memory)]
        main = (_sentence_subject(entity, memory) if role != "source" else None)
        if main is not None:
            resolved = _resolve(main, actors, memory, when, role)
            if resolved.code and resolved.code not in not_codes and not (
                    other_than is not None and resolved.code == _code(other_than)):
                # "Demonstrators cheered as they marched", "the agency said it was ready to
                # help": the subject told just before in the sentence
                return replace(_with_code(entity, resolved, sector or resolved.sector),
                               person=resolved.person, body=resolved.body)
        group = (_plural_subject_before(entity, antecedent, actors, memory, when, not_codes)
                 if words[0] == "they" and role != "source" else None)
        if group is not None:  # "Eritrean refugees crossed into Sudan. They accused ...":
            return replace(_with_code(entity, group, group.sector), person=None)
        subject = (_subject_acted_on(entity, memory, not_codes, other_than)
                   if role != "source" else None)
        if subject is not None and (
                not antecedent or antecedent[-1].start is None
                or memory.discourse.sentence_of(antecedent[-1].start)
                <= memory.discourse.sentence_of(subject.start)):
            # "The WFP received $40 million last year. This year it has received ...", "The
            # embassy was stormed by protesters. It condemned ...": the subject of the
            # latest sentence with one, though its act was done to it
            return replace(_with_code(entity, subject, sector), person=subject.person,
                           body=subject.body)
        if antecedent:
            return replace(_with_code(entity, antecedent[-1], sector),
                           person=antecedent[-1].person, body=antecedent[-1].body)
        # nobody coded yet: the country named last ("The Iranian ministry ... it said")
        country = memory.last_country_before(entity.start) if entity.start is not None else None
        if country is not None and country.code in not_codes:
            country = None
        return _with_code(entity, country, sector)
    counted = _parties_counted(words, memory.pair_nouns)
    if counted:
        groups = [e for e in reversed(memory.actors) if len(_member_codes(e)) >= 2]
        # the last group of that many, else the last group (the parse may drop a member)
        group = next((e for e in groups if len(_member_codes(e)) == counted),
                     groups[0] if groups else None)
        if group is not None:  # "Ethiopia and Eritrea signed ... the two neighbours agreed"
            return replace(entity, code=group.code, sector=sector or group.sector,
                           members=list(group.members))
        pair = next((p for p in reversed(memory.pairs) if entity.start is not None
                     and memory.recent_start(entity.start) <= p[0].start < entity.start), None)
        if counted == 2 and pair is not None:  # "Armenia shelled Azerbaijani posts ... both
            # sides": the two parties of the last act between two
            return replace(entity, code=pair[0].code, sector=sector or pair[0].sector,
                           members=[replace(p, members=[]) for p in pair])
    if words[0] in POSSESSIVES:  # "its Air Force": the owner is the last actor
        if _relational(entity, memory.relational_nouns):
            return replace(entity, sector=sector)  # "its allies" are others, not the owner
        owner = _person_owner(entity, memory)
        if owner is None and words[0] in ("his", "her") and entity.start is not None:
            # "the opposition leader said his party ...": the official the text names by
            # title only
            titled = _unnamed_official_before(entity.start, memory, actors, when, not_codes)
            owner = titled[1] if titled is not None else None
        if owner is not None:  # "his government", "said his country would": the person's
            return _with_code(entity, owner, sector)
        return _with_code(entity, memory.actors[-1] if memory.actors else None, sector)
    for earlier in reversed(memory.actors + memory.sources):
        # a short name seen in full earlier: "Trump" after "US President Donald Trump";
        # not a name inside its apposition ("Ayse Kaya, widow of Ali Demir": not Demir)
        if entity.text in earlier.text.split(",")[0] and earlier.code:
            return replace(_with_code(entity, earlier, earlier.sector), person=earlier.person)
    short = memory.discourse.short_name_in(entity.text)
    if short is not None:  # "the SFO" after "the UK's Serious Fraud Office (SFO)"
        return replace(entity, code=short.code, sector=sector or short.sector, person=person)
    fuller = _fuller_name_before(entity, actors, memory, when)
    if fuller is not None:  # "the House of Representatives" after "the United States House
        return replace(entity, code=fuller.code, sector=sector or fuller.sector, person=person)
    if words[:1] == ["the"] and len(words) == 2 and words[1] in DIRECTIONS and (
            entity.start is not None):
        country = _country_of_direction(words[1], entity.start, memory)
        if country is not None:  # "the North" in a story that names North Korea
            return _with_code(entity, country, sector or "GOV")
    office = _office_named_before(entity, actors, memory, when)
    if office is not None:  # "foreign ministry spokesman X" after "Afghanistan's foreign
        # ministry": that ministry's country, not the story's
        return replace(entity, code=office.code, sector=sector or office.sector, person=person)
    convener = _convener(entity, memory)
    if convener is not None:
        leader = _resolve(convener, actors, memory, when, role)
        if leader.code:  # "President Lee convened the National Security Council": his
            # country's council, not the story's setting's
            return replace(entity, code=leader.code, sector=sector or leader.sector,
                           person=person)
    if memory.local and _is_named(entity.text) and described is None:
        # a named person or body the dictionary does not know ("President Yoweri Museveni",
        # "Prime Minister Ardern"): of the country where they act (PETRARCH's domestic
        # default, taken from the event's place or the article's setting)
        return replace(entity, code=memory.local, sector=sector, person=person)
    if entity.start is not None and words[0] in ("the", "this", "that"):
        named = _named_before(entity, actors, memory, when)
        if named is not None:  # "the embassy" after "the US embassy in Baghdad"; "the
            # court" after "the International Court of Justice" is that international body
            # "the department" after "the Pentagon" is that body, of its own sector
            own = named.sector if named.sector == "IGO" or actors.is_body_match(named) else None
            return replace(entity, code=named.code, sector=own or sector or named.sector)
        author = _issuer_before(entity, actors, memory, when)
        if author is not None:  # "the statement" after "the ministry issued a statement"
            return replace(_with_code(entity, author, author.sector), person=author.person)
    if entity.start is not None and words[0] not in ("a", "an") and (
        words[0] in ("the", "this", "that") or sector is not None
    ):
        recent = memory.recent_start(entity.start)
        if words[-1] in memory.state_forms:  # "the kingdom": the last kingdom named
            return _with_code(entity, _country_so_described(words[-1], entity.start, memory),
                              sector or "GOV")
        if words[-1] in memory.country_descriptions:  # "the regime", "the country"
            # a state's officials act on another state's government ("Kenya's foreign
            # minister urged the government to ..." in a story set in Venezuela)
            own = (other_than.code if role == "recipient" and other_than is not None
                   and other_than.sector in STATE_SECTORS else None)
            country = memory.last_country_before(entity.start, other_than=own)
            local = memory.local if memory.local != own else None
            if country is None or country.start < recent:
                return _with_code(entity, None, sector) if local is None else replace(
                    entity, code=local, sector=sector or "GOV")
            return _with_code(entity, country, sector or (country.sector if country else None))
        history = memory.sources + memory.actors if role == "source" else memory.actors
        head = _head_lemma(entity, memory)
        # the latest phrase of that head, whichever side of its act it was on: "the
        # diplomats" after "expelled two Estonian diplomats"
        told = sorted(history + memory.recipients,
                      key=lambda e: e.start if e.start is not None else -1)
        same_head = next((e for e in reversed(told) if e.code and e.start is not None
                          and e.start < entity.start and _head_lemma(e, memory) == head), None)
        if sector is None:
            # a noun of no known kind is the party just told with it ("the board" after
            # "accused the electoral board"), else no telling whom ("the allies")
            if same_head is not None and same_head.start >= recent:
                return _with_code(entity, same_head, None)
            return entity
        if same_head is None and head in memory.generic_person_nouns:
            # "the men" after "deported two Chinese nationals": the people just told of,
            # as many as they were
            plural = _is_plural(entity, memory)
            same_head = next((e for e in reversed(told) if e.code and e.start is not None
                              and memory.recent_start(entity.start) <= e.start < entity.start
                              and _head_lemma(e, memory) in memory.person_nouns
                              and _is_plural(e, memory) == plural), None)
        if same_head is not None:  # "the militants" after "militants linked with the BLA"
            return _with_code(entity, same_head, sector)
        if head in FOREIGN_POSTS:  # "summoned the ambassador": another state's, untold
            return replace(entity, sector=sector, person=person)
        # "the bombers", "B-1B bombers": a recent coded actor or source of the same sector
        same_sector = [e for e in reversed(history) if e.sector == sector
                       and e.start is not None and e.start >= recent]
        if not same_sector and sector in NON_STATE_SECTORS:
            # "the rebels" after "blamed the Houthis": a group named as the other side
            same_sector = [e for e in reversed(memory.recipients) if e.sector == sector
                           and e.start is not None and recent <= e.start < entity.start]
        if same_sector:
            return _with_code(entity, same_sector[0], sector)
        if memory.local:  # "police", "the court", "prosecutors": of where they act
            return replace(entity, code=memory.local, sector=sector)
    if memory.local and words[0] not in ("the", "this", "that") and (
            role == "actor" or role == "recipient" and sector is not None) and (
            _head_lemma(entity, memory) not in FOREIGN_POSTS):  # "expelled two diplomats"
        # a group no dictionary names ("Ibo traditional elders", "200 supporters of ...",
        # "arrested five activists"): of where they act, as for named actors; a recipient
        # only when it names a kind of people ("urged relevant sides": no one)
        return replace(entity, code=memory.local, sector=sector, person=person)
    return replace(entity, sector=sector, person=person)


LOCATIVE_PREPS = {"in", "throughout", "across", "from", "inside"}
# Labels of names that are parties, not places, whatever a gazetteer knows by them.
PARTY_LABELS = {"PERSON", "ORG", "NORP"}
STANCE_PREFIX = re.compile(r"\b(?:pro|anti)[-\u2010\u2011]", re.IGNORECASE)


def _person_names_in(entity: Entity, memory: _ArticleMemory) -> list[tuple[int, int]]:
    """The offsets, in the phrase, of the people's names the tagger found inside it."""
    if memory.doc is None or entity.start is None or entity.end is None:
        return []
    return [(ent.start_char - entity.start, ent.end_char - entity.start)
            for ent in memory.doc.ents
            if (ent.start_char, ent.end_char) in memory.discourse.name_spans
            and entity.start <= ent.start_char and ent.end_char <= entity.end]


def _head_lemma(entity: Entity, memory: _ArticleMemory) -> str | None:
    """The lemma of the phrase's head noun ("militant" for "Militants linked with ...")."""
    if memory.doc is None or entity.start is None or entity.end is None:
        return None
    span = memory.doc.char_span(entity.start, entity.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else None


def _foreign_post(entity: Entity, doc: Doc) -> bool:
    """Whether the phrase names envoys by their post alone ("two diplomats", "the
    ambassador"): another state's, of no country the place or the story gives."""
    if entity.start is None or entity.end is None:
        return False
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    return (span is not None and len(span) > 0 and span.root.lemma_.lower() in FOREIGN_POSTS
            and not any(t.dep_ == "poss" for t in span.root.children))


def _is_plural(entity: Entity, memory: _ArticleMemory) -> bool:
    if memory.doc is None or entity.start is None or entity.end is None:
        return False
    span = memory.doc.char_span(entity.start, entity.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.tag_ in ("NNS", "NNPS")


def _origin(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory,
            when) -> list[ActorCode]:
    """The bodies or countries an actor phrase says its people come from or serve, when the
    phrase's head has no code of its own: "top diplomats from the Group of Seven", "lawmakers
    from Japan", "a spokeswoman for Hamas", "an official with the European Union",
    "officials from Ukraine and Russia" (each, in order)."""
    if memory.doc is None or entity.start is None:
        return []
    span = memory.doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return []
    for prep in span.root.children:
        if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPOSITIONS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or (prep.lower_ != "from" and obj.pos_ != "PROPN"):
            # serving a body is told with its name ("a spokeswoman for Hamas"); "militants
            # with bases in Afghanistan" have bases there, they do not serve it
            continue
        words = memory.doc[obj.left_edge.i : obj.right_edge.i + 1]
        found = actors.resolve(words.text, when)
        if found is not None and found.code:
            # offsets in the article, for each party's evidence
            return [replace(f, start=words.start_char + f.start, end=words.start_char + f.end)
                    for f in [found, *(f for f in actors.resolve_all(words.text, when)
                                       if f.code and f.code != found.code)]]
    return []


def _international_body_served(entity: Entity, actors: ActorDictionary,
                               memory: _ArticleMemory, when) -> ActorCode | None:
    """The international body a person of some nationality works at or for ("a Kenyan judge
    at the International Criminal Court", "Mary Wambui, a UN official"): they speak for
    the body, not their country; but a state's post there is the state's ("Kenya's envoy
    to the UN", "a Kenyan diplomat at the UN": posts.toml)."""
    if memory.doc is None or entity.start is None:
        return None
    span = memory.doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return None
    for holder in [span.root, *(c for c in span.root.children if c.dep_ == "appos")]:
        if names_a_post(holder.text):
            continue
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPOSITIONS | {"of"}:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.pos_ != "PROPN":
                continue
            found = actors.resolve(memory.doc[obj.left_edge.i: obj.right_edge.i + 1].text, when)
            if found is not None and found.code and found.sector == "IGO":
                return found
    return None


def _located_in(entity: Entity, memory: _ArticleMemory) -> str | None:
    """The country of a place the actor phrase puts its actor in ("rebels in the Ivory
    Coast", "a newspaper based in Beirut") or makes it an office of ("the governor of the
    Tyumen region"), if any."""
    if memory.doc is None or memory.gazetteer is None or entity.start is None:
        return None
    span = memory.doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    anchors = [head] + [c for c in head.children if c.dep_ == "acl"]  # "based in"
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS | {"of"}:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            phrase = memory.doc[obj.left_edge.i : obj.right_edge.i + 1]
            if prep.lower_ == "of":  # "the governor of the Tyumen region": a name that is
                # not a person's ("supporters of President Ben Bella"), up to its head
                phrase = memory.doc[obj.left_edge.i : obj.i + 1]
                if not any(t.pos_ == "PROPN" for t in phrase) or any(
                        t.ent_type_ == "PERSON" for t in phrase):
                    continue
            text = phrase.text
            if STANCE_PREFIX.search(text):
                continue  # "from the pro-Beijing camp": a stance, not a place
            place = memory.gazetteer.well_known().resolve(text, context_countries=memory.context)
            if place is not None and place.country:
                return place.country
    return None


def _described_country(words: list[str], memory: _ArticleMemory) -> str | None:
    """The noun of a description with words of kind that calls a country ("the Caribbean
    nation", "the oil-rich kingdom", "the island nation's prime minister": "nation",
    "kingdom": arguments.toml [actors] country_nouns, state_form_<word>), as the whole
    phrase or its owner; None for a bare "the country", which the story's setting may
    stand for."""
    if words[:1] != ["the"] or len(words) < 3:
        return None
    for k in range(2, min(len(words), 5)):
        word = words[k]
        noun = word.removesuffix("'s").removesuffix("’s")
        if noun in memory.country_nouns or noun in memory.state_forms:
            return noun if noun != word or k == len(words) - 1 else None
    return None


def _country_so_described(noun: str, offset: int, memory: _ArticleMemory) -> ActorCode | None:
    """The country a description stands for: the last one named of that form of state
    ("the kingdom"), else the last one named in the sentences a description reaches."""
    before = memory.countries[:bisect.bisect_right(memory.country_ends, offset)]
    form = memory.state_forms.get(noun)
    if form is not None:
        return next((c for c in reversed(before) if c.code in form), None)
    recent = memory.recent_start(offset)
    return before[-1] if before and before[-1].start >= recent else None


def _person_owner(entity: Entity, memory: _ArticleMemory) -> ActorCode | Entity | None:
    """Whose "his"/"her" phrase it is: the person named last (one in the same sentence
    first, as for "he"), as the article codes them; None if no coded person."""
    words = entity.text.lower().split()
    if words[0] not in ("his", "her") or entity.start is None:
        return None
    named = memory.discourse.antecedent(entity.start, pronoun=words[0])
    if named is None:
        return None
    known = memory.discourse.person(named.surname) or next(
        (e for e in reversed(memory.actors + memory.sources)
         if e.person == named.surname and e.code), None)
    return known if known is not None and known.code else None


def _unnamed_official_before(offset: int, memory: _ArticleMemory, actors: ActorDictionary,
                             when, not_codes: frozenset[str]) -> tuple[int, ActorCode] | None:
    """The latest single official a clause before `offset`, in the sentences a "he"/"she"
    reaches, has as its subject without naming them ("the foreign ministry spokesman
    said"), with where that phrase starts; a coded one only, of none of `not_codes`."""
    doc = memory.doc
    if doc is None or not memory.discourse.sentence_starts:
        return None
    first = max(0, memory.discourse.sentence_of(offset) - PRONOUN_REACH)
    begin = memory.discourse.sentence_starts[first]
    span = doc.char_span(begin, offset, alignment_mode="contract")
    for token in reversed(span or ()):
        if (token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NN"
                or token.lemma_.lower() not in PERSON_TITLES
                or any(t.ent_type_ == "PERSON" for t in token.subtree)):
            continue
        phrase = doc[token.left_edge.i: token.i + 1]
        found = actors.resolve(phrase.text, when)
        if found is not None and found.code and found.code not in not_codes:
            return phrase.start_char, found
        return None
    return None


def _ethnic(text: str, found: ActorCode, words: frozenset[str]) -> bool:
    """Whether the phrase's country comes from a people's name told as an ethnicity
    ("ethnic Hungarians", "ethnic Greeks"), not a nationality."""
    if found.start is None or not words:
        return False
    before = text[:found.start].split()
    return bool(before) and before[-1].lower() in words


def _subject_acted_on(pronoun: Entity, memory: _ArticleMemory, not_codes: frozenset[str],
                      other_than: Entity | None) -> Entity | None:
    """The latest coded recipient before a subject "it" or "they" that was itself the
    subject of its clause ("The WFP received ...", "The embassy was attacked ..."), in the
    sentences a pronoun reaches: a subject pronoun carries the subject on ("it" no
    plural one)."""
    doc = memory.doc
    if doc is None or pronoun.start is None or not memory.discourse.sentence_starts:
        return None
    span = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    first = max(0, memory.discourse.sentence_of(pronoun.start) - PRONOUN_REACH)
    begin = memory.discourse.sentence_starts[first]
    for party in reversed(memory.subject_recipients):
        if (party.start is None or not begin <= party.start < pronoun.start
                or party.code in not_codes or party.text.lower() in PRONOUNS
                or (other_than is not None and party.code == _code(other_than))):
            continue
        told = doc.char_span(party.start, party.end, alignment_mode="expand")
        if told is not None and len(told) and not (
                span.root.lower_ == "it" and told.root.tag_ in ("NNS", "NNPS")):
            return party
    return None


def _sentence_subject(pronoun: Entity, memory: _ArticleMemory) -> Entity | None:
    """For a subject "it" or "they", the nearest subject told before it in its sentence, a
    noun phrase of the pronoun's number ("Demonstrators cheered as they marched", "The
    agency said it was ready to help", "If the rebels are sincere, they must stop ..."; a
    plural by its noun or its verb: "the Taliban are"); None if there is none."""
    doc = memory.doc
    if doc is None or pronoun.start is None:
        return None
    span = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span.root.dep_ != "nsubj" or (
            span.root.lower_ not in ("it", "they")):
        return None
    sentence = span.root.sent
    subject = next((t for t in reversed(doc[sentence.start: span.root.i])
                    if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")), None)
    if subject is None:
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or bool(subject.conjuncts) or (
        subject.head.tag_ == "VBP" or subject.head.lower_ == "were")
    if plural != (span.root.lower_ == "they"):
        return None
    first, last = doc[subject.left_edge.i], doc[subject.right_edge.i]
    return Entity(text=doc.text[first.idx: last.idx + len(last)], start=first.idx,
                  end=last.idx + len(last))


def _plural_people(party: Entity, memory: _ArticleMemory) -> bool:
    """Whether a party is told as many ("protesters", "Iraqi officials", "Russia and
    China"), which "it" does not stand for; a plural name is one ("the United States")."""
    if party.members:
        return True
    if memory.doc is None or party.start is None or party.end is None:
        return False
    span = memory.doc.char_span(party.start, party.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.tag_ == "NNS"


def _subject_of_trigger(party: Entity, event: Event, doc: Doc) -> bool:
    """Whether a recipient is the subject of its event's own verb ("The WFP received",
    "the embassy was attacked")."""
    if party.start is None or event.trigger.start is None:
        return False
    told = doc.char_span(party.start, party.end, alignment_mode="expand")
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return (told is not None and trigger is not None and len(told) > 0 and len(trigger) > 0
            and told.root.dep_ in ("nsubj", "nsubjpass") and told.root.head == trigger.root)


def _plural_subject_before(pronoun: Entity, coded: list[Entity], actors: ActorDictionary,
                           memory: _ArticleMemory, when, not_codes: frozenset[str]
                           ) -> Entity | None:
    """For a subject "they" that opens its sentence, the plural subject of the sentence just
    before when that group was told after the last coded party ("Eritrean refugees crossed
    into Sudan. They accused ..." : the refugees, not the body named earlier), coded."""
    doc = memory.doc
    if doc is None or pronoun.start is None:
        return None
    span = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ != "nsubj" or span.root.head.dep_ != (
            "ROOT") or span.root.i != span.root.sent.start or span.root.sent.start == 0:
        return None
    before = doc[span.root.sent.start - 1].sent
    subject = next((t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ not in ("NNS", "NNPS") or subject.pos_ == "PRON":
        return None
    start, end = doc[subject.left_edge.i].idx, subject.right_edge.idx + len(subject.right_edge)
    if any(e.start is not None and e.start >= start for e in coded):
        return None  # a party coded since, or this very group: the ordinary reading holds
    group = _resolve(Entity(text=doc.text[start:end], start=start, end=end), actors, memory,
                     when, "actor")
    return group if group.code and group.code not in not_codes else None


def _unnamed_person_before(offset: int, memory: _ArticleMemory,
                           other_than: Entity | None) -> Entity | None:
    """The latest coded party before `offset`, in the sentences a "he"/"she" reaches, that
    is one person called by a noun, not named ("an American aid worker", "the soldier"):
    never the pronoun's doer (`other_than`)."""
    doc = memory.doc
    if doc is None or not memory.discourse.sentence_starts:
        return None
    first = max(0, memory.discourse.sentence_of(offset) - PRONOUN_REACH)
    begin = memory.discourse.sentence_starts[first]
    parties = sorted((e for e in memory.actors + memory.recipients + memory.sources
                      if e.code and e.start is not None and begin <= e.start < offset
                      and e.person is None and e.refers_to is None and not e.members),
                     key=lambda e: e.start)
    for party in reversed(parties):
        if other_than is not None and party.start == other_than.start:
            continue
        span = doc.char_span(party.start, party.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.tag_ == "NN" and (
                span.root.lemma_.lower() in memory.person_nouns) and not any(
                t.ent_type_ == "PERSON" for t in span):
            return party
    return None


def _can_be(pronoun: Entity, source: Entity, discourse: Discourse) -> bool:
    """Whether "he"/"she" can be the source ("X said he would ..."): only a person can
    (not "according to CNN"); "it" and "they" can be anyone."""
    if pronoun.text.lower() not in ("he", "she"):
        return True
    words = source.text.lower().split()
    return discourse.person_in(source) is not None or bool(
        words and words[-1] in PERSON_TITLES)


def _is_group_description(entity: Entity | None) -> bool:
    """"the group", or with words of kind or seat before it ("the Islamist group", "the
    London-based group"): a group named before."""
    words = entity.text.lower().split() if entity is not None else []
    return (2 <= len(words) <= 4 and words[0] in ("the", "this") and words[-1] in GROUP_NOUNS
            and not any(w in ("of", "and", "or") for w in words))


def _seat_only(text: str, found: ActorCode) -> bool:
    """Whether the phrase's code comes only from where its body sits ("the London-based
    group"), not from whose it is."""
    return re.match(r"[-\u2010\u2011]based\b", text[found.end:]) is not None


def _named_before(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory,
                  when) -> ActorCode | None:
    """What a definite description ("the embassy", "the ministry") stands for: the latest
    phrase in the sentences just before with the same head noun whose words give a code
    ("the US embassy in Baghdad", "the Russian Foreign Ministry")."""
    doc = memory.doc
    if doc is None or entity.start is None:
        return None
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or len(span) > 3 or span.root.pos_ != "NOUN":
        return None
    head = span.root.lemma_.lower()
    first = doc.char_span(memory.recent_start(entity.start), entity.start,
                          alignment_mode="expand")
    if first is None:
        return None
    for token in reversed(first):
        if token.lemma_.lower() != head or token.pos_ not in ("NOUN", "PROPN"):
            continue
        # the head with its modifiers, and a name's words after it ("the International
        # Court of Justice" for "the court")
        end = token.right_edge.i if token.pos_ == "PROPN" else token.i
        words = doc[token.left_edge.i: end + 1]
        found = actors.resolve(words.text, when)
        if found is not None and found.code:
            return found
    return _body_of_that_noun(head, first, actors, when)


def _body_of_that_noun(head: str, before: Span, actors: ActorDictionary, when
                       ) -> ActorCode | None:
    """The latest body named in `before` one of whose names has the description's head
    noun, however the text named it: "the department" after "a US Treasury official" (the
    Treasury Department) or "the Pentagon" (the Department of Defense), "the agency" after
    "the CIA"."""
    for ent in reversed(before.ents):
        found = actors.resolve(ent.text, when)
        if actors.body_called(found, head):
            return found
    return None


def _issuer_before(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory, when
                   ) -> Entity | None:
    """Who issued the document a definite description names ("the motion", "the statement"):
    the subject of the verb that took the same noun as object in the sentences just before
    ("Texas filed a motion ... The motion claims ..."), else another document noun ("filed
    a lawsuit ... The complaint argues"), resolved as an actor; None when it gets no code
    (arguments.toml document_nouns)."""
    doc = memory.doc
    if doc is None or entity.start is None or not memory.document_nouns:
        return None
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or len(span) > 3 or span.root.lemma_.lower() not in memory.document_nouns:
        return None
    head = span.root.lemma_.lower()
    before = doc.char_span(memory.recent_start(entity.start), entity.start,
                           alignment_mode="expand")
    issued = [t for t in reversed(before if before is not None else ())
              if t.dep_ in ("dobj", "obj") and t.lemma_.lower() in memory.document_nouns]
    # the same noun first; else the document issued last ("filed a lawsuit ... the
    # complaint argues": one filing, named twice)
    for token in [t for t in issued if t.lemma_.lower() == head] or issued[:1]:
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        words = doc[subject.left_edge.i: subject.right_edge.i + 1]
        issuer = _resolve(Entity(text=words.text, start=words.start_char, end=words.end_char),
                          actors, memory, when, "actor")
        return issuer if issuer.code else None
    return None


def _fuller_name_before(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory,
                        when) -> ActorCode | None:
    """A name the article gave in full earlier, of which this one is the end: "the House
    of Representatives" after "the United States House of Representatives", "the Foreign
    Ministry" after "the Russian Foreign Ministry"."""
    doc = memory.doc
    if doc is None or entity.start is None:
        return None
    name = " ".join(w for w in entity.text.split() if w.lower() not in ("the", "this", "that"))
    if len(name) < 4 or not name[:1].isupper():
        return None
    text = doc.text if memory.text is None else memory.text
    at = text.rfind(name, 0, entity.start)
    while at > 0:
        span = doc.char_span(at, at + len(name), alignment_mode="expand")
        if span is not None and span.root.left_edge.i < span.start:
            words = doc[span.root.left_edge.i: span.end]  # the name with what precedes it
            found = actors.resolve(words.text, when)
            if found is not None and found.code:
                return found
        at = text.rfind(name, 0, at)
    return None


def _body_named_before(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory,
                       when) -> ActorCode | Entity | None:
    """The latest organisation named in the sentences just before that is no state's
    government (an international body, a company, a group), whatever part it played: what
    "the agency" is after "the IAEA inspected ...", "the company" after "Huawei was banned",
    "the bloc" after "rejected a demand by the West African bloc ECOWAS" (a party coded so,
    where the tagger saw no name)."""
    doc = memory.doc
    if doc is None or entity.start is None:
        return None
    recent = memory.recent_start(entity.start)
    named: list[tuple[int, ActorCode | Entity]] = []
    for ent in (e for e in doc.ents if e.label_ == "ORG"
                and recent <= e.start_char and e.end_char <= entity.start):
        found = actors.resolve(ent.text, when)
        if found is not None and found.code and found.sector in NON_STATE_SECTORS:
            named.append((ent.start_char, found))
    named += [(e.start, e) for e in memory.actors + memory.sources + memory.recipients
              if e.code and e.sector in NON_STATE_SECTORS and e.start is not None
              and recent <= e.start < entity.start]
    return max(named, key=lambda n: n[0])[1] if named else None


def _recent_group(memory: _ArticleMemory, offset: int | None) -> Entity | None:
    """The latest coded non-state party (an armed group, an organisation) named in the
    sentences just before: what "the group" or "the movement" stands for."""
    if offset is None:
        return None
    recent = memory.recent_start(offset)
    for earlier in reversed(memory.sources + memory.actors):
        if (earlier.code and earlier.start is not None and recent <= earlier.start < offset
                and earlier.sector in NON_STATE_SECTORS):
            return earlier
    return None


def _office_named_before(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory,
                         when) -> ActorCode | None:
    """The country of an office a person's title names without one ("foreign ministry
    spokesperson X", "army spokesman Y"): the latest phrase before, in the article, that
    names the same office with a country ("Afghanistan's Ministry of Foreign Affairs" ...)."""
    doc = memory.doc
    if doc is None or entity.start is None or not memory.office_nouns:
        return None
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return None
    offices = {t.lemma_.lower() for t in span if t.dep_ == "compound"
               and t.lemma_.lower() in memory.office_nouns}
    if not offices:
        return None
    for token in reversed(doc[: span.start]):
        if token.lemma_.lower() not in offices or token.pos_ not in ("NOUN", "PROPN"):
            continue
        words = doc[token.left_edge.i : token.right_edge.i + 1]
        found = actors.resolve(words.text, when)
        if found is not None and found.code:
            return found
    return None


def _convener(entity: Entity, memory: _ArticleMemory) -> Entity | None:
    """Who convenes or leads the body the phrase names, where the clause tells it: the
    subject of a convening verb whose object it is ("Lee convened the council", "chaired a
    session of the cabinet", "presided over the council"), the doer of such a participle
    describing it ("the council, chaired by Lee") or of its passive ("was convened by Lee")."""
    doc = memory.doc
    if doc is None or entity.start is None or entity.end is None or not memory.convening_verbs:
        return None
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    for verb in (c for c in head.children if c.dep_ == "acl"):
        if verb.lemma_.lower() in memory.convening_verbs:
            return _doer_of_passive(verb)
    governed = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "dobj":
        governed = head.head.head  # "an emergency meeting of the council"
    verb = governed.head
    if head.dep_ == "pobj" and head.head.lower_ == "over":
        governed, verb = head.head, head.head.head  # "presided over the council"
    if verb.lemma_.lower() not in memory.convening_verbs or governed.dep_ not in (
            "dobj", "prep", "nsubjpass"):
        return None
    if governed.dep_ == "nsubjpass":
        return _doer_of_passive(verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _token_phrase(subject) if subject is not None else None


def _doer_of_passive(verb: Token) -> Entity | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return _token_phrase(doer) if doer is not None else None


def _token_phrase(head: Token) -> Entity:
    """The words up to a noun's head ("President Lee"), as an entity."""
    words = head.doc[head.left_edge.i: head.i + 1]
    return Entity(text=words.text, start=words.start_char, end=words.end_char)


def _is_named(text: str) -> bool:
    """A proper name beyond its first word: "President Yoweri Museveni", "Judge Ana Diaz"."""
    words = text.split()
    # "Iran-backed", "London-based": a name inside an adjective, naming no one here
    names = [w for w in words[1:] if w[:1].isupper() and not w.split("-")[-1][:1].islower()]
    return len(words) >= 2 and bool(names) and (
        words[0].lower() not in ("a", "an", "some", "several", "many"))


def _is_first_person(entity: Entity) -> bool:
    first = entity.text.split()[0] if entity.text.split() else ""
    return first.lower() in FIRST_PERSON and (first == "I" or not first.isupper())  # not "US"


def _members(entity: Entity, found: list[ActorCode]) -> list[Entity]:
    """The distinct actors of a compound phrase, each with its own span; none for one actor."""
    if len({(f.code, f.sector) for f in found}) < 2 or entity.start is None:
        return []
    return [Entity(text=f.matched, code=f.code, sector=f.sector, start=entity.start + f.start,
                   end=entity.start + f.end) for f in found]


def _code(entity: Entity | None) -> str | None:
    return entity.code if entity is not None else None


def _joint_member(code: str, actor: Entity | None) -> bool:
    """Whether a country is one of several parties acting together ("Indian and Chinese
    troops clashed"): a joint event has all of them as actors and no recipient (manual).
    Parties all of one country ("lawmakers and activists marched") are that country's
    people acting at home, not a joint event."""
    codes = {m.code for m in actor.members if m.code} if actor is not None else set()
    return len(codes) > 1 and code in codes


def _country_of_direction(word: str, offset: int, memory: _ArticleMemory) -> ActorCode | None:
    """The country named last before `offset` whose name begins with the direction `word`
    ("the North" after "North Korea", "the South" after "South Sudan"), if any."""
    before = memory.countries[:bisect.bisect_right(memory.country_ends, offset)]
    return next((c for c in reversed(before)
                 if c.name.lower().startswith(word + " ")), None)


def _regional_pattern(lexicon: Lexicon) -> re.Pattern:
    words = sorted(lexicon.word_set("actors.regional_adjectives"), key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, words)), re.IGNORECASE)


def _parties_counted(words: list[str], party_nouns: frozenset[str]) -> int:
    """How many parties told together before the phrase names by counting them ("the two
    countries", "both sides": 2; "the three military-led nations": 3; bare, "both", "the
    two"), else 0."""
    if words[:1] == ["both"]:
        count = 2
    elif words[:1] == ["the"] and len(words) > 1 and words[1] in COUNTS:
        count = COUNTS[words[1]]
    else:
        return 0
    if len(words) == (1 if count == 2 and words[0] == "both" else 2):
        return count  # "both agreed", "the two met": the parties just told
    last = words[-1]
    if not (last.removesuffix("s") in party_nouns or last.removesuffix("ies") + "y" in party_nouns
            or last.removesuffix("es") in party_nouns):
        return 0
    return count


def _member_codes(entity: Entity) -> set[str]:
    return {m.code for m in entity.members if m.code}


def _relational(entity: Entity, relational_nouns: frozenset[str]) -> bool:
    """"its allies", "their neighbours": parties other than the owner, of no known country
    (arguments.toml [actors] relational_nouns)."""
    words = entity.text.lower().split()
    return len(words) >= 2 and words[0] in POSSESSIVES and (
        words[-1].removesuffix("s") in relational_nouns
        or words[-1].removesuffix("ies") + "y" in relational_nouns)


def _other_side(event: Event, actors: ActorDictionary, memory: _ArticleMemory,
                when) -> str | None:
    """The country an event's recipient names as its other side, which its actor is not of:
    the state a visit goes to, named bare ("is to visit Beijing"; not the state a march goes
    to: "marched on Washington"), or the same office of another country ("his Kenyan
    counterpart"; arguments.toml [actors] counterpart_nouns)."""
    recipient = event.recipient
    if recipient is None or recipient.is_event_reference or recipient.start is None:
        return None
    found = actors.resolve(recipient.text, when)
    if found is None or not found.code:
        return None
    if (event.mode == "visit" and actors.is_country_match(found)
            and is_bare_name(recipient.text, found)):
        return found.code
    if _head_lemma(recipient, memory) in memory.counterpart_nouns:
        return found.code
    return None


def _doer_of_earlier_event(event: Event, previous: list[Event],
                           lexicon: Lexicon) -> Entity | None:
    """The actor of the latest earlier event whose doer is not this event's actor, one of the
    type the reference names first ("condemned the arrest": the latest COERCE); for
    something said ("denied the claim") with no such doer, whoever reported the latest
    event."""
    own = event.actor.code if event.actor is not None else None
    reference = event.recipient
    named = reference.text.lower().split()[-1:] if reference.text else []
    types = {p.type for word in named for form in {word, word.removesuffix("s")}
             for p in lexicon.noun_patterns.get(form, [])}
    # "condemned the move" after a criticism of it: an act, not another reaction to it;
    # "rejected the statement" may be a reaction itself
    said = any(word in lexicon.word_set("recipients.said_event_nouns") for word in named)
    reactions = set() if said else lexicon.word_set("recipients.event_reference_types")
    doers = [e for e in reversed(previous)
             if e.actor is not None and e.actor.code and e.actor.code != own
             and e.event_type not in reactions - types]
    doer = next((e.actor for e in doers if e.event_type in types),
                doers[0].actor if doers else None)
    if doer is None and said:
        # "X said its forces repelled an attack ... Y denied the claim": whoever said so
        doer = next((e.attributed_to for e in reversed(previous) if e.attributed_to is not None
                     and e.attributed_to.code and e.attributed_to.code != own), None)
    if doer is None:
        return None
    return Entity(text=reference.text, code=doer.code, sector=doer.sector,
                  start=reference.start, end=reference.end)


def _resolve_place(candidates: list[Location], gazetteer: Gazetteer, actors: ActorDictionary,
                   context: list[str], countries: list[ActorCode],
                   places: list[ArticlePlace]) -> Location | None:
    """The first candidate phrase that names a known place, with its coordinates: as the
    article's places read that very phrase ("Georgia" beside Atlanta: the US state), else
    resolved on its own."""
    read = {(p.start, p.end): p for p in places if p.kind != "demonym"}
    for candidate in candidates:
        known = read.get((candidate.start, candidate.end))
        if known is not None:
            return Location(text=candidate.text, name=known.name, country=known.country,
                            lat=known.lat, lon=known.lon,
                            precision=Location.precision_of(known.kind),
                            start=candidate.start, end=candidate.end)
        # the name itself does not vote: "Georgia" must not count as evidence for Georgia;
        # but a country the rest of the article names most keeps its vote ("in Somalia" in a
        # story about Somalia is not a region of a neighbour that bears its name)
        own = {c.code for c in actors.find_countries(candidate.text)} - _most_named_elsewhere(
            countries, candidate)
        place = _capital_of(candidate.text, actors) or gazetteer.resolve(
            candidate.text, context_countries=[c for c in context if c not in own])
        if place is not None:
            return gazetteer.to_location(candidate.text, place, candidate.start, candidate.end)
    return None


def _place_named(party: Entity | None, places: list[ArticlePlace], doc: Doc,
                 gazetteer: Gazetteer, context: list[str]) -> Location | None:
    """The place below country level that this party's phrase ends with ("Goma", "the town
    of Goma"): one the article's place detector kept, else a well-known place named by the
    whole phrase when the tagger read no person or body there ("shelled Aleppo", tagged a
    language) — not any word some village is called."""
    if party is None or party.start is None or party.end is None or party.members:
        return None
    for place in places:
        if (place.kind not in ("country", "demonym") and place.country
                and party.start <= place.start and place.end == party.end):
            return Location(text=place.text, name=place.name, country=place.country,
                            lat=place.lat, lon=place.lon,
                            precision=Location.precision_of(place.kind),
                            start=place.start, end=place.end)
    span = doc.char_span(party.start, party.end)
    if span is None or not all(t.pos_ == "PROPN" and t.ent_type_ not in PARTY_LABELS
                               for t in span):
        return None
    place = gazetteer.well_known().resolve(span.text, context_countries=context)
    if place is None or place.kind == "country" or not place.country:
        return None
    return gazetteer.to_location(span.text, place, party.start, party.end)


def _most_named_elsewhere(countries: list[ActorCode], candidate: Location) -> set[str]:
    """The country the article names most outside this phrase, if one leads."""
    counts = Counter(c.code for c in countries if candidate.start is None
                     or c.start is None or not candidate.start <= c.start < candidate.end)
    ranked = counts.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return set()
    return {ranked[0][0]}


def _capital_of(text: str, actors: ActorDictionary) -> Place | None:
    """"the South Korean capital" is Seoul."""
    if text.lower().split()[-1:] != ["capital"]:
        return None
    found = actors.find_countries(text)
    country = actors.country(found[0].code) if found else None
    if country is None or country.capital_lat is None:
        return None
    return Place(name=country.capital, kind="capital", country=country.code,
                 lat=country.capital_lat, lon=country.capital_lon)
