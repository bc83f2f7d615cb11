"""The language pipelines: lemmas (with and without diacritics, typos), matching, negation."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from inbox_worker.errors import RulesError
from inbox_worker.language import LanguageGuesser, fold
from inbox_worker.nlp import Hit, Understanding, load

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


@cache
def load_understanding() -> Understanding:
    """One Understanding per test process (shared by the test modules that import this)."""
    return load(RULES_DIR)


@pytest.fixture(scope="session")
def understanding() -> Understanding:
    return load_understanding()


def targets(hits: list[Hit], family: str = "category") -> set[str]:
    return {h.target for h in hits if h.family == family and not h.negated}


def test_fold_strips_diacritics_and_l_stroke() -> None:
    assert fold("Zażółć GĘŚLĄ jaźń") == "zazolc gesla jazn"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("pękniętą", "pęknąć"),
        ("zamówieniu", "zamówić"),
        ("brakuje", "brakować"),
        ("ładowarki", "ładowarka"),
        ("dziala", "działać"),  # no diacritics: found through the folded-form index
        ("pekniety", "pęknąć"),
        ("dostalam", "dostać"),  # agglutinated "-m" without diacritics
        ("uszkodzonny", "uszkodzić"),  # one typo
        ("zamawialem", "zamawiać"),  # agglutinated "-em" without diacritics
        ("otrzymalismy", "otrzymać"),  # agglutinated "-śmy" without diacritics
        ("nadal", "nadal"),  # valid as written: not "nadał" from the folded index
        ("mam", "mieć"),  # the lemma the rules write ("nie mieć") beats "mamić"
        ("paczki", "paczka"),
        ("w", "w"),
        ("pudelku", "pudełko"),  # valid as written (a poodle), but a rule word typed bare
        ("dostalem", "dostać"),  # a surname's instrumental as written; dostał+em typed bare
        ("wlasciwie", "właściwie"),  # not turned into the rule word "właściwy"
        ("naprawde", "naprawdę"),  # not one typo away from "naprawa"
    ],
)
def test_polish_lemmas(understanding: Understanding, word: str, lemma: str) -> None:
    assert dict(understanding.lemmas(word, "pl"))[word] == lemma


def test_common_words_keep_their_meaning_next_to_rule_words(
    understanding: Understanding,
) -> None:
    # "nadal nie mam zwrotu": the adverb and "mieć" must survive for the refund rules.
    hits = understanding.analyse("Minął miesiąc i nadal nie mam zwrotu na koncie.", "pl")
    assert "refund" in targets(hits)


def test_english_lemmas(understanding: Understanding) -> None:
    lemmas = dict(understanding.lemmas("It arrived cracked and doesn't work", "en"))
    assert lemmas["arrived"] == "arrive"
    assert lemmas["cracked"] == "crack"
    assert lemmas["n't"] == "not"


def test_amounts_dates_and_order_references_are_single_tokens(
    understanding: Understanding,
) -> None:
    tokens = [
        t for t, _ in understanding.lemmas("Zapłaciłam 1 299,00 zł 12.11.2026 za ZAM-482913", "pl")
    ]
    assert "1 299,00 zł" in tokens
    assert "12.11.2026" in tokens
    assert "ZAM-482913" in tokens


def test_polish_abbreviations_keep_their_dot(understanding: Understanding) -> None:
    tokens = [t for t, _ in understanding.lemmas("tel. 601 234 567, nr. zam. 123", "pl")]
    assert "tel." in tokens and "zam." in tokens


def test_negation_cancels_damage_but_not_the_missing_charger(
    understanding: Understanding,
) -> None:
    hits = understanding.analyse("Paczka nie była uszkodzona, ale brakuje ładowarki.", "pl")
    assert targets(hits) == {"missing_item"}
    assert any(h.negated and h.target == "damaged" for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "Pudełko całe, nic nie stłuczone.",
        "Karton bez uszkodzeń.",
        "None of them are broken.",
        "The box was not damaged.",
    ],
)
def test_negated_damage_is_not_damage(understanding: Understanding, text: str) -> None:
    language = "en" if text.startswith(("None", "The")) else "pl"
    assert "damaged" not in targets(understanding.analyse(text, language))


def test_no_diacritics_matches_like_diacritics(understanding: Understanding) -> None:
    with_marks = targets(understanding.analyse("Czajnik nie działa i przecieka.", "pl"))
    without = targets(understanding.analyse("czajnik nie dziala i przecieka", "pl"))
    assert with_marks == without == {"defective"}


def test_longer_match_hides_the_shorter_one(understanding: Understanding) -> None:
    # "brak zwrotu" is about money, not a missing item.
    assert targets(understanding.analyse("Brak zwrotu pieniędzy od miesiąca.", "pl")) == {"refund"}


def test_request_and_condition_are_marked(understanding: Understanding) -> None:
    hits = understanding.analyse(
        "Proszę o dosłanie ręczników. Jeżeli ich zabrakło, wtedy poproszę o zwrot pieniędzy.", "pl"
    )
    resolutions = {h.target: h for h in hits if h.family == "resolution"}
    assert resolutions["replacement"].request and not resolutions["replacement"].conditional
    assert resolutions["refund"].conditional


def test_refused_request_cancels_the_resolution(understanding: Understanding) -> None:
    hits = understanding.analyse("Nie chcę kolejnego egzemplarza, proszę o zwrot pieniędzy.", "pl")
    assert targets(hits, "resolution") == {"refund"}


def test_language_guess_handles_short_and_undiacritised_text() -> None:
    guesser = LanguageGuesser(load_understanding().rules.language.function_words)
    assert guesser.guess("czy juz wiadomo cos w sprawie zwrotu?").language == "pl"
    assert guesser.guess("Any update on this?").language == "en"
    assert guesser.guess("", "Zwrot towaru").language == "pl"
    assert guesser.guess("").language == "pl"


def test_load_rejects_a_bad_order_pattern() -> None:
    with pytest.raises(RulesError, match="order_number_pattern"):
        load(RULES_DIR, order_number_pattern="[0-9")


def test_load_rejects_bad_rules(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="categories.toml"):
        load(tmp_path)


def test_analysis_is_capped(understanding: Understanding) -> None:
    hits = understanding.analyse("słowo " * 500_000 + "nie działa", "pl")
    assert "defective" not in targets(hits)


def test_together_window_counts_words_not_punctuation(understanding: Understanding) -> None:
    text = (
        "Zamówiłem (zgodnie z ofertą, str. 12, poz. 4, „czajnik biały”) zestaw, a przyszedł czarny."
    )
    assert "wrong_item" in targets(understanding.analyse(text, "pl"))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Lampka się nie zapala.", "pl", True),
        ("Ładowarka? Nie, w pudełku jej nie było.", "pl", False),
        ("The kettle will not switch on.", "en", True),
        ("Charging cable not in the box.", "en", False),
    ],
)
def test_negated_function_needs_the_negation_first(
    understanding: Understanding, text: str, language: str, expected: bool
) -> None:
    found = "defective" in targets(understanding.analyse(text, language))
    assert found is expected


def test_neutral_phrase_hides_category_words(understanding: Understanding) -> None:
    hits = understanding.analyse("Od tygodnia brak odpowiedzi na mój mail.", "pl")
    assert "missing_item" not in targets(hits)


def test_not_having_the_order_number_is_not_a_lost_parcel(understanding: Understanding) -> None:
    hits = understanding.analyse("Niestety nie mam numeru zamówienia, kupował mąż.", "pl")
    assert "not_delivered" not in targets(hits)


def test_nie_in_a_rule_is_never_the_pronoun_je(understanding: Understanding) -> None:
    hits = understanding.analyse("Dodajcie proszę kubek, zanim je wyślecie.", "pl")
    assert "not_delivered" not in targets(hits)


@pytest.mark.parametrize(
    ("text", "language", "kept", "turned_down"),
    [
        ("Zamiast wymiany proszę o zwrot pieniędzy.", "pl", "refund", "replacement"),
        ("Wolę naprawę niż nowy egzemplarz.", "pl", "repair", "replacement"),
        ("Instead of a refund, please repair it.", "en", "repair", "refund"),
    ],
)
def test_alternative_turns_down_a_resolution(
    understanding: Understanding, text: str, language: str, kept: str, turned_down: str
) -> None:
    resolutions = targets(understanding.analyse(text, language), "resolution")
    assert kept in resolutions and turned_down not in resolutions


def test_overlapping_matches_of_one_category_count_once(understanding: Understanding) -> None:
    hits = understanding.analyse("Proszę o wystawienie faktury korygującej.", "pl")
    assert len([h for h in hits if h.target == "billing"]) == 1


def test_sending_back_is_marked_as_a_remedy(understanding: Understanding) -> None:
    hits = understanding.analyse("Chcę odesłać buty.", "pl")
    assert any(h.remedy and h.target == "return" for h in hits)


def test_a_status_question_keeps_the_mention_of_its_complaint(
    understanding: Understanding,
) -> None:
    hits = understanding.analyse("Na jakim etapie jest rozpatrywanie mojej reklamacji?", "pl")
    assert {"status_query", "case"} <= targets(hits, "kind")


def test_the_vocabulary_stops_growing_and_matching_still_works(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long-running worker reads endless new strings (names, codes, typos): past an
    allowance they are forgotten, and the rules match as before."""
    from inbox_worker import nlp

    monkeypatch.setattr(nlp._Forgetful, "STRINGS_KEPT", 300)
    monkeypatch.setattr(nlp._Forgetful, "FORGET_EVERY", 10)
    understanding = load(RULES_DIR)
    strings = understanding._pipelines["pl"].nlp.vocab.strings
    start = len(strings)
    sizes = []
    for n in range(200):
        codes = " ".join(f"kod{n}x{k} nazwisko{n}y{k}" for k in range(20))
        hits = understanding.analyse(f"Paczka przyszła uszkodzona. {codes}", "pl")
        assert "damaged" in targets(hits)
        sizes.append(len(strings))
    # 200 texts bring 8,000 new words (and their shapes and affixes): without forgetting
    # the store grows with every text; with it, it stays at the allowance plus at most
    # one zone of 10 texts (the second half would add 4,000 words without it).
    assert max(sizes[100:]) <= max(sizes[:100]) + 50
    assert max(sizes) < start + 300 + 10 * 200
    assert sizes[-1] > start + 300
