"""Markdown to plain text: what a reader sees, without the markup."""

from __future__ import annotations

import re
from collections.abc import Callable

_HEADING_LINE = re.compile(r"^\s{0,3}#\s+\S")


def looks_like_markdown(text: str) -> bool:
    """A .txt file is read as Markdown when its first non-blank line is a `# ` heading."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return bool(_HEADING_LINE.match(first))


# Every rule scans a bounded stretch from where it starts, so that text full of unclosed
# markup ("[[[[", "**a **a ...") is stripped in linear time: link text and targets stop at
# the next bracket or parenthesis, emphasis spans at most _SPAN characters, a heading's
# closing hashes are cut off in Python.
_SPAN = 300
_RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.M),  # ATX headings, closing hashes off
     lambda m: m[1].rstrip().rstrip("#").rstrip()),
    (re.compile(r"^(.+)\n\s{0,3}(?:=+|-+)\s*$", re.M), r"\1"),  # setext headings
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^(\s*)[-*+]\s+", re.M), r"\1"),  # bullets
    (re.compile(r"!\[([^\[\]]*)\]\([^()\n]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\[\]]+)\]\([^()\n]*\)"), r"\1"),  # inline links -> text
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # reference links -> text
    (re.compile(r"^\s{0,3}\[[^\[\]\n]+\]:\s+\S+.*$", re.M), ""),  # link reference definitions
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(rf"(\*\*|__)(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(rf"(?<![\w*])\*(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    # _emphasis_ (not snake_case)
    (re.compile(rf"(?<![\w_])_(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)_(?![\w_])"), r"\1"),
]
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_PRIVATE_USE = 0xE000  # escaped characters are parked here while the rules run


def strip_markdown(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_PRIVATE_USE + ord(m[1])), text)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"[\ue000-\ue07f]", lambda m: chr(ord(m[0]) - _PRIVATE_USE), text)
