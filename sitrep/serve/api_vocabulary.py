"""The words the web UI builds its filters and legends from, as the package defines them:
the PLOVER types in the codebook's order with the colour each is drawn in
(`sitrep/data/lexicon/events.toml`), and the modalities an event can have (`records.Modality`).
"""

from __future__ import annotations

from typing import get_args

from fastapi import APIRouter

from sitrep.package_data import read_toml
from sitrep.records import Modality, event_types

router = APIRouter()


@router.get("/vocabulary", tags=["events"])
def vocabulary() -> dict[str, list[str] | dict[str, str]]:
    """The PLOVER event types (codebook order), each type's colour in the web UI, and the
    modalities an event's `modality` takes."""
    tables = read_toml("lexicon/events.toml")["types"]
    return {"types": list(event_types()),
            "colors": {name: tables[name]["color"] for name in event_types()},
            "modalities": list(get_args(Modality))}
