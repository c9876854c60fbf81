"""Speed of articlemodel, measured in one run on the same articles; prints Markdown tables.

    python benchmarks/bench.py [PATH ...] [--rounds N] [--batch-records N] [--profile]

PATH: JSONL files (``text`` and ``published`` or ``dct`` per line), ``.txt`` files, or
directories of them; by default ``seeds/*.txt`` and, when present beside the repository,
``../shared/eval/dev/*.jsonl``. Measured, in order:

- the regex floor: one ``regex.findall`` per article with the pattern of the peers' baselines
  (double-quoted spans or runs of capitalised words), the yardstick every ratio divides by;
- ``parse_article``: articles/s, words/s, p50/p99 ms per article, the ratio to the floor, on
  all articles and on those of 300–600 words; the 300–600-word articles of one half also at
  first sight (parsed once, after a warm-up on the other half: per-word caches start cold);
  peak memory (tracemalloc, one extra pass);
- cold import + first call, in a fresh interpreter;
- each stage on its own (layout + segmentation, dates, organizations, locations, people,
  quotes), calling the extractors directly with the Document, as the pipeline does;
- ``articlemodel batch --workers 1`` against ``--workers 2`` on a JSONL of the articles
  (10,000 records by default: a batch run is for thousands to millions of articles), and
  each setting's start-up alone (a run of one record);
- linearity: the first seed at 1×, 10× and 100× its length, and odd inputs (one sentence in
  capitals, thousands of short paragraphs, ...) at n and 10 n units.

Each time is the fastest of ``--rounds`` rounds (noise on a shared machine only ever adds
time), and the floor and the parse of an article are timed back to back, so that a machine
whose speed drifts moves both. Nothing here asserts a time: docs/performance.md
records the numbers and the bar they are held to.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import functools
import inspect
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

import articlemodel
from articlemodel import parse_article
from articlemodel.extract.dates import extract_dates, find_published
from articlemodel.extract.locations import extract_locations
from articlemodel.extract.organizations import extract_organizations
from articlemodel.extract.people import extract_people
from articlemodel.extract.quotes import extract_quotes
from articlemodel.layout import parse_layout
from articlemodel.pipeline import coerce_date
from articlemodel.segment import segment

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [REPO / "seeds", REPO.parent / "shared" / "eval" / "dev"]

# The floor of ../shared/eval/BASELINES.md: one compiled pass per article, quoted spans or runs
# of capitalised words. Keep in sync with that file.
FLOOR_PATTERN = regex.compile(
    '"[^"\\n]{1,1000}"|\u201c[^\u201d\\n]{1,1000}\u201d'
    "|\\b\\p{Lu}[\\p{L}\\p{M}\\p{Nd}'\u2019.&-]*"
    "(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}\\p{Nd}'\u2019.&-]*)*"
)
NEWS_WORDS = (300, 600)


@dataclass(frozen=True)
class Sample:
    """One article to time."""

    id: str
    text: str
    published: datetime.date | None
    words: int


def _sample(record_id: str, text: str, published: object) -> Sample:
    try:
        date = coerce_date(published)
    except ValueError:
        date = None
    return Sample(record_id, text, date, len(text.split()))


def load_samples(paths: Sequence[Path]) -> list[Sample]:
    """The articles of ``paths``: JSONL files, .txt files, or directories of them."""
    samples: list[Sample] = []
    for path in paths:
        if path.is_dir():
            files = sorted([*path.glob("*.txt"), *path.glob("*.jsonl")])
        elif path.exists():
            files = [path]
        else:
            continue
        for file in files:
            if file.suffix == ".txt":
                samples.append(_sample(file.stem, file.read_text(encoding="utf-8"), None))
                continue
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    record = json.loads(line)
                    published = record.get("published", record.get("dct"))
                    samples.append(
                        _sample(
                            str(record.get("id", f"{file.stem}:{number}")),
                            record["text"],
                            published,
                        )
                    )
    return [s for s in samples if s.text.strip()]


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def time_each(
    call: Callable[[Sample], object], samples: Sequence[Sample], rounds: int
) -> list[float]:
    """Seconds per sample, the fastest of ``rounds`` rounds."""
    per_round = []
    for _ in range(rounds):
        times = []
        for sample in samples:
            start = time.perf_counter()
            call(sample)
            times.append(time.perf_counter() - start)
        per_round.append(times)
    return [min(column) for column in zip(*per_round, strict=True)]


def time_paired(samples: Sequence[Sample], rounds: int) -> tuple[list[float], list[float]]:
    """Seconds per sample for the floor and for parse_article, each the fastest of
    ``rounds``; the two calls on an article run back to back."""
    floors: list[list[float]] = [[] for _ in samples]
    parses: list[list[float]] = [[] for _ in samples]
    for _ in range(rounds):
        for i, sample in enumerate(samples):
            start = time.perf_counter()
            _floor(sample)
            middle = time.perf_counter()
            _parse(sample)
            floors[i].append(middle - start)
            parses[i].append(time.perf_counter() - middle)
    return [min(times) for times in floors], [min(times) for times in parses]


def _floor(sample: Sample) -> object:
    return FLOOR_PATTERN.findall(sample.text)


def _parse(sample: Sample) -> object:
    return parse_article(sample.text, published=sample.published)


@functools.cache
def _parameters(function: Callable[..., Any]) -> frozenset[str]:
    return frozenset(inspect.signature(function).parameters)


def _call(function: Callable[..., Any], *args: object, **available: object) -> Any:
    """``function(*args, **kwargs)`` with the keyword arguments it takes out of ``available``.

    The extractors' signatures may grow; the benchmark hands each what it asks for.
    """
    accepted = _parameters(function)
    return function(*args, **{k: v for k, v in available.items() if k in accepted})


def stage_times(samples: Sequence[Sample], rounds: int) -> dict[str, float]:
    """Total seconds per stage over ``samples`` (fastest round), each stage on its own."""
    totals: dict[str, list[float]] = {}
    for _ in range(rounds):
        spent: dict[str, float] = {}

        def timed(
            name: str,
            function: Callable[..., Any],
            *args: object,
            spent: dict[str, float] = spent,
            **kwargs: object,
        ) -> Any:
            start = time.perf_counter()
            result = _call(function, *args, **kwargs)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
            return result

        for sample in samples:
            # The whole parse of the same article in the same pass, so that the shares add up
            # on a machine whose speed drifts.
            timed("parse_article", _parse, sample)
            start = time.perf_counter()
            doc = segment(sample.text, parse_layout(sample.text))
            spent["layout + segment"] = spent.get("layout + segment", 0.0) + (
                time.perf_counter() - start
            )
            reference = sample.published
            if reference is None:
                found = timed("dates", find_published, doc)
                reference = found[0] if found else None
            dates = timed("dates", extract_dates, doc, reference=reference)
            organizations = timed("organizations", extract_organizations, doc)
            locations = timed(
                "locations", extract_locations, doc, organizations=organizations, dates=dates
            )
            people = timed(
                "people", extract_people, doc, organizations=organizations, locations=locations
            )
            timed(
                "quotes",
                extract_quotes,
                doc,
                people=people,
                organizations=organizations,
                locations=locations,
            )
        for name, seconds in spent.items():
            totals.setdefault(name, []).append(seconds)
    return {name: min(values) for name, values in totals.items()}


@dataclass(frozen=True)
class ColdStart:
    """Seconds in a fresh interpreter: import, first parse (lexicons and gazetteers load
    lazily here), second parse of the same text, and the whole process."""

    imported: float
    first: float
    second: float
    process: float


def cold_start(text_file: Path, *, bytecode: bool = False) -> ColdStart:
    """The fastest of three fresh interpreters that import articlemodel and parse twice.

    With ``bytecode``, the interpreters read compiled bytecode from a cache that a first,
    untimed run writes (in a temporary folder, via PYTHONPYCACHEPREFIX), as an installed
    package does (pip compiles it at install); otherwise they run in this environment as it is
    (where PYTHONDONTWRITEBYTECODE is set, an editable install compiles every source each time).
    """
    code = (
        "import sys, time\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "t0 = time.perf_counter()\n"
        "import articlemodel\n"
        "t1 = time.perf_counter()\n"
        "articlemodel.parse_article(text)\n"
        "t2 = time.perf_counter()\n"
        "articlemodel.parse_article(text)\n"
        "t3 = time.perf_counter()\n"
        "print(t1 - t0, t2 - t1, t3 - t2)\n"
    )
    runs = []
    with tempfile.TemporaryDirectory() as cache:
        environment = dict(os.environ)
        if bytecode:
            environment.pop("PYTHONDONTWRITEBYTECODE", None)
            environment["PYTHONPYCACHEPREFIX"] = cache
        for run in range(4 if bytecode else 3):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", code, str(text_file)],
                capture_output=True,
                text=True,
                check=True,
                env=environment,
            )
            if bytecode and run == 0:
                continue  # writes the cache
            imported, first, second = (float(x) for x in done.stdout.split())
            runs.append(ColdStart(imported, first, second, time.perf_counter() - start))
    return min(runs, key=lambda run: run.imported + run.first)


def batch_times(
    samples: Sequence[Sample], records: int, workers: Sequence[int], repeats: int = 2
) -> dict[int, tuple[float, float]]:
    """(wall, CPU) seconds of ``articlemodel batch --workers N`` on ``records`` records (of
    samples), start-up included: the fastest of ``repeats`` runs. CPU over wall shows how many
    cores the run really had: on a busy machine, fewer than it asked for."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.jsonl"
        with source.open("w", encoding="utf-8") as stream:
            for i in range(records):
                sample = samples[i % len(samples)]
                published = sample.published.isoformat() if sample.published else None
                stream.write(
                    json.dumps(
                        {"id": f"{sample.id}#{i}", "text": sample.text, "published": published}
                    )
                    + "\n"
                )
        result: dict[int, tuple[float, float]] = {}
        for _ in range(repeats):  # alternate the settings, keep each one's fastest run
            for count in workers:
                command = [sys.executable, "-m", "articlemodel", "batch", str(source)]
                command += ["-o", os.devnull, "--workers", str(count)]
                before = os.times()
                start = time.perf_counter()
                subprocess.run(command, capture_output=True, check=False)
                seconds = time.perf_counter() - start
                after = os.times()
                cpu = (after.children_user - before.children_user) + (
                    after.children_system - before.children_system
                )
                if count not in result or seconds < result[count][0]:
                    result[count] = (seconds, cpu)
        return result


