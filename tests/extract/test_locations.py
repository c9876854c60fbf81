"""Tests for the locations extractor and its gazetteer.

Every sentence here was written for these tests in the styles of wire services and regional
outlets; none comes from the seed article or the evaluation data. ``DATELINES``,
``CONTEXT_PATTERNS``, ``SENTENCE_COUNTRY``, ``VARIANTS``, ``NORMALISATION``, ``QUALIFIED`` and
``TRAPS`` tuned the rules while they were written; ``KNOWN_GAPS`` only records what the rules
still miss. The properties (hypothesis) check that mentions index the text and that
normalisation is idempotent; the data tests check that a rebuild of the gazetteer reproduces the
committed file and that every lexicon of this extractor is sorted, NFC and free of duplicates.
"""

from __future__ import annotations

import runpy
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from articlemodel import parse_article
from articlemodel.extract import locations as locations_module
from articlemodel.extract.gazetteer import GAZETTEER_FILE, gazetteer, normalize, normalize_words
from articlemodel.extract.locations import extract_locations
from articlemodel.layout import parse_layout
from articlemodel.lexicons import clear_caches, load_lines
from articlemodel.models import Location, Mention, Organization
from articlemodel.segment import segment

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "src" / "articlemodel" / "lexicons"

Expected = dict[str, str]
"""Mention text → the kind of the location it belongs to."""


def _locations(text: str, organizations: tuple[Organization, ...] = ()) -> list[Location]:
    return extract_locations(segment(text, parse_layout(text)), organizations=organizations)


def _mentions(locations: list[Location]) -> Expected:
    return {m.text: loc.kind for loc in locations for m in loc.mentions}


def _case(case_id: str, text: str, expected: Expected, *, absent: tuple[str, ...] = ()) -> object:
    return pytest.param(text, expected, absent, id=case_id)


# --- datelines ------------------------------------------------------------------------------
DATELINES = [
    _case(
        "ap-city-country",
        "KABUL, Afghanistan (AP) — Gunmen stormed a guesthouse on Monday, police said.",
        {"KABUL": "city", "Afghanistan": "country"},
    ),
    _case(
        "reuters-date",
        "MOSUL, Iraq, Aug 30 (Reuters) - Engineers began rebuilding a bridge over the river.",
        {"MOSUL": "city", "Iraq": "country"},
    ),
    _case(
        "afp-mixed-case",
        "Nairobi (AFP) - Kenya's parliament passed the budget late on Thursday.",
        {"Nairobi": "city", "Kenya": "country"},
    ),
    _case(
        "colon-dateline",
        "BEIRUT: Talks on the new cabinet stalled again on Wednesday, a minister said.",
        {"BEIRUT": "city"},
    ),
    _case(
        "unknown-town-with-outlet",
        "TEL KHAMSIN, Syria (Reuters) - Residents returned to the market after the shelling.",
        {"TEL KHAMSIN": "city", "Syria": "country"},
    ),
    _case(
        "conll-date-line",
        "BRUSSELS 1996-08-30\n\nFarm ministers met in the Belgian capital to discuss beef.",
        {"BRUSSELS": "city"},
    ),
    _case(
        "conll-small-town-date-line",
        "Vote delayed\n\nVOGOSCANJE , Bosnia 1996-09-02\n\nVoters queued outside the school .",
        {"VOGOSCANJE": "city", "Bosnia": "country"},
    ),
    _case(
        "sports-label-is-no-place",
        "SOCCER - RESULTS FROM THE WEEKEND\n\nThe league leaders won again at home.",
        {},
        absent=("SOCCER",),
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), DATELINES)
def test_datelines(text: str, expected: Expected, absent: tuple[str, ...]) -> None:
    found = _mentions(_locations(text))
    assert {k: found.get(k) for k in expected} == expected
    assert not set(absent) & set(found)


def test_dateline_links_to_its_location() -> None:
    article = parse_article("KABUL, Afghanistan (AP) — A bomb exploded near a mosque on Friday.")
    assert article.dateline is not None
    linked = next(loc for loc in article.locations if loc.id == article.dateline.location_id)
    assert linked.mentions[0].text == "KABUL"
    assert linked.country == "AF"


def test_dateline_host_country_picks_the_namesake() -> None:
    found = _locations("AL AIN, United Arab Emirates (Reuters) - The match was postponed.")
    assert found[0].country == "AE"


