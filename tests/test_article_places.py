"""Places an article mentions (resolve/article_places.py): which names the map takes."""

from __future__ import annotations

import re

import pytest

from sitrep.pipeline import Components
from sitrep.resolve.article_places import places_in


@pytest.fixture(scope="module")
def components() -> Components:
    return Components.load()


def mapped(components: Components, text: str) -> dict[str, tuple[str | None, str]]:
    doc = components.nlp(text)
    return {p.text: (p.country, p.name) for p in places_in(doc, components.places,
                                                           components.actors, text=text)}


def test_a_town_after_a_locative_preposition_is_a_place_even_unlabelled(components) -> None:
    # whatever the parser labels these, "in", "near" and "from" put a town on the map
    found = mapped(components, "Volunteers from Huntsville worked near Decatur and in "
                               "Gainesville on Sunday.")
    assert {"Huntsville", "Decatur", "Gainesville"} <= set(found)


def test_a_name_the_parser_reads_as_a_place_once_is_one_throughout(components) -> None:
    text = ("The storm hit Charleston, South Carolina, on Monday. Charleston officials said "
            "Charleston schools would reopen.")
    found = [p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)]
    assert found.count("Charleston") == 3


def test_people_and_words_of_other_names_stay_off_the_map(components) -> None:
    found = mapped(components, "Ken Saro-Wiwa was remembered on Main Street in Lagos.")
    assert "Saro" not in found and "Street" not in found
    assert found["Lagos"][0] == "NGA"


def test_a_place_named_again_as_a_modifier_stays_a_place(components) -> None:
    text = ("A man was arrested in Alexandria on Friday. Alexandria detectives said the "
            "Alexandria grand jury would meet in May. Paris Hilton was not involved.")
    found = [p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)]
    assert found.count("Alexandria") == 3
    assert "Paris" not in found


def test_a_country_named_by_its_adjective_is_a_country_mention_apart_from_places(
        components) -> None:
    from sitrep.records import Article
    from sitrep.pipeline import pipeline

    text = ("Russian troops crossed into Georgia as Sudanese officials met in Khartoum. "
            "The Russian Federation denied it.")
    processed = next(pipeline([Article(text=text)], components))
    demonyms = [p for p in processed.places if p.kind == "demonym"]
    assert [(p.text, p.country) for p in demonyms] == [("Russian", "RUS"), ("Sudanese", "SDN")]
    assert all(p.precision == "country" for p in demonyms)
    # a place named by name stays a place, and no demonym doubles it
    assert any(p.text == "Khartoum" and p.kind != "demonym" for p in processed.places)
    assert all(p.start < q.start for p, q in zip(processed.places, processed.places[1:]))


def test_a_surname_stays_a_person_and_a_word_running_on_is_no_name(components) -> None:
    text = ("Curator Yevgenia Petrova opened the show in Moscow. \"It travels next,\" "
            "Petrova said. Members of the Baha'i faith attended.")
    found = [p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)]
    assert "Moscow" in found
    assert "Petrova" not in found and "Baha" not in found


def test_dotted_initials_of_a_state_and_a_dateline_in_capitals_are_places(components) -> None:
    text = ("TEGA CAY \u2014 Crews from the S.C. Forestry Commission fought a fire here on "
            "Monday. Miss. Ore. and Wash. are no places here.")
    found = mapped(components, text)
    assert found["TEGA CAY"] == ("USA", "Tega Cay")
    assert found["S.C"] == ("USA", "South Carolina")
    assert not {"Miss", "Ore", "Wash"} & set(found)


def test_a_one_word_division_abroad_needs_the_parse_or_a_hint(components) -> None:
    # Saint Lucia has a division called Town: a council's name is no place
    found = mapped(components, "The Town Council met on Tuesday to approve the budget.")
    assert "Town" not in found
    # a division named with its type word, or listed before "counties", stays
    found = mapped(components, "Deputies searched Walker County, and the Clarke and Oconee "
                               "counties sent help.")
    assert {"Walker County", "Clarke", "Oconee"} <= set(found)


def test_names_listed_after_counties_or_as_a_range_before_it_are_counties(components) -> None:
    found = mapped(components, "Hail fell from Ellsworth to Riley counties on Monday.")
    assert found["Ellsworth"] == ("USA", "Ellsworth County")
    found = mapped(components, "The three largest counties \u2014 Douglas, Lancaster and Sarpy "
                               "\u2014 grew fast, officials in Lincoln, Neb., said.")
    assert found["Douglas"] == ("USA", "Douglas County")
    assert found["Sarpy"] == ("USA", "Sarpy County")
    found = mapped(components, "Crews worked in counties such as Leavenworth and Shawnee, "
                               "Kansas officials said.")
    assert found["Shawnee"] == ("USA", "Shawnee County")
    # a list ends where no comma or conjunction goes on
    found = mapped(components, "Two counties: Riley. Topeka officials said so on Monday.")
    assert found["Topeka"] == ("USA", "Topeka")


def test_native_american_names_a_people_not_the_country(components) -> None:
    from sitrep.resolve.article_places import demonyms_in

    text = "The museum shows Native American pottery beside American flags."
    assert [p.start for p in demonyms_in(components.actors, text)] == [text.index("American f")]


def test_a_sea_named_inside_another_name_is_no_place(components) -> None:
    text = ("Scientists said the Pacific Decadal Oscillation had turned cold, and ships "
            "crossed the Pacific to Japan.")
    places = places_in(components.nlp(text), components.places, components.actors, text=text)
    assert [(p.start, p.name) for p in places] == [
        (text.index("Pacific to"), "Pacific Ocean"), (text.index("Japan"), "Japan")]


