"""The web UI in headless Chromium, served by a real server on 127.0.0.1, over a database
holding the two seed reports (read from ../shared/seeds at test time) and this folder's own
fixture articles (tests/fixtures/web: a story told by two invented outlets, and a report
full of markup); and, apart, two reports of one outlet on one day (courier_port_strike_*).

Screenshots of every page go to test-artifacts/web/ (gitignored) for a person to look at.
The browser is kept off the network: any request to another host fails the test.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import get_args
from urllib.parse import urlsplit

import pytest
from live_server import running

from sitrep.ingest import ArticleOverrides
from sitrep.package_data import read_toml
from sitrep.records import Modality
from sitrep.serve.app import create_app
from sitrep.serve.settings import Settings
from sitrep.store import Store

CHROMIUM = Path("/usr/bin/chromium")
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "web"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"
XSS_TITLE = "<script>window.__sitrep_xss = 4</script> Rally in Seoul"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Chromium not found at /usr/bin/chromium "
                                       "(apt-get install chromium)")


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    from datetime import date

    from sitrep.pipeline import Components, ingest_into

    db = str(tmp_path_factory.mktemp("web") / "web.db")
    inputs = [
        (FIXTURES / "harbor_times_launch.md", ArticleOverrides(outlet="Harbor Times")),
        (FIXTURES / "daily_courier_launch.md", ArticleOverrides(outlet="Daily Courier")),
        (FIXTURES / "markup_in_report.txt",
         ArticleOverrides(outlet="Test Wire", published=date(2017, 9, 4), title=XSS_TITLE)),
    ]
    yonhap = SEEDS / "000_1aa21a7c71c41021.txt"
    if yonhap.exists():
        inputs += [(yonhap, ArticleOverrides(outlet="Yonhap", published=date(2017, 11, 2))),
                   (SEEDS / "004_6aaa86ab8a370ea6.txt", None)]
    components = Components.load()
    with Store(db) as store:
        store.migrate()
        for path, overrides in inputs:
            report = ingest_into(store, [path], overrides=overrides, components=components)
            assert report.articles_new == 1, report.problems
    return db


@pytest.fixture(scope="module")
def server(database) -> str:
    with running(create_app(Settings(db=database))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    elsewhere: list[str] = []
    errors: list[str] = []

    def only_loopback(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert elsewhere == [], f"the UI tried to reach other hosts: {elsewhere}"
    assert errors == [], f"script errors: {errors}"


def open_view(page, server: str, hash_path: str) -> None:
    page.goto(f"{server}/#/{hash_path}")
    page.wait_for_selector("body[data-ready]")


@contextmanager
def rendering(page, view: str):
    """Wait, after what the block does, until the app has rendered `view` anew. data-ready is
    cleared first: a link or form within a view leads to the same view name, and the app
    clears data-ready only once the hashchange event has run, after the click returns, so a
    bare wait could end on the page as it was (seen once under load)."""
    page.evaluate("delete document.body.dataset.ready")
    yield
    page.wait_for_selector(f"body[data-ready={view}]")


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_timeline_filters_by_type_actor_outlet_and_dates(page, server):
    open_view(page, server, "timeline")
    rows = page.locator("li.event-row")
    total = rows.count()
    assert total > 10
    assert re.match(r"\d+ events", page.locator("#timeline-summary").inner_text())
    page.locator("label.type-toggle", has_text="MOBILIZE").click()
    with rendering(page, "timeline"):
        page.locator("#filters button[type=submit]").click()
    assert "type=MOBILIZE" in page.url
    types = set(page.locator("li.event-row").evaluate_all("rows => rows.map(r => r.dataset.type)"))
    assert types == {"MOBILIZE"}
    screenshot(page, "timeline-mobilize")

    open_view(page, server, "timeline?actor=PRK&outlet=courier")
    texts = page.locator("li.event-row").all_inner_texts()
    assert texts and all("PRK" in t and "Daily Courier" in t for t in texts)
    open_view(page, server, "timeline?since=2017-08-01&until=2017-08-31")
    dates = page.locator("li.event-row .date").all_inner_texts()
    assert dates and all("2017-08" in d for d in dates)
    open_view(page, server, "timeline")
    screenshot(page, "timeline")


def test_types_take_their_colours_and_modalities_from_the_server(page, server):
    # the UI holds no list of its own: both come from /api/vocabulary (events.toml, records)
    open_view(page, server, "timeline")
    colours = read_toml("lexicon/events.toml")["types"]
    for name in ("MOBILIZE", "AGREE"):
        red, green, blue = (int(colours[name]["color"][i:i + 2], 16) for i in (1, 3, 5))
        toggle = page.locator("label.type-toggle", has_text=name)
        assert toggle.evaluate("t => getComputedStyle(t).borderTopColor") == (
            f"rgb({red}, {green}, {blue})")
    options = page.locator("#filters select[name=modality] option").evaluate_all(
        "os => os.map(o => o.value)")
    assert options == ["", *get_args(Modality)]


def test_map_shows_event_locations_on_country_outlines(page, server):
    open_view(page, server, "map")
    assert page.locator("svg.map path.country").count() > 150
    markers = page.locator("svg.map circle.marker")
    assert markers.count() >= 3
    names = markers.evaluate_all("ms => ms.map(m => m.dataset.name)")
    # places close together are one cluster, which names them in its tooltip
    names += page.locator("svg.map g.cluster title").all_text_contents()
    assert any("Seoul" in n or "Korea" in n or "Pyongyang" in n for n in names), names
    markers.last.click()  # drawn last: on top of any marker it overlaps
    details = page.locator("#place-details")
    assert details.locator("h2").inner_text()
    assert details.locator("li a").count() >= 1
    # how precisely the point locates the place, explained on hover
    note = details.locator(".precision")
    precision = note.inner_text()
    assert re.fullmatch(r"precision: (point|city|division|region|country)", precision)
    assert note.get_attribute("title")
    screenshot(page, "map")
    # the place's event says the same where the article shows its fields
    with rendering(page, "article"):
        details.locator("li a").first.click()
    assert precision in page.locator("#event-fields").inner_text()


def test_story_comparison_side_by_side(page, server):
    open_view(page, server, "stories")
    story = page.locator("li.story-row", has_text="Daily Courier")
    assert "Harbor Times" in story.inner_text()
    with rendering(page, "story"):
        story.locator("a").click()
    page.locator("#cmp-evidence summary").click()  # the evidence comes collapsed, last
    table = page.locator("#comparison")
    headers = table.locator("thead th").all_inner_texts()
    assert any("Daily Courier" in h for h in headers) and any("Harbor Times" in h for h in headers)
    assert table.locator("tr.coverage-row").count() >= 3
    statuses = set(table.locator("td.cell").evaluate_all(
        "cells => cells.map(c => c.className.replace('cell ', ''))"))
    assert "reported" in statuses and "absent" in statuses  # each outlet leaves something out
    screenshot(page, "story")


@pytest.fixture(scope="module")
def one_outlet_server(tmp_path_factory) -> str:
    """Two Daily Courier reports of one strike, on the same day, under other titles."""
    from sitrep.pipeline import Components, ingest_into

    db = str(tmp_path_factory.mktemp("web") / "one_outlet.db")
    components = Components.load()
    with Store(db) as store:
        store.migrate()
        for name in ("courier_port_strike_morning.md", "courier_port_strike_evening.md"):
            report = ingest_into(store, [FIXTURES / name], components=components,
                                 overrides=ArticleOverrides(outlet="Daily Courier"))
            assert report.articles_new == 1, report.problems
    with running(create_app(Settings(db=db))) as url:
        yield url


def test_two_reports_of_one_outlet_and_day_head_columns_one_can_tell_apart(browser,
                                                                             one_outlet_server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname
               in ("127.0.0.1", None) else route.abort())
    open_view(page, one_outlet_server, "stories")
    with rendering(page, "story"):
        page.locator("li.story-row a").first.click()
    page.locator("#cmp-evidence summary").click()
    headers = page.locator("#comparison thead th").all_inner_texts()[1:]
    assert len(headers) == 2 and len(set(headers)) == 2
    assert all("Daily Courier" in h and "2019-05-14" in h for h in headers)
    assert any("Dock workers walk out" in h for h in headers)
    assert any("Port strike leaves ships waiting" in h for h in headers)
    screenshot(page, "story-one-outlet")
    page.close()


def test_article_shows_markup_as_text_and_highlights_evidence(page, server):
    open_view(page, server, "articles")
    with rendering(page, "article"):
        page.locator("table.listing a", has_text="Rally in Seoul").click()
    assert page.locator("#article-title").inner_text() == XSS_TITLE
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__sitrep_xss = 3</script>" in text
    assert 'onerror="window.__sitrep_xss = 2"' in text
    assert page.evaluate("() => window.__sitrep_xss") is None  # nothing ran
    assert page.locator("#article-text img, #article-text script").count() == 0
    marks = page.locator("#article-text mark.ev")
    assert marks.count() >= 2
    page.locator(".article-events li", has_text="PROTEST").click()
    selected = page.locator("#article-text mark.selected")
    assert "marched" in " ".join(selected.all_inner_texts())
    fields = page.locator("#event-fields").inner_text()
    assert "PROTEST" in fields and "Modality" in fields and "asserted" in fields
    screenshot(page, "article-markup")


def test_article_opened_from_the_timeline_selects_its_event(page, server):
    open_view(page, server, "timeline?type=ACCUSE")
    link = page.locator("li.event-row a.outlet").first
    with rendering(page, "article"):
        link.click()
    assert page.locator("#article-text mark.selected").count() >= 1
    assert "ACCUSE" in page.locator("#event-fields").inner_text()
    screenshot(page, "article")


def test_search_box(page, server):
    open_view(page, server, "timeline")
    page.fill("#search-input", "missiles Hokkaido")
    with rendering(page, "search"):
        page.press("#search-input", "Enter")
    assert page.locator("#search-summary").inner_text().startswith("1 article")
    title = "North Korea fires a missile over northern Japan"
    assert page.locator(".result a").inner_text() == title
    marked = {m.lower() for m in page.locator(".result .snippet mark").all_inner_texts()}
    assert {"missile", "hokkaido"} <= marked
    screenshot(page, "search")


def test_api_docs_render_offline(page, server):
    blocked: list[str] = []  # the docs' policy must let its own start-up script run
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert blocked == []
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    screenshot(page, "docs")


@pytest.mark.skipif(not (SEEDS / "000_1aa21a7c71c41021.txt").exists(),
                    reason=f"seed reports not found in {SEEDS}")
def test_seed_reports_are_on_the_timeline(page, server):
    open_view(page, server, "timeline?outlet=Yonhap&type=MOBILIZE")
    assert page.locator("li.event-row").count() >= 2


@pytest.mark.skipif(not (SEEDS / "000_1aa21a7c71c41021.txt").exists(),
                    reason=f"seed reports not found in {SEEDS}")
def test_timeline_keeps_or_leaves_out_background(page, server):
    # Yonhap recalls July's and September's launches in a November report: background
    open_view(page, server, "timeline?outlet=Yonhap")
    total = page.locator("li.event-row").count()
    page.select_option("#filters select[name=background]", "true")
    with rendering(page, "timeline"):
        page.locator("#filters button[type=submit]").click()
    assert "background=true" in page.url
    rows = page.locator("li.event-row")
    recalled = rows.count()
    assert recalled >= 2 and page.locator("li.event-row .background-badge").count() == recalled
    assert any("launched" in t for t in rows.all_inner_texts())
    screenshot(page, "timeline-background")
    open_view(page, server, "timeline?outlet=Yonhap&background=false")
    assert page.locator("li.event-row").count() == total - recalled
    assert page.locator("li.event-row .background-badge").count() == 0
    assert page.locator("#filters select[name=background]").input_value() == "false"


@pytest.fixture(scope="module")
def long_timeline(tmp_path_factory) -> str:
    """A server over 130 events (more than the timeline's page of 100), on 130 days."""
    from datetime import date, timedelta

    from test_store import make_event

    from sitrep.records import Article

    db = str(tmp_path_factory.mktemp("web-long") / "long.db")
    with Store(db) as store:
        store.migrate()
        batch = []
        for i in range(130):
            day = date(2018, 1, 1) + timedelta(days=i)
            article = Article(f"Crowd{i:03d} marched through the port town.", outlet="Wire",
                              title=f"March {i}", published=day)
            batch.append((article, [make_event(article, "marched", "PROTEST", "14",
                                               (f"Crowd{i:03d}", None))]))
        assert store.add_batch(batch) == 130
    with running(create_app(Settings(db=db))) as url:
        yield url


def test_load_more_continues_the_timeline_without_gaps(page, long_timeline):
    open_view(page, long_timeline, "timeline")
    actors = page.locator("li.event-row .parties")
    assert actors.count() == 100
    assert page.locator("#timeline-summary").inner_text().startswith("130 events")
    page.locator("button.more").click()
    page.locator("li.event-row").nth(100).wait_for()
    shown = [re.search(r"Crowd\d+", t).group() for t in actors.all_inner_texts()]
    assert shown == [f"Crowd{i:03d}" for i in reversed(range(130))]  # newest first, none twice
    assert page.locator("button.more").is_hidden()


# Places for the map tests: two towns a few kilometres apart (one cluster until zoomed in),
# a town far away, and a country located only by its centre.
MAP_PLACES = [
    ("Seoul", "KOR", 37.57, 126.98, "city"),
    ("Incheon", "KOR", 37.46, 126.71, "city"),
    ("Canberra", "AUS", -35.28, 149.13, "city"),
    ("Brazil", "BRA", -10.0, -55.0, "country"),
]


@pytest.fixture(scope="module")
def map_server(tmp_path_factory) -> str:
    from dataclasses import replace
    from datetime import date

    from test_store import make_event

    from sitrep.records import Article, Location

    db = str(tmp_path_factory.mktemp("web-map") / "map.db")
    with Store(db) as store:
        store.migrate()
        batch = []
        for i, (name, country, lat, lon, precision) in enumerate(MAP_PLACES):
            article = Article(f"Crowds marched in {name} on Monday.", outlet="Wire",
                              title=f"March in {name}", published=date(2018, 3, 1 + i))
            event = make_event(article, "marched", "PROTEST", "14", ("Crowds", None))
            where = Location(name, name, country, lat, lon, precision=precision)
            batch.append((article, [replace(event, location=where)]))
        assert store.add_batch(batch) == len(MAP_PLACES)
    with running(create_app(Settings(db=db))) as url:
        yield url


def screen_centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def view_width(page) -> float:
    return float(page.locator("svg.map").get_attribute("viewBox").split()[2])


def test_map_clusters_nearby_places_and_a_click_zooms_in_and_lists_them(page, map_server):
    open_view(page, map_server, "map")
    clusters = page.locator("svg.map g.cluster")
    assert clusters.count() == 1 and clusters.locator("text").text_content() == "2"
    names = page.locator("svg.map circle.marker").evaluate_all("ms => ms.map(m => m.dataset.name)")
    assert sorted(names) == ["Brazil", "Canberra"]
    canberra = page.locator("circle.marker[data-name=Canberra]")
    size = canberra.bounding_box()["width"]
    assert size < 30  # a marker, not a disc covering a region
    page.locator(".map-tools button", has_text="Zoom in").click()
    assert canberra.bounding_box()["width"] == pytest.approx(size, abs=0.5)  # same on screen
    page.locator(".map-tools button", has_text="Fit").click()
    clusters.click()
    details = page.locator("#place-details")
    assert details.locator("h2").inner_text() == "2 places, 2 events"
    assert {"Seoul (KOR)", "Incheon (KOR)"} <= {t.split(" 1 event")[0] for t in
                                                 details.locator("h3").all_inner_texts()}
    assert details.locator("li a").count() == 2
    assert clusters.count() == 0  # zoomed in far enough to tell the two towns apart
    page.locator("circle.marker[data-name=Incheon]").click()
    assert details.locator("h2").inner_text() == "Incheon (KOR)"
    screenshot(page, "map-cluster-open")


def test_map_zooms_around_the_pointer_and_pans_by_dragging(page, map_server):
    open_view(page, map_server, "map")
    canberra = page.locator("circle.marker[data-name=Canberra]")
    x, y = screen_centre(canberra)
    width = view_width(page)
    page.mouse.move(x, y)
    page.mouse.wheel(0, -400)
    page.wait_for_function(
        f"() => document.querySelector('svg.map').viewBox.baseVal.width < {width}")
    assert view_width(page) < width * 0.7
    after = screen_centre(canberra)
    assert after == pytest.approx((x, y), abs=1.5)  # the place under the pointer stays there
    # a drag on the map moves everything with the pointer
    frame = page.locator("svg.map").bounding_box()
    start = (frame["x"] + 200, frame["y"] + 100)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] - 120, start[1] - 50, steps=5)
    page.mouse.up()
    moved = screen_centre(canberra)
    assert moved == pytest.approx((after[0] - 120, after[1] - 50), abs=1.5)
    # the buttons zoom around the selected place, not the middle of the map
    canberra.click()
    page.locator(".map-tools button", has_text="Zoom in").click()
    assert screen_centre(canberra) == pytest.approx(moved, abs=1.5)
    # and the keyboard pans: the view moves right by an eighth, the places left
    frame_width = page.locator("svg.map").bounding_box()["width"]
    before = screen_centre(canberra)
    page.locator("svg.map").focus()
    page.keyboard.press("ArrowRight")
    assert screen_centre(canberra) == pytest.approx((before[0] - frame_width / 8, before[1]),
                                                    abs=1.5)


