"""How the compare stage covers BASIL triplets: rows, shared rows and omissions, per half.

    .venv/bin/python bench/compare.py [--db /tmp/me/basil.db]
    .venv/bin/python bench/compare.py --sample 30 --seed 1 --half tune [--db ...]
    .venv/bin/python bench/compare.py --judged [--unjudged] [--db ...]

Ingests ../shared/benchmarks/basil_dev/articles.jsonl into a database (a temporary one
unless `--db` names a file to keep and reuse; ingest skips articles stored already), then
compares each triplet's three articles by article id (`compare_stored`; no story linking)
and prints, for the tune half (triplets 0-24) and the check half (25-49) side by side:
rows, rows reported by two or more articles, omissions (one per omitted statement and
omitting article: the `omitted` tier), the `unclear` ones (the article may tell the fact
in other words, or may have been written before it happened: a fact of a later article, or
of one telling done the act a preview tells ahead, with nothing saying it was knowable
then, noted "maybe after the publication of ..."; shown apart, never counted as
omissions) and omissions per pair
"reporting outlet -> omitting outlet".

`--sample N --seed S --half tune|check` prints N omissions (`omitted` tier) drawn at random
from one half instead: the omitting article, the omitted statement, and the closest statement of the
omitting article with its score, for judging by hand (a true omission: the omitting
article does not carry that fact in any words). Tune on the tune half only.

`--judged [FILE]` scores the tune half's omissions against omissions judged by hand
(default `bench/judgments/basil_omissions_tune.jsonl`): one JSON object a line with the
triplet, the omitting outlet ("Fox", "NYT", "HuffPost"), the first 16 hex digits of the
SHA-1 of the omitted sentence with its whitespace collapsed (no article text is kept),
`real` (true: the omitting article does not carry the fact in any words; false: it does, or
the sentence tells no fact) and, for a false one, `why_not` when recorded: `paraphrase`
(told in other words), `partial` (its main point told, a side detail not), `other_speaker`
(told in other words by another speaker), `fragment` (no fact by itself),
`after_publication` (it happened after the omitting article was published); `judged_by` names
the branch that judged a row, and a later line for the same row (a second reading against
the omitting article's whole text) overrides an earlier one. It prints the
precision of the judged omissions listed (`omitted` tier), how many judged real ones are
still listed and how many judged rows are `unclear` instead (the
judged file holds rows earlier versions listed too: a change that drops real ones shows
here) and how many listed ones are not judged yet; `--unjudged` prints those, with the
hash to judge them by. Only the tune half is judged: the check half's rows are never read.
The figures come per fold of the tune half (A: triplets 0-12, B: 13-24) and over all of it,
so that a threshold chosen on one fold can be seen to hold, or not, on the other.

`--set SECTION.KEY=VALUE` (repeatable) runs with a rule of `sitrep/data/compare/rules.toml`
(or `meaning.toml`, as `meaning.KEY`) changed; `--sweep SECTION.KEY=V1,V2,...` prints the
judged figures per fold for each value (about 20 s a value on a quiet machine):

    .venv/bin/python bench/compare.py --judged --sweep omissions.carried_at=0.24,0.28,0.32
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import hashlib
import json
import random
import tempfile
from collections import Counter
from pathlib import Path

from sitrep.compare import Knowledge, compare_stored
from sitrep.pipeline import ingest_into
from sitrep.store import Store

BASIL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "basil_dev"
HALVES = {"tune": range(0, 25), "check": range(25, 50)}
FOLDS = {"A 0-12": range(0, 13), "B 13-24": range(13, 25), "tune 0-24": range(0, 25)}
JUDGED = Path(__file__).resolve().parent / "judgments" / "basil_omissions_tune.jsonl"
OUTLET = {"fox": "Fox", "nyt": "NYT", "hpo": "HuffPost"}


def stored_ids(store: Store) -> dict[str, str]:
    """BASIL id ("basil-07-nyt") -> stored article id, ingesting what the store lacks."""
    path = BASIL / "articles.jsonl"
    report = ingest_into(store, [path])
    names = [json.loads(line)["id"] for line in path.read_text().splitlines() if line.strip()]
    if len(names) != len(report.article_ids):
        raise SystemExit(f"{path}: read {len(report.article_ids)} articles, expected {len(names)}")
    return dict(zip(names, report.article_ids, strict=True))


def compare_triplets(store: Store, ids: dict[str, str], triplets: range,
                     knowledge: Knowledge | None = None) -> list[dict]:
    results = []
    for triplet in triplets:
        names = [f"basil-{triplet:02d}-{outlet}" for outlet in OUTLET]
        comparison = compare_stored(store, [ids[n] for n in names], knowledge)
        outlet_of = {ids[n]: OUTLET[n.rsplit("-", 1)[1]] for n in names}
        results.append({"triplet": triplet, "comparison": comparison, "outlet_of": outlet_of})
    return results


def omission_items(results: list[dict], tier: str = "omissions") -> list[tuple[dict, object, str]]:
    """(triplet result, omission, omitting article id) for every omitted statement (or, with
    `tier="unclear_omissions"`, every one the article may tell in other words)."""
    return [(r, o, missing) for r in results for o in getattr(r["comparison"], tier)
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
        "unclear (other words?)": len(omission_items(results, "unclear_omissions")),
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


def sentence_hash(sentence: str) -> str:
    return hashlib.sha1(" ".join(sentence.split()).encode()).hexdigest()[:16]


def read_judged(path: Path) -> dict[tuple[int, str, str], dict]:
    judged = {}
    for line in path.read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            judged[row["triplet"], row["omitted_by"], row["sentence_sha1"]] = row
    return judged


def judged_figures(results: list[dict], judged: dict, triplets: range,
                   tier: str = "omissions") -> dict:
    """Listed omissions of these triplets: judged real, judged false (by why), unjudged."""
    listed, unjudged = [], []
    for r, omission, missing in omission_items(results, tier):
        if r["triplet"] in triplets:
            key = (r["triplet"], r["outlet_of"][missing], sentence_hash(omission.sentence))
            (listed if key in judged else unjudged).append((key, omission))
    real = sum(judged[key]["real"] for key, _ in listed)
    return {
        "listed": len(listed) + len(unjudged), "judged": len(listed), "real": real,
        "false": Counter(judged[key].get("why_not", "unrecorded") for key, _ in listed
                         if not judged[key]["real"]),
        "all real": sum(row["real"] for key, row in judged.items() if key[0] in triplets),
        "unjudged": unjudged,
    }


def print_judged(results: list[dict], judged: dict, show_unjudged: bool) -> None:
    for fold, triplets in FOLDS.items():
        f = judged_figures(results, judged, triplets)
        false = f["judged"] - f["real"]
        print(f"{fold}: {f['listed']} omissions listed, {f['judged']} judged: {f['real']} real, "
              f"{false} false (precision {f['real'] / max(1, f['judged']):.3f})")
        print(f"  false ones by why: {dict(sorted(f['false'].items()))}")
        print(f"  judged real omissions still listed: {f['real']} of {f['all real']} "
              f"({f['real'] / max(1, f['all real']):.0%})")
        print(f"  listed, not judged yet: {len(f['unjudged'])}")
        u = judged_figures(results, judged, triplets, "unclear_omissions")
        print(f"  unclear (may be told in other words): {u['listed']}, {u['judged']} judged: "
              f"{u['real']} real, {u['judged'] - u['real']} false")
    if show_unjudged:
        for (triplet, outlet, digest), omission in judged_figures(
                results, judged, HALVES["tune"])["unjudged"]:
            print(f"  {triplet:02d} {outlet} {digest}: {' '.join(omission.sentence.split())}")


def omission_items_in(results: list[dict], triplets: range, tier: str) -> list:
    return [item for item in omission_items(results, tier) if item[0]["triplet"] in triplets]


def print_sweep_row(label: str, results: list[dict], judged: dict) -> None:
    cells = []
    for fold, triplets in FOLDS.items():
        f = judged_figures(results, judged, triplets)
        cells.append(f"{fold}: {f['listed']:3} listed, {f['real']:3} real, "
                     f"{f['judged'] - f['real']:2} false, {len(f['unjudged']):3} unjudged, "
                     f"P {f['real'] / max(1, f['judged']):.3f}, "
                     f"unclear {len(omission_items_in(results, triplets, 'unclear_omissions')):3}")
    print(f"{label:>10}  " + " | ".join(cells), flush=True)


def with_rules(settings: list[str]) -> Knowledge:
    """The default knowledge with `section.key=value` settings changed."""
    knowledge = Knowledge.default()
    rules, meaning = copy.deepcopy(knowledge.rules), copy.deepcopy(knowledge.meaning)
    for setting in settings:
        name, _, value = setting.partition("=")
        section, _, key = name.partition(".")
        table = meaning if section == "meaning" else rules.get(section)
        if table is None or key not in table or not value:
            raise SystemExit(f"unknown rule or no value: {setting!r}")
        table[key] = type(table[key])(float(value) if isinstance(table[key], float) else value)
    return dataclasses.replace(knowledge, rules=rules, meaning=meaning)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database file to keep and reuse (default: temporary)")
    parser.add_argument("--sample", type=int, help="print this many random omissions")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--half", choices=sorted(HALVES), default="tune")
    parser.add_argument("--judged", nargs="?", const=str(JUDGED), metavar="FILE",
                        help="score the tune half against omissions judged by hand")
    parser.add_argument("--unjudged", action="store_true",
                        help="with --judged: print the listed omissions not judged yet")
    parser.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                        help="change a rule of rules.toml (or meaning.KEY of meaning.toml)")
    parser.add_argument("--sweep", metavar="SECTION.KEY=V1,V2,...",
                        help="with --judged: the judged figures per fold for each value")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.db or str(Path(tmp) / "basil.db"))
        store.migrate()
        ids = stored_ids(store)
        knowledge = with_rules(args.set)
        if args.judged and args.sweep:
            name, _, values = args.sweep.partition("=")
            for value in values.split(","):
                results = compare_triplets(store, ids, HALVES["tune"],
                                           with_rules([*args.set, f"{name}={value}"]))
                print_sweep_row(value, results, read_judged(Path(args.judged)))
            return
        if args.judged:
            print_judged(compare_triplets(store, ids, HALVES["tune"], knowledge),
                         read_judged(Path(args.judged)), args.unjudged)
            return
        if args.sample:
            print_sample(compare_triplets(store, ids, HALVES[args.half], knowledge),
                         args.sample, args.seed)
            return
        print_side_by_side(figures(compare_triplets(store, ids, HALVES["tune"], knowledge)),
                           figures(compare_triplets(store, ids, HALVES["check"], knowledge)))


if __name__ == "__main__":
    main()
