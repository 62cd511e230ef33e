"""INGEST stage: files, folders, stdin and raw text -> Articles, and bad input -> IngestProblems."""

from __future__ import annotations

import io
import json
import os
import sys
import tracemalloc
import zipfile
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import ArticleOverrides, count_inputs, read_inputs, read_text_article
from sitrep.ingest.dates import parse_date_text
from sitrep.ingest.language import non_english_reason
from sitrep.records import Article, IngestProblem

REPO = Path(__file__).parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
EXAMPLES = REPO / "examples"

ENGLISH = (
    "Defence ministers from the three coastal states met in the port city on Monday and agreed "
    "to share radar data on drifting mines, a joint statement said. They will meet again in May."
)
FRENCH = (
    "Le gouvernement a annoncé mardi la suspension des activités de plusieurs partis politiques, "
    "une décision qui a provoqué la colère de l'opposition dans la capitale. Les manifestants se "
    "sont rassemblés devant le siège de la télévision nationale pour dénoncer ce qu'ils appellent "
    "une dérive autoritaire, et la police a dispersé la foule dans la soirée."
)
KOREAN = "합동참모본부는 북한이 오늘 오전 동해상으로 탄도미사일 한 발을 발사했다고 밝혔다. 군은 경계를 강화하고 있다."


def read_all(*paths, **kwargs) -> list[Article | IngestProblem]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items) -> list[IngestProblem]:
    return [item for item in items if isinstance(item, IngestProblem)]


