"""People: every person the article names, with role, affiliation and every mention.

The method is the one rule-based NER systems use for person names (trigger words and
gazetteers, as in GATE ANNIE's name grammars): find runs of capitalised words, then keep a run
as a person when its context says so, and only then look for the person's other mentions.

A run of capitalised words (particles inside: ``al-Assad``, ``van der Leyen``, ``da Silva``) is
a person when one of these holds, tried in order (the first that holds is the evidence):

1. ``honorific``: it opens with an honorific (``Mr Smith``, ``Ms. Jones``, ``Dr Lee``).
2. ``title``: it opens with a role (``Defence Minister Ben Wallace``, ``Reuters CEO Jane Doe``,
   ``President Obama``); the role is kept.
3. ``role_before``: a lower-case role noun stands right before it (``spokesman John Kirby``).
4. ``appositive``: a role follows it (``Jane Doe, a spokesperson for the ministry,``).
5. ``speaker``: a reporting cue stands next to it (``Jane Doe said``, ``said Jane Doe``,
   ``according to Jane Doe``, ``Jane Doe told Reuters``).
6. ``given_name``: its first word is a known given name (``lexicons/names_given.txt``).
7. ``credit``: a credit line names it (``Editing by Jane Doe``).

Rules 3 to 6 need two words or more: a single capitalised word next to ``said`` is as often an
organization or a place as a surname. A run is never a person when it holds a word that no name
holds (``Ministry``, ``River``, ``Monday``: ``lexicons/people_non_name_words.txt``) or overlaps
an organization or location mention.

Mentions are then found by one scan of the text for each person's forms: the full name, the
surname with and without its particle (``al-Assad`` and ``Assad`` for a name ending in
``al-Assad``), the last two words of a name of four words (``López Obrador``). An honorific
before a mention joins it (``Mr Smith``); a title does not (``President Obama`` gives
``Obama``). A surname shared by two people goes to the one mentioned last. Pronouns are not
mentions: the quotes extractor resolves them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex
from pydantic import TypeAdapter

from articlemodel.extract.stdlib import POSSESSIVE, compile_possessive
from articlemodel.extract.trie import trie_alternation
from articlemodel.lexicons import load_lines, load_set, register_cache
from articlemodel.models import Location, Organization, Person
from articlemodel.segment import Document
from articlemodel.settings import (
    MAX_APPOSITIVE_ROLE_CHARS,
    MAX_GIVEN_NAME_RUN_WORDS,
    MAX_ROLE_WORDS_BEFORE,
    MAX_RUN_WORDS,
)

__all__ = ["extract_people"]

_SPACE_RE = r"[ \u00a0]"
_PARTICLES = load_lines("names_particles.txt")
# Particles that join with a space or a hyphen (bin Salman, al-Assad), and those that join
# only with a hyphen (as-Sisi): "as", "at", "an" are English words before a capital too.
_SPACE_PARTICLES = [p for p in _PARTICLES if not p.endswith("-")]
_HYPHEN_PARTICLES = [p[:-1] for p in _PARTICLES if p.endswith("-")]
_HONORIFICS = load_set("people_honorifics.txt")
_TITLES = load_set("titles.txt")
_TITLE_MODIFIERS = load_set("titles_modifiers.txt")
_FUNCTION_WORDS = load_set("people_function_words.txt")
_NON_NAME_WORDS = load_set("people_non_name_words.txt")
_NOT_NAME_WORDS = _NON_NAME_WORDS | _HONORIFICS
_ROLE_WORDS = _TITLES | _TITLE_MODIFIERS
_SURNAME_FIRST = load_set("names_surname_first.txt")
# Abbreviations that keep their period inside a run: "Mr.", "Gen.", "Lt.", "Jr.".
_ABBREVIATIONS = sorted(
    {w for w in _HONORIFICS if len(w) <= 4}
    | {w.capitalize() for w in _TITLES | _TITLE_MODIFIERS if len(w) <= 4 and w.isalpha()}
    | {"Jr", "Sr"}
)

# One capitalised word: McCain, O'Leary, Jean-Luc, Abdul-Mahdi, SDF; with its period when it
# is a known abbreviation (Mr., Gen.). Never the possessive 's.
_WORD_RE = r"""
    (?:(?=\p{Lu}[^.]{0,3}\.)                          # a period soon: the first three may fit
       (?:\L<abbreviations>\.(?=[ \u00a0]\p{Lu})      # Mr. Smith, Gen. Lee
         |(?:Jr|Sr)\.                                 # William Clay Ford Jr.
         |(?:\p{Lu}\.){1,3}(?=[ \u00a0]\p{Lu}))        # initials: Michael R. Golden, U.S. President
      |\p{Lu}[\p{L}\p{M}]*+(?:['’]\p{Lu}[\p{L}\p{M}]*+)*+(?:-[\p{L}\p{M}]++)*+)
"""
# Particles between two words: "al-", "bin ", "van der ", "de la ".
_PARTICLE_RE = rf"(?:(?:\L<space_particles>(?:-|{_SPACE_RE}))|(?:\L<hyphen_particles>-))"
# A run of two or more capitalised words (one word is never a candidate: see _candidate); the
# captures of ``word`` are its words, particles attached to the word they precede. The first
# word is atomic, so that where a run has one word only the pattern fails there instead of
# trying a shorter first word; no run can start inside that word either (the lookbehind).
# Every alternative of _WORD_RE opens with a capital, the abbreviations (of four characters at
# most) too, as a test checks: the lookaheads (?=\p{Lu}) only spare the engine work.
_RUN_PATTERN = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{M}}\p{{Nd}}'’\-.])      # not inside a word
    (?=\p{{Lu}})(?>(?P<word>{_WORD_RE}))
    (?:{_SPACE_RE}(?P<word>{_PARTICLE_RE}{{0,3}}+(?=\p{{Lu}}){_WORD_RE}))++   # more words
    """,
    regex.VERBOSE | regex.VERSION1,
    abbreviations=_ABBREVIATIONS,
    space_particles=_SPACE_PARTICLES,
    hyphen_particles=_HYPHEN_PARTICLES,
)


# The stdlib form of _RUN_PATTERN, read on the ASCII view of a text whose characters outside
# ASCII are no letters, marks or digits as ``regex`` reads them (_ascii_view): one byte per
# character, ’ read as ', a no-break space as a space, any other character outside ASCII as ?.
# There \p{Lu} is [A-Z], [\p{L}\p{M}] is [A-Za-z] and \p{Nd} is [0-9]; ’ and ' stand together
# in every class of _RUN_PATTERN, as a space and a no-break space do, and ? (like the characters
# it stands for) in none; and the stdlib engine scans bytes several times faster. The word lists
# become tries: every entry is letters only (a test checks), so at most one can be followed by
# the period or the separator it needs, and the order of the branches changes no match; an
# entry with a letter outside ASCII cannot match such a text and is left out. The stdlib engine
# has no repeated captures: the words are read from the run's pieces (_ascii_run_words).
def _ascii_trie(words: Iterable[str]) -> str:
    return trie_alternation(w for w in words if w.isascii())


_ASCII_WORD_RE = rf"""
    (?:(?=[A-Z][^.]{{0,3}}\.)
       (?:{_ascii_trie(_ABBREVIATIONS)}\.(?=[ ][A-Z])
         |(?:Jr|Sr)\.
         |(?:[A-Z]\.){{1,3}}(?=[ ][A-Z]))
      |[A-Z][A-Za-z]*+(?:'[A-Z][A-Za-z]*+)*+(?:-[A-Za-z]++)*+)
"""
_ASCII_PARTICLE_RE = (
    rf"(?:{_ascii_trie(_SPACE_PARTICLES)}(?:-|[ ])|{_ascii_trie(_HYPHEN_PARTICLES)}-)"
)
_ASCII_RUN_PATTERN = compile_possessive(
    rf"""
    (?<![A-Za-z0-9'\-.])
    (?>{_ASCII_WORD_RE})
    (?:[ ]{_ASCII_PARTICLE_RE}{{0,3}}+(?=[A-Z]){_ASCII_WORD_RE})++
    """.encode("ascii"),
    re.VERBOSE,
)
# Where a run of _ASCII_RUN_PATTERN can start: a capital that opens a word, whose word (letters,
# apostrophes, hyphens, periods) is followed by a space and a capital or a particle. Searched
# once in the whole text: where a region ends does not matter, since it finds every place where
# a run can start in any region (and more); the run pattern is then tried only there (about 20
# places in an article instead of every character). It reads the view with every capital as
# "A" (_CAPITALS_AS_A; particles are lower case, as a test checks): the pattern opens with one
# literal character, which the stdlib engine skips to faster than to a class.
_CAPITALS_AS_A = bytes.maketrans(string.ascii_uppercase.encode("ascii"), b"A" * 26)
_ASCII_RUN_START_PATTERN = compile_possessive(
    rf"A(?<![Aa-z0-9'\-.]A)(?=[Aa-z'\-.]*+[ ]"
    rf"(?:A|{_ascii_trie(_SPACE_PARTICLES + _HYPHEN_PARTICLES)}[\- ]))".encode("ascii")
)
# What a text may not hold outside ASCII for the ASCII view.
_NOT_SIMPLE_PATTERN = regex.compile(r"[\p{L}\p{M}\p{Nd}]", regex.VERSION1)
_ASCII_BYTES = bytes(range(128))


def _simple_text(text: str) -> bool:
    """Whether none of the characters of ``text`` outside ASCII is a letter, a mark or a digit
    (read from its UTF-8 bytes without the ASCII ones: the other characters' bytes). Always
    False where ``re`` cannot read or match the stdlib forms right (before Python 3.11.5:
    see extract.stdlib)."""
    if not POSSESSIVE:
        return False
    if text.isascii():
        return True
    others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return _NOT_SIMPLE_PATTERN.search(others.decode("utf-8", "surrogatepass")) is None


_AsciiView = tuple[bytes, list[int]]


def _ascii_view(text: str) -> _AsciiView | None:
    """The ASCII view of ``text`` (see _ASCII_RUN_PATTERN) and the places where a run can start
    in it; None where the text is not simple (_simple_text)."""
    if not _simple_text(text):
        return None
    data = text.replace("’", "'").replace("\u00a0", " ").encode("ascii", "replace")
    capitals_as_a = data.translate(_CAPITALS_AS_A)
    return data, [found.start() for found in _ASCII_RUN_START_PATTERN.finditer(capitals_as_a)]


def _ascii_run_words(data: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """The word spans of the run ``data[start:end]`` of _ASCII_RUN_PATTERN, as _RUN_PATTERN
    captures them. The run's words are separated by single spaces; a piece between two spaces
    that holds no capital is a particle joined by a space (``van``, ``de-la``), and belongs to
    the word after it."""
    spans = []
    begin = pos = start
    for piece in data[start:end].split(b" "):
        pos += len(piece)
        if not piece.islower():  # a capital: the piece ends a word
            spans.append((begin, pos))
            begin = pos + 1
        pos += 1
    return spans


_Run = tuple[list[tuple[int, int]], int, int]


def _runs(
    text: str,
    regions: Iterable[tuple[int, int]],
    view: _AsciiView | None,
    blocked: _Spans | None = None,
) -> list[_Run]:
    """Each match of _RUN_PATTERN in each region ``(start, end)`` of ``text``, in order, as (the
    spans of its words, the region's start, the region's end); read from the ASCII ``view`` of
    the text where it has one. A run that lies inside one ``blocked`` span is left out: any
    name in it would overlap an organization or a place."""
    found: list[_Run] = []
    if view is None:
        for start, end in regions:
            for match in _RUN_PATTERN.finditer(text, start, end):
                if blocked is None or not blocked.covers(*match.span()):
                    found.append((match.spans("word"), start, end))
        return found
    data, starts = view
    for start, end in regions:
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        scanned = start
        for at in starts[lo:hi]:
            if at < scanned:
                continue  # inside the run found last: finditer would not look there
            run = _ASCII_RUN_PATTERN.match(data, at, end)
            if run is not None:
                scanned = run.end()
                if blocked is None or not blocked.covers(at, scanned):
                    found.append((_ascii_run_words(data, at, scanned), start, end))
    return found


_CUES = load_lines("reporting_cues.txt")
_CUE_SET = frozenset(_CUES)
# Cues that may stand before their speaker ('said Jane Doe'); 'told Jane Doe' names the
# listener, 'warned Jane Doe' the one warned.
_INVERTED_CUES = frozenset(
    {
        "according to", "added", "adds", "answered", "argued", "asked", "commented",
        "concluded", "continued", "countered", "declared", "explained", "insisted", "noted",
        "observed", "recalled", "remarked", "replied", "responded", "retorted", "said", "says",
        "stated", "tweeted", "wrote", "writes",
    }
)  # fmt: skip
# A cue after the run: "Jane Doe said", "Jane Doe, a spokesperson for X, said", "Jane Doe
# also told Reuters". The appositive is bounded, so the match is too.
_CUE_AFTER_RE = rf"""
    (?:,{_SPACE_RE}[^,;\n“”"«»]{{1,{MAX_APPOSITIVE_ROLE_CHARS}}}+,)?  # an appositive
    {_SPACE_RE}++
    (?:(?:also|then|later|had|has|have|was|were|would|will|further|again|previously|earlier)
       {_SPACE_RE}++){{0,2}}+
"""


@functools.cache
def _cue_after_pattern() -> regex.Pattern[str]:
    """The pattern of a cue after the run, for any text; compiled on first need (a text that is
    not simple, see _simple_text), as it takes long to compile."""
    return regex.compile(
        _CUE_AFTER_RE + r"\L<cues>(?![\p{L}\p{M}])",
        regex.VERBOSE | regex.VERSION1,
        cues=_CUES,
    )


# Its stdlib form, for a simple text: there [\p{L}\p{M}] is [A-Za-z]; the cues as a trie, which
# matches where the list does (only whether a match exists is read). Tests compare the two.
_ASCII_CUE_AFTER_PATTERN = compile_possessive(
    _CUE_AFTER_RE + trie_alternation(_CUES) + "(?![A-Za-z])", re.VERBOSE
)
# A cue before the run: "said Jane Doe", "according to Jane Doe"; matched at the end of a
# short window before the run.
_CUE_BEFORE_PATTERN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])\L<cues>{_SPACE_RE}++(?:the{_SPACE_RE}++)?$",
    regex.VERSION1,
    cues=sorted(_INVERTED_CUES & set(_CUES)),
)
# What text before a match's final spaces ends with (see _cue_before).
_CUE_BEFORE_ENDINGS = (*sorted(_INVERTED_CUES & set(_CUES)), "the")
# A role after the run: ", a spokesperson for the ministry", ", 54, the head of the agency".
# Periods stay inside initialisms (U.S.); the role ends at other punctuation.
_APPOSITIVE_PATTERN = regex.compile(
    rf"""
    ,{_SPACE_RE}(?:\p{{Nd}}{{1,3}},{_SPACE_RE})?
    (?P<role>(?:[^,;:.!?\n“”"«»()\[\]]|(?<=(?<![\p{{L}}])(?:\p{{Lu}}\.)*\p{{Lu}})\.)
             {{2,{MAX_APPOSITIVE_ROLE_CHARS}}}+)
    """,
    regex.VERBOSE | regex.VERSION1,
)
_ROLE_TOKEN_PATTERN = regex.compile(r"[\p{L}\p{M}\p{Nd}.'’\-]+")
# Their stdlib forms, for a text with no letter, mark or digit outside ASCII (_simple_text):
# there [\p{L}\p{M}] is [A-Za-z], \p{Lu} [A-Z] and \p{Nd} [0-9]. The lookbehind of an initialism's
# period reads two characters: a period after (\p{Lu}\.)*\p{Lu} whose start follows no letter
# is a period after a capital that follows no letter (the character before a repeated "X." is a
# period, no letter), as a test checks on both patterns.
_ASCII_APPOSITIVE_PATTERN = compile_possessive(
    rf"""
    ,{_SPACE_RE}(?:[0-9]{{1,3}},{_SPACE_RE})?
    (?P<role>(?:[^,;:.!?\n“”"«»()\[\]]|(?<![A-Za-z][A-Z])(?<=[A-Z])\.)
             {{2,{MAX_APPOSITIVE_ROLE_CHARS}}}+)
    """,
    re.VERBOSE,
)
_ASCII_ROLE_TOKEN_PATTERN = re.compile(r"[A-Za-z0-9.'’\-]+")
_ROLE_ARTICLES = frozenset({"a", "an", "the", "his", "her", "its", "their", "then"})
# The same, searched from the right: the word that ends where a walk back stands.
_LAST_TOKEN_PATTERN = regex.compile(r"(?r)[\p{L}\p{M}\p{Nd}.'’\-]+")
# Its characters in a simple text (_simple_text), where no other character outside ASCII is a
# letter, a mark or a digit.
_ASCII_TOKEN_CHARS = frozenset(string.ascii_letters + string.digits + ".'’-")
_HONORIFIC_BEFORE_PATTERN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])\L<honorifics>\.?{_SPACE_RE}$",
    regex.VERSION1,
    honorifics=sorted(_HONORIFICS),
)
_WINDOW = 60
_INITIALS_PATTERN = regex.compile(r"(?:\p{Lu}\.)+")
# The second half of compound adjectives, never of a hyphenated name.
_COMPOUND_ENDINGS = frozenset(
    {"backed", "based", "born", "controlled", "era", "funded", "held", "led", "linked",
     "owned", "run", "style", "supported", "type"}
)  # fmt: skip


