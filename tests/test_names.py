"""Names: the spellings real sources use resolve to one entity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.names import DEFAULT_RULES, NameRules


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ghassan Salamé", "ghassan salame"),
        ("Muammar Qaddafi", "Moamer Kadhafi"),
        ("Gaddafi", "Qadhafi"),
        ("Fayez al-Sarraj", "Fayez Seraj"),
        ("Fayez al-Sarraj", "Fayez Al Sarraj"),
        ("Tobruk", "Tubruq"),
        ("Misrata", "Misurata"),
        ("Khalifa Haftar", "Khalifa Hifter"),
        ("Ansar al-Sharia", "Ansar Al-Sharia"),
        ("al-Bayda", "Bayda"),
        ("ash-Shura", "Shura"),
        ("Haftar's forces", "Haftars forces"),
        ("House-of-Representatives", "house of representatives"),
    ],
)
def test_spellings_fold_to_one_key(a, b):
    assert DEFAULT_RULES.key(a) == DEFAULT_RULES.key(b)


def test_different_names_keep_different_keys():
    assert DEFAULT_RULES.key("Tripoli") != DEFAULT_RULES.key("Tobruk")
    assert DEFAULT_RULES.key("General National Congress") != DEFAULT_RULES.key("GNA")


def test_users_extend_the_variants_as_data():
    rules = DEFAULT_RULES.with_variants({"Ajdabiya": ["Ajdabia"]})
    assert rules.key("Ajdabia") == rules.key("Ajdabiya")
    assert DEFAULT_RULES.key("Ajdabia") != DEFAULT_RULES.key("Ajdabiya")
    assert isinstance(rules, NameRules)
    with pytest.raises(ValueError, match="one word"):
        DEFAULT_RULES.with_variants({"two words": ["x"]})


@given(st.text(max_size=40))
def test_folding_is_idempotent(text):
    key = DEFAULT_RULES.key(text)
    assert DEFAULT_RULES.key(key) == key


@pytest.fixture(scope="module")
def ds():
    return lm.load()


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("GNC", "general-national-congress"),
        ("HoR", "house-of-representatives"),
        ("Council of Deputies", "house-of-representatives"),
        ("GNA", "government-of-national-accord"),
        ("LNA", "libyan-national-army"),
        ("UNSMIL", "unsmil"),
        ("IS", "islamic-state"),
        ("ISIS", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("Kadhafi", "muammar-qaddafi"),
        ("Fayez Seraj", "fayez-al-sarraj"),
        ("Ghassan Salamé", "ghassan-salame"),
        ("Tubruq", "tobruk"),
        ("Misurata", "misrata"),
        ("Hifter", "khalifa-haftar"),
        ("sirte", "sirte"),
    ],
)
def test_the_bundled_entities_resolve_by_their_usual_names(ds, name, ident):
    assert ds.resolve(name).id == ident


def test_search_ranks_the_closest_first(ds):
    assert ds.search("Haftr")[0].id == "khalifa-haftar"
    assert ds.search("Salame", limit=1)[0].id == "ghassan-salame"
    assert len(ds.search("Libya", limit=3)) == 3


def test_an_unknown_name_suggests_three(ds):
    with pytest.raises(lm.UnknownName) as caught:
        ds.resolve("Kadaffi Muammer")
    assert len(caught.value.suggestions) == 3
    assert caught.value.suggestions[0] == "muammar-qaddafi"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("مصراتة", "مصراته"),  # taa marbuta or haa
        ("أحمد", "احمد"),  # alef with or without hamza
        ("السراج", "سراج"),  # the article joined to its word
        ("مُعَمَّر", "معمر"),  # vowel marks
        ("ليـبيا", "ليبيا"),  # a tatweel stretching the line
    ],
)
def test_arabic_spellings_of_one_name_fold_to_one_key(one, other):
    assert DEFAULT_RULES.key(one) == DEFAULT_RULES.key(other) != ""


def test_arabic_and_latin_words_are_kept_apart():
    assert DEFAULT_RULES.words("Khalifa حفتر") == ("khalifa", "حفتر")
