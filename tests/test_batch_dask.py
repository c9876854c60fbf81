"""articlemodel.cluster: parse_record for any engine; parse_bag on a local Dask cluster.

The cluster test starts two worker processes (about 5 s); it is skipped only when Dask is not
installed (``pip install 'articlemodel[dask]'``). Nothing here is timed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlemodel import Article, parse_article
from articlemodel.batch import BadRecord
from articlemodel.cluster import load_jsonl_line, parse_record

WIRE = "Storm hits coast\n\nMIAMI (AP) — A storm hit the coast on Monday, officials said.\n"
AFP = "Talks resume\n\nGENEVA (AFP) - Negotiators returned on Tuesday, a diplomat said.\n"

LINES = [
    pytest.param('{"id": 1, "text": "x"}', {"id": 1, "text": "x"}, id="object"),
    pytest.param("{oops", "bad JSON line", id="bad-json"),
    pytest.param('"text"', "expected a JSON object", id="not-an-object"),
]


@pytest.mark.parametrize(("line", "expected"), LINES)
def test_load_jsonl_line(line: str, expected: object) -> None:
    record = load_jsonl_line(line)
    if isinstance(expected, str):
        assert isinstance(record, BadRecord)
        assert expected in record.message
    else:
        assert record == expected


def test_parse_record_shapes() -> None:
    ok = parse_record({"id": "w", "text": WIRE, "url": "u"})
    assert ok["id"] == "w"
    assert ok["metadata"] == {"url": "u"}
    assert Article.model_validate(ok["article"]) == parse_article(WIRE)
    failed = parse_record({"id": "e", "text": ""})
    assert set(failed) == {"id", "error"}
    assert "is empty" in failed["error"]
    assert json.loads(json.dumps(ok)) == ok


def test_parse_jsonl_files_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    from articlemodel.cluster import parse_jsonl_files

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": f"d{i}", "text": (WIRE, AFP)[i % 2], "n": i} for i in range(40)]
    for part in range(2):
        lines = [json.dumps(r) for r in records[part * 20 : (part + 1) * 20]]
        if part == 1:
            lines.insert(3, "{not json")
        (corpus / f"{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        names = parse_jsonl_files(str(corpus / "*.jsonl"), str(tmp_path / "out"), blocksize=None)

    assert len(names) == 2
    out = [
        json.loads(line)
        for name in sorted(names)
        for line in Path(name).read_text(encoding="utf-8").splitlines()
    ]
    parsed = [r for r in out if "article" in r]
    failed = [r for r in out if "error" in r]
    assert [r["id"] for r in parsed] == [f"d{i}" for i in range(40)]
    assert [r["metadata"]["n"] for r in parsed] == list(range(40))
    assert Article.model_validate(parsed[0]["article"]) == parse_article(WIRE)
    assert len(failed) == 1
    assert "bad JSON line" in failed[0]["error"]


def test_the_package_imports_without_dask() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None\n"
        "import articlemodel, articlemodel.cluster\n"
        "print(articlemodel.cluster.parse_record('Headline\\n\\nBody text here.')['id'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"
