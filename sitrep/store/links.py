"""Link records stored: the stories, event clusters and series in the database are the link
stage's output (`sitrep.link.records`), kept here. Only persistence: the linking itself is
`sitrep.link` (the algorithms) driven by `sitrep.pipeline.link_stored`, which reads what it
needs and writes what it made through `LinkSession`, one transaction per batch.

Every public reader takes a `Store` and returns JSON-ready dicts (ISO dates), for the CLI,
the compare stage and the REST API alike.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from sitrep.link.records import (
    ArticleVector,
    ClusterSketch,
    EventCluster,
    EventMention,
    Series,
    Story,
)
from sitrep.records import StoredArticle
from sitrep.store.database import IN_CHUNK, Store
from sitrep.store.schema import (
    articles,
    event_cluster_members,
    events,
    link_articles,
    link_keys,
    link_terms,
    places,
    series,
)
from sitrep.store.schema import (
    event_clusters as clusters_table,
)
from sitrep.store.schema import (
    stories as stories_table,
)

# What the linker looks for: a type, actor/recipient codes, date windows, months (first days).
CandidateQuery = tuple[str, Collection[str], Sequence[tuple[date, date]], Collection[date]]
CODES_PER_QUERY = 50  # codes repeat in every OR term of a candidate query: keep it small
LEAD_CHARS = 90  # an untitled story is named after its first article's opening words
DOCUMENTS = ""  # the link_terms row that counts linked articles
LINK_TABLES = (series, event_cluster_members, clusters_table, stories_table, link_keys, link_terms,
               link_articles)


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@functools.cache
def _sketch_query(n_windows: int) -> Select:
    """`LinkSession.cluster_sketches`' statement for one type and `n_windows` date windows,
    with bound parameters kind, codes, months, lo0, hi0, lo1, ..."""
    c = clusters_table.c
    kind, codes = bindparam("kind"), bindparam("codes", expanding=True)
    months = bindparam("months", expanding=True)
    windows = [(bindparam(f"lo{i}"), bindparam(f"hi{i}")) for i in range(n_windows)]
    terms = []
    for role in (c.actor_code, c.recipient_code):  # an index each
        base = [c.event_type == kind, role.in_(codes)]
        terms += [and_(*base, c.timeline_date.between(lo, hi)) for lo, hi in windows]
        terms.append(and_(*base, c.date_precision == "month", c.timeline_date.in_(months)))
    return select(c.id, c.event_type, c.actor_code, c.recipient_code, c.timeline_date,
                  c.date_precision, c.lat, c.lon).where(or_(*terms))


# -- reading (public) ----------------------------------------------------------------------


def _within_windows(day: Any, days: Sequence[date | None], window_days: int) -> Any:
    """`day` within `window_days` of one of `days` (merged into ranges), or null when one of
    `days` is."""
    span = timedelta(days=window_days)
    windows: list[list[date]] = []
    for d in sorted(d for d in days if d is not None):
        if windows and d - span <= windows[-1][1]:
            windows[-1][1] = d + span
        else:
            windows.append([d - span, d + span])
    conditions = [day.between(lo, hi) for lo, hi in windows]
    if any(d is None for d in days):
        conditions.append(day.is_(None))
    return or_(*conditions)


def story(store: Store, story_id: str) -> dict | None:
    """One story: id, title, start, end (ISO dates), n_articles, outlets, article_ids (in
    publication order); None if there is no such story."""
    with store.reading() as connection:
        query = select(stories_table).where(stories_table.c.id == story_id)
        row = connection.execute(query).mappings().first()
        if row is None:
            return None
        return _story_dict(row, _story_article_ids(connection, [story_id])[story_id])


def stories_list(store: Store, *, limit: int | None = None, offset: int = 0,
                 order: str = "size", min_articles: int = 1) -> list[dict]:
    """Stories as `story()` gives them. `order`: "size" (most articles first, then most
    recent) or "recent" (latest end date first); `min_articles` leaves out smaller ones."""
    s = stories_table.c
    sort = ([s.n_articles.desc(), s.end_date.desc().nulls_last()] if order == "size"
            else [s.end_date.desc().nulls_last(), s.n_articles.desc()])
    query = (select(stories_table).where(s.n_articles >= min_articles).order_by(*sort, s.id)
             .limit(limit).offset(offset or None))
    with store.reading() as connection:
        rows = connection.execute(query).mappings().all()
        ids = _story_article_ids(connection, [r["id"] for r in rows])
    return [_story_dict(r, ids[r["id"]]) for r in rows]


def stories(store: Store, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """All stories, largest first (see `stories_list` for more options)."""
    return stories_list(store, limit=limit, offset=offset)


def story_articles(store: Store, story_id: str) -> list[dict]:
    """The articles of a story (id, title, outlet, published), in publication order."""
    a = articles.c
    query = (select(a.id, a.title, a.outlet, a.published)
             .join(link_articles, link_articles.c.article_id == a.id)
             .where(link_articles.c.story_id == story_id)
             .order_by(a.published.asc().nulls_last(), a.id))
    with store.reading() as connection:
        return [{**row, "published": _iso(row["published"])}
                for row in connection.execute(query).mappings()]


def story_of_article(store: Store, article_id: str) -> str | None:
    """The id of the story an article belongs to (None until it is linked)."""
    query = select(link_articles.c.story_id).where(link_articles.c.article_id == article_id)
    with store.reading() as connection:
        return connection.execute(query).scalar()


def event_clusters_list(store: Store, story_id: str | None = None, *,
                        min_articles: int = 1, limit: int | None = None,
                        offset: int = 0) -> list[dict]:
    """Event clusters (one real-world event each) with their mentions, in time order.

    With `story_id`, the clusters with a mention in that story's articles (their mentions in
    other stories included). `min_articles=2` keeps the events reported by several articles.
    Each: id, event_type, mode, actor_code, recipient_code, event_date, date_precision,
    timeline_date, place, lat, lon, activity, series_id, n_mentions, n_articles, outlets,
    mentions [{event_id, article_id, outlet}].
    """
    c = clusters_table.c
    query = select(clusters_table).where(c.n_articles >= min_articles)
    if story_id is not None:
        members = (select(event_cluster_members.c.cluster_id)
                   .join(link_articles,
                         link_articles.c.article_id == event_cluster_members.c.article_id)
                   .where(link_articles.c.story_id == story_id))
        query = query.where(c.id.in_(members))
    query = (query.order_by(c.timeline_date.asc().nulls_last(), c.id)
             .limit(limit).offset(offset or None))
    with store.reading() as connection:
        rows = connection.execute(query).mappings().all()
        return _with_mentions(connection, rows)


def event_clusters(store: Store, story_id: str | None = None) -> list[dict]:
    """All event clusters, or those of one story (see `event_clusters_list`)."""
    return event_clusters_list(store, story_id)


def series_list(store: Store, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Series of recurring activities, most events first: id, title, activity, actor_code,
    recipient_code, area, start, end, n_events, events (event clusters as `event_clusters`
    gives them, in time order)."""
    s = series.c
    query = (select(series).where(s.recurring.is_(True))
             .order_by(s.n_events.desc(), s.start_date.asc().nulls_last(), s.id)
             .limit(limit).offset(offset or None))
    with store.reading() as connection:
        rows = connection.execute(query).mappings().all()
        result = []
        for row in rows:
            c = clusters_table.c
            members = connection.execute(
                select(clusters_table).where(c.series_id == row["id"])
                .order_by(c.timeline_date.asc().nulls_last(), c.id)
            ).mappings().all()
            result.append({
                "id": row["id"], "title": row["title"], "activity": row["activity"],
                "actor_code": row["actor_code"], "recipient_code": row["recipient_code"],
                "area": row["area"],
                "start": _iso(row["start_date"]), "end": _iso(row["end_date"]),
                "n_events": row["n_events"], "events": _with_mentions(connection, members),
            })
    return result


