"""Stories: articles about the same news, grouped one article at a time as they arrive.

An article joins the story whose articles published within a few days of it are, on
average, most similar to it, when that average clears a threshold, and starts a story of
its own otherwise. Similarity mixes the cosine of the whole articles' tf-idf term vectors
with that of their titles and leads (where news says which event it reports; the body's
background is shared by every story on the topic), less a little per day apart. Averaging
over the story's articles keeps a story from chaining from one event to the next through
one similar report. Reporting the same event, or quoting the same words, adds a bonus.
Candidates come from an index of each article's strongest terms, actors, places and quoted
words (see `article_keys`), never from a scan of the whole store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from datetime import date

from sitrep.link.config import LinkConfig
from sitrep.link.records import ArticleVector
from sitrep.link.terms import cosine, quote_shingles, tfidf_vector
from sitrep.records import StoredArticle

KEY_LENGTH = 96  # longest index key the store keeps
QUOTE_KEY = '"'  # prefix of the index keys of quoted words


def article_keys(article: StoredArticle, terms: Mapping[str, float], config: LinkConfig
                 ) -> list[str]:
    """Index keys: the strongest terms, then "@CODE" for every coded actor or recipient,
    "#Name" for every place the article mentions and '"hash' for runs of quoted words
    (`quote_shingles`)."""
    keys = list(terms)[: config.stories["index_terms"]]
    codes = {
        (record.get(role) or {}).get("code")
        for record in article.events for role in ("actor", "recipient")
    }
    keys += sorted(f"@{code.upper()}" for code in codes if code)
    keys += sorted({f"#{name}" for name in article.places})
    s = config.stories
    keys += [QUOTE_KEY + shingle for shingle in
             quote_shingles(article.text, s["quote_words"], s["quote_keys"])]
    return list(dict.fromkeys(key[:KEY_LENGTH] for key in keys))


def anchor_day(article: StoredArticle) -> date | None:
    """The day an article is placed on in time: its publication date, else the day its
    events most often happened on (day-precise dates only)."""
    if article.published:
        return article.published
    days = Counter(
        date.fromisoformat(r["event_date"]) for r in article.events
        if r.get("event_date") and r.get("date_precision") == "day"
    )
    return min(days, key=lambda d: (-days[d], d)) if days else None


def article_vector(article: StoredArticle, counts: Mapping[str, float],
                   lead_counts: Mapping[str, float], frequencies: Mapping[str, int],
                   n_documents: int, config: LinkConfig) -> ArticleVector:
    keep = config.stories["vector_terms"]
    terms = tfidf_vector(counts, frequencies, n_documents, keep)
    return ArticleVector(article.id, anchor_day(article), terms,
                         article_keys(article, terms, config),
                         tfidf_vector(lead_counts, frequencies, n_documents, keep))


def similarity(a: ArticleVector, b: ArticleVector, config: LinkConfig) -> float:
    """Cosine of the term vectors mixed with that of the lead vectors (`lead_weight`), less
    `penalty_per_day` for each day apart beyond the first. Articles linked before leads
    were kept have none: their terms alone count."""
    score = cosine(a.terms, b.terms)
    if a.lead and b.lead:
        weight = config.stories["lead_weight"]
        score = (1 - weight) * score + weight * cosine(a.lead, b.lead)
    if a.day and b.day:
        gap = abs((a.day - b.day).days)
        score -= config.stories["penalty_per_day"] * max(0, gap - 1)
    return score


def within_window(a: ArticleVector, b: ArticleVector, config: LinkConfig) -> bool:
    if a.day is None or b.day is None:
        return True
    return abs((a.day - b.day).days) <= config.stories["window_days"]


def shared_quotes(a_keys: Iterable[str], b_keys: Iterable[str]) -> int:
    """How many runs of quoted words two articles' index keys share."""
    return len({k for k in a_keys if k.startswith(QUOTE_KEY)} & set(b_keys))


def choose_story(vector: ArticleVector, candidates: Iterable[tuple[ArticleVector, str]],
                 config: LinkConfig, same_event: Collection[str] = (),
                 same_quote: Collection[str] = ()) -> tuple[str | None, float]:
    """The story `vector`'s article belongs to, among candidates `(article vector, story
    id)` (every article of a candidate story, for the average to be fair), with its
    similarity; `(None, best similarity)` when none is close enough. Candidates whose ids
    are in `same_event` report one of the article's events: their similarity gets
    `shared_event_bonus`; those in `same_quote` quote the same words as it (at least
    `min_shared_quotes` runs of them), and get `shared_quote_bonus`.

    A story's score is the mean over its articles within the window (average link: a story
    drifts only as far as its recent reports agree, not from one near report to the next).
    """
    bonus = config.stories["shared_event_bonus"]
    scores: dict[str, list[float]] = {}
    for candidate, story_id in candidates:
        if candidate.article_id == vector.article_id or not within_window(vector, candidate,
                                                                          config):
            continue
        score = similarity(vector, candidate, config)
        if candidate.article_id in same_event:
            score += bonus
        if candidate.article_id in same_quote:
            score += config.stories["shared_quote_bonus"]
        scores.setdefault(story_id, []).append(score)
    if not scores:
        return None, 0.0
    story_id, score = max(((sid, sum(v) / len(v)) for sid, v in scores.items()),
                          key=lambda kv: (kv[1], kv[0]))
    if score >= config.stories["join_similarity"]:
        return story_id, score
    return None, score
