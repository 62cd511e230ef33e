"""Offline gazetteer: place names in text -> coordinates and country.

Sources (formats in sitrep/data/places/README.md): countries and capitals from
sitrep/data/actors/countries.tsv; first-level regions and cities of 15,000+ people from a
GeoNames extract (regions.tsv, cities.tsv.gz); hand-curated seas, islands, bases and regions
(features.tsv), all held in memory; places of 500 to 15,000 people and second-level
divisions (counties, parishes, districts) in an SQLite file read on demand
(local_places.sqlite), so that loading stays fast and small. Every name is indexed under a
normalised key (accents folded, lowercase, words joined by one space); text is read word by
word, taking the longest known name at each word.
"""

from __future__ import annotations

import calendar
import copy
import gzip
import os
import re
import sqlite3
import threading
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence

from sitrep.package_data import data_path, read_toml
from sitrep.records import Location
from sitrep.resolve.place_ranker import rerank
from sitrep.resolve.place_records import (
    MIN_ALONE_POPULATION, WORD, WRITTEN_OUT, Place, PlaceMention, distance_km, fold, is_small,
    is_well_known, name_key, region_of)

PLACES_DIR = data_path("places")

# Which kind of place a bare name most likely means: a curated feature (features.tsv), then
# a country, its capital, a first-level region, a city.
_RANK = {"feature": 0, "country": 1, "capital": 2, "admin1": 3, "city": 4, "admin2": 4.5}
# A city this large beats a same-country region of the same name (Istanbul, Aleppo, Donetsk).
_BIG_CITY = 300_000
# ... unless that region is its own and the city holds less than this share of its people.
_CITY_SHARE_OF_REGION = 0.2
# A place that bears a name only as an alternate, with under this share of the people of a
# place whose own name it is, is no candidate for that name: the source's alternates hold
# old and mistaken names ("New York" for a small York on the Plains).
_ALTERNATE_SHARE = 0.1
# A town this close to a county the article names may be what its bare name means there.
_DIVISION_REACH_KM = 100
# Word lists around place names (sitrep/data/places/words.toml, README beside it).
_WORDS = read_toml("places/words.toml")
_REGION_SUFFIXES = frozenset(_WORDS["region_suffixes"])
# Words that are place names too but, standing alone, mean something else: months, days,
# compass points ("in March", "the West"). They name a place only with a hint: "March,
# Cambridgeshire", "the town of West".
_NEVER_ALONE = frozenset(
    w.lower() for w in [*calendar.month_name[1:], *calendar.day_name, *_WORDS["never_alone"]])
# How many of a name's places are weighed against the article's other names.
_AGREEMENT_CANDIDATES = 12
_DIVISION_WORDS = tuple(_WORDS["division_words"])
_NAME_ENDING_DIVISIONS = (_REGION_SUFFIXES | frozenset(_WORDS["division_words"])
                          | frozenset(_WORDS["city_words"]))
_OWNED_THINGS = frozenset(_WORDS["owned_things"])
# A capitalised word right after a name, other than a type word that keeps the whole the
# place's own ("Hamilton Township", "Kanawha County") or a street's ("Revere Street"): the
# name begins a longer one ("Union Carbide", "Superior Court").
_OWN_TYPE_WORDS = (_NAME_ENDING_DIVISIONS | frozenset(_WORDS["township_words"])
                   | frozenset(_WORDS["street_words"]))
_LONGER_NAME_AFTER = re.compile(rf" (?!(?i:{'|'.join(sorted(_OWN_TYPE_WORDS))})\b)[A-Z]")
# `_candidates_for`'s kind for a place name that begins a landmark's ("Hyde Park Corner")
LANDMARK = "landmark"
_LISTED_DIVISIONS: dict[str, str] = _WORDS["listed_divisions"]
# Words between the names of such a list ("Madison and Barrow", "from Ellsworth to Riley
# counties"), and the marks that open one after its type word ("three counties: ...").
LIST_JOINERS = frozenset({"and", "or", "to", "through"})
LIST_OPENERS = frozenset({":", "\u2014", "\u2013", "--"})
# What may separate the words of one name: "Seongju-gun", "Washington D.C.", "P'yongyang".
_SOFT_GAP = " -\u2010\u2011\u2013.'\u2019"
_LOCATIVE = frozenset(_WORDS["locative"])
# A party's initial and a hyphen after a comma or bracket, as US news writes a legislator's
# party and home ("Sen. Ann Cole, D-Kanawha,", "(R-Fairfax)"): a place, a county's name
# without its type word (words.toml).
_AFFILIATION_BEFORE = re.compile(
    rf"[,(]\s*(?:{'|'.join(map(re.escape, _WORDS['party_initials']))})-$")
_DESCRIPTOR_KIND: dict[str, str] = _WORDS["descriptors"]
_DESCRIPTOR = re.compile(rf"\b({'|'.join(_DESCRIPTOR_KIND)})\s+of\s+", re.I)


# A possessive name that opens a description before a name ("the C.A.R.'s capital, Bangui").
POSSESSOR = re.compile(r"^(?:the\s+)?[^\s,]+(?:\s+[A-Z][^\s,]*)*['’]s\s+")

class _Entry(NamedTuple):
    place: Place
    rank: float  # _RANK of its kind (lower wins)
    primary: bool  # the key is the place's own name, not an alternate


