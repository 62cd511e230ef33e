"""Publication dates written as text: "2017-05-03", "2017-05-03T10:00:00Z", "May 3, 2017",
"3 May 2017", "Wednesday, May 3, 2017"."""

from __future__ import annotations

import re
from datetime import date

from sitrep.package_data import read_toml

# A month's number by its first three letters: the month names of data/dates.toml, which
# the resolve stage reads too.
_MONTHS = {name[:3].lower(): number for name, number in read_toml("dates.toml")["months"].items()}
# Month names and their abbreviations, as a regular expression (also used for datelines).
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?)\.?"
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)"

# A whole line (or field) that is nothing but a date, optionally with weekday and time.
DATE_TEXT = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{MONTH}),?\s+(?P<year1>\d{{4}})"
    rf"|(?P<month2>{MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)"
    rf"{_TIME}?",
    re.IGNORECASE,
)


def parse_date_text(text: str) -> date | None:
    """The date that `text` consists of, or None when it is not (only) a valid date."""
    match = DATE_TEXT.fullmatch(text.strip())
    if match is None:
        return None
    try:
        if match["iso"]:
            return date.fromisoformat(match["iso"])
        day, month, year = (
            (match["day1"], match["month1"], match["year1"])
            if match["day1"]
            else (match["day2"], match["month2"], match["year2"])
        )
        return date(int(year), _MONTHS[month[:3].lower()], int(day))
    except ValueError:  # 31 February and the like
        return None
