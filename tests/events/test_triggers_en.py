"""English triggers: word class from context, names, readiness, ultimatums and lexicon entries
taken from the CAMEO verb dictionary. Small invented sentences."""

from __future__ import annotations

import pytest
from tests.events.trigger_eval import triggers_of

from khabar.events.morphology import en_verb_forms
from khabar.events.triggers import Trigger


def _triggers(sentence: str) -> list[Trigger]:
    return triggers_of(sentence, "en")


def _types(sentence: str) -> list[tuple[str, str, str]]:
    """(text, type, modality) of each trigger, in text order."""
    return [(t.text, t.type, t.modality) for t in _triggers(sentence)]


# -- morphology ---------------------------------------------------------------------------------

def test_two_syllable_verbs_do_not_double_their_last_consonant() -> None:
    forms = [f for f, _ in en_verb_forms("open")]
    assert "opened" in forms and "opening" in forms and "openned" not in forms
    assert "banned" in [f for f, _ in en_verb_forms("ban")]


def test_british_double_l_is_generated_next_to_the_american_spelling() -> None:
    forms = [f for f, _ in en_verb_forms("cancel")]
    assert {"canceled", "cancelled", "cancelling"} <= set(forms)


def test_opened_fire_is_an_armed_attack() -> None:
    assert ("opened fire", "ASSAULT", "asserted") in _types(
        "Police opened fire to disperse the crowd on Monday.")


# -- a verb form used as a noun or adjective ----------------------------------------------------

def test_strike_after_a_determiner_is_the_noun() -> None:
    found = _triggers("Workers began an open-ended strike on Monday.")
    assert [(t.text, t.type, t.mode) for t in found] == [("strike", "PROTEST", "strike")]


def test_the_verb_reading_stays_without_a_determiner() -> None:
    assert [t.type for t in _triggers("Rebels strike the town at dawn.")] == ["ASSAULT"]


def test_a_strike_with_a_military_cue_is_an_attack() -> None:
    found = _triggers("The strikes by warplanes hit army positions near the border.")
    assert [(t.type, t.mode) for t in found] == [("ASSAULT", "aerial")]


def test_participle_after_a_determiner_or_hyphen_is_an_adjective() -> None:
    assert _types("Troops remained in the Israeli-occupied territories.") == []
    assert "CONSULT" not in [t[1] for t in _types("A UN-brokered deal was rejected.")]
    assert _types("He was a member of the banned movement.") == []


def test_press_release_is_no_request() -> None:
    assert _types("The group said so in a press release on Monday.") == []


# -- capitalised trigger words inside names -----------------------------------------------------

def test_trigger_words_inside_names_do_not_fire() -> None:
    assert [t for t in _types("Amnesty International accused the government of torture.")
            if t[1] != "ASSAULT"] == [("accused", "ACCUSE", "asserted")]
    assert _types("The agreement signed in March was violated.")[0][1] == "AGREE"
    assert not any(t[0] == "March" for t in _types("The agreement signed in March was violated."))


def test_capitalised_first_word_of_a_sentence_still_fires() -> None:
    assert _types("Talks between the two ministers resumed on Monday.")[0][1] == "CONSULT"
    assert _types("Attack on the convoy kills five soldiers.")[0][1] == "ASSAULT"


def test_headline_capitals_do_not_hide_triggers() -> None:
    assert "ASSAULT" in [t[1] for t in _types("Rebels Attack Army Convoy Near Border")]


# -- readiness: offers and threats said now ------------------------------------------------------

def test_readiness_for_a_cooperative_act_is_an_offer() -> None:
    assert _types("Israel is ready to meet Syrian leaders.") == [("meet", "AGREE", "asserted")]
    assert _types("The president said he is prepared to lift the ban on the party.")[0][1:] == (
        "AGREE", "asserted")


def test_readiness_for_a_forceful_act_is_a_threat() -> None:
    found = _triggers("The government said it is prepared to impose martial law.")
    assert [(t.type, t.modality) for t in found] == [("THREATEN", "asserted")]


