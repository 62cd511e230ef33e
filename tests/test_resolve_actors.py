"""Actor resolver: actor phrases (invented, wire-copy style) -> country code + sector."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.actors import DATA_DIR, ActorCode, ActorDictionary

D = date.fromisoformat

# (phrase, expected code, expected sector, article date or None)
CASES: list[tuple[str, str | None, str | None, date | None]] = [
    ("the US Air Force", "USA", "MIL", None),
    ("South Korea's military", "KOR", "MIL", None),
    ("Pyongyang", "PRK", "GOV", None),
    ("Chinese Foreign Ministry spokesman Geng Shuang", "CHN", "GOV", D("2017-09-04")),
    ("the state-run Korean Central News Agency", "PRK", "MED", None),
    ("Japanese fighters", "JPN", "MIL", None),
    ("US President Donald Trump", "USA", "GOV", D("2017-11-07")),
    ("Georgian protesters", "GEO", "CVL", None),
    ("Iraqi police", "IRQ", "COP", None),
    ("Moon Jae-in", "KOR", "OPP", D("2017-05-03")),
    ("Moon Jae-in", "KOR", "GOV", D("2017-06-01")),
    ("North Korea", "PRK", "GOV", None),
    ("Washington", "USA", "GOV", None),
    ("Seoul", "KOR", "GOV", None),
    ("Beijing", "CHN", "GOV", None),
    ("Moscow", "RUS", "GOV", None),
    ("Tokyo", "JPN", "GOV", None),
    ("the Kremlin", "RUS", "GOV", None),
    ("the Pentagon", "USA", "MIL", None),
    ("a Pentagon spokesman", "USA", "MIL", None),
    ("the White House", "USA", "GOV", None),
    ("the Blue House", "KOR", "GOV", None),
    ("Cheong Wa Dae", "KOR", "GOV", None),
    ("Downing Street", "GBR", "GOV", None),
    ("the Elysee", "FRA", "GOV", None),
    ("Yonhap", "KOR", "MED", None),
    ("China's Xinhua news agency", "CHN", "MED", None),
    ("TASS", "RUS", "MED", None),
    ("the United Nations", "UNO", "IGO", None),
    ("the world body's envoy", "UNO", "IGO", None),  # the news's name for the UN
    ("the UN Security Council", "UNSC", "IGO", None),
    ("NATO allies", "NATO", "IGO", None),
    ("the European Union", "EU", "IGO", None),
    ("the IAEA", "IAEA", "IGO", None),
    ("Amnesty International", "AMN", "NGO", None),
    ("Human Rights Watch", "HRW", "NGO", None),
    ("Hamas militants", "PSE", "REB", None),
    ("Hezbollah fighters", "LBN", "REB", None),
    ("the Taliban", "AFG", "REB", None),
    ("Islamic State militants", "ISIS", "REB", None),
    ("the Japan Air Self-Defense Force", "JPN", "MIL", None),
    ("Koku Jieitai", "JPN", "MIL", None),
    ("US Forces Korea", "USA", "MIL", None),
    ("USFK", "USA", "MIL", None),
    ("the CIA", "USA", "GOV", None),
    ("the State Department", "USA", "GOV", None),
    ("Russian President Vladimir Putin", "RUS", "GOV", D("2019-03-01")),
    ("Chinese President Xi Jinping", "CHN", "GOV", D("2019-03-01")),
    ("Japanese Prime Minister Shinzo Abe", "JPN", "GOV", D("2017-03-01")),
    ("North Korean leader Kim Jong-un", "PRK", "GOV", D("2017-09-03")),
    ("Kim Jong Un", "PRK", "GOV", None),
    ("Park Geun-hye", "KOR", "GOV", D("2015-06-01")),
    ("CIA Director Mike Pompeo", "USA", "GOV", D("2017-06-01")),
    ("Secretary of State Mike Pompeo", "USA", "GOV", D("2019-01-01")),
    ("Defense Secretary Jim Mattis", "USA", "MIL", D("2017-10-01")),
    ("Turkish troops", "TUR", "MIL", None),
    ("Syrian rebels", "SYR", "REB", None),
    ("the Syrian government", "SYR", "GOV", None),
    ("Israeli soldiers", "ISR", "MIL", None),
    ("Palestinian protesters", "PSE", "CVL", None),
    ("Ukrainian forces", "UKR", "MIL", None),
    ("Kyiv", "UKR", "GOV", None),
    ("Kiev", "UKR", "GOV", None),
    ("Iran's Revolutionary Guards", "IRN", "MIL", None),
    ("Tehran", "IRN", "GOV", None),
    ("the Saudi foreign minister", "SAU", "GOV", None),
    ("Indian police", "IND", "COP", None),
    ("the Pakistani army", "PAK", "MIL", None),
    ("Afghan civilians", "AFG", "CVL", None),
    ("Nigerian troops", "NGA", "MIL", None),
    ("Niger's junta", "NER", "MIL", None),
    ("Congolese rebels", "COD", "REB", None),
    ("Congo", "COD", "GOV", None),
    ("Congo-Brazzaville", "COG", "GOV", None),
    ("the Republic of the Congo", "COG", "GOV", None),
    ("the Democratic Republic of the Congo", "COD", "GOV", None),
    ("Chad", "TCD", "GOV", None),
    ("Chadian soldiers", "TCD", "MIL", None),
    ("Jordan", "JOR", "GOV", None),
    ("Jordanian officials", "JOR", "GOV", None),
    ("Turkey", "TUR", "GOV", None),
    ("Ankara", "TUR", "GOV", None),
    ("South Sudanese refugees", "SSD", "CVL", None),
    ("Sudan's military", "SDN", "MIL", None),
    ("Korea", "KOR", "GOV", None),
    ("South Korean fighter jets", "KOR", "MIL", None),
    ("the ROK Navy", "KOR", "MIL", None),
    ("the DPRK", "PRK", "GOV", None),
    ("British lawmakers", "GBR", "LEG", None),
    ("the UK", "GBR", "GOV", None),
    ("U.S. officials", "USA", "GOV", None),
    ("American troops", "USA", "MIL", None),
    ("French President Emmanuel Macron", "FRA", "GOV", D("2018-04-01")),
    ("German Chancellor Angela Merkel", "DEU", "GOV", D("2018-01-01")),
    ("Israeli Prime Minister Benjamin Netanyahu", "ISR", "GOV", D("2019-05-01")),
    ("Syrian President Bashar al-Assad", "SYR", "GOV", D("2015-05-01")),
    ("Indian Prime Minister Narendra Modi", "IND", "GOV", D("2020-05-01")),
    ("Turkish President Recep Tayyip Erdogan", "TUR", "GOV", D("2020-05-01")),
    ("Ukrainian President Volodymyr Zelensky", "UKR", "GOV", D("2022-03-01")),
    ("the Chinese Communist Party", "CHN", "PTY", None),
    ("the People's Liberation Army", "CHN", "MIL", None),
    ("China's state media", "CHN", "MED", None),
    ("Venezuelan opposition leaders", "VEN", "OPP", None),
    ("Egyptian security forces", "EGY", "COP", None),
    ("Mexican police officers", "MEX", "COP", None),
    ("Brazilian lawmakers", "BRA", "LEG", None),
    ("the Philippine coast guard", "PHL", "COP", None),
    ("Vietnamese fishermen", "VNM", "CVL", None),
    ("Taiwanese officials", "TWN", "GOV", None),
    ("Taipei", "TWN", "GOV", None),
    ("Hong Kong police", "HKG", "COP", None),
    ("Myanmar's military junta", "MMR", "MIL", None),
    ("Burmese soldiers", "MMR", "MIL", None),
    ("the Ivory Coast government", "CIV", "GOV", None),
    ("Cote d'Ivoire", "CIV", "GOV", None),
    ("Côte d'Ivoire", "CIV", "GOV", None),
    ("Kosovo police", "XKX", "COP", None),
    ("Polish border guards", "POL", "COP", None),
    ("Lithuanian diplomats", "LTU", "GOV", None),
    ("the Russian Defense Ministry", "RUS", "MIL", None),
    ("Japan's Defense Ministry", "JPN", "MIL", None),
    ("South Korea's Unification Ministry", "KOR", "GOV", None),
    ("the Joint Chiefs of Staff in Seoul", "KOR", "MIL", None),
    ("North Korean state media", "PRK", "MED", None),
    ("the Rodong Sinmun", "PRK", "MED", None),
    ("the Korean People's Army", "PRK", "MIL", None),
    ("North Korean defectors", "PRK", "CVL", None),
    ("US and South Korean troops", "USA", "MIL", None),
    ("Chinese coast guard vessels", "CHN", "COP", None),
    ("the Iraqi parliament", "IRQ", "LEG", None),
    ("Lebanese Hezbollah", "LBN", "REB", None),
    ("Yemen's Houthi rebels", "YEM", "REB", None),
    ("the World Health Organization", "WHO", "IGO", None),
    ("the WHO", "WHO", "IGO", None),
    ("the International Monetary Fund", "IMF", "IGO", None),
    ("the World Bank", "WBK", "IGO", None),
    ("ASEAN foreign ministers", "ASEAN", "IGO", None),
    ("the Arab League", "ARL", "IGO", None),
    ("the Red Cross", "ICRC", "NGO", None),
    ("Doctors Without Borders", "MSF", "NGO", None),
    ("the G7", "G7", "IGO", None),
    ("OPEC", "OPEC", "IGO", None),
    ("UN Secretary-General Antonio Guterres", "UNO", "IGO", D("2019-09-01")),
    ("Ban Ki-moon", "UNO", "IGO", D("2010-01-01")),
    ("Ban Ki-moon", "KOR", "GOV", D("2005-01-01")),
    ("Xi", "CHN", "GOV", D("2018-01-01")),
    ("Trump", "USA", "GOV", D("2018-01-01")),
    ("Obama", "USA", "LEG", D("2006-01-01")),
    ("Putin", "RUS", "GOV", D("2010-01-01")),
    ("Netanyahu", "ISR", "OPP", D("2022-01-01")),
    ("Kim Jong-il", "PRK", "GOV", D("2005-01-01")),
    ("Zelenskyy", "UKR", "GOV", None),
    ("Erdogan", "TUR", "GOV", D("2010-01-01")),
    ("Lee Myung-bak", "KOR", "GOV", D("2010-01-01")),
    ("Roh Moo-hyun", "KOR", "GOV", D("2004-01-01")),
    ("Yoon Suk Yeol", "KOR", "GOV", D("2023-01-01")),
    ("the Vatican", "VAT", "GOV", None),
    ("Pope Francis", None, "REL", None),
    ("the Russian Orthodox Church", "RUS", "REL", None),
    ("student protesters in Seoul", "KOR", "CVL", None),
    ("the US ambassador to the UN", "USA", "GOV", None),
    ("the UN envoy to Syria", "UNO", "IGO", None),
    ("Australian diplomats", "AUS", "GOV", None),
    ("New Zealand's prime minister", "NZL", "GOV", None),
    ("Canadian Prime Minister Justin Trudeau", "CAN", "GOV", D("2018-01-01")),
    ("Mexico City", "MEX", "GOV", None),
    ("New Delhi", "IND", "GOV", None),
    ("Islamabad", "PAK", "GOV", None),
    ("Riyadh", "SAU", "GOV", None),
    ("Damascus", "SYR", "GOV", None),
    ("Baghdad", "IRQ", "GOV", None),
    ("Kabul", "AFG", "GOV", None),
    ("Ramallah", "PSE", "GOV", None),
    ("Gaza militants", "PSE", "REB", None),
    ("the Palestinian Authority", "PSE", "GOV", None),
    ("Egypt's Foreign Ministry", "EGY", "GOV", None),
    ("Emirati officials", "ARE", "GOV", None),
    ("the UAE", "ARE", "GOV", None),
    ("the Belarusian opposition", "BLR", "OPP", None),
    ("Moldovan authorities", "MDA", "GOV", None),
    ("Armenian and Azerbaijani forces", "ARM", "MIL", None),
    ("Azerbaijan", "AZE", "GOV", None),
    ("Ethiopian federal forces", "ETH", "MIL", None),
    ("Malian soldiers", "MLI", "MIL", None),
    ("Burkina Faso's junta", "BFA", "MIL", None),
    ("Nigerien soldiers", "NER", "MIL", None),
    ("Niger", "NER", "GOV", None),
    ("Nigeria", "NGA", "GOV", None),
    ("the North Korean regime", "PRK", "GOV", None),
    ("the Japanese Coast Guard", "JPN", "COP", None),
    ("South Korean President Moon Jae-in", "KOR", "GOV", D("2018-04-27")),
    ("Defense Minister Song Young-moo", "KOR", "MIL", D("2017-09-01")),
    ("Seoul's defense ministry", "KOR", "MIL", None),
    ("the Japanese government", "JPN", "GOV", None),
    ("the Japan Times", "JPN", "MED", None),
    ("a Reuters reporter", "GBR", "MED", None),
    ("AFP", "FRA", "MED", None),
    ("the Associated Press", "USA", "MED", None),
    ("Al Jazeera", "QAT", "MED", None),
    ("the BBC", "GBR", "MED", None),
    ("Georgia", "GEO", "GOV", None),
    ("South Georgia", "SGS", "GOV", None),
    ("Papua New Guinea", "PNG", "GOV", None),
    ("Guinea-Bissau", "GNB", "GOV", None),
    ("Guinea", "GIN", "GOV", None),
    ("Equatorial Guinea", "GNQ", "GOV", None),
    ("the Dominican Republic", "DOM", "GOV", None),
    ("Dominica", "DMA", "GOV", None),
    ("the Netherlands", "NLD", "GOV", None),
    ("Dutch police", "NLD", "COP", None),
    ("Swiss banks", "CHE", "BUS", None),
    ("Samsung executives", None, "BUS", None),
    ("a Kenyan court", "KEN", "JUD", None),
    ("Bolivian prosecutors", "BOL", "JUD", None),
    ("Colombian guerrillas", "COL", "REB", None),
    ("FARC rebels", "COL", "REB", None),
    ("Boko Haram", "NGA", "REB", None),
    ("al-Shabaab fighters", "SOM", "REB", None),
    ("the Islamic Revolutionary Guard Corps", "IRN", "MIL", None),
    ("Iranian state TV", "IRN", "MED", None),
    ("the Houthis", "YEM", "REB", None),
    ("PKK militants", "TUR", "REB", None),
    ("Russia's Wagner Group", "RUS", "MIL", None),
    ("the Bundeswehr", "DEU", "MIL", None),
    ("the Knesset", "ISR", "LEG", None),
    ("IDF soldiers", "ISR", "MIL", None),
    ("the Verkhovna Rada", "UKR", "LEG", None),
    ("Japanese lawmakers", "JPN", "LEG", None),
    ("the South Korean National Assembly", "KOR", "LEG", None),
    ("Thai protesters", "THA", "CVL", None),
    ("the Thai military", "THA", "MIL", None),
    ("the Cambodian opposition", "KHM", "OPP", None),
    ("Indonesian fishermen", "IDN", "CVL", None),
    ("Malaysian authorities", "MYS", "GOV", None),
    ("Singapore", "SGP", "GOV", None),
    ("the Sri Lankan navy", "LKA", "MIL", None),
    ("Bangladeshi garment workers", "BGD", "CVL", None),
    ("Nepalese villagers", "NPL", "CVL", None),
    ("Tibetan monks", None, "REL", None),
    ("Mongolia", "MNG", "GOV", None),
    ("Kazakh officials", "KAZ", "GOV", None),
    ("Uzbek authorities", "UZB", "GOV", None),
    ("Cuban doctors", "CUB", "HLH", None),
    ("Argentine President", "ARG", "GOV", None),
    ("Chilean students", "CHL", "CVL", None),
    ("Peruvian protesters", "PER", "CVL", None),
    ("NORTH KOREA", "PRK", "GOV", None),
    ("the U.S.-led coalition", "USA", "GOV", None),
    ("Britain's Royal Navy", "GBR", "MIL", None),
    ("Scottish police", "GBR", "COP", None),
    ("Türkiye", "TUR", "GOV", None),
    ("the Philippines", "PHL", "GOV", None),
    ("Filipino fishermen", "PHL", "CVL", None),
    ("Hanoi", "VNM", "GOV", None),
    ("the Emir of Qatar", "QAT", "GOV", None),
    ("King Abdullah of Jordan", "JOR", "GOV", None),
    ("the Saudi crown prince", "SAU", "GOV", None),
    ("Chinese warships", "CHN", "MIL", None),
    ("a Russian bomber", "RUS", "MIL", None),
    ("the Indian Ocean", None, None, None),
    ("Latin American leaders", None, "GOV", None),
    ("rebel soldiers", None, "REB", None),
    ("security forces", None, "COP", None),
]


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.default()


def test_accuracy_over_phrases(actors: ActorDictionary) -> None:
    assert len(CASES) >= 100
    failures = []
    for text, code, sector, when in CASES:
        got = actors.resolve(text, when)
        got_pair = (got.code, got.sector) if got else (None, None)
        if got_pair != (code, sector):
            failures.append(f"{text!r} @ {when}: expected {(code, sector)}, got {got_pair}")
    accuracy = 1 - len(failures) / len(CASES)
    assert accuracy >= 0.95, f"accuracy {accuracy:.1%}; failures:\n" + "\n".join(failures)


@pytest.mark.parametrize("text, code, sector, when", [
    ("the US Pacific Air Forces", "USA", "MIL", None),
    ("South Korea's military", "KOR", "MIL", None),
    ("Pyongyang", "PRK", "GOV", None),
    ("Chinese Foreign Ministry spokesman Geng Shuang", "CHN", "GOV", D("2017-09-04")),
    ("the state-run Korean Central News Agency", "PRK", "MED", None),
    ("Japanese fighters", "JPN", "MIL", None),
    ("US President Donald Trump", "USA", "GOV", D("2017-11-07")),
    ("Georgian protesters", "GEO", "CVL", None),
    ("Iraqi police", "IRQ", "COP", None),
    ("Moon Jae-in", "KOR", "OPP", D("2017-05-03")),
    ("Moon Jae-in", "KOR", "GOV", D("2017-06-01")),
    ("Moon Jae-in", "KOR", "GOV", D("2017-05-10")),
    ("Park Geun-hye", "KOR", "GOV", D("2017-03-10")),
    ("Mike Pompeo", "USA", "GOV", D("2017-06-01")),
    ("protesters", None, "CVL", None),
    # armed gangs are organized armed groups (the manual, ASSAULT), their leaders too
    ("the leader of a Haitian gang", "HTI", "REB", None),
    ("Mexican drug cartels", "MEX", "REB", None),
    # a generic agency name is no country's; qualified or by initials, Lebanon's
    ("the National News Agency", None, "MED", None),
    ("Lebanon's National News Agency", "LBN", "MED", None),
])
def test_key_phrases(actors, text, code, sector, when) -> None:
    got = actors.resolve(text, when)
    assert got is not None
    assert (got.code, got.sector) == (code, sector)


def test_match_offsets_and_names(actors: ActorDictionary) -> None:
    text = "Chinese Foreign Ministry spokesman Geng Shuang"
    got = actors.resolve(text)
    assert got == ActorCode("CHN", "GOV", "Geng Shuang", "Geng Shuang", 35, 46)
    got = actors.resolve("South Korea's military")
    assert (got.matched, got.start, got.end, got.name) == ("South Korea", 0, 11, "South Korea")
    got = actors.resolve("the US Pacific Air Forces")
    assert got.matched == "US Pacific Air Forces" and got.start == 4


@pytest.mark.parametrize("text", [
    "us", "un", "eu", "a turkey dinner", "fine china", "the chile harvest",
    "Jordan Peterson", "Chad Smith", "Georgia Tech", "Trump Tower", "moon landing",
])
def test_no_actor_in_common_words_or_longer_names(actors, text) -> None:
    got = actors.resolve(text)
    assert got is None or got.code is None, got


def test_short_abbreviations_are_case_sensitive(actors: ActorDictionary) -> None:
    assert actors.resolve("the US")
    assert actors.resolve("the UN").code == "UNO"
    assert actors.resolve("EU leaders").code == "EU"
    assert actors.resolve("let us talk") is None
    assert actors.resolve("TURKEY").code == "TUR"


@pytest.mark.parametrize("text, code", [
    ("the C.A.R. government", "CAF"), ("troops of the D.R.C.", "COD"), ("the U.A.E.", "ARE"),
    ("a N.A.T.O. summit", "NATO"),
])
def test_initialisms_are_known_with_dots_between_their_letters(actors, text, code) -> None:
    assert actors.resolve(text).code == code


def test_dotted_initialisms_are_not_read_in_other_initials(actors: ActorDictionary) -> None:
    assert actors.resolve("J.K. Rowling") is None
    assert actors.resolve("a car bomb") is None
    # the letters of "A.U." written apart are no initialism: an article and a country's
    assert actors.resolve("A U.S. State Department spokeswoman").code == "USA"
    assert actors.resolve("A U.N. envoy").code == actors.resolve("the U.N.").code != "AU"


def test_longest_match_wins(actors: ActorDictionary) -> None:
    assert actors.resolve("Niger").code == "NER"
    assert actors.resolve("Nigeria").code == "NGA"
    assert actors.resolve("South Sudan").code == "SSD"
    assert actors.resolve("Sudan").code == "SDN"
    assert actors.resolve("Northern Ireland").code == "GBR"
    assert actors.resolve("Ireland").code == "IRL"
    assert actors.resolve("American Samoa").code == "ASM"
    assert actors.resolve("the People's Republic of China").code == "CHN"
    assert actors.resolve("the Republic of China").code == "TWN"


@pytest.mark.parametrize("text, expected, when", [
    ("the defense chiefs of South Korea and the US", [("KOR", "MIL"), ("USA", "MIL")], None),
    ("US and South Korean troops", [("USA", "MIL"), ("KOR", "MIL")], None),
    ("Seoul and Washington", [("KOR", "GOV"), ("USA", "GOV")], None),
    ("the two Koreas", [("KOR", "GOV"), ("PRK", "GOV")], None),
    ("the militaries of the two Koreas", [("KOR", "MIL"), ("PRK", "MIL")], None),
    ("North and South Korea", [("PRK", "GOV"), ("KOR", "GOV")], None),
    ("US-South Korea joint drills", [("USA", "GOV"), ("KOR", "GOV")], None),
    ("US President Donald Trump and North Korean leader Kim Jong-un",
     [("USA", "GOV"), ("PRK", "GOV")], D("2018-06-12")),
    ("Chinese Foreign Ministry spokesman Geng Shuang", [("CHN", "GOV")], None),
    ("the US ambassador to the UN", [("USA", "GOV")], None),
    ("Japanese and Chinese diplomats", [("JPN", "GOV"), ("CHN", "GOV")], None),
    ("Armenian and Azerbaijani forces", [("ARM", "MIL"), ("AZE", "MIL")], None),
    ("protesters", [(None, "CVL")], None),
    ("the weather", [], None),
])
def test_resolve_all_members(actors, text, expected, when) -> None:
    assert [(a.code, a.sector) for a in actors.resolve_all(text, when)] == expected


def test_find_countries_with_offsets(actors: ActorDictionary) -> None:
    text = "Troops from South Korea and the US drilled near Pyongyang, a KCNA report said."
    found = actors.find_countries(text)
    assert [(f.code, f.matched) for f in found] == [
        ("KOR", "South Korea"), ("USA", "US"), ("PRK", "Pyongyang")]
    for f in found:
        assert text[f.start:f.end] == f.matched
    assert [f.code for f in actors.find_countries("Japanese and Chinese diplomats")] == [
        "JPN", "CHN"]


def test_currencies_are_not_country_mentions(actors: ActorDictionary) -> None:
    # "US$" or "Australian dollars" says nothing about who the article is about
    text = "Fiji's leader was accused of taking US$2 million and 50,000 Australian dollars."
    assert [f.code for f in actors.find_countries(text)] == ["FJI"]
    assert [f.code for f in actors.find_countries("a US $5 loan from the U.S. Treasury")] == [
        "USA"]


def test_country_info(actors: ActorDictionary) -> None:
    korea = actors.country("KOR")
    assert korea.name == "South Korea" and korea.capital == "Seoul"
    assert 33 < korea.lat < 39 and 124 < korea.lon < 131
    assert abs(korea.capital_lat - 37.57) < 0.2 and abs(korea.capital_lon - 126.98) < 0.2
    assert actors.country("XKX").name == "Kosovo"
    assert actors.country("PSE").name == "Palestine"
    assert actors.country("ZZZ") is None


def test_sector_of(actors: ActorDictionary) -> None:
    assert actors.sector_of("protesters") == "CVL"
    assert actors.sector_of("rebel soldiers") == "REB"
    assert actors.sector_of("security forces") == "COP"
    assert actors.sector_of("defense ministry spokesman") == "MIL"
    assert actors.sector_of("foreign ministry spokesman") == "GOV"
    assert actors.sector_of("ruling party lawmakers") == "LEG"
    assert actors.sector_of("opposition lawmakers") == "OPP"
    assert actors.sector_of("police officials") == "COP"
    assert actors.sector_of("government troops") == "MIL"
    assert actors.sector_of("journalists") == "MED"
    # the state's own bodies by what they are, and a news agency or aid agency still theirs
    assert actors.sector_of("the telecommunications regulator") == "GOV"
    assert actors.sector_of("the electoral commission") == "GOV"
    assert actors.sector_of("the disaster management agency") == "GOV"
    assert actors.sector_of("the state news agency") == "MED"
    assert actors.sector_of("an aid agency") == "NGO"
    assert actors.sector_of("the television station") == "MED"
    assert actors.sector_of("the city council") == "GOV"
    assert actors.sector_of("resistance fighters") == "REB"  # not fighters of an army
    assert actors.sector_of("witnesses") == "CVL"
    assert actors.sector_of("the organisers") == "CVL"
    assert actors.sector_of("lawyers for the family") == "JUD"
    # a party named as the opposition is the opposition
    assert actors.resolve("the main opposition party, Chadema", None).sector == "OPP"
    assert actors.resolve("Chadema", None).sector == "PTY"
    # a party name many countries use is the country's its text names
    assert actors.resolve("Brazil's Workers' Party", None).code == "BRA"
    assert actors.resolve("North Korea's ruling Workers' Party", None).code == "PRK"
    # a bomber is an aircraft of the armed forces, a suicide bomber no soldier
    assert actors.sector_of("two bombers") == "MIL"
    assert actors.sector_of("a suicide bomber") == "REB"
    assert actors.sector_of("the weather") is None


def test_person_roles_by_date(actors: ActorDictionary) -> None:
    assert actors.person("Mike Pompeo", D("2017-06-01")).sector == "GOV"
    assert actors.person("Pompeo", D("2019-01-01")).code == "USA"
    latest = actors.person("Donald Trump", None)
    assert (latest.code, latest.sector) == ("USA", "GOV")
    out_of_office = actors.person("Donald Trump", D("2022-01-01"))
    assert (out_of_office.code, out_of_office.sector) == ("USA", None)
    assert actors.person("Kim Jong-un", D("2010-01-01")).sector is None
    assert actors.person("Kim Jong-un", D("2011-12-17")).sector == "GOV"
    assert actors.person("Jim Mattis", D("2018-01-01")).sector == "MIL"
    assert actors.person("Someone Unknown", None) is None


def test_user_files_extend_the_tables(tmp_path) -> None:
    orgs = tmp_path / "my_orgs.tsv"
    orgs.write_text(
        "# my additions\n"
        "pattern\tcode\tsector\tcountry\n"
        "Valley Defense Brigades|VDB\tVDB\tREB\t\n"
        "Northern Grain Cooperative\tNGC\tBUS\tKAZ\n",
        encoding="utf-8")
    people = tmp_path / "my_people.tsv"
    people.write_text(
        "name\tcode\tsector\trole\tstart\tend\n"
        "Amara Okonkwo-Reyes|Okonkwo-Reyes\tNGA\tGOV\tgovernor\t2019-05-29\t\n",
        encoding="utf-8")
    actors = ActorDictionary.load([orgs, people])
    got = actors.resolve("VDB gunmen")
    assert (got.code, got.sector, got.name) == ("VDB", "REB", "Valley Defense Brigades")
    assert (actors.resolve("the Northern Grain Cooperative").code) == "KAZ"
    assert actors.resolve("Okonkwo-Reyes", D("2020-01-01")).sector == "GOV"
    assert actors.resolve("Okonkwo-Reyes", D("2018-01-01")).sector is None
    # the packaged tables are still there
    assert actors.resolve("Pyongyang").code == "PRK"


def test_a_title_and_one_name_word_find_the_one_holder_that_day(tmp_path) -> None:
    people = tmp_path / "presidents.tsv"
    people.write_text(
        "name\tcode\tsector\trole\tstart\tend\n"
        "Oren Tavaszi\tHUN\tGOV\tPresident\t2031-01-01\t2034-12-31\n"
        "Tavaszi Bence\tHUN\tGOV\tPresident\t2035-01-01\t\n"
        "Ilka Tavaszi\tAUT\tGOV\tForeign Minister\t2031-01-01\t\n"
        "Mira Solvang\tNOR\tGOV\tPrime Minister\t2031-01-01\t\n"
        "Jon Solvang\tNOR\tGOV\tPrime Minister\t2031-01-01\t\n",
        encoding="utf-8")
    actors = ActorDictionary.load([people])
    # the surname comes first or last; the title and the day pick one person
    assert actors.resolve("President Tavaszi", D("2032-05-01")).name == "Oren Tavaszi"
    assert actors.resolve("President Tavaszi", D("2036-05-01")).name == "Tavaszi Bence"
    found = actors.resolve("Foreign Minister Tavaszi", D("2032-05-01"))
    assert (found.code, found.name) == ("AUT", "Ilka Tavaszi")
    # no one so titled that day, two so titled, or no date: nobody in particular
    assert actors.resolve("President Tavaszi", D("2029-05-01")).code is None
    assert actors.resolve("Prime Minister Solvang", D("2032-05-01")).code is None
    assert actors.resolve("President Tavaszi").code is None


def test_user_actor_without_code(tmp_path) -> None:
    orgs = tmp_path / "local.tsv"
    orgs.write_text("pattern\tcode\tsector\tcountry\nRiver Wardens\t\tREB\t\n", encoding="utf-8")
    got = ActorDictionary.load([orgs]).resolve("the River Wardens")
    assert (got.code, got.sector, got.name) == (None, "REB", "River Wardens")


def test_unknown_table_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("foo\tbar\n1\t2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown actor table"):
        ActorDictionary.load([bad])


def test_tables_are_complete_and_well_formed(actors: ActorDictionary) -> None:
    import re
    rows = [line.split("\t") for line in
            (DATA_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes)) >= 250  # 249 ISO 3166-1 entries + Kosovo
    for code in codes:
        assert re.fullmatch(r"[A-Z]{3}", code)
        info = actors.country(code)
        assert -90 <= info.lat <= 90 and -180 <= info.lon <= 180
    orgs = [line for line in (DATA_DIR / "organizations.tsv").read_text().splitlines()
            if line and not line.startswith("#")]
    assert len(orgs) - 1 >= 80
    people = [line.split("\t") for line in (DATA_DIR / "people.tsv").read_text().splitlines()
              if line and not line.startswith("#")][1:]
    assert len(people) >= 40
    for row in people:
        start, end = row[4], row[5]
        assert not (start and end) or start <= end, row


def test_dependencies_are_coded_as_their_state(actors: ActorDictionary) -> None:
    assert actors.resolve("the Bermudan premier").code == "BMU"  # the phrase's own country
    assert [actors.state_of(c) for c in ("BMU", "PRI", "FRO", "HKG", "TWN", "PSE", "FRA")] \
        == ["GBR", "USA", "DNK", "HKG", "TWN", "PSE", "FRA"]
    # every controlling state is itself a state
    states = {actors.state_of(code) for code in _country_codes()}
    assert all(actors.state_of(s) == s and actors.country(s) for s in states)


def _country_codes() -> list[str]:
    return [line.split("\t")[0] for line in
            (DATA_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]


@pytest.mark.parametrize("text, code", [
    ("the pro-Beijing camp", None),
    ("anti-American protesters", None),
    ("pro-Russian separatists in Ukraine", "UKR"),
    ("the Beijing government", "CHN"),
])
def test_pro_and_anti_are_a_stance_not_membership(text, code):
    from sitrep.resolve.actors import ActorDictionary

    found = ActorDictionary.default().resolve(text)
    assert (found.code if found else None) == code


def _org_rows() -> list[list[str]]:
    lines = [line for line in (DATA_DIR / "organizations.tsv").read_text(encoding="utf-8")
             .splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def test_organization_rows_are_well_formed() -> None:
    import re
    countries = set(_country_codes())
    sectors = {line.split("\t")[0] for line in
               (DATA_DIR / "sectors.tsv").read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")} - {"sector"}
    seen: dict[str, str] = {}
    for row in _org_rows():
        assert len(row) in (4, 5), row
        pattern, code, sector, country, forces = [*row, ""][:5]
        # only a state's armed body can be its regular forces
        assert forces in ("", "regular") and (not forces or sector == "MIL" and country), row
        assert not sector or sector in sectors, row
        assert all(c in countries for c in country.split("+") if c), row
        # an own code that spells a country's would be read as that country
        assert code not in countries, row
        for variant in pattern.split("|"):
            key = re.sub(r"[^\w]+", " ", variant.removeprefix("the ").lower()).strip()
            assert seen.setdefault(key, pattern) == pattern, (variant, seen[key])


@pytest.mark.parametrize("text, expected", [
    # international bodies
    ("the Quad", [("QUAD", "IGO")]),
    ("a quad bike", []),
    ("Europol investigators", [("EUROPOL", "IGO")]),
    ("the ECB's governing council", [("EU", "IGO")]),
    ("Mercosur trade ministers", [("MERCOSUR", "IGO")]),
    ("MONUSCO peacekeepers", [("MONUSCO", "MIL")]),
    ("the European Court of Human Rights", [("ECHR", "IGO")]),
    ("the Group of 77 and China", [("G77", "IGO"), ("CHN", "GOV")]),
    # armed groups: the longer name beats the country or group inside it
    ("JNIM fighters", [("MLI", "REB")]),
    ("Pakistani Taliban commanders", [("PAK", "REB")]),
    ("the Pakistani army", [("PAK", "MIL")]),
    ("a Kataib Hezbollah drone unit", [("IRQ", "REB")]),
    ("Hezbollah's fighters", [("LBN", "REB")]),
    ("ISIS-K gunmen", [("ISIS", "REB")]),
    ("al-Qaeda in the Arabian Peninsula", [("YEM", "REB")]),
    ("the Qassam Brigades", [("PSE", "REB")]),
    ("Sinaloa Cartel hitmen", [("MEX", "REB")]),
    ("Niger Delta Avengers", [("NGA", "REB")]),
    # parties: a country's name inside the party's is the party's country, and generic
    # names stay with the country that precedes them
    ("Likud lawmakers", [("ISR", "PTY")]),
    ("the Indian National Congress", [("IND", "PTY")]),
    ("a Congress party spokesman", [("IND", "PTY")]),
    ("the US Congress", [("USA", "LEG")]),
    ("Sweden Democrats", [("SWE", "PTY")]),
    ("Norway's Labour Party", [("NOR", "PTY")]),
    ("PML-N leaders", [("PAK", "PTY")]),
    ("the Kurdistan Democratic Party of Iran", [("IRN", None)]),
    ("Kurdistan Democratic Party lawmakers in Erbil", [("IRQ", "PTY")]),
    ("the ANC's national executive", [("ZAF", "PTY")]),
    ("France Unbowed deputies", [("FRA", "PTY")]),
    ("the PRI", [("MEX", "PTY")]),
    ("Puerto Rico", [("PRI", "GOV")]),
    # parliaments and security bodies by their own names
    ("Sejm deputies", [("POL", "LEG")]),
    ("the NPC Standing Committee", [("CHN", "LEG")]),
    ("Iran's Guardian Council", [("IRN", "GOV")]),
    ("the Guardian Council", [("IRN", "GOV")]),
    ("the Guardian newspaper", [("GBR", "MED")]),
    ("the Revolutionary Guards' navy", [("IRN", "MIL")]),
    ("ICE agents", [("USA", "COP")]),
    ("thin ice", []),
    ("Pakistani Rangers", [("PAK", "COP")]),
    ("the Tatmadaw", [("MMR", "MIL")]),
    ("the SBU", [("UKR", "GOV")]),
    ("the IDF's Southern Command", [("ISR", "MIL")]),
    ("Russia's Black Sea Fleet", [("RUS", "MIL")]),
    # media and central banks
    ("a Jakarta Post reporter", [("IDN", "MED")]),
    ("the Fars news agency", [("IRN", "MED")]),
    ("the Times of India", [("IND", "MED")]),
    ("the Independent Electoral Commission", [(None, "GOV")]),  # several countries': no code
    ("the Bank of England", [("GBR", "GOV")]),
    ("a Bank of Korea official", [("KOR", "GOV")]),
    ("the Fed", [("USA", "GOV")]),
    ("fed up residents", [(None, "CVL")]),
])
def test_named_organizations(actors, text, expected) -> None:
    assert [(a.code, a.sector) for a in actors.resolve_all(text)] == expected


@pytest.mark.parametrize("second", [
    "The two neighbours agreed to reopen their border.",
    "Both sides agreed to reopen their border.",
    "The two former foes agreed to reopen their border.",
    "Both delegations agreed to reopen their border.",
    "The two ministers agreed to reopen their border.",
])
def test_the_two_or_both_name_the_pair_just_told(second):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = f"Colombia and Venezuela restored diplomatic ties on Monday. {second}"
    (processed,) = list(pipeline([Article(text=text)]))
    (agreement,) = [e for e in processed.events if e.event_type == "AGREE"]
    assert {m.code for m in agreement.actor.members} == {"COL", "VEN"}


def test_the_two_name_no_pair_where_none_was_told():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = "Colombia restored ties with its creditors. The two sides agreed to meet again."
    (processed,) = list(pipeline([Article(text=text)]))
    for event in processed.events:
        if event.actor is not None and event.actor.text == "The two sides":
            assert len({m.code for m in event.actor.members if m.code}) < 2


@pytest.mark.parametrize("phrase, code", [
    ("China's U.N. ambassador", "CHN"),
    ("the Russian NATO envoy", "RUS"),
    ("Japan's WTO delegation", "JPN"),
    ("the U.N. envoy for Yemen", "UNO"),
    ("a Chinese WHO official", "WHO"),  # an official of the body, of Chinese nationality
])
def test_a_countrys_post_at_a_body_is_the_countrys(phrase, code):
    found = ActorDictionary.default().resolve(phrase)
    assert found is not None and found.code == code


def test_an_owners_post_at_a_body_is_the_owners():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Cuba's U.N. ambassador spoke at the session on Monday, and his U.N. mission "
            "later condemned the vote.")
    (processed,) = list(pipeline([Article(text=text)]))
    (condemnation,) = [e for e in processed.events if e.event_type == "ACCUSE"]
    assert condemnation.actor.code == "CUB"


@pytest.mark.parametrize("phrase", ["Anwar al-Bunni", "Assad al-Tamimi", "Putin bin Salem"])
def test_a_leaders_name_before_a_name_particle_is_another_persons(phrase):
    # "Anwar" alone is Malaysia's prime minister; "Anwar al-Bunni" is someone else
    assert ActorDictionary.default().resolve(phrase) is None


def test_a_leaders_name_alone_is_still_the_leader():
    found = ActorDictionary.default().resolve("Anwar said on Monday")
    assert found is not None and found.code == "MYS"


def test_the_three_name_the_three_just_told():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Mali, Niger and Chad suspended talks with the bloc. The three governments "
            "accused the bloc of meddling.")
    (processed,) = list(pipeline([Article(text=text)]))
    (accusation,) = [e for e in processed.events if e.event_type == "ACCUSE"]
    assert {m.code for m in accusation.actor.members} == {"MLI", "NER", "TCD"}


@pytest.mark.parametrize("group", ["European leaders", "Western diplomats", "Arab states"])
def test_a_regions_group_keeps_no_country_not_the_storys(group):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = f"Kenya hosted the summit on Monday. {group} condemned the coup in Niger."
    (processed,) = list(pipeline([Article(text=text)]))
    (condemnation,) = [e for e in processed.events if e.event_type == "ACCUSE"]
    assert condemnation.actor.text == group and condemnation.actor.code is None


def test_a_foreign_minister_still_takes_the_storys_country():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = "Kenya hosted the summit on Monday. Foreign Minister Ali Wekesa condemned the coup."
    (processed,) = list(pipeline([Article(text=text)]))
    (condemnation,) = [e for e in processed.events if e.event_type == "ACCUSE"]
    assert condemnation.actor.code == "KEN"


@pytest.mark.parametrize("phrase, sector", [
    ("Amina Bello, a rights activist and president of Mothers for Peace", "CVL"),
    ("the spokesman of the Coalition for Clean Water", None),
    ("the president of Ghana", "GOV"),
    ("the spokesman of the Kremlin", "GOV"),
])
def test_a_title_of_some_other_body_is_no_governments(phrase, sector):
    found = ActorDictionary.default().resolve(phrase)
    assert (found.sector if found is not None else None) == sector


def test_a_named_person_beats_the_body_named_before_them():
    found = ActorDictionary.default().resolve("UN envoy Vassily Nebenzia", date(2024, 3, 1))
    assert found is not None and found.code == "RUS"
    found = ActorDictionary.default().resolve("the UN envoy", date(2024, 3, 1))
    assert found is not None and found.code == "UNO"


def test_a_country_name_the_article_places_as_a_us_state_is_the_states():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Senators from Ohio, Texas and Kentucky met in Atlanta on Thursday. Senator Jane "
            "Doyle, Republican of Georgia, criticised the plan.")
    (processed,) = list(pipeline([Article(text=text)]))
    (criticism,) = [e for e in processed.events if e.trigger.text == "criticised"]
    assert criticism.actor.code == "USA"


@pytest.mark.parametrize("phrase", [
    "Rep. Dana Kell, R-Texas", "Sen. Ann Marsh (D-Calif.)",
    "Sen. Jane Doyle, Republican of Georgia", "a Democrat from Ohio",
])
def test_a_us_party_and_state_notation_names_the_us(phrase):
    found = ActorDictionary.default().resolve(phrase)
    assert found is not None and found.code == "USA" and found.sector == "LEG"


@pytest.mark.parametrize("phrase, code", [("a D-Day veteran", None), ("Georgia", "GEO")])
def test_no_us_notation_no_us(phrase, code):
    found = ActorDictionary.default().resolve(phrase)
    assert (found.code if found is not None else None) == code


@pytest.mark.parametrize("text, code", [
    ("North Korea fired a missile on Monday, Seoul said. South Korean officials met on "
     "Tuesday. Last month, the North fired two cruise missiles.", "PRK"),
    ("South Sudan and Sudan traded accusations. Sudan closed its border. On Friday the South "
     "accused Khartoum of bombing a market.", "SSD"),
])
def test_the_north_or_the_south_is_the_country_so_named(text, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2024, 3, 20))]))
    acts = [e for e in processed.events
            if e.actor is not None and e.actor.text in ("the North", "the South")]
    assert acts and all(e.actor.code == code for e in acts)


def test_a_document_speaks_for_whoever_issued_it():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Kenya's foreign ministry released a statement on Monday. The statement accused "
            "Somalia of meddling in the election.")
    (processed,) = list(pipeline([Article(text=text)]))
    (accusation,) = [e for e in processed.events if e.event_type == "ACCUSE"]
    assert accusation.actor.text == "The statement" and accusation.actor.code == "KEN"


def test_an_act_named_by_a_noun_is_not_a_reaction_to_it():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Turkey closed its border with Syria on Sunday. Greece's foreign minister criticized "
            "the closure on Monday. The European Union also condemned the move.")
    (processed,) = list(pipeline([Article(text=text)]))
    (condemnation,) = [e for e in processed.events
                       if e.actor is not None and e.actor.code == "EU"]
    assert condemnation.recipient.text == "the move" and condemnation.recipient.code == "TUR"


@pytest.mark.parametrize("text, recipient", [
    # an object pronoun is someone other than the subject ("himself" would be the doer)
    ("Joe Biden met Emmanuel Macron in Paris on Monday. He thanked him for the support of "
     "France.", "FRA"),
    # "it" done to by a party is not that party: the other one named last
    ("Russia moved troops to the border on Sunday. \"It is a dangerous provocation,\" "
     "Lithuania's foreign minister said.", "RUS"),
])
def test_a_pronoun_done_to_stands_for_someone_other_than_the_doer(text, recipient):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 9, 9))]))
    done_to = [e for e in processed.events if e.recipient is not None
               and e.recipient.text.lower() in ("him", "it")]
    assert len(done_to) == 1
    assert done_to and all(e.recipient.code == recipient for e in done_to)


def test_a_person_is_of_the_nationality_the_article_says_and_not_of_whom_they_are_kin():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Ayse Kaya, the widow of journalist Ali Demir, condemned the Saudi court in Riyadh "
            "on Monday. Kaya is a Turkish national living in Berlin. A Saudi officer shot "
            "Demir in 2018.")
    (processed,) = list(pipeline([Article(text=text, published=date(2021, 6, 9))]))
    by_type = {e.event_type: e for e in processed.events}
    # "is a Turkish national" outweighs the story's setting (Saudi Arabia)
    assert by_type["ACCUSE"].actor.code == "TUR"
    # Demir is named inside Kaya's apposition: he is not her, nor of her nationality
    assert by_type["ASSAULT"].recipient.code == "SAU"


def test_a_multinational_company_is_of_its_home_country():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = "Huawei rejected the ban imposed by the Swedish telecoms regulator on Tuesday."
    (processed,) = list(pipeline([Article(text=text)]))
    (rejection,) = [e for e in processed.events if e.event_type == "REJECT"]
    assert (rejection.actor.code, rejection.actor.sector) == ("CHN", "BUS")


def test_a_document_named_otherwise_speaks_for_whoever_issued_the_last_one():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Three Canadian provinces brought a lawsuit over the carbon tax in May. The motion "
            "accuses Ottawa of overstepping its powers.")
    (processed,) = list(pipeline([Article(text=text)]))
    (accusation,) = [e for e in processed.events if e.actor.text == "The motion"]
    assert accusation.actor.code == "CAN"


def test_a_claim_denied_is_whoever_made_it():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Russia's defence ministry said its forces repelled an attack near Bakhmut. "
            "Ukraine's military denied the claim.")
    (processed,) = list(pipeline([Article(text=text)]))
    (denial,) = [e for e in processed.events if e.event_type == "REJECT"]
    assert denial.recipient.text == "the claim" and denial.recipient.code == "RUS"


@pytest.mark.parametrize("text, description, code", [
    ("The European Union imposed sanctions on Belarus on Monday. The bloc also condemned the "
     "crackdown on protesters.", "The bloc", "EU"),
    # named only as the target of an act just before
    ("Huawei was banned from the network. The company rejected the decision as political.",
     "The company", "CHN"),
])
def test_a_body_called_by_its_kind_is_the_body_just_named(text, description, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text)]))
    (event,) = [e for e in processed.events if e.actor is not None
                and e.actor.text == description]
    assert event.actor.code == code


CHILE_REFORM = ("Chile's Congress passed a pension reform in Santiago on Monday. The law raises "
                "the retirement age to 67 for Chilean workers. Thousands of people marched in "
                "Valparaiso against the law on Tuesday. Chilean police detained twelve "
                "protesters near the Congress building. Chile's labour minister defended the "
                "law on Wednesday. ")


@pytest.mark.parametrize("title, text, recipient", [
    # a foreign party's act that names no other side, in a story set in Chile: Chile's
    ("Chile passes pension reform",
     CHILE_REFORM + "Argentina's foreign minister praised the reform on Thursday.", "CHL"),
    # the side the text names stays
    ("Chile passes pension reform",
     CHILE_REFORM + "Argentina's foreign minister condemned Brazil on Thursday.", "BRA"),
    # a story set in two countries alike gives none
    ("Chile and Peru sign border accord",
     "Chile and Peru signed a border accord in Lima on Monday. Peru's president and Chile's "
     "president both attended the ceremony. Peruvian fishermen welcomed the deal, and Chilean "
     "fishermen did too. Argentina's foreign minister praised the accord on Thursday.", None),
])
def test_a_foreign_partys_act_naming_no_other_side_is_aimed_at_the_storys_country(
        title, text, recipient):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, title=title,
                                          published=date(2024, 5, 10))]))
    (foreign,) = [e for e in processed.events if e.actor is not None and e.actor.code == "ARG"]
    assert (foreign.recipient.code if foreign.recipient is not None else None) == recipient


VENEZUELA_VOTE = ("Opposition leader Maria Vargas accused President Nicolas Maduro of rigging "
                  "the vote on Sunday. Brazil's foreign ministry spokesman said the results "
                  "lacked credibility. ")


@pytest.mark.parametrize("text, code", [
    # the official who spoke since the last named person: the spokesman, not Vargas
    (VENEZUELA_VOTE + "He urged Caracas to publish the tallies.", "BRA"),
    # a person named after the official is the one meant
    (VENEZUELA_VOTE + "Maria Vargas welcomed the statement. She urged the electoral council "
     "to publish the tallies.", "VEN"),
])
def test_he_or_she_after_an_unnamed_official_is_that_official(text, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, title="Venezuela election dispute",
                                          published=date(2024, 7, 30))]))
    (appeal,) = [e for e in processed.events if e.event_type == "REQUEST"]
    assert appeal.actor.text in ("He", "She") and appeal.actor.code == code


@pytest.mark.parametrize("phrase, code, sector", [
    # a country hyphened to a word of backing is the backer, not the party's country
    ("the Iran-backed rebels", None, "REB"),
    ("a Russian-funded militia", None, "REB"),
    ("Iran-backed Houthi rebels", "YEM", "REB"),
    # leading is acting: the coalition is the leader's
    ("the Saudi-led coalition", "SAU", None),
    ("Russian-made drones", "RUS", "MIL"),
])
def test_a_backers_name_is_not_the_partys_country(phrase, code, sector):
    found = ActorDictionary.default().resolve(phrase)
    assert found is not None and (found.code, found.sector) == (code, sector)


def test_a_backed_group_is_of_the_country_it_acts_in():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Rebels of the March Front seized the town of Goma on Monday. Congo accused Rwanda "
            "of backing the rebels. The Rwanda-backed group denied the claim.")
    (processed,) = list(pipeline([Article(text=text, title="Congo rebels seize Goma")]))
    (denial,) = [e for e in processed.events if e.event_type == "REJECT"]
    assert denial.actor.code == "COD"


@pytest.mark.parametrize("text, description, code", [
    # where the body sits is not whose it is: the group named before
    ("Police in Tehran detained dozens of students on Saturday. Amnesty International "
     "condemned the arrests. The London-based group urged Iran to free them.",
     "The London-based group", "AMN"),
    # words of kind before "group" still describe the group named before
    ("Gunmen from the Islamic State attacked an army convoy in Niger on Friday. The Islamist "
     "group also attacked a village on Sunday.", "The Islamist group", "ISIS"),
])
def test_the_group_with_words_of_kind_or_seat_is_the_group_named_before(
        text, description, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2024, 2, 5))]))
    described = [e for e in processed.events
                 if e.actor is not None and e.actor.text == description]
    assert described and all(e.actor.code == code for e in described)


def test_a_body_seated_somewhere_and_named_before_nothing_keeps_its_seat():
    found = ActorDictionary.default().resolve("a London-based rights group")
    assert found is not None and found.code == "GBR"


@pytest.mark.parametrize("text, description, code", [
    # the last kingdom named, not the last country (Yemen)
    ("Saudi Arabia intercepted a missile fired from Yemen on Sunday. The kingdom blamed the "
     "Houthis for the attack.", "The kingdom", "SAU"),
    ("Qatar's emir met the Saudi crown prince in Riyadh on Monday. Later the emirate pledged "
     "aid to Sudan.", "the emirate", "QAT"),
])
def test_a_country_called_by_its_form_of_state_is_the_last_one_of_that_form(
        text, description, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2023, 3, 3))]))
    described = [e for e in processed.events
                 if e.actor is not None and e.actor.text == description]
    assert described and all(e.actor.code == code for e in described)


def test_rebels_described_after_a_group_named_as_the_other_side_are_that_group():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Saudi Arabia intercepted a missile fired from Yemen on Sunday. The kingdom "
            "blamed the Houthis for the attack. The Iran-backed rebels said they had targeted "
            "an airport.")
    (processed,) = list(pipeline([Article(text=text, published=date(2023, 3, 3))]))
    (claimed,) = [e for e in processed.events if e.attributed_to is not None
                  and e.attributed_to.text == "The Iran-backed rebels"]
    assert claimed.attributed_to.code == "YEM" and claimed.actor.code == "YEM"


def test_the_lender_is_the_lending_body_just_named():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Argentine Economy Minister Sergio Massa met International Monetary Fund officials "
            "on Monday. The fund agreed to release US$7.5 billion. Massa thanked the lender "
            "for its support.")
    (processed,) = list(pipeline([Article(text=text, published=date(2023, 8, 1))]))
    (thanks,) = [e for e in processed.events if e.event_type == "SUPPORT"]
    assert thanks.recipient.text == "the lender" and thanks.recipient.code == "IMF"


@pytest.mark.parametrize("doer, code", [
    ("Unidentified gunmen", None),  # an unknown perpetrator: no country
    ("Unknown assailants", None),
    ("Unidentified Taliban fighters", "AFG"),  # a name still codes them
    ("Gunmen", "AFG"),  # not said to be unknown: of where they act
])
def test_a_doer_said_to_be_unknown_has_no_country(doer, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = (f"{doer} attacked a police post in Kandahar, Afghanistan, on Sunday, killing two "
            "officers. Afghan officials condemned the attack.")
    (processed,) = list(pipeline([Article(text=text, published=date(2019, 4, 7))]))
    (attack,) = [e for e in processed.events if e.event_type == "ASSAULT"]
    assert attack.actor.text == doer and attack.actor.code == code


@pytest.mark.parametrize("text, doer, code", [
    # a capital inside a person's name is part of the name, in full and by surname
    ("Senator Paulo Lima of Brazil's ruling party criticised the central bank on Wednesday "
     "in Brasilia. Lima accused the bank of hurting growth.", "Lima", "BRA"),
    ("Senator Paulo Lima of Brazil's ruling party criticised the central bank on Wednesday "
     "in Brasilia. Lima accused the bank of hurting growth.",
     "Senator Paulo Lima of Brazil's ruling party", "BRA"),
    # with no such person, the capital is its state
    ("Chile expelled two Peruvian diplomats on Monday. Lima accused Santiago of spying.",
     "Lima", "PER"),
])
def test_a_capital_in_a_persons_name_is_the_persons(text, doer, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2023, 5, 17))]))
    acts = [e for e in processed.events if e.actor is not None and e.actor.text == doer]
    assert acts and all(e.actor.code == code for e in acts)


@pytest.mark.parametrize("text, owned, code", [
    # "his" is the person named last, whatever acted last
    ("Ghana's President Nana Akufo-Addo dismissed his finance minister on Friday. His "
     "government also suspended fuel subsidies.", "His government", "GHA"),
    # the speaker in the same sentence, not the body that acted before
    ("Iran's foreign minister Hossein Amir-Abdollahian met IAEA chief Rafael Grossi in Tehran "
     "on Saturday. The UN nuclear watchdog's head urged Iran to restore cameras. "
     "Amir-Abdollahian said his country would cooperate with the agency.", "his country", "IRN"),
])
def test_his_or_her_party_is_the_person_named_last(text, owned, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2023, 3, 4))]))
    acts = [e for e in processed.events if e.actor is not None and e.actor.text == owned]
    assert acts and all(e.actor.code == code for e in acts)


@pytest.mark.parametrize("text, description, codes", [
    # the two parties of the last act between two, when no group was named together
    ("Azerbaijani forces shelled Armenian positions near the border on Tuesday. Armenia's "
     "defence ministry said two soldiers were killed. Both sides later agreed to a ceasefire.",
     "Both sides", {"AZE", "ARM"}),
    # "the two parties" counts parties as "the two sides" does
    ("Ethiopia and Eritrea signed a border accord on Monday. Kenya's foreign ministry praised "
     "the two parties on Tuesday.", "the two parties", {"ETH", "ERI"}),
])
def test_the_two_sides_are_the_last_two_parties_told_together(text, description, codes):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2022, 9, 14))]))
    parties = [p for e in processed.events for p in (e.actor, e.recipient)
               if p is not None and p.text == description]
    assert parties and all({m.code for m in p.members} == codes for p in parties)


@pytest.mark.parametrize("text, surname, code", [
    # the body an apposition's head serves gives the person's code
    ("Lama Haddad, a researcher at Human Rights Watch, accused Syrian forces of bombing "
     "hospitals on Monday. Haddad urged the Security Council to act.", "Haddad", "HRW"),
    ("Maria Ruiz, a spokeswoman for Mexico's foreign ministry, criticised the new US asylum "
     "rule on Tuesday. Ruiz urged Washington to withdraw it.", "Ruiz", "MEX"),
    # an analyst at a think tank speaks from its home country, not from the story's setting
    ("Sudan's army shelled a market in Omdurman on Monday, witnesses said. Nadia Velez, a "
     "senior fellow at the Atlantic Council, condemned the shelling. Velez urged the "
     "generals to return to talks.", "Velez", "USA"),
    ("Turkey tested its new missile system on Monday. Asli Aydin, a defence analyst with the "
     "European Council on Foreign Relations, criticized the purchase. Aydin urged Ankara to "
     "return to talks.", "Aydin", "ECFR"),  # a think tank, not the EU's European Council
    ("Myanmar's junta extended its state of emergency on Tuesday. Ian Corrie, a research "
     "fellow at the Lowy Institute, criticised the decision. Corrie urged Thailand to press "
     "the generals.", "Corrie", "AUS"),
])
def test_a_person_is_of_the_body_their_apposition_serves(text, surname, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    (processed,) = list(pipeline([Article(text=text, published=date(2024, 1, 9))]))
    (appeal,) = [e for e in processed.events if e.actor is not None and e.actor.text == surname]
    assert appeal.actor.code == code


@pytest.mark.parametrize("description, code", [
    # a country called by a description with words of kind: the last one named
    ("The Caribbean nation", "HTI"),  # a region's adjective, yet one country
    ("The island nation's prime minister", "HTI"),  # the description as the owner
])
def test_a_country_described_with_words_of_kind_is_the_last_one_named(description, code):
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = (f"Kenya agreed on Monday to lead a police mission to Haiti. {description} thanked "
            "the Kenyan government on Tuesday.")
    (processed,) = list(pipeline([Article(text=text, published=date(2023, 7, 31))]))
    (thanks,) = [e for e in processed.events if e.event_type == "SUPPORT"]
    assert thanks.actor.text == description and thanks.actor.code == code


def test_a_bare_country_description_is_left_to_the_setting():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article
    text = ("Soldiers in Niger seized power on Wednesday. France and the United States "
            "condemned the coup. The country's new military rulers accused Paris of plotting "
            "an intervention.")
    (processed,) = list(pipeline([Article(text=text, title="Coup in Niger",
                                          published=date(2023, 7, 28))]))
    (accusation,) = [e for e in processed.events if e.actor is not None
                     and e.actor.text == "The country's new military rulers"]
    assert accusation.actor.code == "NER"


@pytest.mark.parametrize("text, sector", [
    ("the state news firm Lima", "BUS"), ("the national broadcaster Panama", "MED"),
])
def test_a_place_name_after_a_noun_of_a_body_names_the_body_not_its_country(actors, text,
                                                                             sector) -> None:
    found = actors.resolve(text, None)
    assert found is not None and found.code is None and found.sector == sector
    # the name alone, or a body named beside its country, keeps the country
    assert actors.resolve("Lima", None).code == "PER"
    assert actors.resolve("the Peruvian news agency Andina", None).code == "PER"


def test_an_office_one_person_holds_is_that_holders_state(actors: ActorDictionary) -> None:
    when = date(2021, 6, 9)
    for text in ("The Pope", "the pontiff"):
        found = actors.resolve(text, when)
        assert (found.code, found.sector) == ("VAT", "REL")
    # another word may make it another church's office
    assert actors.resolve("the Coptic Pope", when).code is None
