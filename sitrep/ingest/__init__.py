"""INGEST: files, folders, standard input and raw text -> `Article` records with metadata.

Formats by extension: .txt (plain text; Markdown when it starts with a `# ` heading), .md and
.markdown, .html and .htm (boilerplate removed with trafilatura), .jsonl (one JSON object per
line with `id, url, title, author, outlet, published, text`). Bad input never raises: it
becomes an `IngestProblem` (error, warning or skipped) and the other inputs go on; so does
any failure inside sitrep while one input is read (`failures`: the error boundary, its
traceback logged, and the time budget of one input). Limits (the supported calendar, the
budget, the longest run without a space) are in limits.toml.

Knowledge lives in sitrep/data/ingest/: credits.toml (wire credits -> outlet),
footers.toml (site footers to strip), languages.toml (the English check), limits.toml.
"""

from .document import ArticleOverrides, read_text_article
from .paths import count_inputs
from .readers import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "ArticleOverrides", "count_inputs", "read_inputs",
           "read_text_article"]
