"""Standard-library forms of patterns that need Python 3.11's ``re``.

Several extractors read text whose letters are plain ASCII with ``re`` forms of their
``regex`` patterns, which are faster. Some of those forms use possessive quantifiers (``*+``)
or atomic groups (``(?>...)``), which ``re`` reads from Python 3.11 on, and matches correctly
from 3.11.5 on: before it, a possessive quantifier over a subpattern that backtracks, or
followed by a negative lookahead, could match the wrong span (CPython issues gh-106052 and
gh-100061, fixed in 3.11.5; Debian 12's Python is 3.11.2). On an older Python such a form
compiles to a pattern that never matches, and the module that owns it must not read it: its
check for plain text answers False when ``POSSESSIVE`` is False, so the ``regex`` form reads
every text there. Output is the same either way (each module's equivalence tests compare the
two forms where both exist).
"""

from __future__ import annotations

import re
import sys
from typing import AnyStr, Final

__all__ = ["POSSESSIVE", "compile_possessive", "registered"]

#: Whether this Python's ``re`` reads possessive quantifiers and atomic groups, and matches
#: them correctly.
POSSESSIVE: Final = sys.version_info >= (3, 11, 5)

# The sources given to compile_possessive (tests/test_python310.py checks that every pattern
# re compiles with 3.11-only syntax is one of them).
_REGISTERED: set[str | bytes] = set()


def compile_possessive(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)`` where ``POSSESSIVE``, else a pattern that never matches
    (its owner does not read it then)."""
    _REGISTERED.add(pattern)
    if POSSESSIVE:
        return re.compile(pattern, flags)
    never = "(?!)" if isinstance(pattern, str) else b"(?!)"
    return re.compile(never, flags)


def registered() -> frozenset[str | bytes]:
    """The sources compile_possessive has been given in this process."""
    return frozenset(_REGISTERED)
