"""Quotes (placeholder until the quotes extractor lands)."""

from __future__ import annotations

from collections.abc import Sequence

from articlemodel.models import Organization, Person, Quote
from articlemodel.segment import Document

__all__ = ["extract_quotes"]


def extract_quotes(
    doc: Document, *, people: Sequence[Person], organizations: Sequence[Organization]
) -> list[Quote]:
    """Every direct, mixed and indirect quote in ``doc``, with its speaker."""
    return []
