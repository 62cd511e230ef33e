"""Reading gold files: PLOVER records in JSON Lines, one coded sentence per line.

Two forms of record:

- with `text`: the sentence itself, coded as an article of its own (published = `date`);
- with `path` (relative to the gold file's folder, or absolute) and `sentence_start`/
  `sentence_end` (character offsets into that file's text as Python reads it: UTF-8, line
  ends as "\\n"), plus `outlet` and `published`: the sentence stays in its file, so a gold
  file can be kept for reports whose text may not be copied. Records of the same file are
  coded together, as one article.

Both take `event` (PLOVER type), `source` and `target` (lists of `{actorText, code}`;
anything else, such as "" or a missing key, means none) and optionally `textInfo.markup`,
the sentence with `(EVT: ...)`, `(SRC: ...)`, `(TAR: ...)` marks.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any


class GoldError(ValueError):
    """A gold file that cannot be scored: reported with its line number."""


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str


@dataclass
class GoldRecord:
    id: str
    event: str
    sentence: str
    article_key: str  # records with the same key are coded as one article
    article_text: str
    sentence_start: int  # where `sentence` begins in `article_text`
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)
    # character spans of the markup's (EVT: ...) marks, as offsets into `article_text`
    event_spans: list[tuple[int, int]] = field(default_factory=list)
    published: date | None = None
    outlet: str | None = None

    @property
    def sentence_end(self) -> int:
        return self.sentence_start + len(self.sentence)


_MARK = re.compile(r"\(([A-Z]+(?:/[A-Z]+)*):\s?")


def parse_markup(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The markup's plain text and its marks as (tag, start, end) offsets into that text.

    Marks nest ("(LOC: in (TAR: Bosnia))") and ordinary parentheses stay text. A mark closed
    by "}" (a typo the dev file has) is closed there too.
    """
    plain: list[str] = []
    marks: list[tuple[str, int, int]] = []
    stack: list[tuple[str | None, int]] = []  # (tag, start) or (None, 0) for a plain "("
    length = 0
    i = 0
    while i < len(markup):
        opened = _MARK.match(markup, i)
        char = markup[i]
        if opened:
            stack.append((opened.group(1), length))
            i = opened.end()
            continue
        if char == "(":
            stack.append((None, 0))
        elif char in ")}" and stack and (char == ")" or stack[-1][0] is not None):
            tag, start = stack.pop()
            if tag is not None:
                marks.append((tag, start, length))
                i += 1
                continue
        plain.append(char)
        length += 1
        i += 1
    marks.extend((tag, start, length) for tag, start in stack if tag is not None)
    return "".join(plain), marks


def event_spans(markup: str, sentence: str) -> list[tuple[int, int]]:
    """The (EVT: ...) marks as spans of `sentence`, which may differ slightly from the
    markup's own text: offsets are carried over through a character alignment."""
    plain, marks = parse_markup(markup)
    wanted = [(s, e) for tag, s, e in marks if tag == "EVT" and e > s]
    if plain == sentence:
        return wanted
    position: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, plain, sentence, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            position[block.a + k] = block.b + k
    spans = []
    for start, end in wanted:
        mapped = [position[k] for k in range(start, end) if k in position]
        if not mapped:
            continue
        # the alignment may pair single letters across an edit: prefer the mark's own text
        # where the sentence has it, at the occurrence nearest to the aligned position
        phrase = plain[start:end]
        found = [m.start() for m in re.finditer(re.escape(phrase), sentence)]
        if found:
            at = min(found, key=lambda f: abs(f - min(mapped)))
            spans.append((at, at + len(phrase)))
        else:
            spans.append((min(mapped), max(mapped) + 1))
    return spans


def _actors(value: Any) -> list[GoldActor]:
    if not isinstance(value, list):
        return []
    return [GoldActor(str(a.get("actorText") or ""), str(a.get("code") or ""))
            for a in value if isinstance(a, dict)]


def _date(value: Any, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise GoldError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _markup(raw: dict[str, Any]) -> str:
    info = raw.get("textInfo")
    if isinstance(info, dict):
        return str(info.get("markup") or "")
    return info if isinstance(info, str) else ""


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Every record of a gold file, in file order; GoldError on the first bad one."""
    path = Path(path)
    folder = path.resolve().parent
    files: dict[Path, str] = {}
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{where}: invalid JSON ({error.msg})") from None
        if isinstance(raw, dict) and raw.get("event_type") and not raw.get("event"):
            raise GoldError(f"{where}: a document gold event: give its folder, or the "
                            f"articles file and this file")
        if not isinstance(raw, dict) or not raw.get("event"):
            raise GoldError(f"{where}: a gold record needs an `event`")
        if isinstance(raw.get("text"), str) and raw["text"].strip():
            text = raw["text"]
            record = GoldRecord(
                id=str(raw.get("id") or number), event=str(raw["event"]).upper(),
                sentence=text, article_key=f"{number}", article_text=text, sentence_start=0,
                published=_date(raw.get("date") or raw.get("published"), where),
                outlet=raw.get("outlet"))
        elif raw.get("path"):
            source = Path(raw["path"])
            source = source if source.is_absolute() else folder / source
            if source not in files:
                try:
                    files[source] = source.read_text(encoding="utf-8")
                except OSError as error:
                    raise GoldError(f"{where}: cannot read {source}: {error.strerror}") from None
            text = files[source]
            start, end = raw.get("sentence_start"), raw.get("sentence_end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                raise GoldError(f"{where}: sentence_start/sentence_end must be offsets "
                                f"0 <= start < end <= {len(text)} into {source}")
            record = GoldRecord(
                id=str(raw.get("id") or number), event=str(raw["event"]).upper(),
                sentence=text[start:end], article_key=str(source), article_text=text,
                sentence_start=start,
                published=_date(raw.get("published") or raw.get("date"), where),
                outlet=raw.get("outlet"))
        else:
            raise GoldError(f"{where}: a gold record needs `text`, or `path` with "
                            f"`sentence_start` and `sentence_end`")
        record.sources = _actors(raw.get("source"))
        record.targets = _actors(raw.get("target"))
        if markup := _markup(raw):
            record.event_spans = [(record.sentence_start + s, record.sentence_start + e)
                                  for s, e in event_spans(markup, record.sentence)]
        records.append(record)
    return records
