"""The quotes extractor's fast paths give what the patterns they stand in for give.

Each helper below replaces a slower search with the same result (speed work, issue #7); these
tests hold them to the reference pattern on written text and on generated text full of the
characters at their edges: quote marks, hyphens, accents, digits, cue words half-typed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from articlemodel.extract import quotes as q

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
]
PIECES = [
    "said", "says", "told", "added", "went on", "pointing out", "according to", "stated",
    "statement", "addressed", "has", "also", "to", "went", "saying", "is", "was", " ", " ",
    "\u00a0", "\t", "\n", ",", ".", ";", ":", "-", "—", "(", ")", "“", "”", '"', "'", "’", "‘",
    "é", "É", "\u0301", "²", "1,000", "5", "X", "The", "Doe", "Mr.", "U.S.", "a", "z",
    "\x1c", "not", "did", "do", "was", "been", "gets", "widely", "\u2003",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _ranges(text: str) -> list[tuple[int, int]]:
    n = len(text)
    return [(lo, hi) for lo in range(0, n + 1, 3) for hi in (lo, lo + 1, lo + 7, lo + 40, n + 2)]


def _check_cues(text: str) -> None:
    for lo, hi in _ranges(text):
        assert q._find_cues(text, lo, hi) == [
            m.span() for m in q._CUE_PATTERN.finditer(text, lo, hi)
        ]
        starts = [m.start() for m in q._CUE_KEY_PATTERN.finditer(text, lo, hi)]
        assert q._cue_starts(text, lo, hi) == starts
        assert q._any_cue_start(text, lo, hi) == bool(starts)


def _check_words(text: str) -> None:
    for lo, hi in _ranges(text):
        spans = [m.span() for m in q._WORD_PATTERN.finditer(text, lo, hi)]
        assert q._words(text, lo, hi) == spans
        assert q._words(text, lo, hi, 2) == spans[:2]


def _check_before(text: str) -> None:
    for lo, hi in _ranges(text):
        expected = q._BEFORE_PATTERN.search(text, lo, hi)
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
        if q._CLAUSE_STOP_PATTERN.search(text, lo, hi) is not None:
            assert q._CLAUSE_STOP_HINT_PATTERN.search(text, lo, hi) is not None


CHECKS: list[Callable[[str], None]] = [
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
        m.span() for m in q._CUE_PATTERN.finditer(text, lo, len(text))
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
    assert q._char_positions(text, q._DOUBLE_MARKS) == [
        i for i, c in enumerate(text) if c in q._DOUBLE_MARKS
    ]
    assert q._between(q._char_positions(text, q._SINGLE_MARKS), 5, 14) == [
        i for i, c in enumerate(text) if c in q._SINGLE_MARKS and 5 <= i < 14
    ]


@pytest.mark.parametrize("text", [*TEXTS, "", "said", " said ", "said\ud800said", "ſaid said"])
def test_key_starts(text: str) -> None:
    assert q._key_starts(text) == q._scan_cue_starts(text, 0, len(text))


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_key_starts_generated(text: str) -> None:
    assert q._key_starts(text) == q._scan_cue_starts(text, 0, len(text))
