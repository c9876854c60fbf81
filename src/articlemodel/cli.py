"""The ``articlemodel`` command.

    articlemodel parse FILE|- [--published DATE] [--indent N]   print the Article JSON
    articlemodel validate FILE...                               check Article JSON files
    articlemodel schema [--indent N]                            print the Article JSON Schema
    articlemodel batch INPUT... [-o OUT] [--workers N] [--errors FILE]
                                                                parse many articles to JSONL

Exit status: 0 on success, 1 when an input is bad or invalid (for batch: when any record
failed), 2 on a usage error, 130 on Ctrl-C. A bad input gets one line on stderr, never a
traceback. ``batch`` is described in docs/batch.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from articlemodel import __version__
from articlemodel.batch import CliJob, available_cores, error_line, run_cli_jobs
from articlemodel.errors import ArticleFileError, ArticlemodelError, InvalidTextError
from articlemodel.io import load_article, read_text_file
from articlemodel.models import Article
from articlemodel.pipeline import coerce_date, parse_article

__all__ = ["main"]

PROG = "articlemodel"


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def _read_input(path: str) -> str:
    if path != "-":
        return read_text_file(path)
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidTextError(
            f"<stdin>: is not UTF-8 text (byte {error.start}: {error.reason})"
        ) from None


def _cmd_parse(args: argparse.Namespace) -> int:
    published = coerce_date(args.published, name="--published")
    text = _read_input(args.file)
    label = "<stdin>" if args.file == "-" else args.file
    try:
        article = parse_article(text, published=published)
    except InvalidTextError as error:
        raise InvalidTextError(f"{label}: {error}") from None
    sys.stdout.write(article.model_dump_json(indent=args.indent or None))
    sys.stdout.write("\n")
    return 0


def _format_loc(loc: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in loc) or "<root>"


def _cmd_validate(args: argparse.Namespace) -> int:
    invalid = 0
    for path in args.files:
        try:
            load_article(path)
        except ArticlemodelError as error:
            invalid += 1
            print(f"{PROG}: error: {error}", file=sys.stderr)
        except ValidationError as error:
            invalid += 1
            for problem in error.errors(include_url=False):
                print(
                    f"{path}: {_format_loc(problem['loc'])}: {problem['msg']} [{problem['type']}]",
                    file=sys.stderr,
                )
        else:
            print(f"{path}: ok")
    if invalid:
        print(f"{invalid} of {len(args.files)} files invalid", file=sys.stderr)
    return 1 if invalid else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(Article.model_json_schema(), indent=args.indent or None, ensure_ascii=False))
    return 0


# --- batch -----------------------------------------------------------------------------------

#: Seconds between two redraws of the progress line.
PROGRESS_INTERVAL = 0.25


def _check_inputs(inputs: Sequence[str]) -> None:
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise ArticleFileError(f"{name}: no such file or directory")


def _open_jsonl(name: str) -> io.BufferedIOBase:
    """A JSONL file for reading bytes; ``.gz`` files are decompressed on the fly."""
    if name.endswith(".gz"):
        return gzip.open(name, "rb")
    return Path(name).open("rb")


def _input_jobs(name: str, where: deque[tuple[str, int | None]]) -> Iterator[CliJob]:
    """The jobs of one INPUT, noting each job's (source, line) in ``where`` as it is read."""
    if name != "-" and Path(name).is_dir():
        root = Path(name)
        for path in sorted(root.rglob("*.txt")):
            where.append((str(path), None))
            yield "file", str(path), path.relative_to(root).with_suffix("").as_posix()
        return
    if name != "-" and name.endswith(".txt"):
        where.append((name, None))
        yield "file", name, Path(name).stem
        return
    label = "<stdin>" if name == "-" else name
    with contextlib.ExitStack() as stack:
        stream: Iterable[bytes] = (
            sys.stdin.buffer if name == "-" else stack.enter_context(_open_jsonl(name))
        )
        for number, raw in enumerate(stream, start=1):
            if raw.strip():
                where.append((label, number))
                yield "jsonl", raw, None


