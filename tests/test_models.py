"""Model invariants: each one broken once, through JSON, as a user's stored file would break it.

Rows are (case id, a change to a valid article's JSON, the error type, the JSON path, a piece of
the message). The base article is built by hand so these tests do not depend on the parsers.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from articlemodel import Article, Mention

TEXT = (
    "Rebels seize town\n\n"
    "ALEPPO (Reuters) - Rebels seized the town of Foo on Monday, "
    "the Free Army (FA) said. “We hold it,” said Ali Omar, a spokesman for the FA.\n\n"
    "Editing by Jo Roe"
)


def _span(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle)}


def _base() -> dict[str, Any]:
    quote = _span(TEXT, "We hold it,")
    date = _span(TEXT, "Monday")
    body_start = TEXT.index("ALEPPO")
    body_end = TEXT.index("\n\nEditing")
    return {
        "text": TEXT,
        "headline": _span(TEXT, "Rebels seize town"),
        "dateline": {
            "mention": _span(TEXT, "ALEPPO (Reuters) -"),
            "place": "ALEPPO",
            "location_id": "loc1",
            "source": "Reuters",
        },
        "published": "2018-06-05",
        "published_source": "caller",
        "paragraphs": [_span(TEXT, TEXT[body_start:body_end])],
        "credits": [{"role": "editing", "names": ["Jo Roe"], "mention": _span(TEXT, "Editing by Jo Roe")}],
        "organizations": [
            {
                "id": "org1",
                "name": "Free Army",
                "acronym": "FA",
                "kind": "armed_group",
                "mentions": [_span(TEXT, "Free Army"), _span(TEXT, "FA", 1)],
            }
        ],
        "locations": [
            {"id": "loc1", "name": "Aleppo", "kind": "city", "country": "SY", "mentions": [_span(TEXT, "ALEPPO")]}
        ],
        "people": [
            {"id": "per1", "name": "Ali Omar", "role": "a spokesman for the FA", "affiliation_id": "org1",
             "mentions": [_span(TEXT, "Ali Omar")]},
        ],
        "quotes": [
            {"id": "q1", **quote, "kind": "direct", "speaker": "Ali Omar", "speaker_id": "per1",
             "speaker_mention": _span(TEXT, "Ali Omar"), "cue": _span(TEXT, "said", 1), "paragraph": 0},
        ],
        "dates": [
            {"id": "date1", **date, "value": "2018-06-04", "kind": "date", "granularity": "day",
             "date": "2018-06-04"},
        ],
    }  # fmt: skip


Change = Callable[[dict[str, Any]], None]


def _set(path: tuple[str | int, ...], value: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _append(path: tuple[str | int, ...], value: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path:
            target = target[key]
        target.append(value)

    return change


def _shifted_headline(data: dict[str, Any]) -> None:
    data["headline"]["start"] += 1
    data["headline"]["end"] += 1


# Each invariant broken once: (id, change, error type, JSON path, message fragment).
INVARIANTS: list[tuple[str, Change, str, str, str]] = [
    ("headline shifted", _shifted_headline, "mention_text_mismatch", "headline", "does not match"),
    ("mention past end", _set(("paragraphs", 0, "end"), len(TEXT) + 5), "mention_length_mismatch",
     "paragraphs.0", "characters"),
    ("mention out of range", _set(("credits", 0, "mention"), {"text": "xy", "start": len(TEXT), "end": len(TEXT) + 2}),
     "mention_out_of_range", "credits.0.mention", "past the end"),
    ("reversed span", _set(("headline",), {"text": "", "start": 5, "end": 3}), "mention_span_reversed",
     "headline", "before start"),
    ("quote text wrong", _set(("quotes", 0, "text"), "We held it,"), "mention_text_mismatch", "quotes.0.text",
     "We held it"),
    ("speaker mention wrong", _set(("quotes", 0, "speaker_mention"), {"text": "Ali Omer", "start": 0, "end": 8}),
     "mention_text_mismatch", "quotes.0.speaker_mention", "Ali Omer"),
    ("cue wrong", _set(("quotes", 0, "cue"), {"text": "said", "start": 0, "end": 4}), "mention_text_mismatch",
     "quotes.0.cue", "said"),
    ("date span wrong", _set(("dates", 0, "start"), 3), "mention_text_mismatch", "dates.0.text", "Monday"),
    ("org mention wrong", _set(("organizations", 0, "mentions", 1), {"text": "FA", "start": 0, "end": 2}),
     "mention_text_mismatch", "organizations.0.mentions.1", "FA"),
    ("duplicate id", _set(("locations", 0, "id"), "org1"), "duplicate_id", "locations.0.id", "already used"),
    ("unknown speaker id", _set(("quotes", 0, "speaker_id"), "per9"), "unknown_reference", "quotes.0.speaker_id",
     "per9"),
    ("speaker id is a place", _set(("quotes", 0, "speaker_id"), "loc1"), "wrong_reference_kind",
     "quotes.0.speaker_id", "people or organizations"),
    ("affiliation unknown", _set(("people", 0, "affiliation_id"), "org7"), "unknown_reference",
     "people.0.affiliation_id", "org7"),
    ("dateline location unknown", _set(("dateline", "location_id"), "loc2"), "unknown_reference",
     "dateline.location_id", "loc2"),
    ("dateline place not its start", _set(("dateline", "place"), "BEIRUT"), "dateline_place_mismatch",
     "dateline.place", "BEIRUT"),
    ("paragraphs overlap", _append(("paragraphs",), _span(TEXT, "Rebels seized")), "paragraphs_out_of_order",
     "paragraphs.1", "before the previous"),
    ("quote paragraph missing", _set(("quotes", 0, "paragraph"), 4), "paragraph_out_of_range",
     "quotes.0.paragraph", "1 paragraphs"),
    ("published source without date", _set(("published",), None), "published_source_mismatch",
     "published_source", "exactly when"),
    ("extra field", _set(("sentiment",), 0.5), "extra_forbidden", "sentiment", "not permitted"),
    ("bad country code", _set(("locations", 0, "country"), "Syria"), "string_pattern_mismatch",
     "locations.0.country", "pattern"),
    ("bad quote kind", _set(("quotes", 0, "kind"), "paraphrase"), "literal_error", "quotes.0.kind", "direct"),
    ("bad id", _set(("people", 0, "id"), "Person 1"), "string_pattern_mismatch", "people.0.id", "pattern"),
    ("entity without mentions", _set(("people", 0, "mentions"), []), "too_short", "people.0.mentions", "at least 1"),
    ("latitude out of range", _set(("locations", 0, "latitude"), 123.0), "less_than_equal", "locations.0.latitude",
     "90"),
]  # fmt: skip


def test_base_article_is_valid() -> None:
    article = Article.model_validate_json(json.dumps(_base()))
    assert article.quotes[0].speaker_id == "per1"
    assert article.text[article.quotes[0].start : article.quotes[0].end] == "We hold it,"


@pytest.mark.parametrize(
    ("change", "error_type", "path", "fragment"),
    [pytest.param(*row[1:], id=row[0]) for row in INVARIANTS],
)
def test_each_invariant_names_its_json_path(
    change: Change, error_type: str, path: str, fragment: str
) -> None:
    data = copy.deepcopy(_base())
    change(data)
    with pytest.raises(ValidationError) as caught:
        Article.model_validate_json(json.dumps(data))
    found = {
        (e["type"], ".".join(str(p) for p in e["loc"])): e["msg"] for e in caught.value.errors()
    }
    assert (error_type, path) in found, found
    assert fragment in found[(error_type, path)]


def test_several_problems_are_all_reported() -> None:
    data = _base()
    data["quotes"][0]["speaker_id"] = "per9"
    data["dates"][0]["start"] = 3
    with pytest.raises(ValidationError) as caught:
        Article.model_validate_json(json.dumps(data))
    assert {".".join(map(str, e["loc"])) for e in caught.value.errors()} == {
        "quotes.0.speaker_id",
        "dates.0.text",
    }


def test_models_are_frozen() -> None:
    mention = Mention(text="abc", start=0, end=3)
    with pytest.raises(ValidationError, match="frozen"):
        mention.start = 1  # type: ignore[misc]


def test_round_trip_is_equal() -> None:
    article = Article.model_validate_json(json.dumps(_base()))
    assert Article.model_validate_json(article.model_dump_json()) == article
