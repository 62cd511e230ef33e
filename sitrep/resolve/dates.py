"""Find date expressions in English news text and resolve them against the publication date.

Deterministic rules, no date-parsing library: each family of expressions is one regular
expression compiled at import, paired with a function that resolves a match. Vocabulary
(month and weekday names, number words, name traps) lives in `sitrep/data/dates.toml`.

Finding (`find_date_expressions`)
  Matches of all families, longest first, then left to right, never overlapping. A leading
  preposition ("on", "in", "since", "by", ...) and a modifier ("early", "mid-", "later",
  "at the end of", ...) belong to the expression. Month and weekday names count only when
  capitalised; "week", "year", "morning", "summer", ... only in lower case ("This Week" and
  "Arab Spring" are names), while words that may open a sentence ("Last", "Yesterday", "In")
  take either case. Traps avoided: "may"/"march" in lower case are never dates and "May", "March"
  and month abbreviations standing alone need a preposition, modifier, day or year ("in May",
  not "Theresa May"); a bare four-digit year is refused when it reads as a count ("about 2000
  troops", "2000 people", but "the 2018 summit", "Seoul's 2017 budget" are years); weekdays in
  names ("Good Friday", "Sunday Times"); "the 5th" needs "on"/"by"/"since"/"until"/"from"
  and no noun after it ("on the 5th", not "the 5th Fleet", "during the 19th century");
  numbers such as "320,000", "F-16K", "6,000 km" and durations ("the 12-day trip", "hours
  before", "a week after the") are not matched.

Resolving (`resolve_date`), P = publication date; value None when P is needed but unknown.
  Absolute: "3 May 2017", "May 3, 2017", "2017-05-03" -> day; "July 2017", "July last year"
    -> month; "in 2010", "early 2016", "summer 2017" -> year. These need no P.
  Day and month without a year ("May 3", "Nov. 2", "on the 5th"): the occurrence closest to
    P; past tense takes the closest not after P, future the closest not before P, unknown
    tense the closest either way (a tie goes to the past). A written weekday ("Thursday,
    Nov. 2") picks the year whose date falls on that weekday. A day named for what falls
    on it every year ("on Christmas Eve", "New Year's Day 2019"; `[named_days]`) is its
    day and month, resolved the same way.
  Month alone ("in July", "mid-July", "at the end of May"): past or unknown tense -> the most
    recent such month not after P's month; future -> the first not before P's month. "last
    July" -> strictly before P's month, "next July" -> strictly after, "this July" -> P's year.
  Weekday ("on Thursday", "Thursday night", "early Sunday"): past or unknown tense -> the
    most recent one on or before P (P itself if P is that weekday); future -> the first one
    strictly after P (a week later if P is that weekday). "last"/"past Saturday" -> strictly
    before P; "next"/"coming Friday" -> strictly after P; "this Friday" -> on or before P in
    the past tense, on or after P otherwise.
  today, tonight, this morning -> P; yesterday, last night -> P-1; tomorrow -> P+1; "the day
    before yesterday" -> P-2; "the day after tomorrow" -> P+2.
  this/last/next month (also "earlier this month", "the end of the month") -> month; this/last/
    next year ("later this year", "late last year", "the end of the year") -> year. Weeks
    ("last week") and weekends ("over the weekend", "last weekend") -> no value (the record
    has no week precision), but their span, Monday to Sunday, Saturday and Sunday: "last"
    the weekend before P's (the one just gone on a weekday), "over the weekend" the latest
    begun on or before P (future: the next); durations ("the past year", "the coming
    month") stay unresolved.
  "the same day", "that night", "later that day", "the next/following day", "the previous
    morning", "later in the day", "hours later", "two days later", "a day earlier" ->
    unresolved here: they name a day relative to the day last mentioned, not to P
    (`anaphoric_day_offset` gives how many days from it; sitrep/resolve/event_dates.py
    resolves them against the discourse).
  "two days ago" -> P-2 (day); "three months ago" -> month; "five years ago" -> year; weeks,
    decades, vague counts ("a few days ago") and approximate days ("about two days ago") ->
    unresolved.
  Seasons: "last summer", "next spring", "this autumn" -> year of that season; winter
    (straddles two years) -> unresolved.
  Ranges ("May 3-5", "2016-17", "between 2010 and 2015", "from Monday to Wednesday") ->
    unresolved. Decades ("the 1990s", "the late 1980s") -> no value (a year would claim a
    precision the text lacks), but the decade's span, as for a week.
Month precision values use day 1, year precision values 1 January.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sitrep.ingest.limits import supported
from sitrep.package_data import read_toml
from sitrep.records import Precision, ResolvedDate

Tense = Literal["past", "future"]
# "weekend", "week" and "decade" are internal: spans with no single date (the record has
# day, month, year); the value is their first day
Resolution = tuple[date | None, Precision | Literal["weekend", "week", "decade"] | None]
_UNRESOLVED: Resolution = (None, None)

_DATA = read_toml("dates.toml")
_MONTHS: dict[str, int] = _DATA["months"] | _DATA["month_abbreviations"]
_WEEKDAYS: dict[str, int] = _DATA["weekdays"] | _DATA["weekday_prefixes"]
_NUMBERS: dict[str, int] = _DATA["numbers"]
_VAGUE_COUNTS = frozenset(_DATA["words"]["vague_counts"])
_NUMBER_CUES = frozenset(_DATA["words"]["number_cues"])
_DETERMINERS = frozenset(_DATA["words"]["determiners"])
_MONTHS_NEEDING_CONTEXT = frozenset(_DATA["false_positives"]["months_needing_context"])
_WEEKDAY_PRECEDERS = frozenset(_DATA["false_positives"]["weekday_preceders"])
_WEEKDAY_FOLLOWERS = frozenset(_DATA["false_positives"]["weekday_followers"])
_DAY_COUNT_DIRECTIONS: dict[str, int] = _DATA["day_count_directions"]
# "New Year's Day" -> [1, 1] (month, day), keyed with a plain apostrophe
_NAMED_DAYS: dict[str, list[int]] = _DATA["named_days"]


def _words(words: Iterable[str]) -> str:
    """Alternation of words, longest first (so "a few" wins over "a"), spaces as any space."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _group(name: str | None, body: str) -> str:
    return f"(?P<{name}>{body})" if name else f"(?:{body})"


