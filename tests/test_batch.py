"""parse_many: one result per record, in input order, streaming, on one process or several.

The record lists below are written for these tests (no eval data); nothing here is timed
(speed is measured by benchmarks/bench.py, not asserted).
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from articlemodel import Article, BatchResult, InvalidInputError, parse_article, parse_many
from articlemodel.batch import BadRecord, _ordered_map

WIRE = "Storm hits coast\n\nMIAMI (AP) — A storm hit the coast on Monday, officials said.\n"
AFP = (
    "Talks resume in Geneva\n\nGENEVA (AFP) - Negotiators returned to the table on Tuesday, "
    '"We are hopeful," a senior diplomat told reporters.\n'
)
BBC = (
    "Rail strike called off\n\n"
    "Unions have called off next week's rail strike, the BBC understands.\n"
)
TEXTS = [WIRE, AFP, BBC]

# Records that must fail, each with a piece of its error message; the run goes on past them.
FAILING_RECORDS = [
    pytest.param("", "is empty", id="empty-text"),
    pytest.param({"id": "x", "text": "  \n "}, "is empty", id="white-space-text"),
    pytest.param({"id": "x"}, "has no 'text'", id="mapping-without-text"),
    pytest.param({"id": "x", "text": 42}, "expected str", id="text-not-a-string"),
    pytest.param({"id": "x", "text": WIRE, "published": "soon"}, "ISO 8601", id="bad-published"),
    pytest.param(42, "expected a str or a mapping", id="not-a-record"),
    pytest.param(BadRecord("bad JSON line: oops", id="x"), "bad JSON line", id="bad-record"),
]

WORKERS = [pytest.param(1, id="in-process"), pytest.param(2, id="two-workers")]


def _records(count: int) -> list[dict[str, Any]]:
    return [{"id": f"a{i}", "text": TEXTS[i % 3], "n": i} for i in range(count)]


@pytest.mark.parametrize("workers", WORKERS)
def test_results_come_back_in_input_order(workers: int) -> None:
    records = _records(50)
    results = list(parse_many(records, workers=workers, chunk_size=3))
    assert [r.index for r in results] == list(range(50))
    assert [r.id for r in results] == [f"a{i}" for i in range(50)]
    for result, record in zip(results, records, strict=True):
        assert result.ok
        assert result.article is not None
        assert result.article.text == record["text"]


@pytest.mark.parametrize("workers", WORKERS)
def test_same_articles_as_parse_article(workers: int) -> None:
    results = list(parse_many(TEXTS, workers=workers))
    assert [r.article for r in results] == [parse_article(text) for text in TEXTS]


@pytest.mark.parametrize("workers", WORKERS)
@pytest.mark.parametrize(("record", "message"), FAILING_RECORDS)
def test_a_failing_record_yields_an_error_and_the_run_goes_on(
    workers: int, record: object, message: str
) -> None:
    results = list(parse_many([WIRE, record, AFP], workers=workers))  # type: ignore[list-item]
    assert [r.ok for r in results] == [True, False, True]
    failed = results[1]
    assert failed.index == 1
    assert failed.article is None
    assert failed.error is not None
    assert message in failed.error
    assert "error" in json.loads(failed.to_json())


def test_a_failing_record_keeps_its_id_and_metadata() -> None:
    (result,) = parse_many([{"id": 7, "text": "", "url": "https://example.org/7"}])
    assert result.id == 7
    assert result.metadata == {"url": "https://example.org/7"}
    assert json.loads(result.to_json()) == {"id": 7, "error": result.error}


@pytest.mark.parametrize("workers", WORKERS)
def test_metadata_and_published_are_carried_through(workers: int) -> None:
    record = {
        "id": "bbc-1",
        "text": BBC,
        "published": "2019-03-02",
        "url": "https://example.org/rail",
        "tags": ["rail", "strike"],
    }
    (result,) = parse_many([record], workers=workers)
    assert result.id == "bbc-1"
    assert result.metadata == {"url": "https://example.org/rail", "tags": ["rail", "strike"]}
    assert result.article is not None
    assert result.article.published is not None
    assert result.article.published.isoformat() == "2019-03-02"


def test_text_and_mapping_records_mix() -> None:
    results = list(parse_many([WIRE, {"text": AFP}, {"id": "z", "text": BBC}]))
    assert [r.id for r in results] == [None, None, "z"]
    assert all(r.ok for r in results)
    assert all(r.metadata == {} for r in results)


def test_ids_that_are_not_str_or_int_become_str() -> None:
    (result,) = parse_many([{"id": 1.5, "text": WIRE}])
    assert result.id == "1.5"


def test_json_line_round_trips_to_the_article() -> None:
    (result,) = parse_many([{"id": "a", "text": WIRE, "source": "wire"}])
    line = json.loads(result.to_json())
    assert line["id"] == "a"
    assert line["metadata"] == {"source": "wire"}
    assert Article.model_validate(line["article"]) == result.article


@pytest.mark.parametrize("workers", WORKERS)
def test_streams_from_an_endless_generator(workers: int) -> None:
    pulled = itertools.count()
    seen: list[int] = []

    def endless() -> Iterator[Mapping[str, Any]]:
        for i in itertools.count():
            seen.append(next(pulled))
            yield {"id": i, "text": TEXTS[i % 3]}

    results = parse_many(endless(), workers=workers, chunk_size=2, window=2)
    first = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert [r.id for r in first] == [0, 1, 2, 3, 4]
    # Bounded read-ahead: the window (2 chunks of 2) plus the chunk being formed.
    assert len(seen) <= 5 + 2 * 2 + 2


def test_spawned_workers_warm_up_and_parse() -> None:
    results = list(parse_many(_records(6), workers=2, start_method="spawn"))
    assert [r.id for r in results] == [f"a{i}" for i in range(6)]
    assert all(r.ok for r in results)


@pytest.mark.parametrize("workers", [0, -1, True, 1.5])
def test_workers_must_be_a_positive_whole_number(workers: Any) -> None:
    with pytest.raises(InvalidInputError, match="workers"):
        parse_many([WIRE], workers=workers)


def test_chunk_size_must_be_positive() -> None:
    with pytest.raises(InvalidInputError, match="chunk_size"):
        parse_many([WIRE], chunk_size=0)


def test_every_core_when_workers_is_none() -> None:
    results = list(parse_many(TEXTS, workers=None))
    assert all(r.ok for r in results)


def test_batch_result_ok_and_defaults() -> None:
    result = BatchResult(index=0, id=None, article=None, error="boom")
    assert not result.ok
    assert result.metadata == {}


def _die_on_three(item: int) -> int:
    if item == 3:
        os._exit(1)  # a worker killed mid-task (out of memory, a segfault)
    return item * 10


def _broken(item: int, message: str) -> int:
    assert "died" in message
    return -item


def test_a_dead_worker_costs_only_its_chunk() -> None:
    outcomes = list(
        _ordered_map(
            _die_on_three,
            range(8),
            workers=2,
            chunk_size=2,
            start_method="fork",
            on_broken=_broken,
        )
    )
    # The chunk holding 3 is retried once in a fresh pool, then answered by on_broken.
    assert outcomes == [0, 10, -2, -3, 40, 50, 60, 70]