def test_map_legend_and_precision_filter(page, map_server):
    open_view(page, map_server, "map")
    legend = page.locator("#map-legend")
    text = legend.inner_text()
    assert "PROTEST" in text and "ASSAULT" not in text  # the types on this map
    assert "number of events" in text and "cluster" in text and "country" in text
    assert legend.locator(".swatch").count() == 1
    assert page.locator("svg.map circle.marker.approx").evaluate_all(
        "ms => ms.map(m => m.dataset.name)") == ["Brazil"]
    for precision in ("point", "city", "division", "region"):
        with rendering(page, "map"):
            page.locator(".precision-filter input[value=%s]" % precision).uncheck()
    assert "precision=country" in page.url and "precision=city" not in page.url
    names = page.locator("svg.map circle.marker").evaluate_all("ms => ms.map(m => m.dataset.name)")
    assert names == ["Brazil"] and page.locator("svg.map g.cluster").count() == 0
    assert page.locator(".precision-filter input[value=city]").is_checked() is False
    screenshot(page, "map-precision")


def test_comparison_opens_with_its_findings_and_links_down_to_the_evidence(page, server):
    open_view(page, server, "stories")
    with rendering(page, "story"):
        page.locator("li.story-row", has_text="Daily Courier").locator("a").click()
    story_url = page.url
    tops = [page.locator(f"#cmp-{part}").bounding_box()["y"]
            for part in ("contradictions", "omissions", "framing", "attribution", "evidence")]
    assert tops == sorted(tops) and tops[0] < 1000  # the key finding on the first screen
    framing = page.locator("#framing-table tbody th").all_inner_texts()
    assert len(framing) == 2 and any("Daily Courier" in t for t in framing)
    assert any("Harbor Times" in t for t in framing)
    assert page.locator("#cmp-evidence").get_attribute("open") is None  # collapsed
    assert not page.locator("#comparison").is_visible()
    page.locator("#findings-nav a", has_text="evidence").click()
    assert page.locator("#comparison").is_visible() and page.url == story_url
    box = page.locator("#cmp-evidence").bounding_box()
    assert 0 <= box["y"] < 100  # scrolled down to it
    screenshot(page, "story-findings")