# --- context rules --------------------------------------------------------------------------
CONTEXT_PATTERNS = [
    _case(
        "towns-of-x-and-y",
        "Government troops shelled the towns of Zabdin and Qarwat al-Sham overnight.",
        {"Zabdin": "town", "Qarwat al-Sham": "town"},
    ),
    _case(
        "villages-list",
        "Aid reached the villages of Umm Hajar, Tell Nasri and Khirbat Zaid on Sunday.",
        {"Umm Hajar": "village", "Tell Nasri": "village", "Khirbat Zaid": "village"},
    ),
    _case(
        "held-towns-of",
        "Militants still hold the rebel-held villages of Mazraat Faris and Ain Dhahab.",
        {"Mazraat Faris": "village", "Ain Dhahab": "village"},
    ),
    _case(
        "province-of",
        "Clashes spread across the province of Wadi Zarqa, the governor told Al Jazeera.",
        {"Wadi Zarqa": "region"},
    ),
    _case(
        "x-village",
        "Soldiers searched Kafr Sous village for weapons, the army said.",
        {"Kafr Sous": "village"},
    ),
    _case(
        "x-province-suffix",
        "Floods hit Nahr Barid Province, where roads were cut for days.",
        {"Nahr Barid Province": "region"},
    ),
    _case(
        "x-district-suffix",
        "Polling stations in Shamal Kalat District stayed shut.",
        {"Shamal Kalat District": "region"},
    ),
    _case(
        "the-x-river-then-eastern-x",
        "Fighters crossed the Khabarra River at dawn. Villages on the eastern Khabarra were"
        " emptied.",
        {"Khabarra River": "river", "Khabarra": "river"},
    ),
    _case(
        "river-prefix",
        "Barges were stranded on the River Avonmere after the drought.",
        {"River Avonmere": "river"},
    ),
    _case(
        "apposition-town-near",
        "The convoy was ambushed in Sfirat Jadida, a town near Aleppo, on Tuesday.",
        {"Sfirat Jadida": "town", "Aleppo": "city"},
    ),
    _case(
        "held-x",
        "Shells fell on rebel-held Zamalkan as talks resumed.",
        {"Zamalkan": "town"},
    ),
    _case(
        "x-comma-country",
        "The teacher was born in Ain Issam, Syria, and moved to Berlin in 2015.",
        {"Ain Issam": "town", "Syria": "country", "Berlin": "city"},
    ),
    _case(
        "airport-suffix",
        "Flights resumed at Zarqan International Airport on Saturday.",
        {"Zarqan International Airport": "facility"},
    ),
    _case(
        "mount-prefix",
        "Yazidi families fled to Mount Qandil Sur when the town fell.",
        {"Mount Qandil Sur": "mountain"},
    ),
    _case(
        "gazetteer-name-beats-suffix-rule",
        "UN observers stayed on the Golan Heights, and ships waited in the Gulf of Aden.",
        {"Golan Heights": "area", "Gulf of Aden": "sea"},
        absent=("Golan",),
    ),
    _case(
        "stop-word-keeps-out-only-its-spelling",
        "The chancellor flew to Bonn on Friday, his office in Bonn said.",
        {"Bonn": "city"},
    ),
    _case(
        "name-known-elsewhere",
        "The towns of Saraqib and Binnish were hit. Saraqib has been shelled for weeks.",
        {"Saraqib": "town", "Binnish": "town"},
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), CONTEXT_PATTERNS)
def test_context_patterns(text: str, expected: Expected, absent: tuple[str, ...]) -> None:
    found = _mentions(_locations(text))
    assert {k: found.get(k) for k in expected} == expected
    assert not set(absent) & set(found)


SENTENCE_COUNTRY = [
    pytest.param(
        "Shelling hit the towns of Kafr Amma and Aleppo overnight.", "Kafr Amma", "SY",
        id="sibling-in-list",
    ),
    pytest.param(
        "Troops took Tell Hamra village near the border with Turkey.", "Tell Hamra", None,
        id="border-country-is-no-evidence",
    ),
    pytest.param(
        "Aid reached Bir Hamad village in Syria and Zarqa in Jordan.", "Bir Hamad", None,
        id="two-countries-unclear",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "country"), SENTENCE_COUNTRY)
def test_country_from_the_sentence(text: str, name: str, country: str | None) -> None:
    (place,) = [loc for loc in _locations(text) if loc.name == name]
    assert place.country == country


