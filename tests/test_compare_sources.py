"""Who says a sentence: where the extract stage's event attribution and the compare stage's
surface patterns disagree (sitrep/compare/statements.py)."""

from __future__ import annotations

from fixtures.compare_builders import event

from sitrep.compare import Knowledge
from sitrep.compare.statements import statements
from sitrep.records import StoredArticle


def _cited(record: dict, text: str, words: str) -> dict:
    """The event record with its source's place in the text, as the extract stage writes it."""
    at = text.index(words)
    record["attributed_to"]["span"] = {"start": at, "end": at + len(words)}
    return record


def _sources(text: str, events: list[dict]) -> list[str | None]:
    items = statements(StoredArticle("x", text, "Desk", events=events), Knowledge.default())
    return [s.source.name if s.source else None for s in items]


def test_a_source_the_parse_found_in_the_sentence_before_yields_to_the_one_named_here():
    text = ("Inspectors from the river board found deep cracks in the dam.\n"
            "\"They rushed the repairs last spring,\" Ruiz said.\n")
    rushed = _cited(event(text, "rushed", "ACCUSE", source=("Inspectors", None)), text,
                    "Inspectors")
    assert _sources(text, [rushed])[1] == "Ruiz"


def test_a_pronoun_inside_the_quotation_is_not_its_speaker():
    text = "\"The gate failed because it was old and rusty,\" Ruiz said on Monday.\n"
    failed = _cited(event(text, "failed", "ACCUSE", source=("it", None)), text, "it")
    assert _sources(text, [failed]) == ["Ruiz"]


def test_a_carried_over_source_still_holds_when_the_sentence_names_none():
    text = ("Inspectors from the river board found deep cracks in the dam.\n"
            "The builders rushed the repairs last spring without any permit.\n")
    rushed = _cited(event(text, "rushed", "ACCUSE", source=("Inspectors", None)), text,
                    "Inspectors")
    assert _sources(text, [rushed]) == [None, "Inspectors"]


def test_an_event_attribution_in_the_sentence_outside_quotes_still_wins():
    text = "\"The gate failed,\" the engineers told the river board on Monday.\n"
    failed = _cited(event(text, "failed", "ACCUSE", source=("the engineers", "ENG")), text,
                    "the engineers")
    items = statements(StoredArticle("x", text, "Desk", events=[failed]), Knowledge.default())
    assert items[0].source.name == "engineers" and items[0].source.code == "ENG"


def test_a_pronoun_takes_the_name_the_parse_carried_over_from_the_sentence_before():
    text = ("Ana Ruiz, the engineer who ran the dam during the great flood of 1990, said the "
            "gates were too small.\n"
            "\"We never had the money to fix them,\" she said.\n")
    never = _cited(event(text, "fix", "ACCUSE", source=("Ana Ruiz", None)), text, "Ana Ruiz")
    never["trigger"]["start"] = text.index("fix")  # the event of the second sentence
    assert _sources(text, [never])[1] == "Ana Ruiz"


def _text_sources(text: str) -> list[str | None]:
    return _sources(text, [])


def test_a_quotation_framed_by_a_verb_of_its_subject_is_the_subjects():
    assert _text_sources(
        "Board spokeswoman Ana Ruiz described the new levy as “unfair and sloppy,” citing "
        "the budget.\n"
        "In a letter on Friday, the board members accused the mayor of hiding “a pattern of "
        "waste” from voters.\n") == ["Board spokeswoman Ana Ruiz", "board members"]


def test_a_participle_after_the_subjects_verb_frames_its_quotation():
    assert _text_sources(
        "Mr. Tamm intervened as well, accusing Mr. Ruiz of “lying to the city.”\n"
        "The senator also took a swipe at the governor, calling his record “weak at best.”\n"
    ) == ["Mr. Tamm", "senator"]


def test_a_relative_clause_names_the_speaker_of_its_quotation():
    assert _text_sources("The plan drew scorn online, even from Governor Abel Tamm, who said "
                         "“nobody asked for this.”\n") == ["Governor Abel Tamm"]


def test_a_pronoun_of_the_framing_clause_is_its_subject():
    assert _text_sources(
        "Board spokeswoman Ana Ruiz said the levy was unfair.\n"
        "In an interview, Tamm also attacked the board for what he called its “lazy "
        "habits.”\n") == ["Board spokeswoman Ana Ruiz", "Tamm"]


