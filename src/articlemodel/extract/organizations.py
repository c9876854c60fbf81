"""Organizations: names, acronyms and kinds, with every mention linked.

The extractor finds organization names in six ways, tried in this order (earlier rules win
where spans overlap), then links every later mention of any name it found:

1. ``acronym``: acronym definitions in the manner of Schwartz & Hearst (2003), "A simple
   algorithm for identifying abbreviation definitions in biomedical text": ``Long Form (SF)``
   and ``SF (Long Form)``. The long form is the shortest word-initial match of the short
   form's characters read right to left; it counts as an organization when it holds an
   organization noun, is a known organization, or is a capitalized name that does not end in
   a non-organization noun (``Joint Strike Fighter (JSF)``).
2. ``dateline``: the outlet named in the dateline, ``LONDON (Reuters) -``.
3. ``sports``: team names in results and standings lines of team-sport reports
   (``SOCCER - ...`` headlines, ``Bayern Munich 2 Hamburg 1``), as in CoNLL-2003.
4. ``coalition``: ``the US-led coalition``, ``the international coalition forces`` and a
   capitalized ``Coalition`` are one coalition.
5. ``pattern``: capitalized sequences headed by an organization noun (``lexicons/org_heads.json``:
   Forces, Ministry, Party, Bank, ...), with an ``of`` tail (``Ministry of Defence``); a leading
   nationality adjective gives the country (``lexicons/demonyms.json``).
6. ``media``: a name with a number before ``reported``/``said`` or after ``told``
   (``Kurdistan 24 reported``).

Last, one scan links every mention of the names found and of well-known organizations
(``lexicons/org_known.json``, ``lexicons/media_outlets.txt``): acronyms inside hyphenated words
(``IS-held``), in brackets (``[IS]``) and before a possessive (``SDF's``); a lower-case
``Iraqi army`` for a found ``Iraqi Army``; headlines in capitals case-insensitively.

Precision rules: headlines in title case or capitals never create names by pattern;
sentence-initial words that are common words are not part of names; a single capitalized
word after another capitalized word is not a known organization (``Gerald Ford``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from articlemodel import settings
from articlemodel.lexicons import load_json, load_lines, load_set, register_cache
from articlemodel.models import Organization, OrganizationKind
from articlemodel.segment import Document

__all__ = ["extract_organizations"]

# --- small closed sets -------------------------------------------------------------------

# Words that open sentences without being part of a name: "The Army said", "But Iraqi ...".
_OPENERS = frozenset({
    "A", "About", "According", "After", "Also", "Although", "An", "And", "Another", "Any", "As",
    "At", "Because", "Before", "Both", "But", "By", "Despite", "During", "Each", "Earlier",
    "Every", "For", "From", "Her", "His", "How", "However", "If", "In", "Its", "Last", "Later",
    "Many", "Meanwhile", "More", "Most", "My", "Next", "No", "Now", "Of", "On", "Once", "One",
    "Only", "Or", "Other", "Our", "Over", "Several", "She", "Since", "Some", "Such", "That",
    "The", "Their", "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "Today",
    "Tomorrow", "Two", "Under", "Unlike", "Until", "When", "Where", "While", "Who", "Why",
    "With", "Within", "Without", "Yesterday",
})  # fmt: skip
# Days and months never start an organization name ("Thursday the European Union").
_CALENDAR = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December",
})  # fmt: skip
# Words that name a role, not an organization: they end an organization name's "of" tail and
# never start one ("Bank of England Governor Mark Carney").
_TITLES = frozenset({
    "Adviser", "Ambassador", "Chairman", "Chairwoman", "Chancellor", "Chief", "Commander",
    "Commissioner", "Deputy", "Director", "Envoy", "Governor", "Head", "Inspector", "Leader",
    "Mayor", "Minister", "Official", "President", "Prime", "Secretary", "Senator", "Speaker",
    "Spokesman", "Spokesperson", "Spokeswoman",
})  # fmt: skip
# Lower-case words allowed inside a name: "Ministry of Foreign Affairs", "Bank of the West".
_CONNECTORS = frozenset(
    {"of", "for", "the", "and", "&", "de", "du", "des", "del", "la", "le", "on", "in"}
)
# Connectors a name may run back over from its head noun ("Bank of America Corporation").
_BACK_CONNECTORS = frozenset({"of", "for", "the", "&", "de", "du", "des", "del", "la", "le"})
_TAIL_STARTS = frozenset({"of", "for", "on"})
# English words that are also acronyms: not matched as acronyms in text set in capitals.
_CAPS_WORDS = frozenset({
    "a", "aid", "am", "an", "as", "at", "be", "by", "can", "do", "fed", "go", "he", "i", "if",
    "in", "is", "it", "its", "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we",
    "who",
})  # fmt: skip
# Organization heads that may follow a nationality adjective in lower case and still be the
# same organization ("the Iraqi army" = "the Iraqi Army").
_LOWERCASE_HEADS = frozenset({"Army", "Navy", "Force", "Guard", "Marines", "Police", "Coast"})
# A connector or lower-case head right after a name word: "Bank| of| the", "Iraqi| army".
_FOLLOWERS = sorted(_CONNECTORS | {w.lower() for w in _LOWERCASE_HEADS} | {"air", "forces"})


# Patterns that only some texts need (text that is not plain, sports reports, media names, the
# coalition, ...) are compiled on their first use, by a cached function: importing the module
# costs less, and an article that needs none of them never compiles them.
@functools.cache
def _follow_pattern() -> regex.Pattern[str]:
    return regex.compile(
        r"[ \u00a0]{1,3}(?P<word>\L<follow>)(?![\p{L}\p{M}\p{Nd}\-])", follow=_FOLLOWERS
    )


# The same for plain text (test_plain_patterns), longest first where one starts another.
_PLAIN_FOLLOWERS = "|".join(re.escape(w) for w in sorted(_FOLLOWERS, key=len, reverse=True))
_PLAIN_FOLLOW_PATTERN = re.compile(
    rf"[ \u00a0]{{1,3}}(?P<word>{_PLAIN_FOLLOWERS})(?![A-Za-z0-9\-])"
)
# a group by number: by name costs more (the same number in _follow_pattern(): test_plain_patterns)
_FOLLOW_GROUP = _PLAIN_FOLLOW_PATTERN.groupindex["word"]
# What the text after a word must start with for _follow_pattern() to match there: a space,
# then another space or a follower's first character (one look-up, which most words fail);
# then after the space another space, a follower of one or two characters ("&", "of") or
# the first three letters of a longer one ("the", "arm"). The pattern is tried only after
# the words that pass both (test_follow_prefilter pins that no follower is missed).
_SPACES = frozenset(" \u00a0")
_FOLLOW_STARTS = frozenset(a + b for a in _SPACES for b in _SPACES | {w[0] for w in _FOLLOWERS})
_FOLLOW_SHORT = _SPACES | {w for w in _FOLLOWERS if len(w) <= 2}
_FOLLOW_PREFIXES = frozenset(w[:3] for w in _FOLLOWERS if len(w) >= 3)
_THE = frozenset({"the ", "The ", "the\u00a0", "The\u00a0"})
# Abbreviations whose period belongs to the word ("Apple Inc.", "Ford Motor Co.").
_KEEP_PERIOD = frozenset({"Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr", "St"})
# Names with an organization noun that are places ("the Soviet Union").
_NOT_ORGANIZATIONS = frozenset({
    "Eastern Front", "Gold Coast", "Left Bank", "South Bank", "Soviet Union", "Union Square",
    "Union Territory", "West Bank", "Western Front",
})  # fmt: skip

# --- patterns ----------------------------------------------------------------------------

# A word: letters and digits, with inner periods, ampersands, apostrophes and hyphens
# ("U.S.", "AT&T", "McDonald's", "IS-held"), and a trailing period that may be an
# abbreviation's (decided in _words).
_WORD_PATTERN = regex.compile(r"[\p{L}\p{M}\p{Nd}]++(?:[.&'’\-][\p{L}\p{M}\p{Nd}]++)*+\.?")
# A possessive ending: "SDF's", "Iraq’s".
_POSSESSIVES = ("'s", "’s")
# Words of four letters or more, capitalized or not, to tell title case from sentence case.
_LONG_UPPER_WORD_PATTERN = regex.compile(r"(?<![\p{L}\p{M}\-])\p{Lu}[\p{L}\p{M}]{3,}+")
_LONG_LOWER_WORD_PATTERN = regex.compile(r"(?<![\p{L}\p{M}\-])\p{Ll}[\p{L}\p{M}]{3,}+")


# A capitalized word or a number, at the start of a word (not "Qaeda" in "al-Qaeda").
@functools.cache
def _capitalized_word_pattern() -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\p{L}\p{M}\p{Nd}\-'’.&])[\p{Lu}\p{Nd}][\p{L}\p{M}\p{Nd}]*+"
        r"(?:[.&'’\-][\p{L}\p{M}\p{Nd}]++)*+\.?"
    )


# Text is plain when its letters, marks and digits are all ASCII (other characters may be
# anything: “quotes”, dashes, ’, €; see _plain): there a letter is [A-Za-z], a digit [0-9] and
# no character is a mark, and the _PLAIN_ patterns below find what the Unicode ones find, with
# the standard library's engine, which answers faster (a third faster for this scan, and
# about half the cost per call): test_plain_word_pattern and test_plain_patterns pin that.
# The lookbehind stands after the first character, which it reads again: a pattern that starts
# with a character class is searched faster (the engine skips to where one stands).
_PLAIN_CAPITALIZED_WORD_PATTERN = re.compile(
    r"[A-Z0-9](?<![A-Za-z0-9\-'’.&][A-Z0-9])[A-Za-z0-9]*(?:[.&'’\-][A-Za-z0-9]+)*\.?"
)
_NON_ASCII_PATTERN = re.compile(r"[^\x00-\x7f]")
# Where a lower-case word is hyphenated to a capital: "al-Qaeda", "anti-IS".
_LOWER_HYPHEN_UPPER_PATTERN = regex.compile(r"(?<=\p{Ll})-(?=\p{Lu})")


@functools.cache
def _letter_pattern() -> regex.Pattern[str]:
    return regex.compile(r"\p{L}")


_PLAIN_LETTER_PATTERN = re.compile(r"[A-Za-z]")
# A lower-case word (see _LowerWords): lower-case letters with no letter, mark, digit or
# hyphen on either side.
_LOWER_LETTERS_PATTERN = regex.compile(r"\p{Ll}++")
_WORD_CHAR_PATTERN = regex.compile(r"[\p{L}\p{M}\p{Nd}\-]")


# Text in capitals has no three lower-case letters in a row ("McDONALD'S" is still capitals).
@functools.cache
def _lower_triple_pattern() -> regex.Pattern[str]:
    return regex.compile(r"\p{Ll}{3}")


@functools.cache
def _upper_pair_pattern() -> regex.Pattern[str]:
    return regex.compile(r"\p{Lu}{2}")


# The same for plain text (test_plain_patterns).
_PLAIN_LOWER_TRIPLE_PATTERN = re.compile(r"[a-z]{3}")
_PLAIN_UPPER_PAIR_PATTERN = re.compile(r"[A-Z]{2}")
# What may stand between two words of one name: one run of spaces, or a plural possessive
# apostrophe before it ("Kurdistan Workers' Party"): every string the pattern
# ['’]?[ \u00a0]{1,3}|[ ]?&[ ]? matches in full (46 of them). A gap is looked up, not matched
# (test_name_gaps pins that the set and the pattern agree).
_NAME_GAPS = frozenset(
    [
        apostrophe + "".join(spaces)
        for apostrophe in ("", "'", "’")
        for n in (1, 2, 3)
        for spaces in itertools.product(" \u00a0", repeat=n)
    ]
    + ["&", " &", "& ", " & "]
)
# An acronym in brackets: "(SDF)", "(UNAMA)", "(ISIL)", "(Ukrenergo)" is not one.
_SHORT_FORM_RE = r"(?P<sf>[\p{L}\p{Nd}][\p{L}\p{Nd}&./\-]{1,11})"
_PAREN_SHORT_FORM_PATTERN = regex.compile(rf"\([ ]?{_SHORT_FORM_RE}[ ]?\)")
# "SF (Long Form)": a short form, then a bracketed long form of two words or more.
_SHORT_THEN_LONG_PATTERN = regex.compile(
    rf"(?<![\p{{L}}\p{{Nd}}]){_SHORT_FORM_RE}[ ]\((?P<lf>[^()\n]{{3,120}}?)\)"
)
# Where a long form cannot reach back over: sentence ends, brackets, semicolons, colons.
_LONG_FORM_STOP_PATTERN = regex.compile(r"[()\[\];:!?\"“”\n]")
_PIECE_PATTERN = regex.compile(r"\S++")


# "the US-led coalition", "the international coalition forces", "coordinated Coalition strikes".
@functools.cache
def _coalition_pattern() -> regex.Pattern[str]:
    return regex.compile(
        r"""
        (?<![\p{L}\p{M}\p{Nd}\-])
        (?P<span>
          (?:(?P<leader>(?:\p{Lu}\.?){1,4}|\p{Lu}\p{Ll}+)[\-‐]led[ ]  # US-led, U.S.-led, Saudi-led
            |(?:international|multinational|global|anti-[\p{L}\p{Nd}\-]+)[ ]
          )?
          (?P<word>coalition|Coalition)
          (?:[ ](?P<forces>forces|troops|aircraft|warplanes|jets))?
        )
        (?![\p{L}\p{M}\p{Nd}])
        """,
        regex.VERBOSE,
    )


@functools.cache
def _coalition_word_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?<![\p{L}\p{M}\p{Nd}])[Cc]oalition(?![\p{L}\p{M}])")


# A capitalized word just before a position: "National " in "National Coalition".
@functools.cache
def _previous_word_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?P<word>\p{Lu}[\p{L}\p{M}]*+)[ ]$")


# A media name with a number: "Kurdistan 24", "France 24", "Channel 4".
_NUMBERED_NAME_RE = r"\p{Lu}[\p{L}\p{M}\-]*+(?:[ ]\p{Lu}[\p{L}\p{M}\-]*+){0,3}[ ]\p{Nd}{1,3}"


@functools.cache
def _media_after_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        (?:told|according[ ]to|interview[ ]with)[ ]
        (?P<name>{_NUMBERED_NAME_RE})
        (?![\p{{L}}\p{{Nd}}]|[\-–:.,/]\p{{Nd}})                # not a score: "Karlsruhe 0-3"
        """,
        regex.VERBOSE,
    )


