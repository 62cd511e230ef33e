"""Watching RSS/Atom feeds: one poll of a feed ingests the articles its new entries link to.

Each poll of a feed is a conditional request (the ETag and Last-Modified of the last poll,
kept in the database's `feeds` table), so an unchanged feed costs one small request. Entries
read before (`feed_entries`) are not fetched again; an entry whose page failed is tried
again on the next polls, up to MAX_ATTEMPTS times. A broken feed is reported and recorded,
and the other feeds go on. `sitrep watch` (sitrep/cli/watch.py) polls on a schedule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.pipeline import Engine
    from sitrep.records import IngestProblem
    from sitrep.store import Store

MAX_ATTEMPTS = 3
# New entries read per feed and poll: a feed of thousands must not mean thousands of fetches
# in one go (the rest are read at the next polls).
DEFAULT_MAX_ENTRIES = 100


@dataclass
class FeedReport:
    url: str
    error: str | None = None  # the feed itself could not be fetched or read
    not_modified: bool = False
    last_modified: str | None = None  # the feed's Last-Modified, as the server wrote it
    last_checked: datetime | None = None  # the poll before this one (UTC)
    entries_read: int = 0  # entries fetched in this poll
    entries_failed: int = 0
    entries_left: int = 0  # new entries over the per-poll cap, read at the next poll
    articles_new: int = 0
    events_new: int = 0
    problems: list[IngestProblem] = field(default_factory=list)  # about the entries' pages

    def __str__(self) -> str:
        if self.error:
            return f"{self.url}: {self.error}"
        if self.not_modified:
            since = f" since {self.last_modified}" if self.last_modified else ""
            checked = (f" (last checked {self.last_checked:%Y-%m-%d %H:%M} UTC)"
                       if self.last_checked else "")
            return f"{self.url}: not modified{since}{checked}"
        left = f"; {self.entries_left} more at the next poll" if self.entries_left else ""
        return (f"{self.url}: {self.entries_read} new entr{'y' if self.entries_read == 1 else 'ies'}"
                f" read ({self.entries_failed} failed): {self.articles_new} new article(s), "
                f"{self.events_new} event(s){left}")


def watch_feed(store: Store, url: str, *, engine: Engine | None = None, batch_size: int = 16,
               max_bytes: int = 5_000_000, allow_private: bool = False,
               allowed_hosts: frozenset[str] = frozenset(), timeout: float = 20.0,
               max_entries: int = DEFAULT_MAX_ENTRIES) -> FeedReport:
    """Poll one feed and ingest the articles of its entries not read yet, at most
    `max_entries` of them (in feed order); the rest wait for the next poll, which then
    downloads the feed again rather than asking whether it changed."""
    # here, not at the top: `sitrep --help` imports this module for its defaults, and the
    # pipeline would load spaCy
    from sitrep.ingest.feeds import FeedError, poll_feed, read_entry
    from sitrep.pipeline import ingest_articles
    from sitrep.records import Article

    network = {"allow_private": allow_private, "allowed_hosts": allowed_hosts,
               "timeout": timeout}
    state = store.feed_state(url) or {}
    try:
        poll = poll_feed(url, etag=state.get("etag"), last_modified=state.get("last_modified"),
                         **network)
    except FeedError as error:
        store.record_feed_poll(url, error=str(error))
        return FeedReport(url, error=str(error))
    seen = store.feed_entries_seen(url, [e.key for e in poll.entries])
    new = [e for e in poll.entries
           if e.key not in seen or (seen[e.key]["article_id"] is None
                                    and seen[e.key]["attempts"] < MAX_ATTEMPTS)]
    todo, left = new[:max_entries], len(new) - max_entries
    items, outcomes = [], []
    for entry in todo:
        got = read_entry(entry, outlet=poll.title or state.get("title"), max_bytes=max_bytes,
                         **network)
        items.extend(got)
        article = next((i for i in got if isinstance(i, Article)), None)
        failures = [i for i in got if not isinstance(i, Article) and i.severity != "warning"]
        outcomes.append({
            "entry_key": entry.key, "link": entry.link,
            "article_id": article.id if article else None,
            "error": None if article else (failures[-1].message if failures else "no article"),
        })
    report = ingest_articles(store, items, engine=engine, batch_size=batch_size)
    # with entries left over, no validators: a 304 next time would hide them
    store.record_feed_poll(url, title=poll.title, etag=None if left > 0 else poll.etag,
                           last_modified=None if left > 0 else poll.last_modified,
                           entries=outcomes)
    return FeedReport(url, not_modified=poll.not_modified,
                      last_modified=poll.last_modified or state.get("last_modified"),
                      last_checked=state.get("checked_at"), entries_read=len(todo),
                      entries_failed=sum(o["article_id"] is None for o in outcomes),
                      entries_left=max(0, left),
                      articles_new=report.articles_new, events_new=report.events_new,
                      problems=report.problems)
