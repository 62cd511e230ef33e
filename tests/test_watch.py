"""`sitrep watch` against feeds and article pages served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_engine import corpus_records

from sitrep.cli import main
from sitrep.watching import MAX_ATTEMPTS, watch_feed
from sitrep.engine import InProcess
from sitrep.ingest.feeds import FeedError, parse_feed
from sitrep.store import Store

LAST_MODIFIED = "Mon, 04 Mar 2024 08:00:00 GMT"


class Site:
    """What the test server serves: path -> (status, content type, body, validators?)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes, bool]] = {}
        self.requests: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()

    def put(self, path: str, body: str, content_type: str = "text/html; charset=utf-8",
            status: int = 200, validators: bool = True) -> None:
        self.pages[path] = (status, content_type, body.encode("utf-8"), validators)


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests[self.path] += 1
            status, content_type, body, validators = site.pages.get(
                self.path, (404, "text/plain", b"no such page", False))
            etag = f'"{hashlib.sha256(body).hexdigest()[:12]}"'
            # as HTTP says: If-None-Match, when sent, decides; else If-Modified-Since
            asked = self.headers.get("If-None-Match")
            unchanged = (asked == etag if asked is not None
                         else self.headers.get("If-Modified-Since") == LAST_MODIFIED)
            if validators and status == 200 and unchanged:
                site.not_modified[self.path] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if validators:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:
            pass

    return Handler


@pytest.fixture
def site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.host = f"127.0.0.1:{server.server_address[1]}"
    yield site
    server.shutdown()
    server.server_close()


RECORDS = corpus_records(5, sentences_per_article=4)


def article_page(record: dict) -> str:
    paragraphs = "".join(f"<p>{escape(s)}.</p>" for s in record["text"].split(". "))
    return (f"<html><head><title>{escape(record['title'])}</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{escape(record['title'])}</h1>"
            f"{paragraphs}</article><footer>Copyright the test site</footer></body></html>")