def test_a_place_name_that_ends_a_longer_name_of_something_else_is_no_place(components) -> None:
    # each name is read as a place elsewhere in the text, which alone would keep it
    text = ("Voters in Russia backed the ruling party. Senior United Russia officials said "
            "it would keep its seats. Bus drivers from Radcliffe went on strike, and a nurse "
            "at the Ellen Radcliffe Clinic in Leeds said the clinic would stay open.")
    found = places_in(components.nlp(text), components.places, components.actors, text=text)
    assert [p.start for p in found if p.text in ("Russia", "Radcliffe")] == [
        text.index("Russia"), text.index("Radcliffe")]
    assert "Leeds" in [p.text for p in found]


def test_a_compass_or_feature_word_before_a_place_name_keeps_it_a_place(components) -> None:
    # "Greater" may begin a longer name of the place itself, unlike "United" in "United Russia"
    text = "The Greater Boston Food Bank said families in Boston needed help."
    found = places_in(components.nlp(text), components.places, components.actors, text=text)
    assert [(p.text, p.start) for p in found] == [("Boston", text.index("Boston")),
                                                  ("Boston", text.index("Boston needed"))]


def test_a_name_that_says_something_is_a_person_throughout(components) -> None:
    text = ('"We will open again in May," Petrova said. The gallery in Moscow was closed, '
            "and Petrova stayed home.")
    found = [p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)]
    assert found == ["Moscow"]


def test_a_surname_after_a_middle_initial_is_a_person_whatever_the_parser_says(
        components) -> None:
    text = "Police said an officer shot Marquise M. Bell and pressed a gun into Bell's back."
    assert "Bell" not in mapped(components, text)


def test_a_surname_is_no_region_abroad_but_a_capital_stays(components) -> None:
    text = ("Friends held a vigil in Flores' memory. Maria Flores, 26, grew up in Dallas. "
            "The actor Denzel Washington flew to Washington on Monday.")
    found = places_in(components.nlp(text), components.places, components.actors, ("USA",),
                      text=text)
    assert [p.text for p in found] == ["Dallas", "Washington"]
    assert found[1].start == text.index("Washington on")


def test_a_day_named_after_a_saint_or_a_place_is_no_place(components) -> None:
    text = ("The parade on St. Patrick's Day drew crowds in Savannah, and banks closed for "
            "Columbus Day. The Charleston Day School stayed open in Charleston.")
    found = [p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)]
    assert "St. Patrick" not in found and found.count("Columbus") == 0
    assert "Savannah" in found and found.count("Charleston") == 2


def test_a_country_adjective_naming_a_language_is_no_mention_of_the_country(
        components) -> None:
    from sitrep.resolve.article_places import demonyms_in

    text = ("She spoke only French when she moved to Chicago. The ads run in English and "
            "Spanish, the letter was written in German, and French officials approved.")
    doc = components.nlp(text)
    found = demonyms_in(components.actors, text, places_in(doc, components.places,
                                                           components.actors, text=text), doc)
    assert [(p.text, p.start) for p in found] == [("French", text.index("French off"))]


def test_a_longer_name_read_once_as_another_things_is_that_wherever_it_recurs(
        components) -> None:
    # the parser reads the second "United Russia" as a place: the first reading holds
    text = ("Senior United Russia officials said the party would keep its seats. Voters in "
            "Russia gave United Russia most seats on Sunday.")
    found = places_in(components.nlp(text), components.places, components.actors, text=text)
    assert [(p.text, p.start) for p in found] == [("Russia", text.index("Russia gave"))]


def test_a_feature_word_before_of_and_a_name_is_no_feature_known_by_that_word(
        components) -> None:
    text = ("Storms formed over the Gulf of Alaska on Monday, and tankers left the Gulf for "
            "Asia.")
    found = places_in(components.nlp(text), components.places, components.actors, text=text)
    assert [(p.text, p.start) for p in found if p.text == "Gulf"] == [
        ("Gulf", text.index("Gulf for"))]
    assert "Alaska" in [p.text for p in found]


def test_a_name_that_dies_or_is_charged_is_a_person_throughout(components) -> None:
    for text in ("Police said Petrova was charged with theft on Monday. A judge will hear "
                 "Petrova next week in Moscow.",
                 "Petrova died on Monday at her home in Moscow. Friends remembered Petrova "
                 "as kind."):
        found = [p.text for p in places_in(components.nlp(text), components.places,
                                           components.actors, text=text)]
        assert found == ["Moscow"], text


def test_a_deity_a_climate_pattern_and_an_era_are_no_places(components) -> None:
    text = ("She put her faith in God and found work in Austin. Forecasters blamed El Nino for "
            "the rain in Lima. The mound near Vancouver, B.C., was built around 100 B.C. by "
            "farmers.")
    found = places_in(components.nlp(text), components.places, components.actors, text=text)
    assert [(p.text, p.start) for p in found] == [
        ("Austin", text.index("Austin")), ("Lima", text.index("Lima")),
        ("Vancouver", text.index("Vancouver")), ("B.C", text.index("B.C."))]


def test_a_surname_that_is_shot_is_the_person_even_where_a_capital_is_so_named(
        components) -> None:
    text = ("Deputies found John Paris at his home near Tyler on Monday. Paris had been shot "
            "twice, they said.")
    assert list(mapped(components, text)) == ["Tyler"]


