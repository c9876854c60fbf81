"""Quotes: direct, mixed and indirect speech, each with its cue and a resolved speaker.

The method, in four passes over the regions the segmenter found (headline, standfirst, body
paragraphs), all linear in the length of the text:

1. Quote marks are paired by a one-pass state machine, double marks (``" “ ” „ « »``) first, then
   single curly or straight marks in the stretches left over. A mark is read as opening or
   closing from its neighbours (white space before an opening mark, none before a closing one),
   so apostrophes (``don't``, ``partners’``, ``[IS’]``) never pair, an opening mark used to close
   (``…forces,“ she added``) closes, and a quote left open at a paragraph's end continues only
   when the next paragraph opens with a quote mark (the newspaper convention for quotes running
   over several paragraphs). Nothing runs past ``settings.MAX_QUOTE_CHARS``.
2. Each quoted span is attributed from the words next to its marks (the window method of
   textacy's ``direct_quotations``, without its failure on unbalanced marks): after the closing mark
   (``“Q,” X said`` / ``“Q,” said X`` / ``“Q,” X, a spokesperson for Y, said``) or before the
   opening mark (``X said: “Q”`` / ``X told Reuters “Q”`` / ``X said in a statement that “Q”``).
   A quote with paraphrase before it is not direct: it is a fragment of reported speech, and
   turns the reported clause around it into a ``mixed`` quote; a fragment of one or two words
   with no cue is a scare quote and is dropped. A quote with no attribution of its own takes the
   attribution of the attributed quote beside it in the paragraph (``“Q1,” X said. “Q2.”``) or,
   when it fills its paragraph, of the quote that ends the paragraph before.
3. Indirect quotes come from a reporting cue with a subject and a finite clause after it
   (``X said/announced/told Y (that) CLAUSE``), or at the end of a sentence
   (``CLAUSE, X said on Monday.``), or ``according to X``. A cue whose object is only a noun
   phrase (``confirmed the resumption of the operation``) gives nothing.
4. Speakers are resolved against the people and organizations found earlier: a speaker mention
   that overlaps a Person or Organization mention is that entity (so a surname alone resolves
   through the people extractor's surname mentions, and ``the ministry`` or an acronym to an
   Organization); a common noun for an organization (``the company``) goes to the most recent
   Organization that fits; he/she/they/it go to the most recent compatible speaker or entity,
   using gender only where the text shows it (an earlier he/she, Mr/Ms/Mrs, gendered titles).

The reporting cues are the data file ``lexicons/reporting_cues.txt``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import NamedTuple, cast

import regex

from articlemodel import settings
from articlemodel.extract.trie import trie_alternation
from articlemodel.lexicons import load_lines, load_set
from articlemodel.models import Organization, Person, Quote
from articlemodel.segment import Document, Region, char_positions

__all__ = ["extract_quotes"]

_CUES: tuple[str, ...] = load_lines("reporting_cues.txt")
_ABBREVIATIONS = sorted(load_set("abbreviations.txt"))

# Cues that introduce direct speech only: they never head a reported clause.
_DIRECT_ONLY_CUES: frozenset[str] = frozenset(
    {"continued", "continues", "went on", "asks", "answered", "replied", "joked",
     "quipped", "shouted", "yelled", "exclaimed", "responded", "countered", "retorted",
     "cautioned", "commented", "remarked", "boasted", "posted", "recalled", "recalls",
     "reads", "urged", "add", "tell", "state"}
)  # fmt: skip
# Cues that take a person as object before the reported clause: told Reuters that ...
_OBJECT_CUES: frozenset[str] = frozenset(
    {"told", "tells", "telling", "informed", "assured", "reminded", "warned", "warning",
     "warns"}
)  # fmt: skip
# Participles that hang off a main clause: "..., saying that ...".
_PARTICIPLE_CUES: frozenset[str] = frozenset(c for c in _CUES if c.endswith(("ing", "ing out")))

_PRONOUNS: dict[str, str] = {
    "he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s",
}  # fmt: skip
_DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "one", "another", "two", "three",
     "several", "some", "many", "most", "other", "senior", "top", "this", "that", "these",
     "those", "both", "all"}
)  # fmt: skip
# Words that open a clause, not a speaker: a speaker phrase never starts with one.
_NOT_SPEAKER_START: frozenset[str] = frozenset(
    {"which", "that", "what", "who", "whom", "whose", "when", "where", "why", "how", "if",
     "because", "as", "so", "then", "there", "here", "this", "to", "in", "on", "at", "of",
     "for", "by", "from", "it's", "not", "also", "is", "was", "were", "are", "be", "been",
     "has", "have", "had", "do", "does", "did", "but", "and", "or", "nor", "yet", "while",
     "although", "though", "with", "without", "after", "before", "since", "until", "i", "we",
     "you", "me", "us", "him", "them"}
)  # fmt: skip
# Documents that speak through a participle: "issued a statement saying that ...".
_DOCUMENT_NOUNS: frozenset[str] = frozenset(
    {"statement", "release", "letter", "report", "reports", "documents", "memo", "email",
     "e-mail", "post", "tweet", "message", "note", "filing", "notice", "announcement",
     "speech", "interview"}
)  # fmt: skip
# Be-forms before a participle cue make it progressive: "Analysts are predicting that".
_BE_FORMS: frozenset[str] = frozenset({"is", "are", "was", "were", "been", "be", "am"})
# Collective nouns that speak without a determiner: "people say", "police said".
_GROUP_NOUNS: frozenset[str] = frozenset({"people", "police", "staff", "media", "management"})
# Leading conjunctions and linkers dropped from a subject: "But the ministry said".
_LEADING_LINKERS: frozenset[str] = frozenset(
    {"and", "but", "or", "so", "yet", "with", "while", "as", "however", "meanwhile", "also",
     "still", "then", "now", "instead", "moreover", "separately", "later", "earlier",
     "although", "though", "because", "since", "when", "after", "before", "once", "what",
     "whereas"}
)  # fmt: skip
# Words between a subject and its cue: "has also said", "had previously announced".
_AUX_WORDS: tuple[str, ...] = (
    "has", "have", "had", "also", "later", "previously", "earlier", "then", "further", "again",
    "once", "already", "reportedly", "publicly", "repeatedly", "recently", "separately",
    "simply", "quickly", "officially", "formally", "initially", "first", "would", "will",
    "could", "did", "does", "do", "not", "never", "only", "even", "subsequently",
    "immediately", "flatly", "angrily", "bluntly", "firmly", "clearly", "strongly",
)  # fmt: skip
_AUX_RE = f"(?:{'|'.join(_AUX_WORDS)})"
# Be-forms before a cue make it passive ("is said to", "was told"): no speaker.
_PASSIVE_PATTERN = regex.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\p{L}+ly\s+)?)\Z"
)
# What a _PASSIVE_PATTERN match holds before the spaces it ends with: a be-form or an adverb.
_PASSIVE_ENDINGS = ("is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "ly")
# Prepositions and time words that open an adjunct between a cue and its clause.
_ADJUNCT_STARTS: frozenset[str] = frozenset(
    {"in", "on", "at", "to", "during", "after", "before", "via", "through", "from", "over",
     "however", "further", "late", "early", "last", "this", "yesterday", "today", "tonight",
     "earlier", "later",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "again",
     "publicly", "privately", "separately", "recently", "previously", "also", "then", "now",
     "repeatedly", "firmly", "flatly", "strongly", "clearly", "bluntly", "afterwards",
     "overnight", "by", "with", "under", "when", "while", "as", "following", "amid", "inside",
     "outside", "for", "of", "an", "a", "the", "his", "her", "its", "their", "twitter"}
)  # fmt: skip
# Finite-verb markers: a reported clause has one of these, a noun object does not.
_FINITE_WORDS: frozenset[str] = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
     "may", "might", "must", "should", "shall", "did", "does", "do", "isn't", "wasn't",
     "aren't", "weren't", "won't", "wouldn't", "can't", "couldn't", "didn't", "doesn't",
     "don't", "hasn't", "haven't", "hadn't", "shouldn't", "needs", "remains", "remain",
     "made", "took", "went", "came", "saw", "got", "gave", "found", "became", "left", "fell",
     "rose", "won", "lost", "began", "held", "kept", "sold", "paid", "met", "ran", "put",
     "cut", "hit", "knew", "thought", "brought", "bought", "built", "sent", "spent", "felt",
     "grew", "led", "meant", "stood", "understood", "wants", "plans", "intends", "expects",
     "hopes", "believes", "seems", "appears", "means", "includes", "continues", "lacks"}
)  # fmt: skip
_ED_VERB_PATTERN = regex.compile(r"^\p{Ll}{3,}ed$")
_ASCII_ED_VERB_PATTERN = re.compile(r"^[a-z]{3,}ed$")


def _ed_verb(word: str) -> bool:
    """Whether ``_ED_VERB_PATTERN`` matches ``word``: in the stdlib engine when it is ASCII."""
    pattern = _ASCII_ED_VERB_PATTERN if word.isascii() else _ED_VERB_PATTERN
    return pattern.match(word) is not None


# Common nouns that name an organization as speaker, and the kinds they fit.
_ORG_NOUNS: dict[str, frozenset[str]] = {
    "company": frozenset({"company"}),
    "firm": frozenset({"company"}),
    "carrier": frozenset({"company"}),
    "airline": frozenset({"company"}),
    "automaker": frozenset({"company"}),
    "manufacturer": frozenset({"company"}),
    "bank": frozenset({"company", "government", "international"}),
    "group": frozenset({"company", "armed_group", "ngo", "political_party", "other"}),
    "ministry": frozenset({"government"}),
    "department": frozenset({"government"}),
    "government": frozenset({"government"}),
    "administration": frozenset({"government"}),
    "agency": frozenset({"government", "international", "media"}),
    "office": frozenset({"government"}),
    "embassy": frozenset({"government"}),
    "army": frozenset({"military"}),
    "military": frozenset({"military"}),
    "militia": frozenset({"armed_group"}),
    "coalition": frozenset({"coalition", "military"}),
    "alliance": frozenset({"coalition", "political_party", "military"}),
    "force": frozenset({"military", "coalition", "armed_group"}),
    "forces": frozenset({"military", "coalition", "armed_group"}),
    "party": frozenset({"political_party"}),
    "organization": frozenset({"international", "ngo", "other"}),
    "organisation": frozenset({"international", "ngo", "other"}),
    "union": frozenset({"international", "other"}),
    "council": frozenset({"government", "international"}),
    "committee": frozenset({"government", "international", "sports", "other"}),
    "commission": frozenset({"government", "international"}),
    "court": frozenset({"government"}),
    "club": frozenset({"sports"}),
    "university": frozenset({"education"}),
    "newspaper": frozenset({"media"}),
    "channel": frozenset({"media"}),
    "broadcaster": frozenset({"media"}),
    "charity": frozenset({"ngo"}),
    "regulator": frozenset({"government"}),
    "police": frozenset({"government"}),
}
# Titles and role words that show a person's gender.
_MALE_WORDS: frozenset[str] = frozenset(
    {"mr", "sir", "lord", "king", "prince", "sheikh", "father", "brother", "son", "husband",
     "spokesman", "chairman", "congressman", "businessman", "councilman", "policeman",
     "fireman", "statesman", "grandfather", "uncle", "monsieur", "herr", "señor", "signor"}
)  # fmt: skip
_FEMALE_WORDS: frozenset[str] = frozenset(
    {"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess", "sheikha",
     "mother", "sister", "daughter", "wife", "spokeswoman", "chairwoman", "congresswoman",
     "businesswoman", "councilwoman", "policewoman", "grandmother", "aunt", "mme", "frau",
     "señora", "signora"}
)  # fmt: skip

# Words that end organization names, never people's: a speaker holding one is no person.
_ORG_WORDS: frozenset[str] = frozenset(
    {"inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "plc", "llc", "group", "average",
     "index", "exchange", "association", "institute", "foundation", "network", "times", "post",
     "news", "agency", "airlines", "airways", "motors", "bank", "fund", "capital", "partners",
     "services", "systems", "technologies", "international", "industries", "holdings",
     "markets", "research", "securities", "management", "trading", "journal", "press",
     "reuters", "associated", "workers", "authority", "board", "federation", "assembly"}
)  # fmt: skip
_NAME_PARTICLES: frozenset[str] = frozenset(
    {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "la", "le", "der",
     "den", "ter", "dos", "das", "del", "della", "st", "mc", "mac", "bint", "ben", "y"}
)  # fmt: skip

_DOUBLE_OPENERS = "“„‟«"
_DOUBLE_MARKS = '"“”„‟«»'
_SINGLE_MARKS = "'‘’‹›"
_SINGLE_OPENERS = "'‘‹"
_QUOTE_CHARS = "\"“”„‟«»'‘’‹›"
_LEFT_BOUNDARY = "([{—–-/\u2014"
_RIGHT_BOUNDARY = ",.;:!?)]}—–…-"

# A word of a speaker phrase: an abbreviation with its period (Mr., Gen.), a dotted initialism
# (U.S.), or letters, digits, apostrophes, hyphens, inner periods. Keep in sync with _NP_RE.
_TOKEN_RE = r"""
    (?:(?i:\L<abbr>)\.
      |(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros|Mt|Ft)\.(?=[ \t\u00a0]+\p{Lu})
      |(?:\p{Lu}\.){2,}
      |[\p{L}\p{M}\p{N}$£€](?:[\p{L}\p{M}\p{N}'’\-&/]|\.(?=[\p{L}\p{N}]))*+)
"""
# A speaker phrase: up to twelve words, joined by spaces, spaced dashes or a bracketed
# acronym ("the Joint Staff – Operations Directorate (JS-OD)"). Keep in sync with
# _TOKEN_RE.
_NP_RE = rf"""
    (?:{_TOKEN_RE}
      (?:(?:[ \t\u00a0]+[–—][ \t\u00a0]+|[ \t\u00a0]+)
         (?:{_TOKEN_RE}|\([^()"“”\n]{{1,40}}\))){{0,11}}?)
"""
# The same after an inverted cue ("said X"): stops before an adjunct or a new clause.
_NP_AFTER_CUE_RE = rf"""
    (?:{_TOKEN_RE}
      (?:[ \t\u00a0]+(?!(?:in|on|at|to|during|after|before|when|while|as|last|this|
                          yesterday|today|tonight|earlier|later|but|adding|saying|
                          who|which|that|told|in|via|from|through|with)\b)
         (?:{_TOKEN_RE}|\([^()"“”\n]{{1,40}}\))){{0,9}})
"""
_CUE_RE = r"(?<![\p{L}\-])\L<cues>(?![\p{L}\-])"

# Attribution after the closing mark: ', said X' / ', X said' / ', X, a spokesperson for Y,
# said' / ', according to X'. This pattern, the cue pattern before an opening mark, the cue
# pattern itself and the clause-stop pattern are read in the ``regex`` engine only on text that
# is not simple ASCII (_simple_ascii; their stdlib forms read the rest), so they are compiled on
# first need: that spares the import of this module most of its time.
_AFTER_SOURCE = rf"""
    [ \t\u00a0,:]*+(?:[–—]+[ \t\u00a0]*)?
    (?:
      (?P<cue_a>{_CUE_RE})[ \t\u00a0]+(?P<spk_a>{_NP_AFTER_CUE_RE})
    |
      (?P<spk_b>{_NP_RE})
      (?<!\b(?i:the|a|an|his|her|its|their|our))
      (?P<appos>[ \t\u00a0]*,[^,;:"“”«»!?\n]{{1,160}}?,)?
      [ \t\u00a0]+(?:{_AUX_RE}[ \t\u00a0]+){{0,2}}
      (?P<cue_b>{_CUE_RE})
    )
    """


@functools.cache
def _after_pattern() -> regex.Pattern[str]:
    """The attribution pattern after a closing mark (_AFTER_SOURCE), compiled on first need."""
    return regex.compile(
        _AFTER_SOURCE, regex.VERBOSE | regex.VERSION1, abbr=_ABBREVIATIONS, cues=_CUES
    )


# The cue of an attribution before the opening mark: 'X said: ' / 'X told Reuters ' /
# 'X said in a statement that '.
_BEFORE_SOURCE = rf"""
    (?P<cue>{_CUE_RE})
    (?P<tail>(?:[ \t\u00a0]*,?[ \t\u00a0]+(?!{_CUE_RE}){_TOKEN_RE}){{0,8}}?)
    [ \t\u00a0]*(?P<punct>[:,]|—|–)?[ \t\u00a0]*
    (?:(?P<that>that)[ \t\u00a0]*,?[ \t\u00a0]*)?\Z
    """


@functools.cache
def _before_pattern() -> regex.Pattern[str]:
    """The cue pattern before an opening mark (_BEFORE_SOURCE), compiled on first need."""
    return regex.compile(
        _BEFORE_SOURCE, regex.VERBOSE | regex.VERSION1, abbr=_ABBREVIATIONS, cues=_CUES
    )


# The most whitespace-separated words a _BEFORE_SOURCE match can hold: a cue of at most two
# words (a test checks), eight tail tokens each with a comma standing apart, the punctuation,
# "that" and a comma after it.
_BEFORE_MAX_WORDS = 2 + 8 * 2 + 1 + 2
# ", Jane Doe." after an inverted cue and a role: 'said the firm's chief, Jane Doe.'
_INVERTED_APPOSITIVE_PATTERN = regex.compile(
    r"[ \t\u00a0]*,[ \t\u00a0]*(?P<name>\p{Lu}[^,.;:!?\"“”\n]{1,60}?)[ \t\u00a0]*(?:[.,;!?]|\Z)"
)
# Words right after a closing mark: the sentence goes on past the quote.
_CONTINUES_PATTERN = regex.compile(r"[ \t\u00a0]*+(?:[\p{L}\p{N}(\[]|[–—-][ \t\u00a0]*\p{Ll})")
# A name right after a closing mark, then a comma or a stop: '“Q,” Jane Doe, an analyst.'
_NAME_AFTER_PATTERN = regex.compile(
    r"[ \t\u00a0]*(?P<name>\p{Lu}[\p{L}\p{M}'’\-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}\p{M}'’\-]*){1,3})"
    r"[ \t\u00a0]*[,.]"
)


@functools.cache
def _cue_pattern() -> regex.Pattern[str]:
    """A reporting cue (_CUE_RE), compiled on first need."""
    return regex.compile(_CUE_RE, regex.VERSION1, cues=_CUES)


# The stdlib forms of the attribution patterns, for a text whose characters outside ASCII are
# no letters, marks, numbers or word characters as ``regex`` reads them (_simple_ascii). There
# \p{L} matches what [A-Za-z] matches, \p{Lu} [A-Z], \p{Ll} [a-z], [\p{L}\p{M}\p{N}] [A-Za-z0-9],
# and \b and the case-insensitive words match the same characters in both engines; the stdlib
# engine runs them about three times faster. The word lists become tries (one cue, and one
# abbreviation before its period, can match at a place: a test checks); the variable-width
# lookbehind becomes one per width. Python 3.10's ``re`` has no possessive quantifiers, so they
# become greedy: this changes no match, since what follows each of them (white space, a comma,
# a cue's or a token's first character, or the pattern's end) never starts with a character
# it would give back.
def _both_cases(word: str) -> str:
    """``word`` matching either case of each letter, as [Ss][Aa]..., without IGNORECASE."""
    return "".join(f"[{c}{c.upper()}]" if "a" <= c <= "z" else re.escape(c) for c in word)


@functools.cache
def _ascii_replacements() -> tuple[tuple[str, str], ...]:
    """What _ascii_source rewrites, and into what: built once, the tries being costly."""
    letters = {c: _both_cases(c) for c in "abcdefghijklmnopqrstuvwxyz"}
    abbreviations = trie_alternation(_ABBREVIATIONS, letters)
    return (
        (r"(?i:\L<abbr>)", abbreviations),
        (r"\L<cues>", trie_alternation(_CUES)),
        (
            r"(?<!\b(?i:the|a|an|his|her|its|their|our))",
            "".join(
                rf"(?<!\b(?:{'|'.join(_both_cases(w) for w in words)}))"
                for words in (("the", "his", "her", "its", "our"), ("a",), ("an",), ("their",))
            ),
        ),
        (r"\p{L}\p{M}\p{N}", "A-Za-z0-9"),
        (r"\p{L}\p{M}", "A-Za-z"),
        (r"\p{L}\p{N}", "A-Za-z0-9"),
        (r"[\p{L}\-]", r"[A-Za-z\-]"),
        (r"[\p{L}]", "[A-Za-z]"),
        (r"\p{Lu}", "[A-Z]"),
        (r"\p{Ll}", "[a-z]"),
        ("*+", "*"),
        ("++", "+"),
    )


def _ascii_source(source: str) -> str:
    """The stdlib form of a pattern's source (see above): its letter classes, word lists,
    case-insensitive words and possessive quantifiers rewritten."""
    for old, new in _ascii_replacements():
        source = source.replace(old, new)
    if "\\p" in source or "\\L" in source or "(?i" in source:
        raise ValueError("a pattern has a construct its stdlib form does not translate")
    return source


_ASCII_AFTER_PATTERN = re.compile(_ascii_source(_AFTER_SOURCE), re.VERBOSE)
_ASCII_BEFORE_PATTERN = re.compile(_ascii_source(_BEFORE_SOURCE), re.VERBOSE)
_ASCII_CUE_PATTERN = re.compile(_ascii_source(_CUE_RE))
# Possessive white space before a letter, a bracket or a dash: it gives back none of them.
_ASCII_CONTINUES_PATTERN = re.compile(_ascii_source(_CONTINUES_PATTERN.pattern))
# What a text holds outside ASCII that the stdlib forms above would read differently.
_NOT_SIMPLE_PATTERN = regex.compile(r"[\w\p{L}\p{M}\p{N}]", regex.VERSION1)


# Trying _cue_pattern()'s string set at every position is slow. A cue can only start where a run
# of lower-case ASCII letters starts (its lookbehind rules out a letter before it), and that
# run is then the cue's first word, its key. A stdlib pattern finds the runs that are keys, and
# only the cues under the key are compared there (_cue_end).
_LOWER_RUN_PATTERN = re.compile(r"[a-z]+")


def _cues_by_key(cues: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The cues under their keys, longest first, as _cue_pattern()'s string set tries them."""
    by_key: dict[str, list[str]] = {}
    for cue in sorted(cues, key=len, reverse=True):
        key = _LOWER_RUN_PATTERN.match(cue)
        if key is not None:
            by_key.setdefault(key[0], []).append(cue)
    return {key: tuple(keyed) for key, keyed in by_key.items()}


_CUES_BY_KEY = _cues_by_key(_CUES)
_CUE_KEYS: frozenset[str] = frozenset(_CUES_BY_KEY)
_CUES_KEYED = all(_LOWER_RUN_PATTERN.match(c) is not None for c in _CUES)
_CUE_KEY_PATTERN = re.compile(rf"(?<![a-z]){trie_alternation(_CUE_KEYS)}(?![a-z])")
# The same with the character before the key consumed rather than looked behind at, which the
# stdlib engine scans for faster; a key at the start of the searched text is matched apart.
_CUE_KEY_AFTER_PATTERN = re.compile(rf"[^a-z]{trie_alternation(_CUE_KEYS)}(?![a-z])")
_LETTER_PATTERN = regex.compile(r"\p{L}")
_ACCORDING_PATTERN = regex.compile(
    r"(?<![\p{L}\-])[Aa]ccording[ \t\u00a0]+to(?![\p{L}\-])", regex.VERSION1
)
_WORD_PATTERN = regex.compile(
    r"[\p{L}\p{M}\p{N}]++(?:(?:['’\-.&]|(?<=\p{N}),(?=\p{N}{3}))[\p{L}\p{M}\p{N}]++)*+"
)
# The same on a text whose word characters are all ASCII (see _ascii_words), with the stdlib
# engine, which is faster at it.
_ASCII_WORD_PATTERN = re.compile(
    r"[A-Za-z0-9]+(?:(?:['’\-.&]|(?<=[0-9]),(?=[0-9]{3}))[A-Za-z0-9]+)*"
)
_WORD_CHAR_PATTERN = regex.compile(r"[\p{L}\p{M}\p{N}]")
_ASCII_BYTES = bytes(range(128))
# A name before a colon that opens a quote: 'Smith: "..."' (interviews, exchanges).
_COLON_SPEAKER_PATTERN = regex.compile(
    r"(?P<spk>\p{Lu}[\p{L}\p{M}'’\-.]*(?:[ \t\u00a0]+\p{Lu}[\p{L}\p{M}'’\-.]*){0,3})"
    r"[ \t\u00a0]*:[ \t\u00a0]*\Z"
)
_ASCII_COLON_SPEAKER_PATTERN = re.compile(_ascii_source(_COLON_SPEAKER_PATTERN.pattern))
# Verbs before an infinitive cue whose subject speaks: "went on to say", "was quick to add".
_INFINITIVE_PATTERN = regex.compile(
    r"[ \t\u00a0]+(?:went[ \t\u00a0]+on|continued|proceeded|hastened|was[ \t\u00a0]+quick|"
    r"were[ \t\u00a0]+quick|moved|rushed)[ \t\u00a0]+to\Z"
)
_PROGRESSIVE_PATTERN = regex.compile(r"[ \t\u00a0]+(?:is|are|was|were|been|am)\Z")
# The source after "according to", up to a comma or a stop.
_ACCORDING_SPEAKER_PATTERN = regex.compile(r"[ \t\u00a0]+(?P<spk>[^,.;:!?\"“”\n]{1,120})")
# "According to [the] Jane Doe" before a clause with no comma: a capitalised run.
_ACCORDING_NAME_PATTERN = regex.compile(
    r"[ \t\u00a0]+(?P<spk>(?>(?:the[ \t\u00a0]+)?\p{Lu}[\p{L}\p{M}'’\-.&]*+"
    r"(?:[ \t\u00a0]+(?:\p{Lu}[\p{L}\p{M}'’\-.&]*+|of|for|de|al|van|von)){0,5}))"
    r"(?=[ \t\u00a0]+\p{Ll})"
)
# The end of a parenthetical attribution: ", X said," then the clause goes on in lower case.
_PARENTHETICAL_END_PATTERN = regex.compile(
    r"(?:[ \t\u00a0]+(?:on|in|at|late|early|last|this)[ \t\u00a0]+[\p{L}\p{N}]+)?"
    r"[ \t\u00a0]*,[ \t\u00a0]+(?=\p{Ll})"
)
_ING_PATTERN = regex.compile(r"\p{L}+ing\b")
# "a spokesman for the ministry": the words after the preposition are not the speaker. This is
# regex's \s(?:for|of|at|from|with)\s in the stdlib engine, whose \s holds four separators
# more (\x1c-\x1f) than regex's (test_role_of_stdlib_form compares the two).
_STDLIB_ROLE_OF_PATTERN = re.compile(r"[^\S\x1c-\x1f](?:for|of|at|from|with)[^\S\x1c-\x1f]")
_AUX_END_PATTERN = regex.compile(rf"(?:(?<=\s)|\A){_AUX_RE}\Z")
# An auxiliary ending a text starts within this many characters of its end.
_AUX_END_WINDOW = max(map(len, _AUX_WORDS)) + 1
_AUX_SET: frozenset[str] = frozenset(_AUX_WORDS)
# What the end of a reported clause is trimmed of: white space and stops; quote marks and
# brackets stay.
_TRAILING_STOPS = frozenset(" \t\n\r\u00a0.!?;:,…")
# Unions and differences of the word sets above, built once.
_DETERMINERS_OR_PRONOUNS: frozenset[str] = _DETERMINERS | _PRONOUNS.keys()
_ADJUNCTS_NOT_DETERMINERS: frozenset[str] = _ADJUNCT_STARTS - _DETERMINERS
_THAT_OR_FINITE: frozenset[str] = _FINITE_WORDS | {"that"}
_MAX_CONTEXT = settings.QUOTE_CONTEXT_CHARS
_HISTORY = settings.QUOTE_SPEAKER_HISTORY
_MAX_SUBJECT_WORDS = settings.QUOTE_MAX_SPEAKER_WORDS


@dataclass(slots=True)
class _Raw:
    """A quote candidate on its way to a Quote."""

    start: int
    end: int
    kind: str
    open_mark: int = -1
    close_end: int = -1
    closed: bool = True
    spk: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    attributed: bool = False
    inherit_from: _Raw | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    region: int = 0
    keep: bool = True
    fragments: list[tuple[int, int]] = field(default_factory=list)


class _Entity(NamedTuple):
    start: int
    end: int
    id: str
    name: str
    kind: str  # "person" or an OrganizationKind
    is_person: bool
    owner: int  # the index of its person, or of its organization after the people


_START_END = operator.itemgetter(0, 1)  # an _Entity's start and end
# An _Entity from the tuple of its fields, without the Python-level __new__ of a NamedTuple.
_entity_of = cast(
    "Callable[[type[_Entity], tuple[int, int, str, str, str, bool, int]], _Entity]",
    tuple.__new__,
)


class _Entities:
    """The mentions of the people and organizations, sorted, for overlap and recency."""

    def __init__(self, people: Sequence[Person], organizations: Sequence[Organization]) -> None:
        items: list[_Entity] = []
        for index, person in enumerate(people):
            head = (person.id, person.name, "person", True, index)
            items += [_entity_of(_Entity, (m.start, m.end, *head)) for m in person.mentions]
        for index, org in enumerate(organizations, start=len(people)):
            head = (org.id, org.name, org.kind, False, index)
            items += [_entity_of(_Entity, (m.start, m.end, *head)) for m in org.mentions]
        items.sort(key=_START_END)
        self.items = items
        self.people, self.organizations = people, organizations
        self._aliases: list[tuple[str, ...] | None] = [None] * (len(people) + len(organizations))
        self._by_id: dict[str, list[_Entity]] | None = None
        self.starts = [e[0] for e in items]
        self.max_len = max([e[1] - e[0] for e in items], default=0)

    def aliases(self, entity: _Entity) -> tuple[str, ...]:
        """A person's role head words, before its complement ("the chief executive" of Acme);
        an organization's names, lower-cased. Worked out on first need, once per owner."""
        found = self._aliases[entity.owner]
        if found is None:
            if entity.is_person:
                person = self.people[entity.owner]
                found = ()
                if person.role:
                    head = _STDLIB_ROLE_OF_PATTERN.split(f" {person.role.lower()} ")[0]
                    found = tuple(head.split())
            else:
                org = self.organizations[entity.owner - len(self.people)]
                names = (org.name, org.acronym or "", *org.aliases)
                found = tuple(a.lower() for a in names if a)
            self._aliases[entity.owner] = found
        return found

    def mentions_of(self, ident: str) -> list[_Entity]:
        """The first 20 mentions of the entity ``ident``, in text order (indexed on first
        need: only a he or she reads them)."""
        if self._by_id is None:
            self._by_id = {}
            for item in self.items:
                mentions = self._by_id.setdefault(item.id, [])
                if len(mentions) < 20:
                    mentions.append(item)
        return self._by_id.get(ident, [])

    def overlapping(self, start: int, end: int) -> list[_Entity]:
        lo = bisect.bisect_left(self.starts, start - self.max_len)
        hi = bisect.bisect_left(self.starts, end)
        return [e for e in self.items[lo:hi] if e.end > start]

    def before(self, offset: int, limit: int = 40) -> list[_Entity]:
        """Up to ``limit`` mentions ending before ``offset``, most recent first."""
        hi = bisect.bisect_left(self.starts, offset)
        out = [e for e in self.items[max(0, hi - limit) : hi] if e.end <= offset]
        out.reverse()
        return out


# --- pass 1: quote marks ---------------------------------------------------------------------


def _left_open(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1].isspace() or text[i - 1] in _LEFT_BOUNDARY


def _right_open(text: str, i: int, hi: int) -> bool:
    return i + 1 >= hi or text[i + 1].isspace() or text[i + 1] in _RIGHT_BOUNDARY


def _next_opens_with_mark(text: str, region: Region) -> int | None:
    i = region.start
    while i < region.end and text[i].isspace():
        i += 1
    if i < region.end and (text[i] in _DOUBLE_OPENERS or text[i] == '"'):
        return i
    return None


def _between(positions: list[int], lo: int, hi: int) -> list[int]:
    """The sorted ``positions`` in [lo, hi)."""
    return positions[bisect.bisect_left(positions, lo) : bisect.bisect_left(positions, hi)]


def _pair_double(text: str, regions: Sequence[Region]) -> list[_Raw]:
    """Pair double quote marks and guillemets over the regions, in one pass."""
    marks = char_positions(text, _DOUBLE_MARKS)
    found: list[_Raw] = []
    limit = settings.MAX_QUOTE_CHARS
    open_at = -1  # index of the opening mark, or -1
    content_start = -1
    open_region = -1
    skip_mark = -1

    def finish(end: int, close_end: int, closed: bool, region: int) -> None:
        e = end
        while e > content_start and text[e - 1].isspace():
            e -= 1
        s = content_start
        while s < e and text[s].isspace():
            s += 1
        if s < e and e - s <= limit:
            found.append(_Raw(s, e, "direct", open_at, close_end, closed, region=open_region))

    n_marks = len(marks)
    for r_index, region in enumerate(regions):
        lo, hi = region.start, region.end
        first = bisect.bisect_left(marks, lo)
        if open_at < 0 and (first == n_marks or marks[first] >= hi):
            continue  # no mark, and no quote left open to end here
        for i in marks[first : bisect.bisect_left(marks, hi, first)]:
            if i == skip_mark:
                continue
            ch = text[i]
            left, right = _left_open(text, i, lo), _right_open(text, i, hi)
            if open_at < 0:
                if ch == "»" or (ch == "”" and not (left and not right)):
                    continue  # a stray closing mark
                if ch == '"' and right and not left:
                    continue  # an inch mark or a stray closer
                open_at, content_start, open_region = i, i + 1, r_index
                continue
            if ch in "“„‟" and left and not right:
                # A new opening mark while a quote is open: the open one was never closed.
                finish(i, i, False, r_index)
                open_at, content_start, open_region = i, i + 1, r_index
                continue
            if ch == "«" and text[open_at] != "«":
                continue
            # '"', '”', '»', or '“' used as a closing mark (…forces,“ she added).
            finish(i, i + 1, True, r_index)
            open_at = -1
        if open_at >= 0:
            # Open at the paragraph's end: continues only into a paragraph that opens with a
            # quote mark, and only while the quote stays within the length limit.
            nxt = regions[r_index + 1] if r_index + 1 < len(regions) else None
            mark = None
            if (
                nxt is not None
                and region.kind == "body"
                and nxt.kind == "body"
                and nxt.paragraph == (region.paragraph or 0) + 1
                and hi - content_start < limit
            ):
                mark = _next_opens_with_mark(text, nxt)
            if mark is None:
                finish(hi, hi, False, r_index)
                open_at = -1
            else:
                skip_mark = mark
    return found


def _pair_single(text: str, marks: list[int], lo: int, hi: int, region: int) -> list[_Raw]:
    """Pair single quote marks (at ``marks``) in text[lo:hi], a stretch with no double quotes."""
    found: list[_Raw] = []
    open_at = -1
    for i in _between(marks, lo, hi):
        ch = text[i]
        if open_at < 0:
            # Only an opening mark matters here: its neighbours are read for it alone.
            if (
                ch in "'‘‹"
                and _left_open(text, i, lo)
                and not _right_open(text, i, hi)
                and i + 1 < hi
                and text[i + 1].isalnum()
            ):
                open_at = i
            continue
        left, right = _left_open(text, i, lo), _right_open(text, i, hi)
        if ch in "'’›" and not left and right:
            s, e = open_at + 1, i
            if text[s:e].strip() and e - s <= settings.MAX_QUOTE_CHARS:
                found.append(_Raw(s, e, "direct", open_at, i + 1, True, region=region))
            open_at = -1
        elif ch in "'‘‹" and left and not right:
            open_at = i
    return found


def _find_marks(text: str, regions: Sequence[Region]) -> list[_Raw]:
    doubles = _pair_double(text, regions)
    marks = char_positions(text, _SINGLE_MARKS)
    singles: list[_Raw] = []
    if not marks:
        return sorted(doubles, key=lambda r: r.start)
    # A stretch pairs a quote only from an opening mark: regions with none are passed over.
    openers = [i for i in marks if text[i] in _SINGLE_OPENERS]
    n_openers = len(openers)
    by_region: dict[int, list[_Raw]] = {}
    for raw in doubles:
        by_region.setdefault(raw.region, []).append(raw)
    for r_index, region in enumerate(regions):
        start, end = region.start, region.end
        first = bisect.bisect_left(openers, start)
        if first == n_openers or openers[first] >= end:
            continue
        pos = region.start
        for raw in sorted(by_region.get(r_index, []), key=lambda r: r.open_mark):
            if raw.open_mark > pos:
                singles.extend(_pair_single(text, marks, pos, raw.open_mark, r_index))
            pos = max(pos, raw.close_end)
        if pos < region.end:
            singles.extend(_pair_single(text, marks, pos, region.end, r_index))
    return sorted(doubles + singles, key=lambda r: r.start)


# --- pass 2: attribution of quoted spans -----------------------------------------------------


@dataclass(slots=True)
class _TextFacts:
    """What is worked out once per text during one extract_quotes call."""

    text: str
    ascii_words: bool | None = None
    simple_ascii: bool | None = None
    non_ascii: str | None = None
    cue_starts: list[int] | None = None
    cues: list[tuple[int, int]] | None = None
    cue_firsts: list[int] | None = None


# The facts of the text extract_quotes is reading, for the helpers that get only the text.
_CURRENT_TEXT: ContextVar[_TextFacts | None] = ContextVar("quotes_current_text", default=None)


def _facts(text: str) -> _TextFacts:
    """The facts of ``text``: kept for the call of extract_quotes reading it, else fresh."""
    facts = _CURRENT_TEXT.get()
    return facts if facts is not None and facts.text is text else _TextFacts(text)


def _ascii_words(text: str) -> bool:
    """Whether every word character of ``text`` (letter, mark or number) is ASCII."""
    facts = _facts(text)
    if facts.ascii_words is None:
        facts.ascii_words = text.isascii() or _WORD_CHAR_PATTERN.search(_non_ascii(text)) is None
    return facts.ascii_words


def _simple_ascii(text: str) -> bool:
    """Whether the stdlib forms of the attribution patterns read ``text`` as the patterns do:
    none of its characters outside ASCII is a letter, mark, number or word character."""
    facts = _facts(text)
    if facts.simple_ascii is None:
        facts.simple_ascii = text.isascii() or _NOT_SIMPLE_PATTERN.search(_non_ascii(text)) is None
    return facts.simple_ascii


def _non_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII: its UTF-8 bytes without the ASCII bytes."""
    facts = _facts(text)
    if facts.non_ascii is None:
        others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        facts.non_ascii = others.decode("utf-8", "surrogatepass")
    return facts.non_ascii


def _words(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int]]:
    """The spans of the words in text[start:end], only the first ``limit`` when given."""
    facts = _facts(text)
    if facts.ascii_words is None:
        facts.ascii_words = _ascii_words(text)
    if facts.ascii_words:
        found = _ASCII_WORD_PATTERN.finditer(text, start, end)
        return [m.span() for m in (found if limit is None else itertools.islice(found, limit))]
    matches = _WORD_PATTERN.finditer(text, start, end)
    return [m.span() for m in (matches if limit is None else itertools.islice(matches, limit))]


def _clean_speaker(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker phrase in text[start:end] without linkers and appositives, or None."""
    comma = text.find(",", start, end)
    while comma >= 0 and _comma_inside_np(text, start, comma, end):
        comma = text.find(",", comma + 1, end)
    if comma >= 0:
        end = comma
    words = _words(text, start, end)
    while words and text[words[0][0] : words[0][1]].lower() in _LEADING_LINKERS:
        words.pop(0)
    if not words:
        return None
    if len(words) > _MAX_SUBJECT_WORDS or (
        text[words[0][0]].islower()
        and text[words[0][0] : words[0][1]].lower() not in _DETERMINERS_OR_PRONOUNS
    ):
        # A long or lower-case phrase still speaks through the name that ends it:
        # "in a reaction to the news Commissioner Jane Doe", "manager Jane Doe".
        if len(words) > 2 and _is_name_run(text, words[-2][0], words[-1][1]):
            start_k = len(words) - 2
            while start_k > 0 and _is_name_run(text, words[start_k - 1][0], words[-1][1]):
                start_k -= 1
            return words[start_k][0], words[-1][1]
        if len(words) > _MAX_SUBJECT_WORDS:
            return None
    first = text[words[0][0] : words[0][1]]
    low = first.lower()
    if low in _PRONOUNS:
        return (words[0][0], words[0][1]) if len(words) == 1 else None
    if not first[:1].isalpha():
        return None  # an age or a number ("Jane Doe, 54, said"), not a speaker
    last = text[words[-1][0] : words[-1][1]]
    if len(words) > 1 and last.lower() in _PRONOUNS and last.lower() != "i":
        # "During his speech he", "Speaking to reporters she": the pronoun is the subject.
        return words[-1]
    if low in _NOT_SPEAKER_START:
        return None
    if (
        first[:1].islower()
        and low not in _DETERMINERS
        and not (len(words) <= 3 and (last.lower().endswith("s") or last.lower() in _GROUP_NOUNS))
    ):
        return None  # a verb phrase ("justified his choice by"), not a subject
    for w0, w1 in words[1:]:
        if text[w0:w1].lower() in _FINITE_WORDS:
            return None
    if all(text[w0:w1].lower() in _DETERMINERS for w0, w1 in words) or last.lower() in {
        "the",
        "a",
        "an",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "and",
        "or",
    }:
        return None  # "denied the claim": a noun after a verb, not a subject
    s, e = words[0][0], words[-1][1]
    # Keep a bracket that closes the phrase: "Forces (SDF)", "Jane Doe (R-Ga.)".
    opening = text.rfind("(", s, e)
    if opening >= 0 and text.find(")", opening, e) < 0:
        closing = text.find(")", e, e + 8)
        if closing >= 0:
            e = closing + 1
    return s, e


def _aux_start(text: str, lo: int, end: int) -> int | None:
    """Where ``_AUX_END_PATTERN.search(text[lo:end])`` matches, as an offset in ``text``.

    Only the last ``_AUX_END_WINDOW`` characters are searched: a match starting before them
    would be longer than any auxiliary, and \\A cannot match at the cut (the cut-off text is
    longer than any auxiliary too). Every auxiliary is a run of lower-case ASCII letters (a test
    checks), so one that ends the window is the whole run of such letters before ``end``: a
    shorter one would follow a letter, neither \\s nor the window's start.
    """
    window = max(lo, end - _AUX_END_WINDOW)
    start = end
    while start > window and "a" <= text[start - 1] <= "z":
        start -= 1
    if start == end or text[start:end] not in _AUX_SET:
        return None
    if start > window and not _is_space(text[start - 1]):
        return None
    return start


def _is_space(char: str) -> bool:
    """Whether ``char`` is matched by ``regex``'s \\s: str.isspace() less four separators."""
    return char.isspace() and char not in "\x1c\x1d\x1e\x1f"


def _passive_before(text: str, lo: int, end: int) -> bool:
    """Whether ``_PASSIVE_PATTERN.search(text, lo, end)`` matches, searched only when the text
    ends as a match must: in spaces after a be-form or an -ly adverb. The spaces a match ends
    with are all those before ``end`` (a letter comes before them), and they are found with
    str.isspace, which \\s is part of (the characters it adds stand in no match).
    """
    end = min(end, len(text))
    k = end
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == end or not text.endswith(_PASSIVE_ENDINGS, lo, k):
        return False
    return _PASSIVE_PATTERN.search(text, lo, end) is not None


# The characters the walk back in _subject stops at, searched from the right.
_WALK_STOP_PATTERN = regex.compile(r'[),;:(—–"“”«»\n.]', regex.REVERSE)
_WALK_STOP_CHARS = re.compile(r'[),;:(—–"“”«»\n.]')


def _last_walk_stop(text: str, lo: int, hi: int) -> int:
    """Where ``_WALK_STOP_PATTERN.search(text, lo, hi)`` matches, or -1: the first of its
    characters in the reversed stretch, found by a forward search, which is faster."""
    found = _WALK_STOP_CHARS.search(text[lo:hi][::-1])
    return -1 if found is None else hi - 1 - found.start()


def _subject(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The subject phrase right before a cue, within text[lo:cue_start]."""
    lo = max(lo, cue_start - _MAX_CONTEXT)
    end = cue_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    # Auxiliaries and adverbs between subject and cue: "has also said".
    aux = _aux_start(text, lo, end)
    while aux is not None and aux > lo:
        end = aux
        while end > lo and text[end - 1].isspace():
            end -= 1
        aux = _aux_start(text, lo, end)
    progressive = (
        text.find("ing", cue_start, cue_start + 20) >= 0  # what a match would hold
        and _ING_PATTERN.match(text, cue_start, cue_start + 20) is not None
    )
    if not progressive and _passive_before(text, lo, cue_start):
        return None
    if progressive:
        # "Analysts are predicting that": the be-form belongs to the verb, not the subject.
        be = _PROGRESSIVE_PATTERN.search(text, lo, end)
        if be is not None:
            end = be.start()
    # A match ends with "to", where the search ends.
    infinitive = _INFINITIVE_PATTERN.search(text, lo, end) if text.endswith("to", lo, end) else None
    if infinitive is not None:
        end = infinitive.start()  # "he went on to say": the subject is before the verbs
    head_end = end
    appositive: tuple[int, int] | None = None
    if end > lo and text[end - 1] == ",":
        # An appositive: "X, a spokesperson for Y, said" -> X.
        prev = text.rfind(",", lo, end - 1)
        if prev >= 0 and end - prev > 200:
            return None
        if prev < 0:
            # "Peter Doe an analyst for Y, said": no opening comma; the phrase runs from lo.
            head_end = end - 1
        else:
            head_end = prev
            appositive = (prev + 1, end - 1)
    start = head_end
    # Walk back to the clause boundary, from one character that may end it to the one before.
    i = head_end - 1
    while i >= lo:
        stop = _last_walk_stop(text, lo, i + 1)
        if stop < 0:
            i = lo - 1
            break
        i = stop
        ch = text[i]
        if ch == ")":
            opening = text.rfind("(", lo, i)
            if opening >= 0 and i - opening <= 60:
                i = opening - 1
                continue
        if ch in ',;:(—–"“”«»\n' or (ch == "." and i + 1 < head_end and text[i + 1] == " "):
            if ch == "," and _comma_inside_np(text, lo, i, head_end):
                i -= 1
                continue
            break
        i -= 1
    start = i + 1
    spk = _clean_speaker(text, start, head_end)
    if (
        i >= lo
        and text[i] == ","
        and (spk is None or _starts_lower(text, start, head_end) or _role_like(text, *spk))
    ):
        # "Jane Doe, president of X said" / "Jane Doe, a professor at X, who said".
        seg_hi = i
        for _ in range(2):
            seg_lo = text.rfind(",", lo, seg_hi)
            seg_lo = lo if seg_lo < 0 else seg_lo + 1
            words = _words(text, seg_lo, seg_hi)
            if words and _is_name_run(text, words[0][0], words[-1][1]):
                return words[0][0], words[-1][1]
            if seg_lo <= lo:
                break
            seg_hi = seg_lo - 1
        if spk is None and text[start:head_end].strip().lower() == "who":
            # The relative pronoun's antecedent: the name that ends the segment before the
            # comma, or, past an appositive ("X, a professor at Y, who"), the one before it.
            seg_end = i
            for _ in range(2):
                seg_start = text.rfind(",", lo, seg_end)
                seg_start = lo if seg_start < 0 else seg_start + 1
                words = _words(text, seg_start, seg_end)
                first_word = text[words[0][0] : words[0][1]] if words else ""
                if words and first_word not in {"a", "an"}:
                    tail = _name_tail(text, (words[0][0], words[-1][1]))
                    tail_words = _words(text, *tail)
                    for k in range(max(0, len(tail_words) - 4), len(tail_words) - 1):
                        if _is_name_run(text, tail_words[k][0], tail[1]):
                            return tail_words[k][0], tail[1]
                if seg_start <= lo:
                    # The clause opens with the antecedent: "A resident of X, who asked …,".
                    return _clean_speaker(text, seg_start, seg_end) if words else None
                seg_end = seg_start - 1
    if spk is not None and appositive is not None:
        name = _appositive_name(text, spk, *appositive)
        if name is not None:
            return name
    return spk


def _starts_lower(text: str, start: int, end: int) -> bool:
    """Whether the first word of text[start:end] starts with a lower-case letter."""
    first = _words(text, start, end, 1)
    return bool(first) and text[first[0][0]].islower()


def _is_name_run(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a personal name: two to five capitalised words or particles."""
    words = [text[s:e] for s, e in _words(text, start, end, 6)]  # six: too many
    if not 2 <= len(words) <= 5 or not words[0][:1].isupper() or words[0].lower() in _DETERMINERS:
        return False
    return all(
        (w[:1].isupper() and not (w.isupper() and len(w) > 1))
        or w.lower() in _NAME_PARTICLES
        or "-" in w
        for w in words
    )


def _role_like(text: str, start: int, end: int) -> bool:
    """Whether a speaker phrase describes a role rather than naming someone."""
    words = [text[s:e] for s, e in _words(text, start, end)]
    return bool(words) and (
        words[0].lower() in _DETERMINERS
        or any(w[:1].islower() and w.lower() not in _NAME_PARTICLES for w in words)
        or any(w.isupper() and len(w) > 1 for w in words)
        or "'s" in text[start:end]
        or "’s" in text[start:end]
    )


def _appositive_name(
    text: str, spk: tuple[int, int], start: int, end: int
) -> tuple[int, int] | None:
    """The name in "the firm's chief executive, Jane Doe," when the head is only a role."""
    if not _role_like(text, *spk):
        return None
    words = _words(text, start, end)
    if words and _is_name_run(text, words[0][0], words[-1][1]):
        return words[0][0], words[-1][1]
    return None


def _name_tail(text: str, spk: tuple[int, int]) -> tuple[int, int]:
    """The name that ends a role phrase: "Northrop Grumman CEO Ron Sugar" -> "Ron Sugar"."""
    words = _words(text, *spk)
    # "Jane Doe an analyst for Y": the name opens the phrase, a role follows.
    for k in range(2, min(5, len(words) - 1) + 1):
        if text[words[k][0] : words[k][1]] in {"a", "an", "the"} and _is_name_run(
            text, spk[0], words[k - 1][1]
        ):
            return spk[0], words[k - 1][1]
    cut = -1
    for k, (s, e) in enumerate(words):
        w = text[s:e]
        if (w[:1].islower() and w.lower() not in _NAME_PARTICLES) or (w.isupper() and len(w) > 1):
            cut = k
    if 0 <= cut < len(words) - 2 or (0 <= cut == len(words) - 2 and cut > 0):
        tail = (words[cut + 1][0], spk[1])
        if (_is_name_run(text, *tail) or cut == len(words) - 2) and text[tail[0]].isupper():
            return tail
    return spk


def _comma_inside_np(text: str, lo: int, comma: int, end: int) -> bool:
    """Whether a comma sits between two adjectives of one phrase: "the Kurdish-led, US-backed"."""
    before_lo = max(lo, comma - 40)
    if text.find("-", before_lo, comma) < 0 or text.find("-", comma + 1, end) < 0:
        return False  # the words on both sides would need a hyphen
    before = _words(text, before_lo, comma)
    after = _words(text, comma + 1, end, 1)
    if not before or not after:
        return False
    last_before = text[before[-1][0] : before[-1][1]]
    first_after = text[after[0][0] : after[0][1]]
    if first_after.lower() in _DETERMINERS or first_after.lower() in _PRONOUNS:
        return False
    return "-" in last_before and "-" in first_after and last_before[:1].islower() is False


def _speaker_after(text: str, raw: _Raw, hi: int) -> bool:
    """Attribution right after the closing mark; fills raw.spk/raw.cue when found."""
    if not raw.closed:
        return False
    content_end = text[raw.start : raw.end].rstrip()
    last = content_end[-1:] if content_end else ""
    window_end = min(hi, raw.close_end + _MAX_CONTEXT)
    if _CUES_KEYED and not _any_cue_start(text, raw.close_end, window_end):
        return False  # no cue where _AFTER_SOURCE would need one
    pattern = _ASCII_AFTER_PATTERN if _simple_ascii(text) else _after_pattern()
    match = pattern.match(text, raw.close_end, window_end)
    if match is None:
        return False
    lead = text[raw.close_end : match.start("cue_a") if match["cue_a"] else match.start("spk_b")]
    if (
        last not in ",!?—–-…:"
        and "," not in lead
        and ":" not in lead  # a headline's "‘Q’: X vows …"
        and not lead.strip()[:1].islower()
        and not text[match.start("cue_a") if match["cue_a"] else match.start("spk_b")].islower()
        and not _ends_attribution(text, match.end(), hi)
    ):
        return False
    if match["cue_a"]:
        cue = match.span("cue_a")
        spk = _clean_speaker(text, *match.span("spk_a"))
        rest = _INVERTED_APPOSITIVE_PATTERN.match(text, match.end("spk_a"), window_end)
        if rest is not None:
            # "said chief strategist at X, Jane Doe.": the role is the whole phrase.
            spk = _appositive_name(text, match.span("spk_a"), *rest.span("name")) or spk
    else:
        cue = match.span("cue_b")
        spk = _clean_speaker(text, *match.span("spk_b"))
        if spk is not None and _passive_before(text, spk[1], cue[0]):
            spk = None
        if spk is not None and match["appos"]:
            a0, a1 = match.span("appos")
            spk = _appositive_name(text, spk, a0 + 1, a1 - 1) or spk
    if spk is None:
        return False
    raw.spk, raw.cue, raw.attributed = spk, cue, True
    return True


def _ends_attribution(text: str, pos: int, hi: int) -> bool:
    """Whether the attribution ending at ``pos`` ends its sentence, adjuncts allowed.

    After “Q.” a following "The company said it would appeal." is a new sentence of reported
    speech, not the attribution of Q; "The company said on Monday." is.
    """
    i = pos
    stop = min(hi, pos + 80)
    while i < stop and text[i] not in ".!?\n":
        if text[i] in _QUOTE_CHARS:
            return True
        i += 1
    if not (i < stop or i >= hi):
        return False
    words = [text[a:b].lower() for a, b in _words(text, pos, i)]
    return not words or (
        words[0] in _ADJUNCT_STARTS
        and "that" not in words
        and not any(w in _FINITE_WORDS for w in words)
    )


def _tail_ok(text: str, tail_start: int, tail_end: int, cue: str, punct: str | None) -> bool:
    """Whether the words between a cue and the opening mark are an adjunct or an object."""
    words = [text[s:e].lower() for s, e in _words(text, tail_start, tail_end)]
    if not words:
        return True
    if "that" in words[:-1] or any(w in _FINITE_WORDS for w in words):
        return False  # the quote sits inside a reported clause: "told X that the deal “…”"
    if cue in _OBJECT_CUES or cue.startswith(("wrote", "tweet")):
        return len(words) <= 5
    if words[0] in _ADJUNCT_STARTS:
        return not any(w in _FINITE_WORDS for w in words)
    # "said Monday:", "said Tuesday that"
    return punct is not None and len(words) <= 2 and text[tail_start:tail_end].strip()[:1].isupper()


def _scan_cue_starts(text: str, lo: int, hi: int) -> list[int]:
    """The starts of ``_CUE_KEY_PATTERN.finditer(text, lo, hi)``: where a cue may start."""
    starts = [lo] if _CUE_KEY_PATTERN.match(text, lo, hi) else []
    starts.extend(m.start() + 1 for m in _CUE_KEY_AFTER_PATTERN.finditer(text, lo, hi))
    return starts


_CUE_INDEX_MAX_CHARS = 100_000


# Each byte to itself if it is a lower-case ASCII letter, else to a space.
_LOWER_RUN_BYTES = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
# In the runs of _key_starts: a space before a key and the space after it (the match holds the
# first space alone).
_KEY_RUN_PATTERN = re.compile(rb" (?=" + trie_alternation(_CUE_KEYS).encode("ascii") + rb" )")


def _key_starts(text: str) -> list[int]:
    """``_scan_cue_starts(text, 0, len(text))``, found in a simpler text.

    A key starts where a maximal run of lower-case ASCII letters starts and is that run. Encoded
    to ASCII with one "?" for each other character (the offsets stay) and every byte but a
    lower-case letter turned to a space, the text is those runs between spaces: a key is one
    between two spaces, and a pattern with neither lookbehind nor character classes finds them
    faster than the key pattern finds them in the text.
    """
    runs = b" " + text.encode("ascii", "replace").translate(_LOWER_RUN_BYTES) + b" "
    # The space before a key is at the key's offset in the text (one space pads it).
    return [m.start() for m in _KEY_RUN_PATTERN.finditer(runs)]


def _text_cue_starts(text: str) -> list[int]:
    """``_scan_cue_starts`` over the whole text, once per text and call."""
    facts = _facts(text)
    if facts.cue_starts is None:
        facts.cue_starts = _key_starts(text)
    return facts.cue_starts


def _cue_starts(text: str, lo: int, hi: int) -> list[int]:
    """``_scan_cue_starts(text, lo, hi)``, from the whole text's when the range ends between
    words (a key ending at ``hi`` is then followed by no letter in either). A very long text is
    scanned range by range: most of it may lie in sentences too long to be read for cues."""
    if len(text) > _CUE_INDEX_MAX_CHARS or (hi < len(text) and "a" <= text[hi] <= "z"):
        return _scan_cue_starts(text, lo, hi)
    starts = _text_cue_starts(text)
    return starts[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def _any_cue_start(text: str, lo: int, hi: int) -> bool:
    """``bool(_cue_starts(text, lo, hi))``, stopping at the first key."""
    if len(text) > _CUE_INDEX_MAX_CHARS or (hi < len(text) and "a" <= text[hi] <= "z"):
        return _CUE_KEY_PATTERN.search(text, lo, hi) is not None
    starts = _text_cue_starts(text)
    i = bisect.bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _letter_or_hyphen(char: str) -> bool:
    """Whether ``char`` is in the class [\\p{L}\\-] of _CUE_RE's lookarounds."""
    if char.isascii():
        return char.isalpha() or char == "-"
    return _LETTER_PATTERN.match(char) is not None


def _cue_end(text: str, start: int, hi: int) -> int | None:
    """Where ``_cue_pattern().match(text, start, hi)`` ends, or None: the run of lower-case
    letters at ``start`` is the key of the cues that may match there."""
    hi = min(hi, len(text))
    if start > 0 and _letter_or_hyphen(text[start - 1]):
        return None
    key = _LOWER_RUN_PATTERN.match(text, start, hi)
    if key is None:
        return None
    for cue in _CUES_BY_KEY.get(key[0], ()):
        end = start + len(cue)
        if (
            end <= hi
            and text.startswith(cue, start)
            and (end == hi or not _letter_or_hyphen(text[end]))
        ):
            return end
    return None


def _search_before(text: str, lo: int, hi: int) -> re.Match[str] | regex.Match[str] | None:
    """``_before_pattern().search(text, lo, hi)``, tried only where a cue can start."""
    if not _CUES_KEYED:
        return _before_pattern().search(text, lo, hi)
    pattern = _ASCII_BEFORE_PATTERN if _simple_ascii(text) else _before_pattern()
    for start in _cue_starts(text, lo, hi):
        # Too many words before the mark for a match: skip the costly try. A match holds no
        # whitespace but [ \t\u00a0] (nor do the cues: a test checks), so its split() words
        # are those the pattern reads: the cue, the tail's tokens, their commas, the punct,
        # "that" and its comma.
        if len(text[start:hi].split(maxsplit=_BEFORE_MAX_WORDS)) > _BEFORE_MAX_WORDS:
            continue
        match = pattern.match(text, start, hi)
        if match is not None:
            return match
    return None


def _speaker_before(text: str, raw: _Raw, lo: int, sent_lo: int) -> bool:
    """Attribution before the opening mark; fills raw.spk/raw.cue when found."""
    window_lo = max(lo, raw.open_mark - _MAX_CONTEXT)
    prefix_end = raw.open_mark
    match = _search_before(text, window_lo, prefix_end)
    if match is None:
        colon_pattern = (
            _ASCII_COLON_SPEAKER_PATTERN if _simple_ascii(text) else _COLON_SPEAKER_PATTERN
        )
        # A match ends in a colon and the spaces after it: searched only where there is one.
        colon = (
            colon_pattern.search(text, window_lo, prefix_end)
            if text[window_lo:prefix_end].rstrip(" \t\u00a0").endswith(":")
            else None
        )
        if colon is not None and colon.start() == _first_nonspace(text, lo, prefix_end):
            raw.spk, raw.attributed = colon.span("spk"), True
            return True
        if text[lo:prefix_end].rstrip().endswith((":", " -", "—", "–")):
            # "Jane Doe spoke about the incident: “Q”": the sentence's subject speaks;
            # "Secretary of the Navy Jane Doe: “Q”": the name that ends the phrase does.
            colon_at = len(text[:prefix_end].rstrip()) - 1
            spk = _clean_speaker(text, lo, colon_at)
            if spk is None or (_role_like(text, *spk) and _name_tail(text, spk) == spk):
                spk = _sentence_subject(text, lo, prefix_end)
            elif spk is not None:
                spk = _name_tail(text, spk)
            if spk is not None:
                raw.spk, raw.attributed = spk, True
                return True
        return False
    cue_text = match["cue"].lower()
    if not _tail_ok(text, *match.span("tail"), cue_text, match["punct"] or match["that"]):
        return False
    cue = match.span("cue")
    if cue_text == "according to":
        # "according to X, “Q”" is handled as "cue + speaker"; the speaker follows the cue.
        spk = _clean_speaker(text, *match.span("tail"))
    else:
        spk = _subject(text, lo, cue[0])
        if cue_text in _PARTICIPLE_CUES:
            spk = _participle_subject(text, sent_lo, cue[0]) or spk
    raw.cue, raw.attributed = cue, True
    raw.spk = spk
    return True


def _first_nonspace(text: str, lo: int, hi: int) -> int:
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo


_QUOTED_AS_PATTERN = regex.compile(
    r"\bquot\p{L}*[ \t\u00a0]+(?P<spk>[^,;:\"“”\n]{1,60}?)[ \t\u00a0]+as[ \t\u00a0]*\Z"
)
_SUBORDINATORS: frozenset[str] = frozenset(
    {"while", "when", "as", "after", "before", "although", "though", "if", "because", "since",
     "once", "until", "whereas", "despite"}
)  # fmt: skip


# A cue that shares the subject of the clause before: "and predicted", "but went on to say".
_COORDINATED_PATTERN = regex.compile(
    r"(?<![\p{L}])(?:and|but)(?:[ \t\u00a0]+\p{Ll}+){0,3}?[ \t\u00a0]*\Z"
)
_ASCII_COORDINATED_PATTERN = re.compile(_ascii_source(_COORDINATED_PATTERN.pattern))


def _participle_subject(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """Who speaks in "..., saying": the subject of the nearest clause before the participle.

    "Jane Doe justified the choice, saying" -> Jane Doe; "X quoted Jane Doe as saying" -> Jane
    Doe; "with analyst Jane Doe saying" -> analyst Jane Doe.
    """
    lo = max(lo, cue_start - _MAX_CONTEXT)
    quoted = _QUOTED_AS_PATTERN.search(text, lo, cue_start)
    if quoted is not None:
        return _clean_speaker(text, *quoted.span("spk"))
    hi = cue_start
    for _ in range(4):
        seg_lo = max(text.rfind(",", lo, hi), text.rfind(";", lo, hi))
        seg_lo = lo if seg_lo < 0 else seg_lo + 1
        words = _words(text, seg_lo, hi)
        while words and text[words[0][0] : words[0][1]].lower() in _LEADING_LINKERS:
            words.pop(0)
        if words and text[words[0][0] : words[0][1]].lower() in _PRONOUNS:
            return words[0]
        if words and text[words[0][0] : words[0][1]].lower() not in _SUBORDINATORS:
            # The subject runs up to its verb: a cue, a finite word or an -ed form.
            end = words[-1][1]
            for k, (s, e) in enumerate(words):
                w = text[s:e]
                if k > 0 and (
                    (_ASCII_CUE_PATTERN if w.isascii() else _cue_pattern()).fullmatch(w)
                    or w in _FINITE_WORDS
                    or _ed_verb(w)
                ):
                    end = words[k - 1][1]
                    break
            spk = _clean_speaker(text, words[0][0], end)
            if spk is not None and len(_words(text, *spk)) <= _MAX_SUBJECT_WORDS:
                return spk
        if seg_lo <= lo:
            return None
        hi = seg_lo - 1
    return None


def _sentence_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject opening text[lo:hi]: a pronoun, a capitalised run or a short noun phrase."""
    words = _words(text, lo, hi)
    if not words:
        return None
    first = text[words[0][0] : words[0][1]]
    if first.lower() in _PRONOUNS:
        return words[0]
    run_end = -1
    for k, (s, e) in enumerate(words[:_MAX_SUBJECT_WORDS]):
        w = text[s:e]
        if (
            w[:1].isupper()
            or (k == 0 and w.lower() in _DETERMINERS)
            or (
                k > 0
                and w.islower()
                and text[words[k - 1][0] : words[k - 1][1]].lower() in _DETERMINERS
            )
            or (
                # a role between names: "Acme spokeswoman Jane Doe"
                0 < k < len(words) - 1
                and w.islower()
                and w not in _FINITE_WORDS
                and not _ed_verb(w)
                and text[words[k + 1][0]].isupper()
                and "," not in text[words[k - 1][1] : s]
            )
        ):
            run_end = e
        else:
            break
    if run_end < 0:
        return None
    spk = _clean_speaker(text, words[0][0], run_end)
    if spk is not None:
        rest = _INVERTED_APPOSITIVE_PATTERN.match(text, spk[1], hi)
        if rest is not None:
            spk = _appositive_name(text, spk, *rest.span("name")) or spk
    return spk


# --- pass 3: indirect quotes -----------------------------------------------------------------


def _is_finite_clause(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens with a subject and holds a finite verb before any comma."""
    return _finite_clause_words(text, _words(text, start, end, 14))


def _finite_clause_words(text: str, words: list[tuple[int, int]]) -> bool:
    """``_is_finite_clause`` on the first 14 words of its range (``words``)."""
    if len(words) < 2:
        return False
    first = text[words[0][0] : words[0][1]]
    low = first.lower()
    if (
        low in _ADJUNCTS_NOT_DETERMINERS
        or low.endswith("ing")
        or low
        in {
            "to",
            "not",
            "which",
            "who",
            "what",
            "whether",
            "if",
            "how",
            "why",
            "when",
            "them",
            "him",
            "us",
            "me",
        }
    ):
        return False
    for k, (s, e) in enumerate(words[1:], start=1):
        if "," in text[words[k - 1][1] : s] and k > 1:
            return False
        w = text[s:e].lower()
        if w in {"which", "who", "whose", "whom", "that"}:
            return False  # a noun with a relative clause: "an update that was released"
        before = text[words[k - 1][0] : words[k - 1][1]].lower()
        if before in _DETERMINERS or before in {"to", "be", "been", "being"}:
            continue  # "an updated series", "to be held": no finite verb
        if w in _FINITE_WORDS or _ed_verb(w):
            return True
    return False


def _clause_end(text: str, start: int, sentence_end: int) -> int:
    end = sentence_end
    while end > start and text[end - 1] in _TRAILING_STOPS:
        end -= 1
    return end


def _indirect_after_cue(text: str, cue: tuple[int, int], sentence_end: int) -> int | None:
    """Where the reported clause after a cue starts, or None when the cue has no clause."""
    cue_text = text[cue[0] : cue[1]].lower()
    if cue_text in _DIRECT_ONLY_CUES:
        return None
    # Words past the 14th are never looked at: k <= 5 below, and j < k + 9.
    window_end = min(sentence_end, cue[1] + 400)
    words = _words(text, cue[1], window_end, 14)
    if not words:
        return None
    # Look for "that" within the first words after adjuncts or an object.
    k = 0
    w0 = text[words[0][0] : words[0][1]].lower()
    if cue_text in _OBJECT_CUES and w0 not in {"that", "there", "it", "he", "she", "they", "we"}:
        # An object: a pronoun, a capitalised run or a short noun phrase ("reporters").
        if w0 in {"him", "her", "them", "us", "me", "reporters", "journalists", "lawmakers"}:
            k = 1
        else:
            while k < len(words) and k < 5 and text[words[k][0]].isupper():
                k += 1
            if k == 0:
                while (
                    k < 3
                    and k < len(words)
                    and text[words[k][0] : words[k][1]].lower() in (_DETERMINERS)
                ):
                    k += 1
                if k:
                    k += 1
        if k == 0:
            return None
    for j in range(k, min(len(words), k + 9)):
        w = text[words[j][0] : words[j][1]].lower()
        if w == "that":
            between = [text[s:e].lower() for s, e in words[k:j]]
            if (
                not between
                or (
                    between[0] in _ADJUNCTS_NOT_DETERMINERS
                    and not any(b in _FINITE_WORDS for b in between)
                )
                or (len(between) <= 2 and text[words[k][0]].isupper())
            ):
                start = _first_nonspace(text, words[j][1], sentence_end)
                if j + 1 < len(words):
                    return start  # a word follows "that" before the sentence's end
                return start if _words(text, start, sentence_end, 1) else None
            break
        if w in _FINITE_WORDS or "," in text[words[j][1] : words[j][1] + 1]:
            break
    # No "that": the clause follows at once, or after a short adjunct.
    start_k = k
    first = text[words[k][0] : words[k][1]].lower() if k < len(words) else ""
    if first in _ADJUNCTS_NOT_DETERMINERS and first not in {"this", "an", "a", "the"}:
        # Skip up to four adjunct words until a clause opens: "said on Monday the ..."
        for j in range(k + 1, min(len(words), k + 5)):
            if _finite_clause_from(text, words, j, window_end, sentence_end) and (
                text[words[j][0] : words[j][1]].lower() in _DETERMINERS
                or text[words[j][0] : words[j][1]].lower() in _PRONOUNS
            ):
                return words[j][0]
        return None
    if start_k < len(words) and _finite_clause_from(text, words, start_k, window_end, sentence_end):
        return words[start_k][0]
    return None


def _finite_clause_from(
    text: str, words: list[tuple[int, int]], j: int, window_end: int, sentence_end: int
) -> bool:
    """``_is_finite_clause(text, words[j][0], sentence_end)``, where ``words`` are the first 14
    words of a range ending at ``window_end``. A scan from a word's start meets the words after
    it that a scan from before it meets, so when the range ends at the sentence's end, its words
    from the j-th are those the clause test reads: all of them if the range held fewer than 14,
    the same 14 if j is 0."""
    if window_end == sentence_end and (j == 0 or len(words) < 14):
        return _finite_clause_words(text, words[j:])
    return _is_finite_clause(text, words[j][0], sentence_end)


# --- pass 4: speakers ------------------------------------------------------------------------


@dataclass(slots=True)
class _Resolver:
    text: str
    entities: _Entities
    genders: dict[str, str] = field(default_factory=dict)
    history: list[tuple[int, str, str | None, bool, str]] = field(default_factory=list)
    """Resolved speakers so far: (offset, name, id, is_person_like, plurality)."""
    span: tuple[int, int] = (0, 0)
    surnames: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Last name (after any hyphenated particle) -> the fullest person-like speaker name."""

    def gender_of(self, entity: _Entity) -> str | None:
        if entity.id in self.genders:
            return self.genders[entity.id]
        gender = None
        text = self.text
        # The words _words finds, as strings: the last two before the mention, the first four
        # after it.
        findall = (_ASCII_WORD_PATTERN if _ascii_words(text) else _WORD_PATTERN).findall
        for e in self.entities.mentions_of(entity.id):
            left = [
                w.lower().rstrip(".") for w in findall(text, max(0, e.start - 30), e.start)[-2:]
            ]
            right = [w.lower() for w in findall(text, e.end, e.end + 40)[:4]]
            for w in left + right:
                if w in _MALE_WORDS:
                    gender = "m"
                elif w in _FEMALE_WORDS:
                    gender = "f"
            if gender:
                break
        self.genders[entity.id] = gender or ""
        return gender

    def resolve(self, spk: tuple[int, int]) -> tuple[str, str | None]:
        """The speaker's display name and entity id; ``self.span`` is left on the words that
        name the speaker (the entity mention or the name ending a role phrase)."""
        text = self.text
        s, e = spk
        self.span = spk
        written = text[s:e]
        low = written.lower()
        if low in _PRONOUNS:
            return self._pronoun(low, s, written)
        # Entity mentions inside the speaker phrase; the head of an English phrase is last,
        # and a role phrase ("a spokesman for the ministry") names a person, not the ministry.
        head_end = e
        role = _STDLIB_ROLE_OF_PATTERN.search(written)
        if role is not None and written.split()[0].lower() in _DETERMINERS:
            head_end = s + role.start()
        hits = list(self.entities.overlapping(s, head_end))
        best = max(hits, key=lambda m: (m.end, m.is_person)) if hits else None
        if best is not None and best.is_person:
            tail = (s, e)  # not read: a person mention names the speaker
        else:
            # "a resident of X" names nobody: no name tail after a role's preposition.
            tail = _name_tail(text, (s, e)) if head_end == e else (s, e)
        if best is not None and (best.is_person or not (tail != (s, e) and tail[0] >= best.end)):
            self._remember(s, best.name, best.id, best.is_person, "s")
            self.span = (best.start, best.end)
            return best.name, best.id
        if tail != (s, e):
            s, e = tail
            self.span = tail
            written = text[s:e]
            low = written.lower()
        words = low.split()
        if (
            2 <= len(words) <= 4
            and words[0] == "the"
            and written[1:] == written[1:].lower()
            and words[-1] not in _ORG_NOUNS
            and (person := self._person_for_role(words[-1], s)) is not None
        ):
            # "the bank chief said" after "Jane Doe, the chief of the central bank".
            self._remember(s, person.name, person.id, True, "s")
            return person.name, person.id
        if (
            words
            and len(words) <= 3
            and words[0] in {"the", "its", "their"}
            and words[-1] in _ORG_NOUNS
            and not any(w.endswith(("'s", "’s")) for w in words)  # "the mayor's office"
        ):
            org = self._org_for_noun(words[-1], s)
            if org is not None:
                self._remember(s, org.name, org.id, False, "s")
                return org.name, org.id
        # Unlinked: a surname alone goes to the fullest earlier speaker name ending with it.
        if " " not in written and written[:1].isupper():
            known = self.surnames.get(written.split("-")[-1])
            if known is not None:
                self._remember(s, known[0], known[1], True, "s")
                return known
        person_like = (
            written[:1].isupper()
            and not written.isupper()
            and not any(w.lower() in _ORG_NOUNS or w.lower() in _ORG_WORDS for w in low.split())
            and not self.entities.overlapping(s, e)
        )
        plural = "p" if low.endswith("s") and not written[:1].isupper() else "s"
        self._remember(s, written, None, person_like, plural)
        return written, None

    def _remember(self, offset: int, name: str, ident: str | None, person: bool, num: str) -> None:
        self.history.append((offset, name, ident, person, num))
        if person and " " in name:
            self.surnames[name.rsplit(maxsplit=1)[-1].rsplit("-", maxsplit=1)[-1]] = (name, ident)

    def _person_for_role(self, noun: str, offset: int) -> _Entity | None:
        """The most recent person whose role, as the article gives it, holds ``noun``."""
        for e in self.entities.before(offset, 80):
            if e.is_person and noun in self.entities.aliases(e):
                return e
        return None

    def _org_for_noun(self, noun: str, offset: int) -> _Entity | None:
        kinds = _ORG_NOUNS[noun]
        candidates = [e for e in self.entities.before(offset, 80) if not e.is_person]
        for e in candidates:
            if any(noun in a for a in self.entities.aliases(e)):
                return e
        for e in candidates:
            if e.kind in kinds:
                return e
        if noun in {"company", "firm", "group", "organization", "organisation", "agency"}:
            return candidates[0] if candidates else None
        return None

    def _pronoun(self, low: str, offset: int, written: str) -> tuple[str, str | None]:
        kind = _PRONOUNS[low]
        if kind in {"s"}:
            return written, None
        person_mentions = self.entities.before(offset, 60)
        if kind in {"m", "f"}:
            # The most recent person: a Person mention or an earlier person-like speaker.
            cands: list[tuple[int, str, str | None, _Entity | None]] = []
            cands.extend((m.start, m.name, m.id, m) for m in person_mentions if m.is_person)
            cands.extend(
                (off, name, ident, None)
                for off, name, ident, person, _ in self.history[-_HISTORY:]
                if person and off < offset
            )
            cands.sort(key=lambda c: (-c[0], c[3] is not None))
            # A candidate the text shows to be of the pronoun's gender wins over a nearer one
            # of unknown gender; otherwise the nearest whose gender does not clash.
            genders = [
                self.gender_of(entity)
                if entity is not None
                else self.genders.get(ident or name) or None
                for _, name, ident, entity in cands
            ]
            # The most recent earlier speaker whose gender does not clash wins; over a person
            # merely mentioned, one the text shows to be of the pronoun's gender is preferred.
            window = settings.QUOTE_GENDER_WINDOW_CHARS
            fitting = [k for k, g in enumerate(genders) if not g or g == kind]
            known = [
                k for k, g in enumerate(genders) if g == kind and offset - cands[k][0] < window
            ]
            order = fitting[:1]
            speakers = {ident for _, _, ident, _, _ in self.history[-_HISTORY:] if ident}
            if (
                known
                and fitting
                and not genders[fitting[0]]
                and cands[fitting[0]][3] is not None
                and cands[fitting[0]][2] not in speakers
            ):
                order = known[:1]
            for k in order:
                _, name, ident, _entity = cands[k]
                key = ident or name
                if not self.genders.get(key):
                    self.genders[key] = kind
                self._remember(offset, name, ident, True, "s")
                return name, ident
            return written, None
        # they / it / we: the most recent organization or plural speaker, else organization.
        cands2: list[tuple[int, str, str | None]] = []
        cands2.extend((m.start, m.name, m.id) for m in person_mentions if not m.is_person)
        cands2.extend(
            (off, name, ident)
            for off, name, ident, person, num in self.history[-_HISTORY:]
            if (off < offset and (not person or num == "p") and ident is not None)
            or (off < offset and num == "p")
        )
        if cands2:
            where, name, ident = max(cands2, key=lambda c: c[0])
            if offset - where < settings.QUOTE_PLURAL_WINDOW_CHARS:
                self._remember(offset, name, ident, False, "p")
                return name, ident
        return written, None


# --- the extractor ---------------------------------------------------------------------------


def _mention_data(text: str, span: tuple[int, int] | None) -> dict[str, object] | None:
    """The fields of the Mention of text[span], for a model to validate, or None."""
    if span is None:
        return None
    s, e = span
    return {"text": text[s:e], "start": s, "end": e}


def extract_quotes(
    doc: Document, *, people: Sequence[Person], organizations: Sequence[Organization]
) -> list[Quote]:
    """Every direct, mixed and indirect quote in ``doc``, with its speaker, in text order.

    Args:
        doc: The segmented article.
        people: The people found earlier; a speaker mention overlapping one of their mentions
            is that person.
        organizations: The organizations found earlier, speakers in their own right.

    Returns:
        The quotes, ids ``q1``, ``q2`` … in text order. Never raises on messy text.

    Example:
        >>> from articlemodel.layout import parse_layout
        >>> from articlemodel.segment import segment
        >>> text = "Talks fail\\n\\n“We will not sign,” the minister said on Friday."
        >>> doc = segment(text, parse_layout(text))
        >>> [(q.text, q.kind, q.speaker) for q in extract_quotes(doc, people=[], organizations=[])]
        [('We will not sign,', 'direct', 'the minister')]
    """
    token = _CURRENT_TEXT.set(_TextFacts(doc.text))
    try:
        return _extract_quotes(doc, people, organizations)
    finally:
        _CURRENT_TEXT.reset(token)


def _extract_quotes(
    doc: Document, people: Sequence[Person], organizations: Sequence[Organization]
) -> list[Quote]:
    text = doc.text
    regions = doc.regions
    raws = _find_marks(text, regions)
    continues_pattern = _ASCII_CONTINUES_PATTERN if _simple_ascii(text) else _CONTINUES_PATTERN
    if len(raws) > 20_000:
        raws = raws[:20_000]

    # Attribute the quoted spans.
    direct: list[_Raw] = []
    fragments: list[_Raw] = []
    prev_end_by_region: dict[int, int] = {}
    for raw in raws:
        region = regions[raw.region]
        close_region = _region_of(regions, raw.close_end - 1, raw.region)
        hi = regions[close_region].end
        sentence = doc.sentence_at(raw.open_mark)
        sent_lo = region.start
        if sentence is not None and sentence.start > sent_lo:
            sent_lo = sentence.start
        lo = max(sent_lo, prev_end_by_region.get(raw.region, region.start))
        found_after = _speaker_after(text, raw, hi)
        found = found_after or _speaker_before(text, raw, lo, sent_lo)
        if (
            not found
            and region.paragraph
            and raw.open_mark == _first_nonspace(text, region.start, region.end)
        ):
            found = _introduced_before(doc, raw, region.paragraph)
        end_here = max(raw.close_end, raw.end)
        if found_after and raw.spk is not None and raw.cue is not None:
            end_here = max(end_here, raw.spk[1], raw.cue[1])
        prev_end_by_region[raw.region] = end_here
        before = text[lo : raw.open_mark].rstrip()
        prefix = before.strip(" \t\n\u00a0,;")
        initial = not prefix or before[-1:] in ":—–" or before.endswith(" -")
        words = len(_words(text, raw.start, raw.end, 6))  # compared with 3, 5 and 6 only
        content = text[raw.start : raw.end].rstrip()
        # The sentence goes on after the closing mark: the quote is a fragment of it.
        continues = (
            raw.closed
            and not found_after
            and content[-1:] not in ".!?…"
            and continues_pattern.match(text, raw.close_end, hi) is not None
        )
        if (
            found
            and not continues
            and (found_after or words >= 3 or content[-1:] in ".!?")
            and (initial or (raw.cue is not None and _prefix_is_attribution(text, raw, lo)))
        ):
            direct.append(raw)
        elif (
            initial
            and content.endswith(",")
            and words >= 6
            and (name := _NAME_AFTER_PATTERN.match(text, raw.close_end, hi)) is not None
            and _is_name_run(text, *name.span("name"))
        ):
            # "“Q,” Jane Doe, an analyst at X." with the verb missing.
            raw.spk, raw.attributed = name.span("name"), True
            direct.append(raw)
        elif initial and not continues:
            trailing = text[raw.close_end : min(hi, raw.close_end + 3)].strip()
            ends_sentence = (
                not trailing
                or trailing[0] in ".!?;:"
                or trailing[0] in _QUOTE_CHARS
                or content[-1:] in ".!?…"
            )
            if (
                words >= 3
                and (ends_sentence or words >= 6)
                and (raw.closed or raw.open_mark == _first_nonspace(text, region.start, region.end))
            ):
                direct.append(raw)
            else:
                raw.kind = "fragment"
                fragments.append(raw)
        elif before.endswith(",") and not continues and words >= 5 and raw.closed:
            # "X extended an invitation to the band, “we have always loved you”."
            raw.spk = _participle_subject(text, sent_lo, raw.open_mark)
            raw.attributed = raw.spk is not None
            direct.append(raw)
        else:
            raw.kind = "fragment"
            fragments.append(raw)

    # Unattributed direct quotes take the attribution beside them.
    _inherit(text, doc, direct)

    # Indirect and mixed quotes.
    used_cues = {raw.cue[0] for raw in direct if raw.cue is not None}
    direct_spans = sorted((raw.open_mark, raw.close_end) for raw in direct)
    indirect = _find_indirect(doc, used_cues, direct_spans, fragments)

    all_raws = sorted(direct + indirect, key=lambda r: (r.start, r.end))
    resolver: _Resolver | None = None  # built for the first speaker to resolve
    quotes: list[Quote] = []
    for raw in all_raws:
        source = raw.inherit_from if raw.inherit_from is not None else raw
        spk_span = source.spk
        if raw.inherit_from is not None:
            raw.speaker, raw.speaker_id = source.speaker, source.speaker_id
        elif spk_span is not None:
            if resolver is None:
                resolver = _Resolver(text, _Entities(people, organizations))
            raw.speaker, raw.speaker_id = resolver.resolve(spk_span)
            spk_span = raw.spk = resolver.span
        body = text[raw.start : raw.end]
        if not body.strip():
            continue
        # Validated from plain data in one call, the mentions too: faster than building each
        # Mention first, with the same checks.
        quotes.append(
            Quote.model_validate(
                {
                    "id": f"q{len(quotes) + 1}",
                    "text": body,
                    "start": raw.start,
                    "end": raw.end,
                    "kind": raw.kind,
                    "speaker": raw.speaker,
                    "speaker_id": raw.speaker_id,
                    "speaker_mention": _mention_data(text, spk_span),
                    "cue": _mention_data(text, source.cue),
                    "paragraph": doc.paragraph_index(raw.start),
                }
            )
        )
    return quotes


def _introduced_before(doc: Document, raw: _Raw, paragraph: int) -> bool:
    """A quote opening its paragraph after one that ends with a colon: "X said:\n\n“Q”"."""
    text = doc.text
    prev = doc.layout.paragraphs[paragraph - 1]
    end = len(text[prev.start : prev.end].rstrip()) + prev.start
    if not text[prev.start : end].endswith(":"):
        return False
    sentence = doc.sentence_at(end - 1)
    lo = sentence.start if sentence is not None else prev.start
    probe = _Raw(raw.start, raw.end, "direct", open_mark=end)
    if not _speaker_before(text, probe, lo, lo):
        return False
    raw.spk, raw.cue, raw.attributed = probe.spk, probe.cue, True
    return True


def _region_of(regions: Sequence[Region], offset: int, hint: int) -> int:
    i = hint
    while i + 1 < len(regions) and regions[i].end <= offset:
        i += 1
    return i


def _prefix_is_attribution(text: str, raw: _Raw, lo: int) -> bool:
    """Whether everything before the opening mark in its sentence is the attribution."""
    if raw.cue is None:
        return False
    if raw.cue[1] <= raw.open_mark:
        # Cue before the quote: the subject must start the clause the quote opens.
        return True
    prefix = text[lo : raw.open_mark].strip()
    return not prefix or prefix[-1:] in ":—–"


def _inherit(text: str, doc: Document, direct: list[_Raw]) -> None:
    """Give unattributed direct quotes the attribution of their neighbours."""
    by_paragraph: dict[int | None, list[_Raw]] = {}
    for raw in direct:
        by_paragraph.setdefault(doc.paragraph_index(raw.start), []).append(raw)
    last_in_paragraph: dict[int, _Raw] = {}
    for index, group in by_paragraph.items():
        if index is not None and group:
            last_in_paragraph[index] = group[-1]
    for index, group in by_paragraph.items():
        for k, raw in enumerate(group):
            if raw.attributed:
                continue
            source = next((g for g in reversed(group[:k]) if g.attributed), None)
            if source is None:
                source = next((g for g in group[k + 1 :] if g.attributed), None)
            if source is None and index is not None and k == 0:
                prev = last_in_paragraph.get(index - 1)
                paragraph = doc.layout.paragraphs[index]
                opens = _first_nonspace(text, paragraph.start, paragraph.end)
                if prev is not None and raw.open_mark == opens:
                    source = prev.inherit_from or prev
            if source is not None and (source.spk is not None or source.inherit_from):
                raw.inherit_from = source.inherit_from or source
                raw.attributed = True


def _find_cues(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of ``_cue_pattern().finditer(text, lo, hi)``, found faster."""
    if not _CUES_KEYED:
        return [m.span() for m in _cue_pattern().finditer(text, lo, hi)]
    found: list[tuple[int, int]] = []
    end = lo
    for start in _cue_starts(text, lo, hi):
        if start >= end:
            cue_end = _cue_end(text, start, hi)
            if cue_end is not None:
                found.append((start, cue_end))
                end = cue_end
    return found


def _key_index(text: str) -> list[int] | None:
    """The text's key starts, when its cues are read from them (see _cue_starts), else None."""
    if not _CUES_KEYED or len(text) > _CUE_INDEX_MAX_CHARS:
        return None
    return _text_cue_starts(text)


def _no_cue_in(text: str, lo: int, hi: int, starts: list[int] | None) -> bool:
    """Whether ``_find_cues(text, lo, hi)`` is empty for sure, read from the text's key starts
    (``_key_index(text)``): none in the range, which does not end inside a run of lower-case
    letters (the run's head might be a key there). False when the key starts are not at hand."""
    if starts is None or (hi < len(text) and "a" <= text[hi] <= "z"):
        return False
    i = bisect.bisect_left(starts, lo)
    return i == len(starts) or starts[i] >= hi


def _range_cues(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``_find_cues(text, lo, hi)``, read from the whole text's cues, found once per text and
    call, when the range cuts none: no cue of the text runs over ``lo`` or ``hi``, and no letter
    or hyphen follows ``hi`` (a cue ending there, or a key run across it, would be read
    differently). Then the range's search meets the same key starts, lets each the same cue, and
    starts its chain of cues, as the text's does, after a cue that ends by ``lo``.
    """
    if len(text) > _CUE_INDEX_MAX_CHARS or (hi < len(text) and _letter_or_hyphen(text[hi])):
        return _find_cues(text, lo, hi)
    facts = _facts(text)
    if facts.cues is None or facts.cue_firsts is None:
        facts.cues = _find_cues(text, 0, len(text))
        facts.cue_firsts = [start for start, _ in facts.cues]
    cues, firsts = facts.cues, facts.cue_firsts
    i = bisect.bisect_left(firsts, lo)
    j = bisect.bisect_left(firsts, hi)
    if (i > 0 and cues[i - 1][1] > lo) or (j > i and cues[j - 1][1] > hi):
        return _find_cues(text, lo, hi)
    return cues[i:j]


def _find_indirect(
    doc: Document,
    used_cues: set[int],
    direct_spans: list[tuple[int, int]],
    fragments: list[_Raw],
) -> list[_Raw]:
    text = doc.text
    found: list[_Raw] = []
    direct_starts = [s for s, _ in direct_spans]
    coordinated_pattern = (
        _ASCII_COORDINATED_PATTERN if _simple_ascii(text) else _COORDINATED_PATTERN
    )
    frag_starts = [f.open_mark for f in fragments]
    used_fragments: set[int] = set()

    def inside_direct(pos: int) -> bool:
        i = bisect.bisect_right(direct_starts, pos) - 1
        return i >= 0 and direct_spans[i][0] <= pos < direct_spans[i][1]

    def overlaps_direct(start: int, end: int) -> bool:
        i = bisect.bisect_left(direct_starts, end)
        return i > 0 and direct_spans[i - 1][1] > start

    key_starts = _key_index(text)
    for sentence in doc.sentences:
        s_lo, s_hi = sentence.start, sentence.end
        if s_hi - s_lo > 20_000:
            continue
        # What an "according to" match holds: a sentence without it has none.
        has_according = text.find("ccording", s_lo, s_hi) >= 0
        if not has_according and _no_cue_in(text, s_lo, s_hi, key_starts):
            continue  # nothing in the sentence to read
        cues = [
            cue
            for cue in _range_cues(text, s_lo, s_hi)
            if cue[0] not in used_cues and not inside_direct(cue[0])
        ]
        accordings = [
            m.span()
            for m in (_ACCORDING_PATTERN.finditer(text, s_lo, s_hi) if has_according else ())
            if not inside_direct(m.start())
        ]
        taken_until = s_lo
        for cue in cues:
            if cue[0] < taken_until:
                continue
            cue_text = text[cue[0] : cue[1]].lower()
            if cue_text == "according to" or cue in accordings:
                continue
            if cue_text in _PARTICIPLE_CUES:
                # "issue a warning that …": after a determiner the -ing form is a noun.
                last_word = _words(text, max(s_lo, cue[0] - 20), cue[0])[-1:]
                if last_word and text[last_word[0][0] : last_word[0][1]].lower() in _DETERMINERS:
                    continue
            if cue_text in _PARTICIPLE_CUES and "," not in text[max(s_lo, cue[0] - 80) : cue[0]]:
                # "people claiming benefits", "reports stating that": a noun's modifier, unless
                # a document speaks ("issued a statement saying").
                before_cue = _words(text, max(s_lo, cue[0] - 30), cue[0])[-1:]
                prev_word = text[before_cue[0][0] : before_cue[0][1]].lower() if before_cue else ""
                if prev_word not in _DOCUMENT_NOUNS and prev_word not in _BE_FORMS:
                    continue
            # The cue gives a quote only through a clause after it, at the end of its sentence
            # or inside a clause (the three ways below, each of which needs what is tested
            # here): with none of them, its subject is not looked for.
            clause_after = _indirect_after_cue(text, cue, s_hi)
            if (
                clause_after is None
                and not _is_tail(text, cue, s_hi)
                and _PARENTHETICAL_END_PATTERN.match(text, cue[1], s_hi) is None
            ):
                continue
            spk = _subject(text, s_lo, cue[0])
            coordinated = spk is None and coordinated_pattern.search(
                text, max(s_lo, cue[0] - 80), cue[0]
            )
            if cue_text in _PARTICIPLE_CUES or coordinated:
                # "..., saying that" / "X reported a profit, and predicted that": the subject of
                # the clause before speaks.
                spk = _participle_subject(text, s_lo, cue[0]) or spk
            if spk is None:
                # Inverted at the end: "CLAUSE, said X." is rare in indirect speech; skip.
                continue
            clause: tuple[int, int] | None = None
            # CLAUSE, X said (on Monday).
            comma = text.rfind(",", s_lo, spk[0])
            while comma > s_lo and not text[comma + 1 : comma + 2].isspace():
                comma = text.rfind(",", s_lo, comma)
            between = text[comma + 1 : spk[0]].strip() if comma >= 0 else None
            if (
                comma > s_lo
                and between is not None
                and _is_tail(text, cue, s_hi)
                and (
                    not between
                    or _comma_inside_np(text, s_lo, comma, spk[1])
                    or len(between.split()) <= 3
                )
            ):
                start = _first_nonspace(text, s_lo, comma)
                if _is_finite_clause(text, start, comma) or _has_finite(text, start, comma):
                    clause = (start, comma)
                    if _comma_inside_np(text, s_lo, comma, spk[1]):
                        prev = text.rfind(",", s_lo, comma)
                        if prev > s_lo:
                            clause = (start, prev)
            if clause is None and comma > s_lo and between is not None and not between:
                # "The plan, Harris said, would cost $2 billion": the attribution sits inside
                # the reported clause, which keeps it.
                paren_end = _PARENTHETICAL_END_PATTERN.match(text, cue[1], s_hi)
                start = _first_nonspace(text, s_lo, comma)
                if paren_end is not None and len(_words(text, start, comma)) >= 2:
                    clause = (start, _trim_clause(text, start, _clause_end(text, start, s_hi)))
            if clause is None:
                clause_start = clause_after
                if clause_start is None:
                    continue
                end = _clause_end(text, clause_start, s_hi)
                # Another attribution inside the clause ends it: "..., Boeing saying that ...".
                for other in cues:
                    if clause_start < other[0] < end:
                        lead = text[max(clause_start, other[0] - 3) : other[0]]
                        if text[other[0] : other[1]].lower() in _PARTICIPLE_CUES and "," in lead:
                            end = _clause_end(text, clause_start, text.rfind(",", 0, other[0]) + 1)
                            break
                        sub = _subject(text, clause_start, other[0])
                        if sub is not None:
                            cut = text.rfind(",", clause_start, sub[0])
                            if cut > clause_start:
                                end = _clause_end(text, clause_start, cut + 1)
                                break
                clause = (clause_start, _trim_clause(text, clause_start, end))
            start, end = clause
            if overlaps_direct(start, end):
                # A direct quote later in the sentence ends the clause at the comma before it.
                i = bisect.bisect_left(direct_starts, start)
                if i < len(direct_starts) and direct_starts[i] < end:
                    cut = text.rfind(",", start, direct_starts[i])
                    end = _clause_end(text, start, cut) if cut > start else start
            if end - start < 3 or len(_words(text, start, end, 2)) < 2:
                continue
            if overlaps_direct(start, end):
                continue
            kind = "indirect"
            lo_f = bisect.bisect_left(frag_starts, start)
            hi_f = bisect.bisect_left(frag_starts, end)
            for f in range(lo_f, hi_f):
                kind = "mixed"
                used_fragments.add(f)
            found.append(_Raw(start, end, kind, spk=spk, cue=cue, attributed=True))
            taken_until = max(cue[1], start if start > cue[1] else cue[1])
        for according in accordings:
            if according[0] < s_lo or inside_direct(according[0]):
                continue
            match = _ACCORDING_SPEAKER_PATTERN.match(text, according[1], s_hi)
            if match is None:
                continue
            spk_span = match.span("spk")
            spk = _clean_speaker(text, *spk_span)
            opens = according[0] == _first_nonspace(text, s_lo, s_hi)
            bare = _ACCORDING_NAME_PATTERN.match(text, according[1], s_hi) if opens else None
            if bare is not None and text[bare.end() : bare.end() + 1] != ",":
                # "According to Jane Doe the plan will fail." with the comma missing.
                spk = bare.span("spk")
                if not _is_finite_clause(text, _first_nonspace(text, bare.end(), s_hi), s_hi):
                    continue
                spk_span = (spk[0], bare.end())
            if spk is None:
                continue
            after = _first_nonspace(text, spk_span[1], s_hi)
            if opens and (text[after : after + 1] == "," or bare is not None):
                if text[after : after + 1] == ",":
                    after += 1
                start = _first_nonspace(text, after, s_hi)
                end = _trim_clause(text, start, _clause_end(text, start, s_hi))
            else:
                comma = text.rfind(",", s_lo, according[0])
                if comma < 0 or text[comma + 1 : according[0]].strip():
                    continue
                start = _first_nonspace(text, s_lo, comma)
                end = comma
            if end - start < 3 or overlaps_direct(start, end):
                continue
            if any(q.start < end and start < q.end for q in found[-8:]):
                continue
            kind = "indirect"
            for f in range(
                bisect.bisect_left(frag_starts, start), bisect.bisect_left(frag_starts, end)
            ):
                kind = "mixed"
                used_fragments.add(f)
            found.append(_Raw(start, end, kind, spk=spk, cue=according, attributed=True))
    found.extend(_naming_quotes(doc, fragments, used_fragments, found))
    return found


# Naming verbs put a quoted phrase in someone's mouth: "called the plan “a disaster”",
# "described him as “a visionary”", "what the unions call “a betrayal”". They are no reporting
# cues (a town called X), so they count only with a quoted fragment right after them.
_NAMING_PATTERN = regex.compile(
    r"(?<![\p{L}\-])(?:call|calls|called|calling|describe|describes|described|describing|dub|"
    r"dubs|dubbed|term|terms|termed|label|labels|labelled|labeled|brand|brands|branded)"
    r"(?![\p{L}\-])"
)
_ASCII_NAMING_PATTERN = re.compile(_ascii_source(_NAMING_PATTERN.pattern))


_WHAT_PATTERN = regex.compile(
    r"(?<![\p{L}])what[ \t\u00a0]+(?P<subject>[^,;:\"“”]{1,60}?)[ \t\u00a0]*\Z"
)


# "called for", "called on", "called off": an appeal or a cancellation, not a naming.
_PHRASAL_PARTICLES: frozenset[str] = frozenset({"for", "on", "upon", "off", "in", "out", "up"})


def _naming_quotes(
    doc: Document, fragments: list[_Raw], used: set[int], found: list[_Raw]
) -> list[_Raw]:
    """Mixed quotes from naming verbs before a quoted fragment no reported clause holds."""
    text = doc.text
    naming_pattern = _ASCII_NAMING_PATTERN if _simple_ascii(text) else _NAMING_PATTERN
    out: list[_Raw] = []
    taken = sorted((q.start, q.end) for q in found)
    starts = [a for a, _ in taken]
    for index, frag in enumerate(fragments):
        if index in used:
            continue
        sentence = doc.sentence_at(frag.open_mark)
        if sentence is None:
            continue
        lo = max(sentence.start, frag.open_mark - _MAX_CONTEXT)
        verbs = [m.span() for m in naming_pattern.finditer(text, lo, frag.open_mark)]
        if not verbs:
            continue
        verb_start, verb_end = verbs[-1]
        between = _words(text, verb_end, frag.open_mark)
        if (
            len(between) > 8
            or any(text[a:b].lower() in _FINITE_WORDS for a, b in between)
            or (between and text[between[0][0] : between[0][1]].lower() in _PHRASAL_PARTICLES)
        ):
            continue  # "called for", "called on", or the fragment belongs to a later clause
        if text[lo:verb_start].rstrip().endswith(","):
            continue  # "The plan, called “Way Forward”, …": a participle naming a thing
        what = _WHAT_PATTERN.search(text, max(lo, verb_start - 80), verb_start)
        if what is not None:
            spk = _clean_speaker(text, what.start("subject"), verb_start)
        else:
            spk = _subject(text, lo, verb_start)
        if spk is None:
            continue
        if what is not None:
            start, end = frag.start, frag.end  # what X called “Y”: the phrase itself
        else:
            start = _first_nonspace(text, verb_end, frag.open_mark + 1)
            end = _trim_clause(text, start, _clause_end(text, start, sentence.end))
        i = bisect.bisect_left(starts, end)
        if end - start < 2 or (i > 0 and taken[i - 1][1] > start):
            continue
        out.append(_Raw(start, end, "mixed", spk=spk, cue=(verb_start, verb_end), attributed=True))
        used.add(index)
    return out


# Where a reported clause stops: a semicolon, a non-restrictive relative clause, a participle
# hanging off the main clause, or a second predicate of the speaker ("..., and predicted").
_CLAUSE_STOP_SOURCE = rf"""
    ;
    |,[ \t\u00a0]+(?:which|referring|citing|adding|according[ \t\u00a0]+to)\b
    |[ \t\u00a0]+[-–—][ \t\u00a0]+
    |,[ \t\u00a0]+(?:and|but)[ \t\u00a0]+(?:also[ \t\u00a0]+)?
        (?:{_CUE_RE}|did|does|do|declined|refused|would|could|expects|expected|\p{{Ll}}+ed\b)
    |[ \t\u00a0]+(?:and|but)[ \t\u00a0]+(?:also[ \t\u00a0]+)?
        (?:{_CUE_RE}|urged|called[ \t\u00a0]+on)
    """


@functools.cache
def _clause_stop_pattern() -> regex.Pattern[str]:
    """Where a reported clause stops (_CLAUSE_STOP_SOURCE), compiled on first need."""
    return regex.compile(_CLAUSE_STOP_SOURCE, regex.VERBOSE | regex.VERSION1, cues=_CUES)


_ASCII_CLAUSE_STOP_PATTERN = re.compile(_ascii_source(_CLAUSE_STOP_SOURCE), re.VERBOSE)


# What every match of _CLAUSE_STOP_SOURCE holds: where there is none, there is no match.
_CLAUSE_STOP_HINT_PATTERN = re.compile(
    r";|,[ \t\u00a0]|[ \t\u00a0][-–—][ \t\u00a0]|[ \t\u00a0](?:and|but)[ \t\u00a0]"
)


def _trim_clause(text: str, start: int, end: int) -> int:
    pattern = _ASCII_CLAUSE_STOP_PATTERN if _simple_ascii(text) else _clause_stop_pattern()
    pos = start
    while True:
        if _CLAUSE_STOP_HINT_PATTERN.search(text, pos, end) is None:
            return end
        match = pattern.search(text, pos, end)
        if match is None:
            return end
        # A which-clause inside the subject ("the agreement, which did not …, was") stays.
        if "which" not in match.group() or _has_finite(text, start, match.start()):
            return _clause_end(text, start, match.start())
        pos = match.end()


def _has_finite(text: str, start: int, end: int) -> bool:
    return any(
        text[a:b].lower() in _FINITE_WORDS or _ed_verb(text[a:b].lower())
        for a, b in _words(text, start, end)
    )


def _is_tail(text: str, cue: tuple[int, int], sentence_end: int) -> bool:
    """Whether the cue ends its sentence, up to an adjunct: "said on Monday.", "told Reuters."."""
    words = [text[s:e] for s, e in _words(text, cue[1], sentence_end, 9)]
    if not words:
        return True
    if len(words) > 8:
        return False
    first = words[0].lower()
    cue_text = text[cue[0] : cue[1]].lower()
    if first in _ADJUNCT_STARTS and first not in {"the", "a", "an", "his", "her", "its", "their"}:
        return not any(w.lower() in _THAT_OR_FINITE for w in words)
    return (
        cue_text in _OBJECT_CUES
        and len(words) <= 4
        and not any(w.lower() in _THAT_OR_FINITE for w in words)
    )
