"""Python 3.10 and early 3.11 support (``requires-python >= 3.10``).

``re`` reads possessive quantifiers (``*+``) and atomic groups (``(?>...)``) only from Python
3.11, and matches them right only from 3.11.5 (Debian 12's 3.11.2 cut roles one letter short).
A module-level pattern that uses them stops the package from importing on 3.10 (it did, until
``extract.stdlib``). Every pattern that uses them must be compiled by
``extract.stdlib.compile_possessive``, whose owner reads it only where ``re`` matches it right.
This test records every pattern ``re`` compiles while a fresh interpreter imports the package
and parses articles of several scripts and kinds of expression (so that patterns compiled on
first need are compiled too), and reads each with the running Python's own parser (3.11 on).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "kurdistan24-sdf-resume-offensive.txt"

_RECORD = r"""
import json, re, sys
compiled = []
original = re._compile
def recording(pattern, flags):
    compiled.append((pattern if isinstance(pattern, str) else pattern.decode("latin-1"),
                     isinstance(pattern, bytes), int(flags)))
    return original(pattern, flags)
re._compile = recording
import articlemodel
from articlemodel.extract import stdlib
texts = [open(sys.argv[1], encoding="utf-8").read(),
         "Überschrift\n\nJosé Núñez, a spokesman for the Ministry, said “no” in São Paulo on 3 "
         "March 2019, two weeks ago. ﬁnal.",
         "MOSCOW (Reuters) - Сергей Лавров said on Monday that talks in Geneva would resume.",
         "Results\n\nOn 2018-06-05, 3/4/2018 and Christmas Day, in the 1990s, Q3 and H1 2019, "
         "at 12:30 GMT, every Monday, twice a week, for three to five years, in mid-2017, the "
         "21st century, '82, the fall of 2016 and 3 May, Real Madrid beat Barcelona 2-1 and "
         "Air France said the U.S.-led coalition's Gen. John Smith Jr. had left.",
         "ÉCONOMIE\n\nPARÍS, 5 jun (EFE) — El Ministerio de Economía de España dijo el lunes."]
for text in texts:
    articlemodel.parse_article(text, published="2018-06-05")
allowed = sorted(p if isinstance(p, str) else p.decode("latin-1") for p in stdlib.registered())
print(json.dumps({"compiled": compiled, "allowed": allowed}))
"""


def _walk(node: object) -> set[object]:
    """Every opcode of a parsed pattern (``re._parser.SubPattern``), at any depth."""
    from re import _parser  # type: ignore[attr-defined]

    ops: set[object] = set()
    if isinstance(node, _parser.SubPattern):
        for op, argument in node:
            ops.add(op)
            ops |= _walk(argument)
    elif isinstance(node, (list, tuple)):
        for item in node:
            ops |= _walk(item)
    return ops


@pytest.mark.skipif(sys.version_info < (3, 11), reason="reads patterns with 3.11's re parser")
def test_possessive_patterns_go_through_compile_possessive() -> None:
    from re import _constants, _parser  # type: ignore[attr-defined]

    done = subprocess.run(
        [sys.executable, "-c", _RECORD, str(SAMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    record = json.loads(done.stdout)
    allowed = set(record["allowed"])
    assert len(record["compiled"]) > 50  # the recording saw the package's patterns
    needs_311 = {_constants.POSSESSIVE_REPEAT, _constants.ATOMIC_GROUP}
    offending = []
    for source, is_bytes, flags in record["compiled"]:
        pattern = source.encode("latin-1") if is_bytes else source
        if _walk(_parser.parse(pattern, flags)) & needs_311 and source not in allowed:
            offending.append(source[:120])
    assert offending == []