def only_problem(items) -> IngestProblem:
    assert len(items) == 1 and isinstance(items[0], IngestProblem), items
    return items[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- the two seed reports --------------------------------------------------------------------

@pytest.fixture
def seeds() -> Path:
    if not (SEEDS / "004_6aaa86ab8a370ea6.txt").exists():
        pytest.skip(f"seed reports not found at {SEEDS} (shared/ must sit beside the repository)")
    return SEEDS


def test_wsws_seed_is_markdown_with_headline_byline_date_and_footer(seeds):
    [article] = read_all(seeds / "004_6aaa86ab8a370ea6.txt")
    assert article.title == "US sends B-1 strategic bombers over South Korea"
    assert article.author == "Peter Symonds"
    assert article.published == date(2017, 5, 3)
    assert article.outlet == "World Socialist Web Site"
    assert article.text.startswith("The US Air Force sent two B-1B Lancer strategic bombers")
    assert "To contact the WSWS" not in article.text and "wsws.org" not in article.text
    assert "Peter Symonds" not in article.text and "3 May 2017" not in article.text
    assert "*" not in article.text  # *New York Times* emphasis stripped
    # paragraphs broken mid-sentence by a blank line are joined again
    assert "meet with North Korean leader" in article.text
    assert "has provoked opposition and protests" in article.text
    assert "\n\n\n" not in article.text


def test_yonhap_seed_gets_outlet_from_credit_line_and_nothing_invented(seeds):
    [article] = read_all(seeds / "000_1aa21a7c71c41021.txt")
    assert article.outlet == "Yonhap"
    assert article.title is None and article.published is None and article.author is None
    assert article.text.startswith("The United States flew two B-1B bombers")
    assert "(Yonhap)" in article.text  # the credit line may stay in the body


# --- formats and metadata --------------------------------------------------------------------

def test_plain_text_wire_dateline_and_invented_credit():
    [article] = read_all(FIXTURES / "wire_dateline.txt")
    assert article.dateline == "SEOUL"
    assert article.outlet == "Harbor Wire"
    assert article.text.startswith("South Korea and the United States began")
    assert article.title is None and article.published is None


def test_markdown_headline_byline_date_markup_and_footer():
    [article] = read_all(FIXTURES / "headline_byline.md")
    assert article.title == "Envoys agree to reopen the Kerch ferry talks"
    assert article.author == "Elena Marsh"
    assert article.published == date(2026, 3, 4)
    assert article.text == (
        "Negotiators from the two governments met in Istanbul on Tuesday and agreed to resume "
        "talks on the ferry line next week, the Turkish foreign ministry said.\n\n"
        "The ministry said the delegations would meet again in Ankara and that the agenda would "
        "include the release of impounded cargo ships.\n\n"
        "Both sides denied that any prisoner exchange was discussed."
    )


def test_plain_text_headline_only_when_obvious_and_generic_footer_stripped():
    [article] = read_all(FIXTURES / "plain_headline.txt")
    assert article.title == "Protesters rally in Niamey against fuel price rise"
    assert article.author == "Moussa Keita"
    assert article.published == date(2026, 3, 5)
    assert article.text.startswith("Thousands of people marched")
    assert "All rights reserved" not in article.text
    assert article.outlet is None  # a copyright line is stripped but names no known outlet


def test_a_short_line_above_a_wire_dateline_is_the_headline():
    text = ("Flood waters cut the road to Tete\n\n"
            "MAPUTO, Feb. 9 (Harbor Wire) - Rising water closed the only highway to the "
            "northern city of Tete on Friday, the roads agency said.\n\n"
            "Engineers expect to reopen it next week, the agency added.\n")
    article = read_text_article(text, source="t")
    assert isinstance(article, Article)
    assert article.title == "Flood waters cut the road to Tete"
    assert article.dateline == "MAPUTO"
    assert article.text.startswith("Rising water closed the only highway")


def test_first_sentence_of_plain_text_is_not_taken_for_a_headline():
    article = read_text_article("Seoul and Washington held talks on Monday\n\n" + ENGLISH,
                                source="t")
    assert isinstance(article, Article)
    assert article.title is None
    assert article.text.startswith("Seoul and Washington held talks on Monday")


def test_txt_starting_with_a_heading_is_read_as_markdown(tmp_path):
    path = write(tmp_path, "report.txt", "\n# Talks **resume** in Geneva\n\nBy Jane Doe\n\n"
                 + ENGLISH.replace("agreed", "_agreed_"))
    [article] = read_all(path)
    assert article.title == "Talks resume in Geneva"
    assert article.author == "Jane Doe"
    assert "agreed to share" in article.text and "_" not in article.text


def test_markdown_front_matter():
    article = read_text_article(
        '---\ntitle: "Ceasefire holds"\nauthor: Ana Ruiz\ndate: 2017-05-03\n---\n\n' + ENGLISH,
        source="t", fmt="markdown")
    assert (article.title, article.author, article.published) == (
        "Ceasefire holds", "Ana Ruiz", date(2017, 5, 3))
    assert article.text == ENGLISH


def test_a_sentence_starting_with_by_is_not_a_byline():
    article = read_text_article(f"by the end of the week the army withdrew\n\n{ENGLISH}",
                                source="t")
    assert article.author is None and article.text.startswith("by the end of the week")


def test_combined_byline_and_date_line():
    article = read_text_article(f"# Ceasefire holds\n\nBy Ana Ruiz | May 3, 2017\n\n{ENGLISH}",
                                source="t", fmt="markdown")
    assert (article.author, article.published) == ("Ana Ruiz", date(2017, 5, 3))


def test_html_article_without_boilerplate_and_with_page_metadata():
    [article] = read_all(FIXTURES / "page.html")
    assert article.title == "Aid convoy reaches Menaka after week-long delay"
    assert article.author == "Amina Diallo"
    assert article.outlet == "Kestrel News Service"
    assert article.published == date(2026, 3, 6)
    assert article.url == "https://kestrel-news.example/world/aid-convoy-menaka"
    assert article.text.startswith("A United Nations convoy carrying food")
    assert article.text.rstrip().endswith("set to leave Gao on Friday.")
    for boilerplate in ("cookies", "Most read", "Privacy", "Subscribe", "All rights reserved"):
        assert boilerplate not in article.text


def test_html_copyright_year_is_not_taken_for_a_publication_date():
    [article] = read_all(FIXTURES / "page_copyright_year_only.html")
    assert article.published is None
    assert article.text.startswith("Two coast guard vessels")


def test_html_date_from_json_ld(tmp_path):
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2026-03-04T10:00:00+01:00"}</script></head><body><article><p>'
            f"{ENGLISH}</p></article><footer>Copyright 2019</footer></body></html>")
    [article] = read_all(write(tmp_path, "ld.html", page))
    assert article.published == date(2026, 3, 4)


