"""Commands of the link stage: `sitrep link`, `sitrep stories`, `sitrep series`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.cli._util import db_option, err, friendly_errors, main, open_store, stdout_console

FORMATS = click.Choice(["table", "json", "jsonl"])


@main.command()
@click.option("--rebuild", is_flag=True,
              help="Forget every story, event cluster and series and link all articles again "
                   "(in publication order; the same database always gives the same result).")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
@db_option
@friendly_errors
def link(db, rebuild, quiet) -> None:
    """Group stored articles into stories, their events into event clusters and recurring
    activities into series.

    Ingest links every new batch by itself; this command links articles stored without it
    (e.g. by an older sitrep), or with --rebuild redoes everything, for instance after
    editing the tunables in sitrep/data/link/. Running it again changes nothing.
    """
    from sitrep.pipeline.link_stored import link_pending, rebuild_links
    from sitrep.store.links import link_counts

    store = open_store(db)
    report = (rebuild_links if rebuild else link_pending)(store)
    if not quiet:
        counts = link_counts(store)
        err.print(
            f"{report.articles} article(s) linked now ({report.stories_joined} joined a story "
            f"of earlier ones, {report.mentions_merged} event mention(s) merged). "
            f"{counts['stories']} stories "
            f"({counts['multi_article_stories']} with several articles), "
            f"{counts['event_clusters']} events ({counts['multi_article_events']} reported by "
            f"several articles), {counts['series']} series.",
            soft_wrap=True,
        )


@main.command()
@click.argument("story_id", required=False)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1), help="At most this many stories.")
@click.option("--sort", type=click.Choice(["size", "recent"]), default="size",
              show_default=True, help="Most articles first, or latest first.")
@click.option("--min-articles", type=click.IntRange(1), default=1, show_default=True,
              help="Only stories with at least this many articles.")
@click.option("--all-events", is_flag=True,
              help="With STORY_ID: every event of the story, not only those that several "
                   "articles report.")
@db_option
@friendly_errors
def stories(db, story_id, fmt, limit, sort, min_articles, all_events) -> None:
    """List stories (articles about the same news), or show one: its articles and the events
    they report, merged across articles.

    \b
    sitrep stories                       # id, date span, articles, outlets, title
    sitrep stories --min-articles 2 --format jsonl
    sitrep stories 3f2a9c0d1e4b5a69      # one story: its articles and merged events
    """
    from sitrep.store import links

    store = open_store(db)
    if story_id is None:
        found = links.stories_list(store, limit=limit, order=sort, min_articles=min_articles)
        _write(found, fmt, lambda: _stories_table(found, stdout_console()))
        return
    one = links.story(store, story_id)
    if one is None:
        raise click.ClickException(f"no story with id {story_id!r} (see `sitrep stories`)")
    one["articles"] = links.story_articles(store, story_id)
    one["events"] = links.event_clusters_list(store, story_id,
                                              min_articles=1 if all_events else 2)
    _write(one, fmt, lambda: _story_view(one, stdout_console(), all_events))


@main.command("series")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1), help="At most this many series.")
@db_option
@friendly_errors
def series_command(db, fmt, limit) -> None:
    """List series: distinct events of one recurring activity (bomber flights, missile
    launches, protests, ...) by one actor in one area, in time order, with no long pause.
    Activities and their limits are defined in sitrep/data/link/activities.toml."""
    from sitrep.store import links

    store = open_store(db)
    found = links.series_list(store, limit=limit)
    _write(found, fmt, lambda: _series_view(found, stdout_console()))


def _write(found: list[dict] | dict, fmt: str, table: Callable[[], None]) -> None:
    """A listing (or one record) as indented JSON, JSON Lines (one line each) or a table."""
    if fmt == "json":
        json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "jsonl":
        for record in found if isinstance(found, list) else [found]:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        table()


def _span(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    return start if start == end else f"{start} – {end}"


def _stories_table(found: Iterable[dict], console: Console) -> None:
    table = Table(header_style="bold", box=None, pad_edge=False)
    for name in ("id", "dates", "articles", "outlets", "title"):
        table.add_column(name, no_wrap=name in ("id", "dates", "articles"),
                         justify="right" if name == "articles" else "left")
    for s in found:
        table.add_row(s["id"], _span(s["start"], s["end"]), str(s["n_articles"]),
                      ", ".join(s["outlets"]), Text(s["title"] or ""))
    console.print(table)


def _when(cluster: dict[str, Any]) -> str:
    if cluster.get("event_date"):
        cut = {"month": 7, "year": 4}.get(cluster.get("date_precision") or "", 10)
        return cluster["event_date"][:cut]
    return f"~{cluster['timeline_date']}" if cluster.get("timeline_date") else ""


def _events_table(clusters: Iterable[dict], *, with_series: bool = True) -> Table:
    table = Table(header_style="bold", box=None, pad_edge=False)
    columns = ["date", "type", "actor", "recipient", "place", "mentions", "outlets"]
    for name in columns + (["series"] if with_series else []):
        table.add_column(name, no_wrap=name in ("date", "type", "mentions"))
    for c in clusters:
        kind = c["event_type"] + (f"/{c['mode']}" if c.get("mode") else "")
        mentions = f"{c['n_mentions']} in {c['n_articles']}"
        row = [_when(c), kind, c.get("actor_code") or "", c.get("recipient_code") or "",
               Text(c.get("place") or ""), mentions, Text(", ".join(c["outlets"]))]
        if with_series:
            row.append(c.get("series_id") or "")
        table.add_row(*row)
    return table


def _story_view(one: dict, console: Console, all_events: bool) -> None:
    console.print(Text(one["title"] or "(untitled)", style="bold"))
    console.print(f"story {one['id']} · {_span(one['start'], one['end'])} · "
                  f"{one['n_articles']} article(s) · {', '.join(one['outlets']) or 'no outlet'}",
                  highlight=False)
    articles = Table(header_style="bold", box=None, pad_edge=False, title_justify="left",
                     title="articles")
    for name in ("published", "outlet", "id", "title"):
        articles.add_column(name, no_wrap=name in ("published", "id"))
    for a in one["articles"]:
        articles.add_row(a["published"] or "", Text(a["outlet"] or ""), a["id"],
                         Text(a["title"] or ""))
    console.print(articles)
    label = "events" if all_events else "events reported by several articles"
    if one["events"]:
        table = _events_table(one["events"])
        table.title, table.title_justify = label, "left"
        console.print(table)
    else:
        console.print(f"no {label}" + ("" if all_events else " (--all-events lists all)"))


def _series_view(found: list[dict], console: Console) -> None:
    if not found:
        console.print("no series yet: a series needs two or more events of one recurring "
                      "activity by one actor on different dates")
    for s in found:
        console.print(Text.assemble((s["title"], "bold"), f"  {s['n_events']} events, "
                                    f"{_span(s['start'], s['end'])}  ", (s["id"], "dim")))
        console.print(_events_table(s["events"], with_series=False))
        console.print()
