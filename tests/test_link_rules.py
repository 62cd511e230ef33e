"""The link stage's rules, one by one, on hand-made records (no parsing, no database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sitrep.link.config import LinkConfig
from sitrep.link.events import (
    can_merge,
    choose_cluster,
    date_span,
    hard_compatible,
    mention_from_record,
    new_cluster,
    tie_strength,
)
from sitrep.link.records import ArticleVector, EventCluster, Series, link_id
from sitrep.link.series import activity_match, choose_series, group_key, new_series
from sitrep.link.stories import (
    anchor_day,
    article_keys,
    choose_story,
    shared_quotes,
    similarity,
)
from sitrep.link.terms import (
    content_words,
    cosine,
    idf,
    overlap,
    quote_shingles,
    term_counts,
    tfidf_vector,
)
from sitrep.records import StoredArticle

CONFIG = LinkConfig.default()
KOREA = {"text": "the Korean Peninsula", "name": "Korean Peninsula", "country": None,
         "lat": 37.5, "lon": 127.5}
SEOUL = {"text": "Seoul", "name": "Seoul", "country": "KOR", "lat": 37.57, "lon": 126.98}
PYONGYANG = {"text": "Pyongyang", "name": "Pyongyang", "country": "PRK", "lat": 39.02,
             "lon": 125.74}
OKINAWA = {"text": "Okinawa", "name": "Okinawa", "country": "JPN", "lat": 26.5, "lon": 128.0}
GUAM = {"text": "Guam", "name": "Guam", "country": "GUM", "lat": 13.44, "lon": 144.79}

_counter = iter(range(10_000))


def record(event_type: str = "MOBILIZE", *, actor: str | None = "USA",
           recipient: str | None = None, when: str | None = "2017-11-02",
           precision: str | None = "day", published: str | None = "2017-11-02",
           sentence: str = "The United States flew two B-1B bombers over the peninsula.",
           trigger: str = "flew", mode: str | None = None, modality: str = "asserted",
           location: dict | None = None, article: str = "a1", date_text: str | None = None,
           members: tuple[str, ...] = (), date_range: dict | None = None) -> dict:
    """An event record as the extract and resolve stages write it (README contract)."""
    actor_part = None
    if actor or members:
        actor_part = {"text": "x", "code": actor,
                      "members": [{"text": m, "code": m} for m in members]}
    return {
        "id": f"e{next(_counter)}", "article_id": article, "outlet": "Wire",
        "published": published, "event_type": event_type, "mode": mode,
        "actor": actor_part,
        "recipient": {"text": "y", "code": recipient} if recipient else None,
        "event_date": when, "date_precision": precision if when else None,
        "date_text": date_text if date_text is not None else ("on Thursday" if when else None),
        "date_range": date_range, "location": location, "modality": modality,
        "sentence": sentence, "trigger": {"text": trigger},
    }


def mention(**kwargs):
    return mention_from_record(record(**kwargs), CONFIG)


# -- terms ---------------------------------------------------------------------------------


def test_content_words_drop_stop_words_and_meet_across_word_forms():
    words = content_words("Officials said the bombers were expelled; Poland is expelling more "
                          "bombers.", CONFIG)
    assert "said" not in words and "official" not in words and "the" not in words
    assert words.count("bomber") == 2
    assert content_words("expelled", CONFIG) == content_words("expelling", CONFIG)
    assert content_words("Kim's", CONFIG) == ["kim"]


def test_term_counts_weight_titles_and_keep_the_most_frequent():
    counts = term_counts("Bombers over Korea", "Bombers flew. Bombers landed.", CONFIG)
    assert counts["bomber"] == 2 + CONFIG.stories["title_weight"]
    many = " ".join(f"word{i}" for i in range(200))
    assert len(term_counts(None, many, CONFIG)) == CONFIG.stories["counted_terms"]


def test_tfidf_vectors_are_unit_length_and_favour_rare_terms():
    vector = tfidf_vector({"missile": 3, "government": 3}, {"government": 90, "missile": 2},
                          100, keep=10)
    assert vector["missile"] > vector["government"]
    assert abs(sum(w * w for w in vector.values()) - 1) < 1e-3
    assert idf(0, 0) == 1.0
    assert cosine(vector, vector) == pytest.approx(1, abs=1e-3)
    assert cosine(vector, {"other": 1.0}) == 0


def test_overlap_is_relative_to_the_smaller_set():
    assert overlap({"a", "b"}, {"a", "b", "c", "d"}) == 1.0
    assert overlap(set(), {"a"}) == 0.0


# -- stories -------------------------------------------------------------------------------


def vector(article_id: str, day: date | None, **terms: float) -> ArticleVector:
    return ArticleVector(article_id, day, terms, list(terms))


def test_an_article_joins_the_most_similar_story_above_the_threshold():
    new = vector("n", date(2023, 3, 16), missile=0.8, pyongyang=0.6)
    close = vector("c", date(2023, 3, 16), missile=0.7, pyongyang=0.7)
    far = vector("f", date(2023, 3, 16), missile=0.1, tariff=0.99)
    story, score = choose_story(new, [(close, "s1"), (far, "s2")], CONFIG)
    assert story == "s1" and score > CONFIG.stories["join_similarity"]
    assert choose_story(new, [(far, "s2")], CONFIG)[0] is None


def test_stories_stay_within_the_date_window_and_lose_similarity_with_distance():
    day = date(2023, 3, 16)
    new = vector("n", day, missile=1.0)
    same_day = vector("a", day, missile=1.0)
    three_days = vector("b", date(2023, 3, 19), missile=1.0)
    a_month = vector("c", date(2023, 4, 16), missile=1.0)
    assert similarity(new, same_day, CONFIG) > similarity(new, three_days, CONFIG)
    assert choose_story(new, [(a_month, "old")], CONFIG)[0] is None


def test_reporting_the_same_event_lifts_a_story_over_the_threshold():
    day = date(2023, 8, 3)
    new = vector("n", day, release=0.6, sergeant=0.8)
    other = vector("o", day, release=0.3, policeman=0.95)
    assert choose_story(new, [(other, "s")], CONFIG)[0] is None
    assert choose_story(new, [(other, "s")], CONFIG, same_event={"o"})[0] == "s"


def test_reports_quoting_the_same_words_share_quote_keys_whatever_they_cut():
    # two outlets quote one statement, each cutting it and typing its quotes differently
    first = StoredArticle("a", 'The mayor told reporters: "We will not reopen the bridge '
                          'until every cable has been checked twice," and left.')
    second = StoredArticle("b", "“We will not reopen the bridge until every cable has been "
                           "checked,” the mayor said on Tuesday.")
    other = StoredArticle("c", '"The bridge is safe and we will reopen it next week," a '
                          'council member said.')
    unquoted = StoredArticle("d", "The mayor said they will not reopen the bridge until "
                             "every cable has been checked.")
    a, b, c, d = (article_keys(x, {"bridge": 1.0}, CONFIG) for x in (first, second, other,
                                                                     unquoted))
    assert shared_quotes(a, b) >= 2
    assert shared_quotes(a, c) == 0 and shared_quotes(a, d) == 0  # paraphrase is no quote
    assert quote_shingles("“Too short to count,” she said.", 5, 24) == []


def test_quoting_the_same_words_lifts_a_story_over_the_threshold():
    day = date(2023, 8, 3)
    new = vector("n", day, bridge=0.6, cable=0.8)
    other = vector("o", day, bridge=0.3, inspector=0.95)
    assert choose_story(new, [(other, "s")], CONFIG)[0] is None
    assert choose_story(new, [(other, "s")], CONFIG, same_quote={"o"})[0] == "s"


def test_a_story_is_joined_on_its_articles_average_not_its_nearest():
    # an article close to one report of a story but unlike the rest does not chain the story
    # on to another event
    day = date(2023, 8, 3)
    new = vector("n", day, shutdown=0.6, wall=0.8)
    near = vector("a", day, shutdown=0.6, wall=0.5, border=0.62)
    others = [vector(i, day, shutdown=0.05, reopen=0.999) for i in "bcd"]
    story = [(near, "s"), *((o, "s") for o in others)]
    assert choose_story(new, story[:1], CONFIG)[0] == "s"
    assert choose_story(new, story, CONFIG)[0] is None


def test_leads_weigh_in_when_both_articles_have_one():
    day = date(2023, 8, 3)
    new = vector("n", day, budget=0.6, senate=0.8)
    other = vector("o", day, budget=0.6, senate=0.8)
    assert similarity(new, other, CONFIG) == pytest.approx(1.0, abs=1e-3)
    new.lead, other.lead = {"emergency": 1.0}, {"reopen": 1.0}
    assert similarity(new, other, CONFIG) == pytest.approx(1 - CONFIG.stories["lead_weight"],
                                                           abs=1e-3)
    other.lead = {}  # linked before leads were kept: the terms alone
    assert similarity(new, other, CONFIG) == pytest.approx(1.0, abs=1e-3)


def test_article_keys_and_anchor_day():
    undated = StoredArticle("a", "text", events=[
        record(when="2017-11-02"), record(when="2017-11-02"), record(when="2017-05-01"),
        record(recipient="PRK")])
    undated.places = ["Seoul"]
    keys = article_keys(undated, {"bomber": 0.9, "flight": 0.4}, CONFIG)
    assert keys[:2] == ["bomber", "flight"] and "@USA" in keys and "@PRK" in keys
    assert "#Seoul" in keys
    assert anchor_day(undated) == date(2017, 11, 2)
    undated.published = date(2017, 11, 3)
    assert anchor_day(undated) == date(2017, 11, 3)


# -- event mentions and their dates --------------------------------------------------------


def test_date_spans_follow_the_precision():
    day = record(when="2017-11-02")
    month = record(when="2017-07-01", precision="month", date_text="in July")
    year = record(when="2017-01-01", precision="year", date_text="in 2017")
    undated = record(when=None)
    unresolved = record(when=None, date_text="on the holiday")
    week = record(when=None, date_text="last week",
                  date_range={"start": "2017-10-23", "end": "2017-10-29"})
    decade = record(when=None, date_text="in the 1990s",
                    date_range={"start": "1990-01-01", "end": "1999-12-31"})
    published = date(2017, 11, 2)
    assert date_span(day, published, CONFIG) == (date(2017, 11, 2), date(2017, 11, 2))
    assert date_span(month, published, CONFIG) == (date(2017, 7, 1), date(2017, 7, 31))
    assert date_span(year, published, CONFIG) == (None, None)
    lookback = CONFIG.events["undated_lookback_days"]
    assert date_span(undated, published, CONFIG) == (published - timedelta(days=lookback),
                                                     published)
    assert date_span(unresolved, published, CONFIG) == (None, None)
    assert date_span(week, published, CONFIG) == (date(2017, 10, 23), date(2017, 10, 29))
    assert date_span(decade, published, CONFIG) == (None, None)


def test_only_real_coded_dated_mentions_can_merge():
    assert can_merge(mention())
    assert not can_merge(mention(actor=None))
    assert can_merge(mention(actor=None, recipient="PRK"))
    assert not can_merge(mention(modality="hypothetical"))
    assert not can_merge(mention(when="2017-01-01", precision="year", date_text="in 2017"))


# -- event rules: what keeps two mentions apart --------------------------------------------


def test_the_same_type_is_needed_unless_the_two_types_are_interchangeable():
    assert hard_compatible(mention(), mention(), CONFIG)
    assert not hard_compatible(mention(), mention(event_type="ASSAULT"), CONFIG)
    assert hard_compatible(mention(event_type="MOBILIZE"), mention(event_type="COOPERATE"),
                           CONFIG)


def test_modes_must_agree_when_both_are_given():
    assert hard_compatible(mention(mode="weapons"), mention(mode=None), CONFIG)
    assert not hard_compatible(mention(mode="weapons"), mention(mode="troops"), CONFIG)


def test_modality_planned_merges_only_with_planned_and_claims_with_denials():
    assert hard_compatible(mention(modality="claimed"), mention(modality="denied"), CONFIG)
    assert not hard_compatible(mention(modality="planned"), mention(), CONFIG)
    assert hard_compatible(mention(modality="planned"), mention(modality="planned"), CONFIG)
    assert not hard_compatible(mention(modality="hypothetical"),
                               mention(modality="hypothetical"), CONFIG)


def test_parties_must_share_a_code_and_never_conflict():
    assert hard_compatible(mention(recipient="PRK"), mention(recipient=None), CONFIG)
    assert not hard_compatible(mention(actor="USA"), mention(actor="CHN"), CONFIG)
    assert not hard_compatible(mention(recipient="PRK"), mention(actor=None, recipient="KOR"),
                               CONFIG)
    assert not hard_compatible(mention(actor="USA"), mention(actor=None, recipient="USA"),
                               CONFIG)


def test_compound_actors_match_through_their_members():
    joint = mention(event_type="COOPERATE", actor="KOR", members=("KOR", "USA"))
    other_way = mention(event_type="COOPERATE", actor="USA", members=("USA", "KOR"))
    assert hard_compatible(joint, other_way, CONFIG)


def test_symmetric_types_may_name_the_parties_either_way_round():
    a_met_b = mention(event_type="CONSULT", actor="IND", recipient="AUS")
    b_met_a = mention(event_type="CONSULT", actor="AUS", recipient="IND")
    assert hard_compatible(a_met_b, b_met_a, CONFIG)
    a_met_c = mention(event_type="CONSULT", actor="IND", recipient="JPN")
    assert not hard_compatible(a_met_b, a_met_c, CONFIG)
    sent = mention(actor="USA", recipient="KOR")
    received = mention(actor="KOR", recipient="USA")
    assert not hard_compatible(sent, received, CONFIG)  # MOBILIZE is directed


def test_dates_must_be_able_to_be_the_same_day():
    thursday = mention(when="2017-11-02")
    assert hard_compatible(thursday, mention(when="2017-11-03"), CONFIG)  # day_slack
    assert not hard_compatible(thursday, mention(when="2017-11-05"), CONFIG)
    assert not hard_compatible(mention(when="2017-05-01", published="2017-05-03"), thursday,
                               CONFIG)
    undated_next_day = mention(when=None, published="2017-11-03")
    assert hard_compatible(thursday, undated_next_day, CONFIG)
    assert not hard_compatible(thursday, mention(when=None, published="2017-11-20"), CONFIG)
    july = mention(when="2017-07-01", precision="month", date_text="in July")
    assert hard_compatible(july, mention(when="2017-07-28"), CONFIG)
    assert not hard_compatible(july, mention(when="2017-09-03"), CONFIG)


def test_places_far_apart_or_in_different_countries_are_different_events():
    assert hard_compatible(mention(location=KOREA), mention(location=SEOUL), CONFIG)
    assert not hard_compatible(mention(location=SEOUL), mention(location=PYONGYANG), CONFIG)
    assert hard_compatible(mention(location=KOREA), mention(location=None), CONFIG)
    plain = "The United States ordered a review."
    assert not hard_compatible(mention(location=KOREA, sentence=plain, trigger="ordered"),
                               mention(location=OKINAWA, sentence=plain, trigger="ordered"),
                               CONFIG)


def test_one_moving_activity_may_cover_places_farther_apart():
    # a bomber flight passes Okinawa on its way to Korea, 1,200 km away
    assert hard_compatible(mention(location=KOREA), mention(location=OKINAWA), CONFIG)
    assert not hard_compatible(mention(location=KOREA), mention(location=GUAM), CONFIG)


def test_different_recurring_activities_are_different_events():
    flight = mention()
    launch = mention(sentence="The US test-launched a missile from California.",
                     trigger="test-launched")
    assert flight.activity == "bomber_flights" and launch.activity == "missile_launches"
    assert not hard_compatible(flight, launch, CONFIG)


# -- event rules: what ties two mentions together ------------------------------------------


def test_shared_words_or_numbers_tie_mentions():
    a = mention(event_type="ASSAULT", actor="PAK", sentence="Insurgents ambushed a bus in "
                "Kalat and killed 18 paramilitaries.", trigger="ambushed")
    b = mention(event_type="ASSAULT", actor="PAK", sentence="Eighteen paramilitaries died when "
                "insurgents ambushed their bus near Kalat.", trigger="ambushed")
    c = mention(event_type="ASSAULT", actor="PAK", sentence="The army said it had regained "
                "control of the district.", trigger="regained")
    assert tie_strength(a, b, CONFIG) >= CONFIG.events["min_sentence_overlap"]
    assert tie_strength(a, c, CONFIG) < 0


def test_an_activity_named_apart_from_the_trigger_ties_mentions():
    a = mention(sentence="Washington sent two B-1B Lancers to the peninsula.", trigger="sent")
    b = mention(sentence="Strategic bombers of the US flew over Korea.", trigger="flew")
    assert a.activity_named_apart and b.activity == "bomber_flights"
    assert tie_strength(a, b, CONFIG) >= 1
    talks = {"event_type": "CONSULT", "actor": "USA", "recipient": "RUS", "trigger": "talks",
             "when": None}
    c = mention(sentence="The talks in Riyadh lasted hours.", **talks)
    d = mention(sentence="Officials praised the talks.", **talks)
    assert not c.activity_named_apart and tie_strength(c, d, CONFIG) < 0


def test_same_parties_on_the_same_day_tie_mentions():
    a = mention(event_type="SANCTION", actor="POL", recipient="RUS",
                sentence="Poland said it was expelling Russian diplomats.", trigger="expelling")
    b = mention(event_type="SANCTION", actor="POL", recipient="RUS",
                sentence="Warsaw ordered envoys of Moscow out.", trigger="ordered")
    assert tie_strength(a, b, CONFIG) >= 1


def test_a_mention_joins_a_cluster_only_if_compatible_with_every_member():
    day1 = mention(when="2017-11-02", location=KOREA)
    day2 = mention(when="2017-11-03")
    cluster = new_cluster(day1)
    assert choose_cluster(day2, [cluster], CONFIG) is cluster
    cluster.mentions.append(day2)
    day3 = mention(when="2017-11-04")  # compatible with day2, not with day1: no chaining
    assert choose_cluster(day3, [cluster], CONFIG) is None


def test_the_two_seed_flights_stay_apart():
    may = mention(when="2017-05-01", published="2017-05-03", location=KOREA,
                  sentence="The US Air Force sent two B-1B Lancer bombers to the peninsula.",
                  trigger="sent", article="wsws")
    november = mention(location=KOREA, article="yonhap")
    assert choose_cluster(november, [new_cluster(may)], CONFIG) is None


def test_cluster_summary_takes_the_most_precise_date():
    cluster = EventCluster("c", [mention(when=None), mention(when="2017-11-02", location=KOREA)])
    summary = cluster.summary()
    assert summary["event_date"] == date(2017, 11, 2) and summary["date_precision"] == "day"
    assert summary["place"] == "Korean Peninsula" and summary["n_mentions"] == 2
    assert summary["activity"] == "bomber_flights"


# -- series --------------------------------------------------------------------------------


def test_activities_are_named_near_the_trigger():
    near = record(sentence="The US flew bombers over Korea.", trigger="flew")
    far = record(sentence="The US flew over the peninsula again, in what officials described "
                 "as a response to recent missile tests.", trigger="flew")
    assert activity_match(near, CONFIG) == ("bomber_flights", True)
    assert activity_match(far, CONFIG) is None
    wrong_type = record(event_type="ACCUSE", trigger="slammed",
                        sentence="Pyongyang slammed the bomber flights.")
    assert activity_match(wrong_type, CONFIG) is None


def summary(**kwargs) -> dict:
    cluster = EventCluster(link_id("event", str(kwargs)), [mention(**kwargs)])
    return {"id": cluster.id, **cluster.summary()}


def test_series_groups_by_activity_and_actor_and_recipient_where_needed():
    assert group_key(summary(), CONFIG) == "bomber_flights|USA"
    assert group_key(summary(actor=None, recipient="KOR"), CONFIG) is None
    assert group_key(summary(when="2017-01-01", precision="year", date_text="in 2017"),
                     CONFIG) is None
    talks = {"event_type": "CONSULT", "trigger": "held",
             "sentence": "US and Russian officials held talks in Riyadh."}
    assert group_key(summary(recipient="RUS", **talks), CONFIG) == "talks|USA|RUS"
    assert group_key(summary(**talks), CONFIG) is None


def test_events_join_the_nearest_series_of_their_group():
    first = summary(location=KOREA)
    korea = new_series("bomber_flights|USA", first, CONFIG)
    korea.n_events = 1
    assert korea.title == "USA bomber flights — Korean Peninsula"
    assert choose_series(summary(location=SEOUL), [korea], CONFIG) is korea
    far_away = {"text": "Diego Garcia", "name": "Diego Garcia", "country": "IOT",
                "lat": -7.3, "lon": 72.4}
    assert choose_series(summary(location=far_away), [korea], CONFIG) is None
    assert choose_series(summary(location=None), [korea], CONFIG) is korea


def test_an_unplaced_series_takes_the_place_of_its_first_placed_event():
    unplaced = new_series("bomber_flights|USA", summary(location=None), CONFIG)
    assert unplaced.area is None
    chosen = choose_series(summary(location=KOREA), [unplaced], CONFIG)
    assert chosen is unplaced and unplaced.area == "Korean Peninsula"


def test_series_ids_are_stable():
    first = summary(location=KOREA)
    assert new_series("g|USA", first, CONFIG).id == new_series("g|USA", first, CONFIG).id
    assert isinstance(new_series("g|USA", first, CONFIG), Series)


FERGUSON = {"text": "Ferguson", "name": "Ferguson", "country": "USA", "lat": 38.74,
            "lon": -90.31}
ST_LOUIS = {"text": "St. Louis", "name": "St. Louis", "country": "USA", "lat": 38.63,
            "lon": -90.2}
WASHINGTON = {"text": "Washington", "name": "Washington", "country": "USA", "lat": 38.9,
              "lon": -77.04}
PROTEST = {"event_type": "PROTEST", "trigger": "marched",
           "sentence": "Hundreds of protesters marched through the town on Sunday."}


def protest(when: str, location: dict | None) -> dict:
    return summary(when=when, published=when, location=location, **PROTEST)


def test_a_protest_series_is_one_place_and_one_wave_not_a_country_over_years():
    group = group_key(protest("2014-08-10", FERGUSON), CONFIG)
    assert group == "protests|USA"
    wave = new_series(group, protest("2014-08-10", FERGUSON), CONFIG)
    wave.n_events = 1
    # the same city's protests a week on continue it
    nearby = protest("2014-08-18", ST_LOUIS)
    assert choose_series(nearby, [wave], CONFIG) is wave
    wave.include(nearby["timeline_date"])
    # protesters of the same country a thousand kilometres away are other people
    assert choose_series(protest("2014-08-20", WASHINGTON), [wave], CONFIG) is None
    # the same town after months of calm: another wave, whatever the place
    assert choose_series(protest("2015-01-20", FERGUSON), [wave], CONFIG) is None
    assert choose_series(protest("2015-01-20", None), [wave], CONFIG) is None
    # an event may arrive late: one within the pause before the series' start continues it
    assert choose_series(protest("2014-07-25", FERGUSON), [wave], CONFIG) is wave


def test_a_long_pause_ends_a_series_of_any_activity():
    gap = CONFIG.series["max_gap_days"]
    start = date(2017, 11, 2)
    flights = new_series("bomber_flights|USA", summary(location=KOREA), CONFIG)
    flights.n_events = 1
    assert flights.start == flights.end == start
    soon = (start + timedelta(days=gap - 10)).isoformat()
    late = (start + timedelta(days=gap + 10)).isoformat()
    assert choose_series(summary(when=soon, published=soon, location=SEOUL), [flights],
                         CONFIG) is flights
    assert choose_series(summary(when=late, published=late, location=SEOUL), [flights],
                         CONFIG) is None


def test_a_protest_placed_only_at_its_country_is_compared_at_the_default_reach():
    nationwide = dict(FERGUSON, precision="city")
    wave = new_series("protests|USA", protest("2014-08-10", nationwide), CONFIG)
    wave.n_events = 1
    country = {"text": "the United States", "name": "United States", "country": "USA",
               "lat": 39.8, "lon": -98.5, "precision": "country"}
    assert choose_series(protest("2014-08-15", country), [wave], CONFIG) is wave
    city = dict(WASHINGTON, precision="city")
    assert choose_series(protest("2014-08-15", city), [wave], CONFIG) is None