def rss(site: Site, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (guid, title, path) items."""
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{escape(title)}</title>"
        f"<link>{site.base}{path}</link><pubDate>Mon, 04 Mar 2024 07:00:00 GMT</pubDate></item>"
        for guid, title, path in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
            f"<link>{site.base}/</link>{entries}</channel></rss>")


def serve_articles(site: Site, indexes: range) -> list[tuple[str, str, str]]:
    items = []
    for i in indexes:
        site.put(f"/a/{i}.html", article_page(RECORDS[i]))
        items.append((f"story-{i}", RECORDS[i]["title"], f"/a/{i}.html"))
    return items


def watch(db: Path, *args: str):
    return CliRunner().invoke(main, ["watch", "--once", "--allow-private-urls", "--db", str(db),
                                     *args])


def test_watch_ingests_new_entries_once_and_polls_conditionally(site, tmp_path):
    db = tmp_path / "watch.db"
    site.put("/feed.xml", rss(site, serve_articles(site, range(3))), "application/rss+xml")

    first = watch(db, f"{site.base}/feed.xml")
    assert first.exit_code == 0, first.output
    assert "3 new entries read (0 failed): 3 new article(s)" in first.output
    with Store(db) as store:
        stored = list(store.articles())
        assert sorted(a["title"] for a in stored) == sorted(r["title"] for r in RECORDS[:3])
        assert all(a["url"].startswith(site.base) for a in stored)
        assert store.counts()["events"] > 0
        state = store.feed_state(f"{site.base}/feed.xml")
        assert state["title"] == "Test Wire" and state["etag"] and state["error"] is None

    # unchanged feed: a conditional request answered 304, no page fetched again
    again = watch(db, f"{site.base}/feed.xml")
    assert again.exit_code == 0, again.output
    assert "not modified" in again.output
    assert site.not_modified["/feed.xml"] == 1
    assert all(site.requests[f"/a/{i}.html"] == 1 for i in range(3))

    # a new entry: only its page is fetched
    site.put("/feed.xml", rss(site, serve_articles(site, range(4))), "application/rss+xml")
    third = watch(db, f"{site.base}/feed.xml")
    assert "1 new entry read (0 failed): 1 new article(s)" in third.output
    assert [site.requests[f"/a/{i}.html"] for i in range(4)] == [1, 1, 1, 1]
    with Store(db) as store:
        assert store.counts()["articles"] == 4


def test_broken_feeds_are_reported_and_never_stop_the_others(site, tmp_path):
    db = tmp_path / "watch.db"
    site.put("/good.xml", rss(site, serve_articles(site, range(2))), "application/rss+xml")
    site.put("/not-a-feed.xml", "<html><body><p>Just a page, no feed here.</p></body></html>")
    site.put("/down.xml", "overloaded", "text/plain", status=503)
    feeds = [f"{site.base}/missing.xml", f"{site.base}/not-a-feed.xml", f"{site.base}/down.xml",
             f"{site.base}/good.xml"]

    result = watch(db, *feeds)
    assert result.exit_code == 1
    assert f"{site.base}/missing.xml" in result.output and "HTTP 404" in result.output
    assert "not an RSS or Atom feed" in result.output
    assert "HTTP 503" in result.output
    assert "2 new entries read (0 failed): 2 new article(s)" in result.output
    with Store(db) as store:
        assert store.counts()["articles"] == 2
        assert "HTTP 404" in store.feed_state(f"{site.base}/missing.xml")["error"]
        assert store.feed_state(f"{site.base}/good.xml")["error"] is None


def test_loopback_feeds_are_refused_unless_allowed(site, tmp_path):
    site.put("/feed.xml", rss(site, serve_articles(site, range(1))), "application/rss+xml")
    result = CliRunner().invoke(main, ["watch", "--once", "--db", str(tmp_path / "w.db"),
                                       f"{site.base}/feed.xml"])
    assert result.exit_code == 1
    assert "refused to fetch" in result.output and "loopback" in result.output
    assert site.requests["/feed.xml"] == 0


def test_an_entry_whose_page_fails_is_tried_again_a_few_times(site, tmp_path):
    items = serve_articles(site, range(1)) + [("gone", "A page that is gone", "/a/gone.html")]
    # no validators: every poll downloads the feed again
    site.put("/feed.xml", rss(site, items), "application/rss+xml", validators=False)
    url = f"{site.base}/feed.xml"
    with Store(tmp_path / "w.db") as store:
        store.migrate()
        engine = InProcess()
        reports = [watch_feed(store, url, engine=engine, allowed_hosts=frozenset({site.host}))
                   for _ in range(MAX_ATTEMPTS + 2)]
        assert [(r.entries_read, r.entries_failed, r.articles_new) for r in reports] == (
            [(2, 1, 1)] + [(1, 1, 0)] * (MAX_ATTEMPTS - 1) + [(0, 0, 0)] * 2)
        assert "HTTP 404" in str(reports[0].problems[0])
        assert site.requests["/a/gone.html"] == MAX_ATTEMPTS
        assert site.requests["/a/0.html"] == 1
        assert store.counts()["articles"] == 1


def test_a_long_feed_is_read_a_capped_number_of_entries_per_poll(site, tmp_path):
    site.put("/feed.xml", rss(site, serve_articles(site, range(5))), "application/rss+xml")
    url = f"{site.base}/feed.xml"
    with Store(tmp_path / "w.db") as store:
        store.migrate()
        engine = InProcess()
        reports = [watch_feed(store, url, engine=engine, allowed_hosts=frozenset({site.host}),
                              max_entries=2) for _ in range(4)]
        assert [(r.entries_read, r.entries_left, r.not_modified) for r in reports] == [
            (2, 3, False), (2, 1, False), (1, 0, False), (0, 0, True)]
        assert "3 more at the next poll" in str(reports[0])
        assert store.counts()["articles"] == 5
        assert [site.requests[f"/a/{i}.html"] for i in range(5)] == [1] * 5


def test_atom_feeds_and_entries_without_ids():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
      <entry><id>urn:x:1</id><title>First</title><link href="https://example.org/1"/>
        <updated>2024-03-02T10:00:00Z</updated></entry>
      <entry><title>No id</title><link href="https://example.org/2"/></entry>
      <entry><title>Neither id nor link</title></entry>
    </feed>"""
    title, entries = parse_feed(atom)
    assert title == "Atom Desk"
    assert [(e.link, e.title, e.published and e.published.isoformat()) for e in entries] == [
        ("https://example.org/1", "First", "2024-03-02"), ("https://example.org/2", "No id", None)]
    assert len({e.key for e in entries}) == 2
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"just some words")


def test_every_takes_durations():
    runner = CliRunner()
    result = runner.invoke(main, ["watch", "--every", "soon", "http://example.org/feed"])
    assert result.exit_code == 2 and "not a duration" in result.output


def test_entries_are_stored_under_the_feed_title_not_the_host(site, tmp_path):
    db = tmp_path / "watch.db"
    site.put("/feed.xml", rss(site, serve_articles(site, range(2))), "application/rss+xml")
    assert watch(db, f"{site.base}/feed.xml").exit_code == 0
    with Store(db) as store:
        assert {a["outlet"] for a in store.articles()} == {"Test Wire"}


def test_not_modified_says_since_when_and_when_last_checked(site, tmp_path):
    db = tmp_path / "watch.db"
    site.put("/feed.xml", rss(site, serve_articles(site, range(1))), "application/rss+xml")
    assert watch(db, f"{site.base}/feed.xml").exit_code == 0
    with Store(db) as store:
        checked = store.feed_state(f"{site.base}/feed.xml")["checked_at"]
    again = watch(db, f"{site.base}/feed.xml")
    assert f"not modified since {LAST_MODIFIED}" in again.output
    assert f"last checked {checked:%Y-%m-%d %H:%M}" in again.output


def test_the_refusal_of_a_loopback_feed_names_the_option_that_allows_it(site, tmp_path):
    site.put("/feed.xml", rss(site, serve_articles(site, range(1))), "application/rss+xml")
    result = CliRunner().invoke(main, ["watch", "--once", "--db", str(tmp_path / "w.db"),
                                       f"{site.base}/feed.xml"])
    assert "--allow-private-urls" in result.output
    ingest = CliRunner().invoke(main, ["ingest", f"{site.base}/a/0.html",
                                       "--db", str(tmp_path / "i.db")])
    assert ingest.exit_code == 1 and "--allow-private-urls" in ingest.output