def test_context_only_place_takes_a_clear_country() -> None:
    found = _locations("Troops entered the village of Khirbat Amud in northern Syria.")
    assert [(loc.name, loc.country) for loc in found] == [("Khirbat Amud", "SY"), ("Syria", "SY")]


# --- spelling variants ----------------------------------------------------------------------
VARIANTS = [
    pytest.param(
        "Residents of Qusayr fled. Later al-Qusair was retaken, and AL-QUSAYR lay in ruins.",
        ("Qusayr", "al-Qusair", "AL-QUSAYR"),
        id="article-and-ay-ai",
    ),
    pytest.param(
        "Ferries left Tartous at dawn; the port of Tartus reopened, and Ţarţūs was calm.",
        ("Tartous", "Tartus", "Ţarţūs"),
        id="ou-u-and-diacritics",
    ),
    pytest.param(
        "Jisr al-Shughour fell quickly. The road to Jisr ash-Shughur is closed.",
        ("Jisr al-Shughour", "Jisr ash-Shughur"),
        id="sun-letter-article",
    ),
    pytest.param(
        "Protests spread to Ramadi. Police in Ar Ramadi and al-Ramadi made arrests.",
        ("Ramadi", "Ar Ramadi", "al-Ramadi"),
        id="article-forms",
    ),
    pytest.param(
        "Flights to São Paulo were cancelled, and Sao Paulo airport closed.",
        ("São Paulo", "Sao Paulo"),
        id="diacritics",
    ),
    pytest.param(
        "The U.S. envoy arrived. The United States has pledged aid, US officials said.",
        ("U.S.", "United States", "US"),
        id="country-aliases",
    ),
    pytest.param(
        "Convoys reached Nassiriya by noon. The governor of Nasiriyah welcomed them.",
        ("Nassiriya", "Nasiriyah"),
        id="doubled-letters-and-final-ah",
    ),
]


@pytest.mark.parametrize(("text", "spellings"), VARIANTS)
def test_variants_join_one_location(text: str, spellings: tuple[str, ...]) -> None:
    locations = _locations(text)
    owners = {
        next(loc.id for loc in locations if any(m.text == s for m in loc.mentions))
        for s in spellings
    }
    assert len(owners) == 1


NORMALISATION = [
    pytest.param("DEIR EZ-ZOR", "Dayr az Zawr", id="deir-dayr-zor-zawr"),
    pytest.param("al-Hasakah", "Hasakeh", id="article-and-eh-ah"),
    pytest.param("Raqqah", "RAQQA", id="doubled-and-final-h"),
    pytest.param("Ḩalab", "Halab", id="diacritic"),
    pytest.param("St. Petersburg", "Saint Petersburg", id="saint"),
]


