"""Resolve stage for one article: codes for actors, recipients and sources, absolute dates,
places with coordinates.

Within an article, a phrase the dictionary cannot code on its own is linked back to an
earlier one: "it said" to the last source, "its Air Force" and "it" to the last coded
actor, "the regime" to the country last named, "slammed the exercise" to whoever did the
exercise, "Trump" to "US President Donald Trump".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from sitrep.records import Article, Entity, Event, Location
from sitrep.resolve.actors import ActorCode, ActorDictionary
from sitrep.resolve.dates import DateExpression, find_date_expressions, resolve_date

PRONOUNS = {"it", "they", "he", "she", "we", "i", "them", "him", "her"}
POSSESSIVES = {"its", "their", "his", "her", "our"}
# Descriptions that stand for a whole country ("the regime launched"): the last country named.
COUNTRY_DESCRIPTIONS = {"regime", "government", "country", "nation", "state", "leadership",
                        "authorities", "administration", "north", "south"}


@dataclass
class _ArticleMemory:
    """What has been resolved so far in the article, for linking back."""

    actors: list[Entity] = field(default_factory=list)
    sources: list[Entity] = field(default_factory=list)
    countries: list[ActorCode] = field(default_factory=list)  # every country named, in order

    def last_country_before(self, offset: int) -> ActorCode | None:
        before = [c for c in self.countries if c.end <= offset]
        return before[-1] if before else None


def resolve_events(events: list[Event], doc: Doc, article: Article,
                   actors: ActorDictionary | None = None) -> list[Event]:
    """Fill codes, dates and places in the article's events (in place), and return them."""
    actors = actors or ActorDictionary.default()
    when = article.published
    memory = _ArticleMemory(countries=actors.find_countries(article.text))
    dates = find_date_expressions(article.text)
    previous: list[Event] = []
    for event in events:
        if event.attributed_to is not None:
            event.attributed_to = _resolve(event.attributed_to, actors, memory, when, "source")
            if event.attributed_to.code:
                memory.sources.append(event.attributed_to)
        if event.actor is not None:
            event.actor = _resolve(event.actor, actors, memory, when, "actor")
        if event.recipient is not None:
            if event.recipient.is_event_reference:
                event.recipient = _doer_of_earlier_event(event, previous)
            else:
                event.recipient = _resolve(event.recipient, actors, memory, when, "recipient")
        if event.actor is not None and event.actor.code:
            memory.actors.append(event.actor)
        if event.location is not None:
            event.location = _resolve_place(event.location, actors)
        event.date = _event_date(event, doc, dates, when)
        previous.append(event)
    return events


def _with_code(entity: Entity, code: ActorCode | Entity | None, sector: str | None) -> Entity:
    if code is None:
        return replace(entity, sector=entity.sector or sector)
    return replace(entity, code=code.code, sector=sector or code.sector)


def _resolve(entity: Entity, actors: ActorDictionary, memory: _ArticleMemory, when,
             role: str) -> Entity:
    if entity.members:
        entity.members = [_resolve(m, actors, memory, when, role) for m in entity.members]
    found = actors.resolve(entity.text, when)
    if found is not None and found.code:
        resolved = replace(entity, code=found.code, sector=found.sector)
        if entity.members and not any(m.code for m in entity.members):
            resolved.members = []
        return resolved
    sector = found.sector if found is not None else None
    words = entity.text.lower().split()
    if not words:
        return entity
    history = memory.sources if role == "source" else memory.actors
    if words[0] in PRONOUNS and len(words) == 1:
        antecedent = (memory.sources or memory.actors) if role == "source" else memory.actors
        return _with_code(entity, antecedent[-1] if antecedent else None, sector)
    if words[0] in POSSESSIVES:  # "its Air Force": the owner is the last actor
        return _with_code(entity, memory.actors[-1] if memory.actors else None, sector)
    if words[0] in ("the", "this", "that") and entity.start is not None:
        head = words[-1]
        if head in COUNTRY_DESCRIPTIONS or sector is None:
            country = memory.last_country_before(entity.start)
            return _with_code(entity, country, sector or (country.sector if country else None))
        same_sector = [e for e in reversed(history + memory.actors) if e.sector == sector]
        if same_sector:
            return _with_code(entity, same_sector[0], sector)
        country = memory.last_country_before(entity.start)
        return _with_code(entity, country, sector)
    # a bare surname or short name seen in full earlier: "Trump" after "US President Donald Trump"
    for earlier in reversed(memory.actors + memory.sources):
        if entity.text in earlier.text and earlier.code:
            return _with_code(entity, earlier, earlier.sector)
    return replace(entity, sector=sector)


def _doer_of_earlier_event(event: Event, previous: list[Event]) -> Entity | None:
    """The actor of the latest earlier event whose doer is not this event's actor."""
    own = event.actor.code if event.actor is not None else None
    reference = event.recipient
    for earlier in reversed(previous):
        actor = earlier.actor
        if actor is not None and actor.code and actor.code != own:
            return Entity(text=reference.text, code=actor.code, sector=actor.sector,
                          start=reference.start, end=reference.end)
    return None


def _resolve_place(location: Location, actors: ActorDictionary) -> Location:
    """First pass: places that are countries or capitals get coordinates."""
    found = actors.find_countries(location.text)
    if not found:
        return location
    country = actors.country(found[0].code)
    if country is None:
        return location
    is_capital = found[0].matched.lower() == (country.capital or "").lower()
    if is_capital:
        return replace(location, name=country.capital, country=country.code,
                       lat=country.capital_lat, lon=country.capital_lon)
    return replace(location, name=country.name, country=country.code, lat=country.lat,
                   lon=country.lon)


def _event_date(event: Event, doc: Doc, dates: list[DateExpression], published):
    """The date expression that belongs to the event's own clause, resolved."""
    sentence_end = event.sentence_start + len(event.sentence)
    candidates = [d for d in dates if event.sentence_start <= d.start < sentence_end]
    if not candidates:
        return None
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None:
        return None
    clause = _clause_tokens(trigger.root)
    anchored = []
    for expression in candidates:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        if span is not None and _anchor(span.root) in clause:
            anchored.append(expression)
    pool = anchored or [d for d in candidates if d.start < event.trigger.start] or candidates
    chosen = min(pool, key=lambda d: abs(d.start - event.trigger.start))
    tense = "future" if event.modality == "planned" else "past"
    resolved = resolve_date(chosen.text, published, tense=tense)
    resolved = replace(resolved, start=chosen.start, end=chosen.end)
    return resolved


def _anchor(token: Token) -> int:
    """The verb (or nominal trigger) a date expression modifies."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if token.dep_ in ("npadvmod", "pobj", "nmod", "tmod") and token.head.pos_ == "NOUN":
            return token.head.i
        token = token.head
    return token.i


def _clause_tokens(trigger: Token) -> set[int]:
    """The trigger and the verbs above it up to (not including) a reporting verb's clause."""
    out = {trigger.i}
    token = trigger
    for _ in range(4):
        if token.head.i == token.i or token.dep_ in ("ccomp", "parataxis"):
            break
        token = token.head
        out.add(token.i)
        if token.pos_ == "VERB":
            break
    return out
