"""How the compare stage covers BASIL triplets: rows, shared rows and omissions, per half.

    .venv/bin/python bench/compare.py [--db /tmp/me/basil.db]
    .venv/bin/python bench/compare.py --sample 30 --seed 1 --half tune [--db ...]

Ingests ../shared/benchmarks/basil_dev/articles.jsonl into a database (a temporary one
unless `--db` names a file to keep and reuse; ingest skips articles stored already), then
compares each triplet's three articles by article id (`compare_stored`; no story linking)
and prints, for the tune half (triplets 0-24) and the check half (25-49) side by side:
rows, rows reported by two or more articles, omissions (one per omitted statement and
omitting article) and omissions per pair "reporting outlet -> omitting outlet".

`--sample N --seed S --half tune|check` prints N omissions drawn at random from one half
instead: the omitting article, the omitted statement, and the closest statement of the
omitting article with its score, for judging by hand (a true omission: the omitting
article does not carry that fact in any words). Tune on the tune half only.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import Counter
from pathlib import Path

from sitrep.compare import compare_stored
from sitrep.pipeline import ingest_into
from sitrep.store import Store

BASIL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "basil_dev"
HALVES = {"tune": range(0, 25), "check": range(25, 50)}
OUTLET = {"fox": "Fox", "nyt": "NYT", "hpo": "HuffPost"}


def stored_ids(store: Store) -> dict[str, str]:
    """BASIL id ("basil-07-nyt") -> stored article id, ingesting what the store lacks."""
    path = BASIL / "articles.jsonl"
    report = ingest_into(store, [path])
    names = [json.loads(line)["id"] for line in path.read_text().splitlines() if line.strip()]
    if len(names) != len(report.article_ids):
        raise SystemExit(f"{path}: read {len(report.article_ids)} articles, expected {len(names)}")
    return dict(zip(names, report.article_ids, strict=True))


def compare_triplets(store: Store, ids: dict[str, str], triplets: range) -> list[dict]:
    results = []
    for triplet in triplets:
        names = [f"basil-{triplet:02d}-{outlet}" for outlet in OUTLET]
        comparison = compare_stored(store, [ids[n] for n in names])
        outlet_of = {ids[n]: OUTLET[n.rsplit("-", 1)[1]] for n in names}
        results.append({"triplet": triplet, "comparison": comparison, "outlet_of": outlet_of})
    return results


def omission_items(results: list[dict]) -> list[tuple[dict, object, str]]:
    """(triplet result, omission, omitting article id) for every omitted statement."""
    return [(r, o, missing) for r in results for o in r["comparison"].omissions
            for missing in o.missing_from]


def figures(results: list[dict]) -> dict[str, object]:
    rows = [row for r in results for row in r["comparison"].rows]
    pairs: Counter[str] = Counter()
    for r, omission, missing in omission_items(results):
        for reporting in omission.reported_by:
            pairs[f"{r['outlet_of'][reporting]}->{r['outlet_of'][missing]}"] += 1
    return {
        "rows": len(rows),
        "rows shared by >=2": sum(1 for row in rows if len(row.reported_by) >= 2),
        "omissions": len(omission_items(results)),
        **{f"  {pair}": pairs[pair] for pair in sorted(pairs)},
    }


def print_side_by_side(tune: dict, check: dict) -> None:
    keys = list(dict.fromkeys([*tune, *check]))
    print(f"{'':24}{'tune 0-24':>12}{'check 25-49':>14}")
    for key in keys:
        print(f"{key:24}{tune.get(key, 0)!s:>12}{check.get(key, 0)!s:>14}")


def print_sample(results: list[dict], n: int, seed: int) -> None:
    items = omission_items(results)
    chosen = random.Random(seed).sample(items, min(n, len(items)))
    for number, (r, omission, missing) in enumerate(chosen, 1):
        outlets = r["outlet_of"]
        near = next((m for m in omission.nearest if m.article_id == missing), None)
        print(f"[{number}] triplet {r['triplet']:02d} {omission.row_id}: "
              f"{'/'.join(outlets[a] for a in omission.reported_by)} -> omitted by "
              f"{outlets[missing]} (relevance {omission.relevance:.2f})")
        print(f"    omitted: {' '.join(omission.sentence.split())}")
        if near is None:
            print("    nearest: (none)")
        else:
            print(f"    nearest ({near.score:.2f}): {' '.join(near.sentence.split())}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database file to keep and reuse (default: temporary)")
    parser.add_argument("--sample", type=int, help="print this many random omissions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--half", choices=sorted(HALVES), default="tune")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.db or str(Path(tmp) / "basil.db"))
        store.migrate()
        ids = stored_ids(store)
        if args.sample:
            print_sample(compare_triplets(store, ids, HALVES[args.half]), args.sample, args.seed)
            return
        print_side_by_side(figures(compare_triplets(store, ids, HALVES["tune"])),
                           figures(compare_triplets(store, ids, HALVES["check"])))


if __name__ == "__main__":
    main()
