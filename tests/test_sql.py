"""The SQL in docs/performance.md, run in DuckDB over ``ds.to_parquet``, answers as the API does."""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import libyamodel as lm
from libyamodel.strategies import datasets, periods

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

DOCS = Path(__file__).parents[1] / "docs" / "performance.md"
DAY = "DATE '2016-05-01'"
WINDOW = ("DATE '2014-01-01'", "DATE '2020-12-31'")


def _recipes() -> dict[str, str]:
    blocks = re.findall(r"```sql\n-- recipe: (\w+)\n(.*?)```", DOCS.read_text(), flags=re.S)
    return dict(blocks)


RECIPES = _recipes()


def _sql(name: str, certainty: str, values: dict[str, str]) -> str:
    sql = RECIPES[name]
    if certainty == "possible":
        sql = sql.replace("certainly_", "possibly_")
    for example, value in values.items():
        assert example in sql, f"the {name} recipe no longer has {example}"
        sql = sql.replace(example, value)
    return sql


def _date(day: datetime.date) -> str:
    return f"DATE '{day.isoformat()}'"


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def test_the_docs_hold_every_recipe_the_tests_run():
    assert set(RECIPES) == {"claimants", "controllers", "holders", "batch", "history"}


def _connect(ds: lm.Dataset, path: Path) -> duckdb.DuckDBPyConnection:
    ds.to_parquet(path)
    connection = duckdb.connect()
    connection.execute(f"CREATE VIEW facts AS SELECT * FROM read_parquet('{path}')")
    return connection


def _ids(facts: tuple[lm.Fact, ...]) -> list[str]:
    return [fact.id for fact in facts]


def test_the_recipes_answer_as_the_api_on_the_bundled_data(tmp_path):
    ds = lm.load()
    connection = _connect(ds, tmp_path / "facts.parquet")
    for certainty in ("definite", "possible"):
        rows = connection.execute(_sql("controllers", certainty, {})).fetchall()
        assert [row[0] for row in rows] == _ids(
            ds.controllers("sirte", "2016-05-01", certainty=certainty)
        )
        rows = connection.execute(_sql("claimants", certainty, {})).fetchall()
        assert [row[0] for row in rows] == _ids(
            ds.claimants("2016-05-01", role="government", certainty=certainty)
        )
    assert connection.execute(_sql("controllers", "definite", {})).fetchall(), "Sirte was held"


def _dense() -> st.SearchStrategy[lm.Dataset]:
    """Datasets where a few places, offices and roles meet many facts, so that answers are long
    and histories have many stretches (whole generated datasets rarely repeat a place)."""
    entities = (
        lm.Source(id="source", title="A source", published=lm.PartialDate.parse("2010")),
        *(lm.Actor(id=f"actor-{n}", name=f"Actor {n}", kind="armed_group") for n in range(3)),
        *(lm.Place(id=f"place-{n}", name=f"Place {n}", kind="city") for n in range(2)),
        *(lm.Office(id=f"office-{n}", name=f"Office {n}") for n in range(2)),
    )
    party, place = (
        st.sampled_from(["actor-0", "actor-1", "actor-2"]),
        st.sampled_from(["place-0", "place-1"]),
    )
    office, role = (
        st.sampled_from(["office-0", "office-1"]),
        st.sampled_from(["government", "legislature"]),
    )
    first, last = datetime.date(2011, 1, 1), datetime.date(2021, 12, 31)
    proof = (lm.Evidence(source="source", paraphrase="What the source says."),)
    fact = st.one_of(
        st.builds(
            lm.ControlClaim,
            id=st.just("fact"),
            controller=party,
            place=place,
            period=periods(first, last),
            evidence=st.just(proof),
        ),
        st.builds(
            lm.Tenure,
            id=st.just("fact"),
            holder=party,
            office=office,
            period=periods(first, last),
            evidence=st.just(proof),
        ),
        st.builds(
            lm.LegitimacyClaim,
            id=st.just("fact"),
            claimant=party,
            role=role,
            period=periods(first, last),
            evidence=st.just(proof),
        ),
    )

    def dataset(facts: list[lm.Fact]) -> lm.Dataset:
        numbered = [attrs.evolve(f, id=f"fact-{n}") for n, f in enumerate(facts)]
        return lm.Dataset.from_records([*entities, *numbered])

    return st.lists(fact, max_size=30).map(dataset)