def linearity(text: str, factors: Sequence[int]) -> dict[int, float]:
    """Seconds to parse ``text`` repeated ``factor`` times (fastest of a few rounds)."""
    result = {}
    for factor in factors:
        long_text = "\n\n".join([text.strip()] * factor)
        rounds = 5 if factor < 100 else 2
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            parse_article(long_text)
            times.append(time.perf_counter() - start)
        result[factor] = min(times)
    return result


# Odd inputs whose cost could grow faster than their length if a stage were quadratic: each
# built from n units; linear_odd_inputs times n and 10 n.
ODD_INPUTS: dict[str, Callable[[int], str]] = {
    "one sentence in capitals": lambda n: "SYRIA AND IRAQ AND " * n + "TURKEY.",
    "short paragraphs, a quote each": lambda n: "Talks\n\n" + "“Yes,” he said.\n\n" * n,
    "a run of capitalized words": lambda n: (
        "Talks\n\nThe " + "National " * n + "Bank said so.\n\n" + "National " * n + "Banx rose."
    ),
    "no sentence end": lambda n: "Talks\n\n" + "the talks in Paris resumed on Monday and " * n,
    "unbalanced quote marks": lambda n: "Talks\n\n" + "“He said the Army " * n,
    "many dates and numbers": lambda n: "Talks\n\n" + "On 3 March 2019, 12:30, 5% of 1,200 " * n,
}


