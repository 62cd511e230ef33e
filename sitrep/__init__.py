"""sitrep: news reports in, a cross-checked PLOVER event record out."""

__version__ = "0.1.0"
