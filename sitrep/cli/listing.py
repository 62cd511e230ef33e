"""Commands that list what the store holds: `sitrep events`, `articles`, `places`,
`stats`."""

from __future__ import annotations

import sys

import click

from sitrep.cli._util import (
    check_date_range,
    db_option,
    err,
    filter_options,
    friendly_errors,
    limit_option,
    main,
    open_store,
    stdout_console,
)

NO_OUTLET = "(no outlet)"


def print_events(records, fmt: str) -> int:
    from sitrep.cli.tables import events_table
    from sitrep.serve.formats import write_events_csv, write_jsonl

    if fmt == "jsonl":
        count = write_jsonl(records, sys.stdout)
    elif fmt == "csv":
        count = write_events_csv(records, sys.stdout)
    else:
        # a table's header alone looks like output that went wrong
        records = list(records)
        count = events_table(records, stdout_console()) if records else 0
    if not count:
        err.print("no events match", soft_wrap=True)
    return count


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
              default="table", show_default=True)
@filter_options
@limit_option
@db_option
@friendly_errors
def events(db, fmt, limit, **filters) -> None:
    """List coded events, filtered. Dates filter on the event date, or the publication date
    when an event has none."""
    check_date_range(filters["since"], filters["until"])
    store = open_store(db)
    print_events(store.events(limit=limit, **filters), fmt)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--limit", type=click.IntRange(1))
@db_option
@friendly_errors
def articles(db, fmt, limit) -> None:
    """List stored articles with their ids."""
    from sitrep.cli.tables import articles_table
    from sitrep.serve.formats import write_jsonl

    store = open_store(db)
    records = store.articles(limit=limit)
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        articles_table(records, stdout_console())


@main.command()
@click.option("--mentions", "each_mention", is_flag=True,
              help="One row per mention instead (the text as written, the place it was "
                   "read as, the article's id), by publication date and place in the text.")
@click.option("--article", "article_id", help="Only the places of this article id.")
@click.option("--country", help="Only places in this country (ISO alpha-3, any case).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--limit", type=click.IntRange(1), help="At most this many rows.")
@db_option
@friendly_errors
def places(db, each_mention, article_id, country, fmt, limit) -> None:
    """Places the stored articles mention, one row per place, most mentioned first.

    Each row: name, country, kind (country, capital, admin1, city, sea, base...), precision
    (point, city, division, region, country: how closely lat/lon locate it), lat, lon, the
    number of mentions and of articles that mention it, and the first and last publication
    date among those articles. Places of one name at other coordinates are other places.

    With --mentions: every mention (text, name, kind, precision, country, lat, lon,
    article_id, start, end), in order of publication and position in the text.
    """
    from sitrep.cli.tables import place_counts_table, places_table
    from sitrep.serve.formats import write_jsonl

    store = open_store(db)
    if each_mention:
        records = store.places(article_id=article_id, country=country, limit=limit)
        show = places_table
    else:
        records = store.place_counts(article_id=article_id, country=country, limit=limit)
        show = place_counts_table
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        show(records, stdout_console())


@main.command()
@db_option
@friendly_errors
def stats(db) -> None:
    """Counts of articles, events per type and outlets in the database."""
    store = open_store(db)
    counts = store.counts()
    console = stdout_console()
    console.print(f"[bold]{counts['articles']}[/] articles, [bold]{counts['events']}[/] events, "
                  f"[bold]{counts.get('places', 0)}[/] place mentions")
    outlets = dict(counts["outlets"])
    if unnamed := counts["articles"] - sum(outlets.values()):
        outlets[NO_OUTLET] = unnamed  # else the outlets would not add up to the articles
    for name, by in (("by type", counts["by_type"]), ("by outlet", outlets)):
        console.print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in
                                              sorted(by.items(), key=lambda kv: -kv[1])))