def test_malformed_html_still_gives_text(tmp_path):
    path = write(tmp_path, "broken.html", (
        "<html><body><div><p>Envoys from the two governments met for six hours in Geneva on "
        "Monday <b>and agreed to meet again<div><p>The ministry said in a statement that the "
        "talks were constructive and that both sides would exchange prisoners next week"))
    items = read_all(path)
    [article] = articles(items)
    assert "Envoys from the two governments met" in article.text
    assert "exchange prisoners next week" in article.text
    assert all(p.severity == "warning" for p in problems(items))


@pytest.mark.parametrize("depth", [1_000, 5_000])  # past libxml2's 256, and past 2,048
def test_deeply_nested_html_still_gives_its_text(tmp_path, depth):
    paragraph = ("<p>The port authority said on Friday that both terminals would reopen "
                 "after the storm &amp; the harbour pilots returned to work.</p>")
    path = write(tmp_path, "deep.html", (
        "<html><head><script>var note = '<p>script words stay out</p>';</script></head><body>"
        + "<div>" * depth + paragraph * 3 + "</div>" * depth + "</body></html>"))
    [article] = articles(read_all(path))
    assert article.text.count("both terminals would reopen") == 3
    assert "storm & the harbour" in article.text and "script words" not in article.text


def test_html_with_no_article_text_is_an_error(tmp_path):
    path = write(tmp_path, "menu.html", "<html><body><nav><a href='/'>Home</a> <a href='/w'>"
                 "World</a></nav><footer>Copyright 2020</footer></body></html>")
    problem = only_problem(read_all(path))
    assert problem.severity == "error"
    assert problem.message.startswith("no article text found in the HTML page")


def test_html_file_without_tags_is_read_as_text_with_a_warning(tmp_path):
    items = read_all(write(tmp_path, "plain.htm", ENGLISH))
    assert [p.message for p in problems(items)] == ["no HTML tags found; read as plain text"]
    assert articles(items)[0].text == ENGLISH


def test_html_declared_charset_is_honoured(tmp_path):
    page = (f"<html><head><meta charset='iso-8859-1'></head><body><article><p>{ENGLISH} "
            "The café owner said.</p></article></body></html>").encode("latin-1")
    items = read_all(write(tmp_path, "latin.html", page))
    assert problems(items) == []
    assert "café" in articles(items)[0].text


# --- JSON Lines ------------------------------------------------------------------------------

def test_jsonl_records_metadata_and_line_problems():
    items = read_all(FIXTURES / "stories.jsonl")
    first, second, last = articles(items)
    assert (first.source, first.external_id) == (f"{FIXTURES / 'stories.jsonl'}:1", "hw-101")
    assert first.title == "Ministers meet in Varna on shipping safety"
    assert first.author == "Ivan Petrov" and first.published == date(2026, 3, 2)
    assert first.outlet == "harbor-wire.example"  # no outlet field: from the url host
    assert first.url == "https://www.harbor-wire.example/story/101"
    assert (second.outlet, second.external_id, second.published) == (
        "Example Daily", "102", date(2026, 3, 3))
    assert last.external_id == "hw-107" and last.title is None and last.published is None
    found = [(p.line, p.severity, p.message) for p in problems(items)]
    assert found == [
        (3, "error", "invalid JSON: Expecting value at column 1"),
        (4, "error", 'expected a JSON object with a "text" field, got an array'),
        (5, "error", 'no "text" field (fields found: id, title)'),
        (6, "error", '"text" must be a string, got a number'),
        (8, "warning", "could not read \"published\" value 'sometime soon' as a date (expected "
                       "e.g. 2017-05-03, 2017-05-03T10:00:00Z or May 3, 2017); ignored"),
        (8, "warning", '"title" should be a string, got a number; ignored'),
    ]
    assert all(p.source == str(FIXTURES / "stories.jsonl") for p in problems(items))


