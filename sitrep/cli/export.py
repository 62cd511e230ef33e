"""`sitrep export`: filtered events as JSON Lines, CSV, Parquet or PLOVER JSON."""

from __future__ import annotations

import sys

import click

from sitrep.cli._util import (
    check_date_range,
    db_option,
    filter_options,
    friendly_errors,
    limit_option,
    main,
    open_store,
)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover"]),
              default="jsonl", show_default=True,
              help="plover: PLOVER's JSON field names, one record per line.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="File to write (- for standard output).")
@filter_options
@limit_option
@db_option
@friendly_errors
def export(db, fmt, output, limit, **filters) -> None:
    """Export filtered events as JSON Lines, CSV, Parquet or PLOVER JSON."""
    from sitrep.serve.exports import events_parquet, plover_lines
    from sitrep.serve.formats import write_events_csv, write_jsonl
    check_date_range(filters["since"], filters["until"])
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary and standard output is a terminal: write "
                               "it to a file, e.g. -o events.parquet")
    store = open_store(db)
    records = store.events(limit=limit, **filters)
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