def test_the_verb_prepared_is_no_readiness() -> None:
    assert _types("The army prepared to resume shelling the villages.") == [
        ("shelling", "ASSAULT", "future")]


def test_readiness_applies_only_to_the_act_right_after_it() -> None:
    found = _types("Air defence units are ready to counter an airstrike.")
    assert ("airstrike", "ASSAULT", "future") in found


def test_will_alone_stays_an_intention() -> None:
    assert _types("The minister will visit Albania in June.") == [("visit", "CONSULT", "future")]


# -- ultimatums: a protest or boycott made conditional is a threat (CAMEO 133) --------------------------------------------------

def test_boycott_unless_is_a_threat() -> None:
    found = _triggers("The party said it will boycott the elections unless the president resigns.")
    assert (found[0].type, found[0].mode, found[0].modality) == (
        "THREATEN", "relations", "asserted")


def test_withdrawal_unless_stays_no_threat() -> None:
    found = _triggers("Nigeria said it will withdraw its force from Chad unless talks begin.")
    assert [t.type for t in found if t.type == "THREATEN"] == []


# -- lexicon entries (CAMEO verb dictionary) ----------------------------------------------------

@pytest.mark.parametrize(("sentence", "text", "type_"), [
    ("The two sides reached a consensus on water resources.", "reached a consensus", "AGREE"),
    ("Five hundred rebels surrendered to the army last week.", "surrendered", "RETREAT"),
    ("Rebels laid down their arms in the northern province.", "laid down their arms", "RETREAT"),
    ("The prosecutor opened an investigation into the killings.", "opened an investigation",
     "ACCUSE"),
    ("The businessman is suing the government for damages.", "suing", "ACCUSE"),
    ("The vice-president declined to resign.", "declined to", "REJECT"),
    ("Both sides failed to reach agreement on the border.", "reach agreement", "REJECT"),
    ("The minister cancelled a planned visit to Haiti.", "cancelled a planned visit", "SANCTION"),
    ("Syrian officers ended mediation between the militias.", "ended mediation", "SANCTION"),
    ("Somalia cut diplomatic ties with Iran.", "cut diplomatic ties", "SANCTION"),
    ("The two countries established diplomatic relations.", "established diplomatic relations",
     "SUPPORT"),
    ("Israeli officials shared evidence with the United States.", "shared evidence",
     "COOPERATE"),
    ("The government outlawed the organization.", "outlawed", "COERCE"),
    ("Bulldozers demolished dozens of homes.", "demolished", "COERCE"),
    ("The army declared a state of emergency in the capital.",
     "declared a state of emergency", "COERCE"),
    ("Troops were put on high alert along the border.", "on high alert", "MOBILIZE"),
    ("Guerrillas blew up three power lines.", "blew up", "ASSAULT"),
    ("Soldiers beat up detainees in the camp.", "beat up", "ASSAULT"),
    ("Helicopters evacuated the wounded from the town.", "evacuated", "AID"),
    ("The United States continued to send arms to Pakistan.", "send arms", "AID"),
    ("The army lifted the blockade on the city.", "lifted the blockade", "RETREAT"),
])
def test_lexicon_entry(sentence: str, text: str, type_: str) -> None:
    found = [(t.text, t.type) for t in _triggers(sentence)
             if t.modality == "asserted" or t.entry.startswith("en:reach")]
    assert (text, type_) in found


def test_violating_a_ceasefire_is_an_armed_act() -> None:
    found = _triggers("Both armies are guilty of violating the ceasefire.")
    assert (found[0].type, found[0].weak) == ("ASSAULT", False)


def test_receiving_inspectors_allows_access() -> None:
    found = _triggers("The prime minister received a team of inspectors from the agency.")
    assert (found[0].type, found[0].mode) == ("RETREAT", "access")


def test_readiness_offer_does_not_fire_on_a_negated_sentence() -> None:
    found = _triggers("Israel is not ready to meet Syrian leaders.")
    assert all(t.type != "AGREE" or t.modality != "asserted" for t in found)
