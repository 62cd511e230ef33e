"""Metadata found in the text itself: headline, byline, date line, wire dateline, credit
lines, site footers. Each function returns what it found and the text without it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import MONTH, parse_date_text
from .knowledge import Footer, credits, footers
from .markdown import strip_markdown

_ATX_HEADLINE = re.compile(r"^\s{0,3}#\s+(?P<title>.+)$")  # closing hashes cut in Python
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}=+\s*$")
_BY_LINE = re.compile(r"^(?i:by)\s+(?P<name>[A-Z].{1,80}?)$")
_NAME_WORD = r"(?:[A-Z][a-z]*[A-Z]?[a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]\.)"
_PARTICLE = r"(?:de|del|da|dos|du|van|von|der|den|al|el|bin|ibn|la|le)"
_BARE_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,3}}$")
_NOT_A_NAME = re.compile(
    rf"\b(?:{MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|News|Press|"
    r"Staff|Editorial|Update[sd]?|Breaking|Analysis|Opinion)\b"
)
_DATE_PREFIX = re.compile(r"^(?:published|posted|dated)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_LINE_PARTS = re.compile(r"(?<!\s)\s+[|•·—]\s+")  # "By Jane Doe | May 3, 2017"; from the
# first space of a run only, not again from each of its spaces
_MAX_HEADLINE_WORDS = 20
_MAX_BYLINE_WORDS = 8
_MAX_META_LINES = 3


@dataclass
class Header:
    """Headline, byline and date lines at the top of a document, and the body below them."""

    body: str
    title: str | None = None
    author: str | None = None
    published: date | None = None


_FRONT_MATTER = re.compile(r"\A---\n(?P<fields>(?:[^\n]*\n){0,40}?)---(?:\n|\Z)")
_FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)[ \t]*:[ \t]*(?P<value>.+)$", re.M)


def take_front_matter(text: str) -> tuple[str, Header]:
    """Markdown front matter ("---" / "title: ..." / "---") -> its title, author and date, and
    the text without it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, Header(body=text)
    fields = {m["key"].lower(): m["value"].strip().strip("\"'") for m in
              _FRONT_MATTER_FIELD.finditer(match["fields"])}
    published = next((parse_date_text(fields[k]) for k in ("date", "published") if k in fields),
                     None)
    body = text[match.end():]
    return body, Header(body=body, title=fields.get("title"), author=fields.get("author"),
                        published=published)


def read_header(text: str, *, markdown: bool, known_title: str | None = None) -> Header:
    """Take the headline, byline and publication-date lines off the top of `text`.

    A headline is a Markdown `# ` (or `===`-underlined) line, a line equal to `known_title`,
    or, in plain text, a short line directly followed by a byline, a date line or a paragraph
    opening with a wire dateline ("KHARTOUM, June 3 (Reuters) -"); the first
    sentence of a report is never taken for a headline. Below it, up to three lines may be a
    byline ("By Jane Doe"; a bare "Jane Doe" only under a headline) or a date line
    ("3 May 2017", "Wednesday, May 3, 2017", "Published: 2017-05-03").
    """
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return Header(body=text)
    header = Header(body=text)
    cursor = 0  # index into `nonblank` of the next line to examine
    title = _headline(lines, nonblank, markdown, known_title)
    if title is not None:
        header.title = title
        cursor = 2 if _is_setext(lines, nonblank) and markdown else 1
    consumed = cursor
    for position in range(cursor, min(cursor + _MAX_META_LINES, len(nonblank))):
        if not _take_meta_line(lines[nonblank[position]], header, after_headline=title is not None):
            break
        consumed = position + 1
    if consumed == 0:
        return header
    rest = nonblank[consumed] if consumed < len(nonblank) else len(lines)
    header.body = "\n".join(lines[rest:])
    return header


def _is_setext(lines: list[str], nonblank: list[int]) -> bool:
    return len(nonblank) > 1 and nonblank[1] == nonblank[0] + 1 and bool(
        _SETEXT_UNDERLINE.match(lines[nonblank[1]]))