def _month(name: str | None = "month") -> str:
    full = _words(_DATA["months"])
    abbreviated = _words(_DATA["month_abbreviations"])
    return _group(name, rf"(?:{full})\b|(?:{abbreviated})(?:\.|\b)")


def _weekday(name: str | None = "weekday", *, short: bool = False) -> str:
    body = rf"(?:{_words(_DATA['weekdays'])})\b"
    if short:  # "Thu, 02 Nov 2017": short names only in front of a full date
        body += rf"|(?:{_words(_DATA['weekday_prefixes'])})(?:\.|\b)"
    return _group(name, body)


def _day(name: str | None = "day") -> str:
    # "3", "03", "3rd"; not the start of "3,000", "3.5", "3:30" or "3km"
    return _group(name, r"3[01]|[12]\d|0?[1-9]") + r"(?:st|nd|rd|th)?\b(?![.,:]\d)"


_YEAR_DIGITS = r"(?:19|20)\d\d"  # 1900-2099


def _year(name: str | None = "year") -> str:
    # not part of "2,017", "2017.5", "2017-18", "20:17" or "2017%"
    return _group(name, _YEAR_DIGITS) + r"\b(?![.,:]\d|[-–]\d|%)"


_PREPOSITION = (
    r"(?:\b(?P<prep>(?i:on|in|during|since|until|till|by|from|through|throughout))\s+)?"
)
_EDGE = (
    r"(?:\b(?P<edge>(?i:(?:at\s+)?(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|turn)"
    r"\s+of))\s+|\b(?P<mod>(?i:earlier|later|early|late|mid))(?:-|\s+))?"
)
_LEAD = _PREPOSITION + _EDGE
_RELATION = r"(?:\b(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming))\s+)?"
_YEAR_TAIL = (
    rf"(?:,?\s+(?:(?i:of)\s+)?{_year()}"
    r"|\s+(?:(?i:of)\s+)?(?P<rel_year>(?i:last|this|next))\s+(?i:year)\b)?"
)
_RANGE_SEPARATOR = r"(?:\s*[-–]\s*|\s+(?i:to|and|through|until|till)\s+)"

