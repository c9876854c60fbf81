"""The typed record of a news article: Pydantic v2 models, frozen and closed.

Offsets are character indexes into ``Article.text``, the input exactly as given, end-exclusive
like slices: ``article.text[m.start:m.end] == m.text`` holds for every Mention, Quote and
DateExpression. A Mention checks its own span; the Article, which owns the text, checks every
offset, id and reference in one validator and reports each problem under its JSON path
(``quotes.2.speaker_mention``) with a stable error type (``mention_text_mismatch``).

The models know nothing of how they are filled: the parsers live in ``layout``, ``segment``,
``extract`` and ``resolve``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from articlemodel.settings import SCHEMA_VERSION

__all__ = [
    "Article",
    "Credit",
    "DateExpression",
    "Dateline",
    "Location",
    "Mention",
    "Organization",
    "Person",
    "Quote",
]

Offset = Annotated[int, Field(ge=0, description="Character index into Article.text.")]
EntityId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        pattern=r"^[a-z]+[0-9]+$",
        description="Identifier unique within the article, such as 'org1' or 'q3'.",
    ),
]
CountryCode = Annotated[
    str,
    Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country code, such as 'SY'."),
]
Name = Annotated[str, Field(min_length=1, description="A name as the article gives it.")]

OrganizationKind = Literal[
    "military",
    "armed_group",
    "government",
    "political_party",
    "coalition",
    "media",
    "company",
    "international",
    "ngo",
    "sports",
    "education",
    "other",
]
LocationKind = Literal[
    "country",
    "region",
    "city",
    "town",
    "village",
    "river",
    "sea",
    "mountain",
    "border",
    "area",
    "facility",
    "continent",
    "other",
]
QuoteKind = Literal["direct", "indirect", "mixed"]
DateKind = Literal["date", "time", "duration", "set"]
Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day",
    "hour", "minute", "second",
]  # fmt: skip
CreditRole = Literal[
    "writing", "reporting", "additional_reporting", "editing", "compiling", "photography", "other"
]
PublishedSource = Literal["caller", "dateline", "text"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)


class Mention(_Model):
    """A piece of the article text: what it says and where it stands."""

    text: str = Field(description="The characters text[start:end], exactly as in the input.")
    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _check_span(self) -> Mention:
        if self.end < self.start:
            raise PydanticCustomError(
                "mention_span_reversed",
                "end {end} is before start {start}",
                {"start": self.start, "end": self.end},
            )
        if self.end - self.start != len(self.text):
            raise PydanticCustomError(
                "mention_length_mismatch",
                "text has {length} characters but the span {start}..{end} has {span}",
                {
                    "length": len(self.text),
                    "start": self.start,
                    "end": self.end,
                    "span": self.end - self.start,
                },
            )
        return self


class Dateline(_Model):
    """The wire dateline that opens the body: ``DEIR AL-ZOR (Kurdistan 24) –``."""

    mention: Mention = Field(description="The whole dateline, dash or colon included.")
    place: str | None = Field(
        default=None, description="The place as written, at the start of the dateline."
    )
    location_id: EntityId | None = Field(
        default=None, description="Id of the Location the place refers to, when found."
    )
    source: str | None = Field(
        default=None, description="The outlet or agency named in the dateline ('Reuters')."
    )
    date_mention: Mention | None = Field(
        default=None, description="The date the dateline gives ('Aug 30'), when it has one."
    )
    date: datetime.date | None = Field(
        default=None, description="That date resolved to a calendar day, when its year is known."
    )


class Credit(_Model):
    """A credit line: ``Reporting by A and B``, ``Editing by C``."""

    role: CreditRole = Field(description="What the named people did.")
    names: tuple[Name, ...] = Field(min_length=1, description="The people credited, as written.")
    mention: Mention = Field(description="The credit as it stands in the text.")


class Organization(_Model):
    """An organization the article names, with every mention of it."""

    id: EntityId
    name: Name = Field(description="The fullest name the article gives.")
    acronym: str | None = Field(default=None, description="The short form the article defines.")
    aliases: tuple[str, ...] = Field(default=(), description="Other names the article uses for it.")
    kind: OrganizationKind = Field(default="other", description="What sort of organization.")
    country: CountryCode | None = Field(default=None, description="Its country, when known.")
    mentions: tuple[Mention, ...] = Field(min_length=1, description="Every mention, in text order.")


class Location(_Model):
    """A place the article names, with every mention of it."""

    id: EntityId
    name: Name = Field(description="A canonical name: the gazetteer's, or the fullest written.")
    kind: LocationKind = Field(default="other", description="What sort of place.")
    country: CountryCode | None = Field(default=None, description="Its country, when known.")
    latitude: float | None = Field(default=None, ge=-90, le=90, description="WGS 84 degrees.")
    longitude: float | None = Field(default=None, ge=-180, le=180, description="WGS 84 degrees.")
    geonames_id: int | None = Field(default=None, ge=1, description="GeoNames identifier.")
    aliases: tuple[str, ...] = Field(default=(), description="Other spellings in the article.")
    mentions: tuple[Mention, ...] = Field(min_length=1, description="Every mention, in text order.")


class Person(_Model):
    """A person the article names, with every mention of them."""

    id: EntityId
    name: Name = Field(description="The fullest name the article gives.")
    role: str | None = Field(
        default=None, description="The role as written ('a spokesperson for the ministry')."
    )
    affiliation_id: EntityId | None = Field(
        default=None, description="Id of the Organization the role ties them to."
    )
    mentions: tuple[Mention, ...] = Field(
        min_length=1, description="Every mention: full name, surname, honorific forms."
    )


class Quote(_Model):
    """Something a speaker said, directly or reported."""

    id: EntityId
    text: str = Field(min_length=1, description="The content, without the quote marks.")
    start: Offset
    end: Offset
    kind: QuoteKind = Field(
        description="direct: all in quote marks; mixed: paraphrase with a quoted part; "
        "indirect: reported speech."
    )
    speaker: str | None = Field(default=None, description="The speaker's display name.")
    speaker_id: EntityId | None = Field(
        default=None, description="Id of the Person or Organization who spoke."
    )
    speaker_mention: Mention | None = Field(
        default=None, description="Where the text names the speaker for this quote."
    )
    cue: Mention | None = Field(default=None, description="The reporting verb or phrase.")
    paragraph: int | None = Field(
        default=None,
        ge=0,
        description="Index into Article.paragraphs; None in the headline or standfirst.",
    )


class DateExpression(_Model):
    """A time expression, resolved TIMEX3-style against the publication date."""

    id: EntityId
    text: str = Field(min_length=1, description="The expression as written ('two weeks ago').")
    start: Offset
    end: Offset
    value: str | None = Field(
        default=None,
        description="TIMEX3 value: '2018-06-04', '2018-05', '2018-W21', 'P2W', 'PRESENT_REF'; "
        "None when it cannot be resolved.",
    )
    kind: DateKind = Field(default="date", description="TIMEX3 type, lower case.")
    granularity: Granularity | None = Field(
        default=None, description="The unit the value is precise to."
    )
    date: datetime.date | None = Field(
        default=None, description="The calendar day, when the value is one day."
    )


class Article(_Model):
    """A parsed news article. Validating one checks every offset and reference in it."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this layout.")
    text: str = Field(description="The input exactly as given; every offset indexes it.")
    headline: Mention | None = Field(default=None, description="The headline, when present.")
    standfirst: Mention | None = Field(
        default=None, description="The summary between the headline and the body, if any."
    )
    dateline: Dateline | None = Field(default=None, description="The wire dateline, if any.")
    published: datetime.date | None = Field(
        default=None, description="The publication date: the reference for relative dates."
    )
    published_source: PublishedSource | None = Field(
        default=None,
        description="Where `published` came from: the caller, the dateline or the text.",
    )
    paragraphs: tuple[Mention, ...] = Field(default=(), description="The body paragraphs.")
    credits: tuple[Credit, ...] = Field(default=(), description="Credit lines.")
    quotes: tuple[Quote, ...] = Field(default=(), description="Quotes, in text order.")
    organizations: tuple[Organization, ...] = Field(default=(), description="Organizations.")
    locations: tuple[Location, ...] = Field(default=(), description="Locations.")
    people: tuple[Person, ...] = Field(default=(), description="People.")
    dates: tuple[DateExpression, ...] = Field(default=(), description="Time expressions.")

    @model_validator(mode="after")
    def _check_offsets_and_references(self) -> Article:
        if _looks_valid(self):
            return self
        problems = list(_article_problems(self))
        if problems:
            raise ValidationError.from_exception_data(type(self).__name__, problems)
        return self