# What _media_after_pattern() starts with: articles without any of these are not searched.
_MEDIA_AFTER_WORDS = ("told ", "according to ", "interview with ")


# A number and a reporting verb: where "Kurdistan 24 reported" ends (at the number's end).
@functools.cache
def _media_verb_pattern() -> regex.Pattern[str]:
    return regex.compile(
        r"\p{Nd}[ ](?:reported|reports|said|quoted|broadcast|aired|cited)(?![\p{L}])"
    )


# The same verbs after their space: an article where none stands after a character that may
# be a digit is not searched with _media_verb_pattern() (see _media_verb_possible).
# Characters that often stand before "said" and are no digits: closing quotes, dashes.
_QUOTES_AND_DASHES = frozenset("”’“‘»«–—…\u00a0")
_MEDIA_VERBS = (" reported", " reports", " said", " quoted", " broadcast", " aired", " cited")


@functools.cache
def _leading_common_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?:\L<common>[ ])+", common=sorted(_OPENERS | _CALENDAR | {"May"}))


@functools.cache
def _media_before_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\-])(?P<name>{_NUMBERED_NAME_RE})$")


# A flag carrier: "Air" and a country name.
@functools.cache
def _airline_pattern() -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\p{L}\p{M}\p{Nd}\-])Air[ ]"
        r"(?P<place>\p{Lu}\p{L}++(?:[ ]\p{Lu}\p{L}++)?)(?![\p{L}\p{Nd}])"
    )


# A team-sport report: its headline starts "SOCCER -", "ICE HOCKEY -", "NBA -", ... Literal
# words and ASCII classes: the standard library's engine matches what the regex module's does
# (test_team_sport_pattern), and compiles it in a fraction of the time.
_TEAM_SPORT_RE = (
    r"^[ \t]*(?:SOCCER|FOOTBALL|BASKETBALL|BASEBALL|ICE[ ]HOCKEY|HOCKEY"
    r"|RUGBY(?:[ ](?:UNION|LEAGUE))?|CRICKET|AMERICAN[ ]FOOTBALL|VOLLEYBALL|HANDBALL"
    r"|WATER[ ]POLO|NFL|NBA|NHL|MLB)"
    r"[ \t]*[-–—:]"
)
_TEAM_SPORT_PATTERN = re.compile(_TEAM_SPORT_RE)
# A team name in a results line: capitalized words, at most four.
_TEAM_RE = r"\p{Lu}[\p{L}\p{M}'’\-]*+(?:[ ](?:\p{Lu}[\p{L}\p{M}'’\-]*+|de|of|del))*+"
# Scorers and minutes in brackets after a score: "2 (Scholl 23, Elber 60)".
_SCORERS_RE = r"(?:[ ]\([^()\n]{0,300}\))?"