def test_any_articles_chosen_from_a_list_can_be_compared(page, server):
    open_view(page, server, "compare")
    assert page.locator("nav a.active").inner_text() == "Compare"
    choices = page.locator("#article-picker li")
    assert choices.count() >= 3
    assert page.locator("#pick-compare").is_disabled()
    for words in ("harbor", "courier 2017"):
        page.fill("#pick-filter", words)
        visible = page.locator("#article-picker li:visible")
        assert visible.count() == 1
        visible.locator("input").check()
    assert page.locator("#pick-count").inner_text() == "2 chosen"
    with rendering(page, "compare"):
        page.locator("#pick-compare").click()
    assert page.url.count("article=") == 2
    headers = page.locator("#comparison thead th").all_text_contents()[1:]
    assert len(headers) == 2
    assert {h.split(" (")[0] for h in headers} == {"Harbor Times", "Daily Courier"}
    assert page.locator("#cmp-contradictions").bounding_box()["y"] < 1000
    assert page.locator("#framing-table tbody tr").count() == 2
    screenshot(page, "compare-chosen")


@pytest.mark.skipif(not (SEEDS / "000_1aa21a7c71c41021.txt").exists(),
                    reason=f"seed reports not found in {SEEDS}")
def test_a_long_comparison_ranks_its_omissions_and_pages_its_evidence(page, server):
    listed = page.request.get(f"{server}/api/articles?limit=100").json()["items"]
    ours = {"Harbor Times", "Daily Courier", "Test Wire"}
    seeds = [a["id"] for a in listed if a.get("outlet") not in ours]
    assert len(seeds) == 2
    chosen = "&".join(f"article={a}" for a in seeds)
    open_view(page, server, f"compare?{chosen}")
    assert page.locator("#cmp-contradictions").bounding_box()["y"] < 1000
    found = page.request.get(f"{server}/api/comparisons?{chosen}").json()
    total = len(found["omissions"])
    top = page.locator("#cmp-omissions > ol > li")
    # the ten most relevant first, any others folded away
    assert top.count() == min(10, total) and total >= 1
    assert page.locator("#cmp-omissions details li").count() == max(0, total - 10)
    # what may be told in other words is shown apart, not counted as omissions
    unclear = found["unclear_omissions"]
    assert len(unclear) >= 1 and all(o["certainty"] == "unclear" for o in unclear)
    assert "May be told in other words" in page.locator("#cmp-unclear h2").inner_text()
    assert page.locator("#cmp-unclear li").count() == len(unclear)
    ranked = sorted(found["omissions"], key=lambda o: -o["relevance"])
    assert top.first.locator("b").inner_text() == ranked[0]["label"]
    page.locator("#cmp-evidence summary").click()
    rows = page.locator("tr.coverage-row")
    every = rows.count()
    assert every > 40 and page.locator("tr.coverage-row:visible").count() == 40
    more = page.locator("#cmp-evidence button.more")
    assert more.inner_text() == f"Show {min(40, every - 40)} more rows (40 of {every} shown)"
    while more.is_visible():
        more.click()
    assert page.locator("tr.coverage-row:visible").count() == every
    screenshot(page, "compare-long")