def _headline(lines: list[str], nonblank: list[int], markdown: bool, known: str | None) -> str | None:
    first = lines[nonblank[0]].strip()
    if markdown:
        match = _ATX_HEADLINE.match(first)
        if match:
            return strip_markdown(match["title"].rstrip().rstrip("#").rstrip()).strip()
        if _is_setext(lines, nonblank):
            return strip_markdown(first)
    if known and first.casefold() == known.strip().casefold():
        return known.strip()
    if markdown or len(nonblank) < 2:
        return None
    # a byline or date line under it, or wire copy's dateline opening the next paragraph
    followed_by_meta = _take_meta_line(lines[nonblank[1]], Header(body=""),
                                       after_headline=False) or bool(
        _DATELINE.match(lines[nonblank[1]].strip()))
    if (followed_by_meta and len(first.split()) <= _MAX_HEADLINE_WORDS
            and not first.endswith((".", ",", ";", ":"))):
        return first
    return None


def _take_meta_line(line: str, header: Header, *, after_headline: bool) -> bool:
    """Record `line` in `header` if it is a byline and/or date line; say whether it was."""
    published: date | None = None
    author: str | None = None
    for part in _LINE_PARTS.split(strip_markdown(line).strip()):
        day = parse_date_text(_DATE_PREFIX.sub("", part.strip()))
        name = None if day else _byline_name(part.strip(), allow_bare=after_headline)
        if day and published is None:
            published = day
        elif name and author is None and header.author is None:
            author = name
        else:
            return False
    header.published = header.published or published
    header.author = header.author or author
    return True


def _byline_name(line: str, *, allow_bare: bool) -> str | None:
    by = _BY_LINE.match(line)
    if by:
        name = by["name"].strip()
        if len(name.split()) <= _MAX_BYLINE_WORDS and not name.endswith((".", "?", "!")) \
                and not parse_date_text(name):
            return name
        return None
    if allow_bare and _BARE_NAME.match(line) and not _NOT_A_NAME.search(line):
        return line
    return None


# --- wire datelines: "SEOUL, Nov. 2 (Yonhap) --", "KYIV, Ukraine (AP) —", "WASHINGTON —" -----

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’./\-]+(?:\s[A-Z][A-Z'’./\-]+){0,3})"  # SEOUL, ISLAMABAD/PENTAGON
    r"(?:,\s(?P<region>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2}))?"  # , Ukraine / , SPAIN
    rf"(?:,\s(?P<day>{MONTH}\s\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?)?"
    r"\s*(?:\((?P<credit>[A-Z][^()\n]{1,40})\))?"
    r"\s*(?:--|—|–|-)\s+(?=\S)"
)


@dataclass
class Dateline:
    place: str
    outlet: str | None
    published: date | None = None  # only when the dateline gives a year: "March 4, 2026"


def take_dateline(body: str) -> tuple[str, Dateline | None]:
    """Strip a wire dateline off the start of the body (its place and credit are kept as
    metadata; the body then starts with the report's first sentence)."""
    match = _DATELINE.match(body)
    if match is None or len(match["place"].replace(".", "")) < 2:
        return body, None
    place = f"{match['place']}, {match['region']}" if match["region"] else match["place"]
    credit = match["credit"]
    outlet = credits().get(credit, credit) if credit else None
    published = parse_date_text(f"{match['day']}, {match['year']}") if match["year"] else None
    return body[match.end():], Dateline(place=place, outlet=outlet, published=published)


# --- credit lines: "(Yonhap)" on a line of its own, or at the very end ------------------------

def credit_outlet(body: str) -> str | None:
    """The outlet named by a known credit line in the body, if any."""
    known = credits()
    for line in body.split("\n"):
        inner = line.strip()
        if inner.startswith("(") and inner.endswith(")") and inner[1:-1].strip() in known:
            return known[inner[1:-1].strip()]
    tail = re.search(r"\(([^()\n]{2,40})\)\s*$", body)
    if tail and tail[1].strip() in known:
        return known[tail[1].strip()]
    return None


# --- site footers ---------------------------------------------------------------------------

_FOOTER_WINDOW = 12  # only the last lines can be a footer


def strip_footers(body: str) -> tuple[str, str | None]:
    """Remove site footers (data file footers.toml) from the end of the body; return the body
    and the outlet a footer names, if one does."""
    lines = body.split("\n")
    outlet = None
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    for index in nonblank[-_FOOTER_WINDOW:]:
        footer = _matching_footer(lines[index], "rest")
        if footer:
            lines, outlet = lines[:index], footer.outlet
            break
    while True:
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines or not _matching_footer(lines[-1], "line"):
            break
        lines.pop()
    return "\n".join(lines), outlet


def _matching_footer(line: str, extent: str) -> Footer | None:
    stripped = line.strip()
    return next((f for f in footers() if f.extent == extent and f.pattern.search(stripped)), None)