def test_in_before_a_possessive_governs_what_the_person_has(components) -> None:
    text = "Dozens of activists are held in Abbas's prisons, and more in Jericho."
    assert list(mapped(components, text)) == ["Jericho"]


def test_a_name_before_people_or_culture_is_a_people_throughout(components) -> None:
    # the parser reads "the Adena Culture" as a facility: "people" tells what it is
    text = ("The museum's new hall is about the Adena Culture, whose builders raised "
            "earthworks along the river. The Adena people buried their dead near Chillicothe.")
    assert list(mapped(components, text)) == ["Chillicothe"]


def test_indians_after_another_name_are_a_native_people_not_india(components) -> None:
    from sitrep.resolve.article_places import demonyms_in

    text = ("The museum honours American Indians and the Quiche Indians, and South Indian "
            "dancers and Indian officials attended.")
    doc = components.nlp(text)
    found = demonyms_in(components.actors, text, [], doc)
    assert [(p.text, p.country) for p in found] == [
        ("American", "USA"), ("Indian", "IND"), ("Indian", "IND")]


def test_a_place_name_in_a_street_name_does_not_move_the_other_names(components) -> None:
    # Hamilton, Ohio would draw Trenton and Mercer County to Ohio: the avenue lies in Trenton
    text = ("Firefighters were called to a house on Hamilton Avenue in Trenton, and Mercer "
            "County officials said no one was hurt.")
    found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                          components.actors, text=text)}
    assert "Hamilton" in found  # the street's name, as toponym gold marks it
    for name in ("Trenton", "Mercer County"):
        assert abs(found[name].lon - -74.7) < 0.5, name  # New Jersey's, not Ohio's


def test_a_local_story_is_settled_in_the_country_its_names_can_only_lie_in(components) -> None:
    # no country is named: Ohio and Kentucky tell that Savannah is Georgia's, not Ghana's
    text = ("The council in Savannah heard a plan on Monday; delegates from Ohio and Kentucky "
            "spoke.")
    assert mapped(components, text)["Savannah"][0] == "USA"


def test_a_capital_read_from_a_place_name_yields_to_the_countries_the_names_lie_in(
        components) -> None:
    from sitrep.resolve.article_places import place_context

    text = "Athens police met deputies from Clarke County and Oconee County on Monday."
    mentions = components.places.find(text)
    assert place_context(text, components.actors, mentions) == ["USA"]  # not Greece
    text = "Athens and Thessaloniki said Greece would send aid."
    assert place_context(text, components.actors, components.places.find(text))[0] == "GRC"


def test_a_country_adjective_before_a_food_word_names_a_cuisine_not_the_country(
        components) -> None:
    from sitrep.resolve.article_places import demonyms_in

    text = ("The inspectors closed a Japanese restaurant and the Ginger Malaysian Grill, and "
            "Japanese officials asked about Italian groceries.")
    found = demonyms_in(components.actors, text, [], components.nlp(text))
    assert [(p.text, p.start) for p in found] == [("Japanese", text.index("Japanese off"))]


def test_a_public_body_named_after_a_place_names_the_place(components) -> None:
    text = ("The Kansas Department of Transportation closed the road, the McLean County "
            "Sheriff's Department said, and a professor at the University of Kentucky agreed.")
    assert list(mapped(components, text)) == ["Kansas", "McLean County", "Kentucky"]
    # a business's, a hyphenated name's end, a compass word beginning a longer name
    text = ("Workers at Henry's Turkey Service and the Mid-America Council met Eastern "
            "Kentucky University staff.")
    assert mapped(components, text) == {}


def test_a_county_s_name_alone_means_the_county_or_a_town_in_reach_of_it(components) -> None:
    # one sense per article: the bare name is not a namesake across the country (a
    # Louisiana village for the Nebraska county), but the county or a town near it
    from sitrep.resolve.place_records import distance_km

    for text in ("Sarpy County officials met on Monday. Shelters in Sarpy opened.",
                 "Osceola County commissioners approved the budget. Residents in Osceola "
                 "will pay more."):
        found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                              components.actors, text=text)}
        name = text.split()[0]
        county, bare = found[f"{name} County"], found[name]
        assert distance_km(county, bare) < 100, (county, bare)


def test_a_people_s_name_given_as_a_toponym_is_the_place_it_is_made_from(components) -> None:
    from sitrep.resolve.article_places import resolve_spans

    text = ("Iowans voted early while Texans waited, Floridians shrugged and a Londoner "
            "watched with Republicans.")
    words = ["Iowans", "Texans", "Floridians", "Londoner", "Republicans"]
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    resolved = resolve_spans(components.nlp(text), components.places, components.actors,
                             spans, text=text)
    names = {w: (p.name if p else None) for w, p in zip(words, resolved)}
    assert names == {"Iowans": "Iowa", "Texans": "Texas", "Floridians": "Florida",
                     "Londoner": "London", "Republicans": None}
    # a name's ending is cut and added only to read a whole place name: "Kanawha River" is
    # no "Kanawha Rivera" (Uruguay's Rivera), "North Atlantic" no "North Atlantico"
    # (Colombia's Atlantico)
    text = "Barges moved down the Kanawha River toward the North Atlantic."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Kanawha River", "North Atlantic")]
    assert resolve_spans(components.nlp(text), components.places, components.actors, spans,
                         text=text) == [None, None]


