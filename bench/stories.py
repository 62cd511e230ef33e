"""Story linking on a news stream: do the articles of one news event, and only they, share a
story?

    python bench/stories.py [--basil ../shared/benchmarks/basil_dev] [--days 5] [--show tune]

basil_dev has 50 triplets, each one US political event told by three outlets, published 0-4
days apart; the triplets are spread over ten years, so "published within a few days" alone
would group them. The benchmark therefore runs two streams through the real pipeline and
linker (a temporary SQLite store each):

- `dated`: the articles as published;
- `squashed`: every triplet moved into the same `--days` days (the gaps inside a triplet
  kept), a dense stream where only what the articles say can tell the events apart.

Each stream is ingested in its file order, 16 articles a batch, linking each batch as
`sitrep ingest` does; then `rebuild_links` links it all again in publication order. For
each stream it prints, per half (tune = triplets 0-24, check = 25-49), pairwise precision,
recall and F1 over article pairs and B-cubed F1 (`sitrep.evaluation.stories`), and counts
the stories the rebuild leaves with their articles and, of those, their ids.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Mapping
from pathlib import Path

from sitrep.evaluation.stories import (
    HALVES,
    code_streams,
    kept_ids,
    link_stream,
    read_triplets,
    squash,
    story_scores,
)
from sitrep.pipeline import Components
from sitrep.records import Article

DEFAULT_BASIL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "basil_dev"


def show_mixed(predicted: Mapping[str, str], gold: Mapping[str, int], half: range,
               articles: list[Article]) -> None:
    """Print the stories of this half that are not exactly one triplet."""
    titles = {a.id: f"{a.published} {a.outlet:9.9} {a.title}" for a in articles}
    by_story: dict[str, list[str]] = {}
    for article_id, story in predicted.items():
        by_story.setdefault(story, []).append(article_id)
    for story, members in sorted(by_story.items()):
        triplets = {gold[a] for a in members}
        if not triplets & set(half) or (len(triplets) == 1 and len(members) == 3):
            continue
        print(f"  story {story}:")
        for a in sorted(members, key=lambda a: (gold[a], titles[a])):
            print(f"    t{gold[a]:02d} {titles[a][:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    parser.add_argument("--days", type=int, default=5, help="days of the squashed stream")
    parser.add_argument("--show", choices=["tune"],
                        help="print this half's stories that are not exactly one triplet "
                        "(the check half's are never shown: it is scored, not read)")
    args = parser.parse_args()
    articles, triplet_of = read_triplets(args.basil)
    components = Components.load()
    streams = {"dated": articles, "squashed": squash(articles, triplet_of, args.days)}
    print(f"{len(articles)} articles, {len(set(triplet_of.values()))} triplets")
    print(f"{'stream':9} {'half':6} {'P':>6} {'R':>6} {'F1':>6} {'B3':>6}  stories")
    for name, coded in code_streams(streams, components).items():
        with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
            predicted, rebuilt = link_stream(coded, Path(tmp) / "stories.db")
        for half_name, half in HALVES.items():
            s = story_scores(predicted, triplet_of, half)
            n = len({predicted[a] for a, t in triplet_of.items() if t in half})
            print(f"{name:9} {half_name:6} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
                  f"{s['B3']:6.3f}  {n}")
        same, kept, n = kept_ids(predicted, rebuilt)
        print(f"{name:9} rebuild_links: {same} of {n} stories keep their articles, "
              f"{kept} of them their id")
        if args.show:
            show_mixed(predicted, triplet_of, HALVES[args.show], streams[name])


if __name__ == "__main__":
    main()
