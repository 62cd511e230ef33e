"""Extract stage: coded event mentions from a parsed article."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitrep.extract.arguments import entity_for, event_location, noun_arguments, verb_arguments
from sitrep.extract.attribution import Attribution, ends_open, find_source, quote_state
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.modality import modality_of
from sitrep.extract.triggers import find_triggers
from sitrep.records import Article, Entity, Event


def extract_events(doc: Doc, article: Article, lexicon: Lexicon | None = None) -> list[Event]:
    """Every event mention in the article, in text order, unresolved (no codes, no dates)."""
    lexicon = lexicon or Lexicon.default()
    events: list[Event] = []
    open_quote = False
    last_source: Entity | None = None
    previous_end = 0
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        if not words:
            continue
        if "\n" in doc.text[previous_end : words[0].idx]:
            open_quote = False  # a quotation left open does not run into a new paragraph
        previous_end = words[-1].idx + len(words[-1].text)
        inside = quote_state(sentence, open_quote)
        # A sentence that opens inside a quotation, or with one, and names no speaker of its
        # own continues the last speaker's words.
        continues_quote = open_quote or words[0].text in ('"', "“")
        sentence_sources: list[Entity] = []
        for match in find_triggers(sentence, lexicon):
            token = match.token
            if match.pattern.pos == "VERB":
                actor, recipient = verb_arguments(match, lexicon)
            else:
                actor, recipient = noun_arguments(match, lexicon)
            attribution = find_source(token, lexicon)
            quoted = inside[token.i - sentence.start]
            if attribution.source is None and quoted and continues_quote and last_source:
                attribution = Attribution(last_source, None)  # quotation carried on
            if attribution.source is not None and attribution.verb is not None:
                sentence_sources.append(attribution.source)
            elif actor is not None and not quoted and lexicon.is_verbal(match.pattern.type):
                sentence_sources.append(actor)  # "X called for ...: '...'" - X speaks next
            events.append(
                Event(
                    article_id=article.id,
                    event_type=match.pattern.type,
                    cameo=lexicon.cameo_for(match.pattern),
                    mode=match.pattern.mode,
                    context=match.pattern.context,
                    trigger=Entity(
                        text=doc.text[match.start : match.end], start=match.start, end=match.end
                    ),
                    sentence=sentence.text,
                    sentence_start=sentence.start_char,
                    actor=actor,
                    recipient=recipient,
                    location=event_location(match, lexicon),
                    modality=modality_of(token, lexicon, claim_verb=attribution.verb),
                    attributed_to=attribution.source,
                    quote=quoted,
                    outlet=article.outlet,
                    published=article.published,
                )
            )
        if sentence_sources:
            last_source = sentence_sources[-1]
        else:
            found = _sentence_source(sentence, lexicon)
            if found is not None:
                last_source = found
        open_quote = ends_open(sentence, open_quote)
    return events


def _sentence_source(sentence: Span, lexicon: Lexicon) -> Entity | None:
    """A sentence with no event may still name who is speaking ('"...," it said.')."""
    reporting = lexicon.word_set("attribution.reporting_verbs")
    for token in sentence:
        if token.pos_ == "VERB" and token.lemma_.lower() in reporting:
            speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if speaker is not None:
                return entity_for(speaker)
    return None
