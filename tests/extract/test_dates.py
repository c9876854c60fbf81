"""The dates extractor: what it finds, how it resolves it, and what it leaves alone.

The table cases are sentences written for these tests: each gives the sentence, the reference
(publication) date and every expression expected in it as (text, value, kind), in text order.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlemodel import parse_article
from articlemodel.extract import dates as dates_module
from articlemodel.extract import timex
from articlemodel.extract.dates import extract_dates, find_published, resolve_dateline
from articlemodel.layout import parse_layout
from articlemodel.models import DateExpression
from articlemodel.segment import Document, segment

D = datetime.date
REF = D(2018, 6, 5)  # a Tuesday, the sample's publication date
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"

Expected = list[tuple[str, str | None, str]]
Case = tuple[str, datetime.date | None, Expected]


def _doc(text: str) -> Document:
    return segment(text, parse_layout(text))


def _dates(text: str, reference: datetime.date | None = REF) -> list[DateExpression]:
    return extract_dates(_doc(text), reference=reference)


def _triples(text: str, reference: datetime.date | None = REF) -> Expected:
    return [(d.text, d.value, d.kind) for d in _dates(text, reference)]


# The sample's expressions and the issue's absolute forms.
ISSUE_FORMS: list[Case] = [
    ("The talks resumed on Monday.", REF, [("Monday", "2018-06-04", "date")]),
    ("A pause came two weeks ago.", REF, [("two weeks ago", "2018-W21", "date")]),
    ("Last month, the SDF announced a push.", REF, [("Last month", "2018-05", "date")]),
    ("The deal was signed on June 4, 2018.", REF, [("June 4, 2018", "2018-06-04", "date")]),
    ("The deal was signed on 4 June 2018.", REF, [("4 June 2018", "2018-06-04", "date")]),
    ("The deal was signed on Jun. 4 in Paris.", REF, [("Jun. 4", "2018-06-04", "date")]),
    ("The deal was signed on June 4.", REF, [("June 4", "2018-06-04", "date")]),
    ("The report is dated 2018-06-04.", REF, [("2018-06-04", "2018-06-04", "date")]),
    ("The form was filed on 06/04/2018.", REF, [("06/04/2018", "2018-06-04", "date")]),
    ("Sales rose in 2017.", REF, [("2017", "2017", "date")]),
    ("The vote was held in June.", REF, [("June", "2018-06", "date")]),
    ("Prices soared in the 1990s.", REF, [("the 1990s", "199", "date")]),
    ("The offensive began in mid-May.", REF, [("mid-May", "2018-05", "date")]),
    ("Growth slowed in early 2018.", REF, [("early 2018", "2018", "date")]),
    (
        "The blast happened at 3 p.m. local time (1200 GMT).",
        REF,
        [
            ("3 p.m. local time", "2018-06-05T15:00", "time"),
            ("1200 GMT", "2018-06-05T12:00Z", "time"),
        ],
    ),
]

# Relative to the reference.
RELATIVE: list[Case] = [
    ("Ministers will meet next Monday.", REF, [("next Monday", "2018-06-11", "date")]),
    ("Officials said today that talks failed.", REF, [("today", "2018-06-05", "date")]),
    ("The ceasefire collapsed yesterday.", REF, [("yesterday", "2018-06-04", "date")]),
    ("The court will rule tomorrow.", REF, [("tomorrow", "2018-06-06", "date")]),
    ("Fighting intensified this week.", REF, [("this week", "2018-W23", "date")]),
    ("Fighting intensified the last week.", REF, [("the last week", "2018-W22", "date")]),
    ("Elections are due next year.", REF, [("next year", "2019", "date")]),
    ("The town fell three days earlier.", REF, [("three days earlier", "2018-06-02", "date")]),
    ("Output has risen earlier this year.", REF, [("earlier this year", "2018", "date")]),
    ("The plant will close later this month.", REF, [("later this month", "2018-06", "date")]),
    ("Costs rose by the end of this year.", REF, [("the end of this year", "2018", "date")]),
    ("Such attacks have recently become rare.", REF, [("recently", "PAST_REF", "date")]),
    ("The group is now in control.", REF, [("now", "PRESENT_REF", "date")]),
    (
        "It happened the day before yesterday.",
        REF,
        [("the day before yesterday", "2018-06-03", "date")],
    ),
    ("The market fell last September.", D(2018, 10, 5), [("last September", "2018-09", "date")]),
    ("Clashes erupted over the weekend.", REF, [("the weekend", "2018-W22-WE", "date")]),
    ("Crowds are expected this summer.", REF, [("this summer", "2018-SU", "date")]),
    ("The company reported results for fiscal 2019.", REF, [("fiscal 2019", "FY2019", "date")]),
    ("In March, prices fell.", REF, [("March", "2018-03", "date")]),
    (
        "Profit rose in the first quarter of 2009.",
        REF,
        [("the first quarter of 2009", "2009-Q1", "date")],
    ),
    ("The style recalls the '80s.", REF, [("the '80s", "198", "date")]),
    ("The house dates from the 19th century.", REF, [("the 19th century", "18", "date")]),
    ("Prices peaked in the 2000s.", REF, [("the 2000s", "200", "date")]),
]

# Durations and sets.
DURATIONS_AND_SETS: list[Case] = [
    (
        "Prices doubled over the past three years.",
        REF,
        [("the past three years", "P3Y", "duration")],
    ),
    ("Talks lasted for three days.", REF, [("three days", "P3D", "duration")]),
    ("After a pause of two weeks, the offensive resumed.", REF, [("two weeks", "P2W", "duration")]),
    ("The two-year-old ceasefire is fragile.", REF, [("two-year-old", "P2Y", "duration")]),
    ("The project took 18 months.", REF, [("18 months", "P18M", "duration")]),
    ("The war lasted two and a half years.", REF, [("two and a half years", "P2.5Y", "duration")]),
    (
        "Jobs will be cut over the next four years.",
        REF,
        [("the next four years", "P4Y", "duration")],
    ),
    ("The delay has lasted several years.", REF, [("several years", "PXY", "duration")]),
    ("A 24-hour curfew was imposed.", REF, [("24-hour", "PT24H", "duration")]),
    ("The market opens every Friday.", REF, [("every Friday", "XXXX-WXX-5", "set")]),
    ("The paper publishes daily.", REF, [("daily", "P1D", "set")]),
    ("Inspectors visit twice a week.", REF, [("twice a week", "P1W", "set")]),
    ("Tankers arrive at a rate of 15 a year.", REF, [("a year", "P1Y", "set")]),
    (
        "The process takes between 60 and 90 days.",
        REF,
        [("60", "P60D", "duration"), ("90 days", "P90D", "duration")],
    ),
]

# Traps: ordinary words are not dates.
TRAPS: list[Case] = [
    ("Officials may resign.", REF, []),
    ("Thousands joined the March on Washington.", REF, []),
    ("He came second in the race.", REF, []),
    ("Shares were priced at $42.", REF, []),
    ("We will see what happens.", REF, []),
    ("She bought a car and a house.", REF, []),
    ("The rebels had 2000 fighters.", REF, []),
    ("A 59-year-old man was arrested.", REF, []),
    ("Prime Minister Theresa May spoke.", REF, []),
    ("A 2018 report found problems.", REF, [("2018", "2018", "date")]),
    ("The current was strong.", REF, [("current", "PRESENT_REF", "date")]),
]

# Month, week and year boundaries.
BOUNDARIES: list[Case] = [
    ("Last month, output fell.", D(2018, 3, 1), [("Last month", "2018-02", "date")]),
    ("Sales fell last month.", D(2018, 1, 2), [("last month", "2017-12", "date")]),
    ("Sales fell last week.", D(2018, 1, 1), [("last week", "2017-W52", "date")]),
    ("It rained this week.", D(2020, 12, 31), [("this week", "2020-W53", "date")]),
    ("It rained this week.", D(2021, 1, 3), [("this week", "2020-W53", "date")]),
    ("It rained this week.", D(2019, 12, 30), [("this week", "2020-W01", "date")]),
    ("A pause came two weeks ago.", D(2021, 1, 15), [("two weeks ago", "2020-W53", "date")]),
    ("Exports fell in December.", D(2018, 1, 10), [("December", "2017-12", "date")]),
    ("The vote will be held in January.", D(2018, 11, 20), [("January", "2019-01", "date")]),
    ("The law takes effect on January 1.", D(2018, 12, 20), [("January 1", "2019-01-01", "date")]),
    (
        "Profit rose in the third quarter.",
        D(2018, 11, 10),
        [("the third quarter", "2018-Q3", "date")],
    ),
    (
        "Profit fell in the fourth quarter.",
        D(2018, 1, 20),
        [("the fourth quarter", "2017-Q4", "date")],
    ),
    ("Talks began on Saturday.", D(2018, 6, 1), [("Saturday", "2018-05-26", "date")]),
    ("The talks resumed on Monday.", D(2018, 6, 4), [("Monday", "2018-06-04", "date")]),
    ("The court will rule on Friday.", REF, [("Friday", "2018-06-08", "date")]),
    ("Sales peaked at Christmas.", REF, [("Christmas", "2017-12-25", "date")]),
]

# Leap days.
LEAP_DAYS: list[Case] = [
    ("It happened yesterday.", D(2020, 3, 1), [("yesterday", "2020-02-29", "date")]),
    ("The deal was signed on February 29.", D(2021, 3, 5), [("February 29", "2020-02-29", "date")]),
    ("The deal was signed on February 29.", REF, [("February 29", "2016-02-29", "date")]),
    ("A year ago, the market crashed.", D(2024, 2, 29), [("A year ago", "2023", "date")]),
    ("Visits fell on Feb. 29, 2016.", REF, [("Feb. 29, 2016", "2016-02-29", "date")]),
    ("Visits fell on Feb. 29, 2017.", REF, [("2017", "2017", "date")]),  # no such day
]

# Times of day.
TIMES_OF_DAY: list[Case] = [
    (
        "The blast occurred at 08:30 GMT on Monday.",
        REF,
        [("08:30 GMT", "2018-06-04T08:30Z", "time"), ("Monday", "2018-06-04", "date")],
    ),
    ("Shelling resumed on Friday morning.", REF, [("Friday morning", "2018-06-01TMO", "time")]),
    ("Shelling resumed last night.", REF, [("last night", "2018-06-04TNI", "time")]),
]

# Without a reference date, relative expressions keep span and kind, not a value.
NO_REFERENCE: list[Case] = [
    ("The talks resumed on Monday.", None, [("Monday", None, "date")]),
    ("A pause came two weeks ago.", None, [("two weeks ago", None, "date")]),
    ("The deal was signed on June 4, 2018.", None, [("June 4, 2018", "2018-06-04", "date")]),
    ("Talks lasted for three days.", None, [("three days", "P3D", "duration")]),
    ("The group is now in control.", None, [("now", "PRESENT_REF", "date")]),
]

# Sentences in the styles of wire services and broadcasters, with their datelines.
OUTLET_STYLES: list[Case] = [
    (
        "LONDON, Aug 30 (Reuters) - Britain's FTSE 100 fell 1.2 percent on Thursday, its worst "
        "day since March.",
        D(2018, 8, 30),
        [
            ("Aug 30", "2018-08-30", "date"),
            ("Thursday", "2018-08-30", "date"),
            ("March", "2018-03", "date"),
        ],
    ),
    (
        "WASHINGTON (AP) — The Senate voted 52-48 late Tuesday to confirm the nominee.",
        D(2018, 6, 6),
        [("late Tuesday", "2018-06-05", "date")],
    ),
    (
        "Kabul (AFP) - The Taliban announced a three-day ceasefire for the holiday on Thursday.",
        D(2018, 6, 7),
        [("three-day", "P3D", "duration"), ("Thursday", "2018-06-07", "date")],
    ),
    (
        "The prime minister will set out her plans in a speech on Friday.",
        REF,
        [("Friday", "2018-06-08", "date")],
    ),
    (
        "BEIRUT: Syrian state media said on Wednesday that 2,000 refugees returned over the past "
        "24 hours.",
        D(2018, 6, 7),
        [("Wednesday", "2018-06-06", "date"), ("the past 24 hours", "PT24H", "duration")],
    ),
    (
        "Shares of the company have fallen 40 percent since January.",
        REF,
        [("January", "2018-01", "date")],
    ),
]

# What the rules get wrong today; each must fail until it is fixed.
KNOWN_GAPS = [
    pytest.param(
        "The court rules on Friday.",
        REF,
        [("Friday", "2018-06-08", "date")],
        marks=pytest.mark.xfail(
            strict=True, reason="a present tense about the future reads as past"
        ),
        id="present-for-future",
    ),
    pytest.param(
        "The airline will receive aircraft from 2019 to 2021.",
        REF,
        [("from 2019 to 2021", "P2Y", "duration")],
        marks=pytest.mark.xfail(strict=True, reason="a range is two years, not one duration"),
        id="year-range",
    ),
    pytest.param(
        "Stocks fell for a second consecutive day.",
        REF,
        [("a second consecutive day", "2018-06-05", "date")],
        marks=pytest.mark.xfail(strict=True, reason="ordinal stretches are not read"),
        id="ordinal-stretch",
    ),
    pytest.param(
        "The plane landed at 6:40 p.m. (GMT +8).",
        REF,
        [("6:40 p.m. (GMT +8)", "2018-06-05T10:40Z", "time")],
        marks=pytest.mark.xfail(strict=True, reason="times are not moved to UTC"),
        id="utc-offset",
    ),
]


def _params(cases: list[Case]) -> list[object]:
    return [pytest.param(*case, id=f"{case[0][:48]}@{case[1]}") for case in cases]


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(ISSUE_FORMS))
def test_issue_forms(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(RELATIVE))
def test_relative(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(DURATIONS_AND_SETS))
def test_durations_and_sets(
    sentence: str, reference: datetime.date | None, expected: Expected
) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(TRAPS))
def test_traps(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(BOUNDARIES))
def test_boundaries(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(LEAP_DAYS))
def test_leap_days(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(TIMES_OF_DAY))
def test_times_of_day(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(NO_REFERENCE))
def test_no_reference(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), _params(OUTLET_STYLES))
def test_outlet_styles(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


@pytest.mark.parametrize(("sentence", "reference", "expected"), KNOWN_GAPS)
def test_known_gaps(sentence: str, reference: datetime.date | None, expected: Expected) -> None:
    assert _triples(sentence, reference) == expected


def test_at_least_fifty_table_cases() -> None:
    tables = [ISSUE_FORMS, RELATIVE, DURATIONS_AND_SETS, TRAPS, BOUNDARIES, LEAP_DAYS]
    tables += [TIMES_OF_DAY, NO_REFERENCE, OUTLET_STYLES]
    assert sum(len(table) for table in tables) >= 50


def test_ids_granularity_and_date() -> None:
    found = _dates("Talks began on Monday and ended in June after two weeks.")
    assert [d.id for d in found] == ["date1", "date2", "date3"]
    assert [d.granularity for d in found] == ["day", "month", "week"]
    assert found[0].date == D(2018, 6, 4)
    assert found[1].date is None
    assert found[2].kind == "duration"


def test_day_first_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlemodel import settings as article_settings
    from articlemodel.lexicons import clear_caches

    monkeypatch.setattr(article_settings, "DAY_FIRST", True)
    clear_caches()
    try:
        assert _triples("Filed on 06/04/2018.") == [("06/04/2018", "2018-04-06", "date")]
    finally:
        monkeypatch.undo()
        clear_caches()
    assert _triples("Filed on 06/04/2018.") == [("06/04/2018", "2018-06-04", "date")]


def test_sample_article() -> None:
    text = (SEEDS / "kurdistan24-sdf-resume-offensive.txt").read_text(encoding="utf-8")
    article = parse_article(text, published="2018-06-05")
    assert [(d.text, d.value) for d in article.dates] == [
        ("two weeks ago", "2018-W21"),
        ("Monday", "2018-06-04"),
        ("two weeks ago", "2018-W21"),
        ("Last month", "2018-05"),
        ("Two weeks ago", "2018-W21"),
    ]
    assert article.dates[1].date == D(2018, 6, 4)


def test_date_line_and_dateline_are_read() -> None:
    text = "Storm hits coast\n\nJuly 30, 2009\n\nMIAMI, July 29 (AP) - A storm hit on Tuesday."
    found = _triples(text, D(2009, 7, 30))
    assert found == [
        ("July 30, 2009", "2009-07-30", "date"),
        ("July 29", "2009-07-29", "date"),
        ("Tuesday", "2009-07-28", "date"),
    ]


# ----------------------------------------------------------------------------- published


def test_published_from_dateline_with_year() -> None:
    doc = _doc("Markets fall\n\nLONDON, Aug. 30, 2018 (Reuters) - Shares fell on Thursday.")
    assert find_published(doc) == (D(2018, 8, 30), "dateline")


def test_published_from_dateline_year_elsewhere() -> None:
    doc = _doc(
        "Markets fall\n\nLONDON, Aug 30 (Reuters) - Shares fell, extending losses seen "
        "since 2015 and through 2017. Analysts expect a rebound by 2030."
    )
    assert find_published(doc) == (D(2017, 8, 30), "dateline")


def test_published_from_date_line() -> None:
    doc = _doc("Storm hits coast\n\nPublished: 5 June 2018\n\nA storm hit the coast on Monday.")
    assert find_published(doc) == (D(2018, 6, 5), "text")
    article = parse_article("Storm hits coast\n\nPublished: 5 June 2018\n\nA storm hit on Monday.")
    assert (article.published, article.published_source) == (D(2018, 6, 5), "text")
    assert [(d.text, d.value) for d in article.dates][-1] == ("Monday", "2018-06-04")


def test_no_published_date() -> None:
    doc = _doc("Storm hits coast\n\nA storm hit the coast on Monday.")
    assert find_published(doc) is None
    article = parse_article("Storm hits coast\n\nA storm hit the coast on Monday.")
    assert article.published is None
    assert [(d.text, d.value) for d in article.dates] == [("Monday", None)]


@pytest.mark.parametrize(
    ("dateline_text", "reference", "expected"),
    [
        ("LONDON, Aug 30 (Reuters) - Shares fell.", D(2018, 9, 2), D(2018, 8, 30)),
        ("LONDON, Aug 30 (Reuters) - Shares fell.", D(2018, 8, 29), D(2018, 8, 30)),
        ("LONDON, Dec 31 (Reuters) - Shares fell.", D(2018, 1, 5), D(2017, 12, 31)),
        ("LONDON, Feb 29 (Reuters) - Shares fell.", D(2019, 3, 1), D(2016, 2, 29)),
        ("LONDON, 3 March (Reuters) - Shares fell.", D(2018, 3, 3), D(2018, 3, 3)),
    ],
)
def test_resolve_dateline(
    dateline_text: str, reference: datetime.date, expected: datetime.date
) -> None:
    dateline = parse_layout("Markets fall\n\n" + dateline_text).dateline
    assert dateline is not None
    assert dateline.date is None
    assert resolve_dateline(dateline, reference).date == expected
    assert resolve_dateline(dateline, None).date is None


# ----------------------------------------------------------------------------- properties

_PIECES = [
    "on Monday", "two weeks ago", "Last month", "June 4, 2018", "4 June", "in May", "may",
    "the 1990s", "mid-May", "early 2018", "at 3 p.m.", "(1200 GMT)", "next year", "today",
    "for three days", "every Friday", "daily", "$42", "We", "second", "a", "2000 troops",
    "the fourth quarter", "Christmas", "the day", "three days later", "06/04/2018", "'82",
    "this summer", "a 59-year-old", "Feb. 29", "the past decade", "recently", "now", ",", ".",
    "\n\n", "LONDON, Aug 30 (Reuters) -", "Published: 5 June 2018", "the same period last year",
]  # fmt: skip

_texts = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(min_size=1, max_size=8)), min_size=1, max_size=25
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts, reference=st.one_of(st.none(), st.dates(D(1900, 1, 1), D(2100, 12, 31))))
def test_spans_index_the_text(text: str, reference: datetime.date | None) -> None:
    found = extract_dates(_doc(text), reference=reference)
    assert [d.id for d in found] == [f"date{i}" for i in range(1, len(found) + 1)]
    previous_end = 0
    for date in found:
        assert text[date.start : date.end] == date.text
        assert date.start >= previous_end
        previous_end = date.end
        if reference is None and date.value is not None:
            assert not date.value.startswith(str(datetime.date.today().year)) or (
                date.value in text or date.value[:4] in text
            )


_RICH = (
    "Markets fall\n\nLONDON, Aug 30 (Reuters) - On Monday, two weeks ago, last month and "
    "next year; June 4, 2018, 4 June, February 29, in May, the 1990s, the '80s, mid-May, "
    "early 2018, at 3 p.m. (1200 GMT) Friday, at noon, tonight, last night, this week, the "
    "weekend, last weekend, next Monday, three days later, the next day, the same day, that "
    "week, the fourth quarter, the first half of next year, this summer, last winter, "
    "Christmas, Thanksgiving, Easter, the 21st century, 500 years ago, 3,000 years ago, in "
    "9999, on the 31st, the last week of February, the same period last year, every Friday, "
    "twice a week, 15 a year, the past three years, October of next year, this fiscal year."
)


@settings(max_examples=300, deadline=None)
@given(reference=st.dates(D(1900, 1, 1), D(2100, 12, 31)))
def test_resolution_never_raises(reference: datetime.date) -> None:
    found = extract_dates(_doc(_RICH), reference=reference)
    assert len(found) > 40
    for date in found:
        assert date.value is None or isinstance(date.value, str)
        if date.date is not None:
            assert date.value is not None
            assert date.value.startswith(date.date.isoformat())


# ----------------------------------------------------------------------------- calendar helpers


def test_timex_helpers() -> None:
    assert timex.easter(2018) == D(2018, 4, 1)
    assert timex.easter(2024) == D(2024, 3, 31)
    assert timex.nth_weekday(2018, 11, 4, 4) == D(2018, 11, 22)  # Thanksgiving
    assert timex.nth_weekday(2018, 5, 1, -1) == D(2018, 5, 28)  # Memorial Day
    assert timex.duration_value(None, "decade") == "PXDE"
    assert timex.duration_value(0.5, "hour") == "PT0.5H"
    assert timex.granularity_of("2018-W21-WE") == "week"
    assert timex.granularity_of("2018-06-05TMO") == "day"
    assert timex.granularity_of("PRESENT_REF") is None
    with pytest.raises(ValueError, match="out of range"):
        timex.shift_value(D(1, 1, 1), "year", -1)


# ----------------------------------------------------------------------------- finder shortcuts
# The finder reads most texts with VERSION0 (simple case folding) patterns, finds trigger words
# in the lower-cased text and skips windows that a plain pattern rules out. These tests pin the
# facts those shortcuts rest on, so that a new release of ``regex`` or of Python's Unicode data
# cannot change the output unnoticed.

_SIMPLE_CASE_CHARS = [
    chr(code)
    for low, high in dates_module._SIMPLE_CASE_RANGES
    for code in range(low, high + 1)
    if dates_module._FULL_CASE_RISK_PATTERN.search(chr(code)) is None
]


def test_simple_case_characters_match_alike() -> None:
    import re

    import regex

    letter = regex.compile(r"\p{L}")
    for literal in "abcdefghijklmnopqrstuvwxyz0123456789-.,:/'’–":
        simple = regex.compile(regex.escape(literal), regex.IGNORECASE | regex.VERSION0)
        full = regex.compile(regex.escape(literal), regex.IGNORECASE | regex.VERSION1)
        for char in _SIMPLE_CASE_CHARS:
            found = simple.fullmatch(char) is not None
            assert found == (full.fullmatch(char) is not None), (literal, char)
            assert found == (char.lower() == literal), (literal, char)
    for literal in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        simple = regex.compile(literal, regex.IGNORECASE | regex.VERSION0)
        full = regex.compile(literal, regex.IGNORECASE | regex.VERSION1)
        for char in _SIMPLE_CASE_CHARS:
            assert (simple.fullmatch(char) is None) == (full.fullmatch(char) is None), char
    for char in _SIMPLE_CASE_CHARS:
        lowered = char.lower()
        assert len(lowered) == 1, char
        assert (letter.match(char) is not None) == char.isalpha() == lowered.isalpha(), char
        assert (letter.match(lowered) is not None) == lowered.isalpha(), char
        if regex.match(r"\s", char):
            assert re.match(r"\s", lowered), char
        if regex.match(r"\d", char):
            assert re.match(r"\d", lowered), char
        # _SIMPLE_FEATURE_PATTERN reads the text's digits with the standard library's \d.
        assert (regex.match(r"\d", char) is None) == (re.match(r"\d", char) is None), char


_SHORTCUT_TEXTS = [case[0] for cases in (ISSUE_FORMS, RELATIVE, DURATIONS_AND_SETS, TRAPS, BOUNDARIES, TIMES_OF_DAY, OUTLET_STYLES) for case in cases] + [
    "It happened on the 5th, ON THE 3RD and on the 31St.",
    "Q3 2018, H1 results, the '90s, 1990s and ’80s, at 12:30, in '82, xQ3 and 3Q.",
]  # fmt: skip


def test_needs_patterns_find_every_match() -> None:
    grammar = dates_module._grammar()
    for text in [*_SHORTCUT_TEXTS, _RICH]:
        assert grammar.patterns_for(text) is grammar.patterns
        for pattern, needs in zip(grammar.patterns, grammar.needs, strict=True):
            if needs is None:
                continue
            for match in pattern.finditer(text):
                assert needs.search(text.lower(), match.start(), match.end()), (text, match)


def test_heads_patterns_find_every_start() -> None:
    grammar = dates_module._grammar()
    for text in [*_SHORTCUT_TEXTS, _RICH]:
        lowered = text.lower()
        for pattern, pair in zip(grammar.patterns, grammar.heads, strict=True):
            if pair is None:
                continue
            heads, at_start = pair
            # Where a match may start: not after a letter, digit or underscore, and where the
            # lookahead holds; the pattern that finds the character before each finds them all.
            zero_width = re.compile(dates_module._AFTER_NO_WORD + at_start.pattern, re.VERBOSE)
            starts = {head.start() for head in zero_width.finditer(lowered)}
            found = {head.end() for head in heads.finditer(lowered)}
            if at_start.match(lowered):
                found.add(0)
            assert found == starts, text
            matches = list(pattern.finditer(text))
            assert {match.start() for match in matches} <= starts, text
            for window in [(0, len(text)), (1, len(text)), (len(text) // 3, len(text) - 5)]:
                expected = list(pattern.finditer(text, *window))
                shortcut = dates_module._matches_at_heads(pattern, pair, text, lowered, window)
                assert [m.span() for m in shortcut] == [m.span() for m in expected], text


def test_simple_feature_pattern_matches_the_feature_branches() -> None:
    import regex

    features = regex.compile(dates_module._FEATURES_RE, regex.VERBOSE)
    texts = [
        *_SHORTCUT_TEXTS,
        _RICH,
        "1990S 1990s '90s ’90’s 0s 00s 10's x0s 5Q3 Q5 H2 xH2 h2 q3 Q12 12:30 1:305 123:45",
        "'1 '12 ’123 2000-01 9:5 09:59pm 1,000,000 3.5 30s-era FY2019 Q3'19 H1 2020s.",
    ]
    for text in texts:
        for start in range(len(text)):
            expected = [(m.span(), m.lastgroup) for m in features.finditer(text, start)]
            found = list(dates_module._SIMPLE_FEATURE_PATTERN.finditer(text, start))
            assert [(m.span(), m.lastgroup) for m in found] == expected, (text, start)
            # _find_tokens looks for words inside decades and codes only.
            for m in found:
                assert m.lastgroup in {"decade", "code"} or not any(c.isalpha() for c in m[0])


def test_trigger_tokens_match_the_word_scan() -> None:
    grammar = dates_module._grammar()
    for text in [*_SHORTCUT_TEXTS, _RICH]:
        lowered = text.lower()
        for start in range(len(text)):
            if start and text[start - 1].isalpha():
                continue
            scanned = dates_module._scan_tokens(grammar, text, start, len(text))
            assert dates_module._find_tokens(grammar, text, lowered, start, len(text)) == scanned


def test_full_case_text_reads_as_before() -> None:
    # "ﬁ" folds to "fi" only with full case folding: the text is read with the VERSION1
    # patterns, and its trigger words word by word; the words a rule matched are looked up
    # case-folded, so "ﬁve" is five and "the ﬁrst quarter" the first.
    found = _triples("Prices hit a ﬁve-year high in the ﬁrst quarter on Monday.")
    assert found == [
        ("ﬁve-year", "P5Y", "duration"),
        ("the ﬁrst quarter", "2018-Q1", "date"),
        ("Monday", "2018-06-04", "date"),
    ]


# Texts with letters that only full case folding matches to the lexicons' words (ligatures,
# the long s of old print and OCR, ß), each with its plain spelling: the same values, and no
# error (a unit word with a long s once raised KeyError).
FULL_CASE_PAIRS = [
    pytest.param("Prices rose in the ﬁrst quarter.", "Prices rose in the first quarter.", id="fi"),
    pytest.param("He left ﬁve years ago.", "He left five years ago.", id="fi-number"),
    pytest.param(
        "It ended three ſeconds later.", "It ended three seconds later.", id="long-s-unit"
    ),
    pytest.param(
        "Sales fell in the ſpring of 2017.", "Sales fell in the spring of 2017.", id="long-s-season"
    ),
    pytest.param(
        "The market opens every Monday at noon, ſaid the Straße vendors.",
        "The market opens every Monday at noon, said the Strasse vendors.",
        id="sharp-s",
    ),
    pytest.param(
        "He was jailed for ﬁfteen months.", "He was jailed for fifteen months.", id="fi-months"
    ),
]


@pytest.mark.parametrize(("folded", "plain"), FULL_CASE_PAIRS)
def test_full_case_letters_read_as_their_plain_spelling(folded: str, plain: str) -> None:
    assert [(value, kind) for _, value, kind in _triples(folded)] == [
        (value, kind) for _, value, kind in _triples(plain)
    ]
    assert _triples(plain)  # each plain text holds an expression


def test_span_starting_inside_a_word() -> None:
    text = "Talks resume\n\nThe xmas in December was cold."
    start = text.index("mas")
    found = dates_module._find(_doc(text), [(start, len(text))])
    assert [text[c.start : c.end] for c in found] == ["December"]


def test_whole_text_tokens_match_the_span_scan() -> None:
    grammar = dates_module._grammar()
    for text in [*_SHORTCUT_TEXTS, _RICH]:
        lowered = text.lower()
        cache = dates_module._FoundCache()
        cache.lowered = lowered
        edges = [0, *(i for i, char in enumerate(text) if char.isspace()), len(text)]
        for start in edges[::3]:
            for end in edges[1::4]:
                span = (start + (start > 0), end)
                if span[0] >= span[1] or not dates_module._space_bounded(text, span):
                    continue
                expected = dates_module._find_tokens(grammar, text, lowered, *span)
                assert dates_module._tokens_in(cache, grammar, text, span) == expected, span


def _tense_cues_word_by_word(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The tense cues as first written: every word looked at in turn."""
    lex = dates_module._lexicon()
    single, longer = dates_module._future_cues()
    words = [
        (m.group().replace("’", "'"), m.start(), m.end())
        for m in dates_module._CUE_WORD_PATTERN.finditer(text, start, end)
    ]
    cues: list[tuple[int, int, str]] = []
    previous = ""
    for i, (word, word_start, word_end) in enumerate(words):
        if word in single:
            cues.append((word_start, word_end, "future"))
        elif word in longer:
            for rest in longer[word]:
                following = words[i + 1 : i + 1 + len(rest)]
                if tuple(w for w, _, _ in following) == rest:
                    cues.append((word_start, following[-1][2], "future"))
                    break
        if previous not in {"be", "being"} and (
            word in lex.past_cues
            or (len(word) > 4 and word.endswith("ed") and word not in lex.not_past)
        ):
            cues.append((word_start, word_end, "past"))
        previous = word
    return cues