def test_a_given_name_read_apart_lies_in_the_region_of_the_article_s_places(components) -> None:
    # "Concord", a common word, is found by no reading of the text: given as a toponym, it
    # is read with the region most of the other places lie in (New Hampshire's capital,
    # not California's larger Concord)
    from sitrep.resolve.article_places import resolve_spans

    text = ("Officials in Keene, New Hampshire, met on Tuesday with crews from Nashua and "
            "Manchester. Concord will pay for the repairs.")
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Keene", "Nashua", "Concord")]
    *_, concord = resolve_spans(components.nlp(text), components.places, components.actors,
                                spans, text=text)
    assert (concord.name, concord.country) == ("Concord", "USA") and concord.lon > -75


def test_a_hamlet_s_name_is_a_place_only_after_a_locative_word_or_with_its_region(
        components) -> None:
    # places under 1,000 people are in the gazetteer, but a name only they bear, standing
    # alone, is more often a surname
    assert mapped(components, "Servance won the vote on Tuesday.") == {}
    assert mapped(components, "The fair was held in Servance on Tuesday.") == {
        "Servance": ("FRA", "Servance")}
    assert "Servance" in mapped(components, "Servance, Haute-Saone, held a fair.")


def test_a_town_name_that_begins_a_building_name_is_the_town_only_where_the_story_is(
        components) -> None:
    # a centre or a firm named after someone elsewhere is no mention of Durant, Oklahoma
    found = mapped(components, "Volunteers met at the Durant Center in Alexandria, Virginia, "
                               "on Tuesday.")
    assert "Durant" not in found and found["Alexandria"][0] == "USA"
    found = mapped(components, "Crews from Templeton Construction repaired the jail in "
                               "Tyler, Texas, last week.")
    assert "Templeton" not in found and "Tyler" in found
    # ... but a building named after the town the story is set in names the town
    text = ("The Alexandria Civic Center reopened on Tuesday, officials in Alexandria, "
            "Virginia, said.")
    found_all = [p.text for p in places_in(components.nlp(text), components.places,
                                           components.actors, text=text)]
    assert found_all.count("Alexandria") == 2


def test_a_town_of_the_story_s_region_before_a_hospital_or_zoo_is_the_town(components) -> None:
    # hospitals, zoos, universities and school districts head names as centres do: the
    # town where the story is, no town elsewhere
    found = mapped(components, "Two nurses from Tyler and Longview, Texas, were treated at "
                               "the Kilgore Hospital on Friday.")
    assert found["Kilgore"] == ("USA", "Kilgore")
    found = mapped(components, "Officials in Tyler, Texas, said the Durant Zoo will close.")
    assert "Durant" not in found and "Tyler" in found


def test_compass_words_before_a_longer_name_are_no_place_of_their_own(components) -> None:
    # "North East" is a district of Botswana, and a town in Maryland
    found = mapped(components, "Leaders of the North East Water Board met in Tyler on Monday.")
    assert "North East" not in found and "Tyler" in found
    found = mapped(components, "The new library in North East, Maryland, opened on Monday.")
    assert found["North East"][0] == "USA"


def test_a_name_before_a_number_names_a_numbered_thing(components) -> None:
    # a room, a radio station; not a dateline's day nor a state's route
    found = mapped(components, "Trainers met in Talla 2 at the recreation center in Dublin, "
                               "Ohio, on Monday.")
    assert "Talla" not in found and "Dublin" in found
    found = mapped(components, "The minister told Europe 1 radio that the talks in Brussels "
                               "had failed.")
    assert "Europe" not in found and "Brussels" in found
    found = mapped(components, "Troops moved into Basra 12 March after talks in Baghdad.")
    assert found["Basra"][0] == "IRQ"
    text = "The crash closed Texas 19 near Palestine, Texas."
    found_all = [p.text for p in places_in(components.nlp(text), components.places,
                                           components.actors, text=text)]
    assert found_all.count("Texas") == 2


def test_a_name_before_a_noun_of_a_person_says_where_the_person_lives(components) -> None:
    # local news names people by their town: the parser often reads the town as a firm
    for text, town in (("Rochester man says his car was stolen overnight. A Rochester man "
                        "told deputies his car was taken from the driveway.", "Rochester"),
                       ("Two Huntsville teens were hurt when their bicycles collided on "
                        "Sunday, deputies said.", "Huntsville"),
                       ("The Lancaster woman won an award for her thesis this week.",
                        "Lancaster")):
        found = [p.text for p in places_in(components.nlp(text), components.places,
                                           components.actors, text=text)]
        assert town in found, (text, found)
    # a family takes a surname, and a person's name before such a noun stays a person's
    for text, name in (("The Obama family spent the holiday at home.", "Obama"),
                       ("Coach Mike Paris praised his men after the game.", "Paris")):
        found = [p.text for p in places_in(components.nlp(text), components.places,
                                           components.actors, text=text)]
        assert name not in found, (text, found)


def test_a_state_abbreviation_before_a_noun_is_the_state(components) -> None:
    # headline style: the abbreviation qualifies the noun after it
    found = mapped(components, "Lost Md. hiker found. Two Ore. farmers sue over a Tenn. dam.")
    assert {name for _, name in found.values()} == {"Maryland", "Oregon", "Tennessee"}
    # a word abbreviation before a verb or a conjunction is no state
    assert mapped(components, "Mass. and Wash. did not reply.") == {}