@functools.cache
def _result_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        (?:^|(?<=[,;:][ ]))
        (?P<a>{_TEAM_RE})[ ]\p{{Nd}}{{1,3}}{_SCORERS_RE}
        [ ](?:-[ ])?(?P<b>{_TEAM_RE})[ ]\p{{Nd}}{{1,3}}(?![\p{{L}}\p{{Nd}}]|[.,]\p{{Nd}})
        """,
        regex.VERBOSE | regex.MULTILINE,
    )


# "Bayern Munich beat Hamburg 2-1", "Celtic drew 1-1 with Rangers".
@functools.cache
def _result_prose_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{M}}])(?P<a>{_TEAM_RE})[ ]
        (?:(?:beat|defeated|edged|thrashed|routed|crushed|upset|downed|overcame|lost[ ]to
             |drew[ ]with)
           [ ](?P<b>{_TEAM_RE})[ ]\p{{Nd}}{{1,2}}-\p{{Nd}}{{1,2}}
          |drew[ ]\p{{Nd}}{{1,2}}-\p{{Nd}}{{1,2}}[ ]with[ ](?P<b>{_TEAM_RE})
        )
        """,
        regex.VERBOSE | regex.VERSION1,
    )


# A dateline in CoNLL-2003 style: a place in capitals and an ISO date.
@functools.cache
def _caps_dateline_pattern() -> regex.Pattern[str]:
    return regex.compile(
        r"\p{Lu}[\p{Lu}\p{M}.'’\-]*+(?:[ ,]{1,2}\p{Lu}[\p{L}\p{M}.'’\-]*+){0,5}"
        r"[ ]\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2}"
    )


@functools.cache
def _standing_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"^(?P<a>{_TEAM_RE})"
        rf"(?:[ \t]+(?:\p{{Nd}}{{1,3}}(?:[-/]\p{{Nd}}{{1,3}})?|\.\p{{Nd}}{{3}}|-)){{3,}}[ \t]*$",
        regex.MULTILINE,
    )


# --- lexicons ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Known:
    """A well-known organization from the lexicon."""

    key: str
    name: str
    kind: OrganizationKind
    acronyms: tuple[str, ...]
    country: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Everything the extractor needs from the data files, built once."""

    heads: Mapping[str, OrganizationKind]
    demonyms: Mapping[str, str]
    countries: Mapping[str, str]
    not_heads: frozenset[str]
    known: Mapping[str, _Known]
    # word tuple -> key of a known organization, indexed by first word, longest first
    forms: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    # the same for casefolded words, for text set in capitals (acronyms left out)
    caps_forms: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]


@functools.lru_cache(maxsize=4096)
def _split_words(name: str) -> tuple[str, ...]:
    return tuple(_normal_word(m.group()) for m in _WORD_PATTERN.finditer(name))


def _normal_word(word: str) -> str:
    if word.endswith(_POSSESSIVES):
        word = word[:-2]
    if word.endswith(".") and word[:-1] in _KEEP_PERIOD:
        return word[:-1]
    return word


def _index(
    pairs: Iterable[tuple[tuple[str, ...], str]],
) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    grouped: dict[str, dict[tuple[str, ...], str]] = {}
    for words, key in pairs:
        if words:
            grouped.setdefault(words[0], {}).setdefault(words, key)
    return {
        first: tuple(sorted(forms.items(), key=lambda item: -len(item[0])))
        for first, forms in grouped.items()
    }


@functools.cache
def _lexicon() -> _Lexicon:
    heads: dict[str, OrganizationKind] = dict(load_json("org_heads.json"))
    demonyms: dict[str, str] = dict(load_json("demonyms.json"))
    countries = _country_names()
    known: dict[str, _Known] = {}
    pairs: list[tuple[tuple[str, ...], str]] = []
    caps_pairs: list[tuple[tuple[str, ...], str]] = []
    for name, entry in load_json("org_known.json").items():
        key = f"known:{name}"
        acronyms = tuple(entry.get("acronyms", ()))
        known[key] = _Known(key, name, entry["kind"], acronyms, entry.get("country"))
        for form in (name, *entry.get("aliases", ())):
            pairs.append((_split_words(form), key))
            caps_pairs.append((_split_words(form.casefold()), key))
        for acronym in acronyms:
            pairs.append((_split_words(acronym), key))
            if acronym.casefold() not in _CAPS_WORDS:
                caps_pairs.append((_split_words(acronym.casefold()), key))
    for name in load_lines("media_outlets.txt"):
        key = f"media:{name}"
        words = _split_words(name)
        if not any(words == other for other, _ in pairs):
            known[key] = _Known(key, name, "media", (), None)
            pairs.append((words, key))
            caps_pairs.append((_split_words(name.casefold()), key))
    return _Lexicon(
        heads=heads,
        demonyms=demonyms,
        countries=countries,
        not_heads=load_set("org_not_heads.txt"),
        known=known,
        forms=_index(pairs),
        caps_forms=_index(caps_pairs),
    )


def _country_names() -> dict[str, str]:
    import pycountry  # noqa: PLC0415 - imported on first use only: it indexes on import

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.setdefault(value, country.alpha_2)
    names.update({"US": "US", "U.S.": "US", "USA": "US", "America": "US", "UK": "GB",
                  "U.K.": "GB", "Britain": "GB", "Russia": "RU", "Iran": "IR", "Syria": "SY",
                  "South Korea": "KR", "North Korea": "KP", "Taiwan": "TW", "Vietnam": "VN",
                  "Laos": "LA", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ",
                  "Moldova": "MD", "Palestine": "PS", "Kosovo": "XK", "Congo": "CD"})  # fmt: skip
    return names


register_cache(_lexicon.cache_clear)


# --- words -------------------------------------------------------------------------------


class _Word(NamedTuple):
    """A word of a region, with what the rules ask of it.

    A named tuple, built with ``_new_word`` (``tuple.__new__``): about half the cost of a
    dataclass per word, and the rules read the same attributes.
    """

    text: str
    start: int
    end: int
    key: str  # possessive and non-abbreviation period removed
    key_end: int  # where the key ends in the text
    capitalized: bool
    sentence_initial: bool
    gap_before: str  # the characters between the previous word and this one
    joined: bool  # whether gap_before may stand inside a name (_NAME_GAPS)


_new_word = tuple.__new__  # _new_word(_Word, (text, start, ...)): no Python-level __new__
_KEY_OF = operator.attrgetter("key")


@dataclass(slots=True)
class _Region:
    words: list[_Word]
    caps: bool  # set in capitals: "SOCCER - JAPAN GET LUCKY WIN"
    text: str
    start: int
    end: int
    kind: str
    _title: bool | None = None

    @property
    def title(self) -> bool:
        """Whether the region is a headline in title case: "Rebels Seize Town Near Border".

        Decided when first asked: the rules ask only about regions with an organization noun
        or a one-word form, and most regions have neither.
        """
        if self._title is None:
            self._title = not self.caps and _title_case(self.text, self.start, self.end, self.kind)
        return self._title


def _words(
    text: str,
    start: int,
    end: int,
    sentence_starts: Sequence[int],
    found: list[tuple[int, int]] | None = None,
) -> list[_Word]:
    """The words of ``text[start:end]`` the rules read, in order (see _region_words).

    ``found``: as for _word_spans.
    """
    return _region_words(text, [(start, end, found)], sentence_starts)[0]


def _region_words(
    text: str,
    bounds: Iterable[tuple[int, int, list[tuple[int, int]] | None]],
    sentence_starts: Sequence[int],
    *,
    plain: bool = False,
) -> list[list[_Word]]:
    """The words the rules read in each region ``start, end, found`` of ``bounds``, in order.

    Those are capitalized words and numbers, lower-case words hyphenated to a capital
    ("al-Qaeda", "anti-IS"), and connectors or lower-case heads right after one of them
    ("Bank of", "Iraqi army"). Other words are skipped: they only break runs of names, and the
    gap before the next word shows that. The first word of a sentence is marked initial.
    ``found``: as for _word_spans. All regions in one call: a region holds five words on
    average, and each call has a fixed cost. ``plain``: whether ``text`` is plain (_plain).
    """
    result: list[list[_Word]] = []
    letter_pattern = _PLAIN_LETTER_PATTERN if plain else _letter_pattern()
    follow_pattern = _PLAIN_FOLLOW_PATTERN if plain else _follow_pattern()
    new = _new_word
    name_gaps = _NAME_GAPS
    follow_starts = _FOLLOW_STARTS
    n_starts = len(sentence_starts)
    for start, end, found in bounds:
        words: list[_Word] = []
        result.append(words)
        append = words.append
        previous_end = start
        s = bisect.bisect_left(sentence_starts, start)
        next_start = sentence_starts[s] if s < n_starts else end + 1
        spans = (
            found
            if found is not None and text.find("-", start, end) < 0
            else _word_spans(text, start, end, found)
        )
        for w_start, found_end in spans:
            word = key = text[w_start:found_end]
            w_end = key_end = found_end
            last = word[-1]
            if last in ".s":  # a period or a possessive to take off the key (one character)
                if last == ".":
                    if word[:-1] in _KEEP_PERIOD:
                        key = word[:-1]  # "Apple Inc." keeps its period in the text, not the key
                    elif "." not in word[:-1]:
                        key = word = word[:-1]  # a sentence's period
                        key_end = w_end = w_end - 1
                if word[-1] == "s" and word.endswith(_POSSESSIVES):
                    base = word[:-2]
                    key_end = w_start + len(base)  # "SDF's" loses "'s"
                    key = base[:-1] if base[-1:] == "." and base[:-1] in _KEEP_PERIOD else base
            # no letter between the region's or a sentence's start and the word (when the word
            # stands at that start, as it mostly does, there is nothing to search)
            initial = (
                False
                if words
                else w_start == start or letter_pattern.search(text, start, w_start) is None
            )
            while next_start <= w_start:
                initial = (
                    next_start == w_start
                    or letter_pattern.search(text, next_start, w_start) is None
                )
                s += 1
                next_start = sentence_starts[s] if s < n_starts else end + 1
            gap = text[previous_end:w_start]
            # key and word start alike (only their ends differ)
            capitalized = word[0].isupper()
            append(
                new(
                    _Word,
                    (
                        word,
                        w_start,
                        w_end,
                        key,
                        key_end,
                        capitalized,
                        initial,
                        gap,
                        gap in name_gaps,
                    ),
                )
            )
            previous_end = w_end
            if not capitalized and not word[0].isdigit():
                continue
            # connectors and lower-case heads that follow: "of the", "army" (the pattern is
            # tried only where a space and a possible start of one follow)
            while text[previous_end : previous_end + 2] in follow_starts and (
                (after := text[previous_end + 1 : previous_end + 4]) in _FOLLOW_PREFIXES
                or after[:2] in _FOLLOW_SHORT
                or after[:1] in _FOLLOW_SHORT
            ):
                follow = follow_pattern.match(text, previous_end, end)
                if follow is None:
                    break
                f_start, f_end = follow.span(_FOLLOW_GROUP)
                connector = text[f_start:f_end]
                gap = text[previous_end:f_start]
                # one to three spaces: a gap inside a name
                append(
                    new(
                        _Word,
                        (connector, f_start, f_end, connector, f_end, False, False, gap, True),
                    )
                )
                previous_end = f_end
    return result


def _word_spans(
    text: str, start: int, end: int, found: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Spans of capitalized words and numbers, and of hyphenated words with a capital part.

    ``found``: the spans of capitalized words and numbers in ``text[start:end]`` when known
    (see _document_spans); else ``text[start:end]`` is scanned here.
    """
    if found is not None:
        spans = found
    elif text[start - 1 if start else 0 : end].isascii():  # with the character before it
        spans = [m.span() for m in _PLAIN_CAPITALIZED_WORD_PATTERN.finditer(text, start, end)]
    else:
        spans = [m.span() for m in _capitalized_word_pattern().finditer(text, start, end)]
    if text.find("-", start, end) < 0:
        return spans  # no hyphenated words
    extra: list[tuple[int, int]] = []
    for hyphen in _LOWER_HYPHEN_UPPER_PATTERN.finditer(text, start, end):
        w_start = hyphen.start()
        while w_start > start and (text[w_start - 1].isalnum() or text[w_start - 1] == "-"):
            w_start -= 1
        if text[w_start].islower():
            match = _WORD_PATTERN.match(text, w_start, end)
            if match is not None and (not extra or extra[-1][0] != w_start):
                extra.append(match.span())
    if extra:
        spans = sorted(set(spans) | set(extra))
    return spans


