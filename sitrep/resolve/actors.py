"""Actor resolver: actor text -> country code + sector, from the tables in sitrep/data/actors.

All knowledge is in four TSV tables (countries, organizations, people, sectors; formats in
sitrep/data/actors/README.md). At load every name, abbreviation, demonym, capital and sector
keyword goes into one word trie; a phrase is then read left to right, taking the longest
entry at each word ("South Sudan" before "Sudan", "US Forces Korea" before "US"), and the
resolution is chosen from those matches with a few documented rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import IntEnum
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple, Sequence

from sitrep.package_data import data_file, read_toml

DATA_DIR = data_file("actors")
PACKAGED_FILES = ("countries.tsv", "organizations.tsv", "people.tsv", "sectors.tsv")

_WORD = re.compile(r"[^\W_]+")
# What may separate the words of one name: "U.S.", "Jae-in", "Cote d'Ivoire", "AT&T".
# Anything else (a comma, a bracket, a slash, a dash) ends a name.
_SOFT_GAP_CHARS = " \t\n\r\f\v\u00a0-\u2010\u2011\u2013.'\u2019&"
# Capitalised in a pattern but often lowercase in running text ("the Hague", "al-Qaeda").
_LENIENT_WORDS = frozenset({"the", "al", "el", "la", "le", "de"})
# Particles inside a person's name ("Anwar al-Bunni", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "ben", "van", "von", "de", "da",
                             "di", "du", "del", "dos", "le", "la"})
# A preposition ends the head of an actor phrase: in "the US ambassador to the UN" the actor
# is the US ambassador. "of" is not one: "the defense chiefs of South Korea and the US".
_PREPOSITIONS = frozenset({
    "to", "for", "at", "in", "on", "with", "against", "from", "toward", "towards", "over",
    "near", "inside", "outside", "into", "across", "along", "during", "after", "before",
    "under", "via", "about", "than",
})


# Posts a state holds at an international body ("China's U.N. ambassador"): posts.toml.
_POSTS = re.compile(r"\b(?:%s)s?\b" % "|".join(
    re.escape(p) for p in read_toml("actors/posts.toml")["diplomatic_posts"]), re.IGNORECASE)


# Posts held abroad ("the ambassador" a state summons is another state's): posts.toml.
FOREIGN_POSTS = frozenset(read_toml("actors/posts.toml")["foreign_posts"])


# Titles shared with other bodies' heads (posts.toml), and "of" + a name after one.
_SHARED_TITLES = frozenset(read_toml("actors/posts.toml")["shared_titles"])
_OF_A_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z])")


# Offices one person in the world holds (posts.toml): the phrase that is only the title.
_SOLE_OFFICES = {title.lower(): code
                 for title, code in read_toml("actors/posts.toml")["sole_offices"].items()}
_SOLE_OFFICE = re.compile(r"^\s*(?:the\s+)?(?P<title>%s)\s*$" % "|".join(
    re.escape(t) for t in _SOLE_OFFICES), re.IGNORECASE)


# One capitalised word ending a phrase, after the words that may be a title ("President
# Lee", "the new Chancellor Merz"); the titles are the people table's roles.
_LAST_NAME_WORD = re.compile(r"(?P<name>[A-Z][\w'-]+)\W*$")
TITLE_WORDS = 4  # longest title looked for ("UN High Commissioner for ...": no)


def names_a_post(text: str) -> bool:
    """Whether the phrase names a post at a body ("ambassador", "mission": posts.toml)."""
    return _POSTS.search(text) is not None


class _Affiliation(NamedTuple):
    code: str
    sector: str
    pattern: re.Pattern


def _affiliations() -> list[_Affiliation]:
    """The party-and-region notations of affiliations.toml, as patterns."""
    out = []
    for row in read_toml("actors/affiliations.toml")["affiliation"]:
        regions = "|".join(re.escape(r) for r in sorted(row["regions"], key=len, reverse=True))
        letters = "|".join(map(re.escape, row["party_letters"]))
        words = "|".join(map(re.escape, row["party_words"]))
        out.append(_Affiliation(row["code"], row["sector"], re.compile(
            rf"\b(?:(?:{letters})-|(?:{words}) (?:of|from) )(?:{regions})(?![\w-])")))
    return out


_AFFILIATIONS = _affiliations()


def affiliation_of(text: str) -> _Affiliation | None:
    """The country whose party-and-region notation the phrase has ("R-Texas")."""
    return next((a for a in _AFFILIATIONS if a.pattern.search(text)), None)


# Phrases up to this long are scanned once and remembered, this many at most.
_CACHED_PHRASE_LENGTH = 200
_NAME_REACH = 60  # how far past a cut phrase the rest of a name may run, in characters
_CACHED_PHRASES = 20_000
# After a country's name, a currency: "US $50 million", "Australian dollars".
_CURRENCY = re.compile(r"\s?\$|\s+dollars?\b", re.IGNORECASE)


class Kind(IntEnum):
    """What a dictionary entry names; lower values win when two entries cover the same words."""

    PERSON = 0
    ORG = 1
    COUNTRY = 2  # a country's name or alias
    CAPITAL = 3
    ADJECTIVE = 4
    SECTOR = 5  # a sector keyword



class ActorTableError(ValueError):
    """A user's actor file that cannot be read as one of the packaged table formats."""


