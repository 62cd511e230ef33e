"""Finding things in the store for the API and the web UI: full-text search over articles,
single events by id, and actors with their event counts. (Listings of events are
`Store.events`, for every caller.)

Full text is dialect-specific (migration 0004): SQLite's FTS5 table `articles_fts`,
PostgreSQL's GIN index over a weighted tsvector. Both take the same query language:
words (all must occur, stemmed: "missiles" finds "missile"), "quoted phrases", `OR`
between two terms, and `-word` to exclude. Anything else in the input is just text: a
query never causes a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, literal_column, or_, select, text

from sitrep.store.database import Store, n_events_column
from sitrep.store.schema import articles, events

# Marks around matched words in snippets: control characters that article text never
# holds (ingest normalises them away), so a client can split on them and escape the rest.
MATCH_START, MATCH_END = "\x02", "\x03"

# The PostgreSQL search document; must equal the expression of the index in migration 0004.
POSTGRES_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(text, 1000000)), 'B')"
)
_SEARCH_OBJECTS = re.compile(
    r"^(articles_fts(_\w+)?|ix_articles_search|party_names_fts(_\w+)?|ix_party_names_trigram)$")


def is_search_object(name: str | None) -> bool:
    """Whether a table or index is part of text search (created by migrations 0004 and 0006,
    per dialect, and so absent from the portable `schema.py`)."""
    return bool(name) and bool(_SEARCH_OBJECTS.match(name))  # type: ignore[arg-type]


# -- the query language ---------------------------------------------------------------------

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    exclude: bool = False


def parse_query(query: str) -> list[list[Term]]:
    """The query as AND-ed groups of OR-ed terms; exclusions are groups of one.

    `north korea OR pyongyang "joint drills" -exercise` ->
    [[north], [korea, pyongyang], ["joint drills"], [-exercise]].
    """
    groups: list[list[Term]] = []
    pending_or = False
    for match in _TOKEN.finditer(query):
        minus, phrase, bare = match.groups()
        if bare is not None and bare == "OR":
            pending_or = bool(groups) and not groups[-1][-1].exclude
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            minus, bare = "-", bare[1:]
        words = tuple(w.lower() for w in _WORD.findall(phrase if bare is None else bare))
        if not words:
            continue
        term = Term(words, exclude=bool(minus))
        if pending_or and not term.exclude:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    if groups and all(g[0].exclude for g in groups):
        return []  # nothing but exclusions matches nothing useful
    return groups


def fts5_expression(groups: list[list[Term]]) -> str:
    """The FTS5 MATCH expression for parsed groups: every word double-quoted, so nothing in
    the user's input can act as FTS5 syntax."""
    def quoted(term: Term) -> str:
        return '"' + " ".join(term.words) + '"'

    include = [g for g in groups if not g[0].exclude]
    exclude = [g[0] for g in groups if g[0].exclude]
    parts = ["(" + " OR ".join(quoted(t) for t in group) + ")" for group in include]
    expression = " AND ".join(parts)
    for term in exclude:
        expression += f" NOT {quoted(term)}"
    return expression


def websearch_text(groups: list[list[Term]]) -> str:
    """The same query in PostgreSQL's websearch_to_tsquery syntax (which never fails)."""
    def term_text(term: Term) -> str:
        body = " ".join(term.words)
        body = f'"{body}"' if len(term.words) > 1 else body
        return f"-{body}" if term.exclude else body

    return " ".join(" or ".join(term_text(t) for t in group) for group in groups)


# -- full-text search -----------------------------------------------------------------------


def search_articles(store: Store, query: str, *, limit: int = 20, offset: int = 0) -> dict:
    """Articles matching `query`, best first: `{query, total, items}`; each item has the
    article's id, title, outlet, published, n_events and a `snippet` with matches between
    MATCH_START and MATCH_END."""
    groups = parse_query(query)
    if not groups:
        return {"query": query, "total": 0, "items": []}
    with store.reading() as connection:
        if store.dialect == "sqlite":
            total, rows = _search_sqlite(connection, fts5_expression(groups), limit, offset)
        elif store.dialect == "postgresql":
            total, rows = _search_postgres(connection, websearch_text(groups), limit, offset)
        else:
            raise NotImplementedError(f"full-text search on {store.dialect}")
        items = []
        for row in rows:
            item = dict(row)
            if item.get("published") is not None:
                item["published"] = item["published"].isoformat()
            items.append(item)
    return {"query": query, "total": total, "items": items}