Loc = tuple[str | int, ...]


def _looks_valid(article: Article) -> bool:
    """A fast check of every rule ``_article_problems`` spells out; False sends it there.

    Keep in sync with ``_article_problems``: this one only answers yes or no, in one tight pass,
    because it runs on every parsed article.
    """
    text = article.text
    spans: list[tuple[str, int, int]] = []
    for mention in (article.headline, article.standfirst):
        if mention is not None:
            spans.append((mention.text, mention.start, mention.end))
    spans += [(m.text, m.start, m.end) for m in article.paragraphs]
    spans += [(c.mention.text, c.mention.start, c.mention.end) for c in article.credits]
    ids: dict[str, str] = {}
    for field, entities in (
        ("organizations", article.organizations),
        ("locations", article.locations),
        ("people", article.people),
    ):
        for entity in entities:
            ids[entity.id] = field
            spans += [(m.text, m.start, m.end) for m in entity.mentions]
    for quote in article.quotes:
        ids[quote.id] = "quotes"
        spans.append((quote.text, quote.start, quote.end))
        for mention in (quote.speaker_mention, quote.cue):
            if mention is not None:
                spans.append((mention.text, mention.start, mention.end))
        if quote.paragraph is not None and quote.paragraph >= len(article.paragraphs):
            return False
        if quote.speaker_id is not None and ids.get(quote.speaker_id) not in _SPEAKER_FIELDS:
            return False
    for date in article.dates:
        ids[date.id] = "dates"
        spans.append((date.text, date.start, date.end))
    expected_ids = (
        len(article.organizations) + len(article.locations) + len(article.people)
        + len(article.quotes) + len(article.dates)
    )  # fmt: skip
    if len(ids) != expected_ids:
        return False
    size = len(text)
    starts_with = text.startswith
    if not all(
        end <= size and end - start == len(value) and starts_with(value, start)
        for value, start, end in spans
    ):
        return False
    if any(p.affiliation_id is not None and ids.get(p.affiliation_id) != "organizations"
           for p in article.people):  # fmt: skip
        return False
    dateline = article.dateline
    if dateline is not None:
        mention, date_mention = dateline.mention, dateline.date_mention
        if text[mention.start : mention.end] != mention.text:
            return False
        if (
            date_mention is not None
            and text[date_mention.start : date_mention.end] != date_mention.text
        ):
            return False
        if dateline.place is not None and not mention.text.startswith(dateline.place):
            return False
        if dateline.location_id is not None and ids.get(dateline.location_id) != "locations":
            return False
    if (article.published is None) != (article.published_source is None):
        return False
    previous_end = 0
    for paragraph in article.paragraphs:
        if paragraph.start < previous_end:
            return False
        previous_end = paragraph.end
    return True


