"""The serve stage: the REST API and web UI (`app.create_app`), and events written as
files (JSON Lines, CSV, Parquet, PLOVER JSON) for the API and the CLI's `export`.

Nothing here imports the command line: the API loads without click or rich.
"""
