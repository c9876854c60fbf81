"""Golden files: each seed article against its expected Article JSON.

After an intended change, regenerate with ``pytest tests/test_golden.py --regen-golden`` and
review the diff of ``seeds/*.json`` before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlemodel import Article, parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Publication dates of the seeds, which the text alone does not give.
PUBLISHED = {"kurdistan24-sdf-resume-offensive": "2018-06-05"}


@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_seed_matches_golden(name: str, regen_golden: bool) -> None:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    article = parse_article(text, published=PUBLISHED.get(name))
    golden = SEEDS / f"{name}.json"
    produced = article.model_dump(mode="json")
    if regen_golden:
        golden.write_text(
            json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert Article.model_validate(expected) == article
    assert produced == expected


def test_sample_layout_facts(sample_path: Path) -> None:
    article = parse_article(sample_path.read_text(encoding="utf-8"), published="2018-06-05")
    assert article.headline is not None
    assert article.headline.text == "US-backed Syrian forces resume offensive against Islamic State"
    assert article.standfirst is not None
    assert article.standfirst.text.startswith("The SDF announced in an online statement")
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.source) == ("DEIR AL-ZOR", "Kurdistan 24")
    assert len(article.paragraphs) == 13
    assert [(c.role, c.names) for c in article.credits] == [("editing", ("Karzan Sulaivany",))]