def test_jsonl_size_limit_is_per_line_and_the_file_is_streamed(tmp_path):
    # big lines (an ignored extra field keeps the test fast), ~8 MB in all
    record = {"id": 0, "url": "https://www.voa.example/a/1", "keywords": "x" * 5000,
              "text": ENGLISH}
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(1500):
            record["id"] = number
            out.write(json.dumps(record) + "\n")
    size = path.stat().st_size
    assert size > 7_500_000
    assert count_inputs([path]) == 1500
    tracemalloc.start()
    try:
        seen = sum(isinstance(item, Article) for item in read_inputs([path], max_bytes=100_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seen == 1500
    assert peak < size / 4, f"peak {peak:,} bytes for a {size:,}-byte file: not streamed"


def test_jsonl_overlong_line_is_reported_and_the_rest_goes_on(tmp_path):
    lines = [json.dumps({"id": 1, "text": ENGLISH}), json.dumps({"id": 2, "text": "x " * 3000}),
             json.dumps({"id": 3, "text": ENGLISH})]
    items = read_all(write(tmp_path, "mixed.jsonl", "\n".join(lines)), max_bytes=2000)
    assert [a.external_id for a in articles(items)] == ["1", "3"]
    [problem] = problems(items)
    assert problem.line == 2 and problem.severity == "error"
    assert problem.message == ("line is 6.0 kB (6,022 bytes), over the limit of 2.0 kB "
                               "(2,000 bytes) for one article; raise it with --max-bytes")


def test_jsonl_text_that_is_empty_or_not_english(tmp_path):
    lines = [json.dumps({"text": "   "}), json.dumps({"text": FRENCH}), "", "  "]
    items = read_all(write(tmp_path, "odd.jsonl", "\n".join(lines)))
    assert [(p.line, p.severity) for p in items] == [(1, "error"), (2, "skipped")]
    assert items[0].message == '"text" is empty'


def test_jsonl_that_is_binary_or_blank(tmp_path):
    binary = only_problem(read_all(write(tmp_path, "x.jsonl", b"\x1f\x8b\x08\x00" + bytes(64))))
    blank = only_problem(read_all(write(tmp_path, "y.jsonl", "\n  \n\n")))
    assert binary.message == "binary file (a gzip archive (decompress it first)), not text"
    assert blank.message == "no JSON lines in the file (only blank lines)"


# --- published dates -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2017-05-03", date(2017, 5, 3)),
    ("2017-05-03T10:00:00Z", date(2017, 5, 3)),
    ("2025-03-14 20:30:26Z", date(2025, 3, 14)),
    ("2017-05-03T23:30:00-05:00", date(2017, 5, 3)),
    ("May 3, 2017", date(2017, 5, 3)),
    ("3 May 2017", date(2017, 5, 3)),
    ("Wednesday, May 3, 2017", date(2017, 5, 3)),
    ("Thu., Nov. 2, 2017 10:30 a.m. KST", date(2017, 11, 2)),
    ("Sept. 14, 2017", date(2017, 9, 14)),
    ("2017-02-31", None),
    ("May 3", None),
    ("on May 3, 2017 the army", None),
])
def test_published_date_formats(text, expected):
    assert parse_date_text(text) == expected


# --- bad input -------------------------------------------------------------------------------

def test_missing_path(tmp_path):
    problem = only_problem(read_all(tmp_path / "nope.txt"))
    assert (problem.severity, problem.message) == ("error", "no such file or directory")


