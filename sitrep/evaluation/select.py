"""`sitrep eval --select`: keep some of a gold set by id, to tune on one part of it and
check on the other.

An expression is a comma-separated list of items; a record (sentence gold) or an article
(document gold) is kept when any item matches its id:

- `nd01-nd28`: a range, two ids with the same prefix; ids are compared as prefix + number,
  so `nd5` and `nd05` are the same and `nd01-nd28` holds `nd9` but not `xy9`;
- `nd07`: a single id (also compared as prefix + number when it ends in digits);
- `even`, `odd`: by the last run of digits in the id (`PLV-train-4` is even).

Every item must match something: an item matching nothing is most likely a typo, and a
tune/check split that silently lost part of its ids would give the wrong figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

FORMS = "ids, ranges FIRST-LAST (nd01-nd28), even or odd, separated by commas"

_NUMBERED = re.compile(r"(.*?)(\d+)")
_DIGITS = re.compile(r"\d+")


class SelectionError(ValueError):
    """An expression that cannot be read, or one that selects nothing."""


def _numbered(identifier: str) -> tuple[str, int] | None:
    """An id as (prefix, number), the prefix in lower case; None without trailing digits."""
    match = _NUMBERED.fullmatch(identifier)
    return (match.group(1).lower(), int(match.group(2))) if match else None


@dataclass(frozen=True)
class IdRange:
    prefix: str
    first: int
    last: int

    def matches(self, identifier: str) -> bool:
        numbered = _numbered(identifier)
        return (numbered is not None and numbered[0] == self.prefix
                and self.first <= numbered[1] <= self.last)


@dataclass(frozen=True)
class SingleId:
    identifier: str

    def matches(self, identifier: str) -> bool:
        wanted = _numbered(self.identifier)
        if wanted is not None:
            return _numbered(identifier) == wanted
        return identifier.lower() == self.identifier.lower()


@dataclass(frozen=True)
class Parity:
    even: bool

    def matches(self, identifier: str) -> bool:
        digits = _DIGITS.findall(identifier)
        return bool(digits) and (int(digits[-1]) % 2 == 0) == self.even


Item = IdRange | SingleId | Parity


def _id_range(text: str) -> IdRange | None:
    """`text` as a range if some hyphen splits it into two numbered ids of one prefix (ids
    may hold hyphens themselves: `PLV-train-1-PLV-train-80`)."""
    for at in (m.start() for m in re.finditer("-", text)):
        first, last = _numbered(text[:at]), _numbered(text[at + 1:])
        if first is None or last is None or first[0] != last[0]:
            continue
        if first[1] > last[1]:
            raise SelectionError(f"range {text!r} runs backwards")
        return IdRange(first[0], first[1], last[1])
    return None


def _item(text: str) -> Item:
    if not text:
        raise SelectionError(f"an empty item; give {FORMS}")
    if re.search(r"\s", text):
        raise SelectionError(f"{text!r} is not an id; give {FORMS}")
    if text.lower() in ("even", "odd"):
        return Parity(text.lower() == "even")
    return _id_range(text) or SingleId(text)


@dataclass(frozen=True)
class Selection:
    expression: str
    items: tuple[Item, ...]

    @classmethod
    def parse(cls, expression: str) -> Selection:
        return cls(expression, tuple(_item(part.strip()) for part in expression.split(",")))

    def apply(self, things: Sequence[T], id_of: Callable[[T], str], what: str) -> list[T]:
        """The things whose id an item matches, in their order; SelectionError naming an
        item that matches none of them (`what` says what the ids are of)."""
        ids = [id_of(thing) for thing in things]
        for text, item in zip(self.expression.split(","), self.items):
            if not any(item.matches(i) for i in ids):
                known = f"ids run {ids[0]} ... {ids[-1]}" if ids else "there are none"
                raise SelectionError(f"{text.strip()!r} matches no {what} id ({known}; "
                                     f"give {FORMS})")
        return [thing for thing, i in zip(things, ids)
                if any(item.matches(i) for item in self.items)]
