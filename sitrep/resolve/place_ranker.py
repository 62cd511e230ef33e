"""A learned last word on an ambiguous place name: each candidate scored by a linear model
over what the article tells of it, the best taken.

The rules of `Gazetteer.resolve_by_rules` choose first (they weigh the article's countries);
their choice is one feature among others (population, kind, how many of the article's other names
lie in the candidate's region or country, how far it lies from the places the article pins
down), so that the model moves a name only where the evidence adds up. Weights are learned
by `scripts/train_place_ranker.py` (a softmax over each name's candidates) and read from
sitrep/data/places/ranker_weights.tsv (README beside it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from sitrep.package_data import data_path
from sitrep.resolve.place_records import (
    Place, PlaceMention, distance_km, is_small, is_well_known, name_key, region_of)

# a path, not only a resource: scripts/train_place_ranker.py writes it
WEIGHTS_FILE = data_path("places/ranker_weights.tsv")
# How many of a name's candidates are scored (the rest are rarely meant).
CANDIDATES = 12
FEATURES = ("rule_choice", "first_listed", "log_population", "country", "capital", "admin1",
            "city", "admin2", "feature", "own_name", "region_support", "country_support",
            "pinned_distance", "small", "nearby_support")
# Other names' places this close to a candidate count for it.
NEARBY_KM = 100
_KIND_FEATURES = {"country", "capital", "admin1", "city", "admin2"}


@cache
def weights() -> dict[str, float]:
    """Feature name -> weight, from the packaged file (empty: the rules alone decide)."""
    if not WEIGHTS_FILE.exists():
        return {}
    out = {}
    for line in WEIGHTS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.split("\t")
            out[name] = float(value)
    return out


def candidate_features(mentions: Sequence[PlaceMention], chosen: Sequence[Place | None]
                       ) -> list[list[tuple[Place, list[float]]] | None]:
    """For each mention the rules left open (two or more candidates, its name not pinned
    by the text anywhere in the article, not a country or capital of a country the
    article's other names lie in), its first CANDIDATES candidates with their feature
    vectors (FEATURES order), less the rivals of a well-known choice that no other name
    lies near or in the region of; None for the others. `chosen`: the rules' choice for
    each mention."""
    texts = [name_key(m.text) for m in mentions]
    regions = [{region_of(c) for c in m.candidates[:CANDIDATES]} - {None} for m in mentions]
    # the places the text pins down: a name with one candidate, or one read with its region
    pinned = [(texts[i], p) for i, (m, p) in enumerate(zip(mentions, chosen))
              if p is not None and (m.hinted or len(m.candidates) == 1)]
    # the other names' places that are points (a town, a county), for nearness
    towns = [p if p is not None and p.kind in ("city", "admin2", "capital") else None
             for p in chosen]
    hinted = {text for text, m in zip(texts, mentions) if m.hinted}
    out: list[list[tuple[Place, list[float]]] | None] = []
    for i, (mention, place) in enumerate(zip(mentions, chosen)):
        if (place is None or mention.hinted or len(mention.candidates) < 2
                or place not in mention.candidates  # read from another name (a county's)
                or texts[i] in hinted  # one sense per article: "Springfield, Ohio" once
                or place.kind in ("country", "capital") and any(
                    texts[j] != texts[i] and p is not None and p.country == place.country
                    for j, p in enumerate(chosen))):
            out.append(None)  # Moscow in a story that names Russia otherwise stays there
            continue
        others = list({texts[j]: j for j in range(len(mentions)) if texts[j] != texts[i]}
                      .values())
        anchors = [p for text, p in pinned if text != texts[i]]
        rows = []
        # a namesake further down the list is weighed too where the article names its
        # state or province, or another name can lie only there (Madison among Nebraska's
        # towns, however many Madisons come first)
        named = {region_of(chosen[j]) for j in others if chosen[j] is not None and (
            chosen[j].kind == "admin1" or len(regions[j]) == 1)} - {None}
        candidates = [*mention.candidates[:CANDIDATES],
                      *(c for c in mention.candidates[CANDIDATES:] if region_of(c) in named)]
        if name_key(place.name) == texts[i]:  # by its own name: no place by another's
            candidates = [c for c in candidates if name_key(c.name) == texts[i]]
        # a region with fewer people than a city of its name weighs as a town (Jamaica's
        # parish of Hanover against Hanover, Maryland), as the gazetteer ranks it
        largest_city = max((c.population or 0 for c in candidates if c.kind == "city"),
                           default=0)
        for n, candidate in enumerate(candidates):
            region = region_of(candidate)
            region_support = sum(1 / len(regions[j]) for j in others
                                 if region is not None and region in regions[j])
            country_support = sum(chosen[j] is not None
                                  and chosen[j].country == candidate.country for j in others)
            nearest = min((distance_km(candidate, a) for a in anchors), default=None)
            nearby = sum(distance_km(candidate, towns[j]) < NEARBY_KM for j in others
                         if towns[j] is not None)
            if (candidate is not place and is_well_known(place) and not region_support
                    and not any(distance_km(candidate, towns[j]) < NEARBY_KM for j in others
                                if towns[j] is not None and towns[j].kind != "capital")):
                continue  # London yields to no namesake on country-wide evidence alone, nor
                # Vienna to one near Washington: a capital named is the country's voice

            kind = candidate.kind if candidate.kind in _KIND_FEATURES else "feature"
            if kind == "admin1" and (candidate.population or 0) < largest_city:
                kind = "city"
            rows.append((candidate, [
                float(candidate is place), float(n == 0),
                math.log10(1 + (candidate.population or 0)) / 7,
                *(float(kind == k) for k in ("country", "capital", "admin1", "city", "admin2",
                                             "feature")),
                float(name_key(candidate.name) == texts[i]),
                math.log1p(region_support), math.log1p(country_support),
                0.0 if nearest is None else math.log10(1 + nearest) / 4,
                float(is_small(candidate)),
                math.log1p(nearby)]))
        out.append(rows)
    return out


def rerank(mentions: Sequence[PlaceMention], chosen: list[Place | None]) -> list[Place | None]:
    """The rules' choices, each open one replaced by its best-scored candidate."""
    w = weights()
    if not w:
        return chosen
    vector = [w.get(name, 0.0) for name in FEATURES]
    out = list(chosen)
    for i, rows in enumerate(candidate_features(mentions, chosen)):
        if rows:
            out[i] = max(rows, key=lambda row: sum(a * b for a, b in zip(vector, row[1])))[0]
    return out