@pytest.fixture(scope="module")
def contradiction_server(tmp_path_factory) -> str:
    """Two outlets counting the boats of one seizure differently (three against five)."""
    from datetime import date

    from sitrep.pipeline import Components, ingest_into

    db = str(tmp_path_factory.mktemp("web") / "boats.db")
    components = Components.load()
    with Store(db) as store:
        store.migrate()
        for name, outlet in (("bay_herald_boats.md", "Bay Herald"),
                             ("coast_journal_boats.md", "Coast Journal")):
            report = ingest_into(store, [FIXTURES / name], components=components,
                                 overrides=ArticleOverrides(outlet=outlet,
                                                            published=date(2019, 6, 10)))
            assert report.articles_new == 1, report.problems
    with running(create_app(Settings(db=db))) as url:
        yield url


def test_a_contradiction_links_down_to_its_row_of_evidence(page, contradiction_server):
    open_view(page, contradiction_server, "compare")
    page.locator("#article-picker input[name=article]").first.check()
    page.locator("#article-picker input[name=article]").last.check()
    with rendering(page, "compare"):
        page.locator("#pick-compare").click()
    card = page.locator("#cmp-contradictions .contradiction")
    assert card.count() == 1 and "three" in card.inner_text() and "five" in card.inner_text()
    assert card.bounding_box()["y"] < 1000
    assert "1 contradiction ·" in page.locator("#findings-nav").inner_text()
    url = page.url
    card.locator("a", has_text="evidence").click()
    row = page.locator("tr.coverage-row.target")
    assert row.count() == 1 and row.is_visible() and page.url == url
    assert 0 <= row.bounding_box()["y"] < 1000  # scrolled to it
    assert "seize" in row.locator("th").inner_text().lower()
    screenshot(page, "compare-contradiction")


