"""Comparing gold actor codes (PLOVER/CAMEO style) with the codes sitrep reports.

Both sides are turned into a set of labels and two codes match when the sets share one.
A gold code becomes one label: its mapped form from `data/evaluation/cameo_countries.tsv`,
looked up whole and then by its first three letters ("JAPGOV" -> "JPN", "IGOUNO" -> "@IGO"),
else its first three letters ("USAGOV" -> "USA"). Document gold (`documents.py`) writes whole
codes, ISO alpha-3 or an organisation's own ("UNESCO", "ISIS"), so there a gold code is only
mapped, never cut. A sitrep code becomes itself plus, for an
organisation of `data/actors/organizations.tsv` without a country, its class (@IGO, @NGO,
@IMG), so that a gold "IGO" matches sitrep's "UNO" or "NATO".
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib.resources.abc import Traversable

from sitrep.package_data import data_file

MAPPING_FILE = data_file("evaluation/cameo_countries.tsv")
ORGANIZATIONS_FILE = data_file("actors/organizations.tsv")


def _rows(path: Traversable) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header = [h.strip() for h in lines[0].split("\t")]
    rows = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split("\t")]
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


@functools.cache
def gold_mapping() -> dict[str, str]:
    return {row["gold"].upper(): row["sitrep"] for row in _rows(MAPPING_FILE)}


@functools.cache
def organization_classes() -> dict[str, str]:
    """Organisation code -> class label, for bodies that belong to no one country."""
    classes = {}
    for row in _rows(ORGANIZATIONS_FILE):
        code, sector, country = row.get("code", ""), row.get("sector", ""), row.get("country", "")
        if not code or country:
            continue  # national bodies resolve to their country's code, never to this one
        if sector == "NGO":
            classes[code] = "@NGO"
        elif sector == "REB":
            classes[code] = "@IMG"
        elif sector != "REL":
            classes[code] = "@IGO"
    return classes


def gold_label(code: str, *, whole: bool = False) -> str:
    code = code.strip().upper()
    mapping = gold_mapping()
    if whole:
        return mapping.get(code) or code
    return mapping.get(code) or mapping.get(code[:3]) or code[:3]


def predicted_labels(code: str) -> frozenset[str]:
    label = organization_classes().get(code)
    return frozenset({code, label}) if label else frozenset({code})


def codes_match(gold_codes: Iterable[str], predicted_codes: Iterable[str | None], *,
                whole: bool = False) -> bool:
    """True when any predicted code stands for any of the gold codes (`whole`: gold codes
    are not cut to three letters)."""
    wanted = {gold_label(c, whole=whole) for c in gold_codes if c and c.strip()}
    return any(wanted & predicted_labels(c) for c in predicted_codes if c)