@dataclass(slots=True)
class _Candidate:
    """A name found in context, before mentions are collected."""

    name: str
    start: int
    end: int
    evidence: str
    role: str | None = None
    role_start: int = 0
    role_end: int = 0


@dataclass(slots=True)
class _Entity:
    name: str
    words: int
    role: str | None
    role_span: tuple[int, int]
    forms: set[str]


class _Spans:
    """Organization and location mentions, for an O(log n) overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self._starts = [s for s, _ in spans]
        self._max_ends = list(itertools.accumulate([end for _, end in spans], max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._max_ends[i] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``start``-``end``."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._max_ends[i] >= end


def _clean(token: str) -> str:
    """A token as the title and word sets know it: no period, no possessive."""
    token = token.rstrip(".")
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    return token


@functools.lru_cache(maxsize=65_536)
def _folded(token: str) -> str:
    """``_clean(token)`` in lower case, as the word sets hold it."""
    return _clean(token).lower()


def _is_title(token: str) -> bool:
    return _folded(token) in _TITLES


def _is_role_word(token: str) -> bool:
    return _folded(token) in _ROLE_WORDS


@functools.lru_cache(maxsize=65_536)
def _is_name_word(token: str) -> bool:
    """A word a name can hold: capitalised, with a lower-case letter, not a non-name word."""
    core = token
    if "-" in core and core[0].islower():  # al-Assad: judge the part after the particle
        core = core.rsplit("-", 1)[-1]
    if " " in core:  # "van der Leyen"
        core = core.rsplit(" ", 1)[-1]
    if "." in core and _INITIALS_PATTERN.fullmatch(core):
        return True
    if not any(c.islower() for c in core):
        return False
    clean = _clean(core)
    if clean in _NOT_NAME_WORDS:
        return False
    head, _, rest = core.partition("-")
    if rest and (head in _NON_NAME_WORDS or rest in _COMPOUND_ENDINGS):
        return False  # "City-based", "Kurdish-led", "Iran-backed"
    return clean.lower() not in _FUNCTION_WORDS


def _role_before(
    text: str, start: int, floor: int, *, simple: bool = False
) -> tuple[int, int] | None:
    """The role words right before ``start`` (``former Defence``, ``the agency's spokesman``).

    Walks back over capitalised words and role words joined by single spaces, at most
    ``MAX_ROLE_WORDS_BEFORE`` of them, and stops at function words; returns the span from the
    first word to the end of the last, or None. Where the text is ``simple`` (_simple_text),
    each word is read by a walk back over _ASCII_TOKEN_CHARS instead of _LAST_TOKEN_PATTERN.
    """
    begin = end = start
    pos = start
    taken = 0
    while taken < MAX_ROLE_WORDS_BEFORE and pos - 1 > floor and text[pos - 1] in " \u00a0":
        lo = max(floor, pos - 41)
        if simple:
            at = pos - 1
            while at > lo and text[at - 1] in _ASCII_TOKEN_CHARS:
                at -= 1
            if at == pos - 1:
                break
            token_start = at
        else:
            match = _LAST_TOKEN_PATTERN.search(text, lo, pos - 1)
            if match is None or match.end() != pos - 1:
                break
            token_start = match.start()
        token = text[token_start : pos - 1]
        if _folded(token) in _FUNCTION_WORDS:
            break
        if not (token[0].isupper() or _is_role_word(token)):
            break
        if taken == 0:
            end = pos - 1
        begin = pos = token_start
        taken += 1
    return (begin, end) if taken else None


def _appositive(text: str, end: int, stop: int, simple: bool) -> tuple[int, int] | None:
    """The span of a role after ``end`` (``, a spokesperson for the ministry``), or None; by
    the stdlib patterns where the text is ``simple`` (_simple_text)."""
    if not text.startswith((", ", ",\u00a0"), end, stop):
        return None  # how every match opens
    if simple:
        match: re.Match[str] | regex.Match[str] | None
        match = _ASCII_APPOSITIVE_PATTERN.match(text, end, stop)
        token_pattern: re.Pattern[str] | regex.Pattern[str] = _ASCII_ROLE_TOKEN_PATTERN
    else:
        match = _APPOSITIVE_PATTERN.match(text, end, stop)
        token_pattern = _ROLE_TOKEN_PATTERN
    if match is None:
        return None
    role_start, role_end = match.span("role")
    tokens = token_pattern.finditer(text, role_start, role_end)
    # Cut a role that runs into its cue: "a spokesman for the army said". The title is looked
    # for in its first five words (four after an article); the rest is read only if it has one.
    first: list[str] = []
    kept_end = role_start
    for token in tokens:
        word = token.group()
        if word in _CUE_SET:
            break
        first.append(word)
        kept_end = token.end()
        if len(first) == 5:
            break
    words = first[1:] if first and first[0].lower() in _ROLE_ARTICLES else first
    if not any(_is_title(w) for w in words[:4]):
        return None
    if len(first) == 5:
        for token in tokens:
            if token.group() in _CUE_SET:
                break
            kept_end = token.end()
    return role_start, kept_end


def _cue_before(text: str, lo: int, end: int) -> bool:
    """Whether ``_CUE_BEFORE_PATTERN.search(text, lo, end)`` matches, searched only when the
    text ends as a match must: with a cue or "the" before spaces (the spaces a match ends with
    are all those there, as a letter comes before them), and perhaps a final newline ($ also
    matches before one)."""
    end = min(end, len(text))
    k = end - 1 if end > lo and text[end - 1] == "\n" else end
    j = k
    while j > lo and text[j - 1] in " \u00a0":
        j -= 1
    if j == k or not text.endswith(_CUE_BEFORE_ENDINGS, lo, j):
        return False
    return _CUE_BEFORE_PATTERN.search(text, lo, end) is not None


def _has_cue(text: str, start: int, end: int, stop: int, floor: int, *, simple: bool) -> bool:
    """Whether a reporting cue stands right after ``text[start:end]`` or right before it (by
    the stdlib pattern where the text is ``simple``: see _simple_text)."""
    # A match of the cue pattern opens with a comma or a space (tried only then).
    if end < stop and text[end] in ", \u00a0":
        after: re.Pattern[str] | regex.Pattern[str]
        after = _ASCII_CUE_AFTER_PATTERN if simple else _cue_after_pattern()
        if after.match(text, end, stop):
            return True
    return _cue_before(text, max(floor, start - _WINDOW), start)


# What a word of a run is, as bits of _word_flags.
_FUNCTION = 1  # a function word ("The", "But"): _folded in _FUNCTION_WORDS
_TITLE = 2  # _is_title
_ROLE = 4  # _is_role_word
_NAME = 8  # _is_name_word
_HONORIFIC = 16  # an honorific, with or without its period


@functools.lru_cache(maxsize=65_536)
def _word_flags(token: str) -> int:
    """What ``_candidate`` asks of a word of a run, read once per word (bits above)."""
    folded = _folded(token)
    return (
        (_FUNCTION if folded in _FUNCTION_WORDS else 0)
        | (_TITLE if folded in _TITLES else 0)
        | (_ROLE if folded in _ROLE_WORDS else 0)
        | (_NAME if _is_name_word(token) else 0)
        | (_HONORIFIC if token.rstrip(".") in _HONORIFICS else 0)
    )


def _candidate(
    text: str,
    words: list[tuple[int, int]],
    floor: int,
    stop: int,
    *,
    simple: bool,
    blocked: _Spans,
) -> _Candidate | None:
    """The person a run of capitalised words (the spans of its ``words``) names, if its
    context says it is one (``simple``: see _simple_text). A name that overlaps a ``blocked``
    span may be returned or not: the caller drops it."""
    start = words[0][0]
    if len(words) < 2:
        return None  # one word is a person only by its mentions of a name found elsewhere
    # A longer run is a title or a heading; a name can only stand at its end.
    if len(words) > MAX_RUN_WORDS:
        words = words[-MAX_RUN_WORDS:]
    flags = [_word_flags(text[s:e]) for s, e in words]
    # Strip the words that open sentences: "But", "The", "According".
    first = 0
    while first < len(flags) and flags[first] & _FUNCTION:
        first += 1
    if first:
        words, flags = words[first:], flags[first:]
    last = len(words) - 1
    if last < 1:
        # One word left ("The SDF"): no honorific, no title, and one word needs either.
        return None
    honorific = last > 0 and flags[0] & _HONORIFIC != 0
    # A role inside the run: everything up to the last title that has a name after it;
    # after an honorific, the titles that follow it ("Mr Justice Anthony Mann").
    split = 0
    if honorific:
        split = 1
        while split < last and flags[split] & _ROLE:
            split += 1
    else:
        for i in range(last - 1, -1, -1):
            if flags[i] & _TITLE:
                split = i + 1
                break
    if flags[split] & _ROLE or not all(f & _NAME for f in flags[split:]):
        # A tail of two words or more, before the last word, needs three words.
        return _given_name_tail(text, words, flags) if last > 1 else None
    count = len(words) - split
    name_start, name_end = words[split][0], words[-1][1]
    if blocked.overlaps(name_start, name_end):
        return None  # an organization or a place: the caller would drop it (no evidence read)

    role: tuple[int, int] | None = None
    evidence = ""
    if honorific:
        evidence = "honorific"
    elif split:
        evidence = "title"
        role = (words[0][0], words[split - 1][1])
        before = _role_before(text, words[0][0], floor, simple=simple)
        if before is not None:
            role = (before[0], role[1])
    if role is None and not honorific:
        before = _role_before(text, start, floor, simple=simple)
        if before is not None:
            last_token = _ROLE_TOKEN_PATTERN.search(text, before[0], before[1])
            tail = text[before[0] : before[1]].rsplit(" ", 1)[-1]
            if last_token is not None and _is_title(tail):
                role = before
                evidence = evidence or "role_before"
    if role is None:
        role = _appositive(text, name_end, stop, simple)
        if role is not None:
            evidence = evidence or "appositive"
    if not evidence and count >= 2:
        if _has_cue(text, name_start, name_end, stop, floor, simple=simple):
            evidence = "speaker"
        elif count <= MAX_GIVEN_NAME_RUN_WORDS and text[slice(*words[split])] in _given_names():
            evidence = "given_name"
    if not evidence or (count < 2 and evidence not in {"honorific", "title"}):
        return None
    cand = _Candidate(text[name_start:name_end], name_start, name_end, evidence)
    if role is not None:
        cand.role, cand.role_start, cand.role_end = text[role[0] : role[1]], role[0], role[1]
    return cand


def _given_name_tail(
    text: str, words: list[tuple[int, int]], flags: list[int]
) -> _Candidate | None:
    """A name at the end of a run that is not one: "Chrysler LLC Jim Press" gives Jim Press.
    ``flags`` are the words' _word_flags."""
    for i in range(max(1, len(words) - MAX_GIVEN_NAME_RUN_WORDS), len(words) - 1):
        if text[slice(*words[i])] in _given_names() and all(f & _NAME for f in flags[i:]):
            return _Candidate(
                text[words[i][0] : words[-1][1]], words[i][0], words[-1][1], "given_name"
            )
    return None


@functools.cache
def _given_names() -> frozenset[str]:
    return load_set("names_given.txt")


register_cache(_given_names.cache_clear)


def _forms(name: str) -> set[str]:
    """The strings that mention the person named ``name``: full name and surname forms."""
    forms = {name}
    parts = name.split()
    while len(parts) > 2 and parts[-1].rstrip(".") in {"Jr", "Sr", "II", "III", "IV"}:
        parts.pop()
    if len(parts) < 2:
        return forms
    # Particles before the surname: "van der Leyen", "bin Salman".
    i = len(parts) - 1
    while i > 1 and parts[i - 1] in _SPACE_PARTICLES:
        i -= 1
    surname = " ".join(parts[i:])
    forms.add(surname)
    forms.add(surname[0].upper() + surname[1:])  # "Van der Leyen" opening a sentence
    particle, _, core = parts[-1].partition("-")
    if core and (particle in _SPACE_PARTICLES or particle in _HYPHEN_PARTICLES):
        forms.add(core)  # al-Assad → Assad
        forms.add(f"{particle.capitalize()}-{core}")
    elif i == len(parts) - 1 and len(parts) >= 4:
        forms.add(" ".join(parts[-2:]))  # Andrés Manuel López Obrador → López Obrador
    if len(parts) <= 3 and parts[0] in _SURNAME_FIRST:
        forms.add(parts[0])  # Xi Jinping → Xi
    return forms


def _merge(candidates: list[_Candidate]) -> list[_Entity]:
    """One entity per person: equal names, and a surname alone, join the full name."""
    entities: list[_Entity] = []
    by_form: dict[str, int] = {}
    forms_of: dict[str, set[str]] = {}  # _forms of each name, built once per call
    for cand in candidates:
        forms = forms_of.get(cand.name)
        if forms is None:
            forms = forms_of[cand.name] = _forms(cand.name)
        words = len(cand.name.split())
        index = by_form.get(cand.name)
        if index is None and words > 1:
            # An earlier single-word person ("President Obama") this full name completes.
            for form in forms:
                j = by_form.get(form)
                if j is not None and entities[j].words == 1:
                    index = j
                    break
        if index is None:
            entities.append(_Entity(cand.name, words, None, (0, 0), set()))
            index = len(entities) - 1
        entity = entities[index]
        if words > entity.words:
            entity.name, entity.words = cand.name, words
        if entity.role is None and cand.role:
            entity.role, entity.role_span = cand.role, (cand.role_start, cand.role_end)
        if not forms <= entity.forms:
            # (else every form of the entity is a key of by_form already: set below)
            entity.forms |= forms
            for form in entity.forms:
                by_form.setdefault(form, index)
    return entities


def _affiliation(entity: _Entity, text: str, organizations: Sequence[Organization]) -> str | None:
    if entity.role is None:
        return None
    start, end = entity.role_span
    for org in organizations:
        for mention in org.mentions:
            if mention.start < end and start < mention.end:
                return org.id
    role = entity.role
    for org in organizations:
        for label in (org.name, org.acronym, *org.aliases):
            if label and _contains_word(role, label):
                return org.id
    return None


def _contains_word(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` as whole words."""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            return True
        at = text.find(phrase, at + 1)
    return False


_PEOPLE = TypeAdapter(list[Person])


def _credit_candidates(doc: Document) -> list[_Candidate]:
    found = []
    for credit in doc.layout.credits:
        mention = credit.mention
        pos = 0
        for name in credit.names:
            at = mention.text.find(name, pos)
            if at < 0:
                continue
            pos = at + len(name)
            start = mention.start + at
            found.append(_Candidate(name, start, start + len(name), "credit"))
    return found


def extract_people(
    doc: Document, *, organizations: Sequence[Organization], locations: Sequence[Location]
) -> list[Person]:
    """Every person ``doc`` names, with role, affiliation and all mentions.

    Args:
        doc: The segmented article.
        organizations: The organizations found: no person overlaps one of their mentions, and
            a role that names one gives the person's ``affiliation_id``.
        locations: The locations found: no person overlaps one of their mentions.

    Returns:
        People in order of first mention, with ids ``per1``, ``per2``, ...

    Example:
        >>> from articlemodel.layout import parse_layout
        >>> from articlemodel.segment import segment
        >>> text = "Ms. Jane Doe, a spokesperson for the agency, said so. Doe added more."
        >>> [p] = extract_people(segment(text, parse_layout(text)), organizations=[], locations=[])
        >>> p.name, p.role, [m.text for m in p.mentions]
        ('Jane Doe', 'a spokesperson for the agency', ['Ms. Jane Doe', 'Doe'])
    """
    text = doc.text
    spans = [(m.start, m.end) for org in organizations for m in org.mentions]
    spans += [(m.start, m.end) for loc in locations for m in loc.mentions]
    blocked = _Spans(spans)
    candidates: list[_Candidate] = []
    view = _ascii_view(text)
    simple = view is not None
    regions = [(r.start, r.end) for r in doc.regions]
    for words, floor, stop in _runs(text, regions, view, blocked):
        cand = _candidate(text, words, floor, stop, simple=simple, blocked=blocked)
        if cand is not None and not blocked.overlaps(cand.start, cand.end):
            candidates.append(cand)
    candidates.extend(c for c in _credit_candidates(doc) if not blocked.overlaps(c.start, c.end))
    candidates.sort(key=lambda c: c.start)
    entities = _merge(candidates)
    if not entities:
        return []
    mentions = _scan(text, entities, blocked, simple)
    order = sorted((i for i in range(len(entities)) if mentions[i]), key=lambda i: mentions[i][0])
    # validated from plain data in one call: faster than building each Person and Mention first
    return _PEOPLE.validate_python(
        [
            {
                "id": f"per{number}",
                "name": entities[i].name,
                "role": entities[i].role,
                "affiliation_id": _affiliation(entities[i], text, organizations),
                "mentions": [{"text": text[s:e], "start": s, "end": e} for s, e in mentions[i]],
            }
            for number, i in enumerate(order, start=1)
        ]
    )


_NEXT_WORD_PATTERN = regex.compile(rf"{_SPACE_RE}(?P<word>\p{{Lu}}[\p{{L}}\p{{M}}]*)")
# What may not stand right before a mention, and right after one.
_FORM_BEFORE_PATTERN = regex.compile(r"[\p{L}\p{M}\p{Nd}\-]")
_FORM_AFTER_PATTERN = regex.compile(r"[\p{L}\p{M}\p{Nd}]|-\p{L}")
_PREVIOUS_WORD_PATTERN = regex.compile(rf"(?P<word>\p{{Lu}}[\p{{L}}\p{{M}}]*+){_SPACE_RE}$")


# Their stdlib forms, for a text with no letter, mark or digit outside ASCII (_simple_text):
# [A-Za-z] for [\p{L}\p{M}], [A-Z] for \p{Lu}, [0-9] for \p{Nd}; the honorifics as a trie (letters
# only, so one at most fits before the period or space and the end; those with a letter outside
# ASCII cannot match such a text). Tests compare them on written and generated text.
_ASCII_NEXT_WORD_PATTERN = re.compile(rf"{_SPACE_RE}(?P<word>[A-Z][A-Za-z]*)")
_ASCII_FORM_BEFORE_PATTERN = re.compile(r"[A-Za-z0-9\-]")
_ASCII_FORM_AFTER_PATTERN = re.compile(r"[A-Za-z0-9]|-[A-Za-z]")
_ASCII_PREVIOUS_WORD_PATTERN = compile_possessive(rf"(?P<word>[A-Z][A-Za-z]*+){_SPACE_RE}$")
_ASCII_HONORIFIC_BEFORE_PATTERN = re.compile(
    rf"(?<![A-Za-z]){_ascii_trie(_HONORIFICS)}\.?{_SPACE_RE}$"
)


class _ScanPatterns(NamedTuple):
    """The patterns the mention scan reads a text with."""

    form_before: re.Pattern[str] | regex.Pattern[str]
    form_after: re.Pattern[str] | regex.Pattern[str]
    next_word: re.Pattern[str] | regex.Pattern[str]
    honorific_before: re.Pattern[str] | regex.Pattern[str]
    previous_word: re.Pattern[str] | regex.Pattern[str]


_SCAN_PATTERNS = _ScanPatterns(
    _FORM_BEFORE_PATTERN,
    _FORM_AFTER_PATTERN,
    _NEXT_WORD_PATTERN,
    _HONORIFIC_BEFORE_PATTERN,
    _PREVIOUS_WORD_PATTERN,
)
_ASCII_SCAN_PATTERNS = _ScanPatterns(
    _ASCII_FORM_BEFORE_PATTERN,
    _ASCII_FORM_AFTER_PATTERN,
    _ASCII_NEXT_WORD_PATTERN,
    _ASCII_HONORIFIC_BEFORE_PATTERN,
    _ASCII_PREVIOUS_WORD_PATTERN,
)


def _form_matches(
    text: str, forms: Iterable[str], simple: bool = False
) -> Iterator[tuple[str, int, int]]:
    r"""The mentions of ``forms`` in ``text``, left to right, as (form, start, end): what
    ``(?<![\p{L}\p{M}\p{Nd}\-])\L<forms>(?![\p{L}\p{M}\p{Nd}]|-\p{L})`` finds (at a position,
    the longest form that fits; none overlapping), without compiling a pattern per article.
    ``simple``: see _simple_text."""
    patterns = _ASCII_SCAN_PATTERNS if simple else _SCAN_PATTERNS
    form_before, form_after = patterns.form_before, patterns.form_after
    at: dict[int, list[str]] = {}
    for form in forms:
        position = text.find(form)
        while position >= 0:
            at.setdefault(position, []).append(form)
            position = text.find(form, position + 1)
    scanned = 0
    for start in sorted(at):
        if start < scanned or (start and form_before.match(text, start - 1)):
            continue
        found = at[start]
        for form in sorted(found, key=len, reverse=True) if len(found) > 1 else found:
            end = start + len(form)
            if form_after.match(text, end) is None:
                scanned = end
                yield form, start, end
                break


def _scan(
    text: str, entities: list[_Entity], blocked: _Spans, simple: bool
) -> list[list[tuple[int, int]]]:
    """The span of every mention of every entity, by one pass over the text (``simple``: see
    _simple_text)."""
    patterns = _ASCII_SCAN_PATTERNS if simple else _SCAN_PATTERNS
    owners: dict[str, list[int]] = {}
    full: set[str] = set()
    for i, entity in enumerate(entities):
        full.add(entity.name)
        for form in entity.forms:
            owners.setdefault(form, []).append(i)
    mentions: list[list[tuple[int, int]]] = [[] for _ in entities]
    last_seen = [-1] * len(entities)
    last_end = 0
    for form, found, end in _form_matches(text, owners, simple):
        if blocked.overlaps(found, end):
            continue
        following = patterns.next_word.match(text, end)
        if following is not None and (form not in full or following["word"] in _NON_NAME_WORDS):
            continue  # "Smith Barney", "Doe Foundation": part of another name
        honorific = patterns.honorific_before.search(text, max(0, found - 16), found)
        if form not in full and honorific is None:
            previous = patterns.previous_word.search(text, max(0, found - 40), found)
            if (
                previous is not None
                and not _is_role_word(previous["word"])
                and (_folded(previous["word"]) not in _FUNCTION_WORDS)
            ):
                continue  # "Michelle Obama" when only Barack Obama is known
        candidates = owners[form]
        if len(candidates) == 1:
            owner = candidates[0]
        else:
            owner = max(candidates, key=lambda i: (last_seen[i], -i))
        start = found
        if honorific is not None and honorific.start() >= last_end:
            start = honorific.start()
        last_seen[owner] = start
        mentions[owner].append((start, end))
        last_end = end
    return mentions
