"""parse_article: the stages in order, and nothing else.

text → layout → segmentation → extractors (dates, organizations, locations, people, quotes)
→ resolution → a validated Article. Adding an extractor touches this module in one place.
"""

from __future__ import annotations

import datetime

from articlemodel.errors import ArticlemodelError, InvalidDateError, InvalidTextError, ParseError
from articlemodel.extract.dates import extract_dates, find_published, resolve_dateline
from articlemodel.extract.locations import extract_locations
from articlemodel.extract.organizations import extract_organizations
from articlemodel.extract.people import extract_people
from articlemodel.extract.quotes import extract_quotes
from articlemodel.layout import parse_layout
from articlemodel.models import Article, PublishedSource
from articlemodel.resolve import link_dateline
from articlemodel.segment import segment
from articlemodel.settings import MAX_TEXT_CHARS

__all__ = ["parse_article"]

DateLike = datetime.date | datetime.datetime | str


def _coerce_text(text: object) -> str:
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidTextError(
                f"text: bytes are not valid UTF-8 (byte {error.start}: {error.reason}); "
                "decode them yourself and pass a str"
            ) from None
    if not isinstance(text, str):
        raise InvalidTextError(f"text: expected str or UTF-8 bytes, got {type(text).__name__}")
    if not text.strip():
        raise InvalidTextError("text: is empty or only white space; there is nothing to parse")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidTextError(
            f"text: {len(text):,} characters is more than the {MAX_TEXT_CHARS:,} allowed"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidTextError(
            f"text: holds a lone surrogate {text[error.start]!r} at index {error.start}, "
            "which no UTF-8 JSON can carry"
        ) from None
    return text


def coerce_date(value: object, *, name: str = "published") -> datetime.date | None:
    """``value`` as a date: a date, a datetime (its date) or an ISO 8601 string; None stays."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        candidate = value.strip()
        try:
            if len(candidate) == 10:
                return datetime.date.fromisoformat(candidate)
            return datetime.datetime.fromisoformat(candidate.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        raise InvalidDateError(
            f"{name}: {value!r} is not an ISO 8601 date; expected e.g. '2018-06-05'"
        )
    raise InvalidDateError(
        f"{name}: expected a date, a datetime or an ISO 8601 string, got {type(value).__name__}"
    )


def parse_article(text: str | bytes, *, published: DateLike | None = None) -> Article:
    """Parse the plain text of a news article into a validated Article.

    Args:
        text: The article: headline, optional standfirst and dateline, body, credits. UTF-8
            bytes are decoded; every offset in the result indexes the decoded text.
        published: The publication date (a date, a datetime or an ISO 8601 string), the
            reference for relative dates. When None, a date the text gives is used.

    Returns:
        The Article, validated: every offset slices back to its text.

    Raises:
        InvalidTextError: ``text`` is empty, not text, not UTF-8, or too long.
        InvalidDateError: ``published`` is not a date.
        ParseError: a parser failed on the text (a bug: please report it with the text).

    Example:
        >>> article = parse_article("Storm hits coast\\n\\nMIAMI (AP) — A storm hit.")
        >>> article.headline.text, article.dateline.source
        ('Storm hits coast', 'AP')
    """
    text = _coerce_text(text)
    reference = coerce_date(published)
    try:
        return _parse(text, reference)
    except ArticlemodelError:
        raise
    except (MemoryError, RecursionError):
        raise
    except Exception as error:
        raise ParseError(
            f"parsing failed ({type(error).__name__}: {error}); this is a bug in articlemodel, "
            "please report it with the text"
        ) from error


def _parse(text: str, reference: datetime.date | None) -> Article:
    """The stages, on checked input."""
    layout = parse_layout(text)
    doc = segment(text, layout)

    source: PublishedSource | None = "caller" if reference is not None else None
    if reference is None and (found := find_published(doc)) is not None:
        reference, source = found

    dates = extract_dates(doc, reference=reference)
    organizations = extract_organizations(doc)
    locations = extract_locations(doc, organizations=organizations)
    people = extract_people(doc, organizations=organizations, locations=locations)
    quotes = extract_quotes(doc, people=people, organizations=organizations)

    dateline = layout.dateline
    if dateline is not None:
        dateline = link_dateline(resolve_dateline(dateline, reference), locations)

    return Article(
        text=text,
        headline=layout.headline,
        standfirst=layout.standfirst,
        dateline=dateline,
        published=reference,
        published_source=source,
        paragraphs=layout.paragraphs,
        credits=layout.credits,
        quotes=tuple(quotes),
        organizations=tuple(organizations),
        locations=tuple(locations),
        people=tuple(people),
        dates=tuple(dates),
    )
