"""Real-news behaviour on short articles written for these tests: one event per act,
parties resolved through the discourse, speech acts, claims and modality scope."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import pipeline
from sitrep.records import Article


@pytest.fixture(scope="module")
def code():
    def run(text: str, title: str | None = None,
            published: date | None = date(2022, 3, 10)) -> list[dict]:
        article = Article(text=text, title=title, outlet="Test Wire", published=published)
        (processed,) = list(pipeline([article]))
        return [e.to_record() for e in processed.events]

    return run


def of_type(events: list[dict], event_type: str) -> list[dict]:
    return [e for e in events if e["plover_type"] == event_type]


def one(events: list[dict], event_type: str) -> dict:
    found = of_type(events, event_type)
    assert len(found) == 1, (f"expected one {event_type} event, got "
                             f"{[(e['plover_type'], e['trigger']['text']) for e in events]}")
    return found[0]


# --- one event per act --------------------------------------------------------------------

ATTACK = (
    "Gunmen attacked a police station in the Peruvian town of Ayacucho on Monday, killing "
    "three officers. The attack lasted two hours, the regional governor said.\n\n"
    "Residents said the attackers fled into the hills after the shooting. Two more officers "
    "were wounded.\n\n"
    "Interior Minister Rosa Quispe called the attack cowardly."
)


def test_the_later_nouns_of_an_act_are_mentions_of_it(code):
    events = code(ATTACK, title="Gunmen attack police station in Peru")
    attack = one(events, "ASSAULT")
    headline, *told = attack["mentions"]
    assert headline["headline"] and headline["evidence"] is None  # the title's "attack"
    mentions = [m["trigger"]["text"] for m in told]
    assert mentions[0] == "attacked" and len(mentions) >= 3
    assert attack["event_date"] == "2022-03-07"
    assert attack["location"]["country"] == "PER"
    # the record describes its best mention: evidence inside that mention's sentence
    assert attack["sentence"] == told[0]["sentence"]


def test_acts_on_other_days_or_announced_as_other_stay_apart(code):
    events = code("Rebels shelled the city of Goma on Monday. Rebels shelled the city again "
                  "on Thursday.\n\nAnother attack hit the border town of Bunagana, officials "
                  "said.")
    assert len(of_type(events, "ASSAULT")) == 3


def test_verbs_joined_on_one_doer_and_patient_are_one_act(code):
    detention = code("The opposition leader was arrested and jailed in Bamako last week.")
    arrest = one(detention, "COERCE")
    assert "opposition leader" in arrest["recipient"]["text"]
    assert len(arrest["mentions"]) == 2
    shared_object = code("Police arrested and detained the activist in Lagos on Monday.")
    assert len(one(shared_object, "COERCE")["mentions"]) == 2
    march = code("Thousands of workers marched through Paris on Sunday, protesting the new "
                 "pension law.")
    assert len(one(march, "PROTEST")["mentions"]) == 2


def test_the_noun_a_verb_declared_names_that_act_later(code):
    events = code("On Friday, the Peruvian president declared a state of emergency in Lima. "
                  "Critics say the president's state of emergency lets police detain people "
                  "without charge.")
    declared = [e for e in events if e["trigger"]["text"] in ("declared", "state")]
    assert len(declared) == 1 and len(declared[0]["mentions"]) == 2


def test_one_persons_deed_told_again_in_other_words_is_one_act(code):
    # "resigned" ... "stepped down": one resignation; the surname with an apposition
    # ("Ruiz, 54") is still the person named in full
    events = code("Peruvian Interior Minister Ana Ruiz resigned on Monday amid a corruption "
                  "inquiry. Ruiz, 54, stepped down after weeks of protests in Lima, her "
                  "spokesman said.")
    assert len(of_type(events, "RETREAT")) == 1


@pytest.mark.parametrize("text", [
    "Peruvian Interior Minister Ana Ruiz visited Chile on Monday. On Friday, Ruiz visited "
    "Bolivia.",
    "Peruvian Interior Minister Ana Ruiz resigned from the cabinet on Monday. In 2015, Ruiz "
    "had resigned from the Senate.",
])
def test_one_persons_deeds_of_one_kind_with_other_parties_or_days_stay_apart(code, text):
    assert len(code(text)) == 2


def test_a_noun_told_before_its_verb_is_the_same_act(code):
    events = code("Critics say the Peruvian president's curfew lets police detain people "
                  "without charge. Many shops closed early. On Friday, the Peruvian president "
                  "declared a curfew in Lima.")
    curfew = [e for e in events if e["trigger"]["text"] in ("declared", "curfew")]
    assert len(curfew) == 1 and len(curfew[0]["mentions"]) == 2


def test_a_verb_of_a_general_word_for_the_act_retells_it(code):
    # "protests" ... "marched", "a raid" ... "attacked": words that can name any act of
    # the type, as verbs too
    protest = code("Kenyan teachers staged protests in Nairobi on Monday over unpaid wages. "
                   "Schools were closed across the country. Police said the teachers marched "
                   "to parliament.")
    assert len(one(protest, "PROTEST")["mentions"]) == 2
    raid = code("Ugandan rebels carried out a raid on a border post in Kenya on Friday. Kenyan "
                "officials said the rebels attacked the post at dawn.")
    assert len(one(raid, "ASSAULT")["mentions"]) == 2


def test_the_warning_after_a_threat_retells_it(code):
    events = code("Iran threatened on Sunday to expel the French ambassador over the arrest of "
                  "an Iranian diplomat in Paris.\n\nThe warning came as European ministers "
                  "met in Brussels to discuss new measures.")
    threat = one(events, "THREATEN")
    assert len(threat["mentions"]) == 2
    # the to-infinitive, parsed as an adverbial after "on Sunday", says whom it is aimed at
    assert threat["recipient"]["code"] == "FRA"


@pytest.mark.parametrize("text", [
    "Every Kenyan farmer must look after his own land, the economist said. Ugandan President "
    "Yoweri Museveni met farm leaders on Monday, calling on them to grow more maize.",
    "Kenyan lawmakers say the new charter must protect minorities. European governments have "
    "repeatedly called for a broad coalition in Nairobi.",
])
def test_words_of_another_speaker_are_another_act(code, text):
    # a verb of a general word for demands, in the next sentence, by someone else
    assert len(of_type(code(text), "REQUEST")) == 2


def test_a_verb_retelling_what_was_done_with_the_same_thing_is_the_same_act(code):
    events = code("Two Brazilian unions filed a lawsuit against the mining decree on Monday. "
                  "The unions say the decree breaks the law. Their lawyers spoke to reporters. "
                  "The lawsuit was filed in a federal court in Brasilia.")
    lawsuit = one(events, "ACCUSE")
    assert len(lawsuit["mentions"]) == 2 and lawsuit["actor"]["code"] == "BRA"


def test_an_act_done_to_other_parties_is_another_act(code):
    events = code("The Chilean senate impeached the interior minister on Tuesday. The senate "
                  "has only impeached two other ministers.")
    assert len(of_type(events, "ACCUSE")) == 2
    arrests = code("Police in Nairobi arrested a Kenyan journalist on Monday. Police also "
                   "arrested another journalist.")
    assert len(of_type(arrests, "COERCE")) == 2


def test_casualties_in_the_attack_told_later_are_its_details(code):
    # far from the attack, and of another nationality than its place, but "in the attack"
    events = code("Gunmen attacked a market in the Nigerian city of Kano on Saturday. The "
                  "governor visited the city on Sunday. Schools were closed. Markets were "
                  "shut. Traders left the city. The army deployed troops. Roads were blocked. "
                  "According to the Niger government, four Nigerien traders were killed in "
                  "the attack.")
    attack = one(events, "ASSAULT")
    assert [m["trigger"]["text"] for m in attack["mentions"]] == ["attacked", "killed"]
    assert attack["actor"]["text"] == "Gunmen"


def test_a_statement_no_one_makes_is_no_event(code):
    assert not code("The inquiry into the Kenyan minister grew out of allegations of fraud "
                    "in a leaked audit.")
    assert not code("Not everyone agreed with the Kenyan plan to raise taxes.")
    # a passive verb says someone did it, unnamed
    accused = one(code("The Kenyan minister was accused of fraud on Monday."), "ACCUSE")
    assert accused["actor"] is None and "minister" in accused["recipient"]["text"]


def test_joined_verbs_with_objects_of_their_own_stay_two_acts(code):
    events = code("Police arrested five protesters in Lagos and detained two journalists "
                  "in Abuja on Monday. Rebels attacked the town and shelled the airport.")
    assert len(of_type(events, "COERCE")) == 2
    assert len(of_type(events, "ASSAULT")) == 2
    demands = code("China urged restraint from all sides and called for talks.")
    assert len(of_type(demands, "REQUEST")) == 2


def test_a_participle_joined_to_a_passive_verb_is_passive_too(code):
    # the reporter was beaten, by the soldiers who arrested him: no beating by the reporter
    beaten = one(code("The reporter was arrested by soldiers and beaten in a cell."), "ASSAULT")
    assert beaten["actor"]["text"] == "soldiers"
    assert "reporter" in beaten["recipient"]["text"]
    tortured = one(code("The student was detained in 2001 and was tortured until 2003."),
                   "ASSAULT")
    assert "student" in tortured["recipient"]["text"]
    assert "student" not in (tortured["actor"] or {}).get("text", "")


def test_event_ids_are_stable_and_unique(code):
    first = code(ATTACK)
    second = code(ATTACK)
    assert [e["id"] for e in first] == [e["id"] for e in second]
    assert len({e["id"] for e in first}) == len(first)


def test_two_speakers_are_two_acts_one_speaker_one(code):
    events = code(
        "Opposition leader Carlos Vega condemned the decree on Tuesday. \"It is a shameful "
        "attack on our freedoms,\" Vega said. \"The government must withdraw it.\"\n\n"
        "Senator Ana Ruiz also criticized the decree.")
    accusations = of_type(events, "ACCUSE")
    speakers = sorted(e["actor"]["text"] for e in accusations)
    assert len(accusations) == 2, speakers
    assert any("Vega" in s for s in speakers) and any("Ruiz" in s for s in speakers)


# --- parties from the discourse ------------------------------------------------------------

def test_surname_and_pronoun_resolve_to_the_person_named_in_full(code):
    events = code(
        "Brazilian Foreign Minister Paulo Andrade arrived in Lisbon on Monday for talks. "
        "Andrade praised the Portuguese government for its support.\n\n"
        "Later he criticized the European Union over its trade rules.")
    assert one(events, "SUPPORT")["actor"]["code"] == "BRA"
    assert one(events, "ACCUSE")["actor"]["code"] == "BRA"


def test_local_institutions_take_the_country_where_they_act(code):
    events = code(
        "Police in Nairobi arrested twelve protesters on Friday. Prosecutors charged them "
        "with unlawful assembly. The court will hear the case next month.",
        title="Kenyan police arrest protesters in Nairobi")
    assert one(events, "COERCE")["actor"]["code"] == "KEN"
    assert one(events, "ACCUSE")["actor"]["code"] == "KEN"


def test_a_state_act_told_without_its_doer_is_the_authorities(code):
    events = code(
        "Two journalists were arrested in Minsk on Sunday, their newspaper said. Belarus "
        "has detained dozens of reporters this year, rights groups say. The editor called "
        "the arrests an outrage.")
    arrest = of_type(events, "COERCE")[0]
    assert arrest["actor"]["code"] == "BLR" and arrest["actor"].get("implied") is True
    assert arrest["actor"]["span"] is None  # nothing in the text to highlight


def test_the_unnamed_sides_of_a_clash_are_parties_of_the_place_an_attack_keeps_none(code):
    events = code("Clashes broke out in the Peruvian city of Arequipa on Monday. Two people "
                  "were taken to hospital.")
    clash = one(events, "ASSAULT")
    assert clash["actor"]["code"] == "PER" and clash["actor"]["implied"]
    bombing = one(code("A bomb killed two people in the Peruvian city of Arequipa on Monday."),
                  "ASSAULT")
    assert bombing["actor"] is None


def test_a_state_is_not_the_doer_of_an_act_against_itself(code):
    events = code(
        "ANKARA — Turkey's foreign minister on Tuesday rejected new demands from Washington.\n\n"
        "The lira could fall further if Turkey is sanctioned by the end of the year.\n\n"
        "Separately, a Turkish journalist was arrested in Istanbul on Monday.")
    sanction = of_type(events, "SANCTION")[0]
    assert sanction["recipient"]["code"] == "TUR"
    assert (sanction["actor"] or {}).get("code") != "TUR"  # someone else's sanctions
    arrest = of_type(events, "COERCE")[0]
    assert arrest["actor"]["code"] == "TUR" and arrest["actor"].get("implied") is True


def test_measures_told_as_aimed_at_a_state_are_not_its_own(code):
    # the sanctions the article tells as aimed at Turkey are some other state's, unnamed,
    # wherever the text leaves out their doer
    events = code(
        "ANKARA — Turkey on Monday tested parts of its new air-defense system, local media "
        "reported.\n\nU.S. lawmakers have long pressed for sanctions against Turkey over the "
        "purchase. An American official said sanctions could follow if Ankara switched the "
        "system on.\n\nWashington so far has held back, saying sanctions would be imposed "
        "only if the radars went live.\n\nSeparately, police detained two journalists in "
        "Istanbul on Tuesday. A third was arrested on Wednesday.")
    sanctions = [e for e in events if e["event_type"] == "SANCTION"]
    assert len(sanctions) >= 2
    assert all((e["actor"] or {}).get("code") != "TUR" for e in sanctions)
    assert all(e["recipient"]["code"] == "TUR" for e in sanctions)
    arrest = of_type(events, "COERCE")[-1]
    assert arrest["actor"]["code"] == "TUR" and arrest["actor"].get("implied") is True
    # a state told as imposing them keeps its implied doing of the doerless ones
    own = code(
        "WASHINGTON — The United States on Monday imposed sanctions on two Iranian oil "
        "firms.\n\nOfficials said the firms had shipped fuel to Syria in breach of earlier "
        "rules.\n\nNew sanctions were announced on Tuesday, the Treasury said.")
    announced = of_type(own, "SANCTION")[-1]
    assert announced["actor"]["code"] == "USA" and announced["actor"].get("implied") is True


@pytest.mark.parametrize(("text", "name", "code_"), [
    # the parse stops the phrase at the name's preposition or infinitive
    ("Reporters Without Borders welcomed the court's decision on Friday.",
     "Reporters Without Borders", "RSF"),
    ("The press freedom group Reporters Without Borders praised the ruling.",
     "The press freedom group Reporters Without Borders", "RSF"),
    ("The Committee to Protect Journalists criticized the verdict against the editor.",
     "The Committee to Protect Journalists", "CPJ"),
])
def test_a_known_name_cut_by_the_parse_is_read_whole(code, text, name, code_):
    actor = code(text)[0]["actor"]
    assert actor["text"] == name and actor["code"] == code_
    assert actor["span"]["end"] - actor["span"]["start"] == len(name)


def test_a_rejected_resolution_stands_for_whoever_put_it_forward(code):
    events = code(
        "On Tuesday, the Canadian parliament voted to urge an inquiry into the Ghanaian "
        "election. Ghana's government rejected the resolution on Wednesday.")
    assert one(events, "REJECT")["recipient"]["code"] == "CAN"
    adopted = code("Canada criticized Ghana on Monday. Ghana's parliament rejected a "
                   "resolution on Wednesday.")
    assert (one(adopted, "REJECT")["recipient"] or {}).get("code") != "CAN"


def test_an_act_from_abroad_has_no_local_doer(code):
    events = code(
        "NAIROBI — Several senior Kenyan officials remain under international sanctions, and "
        "their assets are frozen abroad.\n\nPolice in Nairobi detained two journalists on "
        "Monday. A third reporter was arrested in Mombasa on Tuesday.")
    sanction = of_type(events, "SANCTION")[0]
    assert (sanction["actor"] or {}).get("code") != "KEN"
    arrest = of_type(events, "COERCE")[-1]
    assert arrest["actor"]["code"] == "KEN" and arrest["actor"].get("implied") is True


def test_people_from_a_named_body_are_that_bodys(code):
    events = code("Senior diplomats from the Group of Seven urged Iran on Friday to resume "
                  "talks with inspectors.")
    assert one(events, "REQUEST")["actor"]["code"] == "G7"


@pytest.mark.parametrize("text, expected", [
    ("A spokeswoman for Hamas denied on Sunday that its fighters had fired the rockets.",
     ("PSE", "REB")),
    ("An official with the European Union criticised the seizure of the tanker.",
     ("EU", "IGO")),
    ("A spokesperson for US Forces Korea denied that bombers had joined the drills.",
     ("USA", "MIL")),
    ("Lawmakers from Chile criticised the seizure of the tanker.", ("CHL", "LEG")),
])
def test_people_serving_a_named_body_are_that_bodys(code, text, expected):
    (event,) = [e for e in code(text) if e["actor"]
                and e["actor"]["text"].split()[0] in ("A", "An", "Lawmakers")]
    assert (event["actor"]["code"], event["actor"]["sector"]) == expected


def test_people_with_a_thing_of_a_country_do_not_serve_it(code):
    # "with" serves a body only with its name: passports are no body
    events = code("Gunmen with Russian passports attacked a border post in Moldova on Sunday.")
    assert (one(events, "ASSAULT")["actor"] or {}).get("code") != "RUS"


def test_a_pronoun_subject_is_not_the_party_named_as_its_object(code):
    events = code("Canada said on Monday that Chinese warships had sailed near Taiwan.\n\n"
                  "They called on China to stop the drills.")
    demand = [e for e in events if e["event_type"] == "REQUEST"][-1]
    assert demand["recipient"]["code"] == "CHN"
    assert demand["actor"]["code"] != "CHN"


@pytest.mark.parametrize("text, event_type, role, expected", [
    # the subject told last, though its act was done to it, not the last doer
    ("Kenya ordered the closure of two refugee camps on Tuesday. The government accused "
     "Somalia of meddling. The World Food Programme received $40 million from donors last "
     "year. This year it has received only $12 million, a spokesman said.",
     "AID", "recipient", "WFP"),
    ("Kenya expelled two Somali diplomats on Monday. The Somali embassy in Nairobi was "
     "stormed by protesters on Tuesday. It condemned the attack.", "ACCUSE", "actor", "SOM"),
])
def test_a_subject_pronoun_carries_on_the_subject_an_act_was_done_to(
        code, text, event_type, role, expected):
    event = [e for e in code(text) if e["event_type"] == event_type][-1]
    assert event[role]["code"] == expected


@pytest.mark.parametrize("text, event_type, expected", [
    # the subject told just before it in its sentence, not the last party to act
    ("Serbia's government banned a planned march on Monday. Kosovo Albanians chanted "
     "slogans as they protested outside the courthouse in Mitrovica on Tuesday.",
     "PROTEST", "XKX"),
    ("The Ugandan government said it would close the Kiryandongo camp by June. Officials "
     "blamed a funding shortfall. The World Food Programme said it was ready to help "
     "Uganda's government in feeding the refugees.", "AID", "WFP"),
    # a plural by its verb ("are"), told in the clause before
    ("Washington urged the Taliban on Monday to free two American hostages. If the Taliban "
     "are serious about peace, they must stop attacking civilians.", "ASSAULT", "AFG"),
])
def test_a_pronoun_subject_is_the_subject_told_before_it_in_its_sentence(
        code, text, event_type, expected):
    event = [e for e in code(text) if e["event_type"] == event_type][0]
    assert event["actor"]["code"] == expected


def test_the_country_named_with_what_was_given_gave_it(code):
    events = code("Malaysia's former premier rarely faulted Beijing and gladly "
                  "accepted Chinese funding for two railways. Last year the port authority "
                  "received $2 billion in Japanese loans.")
    gifts = [e for e in events if e["event_type"] == "AID"]
    assert [e["actor"]["code"] for e in gifts] == ["CHN", "JPN"]
    assert gifts[0]["recipient"]["code"] == "MYS"
    # a country behind "from" on the aid's noun, or on the verb it is the object of, gave it
    sought = code("Sri Lanka's new government hopes to win more aid from Beijing this year.")
    aid = [e for e in sought if e["event_type"] == "AID"][0]
    assert aid["actor"]["code"] == "CHN"
    assert (aid["recipient"] or {}).get("text") != "Beijing"


def test_it_does_not_stand_for_people_told_as_many(code):
    events = code("Chile's Senate criticised Bolivia's new tariffs on Monday. Bolivian truckers "
                  "blocked the Chungara border crossing on Tuesday. It condemned the blockade "
                  "on Wednesday.")
    condemnation = [e for e in events if e["event_type"] == "ACCUSE"][-1]
    assert condemnation["actor"]["code"] == "CHL"  # the Senate, not the truckers


def test_his_after_an_official_named_by_title_only_is_that_officials(code):
    events = code("The Peruvian opposition leader said on Monday that his party would "
                  "boycott the vote and urged voters to stay at home.")
    assert all(e["actor"]["code"] == "PER" for e in events)
    assert any(e["actor"]["text"] == "his party" for e in events)


def test_a_pronoun_subject_may_be_of_the_country_of_a_person_named_as_its_object(code):
    # one person is no "they": the farmers of the president's country still are
    events = code("Hundreds of farmers blocked highways in northern Chile on Monday. On "
                  "Tuesday they demanded talks with President Gabriel Boric.")
    assert one(events, "REQUEST")["actor"]["code"] == "CHL"


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Russia-Ukraine talks resumed in Istanbul on Monday.", "RUS", "UKR"),
    ("U.S.-Ukraine talks in Jeddah went on for nine hours.", "USA", "UKR"),
])
def test_two_parties_joined_by_a_hyphen_before_an_act_are_its_parties(code, text, actor,
                                                                       recipient):
    talks = one(code(text), "CONSULT")
    assert (talks["actor"]["code"], talks["recipient"]["code"]) == (actor, recipient)


def test_a_hyphened_name_of_one_country_is_no_pair(code):
    talks = one(code("Guinea-Bissau talks with the IMF resumed on Monday."), "CONSULT")
    assert (talks["actor"] or {}).get("code") != "GIN"


def test_talks_that_ended_were_ended_by_no_one(code):
    assert not of_type(code("The talks in Geneva ended on Tuesday without a deal."),
                       "SANCTION")


@pytest.mark.parametrize(("text", "actor"), [
    ("An Al-Shabaab attack on Monday killed nine soldiers near the border.", "SOM"),
    ("A Houthi drone strike hit a tanker in the Red Sea on Monday.", "YEM"),
])
def test_a_known_group_named_before_the_act_is_its_doer(code, text, actor):
    attack = one(code(text), "ASSAULT")
    assert (attack["actor"]["code"], attack["actor"]["sector"]) == (actor, "REB")


def test_a_city_named_before_the_act_is_no_doer(code):
    attack = one(code("The Kabul attack killed nine people on Monday."), "ASSAULT")
    assert (attack["actor"] or {}).get("code") is None


def test_a_definite_description_is_the_last_party_with_its_head_noun(code):
    events = code(
        "Fighters of the Sudanese army shelled a village near El Fasher on Monday.\n\n"
        "Meanwhile, Chadian soldiers arrested two smugglers at the border.\n\n"
        "The fighters also looted a market, residents said.")
    looting = [e for e in events if "looted" in e["sentence"]][0]
    assert looting["actor"]["code"] == "SDN"


def test_a_title_naming_an_office_takes_the_country_of_that_office_named_before(code):
    events = code(
        "ISLAMABAD — Pakistan's army said on Tuesday that gunmen had crossed from Afghanistan."
        "\n\nAfghanistan's foreign ministry rejected the claim on Wednesday.\n\n"
        "Foreign ministry spokesman Jalal Rahimi urged Pakistan to stop blaming its "
        "neighbours.")
    demand = [e for e in events if e["event_type"] == "REQUEST"][-1]
    assert demand["actor"]["code"] == "AFG"


def test_an_impeachment_told_without_its_doer_is_the_states(code):
    events = code(
        "The Peruvian president was impeached in Lima on Monday, local media said. Peru has "
        "removed two presidents this decade, analysts say. The opposition called the vote a "
        "farce.")
    impeachment = [e for e in events if e["trigger"]["text"] == "impeached"]
    assert impeachment and impeachment[0]["actor"]["code"] == "PER"
    assert impeachment[0]["actor"].get("implied") is True


def test_an_investigation_named_in_passing_is_no_act(code):
    opened = code("Kenyan police opened an investigation into the killing in Nairobi on "
                  "Monday.")
    assert [e for e in opened if e["event_type"] == "ACCUSE"]
    for text in ("According to sources close to the investigation, the suspect had "
                 "travelled to Uganda.",
                 "The minister was accused of meddling, and critics said he interfered with "
                 "an inquiry into the company."):
        assert not [e for e in code(text) if e["trigger"]["text"] in ("investigation",
                                                                       "inquiry")]


def test_no_setting_from_one_sentence(code):
    events = code("Chad promised to send police officers to help secure the border.")
    event = one(events, "AGREE")
    assert (event["recipient"] or {}).get("code") is None


def test_a_foreign_actor_gets_no_recipient_from_the_setting(code):
    events = code(
        "Protesters marched through Quito on Saturday against fuel prices. Police fired tear "
        "gas at the crowd.\n\nThe United States called for calm.",
        title="Ecuador fuel protests")
    request = one(events, "REQUEST")
    assert request["actor"]["code"] == "USA"
    assert (request["recipient"] or {}).get("code") != "ECU"


# --- speech acts ---------------------------------------------------------------------------

def test_a_quoted_judgement_is_the_speakers_accusation(code):
    events = code('"The minister has betrayed the voters," opposition leader Marta Silva said '
                  "on Wednesday.", title="Portugal: opposition attacks minister")
    accusation = one(events, "ACCUSE")
    assert "Silva" in accusation["actor"]["text"]
    assert "minister" in accusation["recipient"]["text"]
    assert accusation["event_date"] == "2022-03-09"


def test_calling_an_act_a_crime_is_an_accusation_of_whoever_did_it(code):
    events = code("Militants bombed a market in Kano on Monday. The governor called the "
                  "bombing an act of savagery.")
    accusation = [e for e in of_type(events, "ACCUSE") if e["trigger"]["text"] == "called"]
    assert accusation and "governor" in accusation[0]["actor"]["text"]
    # the bombing's doer is not the one who judged it
    assert "governor" not in (one(events, "ASSAULT")["actor"] or {}).get("text", "")


def test_blame_and_allegation_are_charges_against_the_party_named(code):
    events = code("The army attributed the ambush to separatist rebels. A local official "
                  "claimed soldiers had burned several villages.")
    targets = sorted(e["recipient"]["text"] for e in of_type(events, "ACCUSE") if e["recipient"])
    assert any("rebels" in t for t in targets) and any("soldiers" in t for t in targets)
    burned = [e for e in events if e["trigger"]["text"] == "burned"]
    assert burned and burned[0]["modality"] == "claimed"


def test_sympathy_and_praise_are_support(code):
    events = code('President Ana Torres wrote: "Our thoughts and prayers are with the victims '
                  'and their families."')
    assert "Torres" in one(events, "SUPPORT")["actor"]["text"]


@pytest.mark.parametrize("text, target", [
    ('Ghana\'s president said, "Any attempt to divide this nation will not be tolerated."', None),
    ('"We will hunt down those responsible," the army chief said.', "those responsible"),
    ("The interior minister said the government would punish anyone who joined the riots.",
     "anyone"),
    ('The prosecutor said: "People who commit such crimes cannot hide from the law."', None),
    ("The minister said the rebels would pay a heavy price.", "rebels"),
    # whoever must meet the condition; the "it" that would act is the speaker
    ("The Serbian president said it would retaliate if Kosovo joined the alliance.",
     "Kosovo"),
])
def test_a_warning_of_coercion_is_a_threat(code, text, target):
    threats = [e for e in code(text) if e["plover_type"] == "THREATEN"]
    assert threats and threats[0]["actor"]["text"].endswith(("president", "chief", "minister",
                                                              "prosecutor"))
    if target:
        assert target in threats[0]["recipient"]["text"]


@pytest.mark.parametrize("text", [
    "He said he could not hide his disappointment with the result.",
    "The union said it will pursue talks with the employers next month.",
    '"We will not be punished for telling the truth," the journalists said.',
    "The minister said the rebels had been punished in the past.",
])
def test_no_threat_without_a_future_coercion_of_others(code, text):
    assert not [e for e in code(text) if e["plover_type"] == "THREATEN"]


@pytest.mark.parametrize("text, event_type", [
    ("The Kenyan ministry issued a statement saying the attack was cowardly.", "ACCUSE"),
    ('The opposition released a letter which read: "This ruling is a disgrace."', "ACCUSE"),
    ("The union's statement said the strikers must return to work.", "REQUEST"),
])
def test_a_statement_speaks_for_whoever_issued_it(code, text, event_type):
    acts = [e for e in code(text) if e["plover_type"] == event_type]
    assert acts and any(word in acts[0]["actor"]["text"]
                        for word in ("ministry", "opposition", "union"))


def test_an_obligation_describing_a_noun_is_no_demand(code):
    demand = code("The Chilean minister said mining companies should pay more tax.")
    assert [e for e in demand if e["plover_type"] == "REQUEST"]
    described = code("The Chilean minister said the role that mining companies should play "
                     "in the economy was unclear.")
    assert not [e for e in described if e["plover_type"] == "REQUEST"]


def test_a_neutral_quote_is_no_speech_act(code):
    events = code('"The talks will continue on Thursday in Geneva," the spokesman said.')
    assert not [e for e in events if e["plover_type"] in ("ACCUSE", "SUPPORT", "REJECT")]


# --- claims and modality scope -------------------------------------------------------------

def test_a_quoted_account_of_others_is_claimed_the_speakers_own_act_is_not(code):
    events = code('The governor said: "The rebels attacked two villages last night. We will '
                  'send troops to protect them."')
    assault = one(events, "ASSAULT")
    assert assault["modality"] == "claimed"
    assert assault["attributed_to"] is not None
    sending = [e for e in events if e["trigger"]["text"] == "send"]
    assert sending and sending[0]["modality"] != "claimed"


def test_a_denial_covers_its_own_clause_only(code):
    events = code("The ministry denied the request and asked instead for talks with the "
                  "union.")
    request = [e for e in events if e["trigger"]["text"].startswith("asked")]
    assert request and request[0]["modality"] != "denied"


@pytest.mark.parametrize("text", [
    "The mayor denied taking bribes from the contractors.",  # a charge, in bad words
    "The mayor denied that she had taken bribes.",
    "The mayor was accused of fraud, a charge which she denied.",
])
def test_a_denial_is_a_rejection_by_the_one_who_denies(code, text):
    events = code(text)
    assert one(events, "REJECT")["actor"]["text"].lower() in ("the mayor", "she")
    assert not [e for e in events if e["plover_type"] == "ACCUSE"
                and e["trigger"]["text"] == "denied"]


@pytest.mark.parametrize(("text", "rejects"), [
    ('"These are false allegations," the mayor of Lviv said.', True),
    # a forged thing is no one's words turned down
    ('"Many of them crossed the border with false passports," the mayor of Lviv said.', False),
])
def test_a_false_claim_is_denied_but_a_false_passport_is_forged(code, text, rejects):
    assert any(e["event_type"] == "REJECT" for e in code(text)) is rejects


def test_an_act_described_by_a_copular_verb_is_no_new_event(code):
    events = code("Troops imposed a curfew on the port city on Monday. The curfew remains in "
                  "force, and the opposition says the blockade of the port is illegal.")
    coerce = [e for e in events if e["event_type"] == "COERCE"]
    assert [e["trigger"]["text"] for e in coerce] == ["imposed"]


def test_a_non_restrictive_relative_clause_tells_an_act(code):
    events = code("The organisers sent the police a plan for the march, which they rejected.")
    assert one(events, "REJECT")["modality"] == "asserted"


@pytest.mark.parametrize("text, speaker, target", [
    ("The opposition alleged that the governor had bribed election officials.",
     "opposition", "governor"),
    ("The foreign minister said the bombing was likely the rebels' doing.",
     "minister", "rebels"),
    ("The minister said the army was behind the attack.", "minister", "army"),
    ("Several senators spoke out against the new law on Tuesday.", "senators", None),
    ("The regional court said the curfew order was incompatible with the constitution.",
     "court", None),
    ("The foreign minister called the tribunal's verdict a travesty.", "minister", "verdict"),
    ("The senator said the leaflets were an incitement to hatred.", "senator", None),
])
def test_speech_acts_of_accusation(code, text, speaker, target):
    accusations = [e for e in code(text) if e["plover_type"] == "ACCUSE"]
    assert accusations and speaker in accusations[0]["actor"]["text"]
    if target:
        assert target in accusations[0]["recipient"]["text"]


def test_finding_an_act_justified_is_support_for_its_doer(code):
    support = one(code("The court found the police raid justified."), "SUPPORT")
    assert "court" in support["actor"]["text"]
    assert support["recipient"]["text"] == "police"


def test_joining_the_calls_for_something_is_a_request_not_the_thing(code):
    events = code("The bishops joined the calls for an independent inquiry into the killings.")
    assert "bishops" in one(events, "REQUEST")["actor"]["text"]
    assert not of_type(events, "ACCUSE")  # the inquiry is what is asked for


def test_a_report_of_an_act_is_no_judgement_but_a_judged_act_is(code):
    reported = code("Police said the gunman surrendered after a long and shameful siege.")
    assert not of_type(reported, "ACCUSE")
    judged = code("Militants bombed a market in Kano on Monday. The governor said the attack "
                  "was cowardly.")
    assert [e for e in of_type(judged, "ACCUSE") if "governor" in e["actor"]["text"]]


def test_a_word_that_names_an_act_is_no_judgement(code):
    # "offensive" the military act, not the adjective of insult
    reported = code("The army launched an offensive in the north, the ministry said.")
    assert not of_type(reported, "ACCUSE")
    assert of_type(reported, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Iran denied the accusation.",
    "The ministry denied the allegations of torture.",
])
def test_what_a_denial_is_about_is_no_act_of_its_own(code, text):
    assert [e["event_type"] for e in code(text)] == ["REJECT"]


@pytest.mark.parametrize("text, accusations", [
    ("Forecasters said the storm was dangerous.", 0),  # no one did it
    ("The minister said the floods were terrible.", 0),
    ("Officials said the situation in the camps remained dangerous.", 0),
    ("The minister said the attack was terrible.", 1),
])
def test_judging_what_no_one_did_accuses_no_one(code, text, accusations):
    assert len(of_type(code(text), "ACCUSE")) == accusations


def test_we_in_an_issuers_own_statement_is_the_issuer():
    from sitrep.pipeline import pipeline
    from sitrep.records import Article

    article = Article(text="We strongly condemn the shelling of the border villages. Our "
                           "government will ask the United Nations to investigate.",
                      outlet="Ministry of Foreign Affairs of Armenia",
                      published=date(2022, 9, 14))
    (processed,) = list(pipeline([article]))
    accusation = [e for e in processed.events if e.event_type == "ACCUSE"
                  and e.trigger.text == "condemn"]
    assert accusation and accusation[0].actor.code == "ARM"


def test_the_group_is_the_armed_group_named_before(code):
    events = code("A Taliban spokesman said the group had attacked a police checkpoint in "
                  "Ghazni province.")
    attack = one(events, "ASSAULT")
    assert attack["actor"]["code"] == "AFG" and attack["actor"]["sector"] == "REB"


def test_he_is_no_source_that_is_not_a_person(code):
    events = code("Robert Kalu ruled the country for thirty years. He crushed the opposition "
                  "in 1985, according to CNN, and jailed its leaders.",
                  title="Former Zambian leader Robert Kalu dies")
    coded = [e for e in events if e["actor"] and e["actor"]["text"] == "He"]
    assert coded and all(e["actor"]["code"] != "USA" for e in coded)


def test_a_state_act_told_as_a_participle_is_the_authorities(code):
    events = code("A Chilean man appeared in a Santiago court on Monday, charged with the "
                  "murder of two police officers. The officers were shot in March. The trial "
                  "will begin in June.", title="Chile: man charged with murder")
    charge = [e for e in events if e["trigger"]["text"].startswith("charged")]
    assert charge and charge[0]["actor"]["code"] == "CHL" and charge[0]["actor"]["implied"]


def test_what_an_accusation_or_arrest_is_for_is_claimed_and_a_conviction_stands_for_it(code):
    from sitrep.extract import extract_events
    from sitrep.parse import load_model
    from sitrep.records import Article

    nlp = load_model(None)
    text = "The ministry accused London of spreading lies about the war."
    events = extract_events(nlp(text), Article(text=text))
    spreading = [e for e in events if e.trigger.text == "spreading"]
    assert spreading and spreading[0].actor.text == "London"
    assert spreading[0].modality == "claimed" and spreading[0].incidental
    assert "ministry" in spreading[0].attributed_to.text
    # in the record the accusation is the act reported; the spreading, named only as its
    # content, is no act of its own
    modalities = {e["trigger"]["text"]: e["modality"] for e in code(text)}
    assert modalities == {"accused": "asserted"}
    # told with a time of its own, it is kept as the accuser's claim
    text = "The ministry accused London of spreading lies about the war on Monday night."
    modalities = {e["trigger"]["text"]: e["modality"] for e in code(text)}
    assert modalities.get("spreading") == "claimed"

    # an arrest only alleges the act; a conviction stands for it
    text = "Police arrested two men on suspicion of attacking a journalist."
    assert [e["trigger"]["text"] for e in code(text)] == ["arrested"]
    text = "Police arrested two men for attacking a journalist in Lyon."
    attacking = [e for e in code(text) if e["trigger"]["text"] == "attacking"]
    assert attacking and attacking[0]["modality"] == "claimed"
    text = "A court in Lyon convicted two men of attacking a journalist."
    assert [e["trigger"]["text"] for e in code(text)] == ["convicted"]

    # so do the counts of a charge, and a charge that is no trigger of its own
    text = ("A Kenyan man appeared in court in Mombasa on Monday, charged with two counts of "
            "murder over a shooting at a bar.")
    murder = [e for e in extract_events(nlp(text), Article(text=text))
              if e.trigger.text == "murder"]
    assert murder and murder[0].modality == "claimed" and "man" in murder[0].actor.text
    text = "A possible charge of murder against the driver carries a life sentence."
    assert all(e["modality"] != "asserted" for e in code(text))


def test_a_headline_act_lends_its_parties_but_is_no_event_of_its_own(code):
    events = code("A bomb exploded in a market in the city of Kano on Monday, killing six. "
                  "Police said they had arrested two suspects.\n\nThe governor visited the "
                  "wounded in hospital.", title="Boko Haram bombing kills six in Nigerian city")
    bombing = one(events, "ASSAULT")
    assert bombing["mentions"][0].get("headline") and bombing["actor"]["code"] == "NGA"
    title_only = code("Police said they had arrested two suspects in Kano on Monday. They are "
                      "held in the city. The case continues.",
                      title="Troops shell rebel positions in the north")
    assert not of_type(title_only, "ASSAULT")


@pytest.mark.parametrize("title", [
    "Indonesian governor Hadi Santoso stabbed",
    "Indonesian governor Hadi Santoso stabbed in Bogor",
])
def test_a_headlines_bare_participle_is_passive_its_subject_the_victim(code, title):
    events = code("Provincial governor Hadi Santoso was stabbed in the town of Bogor, "
                  "Indonesia, on Monday. He survived. Doctors said his condition was stable.",
                  title=title)
    stabbing = one(events, "ASSAULT")
    assert stabbing["mentions"][0].get("headline")
    assert stabbing["actor"] is None  # the article names no attacker
    assert "Santoso" in stabbing["recipient"]["text"]


def test_a_headline_act_in_the_present_keeps_its_doer(code):
    events = code("Armed police shot dead a man in Leeds on Sunday. The man had threatened "
                  "passers-by with a knife. An inquiry has begun.",
                  title="Police shoot man dead in Leeds")
    shooting = one(events, "ASSAULT")
    assert shooting["mentions"][0].get("headline")
    assert shooting["actor"]["code"] == "GBR"


def test_who_is_included_in_a_group_are_its_members(code):
    events = code("Condolences were offered by many governments including the Iranian "
                  "foreign minister and the British prime minister.")
    support = one(events, "SUPPORT")
    assert {m["code"] for m in support["actor"]["members"]} >= {"IRN", "GBR"}


def test_a_camp_named_pro_something_is_not_located_there(code):
    events = code("Lawmaker Lin Mei from the pro-Beijing camp condemned the protesters in Hong "
                  "Kong on Tuesday. The protests have gone on for months. Police arrested "
                  "dozens in Hong Kong.", title="Hong Kong protests continue")
    accusation = [e for e in of_type(events, "ACCUSE") if "Lin Mei" in e["actor"]["text"]]
    assert accusation and accusation[0]["actor"]["code"] != "CHN"


def test_a_short_name_takes_the_code_of_the_full_name_given_before(code):
    events = code("The Brazilian Federal Senate opened an inquiry into the contracts on "
                  "Monday. Argentina and Chile criticised the inquiry.\n\nThe Federal Senate "
                  "also rejected the health minister's request for more time, officials said.")
    rejection = one(events, "REJECT")
    assert rejection["actor"]["text"] == "The Federal Senate"
    assert rejection["actor"]["code"] == "BRA"


def test_an_act_that_dates_or_describes_another_is_told_in_passing(code):
    # a clause placing an act before or after the main one dates the main act
    types = {e["plover_type"] for e in code(
        "The charity halted food deliveries in the valley after one of its trucks was "
        "ambushed.", published=None)}
    assert types == {"SANCTION"}
    types = {e["plover_type"] for e in code(
        "The mayor refused to sign the budget until the council was dissolved.",
        published=None)}
    assert "REJECT" in types and "COERCE" not in types
    # with no other act told, the clause's act is the news
    types = {e["plover_type"] for e in code(
        "The change came after the governor pardoned forty inmates.", published=None)}
    assert types == {"CONCEDE"}
    # acts at the same time are news alike
    types = {e["plover_type"] for e in code(
        "While condemning the raid, the minister praised the rescue workers.",
        published=None)}
    assert {"ACCUSE", "SUPPORT"} <= types
    # a participle saying which party is meant tells an earlier act in passing
    types = {e["plover_type"] for e in code(
        "The union demanded the release of a reporter detained for his articles.",
        published=None)}
    assert types == {"REQUEST"}
    # and so do the acts told inside it
    types = {e["plover_type"] for e in code(
        "The army demolished the house of a man suspected of bombing the bridge.",
        published=None)}
    assert types == {"COERCE"}


def test_an_act_named_with_no_doer_deep_under_another_is_told_in_passing(code):
    text = "The ministry banned the weekly from publishing pictures of the bombings in the north."
    assert {e["plover_type"] for e in code(text, published=None)} == {"COERCE"}
    # with a doer of its own it is an act told
    text = ("The ministry banned the weekly from publishing pictures of the rebels' bombings "
            "in the north.")
    assert {e["plover_type"] for e in code(text, published=None)} == {"COERCE", "ASSAULT"}


def test_a_partys_history_in_a_relative_clause_is_told_in_passing(code):
    text = "The army released the militia commander, who had attacked three villages."
    assert {e["plover_type"] for e in code(text, published=None)} == {"RETREAT"}
    # not in the perfect, the clause tells an act of its own
    text = "The army released the militia commander, who then attacked three villages."
    assert {e["plover_type"] for e in code(text, published=None)} == {"RETREAT", "ASSAULT"}


def test_an_act_aimed_at_or_placed_after_by_a_gerund_is_told_in_passing(code):
    # what another act is for, on a noun of aim
    types = {e["plover_type"] for e in code(
        "The prosecutor charged the minister with fraud in an attempt to overturn the verdict.",
        published=None)}
    assert types == {"ACCUSE"}
    types = {e["plover_type"] for e in code(
        "The army deployed two battalions to the valley with a view to rescuing the hostages "
        "and arresting the kidnappers.", published=None)}
    assert types == {"MOBILIZE"}
    # a gerund after "after" places an act before the news
    types = {e["plover_type"] for e in code(
        "The court convicted the mayor after siding with the prosecutors.", published=None)}
    assert types == {"SANCTION"}
    # a verb coordinated in a dated clause is dated too
    types = {e["plover_type"] for e in code(
        "The airline suspended its flights after the junta closed the airport and detained "
        "two pilots.", published=None)}
    assert "COERCE" not in types


def test_an_act_named_ahead_of_another_is_its_background(code):
    for text in ("The court freed the activist ahead of the president's visit.",
                 "The court freed the activist prior to the president's visit."):
        assert {e["plover_type"] for e in code(text, published=None)} == {"RETREAT"}


def test_a_place_of_its_own_keeps_only_a_plan_told_in_passing(code):
    # a done act placed before the news is background wherever it happened
    types = {e["plover_type"] for e in code(
        "After a long meeting of the two delegations in Geneva, the minister condemned the "
        "shelling of the port.", published=None)}
    assert "CONSULT" not in types and "ACCUSE" in types
    types = {e["plover_type"] for e in code(
        "The council condemned the raids, which saw dozens of students arrested in Dhaka.",
        published=None)}
    assert types == {"ACCUSE"}
    # a plan with its place is an announcement, news of its own
    types = {e["plover_type"] for e in code(
        "The navy moved two frigates into the strait ahead of the president's planned visit "
        "to Japan.", published=None)}
    assert "AGREE" in types


def test_he_or_she_takes_the_role_their_person_was_named_with(code):
    events = code("Opposition leader Nadia Ferreira rejected the budget in Maputo on Monday. "
                  "She called on her supporters to march on parliament.")
    call = next(e for e in events if e["event_type"] == "REQUEST")
    assert call["actor"]["text"] == "She"
    assert call["actor"]["sector"] == "OPP"


@pytest.mark.parametrize("text", [
    '"This is a hostile act against our people," the foreign minister of Latvia told '
    'reporters.',
    '"It is unconstitutional and it is a hostile act," the foreign minister of Latvia said.',
    "The Latvian foreign minister called the expulsion an unfriendly step.",
])
def test_calling_an_act_hostile_is_an_accusation(code, text):
    accusation = next(e for e in code(text) if e["event_type"] == "ACCUSE")
    # "this", "it is ..." is the act judged, not a party: no recipient rather than a wrong one
    assert (accusation["recipient"] or {}).get("text") not in ("This", "It")


def test_where_the_parties_met_is_not_where_the_story_happens(code):
    events = code("Envoys of the two armies met in Geneva on Tuesday but did not agree on a "
                  "truce, the mediators said.\n\nShelling resumed overnight along the front "
                  "line, local officials said.\n\nLast week the two sides swapped 150 "
                  "prisoners in the largest exchange of the war.")
    shelling = next(e for e in events if e["event_type"] == "ASSAULT")
    assert (shelling["location"] or {}).get("country") != "CHE"
    assert (shelling["recipient"] or {}).get("code") != "CHE"


def test_a_condemned_act_named_by_its_kind_stands_for_its_doer(code):
    events = code("Riot police detained the opposition leader Davit Kapanadze in Kutaisi on "
                  "Monday. The prime minister of Georgia praised the officers on Tuesday. "
                  "The Lithuanian foreign minister condemned the arrest.")
    condemnation = next(e for e in events if e["event_type"] == "ACCUSE")
    # the arrest's doers, not whoever acted last
    assert condemnation["recipient"]["sector"] == "COP"


@pytest.mark.parametrize("judgement", [
    "Peruvian President Ana Ruiz condemned the closure.",
    "Peruvian President Ana Ruiz called the closure illegal.",
    "Peruvian President Ana Ruiz said the closure was illegal.",
])
def test_a_judged_measure_named_by_its_kind_stands_for_its_doer(code, judgement):
    events = code("Bolivia closed its border with Peru on Monday. " + judgement)
    assert one(events, "ACCUSE")["recipient"]["code"] == "BOL"


@pytest.mark.parametrize("text", [
    # the law an act made; the bill whoever put it forward, no act of its own
    "The Hungarian parliament passed a law restricting media freedom on Tuesday. The "
    "European Commission criticised the law.",
    "The Hungarian government proposed a bill to restrict foreign funding of charities. "
    "The European Commission criticised the bill.",
])
def test_a_criticised_law_stands_for_whoever_made_or_proposed_it(code, text):
    assert one(code(text), "ACCUSE")["recipient"]["code"] == "HUN"


def test_a_denied_accusation_is_turned_back_on_its_maker(code):
    events = code("Armenia accused Azerbaijan of shelling a border village on Sunday. Baku "
                  "denied the accusation on Monday.")
    denial = next(e for e in events if e["event_type"] == "REJECT")
    assert denial["actor"]["code"] == "AZE"
    assert denial["recipient"]["code"] == "ARM"


@pytest.mark.parametrize(("text", "event_type"), [
    # an adversary's forces or works destroyed in fighting
    ("Government troops destroyed three rebel bases in the hills.", "ASSAULT"),
    ("The air force said it destroyed two enemy tanks near the river.", "ASSAULT"),
    # one's own arms destroyed is disarming
    ("The militia destroyed its weapons stockpile under UN supervision.", "RETREAT"),
])
def test_destroying_in_fighting_is_an_assault(code, text, event_type):
    assert event_type in [e["event_type"] for e in code(text)]


def test_its_forces_in_a_speakers_words_are_the_speakers(code):
    events = code("Al-Shabaab fighters attacked a camp in Lamu on Monday. The Kenyan army said "
                  "its troops had killed 20 of the attackers.")
    killing = [e for e in events if e["event_type"] == "ASSAULT"][-1]
    assert killing["actor"]["text"] == "its troops"
    assert (killing["actor"]["code"], killing["actor"]["sector"]) == ("KEN", "MIL")


def test_its_allies_are_others_than_their_owner(code):
    events = code("Kyiv asked its allies for more air defence systems on Friday.")
    request = next(e for e in events if e["event_type"] == "REQUEST")
    assert request["recipient"]["text"] == "its allies"
    assert request["recipient"]["code"] != "UKR"


def test_its_allies_take_no_code_in_a_longer_article(code):
    events = code("Ukraine's army repelled an assault near Pokrovsk on Monday, officials in "
                  "Kyiv said.\n\nPresident Zelensky said Kyiv had asked its allies for more "
                  "air defence systems.")
    request = next(e for e in events if e["event_type"] == "REQUEST")
    assert request["recipient"]["text"] == "its allies"
    assert request["recipient"]["code"] is None


def test_a_quotation_over_two_sentences_is_its_closing_speakers_from_the_start(code):
    events = code('Officials in Vilnius said the border would stay open.\n\n"If they send '
                  'troops, we will block the crossing. We will not wait," Interior Minister '
                  'Ona Petraitis told reporters.')
    block = next(e for e in events if e["trigger"]["text"].startswith("block"))
    assert block["attributed_to"]["text"].endswith("Petraitis")


# --- an attack told without its doer, and the article's claim of responsibility ---------

BOMBING = "Four shoppers were killed in a car bomb attack at a market in Kabul on Friday. "


def test_a_claim_of_responsibility_names_the_doer_of_the_attacks_told_without_one(code):
    events = code(BOMBING + "Three more car bombs went off in Afghanistan that week. The "
                  "Taliban claimed responsibility for all four attacks.")
    killing = next(e for e in events if e["trigger"]["text"] == "killed")
    assert killing["actor"]["code"] == "AFG" and killing["actor"]["implied"]
    assert killing["actor"]["refers_to"] == "The Taliban"


@pytest.mark.parametrize("later", [
    "No group has claimed responsibility for the attack.",
    # another act, brought in by "an": not a claim of the bombing
    "In Somalia, al-Shabaab claimed responsibility for an attack on a hotel.",
])
def test_an_attack_no_claim_covers_keeps_no_doer(code, later):
    events = code(BOMBING + later)
    killing = next(e for e in events if e["trigger"]["text"] == "killed")
    assert killing["actor"] is None


STABBING = ("A judge was stabbed outside a courthouse in the Chilean city of Temuco on Tuesday. "
            "She was taken to hospital with serious wounds. ")


@pytest.mark.parametrize("later, doer", [
    ("Police said two suspects were arrested near the scene.", "two suspects"),
    ("Officers later detained the attacker at a bus station.", "the attacker"),
    ("The accused will appear in court on Friday.", "The accused"),
])
def test_an_attack_whose_doer_the_article_tells_caught_is_a_local_persons(code, later, doer):
    stabbing = one(code(STABBING + later), "ASSAULT")
    assert stabbing["actor"]["code"] == "CHL" and stabbing["actor"]["implied"]
    assert stabbing["actor"]["text"] == doer


@pytest.mark.parametrize("later", [
    "Police are still hunting the attacker.",
    "Police said they had no suspects.",
    "An unidentified attacker fled on foot.",
])
def test_an_attack_whose_doer_is_only_sought_keeps_no_doer(code, later):
    assert one(code(STABBING + later), "ASSAULT")["actor"] is None


def test_a_definite_description_takes_the_earlier_phrase_of_its_head_on_either_side(code):
    # "the diplomats" are the Estonian ones expelled, not of the dateline's country
    events = code("MOSCOW — Russia expelled two Estonian diplomats on Friday. The Estonian "
                  "foreign ministry called the move unjustified. Officials in Tallinn summoned "
                  "the Russian envoy. Moscow accused the diplomats of spying.")
    accusation = next(e for e in events if e["trigger"]["text"] == "accused")
    assert accusation["recipient"]["code"] == "EST"
    # a head no earlier phrase had stays with where they act
    events = code("MOSCOW — Russia expelled two Estonian diplomats on Friday. The Estonian "
                  "foreign ministry called the move unjustified. Officials in Tallinn summoned "
                  "the Russian envoy. Moscow accused the spies of bribery.")
    accusation = next(e for e in events if e["trigger"]["text"] == "accused")
    assert accusation["recipient"]["code"] != "EST"


@pytest.mark.parametrize("text, code_", [
    # the official was the subject; the named person only the one met
    ("The Chinese foreign minister arrived in Islamabad on Monday and met Prime Minister "
     "Imran Khan. He later criticised India for its border policy.", "CHN"),
    # a named subject stays the one "he" stands for
    ("Prime Minister Imran Khan met the Chinese foreign minister in Islamabad on Monday. He "
     "later criticised India for its border policy.", "PAK"),
])
def test_he_after_an_unnamed_official_who_met_a_named_person(code, text, code_):
    events = code(text + " Talks on a new road link will resume next month.")
    criticism = next(e for e in events if e["trigger"]["text"] == "criticised")
    assert criticism["actor"]["code"] == code_


def test_a_namesake_place_abroad_is_no_evidence_against_a_clear_setting(code):
    # "Victoria Park" has namesakes in countries the story never names
    events = code("HONG KONG — Tens of thousands of people marched through Hong Kong on Sunday "
                  "against a proposed security law. Hong Kong police said the march was "
                  "peaceful. Hong Kong's leader said the law would go ahead.\n\nEarlier, the "
                  "Democratic Youth Alliance held a rally in Victoria Park.")
    rally = next(e for e in events if e["trigger"]["text"] == "rally")
    assert rally["actor"]["code"] == "HKG"
    assert (rally["recipient"] or {}).get("code") in (None, "HKG")


def test_a_countrys_adjective_misread_as_a_name_is_no_person_a_pronoun_stands_for(code):
    events = code("French Defence Minister Anne Morel visited a military base in Niamey on "
                  "Monday. Nigerien troops later freed two hostages near the border. She "
                  "praised the soldiers for their courage.")
    assert next(e for e in events if e["trigger"]["text"] == "praised")["actor"]["code"] == "FRA"


@pytest.mark.parametrize("text, trigger, party, code_", [
    ("A Russian journalist was detained by police in Minsk on Sunday, officials in Belarus "
     "said. He accused the police of beating him. Belarusian authorities released him on "
     "Monday.", "accused", "actor", "RUS"),
    ("A Russian journalist was detained by police in Minsk on Sunday, officials in Belarus "
     "said. He accused the police of beating him. Belarusian authorities released him on "
     "Monday.", "released", "recipient", "RUS"),
    ("An American aid worker was kidnapped by gunmen in Niamey on Saturday, officials in "
     "Niger said. Nigerien troops freed her on Tuesday. She later thanked the Nigerien army "
     "for the rescue.", "thanked", "actor", "USA"),
])
def test_he_or_she_with_no_name_in_reach_is_the_person_called_by_a_noun(code, text, trigger,
                                                                        party, code_):
    event = next(e for e in code(text) if e["trigger"]["text"] == trigger)
    assert event[party]["code"] == code_


def test_a_named_subject_comes_before_a_person_called_by_a_noun(code):
    events = code("Opposition leader Ana Ruiz said a Russian journalist had been detained in "
                  "Caracas, Venezuela. She condemned the arrest on Monday. The government "
                  "made no comment.")
    assert next(e for e in events if e["trigger"]["text"] == "condemned")["actor"]["code"] \
        == "VEN"


def test_a_person_from_a_country_is_of_that_country(code):
    events = code("The ring was run by its alleged organiser Tomas Varga from Hungary, "
                  "police in Vienna said. Austrian prosecutors charged Varga with fraud on "
                  "Monday. Varga denied the charges through his lawyer.")
    denial = next(e for e in events if e["trigger"]["text"] == "denied")
    assert denial["actor"]["code"] == "HUN"
    # "from" a body is whom one speaks for, not where one comes from
    events = code("Maria Lopez from the Health Ministry criticised the hospital in Lima, "
                  "Peru, on Monday. Lopez said the hospital had lost records. The hospital "
                  "rejected the claim.")
    assert next(e for e in events if e["trigger"]["text"] == "criticised")["actor"]["code"] \
        == "PER"


def test_a_short_name_given_in_brackets_is_the_body_named_before_it(code):
    events = code("Officers from the UK's Serious Fraud Office (SFO) raided the offices of a "
                  "Dutch bank in Amsterdam on Tuesday, police in the Netherlands said. Dutch "
                  "prosecutors said they were helping the inquiry. The SFO accused the bank of "
                  "laundering money for a cartel.")
    accusation = next(e for e in events if e["trigger"]["text"] == "accused")
    assert accusation["actor"]["code"] == "GBR"


def test_a_short_name_the_dictionary_knows_keeps_its_own_code(code):
    events = code("Agents of the Federal Bureau of Investigation (FBI) arrested a Mexican "
                  "national in Texas on Monday. The FBI accused the man of smuggling guns. "
                  "Mexico asked for consular access.")
    accusation = next(e for e in events if e["trigger"]["text"] == "accused")
    assert accusation["actor"]["code"] == "USA"


@pytest.mark.parametrize("text, code_", [
    ("Hundreds of ethnic Hungarians marched through the Romanian city of Cluj on Sunday. "
     "Romanian police said the march was peaceful. The Romanian government promised to "
     "study their demands.", "ROU"),
    # a nationality, not told as an ethnicity
    ("Hundreds of Hungarians marched through the Romanian city of Cluj on Sunday. Romanian "
     "police said the march was peaceful. The Romanian government promised to study their "
     "demands.", "HUN"),
])
def test_a_people_told_as_an_ethnicity_is_of_where_they_live(code, text, code_):
    march = next(e for e in code(text) if e["plover_type"] == "PROTEST")
    assert march["actor"]["code"] == code_


@pytest.mark.parametrize("first, code_", [
    ("Kenya deported two Chinese nationals on Friday.", "CHN"),
    # one national is not "the men"
    ("Kenya deported a Chinese national on Friday.", "KEN"),
])
def test_the_men_are_the_people_just_told_of_as_many_as_they(code, first, code_):
    events = code(first + " Video showed a Kenyan worker being whipped at a building site. The "
                  "interior ministry in Nairobi said the men had attacked the worker.")
    attack = next(e for e in events if e["trigger"]["text"] == "attacked")
    assert attack["actor"]["code"] == code_


@pytest.mark.parametrize("text, accuser, accused", [
    # the man is known by "his": "she" is the other person named
    ("Peruvian opposition leader Carlos Mendoza met Chilean Foreign Minister Maria Gonzalez "
     "in Lima on Monday. Mendoza said his party backed the fishing accord. She accused him "
     "of lying.", "CHL", "PER"),
    # the woman is known by her title: "he" is the man named before her
    ("Bolivian President Jorge Quiroga met Paraguay's Interior Minister Lucia Benitez in "
     "Asuncion. Ms. Benitez praised the new border patrols. He accused Brazil of ignoring "
     "the smugglers.", "BOL", "BRA"),
])
def test_he_and_she_stand_for_a_person_of_their_sex(code, text, accuser, accused):
    accusation = one(code(text), "ACCUSE")
    assert accusation["actor"]["code"] == accuser
    assert accusation["recipient"]["code"] == accused


@pytest.mark.parametrize("text", [
    "Chilean President Maria Soto met Argentine President Carlos Vidal in Santiago on Monday. "
    "The two agreed to reopen the border crossings.",
    "Chile and Argentina signed a fisheries pact on Monday. Both promised to share patrol data.",
])
def test_bare_both_or_the_two_are_the_two_parties_just_told(code, text):
    agreement = one(code(text), "AGREE")
    assert {m["code"] for m in agreement["actor"]["members"]} == {"CHL", "ARG"}


def test_people_of_a_short_article_are_of_the_country_of_its_towns(code):
    events = code("Police in Arequipa arrested two journalists on Sunday. Local activist "
                  "Tomas Arce condemned the arrests.")
    assert one(events, "ACCUSE")["actor"]["code"] == "PER"
    # towns of two countries tell no one country
    events = code("Police in Arequipa arrested two journalists, and police in Mendoza "
                  "arrested three. Local activist Tomas Arce condemned the arrests.")
    assert not one(events, "ACCUSE")["actor"]["code"]


# --- a body belongs to whoever convenes or leads it ---------------------------------------

LAUNCH_STORY = (
    "North Korea test-fired two cruise missiles from its west coast on Wednesday, its state "
    "media said. Pyongyang called the launch a routine test. President Moon convened an "
    "emergency session of the Standing Security Committee and ordered the army to stay "
    "alert, his office said.\n\n"
    "The Supreme Defence Board, chaired by Prime Minister Kishida, condemned the launch on "
    "Thursday."
)


def test_a_body_convened_by_a_coded_leader_is_of_his_country(code):
    events = code(LAUNCH_STORY, title="North Korea fires cruise missiles")
    convened = next(e for e in events if e["trigger"]["text"] == "convened")
    assert convened["actor"]["code"] == "KOR"
    assert convened["recipient"]["code"] == "KOR"  # not North Korea, where the story is set


def test_a_body_chaired_by_a_coded_leader_is_of_his_country(code):
    events = code(LAUNCH_STORY, title="North Korea fires cruise missiles")
    condemned = next(e for e in events if e["trigger"]["text"] == "condemned")
    assert condemned["actor"]["code"] == "JPN"


# --- a definite noun of an act just told is that act --------------------------------------

def test_a_deal_told_again_as_signed_is_the_agreement_with_its_parties(code):
    events = code("Ethiopia and Eritrea agreed on Monday to reopen their shared border, "
                  "officials in both capitals said. The accord, signed a day after the talks "
                  "ended, reopens two crossings.")
    agree = one(events, "AGREE")
    assert agree["actor"]["code"] in ("ETH", "ERI")
    # the participle the parse reads as the main verb
    assert [m["trigger"]["text"] for m in agree["mentions"]] == ["agreed on", "signed"]
    assert not of_type(events, "SUPPORT")


def test_an_act_undone_is_no_mention_of_it(code):
    events = code("The junta banned all rallies in the capital on Monday, state radio said. "
                  "The ban was lifted on Wednesday after talks with the opposition.")
    assert [m["trigger"]["text"] for m in one(events, "COERCE")["mentions"]] == ["banned"]


def test_a_deal_told_again_in_the_passive_is_the_agreement(code):
    events = code("Ethiopia and Eritrea agreed on Monday to reopen their shared border, "
                  "officials in both capitals said. The accord was signed in Asmara.")
    assert [m["trigger"]["text"] for m in one(events, "AGREE")["mentions"]] == [
        "agreed on", "signed"]
    assert len(events) == 1


def test_an_indefinite_deal_signed_later_is_another_act(code):
    events = code("Ethiopia and Eritrea agreed on Monday to reopen their shared border, "
                  "officials in both capitals said. A treaty was signed in Algiers in 2000. "
                  "Trade is expected to resume within weeks.")
    agree = one(events, "AGREE")
    assert [m["trigger"]["text"] for m in agree["mentions"]] == ["agreed on"]


# --- a country's adjective the tagger reads as a person's name ----------------------------

def test_a_country_adjective_before_a_people_s_name_is_no_person(code):
    # "Ethiopian Oromo" and "Burmese Karen" are tagged as people's names: the parties are
    # still of their countries, and "they" the rebels who said it
    events = code("Ethiopian Oromo rebels said they would free ten hostages on Monday. "
                  "Burmese Karen fighters attacked an army post near the border on Tuesday.",
                  published=None)
    freed = next(e for e in events if e["trigger"]["text"] == "free")
    assert freed["actor"]["code"] == "ETH"
    attack = one(events, "ASSAULT")
    assert attack["actor"]["code"] == "MMR"


def test_a_state_body_named_by_what_it_is_is_of_where_it_acts(code):
    events = code("Thousands rallied in Lusaka on Monday against the results of the "
                  "presidential vote. Opposition leaders said the count was rigged.\n\n"
                  "The electoral commission rejected the complaint on Tuesday. The "
                  "broadcasting regulator banned two radio stations from airing the "
                  "opposition's statements.", title="Zambia opposition disputes vote")
    rejected = one(events, "REJECT")
    assert rejected["actor"]["code"] == "ZMB"
    banned = next(e for e in events if e["trigger"]["text"] == "banned")
    assert banned["actor"]["code"] == "ZMB"


def test_a_name_told_family_name_first_is_known_by_its_first_word(code):
    events = code("Police in Manila arrested two men on Monday over a cyber fraud ring, "
                  "officials said. The ring's alleged leader, Park Min Soo from South Korea, "
                  "was detained in Cebu last year. Park accused the police of torture on "
                  "Tuesday. The Philippine justice minister rejected the claim.")
    accused = next(e for e in events if e["trigger"]["text"] == "accused")
    assert accused["actor"]["code"] == "KOR"  # the Korean named in full, not a Filipino


def test_a_first_word_two_people_share_names_neither():
    from sitrep.parse.model import load_model
    from sitrep.resolve.actors import ActorDictionary
    from sitrep.resolve.discourse import _family_names_first, person_names

    doc = load_model()("Kim Jong Un met Kim Yo Jong and Park Min Soo on Monday in Pyongyang. "
                       "Kim praised Park.")
    first = _family_names_first(person_names(doc, ActorDictionary.default()))
    assert first["park"][0] == "soo"
    assert "kim" not in first  # begins two people's names


# --- "the government" a foreign official acts on is not his own -------------------------

def test_a_foreign_minister_urging_the_government_urges_another_states(code):
    events = code("Protesters clashed with police in Caracas on Monday. Kenya's foreign "
                  "minister, Musalia Mudavadi, condemned the violence. Later, Mudavadi urged "
                  "the government to respect the right to protest.")
    urged = one(events, "REQUEST")
    assert urged["actor"]["code"] == "KEN"
    assert urged["recipient"]["code"] == "VEN"


def test_the_opposition_urging_the_government_urges_its_own(code):
    events = code("Protesters clashed with police in Caracas on Monday. Kenya's opposition "
                  "leader, Amani Wekesa, returned to Nairobi on Tuesday. Wekesa urged the "
                  "government to lower taxes.")
    urged = one(events, "REQUEST")
    assert urged["recipient"]["code"] == urged["actor"]["code"] == "KEN"


def test_a_noun_of_no_known_kind_is_the_party_just_told_with_it(code):
    events = code("Thousands of supporters of the former president rallied in Lima on "
                  "Saturday. Speakers accused the electoral board of fraud. The board has "
                  "rejected the accusations.")
    assert one(events, "REJECT")["actor"]["code"] == "PER"  # the electoral board


def test_a_denial_answers_the_accusation_just_made_against_its_doer(code):
    events = code("Kyiv blamed Russian forces on Monday for a drone strike on a grain carrier. "
                  "Moscow denied that it had targeted civilian ships.")
    denial = one(events, "REJECT")
    assert denial["actor"]["code"] == "RUS"
    assert denial["recipient"]["code"] == "UKR"
    assert denial["recipient"]["implied"]
    involvement = code("Israel accused Hezbollah on Monday of firing rockets at Haifa. The "
                       "group denied any involvement.")
    assert one(involvement, "REJECT")["recipient"]["code"] == "ISR"


def test_the_country_across_a_border_is_not_the_storys(code):
    events = code("Guerrillas ambushed an army patrol near the border with Brazil on Friday, "
                  "killing two soldiers. The Bolivian defence ministry said troops were "
                  "searching the area.")
    ambush = one(events, "ASSAULT")
    assert ambush["actor"]["code"] == ambush["recipient"]["code"] == "BOL"
    assert (ambush["location"] or {}).get("country") != "BRA"
    ambush = one(code("Guerrillas ambushed a patrol on the frontier with Peru on Friday."),
                 "ASSAULT")
    assert "PER" not in ((ambush["recipient"] or {}).get("code"),
                         (ambush["location"] or {}).get("country"))


def test_where_talks_are_held_is_no_party_to_them(code):
    talks = one(code("Talks between the warring factions opened in Geneva on Monday."),
                "CONSULT")
    assert (talks["recipient"] or {}).get("code") != "CHE"
    visit = one(code("The Japanese prime minister arrived in Canberra on Monday for a "
                     "two-day visit."), "CONSULT")
    assert visit["recipient"]["code"] == "AUS"  # a visit's place is its host


@pytest.mark.parametrize("text", [
    "Chile and Peru held talks in Geneva on Monday.",   # the verb that carries the noun
    "Talks were held in Geneva on Monday.",
])
def test_where_talks_are_held_is_no_party_told_through_their_verb(code, text):
    talks = one(code(text), "CONSULT")
    assert (talks["recipient"] or {}).get("code") != "CHE"


@pytest.mark.parametrize("text", [
    "Belarus said on Wednesday it would expel three diplomats for spying.",
    "Police in Minsk detained two diplomats on Wednesday.",
])
def test_envoys_named_by_their_post_alone_are_another_states(code, text):
    events = code(text)
    assert events and all((e["recipient"] or {}).get("code") != "BLR" for e in events)


def test_envoys_with_an_owner_are_the_owners(code):
    events = code("Belarus said on Wednesday it would expel three Lithuanian diplomats for "
                  "spying.")
    assert one(events, "SANCTION")["recipient"]["code"] == "LTU"


def test_a_person_at_an_international_body_speaks_for_it(code):
    events = code("Ana Lindqvist, a Swedish judge at the International Criminal Court, faulted "
                  "the prosecutor on Thursday.")
    assert one(events, "ACCUSE")["actor"]["code"] == "ICC"
    events = code("A Swedish diplomat at the United Nations faulted the prosecutor on "
                  "Thursday.")
    assert one(events, "ACCUSE")["actor"]["code"] == "SWE"  # a state's post there


def test_the_court_is_the_international_court_named_before(code):
    events = code("Swedish judge Ana Lindqvist of the International Court of Justice faulted "
                  "the delay on Thursday. The court ordered Myanmar to protect the Rohingya.")
    court = one(events, "REQUEST")["actor"]
    assert (court["code"], court["sector"]) == ("ICJ", "IGO")