def test_cue_word_pattern_matches_the_short_form() -> None:
    import regex

    short = regex.compile(r"['’]?[a-z]+")
    texts = [*_SHORTCUT_TEXTS, _RICH, "it's 'tis ’twas '' ’ ' x'y ’’a a’ 'A ’é don’t o'clock"]
    for text in texts:
        for start in range(len(text)):
            expected = [m.span() for m in short.finditer(text, start)]
            assert [m.span() for m in dates_module._CUE_WORD_PATTERN.finditer(text, start)] == (
                expected
            )
            assert dates_module._CUE_WORD_PATTERN.findall(text, start) == short.findall(text, start)


def test_tense_cues_match_the_word_by_word_reading() -> None:
    texts = [
        *_SHORTCUT_TEXTS,
        _RICH,
        "They will be released. It is set to open; he’ll go, she'll be named, was used.",
        "Rates were expected to be raised and being watched; he is going to leave. We'd",
    ]
    for text in texts:
        for start in range(0, len(text), 7):
            for end in (len(text), start + 25):
                expected = _tense_cues_word_by_word(text, start, end)
                assert list(dates_module._tense_cues(text, start, end)) == expected


def test_norm_matches_the_squeezing_pattern() -> None:
    texts = [None, "", " ", "May", "the  past", "this\u00a0past", "this\tcoming", "a few", "Wo’n",
             "3.5", "twenty-one", " last ", "x\u2003y", "ab\ncd", "é ü", "² ½"]  # fmt: skip
    for text in texts:
        squeezed = dates_module._SPACES_PATTERN.sub(" ", text or "").strip().lower()
        assert dates_module._norm(text) == squeezed.replace("’", "'"), text