_RANGE = re.compile(_PREPOSITION + "(?:" + "|".join([
    rf"{_month(None)}\s+{_day(None)}{_RANGE_SEPARATOR}(?:{_month(None)}\s+)?{_day(None)}"
    rf"(?:,?\s+{_year(None)})?",  # May 3-5, May 30 to June 2, 2017
    rf"(?<![\w.,/-]){_day(None)}{_RANGE_SEPARATOR}{_day(None)}\s+(?:(?i:of)\s+)?{_month(None)}"
    rf"(?:,?\s+{_year(None)})?",  # 3-5 May 2017
    rf"(?<![\w.,/-]){_YEAR_DIGITS}\s*[-–]\s*(?:{_YEAR_DIGITS}|\d\d)\b(?![-–]\d)",  # 2016-17
    rf"\b(?i:between)\s+{_year(None)}\s+(?i:and)\s+{_year(None)}",
    rf"\b(?i:from)\s+{_year(None)}\s+(?i:to|until|till|through)\s+{_year(None)}",
    rf"\b(?i:from|between)\s+{_weekday(None)}\s+(?i:to|and|until|till|through)\s+{_weekday(None)}",
    rf"\b(?i:from|between)\s+{_month(None)}\s+(?i:to|and|until|till|through)\s+{_month(None)}"
    rf"(?:,?\s+{_year(None)})?",
]) + ")")
_ISO = re.compile(
    _PREPOSITION + rf"(?<![\w./-])(?P<year>{_YEAR_DIGITS})-(?P<month>0[1-9]|1[0-2])"
    r"-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)
_MONTH_DAY = re.compile(
    _PREPOSITION + rf"(?:{_weekday(short=True)},?\s+)?{_month()}\s+{_day()}{_YEAR_TAIL}"
)
_DAY_MONTH = re.compile(
    _PREPOSITION + rf"(?:{_weekday(short=True)},?\s+)?(?:(?i:the)\s+)?(?<![\w.,:/-]){_day()}"
    rf"\s+(?:(?i:of)\s+)?{_month()}{_YEAR_TAIL}"
)
_ORDINAL_DAY = re.compile(
    _PREPOSITION + r"\b(?i:the)\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
    r"(?:\s+(?i:of)\s+(?P<rel_month>(?i:this|last|next))\s+(?i:month)\b)?"
)
_ORDINAL_PREPOSITIONS = frozenset({"on", "by", "since", "until", "till", "from"})
# what may follow "on the 5th" for it to be a date rather than "the 5th Fleet"
_AFTER_ORDINAL = re.compile(
    r"\s*(?:[^\w\s]|$)|\s+(?i:at|in|when|after|before|with|as|but|while|amid|during)\b"
)
_NAMED_DAY = re.compile(
    _PREPOSITION + r"\b(?P<named>"
    + "|".join(re.escape(n).replace("'", "['’]").replace(r"\ ", r"\s+")
               for n in sorted(_NAMED_DAYS, key=len, reverse=True))
    + r")\b" + _YEAR_TAIL
)
_MONTH_ALONE = re.compile(_LEAD + _RELATION + _month() + _YEAR_TAIL)
_SEASON = re.compile(
    _LEAD + r"(?:\b(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|the))\s+)?"
    r"\b(?P<season>spring|summer|autumn|fall|winter)\b"
    rf"(?:,?\s+(?:(?i:of)\s+)?{_year()})?"
)
_DECADE = re.compile(
    _PREPOSITION + r"(?:\b(?i:the)\s+)?(?:\b(?i:early|late|mid)[-\s]+)?"
    r"(?<!\w)(?P<decade>(?:1[89]|20)\d0)s\b"
)
_YEAR_ALONE = re.compile(_LEAD + r"(?:(?<=[Mm]id-)|(?<![\w$£€.,/–-]))" + _year())
_WEEKDAY = re.compile(
    _LEAD + _RELATION + r"(?<![\w-])" + _weekday()
    + r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
)
_RELATIVE_DAY = re.compile(
    _LEAD + r"\b(?:(?P<word>(?i:today|tonight|yesterday|tomorrow))"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?P<this_part>(?i:this)\s+(?:morning|afternoon|evening))"
    r"|(?P<last_night>(?i:last)\s+night)"
    r"|(?i:the\s+)?day\s+(?P<beside>before\s+yesterday|after\s+tomorrow))\b"
)
_PERIOD = re.compile(
    _LEAD + r"(?:\b(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming"
    r"|the\s+(?:past|coming|previous|following|next|last)))\s+"
    r"|(?<=of\s)(?P<the>(?i:the))\s+"  # "the end of the year"
    # "over the weekend", "at the weekend": the one nearest in the clause's tense
    r"|\b(?P<the_weekend>(?i:over|at|during|on)\s+the)\s+(?=weekend\b))"
    r"(?P<unit>week|weekend|month|year)\b"
)
_ANAPHORIC_DAY = re.compile(
    _PREPOSITION + r"(?:\b(?i:later|earlier)\s+)?"
    r"\b(?P<anaphor>(?i:the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous"
    r"|that))\s+(?:day|night|morning|afternoon|evening)\b"
)
_ANAPHOR_OFFSETS = {"the same": 0, "that same": 0, "that": 0, "the next": 1,
                    "the following": 1, "the previous": -1}
