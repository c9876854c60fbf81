"""Locations: places named in the article, typed, joined across spellings and geocoded offline.

Three sources of mentions, in this order (``docs/locations.md`` has the examples):

1. The dateline place (``DEIR AL-ZOR``, ``KABUL, Afghanistan``): each comma part is a place;
   so is the place of a paragraph that gives only place and date (``LONDON 1996-08-30``).
2. Context rules (``_CONTEXT_RULES``), for places no gazetteer lists: ``the towns of X and Y``,
   ``X village``, ``the province of X``, ``X Province``, ``the X River``, ``in X, a town near
   Y``, ``rebel-held X``, ``in X, Syria``; the rule's label is kept as provenance. A name a rule
   found is then a place wherever else the article writes it (``the eastern Euphrates`` once
   ``the Euphrates River`` was named), in the spirit of one-sense-per-discourse
   (Gale, Church & Yarowsky 1992).
3. The gazetteer (``gazetteer.py``): the longest run of capitalised words whose normalised key
   it lists, with precision filters: no span inside an organization mention; no name followed
   or preceded by another capitalised word (``Jordan Peterson``, ``Michael Jordan``, ``New York
   Times``); none right after a title (``Mr.``); none glued to a lower-case participle
   (``US-backed``); no city or region followed by a score (``Barnsley 2``, ``Essex 532-8``: a
   club, not a place, in results); in all-capital lines only well-known places.

Mentions whose keys the gazetteer ties to the same place (``U.S.``, ``United States``) join one
Location; the kind comes from the context rule when there is one, else from the gazetteer. A
place only context found takes its country from the rule (``in X, Syria``), else from the known
places of its sentences, else from the article when all its places share one country.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, NamedTuple

import regex

from articlemodel import settings
from articlemodel.extract.gazetteer import (
    ARTICLES,
    Place,
    gazetteer,
    normalize,
    normalize_words,
    plain,
    word_key,
)
from articlemodel.extract.trie import trie_alternation
from articlemodel.lexicons import load_set, register_cache
from articlemodel.models import Location, LocationKind, Organization
from articlemodel.segment import Document

__all__ = ["extract_locations"]


# --- closed word sets ----------------------------------------------------------------------
def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Lower-case words allowed inside a multi-word place name: Stratford upon Avon, Dar es Salaam.
_CONNECTORS: Final = ARTICLES | _wordset(
    "de del della di da do dos das du des la le les los las of the upon on am im sur y bin ibn "
    "abu van von der den"
)
# Capitalised words that may stand right before a place without making it part of a longer
# name: function words at a sentence start, directions (Northern Syria), calendar words.
_FREE_BEFORE: Final = _wordset(
    "the a an in at on of from to for and but or nor near across outside inside throughout into "
    "between both while since as when where if after before during unlike like with without via "
    "by toward towards around through over under beyond within against amid among then now "
    "meanwhile also only even all some many most neither either not this that these those his "
    "her its their our my your says said so yet here there once until including especially "
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern upper lower greater "
    "mainland rural downtown coastal neighbouring neighboring "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december"
)
# Capitalised words that may follow a place: the kind of place it is, calendar words.
_FREE_AFTER: Final = _wordset(
    "province governorate district county region state oblast prefecture department river "
    "valley mountains mountain hills sea ocean gulf bay lake strait canal peninsula island "
    "islands desert strip heights airport basin delta plain plateau coast dam city "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december"
)
# Words that make the next capitalised word a person: Mr. Jordan, President Lincoln.
_TITLES: Final = _wordset(
    "mr mrs ms miss dr sir lord lady sen rep gov gen lt col capt sgt maj adm prof judge justice "
    "president king queen prince princess sheikh pope saint st father brother sister"
)
# Group and faith adjectives that no country-name rule turns up (demonyms of countries are
# recognised from the gazetteer: _demonym_country).
_ETHNONYMS: Final = _wordset(
    "arab arabic kurdish kurd french dutch spanish swiss greek thai welsh scottish irish "
    "danish swedish finnish polish czech norwegian sunni shiite shia alawite druze christian "
    "muslim jewish yazidi turkmen assyrian bedouin pashtun tajik uzbek hazara baloch islamic "
    "coalition government rebel regime militant"
)
_DEMONYM_SUFFIXES: Final = ("ian", "ese", "ish", "ean", "an", "i", "n", "ic")

_NOUN_KINDS: Final[MappingProxyType[str, LocationKind]] = MappingProxyType(
    {"town": "town", "towns": "town", "village": "village", "villages": "village",
     "city": "city", "cities": "city", "province": "region", "provinces": "region",
     "governorate": "region", "governorates": "region", "district": "region",
     "districts": "region", "region": "region", "regions": "region", "county": "region",
     "oblast": "region", "prefecture": "region", "neighborhood": "area", "neighbourhood": "area",
     "neighborhoods": "area", "neighbourhoods": "area", "suburb": "area", "suburbs": "area",
     "area": "area", "countryside": "area", "camp": "facility", "river": "river",
     "sea": "sea", "ocean": "sea", "gulf": "sea", "bay": "sea", "strait": "sea", "lake": "other",
     "mountains": "mountain", "mountain": "mountain", "mount": "mountain", "hills": "mountain",
     "valley": "area", "desert": "area", "canal": "facility", "peninsula": "area",
     "island": "area", "islands": "area", "heights": "area", "dam": "facility",
     "airport": "facility", "base": "facility", "crossing": "facility"}
)  # fmt: skip

# --- patterns ------------------------------------------------------------------------------
# A word of a name: a capital, then letters. Keep in sync with _TOKEN_PATTERN.
_CAP_WORD_RE = r"\p{Lu}[\p{L}\p{M}]*+(?:['’ʼ](?![sS]\b)[\p{L}\p{M}]++)*+"
_ARTICLE_RE = r"(?:al|el|ad|ar|as|az|ash|at|ez|es|an|ed|ul)"
_JOIN_RE = r"(?:[ \t\u00a0]|[-‐‑])"
# A place name: one to four capitalised words, with articles and connectors between them
# (Deir al-Zor, Dar es Salaam, Jisr ash-Shughur) and an article before (al-Hasakah).
_NAME_RE = rf"""
    (?<![\p{{L}}\p{{M}}'’\-])
    (?:{_ARTICLE_RE}[-‐‑])?
    {_CAP_WORD_RE}
    (?:{_JOIN_RE}(?:(?:{_ARTICLE_RE}|de|du|la|le|es|of|bin|ibn|abu){_JOIN_RE})?{_CAP_WORD_RE}){{0,3}}
"""
_SP = r"[ \t\u00a0]++"
_LIST_NOUN_RE = (
    r"towns?|villages?|cities|city|provinces?|governorates?|districts?|regions?"
    r"|neighbou?rhoods?|suburbs?"
)
_PLACE_NOUN_RE = r"village|town|city|province|governorate|district|countryside|camp|airport"
_CAP_SUFFIX_RE = (
    r"Province|Governorate|District|County|Region|Oblast|Prefecture|River|Sea|Ocean|Gulf|Bay"
    r"|Strait|Mountains|Hills|Valley|Desert|Canal|Peninsula|Islands?|Heights|Dam|Airport"
    r"|International[ \t]Airport|Air[ \t]Base|Border[ \t]Crossing|Crossing"
)
_CAP_PREFIX_RE = (
    r"River|Lake|Mount|Mt\.|Gulf[ \t]of|Sea[ \t]of|Bay[ \t]of|Strait[ \t]of|Isle[ \t]of"
)
_LOCATIVE_RE = r"(?:in|near|at|from|outside|to|toward|towards|around|into)"


@dataclass(frozen=True, slots=True)
class _Rule:
    """A context rule: label (provenance), pattern, the kind when no noun group gives one, and
    optionally a trigger: a cheap pattern for the rule's keyword, so that a pattern that opens
    with a name is tried only in a window of ``before`` characters before each keyword.

    ``keywords``, when not empty, are strings one of which every match of the pattern holds
    (``town`` for ``towns?``, ``Air`` for ``Airport``): a text without any is not searched; nor
    is a text range where ``gate``, a cheap pattern that every match holds a match of, finds
    nothing.

    The pattern and the trigger are compiled when first read (``source`` and ``trigger_source``
    hold them): a text needs only the rules whose keywords it holds."""

    label: str
    source: str
    kind: LocationKind
    trigger_source: str | None = None
    before: int = 0
    after: int = 0
    keywords: tuple[str, ...] = ()
    gate: re.Pattern[str] | None = None

    @property
    def pattern(self) -> regex.Pattern[str]:
        return _compiled(self.source)

    @property
    def trigger(self) -> regex.Pattern[str] | None:
        return None if self.trigger_source is None else _compiled(self.trigger_source)

    def finditer(self, text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
        """The matches in text[start:end], each once, in text order."""
        pattern, trigger = self.pattern, self.trigger
        if trigger is None:
            yield from pattern.finditer(text, start, end)
            return
        last_end = start
        for hit in trigger.finditer(text, start, end):
            window_start = max(last_end, hit.start() - self.before)
            window_end = min(end, hit.end() + self.after)
            for match in pattern.finditer(text, window_start, window_end):
                last_end = max(last_end, match.end())
                yield match


@functools.cache
def _compiled(source: str) -> regex.Pattern[str]:
    """A context rule's pattern or trigger, compiled on first need."""
    return regex.compile(source, regex.VERBOSE | regex.VERSION1)


def _rule(
    label: str,
    pattern: str,
    kind: LocationKind = "other",
    trigger: str | None = None,
    *,
    name_after: bool = False,
    keywords: str = "",
    gate: str | None = None,
) -> _Rule:
    if trigger is None:
        return _Rule(
            label,
            pattern,
            kind,
            keywords=tuple(keywords.split()),
            gate=None if gate is None else re.compile(gate),
        )
    before, after = (_WINDOW_CHARS // 4, _WINDOW_CHARS) if name_after else (_WINDOW_CHARS, 0)
    return _Rule(
        label,
        pattern,
        kind,
        trigger,
        before,
        after,
        tuple(keywords.split()),
    )


#: How far before its keyword a rule looks for the name: four words, with room to spare.
_WINDOW_CHARS: Final = 160


# Tried in order; a later rule does not take a span an earlier one took.
_CONTEXT_RULES: Final = (
    # the towns of Hajin and Susa / the province of Idlib / the IS-held villages of A, B and C
    _rule(
        "list_of",
        rf"""\b(?P<noun>{_LIST_NOUN_RE}){_SP}of{_SP}
        (?P<names>{_NAME_RE}(?:[ \t]*+,[ \t]*+{_NAME_RE})*+
        (?:,?{_SP}(?:and|or){_SP}{_NAME_RE})?)""",
        keywords="town village cities city province governorate district region neighbo suburb",
    ),
    # the Tigris River / Idlib Province / Changi International Airport (suffix in the span)
    _rule(
        "cap_suffix",
        rf"(?P<name>{_NAME_RE}){_SP}(?P<suffix>{_CAP_SUFFIX_RE})\b",
        trigger=rf"\b(?:{_CAP_SUFFIX_RE})\b",
        keywords="Province Governorate District County Region Oblast Prefecture River Sea Ocean "
        "Gulf Bay Strait Mount Hills Valley Desert Canal Peninsula Island Heights Dam Air "
        "International Border Crossing",
    ),
    # the River Thames / Lake Chad / Mount Sinjar / Gulf of Aden (prefix in the span)
    _rule(
        "cap_prefix",
        rf"(?<![\p{{L}}\p{{M}}'’\-])(?P<prefix>{_CAP_PREFIX_RE}){_SP}(?P<name>{_NAME_RE})",
        keywords="River Lake Mount Mt. Gulf Sea Bay Strait Isle",
    ),
    # Kafr Nabl village / Tal Afar airport (the lower-case noun is not in the span)
    _rule(
        "noun_after",
        rf"(?P<name>{_NAME_RE}){_SP}(?P<noun>{_PLACE_NOUN_RE})\b",
        trigger=rf"\b(?:{_PLACE_NOUN_RE})\b",
        keywords="village town city province governorate district countryside camp airport",
    ),
    # in Hajin, a town near the Iraqi border
    _rule(
        "apposition",
        rf"""\b{_LOCATIVE_RE}{_SP}(?P<name>{_NAME_RE}),[ \t]*+(?:a|an|the){_SP}
        (?:[\p{{Ll}}\-]++{_SP}){{0,3}}?(?P<noun>town|village|city|district|suburb|area|region
        |province|neighbou?rhood)\b""",
        keywords="town village city district suburb area region province neighbo",
    ),
    # rebel-held Douma / government-controlled Aleppo
    _rule(
        "held",
        rf"\b\p{{L}}++-(?:held|controlled|besieged|occupied|run){_SP}(?P<name>{_NAME_RE})",
        "town",
        trigger=r"-(?:held|controlled|besieged|occupied|run)[ \t\u00a0]++\p{Lu}",
        name_after=True,
        keywords="-held -controlled -besieged -occupied -run",
    ),
    # in Hajin, Syria (the host must be a country or region the gazetteer knows)
    _rule(
        "comma_host",
        rf"\b{_LOCATIVE_RE}{_SP}(?P<name>{_NAME_RE}),[ \t]*+(?P<host>{_NAME_RE})(?![\p{{L}}-])",
        "town",
        # a comma, then a capital (which [^\W\d_a-z] takes in) or an article and a hyphen
        gate=r",[ \t]*(?:[^\W\d_a-z]|[aeu][a-z]{1,2}[-‐‑])",
    ),
)
_KEYWORDS: Final = frozenset(k for rule in _CONTEXT_RULES for k in rule.keywords)
# The numbers of the rules each keyword belongs to.
_RULES_OF_KEYWORD: Final = MappingProxyType(
    {k: tuple(n for n, rule in enumerate(_CONTEXT_RULES) if k in rule.keywords) for k in _KEYWORDS}
)
# The keywords that open with a capital or a hyphen, found by one pass. No keyword opens
# another (Air, not Air and Airport) or holds a capital or hyphen after its first character,
# so that the pass, whose matches do not overlap, misses no keyword the text holds.
_RARE_KEYWORDS: Final = frozenset(k for k in _KEYWORDS if not k[0].islower())
_RARE_KEYWORD_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(_RARE_KEYWORDS)))
_COMMON_KEYWORDS: Final = tuple(sorted(_KEYWORDS - _RARE_KEYWORDS))
# the Syrian-Iraqi border: a border location named after the two countries.
_BORDER_PATTERN = regex.compile(
    rf"(?P<a>\p{{Lu}}\p{{Ll}}++)[-–/](?P<b>\p{{Lu}}\p{{Ll}}++){_SP}border\b", regex.VERSION1
)
_BORDER_TRIGGER_PATTERN = regex.compile(r"(?<=\p{Ll})[ \t\u00a0]++border\b")
# A paragraph that is nothing but a place and an ISO date: "LONDON 1996-08-30",
# "GROZNY , Russia 1996-08-30".
_PLACE_DATE_LINE_PATTERN = regex.compile(
    r"""(?P<place>\p{Lu}[\p{Lu}\p{M}'’.\-]*+(?:[ \t]\p{Lu}[\p{Lu}\p{M}'’.\-]*+){0,4})
    (?:[ \t]*+,[ \t]*+(?P<host>\p{Lu}[\p{L}\p{M}'’.\-]*+(?:[ \t]\p{Lu}[\p{L}\p{M}'’.\-]*+){0,3}))?
    [ \t]++\d{4}-\d{2}-\d{2}[ \t]*+$""",
    regex.VERBOSE | regex.VERSION1,
)
# What every match of _PLACE_DATE_LINE_PATTERN holds (the end of its ISO date): an article
# without it has no such line. Opening with a literal hyphen, it is searched for about thirty
# times faster than the whole date, \d{4}-\d{2}-\d{2}, which no literal opens.
_ISO_DATE_PATTERN = re.compile(r"-\d{2}-\d{2}")
_BORDER_BEFORE_PATTERN = regex.compile(r"\bborders?[ \t]++(?:with|of)[ \t]++(?:the[ \t]++)?$")
_BORDER_AFTER_PATTERN = regex.compile(r"(?:['’]s?)?[ \t]++(?:border|frontier)")


@functools.cache
def _name_pattern() -> regex.Pattern[str]:
    """A name of a list (``the towns of A, B and C``), compiled on first need."""
    return regex.compile(_NAME_RE, regex.VERBOSE | regex.VERSION1)


# Tokens of a scan: dotted initialisms (U.S.) and words; a possessive 's is not part of one.
_TOKEN_PATTERN = regex.compile(
    r"(?:\p{Lu}\.){2,}+|[\p{L}\p{M}\p{Nd}]++(?:['’ʼ](?![sS]\b)[\p{L}\p{M}\p{Nd}]++)*+"
)
_LAST_TOKEN_PATTERN = regex.compile(_TOKEN_PATTERN.pattern, regex.REVERSE)
# What may stand between two words of one name: a space or two, a hyphen, "St. ".
# (The dot is matched before the lookbehind that tells St. and Mt., tried at every run's end.)
_GAP_RE = r"(?:[ \t\u00a0]{1,2}|[-‐‑]|\.(?<=(?<![\p{L}\p{M}])(?i:st|mt|ft|ste)\.)[ ])"
_CAP_TOKEN_RE = (
    r"(?:(?:\p{Lu}\.){2,}+|\p{Lu}[\p{L}\p{M}\p{Nd}]*+(?:['’ʼ](?![sS]\b)[\p{L}\p{M}\p{Nd}]++)*+)"
)


# A run of capitalised words that may hold names: Dar es Salaam, St. Louis, U.S.; its words
# and connectors are the captures of ``first`` and ``token``, exactly the tokens
# _TOKEN_PATTERN finds in it (``lastgroup`` is "first" when the run has one word).
# An article glued on before the run (al-Hasakah) is added by _glued_article: in the pattern,
# an optional lower-case opening would be tried at every position of the text.
# Keep in sync with _TOKEN_PATTERN (the words) and _GAP_RE (what joins them). Read only in
# text that is not plain (_plain_view): compiled on first need.
@functools.cache
def _run_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{M}}\p{{Nd}}'’ʼ.])             # at the start of a word
        (?P<first>{_CAP_TOKEN_RE})
        (?:{_GAP_RE}
        (?=[\p{{Lu}}a-z])  # what a word or connector opens (test_connectors_are_ascii_lower_case)
        (?:(?P<token>\L<connectors>){_GAP_RE})*+(?P<token>{_CAP_TOKEN_RE}))*+  # more words
        """,
        regex.VERBOSE | regex.VERSION1,
        connectors=sorted(_CONNECTORS),
    )


# The stdlib form of the run pattern, read on the plain view of a text (_plain_view): the text
# itself when it is ASCII; else, when none of its characters outside ASCII is a letter, mark,
# digit or word character to ``regex``, the text with ’ read as ', a no-break space as a tab,
# the hyphens ‐ and ‑ as -, and any other character outside ASCII as ?, one character for one.
# There \p{Lu} is [A-Z], [\p{L}\p{M}] is [A-Za-z], \p{Nd} is [0-9] and \b is the same boundary;
# ’ and ' stand together in every class of the run pattern, as a tab and a no-break space do and
# the three hyphens, and ? (like the characters it stands for) in none. The stdlib engine finds
# the runs about twice as fast; it has no repeated captures: a run's words are read by
# _plain_run_words. The lookbehind of a ``ste.`` gap is split in two of fixed
# width, and the first lookbehind stands after the first capital, which it reads again: a
# pattern that opens with a character class is searched faster. No possessive quantifier
# (Python 3.10): none of the choices they rule out can end a match that the greedy first try
# does not (pinned by test_plain_run_pattern).
_PLAIN_GAP_RE = (
    r"(?:[ \t]{1,2}|-|\.(?:(?<=(?<![A-Za-z])(?i:st|mt|ft)\.)|(?<=(?<![A-Za-z])(?i:ste)\.))[ ])"
)
_PLAIN_CAP_TOKEN_RE = r"(?:(?:[A-Z]\.){2,}|[A-Z][A-Za-z0-9]*(?:'(?![sS]\b)[A-Za-z0-9]+)*)"
_PLAIN_RUN_PATTERN = re.compile(
    rf"""
    (?P<first>[A-Z](?<![A-Za-z0-9'.][A-Z])
    (?:\.(?:[A-Z]\.)+|[A-Za-z0-9]*(?:'(?![sS]\b)[A-Za-z0-9]+)*))
    (?:{_PLAIN_GAP_RE}(?=[A-Za-z])
    (?:{trie_alternation(_CONNECTORS)}{_PLAIN_GAP_RE})*
    (?P<token>{_PLAIN_CAP_TOKEN_RE}))*
    """,
    re.VERBOSE,
)
# The words and connectors of a run of _PLAIN_RUN_PATTERN: the stdlib form of _TOKEN_PATTERN.
_PLAIN_TOKEN_PATTERN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:'(?![sS]\b)[A-Za-z0-9]+)*")
_NOT_PLAIN_PATTERN = regex.compile(r"[\w\p{L}\p{M}\p{Nd}]", regex.VERSION1)
_ASCII_BYTES: Final = bytes(range(128))


def _plain_view(text: str) -> str | None:
    """The plain view of ``text`` that _PLAIN_RUN_PATTERN reads, or None when the text has a
    letter, mark, digit or word character outside ASCII."""
    if text.isascii():
        return text
    others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    if _NOT_PLAIN_PATTERN.search(others.decode("utf-8", "surrogatepass")) is not None:
        return None
    view = text.replace("’", "'").replace("\u00a0", "\t").replace("‐", "-").replace("‑", "-")
    return view.encode("ascii", "replace").decode("ascii")


_HYPHENS: Final = "-‐‑"
_HYPHEN_SET: Final = frozenset(_HYPHENS)
# What may not stand right before a run (the lookbehind of the run pattern).
_WORD_CHAR_PATTERN = regex.compile(r"[\p{L}\p{M}\p{Nd}'’ʼ.]")
# A score after a club named for a city: "Barnsley 2", "Sheffield Wednesday 1", "Essex 532-8".
_SCORE_PATTERN = regex.compile(
    r"(?:[ \t]++\p{Lu}[\p{L}\p{M}.'’\-]*+){0,2}[ \t]++\d{1,3}(?:[-–/]\d{1,3})?(?![\d:.,]?\d)"
)
_LOWER_COMPOUND_PATTERN = regex.compile(r"[-‐‑]\p{Ll}")
_UPPER_COMPOUND_PATTERN = regex.compile(r"[-‐‑](?P<word>\p{Lu}[\p{L}\p{M}]*+)")
_MAX_NAME_TOKENS: Final = 6
_UPPER_PATTERN = regex.compile(r"\p{Lu}")
_LOWER_RUN_PATTERN = regex.compile(r"\p{Ll}{3}")


# --- small span helpers --------------------------------------------------------------------
class _Spans:
    """Sorted, non-overlapping character spans, with an overlap test in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none already held (at the end, in O(1), when it follows
        them all)."""
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


class _Taken:
    """The spans taken by the border pass and the context rules, one _Spans per source: each
    source takes its spans in text order, so that each is added at the end of its own list,
    where one list for all was quadratic when two rules took spans by turns in a long
    paragraph (each span of the second inserted before those of the first)."""

    def __init__(self) -> None:
        self._by_source: dict[str, _Spans] = {}

    def overlaps(self, start: int, end: int) -> bool:
        return any(spans.overlaps(start, end) for spans in self._by_source.values())

    def add(self, source: str, start: int, end: int) -> None:
        """Add a span of ``source`` that overlaps none already held."""
        spans = self._by_source.get(source)
        if spans is None:
            spans = self._by_source[source] = _Spans()
        spans.add(start, end)


@dataclass(slots=True)
class _Found:
    """A mention found: its span, the base name inside it, the key and what the rule said."""

    start: int
    end: int
    base_start: int
    base_end: int
    key: str
    kind: LocationKind | None = None
    rule: str = "gazetteer"
    country: str | None = None


@dataclass(slots=True)
class _Established:
    """What context rules said about a key: the kinds given and a country hint."""

    kinds: list[LocationKind] = field(default_factory=list)
    country: str | None = None


# --- gazetteer-derived sets ----------------------------------------------------------------
@functools.cache
def _country_keys() -> tuple[tuple[str, ...], MappingProxyType[str, Place]]:
    """Sorted keys of countries (for demonym prefixes) and each key's country."""
    index = gazetteer()
    countries = {
        key: index.get(key)[0]
        for key in index.keys_of_kind("country")
        if index.get(key)[0].kind == "country"
        and index.get(key)[0].country
        and len(key) >= 4
        and " " not in key
    }
    return tuple(sorted(countries)), MappingProxyType(countries)


register_cache(_country_keys.cache_clear)


@functools.lru_cache(maxsize=4096)
def _demonym_country(word: str) -> Place | None:
    """The country a demonym names (``Syrian`` → Syria, ``Lebanese`` → Lebanon), or None."""
    key = normalize(word)
    if not key.isalpha():
        return None
    keys, countries = _country_keys()
    for suffix in _DEMONYM_SUFFIXES:
        if not key.endswith(suffix) or len(key) - len(suffix) < 4:
            continue
        stem = key[: -len(suffix)]
        i = bisect.bisect_left(keys, stem)
        matches = sorted((k for k in keys[i : i + 4] if k.startswith(stem)), key=len)
        if matches and (len(matches) == 1 or len(matches[0]) < len(matches[1])):
            return countries[matches[0]]  # the shortest: Turkish → Turkey, not Turkmenistan
    return None


def _is_adjective(word: str) -> bool:
    """Whether a capitalised word is a demonym or group adjective (Syrian, Kurdish, Sunni)."""
    lower = word.casefold()
    return lower in _ETHNONYMS or _demonym_country(word) is not None


@functools.cache
def _given_names() -> frozenset[str]:
    """Given names (the people extractor's lexicon), to tell ``Michael Jordan`` from ``Later
    Jordan`` at a sentence start; empty if the lexicon is missing."""
    try:
        return load_set("names_given.txt")
    except FileNotFoundError:
        return frozenset()


register_cache(_given_names.cache_clear)


# --- the scan ------------------------------------------------------------------------------
class _Token(NamedTuple):
    text: str
    start: int
    end: int
    capital: bool


def _token(match: regex.Match[str]) -> _Token:
    word = match.group()
    return _Token(word, match.start(), match.end(), word[0].isupper())


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_token(m) for m in _TOKEN_PATTERN.finditer(text, start, end)]


def _is_caps(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is written in capitals (a wire headline, a dateline line): no
    three lower-case letters in a row, and at least four capitals."""
    if _LOWER_RUN_PATTERN.search(text, start, end) is not None:
        return False
    return len(_UPPER_PATTERN.findall(text, start, end)) >= 4


@functools.lru_cache(maxsize=65_536)
def _ranked(key: str) -> tuple[Place, ...]:
    """The places of ``key`` in ``_weight`` order, the likeliest first."""
    return tuple(sorted(gazetteer().get(key), key=_weight))


register_cache(_ranked.cache_clear)


def _best_place(key: str) -> Place | None:
    ranked = _ranked(key)
    return ranked[0] if ranked else None


@functools.lru_cache(maxsize=65_536)
def _spelling_ok(written: str, key: str, several_words: bool) -> bool:
    """Whether a gazetteer match may stand: spelt as the gazetteer spells the place, or, for a
    main name, long enough (two words, or a word of ``LOC_MIN_FOLDED_CHARS`` letters) that the
    transliteration folds cannot have turned an ordinary word into it (cached: a place is
    mostly written the same way)."""
    places = gazetteer().get(key)
    folded = plain(written)
    if any(folded in p.plains for p in places):
        return True
    if not any(p.main for p in places):
        return False
    return several_words or len(written) >= settings.LOC_MIN_FOLDED_CHARS


register_cache(_spelling_ok.cache_clear)


def _prefixes(keys: Iterable[str]) -> frozenset[str]:
    """The leading words of the article's own names (see ``Gazetteer.prefixes``)."""
    return frozenset(
        " ".join(words[:n])
        for key in keys
        for words in [key.split(" ")]
        for n in range(1, len(words))
    )


def _glued_article(text: str, first: int, floor: int) -> int | None:
    """Where an article glued on before a run's first word starts (``al-`` of ``al-Hasakah``):
    an article and a hyphen right before ``first``, at the start of a word, not before
    ``floor``; None when there is none."""
    if first - 3 < floor or text[first - 1] not in _HYPHENS:
        return None
    for start in (first - 4, first - 3):
        if (
            start >= floor
            and text[start : first - 1] in ARTICLES
            and (start == 0 or _WORD_CHAR_PATTERN.match(text, start - 1) is None)
        ):
            return start
    return None


def _plain_run_words(
    text: str, view: str, start: int, end: int, stop: int
) -> tuple[list[str], list[tuple[int, int]]]:
    """The words and connectors of the run text[start:end] that _PLAIN_RUN_PATTERN found in the
    plain ``view`` of a range that ends at ``stop``, and their spans. A run of letters and
    single spaces (most runs) is split at its spaces: its letters are the text's own. Else the
    token pattern reads one character past the run, as the run pattern did (``O’s_`` is one
    word): a word that starts there is left out."""
    piece = view[start:end]
    if "  " not in piece and piece.replace(" ", "").isalpha():
        words = piece.split(" ")
        spans = []
        for word in words:
            spans.append((start, start + len(word)))
            start += len(word) + 1
        return words, spans
    spans = [t.span() for t in _PLAIN_TOKEN_PATTERN.finditer(view, start, min(end + 1, stop))]
    if spans[-1][0] >= end:
        spans.pop()
    return [text[t_start:t_end] for t_start, t_end in spans], spans


def _scan(
    text: str,
    ranges: Iterable[tuple[int, int]],
    *,
    established: dict[str, _Established],
    blocked: _Spans,
    view: str | None,
    dateline: bool = False,
    local_prefixes: frozenset[str] = frozenset(),
) -> Iterator[_Found]:
    """Gazetteer and established names in each sentence text[start:end] of ``ranges`` that pass
    the filters; ``view`` is the plain view of the text (_plain_view), or None.

    Only runs of capitalised words (``_run_pattern``, or its stdlib form on the plain view) are
    tokenised; the filters read the word before and after a name, taken from the run or, at
    its edges, from the text when needed. The longest known name wins at each position. Most
    words are settled by set look-ups of their own key (no name, and opening none); the spans
    of a run's words are read only when a name is found in it.
    """
    index = gazetteer()
    names, prefixes = index.names, index.prefixes
    for start, end in ranges:
        sentence: _Sentence | None = None  # made when a name is first found there
        last_end = start
        runs: Iterator[re.Match[str]] | Iterator[regex.Match[str]] = (
            _run_pattern().finditer(text, start, end)
            if view is None
            else _PLAIN_RUN_PATTERN.finditer(view, start, end)
        )
        for found in runs:
            run_start = found.start()
            article = (
                _glued_article(text, run_start, last_end)
                if text[run_start - 1] in _HYPHENS
                else None
            )
            last_end = found.end()
            if found.lastgroup == "first" and article is None:  # most runs: one word, name or not
                word = text[run_start:last_end]
                single = normalize_words(word)
                key = single[0] if len(single) == 1 else word_key(single)
                if not single or (key not in established and key not in names):
                    continue
                # A known name of one word: the name the loop below would find, when capitalised.
                if word[0].isupper():
                    if sentence is None:
                        sentence = _Sentence(text, start, end)
                    name = _Name([word], [(run_start, last_end)], 0, 0, sentence)
                    if _accept(
                        text, name, key, dateline=dateline, blocked=blocked, established=established
                    ):
                        yield _Found(run_start, last_end, run_start, last_end, key)
                continue
            # The run's words and connectors: the regex form captures them; in the plain view
            # they are read from the run's text (_plain_run_words, test_plain_run_tokens).
            spans: list[tuple[int, int]] | None = None  # read when a name is found
            run: regex.Match[str] | None = None
            if isinstance(found, regex.Match):
                run = found
                texts: list[str] = run.captures("first") + run.captures("token")
            elif found.lastgroup == "first":  # one word, with an article glued on before
                texts, spans = [text[run_start:last_end]], [(run_start, last_end)]
            else:
                assert view is not None
                texts, spans = _plain_run_words(text, view, run_start, last_end, end)
            if article is not None:
                texts.insert(0, text[article : run_start - 1])
                if spans is not None:
                    spans.insert(0, (article, run_start - 1))
            words = [normalize_words(t) for t in texts]
            i, stop = 0, len(texts)
            while i < stop:
                if texts[i][0].isupper():
                    # A capitalised word folds to at least one word (test_capitals_fold_to_a_word),
                    # so that its own key is what the loop below would look up first.
                    alone = words[i]
                    own = alone[0] if len(alone) == 1 else word_key(alone)
                    if (
                        own not in established
                        and own not in names
                        and own not in prefixes
                        and own not in local_prefixes
                        and alone[-1] not in ARTICLES
                    ):
                        i += 1  # what the loop below would find at its first word: no name
                        continue
                elif texts[i] not in ARTICLES:
                    i += 1  # a connector opens no name
                    continue
                best: tuple[int, str] | None = None
                joined: list[str] = []
                for j in range(i, min(stop, i + _MAX_NAME_TOKENS)):
                    joined.extend(words[j])
                    if texts[j][0].isupper() and joined:
                        key = joined[0] if len(joined) == 1 else word_key(joined)
                        if key in established or key in names:
                            best = (j, key)
                        elif (
                            key not in prefixes
                            and key not in local_prefixes
                            and joined[-1] not in ARTICLES
                        ):
                            break  # no longer name starts with these words
                if best is None:
                    i += 1
                    continue
                j, key = best
                if spans is None:
                    assert run is not None  # spans are read from the plain view otherwise
                    spans = run.spans("first") + run.spans("token")
                    if article is not None:
                        spans.insert(0, (article, run_start - 1))
                if sentence is None:
                    sentence = _Sentence(text, start, end)
                name = _Name(texts, spans, i, j, sentence)
                if _accept(
                    text, name, key, dateline=dateline, blocked=blocked, established=established
                ):
                    yield _Found(spans[i][0], spans[j][1], spans[i][0], spans[j][1], key)
                    i = j + 1
                    continue
                i += 1


class _Sentence:
    """A sentence text[start:end] of a scan, with what the filters read of it, each computed
    when first read (once per sentence: a long sentence with many names stays linear)."""

    __slots__ = ("_caps", "_first", "end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._caps: bool | None = None
        self._first: int | None = None

    def caps(self) -> bool:
        """Whether the sentence is written in capitals (``_is_caps``)."""
        if self._caps is None:
            self._caps = _is_caps(self.text, self.start, self.end)
        return self._caps

    def first_token(self) -> int:
        """Where the sentence's first word starts, -1 when it has none."""
        if self._first is None:
            found = _TOKEN_PATTERN.search(self.text, self.start, self.end)
            self._first = found.start() if found is not None else -1
        return self._first


class _Name(NamedTuple):
    """A candidate name: the words ``i`` to ``j`` of a run (``texts`` and their ``spans``) in
    ``sentence``. The words around it are read only by the filters that need them, most
    candidates being settled without them."""

    texts: list[str]
    spans: list[tuple[int, int]]
    i: int
    j: int
    sentence: _Sentence


def _score_follows(text: str, end: int) -> bool:
    """Whether ``_SCORE_PATTERN`` matches at ``end`` (Barnsley 2).

    Its every match opens with blanks and then a capital or a digit, so that a name followed
    by anything but a blank, or by a blank and a lower-case letter (most names: ``Syria and``),
    is settled without the pattern: no lower-case letter is a capital or a digit
    (test_lower_case_letters_are_no_capitals_or_digits)."""
    if not text.startswith((" ", "\t"), end) or text[end + 1 : end + 2].islower():
        return False
    return _SCORE_PATTERN.match(text, end) is not None


def _accept(
    text: str,
    name: _Name,
    key: str,
    *,
    dateline: bool,
    blocked: _Spans,
    established: dict[str, _Established],
) -> bool:
    """The precision filters of the module docstring, for a candidate ``name`` whose key is
    ``key``.

    Every filter but the capitals rule only rejects, so that their order does not change the
    answer: the cheap ones go first, and a word before or after the name is searched for in
    the text only when a filter could reject on what it finds (its gap must be a blank).
    Whether the sentence is in capitals is read only for a name in capitals, the only one
    whose filters depend on it."""
    texts, spans, i, j = name.texts, name.spans, name.i, name.j
    start, end = spans[i][0], spans[j][1]
    if blocked.overlaps(start, end):
        return False
    if dateline:
        return True
    written = text[start:end]
    upper = written.isupper()
    # a name in capitals in a sentence in capitals, settled by the capitals rule below
    caps_name = upper and name.sentence.caps()
    if not caps_name and j + 1 < len(spans):
        after = texts[j + 1]  # the run's next word
        if (
            after[0].isupper()
            and text[end : spans[j + 1][0]] == " "
            and after.casefold() not in _FREE_AFTER
        ):
            return False  # Jordan Peterson, Paris Hilton, New York Times
    place = None if key in established else _best_place(key)
    is_country = place is not None and place.kind in ("country", "continent")
    if place is not None and not _spelling_ok(written, key, j > i):
        return False  # They → Thai: folding alone must not make a common word a place
    following = text[end : end + 1]
    if following in _HYPHEN_SET:
        if _LOWER_COMPOUND_PATTERN.match(text, end):
            return False  # US-backed, IS-held
        if (hyphen := _UPPER_COMPOUND_PATTERN.match(text, end)) and normalize(
            hyphen["word"]
        ) not in gazetteer():
            return False  # Wal-Mart, Coca-Cola
    elif following == "$":
        return False  # US$
    if (
        place is not None
        and not is_country
        and upper
        and not caps_name  # in capitals, in a sentence that is not
        and len(written) <= 4
    ):
        return False  # GAO, ANA: acronyms, not cities
    # The home nations of the United Kingdom field national teams: England 326, like Japan 2.
    team_nation = is_country or (
        place is not None and place.kind == "region" and place.country == "GB"
    )
    if place is not None and not team_nation and _score_follows(text, end):
        return False  # Barnsley 2, Essex 532-8: clubs in results
    if caps_name:
        if place is None:
            return key in established
        if len(key.replace(" ", "")) <= 2 and "." not in written:
            return False  # US, IN, UK in a capitals headline are too often words
        return (
            is_country
            or place.kind in ("region", "sea", "river", "area", "mountain")
            or (place.population >= settings.LOC_CAPS_MIN_POPULATION)
        )
    given = _given_names()
    # "Nancy said": a given name opening a clause is a person, "in Nancy" not
    given_city = place is not None and place.kind == "city" and i == j and written in given
    before: _Token | None = None
    if i > 0:
        word = texts[i - 1]  # the run's previous word
        before = _Token(word, *spans[i - 1], word[0].isupper())
    elif given_city or text[start - 1 : start] == " ":
        # searched only when read: the rules below on the word before need a blank gap
        match = _LAST_TOKEN_PATTERN.search(text, name.sentence.start, start)
        before = None if match is None else _token(match)
    if given_city and (before is None or not before.text.islower()):
        return False
    if before is not None:
        gap = text[before.end : start]
        lower = before.text.casefold()
        if lower in _TITLES and gap in (" ", ". "):
            return False  # Mr. Jordan, President Lincoln
        # Michael Jordan, Air France; a sentence's first word only when it is a given name
        # (Later Qusayr ..., but Michael Jordan ...).
        if (
            before.capital
            and gap == " "
            and lower not in _FREE_BEFORE
            and (before.start != name.sentence.first_token() or before.text in given)
        ):
            return False
    if j + 1 == len(spans) and text.startswith(" ", end) and text[end + 1 : end + 2].isupper():
        # past the run's last word, the next can be a capitalised word after one blank only
        # if it starts right there (the run rule above has settled a next word of the run)
        match = _TOKEN_PATTERN.search(text, end, name.sentence.end)
        if match is not None:
            after_token = _token(match)
            gap = text[end : after_token.start]
            if (
                after_token.capital
                and gap == " "
                and after_token.text.casefold() not in _FREE_AFTER
            ):
                return False  # Jordan Peterson, Paris Hilton, New York Times
    return True


# --- context rules -------------------------------------------------------------------------
def _name_ok(name: str) -> bool:
    """Whether a context rule's name can be a place: not a demonym, acronym or function word."""
    words = name.replace("-", " ").split()
    if not words:
        return False
    head = words[0]
    if head.casefold() in _FREE_BEFORE or head.casefold() in _TITLES:
        return False
    if any(_is_adjective(w) for w in words if w[:1].isupper()):
        return False
    return not (name.isupper() and len(name) <= 5)  # IS, SDF, NATO


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop calendar and function words a greedy name took at either end (``Idlib Tuesday``)."""
    tokens = _tokens(text, start, end)
    while tokens and tokens[-1].text.casefold() in _FREE_BEFORE:
        tokens.pop()
    while tokens and tokens[0].text.casefold() in _FREE_BEFORE:
        tokens.pop(0)
    if not tokens:
        return start, start
    return tokens[0].start, tokens[-1].end


def _rules_by_range(text: str, ranges: Sequence[tuple[int, int]]) -> list[list[_Rule]]:
    """For each range text[start:end] of ``ranges``, the context rules that may match there, in
    rule order: those without keywords whose gate, if they have one, finds a match in the range,
    and those one of whose keywords the range holds.

    The occurrences of each keyword are found once in the whole text and put in their ranges,
    rather than each rule's keywords being looked for in each range."""
    # Where each keyword stands: the capitalised ones from one pass (which, as no keyword opens
    # another or holds a capital or hyphen after its first character, finds every occurrence),
    # the others one by one.
    occurrences: dict[str, list[int]] = {}
    for match in _RARE_KEYWORD_PATTERN.finditer(text):
        occurrences.setdefault(match.group(), []).append(match.start())
    for keyword in _COMMON_KEYWORDS:
        position = text.find(keyword)
        while position >= 0:
            occurrences.setdefault(keyword, []).append(position)
            position = text.find(keyword, position + 1)
    starts = [r_start for r_start, _ in ranges]
    disjoint = all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(ranges))
    holding: dict[str, set[int]] = {}  # keyword -> numbers of the ranges that hold it wholly
    for keyword, positions in occurrences.items():
        numbers = holding[keyword] = set()
        if not disjoint:  # not met in practice (regions follow each other); kept for safety
            numbers.update(n for n, (s, e) in enumerate(ranges) if text.find(keyword, s, e) >= 0)
            continue
        for position in positions:
            number = bisect.bisect_right(starts, position) - 1
            if number >= 0 and position + len(keyword) <= ranges[number][1]:
                numbers.add(number)
    by_rule: dict[int, set[int]] = {}  # rule number -> numbers of the ranges with its keywords
    for keyword, numbers in holding.items():
        for number in _RULES_OF_KEYWORD[keyword] if numbers else ():
            by_rule.setdefault(number, set()).update(numbers)
    per_range: list[list[_Rule]] = [[] for _ in ranges]
    for rule_number, rule in enumerate(_CONTEXT_RULES):
        where: Iterable[int]
        if rule.keywords:
            where = by_rule.get(rule_number, ())
        elif rule.gate is not None:
            where = _gated(text, ranges, starts, rule.gate, disjoint=disjoint)
        else:
            where = range(len(ranges))
        for number in where:
            per_range[number].append(rule)
    return per_range


def _gated(
    text: str,
    ranges: Sequence[tuple[int, int]],
    starts: list[int],
    gate: re.Pattern[str],
    *,
    disjoint: bool,
) -> set[int]:
    """The numbers of the ranges text[start:end] where ``gate`` finds a match.

    The gate's matches open with a comma and hold no other, so that they cannot overlap, and
    searches over the whole text, each from the end of the last range found or the comma after
    the last match, find every match a search in a range finds (pinned by
    test_rules_by_range_match_a_search_per_range)."""
    if not disjoint:  # not met in practice (regions follow each other); kept for safety
        return {n for n, (s, e) in enumerate(ranges) if gate.search(text, s, e) is not None}
    numbers = set()
    position = 0
    while (match := gate.search(text, position)) is not None:
        number = bisect.bisect_right(starts, match.start()) - 1
        if number >= 0 and match.end() <= ranges[number][1]:
            numbers.add(number)
            position = ranges[number][1]  # the range is settled: on to the next
        else:
            position = match.start() + 1
    return numbers


def _context(
    text: str,
    start: int,
    end: int,
    blocked: _Spans,
    taken: _Taken,
    *,
    rules: Sequence[_Rule],
) -> Iterator[_Found]:
    """The mentions the context ``rules`` (those ``_rules_by_range`` gives the range) find in
    text[start:end], in rule order."""
    index = gazetteer()
    for rule in rules:
        for match in rule.finditer(text, start, end):
            groups = match.groupdict()  # once: it copies every group of a long list
            noun, suffix, prefix = groups.get("noun"), groups.get("suffix"), groups.get("prefix")
            kind: LocationKind | None = (
                _NOUN_KINDS.get(noun.casefold(), rule.kind) if noun else rule.kind
            )
            if suffix:
                kind = _NOUN_KINDS.get(suffix.split()[-1].casefold(), "other")
            if prefix:
                kind = _NOUN_KINDS.get(prefix.split()[0].casefold().rstrip("."), "other")
            country = None
            if rule.label == "comma_host":
                host = _best_place(normalize(groups["host"]))
                if host is None or host.kind not in ("country", "region"):
                    continue
                country = host.country
                if normalize(groups["name"]) in index:
                    kind = None  # a known place: the host only picks among its namesakes
            group = "names" if rule.label == "list_of" else "name"
            g_start, g_end = match.span(group)
            spans = (
                [m.span() for m in _name_pattern().finditer(text, g_start, g_end)]
                if group == "names"
                else [(g_start, g_end)]
            )
            for n_start, n_end in spans:
                b_start, b_end = _trim_name(text, n_start, n_end)
                name = text[b_start:b_end]
                if not name or not _name_ok(name):
                    continue
                m_start, m_end = b_start, b_end
                if suffix:
                    m_end = match.end("suffix")
                if prefix:
                    m_start = match.start("prefix")
                if (suffix or prefix) and normalize(text[m_start:m_end]) in index:
                    continue  # Golan Heights, Gulf of Aden: the gazetteer knows the whole name
                if blocked.overlaps(m_start, m_end) or taken.overlaps(m_start, m_end):
                    continue
                taken.add(rule.label, m_start, m_end)
                yield _Found(
                    m_start, m_end, b_start, b_end, normalize(name), kind, rule.label, country
                )


def _borders(text: str, start: int, end: int, blocked: _Spans) -> Iterator[tuple[_Found, str]]:
    """``the Syrian-Iraqi border``: a border location named for the two countries."""
    matches = (
        match
        for hit in _BORDER_TRIGGER_PATTERN.finditer(text, start, end)
        for match in _BORDER_PATTERN.finditer(text, max(start, hit.start() - 60), hit.end())
    )
    for match in matches:
        a, b = _demonym_country(match["a"]), _demonym_country(match["b"])
        if a is None or b is None or blocked.overlaps(match.start(), match.end()):
            continue
        name = f"{a.name}–{b.name} border"
        yield _Found(match.start(), match.end(), match.start(), match.end(),
                     normalize(name), "border", "border"), name  # fmt: skip


# --- resolution ----------------------------------------------------------------------------
@dataclass(slots=True)
class _Entity:
    place: Place | None
    kind: LocationKind
    country: str | None
    ambiguous: bool
    name: str | None
    found: list[_Found] = field(default_factory=list)


_CITY_KINDS: Final = frozenset({"city", "town", "village"})


def _weight(place: Place) -> tuple[bool, float]:
    """Sort key: countries and other big features first, then by population, an alternate name
    counting a tenth (Frankfurt am Main, alternately Frankfurt, beats Frankfurt (Oder))."""
    big = place.kind in ("country", "continent", "sea", "river", "mountain", "area")
    return (not big, -place.population * (1 if place.main else 0.1))


def _resolve(key: str, info: _Established | None) -> tuple[Place | None, bool]:
    """The gazetteer place for ``key`` given what context said, and whether it is ambiguous."""
    places = list(_ranked(key))
    if not places:
        return None, False
    if info is not None and info.country:
        places = [p for p in places if p.country == info.country] or places
    if info is not None and info.kinds:
        wanted = info.kinds[0]
        fitting = [
            p for p in places if p.kind == wanted or (wanted in _CITY_KINDS and p.kind == "city")
        ]
        if not fitting and wanted in ("town", "village", "area", "facility", "other"):
            return None, False  # a context-only place that shares a name with a far-off one
        places = fitting or places
    chosen = places[0]
    if chosen.kind in ("country", "continent", "sea", "river", "area", "mountain"):
        return chosen, False
    ratio = settings.LOC_AMBIGUITY_RATIO
    rivals = [
        p
        for p in places[1:]
        if p.country != chosen.country and p.population * ratio >= chosen.population
    ]
    return chosen, bool(rivals)


def _entity_name(entity: _Entity, text: str) -> str:
    place = entity.place
    if place is not None and place.kind in ("country", "continent") and not entity.ambiguous:
        return place.name
    written = [text[f.base_start : f.base_end] for f in entity.found]
    mixed = [w for w in written if not w.isupper()]
    if mixed and mixed.count(mixed[0]) == len(mixed):
        return mixed[0]  # one spelling: what the count below would choose, without a Counter
    if mixed:
        counts = Counter(mixed)  # keeps first-seen order, so ties go to the first written
        return max(counts, key=lambda w: counts[w])
    if place is not None:
        return place.name
    return " ".join(w[:1] + w[1:].lower() for w in written[0].split(" "))


def extract_locations(doc: Document, *, organizations: Sequence[Organization]) -> list[Location]:
    """Every place ``doc`` names, with all its mentions; spans of organizations are skipped.

    Args:
        doc: The segmented article.
        organizations: The organizations found; no location mention overlaps one of theirs.

    Returns:
        One Location per place, spelling variants joined, ids ``loc1``, ``loc2``, … in order of
        first mention; an empty list when the article names none.

    Example:
        >>> from articlemodel.layout import parse_layout
        >>> from articlemodel.segment import segment
        >>> text = "BEIRUT (Reuters) - Fighting spread to the towns of Kafr Hamra and Zarzur."
        >>> locations = extract_locations(segment(text, parse_layout(text)), organizations=[])
        >>> [(loc.name, loc.kind) for loc in locations]
        [('Beirut', 'city'), ('Kafr Hamra', 'town'), ('Zarzur', 'town')]
    """
    text = doc.text
    org_spans = [(m.start, m.end) for org in organizations for m in org.mentions]
    blocked = _Spans(org_spans)
    ranges = [(r.start, r.end) for r in doc.regions]
    view = _plain_view(text)
    found: list[_Found] = []
    established: dict[str, _Established] = {}
    border_names: dict[str, str] = {}

    dateline = doc.layout.dateline
    if dateline is not None and dateline.place:
        position = dateline.mention.start
        parts = []
        for part in dateline.place.split(","):
            parts.append((position, position + len(part)))
            position += len(part) + 1
        sourced = bool(dateline.source or dateline.date_mention)
        found.extend(
            _dateline(
                text, parts, sourced=sourced, blocked=blocked, established=established, view=view
            )
        )
    # A line of its own that gives place and date, as in wire copy: LONDON 1996-08-30.
    for region in doc.regions if _ISO_DATE_PATTERN.search(text) else ():
        line = _PLACE_DATE_LINE_PATTERN.match(text, region.start, region.end)
        if line is not None and not blocked.overlaps(line.start(), line.end()):
            parts = [line.span("place")] + ([line.span("host")] if line["host"] else [])
            found.extend(
                _dateline(
                    text, parts, sourced=True, blocked=blocked, established=established, view=view
                )
            )

    taken = _Taken()
    rules_by_range = _rules_by_range(text, ranges)
    borders = "border" in text  # what _BORDER_TRIGGER_PATTERN needs
    for (r_start, r_end), rules in zip(ranges, rules_by_range, strict=True):
        for b, name in _borders(text, r_start, r_end, blocked) if borders else ():
            border_names[b.key] = name
            taken.add("border", b.start, b.end)
            found.append(b)
        if not rules:
            continue  # most paragraphs: no rule's keyword or gate is there
        for f in _context(text, r_start, r_end, blocked, taken, rules=rules):
            found.append(f)
            info = established.setdefault(f.key, _Established())
            if f.kind is not None:
                info.kinds.append(f.kind)
            if f.country and not info.country:
                info.country = f.country
    both = _Spans(org_spans + [(f.start, f.end) for f in found])
    local_prefixes = _prefixes(established)
    found.extend(
        _scan(
            text,
            [(sentence.start, sentence.end) for sentence in doc.sentences],
            established=established,
            blocked=both,
            view=view,
            local_prefixes=local_prefixes,
        )
    )

    return _build(doc, found, established, border_names)


def _dateline(
    text: str,
    parts: list[tuple[int, int]],
    *,
    sourced: bool,
    blocked: _Spans,
    established: dict[str, _Established],
    view: str | None,
) -> list[_Found]:
    """The places of a dateline (``KABUL, Afghanistan``), given as its comma parts.

    A part the gazetteer lacks is a place only when it comes first and the dateline has an
    outlet or a date (``sourced``: ``HAJIN, Syria (AP) -``) or a known country follows, so that
    ``SOCCER -`` in a sports headline is not one; a later part that is a country or region tells
    the first part's country.
    """
    found: list[_Found] = []
    hosts = [
        place
        for p_start, p_end in parts[1:]
        for place in [_best_place(normalize(text[p_start:p_end]))]
        if place is not None and place.kind in ("country", "region")
    ]
    for number, (p_start, p_end) in enumerate(parts):
        hits = list(
            _scan(
                text, [(p_start, p_end)], established={}, blocked=blocked, view=view, dateline=True
            )
        )
        if number == 0 and hits and hosts:
            established.setdefault(hits[0].key, _Established()).country = hosts[0].country
        found.extend(hits)
        if hits or number > 0 or not (sourced or hosts):
            continue
        b_start, b_end = _trim_name(text, p_start, p_end)
        if b_end > b_start and not blocked.overlaps(b_start, b_end):
            key = normalize(text[b_start:b_end])
            found.append(_Found(b_start, b_end, b_start, b_end, key, None, "dateline"))
            info = established.setdefault(key, _Established())
            info.country = hosts[0].country if hosts else None
    return found


def _build(
    doc: Document,
    found: list[_Found],
    established: dict[str, _Established],
    border_names: dict[str, str],
) -> list[Location]:
    text = doc.text
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)

    resolved: dict[str, tuple[Place | None, bool]] = {}
    entities: dict[object, _Entity] = {}
    for f in kept:
        if f.rule == "border":
            identity: object = ("border", f.key)
            if identity not in entities:
                entities[identity] = _Entity(None, "border", None, False, border_names[f.key])
            entities[identity].found.append(f)
            continue
        info = established.get(f.key)
        known = resolved.get(f.key)
        if known is None:
            known = resolved[f.key] = _resolve(f.key, info)
        place, ambiguous = known
        context_kind = info.kinds[0] if info is not None and info.kinds else None
        if place is not None and place.geonames_id is not None and not ambiguous:
            identity = ("geonames", place.geonames_id, context_kind or place.kind)
        elif place is not None and not ambiguous:
            identity = ("place", place.kind, place.name, place.country)
        else:
            identity = ("key", f.key)
        entity = entities.get(identity)
        if entity is None:
            if place is not None:
                kind: LocationKind = context_kind or _kind(place.kind)
                country = place.country if not ambiguous else (info.country if info else None)
            else:
                kind = context_kind or ("city" if f.rule == "dateline" else "other")
                country = info.country if info else None
            entity = entities[identity] = _Entity(place, kind, country, ambiguous, None)
        entity.found.append(f)

    _countries_from_sentences(doc, entities.values(), resolved)
    locations = []
    for number, entity in enumerate(entities.values(), start=1):
        name = entity.name or _entity_name(entity, text)
        written = [text[f.base_start : f.base_end] for f in entity.found]
        aliases = tuple(dict.fromkeys(w for w in written if w != name))
        place = entity.place if not entity.ambiguous else None
        # validated from plain data in one call: faster than building each Mention first
        locations.append(
            Location.model_validate(
                {
                    "id": f"loc{number}",
                    "name": name,
                    "kind": entity.kind,
                    "country": entity.country,
                    "latitude": place.latitude if place else None,
                    "longitude": place.longitude if place else None,
                    "geonames_id": place.geonames_id if place else None,
                    "aliases": aliases,
                    "mentions": [
                        {"text": text[f.start : f.end], "start": f.start, "end": f.end}
                        for f in entity.found
                    ],
                }
            )
        )
    return locations


def _countries_from_sentences(
    doc: Document,
    entities: Iterable[_Entity],
    resolved: dict[str, tuple[Place | None, bool]],
) -> None:
    """A context-only place without a country takes the one country of the known places in the
    sentences that mention it, when there is exactly one (``the towns of Hajin and X`` → Syria
    when Hajin is the Syrian town); a country named as a border (``the border with Iraq``) does
    not count. With no evidence in its sentences, the article's one country, if it has one."""
    needy = [
        entity
        for entity in entities
        if entity.place is None and entity.country is None and entity.kind != "border"
    ]
    if not needy:
        return  # most articles: every place has its country, the evidence below is not read
    by_sentence: dict[int, set[str]] = {}
    for entity in entities:
        for f in entity.found:
            place, ambiguous = resolved.get(f.key, (None, True))
            sentence = doc.sentence_at(f.start)
            if (
                place is not None
                and not ambiguous
                and place.country
                and sentence is not None
                and not _BORDER_BEFORE_PATTERN.search(doc.text, max(0, f.start - 30), f.start)
                and not _BORDER_AFTER_PATTERN.match(doc.text, f.end)
            ):  # "the border with Iraq" says where a place is not
                by_sentence.setdefault(sentence.start, set()).add(place.country)
    article_countries = set().union(*by_sentence.values())
    for entity in needy:
        countries: set[str] = set()
        for f in entity.found:
            sentence = doc.sentence_at(f.start)
            if sentence is not None:
                countries |= by_sentence.get(sentence.start, set())
        if not countries:  # nothing in its sentences: the article's one country, if it has one
            countries = set(article_countries)
        if len(countries) == 1:
            entity.country = countries.pop()


_KINDS: Final[MappingProxyType[str, LocationKind]] = MappingProxyType(
    {"country": "country", "region": "region", "city": "city", "river": "river", "sea": "sea",
     "mountain": "mountain", "area": "area", "facility": "facility", "continent": "continent"}
)  # fmt: skip


def _kind(kind: str) -> LocationKind:
    return _KINDS.get(kind, "other")
