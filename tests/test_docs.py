"""Every fenced code block in docs/ runs as written: ``console`` blocks are run and each line
they show must appear in the real output; ``python`` blocks are executed (a file's blocks in
order, in one process); any other block must be marked ``no-run``."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md"))
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```", re.S | re.M)


def blocks(path: Path) -> list[tuple[str, str]]:
    """(info string, body) of each fenced block."""
    return [(m.group(1).strip(), m.group(2)) for m in FENCE.finditer(path.read_text(encoding="utf-8"))]


def test_every_block_is_runnable_or_marked() -> None:
    for doc in DOCS:
        for info, _ in blocks(doc):
            assert info in ("python", "console") or "no-run" in info.split(), f"{doc.name}: ``` {info}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_console_blocks_show_real_output(doc: Path) -> None:
    for info, body in blocks(doc):
        if info != "console":
            continue
        for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
            command, *shown = chunk.rstrip("\n").split("\n")
            cmd = re.sub(r"^gipextract ", f"{sys.executable} -m gipextract ", command)
            out = subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT, timeout=300)
            real = out.stdout + out.stderr
            assert out.returncode in (0, 1), (command, real)
            for line in shown:
                if line.strip():
                    assert line.rstrip() in real, (command, line)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_python_blocks_run(doc: Path) -> None:
    code = "\n\n".join(body for info, body in blocks(doc) if info == "python")
    if not code:
        pytest.skip("no python blocks")
    if "dask" in code:
        pytest.importorskip("distributed")
    for info, body in blocks(doc):  # the files the python blocks read are made by the console blocks
        if info == "console":
            for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
                cmd = re.sub(r"^gipextract ", f"{sys.executable} -m gipextract ", chunk.split("\n")[0])
                subprocess.run(cmd, shell=True, capture_output=True, cwd=ROOT, timeout=300)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]


def test_no_indented_code_blocks_outside_fences() -> None:
    # An indented block is a code block too, and would escape the checks above.
    for doc in DOCS:
        text = FENCE.sub("", doc.read_text(encoding="utf-8"))
        prev = ""
        for line in text.splitlines():
            assert not (line.startswith("    ") and line.strip() and not prev.strip()), (doc.name, line)
            prev = line
