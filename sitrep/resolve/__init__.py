"""The resolve stage: the extracted events of an article get actor codes, dates and places,
the mentions of one act are merged, and the places the article mentions are found.

`resolve_article` is the stage's one entry; its modules are the parts it runs (actors,
dates and event_dates, places, article_places and event_places, discourse, acts, events).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.resolve.article_places import demonyms_in, places_in
from sitrep.resolve.discourse import outside_names
from sitrep.resolve.events import article_countries, resolve_events

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitrep.extract import Lexicon
    from sitrep.records import Article, ArticlePlace, Event
    from sitrep.resolve.actors import ActorDictionary
    from sitrep.resolve.places import Gazetteer


def resolve_article(doc: Doc, article: Article, events: list[Event], *,
                    actors: ActorDictionary, gazetteer: Gazetteer, lexicon: Lexicon,
                    headline: list[Event] | None = None) -> list[ArticlePlace]:
    """Resolve the events of one parsed article in place (codes, dates, places; the mentions
    of one act merged; `headline`: the events of its title) and return the places the
    article mentions, its demonyms among them, in text order."""
    countries = outside_names(doc, actors.find_countries(article.text), actors)
    places = places_in(doc, gazetteer, actors, article_countries(countries), text=article.text,
                       countries=countries)
    resolve_events(events, doc, article, actors, gazetteer, countries=countries, places=places,
                   lexicon=lexicon, headline=headline)
    return sorted([*places, *demonyms_in(actors, article.text, places, doc)],
                  key=lambda p: p.start)