# "later in the day", "earlier in the evening", "hours later", "minutes earlier": another
# time of the day last mentioned
_LATER_IN_THE_DAY = re.compile(
    r"\b(?i:later|earlier)\s+in\s+the\s+(?:day|night|morning|afternoon|evening)\b"
    rf"|(?:\b(?:\d{{1,2}}|(?i:{_words(set(_NUMBERS) | _VAGUE_COUNTS)}))\s+)?"
    r"\b(?i:hours?|minutes?|moments?)\s+(?i:later|earlier|afterwards)\b"
)
# "two days later", "a day earlier": a count of days from the day last mentioned
_DAYS_FROM_ANAPHOR = re.compile(
    rf"\b(?P<count>\d{{1,2}}|(?i:{_words(_NUMBERS)}))\s+days?\s+"
    rf"(?P<direction>(?i:{_words(_DAY_COUNT_DIRECTIONS)}))\b"
)
_AGO = re.compile(
    r"(?:\b(?P<approx>(?i:about|some|nearly|almost|more\s+than|less\s+than|over|just|roughly"
    r"|around|only))\s+)?"
    rf"\b(?P<count>\d{{1,3}}|(?i:{_words(set(_NUMBERS) | _VAGUE_COUNTS)}))\s+"
    r"(?P<unit>day|week|month|year|decade)s?\s+ago\b"
)
_WORD_BEFORE = re.compile(r"([\w'’]+)\W*$")
_WORD_AFTER = re.compile(r"\W*(\w+)")
_LOWERCASE_WORD = re.compile(r"\s+[a-z]")
_POSSESSIVE = re.compile(r"\w['’]s$")


# --- plausibility checks: is a match in its text really a date? -------------------------

def _word_before(text: str, index: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, index - 40), index)
    return found.group(1) if found else ""


def _word_after(text: str, index: int) -> str:
    found = _WORD_AFTER.match(text, index)
    return found.group(1) if found else ""


def _always(match: re.Match[str], text: str) -> bool:
    return True


def _month_in_context(match: re.Match[str], text: str) -> bool:
    if match.group("month").rstrip(".") not in _MONTHS_NEEDING_CONTEXT:
        return True
    return any(match.group(g) for g in ("prep", "edge", "mod", "rel", "year", "rel_year"))


def _year_not_count(match: re.Match[str], text: str) -> bool:
    if match.group("prep") or match.group("edge") or match.group("mod"):
        return True
    before = _word_before(text, match.start())
    if before.lower() in _NUMBER_CUES:
        return False
    # "2000 troops" is a count; "the 2018 summit" and "Pyongyang's 2017 test" are years
    followed_by_word = _LOWERCASE_WORD.match(text, match.end())
    return (not followed_by_word or before.lower() in _DETERMINERS
            or bool(_POSSESSIVE.search(before)))


def _weekday_not_name(match: re.Match[str], text: str) -> bool:
    return (_word_before(text, match.start("weekday")) not in _WEEKDAY_PRECEDERS
            and _word_after(text, match.end("weekday")) not in _WEEKDAY_FOLLOWERS)


def _ordinal_day_dated(match: re.Match[str], text: str) -> bool:
    if (match.group("prep") or "").lower() not in _ORDINAL_PREPOSITIONS:
        return False  # "during the 19th" is a century
    return bool(match.group("rel_month")) or bool(_AFTER_ORDINAL.match(text, match.end()))


def _season_in_context(match: re.Match[str], text: str) -> bool:
    return bool(match.group("year")) or (match.group("rel") or "the").lower() != "the"


# --- resolution helpers ---------------------------------------------------------------

def _relation(match: re.Match[str], group: str = "rel") -> str | None:
    found = match.group(group)
    return " ".join(found.lower().split()) if found else None


_BEFORE = frozenset({"last", "past", "this past"})
_AFTER = frozenset({"next", "coming", "this coming"})
_YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _first_of_month(year: int, month: int, months_later: int = 0) -> date:
    index = year * 12 + month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _closest(candidates: list[date], published: date, tense: Tense | None) -> date | None:
    """The candidate closest to P, on the side of P the tense points to when there is one."""
    if tense == "past":
        side = [c for c in candidates if c <= published]
    elif tense == "future":
        side = [c for c in candidates if c >= published]
    else:
        side = candidates
    pool = side or candidates
    if not pool:
        return None
    return min(pool, key=lambda c: (abs((c - published).days), c > published))


def _stated_year(match: re.Match[str], published: date | None) -> int | None:
    """The year written with a day or month ("2017", "last year"); None if none or unknown."""
    if match.group("year"):
        return int(match.group("year"))
    relation = _relation(match, "rel_year")
    if relation and published:
        return published.year + _YEAR_OFFSETS[relation]
    return None


