"""`sitrep export`: filtered events as JSON Lines, CSV, Parquet or PLOVER JSON."""

from __future__ import annotations

import sys

import click

from sitrep.cli._util import (
    BACKGROUND_OPTION,
    IsoDate,
    check_date_range,
    db_option,
    friendly_errors,
    main,
)
from sitrep.records import event_types


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover"]),
              default="jsonl", show_default=True,
              help="plover: PLOVER's JSON field names, one record per line.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="File to write (- for standard output).")
@click.option("--type", "types", multiple=True,
              type=click.Choice(event_types(), case_sensitive=False),
              help="PLOVER event type. Repeatable.")
@click.option("--actor", help="Actor code (USA, any case), matched exactly; any "
              "other value matches part of the actor's text (\"air force\").")
@click.option("--recipient", help="Recipient code (PRK), else part of its text.")
@click.option("--since", type=IsoDate(), help="Events on or after this date.")
@click.option("--until", type=IsoDate(), help="Events on or before this date.")
@click.option("--outlet", help="Outlet name (or part of it).")
@click.option("--article", "article_id", help="Only events of this article id.")
@BACKGROUND_OPTION
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@db_option
@friendly_errors
def export(db, fmt, output, types, actor, recipient, since, until, outlet, article_id,
           background, limit) -> None:
    """Export filtered events as JSON Lines, CSV, Parquet or PLOVER JSON."""
    from itertools import islice

    from sitrep.serve.exports import events_parquet, plover_lines
    from sitrep.serve.formats import write_events_csv, write_jsonl
    from sitrep.store import Store
    from sitrep.store.search import EventFilters, stream_events

    check_date_range(since, until)
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary and standard output is a terminal: write "
                               "it to a file, e.g. -o events.parquet")
    store = Store(db)
    store.migrate()
    filters = EventFilters(types=tuple(types), actor=actor, recipient=recipient, since=since,
                           until=until, outlet=outlet, article_id=article_id,
                           background=background)
    records = islice(stream_events(store, filters), limit)
    if fmt == "parquet":
        data = events_parquet(records)
        if output == "-":
            sys.stdout.buffer.write(data)
        else:
            with open(output, "wb") as out:
                out.write(data)
        return
    out = (sys.stdout if output == "-"
           else open(output, "w", encoding="utf-8", newline=""))  # noqa: SIM115
    try:
        if fmt == "csv":
            write_events_csv(records, out)
        elif fmt == "plover":
            articles = {a["id"]: a for a in store.articles()}
            out.writelines(plover_lines(records, articles))
        else:
            write_jsonl(records, out)
    finally:
        if out is not sys.stdout:
            out.close()
