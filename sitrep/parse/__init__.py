"""Parse stage: spaCy over article texts, batched with `nlp.pipe` (see sitrep.pipeline)."""

from sitrep.parse.model import DEFAULT_BATCH_SIZE, ModelNotFound, load_model

__all__ = ["DEFAULT_BATCH_SIZE", "ModelNotFound", "load_model"]
