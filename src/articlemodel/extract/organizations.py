"""Organizations (placeholder until the organizations extractor lands)."""

from __future__ import annotations

from articlemodel.models import Organization
from articlemodel.segment import Document

__all__ = ["extract_organizations"]


def extract_organizations(doc: Document) -> list[Organization]:
    """Every organization ``doc`` names, with all its mentions."""
    return []