def test_ascii_digits_reads_digits_alike() -> None:
    # The standard-library patterns (needs, heads, features) have \d written as [0-9]: the
    # characters they read (those of _SIMPLE_CASE_RANGES and their lower case) hold no other
    # decimal digit.
    for char in {c for simple in _SIMPLE_CASE_CHARS for c in (simple, simple.lower())}:
        assert (re.match(r"\d", char) is not None) == (char in "0123456789"), hex(ord(char))
    rewrite = dates_module._ascii_digits
    assert rewrite(r"\d+[\d,]\\d[^\d_][]\d][^]\d]\D\.\d") == (
        r"[0-9]+[0-9,]\\d[^0-9_][]0-9][^]0-9]\D\.[0-9]"
    )
    grammar = dates_module._grammar()
    compiled = [dates_module._SIMPLE_FEATURE_PATTERN, *filter(None, grammar.needs)]
    compiled += [pattern for pair in filter(None, grammar.heads) for pattern in pair]
    for pattern in compiled:
        assert "\\d" not in pattern.pattern


def test_full_case_risk_class_matches_the_two_part_pattern() -> None:
    import regex

    ranges = dates_module._SIMPLE_CASE_RANGES
    two_part = regex.compile(
        "[^" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges) + "]"
        "|[\u00df\u0130\u0149\u01f0\u017f]"
    )
    pattern = dates_module._FULL_CASE_RISK_PATTERN
    for code in range(0x10000):
        char = chr(code)
        assert (pattern.search(char) is None) == (two_part.search(char) is None), hex(code)


