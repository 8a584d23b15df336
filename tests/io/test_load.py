"""Loading files and folders: formats, layouts, and the example of docs/index.md as written."""

from __future__ import annotations

import json
import sys
import textwrap

import pendulum
import pytest

import libyamodel as lm

FORMAT_EXAMPLE = """\
- type: legitimacy_claim
  id: gnc-claims-legislature-2014
  claimant: general-national-congress
  role: legislature
  basis: continuity
  period: {start: 2014-08-25, end: "2016-04.."}
  evidence:
    - source: commons-library-snia-7023
      quote: "continued to meet in Tripoli as the General National Congress"
      stance: affirms
"""

CONTEXT = """\
- type: institution
  id: general-national-congress
  name: General National Congress
  aliases: [GNC]
  kind: legislature
- type: source
  id: commons-library-snia-7023
  title: "Libya: deepening conflict"
  published: 2014-11-13
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_design_example_loads_exactly_as_written(tmp_path):
    write(tmp_path, "context.yaml", CONTEXT)
    write(tmp_path, "claim.yaml", FORMAT_EXAMPLE)
    ds = lm.load(tmp_path, bundled=False)
    claim = ds.get("gnc-claims-legislature-2014")
    assert isinstance(claim, lm.LegitimacyClaim)
    assert claim.claimant == "general-national-congress"
    assert claim.role == "legislature"
    assert claim.basis == "continuity"
    assert str(claim.period.start) == "2014-08-25"
    assert str(claim.period.end) == "2016-04.."
    assert claim.evidence[0].stance is lm.Stance.AFFIRMS
    assert claim.status is lm.Status.CONFIRMED
    source = ds.get("commons-library-snia-7023")
    assert isinstance(source, lm.Source)
    assert source.published == lm.PartialDate.parse("2014-11-13")
    assert type(source.published.earliest) is pendulum.Date


def test_mapping_layout_and_json_load_the_same_records(tmp_path):
    yaml_folder, json_folder, mapping_folder = (tmp_path / n for n in ("y", "j", "m"))
    for folder in (yaml_folder, json_folder, mapping_folder):
        folder.mkdir()
    write(yaml_folder, "all.yaml", CONTEXT + FORMAT_EXAMPLE)
    records = [
        {
            "type": "institution",
            "id": "general-national-congress",
            "name": "General National Congress",
            "aliases": ["GNC"],
            "kind": "legislature",
        },
        {
            "type": "source",
            "id": "commons-library-snia-7023",
            "title": "Libya: deepening conflict",
            "published": "2014-11-13",
        },
        {
            "type": "legitimacy_claim",
            "id": "gnc-claims-legislature-2014",
            "claimant": "general-national-congress",
            "role": "legislature",
            "basis": "continuity",
            "period": {"start": "2014-08-25", "end": "2016-04.."},
            "evidence": [
                {
                    "source": "commons-library-snia-7023",
                    "quote": "continued to meet in Tripoli as the General National Congress",
                    "stance": "affirms",
                }
            ],
        },
    ]
    (json_folder / "all.json").write_text(json.dumps(records), encoding="utf-8")
    write(
        mapping_folder,
        "all.yml",
        """\
        institution:
          - {id: general-national-congress, name: General National Congress,
             aliases: [GNC], kind: legislature}
        source:
          - {id: commons-library-snia-7023, title: "Libya: deepening conflict",
             published: 2014-11-13}
        legitimacy_claim:
          - id: gnc-claims-legislature-2014
            claimant: general-national-congress
            role: legislature
            basis: continuity
            period: {start: 2014-08-25, end: "2016-04.."}
            evidence:
              - source: commons-library-snia-7023
                quote: "continued to meet in Tripoli as the General National Congress"
        """,
    )
    from_yaml = lm.load(yaml_folder, bundled=False)
    assert lm.load(json_folder, bundled=False) == from_yaml
    assert lm.load(mapping_folder, bundled=False) == from_yaml
    assert len(from_yaml) == 3


def test_a_single_file_and_a_list_of_paths_load(tmp_path):
    a = write(tmp_path, "a.yaml", CONTEXT)
    b = write(tmp_path, "b.yaml", FORMAT_EXAMPLE)
    assert len(lm.load([a, b], bundled=False)) == 3
    assert len(lm.load(str(a), bundled=False)) == 2


def test_yaml_words_that_look_like_other_types_stay_text(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        """\
        - type: actor
          id: on
          name: no
          aliases: [yes, off, 2014-06-25, "12"]
          kind: other
        - type: place
          id: tripoli
          name: Tripoli
          kind: city
          lat: 32.9
          lon: 13
        """,
    )
    ds = lm.load(tmp_path, bundled=False)
    actor = ds.get("on")
    assert isinstance(actor, lm.Actor)
    assert actor.name == "no"
    assert actor.aliases == ("yes", "off", "2014-06-25", "12")
    place = ds.get("tripoli")
    assert isinstance(place, lm.Place)
    assert (place.lat, place.lon) == (32.9, 13.0)


def test_observation_shorthand_and_scalar_period(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        CONTEXT
        + """\
- type: place
  id: tripoli
  name: Tripoli
  kind: city
- type: control_claim
  id: gnc-holds-tripoli
  controller: general-national-congress
  place: tripoli
  period: {observed: 2014-11-13}
  evidence: [{source: commons-library-snia-7023, quote: "are now in control"}]
- type: event
  id: something-in-november
  name: Something
  kind: other
  period: 2014-11
  evidence: [{source: commons-library-snia-7023, quote: "in November"}]
