"""The public surface: what ``import libyamodel`` promises."""

from __future__ import annotations

import subprocess
import sys

import pytest

import libyamodel as lm

PUBLIC = [
    "Actor",
    "ActorKind",
    "AmbiguousName",
    "Assessed",
    "Certainty",
    "Conference",
    "ControlClaim",
    "ControlExtent",
    "Coverage",
    "CoverageExtent",
    "DataError",
    "Dataset",
    "DateFormatError",
    "Entity",
    "EntityRef",
    "Event",
    "EventKind",
    "Evidence",
    "Fact",
    "Facts",
    "FieldError",
    "History",
    "Institution",
    "InstitutionKind",
    "LegitimacyClaim",
    "LegitimacyProfile",
    "LibyaModelError",
    "Mandate",
    "MandateKind",
    "Membership",
    "NameRules",
    "NamedEntity",
    "Office",
    "PartialDate",
    "Participant",
    "Period",
    "PeriodError",
    "Place",
    "PlaceKind",
    "Position",
    "Precision",
    "Problem",
    "Question",
    "Recognition",
    "Record",
    "Response",
    "Roles",
    "Rule",
    "Ruling",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Status",
    "Stretch",
    "Support",
    "SupportKind",
    "Tenure",
    "Truth",
    "UnknownId",
    "UnknownName",
    "UnknownRole",
    "Verdict",
    "__version__",
    "bundled_data_path",
    "load",
]


def test_all_is_sorted_and_pinned():
    assert lm.__all__ == sorted(lm.__all__)
    assert lm.__all__ == PUBLIC
    for name in lm.__all__:
        assert hasattr(lm, name), name


def test_every_error_derives_from_the_root_and_its_builtin():
    assert issubclass(lm.DataError, lm.LibyaModelError)
    assert issubclass(lm.DataError, ValueError)
    assert issubclass(lm.UnknownName, LookupError)
    assert issubclass(lm.AmbiguousName, LookupError)
    assert issubclass(lm.UnknownId, KeyError)
    assert issubclass(lm.DateFormatError, ValueError)
    assert issubclass(lm.FieldError, lm.LibyaModelError)


def test_import_does_not_pull_in_optional_libraries_or_what_only_a_mistake_needs():
    code = (
        "import sys, libyamodel; "
        "print(sorted(m for m in ('hypothesis', 'pandas', 'matplotlib', 'rapidfuzz', 'yaml',"
        " 'msgspec')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_package_is_typed():
    from importlib import resources

    assert (resources.files("libyamodel") / "py.typed").is_file()


def test_the_converter_is_made_on_first_use_and_still_exported():
    code = (
        "import sys, libyamodel\n"
        "print('cattrs' in sys.modules)\n"
        "from libyamodel.io import _convert\n"
        "print(_convert._converters.cache_info().currsize)\n"
        "from libyamodel.io import converter\n"
        "print(_convert._converters.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0", "1"]
    place = lm.Place(id="sirte", name="Sirte", kind=lm.PlaceKind.TOWN)
    assert lm.io.converter.unstructure(place)["name"] == "Sirte"
    assert lm.io.converter.structure({"start": "2016-05"}, lm.Period) == lm.Period("2016-05")


def test_the_io_package_names_what_it_lacks():
    with pytest.raises(AttributeError, match="no_such_thing"):
        lm.io.no_such_thing  # noqa: B018


QUERIES = (
    "claimants",
    "recognitions",
    "mandates",
    "holders",
    "controllers",
    "territory",
    "supports",
    "memberships",
    "rulings",
    "conferences",
    "events",
    "timeline",
)


@pytest.mark.parametrize("name", QUERIES)
def test_queries_agree_on_their_shape(name):
    """The entity first, then the date; options by keyword only; an answer of Facts."""
    import inspect

    signature = inspect.signature(getattr(lm.Dataset, name))
    parameters = list(signature.parameters.values())[1:]
    positional = [p for p in parameters if p.kind is not p.KEYWORD_ONLY]
    assert len(positional) <= 2, [p.name for p in positional]
    assert all(p.kind is p.KEYWORD_ONLY for p in parameters if p.name == "certainty")
    assert {p.name for p in parameters}.isdisjoint({"type", "id"})
    assert str(signature.return_annotation).startswith("Facts[")


def test_no_dataset_method_takes_a_parameter_named_type_or_id():
    import inspect

    for name, member in vars(lm.Dataset).items():
        if callable(member) and not name.startswith("__"):
            assert {"type", "id"}.isdisjoint(inspect.signature(member).parameters), name