def test_no_speaker_for_quotations_no_subject_frames():
    # an opening preposition, a subject that is no party, a quotation of someone else
    assert _text_sources(
        "Close to forty members signed a letter from Ana Ruiz, calling the deal “unfair.”\n"
        "The storm closed the port, leaving the ferries “stranded for days.”\n"
        "While Tamm called the levy “fair” last year, the board never voted on it.\n"
        "A storm closed the port, with sailors calling it “the worst in years.”\n"
        "Ruiz met Tamm, who said the vote was fair.\n") == [None] * 5


def test_a_pronoun_stands_for_the_person_whose_full_name_opens_the_sentence_before():
    assert _text_sources(
        "Mayor Abel Tamm said the levy was fair.\n"
        "Rep. Ana Ruiz, D-Vellin, questioned the levy on Monday.\n"
        "\"It is a tax on the poor,\" she said in a statement.\n") == [
        "Mayor Abel Tamm", None, "Rep. Ana Ruiz"]


def test_a_pronoun_skips_an_opening_that_names_no_person():
    # one capitalised word may open any sentence; "The Harbour Authority" is no "he"
    for opening in ("Rescue crews worked through the night.",
                    "The Harbour Authority closed the port."):
        assert _text_sources(f"Mayor Abel Tamm said the levy was fair.\n{opening}\n"
                             "\"It was hard,\" he said.\n")[2] == "Mayor Abel Tamm"


def test_a_quotation_introduced_by_a_colon_is_the_introducers_in_its_own_paragraph():
    assert _text_sources(
        "Governor Abel Tamm himself went further on Friday morning, tweeting:\n\n"
        "“The vote was rigged and everyone knows it!”\n\n"
        "The port was closed for three days:\n\n"
        "“Nobody could leave the island at all.”\n") == [
        "Governor Abel Tamm", "Governor Abel Tamm", None, None]


def test_a_role_stands_for_the_person_named_with_its_title_or_in_apposition():
    assert _text_sources(
        "Sen. Ana Ruiz of Vellin spoke to dairy farmers on Monday.\n"
        "In her speech the senator also took a jab at the governor, calling his budget “a "
        "disgrace.”\n"
        "On Friday, the aide, Abel Tamm, wrote to the harbour board.\n"
        "“Nobody reads the safety reports,” the aide said.\n") == [
        None, "Ana Ruiz", "Abel Tamm", "Abel Tamm"]


def test_a_role_named_by_a_title_and_surname_takes_the_full_name_given_before():
    assert _text_sources(
        "Ana Ruiz won the harbour election in May.\n"
        "President Ruiz opened the new quay on Monday.\n"
        "“The cranes are rusting,” the president said.\n")[2] == "Ana Ruiz"
    # two people of one surname: which one the words do not say
    assert _text_sources(
        "Ana Ruiz and her brother Tomas Ruiz run the ferry.\n"
        "President Ruiz opened the new quay on Monday.\n"
        "“The cranes are rusting,” the president said.\n")[2] == "Ruiz"


def test_an_opening_phrase_before_the_subject_is_not_the_source():
    assert _text_sources("In his speech the senator said the levy was unfair.\n") == [
        "senator"]


def test_she_stands_for_the_one_woman_the_sentence_before_names_with_a_title():
    assert _text_sources(
        "Abel Tamm said the levy was fair.\n"
        "Enter Ms. Ruiz, a harbour pilot with a sharper tongue.\n"
        "“It is theft,” she wrote on her blog.\n"
        "She went on to say that the cranes were “a death trap.”\n")[2:] == [
        "Ms. Ruiz", "Ms. Ruiz"]


def test_she_never_stands_for_a_man_named_with_his_title():
    assert _text_sources(
        "Mr. Abel Tamm said the levy was fair.\n"
        "The board met on Monday.\n"
        "“It is theft,” she said.\n")[2] != "Mr. Abel Tamm"


def test_a_speaker_going_on_after_a_colon_keeps_the_quotation():
    assert _text_sources(
        "Mayor Abel Tamm defended the levy on Monday. He continued: “The roads need it. "
        "The schools need it too.”\n") == [None, "Mayor Abel Tamm", "Mayor Abel Tamm"]


def test_a_name_after_a_title_in_lower_case_frames_the_quotation_of_its_participle():
    assert _text_sources(
        "Democratic presidential candidate Ana Ruiz has repeatedly faulted the mayor for the "
        "levy, claiming it is “theft by another name.”\n") == [
        "Democratic presidential candidate Ana Ruiz"]


def test_he_stands_for_the_person_the_sentences_before_are_about():
    text = ("President Abel Tamm signed the levy on Monday.\n"
            "“It is unfair,” Mr. Okafor said.\n"
            "The president opted not to veto the harbour bill.\n"
            "But he expressed no concern about the cost.\n"
            "“It did not sound important to me,” he said.\n")
    assert _text_sources(text)[4] == "Abel Tamm"
    # a sentence about something else ends the chain: "he" is the last man who spoke
    assert _text_sources(text.replace("But he expressed", "The port expressed"))[4] == \
        "Mr. Okafor"


