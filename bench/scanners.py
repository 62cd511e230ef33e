"""Scanners: do the text scanners of ingest and date finding grow linearly on adversarial text?

    .venv/bin/python bench/scanners.py [--base 2000] [--limit 2.6]

Each scanner (date finding, Markdown stripping, normalisation, paragraph joining, the
whole of `build_article` for text, Markdown and HTML) is timed on inputs of n, 2n, 4n and
8n repetitions of each pathological pattern (numbers, ISO dates, punctuation, unclosed
brackets and emphasis, long space runs, cut paragraphs, '<', emoji). Linear growth doubles
the time with the size: the table shows the time at each size and the ratio of the last
two; a ratio above --limit (default 2.6: doubling plus noise) is flagged QUADRATIC and the
script exits 1. Times below 20 ms are too noisy to judge and never flagged.
No spaCy model is loaded: the parse stage is outside this benchmark (see README).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from sitrep.ingest.document import build_article
from sitrep.ingest.markdown import strip_markdown
from sitrep.ingest.normalize import join_broken_paragraphs, normalize_text
from sitrep.resolve.dates import find_date_expressions

PATTERNS: dict[str, Callable[[int], str]] = {
    "numbers": lambda n: "42 " * n,
    "iso dates": lambda n: "2017-05-03 " * n,
    "punctuation": lambda n: ".,;:!?-()" * n,
    "brackets": lambda n: "[" * (4 * n),
    "emphasis": lambda n: "*a **b _c " * n,
    "links": lambda n: "[a](" * n,
    "space run": lambda n: "a" + " " * (4 * n) + "b",
    "cut paragraphs": lambda n: "word word word word of\n\n" * n,
    "angle brackets": lambda n: "<" * (4 * n),
    "emoji": lambda n: "\U0001F600" * n,
}
SCANNERS: dict[str, Callable[[str], object]] = {
    "dates": find_date_expressions,
    "markdown": strip_markdown,
    "normalize": normalize_text,
    "paragraphs": join_broken_paragraphs,
    "article (text)": lambda t: build_article(t, source="bench"),
    "article (markdown)": lambda t: build_article("# Title\n\n" + t, source="bench",
                                                  fmt="markdown"),
    "article (html)": lambda t: build_article(f"<html><body><p>{t}</p></body></html>",
                                              source="bench", fmt="html"),
}
NOISE_SECONDS = 0.02


def best_time(scan: Callable[[str], object], text: str, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        scan(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=2000, help="n, the smallest size")
    parser.add_argument("--limit", type=float, default=2.6,
                        help="largest ratio of time at 8n to time at 4n counted as linear")
    args = parser.parse_args()
    sizes = [args.base * k for k in (1, 2, 4, 8)]
    print(f"{'pattern':16} {'scanner':20} " + " ".join(f"{'n=' + str(s):>9}" for s in sizes)
          + "   ratio")
    flagged = 0
    for pattern, make in PATTERNS.items():
        for name, scan in SCANNERS.items():
            times = [best_time(scan, make(size)) for size in sizes]
            ratio = times[-1] / times[-2] if times[-2] else 0.0
            quadratic = ratio > args.limit and times[-1] > NOISE_SECONDS
            flagged += quadratic
            print(f"{pattern:16} {name:20} " + " ".join(f"{t:9.4f}" for t in times)
                  + f"   {ratio:5.2f}" + ("  QUADRATIC" if quadratic else ""), flush=True)
    print(f"\n{flagged} scanner/pattern pair(s) grew faster than linearly")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