@pytest.mark.parametrize(("a", "b"), NORMALISATION)
def test_normalisation_joins(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


# --- qualified mentions and borders ---------------------------------------------------------
QUALIFIED = [
    _case(
        "eastern-x",
        "Air strikes hit eastern Syria overnight, a monitor said.",
        {"Syria": "country"},
        absent=("eastern Syria",),
    ),
    _case(
        "northeastern-x",
        "Schools reopened in northeastern Nigeria this week.",
        {"Nigeria": "country"},
    ),
    _case(
        "sentence-initial-direction",
        "Northern Iraq has seen little rain this winter.",
        {"Iraq": "country"},
        absent=("Northern Iraq",),
    ),
    _case(
        "border-with-x",
        "Troops massed near the border with Lebanon, Israeli media reported.",
        {"Lebanon": "country"},
        absent=("Israeli",),
    ),
    _case(
        "demonym-pair-border",
        "Trucks queued for days at the Turkish-Syrian border crossing.",
        {"Turkish-Syrian border": "border"},
        absent=("Turkish", "Syrian"),
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), QUALIFIED)
def test_qualified(text: str, expected: Expected, absent: tuple[str, ...]) -> None:
    found = _mentions(_locations(text))
    assert {k: found.get(k) for k in expected} == expected
    assert not set(absent) & set(found)


def test_border_location_is_named_for_both_countries() -> None:
    (border,) = _locations("Smugglers used tunnels under the Egyptian-Israeli border.")
    assert (border.name, border.kind) == ("Egypt–Israel border", "border")


# --- traps: things that are not places ------------------------------------------------------
TRAPS = [
    pytest.param("Jordan Peterson said the lecture would go ahead.", id="person-jordan"),
    pytest.param("Fans mobbed Paris Hilton outside the hotel.", id="person-paris"),
    pytest.param("Chelsea Clinton spoke at the gala on Friday.", id="person-chelsea"),
    pytest.param("The award went to Michael Jordan last year.", id="given-name-before"),
    pytest.param("Mr. Jordan declined to comment.", id="title-before"),
    pytest.param("Syrian and Iraqi officials met on the sidelines.", id="demonyms"),
    pytest.param("Islamic State fighters withdrew from the area.", id="islamic-state"),
    pytest.param("In March the ministry said May would be decisive.", id="months"),
    pytest.param("US-backed forces advanced as UK-based charities helped.", id="compounds"),
    pytest.param("The contract is worth US$ 40 million to the firm.", id="currency"),
    pytest.param("They said the New York Times had the story first.", id="newspaper-and-they"),
    pytest.param("Leeds 2 Sheffield 1\nHull 0 Derby 3", id="club-scores"),
    pytest.param("Sheffield Wednesday 2 Bolton Wanderers 1", id="club-names-then-score"),
    pytest.param(
        "Most analysts expect the central bank to hold rates.", id="sentence-initial-most"
    ),
    pytest.param("The GAO report was delayed, ANA said.", id="acronyms"),
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps(text: str) -> None:
    assert _mentions(_locations(text)) == {}


# Text scraped from a page, a link glued to the next line: a prefix inside a word opens no
# "River X" or "Mount X" (the name alone may still be found).
GLUED_PREFIXES = [
    pytest.param("Read moreRiver Thames barrier closed.", "Thames", id="river"),
    pytest.param("Share thisMount Sinjar story.", "Sinjar", id="mount"),
    pytest.param("Live updatesLake Chad basin talks resume.", "Chad", id="lake"),
]


@pytest.mark.parametrize(("text", "name"), GLUED_PREFIXES)
def test_no_mention_starts_inside_a_word(text: str, name: str) -> None:
    mentions = [m for loc in _locations(text) for m in loc.mentions]
    assert all(m.start == 0 or not text[m.start - 1].isalpha() for m in mentions)
    assert name in {m.text for m in mentions}


def test_organization_spans_are_skipped() -> None:
    text = "Kurdistan 24 reported the clashes, citing Erbil officials and the Iraq Army."
    outlet = Organization(
        id="org1",
        name="Kurdistan 24",
        kind="media",
        mentions=(Mention(text="Kurdistan 24", start=0, end=12),),
    )
    army_start = text.index("Iraq Army")
    army = Organization(
        id="org2",
        name="Iraq Army",
        kind="military",
        mentions=(Mention(text="Iraq Army", start=army_start, end=army_start + 9),),
    )
    found = _mentions(_locations(text, (outlet, army)))
    assert "Kurdistan" not in found
    assert "Iraq" not in found


def test_national_teams_in_results_stay_places() -> None:
    found = _mentions(_locations("England 326 and 41-2 ; Pakistan 521-9 declared"))
    assert found == {"England": "region", "Pakistan": "country"}


def test_caps_headline_countries() -> None:
    text = "SOCCER - JAPAN BEAT SYRIA IN ASIAN CUP OPENER\n\nJapan won 2-1 in Abu Dhabi on Friday."
    found = _mentions(_locations(text))
    assert found.get("JAPAN") == "country"
    assert found.get("SYRIA") == "country"
    assert found.get("Abu Dhabi") == "city"


# --- ids, order, fields ---------------------------------------------------------------------
def test_ids_follow_first_mention_and_fields_are_filled() -> None:
    locations = _locations("Talks in Geneva ended. Diplomats left Geneva for Vienna and Austria.")
    assert [(loc.id, loc.name) for loc in locations] == [
        ("loc1", "Geneva"),
        ("loc2", "Vienna"),
        ("loc3", "Austria"),
    ]
    geneva = locations[0]
    assert [m.text for m in geneva.mentions] == ["Geneva", "Geneva"]
    assert geneva.country == "CH"
    assert geneva.geonames_id is not None
    assert geneva.latitude is not None
    assert 46 < geneva.latitude < 47


def test_no_places_gives_empty_list() -> None:
    assert _locations("the quick brown fox jumps over the lazy dog") == []


KNOWN_GAPS = [
    pytest.param(
        "Fighting resumed around Idleb. Idlib city was shelled overnight.",
        ("Idleb", "Idlib"),
        marks=pytest.mark.xfail(strict=True, reason="e/i vowel variants are not folded"),
        id="vowel-e-i",
    ),
    pytest.param(
        "Kobani was besieged in 2014. Kobane has since been rebuilt.",
        ("Kobani", "Kobane"),
        marks=pytest.mark.xfail(strict=True, reason="final i/e variants are not folded"),
        id="final-i-e",
    ),
]


@pytest.mark.parametrize(("text", "spellings"), KNOWN_GAPS)
def test_known_gaps(text: str, spellings: tuple[str, ...]) -> None:
    test_variants_join_one_location(text, spellings)


# --- properties -----------------------------------------------------------------------------
_PIECES = st.sampled_from(
    ["Syria", "the towns of Zabdin and Qarwa", " in ", "DEIR AL-ZOR", "Jordan Peterson", ". ",
     "eastern Iraq", "\n\n", "US-backed", "Ḩalab", "the Nile River", ", ", "é", "al-", "Mr. "]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=25))
def test_mentions_index_the_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for location in _locations(text):
        for mention in location.mentions:
            assert text[mention.start : mention.end] == mention.text


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), st.sampled_from(["ßT", "MTT", "Sste", "FFT al-"])))
def test_normalisation_is_idempotent(name: str) -> None:
    assert normalize(normalize(name)) == normalize(name)