def test_broken_symbolic_link(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    assert only_problem(read_all(tmp_path / "link.txt")).message == (
        "broken symbolic link (its target does not exist)")


def test_empty_and_whitespace_only_files(tmp_path):
    empty = only_problem(read_all(write(tmp_path, "empty.md", "")))
    blank = only_problem(read_all(write(tmp_path, "blank.txt", " \n\t\r\n  ")))
    assert (empty.severity, empty.message) == ("error", "empty file (0 bytes)")
    assert (blank.severity, blank.message) == ("error", "empty document (only whitespace)")


@pytest.mark.parametrize("name, content, message", [
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (a PNG image), not text"),
    ("nul.txt", b"some text\x00\x00\x00more", "binary file (contains NUL bytes), not text"),
    ("noise.md", bytes((i * 37 + 11) % 256 for i in range(1, 4000) if (i * 37 + 11) % 256),
     "binary file (mostly control characters or undecodable bytes), not text"),
])
def test_binary_files(tmp_path, name, content, message):
    problem = only_problem(read_all(write(tmp_path, name, content)))
    assert (problem.severity, problem.message) == ("error", message)


def test_zip_archive_named_txt(tmp_path):
    with zipfile.ZipFile(tmp_path / "report.txt", "w") as archive:
        archive.writestr("a.txt", ENGLISH)
    assert only_problem(read_all(tmp_path / "report.txt")).message.startswith(
        "binary file (a ZIP archive")


def test_windows_1252_file_is_read_with_a_warning(tmp_path):
    path = write(tmp_path, "cp.txt", f"{ENGLISH} The minister said it was \u201cfinal\u201d."
                 .encode("cp1252"))
    warning, article = read_all(path)
    assert warning.severity == "warning"
    assert warning.message.startswith("not valid UTF-8 (first invalid byte at offset ")
    assert "decoded as Windows-1252 (cp1252)" in warning.message
    assert "\u201cfinal\u201d" in article.text


def test_undecodable_bytes_are_replaced_with_a_warning(tmp_path):
    # 0x81 is undefined in cp1252, and the lone 0xC3 is not UTF-8
    path = write(tmp_path, "bad.txt", ENGLISH.encode() + b" \x81\xc3 end.")
    warning, article = read_all(path)
    assert warning.severity == "warning"
    assert "nor Windows-1252; 2 undecodable byte sequence(s) replaced with U+FFFD" in warning.message
    assert "\ufffd" in article.text


def test_utf8_with_bom_is_read_silently(tmp_path):
    [article] = read_all(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ENGLISH.encode()))
    assert article.text == ENGLISH


