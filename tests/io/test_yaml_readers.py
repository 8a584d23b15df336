"""Every YAML reader reads the data files as written: PyYAML (YAML 1.1), ruamel.yaml (YAML 1.2)
and the library's own reader, for the bundled files and for what dump writes."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from ruamel.yaml import YAML

import libyamodel as lm
from libyamodel.io import dump_records
from libyamodel.io._reading import read
from libyamodel.strategies import datasets

BUNDLED = sorted(lm.bundled_data_path().rglob("*.yaml"))


def plain(value: object) -> object:
    """Data as text, numbers, lists and mappings: a YAML 1.1 reader's dates back as the
    text they were written as, which is how the library reads them."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def readings(path: Path) -> tuple[object, object, object]:
    text = path.read_text(encoding="utf-8")
    return (
        plain(yaml.safe_load(text)),
        plain(YAML(typ="safe", pure=True).load(text)),
        read(path).data,
    )


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.parent.name + "/" + path.name)
def test_every_bundled_file_reads_the_same_in_yaml_1_1_and_1_2(path):
    pyyaml, ruamel, ours = readings(path)
    assert pyyaml == ours
    assert ruamel == ours


def test_every_dumped_file_reads_the_same_in_yaml_1_1_and_1_2(tmp_path):
    for path in lm.load().dump(tmp_path):
        pyyaml, ruamel, ours = readings(path)
        assert pyyaml == ours, path.name
        assert ruamel == ours, path.name


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_entities=10, max_facts=10))
def test_any_dumped_dataset_reads_the_same_in_yaml_1_1_and_1_2(dataset):
    with tempfile.TemporaryDirectory() as folder:
        for path in dump_records(dataset, Path(folder)):
            pyyaml, ruamel, ours = readings(path)
            assert pyyaml == ours, path.name
            assert ruamel == ours, path.name


TRICKY = ["0o17", "017", "-.5e-3", "+12", ".5", "5.", ".inf", ".nan", "0x7DE", "1_000", "0b101"]
TRICKY += ["True", "FALSE", "yes", "on", "Off", "1:20", "1e3", "~", "null", "2014", "2014-06-25"]


@pytest.mark.parametrize("text", TRICKY)
def test_text_that_looks_like_a_number_or_flag_is_dumped_so_every_reader_reads_text(text, tmp_path):
    source = lm.Source(id="s", title=text, published=lm.PartialDate.parse("2014"))
    (path,) = dump_records([source], tmp_path)
    pyyaml, ruamel, ours = readings(path)
    assert pyyaml == ruamel == ours
    assert ours[0]["title"] == text
