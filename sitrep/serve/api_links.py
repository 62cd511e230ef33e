"""Stories, event clusters, series (written by `sitrep link`) and comparisons of articles."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from sitrep.compare import compare_stored
from sitrep.serve.api_read import ID, Limit, Offset, page
from sitrep.serve.deps import StoreDep
from sitrep.store import links

router = APIRouter(tags=["stories"])

# A comparison aligns every sentence of every article: bounded for very large stories.
MAX_COMPARED = 12


@router.get("/stories")
def list_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                 order: Annotated[str, Query(pattern="^(size|recent)$")] = "size",
                 min_articles: Annotated[int, Query(ge=1, le=1000)] = 1) -> dict[str, Any]:
    """Stories (articles about the same news): id, title, start, end, outlets, article_ids.
    `order`: size (most articles first) or recent."""
    items = links.stories_list(store, limit=limit, offset=offset, order=order,
                               min_articles=min_articles)
    return page(items, limit, offset, None)


@router.get("/stories/{story_id}")
def get_story(store: StoreDep, story_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    """One story with its articles, its events (merged across articles) and the comparison
    of its articles (coverage matrix, omissions, contradictions, attribution, framing; null
    for a single-article story; `omissions` are facts an article surely leaves out,
    `unclear_omissions` those it may tell in other words). Large stories compare their first MAX_COMPARED articles."""
    found = links.story(store, story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    compared = found["article_ids"][:MAX_COMPARED]
    comparison = compare_stored(store, compared).to_dict() if len(compared) > 1 else None
    return {"story": found, "articles": links.story_articles(store, story_id),
            "events": links.event_clusters(store, story_id), "comparison": comparison,
            "compared_articles": compared}


@router.get("/comparisons")
def compare(store: StoreDep,
            article: Annotated[list[str], Query(min_length=2, max_length=MAX_COMPARED)],
            ) -> dict[str, Any]:
    """Compare any 2 to MAX_COMPARED stored articles (repeat `article=ID`): `omissions` are
    facts an article surely leaves out (`certainty` "omitted"), `unclear_omissions` those it
    may tell in other words (`certainty` "unclear", with its closest sentence in
    `nearest`)."""
    if bad := [a for a in article if not re.match(ID, a)]:
        raise HTTPException(422, f"not an article id: {bad[0]!r}")
    try:
        return compare_stored(store, article).to_dict()
    except LookupError as err:
        raise HTTPException(404, str(err).strip("'\"")) from None


@router.get("/series")
def list_series(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Series of recurring activities (e.g. a run of missile tests), each with its events."""
    items = links.series_list(store, limit=limit, offset=offset)
    return page(items, limit, offset, None)


@router.get("/event-clusters")
def list_event_clusters(store: StoreDep, story: Annotated[str | None, Query(pattern=ID)] = None,
                        min_articles: Annotated[int, Query(ge=1, le=1000)] = 1,
                        limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Real-world events, each with its mentions in one or more articles; `story` keeps one
    story's, `min_articles=2` those reported by several articles."""
    items = links.event_clusters_list(store, story, min_articles=min_articles, limit=limit,
                                      offset=offset)
    return page(items, limit, offset, None)
