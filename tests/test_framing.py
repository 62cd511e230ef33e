"""Framing on sentences written for these tests: the loaded wording of political reporting,
the sense checks that keep plain uses out, and whose voice a word is in."""

from __future__ import annotations

import pytest

from sitrep.compare import Knowledge, KnowledgeError
from sitrep.compare.framing import framing_profile
from sitrep.compare.statements import statements
from sitrep.records import StoredArticle


def hits(text: str, knowledge: Knowledge | None = None):
    knowledge = knowledge or Knowledge.default()
    article = StoredArticle(id="a", text=text)
    return framing_profile("a", text, statements(article, knowledge), knowledge).hits


def found(text: str, term: str):
    return [h for h in hits(text) if h.term.lower() == term]


# -- the political classes -------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "term", "category"), [
    ("Critics called the mayor's allies a band of cronies in the county office.", "cronies",
     "derogatory"),
    ("The committee raided the highway trust fund to pay for the tax cut.", "raided",
     "seizure"),
    ("The measure was a power grab by the governor.", "power grab", "seizure"),
    ("The senator railed against the new tariff schedule on Tuesday.", "railed against",
     "bluster"),
    ("The governor scoffed at the auditors' report.", "scoffed", "bluster"),
    ("The mayor lashed out at the council after the vote.", "lashed out", "bluster"),
    ("The campaign's ads stoke fears about the pension system.", "stoke", "outrage"),
    ("The campaign's fear-mongering over the water rates drew complaints.", "fear-mongering",
     "outrage"),
    ("Every forecast of doom for the canal project proved wrong.", "doom", "outrage"),
    ("A default would be a catastrophe for the city's pensioners.", "catastrophe", "alarm"),
    ("The governor blasted the court's ruling on the district maps.", "blasted", "bluster"),
    ("Outside donors hijacked the school board race.", "hijacked", "seizure"),
    ("The council looted the parks budget to cover the shortfall.", "looted", "seizure"),
    ("The speaker took a swipe at his own party's leaders.", "took a swipe at", "attack"),
    ("The party's leaders caved after a week of pressure from donors.", "caved", "reversal"),
    ("The draconian rules would bar most applicants from the program.", "draconian",
     "intensifier"),
    ("The so-called reform would cut the agency's staff in half.", "so-called",
     "delegitimizing"),
    ("The radical proposal would end the state income tax.", "radical", "characterisation"),
])
def test_loaded_words_of_political_reporting(sentence, term, category):
    [hit] = found(sentence, term)
    assert hit.category == category and hit.stance == "loaded" and hit.voice == "own"


# -- sense checks ----------------------------------------------------------------------------

def test_routine_needs_an_activity_near():
    assert [h.category for h in found("The bombers made regular flights over the strait.",
                                      "regular")] == ["routine"]
    assert not found("The bill went through the regular appropriations process.", "regular")
    assert not found("Freight rail routinely carries coal across the state.", "routinely")


def test_curb_is_deterrence_only_of_an_activity():
    assert not found("The governor signed a bill to curb gun violence in cities.", "to curb")
    assert [h.category for h in found("The navy drills are meant to curb incursions.",
                                      "to curb")] == ["deterrence"]


def test_rail_is_bluster_only_as_railing_against():
    assert not [h for h in hits("The freight rail line reopened after the storm.")
                if h.category == "bluster"]
    assert found("He has railed at the board for months.", "railed at")


def test_words_after_a_term_can_show_its_plain_sense():
    assert not found("A delivery truck slammed into the gate of the depot.", "slammed")
    assert found("The governor slammed the budget deal as a giveaway.", "slammed")
    assert not found("Soldiers found an explosive device near the bridge.", "explosive")


def test_words_before_a_term_can_show_its_plain_sense():
    assert not found("Police raided a warehouse on the east side.", "raided")
    assert not found("Rioters looted two shops on Main Street.", "looted")
    assert not found("He was charged with sexual assault in March.", "assault")
    assert found("The plan is an assault on the middle class.", "assault")