def test_a_legislators_party_initial_is_followed_by_the_home_county_or_town(components) -> None:
    text = ("The bill was backed by Delegate Ruth Vance, D-Kanawha, Sen. Omar Hale (R-Fairfax) "
            "and Rep. Dana Pike, D-Iowa City; Rep. Lou Kern, R-Texas, opposed it.")
    found = {p.text: (p.kind, p.name) for p in places_in(
        components.nlp(text), components.places, components.actors, text=text)}
    assert found["Kanawha"] == ("admin2", "Kanawha County")
    assert found["Iowa City"] == ("city", "Iowa City")
    assert found["Texas"] == ("admin1", "Texas")
    assert "Fairfax" in found
    # no party initial before it, a county's bare name is no place
    assert mapped(components, "Kanawha spoke after the vote.") == {}


def test_a_town_before_its_officers_or_officials_is_the_town(components) -> None:
    found = mapped(components, "Roselle officers stopped 40 drivers, Hounslow Labour councillors "
                               "said, and Rock Hill City Manager Ed Vole agreed.")
    assert {"Roselle", "Hounslow", "Rock Hill"} <= set(found)
    assert found["Hounslow"][0] == "GBR"


def test_a_town_after_a_person_and_of_is_where_the_person_lives(components) -> None:
    found = mapped(components, "The driver, Tom Ray of Jeannette, was unhurt, said Ellen Amstutz, "
                               "of Wooster.")
    assert found["Jeannette"] == ("USA", "Jeannette") and "Wooster" in found
    # the parser reads "Nadia Brown of Southlake" whole as an organisation's name
    assert "Southlake" in mapped(components, "Nadia Brown of Southlake came to the funeral.")
    # "of" after a body's name is no person's home
    assert "America" not in mapped(components, "The Bank of America closed a branch.")


def test_the_state_of_a_region_is_the_region_whatever_the_parse_reads(components) -> None:
    found = mapped(components, "The club must file its accounts with the State of Ohio each year.")
    assert [name for _, name in found.values()] == ["Ohio"]


def test_a_capitals_namesake_in_the_region_a_story_names_is_meant(components) -> None:
    from sitrep.resolve.article_places import place_context

    text = ("Dublin schools will add a music class, the Dublin board said. The plan needs "
            "approval from the State of Ohio.")
    # "Dublin" names Ireland to the actor dictionary; a Dublin lies in Ohio, which the story
    # names: the story is read as set in the US
    assert place_context(text, components.actors, components.places.find(text)) == ["USA"]
    assert mapped(components, text)["Dublin"][0] == "USA"
    # one name of a region does not move a capital a story goes to
    assert mapped(components, "The former governor of Indiana flew to Warsaw for talks.")[
        "Warsaw"][0] == "POL"


def test_a_capitals_name_in_a_longer_one_is_read_as_the_name_alone(components) -> None:
    from sitrep.resolve.article_places import place_context

    # the Dublin of "Dublin Library Road", no place mention of its own, is the same name as
    # the town the story names with Ohio: it does not make the story Irish
    text = ("The Dublin council met on Monday. Crews will repave Dublin Library Road, and "
            "the town applied to Ohio for the money.")
    found = components.places.find(text)
    mentions = [found[0], next(m for m in found if m.text == "Ohio")]
    assert place_context(text, components.actors, mentions) == ["USA"]


def test_a_given_name_within_a_longer_phrase_of_its_place_counts_as_that_place(
        components) -> None:
    # the span "Ohio" lies within "the State of Ohio", the gazetteer's reading: it is Ohio,
    # and as such evidence that Dublin is the Ohio town, not Ireland's capital
    from sitrep.resolve.article_places import resolve_spans

    text = ("The Dublin choir sang on Friday. The Dublin choir is listed with the State of "
            "Ohio as a charity.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"Dublin|Ohio", text)]
    resolved = resolve_spans(components.nlp(text), components.places, components.actors,
                             spans, text=text)
    assert [(p.country, p.name) for p in resolved] == [
        ("USA", "Dublin"), ("USA", "Dublin"), ("USA", "Ohio")]
    assert all(p.lon < -80 for p in resolved[:2])


def test_a_town_before_based_or_its_taxpayers_is_a_place(components) -> None:
    assert "Columbia" in mapped(components, "A Columbia-based firm sued the city.")
    assert "Columbia" in mapped(components, "The judge ruled that Columbia taxpayers must pay.")


def test_a_town_before_state_in_a_public_bodys_name_is_the_town(components) -> None:
    found = mapped(components, "Youngstown State University froze tuition on Monday.")
    assert found["Youngstown"] == ("USA", "Youngstown")


def test_a_dateline_in_capitals_before_an_agency_credit_is_a_place(components) -> None:
    found = mapped(components, "Labs spread. CHATTANOOGA (AP) — Police found a lab on Monday.")
    assert found["CHATTANOOGA"] == ("USA", "Chattanooga")


def test_a_name_kept_for_the_words_around_it_is_a_place_where_it_recurs(components) -> None:
    # "Moorhead" alone says nothing; "in Moorhead" does, for both
    text = ("Sandbags were piled in Moorhead on Monday. Moorhead expects the crest on "
            "Friday, and volunteers arrived by bus.")
    found = [p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)]
    assert found.count("Moorhead") == 2


def test_a_name_joined_to_a_place_by_and_or_a_comma_is_a_place(components) -> None:
    found = mapped(components, "The governor stopped in Fargo and Moorhead on Tuesday.")
    assert found.get("Moorhead", (None,))[0] == "USA"
    # the parser reads these two as people; the list with Lufkin makes them towns
    found = mapped(components, "Crews worked near Lufkin, Nacogdoches and Huntsville after "
                               "the storm.")
    assert found.get("Nacogdoches") == ("USA", "Nacogdoches")
    assert found.get("Huntsville", (None,))[0] == "USA"


