"""Many articles: ``parse_many``, streaming, in input order, on one core or several.

The engine is an ordered map with a bounded window: records are read lazily, sent to worker
processes in chunks, and at most ``window`` chunks are in flight at once, so memory stays flat
however long the input is. Results come back in input order, one per record.

Worker processes are forked where the platform allows (Linux, and only while the parent runs
a single thread), after a warm-up parse in the parent: the lexicons, gazetteers and compiled
patterns it loaded are then shared copy-on-write, never loaded again. Elsewhere workers are
spawned and each warms up once in its initializer.

A record that cannot be parsed (not a text, no ``text``, empty text, a bad ``published``, an
error inside a parser) yields a :class:`BatchResult` with an ``error`` message; it never stops
the run.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from articlemodel.errors import InvalidInputError
from articlemodel.models import Article
from articlemodel.pipeline import parse_article

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["BadRecord", "BatchResult", "parse_many"]

T = TypeVar("T")
R = TypeVar("R")

#: Records sent to a worker in one task: large enough to amortize the round trip.
DEFAULT_CHUNK_SIZE = 16
#: Chunks in flight per worker: enough to keep every worker busy while results are consumed.
CHUNKS_PER_WORKER = 4
#: Keys of a mapping record that parse_many reads; every other key is carried through.
_RECORD_KEYS = frozenset({"id", "text", "published"})

RecordId = str | int | None

# A short article that exercises every stage, parsed once before workers start so that the
# lexicons and indexes the extractors load lazily are loaded (and, under fork, shared).
_WARM_UP_TEXT = (
    "Ministers meet in Paris\n\n"
    "PARIS (Reuters) — Foreign ministers from France and Germany met in Paris on Monday, "
    'the Foreign Ministry said. "We agreed on a plan," said Jean Martin, a spokesman for the '
    "United Nations, on 4 June 2018.\n\n"
    "Reporting by Anne Smith; editing by Tom Brown"
)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that could not even be read (a bad JSON line), kept in its place in the input.

    ``parse_many`` yields an error result for it with ``message``, so the output keeps one
    result per input record.
    """

    message: str
    id: RecordId = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome of one record of ``parse_many``: an Article, or an error message.

    Attributes:
        index: The record's position in the input, from 0.
        id: The record's ``id``, when it had one.
        article: The parsed Article, or None when the record failed.
        error: Why the record failed (``"InvalidTextError: text: is empty ..."``), or None.
        metadata: The record's other keys (``url``, ``source`` ...), carried through untouched.
    """

    index: int
    id: RecordId
    article: Article | None
    error: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def ok(self) -> bool:
        """Whether the record parsed."""
        return self.article is not None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record ``to_json`` writes, as a dict."""
        if self.article is None:
            return {"id": self.id, "error": self.error or "unknown error"}
        return {
            "id": self.id,
            "metadata": dict(self.metadata),
            "article": self.article.model_dump(mode="json"),
        }

    def to_json(self) -> str:
        """One JSONL line (no newline): ``{"id", "metadata", "article"}`` or ``{"id", "error"}``."""
        if self.article is None:
            return error_line(self.id, self.error or "unknown error")
        return article_line(self.id, self.metadata, self.article.model_dump_json())


def article_line(record_id: RecordId, metadata: Mapping[str, Any], article_json: str) -> str:
    """The JSONL line of a parsed record; keep in sync with docs/batch.md."""
    head = json.dumps({"id": record_id, "metadata": dict(metadata)}, ensure_ascii=False)
    return f'{head[:-1]}, "article": {article_json}}}'


def error_line(
    record_id: RecordId, message: str, *, source: str | None = None, line: int | None = None
) -> str:
    """The JSONL line of a failed record; keep in sync with docs/batch.md."""
    record: dict[str, Any] = {"id": record_id, "error": message}
    if source is not None:
        record["source"] = source
    if line is not None:
        record["line"] = line
    return json.dumps(record, ensure_ascii=False)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _coerce_id(value: object) -> RecordId:
    if value is None or isinstance(value, (str, int)):
        return value
    return str(value)