def test_quoted_words_a_document_reports_are_their_speakers():
    assert _text_sources(
        "Mr. Ruiz told the harbour board to “stop the cranes at once,” the court filing said.\n"
        "“The cranes are unsafe,” the court filing said.\n"
        "Mr. Ruiz told the harbour board to “stop the cranes,” Mr. Tamm said.\n") == [
        "Mr. Ruiz", "court filing", "Mr. Tamm"]


def test_a_name_in_apposition_to_the_subjects_role_frames_a_long_sentences_quotation():
    assert _text_sources(
        "On Monday, the spokeswoman, Ana Ruiz, 44, who has spoken for the ferry company for two "
        "decades and at one time ran the pilots’ union, wrote to the harbour board, saying "
        "the cranes were “a death trap.”\n") == ["Ana Ruiz"]


def test_a_speaker_right_after_the_quotation_holds_whatever_follows_the_verb():
    assert _text_sources(
        "“The levy is a tax on the poor,” Mr. Tamm said on the radio program “Harbour Hour.”\n"
        "“We will vote it down,” Ana Ruiz said in the gymnasium of the school where she was "
        "captain of the rowing team for three years.\n") == ["Mr. Tamm", "Ana Ruiz"]


def test_an_inverted_speaker_may_follow_lower_case_words_or_open_the_sentence():
    assert _text_sources(
        "\"The harbour is safe,\" said senior adviser Abel Tamm.\n"
        "\"The port is open,\" said on Monday the board.\n"
        "Added Ruiz: \"Nobody will pay the levy.\"\n") == [
        "senior adviser Abel Tamm", None, "Ruiz"]


def test_asking_and_cautioning_report_speech():
    assert _text_sources(
        "Ana Ruiz asked whether the levy would pass.\n"
        "Then she cautioned: \"It may not.\"\n") == ["Ana Ruiz", "Ana Ruiz"]


def test_a_speaker_in_apposition_is_the_subject_however_long_the_apposition():
    assert _text_sources(
        "\"The levy is unfair,\" Rep. Abel Tamm Jr., D-Vellin, said on the floor.\n"
        "\"The port is safe,\" Senator Ana Ruiz of Vellin, the majority leader, said.\n"
        "Mr. Tamm, whose view is that the board may levy any tax it likes, said, \"It is "
        "legal.\"\n"
        "Ana Ruiz, head of the Harbour Fund, an advocacy group here, criticized the plan as "
        "\"a tax on the poor.\"\n"
        "Rep. Abel Tamm, R-Vel., who opposes the levy, said it was unfair.\n") == [
        "Rep. Abel Tamm Jr.", "Senator Ana Ruiz of Vellin", "Mr. Tamm", "Ana Ruiz",
        "Rep. Abel Tamm"]


def test_a_role_with_its_holders_name_in_apposition_is_that_person():
    assert _text_sources(
        "\"Nobody asked,\" one of the mothers, Ana Ruiz, said in an interview.\n"
        "In a statement to the Vellin Times, the board's lawyer, Abel Tamm, 45, said, \"We "
        "will appeal.\"\n") == ["Ana Ruiz", "Abel Tamm"]


def test_no_speaker_for_a_clause_before_an_apposition():
    assert _text_sources("Tamm's arrest came after his friend Ana Ruiz, a radio host, "
                         "testified before the court.\n") == [None]


def test_a_pronoun_stands_for_the_name_in_apposition_to_the_role_opening_the_sentence_before():
    assert _text_sources(
        "Mayor Abel Tamm said the levy was fair.\n"
        "The board's press secretary, Ana Ruiz, sought to distance the board from the levy.\n"
        "“The levy is the mayor's alone,” she told reporters.\n")[2] == "Ana Ruiz"


def test_an_impersonal_passive_names_no_source():
    assert _text_sources("Mayor Abel Tamm said the levy was fair.\n"
                         "Later it was revealed that the board had voted twice.\n")[1] is None


def test_a_source_name_drops_the_dateline_party_tag_and_day_it_swallowed():
    assert _text_sources(
        "VELLIN, Dor. -- Mayor Abel Tamm said on Monday the levy was fair.\n"
        "\"It is not,\" said Rep. Ana Ruiz (D-Vel.), who chairs the panel.\n"
        "Tamm on Friday said he would not back down.\n") == [
        "Mayor Abel Tamm", "Rep. Ana Ruiz", "Tamm"]


