"""The `sitrep` command line: a thin shell over `sitrep.pipeline` and `sitrep.store`.

`_util` holds the command group `main` and what the commands share; each other module is
one group of commands, registered on `main` when imported here.
"""

from sitrep.cli import (  # noqa: F401 - importing a command module registers its commands
    compare,
    evaluate,
    export,
    ingest,
    link,
    listing,
    serve,
    watch,
)
from sitrep.cli._util import EXIT_INPUT_FAILED, EXIT_INTERNAL_ERROR, EXIT_OK, main

__all__ = ["EXIT_INPUT_FAILED", "EXIT_INTERNAL_ERROR", "EXIT_OK", "main"]
