"""Extract stage: PLOVER event mentions, with arguments, modality and attribution."""

from sitrep.extract.events import extract_events
from sitrep.extract.headlines import extract_headline_events
from sitrep.extract.lexicon import Lexicon, LexiconError

__all__ = ["Lexicon", "LexiconError", "extract_events", "extract_headline_events"]
