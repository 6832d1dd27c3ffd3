"""What conversion tools made of corpus documents (corpus/toolout/, written by
corpus/tools/run_tools.py), and the peer-sample Markdown files, read against the expected JSON
of their sources: no silently wrong cell where that is reached, and no tool getting worse.

A cell is *right* when its status is ok/empty/inferred and its value is the truth (or it is
ambiguous where the source itself is); *flagged* when it is ambiguous/missing or no report
was read; *silently wrong* when it claims ok/empty/inferred with another value.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gipextract.errors import GipExtractError
from conftest import CORPUS, flat_cells, load_expected, parsed, same_value, shared_path

TOOLOUT = CORPUS / "toolout"
MANIFEST = json.loads((TOOLOUT / "manifest.json").read_text(encoding="utf-8"))

# tool -> (documents, cells right at least, silently wrong at most), measured with
# bench/tool_outputs.py: no tool may get worse, and none may claim a wrong cell.
# #24: a short pipe-table row that keeps some empty cells may owe them to the converter's
# column guess, so its readings without them stand beside (markitdown of sparse PDFs: 5
# silent cells fewer); where the source really had those empty cells, the rows are now
# ambiguous: trafilatura 4150 → 4134, markitdown 11313 → 11279 (18 of them: values on a pipe
# row apart from their text label, beside a bare label), pandoc-gfm 8936 → 8926,
# pymupdf4llm 2891 → 2880, html2text 4180 → 4166.
FLOOR = {
    "html2text": (21, 4166, 0),
    "trafilatura": (21, 4134, 0),
    "mammoth-html": (24, 4786, 0),
    "markitdown": (61, 11279, 0),
    "pandoc-gfm": (45, 8926, 0),
    "pymupdf4llm": (16, 3118, 0),  # 2880 → 3118: bare labels printed again with values are left open
    "pdftotext-layout": (16, 2960, 0),
    "inscriptis": (21, 4068, 0),
    "pandoc-plain": (45, 4275, 0),
    "mammoth-md": (24, 4763, 0),
    "chromium-pdf": (16, 2977, 0),
    # Plain pdftotext (no -layout) flattens tables column by column: such tables are left open.
    # 143 → 140 (#24): in three outputs a bare label beside numbers no row takes is no longer
    # read as a blank row (it happened to be one; order cannot tell).
    "pdftotext-plain": (16, 140, 0),
}
_FINE = ("ok", "empty", "inferred")


def score(path: Path, expected: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(cells right, cells flagged, refs of silently wrong cells) of one document."""
    truth = flat_cells(expected["tables"])
    statuses = expected.get("statuses", {})
    try:
        # Some damaged outputs take the placement search many seconds (html2text 10: ~8 s of
        # CPU); the time limit is lifted so that a loaded machine cannot change the figures.
        out = parsed(path).to_dict()  # read once a session (conftest), with this limit
    except GipExtractError:
        return 0, len(truth), []
    got = {f"{c['table']}.{c['row']}.{c['column']}": c for c in out["cells"]}
    right = flagged = 0
    silent = []
    for ref, want in truth.items():
        cell = got.get(ref)
        if cell is None or cell["status"] not in _FINE:
            if cell is not None and cell["status"] == "ambiguous" and statuses.get(ref) == "ambiguous":
                right += 1
            else:
                flagged += 1
        elif want is not None and same_value(want, cell["value"]):
            right += 1
        else:
            silent.append(f"{ref}: want {want}, got {cell['value']} ({cell['status']})")
    return right, flagged, silent


def test_manifest_points_at_every_output_and_its_expected_file() -> None:
    listed = set(MANIFEST)
    on_disk = {p.relative_to(TOOLOUT).as_posix() for p in TOOLOUT.glob("*/*")}
    assert listed == on_disk
    for name, entry in MANIFEST.items():
        assert (CORPUS / entry["source"]).exists(), name
        assert (CORPUS / entry["expected"]).exists(), name
        assert entry["tool"] == name.split("/")[0]
    assert set(FLOOR) == {e["tool"] for e in MANIFEST.values()}


@pytest.mark.parametrize("tool", sorted(FLOOR))
def test_tool_outputs_right_or_flagged(tool: str) -> None:
    documents, min_right, max_silent = FLOOR[tool]
    entries = [(n, e) for n, e in MANIFEST.items() if e["tool"] == tool]
    assert len(entries) == documents
    right = 0
    silent: list[str] = []
    for name, entry in entries:
        r, _, s = score(TOOLOUT / name, load_expected(CORPUS / entry["expected"]))
        right += r
        silent += [f"{name}: {x}" for x in s]
    assert len(silent) <= max_silent, silent
    assert right >= min_right


# peer Markdown file -> (cells right at least); none may be silently wrong.
PEER = {
    "kewei-2024": 200,
    "shanghai-office-2025": 194,
    "shuyang-2025": 200,
}


@pytest.mark.parametrize("stem", sorted(PEER))
def test_peer_markdown_never_silently_wrong(stem: str) -> None:
    expected = load_expected(CORPUS / "peer" / f"{stem}.expected.json")
    src = shared_path("peer-samples", *expected["source"].split("/"))
    right, _, silent = score(src, expected)
    assert silent == []
    assert right >= PEER[stem]
