"""The `sitrep` command line end to end, on the bundled examples and files made here."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "demo.db")
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    assert "6 new" in result.output
    return db


def events(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["events", "--format", "jsonl", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_event_has_the_contract_fields(demo_db):
    required = {"id", "article_id", "outlet", "published", "event_type", "mode", "context",
                "cameo", "actor", "recipient", "event_date", "date_precision", "date_text",
                "location", "modality", "attributed_to", "sentence", "evidence"}
    records = events(demo_db)
    assert len(records) > 30
    for record in records:
        assert required <= set(record)
        assert record["modality"] in ("asserted", "claimed", "denied", "planned",
                                      "hypothetical", "negated")
        assert record["cameo"].isdigit() and len(record["cameo"]) == 2
    located = [r["location"] for r in records if r["location"]]
    assert located and all(
        where["precision"] in ("point", "city", "division", "region", "country")
        for where in located)


def test_filters(demo_db):
    accuse = events(demo_db, "--type", "accuse")
    assert accuse and all(e["event_type"] == "ACCUSE" for e in accuse)
    prk = events(demo_db, "--actor", "PRK")
    assert prk and all(e["actor"]["code"] == "PRK" for e in prk)
    # a code matches exactly, or the text contains it ("KOR" in "South Korean fighters")
    recipient = events(demo_db, "--recipient", "KOR")
    assert any(e["recipient"]["code"] == "KOR" for e in recipient)
    assert all(e["recipient"]["code"] == "KOR" or "kor" in e["recipient"]["text"].lower()
               for e in recipient)
    since = events(demo_db, "--since", "2026-03-05")
    assert since and all((e["event_date"] or e["published"]) >= "2026-03-05" for e in since)
    until = events(demo_db, "--until", "2026-03-04")
    assert until and all((e["event_date"] or e["published"]) <= "2026-03-04" for e in until)
    outlet = events(demo_db, "--outlet", "harbor")
    assert outlet and all(e["outlet"] == "Harbor Wire" for e in outlet)
    assert len(events(demo_db, "--limit", "3")) == 3


def test_background_filter_on_events_and_export(tmp_path):
    report = tmp_path / "minsk.txt"
    report.write_text("Police arrested twelve protesters in Minsk on Monday.\n\n"
                      "The government had previously banned the opposition party.\n")
    db = str(tmp_path / "background.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(report), "--db", db,
                                  "--published", "2021-06-09"])
    assert result.exit_code == 0, result.output

    def triggers(records):
        return [r["trigger"]["text"] for r in records]

    assert triggers(events(db, "--background")) == ["banned"]
    assert triggers(events(db, "--no-background")) == ["arrested"]
    assert sorted(triggers(events(db))) == ["arrested", "banned"]
    out = tmp_path / "news.jsonl"
    result = runner.invoke(main, ["export", "--db", db, "--no-background", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert triggers(map(json.loads, out.read_text().splitlines())) == ["arrested"]


def test_modality_filter_on_events_and_export(demo_db, tmp_path):
    told = {e["id"]: e["modality"] for e in events(demo_db)}
    assert len(set(told.values())) > 1  # else the filter could keep everything and pass
    for modality in set(told.values()):
        assert {e["id"] for e in events(demo_db, "--modality", modality.upper())} == {
            i for i, m in told.items() if m == modality}
    out = tmp_path / "claimed.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", demo_db, "--modality", "asserted",
                                       "--output", str(out)])
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in out.read_text().splitlines()]
    assert exported and {e["modality"] for e in exported} == {"asserted"}


def test_sql_metacharacters_in_filters_are_literal(demo_db):
    assert events(demo_db, "--actor", "' OR 1=1 --") == []
    assert events(demo_db, "--outlet", "%") == []


def test_csv_and_table_formats(demo_db):
    runner = CliRunner()
    as_csv = runner.invoke(main, ["events", "--format", "csv", "--db", demo_db])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == len(events(demo_db))
    assert {"actor_code", "event_date", "evidence_start"} <= set(rows[0])
    table = runner.invoke(main, ["events", "--db", demo_db, "--type", "PROTEST"])
    assert table.exit_code == 0 and "PROTEST" in table.stdout


def test_articles_list_ids(demo_db):
    result = CliRunner().invoke(main, ["articles", "--format", "jsonl", "--db", demo_db])
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) == 6
    ids = {a["id"] for a in articles}
    assert {e["article_id"] for e in events(demo_db)} <= ids


def place_rows(db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["places", "--format", "jsonl", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_places_one_row_per_place_with_its_mentions_counted(demo_db):
    counted = place_rows(demo_db)
    mentions = place_rows(demo_db, "--mentions")
    assert sum(p["mentions"] for p in counted) == len(mentions)
    assert [p["mentions"] for p in counted] == sorted((p["mentions"] for p in counted),
                                                      reverse=True)
    top = counted[0]
    of_top = [m for m in mentions if (m["name"], m["kind"], m["lat"], m["lon"]) ==
              (top["name"], top["kind"], top["lat"], top["lon"])]
    assert top["mentions"] == len(of_top) > 1
    assert top["articles"] == len({m["article_id"] for m in of_top})
    assert top["precision"] == of_top[0]["precision"]
    assert top["first_published"] <= top["last_published"]


def test_places_filters_limit_and_table(demo_db):
    korean = place_rows(demo_db, "--country", "kor")
    assert korean and all(p["country"] == "KOR" for p in korean)
    one_article = place_rows(demo_db, "--mentions", "--limit", "1")[0]["article_id"]
    in_it = place_rows(demo_db, "--article", one_article)
    assert in_it and all(p["articles"] == 1 for p in in_it)
    assert len(place_rows(demo_db, "--limit", "2")) == 2
    table = CliRunner().invoke(main, ["places", "--db", demo_db, "--limit", "3"])
    assert table.exit_code == 0
    assert "mentions" in table.stdout and "precision" in table.stdout
    assert len(table.stdout.strip().splitlines()) == 4  # the header and three places


def test_evidence_offsets_point_into_the_stored_text(demo_db):
    from sitrep.store import Store

    store = Store(demo_db)
    for record in events(demo_db)[:20]:
        text = store.article(record["article_id"])["text"]
        start, end = record["evidence"]["start"], record["evidence"]["end"]
        assert record["trigger"]["text"] in text[start:end]
    store.close()


def test_bad_file_in_a_batch_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "01_seoul_drills_wire.txt", folder / "good.txt")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    (folder / "lines.jsonl").write_text('{"text": "Kenyan police arrested 12 activists in '
                                        'Nairobi on Monday."}\n{not json\n')
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 1
    assert "binary file" in result.output
    assert "lines.jsonl:2" in result.output
    assert "2 new" in result.output


def test_overrides_win(tmp_path):
    db = str(tmp_path / "o.db")
    result = CliRunner().invoke(main, [
        "ingest", str(EXAMPLES / "01_seoul_drills_wire.txt"), "--db", db, "--outlet", "Desk",
        "--published", "2026-03-10", "--title", "Drills"])
    assert result.exit_code == 0
    listing = CliRunner().invoke(main, ["articles", "--format", "jsonl", "--db", db])
    article = json.loads(listing.stdout)
    assert (article["outlet"], article["published"], article["title"]) == (
        "Desk", "2026-03-10", "Drills")


def test_run_prints_the_inputs_events(tmp_path):
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / "02_missile_launch_plain.txt"),
                                       "-q"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and len({r["article_id"] for r in records}) == 1


def test_bad_date_option_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["events", "--since", "last week",
                                       "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_help_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    for command in ("ingest", "events", "articles", "places", "run", "stats"):
        assert command in result.output


def test_users_extend_lexicon_and_actors_without_code(tmp_path):
    text = tmp_path / "story.txt"
    text.write_text("The Harbor Militia commandeered two ferries near the port on Monday.\n")
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text('[[pattern]]\ntype = "COERCE"\nverb = "commandeer"\nmode = "seize"\n')
    actors = tmp_path / "mine.tsv"
    actors.write_text("pattern\tcode\tsector\tcountry\nHarbor Militia\tHMI\tREB\t\n")
    args = ["run", str(text), "--published", "2026-03-04", "-q"]
    plain = CliRunner().invoke(main, args)
    assert not [json.loads(x) for x in plain.stdout.splitlines()]
    extended = CliRunner().invoke(main, [*args, "--lexicon", str(lexicon),
                                         "--actors", str(actors)])
    [event] = [json.loads(x) for x in extended.stdout.splitlines()]
    assert (event["event_type"], event["mode"]) == ("COERCE", "seize")
    assert (event["actor"]["code"], event["actor"]["sector"]) == ("HMI", "REB")
    assert event["event_date"] == "2026-03-02"


def test_bad_user_lexicon_is_one_clear_line(tmp_path):
    lexicon = tmp_path / "bad.toml"
    lexicon.write_text('[[pattern]]\ntype = "NOPE"\nverb = "x"\n')
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / "02_missile_launch_plain.txt"),
                                       "--lexicon", str(lexicon)])
    assert result.exit_code == 1
    assert "unknown event types: ['NOPE']" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("damage, expected", [
    ("UPDATE alembic_version SET version_num = '9999future'", "does not know"),
    ("DROP TABLE events", "table events is missing"),
])
def test_a_database_sitrep_cannot_use_is_one_clear_line_on_every_command(tmp_path, damage,
                                                                          expected):
    import sqlite3

    db = tmp_path / "damaged.db"
    assert CliRunner().invoke(main, ["stats", "--db", str(db)]).exit_code == 0  # created
    with sqlite3.connect(db) as connection:
        connection.execute(damage)
    for command in (["events"], ["stats"], ["ingest", "-"], ["link", "--rebuild"]):
        result = CliRunner().invoke(main, [*command, "--db", str(db)], input="")
        assert result.exit_code == 1, (command, result.output)
        assert expected in result.output and "Traceback" not in result.output


NO_OUTLET = ("The navy said on Monday that two frigates sailed into the bay after a storm "
             "passed.\n\nThe ministry accused the rebels of shelling the port.\n")


def test_stats_counts_articles_without_an_outlet(tmp_path):
    db = str(tmp_path / "s.db")
    (tmp_path / "plain.txt").write_text(NO_OUTLET)
    (tmp_path / "named.txt").write_text(NO_OUTLET.replace("Monday", "Tuesday"))
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(tmp_path / "plain.txt"), "-q", "--db", db]
                         ).exit_code == 0
    assert runner.invoke(main, ["ingest", str(tmp_path / "named.txt"), "-q", "--db", db,
                                "--outlet", "Bay Herald"]).exit_code == 0
    result = runner.invoke(main, ["stats", "--db", db])
    assert result.exit_code == 0
    assert "2 articles" in result.stdout
    assert "Bay Herald 1" in result.stdout and "(no outlet) 1" in result.stdout


def test_an_empty_listing_says_nothing_matches_instead_of_a_bare_header(demo_db):
    result = CliRunner().invoke(main, ["events", "--db", demo_db, "--outlet", "no such outlet"])
    assert result.exit_code == 0
    assert result.stdout.strip() == ""
    assert "no events match" in result.stderr
    jsonl = CliRunner().invoke(main, ["events", "--db", demo_db, "--format", "jsonl",
                                      "--outlet", "no such outlet"])
    assert jsonl.stdout == "" and "no events match" in jsonl.stderr


@pytest.mark.parametrize("command", ["events", "export"])
def test_since_after_until_is_a_usage_error_saying_the_range_is_empty(demo_db, command):
    result = CliRunner().invoke(main, [command, "--db", demo_db, "--since", "2017-06-01",
                                       "--until", "2017-05-01"])
    assert result.exit_code == 2
    assert "2017-06-01" in result.output and "empty" in result.output


def test_a_date_that_does_not_exist_is_named_so(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--published", "2017-02-30",
                                       "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 2
    assert "no such date" in result.output and "YYYY-MM-DD" not in result.output.split(
        "Error:")[-1]


def test_parquet_to_a_terminal_is_refused_with_a_hint(demo_db):
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-c", "from sitrep.cli import main; main()",
                               "export", "--format",
                               "parquet", "--db", demo_db], stdout=follower,
                              stderr=subprocess.PIPE, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(EXAMPLES.parent)})
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert b"-o events.parquet" in done.stderr and b"terminal" in done.stderr


def test_the_readme_names_the_commands_without_db():
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    without = sorted(name for name, command in main.commands.items()
                     if not any("--db" in p.opts for p in command.params))
    assert without == ["eval"]  # it codes its gold in memory: no database to name
    claims = [line for line in readme.splitlines() if "takes `--db" in line]
    assert claims and all("but `eval`" in line for line in claims)


def test_ingest_off_a_terminal_reports_progress_by_tenths_with_the_time_left(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(10):
        (folder / f"r{i}.txt").write_text(
            f"Officials in Port Aldis said on Monday that ferry number {i} resumed sailing "
            "after the storm.", encoding="utf-8")
    # coded in this process: the lines are the same with worker processes (they report
    # each batch as it comes back), which would only add their start-up to the test
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "p.db"),
                                       "--batch-size", "2", "--workers", "1"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("coded ")]
    assert lines[0].startswith("coded 2 of ~10 inputs (20 %), about ")
    assert lines[-1].startswith("coded 8 of ~10 inputs (80 %)") and lines[-1].endswith(" left")
    assert "10 article(s) read" in result.output