# --- resolvers, one per family ----------------------------------------------------------

def _unresolved(match: re.Match[str], published: date | None, tense: Tense | None) -> Resolution:
    return _UNRESOLVED


def _resolve_iso(match: re.Match[str], published: date | None, tense: Tense | None) -> Resolution:
    value = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return (value, "day") if value else _UNRESOLVED


def _resolve_day_and_month(
    match: re.Match[str], published: date | None, tense: Tense | None
) -> Resolution:
    if match.groupdict().get("named"):  # "on Christmas Eve"
        month, day = _NAMED_DAYS[" ".join(match["named"].replace("’", "'").split())]
    else:
        month, day = _MONTHS[match["month"].rstrip(".")], int(match["day"])
    year = _stated_year(match, published)
    if year is not None:
        value = _safe_date(year, month, day)
        return (value, "day") if value else _UNRESOLVED
    if published is None:
        return _UNRESOLVED
    candidates = [c for y in (published.year - 1, published.year, published.year + 1)
                  if (c := _safe_date(y, month, day))]
    if match.groupdict().get("weekday"):  # "Thursday, Nov. 2": the weekday tells the year
        weekday = _WEEKDAYS[match["weekday"].rstrip(".")]
        candidates = [c for c in candidates if c.weekday() == weekday] or candidates
    value = _closest(candidates, published, tense)
    return (value, "day") if value else _UNRESOLVED


def _resolve_ordinal_day(
    match: re.Match[str], published: date | None, tense: Tense | None
) -> Resolution:
    if published is None:
        return _UNRESOLVED
    day = int(match["day"])
    relation = _relation(match, "rel_month")
    if relation:
        month = _first_of_month(published.year, published.month, _YEAR_OFFSETS[relation])
        value = _safe_date(month.year, month.month, day)
    else:
        months = [_first_of_month(published.year, published.month, k) for k in (-1, 0, 1)]
        candidates = [c for m in months if (c := _safe_date(m.year, m.month, day))]
        value = _closest(candidates, published, tense)
    return (value, "day") if value else _UNRESOLVED


def _resolve_month(match: re.Match[str], published: date | None, tense: Tense | None) -> Resolution:
    month = _MONTHS[match["month"].rstrip(".")]
    year = _stated_year(match, published)
    if year is None:
        if published is None:
            return _UNRESOLVED
        relation, now, this_year = _relation(match), published.month, published.year
        if relation in _BEFORE:
            year = this_year if month < now else this_year - 1
        elif relation in _AFTER:
            year = this_year if month > now else this_year + 1
        elif relation == "this":
            year = this_year
        elif tense == "future":
            year = this_year if month >= now else this_year + 1
        else:
            year = this_year if month <= now else this_year - 1
    return _first_of_month(year, month), "month"


def _resolve_year(match: re.Match[str], published: date | None, tense: Tense | None) -> Resolution:
    return date(int(match["year"]), 1, 1), "year"


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _resolve_season(
    match: re.Match[str], published: date | None, tense: Tense | None
) -> Resolution:
    season = match["season"]
    if season == "winter":  # straddles two years
        return _UNRESOLVED
    if match["year"]:
        return date(int(match["year"]), 1, 1), "year"
    if published is None:
        return _UNRESOLVED
    first, last = _SEASON_MONTHS[season]
    relation, year = _relation(match), published.year
    if relation in _BEFORE and published.month <= last:
        year -= 1
    elif relation in _AFTER and published.month >= first:
        year += 1
    return date(year, 1, 1), "year"


def _resolve_weekday(
    match: re.Match[str], published: date | None, tense: Tense | None
) -> Resolution:
    if published is None:
        return _UNRESOLVED
    weekday = _WEEKDAYS[match["weekday"]]
    since = (published.weekday() - weekday) % 7  # days back to the latest one on or before P
    until = (weekday - published.weekday()) % 7  # days on to the first one on or after P
    relation = _relation(match)
    if relation in _BEFORE:
        offset = -(since or 7)
    elif relation in _AFTER:
        offset = until or 7
    elif relation == "this":
        offset = -since if tense == "past" else until
    elif tense == "future":
        offset = until or 7
    else:
        offset = -since
    return published + timedelta(days=offset), "day"


def _resolve_relative_day(
    match: re.Match[str], published: date | None, tense: Tense | None
) -> Resolution:
    if published is None:
        return _UNRESOLVED
    if match["word"]:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match["word"].lower()]
    elif match["beside"]:
        offset = -2 if match["beside"].lower().startswith("before") else 2
    else:
        offset = -1 if match["last_night"] else 0
    return published + timedelta(days=offset), "day"