def test_a_local_name_where_the_story_is_set_is_a_place_before_a_noun(components) -> None:
    # two towns of the story lie in Texas: Diboll before "home" and a county with its type
    # word at the head of a pantry's name are Texan places too
    found = mapped(components, "Deputies from Lufkin and Nacogdoches, Texas, searched a "
                               "Diboll home on Friday. The Angelina County Food Pantry gave "
                               "out meals.")
    assert found.get("Diboll") == ("USA", "Diboll")
    assert found.get("Angelina County") == ("USA", "Angelina County")


def test_a_town_after_of_where_the_story_is_set_is_a_place(components) -> None:
    found = mapped(components, "Storms hit Fargo and Bismarck, North Dakota. Two scout troops "
                               "of Mandan collected food.")
    assert found.get("Mandan") == ("USA", "Mandan")


def test_a_name_read_as_a_person_or_beginning_a_papers_name_is_no_local_place(
        components) -> None:
    found = mapped(components, "Storms hit Fargo and Bismarck, North Dakota. Mandan said the "
                               "roads were shut, and a Mandan Herald reporter agreed.")
    assert "Mandan" not in found


def test_to_after_a_word_of_motion_says_where_one_goes(components) -> None:
    # the parser reads Butte and Nitro as people; "rerouted to", "moved ... to" make them
    # towns, and "from ... to" a route's end; a thing handed to someone is no move
    found = mapped(components, "The jet was rerouted suddenly to Butte on Monday.")
    assert found.get("Butte", (None,))[0] == "USA"
    found = mapped(components, "He moved his family to Nitro to find work.")
    assert found.get("Nitro", (None,))[0] == "USA"
    assert "Jackson" not in mapped(components, "She handed the award to Jackson on stage.")


def test_a_county_named_with_its_type_word_is_a_place_whatever_name_it_begins(
        components) -> None:
    found = mapped(components, "The Burleigh County Public Works Director closed two roads.")
    assert found.get("Burleigh County") == ("USA", "Burleigh County")
    # the parser reads the whole as a person's name
    found = mapped(components, "Deputy Carl Fields thanked Anderson County Crimestoppers for "
                               "the tip.")
    assert found.get("Anderson County", (None,))[0] == "USA"


def test_a_river_or_lake_named_with_its_type_word_is_the_water_not_the_state(
        components) -> None:
    text = "Crews pulled a car from the Ohio River near Louisville, and boaters left Lake Erie."
    found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                          components.actors, text=text)}
    assert found["Ohio River"].kind == "river" and found["Lake Erie"].kind == "lake"
    assert "Ohio" not in found and "Erie" not in found
    assert found["Ohio River"].lon < -85  # its mouth, at the Mississippi, not Ohio's middle


def test_a_countrys_adjective_a_region_bears_is_no_place_where_it_recurs_as_one(
        components) -> None:
    # "in Somali" makes the first the Ethiopian region; the adjective later is Somalia's
    text = "Clashes broke out in Somali on Monday. Somali lawmakers condemned the attack."
    found = [p for p in places_in(components.nlp(text), components.places, components.actors,
                                  text=text) if p.text == "Somali"]
    assert [p.start for p in found] == [text.index("Somali")]


def test_a_countrys_adjective_before_its_body_is_the_countrys_not_a_region_so_named(
        components) -> None:
    # Ethiopia's Somali region bears the adjective; "the Somali government" is Somalia's,
    # which the demonyms record, not a place of Ethiopia's
    found = mapped(components, "Troops gathered near Jijiga. The Somali government said its "
                               "police would stay out.")
    assert "Somali" not in found and found["Jijiga"][0] == "ETH"


def test_a_region_with_its_type_word_after_its_countrys_possessive_is_that_region(
        components) -> None:
    # the parser reads "Somali" as a people's adjective; "Ethiopia's" and "region" make it
    # Ethiopia's region, but only the owning country's: a continent or another country
    # owns no region of the name
    found = mapped(components, "Aid convoys reached Ethiopia's Somali region on Friday.")
    assert found["Somali region"] == ("ETH", "Somali")
    found = mapped(components, "Herders in Africa's Sahel region and Kenya's Somali region "
                               "lost cattle.")
    assert "Sahel region" not in found and "Somali region" not in found


def test_a_countrys_name_the_parser_reads_as_an_organisation_alone_is_the_country(
        components) -> None:
    # the parser reads "Burkina Faso's" as an organisation: the country acting is still
    # the country on the map
    found = mapped(components, "Burkina Faso's army said on Monday it had repelled raiders.")
    assert found["Burkina Faso"] == ("BFA", "Burkina Faso")


def test_a_broad_region_after_a_locative_and_the_is_a_place(components) -> None:
    # English names a region that is no state's unit with "the": "in the" places it, as
    # "in" alone places a town, whatever the parser reads the name as
    found = mapped(components, "Herders moved their goats across the Sahel before the rains.")
    assert found["Sahel"] == (None, "Sahel")
    found = mapped(components, "Traders from the Caucasus sold wine in the square.")
    assert found["Caucasus"] == (None, "Caucasus")
    found = mapped(components, "Dates from the Maghreb filled the stalls in Lyon.")
    assert found["Maghreb"] == (None, "Maghreb")


