"""Time expressions: every one in the text, resolved TIMEX3-style against the publication date.

A candidate finder of our own decides what is an expression: compiled patterns built from the
``lexicons/date_*`` data (month, weekday and number words, units, modifiers, holidays, cue
words), each with a handler that checks its context (``in May`` is a month, ``may`` and
``Theresa May`` are not; ``in 2017`` is a year, ``$2017`` and ``2000 troops`` are not). Where
patterns overlap the longest expression wins. Spans leave out prepositions (``on *Monday*``) and
keep determiners and modifiers (``*the last week*``, ``*early December*``, ``*about two
years*``).

Each expression is then resolved against the reference date (the publication date):

* absolute dates keep the granularity they are written with: ``June 4, 2018`` → ``2018-06-04``,
  ``November 2006`` → ``2006-11``, ``the 1990s`` → ``199``, ``the 21st century`` → ``20``;
* a bare weekday is the most recent such day on or before the reference (the news convention),
  or the next on or after it when its clause is in the future tense (``will meet on Friday``);
* a date without a year (``June 4``, ``in October``, ``the fourth quarter``, ``Christmas``)
  takes the year that puts it on the side of the reference its clause's tense points to, or
  the nearest such date when the clause shows no tense;
* relative expressions count calendar units from the reference: ``last month`` → ``2018-05``,
  ``two weeks ago`` → the ISO week 14 days back (``2018-W21``), ``next year`` → ``2019``;
* narrative ones count from the last day the text mentioned before them (``three days
  later``, ``the next day``, ``that day``), and a clock time takes the day named in its own
  sentence;
* durations and sets need no reference: ``P2W``, ``PT30M``, ``PXY``; ``every Friday`` →
  ``XXXX-WXX-5``;
* ``now`` / ``currently`` → ``PRESENT_REF``, ``recently`` → ``PAST_REF``, ``the future`` →
  ``FUTURE_REF``.

Without a reference date, expressions that need one keep their span and kind with
``value=None``: nothing is ever resolved against today's date.

dateparser reads only the numeric forms (``06/04/2018``, ``7/8/07``), with the day/month order
of ``settings.DAY_FIRST``; every other value is computed here, where the parts are already known.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
import threading
import types
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex

from articlemodel import settings
from articlemodel.extract import timex
from articlemodel.extract.timex import Tense
from articlemodel.extract.trie import trie_alternation
from articlemodel.lexicons import load_json, load_lines, load_set, register_cache
from articlemodel.models import DateExpression, DateKind, Dateline, Granularity, PublishedSource
from articlemodel.segment import Document

__all__ = ["extract_dates", "find_published", "resolve_dateline"]

# ----------------------------------------------------------------------------- lexicons


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; spaces match any white space and
    apostrophes either form."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = regex.escape(word)
        escaped = escaped.replace(r"\ ", r"\s+").replace("'", "['’]").replace(r"\'", "['’]")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def _trie_alt(words: Iterable[str]) -> str:
    """The alternation of _alt written as a trie (see extract/trie.py): the same matches with
    simple case folding (VERSION0) and faster to run; the VERSION1 patterns use _alt."""
    return trie_alternation(words, _ALT_CHARS)


_ALT_CHARS = {" ": r"\s+", "'": "['’]"}


@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: Mapping[str, int]
    month_names: frozenset[str]
    need_cue: frozenset[str]
    weekdays: Mapping[str, int]
    weekday_names: frozenset[str]
    cardinals: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, int]
    ordinals: Mapping[str, int]
    vague: frozenset[str]
    units: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    seasons: Mapping[str, str]
    sets: Mapping[str, str]
    words: Mapping[str, str]
    holidays: Mapping[str, str]
    approximate: tuple[str, ...]
    part: tuple[str, ...]
    duration_adjectives: tuple[str, ...]
    cues: frozenset[str]
    future_cues: tuple[str, ...]
    past_cues: frozenset[str]
    not_past: frozenset[str]
    age_nouns: frozenset[str]
    not_year_before: frozenset[str]
    not_year_after: frozenset[str]
    determiners: frozenset[str]
    weekday_not_after: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    months = load_json("date_months.json")
    weekdays = load_json("date_weekdays.json")
    numbers = load_json("date_numbers.json")
    units = load_json("date_units.json")
    modifiers = load_json("date_modifiers.json")
    context = load_json("date_context.json")
    return _Lexicon(
        months={**months["names"], **months["abbreviations"]},
        month_names=frozenset(months["names"]),
        need_cue=frozenset(months["need_cue"]),
        weekdays={**weekdays["names"], **weekdays["abbreviations"]},
        weekday_names=frozenset(weekdays["names"]),
        cardinals=numbers["cardinals"],
        tens=numbers["tens"],
        scales=numbers["scales"],
        ordinals=numbers["ordinals"],
        vague=frozenset(numbers["vague"]),
        units=units["units"],
        parts_of_day=units["parts_of_day"],
        seasons=units["seasons"],
        sets=units["sets"],
        words={k: v for k, v in load_json("date_words.json").items() if not k.startswith("_")},
        holidays={k: v for k, v in load_json("date_holidays.json").items() if k[0] != "_"},
        approximate=tuple(modifiers["approximate"]),
        part=tuple(modifiers["part"]),
        duration_adjectives=tuple(modifiers["duration_adjectives"]),
        cues=frozenset(modifiers["cues"]),
        future_cues=load_lines("date_future_cues.txt"),
        past_cues=load_set("date_past_cues.txt"),
        not_past=load_set("date_not_past.txt"),
        age_nouns=load_set("date_age_nouns.txt"),
        not_year_before=frozenset(context["not_year_before"]),
        not_year_after=frozenset(context["not_year_after"]),
        determiners=frozenset(context["determiners"]),
        weekday_not_after=frozenset(context["weekday_not_after"]),
    )


# ----------------------------------------------------------------------------- candidates


# _Value and _Candidate are named tuples: immutable like frozen dataclasses, and several
# times faster to build (a parse builds dozens).
class _Value(NamedTuple):
    value: str | None
    granularity: Granularity | None = None
    date: datetime.date | None = None


_UNRESOLVED = _Value(None)
_Resolver = Callable[["_Scope"], _Value]


class _Candidate(NamedTuple):
    start: int
    end: int
    kind: DateKind
    resolve: _Resolver
    anchored: bool = False
    """Resolved after the others: it counts from a day the text mentioned before it."""
    rank: int = 0


def _fixed(value: str | None, granularity: Granularity | None = None) -> _Resolver:
    result = _Value(value, granularity or timex.granularity_of(value), _day_of(value))
    return lambda _scope: result


def _fixed_day(day: datetime.date) -> _Resolver:
    """_fixed(day.isoformat()), without reading the day back from its value."""
    result = _day(day)
    return lambda _scope: result


def _day_of(value: str | None) -> datetime.date | None:
    if value is None or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _calendar(value: str) -> _Value:
    return _Value(value, timex.granularity_of(value), _day_of(value))


def _day(day: datetime.date) -> _Value:
    return _Value(day.isoformat(), "day", day)


# ----------------------------------------------------------------------------- resolution scope


_SentenceKey = tuple[int, int]


@dataclass
class _Context:
    """What resolution needs beyond the expression: the reference, tenses, earlier days."""

    text: str
    doc: Document | None
    reference: datetime.date | None
    starts: list[int] = field(default_factory=list)
    """Where each expression resolved so far starts, sorted."""
    values: list[_Value] = field(default_factory=list)
    """Their values, in the same order."""
    _tenses: dict[_SentenceKey, list[tuple[int, int, Tense]]] = field(default_factory=dict)

    def add(self, start: int, value: _Value) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.values.insert(i, value)

    def before(self, start: int) -> Iterator[_Value]:
        """Values of the expressions that start before ``start``, nearest first (at most
        _MAX_ANCHOR_LOOKBACK of them)."""
        i = bisect.bisect_left(self.starts, start)
        for j in range(i - 1, max(-1, i - 1 - _MAX_ANCHOR_LOOKBACK), -1):
            yield self.values[j]

    def sentence(self, start: int) -> _SentenceKey | None:
        if self.doc is None:
            return None
        found = self.doc.sentence_at(start)
        return None if found is None else (found.start, found.end)

    def cues(self, key: _SentenceKey) -> list[tuple[int, int, Tense]]:
        if key not in self._tenses:
            self._tenses[key] = list(_tense_cues(self.text, *key))
        return self._tenses[key]


#: A tense cue farther than this many characters from an expression says nothing about it.
_MAX_CUE_DISTANCE = 60
#: A narrative expression (the next day) looks back over at most this many expressions for
#: the day it counts from.
_MAX_ANCHOR_LOOKBACK = 200


@dataclass
class _Scope:
    """One candidate's view of the context."""

    context: _Context
    start: int
    end: int

    @property
    def reference(self) -> datetime.date | None:
        return self.context.reference

    def tense(self) -> Tense | None:
        """The tense of the clause around the expression: the nearest tense cue decides."""
        key = self.context.sentence(self.start)
        if key is None:
            return None
        best: tuple[int, Tense] | None = None
        for cue_start, cue_end, tense in self.context.cues(key):
            if cue_end > self.start and cue_start < self.end:
                continue
            distance = self.start - cue_end if cue_end <= self.start else cue_start - self.end
            if distance > _MAX_CUE_DISTANCE:
                continue
            if best is None or distance < best[0]:
                best = (distance, tense)
        return None if best is None else best[1]

    def anchor_day(self) -> datetime.date | None:
        """The last day the text mentioned before this expression, else the reference."""
        for value in self.context.before(self.start):
            if value.date is not None:
                return value.date
        return self.reference

    def anchor_calendar(
        self, finest: Granularity = "century"
    ) -> tuple[Granularity, datetime.date] | None:
        """The last calendar value (a year, month, quarter, week or day) mentioned before this
        expression and at least as fine as ``finest``, as its granularity and a day inside it;
        else the reference day."""
        limit = _FINENESS.index(finest)
        for value in self.context.before(self.start):
            if value.value is None or value.granularity is None:
                continue
            if _FINENESS.index(value.granularity) > limit:
                continue
            day = _start_day(value.value)
            if day is not None:
                return value.granularity, day
        return None if self.reference is None else ("day", self.reference)

    def sentence_day(self) -> datetime.date | None:
        """The day named in the same sentence, nearest first; else the last one mentioned."""
        key = self.context.sentence(self.start)
        if key is not None:
            starts, values = self.context.starts, self.context.values
            low, high = bisect.bisect_left(starts, key[0]), bisect.bisect_left(starts, key[1])
            days = [
                (abs(starts[i] - self.start), day)
                for i in range(low, high)
                if (day := values[i].date) is not None and starts[i] != self.start
            ]
            if days:
                return min(days, key=lambda d: d[0])[1]
        return self.anchor_day()


_FINENESS: tuple[Granularity, ...] = (
    "second", "minute", "hour", "day", "week", "month", "quarter", "half", "season", "year",
    "decade", "century",
)  # fmt: skip

_VALUE_START_PATTERN = regex.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?"
)


def _start_day(value: str) -> datetime.date | None:
    """A day inside the period a calendar value names (its first day)."""
    match = _VALUE_START_PATTERN.match(value)
    if match is None:
        return None
    try:
        year = int(match["y"])
        if match["d"]:
            return datetime.date(year, int(match["m"]), int(match["d"]))
        if match["m"]:
            return datetime.date(year, int(match["m"]), 1)
        if match["w"]:
            return datetime.date.fromisocalendar(year, int(match["w"]), 1)
        if match["q"]:
            return datetime.date(year, int(match["q"]) * 3 - 2, 1)
        if match["h"]:
            return datetime.date(year, 1 if match["h"] == "1" else 7, 1)
        if match["s"]:
            return datetime.date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[match["s"]], 1)
        return datetime.date(year, 1, 1)
    except ValueError:
        return None


