"""The compare stage: how several articles cover the same story.

Public API::

    compare_articles(articles: Sequence[StoredArticle], knowledge: Knowledge | None = None)
        -> Comparison
    compare_stored(store, article_ids: Sequence[str], knowledge: Knowledge | None = None)
        -> Comparison        # store: anything with .article(id) and .events(article_id=id),
                             # e.g. sitrep.store.Store; raises LookupError for unknown ids
    Comparison.to_dict() -> dict   # JSON-serialisable

A `Comparison` holds a coverage matrix (`rows`: events and claims × articles, each cell
reported / differs / absent with the sentences), `omissions`, `contradictions` (with both
sentences, both attributions and the rule), an `attribution` profile and a `framing`
profile per article, and `framing_contrasts`. Rules and vocabularies are data:
`sitrep/data/compare/` and `sitrep/data/framing/` (READMEs there).

This stage reads articles and their event records; it never imports the store or serve.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sitrep.compare.comparison import compare_articles
from sitrep.compare.knowledge import Knowledge, KnowledgeError
from sitrep.compare.records import Comparison
from sitrep.records import StoredArticle


class ArticleSource(Protocol):
    """What `compare_stored` needs of a store (sitrep.store.Store has it)."""

    def article(self, article_id: str) -> dict[str, Any] | None: ...

    def events(self, *, article_id: str | None = None) -> Any: ...


def compare_stored(store: ArticleSource, article_ids: Sequence[str],
                   knowledge: Knowledge | None = None) -> Comparison:
    """Compare stored articles by id, in the order given."""
    articles = []
    for article_id in dict.fromkeys(article_ids):
        article = store.article(article_id)
        if article is None:
            raise LookupError(f"no article with id {article_id!r}")
        articles.append(StoredArticle.from_store(article,
                                                   list(store.events(article_id=article_id))))
    return compare_articles(articles, knowledge)


__all__ = ["ArticleSource", "Comparison", "Knowledge", "KnowledgeError",
           "compare_articles", "compare_stored"]