def _plain(text: str) -> bool:
    """Whether the letters, marks and digits of ``text`` are all ASCII (see _PLAIN_...)."""
    return text.isascii() or not any(
        _WORD_CHAR_PATTERN.match(c.group()) for c in _NON_ASCII_PATTERN.finditer(text)
    )


def _document_spans(doc: Document, plain: bool | None = None) -> list[list[tuple[int, int]] | None]:
    """For each region of ``doc``, the spans of its capitalized words and numbers, or None
    where the region must be scanned on its own.

    One scan of the whole text instead of one per region (a region holds five words on
    average, and each scan has a fixed cost). A region takes the words that start in it. A
    scan from the region's start to its end finds the same words: both patterns' lookbehinds
    read the text before where a scan starts, and a word found by the whole scan that ends in
    the region is found alike by a scan that stops at the region's end. Only a word that
    crosses one of the region's ends can differ; then the region is scanned on its own
    (test_document_spans pins this).
    """
    text = doc.text
    if plain is None:
        plain = _plain(text)
    pattern = _PLAIN_CAPITALIZED_WORD_PATTERN if plain else _capitalized_word_pattern()
    spans = [m.span() for m in pattern.finditer(text)]
    starts = [s for s, _ in spans]  # searched instead of the spans: integers compare faster
    result: list[list[tuple[int, int]] | None] = []
    for region in doc.regions:
        start, end = region.start, region.end
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        if (lo and spans[lo - 1][1] > start) or (hi > lo and spans[hi - 1][1] > end):
            result.append(None)  # a word crosses an end of the region
        else:
            result.append(spans[lo:hi])
    return result


def _regions(doc: Document) -> list[_Region]:
    text = doc.text
    plain = _plain(text)
    regions = []
    all_words = _region_words(
        text,
        [
            (region.start, region.end, found)
            for region, found in zip(doc.regions, _document_spans(doc, plain), strict=True)
        ],
        [s.start for s in doc.sentences],
        plain=plain,
    )
    for region, words in zip(doc.regions, all_words, strict=True):
        if not words:
            continue
        start, end = region.start, region.end
        if plain or text[start:end].isascii():  # the region's text is plain
            lower = _PLAIN_LOWER_TRIPLE_PATTERN.search(text, start, end) is not None
            caps = not lower and _PLAIN_UPPER_PAIR_PATTERN.search(text, start, end) is not None
        else:
            lower = _lower_triple_pattern().search(text, start, end) is not None
            caps = not lower and _upper_pair_pattern().search(text, start, end) is not None
        regions.append(_Region(words, caps, text, start, end, region.kind))
    return regions


def _title_case(text: str, start: int, end: int, kind: str) -> bool:
    """Whether a headline, standfirst or subhead capitalizes most of its longer words."""
    if kind == "body":
        if end - start > 150 and not text[end - 1].isspace():
            return False  # the test below, without copying the piece
        piece = text[start:end].rstrip()
        if len(piece) > 150 or piece.endswith((".", "”", '"')):
            return False
        if len(piece.split()) > settings.ORG_SUBHEAD_WORDS:
            return False
    upper = len(_LONG_UPPER_WORD_PATTERN.findall(text, start, end))
    lower = len(_LONG_LOWER_WORD_PATTERN.findall(text, start, end))
    return upper >= 3 and upper >= settings.ORG_TITLE_CASE_RATIO * (upper + lower)


