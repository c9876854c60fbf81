"""Time expressions (placeholder until the dates extractor lands)."""

from __future__ import annotations

import datetime

from articlemodel.models import DateExpression, Dateline, PublishedSource
from articlemodel.segment import Document

__all__ = ["extract_dates", "find_published", "resolve_dateline"]


def find_published(doc: Document) -> tuple[datetime.date, PublishedSource] | None:
    """The publication date the text itself gives, and where it came from."""
    dateline = doc.layout.dateline
    if dateline is not None and dateline.date is not None:
        return dateline.date, "dateline"
    return None


def resolve_dateline(dateline: Dateline, reference: datetime.date | None) -> Dateline:
    """The dateline with its date resolved against ``reference`` when its year is missing."""
    return dateline


def extract_dates(doc: Document, *, reference: datetime.date | None) -> list[DateExpression]:
    """Every time expression in ``doc``, resolved against ``reference``."""
    return []
