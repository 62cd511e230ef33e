"""Plain-text helpers of the compare stage: sentences with offsets, quotation spans, words.

No parser: the compare stage works on stored articles and must stay fast enough for a web
request. Sentences and quotations follow news-copy conventions (a quotation that runs on
into the next paragraph opens again there, so quote state restarts at every line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

# Words before a full stop that do not end a sentence.
ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep
st jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc co corp jr sr ft mt rev
dept est approx fig v""".split())
FINAL = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
OPENING = re.compile(r"[\"“‘(\[]*[A-Z0-9]")
WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*[\w]|[A-Za-z0-9]")
OPEN_QUOTES, CLOSE_QUOTES = "“«„", "”»"


def sentences(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of `text`, whitespace trimmed.

    A line break ends a sentence when the line ends like one (final punctuation or a
    closing quote) or is a heading; otherwise it is a break inside a sentence, as in copy
    pasted from the web ("to meet with\\n\\nNorth Korean leader").
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for piece_start, piece_end in _paragraph_pieces(text):
        for match in FINAL.finditer(text, piece_start, piece_end):
            end = match.end()
            if not OPENING.match(text, _skip_space(text, end)):
                continue
            if match.group().startswith(".") and _is_abbreviation(text, match.start()):
                continue
            spans.append((start, end))
            start = end
        spans.append((start, piece_end))
        start = piece_end
    return [t for s, e in spans if (t := _trim(text, s, e))[0] < t[1]]


def _paragraph_pieces(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text between line breaks that end a sentence."""
    start = 0
    for match in re.finditer(r"\n\s*", text):
        before = text[start:match.start()].rstrip()
        line = before.rsplit("\n", 1)[-1].lstrip()
        if not before:
            continue
        if before[-1] in ".!?:\"'”’)" or line.startswith("#") or len(line) < 50:
            yield start, match.start()
            start = match.end()
    yield start, len(text)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z]+)$", text[max(0, dot - 12):dot])
    if word is None:
        return False
    token = word.group(1)
    # a single capital ("U.S.", "J. Smith") or a known abbreviation
    return (len(token) == 1 and token.isupper()) or token.lower() in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the quoted stretches (marks included). Straight double quotes alternate,
    curly ones open and close; an unclosed quotation ends with its line."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        opened: int | None = None
        for i, char in enumerate(line):
            if char == '"':
                if opened is None:
                    opened = i
                else:
                    spans.append((offset + opened, offset + i + 1))
                    opened = None
            elif char in OPEN_QUOTES and opened is None:
                opened = i
            elif char in CLOSE_QUOTES and opened is not None:
                spans.append((offset + opened, offset + i + 1))
                opened = None
        if opened is not None and len(line) - opened > 1:
            spans.append((offset + opened, offset + len(line)))
        offset += len(line) + 1
    return spans


def quoted_share(start: int, end: int, quotes: list[tuple[int, int]]) -> float:
    """Share of the span's characters that lie inside quotations."""
    if end <= start:
        return 0.0
    inside = sum(max(0, min(end, q_end) - max(start, q_start)) for q_start, q_end in quotes)
    return inside / (end - start)


def in_quotation(position: int, quotes: list[tuple[int, int]]) -> bool:
    return any(q_start < position < q_end for q_start, q_end in quotes)


def words(text: str) -> list[str]:
    return [w.lower().rstrip(".") for w in WORD.findall(text)]


def stem(word: str) -> str:
    """A crude stem that lets "bombers" meet "bomber", "raised" meet "raise" and "flights"
    meet "flight" (a final silent e is dropped after the suffix)."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + keep
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_terms(text: str) -> dict[str, float]:
    """The sentence's content words as stems, weighted: names, numbers and designators
    ("B-1B") count double, since two sentences sharing them are far more likely about the
    same thing than two sharing "said" or "military"."""
    terms: dict[str, float] = {}
    for match in WORD.finditer(text):
        raw = match.group().rstrip(".")
        lower = raw.lower()
        if lower in STOP_WORDS or len(lower) < 2:
            continue
        weight = 2.0 if (raw[0].isupper() and match.start() > 0) or any(
            ch.isdigit() for ch in raw) else 1.0
        key = stem(lower)
        terms[key] = max(terms.get(key, 0.0), weight)
    return terms


def weighted_overlap(a: dict[str, float], b: dict[str, float]) -> tuple[float, int]:
    """Weighted Jaccard of two term sets, and the number of shared terms."""
    shared = a.keys() & b.keys()
    union = a.keys() | b.keys()
    if not union:
        return 0.0, 0
    top = sum(max(a.get(t, 0), b.get(t, 0)) for t in shared)
    bottom = sum(max(a.get(t, 0), b.get(t, 0)) for t in union)
    return top / bottom, len(shared)


def overlap_coefficient(a: dict[str, float], b: dict[str, float]) -> float:
    """Weight of the shared terms over the weight of the smaller set: two event phrases of
    different length ("flew two B-1B bombers over the Korean Peninsula" and "sent two B-1B
    Lancer strategic bombers from Guam to the Korean Peninsula") score by what they share."""
    total_a, total_b = sum(a.values()), sum(b.values())
    if not total_a or not total_b:
        return 0.0
    shared = sum(min(a[t], b[t]) for t in a.keys() & b.keys())
    return shared / min(total_a, total_b)