def test_file_over_max_bytes_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text(ENGLISH * (6_000_000 // len(ENGLISH) + 1))
    size = path.stat().st_size
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    problem = only_problem(read_all(path))
    assert problem.severity == "error"
    assert problem.message == (f"file is 6.0 MB ({size:,} bytes), over the limit of 5.0 MB "
                               "(5,000,000 bytes) for one document; raise it with --max-bytes")
    monkeypatch.undo()
    assert isinstance(read_all(path, max_bytes=10_000_000)[0], Article)


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", ENGLISH)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: make the read fail as it would
        def denied(self):
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(Path, "read_bytes", denied)
    problem = only_problem(read_all(path))
    assert (problem.severity, problem.message) == ("error", "cannot read file: Permission denied")


def test_non_english_text_is_skipped_naming_the_language(tmp_path):
    french = only_problem(read_all(write(tmp_path, "fr.txt", FRENCH)))
    korean = only_problem(read_all(write(tmp_path, "ko.txt", KOREAN)))
    assert french.severity == korean.severity == "skipped"
    assert french.message.startswith("text is not English (looks like French; only ")
    assert korean.message == ("text is not English: mostly Hangul script (Korean); "
                              "sitrep reads English reports only")


@pytest.mark.parametrize("text", [
    ENGLISH,
    "Seoul and Washington held talks on Monday.",
    "Kim Jong Un, Moon Jae-in, Xi Jinping, Vladimir Putin, Joe Biden, Fumio Kishida, Shinzo Abe "
    "and Donald Trump met in Seoul, Pyongyang, Beijing and Tokyo. Lee Jae-myung, Han Duck-soo, "
    "Choe Son Hui and Kim Yo Jong greeted Antony Blinken and Lloyd Austin at Panmunjom.",
    "STATE MEDIA SAID THE ARMY WAS READY TO RESPOND TO ANY PROVOCATION BY THE ALLIES AND THAT "
    "THE DRILLS WERE A REHEARSAL FOR AN INVASION OF THE NORTH, THE AGENCY REPORTED ON SUNDAY.",
    f"{ENGLISH} State media used the phrase 북침 전쟁연습 for the drills.",
    "President Recep Tayyip Erdoğan met Volodymyr Zelenskyy in Türkiye on Monday, and the two "
    "leaders agreed that talks on prisoner exchanges would be held in İstanbul next week.",
])
def test_english_is_not_flagged(text):
    assert non_english_reason(text) is None


# A long report of our own: many distinct words, as real news has.
LONG_REPORT = (
    "Rescue teams reached the flooded valley on Thursday after two days of heavy rain cut the "
    "only road into it. The regional governor said more than four hundred families had left "
    "their homes and that schools in three districts would stay closed until the water fell. "
    "Engineers from the army began building a temporary bridge near the old mill, while "
    "volunteers handed out blankets, bottled water and bread at a sports hall outside town. "
    "Farmers told reporters they had lost most of the spring harvest; one said his cattle "
    "were stranded on a hill and that nobody had yet come to help him move them. The weather "
    "service expects drier days from Sunday, but warned that rivers further south could still "
    "rise. Opposition lawmakers accused the government of ignoring warnings issued last year "
    "about the state of the embankments, and demanded an inquiry. A spokeswoman for the "
    "ministry of transport rejected the charge, saying repairs had been planned and funded. "
    "Neighbouring countries offered pumps, boats and medical staff, and the European Union "
    "said it was ready to release emergency money once the damage had been assessed. Power "
    "was restored to the hospital late on Friday, though thousands of houses remain dark. "
    "Local radio stations have stayed on air around the clock, reading out the names of "
    "streets where buses will collect residents who still want to leave.")


@pytest.mark.parametrize("wall", ["*a **b _c " * 300, "the army said the talks would go on " * 60,
                                  "Breaking news! " * 400])
def test_a_few_words_repeated_over_and_over_are_not_prose(wall):
    reason = non_english_reason(wall)
    assert reason is not None and reason.startswith("text is not prose: the same ")


def test_a_long_report_with_a_real_vocabulary_is_prose():
    assert len(LONG_REPORT.split()) > 200
    assert non_english_reason(LONG_REPORT) is None
    assert non_english_reason(" ".join([LONG_REPORT] * 3)) is None
    # a short paragraph repeated (a stress-test file) is still read
    assert non_english_reason(ENGLISH * 40) is None


def test_latin_script_language_without_a_word_list_is_caught_by_its_accents():
    polish = ("Ministerstwo poinformowało we wtorek, że żołnierze zostali wysłani na granicę po "
              "kolejnej próbie nielegalnego przekroczenia, a rząd zapowiedział budowę zapory.")
    reason = non_english_reason(polish)
    assert reason is not None and "of its letters are accented" in reason


def test_unsupported_file_named_explicitly_is_skipped(tmp_path):
    problem = only_problem(read_all(write(tmp_path, "report.pdf", b"%PDF-1.4")))
    assert problem.severity == "skipped"
    assert problem.message == ("unsupported file type '.pdf'; sitrep reads .htm, .html, .jsonl, "
                               ".markdown, .md, .txt")


# --- folders, stdin, overrides, ids ----------------------------------------------------------

def test_folder_is_read_recursively_sorted_and_one_bad_file_does_not_stop_the_others(tmp_path):
    write(tmp_path, "b.txt", ENGLISH.replace("Monday", "Tuesday"))
    write(tmp_path, "a/z.md", "# Z\n\n" + ENGLISH)
    write(tmp_path, "a/broken.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "c.TXT", ENGLISH.replace("Monday", "Friday"))
    write(tmp_path, ".hidden.txt", ENGLISH)
    write(tmp_path, ".git/config.txt", ENGLISH)
    write(tmp_path, "notes.pdf", b"%PDF")
    write(tmp_path, "photo.png", b"\x89PNG")
    write(tmp_path, "other.pdf", b"%PDF")
    items = read_all(tmp_path)
    sources = [Path(i.source).relative_to(tmp_path).as_posix() for i in items]
    assert sources == ["a/broken.txt", "a/z.md", "b.txt", "c.TXT", "."]
    assert items[0].message == "binary file (a PNG image), not text"
    assert len(articles(items)) == 3
    assert (items[-1].severity, items[-1].message) == (
        "skipped", "3 files not read: unsupported type (.pdf ×2, .png); sitrep reads .htm, "
        ".html, .jsonl, .markdown, .md, .txt")
    assert count_inputs([tmp_path]) == 4


def test_empty_folder_is_a_warning(tmp_path):
    problem = only_problem(read_all(tmp_path))
    assert problem.severity == "warning" and problem.message.startswith("folder has no files")


def test_inputs_keep_their_order(tmp_path):
    first = write(tmp_path, "z.txt", ENGLISH)
    second = write(tmp_path, "a.txt", ENGLISH.replace("Monday", "Sunday"))
    items = read_all(first, tmp_path / "missing.md", second)
    assert [Path(i.source).name for i in items] == ["z.txt", "missing.md", "a.txt"]


def test_stdin_is_read_as_plain_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        ("WASHINGTON (Harbor Wire) -- " + ENGLISH).encode())))
    [article] = read_all("-")
    assert (article.source, article.outlet, article.dateline) == ("<stdin>", "Harbor Wire",
                                                                  "WASHINGTON")
    assert count_inputs(["-"]) is None