def link_counts(store: Store) -> dict[str, int]:
    """How many articles are linked, and how many stories, events and series there are
    (stories and events also counted when several articles share them)."""
    def count(table: Any, *where: Any) -> int:
        return connection.execute(select(func.count()).select_from(table).where(*where)).scalar()

    with store.reading() as connection:
        return {
            "articles": count(link_articles),
            "stories": count(stories_table),
            "multi_article_stories": count(stories_table, stories_table.c.n_articles > 1),
            "event_clusters": count(clusters_table),
            "multi_article_events": count(clusters_table, clusters_table.c.n_articles > 1),
            "series": count(series, series.c.recurring.is_(True)),
        }


def _story_article_ids(connection: Connection, story_ids: Sequence[str]
                       ) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {sid: [] for sid in story_ids}
    for chunk in _chunks(list(story_ids)):
        query = (select(link_articles.c.story_id, articles.c.id)
                 .join(articles, articles.c.id == link_articles.c.article_id)
                 .where(link_articles.c.story_id.in_(chunk))
                 .order_by(articles.c.published.asc().nulls_last(), articles.c.id))
        for story_id, article_id in connection.execute(query):
            result[story_id].append(article_id)
    return result


def _headline(lead: str | None) -> str | None:
    """The opening words of an untitled article, cut at a word: "The United States flew…"."""
    if not lead:
        return None
    words = " ".join(lead.split())
    if len(words) < LEAD_CHARS - 10:
        return words
    return words[: words.rfind(" ")] + "…"


