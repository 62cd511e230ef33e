"""Every place an article mentions, resolved against the gazetteer, for the map.

The gazetteer proposes names; the parse decides which are used as places here: a curated
feature (sea, base, range...) is kept as is; a country or capital unless spaCy reads it as
part of a person's or organisation's name ("the US Pacific Air Forces"); a city or region
name only where spaCy also reads a place (GPE/LOC/FAC) there, so that "Obama", "the New
York Times" or "South" in "South Korean" are not put on the map. "The South Korean
capital" is the capital of that country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.records import ArticlePlace
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.places import Gazetteer, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
NEEDS_PARSE = {"city", "admin1", "region"}
CURATED = {"sea", "ocean", "strait", "gulf", "canal", "island", "peninsula", "base", "range",
           "site", "continent"}
CAPITAL = re.compile(r"\b(?:[A-Z][\w'’-]+ ){1,3}capital\b")


def places_in(doc: Doc, gazetteer: Gazetteer, actors: ActorDictionary,
              context: Sequence[str] = (), *, text: str | None = None) -> list[ArticlePlace]:
    """Place mentions in the article text, in order, each resolved with `context` (the
    article's countries, most named first) settling ambiguous names. `text`: the doc's
    text (the article's), when the caller has it: Doc.text joins every token to make it."""
    out = []
    if text is None:
        text = doc.text
    for mention in gazetteer.find(text):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        labels = {t.ent_type_ for t in span if t.ent_type_}
        place = gazetteer.resolve_mention(mention, context_countries=context)
        if place is None:
            continue
        if place.kind not in CURATED and labels & NOT_PLACE_LABELS and not labels & PLACE_LABELS:
            continue
        if place.kind in NEEDS_PARSE and not labels & PLACE_LABELS:
            continue
        out.append(_record(mention.text, place, mention.start, mention.end))
    for match in CAPITAL.finditer(text):
        found = actors.find_countries(match.group())
        country = actors.country(found[0].code) if found else None
        if country is not None and country.capital_lat is not None:
            capital = Place(name=country.capital, kind="capital", country=country.code,
                            lat=country.capital_lat, lon=country.capital_lon)
            out.append(_record(match.group(), capital, match.start(), match.end()))
    return sorted(out, key=lambda p: p.start)


def _record(text: str, place: Place, start: int, end: int) -> ArticlePlace:
    return ArticlePlace(text=text, name=place.name, kind=place.kind, country=place.country,
                        lat=place.lat, lon=place.lon, start=start, end=end)


def resolve_spans(doc: Doc, gazetteer: Gazetteer, actors: ActorDictionary,
                  spans: Sequence[tuple[int, int]], context: Sequence[str] = (), *,
                  text: str | None = None) -> list[ArticlePlace | None]:
    """The place each span (start, end character offsets into the article) names, or None
    where no place is known by that name: resolution without detection, as when toponyms
    are given (`sitrep eval` on toponym gold). `context` as for `places_in`. The article's
    parse and the actor dictionary are passed so that a resolver may read the words around
    a span; this one resolves the span's text alone."""
    if text is None:
        text = doc.text
    resolved: list[ArticlePlace | None] = []
    for start, end in spans:
        phrase = text[start:end]
        place = gazetteer.resolve(phrase, context_countries=context)
        resolved.append(None if place is None else _record(phrase, place, start, end))
    return resolved
