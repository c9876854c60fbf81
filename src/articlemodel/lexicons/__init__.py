"""Lexicons: data files beside this module, loaded once and handed out immutable.

A ``.txt`` lexicon has one entry per line; blank lines and lines starting with ``#`` are
comments. A ``.json`` lexicon holds one object. Every file is listed in ``SOURCES.md`` with
its origin and licence.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["clear_caches", "load_json", "load_lines", "load_set", "register_cache"]

_EXTRA_CACHES: list[Callable[[], None]] = []


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """The entries of the text lexicon ``name`` (``"reporting_verbs.txt"``), in file order."""
    entries = []
    for line in _read(name).splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return tuple(entries)


@functools.cache
def load_set(name: str) -> frozenset[str]:
    """The entries of the text lexicon ``name`` as a frozen set."""
    return frozenset(load_lines(name))


@functools.cache
def load_json(name: str) -> Any:
    """The JSON lexicon ``name``, with its top-level mapping made read-only."""
    data = json.loads(_read(name))
    return MappingProxyType(data) if isinstance(data, dict) else data


def register_cache(clear: Callable[[], None]) -> Callable[[], None]:
    """Let ``clear_caches`` also clear an index built from lexicons elsewhere."""
    _EXTRA_CACHES.append(clear)
    return clear


def clear_caches() -> None:
    """Forget every loaded lexicon and every index built from them (for tests)."""
    load_lines.cache_clear()
    load_set.cache_clear()
    load_json.cache_clear()
    for clear in _EXTRA_CACHES:
        clear()