def _without_shadowed_alternates(entries: list[_Entry]) -> list[_Entry]:
    """`entries` less the places that bear the name only as an alternate and are far
    smaller than one whose own name it is (`_ALTERNATE_SHARE`)."""
    own = max((e.place.population or 0 for e in entries if e.primary), default=0)
    if not own or all(e.primary for e in entries):
        return entries
    return [e for e in entries
            if e.primary or (e.place.population or 0) >= _ALTERNATE_SHARE * own]


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    key: str
    joined: bool  # only a soft gap separates it from the previous word


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    previous_end: int | None = None
    for m in WORD.finditer(text):
        joined = previous_end is not None and not text[previous_end:m.start()].strip(_SOFT_GAP)
        key = fold(m.group())
        words.append(_Word(m.start(), m.end(), m.group(), WRITTEN_OUT.get(key, key), joined))
        previous_end = m.end()
    return words


def _key(words: list[_Word], first: int, last: int) -> str:
    """The lookup key of the name written by words[first:last]."""
    return " ".join(w.key for w in words[first:last])


def _listed_divisions(text: str, words: list[_Word]) -> dict[int, str]:
    """The words of the names listed before "counties" or "parishes" ("Clarke, Oconee,
    Madison and Barrow counties"), each with the singular type word: a name may start at
    any of them (a capitalised word before it may be no part of it: "In Orleans and ...")."""
    out: dict[int, str] = {}
    for n, word in enumerate(words):
        suffix = _LISTED_DIVISIONS.get(word.key)
        if suffix is None:
            continue
        i = n - 1
        while i >= 0 and words[i].text[0].isupper():
            start = i
            while start > 0 and words[start].joined and words[start - 1].text[0].isupper():
                start -= 1
            out.update(dict.fromkeys(range(start, i + 1), suffix))  # "In Orleans and ..."
            i = start - 1
            if i >= 0 and words[i].key in LIST_JOINERS:  # "Madison and Barrow", "from
                i -= 1  # Ellsworth to Riley counties"
            elif i < 0 or text[words[i].end:words[start].start].strip() != ",":
                break
        out.update(_listed_after(text, words, n, suffix))
    return out


def _listed_after(text: str, words: list[_Word], n: int, suffix: str) -> dict[int, str]:
    """The words of the names listed after the type word at `n` ("three counties: Douglas,
    Lancaster and Sarpy", "counties such as Leavenworth and Shawnee")."""
    i = n + 1
    if i + 1 < len(words) and words[i].key == "such" and words[i + 1].key == "as":
        i += 2
    elif i < len(words) and words[i].key == "including":
        i += 1
    elif i >= len(words) or text[words[n].end:words[i].start].strip() not in LIST_OPENERS:
        return {}
    out: dict[int, str] = {}
    while i < len(words) and words[i].text[0].isupper():
        end = i + 1
        while end < len(words) and words[end].joined and words[end].text[0].isupper():
            end += 1
        out.update(dict.fromkeys(range(i, end), suffix))
        if end < len(words) and words[end].key in ("and", "or"):
            i = end + 1
        elif end < len(words) and text[words[end - 1].end:words[end].start].strip() == ",":
            i = end
        else:
            break
    return out


def _lists_on(text: str, words: list[_Word], found: tuple[int, int, list]) -> bool:
    """Whether a town's name after "X, " goes on to "and", "or" or a comma and another
    name ("Monroe, Trenton and Seven Mile"): a list of towns, not a town and where it
    lies ("Monroe, Ohio"; "Greer, S.C., and Spartanburg": a state's is never a list's)."""
    _, last, entries = found
    if last >= len(words) or any(e.place.kind != "city" for e in entries):
        return False
    gap = text[words[last - 1].end:words[last].start].strip()
    word = words[last]
    if word.key in ("and", "or"):  # "Sulphur Springs, Greenville and even Dallas"
        return gap in ("", ",")
    return gap == "," and word.text[0].isupper()


def _runs_on(text: str, words: list[_Word], last: int) -> bool:
    """Whether the word before `last` goes on through an apostrophe into more letters
    ("Baha'i"), other than a possessive "'s"."""
    if last >= len(words) or not words[last].joined:
        return False
    gap = text[words[last - 1].end:words[last].start]
    return gap in ("'", "\u2019") and words[last].key != "s"


def _tsv_rows(lines: Iterator[str]) -> Iterator[dict[str, str]]:
    header: list[str] | None = None
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        yield dict(zip(header, cells))


