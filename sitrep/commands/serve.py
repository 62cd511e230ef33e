"""`sitrep serve` (REST API + web UI) and `sitrep export` (events as files)."""

from __future__ import annotations

import sys

import click

from sitrep.cli import (
    BACKGROUND_OPTION,
    EVENT_TYPES,
    IsoDate,
    _friendly_errors,
    check_date_range,
    db_option,
    err,
    main,
)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only this machine can connect by default; "
                   "0.0.0.0 opens the server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False),
              help="File whose first line is the API token that enables ingest endpoints "
                   "(else $SITREP_API_TOKEN; without either, the server is read-only).")
@click.option("--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1_000),
              help="Largest upload, text or fetched page accepted by the ingest endpoints.")
@click.option("--allow-private-urls", is_flag=True,
              help="Let URL ingest reach loopback and private network addresses.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="HOST:PORT",
              help="One loopback or private host URL ingest may reach. Repeatable.")
@click.option("--allowed-host", "server_names", multiple=True, metavar="NAME",
              help="A name the server answers to in the Host header, besides 127.0.0.1, "
                   "localhost and ::1 (and --host's address); '*' answers any (not "
                   "advised: pages elsewhere could then read the API by DNS rebinding). "
                   "Repeatable.")
@_friendly_errors
def serve(db, host, port, token_file, max_bytes, allow_private_urls, allowed_hosts,
          server_names) -> None:
    """Serve the REST API (/api, docs at /docs) and the web UI (/) over a database.

    Requests are answered only when their Host header is this machine's loopback name, the
    address given to --host, or a name given to --allowed-host.
    """
    import uvicorn

    from sitrep.serve.app import create_app
    from sitrep.serve.settings import Settings, SettingsError, read_token

    try:
        token = read_token(token_file)
    except SettingsError as error:
        raise click.ClickException(str(error)) from None
    names = set(server_names)
    if host not in ("0.0.0.0", "::"):
        names.add(host)
    settings = Settings(db=db, token=token, max_upload_bytes=max_bytes,
                        allow_private_urls=allow_private_urls,
                        allowed_hosts=frozenset(allowed_hosts), server_names=frozenset(names))
    if not _is_loopback(host):
        err.print(f"sitrep: warning: listening on {host}, beyond this machine: anyone who can "
                  "reach it can read the whole database"
                  + (", and ingest with the token" if token else "")
                  + (". Name the server with --allowed-host for clients to reach it by name."
                     if not server_names else "."), soft_wrap=True, markup=False)
    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"sitrep: web UI at http://{shown}:{port}/ , API docs at /docs; ingest "
              f"{'enabled (token required)' if token else 'disabled (no token)'}",
              soft_wrap=True, markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: whatever it resolves to, it is not known to be loopback


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover"]),
              default="jsonl", show_default=True,
              help="plover: PLOVER's JSON field names, one record per line.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="File to write (- for standard output).")
@click.option("--type", "types", multiple=True,
              type=click.Choice(EVENT_TYPES, case_sensitive=False),
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
@_friendly_errors
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