def _story_dict(row: Any, article_ids: list[str]) -> dict:
    return Story(row["id"], row["title"], row["start_date"], row["end_date"], article_ids,
                 json.loads(row["outlets"])).to_record()


def _with_mentions(connection: Connection, rows: Sequence[Any]) -> list[dict]:
    mentions: dict[str, list[dict]] = defaultdict(list)
    ids = [r["id"] for r in rows]
    m = event_cluster_members.c
    for chunk in _chunks(ids):
        query = (select(m.cluster_id, m.event_id, m.article_id, events.c.outlet)
                 .join(events, events.c.id == m.event_id)
                 .where(m.cluster_id.in_(chunk))
                 .order_by(events.c.timeline_date.asc().nulls_last(), m.article_id,
                           events.c.evidence_start))
        for row in connection.execute(query):
            mentions[row.cluster_id].append(
                {"event_id": row.event_id, "article_id": row.article_id, "outlet": row.outlet})
    result = []
    for row in rows:
        found = mentions[row["id"]]
        result.append({
            **{k: row[k] for k in ("id", "event_type", "mode", "actor_code", "recipient_code")},
            "event_date": _iso(row["event_date"]), "date_precision": row["date_precision"],
            "timeline_date": _iso(row["timeline_date"]),
            **{k: row[k] for k in ("place", "lat", "lon", "activity", "series_id",
                                   "n_mentions", "n_articles")},
            "outlets": sorted({x["outlet"] for x in found if x["outlet"]}),
            "mentions": found,
        })
    return result


# -- writing: what the linker reads and writes, in one transaction ---------------------------


@contextmanager
def session(store: Store) -> Iterator[LinkSession]:
    """A write transaction for linking (on SQLite, holding the write lock throughout, so
    that two linkers never see each other's half-made stories)."""
    with store.writing() as connection:
        yield LinkSession(connection)


