"""Names as people write them: French, Italian, Arabic and misspelt names find the entity meant,
names the press gave to two bodies stay ambiguous, and search ranks the meant entity first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.names import DEFAULT_RULES
from libyamodel.strategies import datasets

GNA = "government-of-national-accord"
GNU = "government-of-national-unity"

RANKING = [
    # English names, acronyms and partial names
    ("Government of National Unity", "government-of-national-unity"),
    ("Government of National Accord", "government-of-national-accord"),
    ("National Unity Government", "government-of-national-unity"),
    ("High Council of State", "high-council-of-state"),
    ("High State Council", "high-council-of-state"),
    ("House of Representatives", "house-of-representatives"),
    ("Presidential Council", "presidency-council"),
    ("Central Bank", "central-bank-of-libya"),
    ("National Oil Corporation", "national-oil-corporation"),
    ("Libyan National Army", "libyan-national-army"),
    ("Libya National Army", "libyan-national-army"),
    ("Parliament in Tobruk", "house-of-representatives"),
    ("GNA", "government-of-national-accord"),
    ("GNU", "government-of-national-unity"),
    ("HoR", "house-of-representatives"),
    ("LNA", "libyan-national-army"),
    ("HCS", "high-council-of-state"),
    ("UNSMIL", "unsmil"),
    ("NTC", "national-transitional-council"),
    ("GNC", "general-national-congress"),
    # misspellings and transliterations
    ("Hafter", "khalifa-haftar"),
    ("Haftr", "khalifa-haftar"),
    ("Sarraj", "fayez-al-sarraj"),
    ("Serraj", "fayez-al-sarraj"),
    ("Seraj", "fayez-al-sarraj"),
    ("Dbeibah", "abdul-hamid-dbeibah"),
    ("Dbaiba", "abdul-hamid-dbeibah"),
    ("Bashaga", "fathi-bashagha"),
    ("Kadaffi", "muammar-qaddafi"),
    ("Goverment of Natinal Unity", "government-of-national-unity"),
    ("Hight Council of State", "high-council-of-state"),
    ("Presidency Counsil", "presidency-council"),
    ("Tripolli", "tripoli"),
    ("Bengazi", "benghazi"),
    ("Misratah", "misrata"),
    ("Kadaffi Muammer", "muammar-qaddafi"),
    # abbreviated, partial and with articles
    ("House of Reps", "house-of-representatives"),
    ("Govt National Unity", "government-of-national-unity"),
    ("Natl Unity Govt", "government-of-national-unity"),
    ("Hgh Cncl of State", "high-council-of-state"),
    ("Presidency", "presidency-council"),
    ("UN mission", "unsmil"),
    ("the GNU", "government-of-national-unity"),
    ("la Chambre des représentants", "house-of-representatives"),
    ("Field Marshal Khalifa Haftar", "khalifa-haftar"),
    ("Macron", "emmanuel-macron"),
    ("Conte", "giuseppe-conte"),
    # Arabic
    ("خليفة حفتر", "khalifa-haftar"),
    ("حفتر", "khalifa-haftar"),
    ("طرابلس", "tripoli"),
    ("حكومة الوحدة الوطنية", "government-of-national-unity"),
    ("حكومة الوفاق الوطني", "government-of-national-accord"),
    ("مجلس النواب", "house-of-representatives"),
    ("بنغازي", "benghazi"),
    # French
    ("Syrte", "sirte"),
    ("Tripolitaine", "tripolitania"),
    ("Cyrénaïque", "cyrenaica"),
    ("Conseil présidentiel", "presidency-council"),
    ("Chambre des représentants", "house-of-representatives"),
    ("Parlement de Tobrouk", "house-of-representatives"),
    ("Armée nationale libyenne", "libyan-national-army"),
    ("Haut Conseil d'État", "high-council-of-state"),
    ("Banque centrale de Libye", "central-bank-of-libya"),
    ("Mouammar Kadhafi", "muammar-qaddafi"),
    ("Fathi Bachagha", "fathi-bashagha"),
    # Italian
    ("Bengasi", "benghazi"),
    ("Misurata", "misrata"),
    ("Cirenaica", "cyrenaica"),
    ("Consiglio presidenziale", "presidency-council"),
    ("Camera dei rappresentanti", "house-of-representatives"),
    ("Esercito nazionale libico", "libyan-national-army"),
    ("Governo di accordo nazionale", "government-of-national-accord"),
    ("Alto Consiglio di Stato", "high-council-of-state"),
    ("Gheddafi", "muammar-qaddafi"),
    ("Parlamento di Tobruk", "house-of-representatives"),
]
"""Typed queries and the entity a reader means by each: the first hit of ``ds.search``."""


@pytest.fixture(scope="module")
def ds():
    return lm.load()


@pytest.mark.parametrize(("typed", "meant"), RANKING)
def test_search_puts_the_meant_entity_first(ds, typed, meant):
    assert ds.search(typed, limit=3)[0].id == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Syrte", "sirte"),
        ("Bengasi", "benghazi"),
        ("Tripolitaine", "tripolitania"),
        ("Cyrénaïque", "cyrenaica"),
        ("Cirenaica", "cyrenaica"),
        ("Conseil présidentiel", "presidency-council"),
        ("Consiglio presidenziale", "presidency-council"),
        ("Chambre des représentants", "house-of-representatives"),
        ("Camera dei rappresentanti", "house-of-representatives"),
        ("Parlement de Tobrouk", "house-of-representatives"),
        ("Armée nationale libyenne", "libyan-national-army"),
        ("Esercito nazionale libico", "libyan-national-army"),
        ("Governo di accordo nazionale", GNA),
        ("Gouvernement d'entente nationale", GNA),
        ("GUN", GNU),
        ("Haut Conseil d'Etat", "high-council-of-state"),
        ("Alto Consiglio di Stato", "high-council-of-state"),
        ("Congrès général national", "general-national-congress"),
        ("Conseil national de transition", "national-transitional-council"),
        ("Mission d'appui des Nations unies en Libye", "unsmil"),
        ("Mouammar Kadhafi", "muammar-qaddafi"),
        ("Gheddafi", "muammar-qaddafi"),
        ("Dbeibah", "abdul-hamid-dbeibah"),
        ("Abdelhamid Dbeibeh", "abdul-hamid-dbeibah"),
        ("Fathi Bachagha", "fathi-bashagha"),
        ("Khaled el-Michri", "khalid-al-mishri"),
        ("Hafter", "khalifa-haftar"),
    ],
)
def test_french_and_italian_names_resolve(ds, typed, meant):
    assert ds.resolve(typed).id == meant


@pytest.mark.parametrize(
    "typed",
    [
        "unity government",
        "Gouvernement d'union nationale",
        "Gouvernement d\u2019union nationale",  # a typographic apostrophe
        "Gouvernement d'unité nationale",
        "GOUVERNEMENT D'UNITE NATIONALE",
        "Governo di unità nazionale",
    ],
)
def test_a_name_the_press_gave_both_unity_governments_is_ambiguous(ds, typed):
    """The press called both the GNA (2016) and the GNU (2021) the national unity, or union,
    government: such a name must not resolve to either one."""
    with pytest.raises(lm.AmbiguousName) as caught:
        ds.resolve(typed)
    assert set(caught.value.candidates) == {GNA, GNU}
    assert {entity.id for entity in ds.search(typed, limit=2)} == {GNA, GNU}


def test_folding_keeps_the_union_and_unity_names_apart():
    """Accents go, but "unité" does not become "union": the two names keep their own keys."""
    union = DEFAULT_RULES.key("Gouvernement d'union nationale")
    unity = DEFAULT_RULES.key("Gouvernement d'unité nationale")
    assert union != unity
    assert unity == DEFAULT_RULES.key("gouvernement d'unite nationale")
    assert DEFAULT_RULES.key("Governo di unità nazionale") != DEFAULT_RULES.key(
        "Governo di accordo nazionale"
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Cyrénaïque", "cyrenaique"),
        ("Haut Conseil d'État", "haut conseil d'etat"),
        ("Haut Conseil d\u2019État", "Haut Conseil d'Etat"),
        ("Salamé", "SALAME"),
        ("Sœur", "soeur"),
        ("Łódź", "lodz"),
        ("Shaʿb", "Shab"),
    ],
)
def test_latin_accents_and_marks_fold_away(one, other):
    assert DEFAULT_RULES.key(one) == DEFAULT_RULES.key(other) != ""


@given(st.text(alphabet="aeiouéèêëàâîïôûùçœæ", min_size=1, max_size=12))
def test_an_accented_word_folds_as_its_plain_letters(word):
    plain = (
        word.replace("œ", "oe")
        .replace("æ", "ae")
        .translate(str.maketrans("éèêëàâîïôûùç", "eeeeaaiiouuc"))
    )
    assert DEFAULT_RULES.key(word) == DEFAULT_RULES.key(plain)


@pytest.mark.parametrize(
    "typed", ["Goverment of Natinal Unity", "Governmnet of National Unity", "Gov of Natl Unity"]
)
def test_a_misspelt_unity_government_suggests_it_first(ds, typed):
    with pytest.raises(lm.UnknownName) as caught:
        ds.resolve(typed)
    assert caught.value.suggestions[0] == GNU
    assert "g8" not in caught.value.suggestions


@pytest.mark.parametrize(
    "typed", ["High Council of State", "Hight Council of State", "High Counsil of State"]
)
def test_the_high_council_of_state_is_not_taken_for_a_person(ds, typed):
    found = ds.search(typed, limit=3)
    assert found[0].id == "high-council-of-state"
    assert not [e.id for e in found if isinstance(e, lm.Actor) and e.kind is lm.ActorKind.PERSON]


def test_a_document_ranks_below_the_body_it_is_about(ds):
    """Source titles name everything; typing a surname means the person, not an article."""
    for typed in ("Dbeibah", "Bashagha", "Mishri", "Menfi"):
        first = ds.search(typed, limit=1)[0]
        assert not isinstance(first, lm.Source), typed


def _keys(entity):
    spellings = [entity.id.replace("-", " "), entity.name, *getattr(entity, "aliases", ())]
    return {DEFAULT_RULES.key(spelling) for spelling in spellings}


@given(datasets(), st.data())
def test_a_name_as_written_ranks_an_entity_of_that_name_first(ds, data):
    named = [entity for entity in ds.entities if DEFAULT_RULES.key(entity.name)]
    if not named:
        return
    entity = data.draw(st.sampled_from(named))
    first = ds.search(entity.name, limit=1)[0]
    assert DEFAULT_RULES.key(entity.name) in _keys(first)