def test_a_country_or_home_state_opening_a_bodys_name_is_the_place_it_is_named_for(
        components) -> None:
    found = mapped(components, "The U.S. Navy cleaned the site near Norfolk last year.")
    assert found.get("U.S") == ("USA", "United States")
    found = mapped(components, "Fans in Omaha cheered the Nebraska State Baseball Association.")
    assert found.get("Nebraska State") == ("USA", "Nebraska")


def test_a_region_abroad_opening_a_name_in_a_story_set_elsewhere_is_the_names_alone(
        components) -> None:
    # Cascade is a district of the Seychelles; nothing else here lies there
    found = mapped(components, "Police in Chattanooga found a drug lab at the Cascade Motel "
                               "on Friday.")
    assert "Cascade" not in found and found["Chattanooga"][0] == "USA"


def test_a_common_words_town_before_a_local_office_is_the_town_where_the_story_is(
        components) -> None:
    # "concord" is a word, so the name alone is left out; before "Police" or "Mayor" in a
    # story whose other towns lie in New Hampshire it is New Hampshire's capital
    text = ("Two men were arrested in Hillsborough on Friday, police said. Concord Police said "
            "a car stolen in Manchester was found. Concord Mayor Jim Bouley said more patrols "
            "would follow.")
    places = [p for p in places_in(components.nlp(text), components.places, components.actors,
                                   text=text) if p.text == "Concord"]
    assert len(places) == 2
    assert all(p.country == "USA" and abs(p.lat - 43.21) < 0.2 and abs(p.lon + 71.54) < 0.2
               for p in places)


def test_a_common_words_town_before_an_office_stays_off_where_no_region_holds_the_story(
        components) -> None:
    # the other towns lie in two states: nothing says which Concord, so none is mapped
    found = mapped(components, "Vandals struck in Dover and Newark. Concord Police said they "
                               "had no suspects.")
    assert "Concord" not in found


def test_a_name_listed_with_states_is_the_state(components) -> None:
    # "New York" alone is the city; in a list of states it is the state, and in "Oregon and
    # Washington laws" the capital's name is the state's, while Oregon stays the state
    text = ("Teams came from Ohio, New York, South Dakota and Maine to compete. "
            "Nurses praised the Oregon and Washington rules on paid leave.")
    found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                          components.actors, text=text)}
    assert (found["New York"].kind, found["New York"].name) == ("admin1", "New York")
    assert (found["Washington"].kind, found["Oregon"].kind) == ("admin1", "admin1")


def test_a_name_listed_with_towns_keeps_its_own_kind_where_none_of_that_kind_is_near(
        components) -> None:
    # the towns lie in Texas; no town called Georgia does, so Georgia stays what it was
    from sitrep.resolve.article_places import resolve_spans

    text = "Crews from Dallas, Austin and Georgia helped."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Dallas", "Austin", "Georgia")]
    *_, georgia = resolve_spans(components.nlp(text), components.places, components.actors,
                                spans, text=text)
    assert georgia.kind in ("admin1", "country")


def test_a_small_place_is_no_candidate_for_a_larger_ones_own_name(components) -> None:
    # the source lists "New York" among a small Nebraska town's alternate names
    text = "Choirs travelled from Ohio, New York, Kansas and Maine to sing."
    found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                          components.actors, text=text)}
    assert (found["New York"].kind, found["New York"].name) == ("admin1", "New York")
    # guard: a name that is only an alternate still finds its place (aliases.tsv)
    text = "Fans in Philly cheered."
    found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                          components.actors, text=text)}
    assert found["Philly"].name == "Philadelphia"


def test_a_water_body_or_township_named_with_its_type_word_lies_where_the_story_is(
        components) -> None:
    # the gazetteer lists no such creek, lake or township: the story's towns place them
    text = ("Anglers from Greenville and Spartanburg crowded Lake Hollins on Sunday, and "
            "the Hollins Creek ramp was full. Ellbrook Township officials in Greer counted "
            "the boats.")
    found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                          components.actors, text=text)}
    assert (found["Lake Hollins"].kind, found["Hollins Creek"].kind) == ("lake", "river")
    assert found["Ellbrook Township"].kind == "city"
    for feature in ("Lake Hollins", "Hollins Creek", "Ellbrook Township"):  # upstate S.C.
        assert found[feature].country == "USA"
        assert abs(found[feature].lat - 34.9) < 0.5 and abs(found[feature].lon + 82.2) < 0.5
    # the town of Hollins (Virginia, Alabama) is only a word of the creek's name here
    assert "Hollins" not in found
    # a sentence's period is no part of the name, nor the next sentence a longer name
    text = ("Crews from Greenville and Spartanburg searched the Tallow River. Divers found "
            "nothing in Hollins Creek.")
    found = {p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)}
    assert {"Tallow River", "Hollins Creek"} <= found


def test_type_words_of_other_things_and_a_person_named_so_make_no_water(components) -> None:
    text = ("Bill Lake said the Lake Robinson Road bridge in Greenville is shut; Lake County "
            "deputies from Spartanburg and the Salt Lake City police came to Lake Street.")
    found = {p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)}
    assert not found & {"Bill Lake", "Lake Robinson", "Lake Robinson Road", "Lake Street"}
    assert "Lake County" in found and "Salt Lake City" in found


def test_an_unlisted_water_body_needs_a_region_the_story_is_set_in(components) -> None:
    # one place named is no region the story is surely set in
    text = "Volunteers cleaned the banks of the Tallow River near Greenville."
    found = {p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)}
    assert "Tallow River" not in found
    from sitrep.resolve.article_places import resolve_spans

    # a span given as a place is read in the region of the article's other places
    text = "Crews from Charleston and Huntington, W.Va., cleaned the Tallow River."
    spans = [(text.index(w), text.index(w) + len(w))
             for w in ("Charleston", "Huntington", "Tallow River")]
    *_, river = resolve_spans(components.nlp(text), components.places, components.actors,
                              spans, text=text)
    assert river.kind == "river" and abs(river.lat - 38.4) < 0.5 and abs(river.lon + 82) < 0.6


