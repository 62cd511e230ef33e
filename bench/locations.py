"""Share of real-news events with a location, by source and precision of the location.

    .venv/bin/python bench/locations.py [--articles 300] [--corpus PATH] [--examples N]

Method: the first --articles stories of the VOA corpus (../shared/corpora/voa_stories.jsonl,
read as `sitrep ingest` reads JSON Lines; fewer when the corpus holds fewer) go through
`sitrep.pipeline.pipeline`, and every event it returns is counted once (one event per act,
as stored). An event's location has a source:

- **own clause**: the place its clause names ("attacked a hotel in Beledweyne");
- **paragraph**: inferred, a town or region named earlier in its sentence or paragraph;
- **dateline**: inferred, the article's dateline ("SEOUL —");
- **setting**: inferred, the country where the article's story happens.

A location the resolve stage inferred says so (its `inferred_from`); any other is the clause's
own. Precision is the record's `location.precision` (point, city, division, region,
country; README, "The event record"). Shares are of all events, and of the news (events
not told as background) alone. --examples N prints N inferred locations of each source
with their sentence, to read.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS, load_note

from sitrep.ingest import read_inputs
from sitrep.pipeline import Components, pipeline
from sitrep.records import Article, Event, Location

SOURCES = ("own clause", "paragraph", "dateline", "setting")
SOURCE_NAMES = {"clause": "own clause", "paragraph": "paragraph", "dateline": "dateline",
                "setting": "setting"}
PRECISIONS = ("point", "city", "division", "region", "country")


def source_of(location: Location) -> str:
    return SOURCE_NAMES.get(location.inferred_from or "clause", "own clause")


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    -  "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300,
                        help="How many stories of the corpus (default 300; all if fewer).")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=0,
                        help="Print this many inferred locations of each source.")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")

    articles = [a for a in read_inputs([args.corpus]) if isinstance(a, Article)]
    articles = articles[: args.articles]
    components = Components.load()
    start = time.perf_counter()
    processed = list(pipeline(articles, components))
    seconds = time.perf_counter() - start

    by_source: dict[str, Counter[str]] = {"all": Counter(), "news": Counter()}
    by_precision: dict[str, Counter[str]] = {"all": Counter(), "news": Counter()}
    totals = Counter()
    examples: dict[str, list[tuple[Event, Article]]] = {s: [] for s in SOURCES}
    for item in processed:
        for event in item.events:
            scopes = ("all",) if event.background else ("all", "news")
            source = source_of(event.location) if event.location else "none"
            precision = (event.location.precision or "unknown") if event.location else "none"
            for scope in scopes:
                totals[scope] += 1
                by_source[scope][source] += 1
                by_precision[scope][precision] += 1
            if event.location is not None:
                examples[source].append((event, item.article))

    print(f"{len(articles)} articles of {args.corpus.name}, {totals['all']:,} events "
          f"({totals['news']:,} news, not background); coded in {seconds:.0f} s; "
          f"{load_note()}")
    print(f"{'':24} {'all events':>10} {'news':>10}")
    located = {scope: totals[scope] - by_source[scope]["none"] for scope in totals}
    print(f"{'with a location':24} {share(located['all'], totals['all']):>10} "
          f"{share(located['news'], totals['news']):>10}")
    print("by source")
    for source in SOURCES:
        print(f"  {source:22} {share(by_source['all'][source], totals['all']):>10} "
              f"{share(by_source['news'][source], totals['news']):>10}")
    print(f"  {'none':22} {share(by_source['all']['none'], totals['all']):>10} "
          f"{share(by_source['news']['none'], totals['news']):>10}")
    print("by precision")
    for precision in (*PRECISIONS, "unknown"):
        if precision == "unknown" and not by_precision["all"][precision]:
            continue
        print(f"  {precision:22} {share(by_precision['all'][precision], totals['all']):>10} "
              f"{share(by_precision['news'][precision], totals['news']):>10}")

    rng = random.Random(0)
    for source in SOURCES:
        if not args.examples or not examples[source] or source == "own clause":
            continue
        print(f"\n-- {source}: {min(args.examples, len(examples[source]))} of "
              f"{len(examples[source])}")
        for event, article in rng.sample(examples[source],
                                         min(args.examples, len(examples[source]))):
            place = event.location
            actor = event.actor.code if event.actor and event.actor.code else "-"
            print(f"{event.event_type}/{actor} '{event.trigger.text}' -> {place.text!r} "
                  f"({place.name}, {place.country}) [{article.external_id}]"
                  f"{' background' if event.background else ''}")
            print(f"    {event.sentence[:220]}")


if __name__ == "__main__":
    main()