def test_timeline_opens_newest_first_and_can_switch_order(page, long_timeline):
    open_view(page, long_timeline, "timeline")
    actors = page.locator("li.event-row .parties")
    assert actors.first.inner_text() == "Crowd129"
    assert page.locator("#timeline-order").input_value() == "-date"
    with rendering(page, "timeline"):
        page.select_option("#timeline-order", "date")
    assert "sort=date" in page.url
    assert actors.first.inner_text() == "Crowd000"
    # applying a filter keeps the chosen order
    with rendering(page, "timeline"):
        page.locator("#filters button[type=submit]").click()
    assert actors.first.inner_text() == "Crowd000"


def test_timeline_chart_counts_every_filtered_event_not_just_the_loaded_page(page, long_timeline):
    open_view(page, long_timeline, "timeline")
    assert page.locator("li.event-row").count() == 100
    bars = page.locator("#histogram g.bar")
    assert sum(int(n) for n in bars.evaluate_all("bs => bs.map(b => b.dataset.n)")) == 130
    assert "by week" in page.locator("#histogram").get_attribute("aria-label")
    screenshot(page, "timeline-histogram")
    # a bar narrows the timeline to its week
    with rendering(page, "timeline"):
        bars.first.click()
    assert "since=2018-01-01" in page.url and "until=2018-01-07" in page.url
    assert page.locator("li.event-row").count() == 7