def test_stems_stop_short_of_plain_words():
    # "demean*" would take "demeanor", "stealth*" the stealth bomber, "patroniz*" a shop's
    # customers: the lexicon lists the loaded forms only
    assert not found("The minister kept a calm demeanor through the hearing.", "demeanor")
    assert found("The senator said the ad was demeaning to veterans.", "demeaning")
    assert not [h for h in hits("Two stealth bombers flew over the base on Friday.")
                if h.category == "deceit"]
    assert found("The board stealthily rewrote the bylaws.", "stealthily")
    assert not [h for h in hits("Local families patronize the market every weekend.")
                if h.category == "bluster"]


def test_contempt_of_court_is_a_legal_term_not_a_temper():
    assert not found("The clerk was held in contempt of court for the missing files.",
                     "contempt")
    assert not found("The committee scheduled a contempt vote for Tuesday.", "contempt")
    assert found("The mayor made no secret of his contempt for the auditors.", "contempt")


def test_scrambling_jets_are_no_coercion():
    assert not found("Fighter jets scrambled to intercept the aircraft.", "scrambled")
    assert found("Party leaders scrambled to find the votes.", "scrambled")


def test_a_capitalised_term_inside_a_sentence_is_a_name():
    assert not found("The measure was written by Senator Rob Crane of Ohio.", "rob")
    assert found("Rob the savers and you lose the election.", "rob")


def test_a_context_must_name_a_known_category(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[calm]\nstance = "neutral"\ncontext = ["nowhere"]\nwindow = 3\n'
                   'terms = ["calm"]\n')
    with pytest.raises(KnowledgeError, match="nowhere"):
        Knowledge.load(framing_files=[bad])


