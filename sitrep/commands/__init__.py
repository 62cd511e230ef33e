"""CLI commands beyond the core ones in `sitrep.cli`, one module per area.

Each module registers its commands on `sitrep.cli.main` when imported; `sitrep.cli`
imports them all at the end.
"""
