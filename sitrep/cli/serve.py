"""`sitrep serve`: the REST API and the web UI over a database."""

from __future__ import annotations

import click

from sitrep.cli._util import db_option, err, friendly_errors, main


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
@friendly_errors
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
