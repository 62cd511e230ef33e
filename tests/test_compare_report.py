"""`sitrep compare` end to end on fixture articles written for these tests
(fixtures/compare_frigates.jsonl, coded by the real pipeline), and the Markdown, JSON and
HTML reports: HTML self-contained, escaped, and readable in headless Chromium."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.compare_builders import article

from sitrep.cli import main
from sitrep.compare import compare_articles
from sitrep.serve.comparison_report import format_for, render

FIXTURE = Path(__file__).parent / "fixtures" / "compare_frigates.jsonl"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def frigates(tmp_path_factory) -> tuple[str, list[str]]:
    db = str(tmp_path_factory.mktemp("compare") / "frigates.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(FIXTURE), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    listing = runner.invoke(main, ["articles", "--format", "jsonl", "--db", db])
    records = [json.loads(line) for line in listing.stdout.splitlines()]
    ids = {r["outlet"]: r["id"] for r in records}
    return db, [ids["Northern Wire"], ids["Eastern Courier"]]


def _compare(db: str, *args: str):
    return CliRunner().invoke(main, ["compare", *args, "--db", db])


def test_cli_json_has_every_part(frigates):
    db, ids = frigates
    result = _compare(db, "--articles", *ids, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [a["outlet"] for a in data["articles"]] == ["Northern Wire", "Eastern Courier"]
    by_rule = {c["rule"]: c for c in data["contradictions"]}
    assert set(by_rule) == {"number", "capability"}
    capability = by_rule["capability"]
    assert "practised firing nuclear missiles" in capability["left"]["detail"]
    assert capability["left"]["source"] == "Russian Defence Ministry"
    assert "not equipped to carry nuclear weapons" in capability["right"]["detail"]
    assert capability["right"]["source"] == "navy spokesperson"
    numbers = by_rule["number"]
    assert {numbers["left"]["detail"], numbers["right"]["detail"]} == {
        "Two Norwegian frigates", "Four Norwegian frigates"}
    shared = [r for r in data["rows"] if len(r["reported_by"]) == 2]
    assert len(shared) == 2 and shared[0]["cells"][0]["status"] == "differs"
    # Northern Wire says the frigates cannot carry what the Courier says they practised
    # firing: its words come near, so it may tell the fact otherwise ("unclear", apart)
    assert any(o["missing_from"] == [ids[0]] and o["certainty"] == "unclear"
               for o in data["unclear_omissions"])
    assert all(o["certainty"] == "omitted" for o in data["omissions"])
    sources = {p["article_id"]: [s["name"] for s in p["sources"]] for p in data["attribution"]}
    assert sources[ids[1]] == ["Russian Defence Ministry"]
    contrast = next(c for c in data["framing_contrasts"] if c["opposite"] == "routine")
    assert contrast["counts"][ids[0]]["routine"] == 2
    assert contrast["counts"][ids[1]]["alarm"] == 3


def test_cli_markdown_and_html_file(frigates, tmp_path):
    db, ids = frigates
    result = _compare(db, "--articles", *ids)
    assert result.exit_code == 0, result.output
    for heading in ("## Contradictions (2)", "## Framing", "### alarm vs routine",
                    "## Attribution", "## Coverage matrix", "## Omissions"):
        assert heading in result.stdout
    out = tmp_path / "cmp.html"
    result = _compare(db, "--articles", *ids, "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "capability statements exclude" in page


def test_cli_errors_are_one_clear_line(frigates):
    db, ids = frigates
    unknown = _compare(db, "--articles", ids[0], "feedfacefeedface")
    assert unknown.exit_code == 1 and "no article with id 'feedfacefeedface'" in unknown.output
    single = _compare(db, "--articles", ids[0])
    assert single.exit_code == 2 and "at least two" in single.output
    two_without_flag = _compare(db, *ids)
    assert two_without_flag.exit_code == 2 and "--articles" in two_without_flag.output


def test_cli_compares_a_story_of_the_link_stage(frigates, tmp_path):
    db, ids = frigates
    runner = CliRunner()
    assert runner.invoke(main, ["link", "--db", db, "-q"]).exit_code == 0
    listing = runner.invoke(main, ["stories", "--format", "jsonl", "--min-articles", "2",
                                   "--db", db])
    story = json.loads(listing.stdout.splitlines()[0])
    assert sorted(story["article_ids"]) == sorted(ids)
    result = _compare(db, story["id"], "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(a["id"] for a in data["articles"]) == sorted(ids)
    assert {c["rule"] for c in data["contradictions"]} == {"number", "capability"}
    missing = _compare(db, "0000000000000000")
    assert missing.exit_code == 1 and "no story with id" in missing.output


LONG_TITLE = ("Harbour board votes to extend the night ferry timetable through the winter "
              "months after months of complaints from commuters")
SAME_DAY = [  # three reports of one outlet on one day; two under one title
    ("Ferry crew walks out over pay", "Ferry crews walked out at the harbour on Monday, "
     "the union said. Commuters waited for hours at the pier."),
    ("Ferry crew walks out over pay", "Ferry crews walked out at the harbour on Monday, "
     "the union said. The harbour board called the strike illegal."),
    (LONG_TITLE, "Ferry crews walked out at the harbour on Monday, the union said. The board "
     "voted to run the night ferry all winter."),
]


def test_cli_reports_tell_apart_articles_of_one_outlet_and_day(tmp_path):
    source = tmp_path / "same_day.jsonl"
    source.write_text("".join(
        json.dumps({"url": f"http://example.org/{i}", "title": title, "outlet": "Bay Post",
                    "published": "2022-02-07", "text": text}) + "\n"
        for i, (title, text) in enumerate(SAME_DAY)), encoding="utf-8")
    db = str(tmp_path / "same_day.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(source), "--db", db, "-q"]).exit_code == 0
    listing = runner.invoke(main, ["articles", "--format", "jsonl", "--db", db])
    ids = [json.loads(line)["id"] for line in listing.stdout.splitlines()]
    data = json.loads(_compare(db, "--articles", *ids, "--format", "json").stdout)
    labels = [a["label"] for a in data["articles"]]
    assert len(set(labels)) == 3
    assert all(label.startswith("Bay Post (2022-02-07): ") for label in labels)
    assert sum("Ferry crew walks out over pay" in label for label in labels) == 2
    long = next(label for label in labels if "night ferry" in label)
    assert long.endswith("…") and len(long) < len("Bay Post (2022-02-07): ") + len(LONG_TITLE)
    markdown = _compare(db, "--articles", *ids).stdout
    header = next(line for line in markdown.splitlines() if line.startswith("| row |"))
    assert [cell.strip() for cell in header.strip("|").split("|")][1:] == labels
    page = _compare(db, "--articles", *ids, "--format", "html").stdout
    assert all(f"<th>{escape(label)}</th>" in page for label in labels)


def test_format_follows_the_output_suffix():
    assert format_for("x.html", None) == "html"
    assert format_for("x.json", None) == "json"
    assert format_for(None, None) == "md"
    assert format_for("x.html", "md") == "md"


HOSTILE = ("Two patrol boats <script>alert('owned')</script> left the harbour at dawn, "
           "the coastguard said.\n"
           "The boats can carry nuclear torpedoes & <b>sea mines</b>, an official said.\n")
PLAIN = ("Three patrol boats left the harbour at dawn in a provocative move.\n"
         "The boats are not able to carry nuclear torpedoes.\n")


def _hostile_comparison():
    return compare_articles([
        article("x1", "Harbour <Weekly>", "2023-07-01", HOSTILE),
        article("x2", "Quay & Co", "2023-07-01", PLAIN),
    ])


def test_html_escapes_article_text_and_loads_nothing():
    page = render(_hostile_comparison(), "html")
    assert not re.search(r"<(script|link|img|iframe|object)\b", page, re.IGNORECASE)
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in page
    assert "Harbour &lt;Weekly&gt;" in page and "Quay &amp; Co" in page
    assert not re.search(r"(src|href)=\"?(https?:)?//", page)
    assert "<style>" in page  # CSS inline


def test_markdown_keeps_tables_intact():
    text = render(_hostile_comparison(), "md")
    for line in text.splitlines():
        if line.startswith("| r"):
            # every matrix row has as many cells as the header (no stray pipes from text)
            assert len(re.findall(r"(?<!\\)\|", line)) == 4


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (Debian chromium)")
def test_html_report_reads_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "report.html"
    path.write_text(render(_hostile_comparison(), "html"), encoding="utf-8")
    dialogs, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        for section in ("Contradictions (2)", "Framing", "Attribution", "Coverage matrix"):
            assert page.get_by_role("heading", name=section).is_visible()
        assert page.locator(".card").count() == 2
        card = page.locator(".card", has_text="capability statements exclude each other")
        assert card.is_visible()
        assert "not able to carry nuclear torpedoes" in card.inner_text()
        assert card.locator("mark", has_text="can carry nuclear torpedoes").is_visible()
        # the article's markup is shown as text, never run or rendered
        assert page.get_by_text("<script>alert('owned')</script>", exact=False).first.is_visible()
        assert page.locator("b", has_text="sea mines").count() == 0
        # the two columns of a contradiction sit side by side on a wide screen
        left, right = (s.bounding_box() for s in card.locator(".side").all())
        assert abs(left["y"] - right["y"]) < 2 and left["x"] + left["width"] <= right["x"]
        browser.close()
    assert dialogs == []
    assert all(url.startswith("file:") for url in requests)


def test_cli_refuses_an_output_extension_it_cannot_write(frigates, tmp_path):
    db, ids = frigates
    out = tmp_path / "cmp.pdf"
    result = _compare(db, "--articles", *ids, "-o", str(out))
    assert result.exit_code == 2
    assert ".pdf" in result.output and ".html" in result.output and "--format" in result.output
    assert not out.exists()
    forced = _compare(db, "--articles", *ids, "-o", str(tmp_path / "cmp.txt"), "--format", "md")
    assert forced.exit_code == 0 and (tmp_path / "cmp.txt").read_text().startswith("#")