@dataclass(frozen=True)
class ActorCode:
    code: str | None  # alpha-3 or org code; None if only a sector was found
    sector: str | None
    name: str  # canonical name of what matched
    matched: str  # the substring of the input that matched
    start: int  # offset of `matched` in the input
    end: int


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name: str
    lat: float | None
    lon: float | None
    capital: str | None
    capital_lat: float | None
    capital_lon: float | None


@dataclass(frozen=True)
class _Entry:
    kind: Kind
    words: tuple[str, ...]  # the pattern's words as written, for the case check
    name: str
    codes: tuple[str, ...] = ()  # () none, one code, or the members of a group
    sector: str | None = None
    person: str | None = None  # key into the role table
    source: int = 0  # 0 packaged, 1.. user files: a later file wins ties


@dataclass(frozen=True)
class _Role:
    code: str | None
    sector: str | None
    start: date
    end: date
    title: str = ""  # the role as written, lower case ("president", "foreign minister")


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    joined: bool  # only a soft gap separates it from the previous word


class _Match(NamedTuple):
    entry: _Entry
    first: int  # word indices [first, last)
    last: int
    start: int  # character offsets
    end: int


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    previous_end: int | None = None
    for m in _WORD.finditer(text):
        joined = previous_end is not None and not text[previous_end:m.start()].strip(
            _SOFT_GAP_CHARS)
        words.append(_Word(m.start(), m.end(), m.group(), joined))
        previous_end = m.end()
    return words


# "pro-Beijing", "anti-American": a stance toward a country, not membership of it.
_STANCE_PREFIXES = frozenset({"pro", "anti"})
_HYPHENS = ("-", "\u2010", "\u2011")


def _stance_prefixed(text: str, words: Sequence[_Word], i: int) -> bool:
    """Whether words[i] is hyphened to "pro" or "anti" ("the pro-Beijing camp")."""
    if i == 0 or words[i - 1].text.lower() not in _STANCE_PREFIXES:
        return False
    return text[words[i - 1].end:words[i].start] in _HYPHENS


# "the Iran-backed rebels": the backer, not the rebels' country (modifiers.toml).
_SPONSOR_PARTICIPLES = frozenset(read_toml("actors/modifiers.toml")["sponsor_participles"])


def _sponsor_suffixed(text: str, words: Sequence[_Word], j: int) -> bool:
    """Whether the name ending before words[j] is hyphened to a word of backing
    ("Iran-backed", "Russian-funded")."""
    return (j < len(words) and words[j].text.lower() in _SPONSOR_PARTICIPLES
            and text[words[j - 1].end:words[j].start] in _HYPHENS)


# "the news firm Saba": the body's own name, not its country (modifiers.toml).
_BODY_NAME_NOUNS = frozenset(read_toml("actors/modifiers.toml")["body_name_nouns"])


def _body_named(words: Sequence[_Word], i: int) -> bool:
    """Whether the name at words[i] follows a noun of a body that it names ("the state news
    firm Saba", "the broadcaster Lima")."""
    return i > 0 and words[i - 1].text.lower() in _BODY_NAME_NOUNS and words[i].joined