def test_overrides_win_over_what_was_found():
    overrides = ArticleOverrides(outlet="Lantern Post", published=date(2026, 1, 2), title="T")
    [article] = read_all(FIXTURES / "headline_byline.md", overrides=overrides)
    assert (article.outlet, article.published, article.title) == ("Lantern Post",
                                                                   date(2026, 1, 2), "T")
    assert article.author == "Elena Marsh"  # not overridable: still found in the text
    [record] = articles(read_all(FIXTURES / "stories.jsonl", overrides=overrides))[:1]
    assert (record.outlet, record.published, record.title) == ("Lantern Post",
                                                               date(2026, 1, 2), "T")


def test_same_text_with_crlf_or_lf_has_the_same_id(tmp_path):
    text = "# Talks resume\n\nBy Jane Doe\n\n" + ENGLISH + "\n\nThey said more.\n"
    lf = read_all(write(tmp_path, "lf.md", text))[0]
    crlf = read_all(write(tmp_path, "crlf.md", text.replace("\n", "\r\n").encode()))[0]
    assert lf.text == crlf.text and "\r" not in crlf.text
    assert lf.id == crlf.id
    assert lf.id != read_text_article(ENGLISH + " Extra.", source="x").id


def test_read_text_article_returns_a_problem_not_an_exception():
    assert read_text_article("  \n ", source="api").message == "no text (empty or whitespace only)"
    skipped = read_text_article(FRENCH, source="api")
    assert isinstance(skipped, IngestProblem) and skipped.severity == "skipped"
    html = read_text_article("<html><body><article><p>" + ENGLISH + "</p></article></body></html>",
                             source="api", fmt="html")
    assert isinstance(html, Article) and html.text == ENGLISH


def test_examples_ingest_cleanly():
    items = read_all(EXAMPLES)
    assert problems(items) == []
    found = articles(items)
    assert len(found) == 6
    assert {a.outlet for a in found} >= {"Harbor Wire"}
    assert count_inputs([EXAMPLES]) == 6


def test_wire_dateline_with_a_year_gives_the_publication_date():
    article = read_text_article(
        "KYIV, Feb. 9, 2025 (Harbor Wire) -- Officials from both sides met in Istanbul on "
        "Sunday to discuss a prisoner exchange, the foreign ministry said in a statement.",
        source="inline")
    assert article.dateline == "KYIV"
    assert article.published == date(2025, 2, 9)
    assert article.text.startswith("Officials from both sides met")