@pytest.fixture(scope="module")
def dated_kinds(tmp_path_factory) -> str:
    """Three events dated three ways: a day, a week ("last week"), and not at all."""
    from dataclasses import replace
    from datetime import date

    from test_store import make_event

    from sitrep.records import Article, ResolvedDate

    db = str(tmp_path_factory.mktemp("web-dates") / "dates.db")
    texts = [("Dockers struck on Tuesday.", "struck", ResolvedDate(
                  "on Tuesday", date(2017, 5, 2), "day", range_start=date(2017, 5, 2),
                  range_end=date(2017, 5, 2))),
             ("Farmers marched last week.", "marched", ResolvedDate(
                 "last week", range_start=date(2017, 5, 1), range_end=date(2017, 5, 7))),
             ("Students rallied in the square.", "rallied", None)]
    with Store(db) as store:
        store.migrate()
        batch = []
        for text, trigger, when in texts:
            article = Article(text, outlet="Wire", title=trigger, published=date(2017, 5, 10))
            event = make_event(article, trigger, "PROTEST", "14", (text.split()[0], None))
            batch.append((article, [replace(event, date=when)]))
        assert store.add_batch(batch) == 3
    with running(create_app(Settings(db=db))) as url:
        yield url


def test_timeline_dates_show_their_precision_and_explain_the_tilde(page, dated_kinds):
    open_view(page, dated_kinds, "timeline")
    dates = dict(zip(page.locator("li.event-row .parties").all_inner_texts(),
                     page.locator("li.event-row .date").all(), strict=True))
    assert dates["Dockers"].inner_text() == "2017-05-02"
    assert dates["Farmers"].inner_text() == "week of 2017-05-01"  # not "~2017-05-10"
    assert "2017-05-01 to 2017-05-07" in dates["Farmers"].get_attribute("title")
    assert dates["Students"].inner_text() == "~2017-05-10"
    assert "publication date" in dates["Students"].get_attribute("title")
    legend = page.locator("#date-legend").inner_text()
    assert "~" in legend and "publication date" in legend
    screenshot(page, "timeline-dates")
    # the event's page gives the week too, with its days and its wording
    with rendering(page, "events"):
        page.locator("li.event-row", has_text="Farmers").locator("a.trigger").click()
    fields = page.locator("#event-fields").inner_text()
    assert "week of 2017-05-01 (2017-05-01 to 2017-05-07)" in fields and "last week" in fields