def linear_odd_inputs(units: int = 1000) -> dict[str, tuple[int, float, float]]:
    """For each of ODD_INPUTS: (characters at 10 n, seconds at n, seconds at 10 n), the
    fastest of two parses each."""
    result = {}
    for name, build in ODD_INPUTS.items():
        times = []
        for n in (units, 10 * units):
            text = build(n)
            runs = []
            for _ in range(2):
                start = time.perf_counter()
                parse_article(text)
                runs.append(time.perf_counter() - start)
            times.append(min(runs))
        result[name] = (len(build(10 * units)), times[0], times[1])
    return result


def peak_memory(samples: Sequence[Sample]) -> float:
    """Peak traced memory, in MB, of one parse_article pass over ``samples``."""
    tracemalloc.start()
    for sample in samples:
        _parse(sample)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def profile(text: str, label: str, limit: int = 15) -> str:
    """The top functions by own time while parsing ``text``, as text."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20 if len(text) < 100_000 else 1):
        parse_article(text)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    return f"### cProfile: {label}\n\n```\n{out.getvalue().strip()}\n```\n"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def _rate_row(name: str, samples: Sequence[Sample], times: Sequence[float], floor: float) -> str:
    total = sum(times)
    words = sum(s.words for s in samples)
    return (
        f"| {name} | {len(samples)} | {words / len(samples):.0f} | {len(samples) / total:,.0f} "
        f"| {words / total:,.0f} "
        f"| {_ms(_percentile(times, 0.5))} / {_ms(_percentile(times, 0.99))} "
        f"| {total / floor:.1f} |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", type=Path, help="JSONL / .txt files or directories")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per timing (fastest)")
    parser.add_argument("--batch-records", type=int, default=10_000, help="records for batch runs")
    parser.add_argument("--profile", action="store_true", help="also print cProfile tops")
    args = parser.parse_args(argv)

    samples = load_samples(args.paths or DEFAULT_PATHS)
    if not samples:
        parser.error("no articles found")
    news = [s for s in samples if NEWS_WORDS[0] <= s.words <= NEWS_WORDS[1]]
    seed = samples[0]
    load_before = os.getloadavg()[0]
    # First sight: the extractors cache answers per word (bounded), so texts parsed again are
    # a little flattered. Warm up on every other article, then time each of the others once,
    # the first time it is seen; the lexicons and indexes have loaded by then.
    unseen = samples[1::2]
    for sample in samples[::2]:
        _parse(sample)
    first_sight = time_each(_parse, unseen, 1)
    for sample in samples:  # warm up: lexicons and indexes load here, not in the timings
        _parse(sample)

    floor_times, parse_times = time_paired(samples, args.rounds)
    index = {id(s): i for i, s in enumerate(samples)}
    news_floor = [floor_times[index[id(s)]] for s in news]
    news_parse = [parse_times[index[id(s)]] for s in news]
    unseen_news = [i for i, s in enumerate(unseen) if s in news]
    stages = stage_times(samples, args.rounds)
    memory = peak_memory(samples)
    with tempfile.TemporaryDirectory() as folder:
        seed_file = Path(folder) / "seed.txt"
        seed_file.write_text(seed.text, encoding="utf-8")
        cold = cold_start(seed_file)
        cached = cold_start(seed_file, bytecode=True)
    batch = batch_times(samples, args.batch_records, (1, 2))
    startup = batch_times(samples, 1, (1, 2))
    scale = linearity(seed.text, (1, 10, 100))
    odd = linear_odd_inputs()

    sources = ", ".join(
        os.path.relpath(p, REPO) + "/" * p.is_dir() for p in (args.paths or DEFAULT_PATHS)
    )
    print(f"# articlemodel {articlemodel.__version__} benchmark\n")
    print(
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; "
        f"fastest of {args.rounds} rounds; {len(samples)} articles from "
        f"{sources}; load average "
        f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end (other "
        "processes on the machine slow every figure; the ratios to the floor drift least)\n"
    )
    print("| system | articles | mean words | articles/s | words/s | p50 / p99 ms | × floor time |")
    print("|---|---|---|---|---|---|---|")
    print(_rate_row("regex floor, all", samples, floor_times, sum(floor_times)))
    print(_rate_row("parse_article, all", samples, parse_times, sum(floor_times)))
    if news:
        print(_rate_row("regex floor, 300–600 words", news, news_floor, sum(news_floor)))
        print(_rate_row("parse_article, 300–600 words", news, news_parse, sum(news_floor)))
    if unseen_news:
        print(
            _rate_row(
                "parse_article, 300–600 words, first sight",
                [unseen[i] for i in unseen_news],
                [first_sight[i] for i in unseen_news],
                sum(floor_times[index[id(unseen[i])]] for i in unseen_news),
            )
        )
    print()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Peak memory of a parse pass (tracemalloc): {memory:.1f} MB; "
        f"process max RSS {max_rss:.0f} MB."
    )
    print(
        f"Cold start: import {cold.imported:.2f} s + first parse {cold.first:.2f} s "
        f"= {cold.imported + cold.first:.2f} s (whole process {cold.process:.2f} s); "
        f"the second parse takes {cold.second * 1000:.1f} ms, so loading lexicons and "
        f"gazetteers on first use costs about {(cold.first - cold.second) * 1000:.0f} ms."
    )
    print(
        f"Cold start with bytecode cached (as after pip install): import "
        f"{cached.imported:.2f} s + first parse {cached.first:.2f} s "
        f"= {cached.imported + cached.first:.2f} s (whole process {cached.process:.2f} s).\n"
    )

    total = stages.pop("parse_article")
    print("| stage | ms / article | share of parse_article |")
    print("|---|---|---|")
    for name, seconds in stages.items():
        print(f"| {name} | {_ms(seconds / len(samples))} | {seconds / total:.0%} |")
    rest = total - sum(stages.values())
    print(
        f"| rest (resolution, Article validation) | {_ms(rest / len(samples))} "
        f"| {rest / total:.0%} |"
    )
    print(f"| parse_article, same pass | {_ms(total / len(samples))} | 100% |")
    print()

    print(
        f"| batch, {args.batch_records:,} records, start-up included "
        "| wall s | articles/s | speed-up | cores used (CPU s / wall s) "
        "| start-up (1 record), wall s |"
    )
    print("|---|---|---|---|---|---|")
    for count, (seconds, cpu) in batch.items():
        print(
            f"| --workers {count} | {seconds:.2f} | {args.batch_records / seconds:,.0f} "
            f"| {batch[1][0] / seconds:.2f}× | {cpu / seconds:.2f} | {startup[count][0]:.2f} |"
        )
    print()

    print(f"| length ({seed.id}) | characters | ms | × time of 1× |")
    print("|---|---|---|---|")
    for factor, seconds in scale.items():
        characters = len("\n\n".join([seed.text.strip()] * factor))
        print(f"| {factor}× | {characters:,} | {_ms(seconds)} | {seconds / scale[1]:.1f} |")
    print()

    print("| odd input, n = 1,000 units | characters at 10 n | ms at n | ms at 10 n | × time |")
    print("|---|---|---|---|---|")
    for name, (characters, small, large) in odd.items():
        print(f"| {name} | {characters:,} | {_ms(small)} | {_ms(large)} | {large / small:.1f} |")
    print()

    if args.profile:
        print(profile(seed.text, f"{seed.id}, 20 parses"))
        print(profile("\n\n".join([seed.text.strip()] * 100), f"{seed.id} at 100×, one parse"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
