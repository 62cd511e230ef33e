"""`compare_articles`: the compare stage from articles with their events to a `Comparison`."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.compare.align import Aligner
from sitrep.compare.capabilities import CapabilityReader
from sitrep.compare.contradictions import Rules
from sitrep.compare.features import Features, Reader
from sitrep.compare.framing import framing_contrasts, framing_profile
from sitrep.compare.knowledge import Knowledge
from sitrep.compare.meaning import Meaning
from sitrep.compare.omissions import OmissionFinder
from sitrep.compare.records import (
    ArticleSummary,
    Comparison,
    Contradiction,
    CoverageRow,
    Statement,
    article_label,
)
from sitrep.compare.sources import attribution_profile
from sitrep.compare.statements import statements as article_statements
from sitrep.records import StoredArticle


def compare_articles(articles: Sequence[StoredArticle],
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
    meaning = Meaning(knowledge, articles, per_article)
    same_fact_at = float(knowledge.rules["alignment"]["same_fact_at"])
    rows = aligner.rows(event_mentions, claim_mentions, ids,
                        lambda a, b: meaning.same_fact(a.statement, b.statement, same_fact_at))
    features_by_row = _features_by_row(rows, event_mentions + claim_mentions)
    omission_finder = OmissionFinder(knowledge, meaning, articles)
    omission_finder.score_relevance(rows, features_by_row)
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
    omissions = omission_finder.omissions(rows, by_number)
    return Comparison(
        articles=[ArticleSummary(a.id, article_label(a), a.outlet, a.title,
                                 a.published.isoformat() if a.published else None,
                                 len(per_article[a.id]), len(a.events)) for a in articles],
        rows=rows,
        omissions=[o for o in omissions if o.certainty == "omitted"],
        contradictions=contradictions,
        attribution=[attribution_profile(a.id, per_article[a.id]) for a in articles],
        framing=framing,
        framing_contrasts=framing_contrasts(framing, knowledge),
        notes=_notes(articles, knowledge),
        publication_gap_days=_publication_gap(articles),
        unclear_omissions=[o for o in omissions if o.certainty == "unclear"],
    )


def _features_by_row(rows: list[CoverageRow],
                     mentions: list[Features]) -> dict[str, list[Features]]:
    """The features behind each row's mentions, found again by article, statement and event."""
    index = {(f.mention.article_id, f.mention.statement_index, f.mention.event_id): f
             for f in mentions}
    return {row.id: [index[(m.article_id, m.statement_index, m.event_id)]
                     for cell in row.cells for m in cell.mentions] for row in rows}


def _first_position(row: CoverageRow, ids: list[str]) -> tuple[int, int]:
    for cell in row.cells:
        if cell.mentions:
            return ids.index(cell.article_id), cell.mentions[0].start
    return len(ids), 0


def _publication_gap(articles: Sequence[StoredArticle]) -> int | None:
    dates = sorted(a.published for a in articles if a.published)
    return (dates[-1] - dates[0]).days if len(dates) >= 2 else None


def _notes(articles: Sequence[StoredArticle], knowledge: Knowledge) -> list[str]:
    notes = []
    gap = _publication_gap(articles)
    window = int(knowledge.rules["dates"]["same_occurrence_days"])
    story_window = int(knowledge.rules["omissions"]["story_window_days"])
    if gap is not None and gap > window:
        notes.append(
            f"The articles were published {gap} days apart: they may "
            f"report different occurrences of a recurring activity. Mentions dated more than "
            f"{window} days apart are shown as reported differently, never as contradictions."
        )
    if gap is not None and gap > story_window:
        notes.append(
            f"Published {gap} days apart, beyond one story's {story_window} days: an article "
            f"is never said to omit what an article published more than {story_window} days "
            f"after it tells."
        )
    if any(not a.published for a in articles):
        notes.append("Some articles have no publication date: their relative dates are "
                     "unresolved and date rules skip them.")
    return notes
