"""One document's text -> an Article (or the reason there is none)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal
from urllib.parse import urlsplit

from ..records import Article, IngestProblem, Severity
from .html_pages import extract_html
from .language import non_english_reason
from .limits import LONGEST_RUN, SUPPORTED_DATES, supported
from .markdown import looks_like_markdown, strip_markdown
from .metadata import (credit_outlet, read_header, strip_footers, take_dateline,
                       take_front_matter)
from .normalize import break_long_runs, join_broken_paragraphs, normalize_text

Format = Literal["text", "markdown", "html"]


@dataclass
class ArticleOverrides:
    """What the user states about the input (CLI --outlet/--published/--title); wins over
    anything found in it."""

    outlet: str | None = None
    published: date | None = None
    title: str | None = None


@dataclass
class KnownMetadata:
    """What the container says about a document (the fields of a JSON Lines record); wins over
    what is found in the text, loses to overrides."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    external_id: str | None = None


def read_text_article(text: str, *, source: str, fmt: Format = "text",
                      overrides: ArticleOverrides | None = None) -> Article | IngestProblem:
    """The Article in one document's text, or the problem that prevents one. Warnings (e.g.
    "no main article found in the HTML") are dropped here; read_inputs reports them."""
    article, problems = build_article(text, source=source, fmt=fmt, overrides=overrides)
    return article if article is not None else problems[-1]


def build_article(text: str, *, source: str, fmt: Format = "text", line: int | None = None,
                  overrides: ArticleOverrides | None = None,
                  known: KnownMetadata | None = None) -> tuple[Article | None, list[IngestProblem]]:
    """The Article and the warnings about it, or None and the problems (the last one is why)."""
    problems: list[IngestProblem] = []

    def problem(message: str, severity: Severity = "error") -> None:
        problems.append(IngestProblem(source=source, message=message, severity=severity, line=line))

    known = known or KnownMetadata()
    text = normalize_text(text)
    if not text.strip():
        problem("no text (empty or whitespace only)")
        return None, problems
    if fmt == "html":
        page = extract_html(text)
        for warning in page.warnings:
            problem(warning, "warning")
        if page.text is None:
            problem(page.error or "no article text found in the HTML page")
            return None, problems
        text = normalize_text(page.text)
        known = _fill_gaps(known, title=page.title, author=page.author, outlet=page.sitename,
                           published=page.published, url=page.url)
    markdown = fmt == "markdown" or (fmt == "text" and looks_like_markdown(text))
    if markdown:
        text, front = take_front_matter(text)
        known = _fill_gaps(known, title=front.title, author=front.author,
                           published=front.published)

    header = read_header(text, markdown=markdown, known_title=known.title)
    body = strip_markdown(header.body) if markdown else header.body
    body, footer_outlet = strip_footers(normalize_text(body))
    body, dateline = take_dateline(join_broken_paragraphs(body))
    body = body.strip()
    if not body:
        problem("no body text left after removing the headline, byline, date and footer lines")
        return None, problems
    reason = non_english_reason(body)
    if reason:
        problem(reason, "skipped")
        return None, problems
    body, broken = break_long_runs(body, LONGEST_RUN)
    if broken:
        problem(f"{broken} run{'s' if broken > 1 else ''} of over {LONGEST_RUN} characters "
                "without a space (no word) broken up with spaces", "warning")

    overrides = overrides or ArticleOverrides()
    published = (overrides.published or known.published or header.published
                 or (dateline.published if dateline else None))
    if published is not None and not supported(published):
        problem(f"publication date {published.isoformat()} is outside the supported range "
                f"({SUPPORTED_DATES}); stored without a date", "warning")
        published = None
    article = Article(
        text=body,
        title=overrides.title or known.title or header.title,
        outlet=(overrides.outlet or known.outlet or footer_outlet
                or (dateline.outlet if dateline else None) or credit_outlet(body)
                or outlet_from_url(known.url)),
        author=known.author or header.author,
        published=published,
        url=known.url,
        source=source if line is None else f"{source}:{line}",
        external_id=known.external_id,
        dateline=dateline.place if dateline else None,
    )
    return article, problems


def _fill_gaps(known: KnownMetadata, **found: object) -> KnownMetadata:
    """`known` with its empty fields filled from `found` (what the document itself says)."""
    return replace(known, **{k: v for k, v in found.items() if getattr(known, k) is None and v})


def outlet_from_url(url: str | None) -> str | None:
    """"https://www.voanews.com/a/..." -> "voanews.com" (when nothing better names the outlet)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