def _read(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        yield from _tsv_rows(f)


def _variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


class _LocalPlaces:
    """The small places and second-level divisions of local_places.sqlite, read on demand.
    Each process opens its own read-only connection (workers may be forked), and answers
    are memoised: news repeats its names."""

    _MEMO_SIZE = 50_000

    def __init__(self, path: Path) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self._heads: dict[str, int] = {}
        self._entries: dict[str, list[_Entry]] = {}

    def _query(self, sql: str, parameter: str) -> list[tuple]:
        with self._lock:
            if self._connection is None or self._pid != os.getpid():
                self._connection = sqlite3.connect(
                    f"{self._path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                    check_same_thread=False)
                self._pid = os.getpid()
            return self._connection.execute(sql, (parameter,)).fetchall()

    def most_words(self, first: str) -> int:
        """How many words after `first` the longest name starting with it has; -1: none."""
        most = self._heads.get(first)
        if most is None:
            rows = self._query("SELECT most FROM head WHERE word = ?", first)
            most = rows[0][0] if rows else -1
            if len(self._heads) >= self._MEMO_SIZE:
                self._heads.clear()
            self._heads[first] = most
        return most

    def entries(self, key: str) -> list[_Entry]:
        found = self._entries.get(key)
        if found is None:
            found = [] if self.most_words(key.partition(" ")[0]) < 0 else [
                _Entry(Place(name, kind, country, lat, lon, admin1 or None, population),
                       _RANK[kind], bool(primary))
                for name, kind, country, admin1, lat, lon, population, primary in self._query(
                    "SELECT p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population,"
                    " n.is_primary FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?",
                    key)]
            if len(self._entries) >= self._MEMO_SIZE:
                self._entries.clear()
            self._entries[key] = found
        return found


class Gazetteer:
    """Every place name the packaged tables know, under a normalised key."""

    def __init__(self) -> None:
        self._index: dict[str, list[_Entry]] = {}
        self._max_words: dict[str, int] = {}  # first word of a key -> most words after it
        self._common: frozenset[str] = frozenset()
        self._local: _LocalPlaces | None = None
        self._well_known: Gazetteer | None = None
        self._abbreviations: dict[str, Place] = {}  # "w va" -> West Virginia

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged tables, loaded once per process."""
        return _default_gazetteer()

    @classmethod
    def load(cls, places_dir: Path = PLACES_DIR,
             countries_file: Path = data_path("actors/countries.tsv")) -> Gazetteer:
        g = cls()
        g._load_countries(countries_file)
        regions, called_with_type = g._load_regions(places_dir / "regions.tsv",
                                                    places_dir / "regions_extra.tsv")
        for row in _read(places_dir / "abbreviations.tsv"):
            for abbreviation in _variants(row["abbreviations"]):
                g._abbreviations[name_key(abbreviation)] = regions[row["key"]]
        g._prefer_own_regions(regions.values())
        g._load_cities(places_dir / "cities.tsv.gz", regions)
        g._load_features(places_dir / "features.tsv")
        g._load_aliases(places_dir / "aliases.tsv")
        if (places_dir / "local_places.sqlite").exists():
            g._local = _LocalPlaces(places_dir / "local_places.sqlite")
        words = (places_dir / "common_words.txt").read_text(encoding="utf-8")
        g._common = frozenset(w for line in words.splitlines() if not line.startswith("#")
                              for w in line.split())
        for key, entries in g._index.items():
            if len(entries) > 1:
                _rank_cities_over_smaller_regions(key, entries, called_with_type.get(key, ()))
                entries.sort(key=_entry_order)
        return g

    # -- loading ---------------------------------------------------------------------------

    def _add(self, name: str, place: Place, primary: bool, rank: int) -> None:
        key = name_key(name)
        if not key:
            return
        entries = self._index.get(key)
        if entries is None:
            self._index[key] = [_Entry(place, rank, primary)]
        elif entries[-1].place is not place:  # a place's names come one after another
            entries.append(_Entry(place, rank, primary))
        else:
            return
        space = key.find(" ")
        first, n = (key, 0) if space < 0 else (key[:space], key.count(" "))
        if n > self._max_words.get(first, -1):
            self._max_words[first] = n

    def _load_countries(self, path: Path) -> None:
        for row in _read(path):
            if not row["lat"]:
                continue
            code = row["code"]
            country = Place(row["name"], "country", code, float(row["lat"]), float(row["lon"]))
            self._add(row["name"], country, True, _RANK["country"])
            for alias in _variants(row["aliases"]):
                self._add(alias, country, True, _RANK["country"])
            capitals = _variants(row["capitals"])
            if capitals and row["capital_lat"]:
                capital = Place(capitals[0], "capital", code, float(row["capital_lat"]),
                                float(row["capital_lon"]))
                # Only spellings of the capital itself: later variants may be metonyms.
                for name in capitals:
                    if name.split()[0] == capitals[0].split()[0] or fold(name)[:4] == fold(
                            capitals[0])[:4]:
                        self._add(name, capital, name == capitals[0], _RANK["capital"])

    def _prefer_own_regions(self, regions: Iterable[Place]) -> None:
        """A country's other name that is one of its own first-level regions' names means
        the region (England, Scotland, Svalbard), at the region's point: the country's
        own name (Mexico, Luxembourg) still means the country."""
        for region in regions:
            entries = self._index.get(name_key(region.name), [])
            if any(e.place.kind == "country" and e.place.country == region.country
                   and name_key(e.place.name) != name_key(region.name) for e in entries):
                entries[:] = [e for e in entries if not (
                    e.place.kind == "country" and e.place.country == region.country)]

    def _load_regions(self, path: Path, extra: Path
                      ) -> tuple[dict[str, Place], dict[str, set[str]]]:
        """The regions by key, and for a name X the regions English calls "<type> of X"
        ("Canton of Geneva", "District of Porto"), by their names."""
        extras = {row["key"]: row for row in _read(extra)}
        regions: dict[str, Place] = {}
        called_with_type: dict[str, set[str]] = {}
        for row in _read(path):
            override = extras.get(row["key"])
            name = override["name"] if override and override["name"] else row["name"]
            aliases = _variants(row["aliases"]) + [row["name"]]
            if override:
                aliases += _variants(override["aliases"])
            place = Place(name, "admin1", row["country"], float(row["lat"]), float(row["lon"]),
                          population=int(row["population"]) if row["population"] else None)
            regions[row["key"]] = place
            for alias in [name, *aliases]:
                self._add(alias, place, True, _RANK["admin1"])
                short = alias.removeprefix(f"{row['type']} of ")
                if row["type"] and short != alias:
                    called_with_type.setdefault(name_key(short), set()).add(name)
        return regions, called_with_type

    def _load_cities(self, path: Path, regions: dict[str, Place]) -> None:
        add, city_rank = self._add, _RANK["city"]
        with gzip.open(path, "rt", encoding="utf-8") as f:
            header = None
            for line in f:
                if line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                if header is None:  # name alternates country admin1 lat lon population
                    header = cells
                    continue
                name, alternates, country, admin1, lat, lon, population = cells
                region = regions.get(admin1)
                place = Place(name, "city", country, float(lat), float(lon),
                              region.name if region else None, int(population))
                # Large cities rank just above a region of their name (Istanbul, Aleppo),
                # unless that region is their own and many times larger (Quebec).
                rank = city_rank if place.population < _BIG_CITY or (
                    region is not None and region.population
                    and name_key(region.name) == name_key(name)
                    and place.population < _CITY_SHARE_OF_REGION * region.population
                ) else _RANK["admin1"] - 0.5
                add(name, place, True, rank)
                if alternates:
                    for alt in alternates.split("|"):
                        add(alt, place, False, rank)

    def _load_features(self, path: Path) -> None:
        for row in _read(path):
            names = _variants(row["names"])
            place = Place(names[0], row["kind"], row["country"] or None, float(row["lat"]),
                          float(row["lon"]), row["admin1"] or None)
            for name in names:
                self._add(name, place, True, _RANK["feature"])

    def _load_aliases(self, path: Path) -> None:
        """Short names of cities ("L.A."), each added to the place its row picks out."""
        for row in _read(path):
            entry = next((e for e in self._index.get(name_key(row["name"]), ())
                          if e.place.country == row["country"]
                          and (not row["admin1"] or e.place.admin1 == row["admin1"])
                          and e.place.kind in ("city", "capital")), None)
            if entry is None:
                raise ValueError(f"{path.name}: no city {row['name']!r} for {row['alias']!r}")
            self._add(row["alias"], entry.place, False, entry.rank)

    def well_known(self) -> Gazetteer:
        """The same gazetteer without its small places and second-level divisions: for
        reading a party's country from a phrase ("leaders of the X coalition"), where a
        village that shares a word of a name would be a wild guess."""
        if self._local is None:
            return self
        if self._well_known is None:
            view = copy.copy(self)
            view._local = None
            self._well_known = view
        return self._well_known

    # -- lookup ----------------------------------------------------------------------------

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place called `name`, most likely first (without context)."""
        return tuple(e.place for e in self._lookup(name_key(name)))

    def _lookup(self, key: str) -> list[_Entry]:
        """Entries under `key`, most likely first; "gangwon province" is also looked up as
        the region Gangwon."""
        entries = self._index.get(key, [])
        if self._local is not None:
            local = self._local.entries(key)
            if local:
                entries = sorted(entries + local, key=_entry_order)
        if entries:
            return _without_shadowed_alternates(entries)
        head, _, suffix = key.rpartition(" ")
        if head and suffix in _REGION_SUFFIXES:
            return [e for e in self._index.get(head, ()) if e.place.kind == "admin1"]
        return []

    def abbreviated_region(self, abbreviation: str) -> Place | None:
        """The region a state's or province's abbreviation names, printed with its final
        period ("Ill.", "W.Va."), wherever it stands: the caller says it is one."""
        if not abbreviation.endswith("."):
            return None
        return self._abbreviations.get(name_key(abbreviation))

    def division_named(self, name: str, *, context_countries: Sequence[str] = ()
                       ) -> Place | None:
        """The county or parish `name` is short for, when it is known by no other name
        ("Kanawha": Kanawha County): for a name given as a place, not for reading text,
        where such a word is more often a person's or a street's."""
        key = name_key(name)
        for division in _DIVISION_WORDS:
            places = [e.place for e in self._lookup(f"{key} {division}")
                      if e.place.kind == "admin2"]
            if places:
                return _choose(places, context_countries, None)
        return None

    def find(self, text: str, *, common_words_too: bool = False) -> list[PlaceMention]:
        """All place names in `text` with their offsets, longest match first at each word.
        In "X, Y" (Okinawa, Japan) Y narrows the candidates of X. A common word's or a
        hamlet's name (`_is_common_word`) the text makes a place once ("in Monroe") is
        one wherever it recurs, unless it begins a longer name there; `common_words_too`:
        every such name is given, for a caller that weighs them by other evidence."""
        words = _words(text)
        found: list[tuple[int, int, list[_Entry]]] = []  # word span and entries
        abbreviations: set[int] = set()  # first words of abbreviations found
        listed_divisions = _listed_divisions(text, words)
        i = 0
        while i < len(words):
            match = None
            if (found and found[-1][1] == i or words[i].text.isupper()
                    or i > 0 and words[i - 1].text[:1].isupper()):
                # "Thackerville, Okla.": after a town the gazetteer lacks too
                match = self._abbreviation_at(text, words, i)  # not Minden (alias Minn)
                if match is not None:
                    abbreviations.add(i)
            if match is None and i in listed_divisions:
                match = self._division_at(words, i, listed_divisions[i])
            if match is None and after_a_party_initial(text, words[i].start):
                match = self._affiliation_at(words, i)
            if match is None:
                match = self._match_at(words, i)
            if match is None:
                i += 1
                continue
            last, entries = match
            if _runs_on(text, words, last):
                i = last  # "Baha'i", "O'Neill": a longer word, not the name
                continue
            found.append((i, last, entries))
            i = last
        after_comma = [found[n + 1][2] if n + 1 < len(found) and self._comma_between(
            text, words, last, found[n + 1][0]) and found[n + 1][0] not in (
            listed_divisions) else None  # "Clarke, Oconee and Barrow counties": a list
            for n, (_, last, _) in enumerate(found)]
        # a town listed next is no town it lies by ("Monroe, Trenton and Seven Mile"),
        # though it makes the name a place as much
        followers = [None if following is not None and _lists_on(text, words, found[n + 1])
                     else following for n, following in enumerate(after_comma)]
        common = [first not in listed_divisions and self._is_common_word(
            words, first, last, entries, text, following)
            for (first, last, entries), following in zip(found, after_comma)]
        # one sense per article: a common word or hamlet's name the text once makes a place
        # ("in Monroe", "Monroe, Ohio") is a candidate wherever it recurs on its own
        placed = {_key(words, first, last) for (first, last, _), is_common
                  in zip(found, common) if not is_common}
        mentions = []
        narrowing: Place | None = None  # what the previous name's narrowing read this one as
        for n, (first, last, entries) in enumerate(found):
            read_as, narrowing = narrowing, None
            following = followers[n]
            if common[n] and not common_words_too and (
                    _key(words, first, last) not in placed
                    or begins_a_longer_name(text, words[last - 1].end)):
                continue
            if _key(words, first, last) in _NEVER_ALONE and (
                    following is None or first > 0 and words[first - 1].text.isdigit()):
                continue  # "in March", "the West"; "Route 9 South, Dover": a direction
            places = [e.place for e in entries]
            if read_as is not None:  # "Laurens County, Georgia": Georgia is the US state
                places.remove(read_as)
                places.insert(0, read_as)
            if following is not None:
                places, narrowing = _narrowed_by_any(places, [e.place for e in following])
                if narrowing is None:
                    places = _lacked_in(places, [e.place for e in following])
            start, end = words[first].start, words[last - 1].end
            mentions.append(PlaceMention(text[start:end], start, end, tuple(places),
                                         hinted=following is not None or read_as is not None,
                                         abbreviation=first in abbreviations,
                                         listed_division=first in listed_divisions))
        return mentions

    def _abbreviation_at(self, text: str, words: list[_Word],
                         i: int) -> tuple[int, list[_Entry]] | None:
        """A region's abbreviation with its final period right after "<place>, " or a
        capitalised word and a comma ("Salisbury, Md.", "Charleston, W.Va.", "Thackerville,
        Okla."), or anywhere when it is dotted initials,
        which are no word ("the S.C. Highway Patrol")."""
        after_a_place = i > 0 and text[words[i - 1].end:words[i].start].strip() == ","
        for end in (i + 3, i + 2, i + 1):  # "P.E.I.", "W.Va.", "Md."
            if end > len(words) or not all(w.joined for w in words[i + 1:end]):
                continue
            if not after_a_place and (end == i + 1 or text[words[i].end] != "."):
                continue
            region = self._abbreviations.get(_key(words, i, end))
            if region is not None and text[words[end - 1].end:words[end - 1].end + 1] == ".":
                return end, [_Entry(region, _RANK["admin1"], True)]
        return None

    def _division_at(self, words: list[_Word], i: int,
                     suffix: str) -> tuple[int, list[_Entry]] | None:
        """"Oconee" in "Clarke, Oconee and Barrow counties": the division, by its name and
        the type word the list ends with."""
        last = i + 1
        while last < len(words) and words[last].joined and words[last].text[0].isupper():
            last += 1
        for end in range(last, i, -1):
            entries = [e for e in self._lookup(_key(words, i, end) + " "
                                               + suffix) if e.place.kind == "admin2"]
            if entries:
                return end, entries
        return None

    def _affiliation_at(self, words: list[_Word], i: int) -> tuple[int, list[_Entry]] | None:
        """The home a legislator's party initial names ("D-Kanawha"): a county's name
        without its type word, as districts are named, unless a longer name or a region's
        or country's is written ("D-Story City", "R-Texas")."""
        name = self._match_at(words, i)
        if name is not None and any(e.place.kind in ("admin1", "country") for e in name[1]):
            return name
        division = self._division_at(words, i, _DIVISION_WORDS[0])
        if division is None or name is not None and name[0] > division[0]:
            return name
        return division

    def _match_at(self, words: list[_Word], i: int) -> tuple[int, list[_Entry]] | None:
        first = words[i]
        if not (first.text[0].isupper() or first.text[0].isdigit()):
            return None  # names start capitalised: "turkey" is a bird, "nice" an adjective
        most = self._max_words.get(first.key, -1)
        if self._local is not None:
            most = max(most, self._local.most_words(first.key))
        if most < 0:
            return None
        most += 1  # room for a region suffix: "Donetsk Oblast"
        last = i + 1
        while last < len(words) and last - i <= most and words[last].joined:
            last += 1
        for end in range(last, i, -1):
            entries = self._lookup(_key(words, i, end))
            if entries:
                return end, entries
        return None

    @staticmethod
    def _comma_between(text: str, words: list[_Word], last: int, next_first: int) -> bool:
        return next_first == last and text[words[last - 1].end:words[last].start].strip() == ","

    def _is_common_word(self, words: list[_Word], first: int, last: int,
                        entries: list[_Entry], text: str,
                        following: list[_Entry] | None) -> bool:
        """A stoplisted name (Reading, Mobile, Jackson), or one only hamlets bear (places of
        fewer than MIN_ALONE_POPULATION people), counts as a place only after "in", "near",
        ... or before ", <place>"; a stoplisted one not where it begins a longer name, which
        the word before governs as a whole ("from Union Carbide", "Clerk of Superior
        Court")."""
        key = _key(words, first, last)
        hamlet = all(e.place.kind == "city" and (e.place.population or 0) < MIN_ALONE_POPULATION
                     for e in entries)  # "Servance": more often a surname than a hamlet
        if not hamlet and (key not in self._common
                           or entries[0].place.kind not in ("city", "admin1", "admin2")):
            return False
        if following is not None:
            return False
        return first == 0 or words[first - 1].key not in _LOCATIVE or (
            not hamlet and begins_a_longer_name(text, words[last - 1].end))

    def resolve(self, name: str, *, context_countries: Sequence[str] = (),
                near: Place | None = None) -> Place | None:
        """The place `name` most likely means. Rules, in order: "X, Y" -> X narrowed by the
        first place Y may be that leaves any; a descriptor ("the island of Jeju") prefers
        its kind; a candidate in one of the article's countries beats one outside them
        (Georgia -> the US state in a US story), a small place a well-known one only with
        such a hint, and a lesser one only in the country the article names most; among
        cities, one in `near`'s region or country; then kind (feature >
        country > capital > region > city > division), an own name over an alternate,
        population."""
        head, _, tail = name.partition(",")
        if tail.strip() and _is_description(POSSESSOR.sub("", head, count=1)):
            # "the capital, San Juan", "the C.A.R.'s capital, Bangui": the name follows
            return self.resolve(tail.strip(), context_countries=context_countries, near=near)
        tail_places = list(self._candidates_for(tail.strip())[0]) if tail.strip() else []
        narrow_by = tail_places[0] if tail_places else None
        head = head.strip()
        places, kind = self._candidates_for(head, hinted=narrow_by is not None)
        if not places:
            return None
        if narrow_by is not None:
            places, narrowed_by = _narrowed_by_any(places, tail_places)
            if narrowed_by is None:
                places = _lacked_in(places, tail_places)
        if kind == LANDMARK:
            if context_countries:  # where the article says nothing, the name's own place
                places = [p for p in places if p.country in context_countries]
                if not places:
                    return None
            kind = None
        if kind:
            places = [p for p in places if p.kind == kind] or places
        return _choose(places, context_countries, near,
                       small_wins=narrow_by is not None or kind is not None)

    def resolve_mention(self, mention: PlaceMention, *,
                        context_countries: Sequence[str] = ()) -> Place | None:
        """The place a mention found by `find` most likely means, keeping what the text
        told of it ("London, Kentucky": the candidates in Kentucky)."""
        return _choose(mention.candidates, context_countries, None, small_wins=mention.hinted)

    def resolve_together(self, mentions: Sequence[PlaceMention], *,
                         context_countries: Sequence[str] = ()) -> list[Place | None]:
        """Each mention's place, the article read as a whole: the rules' choice
        (`resolve_by_rules`), which the learned ranker (`place_ranker`) may change for a
        name the text does not pin down."""
        return rerank(mentions, self.resolve_by_rules(mentions,
                                                      context_countries=context_countries))

    def resolve_by_rules(self, mentions: Sequence[PlaceMention], *,
                         context_countries: Sequence[str] = ()) -> list[Place | None]:
        """Each mention's place, the article read as a whole: an ambiguous name is the one
        of its places that the article's other names agree with most (they name the same
        region, or a place in the same country), as Dublin in a story that names Laurens
        County and Georgia; on a tie, the one more names agree with that can lie in no
        other region. A well-known place (Paris, France) yields only to names of the
        other place's own region, a country or region only to a region of its name
        (Georgia; Florida is no town of New York because the story names Albany), and a
        region not where the story is set in its country (a city there still yields to a
        namesake whose region the story names: Gainesville, Texas among Texan names). A
        name the text pins down ("Paris, Texas") keeps its place and counts with it alone,
        and so do its other mentions when a region or country pinned it. A county's name
        alone, in a story that names the county, is a town of that name near it or the
        county itself."""
        first = [self.resolve_mention(m, context_countries=context_countries)
                 for m in mentions]
        regions = [{region_of(place)} if mention.hinted and place is not None else
                   {region_of(c) for c in mention.candidates[:_AGREEMENT_CANDIDATES]}
                   for mention, place in zip(mentions, first)]
        countries = [place.country if place is not None else None for place in first]
        texts = [name_key(m.text) for m in mentions]
        lead = context_countries[0] if context_countries else None
        # one sense per article: "Springfield, Ohio" once, then "Springfield" is that one
        # (a region or country after the comma: "Decatur, Avondale Estates" is a list)
        pinned = {texts[i]: place for i, (mention, place) in enumerate(zip(mentions, first))
                  if mention.hinted and place is not None and i + 1 < len(mentions)
                  and mentions[i + 1].start - mention.end <= 2 and first[i + 1] is not None
                  and first[i + 1].kind in ("admin1", "country")}
        out: list[Place | None] = []
        for i, (mention, place) in enumerate(zip(mentions, first)):
            if place is None or mention.hinted or len(mention.candidates) < 2:
                out.append(place)
                continue
            if texts[i] in pinned and pinned[texts[i]] in mention.candidates:
                out.append(pinned[texts[i]])
                continue
            others = list({texts[j]: j for j in range(len(mentions)) if texts[j] != texts[i]}
                          .values())  # each other name once, however often it recurs

            def agreement(candidate: Place) -> tuple[int, int]:
                """How many other names lie in its region, and how many more in its country."""
                region = region_of(candidate)
                in_region = sum(region is not None and region in regions[j] for j in others)
                in_country = sum(countries[j] == candidate.country for j in others)
                return in_region, in_country

            def settled_in(region: tuple | None) -> int:
                """How many other names may lie in `region`, less those the rules first put
                at a well-known place of another country: Berlin does not yield to a
                namesake in Pennsylvania because a story names Moscow, which may be a town
                of Pennsylvania too."""
                return sum(region is not None and region in regions[j] and not (
                    first[j] is not None and is_well_known(first[j])
                    and first[j].country != region[0]) for j in others)

            def sure(candidate: Place) -> int:
                """How many other names can lie only in its region: what breaks a tie
                (Decatur with DeKalb County, which is in several states, and Avondale
                Estates, which is in Georgia alone)."""
                return sum(regions[j] == {region_of(candidate)} for j in others)

            if is_well_known(place):
                # only other names of its own region move a well-known place, a country or
                # region only to a region (Georgia), and a region not in a story set in its
                # country
                if lead == place.country and place.kind == "admin1":
                    out.append(place)
                    continue
                rivals = [c for c in mention.candidates[:_AGREEMENT_CANDIDATES]
                          if place.kind not in ("country", "admin1") or c.kind == "admin1"]
                # a capital takes two names of the other place's region (Warsaw, Indiana
                # is not meant because a story on Warsaw names Indiana once), not counting
                # names first read as well-known places abroad (`settled_in`)
                needed = 2 if place.kind == "capital" else 1
                home = place.country

                def weigh(candidate: Place) -> tuple[int, int]:
                    in_region, in_country = agreement(candidate)
                    if (settled_in(region_of(candidate)) if place.kind == "capital"
                            else in_region) < needed:
                        return 0, 0
                    # a namesake at home competes region for region (Huntsville, Alabama
                    # or Texas); one abroad must outweigh the place's whole country
                    return in_region + (in_country if candidate.country == home else 0), 0
                most = sum(agreement(place)), 0
            else:
                rivals = list(mention.candidates[:_AGREEMENT_CANDIDATES])

                def weigh(candidate: Place) -> tuple[int, int]:
                    return sum(agreement(candidate)), sure(candidate)
                most = weigh(place)
            if name_key(place.name) == texts[i]:  # by its own name: no place by another's
                rivals = [c for c in rivals if name_key(c.name) == texts[i]]  # (Maryville)
            best = place
            for candidate in rivals:
                score = weigh(candidate)
                if score > most:
                    best, most = candidate, score
            out.append(best)
        return _in_named_divisions(mentions, texts, out)

    def _candidates_for(self, phrase: str, hinted: bool = False
                        ) -> tuple[list[Place], str | None]:
        """Candidates for a phrase: the whole phrase if it is a name, else the name after a
        descriptor ("the southern South Korean island of Jeju"), else the last name in it.
        `hinted`: the text narrows it ("X, Y"), so that a month or compass word may be one."""
        stripped = re.sub(r"^(?:the|The)\s+", "", phrase)
        if _is_description(stripped):  # "the capital" is no place called Capital
            return [], None
        key = name_key(stripped)
        if key in _NEVER_ALONE and not hinted:
            return [], None
        if phrase.endswith(".") and key in self._abbreviations:
            return [self._abbreviations[key]], None  # "S.C." given as a place
        whole = self._lookup(key)
        if whole:
            return [e.place for e in whole], None
        kind = None
        # the last descriptor governs: "the northern island of X" -> after "island of"
        descriptor = next(reversed(list(_DESCRIPTOR.finditer(stripped))), None)
        if descriptor:
            kind = _DESCRIPTOR_KIND[descriptor.group(1).lower()]
            stripped = stripped[descriptor.end():]
        # a name inside a longer phrase is a small place only where a descriptor says so:
        # "the village of X", not "the execution of Ken Saro-Wiwa" (Saro, a Swedish village)
        mentions = (self if descriptor else self.well_known()).find(stripped)
        if not mentions:
            return [], None
        found = mentions[0 if descriptor else -1]
        after = stripped[found.end:].split()[:1]
        head = stripped.rstrip(".").split()[-1].lower()
        if not descriptor and found.end < len(stripped.rstrip(".")) and (
                head in _OWNED_THINGS or head.removesuffix("s") in _OWNED_THINGS) and all(
                p.kind == "country" for p in found.candidates):
            # "a joint Kenya-U.S. military base", "U.S. troops": a country's name before a
            # thing of its own says whose it is, not where (words.toml owned_things)
            return [], None
        if not descriptor and after and after[0][:1].isupper() and (
                after[0].lower() not in _NAME_ENDING_DIVISIONS):
            # "Hyde Park Corner", "Trafalgar Square": a landmark named after a place; it
            # lies there only if that place is in the article's countries, where it names
            # any (`resolve`); any place of that name may be it ("Kyiv Oblast" is the
            # division itself)
            every = next((m for m in self.find(stripped)
                          if (m.start, m.end) == (found.start, found.end)), found)
            return list(every.candidates), LANDMARK
        return list(found.candidates), kind

    def to_location(self, text: str, place: Place, start: int | None = None,
                    end: int | None = None) -> Location:
        return Location(text=text, name=place.name, country=place.country, lat=place.lat,
                        lon=place.lon, precision=Location.precision_of(place.kind),
                        start=start, end=end)


def after_a_party_initial(text: str, start: int) -> bool:
    """Whether a legislator's party initial comes right before `start` ("D-Kanawha")."""
    return (text[start - 1:start] == "-"
            and _AFFILIATION_BEFORE.search(text, max(0, start - 6), start) is not None)


def begins_a_longer_name(text: str, end: int) -> bool:
    """Whether the name that ends at `end` runs on into a longer name ("Union Carbide", "the
    Durant Center"), not the place's own ("Hamilton Township")."""
    return _LONGER_NAME_AFTER.match(text, end) is not None


def _is_description(phrase: str) -> bool:
    """Words without a capital letter describe a place ("the capital", "the border town");
    they do not name one."""
    return not any(ch.isupper() for ch in phrase)


def _entry_order(e: _Entry) -> tuple:
    return (e.rank, not e.primary, -(e.place.population or 0))


def _rank_cities_over_smaller_regions(key: str, entries: list[_Entry],
                                      called_with_type: Iterable[str]) -> None:
    """A region outranks a city of its name by kind only as the larger place: a city with
    more people than every region so called ranks just above them (Hanover, Maryland before
    Jamaica's parish of Hanover; Charlotte before Saint Vincent's). Nor does a region that
    bears the name `key` only as another name, or that English names with its type word
    (`called_with_type`: "the canton of Geneva", "the district of Porto"), outrank the city
    in it whose own name it is (in the latter case, or that bears it as another name: the
    city Luzern, "Lucerne"): the region is called after its city."""
    largest = max((e.place.population or 0 for e in entries if e.place.kind == "admin1"),
                  default=None)
    if largest is None:
        return
    # only the largest region of the name yields so (not Florida, the state, to Uruguay's
    # department "of Florida" and its city)
    first = {(e.place.name, e.place.country) for e in entries
             if e.place.kind == "admin1" and (e.place.population or 0) == largest}
    named_after = {region for region in first if name_key(region[0]) != key}
    called = {region for region in first if region[0] in called_with_type}
    for n, entry in enumerate(entries):
        region = (entry.place.admin1, entry.place.country)
        if entry.place.kind == "city" and entry.rank > _RANK["admin1"] and (
                (entry.place.population or 0) > largest
                or (name_key(entry.place.name) == key and region in named_after)
                or region in called):  # Lucerne, the city Luzern
            entries[n] = entry._replace(rank=_RANK["admin1"] - 0.5)


def _in_named_divisions(mentions: Sequence[PlaceMention], texts: Sequence[str],
                        chosen: list[Place | None]) -> list[Place | None]:
    """One sense per article for a county's name: "DeKalb" in a story that names DeKalb
    County is a town of that name within reach of the county, else the county itself, not
    a namesake across the country (a name the text pins down keeps its place)."""
    divisions = {}
    for text, place in zip(texts, chosen):
        head, _, word = text.rpartition(" ")
        if head and word in _DIVISION_WORDS and place is not None and place.kind == "admin2":
            divisions.setdefault(head, place)
    if not divisions:
        return chosen
    out = list(chosen)
    for i, (mention, place) in enumerate(zip(mentions, chosen)):
        division = divisions.get(texts[i])
        if division is None or place is None or mention.hinted or (
                distance_km(place, division) < _DIVISION_REACH_KM):
            continue
        near = [c for c in mention.candidates if distance_km(c, division) < _DIVISION_REACH_KM]
        out[i] = near[0] if near else division
    return out


def _narrowed_by_any(places: list[Place], contexts: Sequence[Place]
                     ) -> tuple[list[Place], Place | None]:
    """`places` narrowed by the first of the places a following name may be that leaves
    any ("Laurens County, Georgia": the state, not the country), and that place."""
    for context in contexts:
        narrowed = _narrowed(places, context)
        if narrowed:
            return narrowed, context
    return places, None


def _lacked_in(places: list[Place], contexts: Sequence[Place]) -> list[Place]:
    """"Charlevoix, Quebec": where none of a name's places lies in the region or country
    named after it and none is well-known, the text names a place the gazetteer lacks
    there, and that region or country stands for it (not Charlevoix, Michigan); a
    well-known name keeps its places (the comma may end its clause)."""
    if any(is_well_known(p) for p in places):
        return places
    where = next((c for c in contexts if c.kind in ("admin1", "country")), None)
    return places if where is None else [where]


def _narrowed(places: Sequence[Place], context: Place) -> list[Place]:
    """The candidates that lie in `context`: its country, and for a region or feature its
    admin1 or within 300 km of it ("Seongju, North Gyeongsang")."""
    if context.country is None:
        return [p for p in places if distance_km(p, context) < 500]
    same_country = [p for p in places if p.country == context.country and p is not context]
    if context.kind == "country":
        return same_country
    inside = [p for p in same_country if p.admin1 == context.name]
    near = [p for p in same_country if distance_km(p, context) < 300]
    if context.kind in ("city", "admin2"):  # "Decatur, Avondale Estates": the nearest
        near.sort(key=lambda p: distance_km(p, context))
    return inside or near


def _choose(places: Sequence[Place], context_countries: Sequence[str],
            near: Place | None, small_wins: bool = False) -> Place:
    """`small_wins`: the text hints at the place ("X, Y", "the town of X"), so a small
    place in the story's country may beat a well-known one elsewhere."""
    best = places[0]
    if context_countries and best.country not in context_countries:
        # a well-known place yields to a lesser namesake only in the country the article
        # names most (Lebanon, Indiana in an Indiana story; not Vienna, Virginia, in a story
        # on Iran that also names the United States): elsewhere only to another well-known
        # one (Georgia, the US state) or where its region is named (`resolve_by_rules`)
        in_context = [p for p in places if p.country in context_countries
                      and (small_wins or not is_well_known(best) or is_well_known(p)
                           or p.country == context_countries[0] and not is_small(p))]
        if in_context:
            best = in_context[0]
    if near is not None and best.kind == "city":
        cities = [p for p in places if p.kind == "city"]
        same_region = [p for p in cities if p.country == near.country
                       and near.admin1 and p.admin1 == near.admin1]
        same_country = [p for p in cities if p.country == near.country]
        if best not in same_region and (same_region or same_country):
            best = (same_region or same_country)[0]
    return best


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.load()