# "former Foreign Minister X", "ex-president Y": a title the person no longer holds.
_PAST_OFFICE = re.compile(r"\b(?:%s)\b" % "|".join(
    read_toml("actors/modifiers.toml")["past_office_words"]), re.IGNORECASE)


def _case_ok(pattern: tuple[str, ...], words: Sequence[_Word]) -> bool:
    """Capitalised pattern words must be capitalised in the text, all-caps ones all caps,
    so that "US" never matches "us" nor "Turkey" the bird."""
    for p, w in zip(pattern, words):
        if p.lower() in _LENIENT_WORDS:
            continue
        if p.isupper():
            if not w.text.isupper():
                return False
        elif p[0].isupper() and not w.text[0].isupper():
            return False
    return True


def _plural(keyword: str) -> str:
    """English plural of a keyword's last word: troop -> troops, gunman -> gunmen."""
    if keyword.endswith("man"):
        return keyword[:-3] + "men"
    if keyword.endswith("person"):
        return keyword[:-6] + "people"
    if keyword.endswith("y") and keyword[-2:-1] not in ("a", "e", "i", "o", "u"):
        return keyword[:-1] + "ies"
    if keyword.endswith(("s", "x", "ch", "sh", "z")):
        return keyword + "es"
    return keyword + "s"


def _variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


_INITIALISM = re.compile(r"[A-Z]{2,6}")


def _with_dotted(patterns: list[str]) -> list[str]:
    """The patterns, each initialism also with dots between its letters: news writes
    "C.A.R." and "D.R.C." as often as "CAR" and "DRC"."""
    return [*patterns, *(".".join(p) + "." for p in patterns if _INITIALISM.fullmatch(p))]


def _initials_dotted(pattern: tuple[str, ...], text: str, words: Sequence[_Word]) -> bool:
    """A pattern of single letters (a dotted initialism, "C.A.R.") matches only its letters
    written with a dot after each and nothing between: not "A U" in "A U.S. official"."""
    if len(pattern) < 2 or any(len(p) != 1 for p in pattern):
        return True
    return text[words[0].start:words[-1].end + 1] == "".join(w.text + "." for w in words)


def _date_or(cell: str, default: date) -> date:
    return date.fromisoformat(cell) if cell else default


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


