"""Bad and odd input: a typed error for what cannot be parsed, a valid Article for the rest.

Nothing here may raise anything but an ArticlemodelError; nothing here times anything (speed is
measured in benchmarks/, not asserted in tests).
"""

from __future__ import annotations

import datetime

import pytest

from articlemodel import (
    Article,
    InvalidDateError,
    InvalidTextError,
    ParseError,
    parse_article,
    pipeline,
)

SAMPLE = "Storm hits coast\n\nMIAMI (AP) — A storm hit the coast on Monday, officials said.\n\n"

REJECTED_TEXT = [
    pytest.param("", "empty", id="empty"),
    pytest.param(" \n\t\u00a0\r\n ", "white space", id="white-space-only"),
    pytest.param(b"\xff\xfe\x00binary", "not valid UTF-8", id="non-utf8-bytes"),
    pytest.param("caf\udce9", "lone surrogate", id="lone-surrogate"),
    pytest.param(12345, "expected str", id="not-text"),
    pytest.param(None, "expected str", id="none"),
]

REJECTED_DATES = [
    pytest.param("2018-13-45", "not an ISO 8601 date", id="impossible-month"),
    pytest.param("yesterday", "not an ISO 8601 date", id="word"),
    pytest.param("05/06/2018", "not an ISO 8601 date", id="ambiguous-slashes"),
    pytest.param("", "not an ISO 8601 date", id="empty-string"),
    pytest.param(20180605, "got int", id="integer"),
]

ODD_TEXT = [
    pytest.param("!!!???...,,,;;;:::---———" * 200, id="punctuation-only"),
    pytest.param("“" * 10_000, id="ten-thousand-open-quotes"),
    pytest.param("He said “yes and then\n\nShe said ” no “ maybe\n\n”", id="unbalanced-quotes"),
    pytest.param('"', id="lone-quote-mark"),
    pytest.param("Headline\n\nBody ends with a quote mark “", id="quote-mark-last"),
    pytest.param("\x00\x01\x02 text with control characters \x7f", id="control-characters"),
    pytest.param("(((((((((( [[[[[[ ]]]] )))", id="unbalanced-brackets"),
    pytest.param("\r\r\r\n\n\r\nA\r\rB\r\n", id="mixed-line-ends"),
    pytest.param("مرحبا بالعالم\n\nهذا نص عربي.", id="arabic-script"),
    pytest.param("a" * 100_000, id="one-long-word"),
    pytest.param(
        "On 99/99/9999 and February 30, 2019 and 31 June, nothing happened.", id="nonsense-dates"
    ),
    pytest.param("\ufeffBOM at the start\n\nBody.", id="byte-order-mark"),
]


@pytest.mark.parametrize(("text", "message"), REJECTED_TEXT)
def test_unparseable_text_raises_invalid_text(text: object, message: str) -> None:
    with pytest.raises(InvalidTextError, match=message):
        parse_article(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(("published", "message"), REJECTED_DATES)
def test_bad_published_raises_invalid_date(published: object, message: str) -> None:
    with pytest.raises(InvalidDateError, match=message):
        parse_article(SAMPLE, published=published)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ODD_TEXT)
def test_odd_text_gives_a_valid_article(text: str) -> None:
    article = parse_article(text)
    assert article.text == text
    assert Article.model_validate_json(article.model_dump_json()) == article


@pytest.mark.parametrize(
    "published",
    [
        datetime.date(2018, 6, 5),
        datetime.datetime(2018, 6, 5, 23, 59),
        "2018-06-05",
        "2018-06-05T10:00:00Z",
        "2018-06-05T10:00:00+03:00",
    ],
)
def test_published_forms(published: datetime.date | str) -> None:
    article = parse_article(SAMPLE, published=published)
    assert article.published == datetime.date(2018, 6, 5)
    assert article.published_source == "caller"


def test_utf8_bytes_are_decoded() -> None:
    article = parse_article(SAMPLE.encode("utf-8"))
    assert article.text == SAMPLE


def test_ten_megabyte_article_parses() -> None:
    paragraph = (
        "The army said on Monday that “forces had advanced toward the town,” and officials in "
        "the capital confirmed the move, according to the ministry. "
    )
    text = "Long report\n\n" + "\n\n".join([paragraph] * (10_000_000 // len(paragraph)))
    article = parse_article(text, published="2018-06-05")
    assert len(article.text) >= 9_900_000
    assert len(article.paragraphs) > 50_000


@pytest.mark.parametrize(
    ("stage", "error"),
    [
        ("extract_dates", KeyError("seconds")),
        ("extract_quotes", IndexError("list index out of range")),
        ("parse_layout", ValueError("bad span")),
    ],
)
def test_a_parser_failure_is_a_parse_error(
    monkeypatch: pytest.MonkeyPatch, stage: str, error: Exception
) -> None:
    """A parser that fails on a text that passed the input checks (a bug) surfaces as a
    ParseError, an ArticlemodelError, with the original exception as its cause."""

    def failing(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr(pipeline, stage, failing)
    with pytest.raises(ParseError, match="please report it") as raised:
        parse_article(SAMPLE, published="2018-06-05")
    assert raised.value.__cause__ is error
    assert type(error).__name__ in str(raised.value)