days = st.dates(datetime.date(2010, 6, 1), datetime.date(2022, 6, 30))
certainties = st.sampled_from(["definite", "possible"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ds=st.one_of(datasets(max_facts=25), _dense()), day=days, certainty=certainties, data=st.data()
)
def test_point_recipes_answer_as_the_api(tmp_path_factory, ds, day, certainty, data):
    connection = _connect(ds, tmp_path_factory.mktemp("sql") / "facts.parquet")
    places = [e.id for e in ds.entities if isinstance(e, lm.Place)]
    offices = [e.id for e in ds.entities if isinstance(e, lm.Office)]
    roles = sorted({f.role for f in ds.facts if isinstance(f, lm.LegitimacyClaim)}) or [
        "government"
    ]
    place, office = data.draw(st.sampled_from(places)), data.draw(st.sampled_from(offices))
    role = data.draw(st.sampled_from(roles))
    on = {DAY: _date(day)}

    def run(name: str, values: dict[str, str]) -> list[str]:
        return [row[0] for row in connection.execute(_sql(name, certainty, on | values)).fetchall()]

    assert run("controllers", {"'sirte'": _text(place)}) == _ids(
        ds.controllers(place, day, certainty=certainty)
    )
    assert run("holders", {"'un-special-representative-for-libya'": _text(office)}) == _ids(
        ds.holders(office, day, certainty=certainty)
    )
    assert run("claimants", {"'government'": _text(role)}) == _ids(
        ds.claimants(day, role=role, certainty=certainty)
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ds=st.one_of(datasets(max_facts=25), _dense()),
    start=days,
    length=st.integers(0, 2000),
    certainty=certainties,
)
def test_the_history_recipe_tiles_the_window_with_the_api_answers(
    tmp_path_factory, ds, start, length, certainty
):
    connection = _connect(ds, tmp_path_factory.mktemp("sql") / "facts.parquet")
    end = start + datetime.timedelta(days=length)
    for place in [e.id for e in ds.entities if isinstance(e, lm.Place)][:2]:
        values = {"'sirte'": _text(place), WINDOW[0]: _date(start), WINDOW[1]: _date(end)}
        rows = connection.execute(_sql("history", certainty, values)).fetchall()
        stretches: dict[tuple[datetime.date, datetime.date], set[str]] = {}
        for first, last, ident in rows:
            stretches.setdefault((first, last), set()).update([ident] if ident else [])
        ordered = sorted(stretches)
        assert ordered[0][0] == start
        assert ordered[-1][1] == end
        for (_, last), (first, _) in itertools.pairwise(ordered):
            assert first == last + datetime.timedelta(days=1)
        answers = []
        for first, last in ordered:
            for day in {first, last}:
                answer = {f.id for f in ds.controllers(place, day, certainty=certainty)}
                assert stretches[first, last] == answer
            answers.append(stretches[first, last])
        assert all(a != b for a, b in itertools.pairwise(answers))


def test_the_batch_recipe_answers_as_the_api_day_by_day(tmp_path):
    ds = lm.load()
    connection = _connect(ds, tmp_path / "facts.parquet")
    wanted = [datetime.date(2011 + n // 12, 1 + n % 12, 15) for n in range(0, 180, 7)]
    connection.execute("CREATE TABLE days (day DATE)")
    connection.executemany("INSERT INTO days VALUES (?)", [(day,) for day in wanted])
    found: dict[datetime.date, list[str]] = {day: [] for day in wanted}
    for day, ident in connection.execute(RECIPES["batch"]).fetchall():
        found[day].append(ident)
    assert found == {day: sorted(_ids(ds.claimants(day))) for day in wanted}
    assert any(found.values())
