"""parse_article from several threads gives what it gives in one.

The extractors keep per-thread and per-call state (the dates finder's last Document, the
quotes cue index); this holds them to it: texts that take different paths (a date from the
text or from the caller, a character that sends dates to its full-case-folding patterns),
parsed many times over, interleaved across threads.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from articlemodel import parse_article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "kurdistan24-sdf-resume-offensive.txt"
TEXTS: list[tuple[str, str | None]] = [
    (SEED.read_text(encoding="utf-8"), "2018-06-05"),
    (SEED.read_text(encoding="utf-8"), None),
    (
        "Talks resume in Geneva\n\nGENEVA, March 3 (Reuters) - Negotiators met on Tuesday, two "
        "weeks after talks broke down, the United Nations said. “We are hopeful,” said envoy "
        "Maria Lopez, a spokeswoman for the U.N. Office in Geneva.",
        None,
    ),
    (
        "Straße closed\n\nBERLIN (AP) — The Hauptstraße will stay closed until next Friday, "
        "the city's transport office said on Monday. Police chief Jan Weiß said the work "
        "would take three weeks.",
        "2021-09-14",
    ),
]


def _parse(index: int) -> str:
    text, published = TEXTS[index % len(TEXTS)]
    return parse_article(text, published=published).model_dump_json()


def test_threads_give_the_single_thread_result() -> None:
    expected = [_parse(i) for i in range(len(TEXTS))]
    jobs = list(range(len(TEXTS))) * 25
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, inside every parse
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(_parse, jobs))
    finally:
        sys.setswitchinterval(interval)
    for index, result in zip(jobs, results, strict=True):
        assert result == expected[index % len(TEXTS)]
    assert len({*expected}) == len(TEXTS)  # the texts really differ in what they give
