"""Series on basil_dev: ten years of unrelated US political news should make few series, and
none that runs for years with long pauses (one country code is not one actor).

    python bench/series.py

Codes the tune half (triplets 0-24) and the check half (25-49) of
../shared/benchmarks/basil_dev/articles.jsonl into two temporary databases (~1 min each),
links each in publication order, and prints per half: the series shown (`sitrep series`),
the longest one's span in days and the longest pause between consecutive events of a series;
and the tune half's series by title.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from sitrep.pipeline import Components, ingest_into
from sitrep.pipeline.link_stored import rebuild_links
from sitrep.store import Store
from sitrep.store.links import series_list

BASIL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "basil_dev"
HALVES = {"tune": range(0, 25), "check": range(25, 50)}


def half_series(lines: list[str], folder: Path, name: str, components: Components) -> list[dict]:
    source = folder / f"{name}.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    with Store(str(folder / f"{name}.db")) as store:
        store.migrate()
        ingest_into(store, [source], components=components)
        rebuild_links(store)
        return series_list(store)


def main() -> None:
    lines = (BASIL / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    components = Components.load()
    print("half   series  longest span (days)  longest pause (days)")
    with tempfile.TemporaryDirectory() as folder:
        for name, triplets in HALVES.items():
            chosen = [line for line in lines
                      if int(json.loads(line)["id"].split("-")[1]) in triplets]
            found = half_series(chosen, Path(folder), name, components)
            spans, pauses = [0], [0]
            for series in found:
                days = sorted(date.fromisoformat(e["timeline_date"]) for e in series["events"]
                              if e["timeline_date"])
                if days:
                    spans.append((days[-1] - days[0]).days)
                    pauses += [(b - a).days for a, b in zip(days, days[1:])]
            print(f"{name:<6} {len(found):>6}  {max(spans):>19}  {max(pauses):>20}")
            for series in found if name == "tune" else []:  # the check half: figures only
                print(f"       {series['title']}: {series['n_events']} events, "
                      f"{series['start']} – {series['end']}")


if __name__ == "__main__":
    main()