def _read_tsv(path: Path | Traversable) -> tuple[list[str], list[dict[str, str]]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    if not lines:
        return [], []
    header = [h.strip() for h in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split("\t")]
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return header, rows


class ActorDictionary:
    """Every actor name the tables know, compiled into one word trie."""

    def __init__(self) -> None:
        self._root = _Node()
        # scans of short phrases (actor phrases recur across an article and a batch),
        # emptied whenever an entry is added
        self._scans: dict[str, tuple[list[_Match], list[_Word]]] = {}
        self._countries: dict[str, CountryInfo] = {}
        self._states: dict[str, str] = {}  # dependency -> controlling state
        self._roles: dict[str, list[_Role]] = {}
        # "president lee" -> people with that word in a name who held a role so titled
        self._titled: dict[tuple[str, str], set[str]] = {}
        self._sector_order: list[str] = []
        # names of the bodies that are a state's regular armed forces (organizations.tsv
        # `forces`)
        self._regular_forces: set[str] = set()
        # an organization's name -> the words of all its names ("Pentagon" -> ..., "defense",
        # "department"), which a description of it may take as its head ("the department")
        self._body_words: dict[str, set[str]] = {}

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def default(cls) -> ActorDictionary:
        """The packaged tables, loaded once per process."""
        return _default_dictionary()

    @classmethod
    def load(cls, extra_paths: Sequence[Path] = ()) -> ActorDictionary:
        """Packaged tables plus user files in the same formats, recognised by their header.
        A user file's entries win over packaged ones that cover the same words."""
        dictionary = cls()
        for name in PACKAGED_FILES:
            dictionary._add_file(DATA_DIR / name, source=0)
        for source, path in enumerate(extra_paths, start=1):
            dictionary._add_file(Path(path), source=source)
        dictionary._sort_entries(dictionary._root)
        return dictionary

    def _add_file(self, path: Path | Traversable, source: int) -> None:
        header, rows = _read_tsv(path)
        if "capitals" in header:
            self._add_countries(rows, source)
        elif "pattern" in header:
            self._add_organizations(rows, source)
        elif "keywords" in header:
            self._add_sectors(rows, source)
        elif "role" in header or "start" in header:
            self._add_people(rows, source)
        else:
            raise ActorTableError(f"{path}: unknown actor table (header: {' '.join(header)!r}); "
                                  "see sitrep/data/actors/README.md")

    def _insert(self, pattern: str, entry_fields: dict, kind: Kind, source: int) -> None:
        self._scans.clear()
        if pattern.startswith("the "):  # data convention: "the White House"
            pattern = pattern[4:]
        words = tuple(w.text for w in _words(pattern))
        if not words:
            return
        node = self._root
        for word in words:
            node = node.children.setdefault(word.lower(), _Node())
        entry = _Entry(kind=kind, words=words, source=source, **entry_fields)
        if entry not in node.entries:
            node.entries.append(entry)

    def _sort_entries(self, node: _Node) -> None:
        # Stable: among equals, the earlier row of a file wins (Kingston is Jamaica's).
        node.entries.sort(key=lambda e: (e.kind, -e.source))
        for child in node.children.values():
            self._sort_entries(child)

    def _add_countries(self, rows: list[dict[str, str]], source: int) -> None:
        for row in rows:
            code, name = row["code"], row["name"]
            capitals = _variants(row.get("capitals", ""))
            self._countries[code] = CountryInfo(
                code=code, name=name, lat=_float(row.get("lat", "")),
                lon=_float(row.get("lon", "")), capital=capitals[0] if capitals else None,
                capital_lat=_float(row.get("capital_lat", "")),
                capital_lon=_float(row.get("capital_lon", "")))
            if row.get("state"):
                self._states[code] = row["state"]
            fields = {"name": name, "codes": (code,)}
            for pattern in _with_dotted([name, *_variants(row.get("aliases", ""))]):
                self._insert(pattern, fields, Kind.COUNTRY, source)
            for pattern in capitals:
                self._insert(pattern, fields, Kind.CAPITAL, source)
            for pattern in _variants(row.get("adjectives", "")):
                self._insert(pattern, fields, Kind.ADJECTIVE, source)

    def _add_organizations(self, rows: list[dict[str, str]], source: int) -> None:
        for row in rows:
            patterns = _variants(row["pattern"])
            if not patterns:
                continue
            country = row.get("country", "")
            codes = tuple(country.split("+")) if country else (
                (row["code"],) if row.get("code") else ())
            fields = {"name": patterns[0].removeprefix("the "), "codes": codes,
                      "sector": row.get("sector") or None}
            if row.get("forces") == "regular":
                self._regular_forces.add(fields["name"])
            self._body_words.setdefault(fields["name"], set()).update(
                w.lower() for p in patterns for w in p.split())
            for pattern in _with_dotted(patterns):
                self._insert(pattern, fields, Kind.ORG, source)

    def _add_people(self, rows: list[dict[str, str]], source: int) -> None:
        for row in rows:
            names = _variants(row["name"])
            if not names:
                continue
            person = names[0]
            title = " ".join((row.get("role") or "").lower().split())
            role = _Role(code=row.get("code") or None, sector=row.get("sector") or None,
                         start=_date_or(row.get("start", ""), date.min),
                         end=_date_or(row.get("end", ""), date.max), title=title)
            roles = self._roles.setdefault(person, [])
            roles.append(role)
            roles.sort(key=lambda r: r.start)
            for word in {w.lower() for n in names for w in re.split(r"[\s-]+", n)
                         if len(w) > 1 and w[0].isupper()}:
                self._titled.setdefault((title, word), set()).add(person)
            for pattern in names:
                self._insert(pattern, {"name": person, "person": person}, Kind.PERSON, source)

    def _add_sectors(self, rows: list[dict[str, str]], source: int) -> None:
        for row in rows:
            sector = row["sector"]
            if sector not in self._sector_order:
                self._sector_order.append(sector)
            for keyword in _variants(row.get("keywords", "")):
                fields = {"name": keyword, "sector": sector}
                for pattern in {keyword, _plural(keyword)}:
                    self._insert(pattern, fields, Kind.SECTOR, source)

    # -- matching --------------------------------------------------------------------------

    def _scan(self, text: str) -> tuple[list[_Match], list[_Word]]:
        """Longest entries, left to right, without overlap; and the words of the text (the
        lists are shared: read them, do not change them)."""
        if len(text) <= _CACHED_PHRASE_LENGTH:
            scanned = self._scans.get(text)
            if scanned is None:
                if len(self._scans) >= _CACHED_PHRASES:
                    self._scans.clear()
                scanned = self._scans[text] = self._scan_text(text)
            return scanned
        return self._scan_text(text)

    def _scan_text(self, text: str) -> tuple[list[_Match], list[_Word]]:
        words = _words(text)
        keys = [w.text.lower() for w in words]
        matches: list[_Match] = []
        i = 0
        while i < len(words):
            node: _Node | None = self._root
            best: tuple[_Entry, int] | None = None
            j = i
            while j < len(words) and (j == i or words[j].joined):
                node = node.children.get(keys[j])
                if node is None:
                    break
                j += 1
                for entry in node.entries:
                    if (_case_ok(entry.words, words[i:j])
                            and _initials_dotted(entry.words, text, words[i:j])
                            and not self._part_of_longer_name(entry, words, i, j)):
                        best = (entry, j)
                        break
            if best is None:
                i += 1
                continue
            entry, j = best
            if not (_stance_prefixed(text, words, i) or (
                    entry.kind in (Kind.COUNTRY, Kind.CAPITAL, Kind.ADJECTIVE)
                    and _sponsor_suffixed(text, words, j)) or (
                    entry.kind in (Kind.COUNTRY, Kind.CAPITAL) and _body_named(words, i))):
                matches.append(_Match(entry, i, j, words[i].start, words[j - 1].end))
            i = j
        return matches, words

    def _part_of_longer_name(self, entry: _Entry, words: list[_Word], i: int, j: int) -> bool:
        """A one-word place or surname that forms a two-word name with the capitalised word
        after it, a word that starts no entry, is not an actor: "Jordan Peterson",
        "Chad Smith", "Georgia Tech", "Trump Tower", "India Today", nor a person's name
        before a name particle and a name ("Anwar al-Bunni"). Longer capitalised runs
        are institutions of the country ("Kenya Anti-Corruption Commission"), and all-caps
        text (headlines) is exempt."""
        if (entry.kind not in (Kind.PERSON, Kind.COUNTRY, Kind.CAPITAL)
                or j - i != 1 or j >= len(words) or not words[j].joined):
            return False
        following = words[j].text
        if (entry.kind is Kind.PERSON and following.lower() in _NAME_PARTICLES
                and j + 1 < len(words) and words[j + 1].joined
                and words[j + 1].text[0].isupper()):
            return True  # "Anwar al-Bunni", "Osama bin Laden": another person's name
        if not following[0].isupper() or words[i].text.isupper():
            return False
        if following.lower() in self._root.children:
            return False
        longer_run = j + 1 < len(words) and words[j + 1].joined and words[j + 1].text[0].isupper()
        return not longer_run

    # -- resolution ------------------------------------------------------------------------

    def _analyse(self, text: str) -> tuple[list[_Match], list[_Match]]:
        """Actor matches and keyword matches, each restricted to the phrase's head (the part
        before its first preposition) when the head has any."""
        matches, words = self._scan(text)
        covered = {k for m in matches for k in range(m.first, m.last)}
        head_end = len(text)
        for k, word in enumerate(words):
            if k > 0 and k not in covered and word.text.lower() in _PREPOSITIONS:
                head_end = word.start
                break

        def in_head(items: list[_Match]) -> list[_Match]:
            return [m for m in items if m.start < head_end] or items

        actors = [m for m in matches if m.entry.kind is not Kind.SECTOR
                  and (m.entry.codes or m.entry.sector or m.entry.person)]
        keywords = [m for m in matches if m.entry.kind is Kind.SECTOR
                    and not self._title_of_another_body(m, text, matches)]
        return in_head(actors), in_head(keywords)

    def _title_of_another_body(self, keyword: _Match, text: str, matches: list[_Match]) -> bool:
        """A shared title ("president") before "of" and a name the tables do not know:
        the head of some other body ("president of Women Arise"), no state's official."""
        if text[keyword.start:keyword.end].lower() not in _SHARED_TITLES:
            return False
        after = _OF_A_NAME.match(text, keyword.end)
        return after is not None and not any(
            m.start == after.end() - 1 or m.start == after.start("name") for m in matches
            if m.entry.kind is not Kind.SECTOR)

    def _keyword_sector(self, keywords: list[_Match]) -> _Match | None:
        """The keyword whose sector comes first in sectors.tsv ("rebel soldiers" -> REB)."""
        order = {s: k for k, s in enumerate(self._sector_order)}
        return min(keywords, key=lambda m: order.get(m.entry.sector, len(order)), default=None)

    def _codes(self, m: _Match, text: str, when: date | None,
               keyword_sector: str | None) -> list[ActorCode]:
        """What one actor match resolves to (several codes for a group)."""
        entry = m.entry
        codes, own_sector, fallback = entry.codes, entry.sector, True
        if entry.kind is Kind.PERSON:
            code, own_sector, fallback = self._role_on(entry.person, when)
            codes = (code,) if code else ()
        bare = entry.kind in (Kind.COUNTRY, Kind.CAPITAL) or len(codes) > 1
        if own_sector is None and fallback:
            own_sector = keyword_sector or ("GOV" if bare else None)
        elif own_sector is None and not _PAST_OFFICE.search(text):
            # out of the roles we know, but given a title here ("Foreign Minister X"): the
            # article tells the role, unless it calls the person former
            own_sector = keyword_sector
        elif own_sector == "PTY" and keyword_sector == "OPP":
            own_sector = "OPP"  # "the main opposition party, Chadema": a party in opposition
        matched = text[m.start:m.end]
        if len(codes) > 1:
            return [ActorCode(c, own_sector, self._country_name(c), matched, m.start, m.end)
                    for c in codes]
        return [ActorCode(codes[0] if codes else None, own_sector, entry.name, matched,
                          m.start, m.end)]

    def _country_name(self, code: str) -> str:
        info = self._countries.get(code)
        return info.name if info else code

    def _role_on(self, person: str | None, when: date | None) -> tuple[str | None, str | None, bool]:
        """(code, sector, sector may fall back to keywords) of a person's role on `when`."""
        roles = self._roles.get(person or "", [])
        if not roles:
            return None, None, True
        if when is None:
            role = roles[-1]
            return role.code, role.sector, True
        covering = [r for r in roles if r.start <= when <= r.end]
        if covering:
            role = covering[-1]
            return role.code, role.sector, True

        def distance(r: _Role) -> timedelta:
            return r.start - when if when < r.start else when - r.end

        # Out of office: still of that country, but not its government.
        return min(roles, key=distance).code, None, False

    @staticmethod
    def _as_date(when: date | None) -> date | None:
        return when.date() if isinstance(when, datetime) else when

    def resolve(self, text: str, when: date | None = None) -> ActorCode | None:
        """The best single resolution of an actor phrase.

        A named person beats an organization ("UN envoy Vassily Nebenzia" is Russia's
        envoy), which beats a country ("Chinese Foreign Ministry spokesman Geng Shuang" is
        Geng Shuang); among equals the leftmost wins. The sector is the
        person's or organization's own, else the strongest keyword in the phrase, else GOV
        for a bare country or capital name ("Pyongyang"), else None ("the Chinese").
        """
        when = self._as_date(when)
        actors, keywords = self._analyse(text)
        keyword = self._keyword_sector(keywords)
        keyword_sector = keyword.entry.sector if keyword else None

        affiliation = affiliation_of(text)
        noted = affiliation.pattern.search(text) if affiliation is not None else None
        if noted is not None:  # "Republican of Georgia": the region is no country here
            actors = [m for m in actors if not noted.start() <= m.start < noted.end()]

        def rank(m: _Match) -> tuple[int, int]:
            # a named person first ("UN envoy Vassily Nebenzia" is Russia's envoy), then a body
            coded = bool(m.entry.codes or m.entry.person)
            return (int(m.entry.kind) if coded and m.entry.kind <= Kind.ORG
                    else 2 if coded else 3, m.start)

        if actors:
            best = min(actors, key=rank)
            if best.entry.sector == "IGO" and names_a_post(text):
                # "China's U.N. ambassador": the country's envoy to the body
                country = next((m for m in actors if m.start < best.start
                                and Kind.COUNTRY <= m.entry.kind <= Kind.ADJECTIVE), None)
                if country is not None:
                    return self._codes(country, text, when, "GOV")[0]
            return self._codes(best, text, when, keyword_sector)[0]
        titled = self._titled_person(text, when)
        if titled is not None:  # "President Lee": the one Lee in that office on the day
            return titled
        if affiliation is not None:  # "Rep. Dana Kell, R-Texas"
            return ActorCode(affiliation.code, keyword_sector or affiliation.sector,
                             self._country_name(affiliation.code), noted.group(),
                             noted.start(), noted.end())
        office = _SOLE_OFFICE.match(text)
        if office is not None:  # "the Pope": the one holder's state, not the story's setting
            code = _SOLE_OFFICES[office.group("title").lower()]
            return ActorCode(code, keyword_sector or "GOV", self._country_name(code),
                             office.group("title"), office.start("title"),
                             office.end("title"))
        if keyword:
            return ActorCode(None, keyword_sector, keyword.entry.name,
                             text[keyword.start:keyword.end], keyword.start, keyword.end)
        return None

    def is_country_match(self, found: ActorCode | None) -> bool:
        """Whether a resolution comes from a country's name, adjective or capital, not from
        a person or a body."""
        return found is not None and bool(found.code) and (
            found.name == self._country_name(found.code))

    def is_body_match(self, found: ActorCode | None) -> bool:
        """Whether a resolution comes from an organization's row: a named body, not a
        country, a person or a keyword."""
        return (found is not None and bool(found.code) and not self.is_country_match(found)
                and found.name not in self._roles)

    def body_of(self, found: ActorCode | None) -> str | None:
        """The named body a resolution is, which tells two parties of one country apart: the
        organization's name, except that a state's regular forces are one body however
        named ("the IDF", "Israeli troops", "the Israeli army": its armed forces), and other
        armed bodies of that country (the Rapid Support Forces) are others; None for any
        other country match, a person or a keyword."""
        if self.is_body_match(found):
            if found.name in self._regular_forces:
                return f"armed forces of {found.code}"
            return found.name
        if self.is_country_match(found) and found.sector == "MIL":
            return f"armed forces of {found.code}"
        return None

    def body_called(self, found: ActorCode | None, noun: str) -> bool:
        """Whether a resolution is a named body one of whose names has the word `noun` ("the
        Pentagon", also called the Department of Defense, for "department")."""
        return self.is_body_match(found) and noun in self._body_words.get(found.name, ())

    def resolve_beside_names(self, text: str, when: date | None,
                             names: Sequence[tuple[int, int]]) -> ActorCode | None:
        """`resolve`, where a country's name or capital that is only part of a person's name
        (`names`: offsets in `text`) is the person's, not the country: "Senator Paulo Lima of
        Brazil's ruling party" is Brazil's, not Peru's."""
        found = self.resolve(text, when)
        for _ in range(3):  # a name may hold more than one such word
            if (not self.is_country_match(found)
                    or not any(start <= found.start and found.end <= end
                               and (start, end) != (found.start, found.end)
                               for start, end in names)):
                return found
            text = text[:found.start] + " " * (found.end - found.start) + text[found.end:]
            found = self.resolve(text, when)
        return found

    def name_end(self, text: str, start: int, end: int) -> int | None:
        """Where a person's or organization's name that begins inside text[start:end] and runs
        past `end` ends: the rest of a name the parse cut at a preposition ("Reporters" of
        "Reporters Without Borders"). None when no such name does."""
        window = text[start:end + _NAME_REACH]
        for m in self._scan(window)[0]:
            if m.entry.kind <= Kind.ORG and m.start < end - start < m.end:
                return start + m.end
        return None

    def name_after(self, text: str, end: int) -> int | None:
        """Where a person's or organization's name that begins right after text[:end], one
        space on, ends: the name a description is followed by in apposition ("the West
        African bloc ECOWAS"). None when no name begins there."""
        if text[end:end + 1] != " " or not text[end + 1:end + 2].isupper():
            return None
        window = text[end + 1:end + 1 + _NAME_REACH]
        for m in self._scan(window)[0]:
            if m.start == 0 and m.entry.kind <= Kind.ORG:
                return end + 1 + m.end
        return None

    def resolve_all(self, text: str, when: date | None = None) -> list[ActorCode]:
        """Every distinct actor of a compound phrase, left to right ("the defense chiefs of
        South Korea and the US" -> KOR MIL, USA MIL). A country named alongside a person or
        body of the same country is not repeated ("US President Donald Trump" -> one)."""
        when = self._as_date(when)
        actors, keywords = self._analyse(text)
        keyword = self._keyword_sector(keywords)
        keyword_sector = keyword.entry.sector if keyword else None
        found: list[tuple[_Match, ActorCode]] = []
        for m in actors:
            found += [(m, code) for code in self._codes(m, text, when, keyword_sector)
                      if code.code is not None]
        specific = {code.code for m, code in found if m.entry.kind <= Kind.ORG}
        members: list[ActorCode] = []
        seen: set[tuple[str | None, str | None]] = set()
        for m, code in found:
            if m.entry.kind > Kind.ORG and code.code in specific:
                continue
            if (code.code, code.sector) not in seen:
                seen.add((code.code, code.sector))
                members.append(code)
        if not members:
            single = self.resolve(text, when)
            return [single] if single else []
        return members

    def find_countries(self, text: str) -> list[ActorCode]:
        """Every mention of a country by name, alias, adjective or capital, with offsets.
        Names inside longer entries ("Korean Central News Agency") and currencies ("US$50
        million", "Hong Kong dollars") are not mentions."""
        return [ActorCode(m.entry.codes[0], None, m.entry.name, text[m.start:m.end],
                          m.start, m.end)
                for m in self._scan(text)[0]
                if Kind.COUNTRY <= m.entry.kind <= Kind.ADJECTIVE
                and not _CURRENCY.match(text, m.end)]

    def find_demonyms(self, text: str) -> list[ActorCode]:
        """Every mention of a country by its adjective or demonym ("Russian", "Sudanese"),
        with offsets."""
        return [ActorCode(m.entry.codes[0], None, m.entry.name, text[m.start:m.end],
                          m.start, m.end)
                for m in self._scan(text)[0]
                if m.entry.kind is Kind.ADJECTIVE and not _CURRENCY.match(text, m.end)]

    def country(self, code: str) -> CountryInfo | None:
        return self._countries.get(code)

    def state_of(self, code: str) -> str:
        """The code a party of this country is coded with: a dependency's controlling
        state (Puerto Rico -> USA, the PLOVER manual's "Country names"), else the code."""
        return self._states.get(code, code)

    def sector_of(self, text: str) -> str | None:
        """The sector that keywords alone give a phrase ("protesters" -> CVL)."""
        _, keywords = self._analyse(text)
        keyword = self._keyword_sector(keywords)
        return keyword.entry.sector if keyword else None

    def _titled_person(self, text: str, when: date | None) -> ActorCode | None:
        """A person called by the title of their role and one word of their name ("President
        Lee", "Chancellor Merz"): the one person the table has in a role of that title on
        the article's date with that name word, if there is exactly one. Surnames alone are
        ambiguous; the title and the day make them unique in the news."""
        named = _LAST_NAME_WORD.search(text)
        if named is None or when is None:
            return None
        before = text[: named.start()].split()
        for size in range(min(TITLE_WORDS, len(before)), 0, -1):
            written = before[-size:]
            title = " ".join(written).lower()
            if not all(w[:1].isupper() or w in ("of", "for") for w in written) or (
                    (title, named.group("name").lower()) not in self._titled):
                continue
            holders = [person for person in self._titled[(title, named.group("name").lower())]
                       if any(r.title == title and r.start <= when <= r.end
                              for r in self._roles[person])]
            if len(holders) != 1:
                return None
            code, sector, _ = self._role_on(holders[0], when)
            start = len(text[: named.start()].rstrip()) - len(" ".join(written))
            return ActorCode(code, sector, holders[0], text[start : named.end("name")], start,
                             named.end("name"))
        return None

    def person(self, name: str, when: date | None = None) -> ActorCode | None:
        """A person by any name variant, in the role they held on `when` (None: latest)."""
        when = self._as_date(when)
        for m in self._scan(name)[0]:
            if m.entry.kind is Kind.PERSON:
                return self._codes(m, name, when, None)[0]
        return None


@cache
def _default_dictionary() -> ActorDictionary:
    return ActorDictionary.load()
