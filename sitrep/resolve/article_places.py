"""Every place an article mentions, resolved against the gazetteer, for the map.

The gazetteer proposes names; the parse and the article decide which are used as places
here: a curated feature (sea, base, range...) or a state's dotted initials ("S.C.") is kept
as is, and so is a state's abbreviation the parse reads before a noun ("Missing Md. man"),
and so are divisions listed before "counties" or "parishes" or after them ("counties such as
Leavenworth and Shawnee"); a country or capital unless
spaCy reads it as part of a person's or organisation's name that it does not open ("Paris
Hilton", "Air Jamaica"), and kept where the parser reads its name alone as an organisation
("Burkina Faso's army"); a country, or a state or capital of a country the article's other
names lie in, that opens a body's name is the place it is named for ("the U.S. Navy", "the
Nebraska State Baseball Association"), not a region abroad ("the Cascade Motel" in a
Tennessee story); a
city or region name, or a division named by one word without its type word ("Town", a
division of Saint Lucia, in "the Town Council"), where spaCy reads a place (GPE/LOC/FAC)
there, or the article does elsewhere (one sense per article), or the text does ("Greer,
S.C."; "in", "from" before it, or with "the" before a region that is no state's unit, "in
the Sahel"; its own country's possessive before a region named with its type word,
"Ethiopia's Somali region"; a noun of a person after it, "a Rochester man"; a person's
name and "of" before it, "Ann Ruiz of Dover"; a legislator's party initial before it,
"D-Fairfax", where a county's bare name is one too; "to" after a word of motion,
"rerouted to Butte"; a dateline in capitals) — so that
"Obama", "the New York Times" or "South" in "South Korean" are not put on the map. A name
the words around it make a place once is one wherever it recurs, in any case (a dateline's
"TORRINGTON —" makes "Torrington shops" the town), and so is a name joined
by "and" or a comma to a place kept ("in Fargo and Moorhead"); a town's or county's name
no word marks, in a region where two of the kept names lie, is one where it qualifies a
noun ("a Diboll home"), follows a preposition ("troops of Mandan") or begins a body's or
building's name ("the Angelina County Food Pantry", "the Lufkin Fire Department"), unless the article reads it as a
person's; a county named with its type word is one wherever it stands, and so is its bare
name where the article has named it in full ("Kanawha Circuit Court"); a common word's or
hamlet's name right before a local office ("Concord Police") is a town of that region; a
water body or township the gazetteer lacks, named with its type word ("the Kanawha River",
"Lake Cunningham", "Readington Township"), lies at the home town of such a region. The
surname of a person the article names in full or with a middle initial ("Marquise M. Bell"),
or a name that says something or undergoes what people do ("Petrova said", "Ruiz died"), is
no village or region abroad, and a place name that ends a longer name begun by other name
words ("United Russia", "the Tom Hadley Civic Center") is a word of that name, wherever the
article repeats it; a town's name that begins a building's, firm's or club's ("the Durant
Center", "Templeton Construction") is the town only where the article's other places lie or
where it names the town alone too, and compass words before a longer name ("North East
Texas") are no place of their own, nor is a town's or continent's name before a number
("Talla 2", "Europe 1 radio": a room, a station); a surname of a person named in full is
that person where it undergoes what people do even when a capital bears it ("Paris had been
shot"), and "in" before a possessive governs what the person has ("in Abbas's prisons"). A
name before "people", "culture" or "tribe" is a people's throughout ("the Adena people"); a
deity, a climate pattern ("El Nino") or an era after a year ("100 B.C.") is no place. A day
named after a saint or place ("St. Patrick's Day") is no place, nor is a feature's word
before "of" and a name ("the Gulf of Alaska") the feature known by that word alone. A place
name in a public body's ("the Kansas Department of Transportation", "the University of
Kentucky") is the place, whatever the parser reads, but not a country's adjective that a
region bears too ("the Somali government": Somalia's, a demonym, not Ethiopia's region).
"The South Korean capital" is the
capital of that country. Names are then resolved together (`Gazetteer.resolve_together`), a
name in a street's ("Hamilton Avenue") with the others but not as evidence for them: the
street lies where the story is; a name listed with places all of one kind is read as that
kind where it can be ("from Missouri, New York and Maine": the state). The countries that
settle them are those the article names
and those two or more of its places can only lie in, a local story naming none
(`place_context`). Countries named by adjective are recorded apart (`demonyms_in`), not
"Indians" after another name ("American Indians", "the Quiche Indians") nor an adjective
before a food word ("a Japanese restaurant").
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import replace
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from sitrep.package_data import read_toml
from sitrep.records import ArticlePlace
from sitrep.resolve.actors import ActorCode, ActorDictionary
from sitrep.resolve.place_records import name_key, region_of
from sitrep.resolve.places import (
    Gazetteer, Place, PlaceMention, after_a_party_initial, begins_a_longer_name,
    is_well_known)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A news agency's credit in brackets between a dateline and its dash: "(AP)", "(Reuters)".
AGENCY_CREDIT = re.compile(r"\s*\([A-Z][A-Za-z]{1,12}\)")
DATELINE_DASHES = ("\u2014", "\u2013", "--", "-", "\x97")
LOCATIVE_PREPOSITIONS = {"in", "near", "outside", "from", "into", "across", "throughout"}
NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
NEEDS_PARSE = {"city", "admin1", "region"}
CURATED = {"sea", "ocean", "strait", "gulf", "bay", "canal", "river", "lake", "island",
           "peninsula", "base", "range", "site", "continent"}
NATIVE = re.compile(r"\bNative\s+$")  # "Native American": a people, not the country
# "American Indians", "the Quiche Indians": a native people, not India (words.toml)
NATIVE_DEMONYMS = frozenset(read_toml("places/words.toml")["native_demonyms"])
# "a Japanese restaurant", "Italian grocery": a cuisine, not the country (words.toml)
CUISINE_AFTER = re.compile(
    rf"\s+(?:{'|'.join(read_toml('places/words.toml')['cuisine_nouns'])})\b", re.I)
CAPITAL = re.compile(r"\b(?:[A-Z][\w'’-]+ ){1,3}capital\b")
# Words that may begin a longer name of which a place name is the rest (words.toml).
NAME_LEADS = frozenset(read_toml("places/words.toml")["name_leads"])
CAPITALISED_WORD = re.compile(r"[A-Z](?:[\w'’&-]*\w)?\.?")  # not "Greenville-" of a pair
# A person's name with a middle initial ("Marquise M. Bell"), whatever the parser labels it:
# the last word is a surname.
INITIALLED_NAME = re.compile(r"\b[A-Z][a-z]+ (?:[A-Z]\. )+([A-Z][a-z][\w'’-]*)")
# Verbs whose subject is a speaker ("X said"), from the attribution lexicon, and verbs whose
# subject, active or passive, is a person ("X died", "X was charged": words.toml).
REPORTING_VERBS = frozenset(read_toml("lexicon/speech.toml")["attribution"]["reporting_verbs"])
PERSON_VERBS = frozenset(read_toml("places/words.toml")["person_verbs"])
# "of" and a name after a feature's word ("Gulf" of "the Gulf of Alaska").
OF_A_NAME = re.compile(r" of [A-Z]")
# A day named after a saint, person or place ("St. Patrick's Day", "Columbus Day"), not
# followed by a name of its own ("Charleston Day School").
NAMED_DAY = re.compile(r"(?:['’]s)? Day\b(?! +[A-Z])")
# Verbs whose object, a country's adjective standing alone, is a language (words.toml).
LANGUAGE_VERBS = frozenset(read_toml("places/words.toml")["language_verbs"])
# Names of a deity or a climate pattern ("God", "El Nino") and era abbreviations ("B.C."),
# keyed as the gazetteer keys names (words.toml).
NOT_PLACES = frozenset(map(name_key, read_toml("places/words.toml")["not_places"]))
ERAS = frozenset(map(name_key, read_toml("places/words.toml")["eras"]))
# A possessive after a name ("Abbas's", "Paris'").
POSSESSIVE = re.compile(r"['’](?:s\b|(?=\s))")
# A lower-case noun of a person after a name, which says where the person lives ("a
# Rochester man": words.toml).
RESIDENT_AFTER = re.compile(
    rf"\s+(?:{'|'.join(read_toml('places/words.toml')['resident_nouns'])})\b")
# A word joined by a hyphen that says a thing lies or comes there ("Columbia-based"), words.toml.
HYPHENED_AFTER = re.compile(
    rf"-(?:{'|'.join(read_toml('places/words.toml')['hyphened_after'])})\b")
# A lower-case noun after a name that makes it a people's ("the Adena people": words.toml).
PEOPLE_NOUN = re.compile(
    rf"\s+(?:{'|'.join(read_toml('places/words.toml')['people_nouns'])})\b")
# A street's type word after a place name ("Patrick Street", "Washington Ave."), not one
# numbered ("County Road 3" is a road of the county), words.toml.
STREET_AFTER = re.compile(
    rf"\s+(?:{'|'.join(w.title() for w in read_toml('places/words.toml')['street_words'])})"
    r"\b\.?(?!\s*\d)")
# A public body's words after a place name, with up to three name words between ("the
# Kansas Department of ...", "Texas Water Development Board"), or "University of" ... before
# it: the body belongs to the place (words.toml).
_INSTITUTIONS = "|".join(re.escape(w) for w in read_toml("places/words.toml")["institution_words"])
INSTITUTION_AFTER = re.compile(
    rf"(?:\s+(?:[A-Z][\w'’-]*|&)){{0,3}}\s+(?i:{_INSTITUTIONS})\b")
INSTITUTION_BEFORE = re.compile(
    rf"\b(?i:{'|'.join(read_toml('places/words.toml')['institution_of'])})\s+of\s+$")
# The same words opening a name the gazetteer knows whole ("the State of Ohio"): the place.
INSTITUTION_OPENING = re.compile(
    rf"(?i:{'|'.join(read_toml('places/words.toml')['institution_of'])})\s+of\s+")
# The endings of a people's name made from a place's, and what the place's name may end in
# once one is cut ("Iowans" -> Iowa, "Texan" -> Texas; words.toml).
DEMONYM_ENDINGS = tuple(read_toml("places/words.toml")["demonym_endings"])
DEMONYM_STEM_ENDINGS = tuple(read_toml("places/words.toml")["demonym_stem_endings"])
# A name made only of compass words ("North East"), which before a longer name qualifies it
# ("North East Texas"), words.toml.
COMPASS_WORDS = frozenset(read_toml("places/words.toml")["compass_words"])
# Up to three name words and a noun that heads a building's, firm's or club's name after a
# place name ("Durant Center", "Frederick Lewis Allen Writers' Room"), words.toml.
BUILDING_NAME_AFTER = re.compile(
    r"(?: [A-Z][\w'’&-]*){0,3} "
    rf"(?:{'|'.join(w.title() for w in read_toml('places/words.toml')['building_heads'])})\b")
# A number right after a name, not a figure ("3,000"), a time ("5:30") or a dateline's day
# ("Basra 12 March"): the name is a numbered thing's ("Talla 2", "Europe 1 radio"), unless
# the name is a country's, capital's, state's or county's, which number routes and
# districts ("U.S. 79", "Texas 19", "Dublin 4").
NUMBERED_AFTER = re.compile(
    rf" \d+\b(?![.,:]\d)(?! (?:{'|'.join(calendar.month_name[1:])})\b)")
ROUTE_NUMBERING_KINDS = {"country", "capital", "admin1", "admin2"}
OWNER_OR_HYPHEN_BEFORE = re.compile(r"(?:\w-|['’]s\s+)$")
YEAR_BEFORE = re.compile(r"\d\s*$")
# A name no word marks is a place of a region where this many kept names lie, where it
# stands as a town's does, not after an agent's preposition (words.toml).
HOME_REGION_NAMES = read_toml("places/words.toml")["home_region_names"]
AGENT_PREPOSITIONS = frozenset(read_toml("places/words.toml")["agent_prepositions"])
DIVISION_WORDS = frozenset(read_toml("places/words.toml")["division_words"])
# Type words after a region's name ("Oblast", "region": words.toml).
REGION_SUFFIXES = frozenset(read_toml("places/words.toml")["region_suffixes"])
# Local offices after a town's name ("Concord Police", "Belle Mayor"): the town even where its
# name is a common word's or a hamlet's (words.toml).
LOCAL_OFFICE_AFTER = re.compile(
    rf"\s+(?i:{'|'.join(read_toml('places/words.toml')['local_office_words'])})\b")
# Verbs and nouns of motion, after which "to" and a name say where one goes (words.toml).
MOTION_WORDS = frozenset(read_toml("places/words.toml")["motion_words"])
# A water body's or township's name written with its type word ("the Kanawha River", "Lake
# Cunningham", "Readington Township", "Tewksbury Twp."), words.toml: where the gazetteer
# lacks it, a local feature of the place the story is set in. Of a longer name a capitalised
# word after it begins ("Lake Robinson Road") only a township's, whose bodies bear its name.
# A type word of three letters or fewer is an abbreviation, read with its period ("Twp.").
_WORDS = read_toml("places/words.toml")
_WATER_AFTER: dict[str, str] = _WORDS["water_words_after"]
_TOWNSHIP_WORDS = _WORDS["township_words"]
_NAME_WORD = r"[A-Z][a-z][\w'’]*"
_TYPE_WORD = "|".join(w.title() if len(w) > 3 else rf"{w.title()}\." for w in sorted(
    [*_WATER_AFTER, *_TOWNSHIP_WORDS], key=len, reverse=True))
UNLISTED_FEATURE = re.compile(
    rf"\b(?:(?P<lead>{'|'.join(w.title() for w in _WORDS['water_words_before'])})"
    rf" (?P<led>{_NAME_WORD}(?: {_NAME_WORD})?)"
    rf"|(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}) (?P<type>{_TYPE_WORD})(?!\w))")
LONGER_NAME_AFTER = re.compile(r" [A-Z]")
# A capitalised word right before a name, which makes the name part of a longer one
# ("Western Boone") unless it is a function word ("The").
PRECEDING_CAPITALISED = re.compile(r"\b([A-Z][\w'’-]*\.?)\s+$")
# Type words after "Lake" that make it the name of a county, town or street ("Lake County").
_NOT_LED = frozenset([*DIVISION_WORDS, *_TOWNSHIP_WORDS, *read_toml("places/words.toml")["city_words"],
                      *read_toml("places/words.toml")["street_words"]])


def places_in(doc: Doc, gazetteer: Gazetteer, actors: ActorDictionary,
              context: Sequence[str] = (), *, text: str | None = None,
              countries: Sequence[ActorCode] | None = None) -> list[ArticlePlace]:
    """Place mentions in the article text, in order, each resolved with `context` (the
    article's countries, most named first) settling ambiguous names. `text`: the doc's
    text (the article's), when the caller has it: Doc.text joins every token to make it;
    `countries`: the country mentions of the text, when the caller has found them."""
    out = []
    if text is None:
        text = doc.text
    readings = []  # (mention, place, labels, after a locative preposition, in a longer name,
    # possessive or doing what people do: "Paris' residence", "Paris had been shot")
    people = set()  # names that say or undergo what people do ("Petrova said"): no villages
    peoples = set()  # names of a people or culture ("the Adena people"), throughout
    other_names = set()  # longer names a place name ends ("United Russia"), to find again
    owners = {}  # where the words after a country's possessive begin: that country
    countries_as_bodies = set()  # where a country's name alone is read as an organisation
    for mention in _with_abbreviations_before_nouns(doc, gazetteer, gazetteer.find(text)):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        place = gazetteer.resolve_mention(mention, context_countries=context)
        if place is not None:
            labels = {t.ent_type_ for t in span if t.ent_type_}
            possessive = POSSESSIVE.match(text, mention.end) is not None
            # "in Abbas's detention centers": "in" is the centres', not the name's
            locative = (span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS
                        and not possessive
                        or place.kind == "region" and _after_a_locative_and_the(span)
                        or RESIDENT_AFTER.match(text, mention.end) is not None
                        or HYPHENED_AFTER.match(text, mention.end) is not None
                        or after_a_party_initial(text, mention.start)
                        or _after_a_person_and_of(span) or _where_a_move_goes(span))
            words_before = _words_of_another_name(span)
            if words_before:
                other_names.add(words_before + mention.text)
            if place.kind == "country" and _an_organisation_of_the_name_alone(span):
                countries_as_bodies.add(mention.start)
            if place.kind == "country" and possessive:
                after = POSSESSIVE.match(text, mention.end).end()
                owners[after + len(text[after:]) - len(text[after:].lstrip())] = place.country
            readings.append((mention, place, labels, locative, _in_a_longer_name(span),
                             _does_what_people_do(span), _heads_a_body(span)))
            if _acts_as_a_person(span) and not mention.text.isupper():  # not a dateline
                people.add(mention.text)
            if PEOPLE_NOUN.match(text, mention.end) and place.kind not in (
                    "country", "admin1"):  # "the Iraq people" is a slip for the Iraqi people
                peoples.add(mention.text)
    # one sense per article: a name the parser reads as a place once is one throughout
    read_as_place = {m.text for m, _, labels, *_ in readings if labels & PLACE_LABELS}
    # one sense per article for people too: "Yevgenia Petrova ... Petrova said"
    named = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    named |= {m.group(1) for m in INITIALLED_NAME.finditer(text)}
    surnames = named | people
    # a country's adjective that a region bears too ("Somali"): the country's, unless the
    # words around it make it the region ("in Somali")
    adjectives = {(d.start, d.end) for d in actors.find_demonyms(text)}
    # the countries the article's names can lie in, each with those names
    names_by_country: dict[str | None, set[str]] = {}
    for mention, place, *_ in readings:
        names_by_country.setdefault(place.country, set()).add(mention.text)
    kept = []
    undecided = []  # (mention, labels, in a longer name): no word here makes it a place
    for mention, place, labels, locative, in_a_longer_name, personal, heads_a_body in readings:
        if NAMED_DAY.match(text, mention.end):
            continue  # a holiday
        if name_key(mention.text) in NOT_PLACES or _is_era(mention, text):
            continue  # "in God", "El Nino", "built in 100 B.C."
        if mention.text in peoples and not (mention.hinted or locative):
            continue  # "the Adena people", "the Adena culture": a people, not Aden
        if not mention.hinted and any(
                text.endswith(name, 0, mention.end) for name in other_names):
            continue  # "United Russia", "the Tom Hadley Civic Center": not the place, here
            # or wherever the article repeats that name
        if mention.text in surnames and not mention.hinted and (
                personal and mention.text in named or not (
                is_well_known(place) and (place.kind in ("country", "capital")
                                          or place.country in context))):
            continue  # a village called Petrova, a region abroad called Flores, not
            # Washington or Jackson, Mississippi, unless a person named in full is so called
            # and the name is the person's here ("Paris had been shot", "Paris' residence")
        if (not mention.hinted and not is_well_known(place) and context
                and mention.text.rpartition(" ")[2].lower() not in DIVISION_WORDS
                and begins_a_longer_name(text, mention.end)
                and not any(c.country in context or names_by_country.get(c.country, set())
                            - {mention.text} for c in mention.candidates)):
            continue  # "Sado Khelo area", "Queen Elizabeth Central": a longer name that
            # begins as a lesser place, none of whose namesakes lies in a country the
            # article names or names other places in
        if (all(w.lower() in COMPASS_WORDS for w in mention.text.split())
                and begins_a_longer_name(text, mention.end)):
            continue  # "North East Texas": a part of Texas, not Botswana's North East
        if NUMBERED_AFTER.match(text, mention.end) and place.kind not in ROUTE_NUMBERING_KINDS:
            continue  # "in Talla 2", "told Europe 1 radio": a room, a station so numbered
        if place.kind in CURATED and in_a_longer_name and not labels & PLACE_LABELS:
            continue  # "the Pacific Decadal Oscillation": a word of another name
        if place.kind in CURATED and " " not in mention.text and OF_A_NAME.match(
                text, mention.end):
            continue  # "the Gulf of Alaska": not the Gulf known by that word alone
        if (labels & PLACE_LABELS or place.kind in CURATED or mention.abbreviation
                or mention.listed_division):
            kept.append(mention)  # "the S.C. Highway Patrol", "Clarke and Oconee counties"
        elif mention.start in countries_as_bodies and labels == {"ORG"}:
            kept.append(mention)  # "Burkina Faso's army": the country acting, not a body
            # named after it
        elif (_names_a_public_body_of(mention, text)
              and (mention.start, mention.end) not in adjectives):
            kept.append(mention)  # "the Minnesota Department of ...", "University of Kentucky";
            # not "the Somali government": a country's adjective before its body is the country's
        elif heads_a_body and (place.kind == "country" or place.kind in ("admin1", "capital")
                               and names_by_country[place.country] - {mention.text}):
            kept.append(mention)  # "the U.S. Navy", "the Nebraska Baseball Hall of Fame": a
            # country, or a state or capital of a country the article's other names lie in,
            # that opens a body's name is the place it is named for; a region abroad so
            # named is more often the name's alone ("the Cascade Motel" in a Tennessee story)
        elif mention.text in read_as_place and not ("PERSON" in labels and in_a_longer_name):
            kept.append(mention)  # "Alexandria police": a place elsewhere in the article
        elif (place.kind == "admin1" and owners.get(mention.start) == place.country
              and mention.text.rpartition(" ")[2].lower() in REGION_SUFFIXES):
            kept.append(mention)  # "Ethiopia's Somali region": the country's own region,
            # named with its type word, whatever the parser reads; not "Africa's Sahel region"
        elif _is_dateline(mention, text):
            kept.append(mention)  # "TEGA CAY — Firefighters ..."
        elif place.kind == "admin2" and mention.text.rpartition(" ")[2].lower() in (
                DIVISION_WORDS):
            kept.append(mention)  # "the Douglas County Public Works Director": its type
            # word says it is the county, whatever name it begins
        elif "PERSON" in labels and (in_a_longer_name or not locative):
            if not in_a_longer_name:
                undecided.append((mention, labels, in_a_longer_name))
            continue  # "lives in Tega Cay": a person is not lived in
        elif mention.hinted or locative:
            kept.append(mention)  # "Greer, S.C.", "from Edmonton"
        elif (place.kind not in NEEDS_PARSE and not labels & NOT_PLACE_LABELS
              and not (place.kind == "admin2" and " " not in mention.text
                       and not mention.listed_division)):
            kept.append(mention)
        else:
            undecided.append((mention, labels, in_a_longer_name))
    # the adjective is kept only where the words around it make it a place, not wherever
    # it recurs
    kept = _with_names_placed_elsewhere(
        doc, kept, [u for u in undecided if (u[0].start, u[0].end) not in adjectives])
    kept = _with_names_where_the_story_is(doc, gazetteer, actors, text, kept, undecided, countries,
                                          surnames)
    kept = _with_towns_before_local_offices(gazetteer, actors, text, kept, countries, surnames)
    # a name in a street's ("East Washington Street") is resolved with the others but is no
    # evidence for them: it lies where the story is, not where the name would put it
    # where the places lie is settled by the countries they can only lie in too ("Athens"
    # in a story that names Clarke and Oconee counties), which names are places was not
    settling = place_context(text, actors, kept, countries)
    in_street = [STREET_AFTER.match(text, m.end) is not None for m in kept]
    evidence = [m for m, street in zip(kept, in_street) if not street]
    places = iter(gazetteer.resolve_together(evidence, context_countries=settling))
    resolved = []
    for mention, street in zip(kept, in_street):
        place = gazetteer.resolve_together([*evidence, mention], context_countries=settling)[
            -1] if street else next(places)
        if place is not None:
            resolved.append((mention, place))
    resolved = list(zip([m for m, _ in resolved],
                        _like_their_conjuncts(doc, [m for m, _ in resolved],
                                              [p for _, p in resolved])))
    # a town's name that begins a building's or firm's is the town only where the story is
    # or where the article names the town alone too: "the Durant Center" in a story set in
    # Virginia is named after someone, not Durant, Oklahoma
    in_building = [not m.hinted and BUILDING_NAME_AFTER.match(text, m.end) is not None
                   and INSTITUTION_AFTER.match(text, m.end) is None  # "Youngstown State"
                   for m, _ in resolved]
    home = {region_of(p) for (_, p), building in zip(resolved, in_building) if not building}
    alone = {m.text for (m, _), building in zip(resolved, in_building) if not building}
    for (mention, place), building in zip(resolved, in_building):
        if (building and place.kind in ("city", "admin2") and mention.text not in alone
                and (region_of(place) is None or region_of(place) not in home)):
            continue
        out.append(_record(mention.text, place, mention.start, mention.end))
    out = _with_unlisted_features(doc, text, out, resolved)
    out = _with_divisions_named_again(doc, text, out, resolved, surnames)
    for match in CAPITAL.finditer(text):
        found = actors.find_countries(match.group())
        country = actors.country(found[0].code) if found else None
        if country is not None and country.capital_lat is not None:
            capital = Place(name=country.capital, kind="capital", country=country.code,
                            lat=country.capital_lat, lon=country.capital_lon)
            out.append(_record(match.group(), capital, match.start(), match.end()))
    return sorted(out, key=lambda p: p.start)


def _with_unlisted_features(doc: Doc, text: str, found: Sequence[ArticlePlace],
                            resolved: Sequence[tuple[PlaceMention, Place]]
                            ) -> list[ArticlePlace]:
    """`found` and the water bodies and townships the text names with their type word that
    the gazetteer lacks ("the Kanawha River", "Lake Cunningham", "Readington Township"), at
    the home town of the story's other places, where HOME_REGION_NAMES of them lie in its
    region (`_unlisted_feature`): in place of a place
    found inside one, whose name the feature only bears ("Hollins" of "Hollins Creek");
    not where a place found runs past it, nor inside a person's name ("Bill Lake said")."""
    features = []
    for match in UNLISTED_FEATURE.finditer(text):
        feature = _feature_words(match, text)
        if feature is None:
            continue
        start, end, _ = feature
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.ent_type_ == "PERSON" for t in span) or any(
                p.start < end and start < p.end and not (start <= p.start and p.end <= end)
                or (p.start, p.end) == (start, end) for p in found):
            continue
        features.append(feature)
    if not features:
        return list(found)

    def inside(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e, _ in features)

    others = [(m, p) for m, p in resolved if not inside(m.start, m.end)]
    home = _home_town(p for _, p in others)
    if home is None or len({name_key(m.text) for m, p in others
                            if region_of(p) == region_of(home)}) < HOME_REGION_NAMES:
        return list(found)  # no region the story is surely set in ("Olds" alone)
    return [*(p for p in found if not inside(p.start, p.end)),
            *(_record(text[s:e], _unlisted_feature(text[s:e], kind, home), s, e)
              for s, e, kind in features)]


def _with_divisions_named_again(doc: Doc, text: str, found: list[ArticlePlace],
                                resolved: Sequence[tuple[PlaceMention, Place]],
                                surnames: set[str]) -> list[ArticlePlace]:
    """`found` and the bare names of the counties and parishes the article names with
    their type word, wherever they recur without it ("Avoyelles Parish ... the Avoyelles
    task force", "Kanawha County ... Kanawha Circuit Court"): local news names its county
    so once it has named it in full. Not inside a longer name begun by another capitalised
    word ("Western Boone") or going on to one other than a public body's ("the Scott West
    Panthers"), nor a name the article reads as a person's."""
    divisions = {}
    for mention, place in resolved:
        name, _, type_word = mention.text.rpartition(" ")
        if place.kind == "admin2" and type_word.lower().rstrip(".") in (
                *DIVISION_WORDS, "co") and name and name not in surnames:
            divisions.setdefault(name, place)
    if not divisions:
        return found
    out = list(found)
    bare = re.compile(rf"\b(?:{'|'.join(map(re.escape, divisions))})\b(?![\w-])")
    for match in bare.finditer(text):
        start, end = match.span()
        before = PRECEDING_CAPITALISED.search(text, 0, start)
        if any(p.start < end and start < p.end for p in out) or OWNER_OR_HYPHEN_BEFORE.search(
                text, 0, start) or before and before.group(1).lower() not in STOP_WORDS:
            continue
        if LONGER_NAME_AFTER.match(text, end) and not INSTITUTION_AFTER.match(text, end):
            continue  # "the Scott West Panthers", not "Kanawha Circuit Court"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(t.ent_type_ == "PERSON" for t in span):
            continue
        out.append(_record(match.group(), divisions[match.group()], start, end))
    return out


def _feature_words(match: re.Match, text: str) -> tuple[int, int, str] | None:
    """(start, end, kind) of the feature an UNLISTED_FEATURE match names, its
    leading function words left out ("The Kanawha River" -> "Kanawha River"), or None where
    it is none: a name of a county, town or street ("Lake County", "Lake Street"), or the
    start of a longer name ("Lake Robinson Road") other than a township's."""
    if match.group("lead"):
        name = match.group("led")
        if name.rpartition(" ")[2].lower() in _NOT_LED or LONGER_NAME_AFTER.match(
                text, match.end()):
            return None
        return match.start(), match.end(), _WATER_AFTER[match.group("lead").lower()]
    words = match.group("name").split(" ")
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    if not words:
        return None
    kind = _WATER_AFTER.get(match.group("type").lower().rstrip("."), "city")
    if kind != "city" and LONGER_NAME_AFTER.match(text, match.end()):
        return None
    return match.start("type") - len(" ".join(words)) - 1, match.end(), kind


def _unlisted_feature(phrase: str, kind: str, home: Place) -> Place:
    """A water body or township the gazetteer lacks, of `kind`, at `home`, the town of the
    story's region it lies near: local news names the features of its own area."""
    return Place(name=phrase, kind=kind, country=home.country, lat=home.lat, lon=home.lon,
                 admin1=home.admin1)


def _with_names_placed_elsewhere(doc: Doc, kept: list[PlaceMention],
                                 undecided: Sequence[tuple[PlaceMention, set[str], bool]]
                                 ) -> list[PlaceMention]:
    """`kept` and the `undecided` mentions that the text makes places elsewhere: one sense
    per article, a name kept once for what the words around it say ("in Moorhead",
    "Butte, Mont.") is a place wherever it recurs, not where the parser reads it as a
    person's longer name; and a name joined by "and" or a comma to a place kept is one
    too ("stopped in Oakport and Moorhead", "from Crockett, Palestine and Houston")."""
    kept = list(kept)
    left = list(undecided)
    while left:
        # in any case: the dateline's "TORRINGTON —" is the town of "Torrington shops"
        names = {name_key(m.text) for m in kept}
        tokens = {t.i for m in kept for t in doc.char_span(
            m.start, m.end, alignment_mode="expand") or ()}
        placed = [(m, labels, longer) for m, labels, longer in left
                  if name_key(m.text) in names and not ("PERSON" in labels and longer)
                  or _coordinated_with(doc, m, tokens)]
        if not placed:
            break
        kept.extend(m for m, *_ in placed)
        left = [u for u in left if u not in placed]
    return sorted(kept, key=lambda m: m.start)


def _with_names_where_the_story_is(doc: Doc, gazetteer: Gazetteer, actors: ActorDictionary,
                                   text: str,
                                   kept: list[PlaceMention],
                                   undecided: Sequence[tuple[PlaceMention, set[str], bool]],
                                   countries: Sequence[ActorCode] | None, surnames: set[str]
                                   ) -> list[PlaceMention]:
    """`kept` and the `undecided` names, not read as a person's anywhere in the article, of
    a town, county or state that can lie in a region where HOME_REGION_NAMES of the kept
    names lie, standing where a town's name does (`_used_as_a_place_may_be`): local news
    names its own towns and counties before a noun and in the names of their bodies ("a
    Diboll home", "the Angelina County Food Pantry"), where no word says they are places."""
    kept_names = {m.text for m in kept}
    # one sense per article: a name read as a person's once ("Burbank said") is no town
    persons = {m.text for m, labels, _ in undecided if "PERSON" in labels} | surnames
    left = [m for m, labels, _ in undecided if m.text not in persons and not m.text.isupper()
            and m.text not in kept_names and m.candidates
            and m.candidates[0].kind in ("city", "admin2", "admin1")]
    if not left:
        return kept
    home = _home_regions(gazetteer, actors, text, kept, countries)
    found = [m for m in left if any(region_of(c) in home for c in m.candidates[:12])
             and _used_as_a_place_may_be(doc, text, m)]
    return sorted([*kept, *found], key=lambda m: m.start) if found else kept


def _home_regions(gazetteer: Gazetteer, actors: ActorDictionary, text: str,
                  kept: Sequence[PlaceMention], countries: Sequence[ActorCode] | None
                  ) -> set[tuple]:
    """The regions where HOME_REGION_NAMES or more of the kept names lie, read together."""
    settling = place_context(text, actors, kept, countries)
    named: dict[tuple, set[str]] = {}
    for mention, place in zip(kept, gazetteer.resolve_together(kept,
                                                               context_countries=settling)):
        region = region_of(place) if place is not None else None
        if region is not None:
            named.setdefault(region, set()).add(name_key(mention.text))
    return {region for region, names in named.items() if len(names) >= HOME_REGION_NAMES}


def _with_towns_before_local_offices(gazetteer: Gazetteer, actors: ActorDictionary, text: str,
                                     kept: list[PlaceMention],
                                     countries: Sequence[ActorCode] | None, surnames: set[str]
                                     ) -> list[PlaceMention]:
    """`kept` and the names of common words and hamlets that the gazetteer leaves out alone
    but that stand right before a local office ("Concord Police said", "Belle Mayor Ann
    Cole"), each read as a town of its name in a region where HOME_REGION_NAMES of the kept
    names lie: local news names its towns' offices so, and its other places say which
    town. Not a name read as a person's anywhere in the article, nor one in capitals."""
    taken = [(m.start, m.end) for m in kept]
    offices = [m for m in gazetteer.find(text, common_words_too=True)
               if LOCAL_OFFICE_AFTER.match(text, m.end) and m.text not in surnames
               and not m.text.isupper()
               and not any(start < m.end and m.start < end for start, end in taken)]
    if not offices:
        return kept
    home = _home_regions(gazetteer, actors, text, kept, countries)
    found = []
    for mention in offices:
        local = tuple(c for c in mention.candidates[:12]
                      if c.kind == "city" and region_of(c) in home)
        if local:
            found.append(replace(mention, candidates=local))
    return sorted([*kept, *found], key=lambda m: m.start) if found else kept


def _used_as_a_place_may_be(doc: Doc, text: str, mention: PlaceMention) -> bool:
    """Whether the name stands where a town's does in local news: a county's with its type
    word, whatever name it begins ("the Angelina County Food Pantry"), a name that
    qualifies a lower-case noun after it ("a Grovetown home") or the object of a
    preposition other than an agent's or companion's ("a troop of Plainview", "southeast
    of Champaign"), or the first word of a local body's or building's name ("the
    Zionsville Education Foundation", "the Lufkin Fire Department"): not a subject or
    object, where a surname is as likely, nor the first word of a paper's name ("the Miami
    Herald")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if mention.text.rpartition(" ")[2].lower() in DIVISION_WORDS:
        return True  # "the Angelina County Food Pantry": the type word says what it is
    if BUILDING_NAME_AFTER.match(text, mention.end) or INSTITUTION_AFTER.match(
            text, mention.end):
        return True  # "the Zionsville Education Foundation", "Lufkin Fire Department"
    if root.dep_ in ("compound", "nmod", "amod") and root.head.i > root.i:
        return root.head.pos_ == "NOUN" and root.head.is_lower
    return root.dep_ == "pobj" and root.head.lower_ not in AGENT_PREPOSITIONS


def _like_their_conjuncts(doc: Doc, mentions: Sequence[PlaceMention],
                          places: Sequence[Place | None]) -> list[Place | None]:
    """The places, each read as the kind of place its conjuncts are where all of them are
    one kind and it has a candidate of that kind: states are listed with states ("Oregon and
    Washington laws", "from Ohio, New York and Maine"), countries with countries, towns
    with towns, a town in a region a conjunct lies in."""
    roots = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        roots.append(None if span is None else span.root.i)
    at = {root: i for i, root in enumerate(roots) if root is not None}
    out = list(places)
    for i, (mention, place) in enumerate(zip(mentions, places)):
        if place is None or roots[i] is None:
            continue
        conjuncts = [places[j] for j in _conjuncts(doc[roots[i]], at) if j != i]
        if not conjuncts or any(p is None for p in conjuncts):
            continue
        kinds = {_kind_of_list(p.kind) for p in conjuncts}
        if len(kinds) != 1 or _kind_of_list(place.kind) in kinds:
            continue
        kind = kinds.pop()
        if len(conjuncts) == 1 and LIST_KIND_RANK.get(kind, 0) <= LIST_KIND_RANK.get(
                _kind_of_list(place.kind), 0):
            continue  # two names, each read as its own kind: the larger kind is the likelier
            # ("Oregon and Washington": states, not Washington's namesake in Oregon)
        regions = {region_of(p) for p in conjuncts}
        countries = {p.country for p in conjuncts}
        out[i] = next((c for c in mention.candidates if _kind_of_list(c.kind) == kind and (
            kind == "country" or kind == "admin1" and c.country in countries
            or kind == "town" and region_of(c) in regions)), place)
    return out


# The kinds of places a list of names may share, smaller to larger.
LIST_KIND_RANK = {"town": 1, "admin1": 2, "country": 3}


def _kind_of_list(kind: str) -> str:
    """The kind a place is listed with: a capital with towns."""
    return "town" if kind in ("city", "capital") else kind


def _conjuncts(token: Token, at: dict[int, int]) -> list[int]:
    """The mentions (indices by their root token, `at`) of the coordination the token is
    one conjunct of, itself included."""
    top = token
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    group = [top, *(t for t in top.subtree if t.dep_ == "conj" and _conjunct_of(t, top))]
    return [at[t.i] for t in group if t.i in at] if len(group) > 1 else []


def _coordinated_with(doc: Doc, mention: PlaceMention, tokens: set[int]) -> bool:
    """Whether the mention is a conjunct of a coordination ("X, Y and Z") another of whose
    conjuncts lies in `tokens`."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    top = span.root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    group = [top, *(t for t in top.subtree if t.dep_ == "conj" and _conjunct_of(t, top))]
    return len(group) > 1 and any(t.i in tokens and not (span.start <= t.i < span.end)
                                  for t in group)


def _conjunct_of(token: Token, top: Token) -> bool:
    while token.dep_ == "conj" and token.i != top.i:
        token = token.head
    return token.i == top.i


def _with_abbreviations_before_nouns(doc: Doc, gazetteer: Gazetteer,
                                     mentions: list[PlaceMention]) -> list[PlaceMention]:
    """`mentions` and the state abbreviations the parse reads as qualifying the noun after
    them, as headlines write them ("Missing Ill. man", "dies in Ky. jail"), which the
    gazetteer takes only after "<town>, ": a word before a noun is no verb's subject
    ("Ind. and Wash. did not")."""
    taken = {m.start for m in mentions}
    found = []
    for token in doc[:-1]:
        region = gazetteer.abbreviated_region(token.text)
        after = doc[token.i + 1]
        if (region is not None and token.idx not in taken and after.pos_ == "NOUN"
                and after.is_lower):
            found.append(PlaceMention(token.text, token.idx, token.idx + len(token.text),
                                      (region,), abbreviation=True))
    return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions


def place_context(text: str, actors: ActorDictionary, mentions: Sequence[PlaceMention],
                  countries: Sequence[ActorCode] | None = None) -> list[str]:
    """The countries that settle where the article's place names (`mentions`) lie, most named
    first: the countries it names (found by the actor dictionary), less one read from a
    place name that may lie in a country two or more of the other names can only lie in
    ("Athens" in a story that names Clarke County and Oconee County: Georgia's, not
    Greece's), or read as the country of a city of that name in a region the article names
    ("Dublin" in a story that names Ohio: the US, not Ireland; so is the same name where
    it is no mention, "Dublin Center Drive"), then those countries: a local story seldom
    names its own. `countries`: the text's country mentions, when the
    caller has found them."""
    sure: Counter[str] = Counter()  # country -> names that can lie only there, each once
    for mention in {name_key(m.text): m for m in mentions}.values():
        lying_in = {p.country for p in mention.candidates}
        if len(lying_in) == 1 and None not in lying_in:
            sure[lying_in.pop()] += 1
    settled = [code for code, n in sure.most_common() if n >= 2]
    # the regions the article names as such ("Ohio"), where a capital's namesake may lie
    regions = {region_of(m.candidates[0]) for m in mentions
               if m.candidates and m.candidates[0].kind == "admin1"}
    at = {m.start: m for m in mentions}
    # one sense per article: the same name elsewhere ("Dublin Center Drive") as at a mention
    by_name = {name_key(m.text): m for m in mentions}
    named: Counter[str] = Counter()
    for found in actors.find_countries(text) if countries is None else countries:
        mention = at.get(found.start) or by_name.get(name_key(text[found.start:found.end]))
        if mention is not None and found.code not in settled and any(
                p.country in settled for p in mention.candidates):
            continue  # "Athens" read as Greece's capital in a story set in Georgia
        namesake = None if mention is None else next(
            (p for p in mention.candidates if p.kind == "city" and region_of(p) in regions),
            None)
        if namesake is not None:
            named[namesake.country] += 1  # "Dublin" in a story that names Ohio: not Ireland
            continue
        named[found.code] += 1
    return [code for code, _ in named.most_common()] + [
        code for code in settled if code not in named]


def demonyms_in(actors: ActorDictionary, text: str,
                places: Sequence[ArticlePlace] = (), doc: Doc | None = None
                ) -> list[ArticlePlace]:
    """The countries an article names by adjective or demonym ("Russian troops", "the
    Sudanese"), as mentions of the country (kind `demonym`, at its reference point), apart
    from the places found where the text names one; "Native American" names a people, and
    with the article's parse (`doc`), "speaks French" or "in English and Spanish" a
    language."""
    taken = [(p.start, p.end) for p in places]
    out = []
    for found in actors.find_demonyms(text):
        country = actors.country(found.code) if found.code else None
        if country is None or country.lat is None or country.lon is None or any(
                start < found.end and found.start < end for start, end in taken):
            continue
        if NATIVE.search(text, 0, found.start) or CUISINE_AFTER.match(text, found.end):
            continue
        span = doc.char_span(found.start, found.end) if doc is not None else None
        if span is not None and (_is_language(span.root) or _names_a_native_people(span)):
            continue
        out.append(ArticlePlace(text=found.matched, name=country.name, kind="demonym",
                                country=country.code, lat=country.lat, lon=country.lon,
                                start=found.start, end=found.end))
    return out


def _names_a_native_people(span: Span) -> bool:
    """Whether a demonym such as "Indians" follows another name ("American Indians", "the
    Quiche Indians") other than a compass word ("South Indian")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (span.text.lower() in NATIVE_DEMONYMS and before is not None
            and before.pos_ == "PROPN" and before.lower_.rstrip(".") not in NAME_LEADS)


def _is_language(token: Token) -> bool:
    """Whether a country's adjective names a language: so labelled by the parser, or
    standing alone as the object of "speak", "learn", ... or of "in" ("written in German"),
    or joined to one that does ("in English and Spanish")."""
    if token.ent_type_ == "LANGUAGE":
        return True
    if any(child.dep_ == "det" for child in token.children):
        return False  # "the French", "a Nigerian": people
    if token.dep_ == "conj":
        return _is_language(token.head)
    return (token.dep_ == "dobj" and token.head.lemma_ in LANGUAGE_VERBS
            or token.dep_ == "pobj" and token.head.lower_ == "in")


def _names_a_public_body_of(mention: PlaceMention, text: str) -> bool:
    """Whether a public body's name holds the name as the place it serves ("the McLean County
    Sheriff's Department", "the University of Kentucky", "registered with the State of
    Ohio"); not the end of a longer name
    ("Miami-Dade police", "Henry's Turkey Service") nor a compass word that begins one
    ("Eastern Kentucky University's library")."""
    if (mention.text.lower() in NAME_LEADS
            or OWNER_OR_HYPHEN_BEFORE.search(text, 0, mention.start) is not None):
        return False
    return (INSTITUTION_AFTER.match(text, mention.end) is not None
            or INSTITUTION_BEFORE.search(text, 0, mention.start) is not None
            or INSTITUTION_OPENING.match(mention.text) is not None)


def _an_organisation_of_the_name_alone(span: Span) -> bool:
    """Whether the parser reads the span alone, or with its possessive, as an organisation
    ("Burkina Faso's"), not as the start of a longer name ("Niger Delta Authority")."""
    ents = [e for e in span.doc.ents if e.start <= span.start < e.end]
    return bool(ents) and ents[0].label_ == "ORG" and ents[0].start == span.start and (
        POSSESSIVE.sub("", ents[0].text).strip() == span.text)


def _after_a_locative_and_the(span: Span) -> bool:
    """Whether "the" and a locative preposition come right before the span ("in the Sahel",
    "across the Balkans"): how English places a region that is no state's unit."""
    return (span.start > 1 and span.doc[span.start - 1].lower_ == "the"
            and span.doc[span.start - 2].lower_ in LOCATIVE_PREPOSITIONS)


def _after_a_person_and_of(span: Span) -> bool:
    """Whether "of" and a person's name come before the span, as news says where someone
    lives ("Ann Ruiz of Dover", "said Hale, of Dover")."""
    doc = span.doc
    before = span.start - 2
    if before < 0 or doc[span.start - 1].lower_ != "of":
        return False
    if doc[before].text == "," and before > 0:
        before -= 1
    if doc[before].ent_type_ == "PERSON":
        return True
    # "Nadia Brown of Southlake" read whole as an organisation: two names before "of" open it
    name = doc[before - 1:before + 1] if before > 0 else None
    return (name is not None and doc[before - 1].ent_iob_ == "B"
            and doc[before - 1].ent_type_ == "ORG" and span[0].ent_iob_ == "I"
            and all(t.pos_ == "PROPN" and t.is_title for t in name))


def _where_a_move_goes(span: Span) -> bool:
    """Whether "to" before the span says where a move or a route goes: its head is a verb
    or noun of motion ("rerouted to Butte", "a trip to Cancun", words.toml) or the head
    says where it comes from too ("runs from Cabell County to Bluefield")."""
    to = span.doc[span.start - 1] if span.start > 0 else None
    if to is None or to.lower_ != "to" or to.dep_ != "prep" or span.root.head.i != to.i:
        return False
    return to.head.lemma_.lower() in MOTION_WORDS or any(
        child.lower_ == "from" for child in to.head.children)


def _is_era(mention: PlaceMention, text: str) -> bool:
    """Whether the name is an era's abbreviation after a year ("100 B.C.")."""
    return name_key(mention.text) in ERAS and bool(YEAR_BEFORE.search(text, 0, mention.start))


def _is_dateline(mention: PlaceMention, text: str) -> bool:
    """A name in capitals before a dash, or an agency's credit and a dash ("CHATTANOOGA (AP)
    —"), as a dateline gives the place a report is from."""
    if not (mention.text.isupper() and len(mention.text) > 2):
        return False
    after = text[mention.end:mention.end + 16]
    agency = AGENCY_CREDIT.match(after)  # "CHATTANOOGA (AP) —"
    return after[agency.end() if agency else 0:][:4].lstrip().startswith(DATELINE_DASHES)


def _in_a_longer_name(span: Span) -> bool:
    """Whether the parser reads the span as part of a longer name ("Paris Hilton")."""
    doc = span.doc
    return doc[span.start].ent_iob_ == "I" or (
        span.end < len(doc) and doc[span.end].ent_iob_ == "I")


def _heads_a_body(span: Span) -> bool:
    """Whether the span opens a name the parser reads as an organisation's, which goes on
    after it ("the U.S. Senate", "The Moscow Times")."""
    doc = span.doc
    first = doc[span.start]
    opens = first.ent_iob_ == "B" or (
        span.start > 0 and doc[span.start - 1].ent_iob_ == "B"
        and doc[span.start - 1].lower_ == "the")
    return (opens and first.ent_type_ == "ORG" and span.end < len(doc)
            and doc[span.end].ent_iob_ == "I" and doc[span.end].is_title)


def _acts_as_a_person(span: Span) -> bool:
    """Whether the span is the subject of a reporting verb ("Petrova said") or of a verb
    only people are the subject of ("Ruiz died", "Lyle was charged")."""
    return (span.root.dep_ == "nsubj" and span.root.head.lemma_ in REPORTING_VERBS
            or _does_what_people_do(span))


def _does_what_people_do(span: Span) -> bool:
    """Whether the span is the subject of a verb only people are the subject of ("Ruiz
    died", "Lyle was charged")."""
    return span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.lemma_ in PERSON_VERBS


def _words_of_another_name(span: Span) -> str | None:
    """The capitalised words that begin the parser's name around the span before it, when
    no place name begins with them ("United " of "United Russia", "Carl " of "the Carl
    Perkins Civic Center"), so that the name is a party's, person's or business's; a
    compass or feature word ("South Boston", "Lake Tahoe") or "the" does not count."""
    doc = span.doc
    if doc[span.start].ent_iob_ != "I" or doc[span.start].ent_type_ in ("GPE", "LOC"):
        return None  # not inside a name, or inside a longer place name ("the Rio Grande Valley")
    first = span.start - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    words = [t for t in doc[first:span.start] if t.lower_ != "the"]
    if words and all(t.pos_ == "PROPN" and CAPITALISED_WORD.fullmatch(t.text)
                     and t.lower_.rstrip(".") not in NAME_LEADS and t.whitespace_
                     for t in words):
        return "".join(t.text_with_ws for t in doc[words[0].i:span.start])
    return None


def _record(text: str, place: Place, start: int, end: int) -> ArticlePlace:
    return ArticlePlace(text=text, name=place.name, kind=place.kind, country=place.country,
                        lat=place.lat, lon=place.lon, start=start, end=end)


def resolve_spans(doc: Doc, gazetteer: Gazetteer, actors: ActorDictionary,
                  spans: Sequence[tuple[int, int]], *,
                  text: str | None = None) -> list[ArticlePlace | None]:
    """The place each span (start, end character offsets into the article) names, or None
    where no place is known by that name: resolution without detection, as when toponyms
    are given (`sitrep eval` on toponym gold), settled as `places_in` settles the places it
    finds (`place_context`, the given names as the article's places). The article's
    parse and the actor dictionary are passed so that a resolver may read the words around
    a span; this one reads what the text says right after it ("Springfield, Illinois"),
    takes a demonym ("Georgian") for its country, a county's name without its type word
    ("Kanawha") for the county, and a people's name made from a region's or city's
    ("Iowans", "Londoner") for that place, and a span within a longer phrase the
    gazetteer reads as the same place ("Ohio" of "the State of Ohio") for it. A span no
    reading of the text finds as a name ("Concord", a common word; "Madison Township") is
    read with the region most of the article's places lie in."""
    if text is None:
        text = doc.text
    found = {m.start: m for m in gazetteer.find(text)}
    # the names the gazetteer reads at the spans ("S.C" of "S.C."), read together
    given = {start: found[start] for start, end in spans
             if start in found and text[found[start].end:end] in ("", ".")}
    # a span the gazetteer reads within a longer phrase of the same place ("Ohio" of "the
    # State of Ohio") is that place, and evidence for the others as such
    covering = {m.end: m for m in found.values()}
    for start, end in spans:
        mention = covering.get(end)
        if start not in given and mention is not None and mention.start < start and (
                mention.candidates and name_key(mention.candidates[0].name)
                == name_key(text[start:end])):
            given[start] = mention
    given = dict(sorted(given.items()))
    context = place_context(text, actors, list(given.values()))
    together = dict(zip(given, gazetteer.resolve_together(list(given.values()),
                                                          context_countries=context)))
    together = dict(zip(together, _like_their_conjuncts(doc, list(given.values()),
                                                        list(together.values()))))
    home = _home_town(together.values())
    resolved: list[ArticlePlace | None] = []
    for start, end in spans:
        phrase = text[start:end]
        place = together.get(start) or gazetteer.resolve(
            phrase, context_countries=context, near=home) or _country_named(phrase, actors) or (
            gazetteer.division_named(phrase, context_countries=context)) or (
            _place_of_demonym(phrase, gazetteer, context)) or (
            _unlisted_span(phrase, home))
        resolved.append(None if place is None else _record(phrase, place, start, end))
    return resolved


def _unlisted_span(phrase: str, home: Place | None) -> Place | None:
    """The water body or township a whole phrase names with its type word, where the
    gazetteer lacks it (`_unlisted_feature`)."""
    match = UNLISTED_FEATURE.fullmatch(phrase)
    feature = _feature_words(match, phrase) if match else None
    if home is None or feature is None or feature[0] != 0:
        return None
    return _unlisted_feature(phrase, feature[2], home)


def _home_town(places: Iterable[Place | None]) -> Place | None:
    """A town or county of the region most of the article's places lie in: where a phrase
    read apart from them ("Madison Township") most likely lies too."""
    places = [p for p in places if p is not None]
    regions = Counter(region_of(p) for p in places if region_of(p))
    if not regions:
        return None
    home = regions.most_common(1)[0][0]
    return next((p for p in places if p.kind in ("city", "admin2") and region_of(p) == home),
                None)


def _place_of_demonym(phrase: str, gazetteer: Gazetteer, context: Sequence[str]
                      ) -> Place | None:
    """The region or city a people's name is made from ("Iowans", "Texan", "Dagestani",
    "Londoner"), by the endings English makes such names with (words.toml): a well-known
    place only, so that a cut word is no village's name."""
    for ending in DEMONYM_ENDINGS:
        stem = phrase[:len(phrase) - len(ending)] if ending else phrase
        if not phrase.endswith(ending) or len(stem) < 3:
            continue
        for stem_ending in DEMONYM_STEM_ENDINGS:
            if not ending and not stem_ending:
                continue  # the phrase itself, which names no place
            name = stem + stem_ending
            if not gazetteer.candidates(name):
                continue  # a whole name, not one inside it ("Kanawha River" + "a": Rivera)
            place = gazetteer.resolve(name, context_countries=context)
            if place is not None and place.kind in ("admin1", "region", "city", "capital") and (
                    is_well_known(place)):
                return place
    return None


def _country_named(phrase: str, actors: ActorDictionary) -> Place | None:
    """The country a demonym or country word names ("Georgian", "the Sudanese")."""
    found = actors.find_countries(phrase)
    country = actors.country(found[0].code) if len(found) == 1 else None
    if country is None or country.lat is None:
        return None
    return Place(name=country.name, kind="country", country=country.code, lat=country.lat,
                 lon=country.lon)
