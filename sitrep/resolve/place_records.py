"""What the gazetteer and the learned place ranker share: the place records, the key every
name is indexed under, and the measures both weigh candidates by (distance, region, size)."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+")
# Cities this large are held in memory; smaller ones come from local_places.sqlite.
MIN_MEMORY_POPULATION = 15_000
# A small place (local_places.sqlite) beats a well-known one of its name only with a hint
# in the text ("Warsaw, Indiana"), not merely because the story is in its country.
WELL_KNOWN_KINDS = frozenset({"country", "capital", "admin1"})
# A name that only places smaller than this bear (local_places.sqlite holds them down to
# 500 people) is read in text only after a locative word or with its region ("in Servance",
# "Servance, Haute-Saone"): standing alone it is more often a surname.
MIN_ALONE_POPULATION = 1_000
WELL_KNOWN_POPULATION = 100_000
# Abbreviated words of place names, written out in keys: "St. Louis", "Mt. Vernon", "Ft. Worth",
# "Loudon Co.".
WRITTEN_OUT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "co": "county"}
ABBREVIATED_WORD = re.compile(r"\b(?:st|ste|mt|ft|co)\b")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country, capital, admin1, admin2, city, or a feature kind (sea, island, ...)
    country: str | None  # ISO alpha-3; None for international waters and shared regions
    lat: float
    lon: float
    admin1: str | None = None  # name of the first-level region a city or feature lies in
    population: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    candidates: tuple[Place, ...]  # best first
    hinted: bool = False  # read with its neighbour: "Paris, Texas" (both of them)
    abbreviation: bool = False  # a region's abbreviation: "Md.", "W.Va."
    listed_division: bool = False  # listed before "counties": "Clarke and Oconee counties"


def fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(name: str) -> str:
    """The form every name is indexed and looked up under: accents folded, lowercase, words
    joined by one space, abbreviated words written out (St. Petersburg = Saint Petersburg)."""
    folded = fold(name)
    if folded.replace(" ", "").isalpha() and "  " not in folded:  # the common case, fast
        key = folded.strip()
    else:
        key = " ".join(WORD.findall(folded))
    if ABBREVIATED_WORD.search(key):
        key = " ".join(WRITTEN_OUT.get(word, word) for word in key.split(" "))
    return key


def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def region_of(place: Place) -> tuple[str | None, str | None] | None:
    """The first-level region a place is or lies in, as (country, region name)."""
    if place.kind == "admin1":
        return place.country, place.name
    if place.kind in ("city", "admin2") and place.admin1:
        return place.country, place.admin1
    return None


def is_small(place: Place) -> bool:
    return place.kind in ("city", "admin2") and (place.population or 0) < MIN_MEMORY_POPULATION


def is_well_known(place: Place) -> bool:
    """A country, capital, first-level region, curated feature (sea, base, ...), or a city
    or division of 100,000+ people."""
    return (place.kind in WELL_KNOWN_KINDS or place.kind not in ("city", "admin2")
            or (place.population or 0) >= WELL_KNOWN_POPULATION)
