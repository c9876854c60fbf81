"""People (placeholder until the people extractor lands)."""

from __future__ import annotations

from collections.abc import Sequence

from articlemodel.models import Location, Organization, Person
from articlemodel.segment import Document

__all__ = ["extract_people"]


def extract_people(
    doc: Document, *, organizations: Sequence[Organization], locations: Sequence[Location]
) -> list[Person]:
    """Every person ``doc`` names, with role, affiliation and all mentions."""
    return []
