"""`compare_articles`: the compare stage from articles with their events to a `Comparison`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sitrep.compare.align import Aligner
from sitrep.compare.capabilities import CapabilityReader
from sitrep.compare.contradictions import Rules
from sitrep.compare.features import Features, Reader
from sitrep.compare.framing import framing_contrasts, framing_profile
from sitrep.compare.knowledge import Knowledge
from sitrep.compare.records import (
    ArticleSummary,
    ComparedArticle,
    Comparison,
    Contradiction,
    CoverageRow,
    Omission,
    Statement,
)
from sitrep.compare.sources import attribution_profile
from sitrep.compare.statements import statements as article_statements


def compare_articles(articles: Sequence[ComparedArticle],
                     knowledge: Knowledge | None = None) -> Comparison:
    """Compare two or more articles (each with its event records). Articles that are not
    one story (a series reported months apart) compare too: their events far apart in time
    are then other occurrences, not contradictions."""
    if len(articles) < 2:
        raise ValueError("a comparison needs at least two articles")
    if len({a.id for a in articles}) != len(articles):
        raise ValueError("the same article is given twice")
    knowledge = knowledge or Knowledge.default()
    reader = Reader(knowledge)
    aligner = Aligner(knowledge, reader)
    capability_reader = CapabilityReader(knowledge)

    per_article: dict[str, list[Statement]] = {}
    event_mentions: list[Features] = []
    claim_mentions: list[Features] = []
    capability_statements = []
    for article in articles:
        items = article_statements(article, knowledge)
        per_article[article.id] = items
        events = {e["id"]: e for e in article.events}
        for statement in items:
            if statement.event_ids:
                event_mentions.extend(reader.event_features(statement, events[i])
                                      for i in statement.event_ids)
            else:
                claim_mentions.append(reader.statement_features(statement))
        capability_statements.extend(capability_reader.statements(article.text, items))

    ids = [a.id for a in articles]
    rows = aligner.rows(event_mentions, claim_mentions, ids)
    features_by_row = _features_by_row(rows, event_mentions + claim_mentions)
    _score_relevance(rows, features_by_row, articles, knowledge)
    # rows several articles report first, then by relevance; numbered in that order
    rows.sort(key=lambda r: (-len(r.reported_by), -r.relevance, _first_position(r, ids)))
    by_number = {}
    for number, row in enumerate(rows, 1):
        by_number[f"r{number}"] = features_by_row[row.id]
        row.id = f"r{number}"
    rules = Rules(aligner, reader, articles)
    contradictions: list[Contradiction] = []
    for row in rows:
        contradictions.extend(rules.in_row(row.id, by_number[row.id]))
    contradictions.extend(rules.capabilities(capability_statements))
    framing = [framing_profile(a.id, a.text, per_article[a.id], knowledge) for a in articles]
    return Comparison(
        articles=[ArticleSummary(a.id, a.label, a.outlet, a.title, a.published,
                                 len(per_article[a.id]), len(a.events)) for a in articles],
        rows=rows,
        omissions=_omissions(rows, knowledge),
        contradictions=contradictions,
        attribution=[attribution_profile(a.id, per_article[a.id]) for a in articles],
        framing=framing,
        framing_contrasts=framing_contrasts(framing, knowledge),
        notes=_notes(articles, knowledge),
    )


def _features_by_row(rows: list[CoverageRow],
                     mentions: list[Features]) -> dict[str, list[Features]]:
    """The features behind each row's mentions, found again by article, statement and event."""
    index = {(f.mention.article_id, f.mention.statement_index, f.mention.event_id): f
             for f in mentions}
    return {row.id: [index[(m.article_id, m.statement_index, m.event_id)]
                     for cell in row.cells for m in cell.mentions] for row in rows}


def _score_relevance(rows: list[CoverageRow], features: dict[str, list[Features]],
                     articles: Sequence[ComparedArticle], knowledge: Knowledge) -> None:
    """Relevance of a row to the story: the weighted share of its sentence's words that
    belong to the story's core, plus a bonus for coded events. The core is the words of
    the sentences of the rows several articles report; with no such row, the words every
    article uses."""
    shared = [r for r in rows if len(r.reported_by) > 1]
    if shared:
        core = {t for r in shared for f in features[r.id] for t in f.sentence_terms}
    else:
        vocabularies = [
            {t for fs in features.values() for f in fs if f.mention.article_id == a.id
             for t in f.sentence_terms} for a in articles
        ]
        core = set.intersection(*vocabularies)
    bonus = float(knowledge.rules["omissions"]["event_bonus"])
    for row in rows:
        terms = features[row.id][0].sentence_terms
        total = sum(terms.values()) or 1.0
        share = sum(w for t, w in terms.items() if t in core) / total
        row.relevance = round(min(1.0, share + (bonus if row.kind == "event" else 0.0)), 3)


def _omissions(rows: list[CoverageRow], knowledge: Knowledge) -> list[Omission]:
    threshold = float(knowledge.rules["omissions"]["min_relevance"])
    found = []
    for row in rows:
        if not row.missing_from or row.relevance < threshold:
            continue
        first = next(c.mentions[0] for c in row.cells if c.mentions)
        found.append(Omission(row.id, row.label, row.kind, row.reported_by, row.missing_from,
                              row.relevance, first.sentence, first.source))
    found.sort(key=lambda o: -o.relevance)
    return found


def _first_position(row: CoverageRow, ids: list[str]) -> tuple[int, int]:
    for cell in row.cells:
        if cell.mentions:
            return ids.index(cell.article_id), cell.mentions[0].start
    return len(ids), 0


def _notes(articles: Sequence[ComparedArticle], knowledge: Knowledge) -> list[str]:
    notes = []
    dates = sorted(date.fromisoformat(a.published) for a in articles if a.published)
    window = int(knowledge.rules["dates"]["same_occurrence_days"])
    if len(dates) >= 2 and (dates[-1] - dates[0]).days > window:
        notes.append(
            f"The articles were published {(dates[-1] - dates[0]).days} days apart: they may "
            f"report different occurrences of a recurring activity. Mentions dated more than "
            f"{window} days apart are shown as reported differently, never as contradictions."
        )
    if len(dates) < len(articles):
        notes.append("Some articles have no publication date: their relative dates are "
                     "unresolved and date rules skip them.")
    return notes
