"""Everything a person reads comes from one catalogue, Chinese by default: every code the
package raises has its entry, every entry renders in both languages, and under the default
language no finding or error message over the corpus, the hostile cases and the bad inputs
holds an English sentence."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gipextract import GipExtractError, Limits, parse
from gipextract.messages import ERRORS, FINDINGS, render, render_error
from gipextract.messages.phrases import PHRASES
from gipextract.messages.ui import UI
from conftest import CORPUS, ROOT, reading

# Three Latin words in a row: a sentence, not a code, a key, a path or a product name.
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,}){2,}")
READ_FORMATS = {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc"}


def english(text: str) -> list[str]:
    """The English sentences in ``text``."""
    return ENGLISH.findall(text)


def test_the_detector_sees_a_sentence_and_not_a_setting() -> None:
    assert english("reading took longer than 30 s") and english("no such file")
    assert not english("读取时间超过 30 秒（Limits.max_seconds）") and not english("pip install 'gipextract[ocr]'")
    assert not english("请先用 WPS 或 Word“另存为 .docx”，或用 `soffice --headless --convert-to docx 文件`转换")


def test_no_chinese_template_holds_an_english_sentence() -> None:
    zh = [(f"finding {k}", e.zh) for k, e in FINDINGS.items()] + [(f"error {k}", e["zh"]) for k, e in ERRORS.items()]
    zh += [(f"phrase {k}", e["zh"]) for k, e in PHRASES.items()] + [(f"ui {k}", e["zh"]) for k, e in UI.items()]
    assert [(name, english(text)) for name, text in zh if english(text)] == []


def _calls(name: str) -> list[tuple[str, ast.Call]]:
    out = []
    for path in (ROOT / "gipextract").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func.id if isinstance(node.func, ast.Name) else \
                    node.func.attr if isinstance(node.func, ast.Attribute) else ""
                if re.fullmatch(name, func):
                    out.append((str(path.relative_to(ROOT)), node))
    return out


def _constant(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_code_the_package_names_has_its_entry() -> None:
    errors = {(p, _constant(c.args[1])) for p, c in _calls(r"\w+Error") if len(c.args) >= 2 and _constant(c.args[1])}
    assert errors, "the scan finds the raise sites"
    assert sorted((p, code) for p, code in errors if code not in ERRORS) == []
    findings = {(p, _constant(c.args[0])) for p, c in _calls("finding") if c.args and _constant(c.args[0])}
    assert len(findings) > 30
    assert sorted((p, code) for p, code in findings if code not in FINDINGS) == []
    lines = {(p, _constant(c.args[0])) for p, c in _calls("say") if c.args and _constant(c.args[0])}
    assert sorted((p, key) for p, key in lines if key not in UI) == []


def _documents() -> list[Path]:
    return [p for p in sorted(CORPUS.rglob("*")) if p.suffix in READ_FORMATS and "scans" not in p.parts]


@pytest.fixture(scope="module")
def corpus_readings() -> list[tuple[Path, object]]:
    return [(path, reading(path)) for path in _documents()]  # read once a session (conftest)


def test_corpus_findings_render_in_both_languages_without_english_in_chinese(corpus_readings: list) -> None:
    seen: set[str] = set()
    bad = []
    for path, got in corpus_readings:
        if isinstance(got, GipExtractError):
            continue
        for f in got.findings:  # type: ignore[attr-defined]
            seen.add(f.code)
            zh = render(f.code, f.args, "zh", cells=f.cells, template_id=got.template, strict=True)  # type: ignore[attr-defined]
            render(f.code, f.args, "en", cells=f.cells, template_id=got.template, strict=True)  # type: ignore[attr-defined]
            if english(zh):
                bad.append((path.name, f.code, english(zh)))
    assert bad == []
    assert len(seen) >= 25  # the corpus exercises most codes


def test_corpus_errors_are_chinese(corpus_readings: list) -> None:
    errors = [(path.name, e) for path, e in corpus_readings if isinstance(e, GipExtractError)]
    assert errors  # the corpus holds pages without tables, legacy files …
    for name, e in errors:
        render_error(e.code, e.params, "en", strict=True)
        assert not english(render_error(e.code, e.params, "zh", strict=True)), (name, e.reason)


def _bad_inputs(tmp_path: Path) -> list[tuple[str, object, dict]]:
    fifo = tmp_path / "fifo.txt"
    import os

    os.mkfifo(fifo)
    return [
        ("missing", tmp_path / "nope.txt", {}), ("folder", tmp_path, {}), ("fifo", fifo, {}),
        ("empty", b"  \n", {}), ("binary", bytes(range(256)) * 40, {}),
        ("legacy", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, {}),
        ("picture", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, {}), ("zip", b"PK\x03\x04" + b"\x00" * 100, {}),
        ("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<", {}), ("news", "今天天气很好。".encode(), {}),
        ("docx", b"PK\x03\x04" + b"\x00" * 100, {"format": "docx"}), ("html", b"<html><body></body></html>", {}),
        ("large", CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt", {"limits": Limits(max_bytes=100)}),
        ("chars", CORPUS / "seeds" / "000_c5799cdcd1c8417a.txt", {"limits": Limits(max_chars=100)}),
        ("pages", CORPUS / "pdf" / "01-seed000-plain.pdf", {"limits": Limits(max_pages=0)}),
        ("blank form", "\n".join(["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发件数",
                                   "三、收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量"]).encode(), {}),
        ("older", "某某县2015年政府信息公开工作年度报告\n一、概述".encode(), {}),
    ]


def test_bad_inputs_are_explained_in_chinese(tmp_path: Path) -> None:
    seen = set()
    for label, source, kw in _bad_inputs(tmp_path):
        with pytest.raises(GipExtractError) as info:
            parse(source, name=None if isinstance(source, Path) else f"{label}.bin", **kw)  # type: ignore[arg-type]
        e = info.value
        seen.add(e.code)
        assert e.reason and not english(e.reason), (label, e.reason)
        assert e.message("en") and e.code in ERRORS, label
    assert len(seen) >= 12


# The hostile cases (tests/hostile.py) are each read in a process of their own by
# test_hostile.py::test_hostile_input_ends_cleanly, which holds their messages to ``english``.