def test_event_page_from_the_timeline(page, server):
    open_view(page, server, "timeline?outlet=Test%20Wire&type=PROTEST")
    with rendering(page, "events"):
        page.locator("li.event-row a.trigger").first.click()
    assert "#/events/" in page.url
    assert "PROTEST" in page.locator("#event-title").inner_text()
    fields = page.locator("#event-fields").inner_text()
    for name in ("Actor", "Recipient", "Date", "Place", "Modality", "Source", "Told as"):
        assert name in fields
    assert "marched" in " ".join(page.locator("#event-mentions mark").all_inner_texts())
    assert page.locator("#event-mentions script, #event-mentions img").count() == 0
    assert page.locator("#event-article a").first.inner_text() == XSS_TITLE
    screenshot(page, "event")
    with rendering(page, "article"):
        page.locator("#event-article a").first.click()
    assert "marched" in " ".join(page.locator("#article-text mark.selected").all_inner_texts())


def test_unknown_event_page_says_so(page, server):
    open_view(page, server, "events/0123456789abcdef")
    assert "no event with id" in page.locator(".error").inner_text()


def test_stories_keep_those_of_two_articles_or_more_and_show_coverage(page, server):
    open_view(page, server, "stories")
    assert page.locator("#min-articles").input_value() == "2"
    sizes = [int(re.search(r"(\d+) articles?:", t).group(1))
             for t in page.locator("li.story-row").all_inner_texts()]
    assert sizes and min(sizes) >= 2
    page.fill("#min-articles", "1")
    with rendering(page, "stories"):
        page.locator("#story-filters button[type=submit]").click()
    assert "min=1" in page.url
    assert any("1 article:" in t for t in page.locator("li.story-row").all_inner_texts())
    with rendering(page, "story"):
        page.locator("li.story-row", has_text="Daily Courier").locator("a").click()
    coverage = page.locator("#coverage")
    outlets = coverage.locator("tbody th").all_inner_texts()
    assert outlets == ["Daily Courier", "Harbor Times"]
    assert coverage.locator("a.published").count() == 2
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d|undated", d)
               for d in coverage.locator("thead th").all_inner_texts()[1:])
    screenshot(page, "story-coverage")


