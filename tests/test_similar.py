"""Copied prose across reports: the pairs planted in corpus/compliance/ (MANIFEST.json) and
nothing else; passages, shingles and the missing-extra error."""
from __future__ import annotations

import builtins
import json
from dataclasses import replace
from pathlib import Path

import pytest

from gipextract import parse
from gipextract.checks.similar import MissingExtraError, ProseDoc, passages, shingles, similar_pairs

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MANIFEST = json.loads((CORPUS / "compliance" / "MANIFEST.json").read_text(encoding="utf-8"))


def _docs() -> list[ProseDoc]:
    """The manifest's set, each named by its path under corpus/."""
    return [replace(ProseDoc.from_report(parse(CORPUS / f)), id=f) for f in MANIFEST["similar_set"]]


def test_planted_pairs_and_only_those() -> None:
    pytest.importorskip("datasketch")
    got = {(p.a, p.b): p for p in similar_pairs(_docs())}
    want = {(e["a"], e["b"]): e for e in MANIFEST["pairs"]}
    assert set(got) == set(want)
    for key, e in want.items():
        pair = got[key]
        assert pair.kind == e["kind"]
        assert sorted({p.section_a for p in pair.passages}) == e["sections"]
        assert all(p.similarity >= 0.5 for p in pair.passages)
    # seed 000's part 五 was pasted into 锦屏街道's report with 我街道 → 锦屏街道: near, not equal.
    (five,) = got[("seeds/000_c5799cdcd1c8417a.txt", "compliance/17_copied_part5.txt")].passages
    assert "我街道认真学习贯彻" in five.text_a and "锦屏街道认真学习贯彻" in five.text_b
    assert 0.9 < five.similarity < 1.0
    prev = got[("seeds/000_c5799cdcd1c8417a.txt", "compliance/18_previous_year_same_prose.txt")]
    assert prev.message.startswith("通惠街道（2022）与本单位上一年度报告通惠街道（2021）")


def test_a_higher_threshold_drops_the_edited_copy() -> None:
    pytest.importorskip("datasketch")
    kinds = sorted(p.kind for p in similar_pairs(_docs(), threshold=0.99))
    assert kinds == ["previous_year"]  # only the unchanged prose is at Jaccard 1.0


def test_boilerplate_shared_by_many_reports_is_not_a_pair() -> None:
    pytest.importorskip("datasketch")
    stock = ("根据中华人民共和国政府信息公开条例和市区政府信息公开相关规定，坚持依法便民高效权责一致原则，"
             "坚持统一规划协同建设资源共享工作思路，积极推进政府信息公开工作，不断提升政务公开质量和实效。")
    assert len(stock) >= 80
    own = ["区县", "乡镇", "街道", "部门", "单位", "机关"]
    docs = [ProseDoc(f"d{i}", f"甲{i}街道", 2022, {"一": stock + "\n" + f"本{own[i % 6]}第{i}号独有段落" * 8})
            for i in range(6)]
    assert similar_pairs(docs, common=3) == []
    assert len(similar_pairs(docs, common=20)) == 15  # 6 reports, every pair shares it


def test_passages_join_wrapped_lines_and_skip_short_ones() -> None:
    text = "一是加强培训，提升\n工作人员能力和水平。\n无。\n" + "二是" + "严格落实审核制度。" * 40
    ps = passages(text, min_chars=10, max_chars=120)
    assert ps[0] == "一是加强培训，提升工作人员能力和水平。"
    assert all(len(p) <= 120 + 10 for p in ps) and "无。" not in ps
    assert "".join(ps[1:]) == ("二是" + "严格落实审核制度。" * 40)


def test_numbers_do_not_hide_a_copy() -> None:
    assert shingles("共收到申请12件，办结10件") == shingles("共收到申请3件，办结2件")


def test_missing_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("datasketch"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingExtraError, match=r"gipextract\[similar\]"):
        similar_pairs([])


def test_a_shared_stock_sentence_shorter_than_min_shared_is_no_pair() -> None:
    pytest.importorskip("datasketch")
    lead = "年，{}深入贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息{}条。"
    docs = [ProseDoc("a", "长河镇", 2022, {"一": "2022" + lead.format("长河镇人民政府", 12)}),
            ProseDoc("b", "石桥镇", 2022, {"一": "2022" + lead.format("石桥镇人民政府", 30)})]
    assert similar_pairs(docs, min_shared=80) == []
    (pair,) = similar_pairs(docs, min_shared=40)
    assert pair.kind == "other_unit" and pair.passages[0].similarity >= 0.6
