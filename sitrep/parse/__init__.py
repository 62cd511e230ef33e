"""Parse stage: spaCy over article texts, batched with `nlp.pipe`."""

from sitrep.parse.model import load_model, parse_texts

__all__ = ["load_model", "parse_texts"]
