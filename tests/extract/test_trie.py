"""trie_alternation matches what the plain longest-first alternation of its words matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlemodel.extract.trie import trie_alternation


def _plain(words: set[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        ({"say", "says", "said"}, "she says he said they say", ["says", "said", "say"]),
        ({"a", "an", "and"}, "an apple and a pear", ["an", "a", "and", "a", "a"]),
        ({"u.s.", "u.n."}, "the u.s. and u.n. and usa", ["u.s.", "u.n."]),
        ({"according to"}, "according  to him", []),
    ],
    ids=["verb-forms", "prefixes-of-each-other", "escaped-periods", "space-is-literal"],
)
def test_finds_the_words(words: set[str], text: str, found: list[str]) -> None:
    assert re.findall(trie_alternation(words), text) == found


def test_replacements_stand_for_characters() -> None:
    pattern = trie_alternation({"according to", "don't"}, {" ": r"\s+", "'": "['’]"})
    assert re.findall(pattern, "according  to him, I don’t") == ["according  to", "don’t"]


@given(
    st.sets(st.text(alphabet="abc.- ", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="abc.- ", max_size=30),
)
def test_same_matches_as_the_plain_alternation(words: set[str], text: str) -> None:
    trie = re.compile(trie_alternation(words))
    plain = re.compile(_plain(words))
    for start in range(len(text) + 1):
        got, want = trie.match(text, start), plain.match(text, start)
        assert (got and got.group()) == (want and want.group())