def _search_sqlite(connection: Any, match: str, limit: int, offset: int) -> tuple[int, list]:
    total = connection.execute(
        text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q"), {"q": match}
    ).scalar()
    # bm25 weights: title 5, text 1 (article_id is unindexed)
    hits = text(
        "SELECT article_id, bm25(articles_fts, 0.0, 5.0, 1.0) AS rank, "
        f"snippet(articles_fts, 2, '{MATCH_START}', '{MATCH_END}', '…', 32) AS snippet "
        "FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
    ).columns(literal_column("article_id"), literal_column("rank"), literal_column("snippet"))
    found = connection.execute(hits, {"q": match, "limit": limit, "offset": offset}).all()
    return total, _with_articles(connection, [(r.article_id, -r.rank, r.snippet) for r in found])


def _search_postgres(connection: Any, websearch: str, limit: int, offset: int) -> tuple[int, list]:
    query = "websearch_to_tsquery('english'::regconfig, :q)"
    total = connection.execute(
        text(f"SELECT count(*) FROM articles WHERE ({POSTGRES_DOCUMENT}) @@ {query}"),
        {"q": websearch},
    ).scalar()
    options = (f"StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords=40, MinWords=20, "
               "MaxFragments=2, FragmentDelimiter=\" … \"")
    found = connection.execute(
        text(
            f"SELECT id, ts_rank_cd({POSTGRES_DOCUMENT}, {query}) AS rank, "
            f"ts_headline('english'::regconfig, text, {query}, :options) AS snippet "
            f"FROM articles WHERE ({POSTGRES_DOCUMENT}) @@ {query} "
            "ORDER BY rank DESC, id LIMIT :limit OFFSET :offset"
        ),
        {"q": websearch, "options": options, "limit": limit, "offset": offset},
    ).all()
    return total, _with_articles(connection, [(r.id, r.rank, r.snippet) for r in found])


def _with_articles(connection: Any, hits: list[tuple[str, float, str]]) -> list[dict]:
    """The hits, in their order, with their articles' metadata."""
    if not hits:
        return []
    a = articles.c
    query = (select(a.id, a.title, a.outlet, a.published, n_events_column())
             .where(a.id.in_(bindparam("ids", expanding=True))))
    rows = connection.execute(query, {"ids": [h[0] for h in hits]})
    meta = {row.id: row._mapping for row in rows}
    return [{**meta[article_id], "rank": round(float(rank), 4), "snippet": snippet}
            for article_id, rank, snippet in hits if article_id in meta]


# -- events and actors ---------------------------------------------------------------------


def event_json(store: Store, event_id: str) -> str | None:
    """One event record as the JSON text it is stored as; None for an unknown id."""
    with store.reading() as connection:
        return connection.execute(select(events.c.record).where(events.c.id == event_id)).scalar()


def event_exists(store: Store, event_id: str) -> bool:
    """Whether an event of this id is stored (a paging cursor must name one)."""
    with store.reading() as connection:
        return connection.execute(select(events.c.id).where(events.c.id == event_id)
                                  ).first() is not None


def actor_counts(store: Store, *, query: str | None = None, limit: int = 100) -> list[dict]:
    """Actor and recipient codes with how many events each acts in and receives, most active
    first; `query` keeps codes that start with it or whose text contains it."""
    c = events.c
    n = func.count().label("n")
    results: dict[str, dict[str, Any]] = {}
    with store.reading() as connection:
        for role, code, text_column in (("actor", c.actor_code, c.actor_text),
                                        ("recipient", c.recipient_code, c.recipient_text)):
            where = [code.is_not(None)]
            if query and query.strip():
                q = query.strip()
                where.append(or_(code.istartswith(q, autoescape=True),
                                 text_column.icontains(q, autoescape=True)))
            rows = connection.execute(select(code, text_column, n).where(*where)
                                      .group_by(code, text_column))
            for row_code, row_text, count in rows:
                entry = results.setdefault(row_code, {"code": row_code, "actor": 0,
                                                      "recipient": 0, "names": {}})
                entry[role] += count
                if row_text:
                    name = " ".join(row_text.split())
                    entry["names"][name] = entry["names"].get(name, 0) + count
    ranked = sorted(results.values(), key=lambda e: (-(e["actor"] + e["recipient"]), e["code"]))
    for entry in ranked:
        names = sorted(entry["names"].items(), key=lambda kv: (-kv[1], kv[0]))
        entry["names"] = [name for name, _ in names[:8]]
    return ranked[:limit]
