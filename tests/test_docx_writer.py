"""The DOCX writer and corpus/docx: structure of the official form, values as the expected files say.

The documents are read here with a small OOXML walker of their own (lxml only): it follows
content controls, nested and split tables, keeps tracked insertions and drops deletions, and
expands gridSpan/vMerge. It is independent of gipextract's DOCX adapter.
"""
from __future__ import annotations

import importlib.util
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS, ROOT, shared_path
from gipextract import templates
from docwriters.docx import form_tables, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOCS = sorted((CORPUS / "docx").glob("*.docx"))
INVISIBLE = {W + t for t in ("del", "delText", "instrText", "rPr", "pPr", "tcPr", "trPr", "tblPr", "sdtPr")}
INVISIBLE.add(MC + "Fallback")


def _text(el) -> str:
    """Visible text: w:t, w:br as a newline; tracked deletions and property elements skipped."""
    if el.tag in INVISIBLE:
        return ""
    if el.tag == W + "t":
        return el.text or ""
    if el.tag in (W + "br", W + "cr"):
        return "" if el.get(W + "type") == "page" else "\n"
    return "".join(_text(c) for c in el)


def _cell_text(tc) -> str:
    return "\n".join(_text(p) for p in tc.iter(W + "p")).strip("\n")


def _children(el, tag):
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag == W + "sdt":
            yield from _children(c.find(W + "sdtContent"), tag)


def _tables(container):
    """Form tables in reading order; a table holding tables is layout, read through."""
    for c in container:
        if c.tag == W + "tbl":
            if c.find(".//" + W + "tbl") is not None:
                for tr in _children(c, W + "tr"):
                    for tc in _children(tr, W + "tc"):
                        yield from _tables(tc)
            else:
                yield c
        elif c.tag == W + "sdt":
            yield from _tables(c.find(W + "sdtContent"))


def _matrix(tbls) -> dict:
    """(row, grid column) -> (text, merged-continuation?) over the tables' rows in order."""
    m = {}
    r = 0
    for tbl in tbls:
        for tr in _children(tbl, W + "tr"):
            c = 0
            for tc in _children(tr, W + "tc"):
                pr = tc.find(W + "tcPr")
                span = int(pr.find(W + "gridSpan").get(W + "val")) if pr.find(W + "gridSpan") is not None else 1
                vm = pr.find(W + "vMerge")
                cont = vm is not None and vm.get(W + "val", "continue") == "continue"
                for k in range(span):
                    m[(r, c + k)] = ("" if cont else _cell_text(tc), cont or k > 0)
                c += span
            r += 1
    return m


def _document(path: Path):
    xml = zipfile.ZipFile(path).read("word/document.xml")
    return etree.fromstring(xml)


def _shown(v) -> str:
    return v if isinstance(v, str) else str(v)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_corpus_docx_matches_expected(path: Path) -> None:
    exp = json.loads((path.parent / (path.stem + ".expected.json")).read_text(encoding="utf-8"))
    template = templates.get(exp["template"])
    assert set(exp["statuses"].values()) <= {"empty"} and exp["candidates"] == {}
    root = _document(path)
    tbls = list(_tables(root.find(W + "body")))
    assert len(tbls) in (3, 4), len(tbls)
    groups = [tbls[:1], tbls[1:-1], tbls[-1:]]
    for ft, parts in zip(form_tables(template), groups):
        m = _matrix(parts)
        assert max(r for r, _ in m) + 1 == ft.nrows
        assert max(c for _, c in m) + 1 == len(ft.widths)
        for reg in ft.regions:
            text, cont = m[(reg.row, reg.col)]
            if reg.ref is None:
                want = "".join(reg.paras).replace("\n", "")
                got = text.replace("\n", "")
                label_ok = got == want or any(got == v for row in template.table(ft.key).rows
                                              if row.label == want for v in row.variants)
                assert label_ok, (path.name, ft.key, reg.row, reg.col, want, got)
                continue
            t, r, c = reg.ref
            key = f"{t}.{r}.{c}"
            value = exp["tables"][t][r][c]
            assert not cont, key
            if exp["statuses"].get(key) == "empty":
                assert value in (0, "0") and text.strip(" \u3000") == "", (key, text)
            else:
                assert text in (_shown(value), _shown(value) + "万元"), (path.name, key, text, value)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_corpus_expected_satisfies_identities(path: Path) -> None:
    exp = json.loads((path.parent / (path.stem + ".expected.json")).read_text(encoding="utf-8"))
    q = exp["tables"]["requests"]
    applicants = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
    results = [r for r in q if r not in ("new_received", "carried_over", "total", "carried_forward")]
    for r, cols in q.items():
        assert cols["total"] == sum(cols[a] for a in applicants), r
    for c in applicants + ["total"]:
        assert q["new_received"][c] + q["carried_over"][c] == q["total"][c] + q["carried_forward"][c], c
        assert q["total"][c] == sum(q[r][c] for r in results), c
    a = exp["tables"]["appeals"]["all"]
    for g in ("reconsideration", "litigation_direct", "litigation_after"):
        assert a[f"{g}.total"] == sum(a[f"{g}.{o}"] for o in ("upheld", "corrected", "other", "pending")), g
    flat = [(t, r, c) for t, rows in exp["tables"].items() for r, cols in rows.items() for c in cols]
    assert flat == templates.get(exp["template"]).cell_keys()


