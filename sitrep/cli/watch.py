"""`sitrep watch`: poll RSS/Atom feeds and ingest the articles their new entries link to.

Each poll of a feed is a conditional request (the ETag and Last-Modified of the last poll,
kept in the database's `feeds` table), so an unchanged feed costs one small request. Entries
read before (`feed_entries`) are not fetched again; an entry whose page failed is tried
again on the next polls, up to MAX_ATTEMPTS times. A broken feed is reported and recorded,
and the other feeds go on.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click
from rich.text import Text

from sitrep.cli._util import (
    EXIT_INPUT_FAILED,
    EXIT_OK,
    db_option,
    err,
    friendly_errors,
    main,
    open_store,
)

if TYPE_CHECKING:
    from sitrep.pipeline import Engine
    from sitrep.records import IngestProblem
    from sitrep.store import Store

MAX_ATTEMPTS = 3
# New entries read per feed and poll: a feed of thousands must not mean thousands of fetches
# in one go (the rest are read at the next polls).
DEFAULT_MAX_ENTRIES = 100
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


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


class Duration(click.ParamType):
    name = "DURATION"

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        if isinstance(value, int | float):
            return float(value)
        match = _DURATION.match(str(value))
        if not match or float(match.group(1)) <= 0:
            self.fail(f"{value!r} is not a duration like 90s, 15m, 2h or 1d", param, ctx)
        return float(match.group(1)) * _SECONDS[match.group(2)]


@main.command()
@click.argument("feed_urls", nargs=-1, required=True, metavar="FEED_URL...")
@click.option("--every", default="15m", show_default=True, type=Duration(),
              help="Time between polls: 90s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@click.option("--allow-private-urls", is_flag=True,
              help="Let feeds and their links reach loopback and private network addresses "
                   "(refused by default).")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 512),
              help="Articles per spaCy batch and per database commit.")
@click.option("--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1_000),
              help="Largest single page accepted.")
@click.option("--max-entries", default=DEFAULT_MAX_ENTRIES, show_default=True,
              type=click.IntRange(1), help="Most new entries read per feed and poll; the rest "
              "are read at the next polls.")
@click.option("--model", help="spaCy model to load.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True),
              help="Extra trigger/modality lexicon file (TOML). Repeatable.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor dictionary file (TSV). Repeatable.")
@click.option("--quiet", "-q", is_flag=True, help="Report only errors.")
@db_option
@friendly_errors
def watch(feed_urls, every, once, allow_private_urls, batch_size, max_bytes, max_entries,
          model, lexicon_files, actor_files, quiet, db) -> None:
    """Poll RSS/Atom feeds and ingest the articles of new entries, every --every until
    stopped (Ctrl-C), or just once with --once.

    Feeds are fetched with conditional requests and what was read is remembered in the
    database, so polling often costs little and never stores an article twice. A feed that
    fails is reported and the others go on; with --once the exit code is 1 if any failed.
    """
    from sitrep.engine import ComponentSpec, InProcess

    store = open_store(db)
    # one engine for every poll: the model is loaded at the first new article, then kept
    engine = InProcess(ComponentSpec.of(model, lexicon_files, actor_files),
                       batch_size=batch_size)
    try:
        while True:
            failed = False
            for url in dict.fromkeys(feed_urls):
                report = watch_feed(store, url, engine=engine, batch_size=batch_size,
                                    max_bytes=max_bytes, allow_private=allow_private_urls,
                                    max_entries=max_entries)
                failed |= report.error is not None
                for problem in report.problems:
                    err.print(Text(str(problem), style="red" if problem.severity == "error"
                                   else "yellow"), soft_wrap=True)
                if report.error or not quiet:
                    err.print(Text(str(report), style="red" if report.error else ""),
                              soft_wrap=True)
            if once:
                sys.exit(EXIT_INPUT_FAILED if failed else EXIT_OK)
            time.sleep(every)
    except KeyboardInterrupt:
        err.print("stopped", soft_wrap=True)