# --- data files -----------------------------------------------------------------------------
def test_gazetteer_rebuild_reproduces_the_file() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "build_gazetteer.py"))
    committed = (LEXICONS / GAZETTEER_FILE).read_text(encoding="utf-8")
    if f"# sources: {script['SOURCE_VERSIONS']}\n" not in committed:
        pytest.skip(f"built from other package versions than {script['SOURCE_VERSIONS']}")
    assert script["render"]() == committed


@pytest.mark.parametrize(
    "name", ["loc_stopwords.txt", "geo_country_aliases.tsv", "geo_features.tsv", GAZETTEER_FILE]
)
def test_lexicon_format(name: str) -> None:
    entries = load_lines(name)
    assert list(entries) == sorted(set(entries))
    assert all(unicodedata.is_normalized("NFC", e) and e == e.strip() for e in entries)


def test_gazetteer_cache_clears() -> None:
    first = gazetteer()
    clear_caches()
    assert gazetteer() is not first
    assert "syria" in gazetteer()


def test_capitalised_keywords_are_found_by_one_pass() -> None:
    """The pass over the capitalised keywords (no two matches overlap) misses none the text
    holds: no keyword opens another, none holds a capital or hyphen after its first letter."""
    rare = locations_module._RARE_KEYWORDS
    assert not [(a, b) for a in rare for b in rare if a != b and b.startswith(a)]
    assert not [k for k in rare if any(c.isupper() or c == "-" for c in k[1:])]


_SUFFIXES = locations_module._CAP_SUFFIX_RE.replace("[ \\t]", " ").replace(
    "Islands?", "Island|Islands"
)
_PREFIXES = locations_module._CAP_PREFIX_RE.replace("[ \\t]", " ").replace("\\.", ".")
_RULE_EXAMPLES = [
    *(f"the {noun} of Hajin and Susa" for noun in ("towns", "village", "villages", "cities",
      "city", "province", "governorates", "district", "regions", "neighbourhoods",
      "neighborhood", "suburbs", "town", "provinces", "suburb", "region")),
    *(f"near the Hajin {suffix} now" for suffix in _SUFFIXES.split("|")),
    *(f"the {prefix} Hajin" for prefix in _PREFIXES.split("|")),
    *(f"Kafr Nabl {noun} was hit" for noun in locations_module._PLACE_NOUN_RE.split("|")),
    *(f"in Hajin, a {noun} near" for noun in ("town", "village", "city", "district", "suburb",
      "area", "region", "province", "neighbourhood", "neighborhood")),
    *(f"rebel{held} Douma" for held in ("-held", "-controlled", "-besieged", "-occupied", "-run")),
    "fighting in Hajin, Syria", "fighting in Hajin,\tal-Sham", "to Hajin,Ürümqi",
]  # fmt: skip


@pytest.mark.parametrize("text", _RULE_EXAMPLES)
def test_context_matches_hold_a_keyword(text: str) -> None:
    """A context rule is skipped where none of its keywords stands, or its gate finds nothing."""
    matched = False
    for rule in locations_module._CONTEXT_RULES:
        for match in rule.pattern.finditer(text):
            matched = True
            assert not rule.keywords or any(k in match.group() for k in rule.keywords)
            assert rule.gate is None or rule.gate.search(match.group())
    assert matched