def test_a_town_of_the_storys_region_that_begins_a_local_body_s_name_is_the_town(
        components) -> None:
    # the story's places lie in Texas, where a Lufkin lies: its foundation is its own
    for text in ("Volunteers from Nacogdoches and Diboll came. Lufkin Education Foundation "
                 "members served lunch.",
                 "Bands from Nacogdoches and Diboll played. The Lufkin Community Center was "
                 "full."):
        found = {p.text: p for p in places_in(components.nlp(text), components.places,
                                              components.actors, text=text)}
        assert "Lufkin" in found and found["Lufkin"].country == "USA"
    # a paper's name is no such body
    text = ("Crews from Nacogdoches and Diboll helped, the Lufkin Herald reported.")
    found = {p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)}
    assert "Lufkin" not in found


def test_a_county_named_in_full_once_is_the_county_by_its_bare_name_too(components) -> None:
    text = ("A store clerk from Nitro testified before the Kanawha Circuit Court on Monday. "
            "Kanawha County deputies had stopped the van in Dunbar. The Scott West Panthers "
            "won, and Scott County fans cheered in Davenport.")
    found = [(p.text, p.name) for p in places_in(components.nlp(text), components.places,
                                                 components.actors, text=text)]
    assert ("Kanawha", "Kanawha County") in found
    # a bare name going on to another name than a public body's is that name's
    assert not any(t == "Scott" for t, _ in found)


def test_a_town_listed_after_a_comma_is_no_town_the_first_lies_by(components) -> None:
    # "Monroe, Trenton and Seven Mile" lists three towns of the story's county: Trenton
    # does not put Monroe by Trenton, New Jersey
    text = ("New routes through Monroe, Trenton and Seven Mile were planned by Butler "
            "County, Ohio, officials.")
    places = {p.text: p for p in places_in(components.nlp(text), components.places,
                                           components.actors, text=text)}
    assert places["Monroe"].country == places["Trenton"].country == "USA"
    assert places["Trenton"].lat < 40 and places["Monroe"].lat < 40  # Ohio's, not NJ's/NY's
    # "and" after the second town makes a list whatever follows it
    text = "Fans drove from Paris, Texas, to Sulphur Springs, Greenville and even Dallas."
    places = {p.text: p for p in places_in(components.nlp(text), components.places,
                                           components.actors, text=text)}
    assert places["Sulphur Springs"].lon < -95 and places["Greenville"].lon < -95  # Texas's
    # a town and its state still read together, in a list too
    found = mapped(components, "Officials in Monroe, Ohio, and Trenton met.")
    assert found["Monroe"] == ("USA", "Monroe")


def test_a_town_only_a_post_office_names_is_on_the_map(components) -> None:
    # New England towns whose village GeoNames gives no people, and hamlets: the gazetteer
    # has them from the post office's town of their ZIP codes
    found = mapped(components, "Firefighters from Harwinton helped put out a barn fire in "
                               "Lanexa on Friday.")
    assert found["Harwinton"] == ("USA", "Harwinton")
    assert found["Lanexa"] == ("USA", "Lanexa")


def test_no_post_office_town_takes_the_name_of_a_larger_place(components) -> None:
    # post offices in Georgia and Pennsylvania are called Damascus, in Arkansas and Texas
    # Egypt: a story on the Middle East must not find candidates there
    for name, states in [("Damascus", {"Georgia", "Pennsylvania"}),
                         ("Egypt", {"Arkansas", "Texas"})]:
        found = {p.admin1 for p in components.places.candidates(name) if p.country == "USA"}
        assert not found & states, name
    # a name no larger place bears is still a town where the post office is
    assert {p.admin1 for p in components.places.candidates("Harwinton")} == {"Connecticut"}


def test_a_dateline_in_capitals_makes_the_name_a_place_in_any_case(components) -> None:
    text = ("TORRINGTON — The mayor spoke on Monday. She announced a new grant for "
            "Torrington shops.")
    found = [p.text for p in places_in(components.nlp(text), components.places,
                                       components.actors, text=text)]
    assert found == ["TORRINGTON", "Torrington"]


def placed_in_context(components: Components, text: str, context: list[str]) -> dict:
    doc = components.nlp(text)
    return {p.text: p.country for p in places_in(doc, components.places, components.actors,
                                                 context, text=text)}


def test_a_longer_name_that_begins_as_a_lesser_place_of_a_country_not_named_is_no_place(
        components) -> None:
    # Boko (Congo) and Sado (Japan) begin longer names in stories on Nigeria and Afghanistan
    found = placed_in_context(components, "Boko Haram fighters raided a village in Borno "
                                          "state, Nigeria.", ["NGA"])
    assert "Boko" not in found and found["Nigeria"] == "NGA"
    found = placed_in_context(components, "The drone came down in Sado Khelo area of Ghazni "
                                          "province, Afghanistan.", ["AFG"])
    assert "Sado" not in found
    # one whose namesake lies in a country the story names is still read
    found = placed_in_context(components, "Crews worked in Decatur Monday as Alabama "
                                          "officials assessed the damage.", ["USA"])
    assert found.get("Decatur") == "USA"
