"""The pipeline's last step, linking stored articles: the link stage's algorithms
(`sitrep.link`, which never touch the database) run over the store, and their stories,
event clusters and series are written back through `sitrep.store.links`.

`update_links(store, article_ids)` runs after every stored ingest batch: it puts each new
article in a story, each of its event mentions in an event cluster, and refreshes the series
those clusters belong to, all in one transaction. Articles linked already are skipped, so
calling it again (or re-ingesting the same input) changes nothing. `link_pending` catches up
on articles stored without linking; `rebuild_links` forgets every link and links all articles
again in publication order, which always gives the same result.

A story's id is that of its first linked article's story: a rebuild hands each story it
starts the id its first article had before, unless a story of this rebuild took it already,
so that a saved story id still names the same news after `sitrep link --rebuild`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError

from sitrep.link.config import LinkConfig
from sitrep.link.events import (
    WordWeights,
    can_merge,
    candidate_months,
    candidate_window,
    choose_cluster,
    could_join,
    mention_from_json,
    merge_windows,
    new_cluster,
    sketch_span,
)
from sitrep.link.records import (
    ArticleVector,
    EventCluster,
    EventMention,
    Series,
    link_id,
)
from sitrep.link.series import choose_series, group_key, new_series, series_label
from sitrep.link.stories import anchor_day, article_vector, choose_story, shared_quotes
from sitrep.link.terms import idf, term_counts
from sitrep.records import StoredArticle
from sitrep.store import Store, links
from sitrep.store.links import LinkSession

REBUILD_BATCH = 64  # articles per transaction when linking many at once


@dataclass
class LinkReport:
    articles: int = 0  # articles linked now
    stories_joined: int = 0  # of which joined an existing story (not starting their own)
    mentions_merged: int = 0  # event mentions that joined an existing event cluster

    def add(self, other: LinkReport) -> None:
        self.articles += other.articles
        self.stories_joined += other.stories_joined
        self.mentions_merged += other.mentions_merged


def update_links(store: Store, article_ids: Sequence[str],
                 config: LinkConfig | None = None,
                 previous_stories: Mapping[str, str] | None = None) -> LinkReport:
    """Link these stored articles, unless linked already (see the module docstring).
    `previous_stories` maps articles to the story ids they had before a rebuild."""
    config = config or LinkConfig.default()
    if not article_ids:
        return LinkReport()
    try:
        return _link(store, article_ids, config, previous_stories or {})
    except IntegrityError:
        # Another process linked some of them, or added a term row, between our reads and our
        # writes (PostgreSQL; SQLite's write lock rules it out). Trying again skips those.
        return _link(store, article_ids, config, previous_stories or {})


def link_pending(store: Store, config: LinkConfig | None = None,
                 on_progress: Callable[[int], None] | None = None,
                 previous_stories: Mapping[str, str] | None = None) -> LinkReport:
    """Link every stored article that is not linked yet, oldest first."""
    with links.session(store) as session:
        pending = session.unlinked()
    report = LinkReport()
    for i in range(0, len(pending), REBUILD_BATCH):
        chunk = pending[i : i + REBUILD_BATCH]
        report.add(update_links(store, chunk, config, previous_stories))
        if on_progress:
            on_progress(len(chunk))
    return report


def rebuild_links(store: Store, config: LinkConfig | None = None,
                  on_progress: Callable[[int], None] | None = None) -> LinkReport:
    """Forget all stories, event clusters and series, and link every article again; stories
    keep their ids where they can (see the module docstring)."""
    with links.session(store) as session:
        previous = session.story_of_each_article()
        session.clear()
    return link_pending(store, config, on_progress, previous)


def _link(store: Store, article_ids: Sequence[str], config: LinkConfig,
          previous_stories: Mapping[str, str]) -> LinkReport:
    with links.session(store) as session:
        todo = session.unlinked(article_ids)
        if not todo:
            return LinkReport()
        batch = session.load_articles(todo)
        report = LinkReport(articles=len(batch))
        # events first: two articles reporting the same event is evidence for one story
        reported_together = _link_events(session, batch, config, report)
        touched = _link_stories(session, batch, reported_together, config, report,
                                previous_stories)
        session.refresh_stories(touched)
        return report


def _link_stories(session: LinkSession, batch: list[StoredArticle],
                  reported_together: dict[str, set[str]], config: LinkConfig,
                  report: LinkReport, previous_stories: Mapping[str, str]) -> set[str]:
    """Put each article of the batch in a story; returns the stories that changed."""
    s = config.stories
    counts = {a.id: term_counts(a.title, a.text, config) for a in batch}
    lead_counts = {a.id: term_counts(a.title, a.text[: s["lead_chars"]], config)
                   for a in batch}
    batch_frequencies: Counter[str] = Counter()
    for a in batch:
        batch_frequencies.update(counts[a.id].keys() | lead_counts[a.id].keys())
    stored, n_stored = session.document_frequencies(batch_frequencies.keys())
    frequencies = {t: stored.get(t, 0) + n for t, n in batch_frequencies.items()}
    session.add_document_frequencies(dict(batch_frequencies), len(batch), stored.keys())
    n_documents = n_stored + len(batch)

    vectors = [article_vector(a, counts[a.id], lead_counts[a.id], frequencies, n_documents,
                              config) for a in batch]
    wanted = {v.article_id: set(v.terms) | {k for k in v.keys if k[0] in "@#"} for v in vectors}
    stored_keys = session.candidate_keys(set().union(*wanted.values()),
                                         [v.day for v in vectors], s["window_days"])
    stored_vectors: dict[str, tuple[ArticleVector, str]] = {}
    members: dict[str, list[str]] = {}  # story id -> its stored articles within the windows
    linked: list[tuple[ArticleVector, str]] = []
    for vector in vectors:
        shared = [(len(wanted[vector.article_id] & keys), article_id)
                  for article_id, keys in stored_keys.items()]
        found = [article_id for n, article_id in sorted(shared, key=lambda x: (-x[0], x[1]))
                 if n >= s["min_shared_keys"]][: s["max_candidates"]]
        together = reported_together.get(vector.article_id, set())
        found += sorted(together - set(found))
        quoting = {article_id for article_id, keys in stored_keys.items()
                   if shared_quotes(vector.keys, keys) >= s["min_shared_quotes"]}
        quoting |= {v.article_id for v, _ in linked
                    if shared_quotes(vector.keys, v.keys) >= s["min_shared_quotes"]}
        missing = [i for i in found if i not in stored_vectors]
        stored_vectors.update((v.article_id, (v, sid)) for v, sid in session.vectors(missing))
        stories = {stored_vectors[i][1] for i in found if i in stored_vectors}
        stories |= {story_id for v, story_id in linked
                    if v.article_id in together
                    or len(wanted[vector.article_id] & set(v.keys)) >= s["min_shared_keys"]}
        unread = sorted(stories - members.keys())
        for v, story_id in session.story_vectors(unread, [v.day for v in vectors],
                                                 s["window_days"]):
            stored_vectors.setdefault(v.article_id, (v, story_id))
            members.setdefault(story_id, []).append(v.article_id)
        members.update((story_id, []) for story_id in unread if story_id not in members)
        candidates = [stored_vectors[i] for story_id in sorted(stories)
                      for i in members[story_id]]
        candidates += [(v, story_id) for v, story_id in linked if story_id in stories]
        story_id, _ = choose_story(vector, candidates, config, together, quoting)
        if story_id is None:
            story_id = _new_story_id(session, vector.article_id, previous_stories,
                                     {sid for _, sid in linked})
        else:
            report.stories_joined += 1
        linked.append((vector, story_id))
    session.save_articles(linked)
    return {story_id for _, story_id in linked}


def _new_story_id(session: LinkSession, article_id: str, previous_stories: Mapping[str, str],
                  taken: Collection[str]) -> str:
    """The id of a story `article_id` starts: its story's id before a rebuild if no story
    has it yet, else one derived from the article."""
    before = previous_stories.get(article_id)
    if before and before not in taken and not session.story_exists(before):
        return before
    return link_id("story", article_id)


def _link_events(session: LinkSession, batch: list[StoredArticle], config: LinkConfig,
                 report: LinkReport) -> dict[str, set[str]]:
    """Put each event mention of the batch in an event cluster and refresh the series of the
    clusters that changed. Returns, for each article of the batch, the other articles that
    report one of its events dated to a day near it (within the story window)."""
    mentions = [mention_from_json(text, config, record) for article in batch
                for text, record in zip(article.event_json, article.events, strict=True)]
    mergeable = [m for m in mentions if can_merge(m)]
    stored = session.clusters(_could_join(session, mergeable, config),
                              lambda text: mention_from_json(text, config))
    stored_ids = {c.id for c in stored}
    by_key: dict[tuple[str, str], dict[str, EventCluster]] = {}

    def index(cluster: EventCluster, mention: EventMention) -> None:
        for code in mention.actor_codes | mention.recipient_codes:
            by_key.setdefault((mention.event_type, code), {})[cluster.id] = cluster

    def pool(mention: EventMention) -> list[EventCluster]:
        found: dict[str, EventCluster] = {}
        for code in mention.actor_codes | mention.recipient_codes:
            for event_type in config.types_like(mention.event_type):
                found.update(by_key.get((event_type, code), {}))
        return list(found.values())

    for cluster in stored:
        for mention in cluster.mentions:
            if can_merge(mention):
                index(cluster, mention)
    touched: dict[str, EventCluster] = {}
    member_of: dict[str, str] = {}
    weights = _word_weights(session, mergeable + [m for c in stored for m in c.mentions])
    for mention in mentions:
        target = (choose_cluster(mention, pool(mention), config, weights)
                  if can_merge(mention) else None)
        if target is None:
            target = new_cluster(mention)
        else:
            target.mentions.append(mention)
            report.mentions_merged += 1
        touched[target.id] = target
        member_of[mention.event_id] = target.id
        if can_merge(mention):
            index(target, mention)

    before = session.cluster_series([cid for cid in touched if cid in stored_ids])
    changed, new = [], []
    for cluster in touched.values():
        row = cluster.summary()
        row["series_group"] = group_key(row, config)
        (changed if cluster.id in stored_ids else new).append(row)
    session.save_clusters(changed, new, mentions, member_of)
    _place_in_series(session, changed + new, before, config)
    return _reported_together(batch, touched.values(), config)


def _word_weights(session: LinkSession, mentions: list[EventMention]) -> WordWeights:
    """Idf of the words of these mentions' sentences, from the linked articles' document
    frequencies (a word no article counts gets the highest)."""
    frequencies, n_documents = session.document_frequencies(
        {w for m in mentions for w in m.words})
    return ({w: idf(n, n_documents) for w, n in frequencies.items()}, idf(0, n_documents))


def _could_join(session: LinkSession, mentions: list[EventMention], config: LinkConfig
                ) -> set[str]:
    """Ids of the stored clusters that some of these mentions may join, found by an indexed
    query on type and date and ruled out from their rows before reading any mention."""
    by_type: dict[str, list[EventMention]] = {}
    by_key: dict[tuple[str, str], list[EventMention]] = {}
    for m in mentions:
        for kind in config.types_like(m.event_type):
            by_type.setdefault(kind, []).append(m)
            for code in m.actor_codes | m.recipient_codes:
                by_key.setdefault((kind, code), []).append(m)
    queries = [  # per type: only the codes and dates of its own mentions
        (kind, {c for m in of_kind for c in m.actor_codes | m.recipient_codes},
         merge_windows(candidate_window(m, config) for m in of_kind),
         {first for m in of_kind for first in candidate_months(m, config)})
        for kind, of_kind in sorted(by_type.items())]
    wanted = set()
    for sketch in session.cluster_sketches(queries):
        span = sketch_span(sketch, config)
        if span is None:
            continue
        near = [m for code in {sketch.actor_code, sketch.recipient_code} if code
                for m in by_key.get((sketch.event_type, code), [])]
        if any(could_join(sketch, span, m, config) for m in near):
            wanted.add(sketch.id)
    return wanted


def _place_in_series(session: LinkSession, rows: list[dict],
                     before: dict[str, tuple[str | None, str | None]],
                     config: LinkConfig) -> None:
    """Put clusters that are new or changed group in a series of their group (one event at a
    time, in time order), and recount the series that gained or lost events."""
    groups = {row["series_group"] for row in rows} - {None}
    existing = session.series_of_groups(groups)  # type: ignore[arg-type]
    for group, found in existing.items():
        for s in found:
            s.label = series_label(group, config)
    assignments: dict[str, str | None] = {}
    created: list[Series] = []
    placed: list[Series] = []
    touched = {sid for _, sid in before.values() if sid}
    for row in sorted(rows, key=lambda r: (r["timeline_date"] is None,
                                           r["timeline_date"] or date.min, r["id"])):
        group = row["series_group"]
        old_group, old_series = before.get(row["id"], (None, None))
        if group is not None and group == old_group and old_series:
            touched.add(old_series)  # its dates may have changed
            continue
        if group is None:
            if old_series:
                assignments[row["id"]] = None
            continue
        candidates = existing.setdefault(group, [])
        had_place = {s.id: s.lat is not None for s in candidates}
        chosen = choose_series(row, candidates, config)
        if chosen is None:
            chosen = new_series(group, row, config)
            candidates.append(chosen)
            created.append(chosen)
        elif not had_place[chosen.id] and chosen.lat is not None and chosen.id not in {
                s.id for s in created}:
            placed.append(chosen)  # a series without a place took this event's
        chosen.n_events += 1
        chosen.include(row["timeline_date"])
        assignments[row["id"]] = chosen.id
        touched.add(chosen.id)
    titles = {s.id: s.title for s in created + placed}
    session.save_series(created, placed, titles)
    session.assign_series(assignments)
    session.refresh_series(touched, config.series["min_events"])


def _reported_together(batch: list[StoredArticle], clusters: Iterable[EventCluster],
                       config: LinkConfig) -> dict[str, set[str]]:
    """For each article of the batch, the other articles sharing one of its events that is
    dated to a day within the story window of it."""
    window = config.stories["window_days"]
    days = {a.id: anchor_day(a) for a in batch}
    together: dict[str, set[str]] = {}
    for cluster in clusters:
        articles = {m.article_id for m in cluster.mentions}
        if len(articles) < 2:
            continue
        summary = cluster.summary()
        if summary["date_precision"] != "day":
            continue  # undated mentions of an ongoing war are background, not the news
        when = summary["event_date"]
        for article_id in articles & days.keys():
            day = days[article_id]
            if day is None or abs((when - day).days) <= window:
                together.setdefault(article_id, set()).update(articles - {article_id})
    return together
