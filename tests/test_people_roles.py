"""Time-aware role table (people.tsv): who held which office on a given date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sitrep.resolve.actors import DATA_DIR, ActorDictionary

D = date.fromisoformat

# (name as written, article date, expected code, expected sector; None = out of office)
CASES: list[tuple[str, str, str, str | None]] = [
    # USA
    ("Moon Jae-in", "2017-05-03", "KOR", "OPP"),
    ("Moon Jae-in", "2017-06-01", "KOR", "GOV"),
    ("Mike Pompeo", "2017-06-01", "USA", "GOV"),
    ("Mike Pompeo", "2019-01-01", "USA", "GOV"),
    ("Donald Rumsfeld", "2003-03-20", "USA", "MIL"),
    ("Condoleezza Rice", "2006-07-01", "USA", "GOV"),
    ("Hillary Clinton", "2011-05-01", "USA", "GOV"),
    ("Leon Panetta", "2010-01-01", "USA", "GOV"),
    ("Leon Panetta", "2012-01-01", "USA", "MIL"),
    ("Ash Carter", "2016-06-01", "USA", "MIL"),
    ("Pete Hegseth", "2025-06-01", "USA", "MIL"),
    ("Bill Clinton", "2000-06-01", "USA", "GOV"),
    ("Bill Clinton", "2002-06-01", "USA", None),
    # GBR
    ("Tony Blair", "2003-03-20", "GBR", "GOV"),
    ("Tony Blair", "2010-01-01", "GBR", None),
    ("Philip Hammond", "2012-01-01", "GBR", "MIL"),
    ("Philip Hammond", "2015-01-01", "GBR", "GOV"),
    ("Ben Wallace", "2022-03-01", "GBR", "MIL"),
    ("David Cameron", "2024-01-15", "GBR", "GOV"),
    ("David Cameron", "2018-01-01", "GBR", None),
    ("Queen Elizabeth II", "2012-06-01", "GBR", "GOV"),
    ("King Charles III", "2023-05-06", "GBR", "GOV"),
    # FRA
    ("Jacques Chirac", "2003-02-01", "FRA", "GOV"),
    ("Jean-Yves Le Drian", "2015-01-01", "FRA", "MIL"),
    ("Le Drian", "2019-01-01", "FRA", "GOV"),
    ("Florence Parly", "2019-01-01", "FRA", "MIL"),
    ("Sebastien Lecornu", "2023-06-01", "FRA", "MIL"),
    ("Michel Barnier", "2024-10-15", "FRA", "GOV"),
    # DEU
    ("Olaf Scholz", "2023-01-01", "DEU", "GOV"),
    ("Gerhard Schröder", "2003-01-01", "DEU", "GOV"),
    ("Ursula von der Leyen", "2016-01-01", "DEU", "MIL"),
    ("Ursula von der Leyen", "2021-01-01", "EU", "IGO"),
    ("Boris Pistorius", "2024-01-01", "DEU", "MIL"),
    ("Frank-Walter Steinmeier", "2008-01-01", "DEU", "GOV"),
    ("Annalena Baerbock", "2020-01-01", "DEU", None),
    # ITA
    ("Silvio Berlusconi", "2009-01-01", "ITA", "GOV"),
    ("Silvio Berlusconi", "2007-01-01", "ITA", None),
    ("Giorgia Meloni", "2023-05-01", "ITA", "GOV"),
    ("Guido Crosetto", "2023-05-01", "ITA", "MIL"),
    ("Sergio Mattarella", "2000-06-01", "ITA", "MIL"),
    # EU
    ("Federica Mogherini", "2016-01-01", "EU", "IGO"),
    ("Josep Borrell", "2022-03-01", "EU", "IGO"),
    ("Donald Tusk", "2017-01-01", "EU", "IGO"),
    ("Donald Tusk", "2024-06-01", "POL", "GOV"),
    # JPN
    ("Junichiro Koizumi", "2004-01-01", "JPN", "GOV"),
    ("Shinzo Abe", "2010-01-01", "JPN", None),
    ("Taro Kono", "2018-01-01", "JPN", "GOV"),
    ("Taro Kono", "2020-01-01", "JPN", "MIL"),
    ("Itsunori Onodera", "2017-09-15", "JPN", "MIL"),
    ("Gen Nakatani", "2025-01-01", "JPN", "MIL"),
    ("Sanae Takaichi", "2025-11-01", "JPN", "GOV"),
    # CHN
    ("Hu Jintao", "2008-08-08", "CHN", "GOV"),
    ("Wen Jiabao", "2010-01-01", "CHN", "GOV"),
    ("Wei Fenghe", "2019-06-01", "CHN", "MIL"),
    ("Qin Gang", "2023-03-01", "CHN", "GOV"),
    ("Li Shangfu", "2024-01-01", "CHN", None),
    ("Dong Jun", "2024-06-01", "CHN", "MIL"),
    # RUS
    ("Vladimir Putin", "2010-01-01", "RUS", "GOV"),
    ("Sergei Shoigu", "2015-01-01", "RUS", "MIL"),
    ("Sergei Shoigu", "2024-06-01", "RUS", "GOV"),
    ("Sergei Ivanov", "2005-01-01", "RUS", "MIL"),
    ("Andrei Belousov", "2025-01-01", "RUS", "MIL"),
    # IND
    ("Manmohan Singh", "2010-01-01", "IND", "GOV"),
    ("Manohar Parrikar", "2016-09-29", "IND", "MIL"),
    ("Rajnath Singh", "2020-06-15", "IND", "MIL"),
    ("S. Jaishankar", "2023-01-01", "IND", "GOV"),
    ("Atal Bihari Vajpayee", "2005-01-01", "IND", None),
    # KOR
    ("Kang Kyung-wha", "2018-01-01", "KOR", "GOV"),
    ("Song Young-moo", "2017-11-01", "KOR", "MIL"),
    ("Han Min-koo", "2016-01-01", "KOR", "MIL"),
    ("Park Geun-hye", "2018-01-01", "KOR", None),
    ("Han Duck-soo", "2025-01-10", "KOR", None),
    ("Choi Sang-mok", "2025-01-10", "KOR", "GOV"),
    # PRK
    ("Kim Jong-un", "2017-09-03", "PRK", "GOV"),
    ("Ri Yong-ho", "2017-09-20", "PRK", "GOV"),
    ("Choe Son-hui", "2023-01-01", "PRK", "GOV"),
    ("Kim Yong-nam", "2018-02-09", "PRK", "GOV"),
    # BRA
    ("Lula", "2005-01-01", "BRA", "GOV"),
    ("Lula", "2015-01-01", "BRA", None),
    ("Jair Bolsonaro", "2020-01-01", "BRA", "GOV"),
    ("Celso Amorim", "2012-01-01", "BRA", "MIL"),
    ("Raul Jungmann", "2017-01-01", "BRA", "MIL"),
    # ARG
    ("Cristina Fernández de Kirchner", "2010-01-01", "ARG", "GOV"),
    ("Mauricio Macri", "2017-01-01", "ARG", "GOV"),
    ("Javier Milei", "2024-03-01", "ARG", "GOV"),
    ("Oscar Aguad", "2018-06-01", "ARG", "MIL"),
    # MEX
    ("Felipe Calderón", "2009-01-01", "MEX", "GOV"),
    ("AMLO", "2020-01-01", "MEX", "GOV"),
    ("Salvador Cienfuegos", "2015-01-01", "MEX", "MIL"),
    ("Marcelo Ebrard", "2019-06-01", "MEX", "GOV"),
    # CAN
    ("Stephen Harper", "2010-01-01", "CAN", "GOV"),
    ("Chrystia Freeland", "2018-01-01", "CAN", "GOV"),
    ("Harjit Sajjan", "2018-01-01", "CAN", "MIL"),
    ("Anita Anand", "2022-06-01", "CAN", "MIL"),
    ("Anita Anand", "2025-08-01", "CAN", "GOV"),
    # AUS
    ("Kevin Rudd", "2011-01-01", "AUS", "GOV"),
    ("Kevin Rudd", "2012-06-01", "AUS", None),
    ("Julie Bishop", "2016-01-01", "AUS", "GOV"),
    ("Richard Marles", "2023-01-01", "AUS", "MIL"),
    ("Peter Dutton", "2023-01-01", "AUS", "OPP"),
    # IDN
    ("Jokowi", "2019-01-01", "IDN", "GOV"),
    ("Prabowo Subianto", "2021-01-01", "IDN", "MIL"),
    ("Prabowo", "2025-01-01", "IDN", "GOV"),
    ("Retno Marsudi", "2020-01-01", "IDN", "GOV"),
    # SAU
    ("Mohammed bin Salman", "2016-01-01", "SAU", "MIL"),
    ("Mohammed bin Salman", "2023-01-01", "SAU", "GOV"),
    ("Khalid bin Salman", "2023-01-01", "SAU", "MIL"),
    ("Adel al-Jubeir", "2017-01-01", "SAU", "GOV"),
    # ZAF
    ("Jacob Zuma", "2012-01-01", "ZAF", "GOV"),
    ("Jacob Zuma", "2020-01-01", "ZAF", None),
    ("Nkosazana Dlamini-Zuma", "2005-01-01", "ZAF", "GOV"),
    ("Cyril Ramaphosa", "2019-01-01", "ZAF", "GOV"),
    ("Nosiviwe Mapisa-Nqakula", "2015-01-01", "ZAF", "MIL"),
    # TUR
    ("Erdogan", "2010-01-01", "TUR", "GOV"),
    ("Ahmet Davutoğlu", "2015-01-01", "TUR", "GOV"),
    ("Hulusi Akar", "2020-01-01", "TUR", "MIL"),
    ("Abdullah Gül", "2010-01-01", "TUR", "GOV"),
    ("Binali Yildirim", "2020-01-01", "TUR", None),
]


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize("name, when, code, sector", CASES)
def test_role_on_date(actors: ActorDictionary, name: str, when: str, code: str,
                      sector: str | None) -> None:
    got = actors.person(name, D(when))
    assert got is not None, name
    assert (got.code, got.sector) == (code, sector)


def test_every_g20_member_and_prk_is_covered() -> None:
    codes = {code for _, _, code, _ in CASES}
    g20 = set("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA"
              .split())
    assert g20 | {"PRK", "EU"} <= codes


def test_in_a_sentence_the_title_does_not_override_the_date(actors: ActorDictionary) -> None:
    got = actors.resolve("Defense Minister Taro Kono", D("2020-03-01"))
    assert (got.code, got.sector) == ("JPN", "MIL")
    got = actors.resolve("former prime minister Tony Blair", D("2015-01-01"))
    assert got.code == "GBR"


def test_a_title_told_with_a_name_gives_a_role_the_table_does_not_cover(
        actors: ActorDictionary) -> None:
    # Susana Malcorra was Argentina's foreign minister until 2017; a later article that
    # calls her minister tells of a role the table does not know
    got = actors.resolve("Foreign Minister Susana Malcorra", D("2019-05-01"))
    assert (got.code, got.sector) == ("ARG", "GOV")
    assert actors.resolve("Malcorra", D("2019-05-01")).sector is None
    for former in ("former Foreign Minister Susana Malcorra", "ex-minister Susana Malcorra",
                   "Susana Malcorra, a former foreign minister"):
        assert actors.resolve(former, D("2019-05-01")).sector is None, former


def _rows() -> list[list[str]]:
    lines = [line for line in (DATA_DIR / "people.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def _table(name: str) -> list[list[str]]:
    lines = [line for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def test_rows_are_well_formed() -> None:
    rows = _rows()
    countries = {row[0] for row in _table("countries.tsv")}
    # an international body or a group with a code of its own (UNHCR, ISIS): an
    # organizations.tsv row without a country
    own_codes = {row[1] for row in _table("organizations.tsv")
                 if row[1] and not "".join(row[3:])}
    sectors = {row[0] for row in _table("sectors.tsv")}
    assert len(rows) >= 2000
    for row in rows:
        assert len(row) == 6, row
        name, code, sector, role, start, end = row
        assert name and role and code in countries | own_codes, row
        assert sector in sectors, row
        for cell in (start, end):
            assert not cell or D(cell), row
        assert not (start and end) or start < end, row


def test_each_person_repeats_the_same_name_variants() -> None:
    cells: dict[str, set[str]] = {}
    for row in _rows():
        cells.setdefault(row[0].split("|")[0], set()).add(row[0])
    assert all(len(variants) == 1 for variants in cells.values())


# Names the table's header forbids as a variant on their own: each is shared by many people,
# or is an English word.
AMBIGUOUS_SINGLE_NAMES = {"abbas", "khan", "sharif", "ali", "hassan", "mohammed", "mohamed",
                          "kim", "lee", "park", "wang", "store", "bennett", "sharon", "castro",
                          "sanchez", "sánchez", "rama", "saleh", "bashir", "aoun", "hariri",
                          "lasso", "talon", "estrada", "amano"}


def test_ambiguous_single_names_are_not_variants() -> None:
    variants = {v.lower() for row in _rows() for v in row[0].split("|")}
    assert not variants & AMBIGUOUS_SINGLE_NAMES


def test_one_persons_roles_under_different_codes_do_not_overlap() -> None:
    spans: dict[str, list[tuple[str, date, date]]] = {}
    for name, code, _, _, start, end in _rows():
        spans.setdefault(name.split("|")[0], []).append(
            (code, D(start) if start else date.min, D(end) if end else date.max))
    for person, roles in spans.items():
        for i, (code, start, end) in enumerate(roles):
            for other, other_start, other_end in roles[i + 1:]:
                if code != other:
                    assert end < other_start or other_end < start, (person, code, other)


def test_table_is_sorted_by_code_then_start() -> None:
    keys = [(row[1], row[4] or "0000-00-00") for row in _rows()]
    assert keys == sorted(keys)


def test_no_overlapping_terms_in_the_same_role() -> None:
    terms: dict[tuple[str, str, str], list[tuple[date, date]]] = {}
    for name, code, _, role, start, end in _rows():
        plain_role = re.sub(r"\s*\(.*?\)", "", role).strip()
        terms.setdefault((name.split("|")[0], code, plain_role), []).append(
            (D(start) if start else date.min, D(end) if end else date.max))
    for key, spans in terms.items():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert start > end, key


def test_no_name_variant_belongs_to_two_people() -> None:
    owner: dict[str, str] = {}
    for row in _rows():
        variants = row[0].split("|")
        for variant in variants:
            key = re.sub(r"[-\s.]+", " ", variant.lower())
            assert owner.setdefault(key, variants[0]) == variants[0], variant