def _unit_value(day: datetime.date, granularity: Granularity) -> str:
    """The value of the ``granularity`` unit holding ``day``."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return timex.week_value(day)
    if granularity == "month":
        return timex.month_value(day.year, day.month)
    if granularity == "quarter":
        return timex.quarter_value(day.year, (day.month - 1) // 3 + 1)
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "season":
        return f"{day.year:04d}-" + {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(day.month, "SP")
    if granularity == "decade":
        return timex.decade_value(day.year)
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


# ----------------------------------------------------------------------------- tense cues


@functools.cache
def _future_cues() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """The future cues as one-word cues and, by first word, the rest of the longer ones."""
    single: set[str] = set()
    longer: dict[str, list[tuple[str, ...]]] = {}
    for cue in _lexicon().future_cues:
        words = tuple(cue.replace("’", "'").split())
        if len(words) == 1:
            single.add(words[0])
        else:
            longer.setdefault(words[0], []).append(words[1:])
    return frozenset(single), {k: tuple(v) for k, v in longer.items()}


register_cache(_future_cues.cache_clear)
register_cache(_lexicon.cache_clear)

# ['’]?[a-z]+ (an apostrophe is taken only before a letter), written so that ``re`` runs it
# several times faster than ``regex`` runs the short form.
_CUE_WORD_PATTERN = re.compile(r"(?:['’][a-z]|[a-z])[a-z]*")
# The same as one group: split by it, a text is what lies between its words and the words, in
# turn (one call, and no match object per word).
_CUE_WORD_SPLIT_PATTERN = re.compile(f"({_CUE_WORD_PATTERN.pattern})")


def _tense_cues(text: str, start: int, end: int) -> Iterator[tuple[int, int, Tense]]:
    """Spans in text[start:end] that mark the future (will, is set to) or the past (said,
    was, -ed forms). Cues are lower case: ``May`` and ``Will`` are names, not modals."""
    lex = _lexicon()
    single, longer = _future_cues()
    # The words as strings (one call: parts[1::2]), and the Python work only for those that
    # may be cues. (The pattern has no lookaround: the words of text[start:end] are those found
    # between start and end.)
    piece = text[start:end]
    parts = _CUE_WORD_SPLIT_PATTERN.split(piece)
    words = parts[1::2]
    if "’" in piece:
        words = [word.replace("’", "'") for word in words]
    cue_words = _cue_words()
    hits = [
        i
        for i, word in enumerate(words)
        if word in cue_words or (len(word) > 4 and word.endswith("ed"))
    ]
    if not hits:
        return
    # Where each part starts and ends: word i runs from offsets[2 * i + 1] to
    # offsets[2 * i + 2].
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    for i in hits:
        word = words[i]
        word_start, word_end = offsets[2 * i + 1], offsets[2 * i + 2]
        if word in single:
            yield word_start, word_end, "future"
        elif word in longer:
            for rest in longer[word]:
                if tuple(words[i + 1 : i + 1 + len(rest)]) == rest:
                    yield word_start, offsets[2 * (i + len(rest)) + 2], "future"
                    break
        previous = words[i - 1] if i else ""
        if previous not in {"be", "being"} and (
            word in lex.past_cues
            or (len(word) > 4 and word.endswith("ed") and word not in lex.not_past)
        ):
            yield word_start, word_end, "past"


@functools.cache
def _cue_words() -> frozenset[str]:
    """The words _tense_cues looks at beyond the -ed forms: future cues and their first
    words, past cues."""
    single, longer = _future_cues()
    return single | frozenset(longer) | _lexicon().past_cues


register_cache(_cue_words.cache_clear)


# ----------------------------------------------------------------------------- small patterns

_SPACES_PATTERN = regex.compile(r"\s+")
_DECIMAL_PATTERN = regex.compile(r"\d+(?:\.\d+)?")
_ORDINAL_DIGITS_PATTERN = regex.compile(r"(\d{1,2})(?:st|nd|rd|th)")
# "October of next year": the year of a month named just before.
_OF_RELATIVE_YEAR_PATTERN = regex.compile(r"\s+of\s+(last|next|this)\s+year\b", regex.IGNORECASE)
# "2009-11", "2009–2011": the second year of a range.
_YEAR_RANGE_END_PATTERN = regex.compile(r"[-–]\d{2,4}(?!\d)")
# "-old" after "two-year": an age or the age of a thing.
_OLD_PATTERN = regex.compile(r"(?:[-\s]+old)(?P<s>s)?(?![\p{L}])")
_AGE_AFTER_PATTERN = regex.compile(r"\s+(?:old|older|younger|of\s+age)\b")
_OF_PATTERN = regex.compile(r"\s+of\b")
_UTC_PATTERN = regex.compile(r"\(?\s*(?:GMT|UTC|Z)\s*\)?")
_CALENDAR_YEAR_PATTERN = regex.compile(r"\d{4}(?:$|-)")
_HOLIDAY_SPLIT_PATTERN = regex.compile(r"[\s'.]+")


# ----------------------------------------------------------------------------- text helpers

# Searched backwards (REVERSE) from the position: the same match as a forward search, found
# without trying every start position before it.
_WORD_BEFORE_PATTERN = regex.compile(r"(?r)([\p{L}\p{N}][\p{L}\p{N}.'’&-]*)[\s,]*$")
_WORD_AFTER_PATTERN = regex.compile(r"[\s]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)")


def _word_before(text: str, pos: int) -> str:
    match = _WORD_BEFORE_PATTERN.search(text, max(0, pos - 40), pos)
    return match.group(1) if match else ""


def _word_after(text: str, pos: int) -> str:
    match = _WORD_AFTER_PATTERN.match(text, pos, min(len(text), pos + 40))
    return match.group(1) if match else ""


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?\n\r:;" or text[i] == "—"


def _capitalized(word: str) -> bool:
    return bool(word) and word[0].isupper()


# ----------------------------------------------------------------------------- numbers


def _parse_number(text: str) -> float | None:
    """A written quantity as a number; None for vague ones (several, a few)."""
    lex = _lexicon()
    words = _SPACES_PATTERN.sub(" ", text.casefold().replace("-", " ")).strip()
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words in {"half a", "half an", "a half"}:
        return 0.5
    if words in lex.vague or words == "some":
        return None
    digits = words.replace(",", "")
    if _DECIMAL_PATTERN.fullmatch(digits):
        return float(digits) + half
    total, current = 0, 0
    for word in words.split(" "):
        if word == "and":
            continue
        if word in lex.cardinals:
            current += lex.cardinals[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word in lex.scales:
            current = max(current, 1) * lex.scales[word]
            if lex.scales[word] >= 1000:
                total, current = total + current, 0
        elif word == "dozen":
            current = max(current, 1) * 12
        else:
            return None
    return float(total + current) + half


def _ordinal(text: str) -> int | None:
    lex = _lexicon()
    word = text.casefold().replace("-", " ")
    match = _ORDINAL_DIGITS_PATTERN.fullmatch(word)
    if match:
        return int(match.group(1))
    if word in {"final", "last"}:
        return -1
    parts = word.split()
    if len(parts) == 2 and parts[0] in lex.tens and parts[1] in lex.ordinals:
        return lex.tens[parts[0]] + lex.ordinals[parts[1]]
    return lex.ordinals.get(word)


# ----------------------------------------------------------------------------- dateparser


@functools.cache
def _dateparser() -> Any:
    """dateparser, configured once: English only, day/month order from settings.DAY_FIRST."""
    # Imported on first use: dateparser takes a while to import and most texts never need it.
    from dateparser.date import DateDataParser  # noqa: PLC0415

    return DateDataParser(
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY" if settings.DAY_FIRST else "MDY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "RELATIVE_BASE": datetime.datetime(2000, 1, 1),
        },
    )


@functools.lru_cache(maxsize=4096)
def _parse_numeric_date(text: str) -> datetime.date | None:
    """A numeric date (06/04/2018, 7.8.07) through dateparser; None when it is not one."""
    result = _dateparser().get_date_data(text)
    if result is None or result.date_obj is None:
        return None
    day: datetime.date = result.date_obj.date()
    return day


register_cache(_dateparser.cache_clear)
register_cache(_parse_numeric_date.cache_clear)


# ----------------------------------------------------------------------------- the grammar

_WORD_START_RE = r"(?<![\p{L}\p{N}_])"
_WORD_END_RE = r"(?![\p{L}\p{N}_])"
_YEAR_RE = r"(?:1[5-9]|20)\d\d"
# The rules match with simple case folding (VERSION0), which is faster to compile and to run.
# Full case folding (VERSION1) lets a text character stand for several pattern letters (``ß``
# for ``ss``, ``ﬁ`` for ``fi``); a text holding any character outside the ranges where both
# foldings match alike (_FULL_CASE_RISK_PATTERN) is read with the VERSION1 patterns instead.
_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.VERSION0
_FULL_CASE_FLAGS = regex.IGNORECASE | regex.VERBOSE | regex.VERSION1
# ASCII, Latin-1, Latin Extended-A and -B, general punctuation and currency signs: where both
# foldings match alike, but for four letters whose full case folding is several characters;
# and ſ, which both foldings match to s where str.lower() keeps it (the finder's shortcuts
# read the lower-cased text).
_SIMPLE_CASE_RANGES = ((0x0000, 0x024F), (0x2000, 0x206F), (0x20A0, 0x20CF))
_FULL_CASE_LETTERS = "\u00df\u0130\u0149\u01f0\u017f"


def _full_case_risk_pattern() -> re.Pattern[str]:
    """Any character outside _SIMPLE_CASE_RANGES or among _FULL_CASE_LETTERS, as one negated
    standard-library class (faster to search than the ``regex`` alternation of two)."""
    safe: list[tuple[int, int]] = []
    for low, high in _SIMPLE_CASE_RANGES:
        start = low
        for code in sorted(ord(char) for char in _FULL_CASE_LETTERS if low <= ord(char) <= high):
            if start < code:
                safe.append((start, code - 1))
            start = code + 1
        if start <= high:
            safe.append((start, high))
    return re.compile("[^" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in safe) + "]")


_FULL_CASE_RISK_PATTERN = _full_case_risk_pattern()

_Groups = Mapping[str, int]
"""A rule's group numbers by name: ``match[group["mon"]]`` reads a group by its number, several
times faster than ``match["mon"]`` (``regex`` builds the pattern's name index for every read by
name)."""
_Match = regex.Match[str] | re.Match[str]
"""A rule's match: by a ``regex`` pattern, or by its standard-library form (_plain_source)."""
_Pattern = regex.Pattern[str] | re.Pattern[str]
Handler = Callable[["_Grammar", _Match, str, _Groups], Iterable[_Candidate]]
_Source = tuple[str, str, Handler]
_RuleRefs = tuple[tuple[int, int, int], ...]
_Heads = tuple[re.Pattern[str], re.Pattern[str]]
"""Where a rule's matches may start: the character before each such place, and the place
itself at the text's start (see _Grammar.heads)."""
"""Rules a token starts, as (rule index, back, forward)."""


def _letter_class() -> str:
    """The letters (\\p{L}) among the characters of _SIMPLE_CASE_RANGES and their lower-case
    forms, as a standard-library character class."""
    letters = {
        char
        for low, high in _SIMPLE_CASE_RANGES
        for code in range(low, high + 1)
        for char in (chr(code), chr(code).lower())
        if len(char) == 1 and char.isalpha()
    }
    return "[" + "".join(re.escape(char) for char in sorted(letters)) + "]"


_LETTER_CLASS = _letter_class()
# Not after a letter, digit or underscore: where _WORD_START_RE lets a match start (in the
# lower-cased text; \p{N} takes in more than digits, so this lets through more).
_AFTER_NO_WORD = "(?<![" + _LETTER_CLASS[1:-1] + r"\d_])"
# The character before a position where _AFTER_NO_WORD holds (but at the text's start).
_BEFORE_WORD_START = "[^" + _LETTER_CLASS[1:-1] + r"\d_]"


def _ascii_digits(pattern: str) -> str:
    """``pattern`` with ``\\d`` written as ``[0-9]`` (``0-9`` inside a character class): the
    same matches in the texts the standard-library patterns read (characters of
    _SIMPLE_CASE_RANGES and their lower case, whose only decimal digits are ASCII; pinned by
    a test), and faster to run (``\\d`` looks every character up in the Unicode tables)."""
    return _rewrite_escapes(pattern, {r"\d": "0-9"})


