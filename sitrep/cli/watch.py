"""`sitrep watch`: poll RSS/Atom feeds on a schedule and ingest the articles their new
entries link to (one poll of one feed: `sitrep.watching.watch_feed`)."""

from __future__ import annotations

import re
import sys
import time
from typing import Any

import click
from rich.text import Text

from sitrep.cli._util import (
    EXIT_INPUT_FAILED,
    EXIT_OK,
    db_option,
    err,
    friendly_errors,
    main,
    open_store,
)
from sitrep.watching import DEFAULT_MAX_ENTRIES

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class Duration(click.ParamType):
    name = "DURATION"

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        if isinstance(value, int | float):
            return float(value)
        match = _DURATION.match(str(value))
        if not match or float(match.group(1)) <= 0:
            self.fail(f"{value!r} is not a duration like 90s, 15m, 2h or 1d", param, ctx)
        return float(match.group(1)) * _SECONDS[match.group(2)]


@main.command()
@click.argument("feed_urls", nargs=-1, required=True, metavar="FEED_URL...")
@click.option("--every", default="15m", show_default=True, type=Duration(),
              help="Time between polls: 90s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@click.option("--allow-private-urls", is_flag=True,
              help="Let feeds and their links reach loopback and private network addresses "
                   "(refused by default).")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 512),
              help="Articles per spaCy batch and per database commit.")
@click.option("--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1_000),
              help="Largest single page accepted.")
@click.option("--max-entries", default=DEFAULT_MAX_ENTRIES, show_default=True,
              type=click.IntRange(1), help="Most new entries read per feed and poll; the rest "
              "are read at the next polls.")
@click.option("--model", help="spaCy model to load.")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True),
              help="Extra trigger/modality lexicon file (TOML). Repeatable.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True),
              help="Extra actor dictionary file (TSV). Repeatable.")
@click.option("--quiet", "-q", is_flag=True, help="Report only errors.")
@db_option
@friendly_errors
def watch(feed_urls, every, once, allow_private_urls, batch_size, max_bytes, max_entries,
          model, lexicon_files, actor_files, quiet, db) -> None:
    """Poll RSS/Atom feeds and ingest the articles of new entries, every --every until
    stopped (Ctrl-C), or just once with --once.

    Feeds are fetched with conditional requests and what was read is remembered in the
    database, so polling often costs little and never stores an article twice. A feed that
    fails is reported and the others go on; with --once the exit code is 1 if any failed.
    """
    from sitrep.engine import ComponentSpec, InProcess
    from sitrep.watching import watch_feed

    store = open_store(db)
    # one engine for every poll: the model is loaded at the first new article, then kept
    engine = InProcess(ComponentSpec.of(model, lexicon_files, actor_files),
                       batch_size=batch_size)
    try:
        while True:
            failed = False
            for url in dict.fromkeys(feed_urls):
                report = watch_feed(store, url, engine=engine, batch_size=batch_size,
                                    max_bytes=max_bytes, allow_private=allow_private_urls,
                                    max_entries=max_entries)
                failed |= report.error is not None
                for problem in report.problems:
                    err.print(Text(str(problem), style="red" if problem.severity == "error"
                                   else "yellow"), soft_wrap=True)
                if report.error or not quiet:
                    err.print(Text(str(report), style="red" if report.error else ""),
                              soft_wrap=True)
            if once:
                sys.exit(EXIT_INPUT_FAILED if failed else EXIT_OK)
            time.sleep(every)
    except KeyboardInterrupt:
        err.print("stopped", soft_wrap=True)
