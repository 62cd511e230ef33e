"""Text normalisation shared by every format: the body that later stages' offsets point into."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphen, zero widths, BOM
_NO_BREAK_SPACE = re.compile("[\u00a0\u2007\u202f]")
_TERMINAL = tuple(".!?:;\"”’')]…")
# A paragraph that ends with one of these words was cut mid-sentence, whatever comes next
# ("... would be honoured to meet with" / "North Korean leader ...").
_DANGLING = frozenset(
    "a an the of to in on at for with by from into onto and or but nor that as than "
    "its their his her our your whose".split()
)


def normalize_text(text: str) -> str:
    """NFC, \\n line ends, no invisible characters or trailing spaces, at most one blank line
    between paragraphs, no leading or trailing blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _NO_BREAK_SPACE.sub(" ", _INVISIBLE.sub("", text))
    # line by line: a regex for spaces before a line end retries every space of a long run
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def break_long_runs(text: str, longest: int) -> tuple[str, int]:
    """`text` with a space after every `longest` characters of a run without spaces, and how
    many runs were broken."""
    run = re.compile(rf"\S{{{longest}}}(?=\S)")
    broken = run.sub(lambda m: m[0] + " ", text)
    return broken, len(re.findall(rf"\S{{{longest + 1}}}", text))


def join_broken_paragraphs(text: str) -> str:
    """Join paragraphs that a blank line split in the middle of a sentence: one that ends
    without terminal punctuation and is followed by one starting in lower case, or one that
    ends with an article, preposition or conjunction."""
    paragraphs = text.split("\n\n")
    # each paragraph as the list of pieces it is joined from, joined once at the end: adding
    # to one growing string would copy it again for every piece
    joined = [[paragraphs[0]]]
    for paragraph in paragraphs[1:]:
        if _is_cut(joined[-1], paragraph):
            joined[-1].append(paragraph.lstrip())
        else:
            joined.append([paragraph])
    return "\n\n".join(" ".join(pieces) for pieces in joined)


def _is_cut(before: list[str], after: str) -> bool:
    """Whether the paragraph joined from the pieces `before` was cut before `after`."""
    last, after = before[-1].rstrip(), after.lstrip()
    if not last or not after or last.endswith(_TERMINAL):
        return False
    if len(before) == 1 and len(last.split(None, 4)) < 4:
        return False
    last_word = last.rsplit(None, 1)[-1].lower()
    return after[0].islower() or last_word in _DANGLING
