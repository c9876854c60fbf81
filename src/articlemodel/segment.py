"""Segmentation: sentences and tokens with offsets, over the parts the layout found.

Sentences end at ``. ! ? …`` (with any closing quotes and brackets) before white space and a
capital, digit, quote mark or bracket, except after an abbreviation that does not end a sentence
(``Gen.``, ``Jan.``, ``No.``, ``St.``: ``lexicons/abbreviations.txt``), a single initial
(``John F. Kennedy``) or a dotted initialism (``U.S.``, ``U.N.``). Paragraph breaks always end a
sentence. The dateline is not part of the first sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, fields
from typing import Literal

import regex

from articlemodel.layout import Layout
from articlemodel.lexicons import load_set

__all__ = ["Document", "Region", "Sentence", "Token", "char_positions", "segment", "tokenize"]

RegionKind = Literal["headline", "standfirst", "body"]

# Where a sentence may end: terminal marks, closing quotes or brackets, then white space and
# the start of the next sentence. Keep in sync with _STARTS_SENTENCE_PATTERN in layout.py.
_BOUNDARY_PATTERN = regex.compile(
    r"""(?P<mark>[.!?…]++)["'”’»)\]]*+(?=[ \t\u00a0\r\n]++[\p{Lu}\p{Nd}"“‘'«(\[])"""
)
# The same, read where a run of marks starts (_boundaries): the run, closing quotes or brackets
# and white space, by the standard-library engine (no character is in two of the classes, so
# the greedy runs are the possessive ones); then the character after them is checked: ASCII
# ones from a string, others by the pattern's class (as tests check).
_MARKS = ".!?…"
_RUN_AFTER_MARK_PATTERN = re.compile(
    r"""(?P<mark>[.!?…]+)(?P<closers>["'”’»)\]]*)[ \t\u00a0\r\n]*"""
)
_ASCII_OPENERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"'([")
_CAPITAL_OR_DIGIT_PATTERN = regex.compile(r"[\p{Lu}\p{Nd}]")
# The word before a period, to tell abbreviations from sentence ends.
_WORD_BEFORE_PATTERN = regex.compile(r"(?:^|(?<=[^\p{L}\p{M}.]))(?P<word>[\p{L}\p{M}.]+)\.$")
_INITIALISM_PATTERN = regex.compile(r"^(?:\p{L}\.)+\p{L}$|^\p{Lu}$")
_TOKEN_PATTERN = regex.compile(
    r"""
    (?:\p{Lu}\.){2,}                                    # initialisms: U.S., U.N.
    |\p{Nd}++(?:[.,:/]\p{Nd}++)*+%?                    # numbers: 1,500  3.5  12:30  6/4/2018
    |[\p{L}\p{M}\p{Nd}]++(?:['’\-][\p{L}\p{M}\p{Nd}]++)*+  # words: al-Zor, don't, IS-held
    |\S                                                 # anything else, one character
    """,
    regex.VERBOSE,
)
_ABBREVIATIONS = load_set("abbreviations.txt")
# Suffixes that end a sentence as often as not ("… said Apple Inc. The company …" against
# "… Apple Inc. CEO Steve Jobs"): a boundary only when a typical sentence opener follows.
_MAYBE_FINAL: frozenset[str] = frozenset(
    {"bros", "co", "corp", "inc", "jr", "llc", "ltd", "plc", "sr"}
)
_SENTENCE_OPENERS: frozenset[str] = frozenset(
    {
        "a", "after", "an", "and", "as", "at", "but", "during", "he", "her", "his", "however",
        "i", "if", "in", "it", "its", "meanwhile", "on", "our", "she", "since", "that", "the",
        "their", "there", "these", "they", "this", "those", "we", "when", "while", "you",
    }
)  # fmt: skip
_NEXT_WORD_PATTERN = regex.compile(r"[\s\"“‘'«(\[]*+(?P<word>[\p{L}\p{M}]++)")


