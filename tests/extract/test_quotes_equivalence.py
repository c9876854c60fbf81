"""The quotes extractor's fast paths give what the patterns they stand in for give.

Each helper below replaces a slower search with the same result (speed work, issue #7); these
tests hold them to the reference pattern on written text and on generated text full of the
characters at their edges: quote marks, hyphens, accents, digits, cue words half-typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from articlemodel.extract import quotes as q
from articlemodel.segment import char_positions

TEXTS = [
    "“We will not sign,” the minister said on Friday. He went on to say that talks had failed.",
    "Xsaid said-x -said 5said said5 saidé went on went one pointing outs pointing out told",
    "According to the ministry, 1,000 people were hurt; 1,00 said so, according too.",
    "The firm’s chief, Jane Doe, has also said the U.S.-led plan, which AT&T backed, was dead.",
    "Ms. Renée Müller-Lüdenscheidt, 54, told Reuters: ‘it is over’ — and added that x² ½ Ⓐ.",
    "He said\n\n“Q” she said and went on.\u00a0It was, she added, a ‘scare’ quote. addressed, stated",
    "He told , the , U.S. , board , of , Acme , Inc. , and , its , chief , that , “Q” she said: “R”",
    "She said the plan to cut costs would be put to a vote of the board next week: “Q”",
    "It was said, he is \u2003 widely  said, it gets\x1c said, the deal being said.",
    "according to , a , b , c , d , e , f , g , h — that , ",  # the most words a match holds
    "according to , a , b , c , d , e , f , g , h , i — that , ",
    "He went on. It said-so, saidx went onx; went on-line said\nsaid",
]
PIECES = [
    "said", "says", "told", "added", "went on", "pointing out", "according to", "stated",
    "statement", "addressed", "has", "also", "to", "went", "saying", "is", "was", " ", " ",
    "\u00a0", "\t", "\n", ",", ".", ";", ":", "-", "—", "(", ")", "“", "”", '"', "'", "’", "‘",
    "é", "É", "\u0301", "²", "1,000", "5", "X", "The", "Doe", "Mr.", "U.S.", "a", "z",
    "\x1c", "not", "did", "do", "was", "been", "gets", "widely", "\u2003", "Smith:", "Doe :",
    "that", "they", "will", "walked", "it", "the plan",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _ranges(text: str) -> list[tuple[int, int]]:
    n = len(text)
    return [(lo, hi) for lo in range(0, n + 1, 3) for hi in (lo, lo + 1, lo + 7, lo + 40, n + 2)]


def _check_cues(text: str) -> None:
    for lo, hi in _ranges(text):
        assert q._find_cues(text, lo, hi) == [
            m.span() for m in q._cue_pattern().finditer(text, lo, hi)
        ]
        starts = [m.start() for m in q._CUE_KEY_PATTERN.finditer(text, lo, hi)]
        assert q._cue_starts(text, lo, hi) == starts
        assert q._any_cue_start(text, lo, hi) == bool(starts)
        assert q._range_cues(text, lo, hi) == q._find_cues(text, lo, hi)
        if q._no_cue_in(text, lo, hi, q._key_index(text)):
            assert q._find_cues(text, lo, hi) == []


def _check_words(text: str) -> None:
    for lo, hi in _ranges(text):
        spans = [m.span() for m in q._WORD_PATTERN.finditer(text, lo, hi)]
        assert q._words(text, lo, hi) == spans
        assert q._words(text, lo, hi, 2) == spans[:2]
        # Resolver.gender_of reads the same words as strings.
        pattern = q._ASCII_WORD_PATTERN if q._ascii_words(text) else q._WORD_PATTERN
        assert pattern.findall(text, lo, hi) == [text[s:e] for s, e in spans]


def _check_before(text: str) -> None:
    for lo, hi in _ranges(text):
        expected = q._before_pattern().search(text, lo, hi)
        found = q._search_before(text, lo, hi)
        assert (found and found.span()) == (expected and expected.span())


def _check_aux(text: str) -> None:
    for lo, end in _ranges(text):
        hi = min(end, len(text))
        expected = q._AUX_END_PATTERN.search(text[lo:hi])
        assert q._aux_start(text, lo, hi) == (None if expected is None else lo + expected.start())


def _check_passive(text: str) -> None:
    for lo, hi in _ranges(text):
        expected = q._PASSIVE_PATTERN.search(text, lo, hi) is not None
        assert q._passive_before(text, lo, hi) == expected


def _check_clause_stop(text: str) -> None:
    for lo, hi in _ranges(text):
        if q._clause_stop_pattern().search(text, lo, hi) is not None:
            assert q._CLAUSE_STOP_HINT_PATTERN.search(text, lo, hi) is not None


def _check_colon(text: str) -> None:
    # _speaker_before searches for a colon speaker only before a colon and spaces.
    for lo, hi in _ranges(text):
        if q._COLON_SPEAKER_PATTERN.search(text, lo, hi) is not None:
            assert text[lo:hi].rstrip(" \t\u00a0").endswith(":")


def _check_clause_words(text: str) -> None:
    # _indirect_after_cue reads the clause test's words, and a word after "that", from its own.
    n = len(text)
    for lo, hi in _ranges(text):
        for window_end in {min(hi, n), max(lo, min(hi, n) - 5)}:
            words = q._words(text, lo, window_end, 14)
            for j, (_, word_end) in enumerate(words):
                assert q._finite_clause_from(text, words, j, window_end, hi) == (
                    q._is_finite_clause(text, words[j][0], hi)
                )
                if j + 1 < len(words):
                    assert q._words(text, q._first_nonspace(text, word_end, hi), hi, 1)


def _check_walk_stop(text: str) -> None:
    for lo, end in _ranges(text):
        hi = min(end, len(text))
        expected = q._WALK_STOP_PATTERN.search(text, lo, hi)
        assert q._last_walk_stop(text, lo, hi) == (-1 if expected is None else expected.start())


CHECKS: list[Callable[[str], None]] = [
    _check_colon,
    _check_walk_stop,
    _check_clause_words,
    _check_cues,
    _check_words,
    _check_before,
    _check_aux,
    _check_passive,
    _check_clause_stop,
]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("text", TEXTS)
def test_written_text(check: Callable[[str], None], text: str) -> None:
    check(text)


@pytest.mark.parametrize("check", CHECKS)
@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_generated_text(check: Callable[[str], None], text: str) -> None:
    check(text)


def test_long_text_is_scanned_by_range() -> None:
    text = "x " * (q._CUE_INDEX_MAX_CHARS // 2) + "and he said it, she told us"
    lo = len(text) - 40
    assert q._find_cues(text, lo, len(text)) == [
        m.span() for m in q._cue_pattern().finditer(text, lo, len(text))
    ]


def test_auxiliaries_are_lower_case_ascii_runs() -> None:
    # _aux_start reads the run of lower-case ASCII letters before a cue as the auxiliary.
    assert all(word.isascii() and word.isalpha() and word.islower() for word in q._AUX_WORDS)


def test_cues_fit_the_before_word_bound() -> None:
    # _search_before counts a cue as at most two words and a space as the only whitespace.
    assert all(len(cue.split()) <= 2 and cue.split() == cue.split(" ") for cue in q._CUES)
    assert not any(len(a.split()) > 1 for a in q._ABBREVIATIONS)


def test_is_space_is_the_patterns_space() -> None:
    space = regex.compile(r"\s")
    for code in range(0x110000):
        char = chr(code)
        assert q._is_space(char) == (space.match(char) is not None), hex(code)


def test_marks_found_by_find() -> None:
    text = "a “b” 'c' ‘d’ «e» „f‟ ‹g› \"h\""
    assert char_positions(text, q._DOUBLE_MARKS) == [
        i for i, c in enumerate(text) if c in q._DOUBLE_MARKS
    ]
    assert q._between(char_positions(text, q._SINGLE_MARKS), 5, 14) == [
        i for i, c in enumerate(text) if c in q._SINGLE_MARKS and 5 <= i < 14
    ]


@pytest.mark.parametrize("text", [*TEXTS, "", "said", " said ", "said\ud800said", "ſaid said"])
def test_key_starts(text: str) -> None:
    assert q._key_starts(text) == q._scan_cue_starts(text, 0, len(text))


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_key_starts_generated(text: str) -> None:
    assert q._key_starts(text) == q._scan_cue_starts(text, 0, len(text))


# Text for the stdlib forms of the attribution patterns: ASCII letters, and characters outside
# ASCII that are no letters, marks, numbers or word characters.
SIMPLE_PIECES = [
    "said", "says", "told", "added", "went on", "pointing out", "according to", "continued",
    "the", "The", "THE", "a", "an", "An", "his", "her", "its", "their", "our", "Their",
    "Jane", "Doe", "Mr.", "MR.", "mr.", "Gen.", "Inc.", "Co.", "U.S.", "CJTF-OIR", "AT&T",
    "1,000", "5", "$", "£", "€", "/", "&", "’s", "'s", "spokesman", "for", "that", "in",
    "statement", "has", "also", "on", "Monday", " ", " ", " ", "\u00a0", "\t", "\n", ",", ".",
    ";", ":", "-", "—", "–", "(", ")", "“", "”", '"', "'", "’", "‘", "«", "\u2003", "\x1c",
    "called", "described as", "dubbed", "calls", "and", "but", "and also", "Smith:", "wanted",
    "ed", "Used", "[", "„", ", which", "citing", "adding", "declined", "expected", "urged",
    "called on", "referring", "walked",
]  # fmt: skip
simple_texts = st.lists(st.sampled_from(SIMPLE_PIECES), max_size=30).map("".join)


def _groups(match: object) -> list[tuple[int, int]] | None:
    if match is None:
        return None
    assert isinstance(match, re.Match | regex.Match)
    return [match.span(g) for g in range(match.re.groups + 1)]


def _check_ascii_forms(text: str) -> None:
    assert q._simple_ascii(text)
    for lo, hi in _ranges(text):
        assert _groups(q._ASCII_AFTER_PATTERN.match(text, lo, hi)) == _groups(
            q._after_pattern().match(text, lo, hi)
        )
        assert _groups(q._ASCII_BEFORE_PATTERN.match(text, lo, hi)) == _groups(
            q._before_pattern().match(text, lo, hi)
        )
        for ascii_form, pattern in (
            (q._ASCII_CONTINUES_PATTERN, q._CONTINUES_PATTERN),
            (q._ASCII_COLON_SPEAKER_PATTERN, q._COLON_SPEAKER_PATTERN),
            (q._ASCII_COORDINATED_PATTERN, q._COORDINATED_PATTERN),
            (q._ASCII_NAMING_PATTERN, q._NAMING_PATTERN),
            (q._ASCII_CLAUSE_STOP_PATTERN, q._clause_stop_pattern()),
        ):
            assert _groups(ascii_form.match(text, lo, hi)) == _groups(pattern.match(text, lo, hi))
            assert _groups(ascii_form.search(text, lo, hi)) == _groups(pattern.search(text, lo, hi))
        assert [m.span() for m in q._ASCII_NAMING_PATTERN.finditer(text, lo, hi)] == [
            m.span() for m in q._NAMING_PATTERN.finditer(text, lo, hi)
        ]
    for word in text.split():
        assert _groups(q._ASCII_CUE_PATTERN.fullmatch(word)) == _groups(
            q._cue_pattern().fullmatch(word)
        )
    for word in [*text.split(), *(w.lower() for w in text.split())]:
        assert q._ed_verb(word) == (q._ED_VERB_PATTERN.match(word) is not None)


@pytest.mark.parametrize("text", [*TEXTS, " for ", "\x1cfor\x1c", "\u2028of\u3000", " at\x1d "])
def test_role_of_stdlib_form(text: str) -> None:
    # The stdlib engine's \s less \x1c-\x1f is regex's \s.
    role_of = regex.compile(r"\s(?:for|of|at|from|with)\s")
    for piece in (text, f" {text} ", text.replace(" ", "\x1f")):
        assert _groups(q._STDLIB_ROLE_OF_PATTERN.search(piece)) == _groups(role_of.search(piece))
        assert q._STDLIB_ROLE_OF_PATTERN.split(piece) == role_of.split(piece)


@pytest.mark.parametrize(
    "text",
    [
        *(t for t in TEXTS if q._simple_ascii(t)),
        "“Q,” said Mr. Jane Doe, a spokesman for AT&T Inc. Co. in the U.S.",
        "“Q,” the firm’s chief, Jane Doe, has also said. “Q,” an said — their said",
        "He said in a statement, MR. DOE said that, Gen. Doe told Reuters: “Q”",
        "said on Monday – that ",
    ],
)
def test_ascii_forms_written(text: str) -> None:
    _check_ascii_forms(text)


@settings(max_examples=150, deadline=None)
@given(text=simple_texts)
def test_ascii_forms_generated(text: str) -> None:
    _check_ascii_forms(text)


@pytest.mark.parametrize("char", ["é", "\u0301", "²", "Ⓐ", "‿", "ſ", "\u212a", "ı"])
def test_not_simple_ascii(char: str) -> None:
    # Letters, marks, numbers and word characters outside ASCII send a text to the patterns.
    assert not q._simple_ascii(f"He said {char}")


def test_one_cue_and_one_abbreviation_per_place() -> None:
    # What the tries of the stdlib forms rest on: no cue is another cue with words after it, so
    # with the lookarounds one cue at most matches at a place; every abbreviation is lower-case
    # ASCII letters, so one at most is followed by its period.
    assert all(regex.fullmatch(r"[a-z]+(?: [a-z]+)*", c) for c in q._CUES)
    assert not [(a, b) for a in q._CUES for b in q._CUES if b.startswith(a + " ")]
    assert all(regex.fullmatch(r"[a-z]+", a) for a in q._ABBREVIATIONS)