class LinkSession:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def clear(self) -> None:
        """Forget every story, cluster, series and index entry (for a rebuild)."""
        for table in LINK_TABLES:
            self.connection.execute(delete(table))

    def story_of_each_article(self) -> dict[str, str]:
        """Every linked article's story id."""
        la = link_articles.c
        return dict(self.connection.execute(select(la.article_id, la.story_id)).all())

    def story_exists(self, story_id: str) -> bool:
        query = select(link_articles.c.article_id).where(
            link_articles.c.story_id == story_id).limit(1)
        return self.connection.execute(query).first() is not None

    def unlinked(self, article_ids: Sequence[str] | None = None) -> list[str]:
        """Stored articles (of `article_ids`, or all) not linked yet, in publication order."""
        a = articles.c
        query = (select(a.id).outerjoin(link_articles, link_articles.c.article_id == a.id)
                 .where(link_articles.c.article_id.is_(None))
                 .order_by(a.published.asc().nulls_last(), a.id))
        if article_ids is None:
            return list(self.connection.execute(query).scalars())
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(article_ids))):
            found.update(self.connection.execute(query.where(a.id.in_(chunk))).scalars())
        return [i for i in article_ids if i in found]

    def load_articles(self, article_ids: Sequence[str]) -> list[StoredArticle]:
        """The articles with their event records and place names, in publication order."""
        loaded: dict[str, StoredArticle] = {}
        a = articles.c
        for chunk in _chunks(list(article_ids)):
            query = select(a.id, a.title, a.outlet, a.published, a.text).where(a.id.in_(chunk))
            for row in self.connection.execute(query):
                loaded[row.id] = StoredArticle(row.id, row.text, outlet=row.outlet,
                                               title=row.title, published=row.published)
            query = (select(events.c.article_id, events.c.record)
                     .where(events.c.article_id.in_(chunk))
                     .order_by(events.c.article_id, events.c.evidence_start, events.c.id))
            for article_id, record in self.connection.execute(query):
                loaded[article_id].events.append(json.loads(record))
                loaded[article_id].event_json.append(record)
            query = (select(places.c.article_id, places.c.name).distinct()
                     .where(places.c.article_id.in_(chunk))
                     .order_by(places.c.article_id, places.c.name))
            for article_id, name in self.connection.execute(query):
                loaded[article_id].places.append(name)
        return sorted(loaded.values(),
                      key=lambda x: (x.published is None, x.published or date.min, x.id))

    # -- document frequencies

    def document_frequencies(self, terms: Collection[str]) -> tuple[dict[str, int], int]:
        """Stored document frequencies of these terms, and the number of linked articles."""
        wanted = sorted(set(terms) | {DOCUMENTS})
        found: dict[str, int] = {}
        for chunk in _chunks(wanted):
            query = select(link_terms.c.term, link_terms.c.n).where(link_terms.c.term.in_(chunk))
            found.update(self.connection.execute(query).all())
        return found, found.pop(DOCUMENTS, 0)

    def add_document_frequencies(self, counts: dict[str, int], n_documents: int,
                                 stored: Collection[str]) -> None:
        """Add a batch's term counts; `stored`: the terms that have a row already."""
        counts = {**counts, DOCUMENTS: n_documents}
        documents_row = select(link_terms.c.term).where(link_terms.c.term == DOCUMENTS)
        if self.connection.execute(documents_row).first() is not None:
            stored = {*stored, DOCUMENTS}
        old = [{"b_term": t, "b_n": n} for t, n in counts.items() if t in stored]
        new = [{"term": t, "n": n} for t, n in counts.items() if t not in stored]
        if old:
            statement = (update(link_terms).where(link_terms.c.term == bindparam("b_term"))
                         .values(n=link_terms.c.n + bindparam("b_n")))
            self.connection.execute(statement, old)
        if new:
            self.connection.execute(insert(link_terms), new)

    # -- stories

    def candidate_keys(self, keys: Collection[str], days: Sequence[date | None],
                       window_days: int) -> dict[str, set[str]]:
        """Linked articles with any of `keys`, and which of them they have, for a batch of
        articles published on `days`: articles dated within `window_days` of one of those
        days, plus undated ones when the batch has undated articles."""
        k = link_keys.c
        within = _within_windows(k.day, days, window_days)
        found: dict[str, set[str]] = defaultdict(set)
        for chunk in _chunks(sorted(keys)):
            query = select(k.article_id, k.key).where(k.key.in_(chunk), within)
            for article_id, key in self.connection.execute(query):
                found[article_id].add(key)
        return found

    def vectors(self, article_ids: Sequence[str]) -> list[tuple[ArticleVector, str]]:
        """Stored vectors of these articles, with their stories' ids."""
        la = link_articles.c
        result = []
        for chunk in _chunks(list(article_ids)):
            result += self._vectors(la.article_id.in_(chunk))
        return result

    def story_vectors(self, story_ids: Sequence[str], days: Sequence[date | None],
                      window_days: int) -> list[tuple[ArticleVector, str]]:
        """Stored vectors of these stories' articles dated within `window_days` of one of
        `days` (undated ones too when a day is missing), with their stories' ids."""
        la = link_articles.c
        within = _within_windows(la.day, days, window_days)
        result = []
        for chunk in _chunks(list(story_ids)):
            result += self._vectors(la.story_id.in_(chunk), within)
        return result

    def _vectors(self, *where: Any) -> list[tuple[ArticleVector, str]]:
        la = link_articles.c
        query = select(la.article_id, la.story_id, la.day, la.terms, la.lead_terms).where(
            *where).order_by(la.article_id)
        return [(ArticleVector(row.article_id, row.day, json.loads(row.terms), [],
                               json.loads(row.lead_terms or "{}")), row.story_id)
                for row in self.connection.execute(query)]

    def save_articles(self, linked: Sequence[tuple[ArticleVector, str]]) -> None:
        if not linked:
            return
        self.connection.execute(insert(link_articles), [
            {"article_id": v.article_id, "story_id": story_id, "day": v.day,
             "terms": json.dumps(v.terms, separators=(",", ":"), ensure_ascii=False),
             "lead_terms": json.dumps(v.lead, separators=(",", ":"), ensure_ascii=False)}
            for v, story_id in linked
        ])
        keys = [{"article_id": v.article_id, "key": key, "day": v.day}
                for v, _ in linked for key in v.keys]
        if keys:
            self.connection.execute(insert(link_keys), keys)

    def refresh_stories(self, story_ids: Collection[str]) -> None:
        """Recompute these stories' rows (title, dates, counts, outlets) from their articles."""
        ids = sorted(story_ids)
        for chunk in _chunks(ids):
            self.connection.execute(delete(stories_table).where(stories_table.c.id.in_(chunk)))
        a = articles.c
        grouped: dict[str, list[Any]] = defaultdict(list)
        for chunk in _chunks(ids):
            lead = func.substr(a.text, 1, LEAD_CHARS).label("lead")
            query = (select(link_articles.c.story_id, a.title, a.outlet, a.published, lead)
                     .join(articles, a.id == link_articles.c.article_id)
                     .where(link_articles.c.story_id.in_(chunk))
                     .order_by(a.published.asc().nulls_last(), a.id))
            for row in self.connection.execute(query):
                grouped[row.story_id].append(row)
        rows = []
        for story_id, members in grouped.items():
            dates = [m.published for m in members if m.published]
            rows.append({
                "id": story_id,
                "title": next((m.title for m in members if m.title), None)
                or _headline(members[0].lead),
                "start_date": min(dates, default=None),
                "end_date": max(dates, default=None),
                "n_articles": len(members),
                "outlets": json.dumps(sorted({m.outlet for m in members if m.outlet})),
            })
        if rows:
            self.connection.execute(insert(stories_table), rows)

    # -- event clusters

    def cluster_sketches(self, wanted: Sequence[CandidateQuery]) -> list[ClusterSketch]:
        """Stored clusters of a wanted type with one of its codes as actor or recipient,
        dated in one of its windows or month-precise in one of its months (their first
        days). One statement per type, an OR of index ranges, built once per number of
        windows (building it costs more than running it)."""
        found: dict[str, ClusterSketch] = {}
        for kind, codes, windows, months in wanted:
            query = _sketch_query(len(windows))
            bounds = {f"lo{i}": lo for i, (lo, _) in enumerate(windows)}
            bounds.update((f"hi{i}", hi) for i, (_, hi) in enumerate(windows))
            for some in _chunks(sorted(codes), CODES_PER_QUERY):
                parameters = {"kind": kind, "codes": list(some), "months": sorted(months),
                              **bounds}
                for row in self.connection.execute(query, parameters):
                    found[row.id] = ClusterSketch(*row)
        return list(found.values())

    def clusters(self, cluster_ids: Collection[str],
                 to_mention: Callable[[str], EventMention]) -> list[EventCluster]:
        """These stored clusters with their mentions (in time order); `to_mention` makes a
        mention of a stored record's JSON."""
        e, m = events.c, event_cluster_members.c
        clusters: dict[str, EventCluster] = {}
        for chunk in _chunks(sorted(cluster_ids)):
            query = (select(m.cluster_id, e.record).join(events, e.id == m.event_id)
                     .where(m.cluster_id.in_(chunk))
                     .order_by(m.cluster_id, e.timeline_date.asc().nulls_last(), e.article_id,
                               e.evidence_start))
            for cluster_id, record in self.connection.execute(query):
                clusters.setdefault(cluster_id, EventCluster(cluster_id, [])).mentions.append(
                    to_mention(record))
        return list(clusters.values())

    def cluster_series(self, cluster_ids: Collection[str]
                       ) -> dict[str, tuple[str | None, str | None]]:
        """The series group and series id each of these stored clusters has now."""
        found: dict[str, tuple[str | None, str | None]] = {}
        c = clusters_table.c
        for chunk in _chunks(sorted(cluster_ids)):
            query = select(c.id, c.series_group, c.series_id).where(c.id.in_(chunk))
            found.update((row.id, (row.series_group, row.series_id))
                         for row in self.connection.execute(query))
        return found

    def save_clusters(self, changed: Sequence[dict], new: Sequence[dict],
                      members: Sequence[EventMention], member_of: dict[str, str]) -> None:
        """Write cluster rows (`summary()` dicts plus "series_group"): update `changed`,
        insert `new`; add `members` (new mentions) with `member_of[event_id]`. Keys the
        table has no column for (what only series placement reads) are not stored."""
        stored = set(clusters_table.c.keys())
        if changed:
            columns = [k for k in changed[0] if k != "id" and k in stored]
            statement = (update(clusters_table).where(clusters_table.c.id == bindparam("b_id"))
                         .values({k: bindparam(f"b_{k}") for k in columns}))
            self.connection.execute(statement, [{f"b_{k}": row[k] for k in ["id", *columns]}
                                                for row in changed])
        if new:
            self.connection.execute(insert(clusters_table),
                                    [{k: v for k, v in row.items() if k in stored} for row in new])
        if members:
            self.connection.execute(insert(event_cluster_members), [
                {"event_id": m.event_id, "cluster_id": member_of[m.event_id],
                 "article_id": m.article_id} for m in members
            ])

    # -- series

    def series_of_groups(self, groups: Collection[str]) -> dict[str, list[Series]]:
        """The series (shown or not yet) of these groups."""
        found: dict[str, list[Series]] = defaultdict(list)
        for chunk in _chunks(sorted(groups)):
            query = select(series).where(series.c.group_key.in_(chunk)).order_by(series.c.id)
            for row in self.connection.execute(query).mappings():
                found[row["group_key"]].append(Series(  # label: the caller's vocabulary
                    row["id"], row["group_key"], row["activity"], "", row["actor_code"],
                    row["recipient_code"], row["area"], row["lat"], row["lon"],
                    row["n_events"], row["start_date"], row["end_date"]))
        return found

    def save_series(self, new: Sequence[Series], placed: Sequence[Series],
                    titles: dict[str, str]) -> None:
        """Insert `new` series (empty until `refresh_series`); store the place that
        `placed` ones took."""
        if new:
            self.connection.execute(insert(series), [
                {"id": s.id, "group_key": s.group, "activity": s.activity,
                 "actor_code": s.actor_code, "recipient_code": s.recipient_code,
                 "area": s.area, "lat": s.lat, "lon": s.lon, "title": titles[s.id],
                 "start_date": None, "end_date": None, "n_events": 0, "recurring": False}
                for s in new])
        if placed:
            self.connection.execute(
                update(series).where(series.c.id == bindparam("b_id"))
                .values(area=bindparam("b_area"), lat=bindparam("b_lat"),
                        lon=bindparam("b_lon"), title=bindparam("b_title")),
                [{"b_id": s.id, "b_area": s.area, "b_lat": s.lat, "b_lon": s.lon,
                  "b_title": titles[s.id]} for s in placed])

    def assign_series(self, assignments: dict[str, str | None]) -> None:
        """Point event clusters at their series (None: in none)."""
        if assignments:
            self.connection.execute(
                update(clusters_table).where(clusters_table.c.id == bindparam("b_id"))
                .values(series_id=bindparam("b_series")),
                [{"b_id": cid, "b_series": sid} for cid, sid in assignments.items()])

    def refresh_series(self, series_ids: Collection[str], min_events: int) -> None:
        """Recount these series' events and dates from their clusters; drop empty ones."""
        c = clusters_table.c
        ids = sorted(series_ids)
        stats: dict[str, Any] = {}
        for chunk in _chunks(ids):
            query = (select(c.series_id, func.count().label("n"),
                            func.min(c.timeline_date).label("first"),
                            func.max(c.timeline_date).label("last"))
                     .where(c.series_id.in_(chunk)).group_by(c.series_id))
            stats.update((row.series_id, row) for row in self.connection.execute(query))
        empty = [i for i in ids if i not in stats]
        for chunk in _chunks(empty):
            self.connection.execute(delete(series).where(series.c.id.in_(chunk)))
        if stats:
            self.connection.execute(
                update(series).where(series.c.id == bindparam("b_id"))
                .values(n_events=bindparam("b_n"), start_date=bindparam("b_first"),
                        end_date=bindparam("b_last"), recurring=bindparam("b_recurring")),
                [{"b_id": sid, "b_n": row.n, "b_first": row.first, "b_last": row.last,
                  "b_recurring": bool(row.n >= min_events and row.first and row.last
                                      and row.first < row.last)}
                 for sid, row in stats.items()])