def test_user_file_adds_sense_checks(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[bluster]\nnot_before = ["the table"]\n')
    knowledge = Knowledge.load(framing_files=[extra])
    assert not [h for h in hits("He slammed the table and left.", knowledge)
                if h.category == "bluster"]


# -- voice -----------------------------------------------------------------------------------

def test_the_outlets_description_of_a_speaker_stays_its_own():
    text = "The combative senator said the governor had raided the pension fund.\n"
    [combative] = found(text, "combative")
    [raided] = found(text, "raided")
    assert combative.voice == "own" and combative.source is None
    assert raided.voice == "attributed" and raided.source == "combative senator"


def test_an_appositive_after_the_content_stays_the_outlets_own():
    text = "The governor raided the pension fund, the fiery treasurer said on Monday.\n"
    [fiery] = found(text, "fiery")
    [raided] = found(text, "raided")
    assert fiery.voice == "own"
    assert raided.voice == "attributed" and raided.source == "fiery treasurer"


def test_words_in_quotation_marks_are_the_sources():
    text = "\"It is a shameful raid on savers,\" the senator said.\n"
    [shameful] = found(text, "shameful")
    assert shameful.voice == "quoted" and shameful.source == "senator"


def test_a_verb_of_a_thing_done_reports_no_words():
    done = found("The governor announced a plan to seize the reserve fund.\n", "seize")
    said = found("The governor announced that lawmakers would seize the reserve fund.\n",
                 "seize")
    assert [h.voice for h in done] == ["own"]
    assert [h.voice for h in said] == ["attributed"]


def test_a_manner_of_speaking_is_the_reporters_word_but_not_inside_quotes():
    [own] = found("The minister scoffed at the report, aides said.\n", "scoffed")
    assert own.voice == "own"
    [quoted] = found("\"They just scoffed at us,\" the union leader said.\n", "scoffed")
    assert quoted.voice == "quoted"


def test_no_word_belongs_to_two_categories():
    knowledge = Knowledge.default()
    for category in knowledge.framing:
        for term in category.terms:
            word = term.rstrip("*")
            others = [c.name for c in knowledge.framing
                      if c is not category and c.pattern.fullmatch(word)]
            assert not others, f"{term!r} of {category.name} is also {others}"


def test_a_clause_reported_without_a_named_source_is_not_the_outlets_own():
    [betrayed] = found("The mayor disputed that the council had betrayed the voters.\n",
                       "betrayed")
    [bitterly] = found("The governor sought a compromise, saying some residents bitterly "
                       "oppose the plan.\n", "bitterly")
    assert betrayed.voice == "attributed" and bitterly.voice == "attributed"
    # the verb that reports it stays the outlet's choice; an unreported clause its words
    assert [h.voice for h in found("The mayor insisted that the fund was safe.\n",
                                   "insisted")] == ["own"]
    assert [h.voice for h in found("The council raided the fund to pay for the stadium.\n",
                                   "raided")] == ["own"]


@pytest.mark.parametrize(("sentence", "term"), [
    ("Opponents described the measure as a power grab by the governor.", "power grab"),
    ("Critics have described the treasurer as gaffe-prone and said he raised too little.",
     "gaffe-prone"),
    ("The tax breaks are seen by many council members as giveaways to developers.",
     "giveaways"),
    ("Ruiz repeated her characterization of the mayor as a bully.", "bully"),
    ("The senator accused the board of stonewalling the auditors.", "stonewalling"),
    ("The columnist criticized the governor for caving on the budget.", "caving"),
])
def test_a_framing_verbs_object_is_in_its_subjects_words(sentence, term):
    [hit] = found(sentence, term)
    assert hit.voice == "attributed"


def test_framed_words_end_with_their_clause_and_the_framing_verb_stays_own():
    text = ("Critics described the plan as reckless, but the mayor's sweeping reforms "
            "passed.\n")
    assert [h.voice for h in found(text, "reckless")] == ["attributed"]
    assert [h.voice for h in found(text, "sweeping")] == ["own"]
    text = "Aides accused the clerk of the theft, which was a brazen scheme.\n"
    assert [h.voice for h in found(text, "brazen")] == ["own"]
    [slammed] = found("The senator slammed the board for caving.\n", "slammed")
    assert slammed.voice == "own"


def test_a_further_clause_after_the_speakers_name_is_the_speakers():
    text = ("\"We are tired of waiting,\" said Ana Ruiz, a candidate for the council, who "
            "said voters at a meeting were furious about the fees.\n")
    [furious] = found(text, "furious")
    assert furious.voice == "attributed"
    [fiery] = found("\"We are tired,\" said the fiery treasurer on Monday.\n", "fiery")
    assert fiery.voice == "own"


@pytest.mark.parametrize(("sentence", "term"), [
    ("When the speech ended, the crowd applauded for a full minute.", "applauded"),
    ("Aides stood at the back of the hall and applauded him as he left.", "applauded"),
    ("The recording shows the coach bragging about assaulting women.", "assaulting"),
    ("The storm caused catastrophic flooding along the coast.", "catastrophic"),
    ("The candidate spent the week courting voters in the mill towns.", "courting"),
    ("The hackers used a fake login page to steal the emails of party staff.", "steal"),
    ("Lying to Congress is a felony.", "lying"),
    ("After the war the republic asserted itself in the region.", "asserted"),
    ("The federal court asserted jurisdiction over the port.", "asserted"),
])
def test_literal_senses_are_no_loaded_wording(sentence, term):
    assert not found(sentence, term)


@pytest.mark.parametrize(("sentence", "term"), [
    ("Unions applauded the governor's reversal on pensions.", "applauded"),
    ("The bill is an assault on the freedom of the press.", "assault"),
    ("The tariff would be catastrophic for growers.", "catastrophic"),
    ("The senator has been courting the union's leaders for a year.", "courting"),
    ("The council tried to steal the election.", "steal"),
    ("The mayor was lying about the audit.", "lying"),
])
def test_the_loaded_senses_stay(sentence, term):
    assert found(sentence, term)
