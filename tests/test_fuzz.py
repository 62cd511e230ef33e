"""Hardening: generated bad inputs of every kind issue 16 lists, mixed with good articles,
through the real `sitrep ingest` on SQLite. No input may crash the run, abort the batch, stall
it or poison the database: every good article is stored, every bad one is reported, the
error log stays empty and running again stores nothing twice.

The junk files are also tried at the sizes the issue measured (hundreds of KB): text that is
not prose is refused before parsing, so they cost about a second.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sitrep.cli import EXIT_INPUT_FAILED, EXIT_INTERNAL_ERROR, main
from sitrep.cli._util import _Commands
from sitrep.ingest.limits import EARLIEST_DATE, LATEST_DATE, shifted, supported
from sitrep.resolve.dates import find_date_expressions, resolve_date

COUNTRIES = ["Ruritania", "Freedonia", "Sylvania", "Latveria", "Genovia", "Elbonia"]
ACTS = ["shelled {n} villages near", "sent {n} aid convoys to", "arrested {n} protesters in",
        "held {n} rounds of talks in"]
TOWNS = ["Altdorf", "Brennick", "Corvale", "Dunmore", "Eastmarch"]
RELATIVE = ["yesterday", "tomorrow", "next month", "999 years ago", "99999 years ago",
            "on Tuesday", "last week", "the next day", "in the 1790s", "next year"]
EXTREME_DATES = ["0001-01-01", "0001-01-02", "0001-01-08", "1799-12-31", "2201-01-01",
                 "9999-12-24", "9999-12-30", "9999-12-31"]
CHARSETS = ["rot13", "base64", "zlib", "idna", "uu", "hex", "bz2", "quopri", "utf-16",
            "utf-32", "no-such-charset", "punycode", "unicode_escape"]


def good_text(number: int) -> str:
    """An English report no other input repeats: `number` makes it distinct."""
    actor = COUNTRIES[number % len(COUNTRIES)]
    act = ACTS[number % len(ACTS)].format(n=number + 2)
    town = TOWNS[number % len(TOWNS)]
    return (f"The government of {actor} {act} the town of {town} on Monday, officials in "
            f"{COUNTRIES[(number + 1) % len(COUNTRIES)]} said in a statement. The ministry "
            "said the decision followed weeks of tension along the border.")


def bad_lines(rng: random.Random) -> list[str]:
    """JSON lines that are each wrong in one way, `rng` varying their sizes and places."""
    sentence = good_text(999)
    lines = []
    for published in EXTREME_DATES:  # stored, undated: never a failure
        for phrase in RELATIVE:
            lines.append(json.dumps({"published": published,
                                     "text": f"{sentence} The strike came {phrase}."}))
    for _ in range(42):
        cut = rng.randrange(1, len(sentence))
        lines.append(json.dumps({"text": sentence[:cut] + "\ud800" + sentence[cut:],
                                 "title": "A \udfff title"}))
        lines.append("[" * rng.randrange(50_000, 110_000))
        lines.append('{"text": ' + "{\"a\": " * rng.randrange(20_000, 60_000))
        lines.append('{"text": "x", "id": ' + "9" * rng.randrange(4_400, 6_000) + "}")
        lines.append(json.dumps({"text": sentence})[: rng.randrange(2, 60)])  # cut short
        lines.append(json.dumps(rng.choice([[1, 2], "text", 42, None, True])))
        lines.append(json.dumps({"text": rng.choice([None, 17, ["a"], {"b": 1}, " \n "])}))
        lines.append(json.dumps({"title": "no text field", "outlet": "Nowhere"}))
        lines.append(json.dumps({"text": rng.choice(junk_walls(rng.randrange(500, 3000)))}))
    return lines


def junk_walls(n: int) -> list[str]:
    return ["42 " * n, "2017-05-03 " * n, ".,;:!?-()" * n, "[" * (4 * n), "<" * (4 * n),
            "\U0001F600" * n, "*a **b _c " * n, "[a](" * n]


def write_inputs(folder: Path, rng: random.Random, goods: int) -> tuple[list[str], int]:
    """The good texts written, and how many bad inputs beside them."""
    folder.mkdir()
    good = [good_text(i) for i in range(goods)]
    lines = bad_lines(rng)
    bad = len(lines)
    mixed = [json.dumps({"text": text, "outlet": "Good Wire"}) for text in good[:goods // 2]]
    for line in lines:
        mixed.insert(rng.randrange(len(mixed) + 1), line)
    (folder / "mixed.jsonl").write_text("\n".join(mixed) + "\n", encoding="utf-8",
                                        errors="surrogatepass")
    files = good[goods // 2:]
    # a good article under a file name that is not UTF-8
    (folder / "good-0.txt").write_text(files[0], encoding="utf-8")
    os.rename(folder / "good-0.txt", os.fsencode(folder) + b"/good-\xff\xfe.txt")
    for i, text in enumerate(files[1:], 1):
        (folder / f"good-{i}.txt").write_text(text, encoding="utf-8")
    for charset in CHARSETS:
        (folder / f"charset-{charset}.html").write_text(
            f'<html><head><meta charset="{charset}"><title>T</title></head><body><p>'
            f"{good_text(500)}</p></body></html>", encoding="ascii")
        bad += 1
    for i, wall in enumerate(junk_walls(rng.randrange(2000, 5000))):
        (folder / f"junk-{i}.txt").write_text(wall, encoding="utf-8")
        (folder / f"junk-{i}.md").write_text("# Heading\n\n" + wall, encoding="utf-8")
        (folder / f"junk-{i}.html").write_text(wall, encoding="utf-8")
        bad += 3
    (folder / "ancient.txt").write_text(f"A headline\n\n1 January 0001\n\n{good_text(700)}",
                                        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/urandom", folder / "random.txt")
    os.symlink("/dev/zero", folder / "zeros.jsonl")
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    bad += 8
    return good, bad


def ingest(folder: Path, db: Path, log: Path) -> click.testing.Result:
    return CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--workers", "1",
                                     "--quiet"], env={"SITREP_ERROR_LOG": str(log)})


def stored_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT text FROM articles")]


@pytest.mark.slow
def test_a_fuzzed_batch_stores_every_good_article_once_and_reports_the_bad(tmp_path):
    folder, db, log = tmp_path / "inputs", tmp_path / "fuzz.db", tmp_path / "errors.log"
    good, bad = write_inputs(folder, random.Random(16), goods=24)
    assert bad >= 500

    first = ingest(folder, db, log)
    assert first.exit_code == EXIT_INPUT_FAILED, first.output
    assert "Traceback" not in first.output
    assert not log.exists(), log.read_text()  # no input made sitrep fail inside
    texts = stored_texts(db)
    assert all(any(text in stored for stored in texts) for text in good)
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles WHERE published IS NOT NULL "
                                  "AND (published < '1800-01-01' OR published > '2200-12-31')"
                                  ).fetchone()[0] == 0
        reported = {row[0] for row in connection.execute("SELECT message FROM ingest_problems")}
    for expected in ("outside the supported range", "nested too deeply", "4300 digits",
                     "lone surrogate", "not a text encoding", "not a regular file",
                     "text is not prose"):
        assert any(expected in message for message in reported), expected

    second = ingest(folder, db, log)
    assert second.exit_code == EXIT_INPUT_FAILED, second.output
    assert sorted(stored_texts(db)) == sorted(texts)  # nothing stored twice
    assert not log.exists()


def test_the_database_stays_usable_after_extreme_dates(tmp_path):
    """The probe's first case: after an article published on 0001-01-02, later ingests and
    a rebuild of the links still work."""
    first, second, db = tmp_path / "first.jsonl", tmp_path / "second.txt", tmp_path / "x.db"
    first.write_text(json.dumps({"published": "0001-01-02", "text": good_text(1)}) + "\n")
    second.write_text(good_text(2))
    runner, env = CliRunner(), {"SITREP_ERROR_LOG": str(tmp_path / "errors.log")}
    for path in (first, second):
        result = runner.invoke(main, ["ingest", str(path), "--db", str(db), "--workers", "1"],
                               env=env)
        assert result.exit_code == 0, result.output
    assert "outside the supported range (1800-01-01 to 2200-12-31)" in \
        runner.invoke(main, ["ingest", str(first), "--db", str(db), "--workers", "1"],
                      env=env).output
    rebuilt = runner.invoke(main, ["link", "--rebuild", "--db", str(db)], env=env)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert len(stored_texts(db)) == 2


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 8), EARLIEST_DATE,
                                       LATEST_DATE, date(9999, 12, 31)])
def test_date_resolution_is_safe_at_the_ends_of_the_calendar(published):
    text = ("It happened yesterday, tomorrow, next month, next week, next year, 999 years "
            "ago, 99999 years ago, 9999999999 days ago, in the 1790s, on Tuesday and on "
            "January 1, then the next day.")
    for expression in find_date_expressions(text):
        resolved = resolve_date(expression.text, published)
        for day in (resolved.value, resolved.range_start, resolved.range_end):
            assert day is None or supported(day), (expression.text, day)
        assert resolved.text == expression.text  # unresolved keeps the words


def test_shifting_a_date_never_leaves_the_calendar():
    assert shifted(LATEST_DATE, 1) is None and shifted(EARLIEST_DATE, -1) is None
    assert shifted(date(2020, 1, 1), 10**12) is None
    assert shifted(date(2020, 2, 28), 1) == date(2020, 2, 29)


def test_a_crash_exits_3_with_its_traceback_in_the_error_log(tmp_path):
    @click.group(cls=_Commands)
    def cli() -> None:
        pass

    @cli.command()
    def explode() -> None:
        raise RuntimeError("something sitrep did not expect")

    log = tmp_path / "errors.log"
    result = CliRunner().invoke(cli, ["explode"], env={"SITREP_ERROR_LOG": str(log)})
    assert result.exit_code == EXIT_INTERNAL_ERROR
    assert "internal error: RuntimeError: something sitrep did not expect" in result.output
    assert str(log) in result.output and "Traceback" not in result.output
    assert "Traceback" in log.read_text() and "explode" in log.read_text()


def test_help_documents_the_exit_codes():
    result = CliRunner().invoke(main, ["--help"])
    assert "3 internal error" in " ".join(result.output.split())


def test_the_issues_junk_files_at_full_size_are_skipped(tmp_path):
    folder = tmp_path / "junk"
    folder.mkdir()
    rng = random.Random(3)
    sizes = {"numbers.txt": " ".join(str(rng.randrange(10**5)) for _ in range(33_000)),
             "iso.txt": " ".join(f"20{rng.randrange(10, 30)}-0{rng.randrange(1, 10)}-1"
                                 f"{rng.randrange(10)}" for _ in range(5_000)),
             "punctuation.txt": "".join(rng.choice(".,;:!?-()[]{}<>'\"*_#/|&%$@")
                                        for _ in range(600_000)),
             "markup.md": "# Heading\n\n" + "".join(
                 rng.choice(["[", "]", "(", ")", "*", "_", "`", "!", "a ", "\n", "#", ">"])
                 for _ in range(102_000)),
             "angles.html": "<" * 500_000, "emoji.txt": "\U0001F600" * 60_000,
             "brackets.md": "# T\n\n" + "[" * 20_000}
    for name, text in sizes.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "good.txt").write_text(good_text(5))
    db, log = tmp_path / "junk.db", tmp_path / "errors.log"
    result = ingest(folder, db, log)
    assert result.exit_code == 0, result.output
    assert len(stored_texts(db)) == 1 and not log.exists()
    with sqlite3.connect(db) as connection:
        skipped = connection.execute("SELECT count(*) FROM ingest_problems WHERE message "
                                     "LIKE 'text is not prose%'").fetchone()[0]
    assert skipped == len(sizes)


def test_an_article_that_cannot_be_hashed_parsed_or_stored_fails_alone(tmp_path):
    """Articles handed to the pipeline directly (as the API and feeds do) meet the same
    boundary: one with a lone surrogate in its text (no hash), its title (the parser fails on
    it) or its outlet (the database does) is reported, and the others of its batch are
    stored."""
    from sitrep.pipeline import ingest_articles
    from sitrep.records import Article
    from sitrep.store import Store

    store = Store(tmp_path / "direct.db")
    store.migrate()
    articles = [Article(text=good_text(1) + " \ud800"), Article(text=good_text(2)),
                Article(text=good_text(3), title="Half a character \udc00", source="t.txt"),
                Article(text=good_text(4)),
                Article(text=good_text(5), outlet="Wire \ud801", source="w.txt")]
    report = ingest_articles(store, articles, batch_size=8)
    assert report.articles_new == 2
    messages = [p.message for p in report.problems]
    assert any("while hashing: UnicodeEncodeError" in m for m in messages), messages
    # spaCy refuses the title first: the parser's batch is parsed again article by article
    assert any("while parsing: UnicodeEncodeError" in m for m in messages), messages
    # and the database the outlet: the batch is stored again article by article
    assert any(p.source == "w.txt" and "while storing" in p.message for p in report.problems)
    assert len(messages) == 3
    assert sum(text in stored for text in (good_text(2), good_text(4))
               for stored in stored_texts(tmp_path / "direct.db")) == 2


def test_the_time_budget_stops_a_runaway_scan_and_keeps_an_outer_timer():
    import re
    import signal

    from sitrep.ingest.failures import TimeBudgetExceeded, time_budget

    signal.setitimer(signal.ITIMER_REAL, 3600)  # as a test runner's timeout would
    try:
        with pytest.raises(TimeBudgetExceeded, match="time budget of 0.1 s"):
            with time_budget(0.1):
                re.match(r"(a|aa)*c", "a" * 60)  # backtracks for ages
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 3000
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
