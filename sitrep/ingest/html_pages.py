"""HTML pages: the article text without menus and boilerplate (trafilatura), and the page's
title, author, site name, URL and publication date."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date

# A page with fewer words than this in its main text has no article (a menu, a cookie notice).
MIN_ARTICLE_WORDS = 10
_TAG = re.compile(r"<\s*[a-zA-Z!/]")
_NOT_CONTENT = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                "template", "iframe", "svg")

# trafilatura and htmldate log every odd page at WARNING/ERROR; ingest reports problems itself.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class HtmlPage:
    text: str | None = None  # None: no article; see `error`
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    published: date | None = None


def extract_html(markup: str) -> HtmlPage:
    if not _TAG.search(markup):
        return HtmlPage(text=markup, warnings=["no HTML tags found; read as plain text"])
    import trafilatura  # imported here: it takes a quarter of a second to load

    try:
        doc = trafilatura.bare_extraction(markup, include_comments=False, with_metadata=True)
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        doc, failure = None, f"{type(err).__name__}: {err}"
    else:
        failure = None
    page = HtmlPage()
    if doc is not None:
        page.title, page.author = doc.title or None, doc.author or None
        page.sitename, page.url = doc.sitename or None, doc.url or None
        page.text = doc.text if _word_count(doc.text) >= MIN_ARTICLE_WORDS else None
    page.published = _published(markup)
    if page.text is None:
        visible = _visible_text(markup)
        if _word_count(visible) >= MIN_ARTICLE_WORDS:
            page.text = visible
            page.warnings.append("no main article found in the HTML; used all visible text of "
                                 "the page (menus or boilerplate may remain)")
        else:
            words = _word_count(visible)
            why = f"parser failed: {failure}" if failure else (
                f"{words} word{'' if words == 1 else 's'} of visible text outside menus and scripts")
            page.error = f"no article text found in the HTML page ({why})"
    return page


def _published(markup: str) -> date | None:
    """The publication date from explicit markup only: meta tags, <time>, JSON-LD. htmldate's
    extensive search is off because it guesses from copyright years and free text."""
    from htmldate import find_date

    try:
        found = find_date(markup, extensive_search=False, original_date=True,
                          outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a missing date is not a problem worth reporting
        return None
    return date.fromisoformat(found) if found else None


def _visible_text(markup: str) -> str:
    """All text a reader sees outside menus, headers, footers and scripts (the fallback for
    pages trafilatura finds no article in, e.g. badly broken HTML). libxml2 drops what is
    nested deeper than it parses (256 elements, 2,048 with `huge_tree`): past that, the
    text between the tags."""
    from lxml import etree, html

    try:
        tree = html.document_fromstring(markup, parser=html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        tree = None
    text = ""
    if tree is not None:
        for element in tree.iter(*_NOT_CONTENT):
            element.drop_tree()
        blocks = (" ".join(t.split()) for t in tree.itertext())
        text = "\n".join(b for b in blocks if b)
    if _word_count(text) >= MIN_ARTICLE_WORDS:
        return text
    return _text_between_tags(markup)


_ANY_TAG = re.compile(r"<[^<>]*>")  # no nesting, no backtracking across a "<": linear


def _text_between_tags(markup: str) -> str:
    """The text outside tags, scripts and styles, in one pass."""
    from html import unescape

    kept, at, lower = [], 0, markup.lower()
    while (start := min((i for i in (lower.find("<script", at), lower.find("<style", at))
                         if i >= 0), default=-1)) >= 0:
        kept.append(markup[at:start])
        name = "script" if lower.startswith("<script", start) else "style"
        end = lower.find(f"</{name}", start)
        if end < 0:
            at = len(markup)
            break
        close = lower.find(">", end)
        at = len(markup) if close < 0 else close + 1
    kept.append(markup[at:])
    lines = (" ".join(line.split()) for line in
             unescape(_ANY_TAG.sub("\n", "".join(kept))).splitlines())
    return "\n".join(line for line in lines if line)


def _word_count(text: str | None) -> int:
    return len(text.split()) if text else 0
