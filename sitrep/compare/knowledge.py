"""What the compare stage knows, loaded from data files: sentence attribution cues, the
capability vocabulary and rule thresholds (`sitrep/data/compare/`), and the framing lexicon
(`sitrep/data/framing/`). Loaded once; users extend them with files of the same shape.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.package_data import read_toml as read_packaged


class KnowledgeError(ValueError):
    """A user file for the compare stage is missing or malformed."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise KnowledgeError(f"{path}: cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise KnowledgeError(f"{path}: not valid TOML: {error}") from None


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Tables merge recursively, lists are extended (without repeats), scalars replaced."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged


def phrase_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive regex for lexicon terms: words on word boundaries, flexible
    spaces, a trailing `*` for any word ending. Longest terms first, so that "planned in
    advance" wins over "planned"."""
    parts = []
    for term in sorted({t.strip().lower() for t in terms if t.strip()}, key=len, reverse=True):
        words = []
        for word in term.split():
            if word.endswith("*"):
                words.append(re.escape(word[:-1]) + r"[\w'-]*")
            else:
                words.append(re.escape(word))
        body = r"\s+".join(words)
        left = r"(?<![\w-])" if term[0].isalnum() else ""
        parts.append(f"{left}(?:{body})(?![\\w-])")
    if not parts:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile("|".join(parts), re.IGNORECASE)


def entry_for(terms: Sequence[str], matched: str) -> str:
    """Which lexicon term a matched string came from (for counting by entry)."""
    text = " ".join(matched.lower().split())
    for term in sorted(terms, key=len, reverse=True):
        if _term_pattern(term).fullmatch(text):
            return term
    return text


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    return phrase_pattern([term])


@dataclass(frozen=True)
class FramingCategory:
    name: str
    stance: str
    description: str
    contrasts_with: tuple[str, ...]
    outlet_voice: bool
    terms: tuple[str, ...]
    pattern: re.Pattern[str]
    # sense checks (README beside the lexicon): words right after / shortly before a term
    # that show it is used in another sense, and categories one of whose terms must be near
    not_before: re.Pattern[str]
    not_after: re.Pattern[str]
    context: tuple[str, ...] = ()
    window: int = 0


@dataclass(frozen=True)
class Capability:
    name: str
    label: str
    terms: tuple[str, ...]
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Knowledge:
    attribution: dict[str, Any]
    rules: dict[str, Any]
    capabilities: tuple[Capability, ...]
    capability_cues: dict[str, Any]
    platforms: dict[str, Any]
    framing: tuple[FramingCategory, ...]
    meaning: dict[str, Any]
    framing_voice: dict[str, Any] = field(default_factory=dict)

    @classmethod
    @functools.cache
    def default(cls) -> Knowledge:
        return cls.load()

    @classmethod
    def load(cls, framing_files: Sequence[str | Path] = (),
             capability_files: Sequence[str | Path] = ()) -> Knowledge:
        framing = read_packaged("framing/lexicon.toml")
        for path in framing_files:
            framing = _merge(framing, read_toml(Path(path)))
        capabilities = read_packaged("compare/capabilities.toml")
        for path in capability_files:
            capabilities = _merge(capabilities, read_toml(Path(path)))
        return cls(
            attribution=read_packaged("compare/attribution.toml"),
            rules=read_packaged("compare/rules.toml"),
            capabilities=tuple(_capabilities(capabilities)),
            capability_cues=capabilities.get("cues", {}),
            platforms=capabilities.get("platforms", {}),
            framing=tuple(_framing(framing)),
            meaning=read_packaged("compare/meaning.toml"),
            framing_voice=read_packaged("framing/voice.toml"),
        )

    def words(self, table: dict[str, Any], key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(key, ()))


def _capabilities(data: dict[str, Any]) -> list[Capability]:
    result = []
    for name, table in data.get("capability", {}).items():
        terms = tuple(table.get("terms", ()))
        if not terms:
            raise KnowledgeError(f"capability {name!r} has no terms")
        result.append(Capability(name, table.get("label", name), terms, phrase_pattern(terms)))
    return result


def _framing(data: dict[str, Any]) -> list[FramingCategory]:
    result = []
    for name, table in data.items():
        if not isinstance(table, dict):
            raise KnowledgeError(f"framing lexicon: {name!r} must be a table of a category")
        stance = table.get("stance")
        if stance not in ("loaded", "neutral"):
            raise KnowledgeError(f"framing category {name!r}: stance must be 'loaded' or "
                                 f"'neutral', not {stance!r}")
        terms = tuple(table.get("terms", ()))
        result.append(FramingCategory(
            name=name, stance=stance, description=table.get("description", ""),
            contrasts_with=tuple(table.get("contrasts_with", ())),
            outlet_voice=bool(table.get("outlet_voice", False)),
            terms=terms, pattern=phrase_pattern(terms),
            not_before=phrase_pattern(table.get("not_before", ())),
            not_after=phrase_pattern(table.get("not_after", ())),
            context=tuple(table.get("context", ())),
            window=int(table.get("window", 0)),
        ))
    known = {c.name for c in result}
    for category in result:
        for key, others in (("contrasts with", category.contrasts_with),
                            ("takes its context from", category.context)):
            for other in others:
                if other not in known:
                    raise KnowledgeError(f"framing category {category.name!r} {key} "
                                         f"unknown category {other!r}")
        if category.context and category.window <= 0:
            raise KnowledgeError(f"framing category {category.name!r}: a context needs a "
                                 f"window of words greater than 0")
    return result