def _resolve_period(
    match: re.Match[str], published: date | None, tense: Tense | None
) -> Resolution:
    unit = match["unit"]
    relation = "this" if match["the"] else _relation(match)
    if published is not None and unit == "weekend":
        return _weekend(published, None if match["the_weekend"] else relation, tense)
    if published is None or relation not in _YEAR_OFFSETS:
        return _UNRESOLVED  # "the past year" is a span back from today, not a calendar unit
    offset = _YEAR_OFFSETS[relation]
    if unit == "week":  # calendar weeks run Monday to Sunday
        return published - timedelta(days=published.weekday()) + timedelta(weeks=offset), "week"
    if unit == "month":
        return _first_of_month(published.year, published.month, offset), "month"
    return date(published.year + offset, 1, 1), "year"


def _weekend(published: date, relation: str | None, tense: Tense | None) -> Resolution:
    """The Saturday opening the weekend meant: "last"/"past" the one before P's (P's own
    when P falls on a weekday, the one just gone), "next"/"coming" the first after P, "this"
    or none the latest begun on or before P, in the future tense the first not over."""
    latest = published - timedelta(days=(published.weekday() - 5) % 7)  # Saturday <= P
    if relation in _BEFORE:
        saturday = latest - timedelta(weeks=1) if published.weekday() >= 5 else latest
    elif relation in _AFTER:
        saturday = latest + timedelta(weeks=1)
    elif tense == "future" and published.weekday() < 5:
        saturday = latest + timedelta(weeks=1)
    else:
        saturday = latest
    return saturday, "weekend"


def _resolve_decade(
    match: re.Match[str], published: date | None, tense: Tense | None
) -> Resolution:
    return date(int(match["decade"]), 1, 1), "decade"


def _resolve_ago(match: re.Match[str], published: date | None, tense: Tense | None) -> Resolution:
    count_text = " ".join(match["count"].lower().split())
    unit = match["unit"]
    if published is None or count_text in _VAGUE_COUNTS or unit in ("week", "decade"):
        return _UNRESOLVED
    count = int(count_text) if count_text.isdigit() else _NUMBERS[count_text]
    if unit == "day":
        if match["approx"]:
            return _UNRESOLVED
        return published - timedelta(days=count), "day"
    if unit == "month":
        return _first_of_month(published.year, published.month, -count), "month"
    return date(published.year - count, 1, 1), "year"


# --- families and where to look for them --------------------------------------------

Resolver = Callable[[re.Match[str], date | None, Tense | None], Resolution]


@dataclass(frozen=True)
class _Family:
    pattern: re.Pattern[str]
    resolve: Resolver
    plausible: Callable[[re.Match[str], str], bool] = _always


_RANGES = _Family(_RANGE, _unresolved)
_ISO_DATES = _Family(_ISO, _resolve_iso)
_MONTH_DAYS = _Family(_MONTH_DAY, _resolve_day_and_month)
_DAY_MONTHS = _Family(_DAY_MONTH, _resolve_day_and_month)
_ORDINAL_DAYS = _Family(_ORDINAL_DAY, _resolve_ordinal_day, _ordinal_day_dated)
_NAMED_DAYS_FAMILY = _Family(_NAMED_DAY, _resolve_day_and_month)
_MONTHS_ALONE = _Family(_MONTH_ALONE, _resolve_month, _month_in_context)
_SEASONS = _Family(_SEASON, _resolve_season, _season_in_context)
_DECADES = _Family(_DECADE, _resolve_decade)
_YEARS = _Family(_YEAR_ALONE, _resolve_year, _year_not_count)
_WEEKDAY_NAMES = _Family(_WEEKDAY, _resolve_weekday, _weekday_not_name)
_RELATIVE_DAYS = _Family(_RELATIVE_DAY, _resolve_relative_day)
_PERIODS = _Family(_PERIOD, _resolve_period)
_AGOS = _Family(_AGO, _resolve_ago)
_ANAPHORIC_DAYS = _Family(_ANAPHORIC_DAY, _unresolved)
_DAY_COUNTS_FROM_ANAPHOR = _Family(_DAYS_FROM_ANAPHOR, _unresolved)
_LATER_IN_THE_DAYS = _Family(_LATER_IN_THE_DAY, _unresolved)

# Order matters only for `resolve_date` on an expression two families match entirely.
_FAMILIES = (_RANGES, _ISO_DATES, _MONTH_DAYS, _DAY_MONTHS, _ORDINAL_DAYS, _NAMED_DAYS_FAMILY,
             _MONTHS_ALONE, _SEASONS, _DECADES, _YEARS, _WEEKDAY_NAMES, _RELATIVE_DAYS,
             _PERIODS, _AGOS, _ANAPHORIC_DAYS, _DAY_COUNTS_FROM_ANAPHOR, _LATER_IN_THE_DAYS)