def test_full_case_patterns_number_their_groups_alike() -> None:
    # Handlers read groups by the numbers of the simple-case patterns (_Grammar.group_numbers).
    grammar = dates_module._grammar()
    for pattern, full_case, numbers in zip(
        grammar.patterns, grammar.full_case_patterns, grammar.group_numbers, strict=True
    ):
        assert dict(full_case.groupindex) == dict(pattern.groupindex) == dict(numbers)


def test_lazy_rules_compile_on_first_use() -> None:
    grammar = dates_module._Grammar()
    lazy = [i for i, pattern in enumerate(grammar.plain_patterns) if pattern is None]
    assert {grammar.rules[i].name for i in lazy} == dates_module._LAZY_RULES
    for i in lazy:
        # Tried only in the windows where their needs pattern finds its part.
        assert grammar.needs[i] is not None
        compiled = grammar.compile_rule(i, grammar.plain_patterns)
        assert grammar.plain_patterns[i] is compiled
        assert grammar.compile_rule(i, grammar.plain_patterns) is compiled
    assert list(grammar.patterns) == grammar.simple_patterns
    for rule, pattern in zip(grammar.rules, grammar.patterns, strict=True):
        assert pattern.pattern == rule.source
    for rule, numbers in zip(grammar.rules, grammar.group_numbers, strict=True):
        assert dict(numbers) == dict(rule.pattern.groupindex), rule.name