def test_a_speaker_after_a_quotation_ending_in_a_quotation_or_going_on():
    assert _text_sources(
        "\"We must stand up and say 'enough,'\" Tamm added.\n"
        "\"We hear it every day,\" explained newly elected Speaker Ana Ruiz to the Post.\n"
        "\"I will not be the most popular speaker,\" she continued.\n") == [
        "Tamm", "newly elected Speaker Ana Ruiz", "newly elected Speaker Ana Ruiz"]


def test_a_leading_speaker_after_two_opening_clauses_or_with_a_party_tag():
    assert _text_sources(
        "Minutes later, however, Abel Tamm tweeted: \"Nobody reads the reports.\"\n"
        "Rep. Ana Ruiz (D-Vel.) tweeted to the mayor: \"Resign.\"\n") == [
        "Abel Tamm", "Rep. Ana Ruiz"]


def test_a_phrase_with_a_verb_of_criticism_is_a_clause_not_a_source():
    assert _text_sources(
        "In a letter, signed by every member of the board, the members slammed Tamm for his "
        "claims that the port was “safe.”\n") == [None]


def test_a_quotation_cut_off_after_its_question_mark_takes_the_speaker_opening_the_next():
    assert _text_sources(
        "“Have I not been clear on the levy?” Ms. Ruiz said at a news conference.\n") == [
        "Ms. Ruiz", "Ms. Ruiz"]


def test_a_party_whose_sentence_ends_in_a_colon_says_what_follows():
    assert _text_sources(
        "The Harbour Party issued a brief statement shortly after the vote:\n\n"
        "\"So here is the new plan. More levies for everyone.\"\n\n"
        "The plan has three parts:\n\n"
        "\"Levies on boats. Fees on cars.\"\n\n"
        "Read the full text here:\n\n"
        "\"Nobody pays the levy.\"\n") == ["Harbour Party"] * 3 + [None] * 5


def test_a_source_with_its_apposition_is_named_by_the_name():
    text = ("Ana Ruiz, the board's counsel, and the mayor met on Monday to settle the levy.\n"
            "The cranes are unsafe, the board's lawyer, Abel Tamm, and the mayor agreed.\n")
    ruiz = _cited(event(text, "met", "CONSULT", source=("Ana Ruiz, the board's counsel", None)),
                  text, "Ana Ruiz, the board's counsel")
    tamm = _cited(event(text, "agreed", "AGREE", source=("the board's lawyer, Abel Tamm", None)),
                  text, "the board's lawyer, Abel Tamm")
    assert _sources(text, [ruiz, tamm]) == ["Ana Ruiz", "Abel Tamm"]


def test_a_quotation_paragraph_right_after_a_speakers_quotation_is_the_speakers():
    assert _text_sources(
        "“The levy was a mistake,” Tamm said after the vote.\n\n"
        "“But the board was very courteous to us.”\n\n"
        "Federal law makes it a crime to “levy any tax without a vote of the people.”\n") == [
        "Tamm", "Tamm", None]


def test_a_phrase_opening_with_a_conjunction_or_preposition_is_no_source():
    assert _text_sources(
        "The court did not charge Tamm with fraud, or with the bribes Ruiz says he took.\n"
        "As the Vellin Daily reported on Monday, the board never voted on the levy.\n") == [
        None, "Vellin Daily"]


def test_a_surname_two_people_share_in_one_phrase_gives_no_full_name():
    assert _text_sources(
        "Mina and Lena Tamm stood by as President Tamm spoke to the harbour crews.\n"
        "The president later remarked that it was “a fine day for the port.”\n")[1] == "Tamm"


def test_a_party_tag_after_the_subject_keeps_its_framed_quotation():
    assert _text_sources(
        "Rep. Ana Ruiz (D-Vel.) also called for a new vote, saying that Tamm “cannot be "
        "trusted with the port.”\n"
        "Sen. Abel Tamm (R-Vel.) described the levy as “a tax on the poor.”\n") == [
        "Rep. Ana Ruiz", "Sen. Abel Tamm"]


def test_a_speaker_after_a_spaced_closing_quote_or_a_stray_comma():
    assert _text_sources(
        "“I hope the mayor says, ‘No, we have got to stop this levy,’ ” Ms. Ruiz said on "
        "the “Harbour Hour.”\n"
        "“We did not know it was the mayor,” Rev. Abel Tamm of Our Lady of Saint Mary, told "
        "the Daily.\n") == ["Ms. Ruiz", "Rev. Abel Tamm of Our Lady of Saint Mary"]