# Why anchors: a pattern that opens with optional prepositions and modifiers is tried at every
# character, about 40 us per sentence and family. Instead one fast scan finds the words every
# expression contains (a number, a month, a weekday, "yesterday", "week", ...); the families
# that word can belong to are tried only where an expression could start: at the word itself
# or at a run of lead words ("at the end of", "more than two") just before it.
_DIGIT_FAMILIES = (_RANGES, _ISO_DATES, _DAY_MONTHS, _ORDINAL_DAYS, _DECADES, _YEARS, _AGOS)
_FAMILIES_BY_ANCHOR: dict[str, tuple[_Family, ...]] = {}
for _names, _families in (
    (_MONTHS, (_RANGES, _MONTH_DAYS, _MONTHS_ALONE)),
    (_DATA["weekdays"], (_RANGES, _MONTH_DAYS, _DAY_MONTHS, _WEEKDAY_NAMES)),
    (["today", "tonight", "yesterday", "tomorrow"], (_RELATIVE_DAYS,)),
    (["morning", "afternoon", "evening", "night"],
     (_RELATIVE_DAYS, _ANAPHORIC_DAYS, _LATER_IN_THE_DAYS)),
    ([u + s for u in ("week", "weekend", "month", "year", "decade") for s in ("", "s")] + ["days"],
     (_PERIODS, _AGOS)),
    (["days"], (_PERIODS, _AGOS, _DAY_COUNTS_FROM_ANAPHOR)),
    (["day"], (_PERIODS, _AGOS, _ANAPHORIC_DAYS, _DAY_COUNTS_FROM_ANAPHOR,
               _LATER_IN_THE_DAYS)),
    (["hour", "hours", "Hours", "minute", "minutes", "Minutes", "moment", "moments",
      "Moments"], (_LATER_IN_THE_DAYS,)),
    (["spring", "summer", "autumn", "fall", "winter"], (_SEASONS,)),
    ({name.split()[0].split("'")[0] for name in _NAMED_DAYS}, (_NAMED_DAYS_FAMILY,)),
):
    _FAMILIES_BY_ANCHOR.update(dict.fromkeys(_names, _families))
_FAMILIES_BY_ANCHOR.update(  # sentence-initial; other lower-case words stay lower-case
    dict.fromkeys(["Today", "Tonight", "Yesterday", "Tomorrow"], (_RELATIVE_DAYS,))
)

# A character class first lets the regex engine skip ahead in C; the lookbehind keeps words
# whole. It also matches junk ("Fanuary"), which the dictionary lookup drops.
_ANCHOR = re.compile(
    "[\\d" + "".join(sorted({w[0] for w in _FAMILIES_BY_ANCHOR})) + r"](?<!\w\w)"
    r"(?:(?<=\d)\d*|(?:" + _words({w[1:] for w in _FAMILIES_BY_ANCHOR}) + r")\b)"
)
_LEAD_WORDS = frozenset(
    "on in during since until till by from through throughout between at the very end "
    "beginning start middle turn of early late mid earlier later this that same last next "
    "past coming previous following about some nearly almost more less than over just roughly around only "
    "day before after a few couple several many dozens".split()
) | frozenset(_NUMBERS)
_MAX_LEAD_WORDS: int = _DATA["words"]["max_lead_words"]
_PRECEDING_WORD = re.compile(r"(?<!\w)(\w+)[\s-]*$")


def _starts(text: str, anchor: int) -> list[int]:
    """Where an expression holding the word at `anchor` may start: there or at up to
    max_lead_words lead words before it (a run of numbers, "42 42 42 ...", is no longer
    walked back to its beginning from every number in it)."""
    starts = [anchor]
    while len(starts) <= _MAX_LEAD_WORDS and (found := _PRECEDING_WORD.search(
            text, max(0, starts[-1] - 16), starts[-1])):
        word = found.group(1)
        if not (word.lower() in _LEAD_WORDS or word.isdigit()):
            break
        starts.append(found.start())
    return starts