class _LowerWords:
    """The lower-case words of a text: ``word in lowercase`` when ``word`` stands in the text
    as a whole word of lower-case letters.

    Answered per word by a substring search and cached: the rules ask about a few words per
    article, and collecting every lower-case word of the text first costs more.
    """

    __slots__ = ("_answers", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = self._occurs(word)
        return answer

    def _occurs(self, word: str) -> bool:
        if _LOWER_LETTERS_PATTERN.fullmatch(word) is None:
            return False
        text = self._text
        at = text.find(word)
        while at >= 0:
            # a whole word: no letter, mark, digit or hyphen on either side
            if (at == 0 or _WORD_CHAR_PATTERN.match(text, at - 1) is None) and (
                _WORD_CHAR_PATTERN.match(text, at + len(word)) is None
            ):
                return True
            at = text.find(word, at + 1)
        return False


# --- candidates --------------------------------------------------------------------------


@dataclass(slots=True)
class _Entity:
    key: str
    kind: OrganizationKind | None = None
    country: str | None = None
    acronym: str | None = None
    canonical: str | None = None  # the lexicon's name, used when the text gives only acronyms
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    """What the rules have found so far in one article."""

    text: str
    taken: bytearray
    entities: dict[str, _Entity] = field(default_factory=dict)
    forms: dict[tuple[str, ...], str] = field(default_factory=dict)
    # head nouns that name a found organization only after "the" ("the Commission said")
    back_references: set[tuple[str, ...]] = field(default_factory=set)
    # one-word names seen as a person's surname: no mention of them counts
    surnames: set[str] = field(default_factory=set)
    lowercase: _LowerWords = field(default_factory=lambda: _LowerWords(""))

    def free(self, start: int, end: int) -> bool:
        return start < end and self.taken.find(1, start, end) < 0

    def add(
        self,
        key: str,
        start: int,
        end: int,
        *,
        kind: OrganizationKind | None = None,
        country: str | None = None,
        register: bool = True,
    ) -> bool:
        """Record a mention of ``key`` at ``start:end`` unless the span is taken."""
        if not self.free(start, end):
            return False
        self.taken[start:end] = b"\x01" * (end - start)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = _Entity(key)
            known = _lexicon().known.get(key)
            if known is not None:
                entity.kind, entity.country, entity.canonical = (
                    known.kind,
                    known.country,
                    known.name,
                )
        entity.kind = entity.kind or kind
        entity.country = entity.country or country
        entity.mentions.append((start, end))
        if register:
            self.forms.setdefault(_split_words(self.text[start:end]), key)
        return True


def _known_key(name: str) -> str | None:
    """The lexicon key of ``name`` when it is a known organization's name, alias or acronym."""
    words = _split_words(name)
    for form, key in _lexicon().forms.get(words[0] if words else "", ()):
        if form == words:
            return key
    return None


def _head_kind(words: tuple[str, ...]) -> OrganizationKind | None:
    """The kind an organization noun gives: the last one before any ``of`` tail."""
    heads = _lexicon().heads
    cut = next((i for i, w in enumerate(words) if w in _TAIL_STARTS and i > 0), len(words))
    for word in reversed(words[:cut]):
        if word in heads:
            return heads[word]
    for word in reversed(words):
        if word in heads:
            return heads[word]
    return None


def _country(words: tuple[str, ...]) -> str | None:
    lexicon = _lexicon()
    for n in (2, 1):
        lead = " ".join(words[:n])
        if len(words) > n - 1 and lead in lexicon.demonyms:
            return lexicon.demonyms[lead]
        if len(words) > n - 1 and lead in lexicon.countries:
            return lexicon.countries[lead]
    return None


# Rule 1: acronym definitions (Schwartz & Hearst 2003).


def _long_form_start(short: str, long: str) -> int | None:
    """Where the shortest long form for ``short`` starts in ``long``, or None.

    Schwartz & Hearst: match the short form's letters and digits right to left against
    ``long``; each must occur in order, the first at the start of a word. A first letter
    matched in a capitalized word is preferred ("Organization of the ... (OPEC)" rather than
    "of the ...").
    """
    found = _match_short_form(short, long, capital=True)
    return found if found is not None else _match_short_form(short, long, capital=False)


def _match_short_form(short: str, long: str, *, capital: bool) -> int | None:
    s = len(short) - 1
    i = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            long[i].lower() != c
            or (s == 0 and i > 0 and long[i - 1].isalnum())
            or (s == 0 and capital and c.isalpha() and not long[i].isupper())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return i + 1


def _is_short_form(short: str) -> bool:
    upper = sum(map(str.isupper, short))
    if upper == 0:
        return False  # most bracketed words: "(said)", "(2019)"
    letters = sum(map(str.isalpha, short))
    digits = sum(map(str.isdigit, short))
    return (
        short[0].isalnum()
        and (upper >= 2 or (upper >= 1 and digits >= 1))
        and upper * 2 >= letters
        and len(short) <= 12
    )


def _long_form_ok(words: tuple[str, ...], raw: str) -> bool:
    """A capitalized name: every word capitalized or a connector, no commas."""
    if not words or "," in raw or not words[0][:1].isupper() or len(words) > 12:
        return False
    return all(
        w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS or w.startswith(("al-", "el-"))
        for w in words
    )


def _definition_key(
    long_words: tuple[str, ...], long: str, short: str
) -> tuple[str, OrganizationKind | None] | None:
    """The key and kind of an acronym definition that names an organization, else None."""
    lexicon = _lexicon()
    known = _known_key(long) or _known_key(short)
    if known is not None:
        return known, None
    kind = _head_kind(long_words)
    if kind is not None:
        return f"name:{' '.join(long_words)}", kind
    if (
        settings.ORG_ACCEPT_HEADLESS_ACRONYMS
        and len(long_words) >= 2
        and not any(w in lexicon.not_heads for w in long_words)
        and long not in lexicon.countries
        and long_words[-1] not in lexicon.countries
        and short.isupper()
    ):
        return f"name:{' '.join(long_words)}", None
    return None


def _acronym_definitions(state: _State, doc: Document) -> None:
    text = state.text
    for region in doc.regions:
        if text.find("(", region.start, region.end) < 0:
            continue  # both forms of definition have a bracket
        for match in _PAREN_SHORT_FORM_PATTERN.finditer(text, region.start, region.end):
            short = match["sf"]
            if not _is_short_form(short):
                continue
            # the long form reaches back at most min(|SF| + 5, 2 |SF|) words, within the clause
            n_words = min(len(short) + 5, 2 * len(short))
            sentence = doc.sentence_at(match.start())
            lo = max(region.start, match.start() - 25 * n_words)
            if sentence is not None:
                lo = max(lo, sentence.start)
            for stop in _LONG_FORM_STOP_PATTERN.finditer(text, lo, match.start()):
                lo = stop.end()
            pieces = list(_PIECE_PATTERN.finditer(text, lo, match.start()))
            if not pieces:
                continue
            window_start = pieces[max(0, len(pieces) - n_words)].start()
            raw_window = text[window_start : pieces[-1].end()]
            at = _long_form_start(short, raw_window)
            if at is None:
                continue
            l_start = window_start + at
            l_end = window_start + len(raw_window)
            long = text[l_start:l_end]
            long_words = _split_words(long)
            if not _long_form_ok(long_words, long):
                continue
            found = _definition_key(long_words, long, short)
            if found is None:
                continue
            key, kind = found
            if state.add(key, l_start, l_end, kind=kind, country=_country(long_words)):
                state.entities[key].acronym = state.entities[key].acronym or short
            s_start = match.start("sf")
            state.add(key, s_start, s_start + len(short), kind=kind)
            state.forms.setdefault(_split_words(short), key)
        for match in _SHORT_THEN_LONG_PATTERN.finditer(text, region.start, region.end):
            short, long = match["sf"], match["lf"].strip()
            if not _is_short_form(short) or long.startswith(("the ", "The ")):
                continue
            if _long_form_start(short, long) != 0 or len(long.split()) < 2:
                continue
            long_words = _split_words(long)
            if not _long_form_ok(long_words, long):
                continue
            found = _definition_key(long_words, long, short)
            if found is None:
                continue
            key, kind = found
            s_start = match.start("sf")
            l_start = match.start("lf") + (len(match["lf"]) - len(match["lf"].lstrip()))
            if state.add(key, s_start, s_start + len(short), kind=kind):
                state.entities[key].acronym = state.entities[key].acronym or short
            state.add(key, l_start, l_start + len(long), kind=kind, country=_country(long_words))
            state.forms.setdefault(_split_words(short), key)


# Rule 2: the dateline's outlet.


def _dateline_source(state: _State, doc: Document) -> None:
    dateline = doc.layout.dateline
    if dateline is None or not dateline.source:
        return
    source = dateline.source
    at = dateline.mention.text.find(source)
    if at < 0 or not source[:1].isupper():
        return
    start = dateline.mention.start + at
    key = _known_key(source) or f"name:{' '.join(_split_words(source))}"
    state.add(key, start, start + len(source), kind="media")


# Rule 3: teams in team-sport results.


def _sports(state: _State, doc: Document) -> None:
    text = state.text
    headline = doc.layout.headline
    first = (
        headline
        if headline is not None
        else (doc.layout.paragraphs[0] if doc.layout.paragraphs else None)
    )
    if first is None or not _TEAM_SPORT_PATTERN.match(first.text):
        return
    countries = _lexicon().countries
    for region in doc.regions:
        if region.kind != "body":
            continue
        spans: list[tuple[int, int, bool]] = []  # start, end, whether capitals are a name
        for match in _result_pattern().finditer(text, region.start, region.end):
            spans += [(*match.span("a"), False), (*match.span("b"), False)]
        for match in _standing_pattern().finditer(text, region.start, region.end):
            spans.append((*match.span("a"), True))  # "NEW YORK 74 56 .569 -"
        for match in _result_prose_pattern().finditer(text, region.start, region.end):
            spans += [(*match.span("a"), False), (*match.span("b"), False)]
        for start, end, caps_ok in spans:
            name = text[start:end]
            if (
                len(name) < 3
                or name in countries
                or name.title() in countries
                or name in _lexicon().demonyms
                or (name.isupper() and len(name) > 4 and not caps_ok)
            ):
                continue
            key = _known_key(name) or f"name:{' '.join(_split_words(name))}"
            state.add(key, start, end, kind="sports")


# Rule 4: the coalition.


def _coalition(state: _State, doc: Document) -> None:
    text = state.text
    if "oalition" not in text:
        return
    sentence_starts = frozenset(s.start for s in doc.sentences)
    word_pattern = _coalition_word_pattern()
    for region in doc.regions:
        if text.find("oalition", region.start, region.end) < 0:
            continue  # what _coalition_word_pattern() matches holds it
        for word in word_pattern.finditer(text, region.start, region.end):
            # the full pattern, tried only around the word (a scan from every position is slow)
            match = _coalition_pattern().search(
                text, max(region.start, word.start() - 30), min(region.end, word.end() + 12)
            )
            while match is not None and match.start("word") < word.start():
                match = _coalition_pattern().search(
                    text, match.end(), min(region.end, word.end() + 12)
                )
            if match is None or match.start("word") != word.start():
                continue
            word_start = match.start("word")
            qualified = match.start("span") < word_start or match["forces"] is not None
            if (
                match["word"] == "coalition"
                and match.start("span") == word_start
                and not match["forces"]
            ):
                continue  # a bare lower-case "coalition" is a common noun
            if match["word"] == "Coalition" and match.start("span") == word_start:
                before = text[max(region.start, word_start - 40) : word_start]
                # "Coalition" opening a sentence or ending a longer name ("National Coalition")
                previous = _previous_word_pattern().search(before)
                if word_start in sentence_starts or (
                    previous is not None and previous["word"] not in _OPENERS
                ):
                    continue
            elif not qualified:
                continue
            country = None
            if match["leader"]:
                country = _country((match["leader"],))
            state.add(
                "coalition",
                match.start("span"),
                match.end("span"),
                kind="coalition",
                country=country,
            )


# Rule 5: names headed by an organization noun.


def _patterns(state: _State, regions: list[_Region], lowercase: _LowerWords) -> None:
    heads = _lexicon().heads
    for region in regions:
        if region.caps:
            continue
        words = region.words
        # every organization noun is capitalized (test_heads_capitalized): a word whose key is
        # one is capitalized, as _names_in_run asks
        if heads.keys().isdisjoint(map(_KEY_OF, words)):
            continue  # no organization noun, so no name (_names_in_run starts from one)
        if region.title:
            continue  # (asked last: deciding title case costs most)
        n = len(words)
        i = 0
        while i < n:
            # a run: name words joined by single spaces and connectors (a capitalized word
            # without a hyphen is a name word: _name_word is asked only about the others)
            word = words[i]
            if not ((word.capitalized and "-" not in word.key) or _name_word(word)):
                i += 1
                continue
            j = i + 1
            while (
                j < n
                and (word := words[j]).joined
                and (
                    (word.capitalized and "-" not in word.key)
                    or _name_word(word)
                    or _connects(words, j)
                    or (word.text.isdigit() and words[j - 1].capitalized)
                )
            ):
                if words[j - 1].key != words[j - 1].text and words[j - 1].text[-2:] in ("'s", "’s"):
                    break  # "Iraq's Defence Ministry": the possessive ends the run
                j += 1
            run = words[i:j]
            if not heads.keys().isdisjoint(map(_KEY_OF, run)):  # _names_in_run starts at one
                _names_in_run(state, run, lowercase)
            i = j


def _connects(words: Sequence[_Word], j: int) -> bool:
    """Whether one or two connectors at ``words[j]`` lead to a name word ("of the Levant")."""
    for k in (j, j + 1):
        if k >= len(words) or words[k].text not in _CONNECTORS:
            return False
        if not words[k].joined:
            return False
        if k + 1 < len(words) and _name_word(words[k + 1]):
            return words[k + 1].joined
    return False


def _name_word(word: _Word) -> bool:
    if not word.capitalized:
        return word.key.startswith(("al-", "el-")) and len(word.key) > 3 and word.key[3:4].isupper()
    if "-" in word.key:
        # "US-backed", "Kurdish-led" are modifiers, "Mercedes-Benz" is a name
        return word.key.rsplit("-", 1)[1][:1].isupper()
    return True


def _names_in_run(state: _State, run: Sequence[_Word], lowercase: _LowerWords) -> None:
    lexicon = _lexicon()
    heads = lexicon.heads
    end = len(run)
    h = end - 1
    while h >= 0:
        word = run[h]
        if word.key not in heads or not word.capitalized:
            h -= 1
            continue
        # the tail: "Ministry of Foreign Affairs", up to a title word
        last = h
        longest = settings.ORG_MAX_NAME_WORDS
        if h + 2 < end and run[h + 1].text in _TAIL_STARTS and h + 1 < end:
            k = h + 1
            while (
                k + 1 < end
                and k - h < longest
                and run[k + 1].key not in _TITLES
                and (
                    run[k + 1].capitalized
                    or run[k + 1].text in _CONNECTORS
                    or run[k + 1].text.isdigit()
                )
            ):
                k += 1
                if run[k].capitalized or run[k].text.isdigit():
                    last = k
        # the start: back over name words and "of"-like connectors
        first = h
        k = h - 1
        while k >= 0 and h - k <= longest:
            w = run[k]
            if w.key in _TITLES:
                break
            if w.key in _CALENDAR:
                break
            if w.text in _BACK_CONNECTORS:
                if w.text == "the" and (k == 0 or run[k - 1].text not in _BACK_CONNECTORS):
                    break  # "the" only inside "of the", "for the"
                if k == 0 or not (run[k - 1].capitalized or run[k - 1].text in _BACK_CONNECTORS):
                    break
                if w.text in _TAIL_STARTS and run[k - 1].key not in heads:
                    break  # "Bank of America Corp" but not "Shares of General Motors"
                k -= 1
                continue
            if w.text in _CONNECTORS:
                break
            if w.key != w.text and w.text[-2:] in ("'s", "’s"):
                break
            first = k
            k -= 1
        while first < h and run[first].text in _CONNECTORS:
            first += 1
        # a sentence-initial common word is not part of the name
        while (
            first < h
            and run[first].sentence_initial
            and (run[first].key in _OPENERS or run[first].key.lower() in lowercase)
        ):
            first += 1
        if run[first].sentence_initial and run[first].key in _OPENERS:
            first += 1
        if first > h or first == last:
            h -= 1  # the head alone is no name ("Police said")
            continue
        if last - first + 1 > longest:
            # More name words than any organization's name holds: a run of capitals, not a
            # name. (Each head reads at most one word more either side: linear time.)
            h -= 1
            continue
        country = None
        lead = 2 if " ".join(w.key for w in run[first : first + 2]) in lexicon.countries else 1
        place = " ".join(w.key for w in run[first : first + lead])
        if place in lexicon.countries and first + lead <= h:
            # "U.S. Senate", "China Daily": the country stands apart, as CoNLL-2003 marks it;
            # a nationality adjective stays ("Iraqi Army")
            rest = " ".join(w.key for w in run[first + lead : last + 1])
            if first + lead < last or _known_key(rest) is not None:
                country = lexicon.countries[place]
                first += lead
        names = tuple(w.key for w in run[first : last + 1])
        start, stop = run[first].start, run[last].key_end
        name = state.text[start:stop]
        if name in _NOT_ORGANIZATIONS or any(w in _TITLES for w in names):
            h = first - 1
            continue
        country = country or _country(names)
        key = _known_key(name)
        if key is None and country is not None:
            # "US Federal Reserve" is the Federal Reserve
            skip = 2 if " ".join(names[:2]) in lexicon.demonyms else 1
            key = _known_key(" ".join(names[skip:])) if len(names) > skip + 1 else None
        key = key or f"name:{' '.join(names)}"
        added = state.add(key, start, stop, kind=_head_kind(names), country=country)
        if added and country is not None and run[h].key in _LOWERCASE_HEADS and first < h:
            lead = 2 if " ".join(names[:2]) in lexicon.demonyms else 1
            if " ".join(names[:lead]) in lexicon.demonyms:
                lowered = names[:lead] + tuple(w.lower() for w in names[lead:])
                state.forms.setdefault(lowered, key)
        h = first - 1


# Rule 5b: flag carriers named "Air" + country ("Air Canada", "Air India").


def _airlines(state: _State, doc: Document) -> None:
    if "Air " not in state.text:
        return  # what _airline_pattern() starts with
    countries = _lexicon().countries
    pattern = _airline_pattern()
    for region in doc.regions:
        if state.text.find("Air ", region.start, region.end) < 0:
            continue  # (a search for a string costs less than one for the pattern)
        for match in pattern.finditer(state.text, region.start, region.end):
            place = match["place"]
            if place not in countries:
                place = place.split(" ")[0]
                if place not in countries:
                    continue
            end = match.start("place") + len(place)
            name = state.text[match.start() : end]
            key = _known_key(name) or f"name:{name}"
            state.add(key, match.start(), end, kind="company", country=countries[place])


# Rule 6: outlets in reporting contexts.


def _media_verb_possible(text: str) -> bool:
    """Whether _media_verb_pattern() may match in ``text``: whether a reporting verb stands after
    a space after a character that may be a digit (any but an ASCII non-digit, a quote or a
    dash). Few articles have one ("2 said"), and this test is cheaper than the pattern's
    search."""
    for verb in _MEDIA_VERBS:
        at = text.find(verb, 1)
        while at >= 0:
            before = text[at - 1]
            if before.isdigit() or not (before.isascii() or before in _QUOTES_AND_DASHES):
                return True
            at = text.find(verb, at + 1)
    return False


def _media(state: _State, doc: Document) -> None:
    text = state.text
    after = any(words in text for words in _MEDIA_AFTER_WORDS)
    verbs = _media_verb_possible(text)
    if not after and not verbs:
        return
    after_pattern = _media_after_pattern()
    verb_pattern = _media_verb_pattern()
    for region in doc.regions:
        spans = (
            [m.span("name") for m in after_pattern.finditer(text, region.start, region.end)]
            if after
            and any(text.find(words, region.start, region.end) >= 0 for words in _MEDIA_AFTER_WORDS)
            else []
        )
        for verb in verb_pattern.finditer(text, region.start, region.end) if verbs else ():
            verb_start = verb.start() + 1  # after the number
            name = _media_before_pattern().search(
                text, max(region.start, verb_start - 80), verb_start
            )
            if name is not None:
                spans.append(name.span("name"))
        for found, end in spans:
            # "On Monday Kurdistan 24 reported": leading openers and days are not the name
            lead = _leading_common_pattern().match(text, found, end)
            start = found if lead is None else lead.end()
            name_text = text[start:end]
            words = _split_words(name_text)
            if len(words) < 2:
                continue
            key = _known_key(name_text) or f"name:{' '.join(words)}"
            state.add(key, start, end, kind="media")


# --- linking -----------------------------------------------------------------------------


def _link(state: _State, regions: list[_Region], since: int = 0) -> None:
    """One scan over every word: the longest known form starting there is a mention.

    ``since``: how many of ``state.forms`` an earlier scan already read. Forms are only ever
    added (never changed or removed), and those added between scans are one-word forms that
    were not forms before (_add_short_names). So a word the earlier scan read finds the same
    form again unless a new form starts with it, and the same form ends the same way: the
    span is taken, or the same test turns it down, or its surname is noted again. Only the
    words new forms start with, and hyphenated words (whose acronym may be new), are read
    again (test_second_link_reads_only_new_forms pins this).

    Such a word has an effect only where it starts at a free position (below, a word whose
    start is taken ends without effect), and so has an acronym piece of a hyphenated word
    (state.add of a taken span does nothing). Both start where the new form's first word
    occurs in the text. So when every occurrence of each new first word is taken, and no
    region is set in capitals (there words are compared casefolded), the scan is skipped.
    """
    caps_regions = any(region.caps for region in regions)
    if since:
        new_forms = list(state.forms)[since:]
        if not caps_regions and all(_taken_everywhere(state, words[0]) for words in new_forms):
            return  # nothing a new form starts with stands at a free position
    lexicon = _lexicon()
    local = _index(state.forms.items())
    changed: frozenset[str] | None = None  # first words of the new forms; None: read all
    changed_caps: frozenset[str] = frozenset()
    if since:
        changed = frozenset(words[0] for words in new_forms)
        changed_caps = frozenset(
            words[0].casefold()
            for words in new_forms
            if not (len(words) == 1 and words[0].casefold() in _CAPS_WORDS)
        )
    local_caps = (
        _index(
            (tuple(w.casefold() for w in words), key)
            for words, key in state.forms.items()
            if not (len(words) == 1 and words[0].casefold() in _CAPS_WORDS)
        )
        if caps_regions
        else {}
    )
    known_forms, known_caps_forms = lexicon.forms, lexicon.caps_forms
    taken = state.taken
    for region in regions:
        words = region.words
        caps = region.caps
        if caps and words and _caps_dateline_pattern().match(state.text, words[0].start):
            continue  # "NEW YORK 1996-08-29": a place and a date, CoNLL-2003's dateline
        # the words a form starts with or a hyphenated word with an acronym: other words
        # find nothing
        if changed is not None:
            if caps:
                candidates = [i for i, w in enumerate(words) if w.key.casefold() in changed_caps]
            elif changed.isdisjoint(map(_KEY_OF, words)) and (
                not words or state.text.find("-", words[0].start, words[-1].end) < 0
            ):
                continue  # no key a new form starts with, and no hyphen in any key
            else:
                candidates = [i for i, w in enumerate(words) if (k := w.key) in changed or "-" in k]
        elif caps:
            candidates = [
                i
                for i, w in enumerate(words)
                if (first := w.key.casefold()) in local_caps or first in known_caps_forms
            ]
        else:
            candidates = [
                i
                for i, w in enumerate(words)
                if (k := w.key) in local or k in known_forms or "-" in k
            ]
        for i in candidates:
            word = words[i]
            if taken[word.start] and "-" not in word.key:
                # a span from a taken start is never free: every way below ends without effect
                # (only a hyphenated word's later pieces may still be free)
                continue
            if caps:
                first = word.key.casefold()
                options = local_caps.get(first, ()) + known_caps_forms.get(first, ())
            else:
                first = word.key
                options = local.get(first, ()) + known_forms.get(first, ())
            found: tuple[tuple[str, ...], str] | None
            if len(options) == 1 and len(options[0][0]) == 1:
                found = options[0]  # what _longest answers: a one-word form always fits
            else:
                found = _longest(words, i, options, casefold=caps) if options else None
            if found is not None:
                form, key = found
                last = words[i + len(form) - 1]
                if (
                    len(form) == 1
                    and not caps
                    and not _isolated(words, i, state.lowercase)
                    and not region.title  # (asked last: deciding title case costs most)
                ):
                    if state.free(word.start, word.key_end) and form not in state.back_references:
                        state.surnames.add(word.key)  # "Gerald Ford": "Ford" names a person
                    continue
                if not state.free(word.start, last.key_end):
                    continue  # taken: state.add below would do nothing (the tests have no effects)
                if not _stands_alone(state, words, i + len(form) - 1, key):
                    continue
                if form in state.back_references and (
                    caps or state.text[max(0, word.start - 4) : word.start] not in _THE
                ):
                    continue
                state.add(key, word.start, last.key_end, register=False)
                continue
            # an acronym at the head of a hyphenated word: "IS-held", "SDF-led"
            if "-" in word.key and not caps:
                pieces = word.key.split("-")
                offset = word.start
                for piece in pieces:
                    if (
                        piece
                        and piece.isupper()
                        and (piece,) in state.forms
                        and all(p == piece or not p[:1].isupper() for p in pieces)
                    ):
                        state.add(
                            state.forms[(piece,)], offset, offset + len(piece), register=False
                        )
                    offset += len(piece) + 1


def _taken_everywhere(state: _State, word: str) -> bool:
    """Whether every occurrence of ``word`` in the text (as a substring) starts at a taken
    position."""
    if not word:
        return False
    text, taken = state.text, state.taken
    at = text.find(word)
    while at >= 0:
        if not taken[at]:
            return False
        at = text.find(word, at + 1)
    return True


def _longest(
    words: Sequence[_Word],
    i: int,
    options: tuple[tuple[tuple[str, ...], str], ...],
    *,
    casefold: bool,
) -> tuple[tuple[str, ...], str] | None:
    """The longest form in ``options`` that the words from ``words[i]`` spell out.

    ``options`` are the forms whose first word is that of ``words[i]`` (the indexes are keyed
    by first word), so a one-word form always fits.
    """
    found: tuple[tuple[str, ...], str] | None = None
    keys: list[str] = []  # the keys of words[i] and the words joined to it, read as needed
    for form, key in options:
        m = len(form)
        if found is not None and m <= len(found[0]):
            continue
        if m > 1:
            if not keys:
                keys.append(words[i].key.casefold() if casefold else words[i].key)
            while len(keys) < m:
                k = i + len(keys)
                if k >= len(words) or not words[k].joined:
                    break
                keys.append(words[k].key.casefold() if casefold else words[k].key)
            # most forms differ from the words in their second word: tested first
            if len(keys) < m or keys[1] != form[1] or tuple(keys[:m]) != form:
                continue
        found = (form, key)
    return found


def _stands_alone(state: _State, words: Sequence[_Word], last: int, key: str) -> bool:
    """Whether a match ending at ``words[last]`` names the organization, not a currency
    ("AU$ 40 million") or a product ("Boeing 737", "Airbus A380")."""
    word = words[last]
    if state.text[word.key_end : word.key_end + 1] == "$":
        return False
    if last + 1 < len(words) and words[last + 1].gap_before == " ":
        following = words[last + 1].key
        entity = state.entities.get(key)
        kind = entity.kind if entity is not None else None
        known = _lexicon().known.get(key)
        kind = kind or (known.kind if known is not None else None)
        if kind == "company" and any(c.isdigit() for c in following):
            return False
    return True


def _isolated(words: Sequence[_Word], i: int, lowercase: _LowerWords) -> bool:
    """Whether a one-word name at ``words[i]`` stands apart from a longer capitalized name."""
    word = words[i]
    if word.key.isupper():
        return True  # acronyms are distinctive
    if i > 0:
        previous = words[i - 1]
        if (
            previous.capitalized
            and word.gap_before in (" ", "\u00a0")
            and previous.key not in _OPENERS
            and previous.key not in _CALENDAR
            and not (previous.sentence_initial and previous.key.lower() in lowercase)
            and previous.key not in _lexicon().demonyms
            and previous.key not in _lexicon().countries
            and previous.key == previous.text
        ):
            return False  # "Gerald Ford", "Michael Dell"
    return True


def _add_short_names(state: _State, lowercase: _LowerWords) -> bool:
    """Let a company's first word name it too ("Lockheed" for "Lockheed Martin")."""
    lexicon = _lexicon()
    added = False
    for key, entity in list(state.entities.items()):
        if entity.kind != "company":
            continue
        names = {state.text[s:e] for s, e in entity.mentions}
        if entity.canonical:
            names.add(entity.canonical)
        for name in names:
            words = _split_words(name)
            if len(words) < 2:
                continue
            first = words[0]
            if (
                len(first) < 3
                or not first[:1].isupper()
                or first.isupper()
                or first in lexicon.heads
                or first in _TITLES
                or first in _OPENERS
                or first in lexicon.demonyms
                or first in lexicon.countries
                or first.lower() in lowercase
                or first.lower()
                in {
                    "general",
                    "united",
                    "national",
                    "international",
                    "first",
                    "new",
                    "royal",
                    "american",
                    "air",
                }
                or (first,) in state.forms
            ):
                continue
            state.forms[(first,)] = key
            added = True
    return _add_back_references(state) or added


def _add_back_references(state: _State) -> bool:
    """Let "the Commission" name the one found organization headed by "Commission"."""
    heads = _lexicon().heads
    by_head: dict[str, set[str]] = {}
    for key, entity in state.entities.items():
        if key == "coalition":
            continue
        for s, e in entity.mentions:
            words = _split_words(state.text[s:e])
            if len(words) >= 2 and words[-1] in heads and words[-1][:1].isupper():
                by_head.setdefault(words[-1], set()).add(key)
    added = False
    for head, keys in by_head.items():
        if len(keys) == 1 and (head,) not in state.forms:
            state.forms[(head,)] = next(iter(keys))
            state.back_references.add((head,))
            added = True
    return added


# --- assembly ----------------------------------------------------------------------------


def _organizations(state: _State) -> list[Organization]:
    text = state.text
    entities = sorted(
        (e for e in state.entities.values() if e.mentions), key=lambda e: min(e.mentions)
    )
    if state.surnames:
        for entity in entities:
            # unless the article also names the organization in full ("Ford Motor Company")
            if all(text[s:e] in state.surnames for s, e in entity.mentions):
                entity.mentions = []
        entities = [e for e in entities if e.mentions]
    result = []
    for number, entity in enumerate(entities, start=1):
        spans = sorted(entity.mentions)
        surfaces: list[str] = []
        for s, e in spans:
            surface = text[s:e]
            if surface not in surfaces:
                surfaces.append(surface)
        acronym = entity.acronym
        known = _lexicon().known.get(entity.key)
        if acronym is None and known is not None:
            acronym = next((a for a in known.acronyms if a in surfaces), None)
        full = [s for s in surfaces if s != acronym and not (s.isupper() and len(s) <= 6)]
        led = [s for s in full if "-led " in s or "‐led " in s]
        if entity.key == "coalition" and led:
            name = led[0]
        elif len(full) == 1:
            name = full[0]
        elif full:
            name = max(full, key=lambda s: (len(s), sum(map(str.isupper, s))))
        elif entity.canonical is not None:
            name = entity.canonical
        else:
            name = surfaces[0]
        aliases = tuple(s for s in surfaces if s not in (name, acronym))
        # validated from plain data in one call: faster than building each Mention first
        result.append(
            Organization.model_validate(
                {
                    "id": f"org{number}",
                    "name": name,
                    "acronym": acronym,
                    "aliases": aliases,
                    "kind": entity.kind or "other",
                    "country": entity.country,
                    "mentions": [{"text": text[s:e], "start": s, "end": e} for s, e in spans],
                }
            )
        )
    return result


def extract_organizations(doc: Document) -> list[Organization]:
    """Every organization ``doc`` names, with all its mentions.

    Args:
        doc: The segmented article.

    Returns:
        One Organization per organization, ids ``org1``, ``org2``, ... in order of first
        mention; mentions in text order, never shared between organizations.

    Example:
        >>> from articlemodel.layout import parse_layout
        >>> from articlemodel.segment import segment
        >>> text = "The World Health Organization (WHO) said WHO staff were safe."
        >>> orgs = extract_organizations(segment(text, parse_layout(text)))
        >>> [(o.name, o.acronym, len(o.mentions)) for o in orgs]
        [('World Health Organization', 'WHO', 3)]
    """
    text = doc.text
    state = _State(text=text, taken=bytearray(len(text)), lowercase=_LowerWords(text))
    regions = _regions(doc)
    lowercase = state.lowercase
    _acronym_definitions(state, doc)
    _dateline_source(state, doc)
    _sports(state, doc)
    _coalition(state, doc)
    _patterns(state, regions, lowercase)
    _airlines(state, doc)
    _media(state, doc)
    _link(state, regions)
    read = len(state.forms)
    if _add_short_names(state, lowercase):
        _link(state, regions, since=read)
    return _organizations(state)
