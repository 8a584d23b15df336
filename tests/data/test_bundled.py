"""The bundled dataset: it loads, every fact is cited, every quote is verbatim.

``tests/seeds/`` holds the text of each source document, named by source id.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import libyamodel as lm

SEEDS = Path(__file__).parent.parent / "seeds"
_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Fold the differences a quote may have from its document: spacing and quote marks."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS)
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def bundled():
    return lm.load()


@pytest.fixture(scope="module")
def documents():
    return {path.stem: normalise(path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt")}


def test_the_bundled_data_loads_and_has_every_record_type(bundled):
    counts = bundled.counts()
    for name in (
        "actor",
        "institution",
        "place",
        "office",
        "source",
        "legitimacy_claim",
        "recognition",
        "mandate",
        "tenure",
        "control_claim",
        "conference",
        "ruling",
        "support",
        "event",
    ):
        assert counts.get(name, 0) > 0, name


def test_every_seed_document_is_a_source(bundled, documents):
    sources = {entity.id for entity in bundled.entities if isinstance(entity, lm.Source)}
    assert set(documents) <= sources


def test_every_quote_is_verbatim_in_the_document_it_cites(bundled, documents):
    missing = []
    checked = 0
    for fact in bundled.facts:
        for item in fact.evidence:
            if item.source not in documents:
                continue
            checked += 1
            if item.quote is None:
                missing.append(f"{fact.id}: a seed document is cited without a quote")
                continue
            if normalise(item.quote) not in documents[item.source]:
                missing.append(f"{fact.id}: {item.quote[:60]!r}")
    assert checked > 300
    assert not missing, "\n".join(missing)


def test_quotes_are_more_than_a_word_or_two_and_have_no_ellipses(bundled):
    short = [
        (fact.id, item.quote)
        for fact in bundled.facts
        for item in fact.evidence
        if item.quote is not None
        if len(item.quote.split()) < 3 or "..." in item.quote or "\u2026" in item.quote
    ]
    assert not short


def test_hedged_wording_is_not_affirmed(bundled):
    hedges = ("reportedly", "it is reported", "probably", "rumours")
    affirmed = [
        (fact.id, item.text)
        for fact in bundled.facts
        for item in fact.evidence
        if item.stance is lm.Stance.AFFIRMS and any(h in item.text.lower() for h in hedges)
    ]
    assert not affirmed


def test_every_source_says_its_kind_and_the_others_a_url_and_publisher(bundled, documents):
    for source in bundled.sources:
        assert source.kind is not None, f"{source.id} does not say what kind of source it is"
        if source.id not in documents:
            assert source.url, f"{source.id} is not a seed document and has no url"
            assert source.publisher, f"{source.id} has no publisher"


def test_evidence_from_other_sources_is_located_and_paraphrased_not_quoted(bundled, documents):
    wrong = [
        f"{fact.id}: {item.source}"
        for fact in bundled.facts
        for item in fact.evidence
        if item.source not in documents
        and (item.quote is not None or item.paraphrase is None or item.locator is None)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_paraphrase_copies_a_passage_of_a_seed_document(bundled, documents):
    """A paraphrase is our own words: no run of eight words of it appears in a seed text."""
    seeds = " ".join(documents.values())
    copied = []
    for fact in bundled.facts:
        for item in fact.evidence:
            if item.paraphrase is None:
                continue
            words = normalise(item.paraphrase).split()
            runs = (" ".join(words[i : i + 8]) for i in range(len(words) - 7))
            if any(run in seeds for run in runs):
                copied.append(f"{fact.id}: {item.paraphrase[:60]!r}")
    assert not copied, "\n".join(copied)


def test_no_fact_rests_on_encyclopaedia_pages_alone(bundled):
    kinds = {source.id: source.kind for source in bundled.sources}
    alone = [
        fact.id
        for fact in bundled.facts
        if all(kinds[item.source] is lm.SourceKind.REFERENCE for item in fact.evidence)
    ]
    assert not alone
