"""Parse on a cluster: one function for any engine, and helpers for ``dask.bag``.

``parse_record`` turns one record into the JSON-ready dict that ``articlemodel batch`` writes
as a line; any engine that maps a Python function over records (Dask, PySpark's
``mapInPandas``, Ray, a plain ``multiprocessing.Pool``) can run it. The Dask helpers need the
optional extra, ``pip install 'articlemodel[dask]'``; this module imports without it, and
only the helpers that need Dask import it, when called. docs/batch.md has a worked example
and the PySpark recipe.

Example (on a local cluster; any ``distributed.Client`` will do)::

    from distributed import Client, LocalCluster
    from articlemodel.cluster import parse_jsonl_files

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
        parse_jsonl_files("corpus/*.jsonl", "parsed/")   # parsed/0.part, parsed/1.part ...
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from articlemodel.batch import BadRecord, BatchResult, parse_many

if TYPE_CHECKING:
    import dask.bag

__all__ = ["load_jsonl_line", "parse_bag", "parse_jsonl_files", "parse_record", "write_jsonl"]

#: Bytes of JSONL per Dask partition when reading files: a few thousand articles.
DEFAULT_BLOCKSIZE = 16_000_000


def parse_record(record: str | Mapping[str, Any] | BadRecord) -> dict[str, Any]:
    """Parse one record into its JSON-ready output dict; never raises.

    Args:
        record: A text, or a mapping with ``text`` and optional ``id``, ``published`` and
            other keys (carried through as ``metadata``), as for ``parse_many``.

    Returns:
        ``{"id", "metadata", "article"}`` when it parsed, ``{"id", "error"}`` when it failed:
        the shape of an ``articlemodel batch`` line.

    Example:
        >>> parse_record({"id": "a1", "text": ""})["error"][:16]
        'InvalidTextError'
    """
    (result,) = parse_many([record])
    return result.to_dict()


def _parse_partition(
    records: Iterable[str | Mapping[str, Any] | BadRecord],
) -> list[dict[str, Any]]:
    results: list[BatchResult] = list(parse_many(records))
    return [result.to_dict() for result in results]


def load_jsonl_line(line: str) -> Mapping[str, Any] | BadRecord:
    """One JSONL line as a record; a line that is not a JSON object becomes a BadRecord."""
    try:
        record = json.loads(line)
    except ValueError as error:
        return BadRecord(f"bad JSON line: {error}")
    if not isinstance(record, dict):
        return BadRecord(f"bad record: expected a JSON object, got {type(record).__name__}")
    return record


def parse_bag(records: dask.bag.Bag) -> dask.bag.Bag:
    """A bag of output dicts (``parse_record``'s), one per record of ``records``, in order.

    Each partition is parsed in one call, so a worker loads the lexicons once and keeps them.
    """
    results: dask.bag.Bag = records.map_partitions(_parse_partition)
    return results


def write_jsonl(results: dask.bag.Bag, path: str) -> list[str]:
    """Write a bag of output dicts as JSONL, one file per partition; returns the file names.

    Args:
        results: What ``parse_bag`` returns.
        path: A directory, or a pattern with one ``*`` (``"out/part-*.jsonl"``), local or on
            any filesystem fsspec knows.
    """
    lines = results.map(json.dumps, ensure_ascii=False)
    names: list[str] = lines.to_textfiles(path, encoding="utf-8")
    return names


def parse_jsonl_files(
    inputs: str | list[str], output: str, *, blocksize: int | None = DEFAULT_BLOCKSIZE
) -> list[str]:
    """Read JSONL files, parse every record on the current Dask scheduler, write JSONL.

    Args:
        inputs: File names or glob patterns (``"corpus/*.jsonl"``).
        output: Output directory or pattern, as for ``write_jsonl``.
        blocksize: Bytes per partition (None: one partition per file).

    Returns:
        The names of the files written.
    """
    import dask.bag  # noqa: PLC0415 - the optional extra, imported only when used

    lines = dask.bag.read_text(inputs, blocksize=blocksize, encoding="utf-8")
    records = lines.filter(str.strip).map(load_jsonl_line)
    return write_jsonl(parse_bag(records), output)
