"""Dataset: validation of model objects, lookup, equality, and the dump/load round trip."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import libyamodel as lm
from libyamodel.strategies import datasets

SOURCE = lm.Source(id="s", title="T", published=lm.PartialDate.parse("2014-11-13"))
GNC = lm.Institution(id="gnc", name="General National Congress", kind="legislature")
TRIPOLI = lm.Place(id="tripoli", name="Tripoli", kind="city")


def holds(ident="gnc-holds-tripoli", controller="gnc", place="tripoli"):
    return lm.ControlClaim(
        id=ident,
        controller=controller,
        place=place,
        period=lm.Period.observed("2014-11-13"),
        evidence=[lm.Evidence(source="s", quote="are now in control")],
    )


def test_from_records_builds_a_dataset():
    ds = lm.Dataset.from_records([holds(), SOURCE, GNC, TRIPOLI])
    assert len(ds) == 4
    assert ds.entities == (GNC, SOURCE, TRIPOLI)
    assert ds.facts == (holds(),)
    assert ds.get("gnc") is GNC
    assert ds["tripoli"] is TRIPOLI
    assert "gnc" in ds
    assert ds.get("nobody") is None
    assert ds.counts() == {"control_claim": 1, "institution": 1, "place": 1, "source": 1}


def test_lookup_of_a_missing_id_suggests_near_ones():
    ds = lm.Dataset.from_records([SOURCE, GNC, TRIPOLI])
    with pytest.raises(lm.UnknownId, match="tripoli") as caught:
        ds["tripolli"]
    assert isinstance(caught.value, KeyError)


def test_from_records_validates_as_a_load_does():
    with pytest.raises(lm.DataError) as caught:
        lm.Dataset.from_records([SOURCE, GNC, TRIPOLI, holds(place="gnc"), holds(controller="x")])
    messages = [p.message for p in caught.value.problems]
    assert any("needs a place" in m for m in messages)
    assert any("already defined" in m for m in messages)
    assert any("'x' is not a known id" in m for m in messages)


def test_from_records_refuses_other_objects():
    with pytest.raises(lm.DataError, match="expected a libyamodel record"):
        lm.Dataset.from_records([SOURCE, {"type": "actor"}])  # type: ignore[list-item]


def test_equality_ignores_input_order():
    a = lm.Dataset.from_records([SOURCE, GNC, TRIPOLI, holds()])
    b = lm.Dataset.from_records([holds(), TRIPOLI, GNC, SOURCE])
    assert a == b
    assert hash(a) == hash(b)
    assert a != lm.Dataset.from_records([SOURCE, GNC, TRIPOLI])


def test_a_dataset_cannot_be_changed():
    ds = lm.Dataset.from_records([SOURCE])
    with pytest.raises(AttributeError):
        ds._entities = ()


def test_dump_refuses_to_overwrite(tmp_path):
    ds = lm.Dataset.from_records([SOURCE])
    ds.dump(tmp_path)
    with pytest.raises(lm.LibyaModelError, match="overwrite"):
        ds.dump(tmp_path)
    assert len(ds.dump(tmp_path, overwrite=True)) == 1


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(datasets())
def test_dump_then_load_gives_an_equal_dataset(tmp_path_factory, ds):
    folder = tmp_path_factory.mktemp("dump")
    ds.dump(folder)
    assert lm.load(folder, bundled=False) == ds


def test_by_wikidata_finds_an_entity_and_a_qid_is_used_once():
    libya = lm.Place(id="libya", name="Libya", kind="country", wikidata="Q1016")
    ds = lm.Dataset.from_records([SOURCE, GNC, TRIPOLI, libya])
    assert ds.by_wikidata("Q1016") is libya
    assert ds.by_wikidata("Q79") is None
    twin = lm.Place(id="state-of-libya", name="State of Libya", kind="country", wikidata="Q1016")
    with pytest.raises(lm.DataError, match="Q1016 is already 'libya'"):
        lm.Dataset.from_records([libya, twin])


def test_sources_in_publication_order_and_the_span_of_starts():
    later = lm.Source(id="a-later", title="L", published=lm.PartialDate.parse("2016"))
    ds = lm.Dataset.from_records([later, SOURCE, GNC, TRIPOLI, holds()])
    assert ds.sources == (SOURCE, later)
    assert ds.start_span() == (
        lm.PartialDate.parse("2014-11-13").earliest,
        lm.PartialDate.parse("2014-11-13").latest,
    )
    assert lm.Dataset.from_records([SOURCE]).start_span() is None


def test_a_bulk_load_pauses_the_collector_and_restores_it():
    import gc

    from libyamodel.io import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_query_indexes_are_built_by_the_first_query_and_kept(monkeypatch, tmp_path):
    from libyamodel.store._index import Indexes

    built = []
    build = Indexes.build.__func__

    def counted(cls, *args, **kwargs):
        built.append(args)
        return build(cls, *args, **kwargs)

    monkeypatch.setattr(Indexes, "build", classmethod(counted))
    ds = lm.Dataset.from_records([holds(), SOURCE, GNC, TRIPOLI])
    ds.dump(tmp_path / "out")
    narrowed = ds.as_known_on("2015-01-01")
    assert (len(ds), len(narrowed), ds.counts()["control_claim"]) == (4, 4, 1)
    assert built == []  # loading, counting, narrowing and writing need no index
    assert ds.controllers("tripoli", on="2014-11-13") == (holds(),)
    assert ds.controllers("tripoli", on="2014-11-14", certainty="possible") == (holds(),)
    assert ds.timeline("gnc") == (holds(),)
    assert len(built) == 1