def _matches(text: str) -> list[tuple[_Family, re.Match[str]]]:
    """Plausible matches of all families: longest first, then leftmost, non-overlapping."""
    candidates: list[tuple[_Family, re.Match[str]]] = []
    tried: set[tuple[int, int]] = set()
    for anchor in _ANCHOR.finditer(text):
        word = anchor.group()
        families = _DIGIT_FAMILIES if word[0].isdigit() else _FAMILIES_BY_ANCHOR.get(word)
        if not families:
            continue  # junk from the scan ("Fanuary")
        for start in _starts(text, anchor.start()):
            for family in families:
                if (start, id(family)) in tried:
                    continue
                tried.add((start, id(family)))
                match = family.pattern.match(text, start)
                if match and match.end() > anchor.start() and family.plausible(match, text):
                    candidates.append((family, match))
    candidates.sort(key=lambda c: (c[1].start() - c[1].end(), c[1].start()))
    # the spans chosen so far, disjoint and by start: a candidate overlaps one of them only
    # if it overlaps a neighbour of where it would go (a bisection, not a scan of them all)
    starts: list[int] = []
    chosen: list[tuple[_Family, re.Match[str]]] = []
    for family, match in candidates:
        at = bisect.bisect_left(starts, match.start())
        if at > 0 and chosen[at - 1][1].end() > match.start():
            continue
        if at < len(starts) and starts[at] < match.end():
            continue
        starts.insert(at, match.start())
        chosen.insert(at, (family, match))
    return chosen


@dataclass(frozen=True)
class DateExpression:
    text: str  # as written, with its preposition: "on Thursday", "In July", "yesterday"
    start: int  # character offsets in the input text
    end: int


def find_date_expressions(text: str) -> list[DateExpression]:
    """All date expressions in `text`, left to right, non-overlapping, longest match."""
    return [DateExpression(m.group(), m.start(), m.end()) for _, m in _matches(text)]


def anaphoric_day_offset(expression: str) -> int | None:
    """For "the same day", "the next day", "the previous evening", "two days later", ...:
    how many days after the day last mentioned it names (0, 1, -1, 2); None for any other
    expression."""
    if _LATER_IN_THE_DAY.fullmatch(expression.strip()):
        return 0
    counted = _DAYS_FROM_ANAPHOR.fullmatch(expression.strip())
    if counted is not None:
        count = counted["count"].lower()
        return (int(count) if count.isdigit() else _NUMBERS[count]) * (
            _DAY_COUNT_DIRECTIONS[counted["direction"].lower()])
    found = _ANAPHORIC_DAY.fullmatch(expression.strip())
    if found is None:
        return None
    return _ANAPHOR_OFFSETS[" ".join(found["anaphor"].lower().split())]


def lacks_year(expression: str) -> bool:
    """Whether the expression names a day of a month or a month without its year ("on
    November 21", "in March"): a narrative told in an earlier year sets that year."""
    stripped = expression.strip()
    parsed = next(((f, m) for f in _FAMILIES if (m := f.pattern.fullmatch(stripped))), None)
    if parsed is None:
        return False
    family, match = parsed
    groups = match.groupdict()
    return family in (_MONTH_DAYS, _DAY_MONTHS, _NAMED_DAYS_FAMILY, _MONTHS_ALONE) and not (
        groups.get("year") or groups.get("rel_year") or groups.get("rel"))


def resolve_date(
    expression: str, published: date | None, *, tense: Tense | None = None
) -> ResolvedDate:
    """Resolve a date expression against the publication date (rules: module docstring).

    `expression` is normally a `DateExpression.text`; any other text is searched and its first
    date expression resolved. `tense` is the tense of the clause the date belongs to.
    """
    stripped = expression.strip()
    parsed = next(
        ((f, m) for f in _FAMILIES if (m := f.pattern.fullmatch(stripped))), None
    ) or next(iter(_matches(expression)), None)
    if parsed is None:
        return ResolvedDate(text=expression)
    family, match = parsed
    try:  # counts as large as "99999 years ago" run past the calendar
        value, precision = family.resolve(match, published if supported(published) else None,
                                          tense)
        if value is None:
            return ResolvedDate(text=expression)
        if precision in ("week", "weekend"):
            resolved = ResolvedDate(text=expression, range_start=value, range_end=value
                                    + timedelta(days=6 if precision == "week" else 1))
        elif precision == "decade":
            resolved = ResolvedDate(text=expression, range_start=value,
                                    range_end=date(value.year + 9, 12, 31))
        else:
            resolved = ResolvedDate(text=expression, value=value, precision=precision,
                                    range_start=value, range_end=_last_day(value, precision))
    except (OverflowError, ValueError):
        return ResolvedDate(text=expression)
    if not (supported(resolved.range_start) and supported(resolved.range_end)):
        return ResolvedDate(text=expression)  # outside the calendar sitrep stores
    return resolved


def _last_day(value: date, precision: str) -> date:
    if precision == "year":
        return date(value.year, 12, 31)
    if precision == "month":
        following = _first_of_month(value.year, value.month, 1)
        return following - timedelta(days=1)
    return value