@pytest.mark.parametrize(
    "line", ["LONDON 1996-08-30", "GROZNY , Russia 1996-08-30", "DEIR AL-ZOR 2018-10-05  "]
)
def test_place_date_lines_hold_the_iso_gate(line: str) -> None:
    """An article is searched for place-and-date lines only where the gate finds the end of an
    ISO date, which every such line holds."""
    match = locations_module._PLACE_DATE_LINE_PATTERN.match(line)
    assert match is not None
    assert locations_module._ISO_DATE_PATTERN.search(match.group())


_RANGE_TEXT = (
    "The towns of Hajin and Susa.\n\nRebel-held Douma lies near the Tigris River and the "
    "city.\n\nA camp by Changi Airport, in the district, a town, Syria, al-Sham,,  Idlib,\t"
    "ez-Zor , Raqqa,"
)


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 28), (30, 85), (87, len(_RANGE_TEXT))],
        [(0, 10), (10, 60), (60, len(_RANGE_TEXT))],  # keywords cut by a range's end
        [(0, 60), (20, 90), (5, len(_RANGE_TEXT))],  # overlapping, out of order
        # gates cut by a range's end or start, at every position of the commas
        *([(0, n), (n, len(_RANGE_TEXT))] for n in range(110, len(_RANGE_TEXT))),
        [],
    ],
)
def test_rules_by_range_match_a_search_per_range(ranges: list[tuple[int, int]]) -> None:
    """Each range gets, in rule order, the rules without keywords whose gate (if any) finds a
    match in the range, and those with a keyword that the range holds wholly: what looking for
    each gate and keyword in each range finds."""
    expected = [
        [
            rule
            for rule in locations_module._CONTEXT_RULES
            if (
                not rule.keywords
                and (rule.gate is None or rule.gate.search(_RANGE_TEXT, s, e) is not None)
            )
            or (rule.keywords and any(_RANGE_TEXT.find(k, s, e) >= 0 for k in rule.keywords))
        ]
        for s, e in ranges
    ]
    assert locations_module._rules_by_range(_RANGE_TEXT, ranges) == expected


def test_lower_case_letters_are_no_capitals_or_digits() -> None:
    """``_score_follows`` skips the score pattern when a lower-case letter follows the blank:
    no character that ``str.islower`` calls lower-case is a capital or a digit to ``regex``."""
    lower = "".join(c for c in map(chr, range(0x110000)) if c.islower())
    assert regex.search(r"[\p{Lu}\p{Nd}]", lower) is None


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("Barnsley 2", 8, True),
        ("Barnsley\t\t2-1", 8, True),
        ("Sheffield Wednesday 1", 9, True),
        ("Essex 532-8", 5, True),
        ("Syria and", 5, False),
        ("Syria, 2", 5, False),
        ("Syria", 5, False),
        ("Syria  2", 5, True),
        ("Syria 2:1", 5, False),
    ],
)
def test_score_follows_is_the_score_pattern(text: str, end: int, expected: bool) -> None:
    """The shortcut of ``_score_follows`` agrees with the score pattern."""
    assert locations_module._score_follows(text, end) is expected
    assert (locations_module._SCORE_PATTERN.match(text, end) is not None) is expected


def test_capitals_fold_to_a_word() -> None:
    """``_scan`` reads a capitalised word's own key without checking that it folds to at least
    one word: every capital letter does (and so does every word it opens)."""
    capitals = regex.findall(r"\p{Lu}", "".join(map(chr, range(0x110000))))
    assert len(capitals) > 1000
    assert all(normalize_words(c) for c in capitals)


def test_connectors_are_ascii_lower_case() -> None:
    """The run pattern looks ahead for a capital or an ASCII lower-case letter after a gap
    before trying the connectors: each of them opens with one."""
    assert all(regex.match(r"[a-z]", c) for c in locations_module._CONNECTORS)