def test_plain_classes_and_case_match_as_regex() -> None:
    import regex

    # \p{L}, \p{N}, \s and \d as the standard-library classes of _plain_source.
    for escape, members in dates_module._PLAIN_CLASSES.items():
        inside = re.compile(f"[{members}]", re.IGNORECASE)
        outside = re.compile(f"[^{members}_]", re.IGNORECASE)
        expected = regex.compile(escape, regex.IGNORECASE | regex.VERSION0)
        negated = regex.compile(f"[^{escape}_]", regex.IGNORECASE | regex.VERSION0)
        for char in _SIMPLE_CASE_CHARS:
            assert (inside.match(char) is None) == (expected.match(char) is None), (escape, char)
            assert (outside.match(char) is None) == (negated.match(char) is None), (escape, char)
    # With IGNORECASE the standard library matches a letter to the characters ``regex``'s
    # simple case folding matches it to, but for the dotless i (a text holding it is read
    # with the regex patterns).
    for literal in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        plain = re.compile(literal, re.IGNORECASE)
        simple = regex.compile(literal, regex.IGNORECASE | regex.VERSION0)
        for char in _SIMPLE_CASE_CHARS:
            if char != dates_module._DOTLESS_I:
                assert (plain.match(char) is None) == (simple.match(char) is None), (literal, char)
    # \b: regex's word characters.
    word = regex.compile(r"\w", regex.IGNORECASE | regex.VERSION0)
    plain_word = re.compile(f"[{dates_module._PLAIN_WORD}]", re.IGNORECASE)
    for char in _SIMPLE_CASE_CHARS:
        assert (plain_word.match(char) is None) == (word.match(char) is None), char
    boundary = regex.compile(r"\b", regex.IGNORECASE | regex.VERSION0)
    plain_boundary = re.compile(dates_module._PLAIN_BOUNDARY, re.IGNORECASE)
    for text in ["the² the‿x the\u200dy a_b ½a ²3 é-ü x", "", "a", "²", " the "]:
        for position in range(len(text) + 1):
            assert (plain_boundary.match(text, position) is None) == (
                boundary.match(text, position) is None
            ), (text, position)
    assert re.match("i", dates_module._DOTLESS_I, re.IGNORECASE)
    assert not regex.match("i", dates_module._DOTLESS_I, regex.IGNORECASE | regex.VERSION0)