@dataclass(frozen=True, slots=True)
class Token:
    """A token: a word, number, initialism or other single character."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Region:
    """A run of text the extractors read: the headline, the standfirst or a body paragraph."""

    kind: RegionKind
    start: int
    end: int
    paragraph: int | None
    """Index into Layout.paragraphs for body paragraphs, else None."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence, with the region it belongs to."""

    text: str
    start: int
    end: int
    region: RegionKind
    paragraph: int | None


@dataclass(frozen=True, slots=True)
class Document:
    """The text with its layout and segmentation: what every extractor is handed."""

    text: str
    layout: Layout
    regions: tuple[Region, ...]
    sentences: tuple[Sentence, ...]
    _paragraph_starts: tuple[int, ...] = field(repr=False)
    _sentence_starts: tuple[int, ...] = field(repr=False)

    def paragraph_index(self, offset: int) -> int | None:
        """The index of the body paragraph holding ``offset``, or None."""
        paragraphs = self.layout.paragraphs
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < paragraphs[i].end:
            return i
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``, or None."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``.

    Example:
        >>> [t.text for t in tokenize("The U.S.-backed SDF's 1,500 fighters.")]
        ['The', 'U.S.', '-', 'backed', "SDF's", '1,500', 'fighters', '.']
    """
    stop = len(text) if end is None else end
    return [
        Token(m.group(), m.start(), m.end()) for m in _TOKEN_PATTERN.finditer(text, start, stop)
    ]


def _is_abbreviation(text: str, period: int) -> bool:
    """Whether the period at ``text[period]`` closes an abbreviation rather than a sentence."""
    match = _WORD_BEFORE_PATTERN.search(text, max(0, period - 20), period + 1)
    if match is None:
        return False
    word = match["word"]
    if _INITIALISM_PATTERN.match(word):
        return True
    lowered = word.lower()
    if lowered in _MAYBE_FINAL and word[0].isupper():
        following = _NEXT_WORD_PATTERN.match(text, period + 1, period + 40)
        return following is None or following["word"].lower() not in _SENTENCE_OPENERS
    return lowered in _ABBREVIATIONS and word[0].isupper()


def char_positions(text: str, chars: str) -> list[int]:
    """The offsets of every occurrence of any of ``chars`` in ``text``, in order (str.find
    skips to a character faster than a pattern does).

    Example:
        >>> char_positions("He said “yes”.", "“”")
        [8, 12]
    """
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def _marks(text: str) -> list[int]:
    """Where the terminal marks of ``text`` stand, in order: the only places where a match of
    _BOUNDARY_PATTERN can start."""
    return char_positions(text, _MARKS)


def _boundaries(text: str, start: int, end: int, marks: list[int]) -> list[tuple[str, int, int]]:
    """Each match of _BOUNDARY_PATTERN in ``text[start:end]``, as (its marks, where they start,
    where the match ends); ``marks`` are the _marks of ``text``. A match starts where a run of
    marks starts (a later mark of the run is followed as the first is), and needs a mark and
    two characters after it before ``end``."""
    found: list[tuple[str, int, int]] = []
    lo = bisect.bisect_left(marks, start)
    hi = bisect.bisect_left(marks, end - 2, lo)
    if lo == hi:
        return found
    if start and text[start - 1] in _MARKS:
        # A run of marks that starts before the region: read it as the pattern would.
        for match in _BOUNDARY_PATTERN.finditer(text, start, end):
            found.append((match["mark"], match.start(), match.end()))
        return found
    scanned = start
    for at in marks[lo:hi]:
        if at < scanned:
            continue  # in the run of marks read last
        run = _RUN_AFTER_MARK_PATTERN.match(text, at, end)
        assert run is not None  # it opens with the mark at ``at``
        scanned = run.end("mark")
        following = run.end()
        if following < end and following > run.end("closers"):
            opener = text[following]
            if opener.isascii():
                if opener in _ASCII_OPENERS:
                    found.append((run["mark"], at, run.end("closers")))
            elif opener in "“‘«" or _CAPITAL_OR_DIGIT_PATTERN.match(opener):
                found.append((run["mark"], at, run.end("closers")))
    return found


def _split_sentences(
    text: str, start: int, end: int, marks: list[int] | None = None
) -> list[tuple[int, int]]:
    spans = []
    sentence_start = start
    if marks is None:
        marks = _marks(text)
    for mark, mark_start, match_end in _boundaries(text, start, end, marks):
        if mark == "." and _is_abbreviation(text, mark_start):
            continue
        spans.append((sentence_start, match_end))
        sentence_start = match_end
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


# Sentence and Region are frozen: their dataclass __init__ sets each field through
# object.__setattr__(self, name, value), a lookup by name per field. Segmentation builds about
# forty of them per article by setting their slots through the slots' own descriptors, which
# is twice as fast and gives the same objects (a test compares them with the __init__'s).
_new_object = object.__new__
_SENTENCE_SLOTS = tuple(Sentence.__dict__[f.name].__set__ for f in fields(Sentence))
_REGION_SLOTS = tuple(Region.__dict__[f.name].__set__ for f in fields(Region))


def _new_sentence(
    text: str, start: int, end: int, region: RegionKind, paragraph: int | None
) -> Sentence:
    """``Sentence(text, start, end, region, paragraph)``, built by its slots."""
    sentence: Sentence = _new_object(Sentence)
    set_text, set_start, set_end, set_region, set_paragraph = _SENTENCE_SLOTS
    set_text(sentence, text)
    set_start(sentence, start)
    set_end(sentence, end)
    set_region(sentence, region)
    set_paragraph(sentence, paragraph)
    return sentence


def _new_region(kind: RegionKind, start: int, end: int, paragraph: int | None) -> Region:
    """``Region(kind, start, end, paragraph)``, built by its slots."""
    region: Region = _new_object(Region)
    set_kind, set_start, set_end, set_paragraph = _REGION_SLOTS
    set_kind(region, kind)
    set_start(region, start)
    set_end(region, end)
    set_paragraph(region, paragraph)
    return region


def segment(text: str, layout: Layout) -> Document:
    """Split the headline, standfirst and body paragraphs of ``text`` into sentences."""
    regions: list[Region] = []
    if layout.headline is not None:
        regions.append(_new_region("headline", layout.headline.start, layout.headline.end, None))
    if layout.standfirst is not None:
        standfirst = layout.standfirst
        regions.append(_new_region("standfirst", standfirst.start, standfirst.end, None))
    dateline = layout.dateline
    for i, paragraph in enumerate(layout.paragraphs):
        start = paragraph.start
        if i == 0 and dateline is not None and dateline.mention.start == start:
            start = dateline.mention.end
            while start < paragraph.end and text[start].isspace():
                start += 1
        regions.append(_new_region("body", start, paragraph.end, i))
    marks = _marks(text)
    found: list[Sentence] = []
    for region in regions:
        start, end = region.start, region.end
        at = bisect.bisect_left(marks, start)
        if at == len(marks) or marks[at] >= end - 2:
            # No mark where a boundary can be (see _boundaries): one sentence, or none.
            if start < end:
                found.append(
                    _new_sentence(text[start:end], start, end, region.kind, region.paragraph)
                )
            continue
        for s, e in _split_sentences(text, start, end, marks):
            found.append(_new_sentence(text[s:e], s, e, region.kind, region.paragraph))
    sentences = tuple(found)
    return Document(
        text=text,
        layout=layout,
        regions=tuple(regions),
        sentences=sentences,
        _paragraph_starts=tuple(p.start for p in layout.paragraphs),
        _sentence_starts=tuple(s.start for s in sentences),
    )
