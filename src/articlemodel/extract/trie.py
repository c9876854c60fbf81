"""Word alternations written as tries, for the patterns the extractors build from lexicons.

``trie_alternation({"around", "about", "an"})`` gives ``(?:a(?:round|bout|n))``: the words
factored by their common prefixes. It matches what the plain alternation of the words, longest
first, matches, with the same preference (a word wins over its own prefixes), and a regex
engine runs it faster, since it never retries a prefix it has read. The two are the same under
simple case folding (``re``, or ``regex`` with VERSION0), where two different letters never
match the same character; under full case folding one character may match across two branches
(``ß`` for ``s`` + ``s``), so patterns compiled with ``regex.VERSION1`` use a plain
alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["trie_alternation"]

_Trie = dict[str, "_Trie"]


def trie_alternation(words: Iterable[str], replacements: Mapping[str, str] | None = None) -> str:
    """A non-capturing group matching any of ``words``, longest first, written as a trie.

    Each character is escaped, or written as ``replacements`` gives it (``{" ": r"\\s+"}``).

    Example:
        >>> trie_alternation(["say", "says", "said"])
        '(?:sa(?:id|y(?:s)?))'
    """
    special = replacements or {}
    root: _Trie = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        node = root
        for char in word:
            node = node.setdefault(special.get(char) or re.escape(char), {})
        node[""] = {}  # a word ends here; tried after every longer word
    return "(?:" + _pattern(root) + ")"


def _pattern(node: _Trie) -> str:
    branches = [key + _pattern(child) for key, child in node.items() if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