# --- the engine: an ordered, chunked, windowed map over worker processes ---------------------


def _warm_up() -> None:
    parse_article(_WARM_UP_TEXT)


def _init_worker(warm: bool) -> None:
    # Ctrl-C goes to the whole process group: the parent handles it, workers finish quietly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm:
        _warm_up()


def _start_method(requested: str | None) -> str:
    if requested is not None:
        return requested
    import multiprocessing  # noqa: PLC0415 - see _ordered_map

    available = multiprocessing.get_all_start_methods()
    # fork shares what the parent loaded; it is unsafe on macOS and once threads are running.
    if "fork" in available and sys.platform != "darwin" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def _ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    window: int | None = None,
    start_method: str | None = None,
    on_broken: Callable[[T, str], R],
) -> Generator[R, None, None]:
    """``map(func, items)`` in input order over ``workers`` processes, holding a bounded window.

    ``func`` must be a module-level function and must not raise; a chunk whose worker died
    (killed, out of memory) is retried once in a fresh pool, then ``on_broken`` answers for
    each of its items.
    """
    if workers == 1:
        yield from map(func, items)
        return
    # Imported here: they cost 10-20 ms at import (with logging, which
    # concurrent.futures imports), and a parse on one core never needs them.
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    method = _start_method(start_method)
    if method == "fork":
        _warm_up()  # load once here; the forked workers share it
    limit = window if window is not None else CHUNKS_PER_WORKER * workers
    source = iter(items)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=(method != "fork",),
        )

    pool = new_pool()
    pending: deque[tuple[list[T], Future[list[R]], int]] = deque()
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = list(islice(source, chunk_size))
                if not chunk:
                    exhausted = True
                    break
                pending.append((chunk, pool.submit(_run_chunk, func, chunk), 0))
            if not pending:
                return
            chunk, future, tries = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool as error:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                retry = [(chunk, tries + 1)] if tries == 0 else []
                if tries:
                    message = f"worker process died: {error}"
                    results = [on_broken(item, message) for item in chunk]
                else:
                    results = []
                retry += [(c, t) for c, _, t in pending]
                pending = deque((c, pool.submit(_run_chunk, func, c), t) for c, t in retry)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- parse_many ------------------------------------------------------------------------------

# What a worker is sent for one record: (text, published), or the error message of a record
# that failed before parsing.
_Job = tuple[object, object] | str
# What it sends back: the Article, or an error message.
_Outcome = tuple[Article | None, str | None]


def _parse_job(job: _Job) -> _Outcome:
    if isinstance(job, str):
        return None, job
    text, published = job
    try:
        return parse_article(text, published=published), None  # type: ignore[arg-type]
    except Exception as error:  # one bad record must not stop the run
        return None, _describe(error)


def _broken_job(job: _Job, message: str) -> _Outcome:
    return None, message


def _split_record(record: object, index: int) -> tuple[RecordId, Mapping[str, Any], _Job]:
    if isinstance(record, str):
        return None, MappingProxyType({}), (record, None)
    if isinstance(record, BadRecord):
        return record.id, MappingProxyType({}), record.message
    if isinstance(record, Mapping):
        record_id = _coerce_id(record.get("id"))
        metadata = MappingProxyType({k: v for k, v in record.items() if k not in _RECORD_KEYS})
        if "text" not in record:
            return record_id, metadata, f"record {index}: has no 'text'"
        return record_id, metadata, (record["text"], record.get("published"))
    return (
        None,
        MappingProxyType({}),
        f"record {index}: expected a str or a mapping with a 'text', got {type(record).__name__}",
    )


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _check_workers(workers: int | None) -> int:
    if workers is None:
        return available_cores()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InvalidInputError(
            f"workers: expected 1 or more (or None for every core), got {workers!r}"
        )
    return workers


