"""The data files of the ingest stage (sitrep/data/ingest/), parsed once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from sitrep.package_data import read_toml


def load_data(name: str) -> dict[str, Any]:
    return read_toml(f"ingest/{name}")


@dataclass(frozen=True)
class Footer:
    name: str
    pattern: re.Pattern[str]
    extent: Literal["rest", "line"]
    outlet: str | None


@cache
def footers() -> tuple[Footer, ...]:
    return tuple(
        Footer(
            name=entry["name"],
            pattern=re.compile(entry["pattern"], re.IGNORECASE),
            extent=entry["extent"],
            outlet=entry.get("outlet"),
        )
        for entry in load_data("footers.toml")["footer"]
    )


@cache
def credits() -> dict[str, str]:
    """Credit text as written inside the brackets -> outlet name."""
    table: dict[str, str] = {}
    for entry in load_data("credits.toml")["credit"]:
        for spelling in [entry["credit"], *entry.get("aliases", [])]:
            table[spelling] = entry["outlet"]
    return table


@cache
def english_function_words() -> frozenset[str]:
    return frozenset(load_data("languages.toml")["english"]["function_words"])


@cache
def other_languages_function_words() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in load_data("languages.toml")["others"].items()}
