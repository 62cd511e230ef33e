"""Streaming articles through spaCy, long ones in pieces.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and its memory grows with
a text's length, so an article longer than `chunk_chars` is parsed in pieces cut right
after a line break and joined back with `Doc.from_docs`: the joined text is the article's
text exactly, so every character offset stays true.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.records import Article

DEFAULT_CHUNK_CHARS = 20_000  # ~4x a long news story; a batch of 16 pieces stays small


def split_at_lines(text: str, chunk_chars: int) -> list[str]:
    """Pieces of at most about `chunk_chars`, each ending just after a line break when there
    is one to cut at (paragraphs first, then lines, else a space); "".join() gives `text`."""
    pieces = []
    start = 0
    while len(text) - start > chunk_chars:
        window = text[start : start + chunk_chars]
        cut = max(window.rfind("\n\n"), -1)
        cut = cut + 2 if cut > 0 else window.rfind("\n") + 1 or window.rfind(" ") + 1
        if cut <= 0:
            cut = chunk_chars
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int,
                   chunk_chars: int = DEFAULT_CHUNK_CHARS) -> Iterator[tuple[Doc, Article]]:
    """(doc, article) pairs in input order; long articles parsed in pieces and rejoined."""
    for doc, article, _ in parse_with_headlines(nlp, articles, batch_size=batch_size,
                                                chunk_chars=chunk_chars, headlines=False):
        yield doc, article


def parse_with_headlines(nlp: Language, articles: Iterable[Article], *, batch_size: int,
                         chunk_chars: int = DEFAULT_CHUNK_CHARS, headlines: bool = True
                         ) -> Iterator[tuple[Doc, Article, Doc | None]]:
    """(doc, article, headline doc or None) in input order: the headline (the article's
    title) parsed in the same stream, right before its text."""

    def pieces() -> Iterator[tuple[str, tuple[Article, int, bool]]]:
        for article in articles:
            if headlines and article.title and article.title.strip():
                yield article.title, (article, 0, True)
            parts = split_at_lines(article.text, chunk_chars)
            for part in parts:
                yield part, (article, len(parts), False)

    pending: list[Doc] = []
    headline: Doc | None = None
    for doc, (article, count, is_headline) in nlp.pipe(pieces(), as_tuples=True,
                                                       batch_size=batch_size):
        if is_headline:
            headline = doc
            continue
        pending.append(doc)
        if len(pending) == count:
            joined = pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield joined, article, headline
            headline = None
