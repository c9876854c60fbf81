"""Hypothesis strategies: article-like text, with the characters that break parsers."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces news text is made of, and the odd ones that break naive parsers.
_PIECES = [
    "said", "told Reuters", "according to", "he", "she", "The", "Army", "Ministry", "(SDF)", "SDF",
    "Syria", "Deir al-Zor", "on Monday", "two weeks ago", "last month", "June 4, 2018", "May",
    "LONDON (Reuters) -", "BEIRUT:", "Editing by Jo Roe", "Reporting by A B;", "[IS]", "[IS’]",
    "“", "”", '"', "«", "»", "‘", "’", "'", "(", ")", "–", "—", "-", ".", ",", ":", ";", "?",
    "\n", "\n\n", "\r\n", "\u00a0", " ", "U.S.", "Gen.", "Mr", "al-", "2018", "1990s", "P2W",
]  # fmt: skip

article_like = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(min_size=1, max_size=12)), min_size=1, max_size=60
).map(" ".join)

any_text = st.one_of(article_like, st.text(max_size=400))