_PLAIN_TEXTS = [
    *_SHORTCUT_TEXTS,
    _RICH,
    (SEEDS / "kurdistan24-sdf-resume-offensive.txt").read_text(encoding="utf-8"),
    "At 3\u2009p.m.\u00a0GMT on May\u00a04, 2018, two\u2002weeks ago; 3\x1cpm, 5\x1dam ½ ²5th. "
    "Ⱥ 1990s in Äpril, the 2nd\u2003quarter of 2019 and 12:30\u205fET; São Paulo's 21st "
    "century, the past\u2000decade, 4\u00a0to\u00a06 weeks, every\u2028Monday, 1,200 days.",
    "About the² years, nearly the‿three days, some the\u200dfour weeks, about the½ hours, "
    "over the_2 months and about the 3 weeks, the² days ago, about the⁔five years ago.",
]


def test_plain_forms_match_as_the_regex_patterns() -> None:
    grammar = dates_module._grammar()
    forms = [dates_module._plain_form(rule.source) for rule in grammar.rules]
    # Only the rules with a look-behind of varying width have no standard-library form.
    missing = {rule.name for rule, form in zip(grammar.rules, forms, strict=True) if form is None}
    assert missing == {"bare_plural", "rate", "ordinal_day"}
    for text in _PLAIN_TEXTS:
        plain = dates_module._FULL_CASE_RISK_PATTERN.search(text) is None
        if not plain or dates_module._DOTLESS_I in text:
            continue
        assert grammar.lazy_patterns_for(text) is grammar.plain_patterns
        windows = [(0, len(text)), (1, len(text) - 1), (len(text) // 3, len(text) // 2)]
        for rule, form in zip(grammar.rules, forms, strict=True):
            if form is None:
                continue
            for window in windows:
                expected = [(m.span(), m.groups()) for m in rule.pattern.finditer(text, *window)]
                found = [(m.span(), m.groups()) for m in form.finditer(text, *window)]
                assert found == expected, (rule.name, text, window)
            # And tried at one position (as at the heads), to the text's or a window's end.
            for position in range(0, len(text), 3):
                for end in (len(text), min(len(text), position + 25)):
                    expected_match = rule.pattern.match(text, position, end)
                    found_match = form.match(text, position, end)
                    assert (found_match and (found_match.span(), found_match.groups())) == (
                        expected_match and (expected_match.span(), expected_match.groups())
                    ), (rule.name, text, position, end)


def test_plain_text_leaves_the_full_case_patterns_uncompiled() -> None:
    dates_module._grammar.cache_clear()
    assert _triples("The talks resumed on Monday.") == [("Monday", "2018-06-04", "date")]
    assert "full_case_patterns" not in vars(dates_module._grammar())


def test_dotless_i_text_reads_as_before() -> None:
    grammar = dates_module._grammar()
    text = "Kılıç said the talks resumed on Monday, two weeks ago, at 3 p.m."
    assert grammar.lazy_patterns_for(text) is grammar.simple_patterns
    found = _triples(text)
    assert found == _triples(text.replace(dates_module._DOTLESS_I, "i"))
    assert [t for t, _, _ in found] == ["Monday", "two weeks ago", "3 p.m."]


def test_fixed_day_resolves_as_its_value() -> None:
    for day in [D(1, 1, 1), D(999, 12, 31), D(2016, 2, 29), D(2018, 6, 4), D(9999, 12, 31)]:
        resolve = dates_module._fixed_day(day)
        assert resolve(None) == dates_module._fixed(day.isoformat())(None)  # type: ignore[arg-type]


def _assert_matches_lie_in_trigger_windows(name: str, texts: list[str], after: int) -> int:
    """Each match of the rule lies, with ``after`` characters after it, in the window of one
    token that triggers the rule; the number of matches."""
    grammar = dates_module._grammar()
    index = grammar.ranks[name]
    rule = grammar.rules[index]
    count = 0
    for text in texts:
        lowered = text.lower()
        for tokens in (
            dates_module._find_tokens(grammar, text, lowered, 0, len(text)),
            dates_module._scan_tokens(grammar, text, 0, len(text)),
        ):
            spans = [(s, e) for s, e, rules in tokens if any(r[0] == index for r in rules)]
            for match in rule.pattern.finditer(text):
                assert any(
                    s - rule.back <= match.start() and match.end() + after <= e + rule.forward
                    for s, e in spans
                ), (text, match)
                count += 1
    return count


def test_set_word_matches_lie_in_the_windows_of_set_words() -> None:
    # set_word is tried around set words only (not around every unit word).
    words = sorted(dates_module._lexicon().sets)
    texts = [
        *_SHORTCUT_TEXTS,
        _RICH,
        " ".join(words),
        ", ".join(word.capitalize() for word in words) + ".",
        "a semi-annual, semi-annually; bi-weekly (weekly) -daily- year-yearly 3daily x-monthly",
    ]
    assert _assert_matches_lie_in_trigger_windows("set_word", texts, 1) > len(words)


def test_numeric_matches_lie_in_the_windows_of_their_middle_numbers() -> None:
    # numeric is tried around a number of one or two digits before a separator (#part),
    # not around every number: its lookarounds read two characters after a match.
    texts = [
        *_SHORTCUT_TEXTS,
        _RICH,
        "On 06/04/2018, 6/4/18, 12.31.1999 and 1-2-03; 2018/06/04 x; v1.2.3, 1/2/345 3/4/20185.",
        "31/12/2019. 01-01-2020- 5.5.55.5 '12/05/2018 12/05/2018/ 1/1/1111 7/8/07 x7/8/07",
    ]
    assert _assert_matches_lie_in_trigger_windows("numeric", texts, 2) >= 10


def test_heads_stop_rules_end_their_heads_at_a_trigger() -> None:
    # _Grammar.heads_stop: for these rules the heads' lookahead at the start of each match
    # holds in the text up to the end of a token (of the rule) inside the match.
    grammar = dates_module._grammar()
    texts = [
        *_SHORTCUT_TEXTS,
        _RICH,
        "In the  past two   years, the coming weeks and the day after tomorrow; early May 2019.",
        "Every Monday-Friday, this summer, next school year, the last fiscal year: recently now.",
    ]
    checked = set()
    for text in texts:
        lowered = text.lower()
        tokens = dates_module._find_tokens(grammar, text, lowered, 0, len(text))
        for index, stop in enumerate(grammar.heads_stop):
            pair = grammar.heads[index]
            if stop is None:
                continue
            assert pair is not None
            assert stop == grammar.rules[index].forward
            at_start = pair[1]
            for match in grammar.patterns[index].finditer(text):
                ends = [
                    e
                    for s, e, rules in tokens
                    if match.start() <= s and e <= match.end() and any(r[0] == index for r in rules)
                ]
                assert any(at_start.match(lowered, match.start(), e) for e in ends), (
                    text,
                    match,
                )
                checked.add(grammar.rules[index].name)
    assert checked == {"duration", "month", "weekday", "season", "relative_unit", "words"}


def test_heads_stop_finds_what_the_whole_window_finds() -> None:
    import copy

    grammar = dates_module._grammar()
    whole_windows = copy.copy(grammar)
    whole_windows.heads_stop = tuple(None for _ in grammar.rules)
    texts = [*_SHORTCUT_TEXTS, _RICH]
    for text in texts:
        lowered = text.lower()
        for span in [(0, len(text)), (0, len(text) // 2), (len(text) // 3, len(text))]:
            tokens = dates_module._scan_tokens(grammar, text, *span)
            found = [
                [
                    (c.start, c.end, c.kind, c.anchored, c.rank)
                    for c in dates_module._find_in_span(
                        g, text, span, tokens, patterns=grammar.patterns, lowered=lowered
                    )
                ]
                for g in (grammar, whole_windows)
            ]
            assert found[0] == found[1], (text, span)
