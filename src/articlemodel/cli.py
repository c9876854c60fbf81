"""The ``articlemodel`` command.

    articlemodel parse FILE|- [--published DATE] [--indent N]   print the Article JSON
    articlemodel validate FILE...                               check Article JSON files
    articlemodel schema [--indent N]                            print the Article JSON Schema

Exit status: 0 on success, 1 when an input is bad or invalid, 2 on a usage error, 130 on
Ctrl-C. A bad input gets one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from articlemodel import __version__
from articlemodel.errors import ArticlemodelError, InvalidTextError
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
                    f"{path}: {_format_loc(problem['loc'])}: {problem['msg']} "
                    f"[{problem['type']}]",
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
