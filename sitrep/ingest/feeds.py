"""RSS and Atom feeds: fetch a feed (conditionally), list its entries, read their articles.

Feeds are fetched by `fetch` (address policy, size and time limits, ETag and
Last-Modified) and parsed with feedparser from the bytes: feedparser never fetches
anything itself, so it cannot be led past the address policy. An entry's article is the
page its link points to, read like any URL input (`read_url`); what the feed says about
the entry (title, date) fills what the page leaves out.

What was seen before is the caller's to remember (`sitrep watch` keeps it in the database):
this module only turns a feed URL and its last validators into entries.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import date

from ..records import Article, IngestProblem
from .document import outlet_from_url
from .fetch import FetchError, fetch
from .readers import DEFAULT_MAX_BYTES, read_url

# A feed is a list of links, far smaller than the pages it links to.
DEFAULT_MAX_FEED_BYTES = 2_000_000


class FeedError(Exception):
    """A feed that cannot be fetched or read; the message says why."""


@dataclass(frozen=True)
class FeedEntry:
    key: str  # stable id: a hash of the entry's id (guid), else of its link
    link: str | None
    title: str | None
    published: date | None


@dataclass(frozen=True)
class FeedPoll:
    """One poll of a feed: its entries (none when it did not change) and the validators to
    send next time."""

    url: str
    title: str | None
    entries: list[FeedEntry]
    etag: str | None
    last_modified: str | None
    not_modified: bool


def poll_feed(url: str, *, etag: str | None = None, last_modified: str | None = None,
              allow_private: bool = False, allowed_hosts: frozenset[str] = frozenset(),
              max_bytes: int = DEFAULT_MAX_FEED_BYTES, timeout: float = 20.0) -> FeedPoll:
    """Fetch and parse a feed; with the validators of the last poll, a feed that has not
    changed is not downloaded again (HTTP 304). Raises FeedError."""
    try:
        fetched = fetch(url, allow_private=allow_private, allowed_hosts=allowed_hosts,
                        max_bytes=max_bytes, timeout=timeout, etag=etag,
                        last_modified=last_modified)
    except FetchError as err:
        raise FeedError(str(err).removeprefix(f"{url}: ")) from None
    if fetched.not_modified:
        return FeedPoll(url, None, [], fetched.etag, fetched.last_modified, True)
    title, entries = parse_feed(fetched.body)
    return FeedPoll(url, title, entries, fetched.etag, fetched.last_modified, False)


def parse_feed(body: bytes) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and entries. Raises FeedError for a document that is not a feed."""
    import feedparser  # imported here: only `watch` needs it

    parsed = feedparser.parse(body)  # bytes: feedparser reads, never fetches
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).strip()})" if why else ""
        raise FeedError(f"not an RSS or Atom feed{detail}")
    entries = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip() or None
        ident = (entry.get("id") or "").strip() or link
        if ident is None:
            continue  # nothing to fetch and nothing to remember it by
        entries.append(FeedEntry(
            key=hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32],
            link=link,
            title=(entry.get("title") or "").strip() or None,
            published=_entry_date(entry),
        ))
    return (parsed.feed.get("title") or "").strip() or None, entries


def _entry_date(entry: dict) -> date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def read_entry(entry: FeedEntry, *, outlet: str | None = None, allow_private: bool = False,
               allowed_hosts: frozenset[str] = frozenset(), max_bytes: int = DEFAULT_MAX_BYTES,
               timeout: float = 20.0) -> list[Article | IngestProblem]:
    """The article an entry links to (with any warnings about it), or the problems that
    prevented one. The feed's title, date and name fill what the page does not say (its
    name also wins over the page's host name, which stands in for an unnamed outlet)."""
    if entry.link is None:
        return [IngestProblem(entry.title or entry.key, "feed entry has no link to an article")]
    items: list[Article | IngestProblem] = []
    for item in read_url(entry.link, max_bytes=max_bytes, allow_private=allow_private,
                         allowed_hosts=allowed_hosts, timeout=timeout):
        if isinstance(item, Article):
            item.title = item.title or entry.title
            item.published = item.published or entry.published
            # the page's host is only a last resort: the feed's name says more
            if outlet and item.outlet in (None, outlet_from_url(item.url)):
                item.outlet = outlet
        items.append(item)
    return items
