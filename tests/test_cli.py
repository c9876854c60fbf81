"""The command line: good and bad paths of parse, validate and schema, run as a user runs them.

Most cases run the console script in a subprocess (as the issue asks); a few run main() in
process for speed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articlemodel.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "kurdistan24-sdf-resume-offensive.txt"


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [sys.executable, "-m", "articlemodel", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def _one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("articlemodel: error:")
    assert fragment in lines[0]


def test_parse_sample(tmp_path: Path) -> None:
    result = _run("parse", str(SAMPLE), "--published", "2018-06-05")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["dateline"]["place"] == "DEIR AL-ZOR"
    assert data["dateline"]["source"] == "Kurdistan 24"
    assert len(data["paragraphs"]) == 13
    assert data["credits"][0]["names"] == ["Karzan Sulaivany"]
    assert data["published"] == "2018-06-05"


def test_parse_stdin_one_line_json() -> None:
    result = _run("parse", "-", "--indent", "0", stdin=b"Head\n\nBody text.")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1
    assert json.loads(result.stdout)["headline"]["text"] == "Head"


BAD_PARSE = [
    pytest.param(["parse", "/no/such/file.txt"], None, "no such file", id="missing-file"),
    pytest.param(["parse", "-"], b"", "empty", id="empty-stdin"),
    pytest.param(["parse", "-"], b"\xff\xfe\xfa", "not UTF-8", id="binary-stdin"),
    pytest.param(
        ["parse", str(SAMPLE), "--published", "June 5th"], None, "--published", id="bad-published"
    ),
    pytest.param(["parse", str(SAMPLE.parent)], None, "directory", id="directory"),
]


@pytest.mark.parametrize(("args", "stdin", "fragment"), BAD_PARSE)
def test_parse_bad_input(args: list[str], stdin: bytes | None, fragment: str) -> None:
    _one_line_error(_run(*args, stdin=stdin), fragment)


def test_validate_good_and_bad(tmp_path: Path) -> None:
    parsed = _run("parse", str(SAMPLE), "--published", "2018-06-05")
    good = tmp_path / "good.json"
    good.write_text(parsed.stdout, encoding="utf-8")
    data = json.loads(parsed.stdout)
    data["paragraphs"][2]["start"] += 3
    data["paragraphs"][2]["end"] += 3
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")

    ok = _run("validate", str(good))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == f"{good}: ok"

    result = _run("validate", str(good), str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{bad}: paragraphs.2: " in result.stderr
    assert "[mention_text_mismatch]" in result.stderr
    assert "1 of 2 files invalid" in result.stderr


BAD_VALIDATE = [
    pytest.param("{not json", "json_invalid", id="malformed-json"),
    pytest.param('{"headline": null}', "text: Field required", id="missing-text"),
    pytest.param("[]", "model_type", id="not-an-object"),
]


@pytest.mark.parametrize(("content", "fragment"), BAD_VALIDATE)
def test_validate_bad_json(
    tmp_path: Path, content: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "article.json"
    path.write_text(content, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert fragment in capsys.readouterr().err


def test_validate_missing_and_binary_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    assert main(["validate", str(tmp_path / "missing.json"), str(binary)]) == 1
    err = capsys.readouterr().err
    assert "missing.json: no such file" in err
    assert "binary.json: is not UTF-8" in err
    assert "Traceback" not in err


def test_schema_prints_article_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--indent", "0"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Article"
    assert "quotes" in schema["properties"]


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_console_script_runs() -> None:
    script = Path(sys.executable).parent / "articlemodel"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("articlemodel ")


def test_parse_failure_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A parser failing on a text (a bug) is one line and exit 1, not a traceback."""
    from articlemodel import pipeline

    def failing(*args: object, **kwargs: object) -> object:
        raise KeyError("seconds")

    monkeypatch.setattr(pipeline, "extract_dates", failing)
    assert main(["parse", str(SAMPLE)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("articlemodel: error: parsing failed (KeyError: 'seconds')")