def test_sentence_facts_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a sentence is in capitals is computed once per sentence, not per name in it (a
    long sentence in capitals with many names stays linear)."""
    calls: list[tuple[int, int]] = []
    is_caps = locations_module._is_caps

    def counted(text: str, start: int, end: int) -> bool:
        calls.append((start, end))
        return is_caps(text, start, end)

    monkeypatch.setattr(locations_module, "_is_caps", counted)
    text = "x " + "SYRIA AND IRAQ AND " * 50
    locations = extract_locations(segment(text, parse_layout(text)), organizations=[])
    assert {loc.name for loc in locations} == {"Syria", "Iraq"}
    assert len(calls) == len(set(calls)) == 1


# Pieces of runs of capitalised words and what stands around them; every one is plain (no
# letter, mark, digit or word character outside ASCII).
_RUN_PIECES = [
    "Syria", "SYRIA", "Deir", "ez", "Zor", "al", "Dar", "es", "Salaam", "de", "la", "of", "the",
    "upon", "Stratford", "St", "St.", "st.", "Mt.", "Ste.", "ste.", "Ft.", "East.", "U.S.",
    "A.B", "X", "x", "O'Brien", "O’Brien", "Foo's", "Foo’s", "'s", "’s", "S", "s", "2", "x9",
    "_", "²", "½", "?", "“", "”", "—", "€",
]  # fmt: skip
_RUN_GAPS = [" ", "  ", "   ", "\t", "\u00a0", "-", "‐", "‑", ".", ". ", ", ", "", "\n", "'", "’"]
_PLAIN_RUN_TEXTS = st.one_of(
    st.lists(st.sampled_from(_RUN_PIECES) | st.sampled_from(_RUN_GAPS), max_size=30).map("".join),
    st.lists(st.sampled_from(_RUN_PIECES), max_size=20).map(" ".join),
    st.text(alphabet=st.characters(max_codepoint=127) | st.sampled_from("’\u00a0‐‑“—²")),
)


@settings(max_examples=1000, deadline=None)
@given(_PLAIN_RUN_TEXTS, st.integers(0, 40), st.integers(0, 60))
def test_plain_run_pattern(text: str, start: int, length: int) -> None:
    """On the plain view of a plain text, the stdlib form of the run pattern finds the runs
    the run pattern finds, one word or more alike, and the run pattern matches each at its start."""
    m = locations_module
    view = m._plain_view(text)
    assert view is not None
    assert len(view) == len(text)
    start = min(start, len(text))
    end = min(start + length, len(text))
    runs = [(r.span(), r.lastgroup) for r in m._run_pattern().finditer(text, start, end)]
    plain = [(r.span(), r.lastgroup) for r in m._PLAIN_RUN_PATTERN.finditer(view, start, end)]
    assert plain == runs
    for (run_start, run_end), _ in plain:
        again = m._run_pattern().match(text, run_start, end)
        assert again is not None
        assert again.span() == (run_start, run_end)


@pytest.mark.parametrize("text", ["Zürich", "x\u0301", "٣", "Ⅻ", "‿", "ʼ", "ﬆ.", "ſt."])
def test_not_plain(text: str) -> None:
    """A letter, mark, digit or word character outside ASCII: the run pattern itself is read."""
    assert locations_module._plain_view(f"Syria {text}") is None


@settings(max_examples=1000, deadline=None)
@given(_PLAIN_RUN_TEXTS, st.integers(0, 40), st.integers(0, 60))
def test_plain_run_tokens(text: str, start: int, length: int) -> None:
    """_plain_run_words reads in a run of the plain view the words and connectors the run
    pattern captures, at the same places."""
    m = locations_module
    view = m._plain_view(text)
    assert view is not None
    start = min(start, len(text))
    end = min(start + length, len(text))
    for run in m._run_pattern().finditer(text, start, end):
        words, spans = m._plain_run_words(text, view, *run.span(), end)
        assert spans == run.spans("first") + run.spans("token")
        assert words == run.captures("first") + run.captures("token")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["border", "list_of", "cap_suffix"]), st.integers(0, 60)),
        max_size=30,
    ),
    st.integers(0, 70),
    st.integers(1, 8),
)
def test_taken_spans_overlap_as_one_list(
    adds: list[tuple[str, int]], start: int, length: int
) -> None:
    """_Taken, one list of spans per source, answers the overlap test as one list of all the
    spans would: a span is added only where it overlaps none held, as _context does."""
    taken, every = locations_module._Taken(), locations_module._Spans()
    for source, at in adds:
        if not taken.overlaps(at, at + 3):
            assert not every.overlaps(at, at + 3)
            taken.add(source, at, at + 3)
            every.add(at, at + 3)
    assert taken.overlaps(start, start + length) == every.overlaps(start, start + length)