@pytest.fixture(scope="module")
def sourced(tmp_path_factory) -> str:
    """A claim whose source is a pronoun the record resolved, and an act nobody is named for."""
    from dataclasses import replace
    from datetime import date

    from test_store import make_event

    from sitrep.records import Article, Entity

    db = str(tmp_path_factory.mktemp("web-sources") / "sources.db")
    claim = Article("The harbour board said the pier was unsafe. It accused the builder of "
                    "cutting corners.", outlet="Wire", title="Pier", published=date(2019, 4, 2))
    unnamed = Article("Windows were smashed at the depot overnight.", outlet="Wire",
                      title="Depot", published=date(2019, 4, 3))
    accused = replace(make_event(claim, "accused", "ACCUSE", "11", ("It", None)),
                      modality="claimed",
                      attributed_to=Entity("It", refers_to=Entity("The harbour board")))
    smashed = replace(make_event(unnamed, "smashed", "ASSAULT", "18", ("Windows", None)),
                      actor=None)
    with Store(db) as store:
        store.migrate()
        assert store.add_batch([(claim, [accused]), (unnamed, [smashed])]) == 2
    with running(create_app(Settings(db=db))) as url:
        yield url


def test_sources_show_what_they_stand_for_and_unknown_actors_read_alike(page, sourced):
    open_view(page, sourced, "timeline")
    source = page.locator("li.event-row .source")
    assert source.inner_text() == "says The harbour board"
    assert source.locator("span").get_attribute("title") == "written “It”"
    unknown = page.locator("li.event-row", has_text="smashed").locator(".parties")
    assert unknown.inner_text() == "unknown actor"
    with rendering(page, "article"):
        page.locator("li.event-row", has_text="smashed").locator("a.outlet").click()
    assert "unknown actor" in page.locator(".articleview").inner_text()
    assert "?" not in page.locator(".articleview li").first.inner_text()