def test_corpus_traps_present() -> None:
    """Each trap document really contains its trap."""
    def xml(name: str) -> str:
        return zipfile.ZipFile(CORPUS / "docx" / f"{name}.docx").read("word/document.xml").decode("utf-8")
    assert len(_document(CORPUS / "docx" / "07-split-table-paragraph.docx").findall(f"{W}body/{W}tbl")) == 4
    assert 'w:type="page"' in xml("08-split-table-page")
    cc = xml("09-content-controls")
    assert cc.count("<w:sdt>") >= 4
    tr = xml("10-tracked-changes")
    assert "<w:ins " in tr and "<w:delText>" in tr
    nested = _document(CORPUS / "docx" / "11-nested-layout.docx")
    assert len(nested.findall(f"{W}body/{W}tbl")) == 1 and len(list(nested.iter(W + "tbl"))) == 4
    assert "<w:numPr>" in xml("12-headings-numbered")
    assert xml("13-heading-textbox").count("<w:txbxContent>") == 2
    rb = xml("14-runs-bookmarks")
    assert all(s in rb for s in ('w:name="_GoBack"', "<w:hyperlink ", "<w:fldSimple ", "<w:commentReference "))
    repeated = _document(CORPUS / "docx" / "02-seed001-repeated.docx")
    assert not [e for e in repeated.iter(W + "vMerge")]


def test_structure_is_the_official_form() -> None:
    """The 2021 rendering has the blank Word form's grid, spans, merges and labels, cell for cell."""
    blank = shared_path("peer-samples", "govnianbao", "政务公开年报模版.docx")

    def signature(xml: bytes):
        out = []
        for tbl in etree.fromstring(xml).iter(W + "tbl"):
            rows = []
            for tr in tbl.iter(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    pr = tc.find(W + "tcPr")
                    gs, vm = pr.find(W + "gridSpan"), pr.find(W + "vMerge")
                    cells.append((gs.get(W + "val") if gs is not None else "1",
                                  None if vm is None else vm.get(W + "val", "continue"),
                                  _cell_text(tc).strip("\u3000 ")))
                rows.append(cells)
            out.append(([g.get(W + "w") for g in tbl.find(W + "tblGrid")], rows))
        return out

    t = templates.get("2021")
    grid = {k: (Decimal(0) if k[2] == "amount" else 0) for k in t.cell_keys()}
    data = render_docx(t, grid, blanks=list(grid), blank_marks=("",))
    ours = signature(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    theirs = signature(zipfile.ZipFile(blank).read("word/document.xml"))
    assert ours == theirs


def _corpus_tool():
    spec = importlib.util.spec_from_file_location("make_docx_corpus", ROOT / "corpus" / "tools" / "make_docx_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow  # rebuilds the whole DOCX corpus
def test_corpus_build_is_deterministic_and_expected_files_current() -> None:
    tool = _corpus_tool()
    docs = tool.documents()
    for doc in docs[:4] + docs[-2:]:
        a, exp_a = tool.build(doc)
        b, exp_b = tool.build(doc)
        assert a == b and exp_a == exp_b, doc["name"]
        assert (CORPUS / "docx" / (doc["name"] + ".expected.json")).read_bytes() == exp_a, doc["name"]


def test_options_are_checked() -> None:
    t = templates.get("2021")
    grid = {k: (Decimal("1.5") if k[2] == "amount" else 0) for k in t.cell_keys()}
    with pytest.raises(ValueError):
        render_docx(t, grid, merges="sometimes")
    with pytest.raises(ValueError):
        render_docx(t, grid, blanks=[("proactive", "fees", "amount")])
    with pytest.raises(ValueError):
        render_docx(t, grid, content_control="page")
    with pytest.raises(ValueError):
        render_docx(t, {k: v for k, v in list(grid.items())[1:]})


@pytest.mark.parametrize("seed", range(40))
def test_random_options_round_trip(seed: int) -> None:
    """Any combination of options writes every value where the form puts it."""
    import random

    tool = _corpus_tool()
    rng = random.Random(seed)
    template = templates.get(rng.choice(("2021", "2019")))
    grid = tool.random_grid(template, rng, busy=rng.choice((0.5, 1.0, 2.0)))
    blanks = tool.pick_blanks(grid, rng, rng.choice((0.0, 0.3)))
    rows = [r.key for r in template.table("requests").rows]
    split = rng.choice((None, "paragraph", "page"))
    opts = dict(merges=rng.choice(("merged", "repeated", "random")), split_runs=rng.random() < 0.5,
                bookmarks=rng.random() < 0.5, nested=rng.random() < 0.3,
                content_control=rng.sample(("table", "cells", "rows"), rng.randint(0, 3)),
                tracked=rng.random() < 0.5, split_table=split, split_before=rng.choice(rows[1:]),
                headings=rng.choice(("plain", "numbered", "textbox")), textbox_heading=rng.choice("一二三四五六"),
                title_lines=rng.choice((1, 2)), date=None, seed=seed)
    data = render_docx(template, grid, blanks=blanks, **opts)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    tbls = list(_tables(root.find(W + "body")))
    assert len(tbls) == (4 if split else 3)
    for ft, parts in zip(form_tables(template), [tbls[:1], tbls[1:-1], tbls[-1:]]):
        m = _matrix(parts)
        for reg in ft.regions:
            if reg.ref is None:
                continue
            text, cont = m[(reg.row, reg.col)]
            v = grid[reg.ref]
            want = "" if reg.ref in blanks else (format(v, "f") if isinstance(v, Decimal) else str(v))
            assert not cont and text.strip(" \u3000") == want, (reg.ref, text, want, opts)
