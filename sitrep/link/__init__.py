"""Link stage: stories (articles about the same news), event clusters (one real-world event
reported by several articles) and series (distinct events of one recurring activity).

Pure algorithms over typed records (`records.py`); `sitrep.pipeline.link_stored` runs them
over the store after each stored batch, and `sitrep.store.links` keeps what they make.
Tunables and vocabulary: `sitrep/data/link/` (README there).
"""

from sitrep.link.config import LinkConfig
from sitrep.link.records import EventCluster, EventMention, Series, Story

__all__ = ["EventCluster", "EventMention", "LinkConfig", "Series", "Story"]
