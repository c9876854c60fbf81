"""Properties that hold for any text: total, faithful offsets, JSON round-trip, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from articlemodel import Article, InvalidTextError, parse_article
from tests.strategies import any_text

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(text: str) -> Article | None:
    try:
        return parse_article(text, published="2018-06-05")
    except InvalidTextError:
        # The only refusal allowed: text with nothing in it, or that no UTF-8 can carry.
        assert not text.strip() or any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return None


@_SETTINGS
@given(any_text)
def test_never_raises_and_round_trips(text: str) -> None:
    article = _parse(text)
    if article is not None:
        assert article.text == text
        assert Article.model_validate_json(article.model_dump_json()) == article


@_SETTINGS
@given(any_text)
def test_every_offset_slices_back(text: str) -> None:
    article = _parse(text)
    if article is None:
        return
    mentions = [article.headline, article.standfirst, *article.paragraphs]
    for entities in (article.organizations, article.locations, article.people):
        mentions += [m for entity in entities for m in entity.mentions]
    mentions += [q.speaker_mention for q in article.quotes] + [q.cue for q in article.quotes]
    for mention in mentions:
        if mention is not None:
            assert text[mention.start : mention.end] == mention.text
    spans: list[tuple[str, int, int]] = [(q.text, q.start, q.end) for q in article.quotes]
    spans += [(d.text, d.start, d.end) for d in article.dates]
    for span_text, start, end in spans:
        assert text[start:end] == span_text


@_SETTINGS
@given(any_text)
def test_same_input_same_output(text: str) -> None:
    first = _parse(text)
    second = _parse(text)
    assert first == second