""",
    )
    ds = lm.load(tmp_path, bundled=False)
    observed = ds.get("gnc-holds-tripoli")
    assert isinstance(observed, lm.ControlClaim)
    assert observed.period == lm.Period.observed("2014-11-13")
    assert observed.period.truth("2014-11-13") is lm.Truth.YES
    assert observed.period.truth("2014-11-14") is lm.Truth.MAYBE
    event = ds.get("something-in-november")
    assert isinstance(event, lm.Event)
    assert event.period.start == event.period.end == lm.PartialDate.parse("2014-11")


def test_user_data_may_refer_to_bundled_entities(tmp_path):
    bundled = lm.load()
    source = next(e for e in bundled.entities if isinstance(e, lm.Source))
    write(
        tmp_path,
        "mine.yaml",
        f"""\
        - type: actor
          id: my-own-actor
          name: My own actor
          kind: other
        - type: support
          id: my-support
          supporter: my-own-actor
          supported: {bundled.entities[0].id if False else "my-own-actor"}
          kind: other
          period: 2014
          evidence: [{{source: {source.id}, quote: "a quote of my own"}}]
        """,
    )
    merged = lm.load(tmp_path)
    assert len(merged) == len(bundled) + 2
    assert merged.get("my-support") is not None


def test_an_id_defined_in_user_data_and_bundled_is_an_error(tmp_path):
    bundled = lm.load()
    source = next(e for e in bundled.entities if isinstance(e, lm.Source))
    path = write(
        tmp_path,
        "mine.yaml",
        f"""\
        - type: source
          id: {source.id}
          title: Another
          published: 2020
        """,
    )
    with pytest.raises(lm.DataError) as caught:
        lm.load(tmp_path)
    (problem,) = caught.value.problems
    assert problem.file == path
    assert problem.line == 2
    assert "already defined" in problem.message


def test_an_empty_file_is_an_empty_dataset(tmp_path):
    write(tmp_path, "empty.yaml", "")
    assert len(lm.load(tmp_path, bundled=False)) == 0


def test_loading_nothing_is_refused():
    with pytest.raises(ValueError, match="nothing to load"):
        lm.load(bundled=False)


PARAPHRASED = """\
- type: source
  id: un-press-sc10389
  title: Security Council establishes a support mission in Libya
  publisher: United Nations
  published: 2011-09-16
  url: https://press.un.org/en/2011/sc10389.doc.htm
  kind: un_document
- type: membership
  id: gnc-member-of-itself
  member: general-national-congress
  organization: general-national-congress
  role: part
  period: {start: 2012-08-08}
  evidence:
    - source: un-press-sc10389
      locator: para. 2
      paraphrase: The Council set up the mission for an initial three months.
"""


def test_paraphrased_evidence_source_kinds_and_memberships_load(tmp_path):
    write(tmp_path, "context.yaml", CONTEXT)
    write(tmp_path, "timeline.yaml", PARAPHRASED)
    ds = lm.load(tmp_path, bundled=False)
    (membership,) = ds.memberships(on="2013-01-01", organization="GNC")
    (item,) = membership.evidence
    assert item.quote is None
    assert item.paraphrase.startswith("The Council set up")
    assert ds.get("un-press-sc10389").kind is lm.SourceKind.UN_DOCUMENT
    assert ds.memberships(on="2012-08-07") == ()


def test_evidence_with_neither_quote_nor_paraphrase_is_refused_with_its_line(tmp_path):
    write(tmp_path, "context.yaml", CONTEXT)
    bare = PARAPHRASED.replace(
        "      paraphrase: The Council set up the mission for an initial three months.\n", ""
    )
    path = write(tmp_path, "timeline.yaml", bare)
    with pytest.raises(lm.DataError) as caught:
        lm.load(tmp_path, bundled=False)
    (problem,) = caught.value.problems
    assert problem.file == path
    assert problem.line == 15  # the evidence item
    assert "paraphrase" in problem.message


def test_an_observation_reads_the_same_under_its_old_key(tmp_path):
    write(tmp_path, "context.yaml", CONTEXT)
    write(
        tmp_path,
        "claim.yaml",
        FORMAT_EXAMPLE.replace('{start: 2014-08-25, end: "2016-04.."}', "{on: 2014-11-13}"),
    )
    old = lm.load(tmp_path, bundled=False)
    write(
        tmp_path,
        "claim.yaml",
        FORMAT_EXAMPLE.replace('{start: 2014-08-25, end: "2016-04.."}', "{observed: 2014-11-13}"),
    )
    assert lm.load(tmp_path, bundled=False) == old
    (claim,) = old.facts
    assert claim.period == lm.Period.observed("2014-11-13")


def test_observed_and_on_together_are_refused(tmp_path):
    write(tmp_path, "context.yaml", CONTEXT)
    path = write(
        tmp_path,
        "claim.yaml",
        FORMAT_EXAMPLE.replace(
            '{start: 2014-08-25, end: "2016-04.."}', "{observed: 2014-11-13, on: 2014-11-13}"
        ),
    )
    with pytest.raises(lm.DataError) as caught:
        lm.load(tmp_path, bundled=False)
    (problem,) = caught.value.problems
    assert problem.file == path
    assert problem.field == "period.on"


def test_json_loads_alike_without_msgspec(tmp_path, monkeypatch):
    from libyamodel.io import _typed

    path = tmp_path / "places.json"
    path.write_text('[{"type": "place", "id": "p", "name": "P", "kind": "town"}]')
    monkeypatch.setitem(sys.modules, "msgspec", None)  # as if it were not installed
    _typed._decoder.cache_clear()
    try:
        assert _typed.typed_records(path.read_text(), lm.io.Limits()) is None
        assert [entity.name for entity in lm.load(path, bundled=False).entities] == ["P"]
    finally:
        _typed._decoder.cache_clear()
