"""The wording of size-limit errors (files, JSON lines and standard input share it)."""


def too_large(what: str, size: int, limit: int, unit: str) -> str:
    return (f"{what} is {_human(size)} ({size:,} bytes), over the limit of {_human(limit)} "
            f"({limit:,} bytes) for {unit}; raise it with --max-bytes")


def _human(size: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"
