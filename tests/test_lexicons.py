"""Every lexicon file is well formed and accounted for.

Text lexicons: UTF-8, NFC, one entry per line, no stray white space, no duplicates, sorted
(comments and blank lines aside). TSV tables: NFC, at least two columns a row, no padded cells. JSON lexicons parse. Every file is listed in SOURCES.md.
"""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest

from articlemodel.lexicons import clear_caches, load_lines, load_set

_FOLDER = resources.files("articlemodel.lexicons")
_FILES = sorted(
    entry.name
    for entry in _FOLDER.iterdir()
    if entry.name.endswith((".txt", ".json", ".tsv")) and not entry.name.startswith("_")
)


@pytest.mark.parametrize("name", [n for n in _FILES if n.endswith(".txt")])
def test_text_lexicon_format(name: str) -> None:
    raw = _FOLDER.joinpath(name).read_text(encoding="utf-8")
    assert raw.endswith("\n"), "ends without a newline"
    entries = []
    for number, line in enumerate(raw.splitlines(), start=1):
        assert unicodedata.normalize("NFC", line) == line, f"line {number} is not NFC"
        assert line == line.strip(), f"line {number} has stray white space"
        if line and not line.startswith("#"):
            entries.append(line)
    assert entries, "has no entries"
    assert len(entries) == len(set(entries)), "has duplicates"
    assert entries == sorted(entries), "is not sorted"


@pytest.mark.parametrize("name", [n for n in _FILES if n.endswith(".tsv")])
def test_tsv_lexicon_format(name: str) -> None:
    raw = _FOLDER.joinpath(name).read_text(encoding="utf-8")
    assert raw.endswith("\n"), "ends without a newline"
    rows = [line for line in raw.splitlines() if line and not line.startswith("#")]
    assert rows, "has no rows"
    widths = {line.count("\t") for line in rows}
    # Trailing optional columns may be left off; the first column is always there.
    assert min(widths) >= 1, "a row has a single column"
    assert unicodedata.normalize("NFC", raw) == raw, "is not NFC"
    assert all(cell == cell.strip() for line in rows for cell in line.split("\t"))


@pytest.mark.parametrize("name", [n for n in _FILES if n.endswith(".json")])
def test_json_lexicon_parses(name: str) -> None:
    data = json.loads(_FOLDER.joinpath(name).read_text(encoding="utf-8"))
    assert data


@pytest.mark.parametrize("name", _FILES)
def test_listed_in_sources(name: str) -> None:
    sources = _FOLDER.joinpath("SOURCES.md").read_text(encoding="utf-8")
    assert f"`{name}`" in sources


def test_loaders_cache_and_clear() -> None:
    first = load_lines("abbreviations.txt")
    assert load_lines("abbreviations.txt") is first
    assert "gen" in load_set("abbreviations.txt")
    clear_caches()
    assert load_lines("abbreviations.txt") == first