def _count_records(inputs: Sequence[str]) -> int | None:
    """How many records the inputs hold, for the ETA; None when one is stdin."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-":
            return None
        if path.is_dir():
            total += sum(1 for _ in path.rglob("*.txt"))
        elif name.endswith(".txt"):
            total += 1
        else:
            with _open_jsonl(name) as stream:
                total += sum(1 for raw in stream if raw.strip())
    return total


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def _progress(done: int, total: int | None, elapsed: float) -> str:
    rate = done / elapsed if elapsed > 0 else 0.0
    line = f"{done:,} done, {rate:,.1f} articles/s"
    if total is not None:
        eta = (total - done) / rate if rate > 0 else 0.0
        line = f"{done:,}/{total:,} done, {rate:,.1f} articles/s, ETA {_duration(eta)}"
    return line


@contextlib.contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) that arrives inside the block until the block is done."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _cmd_batch(args: argparse.Namespace) -> int:
    _check_inputs(args.inputs)
    workers: int = args.workers or available_cores()
    show_progress = sys.stderr.isatty()
    total = _count_records(args.inputs) if show_progress else None
    where: deque[tuple[str, int | None]] = deque()

    def jobs() -> Iterator[CliJob]:
        for name in args.inputs:
            yield from _input_jobs(name, where)

    parsed = failed = 0
    started = last_drawn = time.perf_counter()
    interrupted = False
    with contextlib.ExitStack() as stack:
        out: BinaryIO = (
            sys.stdout.buffer
            if args.output in (None, "-")
            else stack.enter_context(Path(args.output).open("wb"))
        )
        errors: BinaryIO = (
            out if args.errors is None else stack.enter_context(Path(args.errors).open("wb"))
        )
        outcomes = stack.enter_context(contextlib.closing(run_cli_jobs(jobs(), workers=workers)))
        try:
            for ok, record_id, payload in outcomes:
                source, line = where.popleft()
                if ok:
                    parsed += 1
                    stream, text = out, payload
                else:
                    failed += 1
                    stream, text = errors, error_line(record_id, payload, source=source, line=line)
                # One write and a flush per record, Ctrl-C held off meanwhile: an interrupted
                # run leaves whole lines.
                with _deferred_interrupt():
                    stream.write(text.encode("utf-8") + b"\n")
                    stream.flush()
                now = time.perf_counter()
                if show_progress and now - last_drawn >= PROGRESS_INTERVAL:
                    last_drawn = now
                    line_text = _progress(parsed + failed, total, now - started)
                    print(f"\r\x1b[K{line_text}", end="", file=sys.stderr, flush=True)
        except KeyboardInterrupt:
            interrupted = True
    elapsed = time.perf_counter() - started
    if show_progress:
        print("\r\x1b[K", end="", file=sys.stderr)
    done = parsed + failed
    rate = done / elapsed if elapsed > 0 else 0.0
    status = "interrupted after" if interrupted else "done:"
    print(
        f"{PROG}: batch {status} {parsed:,} parsed, {failed:,} failed "
        f"in {elapsed:.1f} s ({rate:,.1f} articles/s)",
        file=sys.stderr,
    )
    if interrupted:
        return 130
    return 1 if failed else 0


def _non_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn the plain text of a news article into a typed record."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser("parse", help="parse an article text file and print its JSON")
    parse.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for stdin")
    parse.add_argument(
        "--published", metavar="DATE", help="publication date, ISO 8601 (2018-06-05)"
    )
    parse.add_argument(
        "--indent", type=_non_negative, default=2, metavar="N", help="JSON indent (0: one line)"
    )
    parse.set_defaults(run=_cmd_parse)

    validate = commands.add_parser("validate", help="check Article JSON files")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(run=_cmd_validate)

    schema = commands.add_parser("schema", help="print the Article JSON Schema")
    schema.add_argument("--indent", type=_non_negative, default=2, metavar="N")
    schema.set_defaults(run=_cmd_schema)

    batch = commands.add_parser(
        "batch",
        help="parse many articles (JSONL, a directory of .txt files, or -) to JSONL",
        description=(
            "Parse every record of the inputs and write one JSON line per record: "
            '{"id", "metadata", "article"} or, when it failed, {"id", "error", "source", '
            '"line"}. Input: JSONL files of {"id", "text", "published"?} objects (.gz: '
            "gzipped), directories "
            "of .txt files (searched recursively), .txt files, or - for JSONL on stdin."
        ),
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT")
    batch.add_argument("-o", "--output", metavar="OUT", help="output JSONL file (default: stdout)")
    batch.add_argument(
        "--workers",
        type=_non_negative,
        default=1,
        metavar="N",
        help="processes to parse in (default 1; 0: one per core)",
    )
    batch.add_argument(
        "--errors", metavar="FILE", help="write error records here instead of to the output"
    )
    batch.set_defaults(run=_cmd_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except ArticlemodelError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say.
        sys.stderr.close()
        return 1
