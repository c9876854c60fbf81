"""Locations (placeholder until the locations extractor lands)."""

from __future__ import annotations

from collections.abc import Sequence

from articlemodel.models import Location, Organization
from articlemodel.segment import Document

__all__ = ["extract_locations"]


def extract_locations(
    doc: Document, *, organizations: Sequence[Organization]
) -> list[Location]:
    """Every place ``doc`` names, with all its mentions; spans of organizations are skipped."""
    return []