def parse_many(
    records: Iterable[str | Mapping[str, Any] | BadRecord],
    *,
    workers: int | None = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    window: int | None = None,
    start_method: str | None = None,
) -> Iterator[BatchResult]:
    """Parse many articles, streaming: one BatchResult per record, in input order.

    Args:
        records: Texts, or mappings with ``text`` and optional ``id``, ``published`` and any
            other keys (carried through as ``metadata``). Read lazily: a generator over a huge
            file is fine.
        workers: Processes to parse in: 1 parses here, in this process; None uses every core.
        chunk_size: Records sent to a worker at a time.
        window: Chunks in flight at most (default: 4 per worker); bounds memory.
        start_method: ``"fork"``, ``"spawn"`` or ``"forkserver"``; default fork where safe.

    Returns:
        An iterator of BatchResult; a record that fails has ``article=None`` and an ``error``.

    Raises:
        InvalidInputError: ``workers`` is less than 1.

    Example:
        >>> results = parse_many(["Storm hits coast\\n\\nMIAMI (AP) — A storm hit.", ""])
        >>> [(r.index, r.ok) for r in results]
        [(0, True), (1, False)]
    """
    count = _check_workers(workers)
    if chunk_size < 1:
        raise InvalidInputError(f"chunk_size: expected 1 or more, got {chunk_size!r}")
    return _parse_many(records, count, chunk_size, window, start_method)


def _parse_many(
    records: Iterable[object],
    workers: int,
    chunk_size: int,
    window: int | None,
    start_method: str | None,
) -> Iterator[BatchResult]:
    held: deque[tuple[int, RecordId, Mapping[str, Any]]] = deque()

    def jobs() -> Iterator[_Job]:
        for index, record in enumerate(records):
            record_id, metadata, job = _split_record(record, index)
            held.append((index, record_id, metadata))
            yield job

    outcomes = _ordered_map(
        _parse_job,
        jobs(),
        workers=workers,
        chunk_size=chunk_size,
        window=window,
        start_method=start_method,
        on_broken=_broken_job,
    )
    try:
        for article, error in outcomes:
            index, record_id, metadata = held.popleft()
            yield BatchResult(index, record_id, article, error, metadata)
    finally:
        outcomes.close()


# --- jobs for the command line: the worker reads, parses and writes the JSON line ------------

# A CLI job: a raw JSONL line, or the path of a .txt file and its id.
CliJob = tuple[str, bytes | str, RecordId]
# Its outcome: (ok, record id, the output line or the error message).
CliOutcome = tuple[bool, RecordId, str]


def run_cli_job(job: CliJob) -> CliOutcome:
    """Parse one CLI record into its output line (in a worker); never raises."""
    kind, payload, record_id = job
    try:
        if kind == "file":
            text: object = Path(str(payload)).read_bytes()
            published: object = None
            metadata: Mapping[str, Any] = {}
        else:
            try:
                record = json.loads(payload)
            except ValueError as error:
                return False, None, f"bad JSON line: {error}"
            if not isinstance(record, dict):
                return (
                    False,
                    None,
                    f"bad record: expected a JSON object, got {type(record).__name__}",
                )
            record_id = _coerce_id(record.get("id"))
            if "text" not in record:
                return False, record_id, "bad record: has no 'text'"
            text, published = record["text"], record.get("published")
            metadata = {k: v for k, v in record.items() if k not in _RECORD_KEYS}
        article = parse_article(text, published=published)  # type: ignore[arg-type]
        return True, record_id, article_line(record_id, metadata, article.model_dump_json())
    except Exception as error:  # one bad record must not stop the run
        return False, record_id, _describe(error)


def _broken_cli_job(job: CliJob, message: str) -> CliOutcome:
    return False, job[2], message


def run_cli_jobs(
    jobs: Iterable[CliJob], *, workers: int, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> Generator[CliOutcome, None, None]:
    """The outcomes of ``jobs`` in order, parsed over ``workers`` processes."""
    return _ordered_map(
        run_cli_job, jobs, workers=workers, chunk_size=chunk_size, on_broken=_broken_cli_job
    )
