"""Parse stage: spaCy over article texts, streamed in batches with `nlp.pipe`."""

from sitrep.parse.model import DEFAULT_BATCH_SIZE, ModelNotFound, load_model
from sitrep.parse.stream import parse_articles, parse_with_headlines, split_at_lines

__all__ = ["DEFAULT_BATCH_SIZE", "ModelNotFound", "load_model", "parse_articles",
           "parse_with_headlines", "split_at_lines"]
