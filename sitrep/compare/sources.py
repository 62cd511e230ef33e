"""Attribution profile: whom an article quotes or cites, and how much it says in its own
voice."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.compare.records import AttributionProfile, SourceCount, Statement


def attribution_profile(article_id: str, items: Sequence[Statement]) -> AttributionProfile:
    counts: dict[str, SourceCount] = {}
    for statement in items:
        source = statement.source
        if source is None:
            continue
        key = source.name.lower()
        count = counts.get(key)
        if count is None:
            count = counts[key] = SourceCount(source.name, source.code, source.anonymous, 0, 0,
                                              statement.text)
        count.code = count.code or source.code
        count.statements += 1
        count.quoted += statement.voice == "quoted"
    total_chars = sum(s.end - s.start for s in items) or 1
    own_chars = sum(s.end - s.start for s in items if s.voice == "own")
    ordered = sorted(counts.values(), key=lambda c: (-c.statements, c.name.lower()))
    return AttributionProfile(
        article_id=article_id,
        statements=len(items),
        own=sum(s.voice == "own" for s in items),
        attributed=sum(s.voice == "attributed" for s in items),
        quoted=sum(s.voice == "quoted" for s in items),
        own_share=round(own_chars / total_chars, 3),
        sources=ordered,
        anonymous_statements=sum(c.statements for c in ordered if c.anonymous),
    )