def _rewrite_escapes(pattern: str, classes: Mapping[str, str], boundary: str | None = None) -> str:
    """``pattern`` with each escape of ``classes`` (``\\d``, ``\\p{L}``: two characters, or five
    for a ``\\p``) written as its members, in brackets outside a class and bare inside one, and
    ``\\b`` outside a class written as ``boundary`` when given; everything else as it stands."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escape = pattern[i : i + 5] if pattern[i + 1] == "p" else pattern[i : i + 2]
            if escape in classes:
                members = classes[escape]
                out.append(members if in_class else f"[{members}]")
            elif boundary is not None and escape == r"\b" and not in_class:
                out.append(boundary)
            else:
                out.append(escape)
            i += len(escape)
            continue
        out.append(char)
        i += 1
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # A "]" first in the class (after a "^") is a literal.
            for literal in "^]":
                if pattern[i : i + 1] == literal:
                    out.append(literal)
                    i += 1
    return "".join(out)


def _group_numbers(pattern: str) -> dict[str, int]:
    """The numbers of the named groups of ``pattern`` (a rule's source), by name: every "("
    that is not "(?" opens a group, and so does "(?P<"; the groups are numbered in the order
    they open (as ``regex`` numbers them; pinned by a test)."""
    numbers: dict[str, int] = {}
    count, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        i += 1
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            for literal in "^]":
                if pattern[i : i + 1] == literal:
                    i += 1
        elif char == "(" and (pattern[i : i + 1] != "?" or pattern[i : i + 3] == "?P<"):
            count += 1
            if pattern[i : i + 3] == "?P<":
                name_end = pattern.index(">", i)
                numbers[pattern[i + 3 : name_end]] = count
    return numbers


def _char_ranges(codes: Iterable[int]) -> str:
    """Code points as the inside of a standard-library character class, runs as ranges."""
    ordered = sorted(set(codes))
    parts: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        low, high = ordered[i], ordered[j]
        parts.append(f"\\u{low:04x}" if low == high else f"\\u{low:04x}-\\u{high:04x}")
        i = j + 1
    return "".join(parts)


def _plain_classes() -> dict[str, str]:
    """What the rules' \\p{L}, \\p{N}, \\s and \\d match among the characters of
    _SIMPLE_CASE_RANGES (for ``regex``, letters, numbers, white space and decimal digits), as
    the inside of standard-library classes (pinned by a test)."""
    codes = [code for low, high in _SIMPLE_CASE_RANGES for code in range(low, high + 1)]
    return {
        r"\p{L}": _char_ranges(code for code in codes if chr(code).isalpha()),
        r"\p{N}": _char_ranges(
            code for code in codes if unicodedata.category(chr(code)).startswith("N")
        ),
        # White space for ``regex``: not the four separators \x1c-\x1f that str.isspace takes.
        r"\s": _char_ranges(
            code for code in codes if chr(code).isspace() and code not in range(0x1C, 0x20)
        ),
        r"\d": "0-9",
    }


_PLAIN_CLASSES = _plain_classes()
# What ``regex``'s \w matches among those characters (letters, decimal digits, connector
# punctuation such as _ and ‿, the zero-width joiners; not ² or ½, which the standard library's
# \w takes), for its \b (pinned by a test).
_PLAIN_WORD = _char_ranges(
    code
    for low, high in _SIMPLE_CASE_RANGES
    for code in range(low, high + 1)
    if chr(code).isalpha()
    or unicodedata.category(chr(code)) in {"Nd", "Pc", "Mn", "Mc", "Me"}
    or chr(code) in "\u200c\u200d"
)
_PLAIN_BOUNDARY = (
    f"(?:(?<=[{_PLAIN_WORD}])(?![{_PLAIN_WORD}])|(?<![{_PLAIN_WORD}])(?=[{_PLAIN_WORD}]))"
)
# The one character of _SIMPLE_CASE_RANGES outside _FULL_CASE_LETTERS that the standard
# library's IGNORECASE matches to a letter ("i") where ``regex``'s simple case folding does not
# (pinned by a test): a text holding it is read with the ``regex`` patterns.
_DOTLESS_I = "\u0131"


def _plain_source(pattern: str) -> str:
    """A rule's source with \\p{L}, \\p{N}, \\s and \\d written as standard-library classes
    (_PLAIN_CLASSES) inside or outside a class, and \\b as the boundary of _PLAIN_WORD: in
    texts of _SIMPLE_CASE_RANGES (without _DOTLESS_I), ``re`` with IGNORECASE | VERBOSE
    matches it as ``regex`` with _FLAGS matches the source (pinned by a test)."""
    return _rewrite_escapes(pattern, _PLAIN_CLASSES, _PLAIN_BOUNDARY)


def _plain_form(pattern: str) -> re.Pattern[str] | None:
    """The standard-library form of a rule's source, or None where ``re`` cannot express it
    (a look-behind of varying width)."""
    try:
        return re.compile(_plain_source(pattern), re.IGNORECASE | re.VERBOSE)
    except re.error:
        return None


# Rules whose ``needs`` pattern finds its part in few articles (in under 5% of the dev and seed
# articles): their patterns are compiled on first use, not at import.
_LAZY_RULES = frozenset(
    {"iso", "numeric", "week_of", "long_adjective", "weekdays", "frequency", "holiday",
     "clock_ampm", "clock_military", "ordinal_day", "range_duration"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    triggers: frozenset[str]
    """Words (lower case) or features (#digit, #year, #code, ...) the rule is tried around."""
    back: int
    """How far before a trigger its expression may start, in characters."""
    forward: int
    """How far after a trigger its expression may end."""
    source: str
    """The pattern, for ``regex`` with _FLAGS."""
    handler: Handler

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled once: ``regex`` keeps the patterns it compiled)."""
        return regex.compile(self.source, _FLAGS)


def _days_from_reference(offset: int, part: str | None) -> _Resolver:
    """A resolver for 'yesterday', 'tomorrow night': the reference day moved by ``offset``."""

    def resolve(scope: _Scope) -> _Value:
        if scope.reference is None:
            return _UNRESOLVED
        day = scope.reference + datetime.timedelta(days=offset)
        if part:
            return _Value(f"{day.isoformat()}T{part}", "day", day)
        return _day(day)

    return resolve


def _rule_sources(
    lex: _Lexicon, alt: Callable[[Iterable[str]], str]
) -> tuple[list[_Source], dict[str, str], dict[str, str]]:
    """The rules in order, as (name, pattern, handler), with the lexicon's word lists written
    as alternations by ``alt``; and for some rules that rarely match a pattern (for the
    standard library's ``re``, verbose, read in the lower-cased text) that matches a part of
    every match of the rule, without its lookarounds: a window where it finds nothing holds
    no match of the rule; and for a rule that is costly to try at every word a pattern of the
    same kind that matches (empty) at the start of every match of the rule."""
    month_full = alt(lex.month_names)
    month_any = alt(lex.months)
    weekday = alt(lex.weekday_names)
    weekday_any = alt(lex.weekdays)
    ones = alt(
        w for w, n in lex.cardinals.items() if 1 <= n <= 9 and w not in {"a", "an", "single"}
    )
    teens = alt(w for w, n in lex.cardinals.items() if 10 <= n <= 19 and "dozen" not in w)
    tens = alt(lex.tens)
    core = rf"(?:{tens}(?:[-\s]{ones})?|{teens}|{ones}|zero)"
    numword = (
        rf"(?:(?:(?:a|one|{ones})\s+)?hundred(?:\s+(?:and\s+)?{core})?|{core}|a\s+dozen|dozen"
        r"|single)"
    )
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    number = rf"(?:{digits}|{numword})"
    vague = alt(lex.vague)
    units = alt(lex.units)
    approx = alt(lex.approximate)
    part = alt(lex.part)
    adjectives = alt(lex.duration_adjectives)
    ordinal_words = alt(lex.ordinals)
    ordinal = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?:{tens}[-\s])?{ordinal_words})"
    pod = alt(lex.parts_of_day)
    season = alt(lex.seasons)
    holidays = alt(lex.holidays)
    set_words = alt(lex.sets)
    words = alt(lex.words)
    part_re = rf"(?P<part>{part})(?:-|\s+)"
    tz = (
        r"(?P<tz>\s*\(\s*(?-i:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d\d)?)?\s*\)"
        r"|\s*(?-i:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?(?![\p{L}])"
        r"|\s*(?-i:Z|[ECMP][SD]T|BST|CES?T|EES?T|IST|JST|KST|AES?T|AEDT|HKT|SGT|MSK|ET|PT"
        r"|WIB|PKT|GST|SAST|WAT|EAT|CAT)(?![\p{L}])"
        r"|\s+local\s+time)?"
    )
    dayword = rf"(?:today|tonight|yesterday|tomorrow|{weekday})"

    rules: list[tuple[str, str, Handler]] = [
        (
            "iso",
            rf"""{_WORD_START_RE}(?<![./-])(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})
            (?:T(?P<H>\d{{2}}):(?P<M>\d{{2}})(?::\d{{2}}(?:\.\d+)?)?(?P<z>Z|[+-]\d{{2}}:?\d{{2}})?)?
            {_WORD_END_RE}(?![./-]\d)""",
            _Grammar._iso,
        ),
        (
            "numeric",
            rf"""{_WORD_START_RE}(?<![./-])(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)
            (?P<y>\d{{4}}|\d{{2}}){_WORD_END_RE}(?![./-]\d)""",
            _Grammar._numeric,
        ),
        (
            "month_day",
            rf"""{_WORD_START_RE}(?:(?P<wd>{weekday_any})\.?,?\s+)?
            (?P<mon>{month_any})(?![\p{{L}}])\.?\s+(?:the\s+)?
            (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\p{{L}}\p{{N}}_]|[.,:]\d)
            (?:,?\s*(?P<y>{_YEAR_RE})(?![\p{{L}}\p{{N}}_]|[.,]\d))?""",
            _Grammar._month_day,
        ),
        (
            "day_month",
            rf"""{_WORD_START_RE}(?<!\d[.,])(?:(?P<wd>{weekday_any})\.?,?\s+)?(?:the\s+)?
            (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+
            (?P<mon>{month_any})(?![\p{{L}}])
            (?:\.?,?\s+(?P<y>{_YEAR_RE})(?![\p{{L}}\p{{N}}_]|[.,]\d))?""",
            _Grammar._month_day,
        ),
        (
            "month_year",
            rf"""{_WORD_START_RE}(?:{part_re})?(?P<mon>{month_any})(?![\p{{L}}])\.?,?\s+(?:of\s+)?
            (?P<y>{_YEAR_RE})(?![\p{{L}}\p{{N}}_]|[.,]\d)""",
            _Grammar._month_year,
        ),
        (
            "month",
            rf"""{_WORD_START_RE}(?:{part_re}|(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+coming
            |the\s+past|the\s+following|the\s+previous)\s+)?
            (?P<mon>{month_full}){_WORD_END_RE}(?!-)
            (?:\s+(?P<rely>last|next|this)\s+year{_WORD_END_RE})?""",
            _Grammar._month,
        ),
        (
            "week_of",
            rf"""{_WORD_START_RE}the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+
            (?P<mon>{month_full})(?:,?\s+(?P<y>{_YEAR_RE}))?{_WORD_END_RE}""",
            _Grammar._week_of,
        ),
        (
            "year",
            rf"""(?<![\p{{L}}\p{{N}}_$€£¥#@/])(?<!\d[.,])
            (?:{part_re}|(?P<theyear>the\s+(?:calendar\s+)?year\s+)
            |(?P<fiscal>(?:fiscal|financial)(?:\s+year)?\s+|(?-i:FY)\s?))?
            (?P<y>{_YEAR_RE})(?![\p{{L}}\p{{N}}_]|[.,]\d|\s*%|\s*per\s*cent|\s*percent|['’]s)""",
            _Grammar._year,
        ),
        (
            "short_year",
            r"(?<![\p{L}\p{N}_'’])['’](?P<yy>\d\d)(?![\p{L}\p{N}_'’])",
            _Grammar._short_year,
        ),
        (
            "decade",
            rf"""{_WORD_START_RE}(?:(?P<the>the)\s+)?(?:(?P<part>early|mid|late)(?:-|\s+))?
            (?:(?P<c>1[5-9]|20)(?P<d>\d)0|['’](?P<dd>\d)0|(?P<d2>\d)0)['’]?s{_WORD_END_RE}""",
            _Grammar._decade,
        ),
        (
            "decade_word",
            rf"""{_WORD_START_RE}the\s+(?:(?P<part>early|mid|late)(?:-|\s+))?
            (?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){_WORD_END_RE}""",
            _Grammar._decade_word,
        ),
        (
            "century",
            rf"""{_WORD_START_RE}(?:(?P<the>the)\s+)?(?:(?P<part>early|mid|late)(?:-|\s+))?
            (?P<n>{ordinal})[-\s]+century{_WORD_END_RE}""",
            _Grammar._century,
        ),
        (
            "quarter",
            rf"""{_WORD_START_RE}(?:(?P<the>the)\s+)?
            (?:(?P<y1>{_YEAR_RE})(?:['’]s)?\s+|(?P<rely>this|last|next)\s+year['’]s\s+
            |(?P<adj>year-earlier|year-ago|same|comparable|latest|current|most\s+recent
            |previous|prior|past|coming|next)\s+)?
            (?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)?[-\s]*
            (?P<unit>quarter|half)(?![\p{{L}}\p{{N}}_])
            (?:\s+of\s+(?:(?P<y2>{_YEAR_RE})|(?P<rel2>this|last|next|the|that|the\s+current
            |the\s+previous|the\s+following)\s+(?:fiscal\s+|financial\s+)?year))?
            (?:,?\s+(?P<y3>{_YEAR_RE}))?{_WORD_END_RE}""",
            _Grammar._quarter,
        ),
        (
            "quarter_code",
            rf"""{_WORD_START_RE}(?:(?P<y1>{_YEAR_RE})\s*)?(?-i:(?P<unit>Q|H))(?P<n>[1-4])
            (?:\s*(?P<y2>{_YEAR_RE}|['’]\d\d))?{_WORD_END_RE}""",
            _Grammar._quarter_code,
        ),
        (
            "season",
            rf"""{_WORD_START_RE}(?:{part_re})?
            (?:(?P<rel>this\s+past|this\s+coming|the\s+coming|the\s+past|this|last|next|the
            |that|early|late)\s+)?
            (?P<season>{season}){_WORD_END_RE}(?!-)
            (?:,?\s+(?:of\s+)?(?P<y>{_YEAR_RE})(?![\p{{N}}]))?""",
            _Grammar._season,
        ),
        (
            "relative_unit",
            rf"""{_WORD_START_RE}(?:{part_re})?
            (?P<rel>(?:the\s+)?(?:very\s+)?(?:this\s+past|this\s+coming|this|last|next|past
            |coming|previous|following|current|present|same|upcoming|preceding|prior))\s+
            (?P<unit>day|week|weekend|month|year|quarter|decade|century|fortnight
            |(?:fiscal|financial|school)\s+year)(?![\p{{L}}\p{{N}}_]|-)""",
            _Grammar._relative_unit,
        ),
        (
            "the_unit",
            rf"""{_WORD_START_RE}(?:{part_re})?
            (?P<det>the\s+very\s+same|the\s+same|that\s+same|the|that)\s+
            (?:(?P<adj>whole|entire|full)\s+)?
            (?P<unit>day|week|weekend|month|year|quarter)(?![\p{{L}}\p{{N}}_]|-)""",
            _Grammar._the_unit,
        ),
        (
            "weekday",
            rf"""{_WORD_START_RE}(?:(?P<rel>this\s+past|this\s+coming|the\s+coming|the\s+following
            |the\s+previous|last|next|this|that|early|late|earlier|later)\s+)?
            (?P<wd>{weekday}){_WORD_END_RE}(?!-)
            (?:\s+(?P<pod>{pod}))?(?![\p{{L}}])""",
            _Grammar._weekday,
        ),
        (
            "deictic",
            rf"""{_WORD_START_RE}(?:(?P<mod>earlier|later|early|late)\s+)?
            (?:(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{pod}))?
            |(?P<this>this|last|yesterday|tomorrow)\s+(?P<pod2>{pod}))(?![\p{{L}}\p{{N}}_])""",
            _Grammar._deictic,
        ),
        ("words", rf"{_WORD_START_RE}(?P<w>{words}){_WORD_END_RE}(?!-)", _Grammar._words),
        (
            "ago",
            rf"""{_WORD_START_RE}(?:(?P<approx>{approx})\s+(?!the\b))?
            (?P<qty>{number}(?:\s+and\s+a\s+half)?|{vague}|half\s+an?|an?|some)
            (?:\s+(?:more|full|long))?[\s-]+(?P<unit>{units})(?:\s+and\s+a\s+half)?
            (?:\s+or\s+(?:so|more))?
            \s+(?P<dir>ago|earlier|later|from\s+now|hence|back|previously){_WORD_END_RE}""",
            _Grammar._ago,
        ),
        (
            "duration",
            rf"""{_WORD_START_RE}(?:(?P<approx>{approx})\s+(?!the\b))?
            (?:(?P<the>the)\s+(?:(?P<rel>past|last|next|first|previous|following|coming|final
            |initial|remaining|preceding|subsequent|latest|ensuing|same|other)\s+)?)?
            (?P<qty>{number}(?:\s+and\s+a\s+half)?|{vague}|half\s+an?|an?|few)
            (?P<adjs>(?:\s+{adjectives})*)
            (?P<sep>[\s-]+)(?P<unit>{units})(?P<half>\s+and\s+a\s+half)?{_WORD_END_RE}""",
            _Grammar._duration,
        ),
        (
            "range_duration",
            rf"""{_WORD_START_RE}(?P<n1>{number})(?P<mid>\s+(?:to|or|and)\s+|\s*[-–]\s*)(?P<n2>{number})
            (?:\s+{adjectives})*\s+(?P<unit>{units}){_WORD_END_RE}""",
            _Grammar._range_duration,
        ),
        (
            "bare_plural",
            r"""(?<=\b(?:for|in|within|over|after|took|take|takes|taking|lasted|lasting|spent)\s+)
            (?:(?P<the>the)\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)
            (?![\p{L}\p{N}_]|-)""",
            _Grammar._bare_plural,
        ),
        (
            "long_adjective",
            rf"""{_WORD_START_RE}(?P<unit>{units})-(?P<what>long|old)(?![\p{{L}}\p{{N}}_]|-)""",
            _Grammar._long_adjective,
        ),
        (
            "every",
            rf"""{_WORD_START_RE}(?P<q>every|each|per)\s+(?:(?P<other>other|single)\s+)?
            (?:(?P<n>{number})\s+)?
            (?P<what>{units}|{weekday}|{month_full}|{pod}|{season}){_WORD_END_RE}""",
            _Grammar._every,
        ),
        (
            "set_word",
            rf"{_WORD_START_RE}(?<!-)(?P<w>{set_words}){_WORD_END_RE}(?!-)",
            _Grammar._set_word,
        ),
        (
            "frequency",
            rf"""{_WORD_START_RE}(?P<f>once|twice|thrice|(?:{number})\s+times)\s+(?:a|an|per|each|every)\s+
            (?P<unit>{units}){_WORD_END_RE}""",
            _Grammar._frequency,
        ),
        (
            "rate",
            rf"""(?<=(?:\d%?|\b(?:{numword}|dollars?|euros?|pounds?|cents?|million|billion
            |trillion|thousand|hundred|bn|mn|times|once|twice|hours|minutes))\s+)
            (?P<a>a|an|per)\s+(?P<unit>day|week|month|year|hour|night|quarter){_WORD_END_RE}(?!-)""",
            _Grammar._rate,
        ),
        ("weekdays", rf"{_WORD_START_RE}(?P<wd>{weekday})s{_WORD_END_RE}", _Grammar._weekdays),
        (
            "clock_ampm",
            rf"""{_WORD_START_RE}(?<![:.,$])(?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?\s*
            (?P<ampm>[ap]\.\s?m\.|[ap]\.?\s?m(?![\p{{L}}])\.?)
            {tz}(?:\s+(?P<dayw>{dayword}){_WORD_END_RE})?""",
            _Grammar._clock,
        ),
        (
            "clock_24h",
            rf"""{_WORD_START_RE}(?<![:.,$])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?
            (?![\p{{N}}]|[:.]\d){tz}(?:\s+(?P<dayw>{dayword}){_WORD_END_RE})?""",
            _Grammar._clock,
        ),
        (
            "clock_military",
            rf"""{_WORD_START_RE}(?<![:.,$])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)
            (?P<tz>\s*(?-i:GMT|UTC|Z)(?![\p{{L}}])|\s*(?:hrs|hours)(?![\p{{L}}])|\s+local\s+time)
            (?:\s+(?P<dayw>{dayword}){_WORD_END_RE})?""",
            _Grammar._clock,
        ),
        (
            "noon",
            rf"""{_WORD_START_RE}(?:(?P<dayw>{dayword})\s+)?(?P<w>noon|midday|midnight){_WORD_END_RE}""",
            _Grammar._noon,
        ),
        (
            "holiday",
            rf"{_WORD_START_RE}(?P<h>{holidays}){_WORD_END_RE}(?:\s+(?P<y>{_YEAR_RE}){_WORD_END_RE})?",
            _Grammar._holiday,
        ),
        (
            "ordinal_day",
            r"(?<=\bon\s+)the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?![\p{L}\p{N}_])",
            _Grammar._ordinal_day,
        ),
        (
            "same_period",
            r"""(?<![\p{L}\p{N}_])the\s+(?:same\s+|comparable\s+|year-(?:ago|earlier)\s+)?
            (?P<unit>period|month|quarter|week|day|time|year)\s+(?:of\s+)?
            (?:last\s+year|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:ago|earlier|before))
            (?![\p{L}\p{N}_])""",
            _Grammar._same_period,
        ),
    ]
    unit_re = r"""(?:day|week|weekend|month|year|quarter|decade|century|fortnight
        |(?:fiscal|financial|school)\s+year)"""
    needs = {
        "numeric": r"\d[/.-]\d{1,2}[/.-]\d",
        "day_month": rf"\d(?:st|nd|rd|th)?(?:\s+of)?\s+{month_any}",
        "month_year": rf"{month_any}\.?,?\s+(?:of\s+)?{_YEAR_RE}",
        "week_of": rf"week\s+of\s+{month_full}",
        "relative_unit": r"""(?:this\s+past|this\s+coming|this|last|next|past|coming|previous
            |following|current|present|same|upcoming|preceding|prior)\s+"""
        + unit_re,
        "the_unit": r"""(?:the\s+very\s+same|the\s+same|that\s+same|the|that)\s+
            (?:(?:whole|entire|full)\s+)?(?:day|week|weekend|month|year|quarter)""",
        "ago": rf"""{units}(?:\s+and\s+a\s+half)?(?:\s+or\s+(?:so|more))?
            \s+(?:ago|earlier|later|from\s+now|hence|back|previously)""",
        # One white space or dash, then the rest: a pattern that starts with a character class
        # lets ``re`` skip to the characters that can start a match.
        "range_duration": rf"""[\s\-–](?:(?<=\s)(?:to|or|and)\s+|(?<=[-–])\s*){number}
            (?:\s+{adjectives})*\s+{units}""",
        "set_word": set_words,
        "rate": r"(?:a|an|per)\s+(?:day|week|month|year|hour|night|quarter)",
        "clock_ampm": r"\d(?:[:.][0-5]\d)?\s*[ap]\.?\s?m",
        "holiday": holidays,
        "ordinal_day": r"\d(?:st|nd|rd|th)",
        "iso": r"\d{4}-\d\d-\d\d",
        "long_adjective": rf"{units}-(?:long|old)",
        "weekdays": rf"{weekday}s",
        "same_period": r"""last\s+year|the\s+(?:previous|prior)\s+year
            |a\s+year\s+(?:ago|earlier|before)""",
        "frequency": rf"(?:once|twice|thrice|times)\s+(?:a|an|per|each|every)\s+{units}",
        "clock_military": r"\d{4}(?:\s*(?:gmt|utc|z|hrs|hours)|\s+local\s+time)",
        "bare_plural": r"years|months|weeks|days|decades|hours|minutes|centuries",
    }
    # For the rules below, where a match can start: the rule's pattern without its lookarounds
    # and groups, up to a part every match holds (its month, weekday, year, ...).
    part_head = rf"(?:{part}(?:-|\s+))"
    heads = {
        "month_day": rf"(?=(?:{weekday_any}\.?,?\s+)?{month_any}\.?\s+(?:the\s+)?\d)",
        "month": rf"""(?=(?:{part_head}|(?:this\s+past|this\s+coming|this|last|next|the\s+coming
            |the\s+past|the\s+following|the\s+previous)\s+)?{month_full})""",
        "year": rf"""(?=(?:{part_head}|the\s+(?:calendar\s+)?year\s+
            |(?:fiscal|financial)(?:\s+year)?\s+|fy\s?)?{_YEAR_RE})""",
        "season": rf"""(?={part_head}?(?:(?:this\s+past|this\s+coming|the\s+coming|the\s+past
            |this|last|next|the|that|early|late)\s+)?{season})""",
        "relative_unit": rf"""(?={part_head}?(?:the\s+)?(?:very\s+)?(?:this\s+past|this\s+coming
            |this|last|next|past|coming|previous|following|current|present|same|upcoming
            |preceding|prior)\s+{unit_re})""",
        "weekday": rf"""(?=(?:(?:this\s+past|this\s+coming|the\s+coming|the\s+following
            |the\s+previous|last|next|this|that|early|late|earlier|later)\s+)?{weekday})""",
        "deictic": rf"""(?=(?:(?:earlier|later|early|late)\s+)?(?:today|tonight|yesterday
            |tomorrow|(?:this|last|yesterday|tomorrow)\s+{pod}))""",
        "words": rf"(?={words})",
        # Where a duration can start: the rule's pattern without its lookarounds and groups,
        # up to its unit (a modifier, "the", a quantity, adjectives, the unit).
        "duration": rf"""(?=(?:{approx}\s+)?
            (?:the\s+(?:(?:past|last|next|first|previous|following|coming|final|initial
            |remaining|preceding|subsequent|latest|ensuing|same|other)\s+)?)?
            (?:{number}|{vague}|half\s+an?|an?|few)(?:\s+and\s+a\s+half)?
            (?:\s+{adjectives})*[\s-]+{units})""",
    }
    return rules, needs, heads


class _Grammar:
    """The compiled patterns and their handlers, built once from the lexicons."""

    def __init__(self) -> None:
        lex = self.lex = _lexicon()
        month_words = frozenset(lex.months)
        unit_words = frozenset(lex.units) | frozenset(lex.sets)
        weekday_words = frozenset(lex.weekday_names) | frozenset(
            name + "s" for name in lex.weekday_names
        )
        last_words = frozenset(phrase.split()[-1] for phrase in lex.words)
        holiday_words = frozenset(
            next(w for w in _HOLIDAY_SPLIT_PATTERN.split(phrase) if w) for phrase in lex.holidays
        )
        triggers: dict[str, frozenset[str]] = {
            "iso": frozenset({"#year"}),
            # Its middle number (the 4 of 3/4/2018: one or two digits between two separators)
            # is a #part token, whose window holds the whole date.
            "numeric": frozenset({"#part"}),
            "month_day": month_words,
            "day_month": month_words,
            "month_year": month_words,
            "month": month_words,
            "week_of": month_words,
            "year": frozenset({"#year"}),
            "short_year": frozenset({"#short"}),
            "decade": frozenset({"#decade"}),
            "decade_word": frozenset(
                {"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties"}
            ),
            "century": frozenset({"century"}),
            "quarter": frozenset({"quarter", "half"}),
            "quarter_code": frozenset({"#code"}),
            "season": frozenset(lex.seasons),
            "relative_unit": unit_words,
            "the_unit": unit_words,
            "weekday": weekday_words,
            "weekdays": weekday_words,
            "deictic": frozenset(
                {"today", "tonight", "yesterday", "tomorrow", *lex.parts_of_day}
            ),
            "words": last_words,
            "ago": frozenset({"ago", "earlier", "later", "now", "hence", "back", "previously"}),
            "duration": unit_words,
            "range_duration": unit_words,
            "bare_plural": unit_words,
            "long_adjective": unit_words,
            "every": frozenset({"every", "each", "per"}),
            # A set word is a token itself (of "semi-annual", "annual"): a unit word starts no
            # window that holds a match its own window does not.
            "set_word": frozenset(lex.sets),
            "frequency": frozenset({"once", "twice", "thrice", "times"}),
            "rate": unit_words,
            "clock_ampm": frozenset({"am", "pm", "a", "p"}),

            "clock_24h": frozenset({"#clock"}),
            "clock_military": frozenset({"gmt", "utc", "z", "hrs", "hours", "local"}),
            "noon": frozenset({"noon", "midday", "midnight"}),
            "holiday": holiday_words,
            "ordinal_day": frozenset({"#digit"}),
            "same_period": frozenset({"year"}),
        }  # fmt: skip
        # How far an expression may reach before and after its trigger word.
        reach = {
            "year": (60, 12), "decade": (20, 4), "century": (40, 30), "quarter": (60, 60),
            "quarter_code": (10, 10), "season": (50, 20), "month": (50, 25),
            "month_day": (20, 30), "day_month": (30, 30), "month_year": (40, 30),
            "week_of": (30, 30), "relative_unit": (60, 20), "the_unit": (60, 30),
            "weekday": (25, 20), "weekdays": (5, 5), "deictic": (25, 25), "words": (30, 15),
            "ago": (90, 20), "duration": (90, 30), "range_duration": (90, 30),
            "bare_plural": (20, 5), "long_adjective": (5, 10), "every": (5, 60),
            "set_word": (5, 5), "frequency": (5, 70), "rate": (10, 10),
            "clock_ampm": (12, 60), "clock_24h": (10, 50), "clock_military": (12, 25),
            "noon": (15, 25), "holiday": (5, 30), "ordinal_day": (10, 10),
            "same_period": (40, 20), "iso": (12, 30), "numeric": (8, 12),
            "short_year": (5, 5), "decade_word": (25, 5),
        }  # fmt: skip
        sources, needs, heads = _rule_sources(lex, _trie_alt)
        self.rules = tuple(
            _Rule(name, triggers[name], *reach[name], pattern, handler)
            for name, pattern, handler in sources
        )
        # The rules' patterns for plain texts (see lazy_patterns_for): each rule's standard-
        # library form where ``re`` can express it (_plain_form), else its simple-case ``regex``
        # pattern; and the simple-case patterns, for the other texts with simple case folding.
        # None until compiled (compile_rule): the plain patterns are compiled here, but for
        # _LAZY_RULES'.
        self.plain_patterns: list[_Pattern | None] = [None] * len(self.rules)
        self.simple_patterns: list[regex.Pattern[str] | None] = [None] * len(self.rules)
        for index, rule in enumerate(self.rules):
            if rule.name not in _LAZY_RULES:
                self.compile_rule(index, self.plain_patterns)
        # Read in the lower-cased text, with the VERSION0 patterns only: in the texts those
        # read, a character matches a letter of theirs exactly when its lower case is the
        # letter.
        self.needs = tuple(
            re.compile(_ascii_digits(needs[rule.name]), re.VERBOSE) if rule.name in needs else None
            for rule in self.rules
        )
        # A head is where _AFTER_NO_WORD and the rule's lookahead hold. A rule's heads are two
        # patterns: one finds the character before each head (a pattern that starts with a
        # character class lets ``re`` skip to the characters that can start a match, where a
        # pattern that matches empty is tried at every position), the other (the lookahead
        # alone) tells whether the text's start is one.
        self.heads: tuple[_Heads | None, ...] = tuple(
            (
                re.compile(_ascii_digits(_BEFORE_WORD_START + heads[rule.name]), re.VERBOSE),
                re.compile(_ascii_digits(heads[rule.name]), re.VERBOSE),
            )
            if rule.name in heads
            else None
            for rule in self.rules
        )
        # For these rules the lookahead of the heads ends where a trigger word of the rule
        # ends (a unit, month, weekday, season or the last word of a phrase, each a whole
        # word and so a token; pinned by a test): the heads of a window are found in the text
        # up to its last trigger's end (its end less the rule's ``forward``), not up to the
        # window's end.
        ends_at_trigger = {"duration", "month", "weekday", "season", "relative_unit", "words"}
        self.heads_stop: tuple[int | None, ...] = tuple(
            rule.forward if rule.name in ends_at_trigger else None for rule in self.rules
        )
        self.handlers = tuple(rule.handler for rule in self.rules)
        # The full-case patterns are built from the same sources (their alternations hold no
        # groups), so their groups have the same numbers; read from the sources, without
        # compiling them (pinned by a test).
        self.group_numbers = tuple(
            types.MappingProxyType(_group_numbers(rule.source)) for rule in self.rules
        )
        self.ranks = {rule.name: rank for rank, rule in enumerate(self.rules)}
        # The rules each trigger word or feature starts, as (rule index, back, forward).
        by_key: dict[str, list[tuple[int, int, int]]] = {}
        for index, rule in enumerate(self.rules):
            for key in rule.triggers:
                by_key.setdefault(key, []).append((index, rule.back, rule.forward))
        self.word_rules = {k: tuple(v) for k, v in by_key.items() if k[0] != "#"}

        def rules_of(*keys: str) -> _RuleRefs:
            return tuple(sorted({entry for key in keys for entry in by_key.get(key, ())}))

        # By token kind (see _TOKEN_PATTERN, _feature_kind): a number is also #digit, a
        # four-digit one #year, one of one or two digits before a separator #part.
        # The trigger words as one standard-library pattern over the lower-cased text: it
        # skips the characters that cannot start one, where ``regex`` tries every position.
        # The lexicons' trigger words are lower-case ASCII; any other would need _scan_tokens.
        # A word not after a letter is found with the character before it (group 1 is the
        # word): a pattern that starts with a character class lets ``re`` skip to the
        # characters that can start a match. trigger_word_at_start reads the text's start.
        words = [w for w in self.word_rules if w.isalpha() and w.islower()]
        ascii_words = all(w.isascii() for w in self.word_rules)
        word = f"({_trie_alt(words)})(?!{_LETTER_CLASS})"
        self.trigger_word_pattern = (
            re.compile(f"[^{_LETTER_CLASS[1:-1]}]" + word) if ascii_words else None
        )
        self.trigger_word_at_start = re.compile(word)
        self.token_rules: dict[str | None, _RuleRefs] = {
            "year": rules_of("#year", "#digit"),
            "digit": rules_of("#digit"),
            "part": rules_of("#part", "#digit"),
            "decade": rules_of("#decade", "#digit"),
            "clock": rules_of("#clock", "#digit"),
            "code": rules_of("#code"),
            "short": rules_of("#short"),
        }

    def compile_rule(self, index: int, patterns: Sequence[_Pattern | None]) -> _Pattern:
        """The pattern of rule ``index`` in ``patterns`` (plain_patterns or simple_patterns),
        compiled on first use."""
        found = patterns[index]
        if found is not None:
            return found
        if patterns is self.plain_patterns:
            plain = _plain_form(self.rules[index].source)
            if plain is not None:
                self.plain_patterns[index] = plain
                return plain
        simple = self._simple(index)
        if patterns is self.plain_patterns:
            self.plain_patterns[index] = simple
        return simple

    def _simple(self, index: int) -> regex.Pattern[str]:
        pattern = self.simple_patterns[index]
        if pattern is None:
            pattern = self.simple_patterns[index] = self.rules[index].pattern
        return pattern

    @functools.cached_property
    def patterns(self) -> tuple[regex.Pattern[str], ...]:
        """The rules' patterns with simple case folding, all compiled."""
        return tuple(self._simple(index) for index in range(len(self.rules)))

    @functools.cached_property
    def full_case_patterns(self) -> tuple[regex.Pattern[str], ...]:
        """The rules' patterns with full case folding, compiled on first use."""
        return tuple(
            regex.compile(pattern, _FULL_CASE_FLAGS)
            for _, pattern, _ in _rule_sources(self.lex, _alt)[0]
        )

    def patterns_for(self, text: str) -> tuple[regex.Pattern[str], ...]:
        """The rules' patterns to read ``text`` with: those with simple case folding unless a
        character of the text may fold to several."""
        if _FULL_CASE_RISK_PATTERN.search(text) is None:
            return self.patterns
        return self.full_case_patterns

    def lazy_patterns_for(self, text: str) -> Sequence[_Pattern | None]:
        """The patterns to read ``text`` with, None for one not compiled yet (compile_rule):
        the full-case patterns as patterns_for reads it with; else the plain patterns (the
        same matches, pinned by a test), but for a text holding the one character of
        _SIMPLE_CASE_RANGES that ``re`` matches to a letter of a pattern where ``regex`` does
        not (_DOTLESS_I), read with the simple-case patterns."""
        if _FULL_CASE_RISK_PATTERN.search(text) is not None:
            return self.full_case_patterns
        if _DOTLESS_I in text:
            return self.simple_patterns
        return self.plain_patterns

    # ------------------------------------------------------------------ helpers

    def _candidate(
        self,
        match: _Match,
        kind: DateKind,
        resolve: _Resolver,
        *,
        start: int | None = None,
        end: int | None = None,
        anchored: bool = False,
        rule: str = "",
    ) -> _Candidate:
        # Positional arguments: a named tuple is slower to build from keywords.
        return _Candidate(
            match.start() if start is None else start,
            match.end() if end is None else end,
            kind,
            resolve,
            anchored,
            self.ranks.get(rule, 0),
        )

    def _month_number(self, word: str) -> int | None:
        return self.lex.months.get(word.casefold().rstrip("."))

    # ------------------------------------------------------------------ absolute dates

    def _iso(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        try:
            day = datetime.date(
                int(match[group["y"]]), int(match[group["m"]]), int(match[group["d"]])
            )
        except ValueError:
            return
        if match[group["H"]] is None:
            yield self._candidate(match, "date", _fixed_day(day), rule="iso")
            return
        hour, minute = int(match[group["H"]]), int(match[group["M"]])
        if hour > 24 or minute > 59:
            return
        zone = "Z" if match[group["z"]] == "Z" else ""
        value = f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"
        yield self._candidate(match, "time", _fixed(value, "minute"), rule="iso")

    def _numeric(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        first, second = int(match[group["a"]]), int(match[group["b"]])
        if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
            return
        if match[group["sep"]] != "/" and len(match[group["y"]]) == 2:
            return  # 1.5.10 is a version number more often than a date
        day = _parse_numeric_date(match.group())
        if day is None:
            return
        yield self._candidate(match, "date", _fixed_day(day), rule="numeric")

    def _month_day(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        month_word = match[group["mon"]]
        if not _capitalized(month_word):
            return
        if match[group["wd"]] and not _capitalized(match[group["wd"]]):
            return
        month = self._month_number(month_word)
        day = int(match[group["day"]])
        if month is None or not 1 <= day <= 31:
            return
        if day > (29 if month == 2 else 30 if month in {4, 6, 9, 11} else 31):
            return
        rule = "month_day" if match.start(group["mon"]) < match.start(group["day"]) else "day_month"
        # The capital checked above is what keeps "3 may" out; the lexicon's need_cue words
        # ("may", "march") need a cue only when the month stands alone (_month).
        weekday = (
            self.lex.weekdays.get(match[group["wd"]].casefold()) if match[group["wd"]] else None
        )
        if match[group["y"]]:
            try:
                fixed = datetime.date(int(match[group["y"]]), month, day)
            except ValueError:
                return
            yield self._candidate(match, "date", _fixed_day(fixed), rule=rule)
            return

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if reference is None:
                return _UNRESOLVED

            def start_of(year: int) -> datetime.date | None:
                candidate = datetime.date(year, month, day)
                if weekday is not None and candidate.isoweekday() != weekday:
                    return None
                return candidate

            year = timex.choose_year(
                reference, start_of, key_now=reference, tense=scope.tense(), spread=1
            )
            if year is None and weekday is not None:
                year = timex.choose_year(
                    reference,
                    lambda y: datetime.date(y, month, day),
                    key_now=reference,
                    tense=scope.tense(),
                )
            if year is None:
                # February 29 far from a leap year: the latest one on or before the reference.
                year = next(
                    (y for y in range(reference.year, reference.year - 8, -1) if _leap(y)), None
                )
                if year is None:
                    return _UNRESOLVED
            return _day(datetime.date(year, month, day))

        yield self._candidate(match, "date", resolve, rule=rule)

    def _month_year(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        if not _capitalized(match[group["mon"]]):
            return
        month = self._month_number(match[group["mon"]])
        if month is None:
            return
        value = timex.month_value(int(match[group["y"]]), month)
        yield self._candidate(match, "date", _fixed(value), rule="month_year")

    def _month(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        word = match[group["mon"]]
        if not _capitalized(word):
            return
        month = self._month_number(word)
        if month is None:
            return
        rel = _norm(match[group["rel"]])
        rely = _norm(match[group["rely"]])
        following = _OF_RELATIVE_YEAR_PATTERN.match(text, match.end(), match.end() + 30)
        if following and not rely:
            rely = following.group(1).casefold()
        if not (rel or rely or match[group["part"]]):
            before = _word_before(text, match.start())
            cue = before.casefold() in self.lex.cues
            if word.casefold() in self.lex.need_cue and not cue:
                return
            if not cue and _capitalized(before) and not _at_sentence_start(text, match.start()):
                return  # Theresa May, Prime Minister March
            if _capitalized(_word_after(text, match.end())) and not cue:
                return  # April Smith, August Busch

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if reference is None:
                return _UNRESOLVED
            year0, now = reference.year, reference.month
            if rely:
                year = year0 + {"last": -1, "next": 1}.get(rely, 0)
            elif rel in {"last", "the past", "this past", "the previous"}:
                year = year0 if month < now else year0 - 1
            elif rel in {"next", "the coming", "this coming", "the following"}:
                year = year0 if month > now else year0 + 1
            elif rel == "this":
                year = year0
            else:
                found = timex.choose_year(
                    reference,
                    lambda y: datetime.date(y, month, 1),
                    key_now=datetime.date(year0, now, 1),
                    tense=scope.tense(),
                )
                if found is None:
                    return _UNRESOLVED
                year = found
            return _calendar(timex.month_value(year, month))

        yield self._candidate(match, "date", resolve, rule="month")

    def _week_of(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        month = self._month_number(match[group["mon"]])
        if month is None:
            return
        ordinal = _ordinal(match[group["ord"]]) or -1
        fixed_year = int(match[group["y"]]) if match[group["y"]] else None

        def resolve(scope: _Scope) -> _Value:
            year = fixed_year
            if year is None:
                if scope.reference is None:
                    return _UNRESOLVED
                year = timex.choose_year(
                    scope.reference,
                    lambda y: datetime.date(y, month, 1),
                    key_now=scope.reference.replace(day=1),
                    tense=scope.tense(),
                )
                if year is None:
                    return _UNRESOLVED
            if ordinal > 0:
                day = datetime.date(year, month, 1) + datetime.timedelta(days=7 * (ordinal - 1))
            else:
                next_year, next_month = timex.add_months(year, month, 1)
                day = datetime.date(next_year, next_month, 1) - datetime.timedelta(days=7)
            return _Value(timex.week_value(day), "week")

        yield self._candidate(match, "date", resolve, rule="week_of")

    def _year(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        year = int(match[group["y"]])
        before = _word_before(text, match.start()).casefold()
        after = _word_after(text, match.end()).casefold()
        plain = not (match[group["part"]] or match[group["theyear"]] or match[group["fiscal"]])
        if plain:
            if before in self.lex.not_year_before or before.rstrip(".") in self.lex.not_year_before:
                return
            if after in self.lex.not_year_after:
                return
            if year < 1900 and before not in self.lex.cues:
                return
            if (
                len(after) >= 4
                and after.isalpha()
                and after.islower()
                and after.endswith("s")
                and not after.endswith(("ss", "us", "is", "as"))
                and before not in self.lex.determiners
            ):
                return  # 2000 soldiers, 1500 homes
            if (
                text[match.end() : match.end() + 1] in {":", "-"}
                and text[match.end() + 1 : match.end() + 2].isdigit()
            ) and not _YEAR_RANGE_END_PATTERN.match(text, match.end(), match.end() + 6):
                return
        if match[group["fiscal"]]:
            yield self._candidate(match, "date", _fixed(f"FY{year}", "year"), rule="year")
            return
        yield self._candidate(match, "date", _fixed(f"{year:04d}", "year"), rule="year")

    def _short_year(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        before = _word_before(text, match.start())
        if before.casefold() not in self.lex.cues and not _capitalized(before):
            return
        two = int(match[group["yy"]])

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if reference is None:
                return _calendar(f"{(1900 if two > 30 else 2000) + two:04d}")
            century = reference.year // 100 * 100
            year = century + two if century + two <= reference.year + 10 else century - 100 + two
            return _calendar(f"{year:04d}")

        yield self._candidate(match, "date", resolve, rule="short_year")

    def _decade(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        if match[group["d2"]] is not None:
            if not (match[group["the"]] or match[group["part"]]):
                return
            before = _word_before(text, match.start()).casefold()
            if before in {"their", "his", "her", "my", "your", "our", "its", "late", "early"}:
                return
        if match[group["c"]]:
            value = f"{match[group['c']]}{match[group['d']]}"
            yield self._candidate(match, "date", _fixed(value, "decade"), rule="decade")
            return
        digit = int(match[group["dd"]] or match[group["d2"]])

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if reference is None:
                return _Value(f"19{digit}", "decade")
            century = reference.year // 100
            if century * 100 + digit * 10 > reference.year:
                century -= 1
            return _Value(f"{century:02d}{digit}", "decade")

        yield self._candidate(match, "date", resolve, rule="decade")

    def _decade_word(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        digit = [
            "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
            "nineties",
        ].index(match[group["w"]].casefold()) + 2  # fmt: skip
        yield self._candidate(match, "date", _fixed(f"19{digit}", "decade"), rule="decade_word")

    def _century(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        number = _ordinal(match[group["n"]])
        if number is None or not 1 <= number <= 30:
            return
        yield self._candidate(match, "date", _fixed(f"{number - 1:02d}", "century"), rule="century")

    def _quarter(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = match[group["unit"]].casefold()
        size = 4 if unit == "quarter" else 2
        letter = "Q" if unit == "quarter" else "H"
        ordinal_word = (match[group["ord"]] or "").casefold()
        adj = _norm(match[group["adj"]])
        year_text = match[group["y1"]] or match[group["y2"]] or match[group["y3"]]
        rel_year = _norm(match[group["rely"]] or match[group["rel2"]])
        has_year = bool(year_text or rel_year)
        if not (ordinal_word or adj or match[group["the"]]):
            return
        if unit == "half" and not has_year:
            return  # "the first half" of a match
        if not (ordinal_word or adj or has_year) and _word_before(
            text, match.start()
        ).casefold() not in {"in", "during", "for", "over"}:
            return
        ordinal = _ordinal(ordinal_word) if ordinal_word else None
        if ordinal == -1 and has_year:
            ordinal = size
        if ordinal is not None and ordinal > size:
            return

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if year_text:
                year: int | None = int(year_text)
            elif reference is None:
                return _UNRESOLVED
            elif rel_year in {"last", "the previous"}:
                year = reference.year - 1
            elif rel_year in {"next", "the following"}:
                year = reference.year + 1
            elif rel_year:
                year = reference.year
            else:
                year = None
            if year is not None and ordinal is not None and ordinal > 0:
                return _calendar(f"{year:04d}-{letter}{ordinal}")
            if reference is None:
                return _UNRESOLVED
            current = (reference.month - 1) * size // 12 + 1
            if unit == "quarter" and (ordinal is None or ordinal == -1):
                shift = {
                    "year-earlier": -4, "year-ago": -4, "latest": -1, "most recent": -1,
                    "previous": -1, "prior": -1, "past": -1, "next": 1, "coming": 1,
                }.get(adj, 0)  # fmt: skip
                if ordinal == -1:
                    shift = -1
                value, _ = timex.shift_value(reference, "quarter", shift)
                return _calendar(value)
            if ordinal is None or ordinal < 1:
                return _UNRESOLVED
            if adj in {"year-earlier", "year-ago"}:
                return _calendar(f"{reference.year - 1:04d}-{letter}{ordinal}")
            tense = scope.tense()
            year = reference.year
            if tense == "past" and ordinal > current:
                year -= 1
            elif tense == "future" and ordinal < current:
                year += 1
            return _calendar(f"{year:04d}-{letter}{ordinal}")

        yield self._candidate(match, "date", resolve, rule="quarter")

    def _quarter_code(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        number = int(match[group["n"]])
        letter = match[group["unit"]]
        if letter == "H" and number > 2:
            return
        year_text = match[group["y1"]] or match[group["y2"]]
        if year_text is None:
            if letter == "H":
                return

            def resolve(scope: _Scope) -> _Value:
                if scope.reference is None:
                    return _UNRESOLVED
                year = scope.reference.year
                current = (scope.reference.month - 1) // 3 + 1
                if scope.tense() == "past" and number > current:
                    year -= 1
                return _calendar(f"{year:04d}-Q{number}")

            yield self._candidate(match, "date", resolve, rule="quarter_code")
            return
        digits = year_text.lstrip("'’")
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        value = f"{year:04d}-{letter}{number}"
        yield self._candidate(match, "date", _fixed(value), rule="quarter_code")

    def _season(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        word = match[group["season"]].casefold()
        rel = _norm(match[group["rel"]])
        code = self.lex.seasons[word]
        before = _word_before(text, match.start()).casefold()
        if match[group["season"]][0].isupper() and not _at_sentence_start(
            text, match.start(group["season"])
        ):
            after = _word_after(text, match.end())
            if _capitalized(after) or _capitalized(
                _word_before(text, match.start(group["season"]))
            ):
                return  # the Arab Spring, the Winter Olympics
        if not match[group["y"]] and not _season_allowed(
            word, rel, before, bool(match[group["part"]])
        ):
            return
        if rel in {"the", "that"} and word not in {"fall", "spring"}:
            after = _word_after(text, match.end()).casefold()
            if after == "of" and not match[group["y"]]:
                return
        order = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}
        wanted = order[code]
        if match[group["y"]]:
            yield self._candidate(
                match, "date", _fixed(f"{match[group['y']]}-{code}", "season"), rule="season"
            )
            return

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if reference is None:
                return _UNRESOLVED
            month = reference.month
            current = 0 if month <= 2 else (month - 3) // 3 + 1
            year = reference.year
            if rel in {"last", "the past", "this past"}:
                year = year if wanted < current else year - 1
            elif rel in {"next", "the coming", "this coming"}:
                year = year if wanted > current else year + 1
            elif rel != "this":
                tense = scope.tense()
                if tense == "past" and wanted > current:
                    year -= 1
                elif tense == "future" and wanted < current:
                    year += 1
            return _Value(f"{year:04d}-{code}", "season")

        yield self._candidate(match, "date", resolve, rule="season")

    # ------------------------------------------------------------------ relative dates

    def _relative_unit(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        rel = _norm(match[group["rel"]]).replace("very ", "")
        unit = _norm(match[group["unit"]])
        the = rel.startswith("the ")
        word = rel.removeprefix("the ")
        fiscal = unit.endswith(" year") and unit != "year"
        if fiscal:
            unit = "year"
        if unit == "day":
            if word in {"current", "present"}:
                yield self._candidate(
                    match, "date", _fixed("PRESENT_REF", None), rule="relative_unit"
                )
                return
            if word in {"last", "this", "this past", "this coming", "past", "prior"} and not (
                the and word == "past"
            ):
                return
        if unit == "fortnight" and word not in {"past", "last", "next", "coming"}:
            return
        # "the past week", "the past decade": a stretch of time, not a calendar unit.
        if the and word in {"past", "preceding"} and unit != "weekend":
            amount = 2 if unit == "fortnight" else 1
            unit_name = "week" if unit == "fortnight" else unit
            value = timex.duration_value(amount, unit_name)
            granularity = timex.UNIT_GRANULARITY[unit_name]
            yield self._candidate(
                match, "duration", _fixed(value, granularity), rule="relative_unit"
            )
            return
        if the and word == "next" and unit in {"decade", "century"}:
            value = timex.duration_value(1, unit)
            granularity = timex.UNIT_GRANULARITY[unit]
            yield self._candidate(
                match, "duration", _fixed(value, granularity), rule="relative_unit"
            )
            return
        if unit == "fortnight":
            unit = "week"
        offset = {
            "this": 0, "current": 0, "present": 0, "same": 0, "last": -1, "past": -1,
            "previous": -1, "preceding": -1, "prior": -1, "this past": -1, "next": 1,
            "coming": 1, "upcoming": 1, "following": 1, "this coming": 1,
        }[word]  # fmt: skip
        anchored = (the and word in {"next", "previous", "following", "same", "prior"}) or (
            word == "same"
        )
        if unit == "day" and not anchored and word not in {"past"}:
            anchored = True

        def resolve(scope: _Scope) -> _Value:
            base = scope.anchor_day() if anchored else scope.reference
            if base is None:
                return _UNRESOLVED
            value, _ = timex.shift_value(base, unit, offset)
            if fiscal:
                return _Value("FY" + value, "year")
            return _calendar(value)

        yield self._candidate(match, "date", resolve, anchored=anchored, rule="relative_unit")

    def _the_unit(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        det = _norm(match[group["det"]]).replace("very ", "")
        unit = match[group["unit"]].casefold()
        before = _word_before(text, match.start()).casefold()
        if det == "the" and not (match[group["adj"]] or match[group["part"]]):
            allowed = {
                "day": {"end", "ended", "ending", "ends", "close", "closed", "closing", "closes",
                        "finish", "finished", "finishing", "finishes", "for", "during", "over",
                        "throughout", "on", "that", "all", "later", "earlier", "rest"},
                "weekend": {"over", "during", "at", "on", "for", "this", "in", "through", "by"},
            }.get(unit, {"for", "during", "over", "throughout", "in", "ended", "ending",
                         "ends", "end", "through", "all"})  # fmt: skip
            if before not in allowed:
                return
            after = _word_after(text, match.end()).casefold()
            if unit != "weekend" and after in {"before", "after", "when", "of", "that", "in"}:
                return
        if unit == "weekend":

            def weekend(scope: _Scope) -> _Value:
                reference = scope.reference
                if reference is None:
                    return _UNRESOLVED
                if scope.tense() == "future" or reference.isoweekday() >= 6:
                    day = reference
                else:
                    day = reference - datetime.timedelta(days=7)
                return _Value(timex.week_value(day) + "-WE", "week")

            yield self._candidate(match, "date", weekend, rule="the_unit")
            return
        granularity = timex.UNIT_GRANULARITY[unit]

        def resolve(scope: _Scope) -> _Value:
            if granularity == "day":
                day = scope.anchor_day()
                return _UNRESOLVED if day is None else _day(day)
            anchor = scope.anchor_calendar(granularity)
            if anchor is None:
                return _UNRESOLVED
            return _calendar(_unit_value(anchor[1], granularity))

        yield self._candidate(match, "date", resolve, anchored=True, rule="the_unit")

    def _weekday(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        word = match[group["wd"]]
        if not _capitalized(word):
            return
        before = _word_before(text, match.start())
        if before.casefold() in self.lex.weekday_not_after and _capitalized(before):
            return
        weekday = self.lex.weekdays[word.casefold()]
        rel = _norm(match[group["rel"]])
        part = self.lex.parts_of_day.get((match[group["pod"]] or "").casefold())
        anchored = rel in {"the following", "the previous"}

        def resolve(scope: _Scope) -> _Value:
            base = scope.anchor_day() if anchored else scope.reference
            if base is None:
                return _UNRESOLVED
            how = {
                "last": "before", "this past": "before", "the previous": "before",
                "next": "after", "this coming": "after", "the coming": "after",
                "the following": "after", "this": "this_week",
            }.get(rel)  # fmt: skip
            if how is None:
                how = "on_or_after" if scope.tense() == "future" else "on_or_before"
            day = timex.weekday_on(base, weekday, how)
            if part:
                return _Value(f"{day.isoformat()}T{part}", "day", day)
            return _day(day)

        kind: DateKind = "time" if part else "date"
        yield self._candidate(match, kind, resolve, anchored=anchored, rule="weekday")

    def _deictic(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        word = (match[group["word"]] or match[group["this"]]).casefold()
        pod_word = (match[group["pod"]] or match[group["pod2"]] or "").casefold()
        part = self.lex.parts_of_day.get(pod_word)
        offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}.get(word)
        if word == "last":
            if pod_word not in {"night", "evening"}:
                return
            offset = -1
        if word == "tonight":
            part = part or "NI"
        if offset is None:
            return
        if not (match[group["mod"]] or part):
            return  # plain today/yesterday: the words rule

        yield self._candidate(
            match, "time" if part else "date", _days_from_reference(offset, part), rule="deictic"
        )

    def _words(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        phrase = _norm(match[group["w"]])
        spec = self.lex.words.get(phrase)
        if spec is None:
            return
        # The word after is read only for the phrases whose checks need it.
        after = (
            _word_after(text, match.end()).casefold()
            if phrase in {"the past", "the future", "the present", "current", "recent"}
            else ""
        )
        if phrase in {"the past", "the future", "the present"}:
            function_words = {
                "and", "or", "but", "is", "was", "will", "when", "that", "of", "to", "in",
                "for", "with", "as", "at", "by", "on", "has", "had", "have", "be", "been",
                "are", "were", "it", "this", "they", "he", "she", "we", "i", "from",
                "than", "",
            }  # fmt: skip
            if after and after not in function_words and after[0].islower():
                return
        if phrase == "now" and text[match.end() : match.end() + 1] == "-":
            return
        if phrase in {"current", "recent"} and after in {"account", "affairs", "events"}:
            return
        if phrase == "just now" or phrase.startswith(("the long", "the short", "the medium")):
            before = _word_before(text, match.start()).casefold()
            if phrase != "just now" and before not in {"in", "over", "for", "during"}:
                return
        if not spec.startswith("day:"):
            yield self._candidate(match, "date", _fixed(spec, None), rule="words")
            return
        pieces = spec.split(":")
        offset = int(pieces[1])
        part = pieces[2] if len(pieces) > 2 else None

        yield self._candidate(
            match, "time" if part else "date", _days_from_reference(offset, part), rule="words"
        )

    def _ago(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = self.lex.units[_norm(match[group["unit"]])]
        direction = _norm(match[group["dir"]])
        qty = _norm(match[group["qty"]])
        amount = 1.0 if qty in {"a", "an"} else _parse_number(match[group["qty"]])
        if match.group().casefold().rstrip().endswith("and a half ago") or " and a half " in (
            match.group().casefold()
        ):
            amount = None if amount is None else amount + (0.0 if "half" in qty else 0.5)
        sign = 1 if direction in {"later", "from now", "hence"} else -1
        anchored = direction in {"later", "earlier", "previously"}
        if qty == "some" and amount is None:
            amount = None

        def resolve(scope: _Scope) -> _Value:
            if amount is None:
                return _Value("FUTURE_REF" if sign > 0 else "PAST_REF")
            base = scope.anchor_day() if anchored else scope.reference
            if base is None or unit in {"hour", "minute", "second"}:
                return _UNRESOLVED
            steps = round(amount)
            if unit == "year" and amount != steps:
                value, _ = timex.shift_value(base, "month", sign * round(amount * 12))
                return _calendar(value)
            value, _ = timex.shift_value(base, unit, sign * steps)
            return _calendar(value)

        yield self._candidate(match, "date", resolve, anchored=anchored, rule="ago")

    def _same_period(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = match[group["unit"]].casefold()

        def resolve(scope: _Scope) -> _Value:
            anchor = scope.anchor_calendar()
            if anchor is None:
                return _UNRESOLVED
            granularity, day = anchor
            if unit in {"month", "quarter", "week", "day", "year"}:
                granularity = timex.UNIT_GRANULARITY[unit]
            try:
                day = day.replace(year=day.year - 1)
            except ValueError:
                day = day.replace(year=day.year - 1, day=28)
            return _calendar(_unit_value(day, granularity))

        yield self._candidate(match, "date", resolve, anchored=True, rule="same_period")

    # ------------------------------------------------------------------ durations and sets

    def _duration(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = self.lex.units[_norm(match[group["unit"]])]
        qty = _norm(match[group["qty"]])
        rel = _norm(match[group["rel"]])
        before = _word_before(text, match.start()).casefold()
        if qty == "few" and not (match[group["the"]] or match[group["approx"]]):
            return
        if qty in {"a", "an", "single"}:
            if unit in {"second", "quarter", "night"}:
                return
            if rel or (match[group["the"]] and qty in {"a", "an"}):
                return
            if before in {"once", "twice", "thrice", "times", "per"} or (
                before and (before[0].isdigit() or before in {"million", "billion", "dollars"})
            ):
                return  # a rate: 15 a year
        if (
            qty == "one"
            and unit == "day"
            and not match[group["approx"]]
            and not match[group["the"]]
        ):
            after = _word_after(text, match.end()).casefold()
            if after in {"he", "she", "they", "we", "i", "it", "you", "when", "the", "after"}:
                return  # "one day he ..." names no duration
        tail = text[match.end() : match.end() + 40]
        old = _OLD_PATTERN.match(tail)
        if old:
            after = _word_after(text, match.end() + old.end()).casefold()
            if old["s"] or not after or after in self.lex.age_nouns or not after.isalpha():
                return  # a 59-year-old man: an age
            if not after[0].islower():
                return
        if _AGE_AFTER_PATTERN.match(tail):
            return
        if unit == "quarter" and (_OF_PATTERN.match(tail) or qty in {"a", "an", "three"}):
            return  # three quarters of the vote
        if unit == "weekend":
            return
        if (
            match[group["sep"]]
            and "-" in match[group["sep"]]
            and match[group["unit"]].casefold().endswith("s")
        ):
            return
        amount = 1.0 if qty in {"a", "an", "single"} else _parse_number(match[group["qty"]])
        if match[group["half"]] and amount is not None:
            amount += 0.5
        if amount is not None and amount > 100000:
            return
        value = timex.duration_value(amount, unit)
        end = match.end() + (old.end() if old else 0)
        # "the" belongs to "the past three years", not to "the two-year-old ceasefire".
        start = match.start(group["qty"]) if match[group["the"]] and not rel else match.start()
        granularity = timex.UNIT_GRANULARITY[unit]
        yield self._candidate(
            match, "duration", _fixed(value, granularity), start=start, end=end, rule="duration"
        )

    def _range_duration(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = self.lex.units[_norm(match[group["unit"]])]
        first, second = _parse_number(match[group["n1"]]), _parse_number(match[group["n2"]])
        if first is None or second is None or first >= second or unit == "weekend":
            return
        if unit in {"year"} and first >= 1000:
            return
        granularity = timex.UNIT_GRANULARITY[unit]
        yield self._candidate(
            match,
            "duration",
            _fixed(timex.duration_value(first, unit), granularity),
            end=match.end(group["n1"]),
            rule="range_duration",
        )
        yield self._candidate(
            match,
            "duration",
            _fixed(timex.duration_value(second, unit), granularity),
            start=match.start(group["n2"]),
            rule="range_duration",
        )

    def _bare_plural(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = self.lex.units[match[group["unit"]].casefold()]
        if match[group["the"]] and _word_before(text, match.start()).casefold() not in {
            "over", "through", "throughout", "across"
        }:  # fmt: skip
            return
        after = _word_after(text, match.end()).casefold()
        if after in {"ago", "old", "later", "earlier"}:
            return
        value = timex.duration_value(None, unit)
        yield self._candidate(
            match, "duration", _fixed(value, timex.UNIT_GRANULARITY[unit]), rule="bare_plural"
        )

    def _long_adjective(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        word = match[group["unit"]].casefold()
        unit = self.lex.units[word]
        plural = word != unit
        if match[group["what"]].casefold() == "old" and not plural:
            return
        value = timex.duration_value(None if plural else 1, unit)
        yield self._candidate(
            match, "duration", _fixed(value, timex.UNIT_GRANULARITY[unit]), rule="long_adjective"
        )

    def _every(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        what = match[group["what"]]
        key = what.casefold()
        other = (match[group["other"]] or "").casefold() == "other"
        amount = _parse_number(match[group["n"]]) if match[group["n"]] else 1.0
        if amount is None:
            return
        if other:
            amount *= 2
        if match[group["q"]].casefold() == "per" and key not in self.lex.units:
            return
        if key in self.lex.units:
            unit = self.lex.units[key]
            value = "XXXX-WXX-WE" if unit == "weekend" else timex.duration_value(amount, unit)
        elif key in self.lex.weekday_names:
            if not _capitalized(what):
                return
            value = f"XXXX-WXX-{self.lex.weekdays[key]}"
        elif key in self.lex.month_names:
            if not _capitalized(what):
                return
            value = f"XXXX-{self.lex.months[key]:02d}"
        elif key in self.lex.parts_of_day:
            value = f"XXXX-XX-XXT{self.lex.parts_of_day[key]}"
        elif key in self.lex.seasons:
            value = f"XXXX-{self.lex.seasons[key]}"
        else:
            return
        yield self._candidate(match, "set", _fixed(value, None), rule="every")

    def _set_word(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        word = match[group["w"]]
        if word[0].isupper() and not _at_sentence_start(text, match.start()):
            return  # the Daily Telegraph, The Weekly Standard
        if word[0].isupper() and _capitalized(_word_after(text, match.end())):
            return
        value = self.lex.sets[word.casefold()]
        yield self._candidate(match, "set", _fixed(value, None), rule="set_word")

    def _frequency(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = self.lex.units[_norm(match[group["unit"]])]
        if unit == "weekend":
            return
        yield self._candidate(
            match, "set", _fixed(timex.duration_value(1, unit), None), rule="frequency"
        )

    def _rate(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        unit = self.lex.units[match[group["unit"]].casefold()]
        yield self._candidate(
            match, "set", _fixed(timex.duration_value(1, unit), None), rule="rate"
        )

    def _weekdays(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        word = match[group["wd"]]
        if not _capitalized(word):
            return
        value = f"XXXX-WXX-{self.lex.weekdays[word.casefold()]}"
        yield self._candidate(match, "set", _fixed(value, None), rule="weekdays")

    # ------------------------------------------------------------------ times

    def _clock(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        hour = int(match[group["h"]])
        minute = int(match[group["m"]]) if match[group["m"]] else 0
        ampm_text = match[group["ampm"]] if "ampm" in group else None
        ampm = (ampm_text or "").casefold().replace(".", "").replace(" ", "")
        zone_text = (match[group["tz"]] or "").strip()
        if ampm:
            if not 1 <= hour <= 12:
                return
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        elif not zone_text:
            before = _word_before(text, match.start()).casefold()
            if before not in {"at", "by", "until", "till", "before", "after", "around", "about",
                              "from", "since", "approximately", "to", "and"}:  # fmt: skip
                return
        zone = "Z" if _UTC_PATTERN.fullmatch(zone_text) else ""
        dayword = match[group["dayw"]]
        rule = "clock_ampm" if ampm else "clock_24h"
        day_resolver = self._day_resolver(dayword) if dayword else None

        def resolve(scope: _Scope) -> _Value:
            day = day_resolver(scope) if day_resolver is not None else scope.sentence_day()
            if day is None:
                return _UNRESOLVED
            value = f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"
            return _Value(value, "minute", day)

        yield self._candidate(match, "time", resolve, anchored=True, rule=rule)

    def _noon(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        clock = "12:00" if match[group["w"]].casefold() in {"noon", "midday"} else "24:00"
        dayword = match[group["dayw"]]
        day_resolver = self._day_resolver(dayword) if dayword else None

        def resolve(scope: _Scope) -> _Value:
            day = day_resolver(scope) if day_resolver is not None else scope.sentence_day()
            if day is None:
                return _UNRESOLVED
            return _Value(f"{day.isoformat()}T{clock}", "minute", day)

        yield self._candidate(match, "time", resolve, anchored=True, rule="noon")

    def _day_resolver(self, word: str) -> Callable[[_Scope], datetime.date | None]:
        key = word.casefold()
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(key)
        weekday = self.lex.weekdays.get(key)

        def day(scope: _Scope) -> datetime.date | None:
            reference = scope.reference
            if reference is None:
                return None
            if offset is not None:
                return reference + datetime.timedelta(days=offset)
            assert weekday is not None
            how = "on_or_after" if scope.tense() == "future" else "on_or_before"
            return timex.weekday_on(reference, weekday, how)

        return day

    # ------------------------------------------------------------------ holidays, ordinals

    def _holiday(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        name = match[group["h"]]
        if not _capitalized(name):
            return
        spec = self.lex.holidays[_norm(name).replace("’", "'")]
        if match[group["y"]]:
            day = _holiday_day(spec, int(match[group["y"]]))
            if day is None:
                return
            yield self._candidate(match, "date", _fixed_day(day), rule="holiday")
            return

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if reference is None:
                return _UNRESOLVED
            year = timex.choose_year(
                reference,
                lambda y: _holiday_day(spec, y),
                key_now=reference,
                tense=scope.tense(),
            )
            day = None if year is None else _holiday_day(spec, year)
            return _UNRESOLVED if day is None else _day(day)

        yield self._candidate(match, "date", resolve, rule="holiday")

    def _ordinal_day(self, match: _Match, text: str, group: _Groups) -> Iterator[_Candidate]:
        day_number = int(match[group["d"]])
        after = _word_after(text, match.end())
        if after and after[0].islower() and after not in {"and", "or", "of", "at", "when"}:
            return  # on the 15th floor

        def resolve(scope: _Scope) -> _Value:
            reference = scope.reference
            if reference is None:
                return _UNRESOLVED
            candidates = []
            for shift in (-1, 0, 1):
                year, month = timex.add_months(reference.year, reference.month, shift)
                try:
                    candidates.append(datetime.date(year, month, day_number))
                except ValueError:
                    continue
            if not candidates:
                return _UNRESOLVED
            tense = scope.tense()
            if tense == "future":
                pool = [c for c in candidates if c >= reference] or candidates
                return _day(min(pool))
            pool = [c for c in candidates if c <= reference] or candidates
            return _day(max(pool))

        yield self._candidate(match, "date", resolve, rule="ordinal_day")


def _season_allowed(word: str, rel: str, before: str, has_part: bool) -> bool:
    """Whether a season word without a year is a date: ``fall`` and ``spring`` are also a
    verb and a noun, so they need a determiner or a preposition that makes them seasons."""
    if word == "fall" and rel in {"", "the", "that", "early", "late"}:
        in_the_fall = rel == "the" and before in {"in", "during", "by", "until", "since"}
        return in_the_fall or (has_part and rel in {"the", "that"})
    if word == "spring" and not rel and not has_part:
        return before in {"in", "by", "until", "since", "during", "this", "last", "next", "till"}
    return True


def _norm(text: str | None) -> str:
    if not text:
        return ""
    # Letters and digits with single spaces between them (most groups) hold no run of white
    # space to squeeze.
    if "  " in text or not text.replace(" ", "").isalnum():
        text = _SPACES_PATTERN.sub(" ", text)
    return text.strip().casefold().replace("’", "'")


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _holiday_day(spec: str, year: int) -> datetime.date | None:
    """The day a holiday spec (``12-25``, ``easter+1``, ``nth:11:4:4``, ``last:5:1``) gives."""
    try:
        if spec.startswith("easter"):
            return timex.easter(year) + datetime.timedelta(days=int(spec[6:] or 0))
        if spec.startswith("nth:"):
            _, month, weekday, n = spec.split(":")
            return timex.nth_weekday(year, int(month), int(weekday), int(n))
        if spec.startswith("last:"):
            _, month, weekday = spec.split(":")
            return timex.nth_weekday(year, int(month), int(weekday), -1)
        month, day = spec.split("-")
        return datetime.date(year, int(month), int(day))
    except (ValueError, OverflowError):
        return None


@functools.cache
def _grammar() -> _Grammar:
    return _Grammar()


register_cache(_grammar.cache_clear)

# ----------------------------------------------------------------------------- the finder


# The tokens rules are tried around: features, then words. Keep the groups in sync with
# _Grammar.token_rules. No feature starts inside a word, so the features alone
# (_SIMPLE_FEATURE_PATTERN) find the same features.
_FEATURES_RE = r"""(?P<decade>['’]?\d*0['’]?s(?![\p{L}]))|(?P<code>(?<![\p{L}])[QH][1-4])
    |(?P<clock>\d{1,2}:\d\d)|(?P<short>['’]\d\d)|(?P<digit>\d+)"""
_TOKEN_PATTERN = regex.compile(_FEATURES_RE + r"|(?P<word>\p{L}+)", regex.VERBOSE)
# The features as a standard-library pattern, for the texts whose letters are those of
# _LETTER_CLASS (and whose digits are the ASCII ones): the same matches, each branch written
# after the character every feature starts with, in the same order (the decade in two
# branches, after an apostrophe and at a digit). A pattern that starts with a character class
# lets ``re`` skip to the characters that can start a match.
_SIMPLE_FEATURE_PATTERN = re.compile(
    _ascii_digits(
        rf"""[\d'’QH](?:
    (?P<decade>(?<=['’])\d*0['’]?s(?!{_LETTER_CLASS})|(?<=\d)\d*(?<=0)['’]?s(?!{_LETTER_CLASS}))
    |(?P<code>(?<=[QH])(?<!{_LETTER_CLASS}.)[1-4])
    |(?P<clock>(?<=\d)\d?:\d\d)
    |(?P<short>(?<=['’])\d\d)
    |(?P<digit>(?<=\d)\d*))"""
    ),
    re.VERBOSE,
)
_Span = tuple[int, int]
_Token = tuple[int, int, _RuleRefs]
"""A token's start and end and the rules it starts."""


class _FoundCache(threading.local):
    """The candidates found in each span of the last document read (per thread):
    find_published and extract_dates read the same spans of the same document."""

    def __init__(self) -> None:
        self.grammar: _Grammar | None = None
        self.doc: Document | None = None
        self.patterns: Sequence[_Pattern | None] = ()
        self.lowered: str | None = None
        self.spans: dict[_Span, list[_Candidate]] = {}
        self.tokens: list[_Token] | None = None
        """The tokens of the whole text (by _find_tokens), found on first use."""
        self.token_starts: list[int] = []


_found_cache = _FoundCache()


def _find(doc: Document, spans: Iterable[_Span]) -> list[_Candidate]:
    """Every candidate in the spans of ``doc.text``, overlaps resolved: the longest wins, then
    the rule listed first."""
    grammar = _grammar()
    cache = _found_cache
    text = doc.text
    if cache.grammar is not grammar or cache.doc is not doc:
        cache.grammar, cache.doc, cache.spans = grammar, doc, {}
        cache.patterns = grammar.lazy_patterns_for(text)
        cache.lowered, cache.tokens, cache.token_starts = None, None, []
        # (Not "is not grammar.full_case_patterns": reading that property compiles them.)
        simple_case = cache.patterns is grammar.plain_patterns or (
            cache.patterns is grammar.simple_patterns
        )
        if simple_case and grammar.trigger_word_pattern is not None:
            lower_case = text.lower()
            if len(lower_case) == len(text):
                cache.lowered = lower_case
    # Locals: reading a thread-local's attributes costs more than reading a local's.
    lowered, patterns, found_in = cache.lowered, cache.patterns, cache.spans
    chosen: list[_Candidate] = []
    for span in spans:
        if span[1] <= span[0]:
            continue
        found = found_in.get(span)
        if found is None:
            if lowered is not None and _space_bounded(text, span):
                tokens = _tokens_in(cache, grammar, text, span)
            elif lowered is None or (span[0] > 0 and text[span[0] - 1].isalpha()):
                tokens = _scan_tokens(grammar, text, *span)
            else:
                tokens = _find_tokens(grammar, text, lowered, *span)
            found = found_in[span] = (
                _find_in_span(grammar, text, span, tokens, patterns=patterns, lowered=lowered)
                if tokens
                else []
            )
        chosen.extend(found)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _space_bounded(text: str, span: _Span) -> bool:
    """Whether white space (or the text's start and end) borders the span."""
    start, end = span
    return (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())


def _tokens_in(cache: _FoundCache, grammar: _Grammar, text: str, span: _Span) -> list[_Token]:
    """_find_tokens(grammar, text, cache.lowered, *span), cut from the tokens of the whole
    text (found once per document), for a span white space borders: no token holds white
    space (trigger words are letters, features digits, letters, apostrophes and colons), and
    a lookaround at a token's edge sees white space there in the whole text where it sees the
    span's edge in the span alone, which all of them treat alike (neither is a letter); so
    no token crosses the span's edges and the scan of the whole text finds the same ones in
    the span."""
    if cache.tokens is None:
        assert cache.lowered is not None
        cache.tokens = _find_tokens(grammar, text, cache.lowered, 0, len(text))
        cache.token_starts = [token[0] for token in cache.tokens]
    starts = cache.token_starts
    low = bisect.bisect_left(starts, span[0])
    return cache.tokens[low : bisect.bisect_left(starts, span[1], low)]


def _feature_kind(kind: str | None, text: str, start: int, end: int) -> str | None:
    """The kind of the feature text[start:end] that _FEATURES_RE found as ``kind``: a number
    of four digits is a year (#year), one of one or two digits before a separator (/ . -) a
    part of a numeric date (#part); both are also #digit."""
    if kind == "digit":
        if end - start == 4:
            return "year"
        if end - start <= 2 and text[end : end + 1] in _PART_SEPARATORS:
            return "part"
    return kind


_PART_SEPARATORS = ("/", ".", "-")


def _scan_tokens(grammar: _Grammar, text: str, start: int, end: int) -> list[_Token]:
    """The tokens of text[start:end] that start rules, in text order: the words (lower-cased)
    and the features #digit, #year (four digits), #part (3/4/2018's 4), #decade (1990s, '80s),
    #code (Q3, H1), #clock (12:30) and #short ('82)."""
    word_rules, token_rules = grammar.word_rules, grammar.token_rules
    tokens: list[_Token] = []
    for match in _TOKEN_PATTERN.finditer(text, start, end):
        kind = match.lastgroup
        if kind == "word":
            rules = word_rules.get(match.group().casefold())
            if rules is None:
                continue
        else:
            rules = token_rules[_feature_kind(kind, text, match.start(), match.end())]
        tokens.append((match.start(), match.end(), rules))
    return tokens


def _find_tokens(grammar: _Grammar, text: str, lowered: str, start: int, end: int) -> list[_Token]:
    """_scan_tokens without going through every word: the trigger words found in the
    lower-cased text, the features in the text.

    Holds where ``lowered`` is ``text.lower()`` character for character, the text's letters
    are those of _LETTER_CLASS (both true of the texts the VERSION0 patterns read) and no
    word runs into the span from before it (checked by the caller)."""
    word_rules, token_rules = grammar.word_rules, grammar.token_rules
    assert grammar.trigger_word_pattern is not None
    features: list[_Token] = []
    took_letters = False
    for match in _SIMPLE_FEATURE_PATTERN.finditer(text, start, end):
        s, e = match.span()
        kind = _feature_kind(match.lastgroup, text, s, e)
        features.append((s, e, token_rules[kind]))
        # Only a decade (1990s) or a code (Q3) holds a letter; the others, digits, colons
        # and apostrophes.
        took_letters = took_letters or kind in {"decade", "code"}
    # The character before a word at the span's start lies just before the span.
    tokens = [
        (match.start(1), match.end(1), word_rules[match.group(1)])
        for match in grammar.trigger_word_pattern.finditer(lowered, start - 1 if start else 0, end)
    ]
    if start == 0 and (first := grammar.trigger_word_at_start.match(lowered, 0, end)):
        tokens.insert(0, (0, first.end(1), word_rules[first.group(1)]))
    if features:
        if took_letters:
            # Letters a feature took (the s of 1990s, the Q of Q3) are no word.
            starts = [s for s, _, _ in features]
            tokens = [
                token
                for token in tokens
                if (i := bisect.bisect_right(starts, token[0]) - 1) < 0
                or features[i][1] <= token[0]
            ]
        tokens.extend(features)
        tokens.sort()  # no two tokens start alike: their starts alone order them
    return tokens


def _find_in_span(
    grammar: _Grammar,
    text: str,
    span: _Span,
    tokens: list[_Token],
    *,
    patterns: Sequence[_Pattern | None],
    lowered: str | None,
) -> list[_Candidate]:
    """The candidates in text[start:end] that survive overlaps.

    Each rule runs only in windows around the tokens that start it: from ``back`` characters
    before a token to ``forward`` after it, overlapping windows merged; and, where the text is
    read with the VERSION0 patterns (``lowered`` is then the lower-cased text), only in those
    where its ``needs`` pattern finds something. A pattern None in ``patterns`` is compiled
    where first needed (_Grammar.compile_rule).
    """
    start, end = span
    windows: dict[int, list[_Span]] = {}
    for s, e, rules in tokens:
        for index, back, forward in rules:
            window_start = s - back if s - back > start else start
            window_end = e + forward if e + forward < end else end
            stretches = windows.get(index)
            if stretches is None:
                windows[index] = [(window_start, window_end)]
                continue
            last_start, last_end = stretches[-1]
            if window_start > last_end:
                stretches.append((window_start, window_end))
            elif window_end > last_end:
                stretches[-1] = (last_start, window_end)
    found: list[_Candidate] = []
    handlers, all_needs, all_heads = grammar.handlers, grammar.needs, grammar.heads
    all_groups, all_stops = grammar.group_numbers, grammar.heads_stop
    for index in sorted(windows):
        pattern, handler, group = patterns[index], handlers[index], all_groups[index]
        needs, heads = all_needs[index], all_heads[index]
        for window_start, window_end in windows[index]:
            matches: Iterable[_Match]
            if (
                lowered is not None
                and needs is not None
                and needs.search(lowered, window_start, window_end) is None
            ):
                continue
            if pattern is None:
                pattern = grammar.compile_rule(index, patterns)
            if lowered is not None and heads is not None:
                # A window that ends before the span ends where its last trigger's window
                # ends: ``forward`` after that trigger's end.
                stop = all_stops[index]
                heads_end = window_end - stop if stop is not None and window_end < end else None
                matches = _matches_at_heads(
                    pattern, heads, text, lowered, (window_start, window_end), heads_end=heads_end
                )
            else:
                matches = pattern.finditer(text, window_start, window_end)
            for match in matches:
                for candidate in handler(grammar, match, text, group):
                    if start <= candidate.start < candidate.end <= end:
                        found.append(candidate)
    return _longest_first(found)


def _matches_at_heads(
    pattern: _Pattern,
    heads: _Heads,
    text: str,
    lowered: str,
    window: _Span,
    *,
    heads_end: int | None = None,
) -> list[_Match]:
    """``list(pattern.finditer(text, *window))``, trying the pattern only where ``heads`` says
    a match can start. (The rules given heads never match an empty string.) ``heads_end``, if
    given, is where the heads' lookahead of every match of the window ends at the latest."""
    start, end = window
    before_heads, at_start = heads
    stop = end if heads_end is None else heads_end
    resume = start
    matches = []
    if start == 0 and at_start.match(lowered, 0, stop) is not None:
        match = pattern.match(text, 0, end)
        if match is not None:
            matches.append(match)
            resume = match.end()
    # The character before a head at the window's start lies just before the window.
    for head in before_heads.finditer(lowered, start - 1 if start else 0, stop):
        position = head.end()
        if position < resume:
            continue
        match = pattern.match(text, position, end)
        if match is not None:
            matches.append(match)
            resume = match.end()
    return matches


def _longest_first(found: list[_Candidate]) -> list[_Candidate]:
    """The candidates that survive overlaps: the longest first, then the rule listed first."""
    if len(found) < 2:
        return found
    found.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    starts: list[int] = []
    kept: list[_Candidate] = []
    for candidate in found:
        i = bisect.bisect_right(starts, candidate.start)
        if i > 0 and kept[i - 1].end > candidate.start:
            continue
        if i < len(kept) and kept[i].start < candidate.end:
            continue
        starts.insert(i, candidate.start)
        kept.insert(i, candidate)
    return kept


def _resolve(candidates: list[_Candidate], context: _Context) -> list[_Value]:
    """Values for the candidates (in text order): those that count from the reference first,
    then, in text order, those that count from a day mentioned before them."""
    values: dict[int, _Value] = {}
    for i, candidate in enumerate(candidates):
        if not candidate.anchored:
            values[i] = _safe(candidate, context)
            context.starts.append(candidate.start)
            context.values.append(values[i])
    for i, candidate in enumerate(candidates):
        if candidate.anchored:
            values[i] = _safe(candidate, context)
            context.add(candidate.start, values[i])
    return [values[i] for i in range(len(candidates))]


def _safe(candidate: _Candidate, context: _Context) -> _Value:
    try:
        return candidate.resolve(_Scope(context, candidate.start, candidate.end))
    except (ValueError, OverflowError):
        return _UNRESOLVED  # a date outside the years 1-9999


def _scan_spans(doc: Document) -> list[tuple[int, int]]:
    spans = [(region.start, region.end) for region in doc.regions]
    if doc.layout.date_line is not None:
        spans.append((doc.layout.date_line.start, doc.layout.date_line.end))
    return sorted(spans)


# ----------------------------------------------------------------------------- datelines


# "Aug 30", "Aug. 30", "30 August": the month and day of a dateline date.
_DATELINE_DATE_PATTERN = regex.compile(
    r"(?P<a>[\p{L}]+)\.?\s+(?P<b>\d{1,2})|(?P<c>\d{1,2})\s+(?P<d>[\p{L}]+)"
)


def _month_day_of(text: str) -> tuple[int, int] | None:
    """(month, day) of a dateline date such as ``Aug 30`` or ``30 August``."""
    lex = _lexicon()
    match = _DATELINE_DATE_PATTERN.search(text)
    if match is None:
        return None
    word, number = (match["a"], match["b"]) if match["a"] else (match["d"], match["c"])
    month = lex.months.get(word.casefold())
    if month is None:
        return None
    return month, int(number)


def _dateline_day(month: int, day: int, reference: datetime.date) -> datetime.date | None:
    """The (month, day) in the year that puts it on or shortly before ``reference``."""
    for year in range(reference.year + 1, reference.year - 9, -1):
        if not 1 <= year <= 9999:
            continue
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + datetime.timedelta(days=1):
            return candidate
    return None


def resolve_dateline(dateline: Dateline, reference: datetime.date | None) -> Dateline:
    """The dateline with its date resolved against ``reference`` when its year is missing:
    ``Aug 30`` takes the year that puts it on or shortly before the reference."""
    if dateline.date is not None or dateline.date_mention is None or reference is None:
        return dateline
    parts = _month_day_of(dateline.date_mention.text)
    if parts is None:
        return dateline
    day = _dateline_day(*parts, reference)
    if day is None:
        return dateline
    return dateline.model_copy(update={"date": day})


# ----------------------------------------------------------------------------- published


def find_published(doc: Document) -> tuple[datetime.date, PublishedSource] | None:
    """The publication date the text itself gives, and where it came from.

    In order: the dateline's date (``LONDON, Aug 30 (Reuters)``; a missing year is taken from
    elsewhere in the text: the date line, else the latest year the text mentions outside
    future-tense clauses), then a date line (``Published: 5 June 2018``, ``July 30, 2009``).
    """
    layout = doc.layout
    dateline = layout.dateline
    if dateline is not None and dateline.date is not None:
        return dateline.date, "dateline"
    line_day = _date_line_day(doc)
    if dateline is not None and dateline.date_mention is not None:
        parts = _month_day_of(dateline.date_mention.text)
        year = line_day.year if line_day is not None else _year_in_text(doc)
        if parts is not None and year is not None:
            try:
                return datetime.date(year, *parts), "dateline"
            except ValueError:
                pass
    if line_day is not None:
        return line_day, "text"
    return None


def _date_line_day(doc: Document) -> datetime.date | None:
    line = doc.layout.date_line
    if line is None:
        return None
    candidates = _find(doc, [(line.start, line.end)])
    context = _Context(doc.text, doc, None)
    for value in _resolve(candidates, context):
        if value.date is not None:
            return value.date
    return None


def _year_in_text(doc: Document) -> int | None:
    """The latest year the text mentions outside future-tense clauses."""
    candidates = _find(doc, _scan_spans(doc))
    context = _Context(doc.text, doc, None)
    years = []
    for candidate, value in zip(candidates, _resolve(candidates, context), strict=False):
        if value.value is None or not _CALENDAR_YEAR_PATTERN.match(value.value):
            continue
        if _Scope(context, candidate.start, candidate.end).tense() == "future":
            continue
        years.append(int(value.value[:4]))
    return max(years) if years else None


# ----------------------------------------------------------------------------- extract_dates


def extract_dates(doc: Document, *, reference: datetime.date | None) -> list[DateExpression]:
    """Every time expression in ``doc``, resolved against ``reference``.

    Reads the headline, standfirst, body paragraphs, the date line and the dateline's date.
    Ids run ``date1``, ``date2``, ... in text order.

    Example:
        >>> from articlemodel.layout import parse_layout
        >>> from articlemodel.segment import segment
        >>> text = "Talks resume\\n\\nThe talks resumed on Monday after a pause two weeks ago."
        >>> doc = segment(text, parse_layout(text))
        >>> [(d.text, d.value) for d in extract_dates(doc, reference=datetime.date(2018, 6, 5))]
        [('Monday', '2018-06-04'), ('two weeks ago', '2018-W21')]
    """
    text = doc.text
    candidates = _find(doc, _scan_spans(doc))
    dateline = doc.layout.dateline
    extra: _Candidate | None = None
    if dateline is not None and dateline.date_mention is not None:
        mention = dateline.date_mention
        if all(c.end <= mention.start or c.start >= mention.end for c in candidates):
            known = dateline.date

            def resolve(scope: _Scope) -> _Value:
                if known is not None:
                    return _day(known)
                if scope.reference is None:
                    return _UNRESOLVED
                resolved = resolve_dateline(dateline, scope.reference).date
                return _UNRESOLVED if resolved is None else _day(resolved)

            extra = _Candidate(mention.start, mention.end, "date", resolve)
            candidates = sorted([*candidates, extra], key=lambda c: c.start)
    context = _Context(text, doc, reference)
    values = _resolve(candidates, context)
    return [
        DateExpression(
            id=f"date{i}",
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            value=value.value,
            kind=candidate.kind,
            granularity=value.granularity,
            date=value.date,
        )
        for i, (candidate, value) in enumerate(zip(candidates, values, strict=False), start=1)
    ]


_grammar()  # compile the patterns at import, once
