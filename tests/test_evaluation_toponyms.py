"""`sitrep eval` on toponym gold in the LGL XML form: reading it, the scoring rules (161 km,
lenient country, one-to-one span matching, denominators), selection by article number,
reports, and the command on a fixture of invented articles (real pipeline)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from sitrep.evaluation.gold import GoldError
from sitrep.evaluation.harness import ToponymEvaluation
from sitrep.evaluation.report import write_report
from sitrep.evaluation.select import Selection
from sitrep.evaluation.toponyms import (
    RADIUS_KM,
    GoldPoint,
    GoldToponym,
    ToponymArticle,
    ToponymScores,
    country_code,
    distance_km,
    is_toponym_gold,
    load_toponym_gold,
    match_spans,
    score_article,
)
from sitrep.records import ArticlePlace
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.article_places import resolve_spans
from sitrep.resolve.places import Gazetteer

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "toponyms_sample.xml"
PARIS = (48.85341, 2.3488)
LONDON = (51.50853, -0.12574)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.default()


def _place(text: str, start: int, lat: float, lon: float, country: str | None = "FRA",
           kind: str = "city") -> ArticlePlace:
    return ArticlePlace(text=text, name=text, kind=kind, country=country, lat=lat, lon=lon,
                        start=start, end=start + len(text))


def _article(text: str, toponyms: list[tuple[str, GoldPoint | None]]) -> ToponymArticle:
    """A gold article whose toponyms are the first occurrences of the phrases, in order."""
    article = ToponymArticle(id="1", docid=None, title="t", url=None, text=text)
    at = 0
    for phrase, point in toponyms:
        start = text.index(phrase, at)
        at = start + len(phrase)
        article.toponyms.append(GoldToponym(start, at, phrase, point))
    return article


# --- reading -----------------------------------------------------------------------------

def test_the_sample_is_read_with_articles_numbered_in_file_order():
    articles = load_toponym_gold(SAMPLE)
    assert [a.id for a in articles] == ["1", "2", "3", "4"]
    assert [a.docid for a in articles] == ["9001", "9002", "9003", "9004"]
    second = articles[1]
    assert second.title == "Rail freight talks in Paris"
    assert [t.phrase for t in second.toponyms] == ["France", "Germany", "Paris", "Lyon",
                                                   "Main Street"]
    for article in articles:
        for toponym in article.toponyms:
            assert article.text[toponym.start:toponym.end] == toponym.phrase
    paris = second.toponyms[2].point
    assert paris == GoldPoint(name="Paris", lat=48.85341, lon=2.3488, geonameid="2988507",
                              fcode="PPLC", country="France")
    assert second.toponyms[4].point is None  # a street: no gaztag
    assert second.article.source == "2" and second.article.external_id == "9002"


def _write(tmp_path: Path, body: str, name: str = "gold.xml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _one_toponym(start: str = "0", end: str = "5", phrase: str = "Paris",
                 lat: str = "48.85") -> str:
    return (f'<articles><article docid="1"><text><![CDATA[Paris is calm.]]></text><toponyms>'
            f"<toponym><start>{start}</start><end>{end}</end><phrase>{phrase}</phrase>"
            f"<gaztag><name>Paris</name><lat>{lat}</lat><lon>2.35</lon></gaztag></toponym>"
            f"</toponyms></article></articles>")


@pytest.mark.parametrize("body, message", [
    ("<articles><article><text>cut off", ":1:"),  # where expat stopped: line 1
    ("<docs></docs>", "an <articles> element, not <docs>"),
    ("<articles></articles>", "no <article>"),
    ("<articles><article><title>x</title></article></articles>", "article 1: an article needs"),
    (_one_toponym(end="50"), "article 1, toponym 1: start/end must be offsets"),
    (_one_toponym(start="zero"), "<start> must be a number, not 'zero'"),
    (_one_toponym(phrase="Lyon"), "<phrase> 'Lyon' is not the text at 0-5 ('Paris')"),
    (_one_toponym(lat="north"), "<lat> must be a number"),
    (_one_toponym(lat="95"), "is not a latitude and longitude"),
])
def test_malformed_gold_is_one_clear_error(tmp_path, body, message):
    with pytest.raises(GoldError, match=re.escape(message)):
        load_toponym_gold(_write(tmp_path, body))


def test_not_well_formed_xml_says_so(tmp_path):
    with pytest.raises(GoldError, match="not well-formed XML"):
        load_toponym_gold(_write(tmp_path, "<articles><article></articles>"))


def test_toponym_gold_is_told_by_suffix_or_by_its_first_character(tmp_path):
    assert is_toponym_gold([SAMPLE])
    assert is_toponym_gold([_write(tmp_path, "  <articles/>", "gold.txt")])
    assert not is_toponym_gold([_write(tmp_path, '{"event": "AGREE"}', "gold.jsonl")])
    assert not is_toponym_gold([SAMPLE, SAMPLE]) and not is_toponym_gold([tmp_path])


def test_even_and_odd_select_by_position_in_the_file():
    articles = load_toponym_gold(SAMPLE)
    select = lambda expression: [a.docid for a in Selection.parse(expression).apply(  # noqa: E731
        articles, lambda a: a.id, "article")]
    assert select("even") == ["9002", "9004"]
    assert select("odd") == ["9001", "9003"]
    assert select("2-3") == ["9002", "9003"]


# --- the rules ---------------------------------------------------------------------------

def test_distances_are_great_circle_km():
    assert distance_km(*PARIS, *LONDON) == pytest.approx(343.5, abs=1)
    assert distance_km(*PARIS, *PARIS) == 0
    # a degree of latitude is about 111.2 km anywhere
    assert distance_km(0, 10, 1, 10) == pytest.approx(111.19, abs=0.01)


def _scores(article: ToponymArticle, resolved, predicted, gazetteer, actors) -> ToponymScores:
    return ToponymScores([score_article(article, resolved, predicted, gazetteer, actors)])


def test_right_means_within_161_km_and_unresolved_is_wrong(gazetteer, actors):
    point = GoldPoint("Lyon", 45.0, 4.8, fcode="PPLA", country="France")
    article = _article("Lyon, Lyon, Lyon and Lyon.", [("Lyon", point)] * 4)
    starts = [t.start for t in article.toponyms]
    resolved = [_place("Lyon", starts[0], 45.0 + 1.4, 4.8),  # about 156 km north: right
                _place("Lyon", starts[1], 45.0 - 1.5, 4.8),  # about 167 km south: wrong
                _place("Lyon", starts[2], 45.0, 4.8),
                None]
    spans = _scores(article, resolved, [], gazetteer, actors).on_gold_spans
    assert RADIUS_KM == 161
    assert (spans.toponyms, spans.resolved, spans.right) == (4, 3, 2)
    assert spans.accuracy == 0.5
    assert spans.median_error_km == pytest.approx(1.4 * 111.19, abs=0.5)  # of the 3 resolved


def test_two_predictions_over_one_gold_toponym_count_once(gazetteer, actors):
    gold = [(10, 22)]  # "Paris, Texas"
    assert match_spans(gold, [(10, 15), (17, 22)]) == {0: 0}  # "Paris" shares 5, "Texas" 5
    assert match_spans(gold, [(17, 22), (8, 16)]) == {0: 1}  # the larger overlap wins
    assert match_spans([(0, 5), (6, 11)], [(0, 11)]) == {0: 0}  # one prediction, one gold
    assert match_spans([(0, 5)], [(5, 9)]) == {}  # touching is not overlapping

    point = GoldPoint("Paris", 33.66, -95.56, fcode="PPLA2", country="United States")
    article = _article("They met in Paris, Texas.", [("Paris, Texas", point)])
    start = article.toponyms[0].start
    predicted = [_place("Paris", start, *PARIS), _place("Texas", start + 7, 31.0, -99.0, "USA")]
    result = score_article(article, [None], predicted, gazetteer, actors)
    assert result.toponyms[0].found is predicted[0] and result.spurious == [1]
    e2e = ToponymScores([result]).end_to_end
    assert (e2e.found, e2e.predicted, e2e.gold) == (1, 2, 1)
    assert e2e.precision == 0.5 and e2e.recall == 1.0
    assert e2e.resolution.right == 0 and e2e.accuracy == 0.0  # Paris, France is far


def test_denominators_of_the_end_to_end_figures(gazetteer, actors):
    paris = GoldPoint("Paris", *PARIS, fcode="PPLC", country="France")
    lyon = GoldPoint("Lyon", 45.75, 4.85, fcode="PPLA", country="France")
    article = _article("Paris, Lyon and Rue de Rivoli.",
                       [("Paris", paris), ("Lyon", lyon), ("Rue de Rivoli", None)])
    t = article.toponyms
    predicted = [_place("Paris", t[0].start, *PARIS),
                 _place("Rue de Rivoli", t[2].start, 48.86, 2.34),
                 _place("and", t[1].end + 1, 0, 0)]
    e2e = _scores(article, [None] * 3, predicted, gazetteer, actors).end_to_end
    assert (e2e.gold, e2e.with_coordinates, e2e.found, e2e.predicted) == (3, 2, 2, 3)
    assert e2e.recall == pytest.approx(2 / 3)  # over every gold toponym
    assert e2e.resolution.toponyms == 1  # the street has no gold point to be right about
    assert e2e.resolution.accuracy == 1.0  # of the matched with coordinates


def test_demonyms_are_country_mentions_scored_apart_from_toponyms(gazetteer, actors):
    france = GoldPoint("France", 46.0, 2.0, fcode="PCLI", country="France")
    lyon = GoldPoint("Lyon", 45.75, 4.85, fcode="PPLA", country="France")
    # the gold marks "French" as a toponym in one sentence and not "Italian" in the other
    article = _article("French farmers marched in Lyon. Italian ones stayed home.",
                       [("French", france), ("Lyon", lyon)])
    t = article.toponyms
    italian = article.text.index("Italian")
    predicted = [_place("French", 0, 46.0, 2.0, kind="demonym"),
                 _place("Lyon", t[1].start, 45.75, 4.85),
                 _place("Italian", italian, 42.8, 12.8, "ITA", kind="demonym")]
    result = score_article(article, [None, None], predicted, gazetteer, actors)
    assert [p.text for p in result.predicted] == ["Lyon"] and result.spurious == []
    assert [p.text for p in result.demonyms] == ["French", "Italian"]
    assert result.toponyms[0].found is None
    assert result.toponyms[0].found_by_demonym is predicted[0]
    scores = ToponymScores([result])
    e2e, both = scores.end_to_end, scores.with_demonyms
    assert (e2e.found, e2e.predicted, e2e.precision, e2e.recall) == (1, 1, 1.0, 0.5)
    assert (both.found, both.predicted, both.recall) == (2, 3, 1.0)
    assert both.precision == pytest.approx(2 / 3) and both.accuracy == 1.0
    assert scores.to_record()["with_demonyms"]["found"] == 2
    # a demonym never takes a toponym a place found: "Lyon" is the place's
    over_place = _place("Lyon", t[1].start, 45.75, 4.85, kind="demonym")
    again = score_article(article, [None, None], [predicted[1], over_place], gazetteer,
                          actors)
    assert again.toponyms[1].found is predicted[1]
    assert again.toponyms[1].found_by_demonym is None
    assert e2e.accuracy == 0.5  # found and right / gold with coordinates


def test_lenient_counts_the_right_country_for_a_country_only(gazetteer, actors):
    france = GoldPoint("France", 46.0, 2.0, fcode="PCLI", country="France")
    lyon = GoldPoint("Lyon", 45.75, 4.85, fcode="PPLA", country="France")
    # Georgia the US state: not PCL in the gold, but the gazetteer knows a country so named
    georgia = GoldPoint("Georgia", 32.75, -83.5, fcode="ADM1", country="United States")
    article = _article("France, Lyon, France and Georgia.",
                       [("France", france), ("Lyon", lyon), ("France", france),
                        ("Georgia", georgia)])
    t = article.toponyms
    resolved = [_place("France", t[0].start, *PARIS, kind="country"),  # 318 km: country right
                _place("Lyon", t[1].start, *PARIS),  # a city in the right country: wrong
                _place("France", t[2].start, *LONDON, country="GBR"),
                _place("Georgia", t[3].start, 35.0, -83.5, country="USA", kind="admin1")]
    result = score_article(article, resolved, [], gazetteer, actors)
    assert [r.is_country for r in result.toponyms] == [True, False, True, True]
    assert [r.right(r.resolved) for r in result.toponyms] == [False] * 4
    assert [r.leniently_right(r.resolved) for r in result.toponyms] == [True, False, False, True]
    spans = ToponymScores([result]).on_gold_spans
    assert (spans.right, spans.leniently_right, spans.lenient_accuracy) == (0, 2, 0.5)


def test_gold_country_names_are_read_through_the_country_table(gazetteer, actors):
    assert country_code("United States", actors) == "USA"
    assert country_code("Palestinian Territory", actors) == "PSE"
    assert country_code("Atlantis", actors) is None and country_code(None, actors) is None
    nowhere = GoldPoint("Atlantis", 0.0, 0.0, fcode="PCLI", country="Atlantis")
    article = _article("Atlantis.", [("Atlantis", nowhere)])
    resolved = [_place("Atlantis", 0, 10.0, 0.0, country="ATL", kind="country")]
    scores = _scores(article, resolved, [], gazetteer, actors)
    assert scores.on_gold_spans.leniently_right == 0  # no code to compare: strict only
    assert scores.unknown_countries == ["Atlantis"]


def test_resolve_spans_resolves_each_given_span_with_the_article_as_context(gazetteer, actors):
    text = "Officials in Paris and at the town hall spoke."
    spans = [(13, 18), (30, 39)]
    resolved = resolve_spans(spacy.blank("en")(text), gazetteer, actors, spans)
    assert resolved[1] is None  # "town hall" names no place
    paris = resolved[0]
    assert (paris.text, paris.start, paris.end, paris.country) == ("Paris", 13, 18, "FRA")
    assert distance_km(paris.lat, paris.lon, *PARIS) < 20


# --- reports and the command -------------------------------------------------------------

def test_reports_list_misses_first(tmp_path, gazetteer, actors):
    paris = GoldPoint("Paris", *PARIS, fcode="PPLC", country="France")
    article = _article("Paris & Lyon <and> London.",
                       [("Paris", paris), ("Lyon", GoldPoint("Lyon", 45.75, 4.85)),
                        ("London", GoldPoint("London", *LONDON))])
    article.title = "Strikes <b>& talks</b>"
    t = article.toponyms
    resolved = [_place("Paris", t[0].start, *PARIS), None,
                _place("London", t[2].start, *LONDON, country="GBR")]
    predicted = [_place("Paris", t[0].start, *PARIS), _place("and", 14, 1.0, 1.0)]
    evaluation = ToponymEvaluation(
        "gold.xml", ToponymScores([score_article(article, resolved, predicted, gazetteer,
                                                 actors)]))
    for name in ("r.md", "r.html", "r.json"):
        write_report(evaluation, tmp_path / name)
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    rows = [line for line in md.splitlines() if line.startswith("| Paris")
            or line.startswith("| Lyon") or line.startswith("| London")]
    # Lyon (unresolved, not found) and London (right, but not found) before Paris
    assert [row.split(" |")[0] for row in rows] == ["| Lyon", "| London", "| Paris"]
    assert "Spurious: 'and' (14-17)" in md
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Strikes &lt;b&gt;&amp; talks&lt;/b&gt;" in html and "<b>" not in html
    assert html.index('<tr class="missed"><td>Lyon') < html.index('<tr class="right"><td>Paris')
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["on_gold_spans"]["right"] == 2 and data["end_to_end"]["found"] == 1
    toponyms = data["by_article"][0]["toponyms"]
    assert toponyms[1]["on_gold_span"] is None and toponyms[1]["end_to_end"] is None
    assert toponyms[2]["on_gold_span"]["error_km"] == 0
    assert data["by_article"][0]["spurious"][0]["text"] == "and"


def test_cli_eval_on_toponym_gold_runs_the_pipeline(tmp_path):
    from sitrep.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(SAMPLE), "--report", str(tmp_path / "all.json")])
    assert result.exit_code == 0, result.output
    for row in ("on gold spans", "accuracy@161 km", "lenient", "median error km",
                "detection precision", "detection recall", "end-to-end accuracy",
                "end to end, demonyms as toponyms",
                "4 articles, 12 gold toponyms (11 with coordinates)"):
        assert row in result.output
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    toponyms = [t for a in data["by_article"] for t in a["toponyms"]]
    # the summary adds up the per-toponym records
    with_point = [t for t in toponyms if t["gold"]]
    assert data["on_gold_spans"]["toponyms"] == len(with_point) == 11
    assert data["on_gold_spans"]["right"] == sum(
        bool(t["on_gold_span"] and t["on_gold_span"]["right"]) for t in with_point)
    found = [t for t in toponyms if t["end_to_end"]]
    assert data["end_to_end"]["found"] == len(found)
    assert data["end_to_end"]["predicted"] == len(found) + sum(
        len(a["spurious"]) for a in data["by_article"])
    # places any resolver must get, with their article as context
    by_phrase = {t["phrase"]: t for t in toponyms}
    for phrase in ("Paris", "Chicago", "Nairobi"):
        assert by_phrase[phrase]["on_gold_span"]["right"], phrase
        assert by_phrase[phrase]["end_to_end"]["right"], phrase

    result = runner.invoke(main, ["eval", str(SAMPLE), "--select", "odd", "--limit", "1",
                                  "--report", str(tmp_path / "odd.html")])
    assert result.exit_code == 0, result.output
    assert "1 article, 3 gold toponyms" in result.output and "selected: odd" in result.output
    html = (tmp_path / "odd.html").read_text(encoding="utf-8")
    assert "1 (docid 9001): Floodwaters" in html and "9003" not in html


@pytest.mark.parametrize("arguments, message", [
    (["--baseline"], "--baseline is for sentence gold only"),
    (["--every-event"], "--every-event is for document gold only"),
    (["--select", "7"], "'7' matches no article id (ids run 1 ... 4"),
])
def test_cli_eval_toponym_gold_usage_errors(arguments, message):
    from sitrep.cli import main

    result = CliRunner().invoke(main, ["eval", str(SAMPLE), *arguments])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_cli_eval_bad_toponym_gold_is_one_clear_line(tmp_path):
    from sitrep.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["eval", str(_write(tmp_path, _one_toponym(phrase="Lyon")))])
    assert result.exit_code == 1
    assert "is not the text at 0-5" in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["eval", str(SAMPLE), str(SAMPLE)])
    assert result.exit_code == 2 and "one XML file, given alone" in result.output


def test_a_given_span_is_read_with_the_words_after_it_and_a_demonym_is_its_country():
    from sitrep.pipeline import Components
    from sitrep.resolve.article_places import resolve_spans

    components = Components.load()
    text = "Police in Springfield, Illinois, met Georgian officials near Salisbury, Md."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Springfield", "Georgian", "Md.")]
    doc = components.nlp(text)
    springfield, georgian, maryland = resolve_spans(doc, components.places, components.actors,
                                                    spans, text=text)
    assert springfield.country == "USA" and springfield.name == "Springfield"
    assert abs(springfield.lat - 39.80) < 0.5 and abs(springfield.lon + 89.64) < 0.5
    assert georgian.kind == "country" and georgian.country == "GEO"
    assert maryland.name == "Maryland"


def test_a_span_naming_a_county_without_its_type_word_is_the_county(gazetteer, actors):
    text = "Flooding closed roads across Kanawha on Monday."
    resolved = resolve_spans(spacy.blank("en")(text), gazetteer, actors, [(29, 36)])
    assert (resolved[0].name, resolved[0].kind) == ("Kanawha County", "admin2")
    # reading text, the bare name is no place: a person's or a street's, as often
    assert [m.text for m in gazetteer.find(text)] == []