def test_a_plural_noun_of_a_reporting_verbs_form_names_no_source():
    text = ("Two coastal states filed a suit on Monday against the port tax.\n"
            "The states of Vellin and Dorsa joined the suit later.\n"
            "The charter states that the port is free.\n"
            "\"The port is free,\" the charter states.\n")
    assert _sources(text, []) == [None, None, "charter", "charter"]


def test_a_spokesperson_is_named_with_the_party_it_speaks_for():
    text = ("Ana Ruiz, a spokeswoman for the Harbour Board, said the port would reopen.\n"
            "\"We reacted too fast,\" she said.\n"
            "\"It is over,\" said Abel Tamm, a spokesman for Rep. Eda Lind (D-Vellin).\n"
            "Olga Berg, a lawyer for the union, said the port was safe.\n")
    assert _sources(text, []) == ["Ana Ruiz, spokeswoman for the Harbour Board",
                                  "Ana Ruiz, spokeswoman for the Harbour Board",
                                  "Abel Tamm, spokesman for Rep. Eda Lind", "Olga Berg"]


def test_a_conjunction_opening_the_sentence_is_not_part_of_the_source():
    assert _sources("But Ruiz said the port was safe.\n", []) == ["Ruiz"]


def test_a_relative_pronoun_the_parse_cited_yields_to_the_name_it_stands_for():
    text = ("\"We are tired of waiting,\" said Ana Ruiz, a council candidate, who said "
            "voters at a meeting were angry.\n")
    angry = _cited(event(text, "angry", "PROTEST", source=("who", None)), text, "who")
    assert _sources(text, [angry]) == ["Ana Ruiz"]


def test_he_never_stands_for_a_document_nor_officials_for_a_poll():
    text = ("\"The raid was routine,\" Abel Tamm said.\n"
            "The 40-page indictment released early Friday alleges that Ruiz hid the funds.\n"
            "He added: \"This is a vendetta.\"\n"
            "A poll published Monday says that most voters back the port.\n"
            "It was the first such suit, according to officials.\n")
    assert _sources(text, []) == ["Abel Tamm", "40-page indictment released early Friday",
                                  "Abel Tamm", "poll published Monday", "officials"]


def test_the_parses_pronoun_yields_when_its_referent_cannot_be_meant():
    text = ("Mr. Tamm spoke first at the rally.\n"
            "Later on, she said the port would reopen.\n")
    said = _cited(event(text, "reopen", "AGREE", source=("she", None)), text, "she")
    said["attributed_to"]["refers_to"] = "Mr. Tamm"
    assert _sources(text, [said])[1] != "Mr. Tamm"


def test_an_impersonal_it_names_no_source():
    text = "The deal came after it was first announced that the port would close.\n"
    came = _cited(event(text, "came", "AGREE", source=("it", None)), text, "it")
    assert _sources(text, [came]) == [None]


def test_a_documents_words_are_its_authors():
    text = ("Vellin and Dorsa filed a lawsuit against the port tax on Monday.\n"
            "\"The tax is unlawful,\" the suit says.\n"
            "Most of the council signed a letter from Councillor Ana Ruiz.\n"
            "The letter says the mayor must resign.\n"
            "Fees rose again at the port. The Tamm campaign hit back with an ad of its own.\n"
            "The ad says: \"Tamm will fix the port.\"\n"
            "The two states filed a complaint.\n"
            "The complaint says the port tax is unlawful.\n"
            "\"The port is open,\" the memo states.\n")
    assert _sources(text, []) == [None, "Vellin and Dorsa", None, "Councillor Ana Ruiz", None,
                                  None, "Tamm campaign", None, "complaint", "memo"]


def test_a_subordinating_conjunction_opens_no_source_and_a_clause_is_none():
    text = ("The port reopened on Monday, while Ruiz said the fees would stay.\n"
            "The report comes a day after Mayor Abel Tamm insisted \"nothing is wrong\".\n"
            "Most ships are coming back, and its trade in the United States, with a few "
            "exceptions, is growing.\n")
    assert _sources(text, []) == ["Ruiz", None, None]


def test_a_speaker_of_a_clause_joined_after_a_comma():
    text = ("Ana Ruiz of Vellin, the top Democrat on the panel, stopped short of calling for "
            "a vote on the harbour plan, but she said the mayor should insist that the fees "
            "stay low.\n"
            "Abel Tamm has led the board for years, and has long maintained that the port "
            "is safe.\n")
    assert _sources(text, []) == ["Ana Ruiz", None]
    # a determiner opening the sentence is no person "she" could stand for
    text = ("The board's own work would go on, though outside the room she has indicated "
            "that it may shift.\n")
    assert _sources(text, []) != ["The"]
