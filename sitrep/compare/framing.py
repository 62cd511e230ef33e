"""Framing: loaded and neutral wording per article, from the lexicon in
`sitrep/data/framing/lexicon.toml` (categories, stances and why: README beside it).

Every hit is counted by voice: words inside quotation marks are the source's (`quoted`),
words in a sentence attributed to a source are a paraphrase (`attributed`), the rest are
the outlet's `own`. Categories marked `outlet_voice` (reporting verbs such as "claimed")
are always the outlet's own choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.compare.knowledge import Knowledge, entry_for
from sitrep.compare.records import (
    CategoryCount,
    FramingContrast,
    FramingHit,
    FramingProfile,
    Statement,
)
from sitrep.compare.text import in_quotation, quotation_spans, words

EXAMPLES_PER_ARTICLE = 4


def framing_profile(article_id: str, text: str, items: Sequence[Statement],
                    knowledge: Knowledge) -> FramingProfile:
    quotes = quotation_spans(text)
    hits: list[FramingHit] = []
    for statement in items:
        for category in knowledge.framing:
            for match in category.pattern.finditer(statement.text):
                start, end = statement.start + match.start(), statement.start + match.end()
                if category.outlet_voice:
                    voice, source = "own", None
                elif in_quotation(start, quotes):
                    voice = "quoted"
                    source = statement.source.name if statement.source else None
                elif statement.source is not None:
                    voice, source = "attributed", statement.source.name
                else:
                    voice, source = "own", None
                hits.append(FramingHit(
                    term=match.group(), entry=entry_for(category.terms, match.group()),
                    category=category.name, stance=category.stance, voice=voice, source=source,
                    sentence=statement.text, start=start, end=end,
                ))
    hits.sort(key=lambda h: h.start)
    categories = []
    for category in knowledge.framing:
        mine = [h for h in hits if h.category == category.name]
        if not mine:
            continue
        terms: dict[str, int] = {}
        for hit in mine:
            terms[hit.entry] = terms.get(hit.entry, 0) + 1
        categories.append(CategoryCount(
            category=category.name, stance=category.stance, total=len(mine),
            own=sum(h.voice == "own" for h in mine),
            attributed=sum(h.voice == "attributed" for h in mine),
            quoted=sum(h.voice == "quoted" for h in mine),
            terms=dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))),
        ))
    n_words = len(words(text))
    loaded_own = sum(h.stance == "loaded" and h.voice == "own" for h in hits)
    return FramingProfile(
        article_id=article_id, words=n_words, loaded_own=loaded_own,
        loaded_own_per_1000=round(1000 * loaded_own / n_words, 1) if n_words else 0.0,
        categories=categories, hits=hits,
    )


def framing_contrasts(profiles: Sequence[FramingProfile],
                      knowledge: Knowledge) -> list[FramingContrast]:
    """For each pair of opposite categories used anywhere in the comparison: how much each
    article uses each side, with examples (own voice first)."""
    contrasts = []
    seen: set[frozenset[str]] = set()
    for category in knowledge.framing:
        for opposite in category.contrasts_with:
            pair = frozenset((category.name, opposite))
            if pair in seen:
                continue
            seen.add(pair)
            counts: dict[str, dict[str, int]] = {}
            examples: dict[str, list[FramingHit]] = {}
            for profile in profiles:
                side = [h for h in profile.hits if h.category in pair]
                counts[profile.article_id] = {
                    name: sum(h.category == name for h in side) for name in
                    (category.name, opposite)
                } | {f"{name}_own": sum(h.category == name and h.voice == "own" for h in side)
                     for name in (category.name, opposite)}
                voice_order = {"own": 0, "attributed": 1, "quoted": 2}
                examples[profile.article_id] = sorted(
                    side, key=lambda h: (voice_order[h.voice], h.start))[:EXAMPLES_PER_ARTICLE]
            if any(examples.values()):
                contrasts.append(FramingContrast(category.name, opposite, counts, examples))
    return contrasts