_SPEAKER_FIELDS = frozenset({"people", "organizations"})


def _problem(loc: Loc, slug: str, message: str, value: Any, **ctx: Any) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(slug, message, ctx or None), loc=loc, input=value
    )


def _span_problems(
    text: str, loc: Loc, value: str, start: int, end: int
) -> Iterator[InitErrorDetails]:
    if end > len(text):
        yield _problem(
            loc,
            "mention_out_of_range",
            "span {start}..{end} runs past the end of the text ({length} characters)",
            value,
            start=start,
            end=end,
            length=len(text),
        )
    elif text[start:end] != value:
        yield _problem(
            loc,
            "mention_text_mismatch",
            "text {given} does not match the article text at {start}..{end}, which is {actual}",
            value,
            given=repr(value),
            actual=repr(text[start:end]),
            start=start,
            end=end,
        )


def _mention_problems(text: str, loc: Loc, mention: Mention | None) -> Iterator[InitErrorDetails]:
    if mention is not None:
        yield from _span_problems(text, loc, mention.text, mention.start, mention.end)


def _article_problems(article: Article) -> Iterator[InitErrorDetails]:
    text = article.text
    yield from _mention_problems(text, ("headline",), article.headline)
    yield from _mention_problems(text, ("standfirst",), article.standfirst)
    if article.dateline is not None:
        dl = article.dateline
        yield from _mention_problems(text, ("dateline", "mention"), dl.mention)
        yield from _mention_problems(text, ("dateline", "date_mention"), dl.date_mention)
        if dl.place is not None and not dl.mention.text.startswith(dl.place):
            yield _problem(
                ("dateline", "place"),
                "dateline_place_mismatch",
                "place {place} is not how the dateline {dateline} starts",
                dl.place,
                place=repr(dl.place),
                dateline=repr(dl.mention.text),
            )
    if (article.published is None) != (article.published_source is None):
        yield _problem(
            ("published_source",),
            "published_source_mismatch",
            "published_source must be given exactly when published is",
            article.published_source,
        )

    previous_end = 0
    for i, paragraph in enumerate(article.paragraphs):
        yield from _mention_problems(text, ("paragraphs", i), paragraph)
        if paragraph.start < previous_end:
            yield _problem(
                ("paragraphs", i),
                "paragraphs_out_of_order",
                "paragraph starts at {start}, before the previous one ends at {previous_end}",
                paragraph.start,
                start=paragraph.start,
                previous_end=previous_end,
            )
        previous_end = max(previous_end, paragraph.end)
    for i, credit in enumerate(article.credits):
        yield from _mention_problems(text, ("credits", i, "mention"), credit.mention)

    kinds: dict[str, str] = {}
    groups: list[tuple[str, tuple[Organization | Location | Person, ...]]] = [
        ("organizations", article.organizations),
        ("locations", article.locations),
        ("people", article.people),
    ]
    for field, entities in groups:
        for i, entity in enumerate(entities):
            yield from _register_id(kinds, entity.id, field, (field, i, "id"))
            for j, mention in enumerate(entity.mentions):
                yield from _mention_problems(text, (field, i, "mentions", j), mention)
    for i, quote in enumerate(article.quotes):
        yield from _register_id(kinds, quote.id, "quotes", ("quotes", i, "id"))
        yield from _span_problems(text, ("quotes", i, "text"), quote.text, quote.start, quote.end)
        yield from _mention_problems(text, ("quotes", i, "speaker_mention"), quote.speaker_mention)
        yield from _mention_problems(text, ("quotes", i, "cue"), quote.cue)
        if quote.paragraph is not None and quote.paragraph >= len(article.paragraphs):
            yield _problem(
                ("quotes", i, "paragraph"),
                "paragraph_out_of_range",
                "paragraph {index} does not exist: the article has {count} paragraphs",
                quote.paragraph,
                index=quote.paragraph,
                count=len(article.paragraphs),
            )
    for i, date in enumerate(article.dates):
        yield from _register_id(kinds, date.id, "dates", ("dates", i, "id"))
        yield from _span_problems(text, ("dates", i, "text"), date.text, date.start, date.end)

    dateline_location = article.dateline.location_id if article.dateline else None
    references: list[tuple[Loc, str | None, tuple[str, ...]]] = [
        (("dateline", "location_id"), dateline_location, ("locations",)),
    ]
    references += [
        (("people", i, "affiliation_id"), p.affiliation_id, ("organizations",))
        for i, p in enumerate(article.people)
    ]
    references += [
        (("quotes", i, "speaker_id"), q.speaker_id, ("people", "organizations"))
        for i, q in enumerate(article.quotes)
    ]
    for loc, ref, allowed in references:
        if ref is None:
            continue
        if ref not in kinds:
            yield _problem(loc, "unknown_reference", "no entity has the id {ref}", ref, ref=ref)
        elif kinds[ref] not in allowed:
            yield _problem(
                loc,
                "wrong_reference_kind",
                "{ref} is in {field}, but this must point into {allowed}",
                ref,
                ref=ref,
                field=kinds[ref],
                allowed=" or ".join(allowed),
            )


def _register_id(
    kinds: dict[str, str], id_: str, field: str, loc: Loc
) -> Iterator[InitErrorDetails]:
    if id_ in kinds:
        yield _problem(
            loc,
            "duplicate_id",
            "id {id} is already used in {field}",
            id_,
            id=id_,
            field=kinds[id_],
        )
    else:
        kinds[id_] = field
