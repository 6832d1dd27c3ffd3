"""Copied prose across a batch: N corpus-derived reports with 20 planted copied pairs.

The prose of parts 一 and 五 of every corpus document (seeds, HTML, DOCX) is cut into clauses;
each derived report gets its own unit, year and figures and sentences recombined from those
clauses, so two unplanted reports share no more than the odd stock clause. Twenty pairs are
planted: 8 copy a part-五 paragraph to another unit (name swapped), 6 copy a part-一
paragraph with new figures, 6 are the same unit a year later with part 一 copied.
The run checks that similar_pairs() finds exactly those 20 and reports time, memory and a
linear projection to 200,000 reports.

    python bench/bench_similar.py                 # 1,000 reports
    python bench/bench_similar.py --n 1000 5000 20000
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gipextract import parse  # noqa: E402
from gipextract.checks.similar import _COUNTERS, ProseDoc, passages, similar_pairs  # noqa: E402

REGIONS = list("东西南北中") + ["青山", "白水", "长河", "临江", "石门", "云台", "松江", "金水", "安宁", "清河", "平川",
                                "江州", "北塘", "南湖", "红旗", "西岭", "白沙", "莲花", "江北", "新华"]
NAMES = list("甲乙丙丁戊己庚辛壬癸") + ["龙泉", "凤凰", "桃源", "梅林", "柳营", "杏坛", "竹园", "松林", "兰亭",
                                          "荷塘", "石桥", "玉泉", "金沙", "银河", "翠湖", "碧水", "丰收", "和平",
                                          "胜利", "光明", "朝阳", "新民", "永安", "太平", "长乐", "富民", "兴隆"]
KINDS = ["街道办事处", "镇人民政府", "乡人民政府", "财政局", "教育局", "卫生健康委员会", "市场监督管理局",
         "交通运输局", "司法局", "生态环境局", "人力资源和社会保障局", "住房和城乡建设局", "自然资源局", "农业农村局"]
TOPICS = ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"]
VERBS = ["进一步", "持续", "不断", "切实", "全面", "扎实", "深入", "着力", "积极", "稳步"]
ACTS = ["规范", "完善", "优化", "加强", "健全", "提升", "推进", "强化", "落实", "深化"]
OBJS = ["公开目录", "审查机制", "解读回应", "专栏建设", "办理流程", "培训指导", "考核评议", "新媒体管理",
        "档案管理", "重点领域公开", "基层公开标准化", "依申请答复规范", "政策文件库", "便民服务专区"]


def corpus_clauses() -> list[str]:
    """Clauses (between commas and full stops) of parts 一 and 五 of the corpus documents."""
    files = sorted(ROOT.glob("corpus/seeds/*.txt")) + sorted(ROOT.glob("corpus/html/*.html"))
    files += sorted(ROOT.glob("corpus/docx/*.docx"))
    clauses: set[str] = set()
    for f in files:
        try:
            r = parse(f)
        except Exception:  # the two HTML pages without tables
            continue
        for sec in ("一", "五"):
            for c in re.split(r"[.,;:!?()\n]", r.sections.get(sec, "")):
                c = re.sub(r"\s+|\d+|20\d\d年", "", c)
                if 6 <= len(c) <= 40 and not re.search(r"街道|镇|局|委员会|区|县|市", c):
                    clauses.add(c)
    return sorted(clauses)


def sentence(rng: random.Random, pool: list[str]) -> str:
    """A sentence of two to four corpus clauses with a made-up measure in the middle."""
    parts = rng.sample(pool, rng.randint(2, 4))
    parts.insert(rng.randrange(len(parts) + 1),
                 f"{rng.choice(VERBS)}{rng.choice(ACTS)}{rng.choice(OBJS)}{rng.randint(2, 90)}项")
    return "，".join(parts) + "。"


def unit_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(REGIONS)}{rng.choice('区县市')}{rng.choice(NAMES)}{rng.choice(NAMES)}{rng.choice(KINDS)}"
        if name not in used:
            used.add(name)
            return name


def report(rng: random.Random, pool: list[str], unit: str, year: int) -> dict[str, str]:
    """Parts 一 (five topics) and 五 (problems, improvements) of one derived report."""
    one = [f"{year}年，{unit}深入贯彻《中华人民共和国政府信息公开条例》，"
           f"全年主动公开政府信息{rng.randint(20, 3000)}条，受理依申请公开{rng.randint(0, 90)}件。"]
    for i, topic in enumerate(TOPICS):
        body = "".join(sentence(rng, pool) for _ in range(rng.randint(2, 4)))
        one.append(f"（{'一二三四五'[i]}）{topic}情况。{body}")
    five = ["".join(sentence(rng, pool) for _ in range(rng.randint(2, 3))),
            "改进情况：" + "".join(sentence(rng, pool) for _ in range(rng.randint(2, 3)))]
    return {"一": "\n".join(one), "五": "\n".join(five)}


def build(n: int, seed: int = 16) -> tuple[list[ProseDoc], set[tuple[str, str]]]:
    """``n`` derived reports and the 20 planted pairs (as sorted id pairs)."""
    rng = random.Random(seed)
    pool = corpus_clauses()
    used: set[str] = set()
    docs = []
    for i in range(n):
        unit = unit_name(rng, used)
        docs.append(ProseDoc(f"r{i:06d}", unit, rng.randint(2021, 2024), report(rng, pool, unit, 2024)))
    planted: set[tuple[str, str]] = set()
    picks = rng.sample(range(n), 40)
    for j in range(20):
        a, b = docs[picks[2 * j]], docs[picks[2 * j + 1]]
        sa, sb = dict(a.sections), dict(b.sections)
        if j < 8:  # a part-五 paragraph copied to another unit
            paras = sb["五"].split("\n")
            paras[0] = sa["五"].split("\n")[0]
            sb["五"] = "\n".join(paras)
            docs[picks[2 * j + 1]] = ProseDoc(b.id, b.unit, b.year, sb)
        elif j < 14:  # a part-一 paragraph copied, figures changed, name swapped
            src = sa["一"].split("\n")[rng.randint(1, 5)]
            src = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(1, 9)), src)
            paras = sb["一"].split("\n")
            paras[rng.randint(1, 5)] = src.replace(a.unit or "", b.unit or "")
            sb["一"] = "\n".join(paras)
            docs[picks[2 * j + 1]] = ProseDoc(b.id, b.unit, b.year, sb)
        else:  # the same unit a year later, part 一 copied with new figures
            one = re.sub(r"\d{2,}", lambda m: str(int(m.group(0)) + rng.randint(1, 50)), sa["一"])
            docs[picks[2 * j + 1]] = ProseDoc(b.id, a.unit, (a.year or 2022) + 1, {"一": one, "五": sb["五"]})
        planted.add(tuple(sorted((a.id, b.id))))  # type: ignore[arg-type]
    return docs, planted


def run(n: int, memory: bool) -> tuple[int, float] | None:
    t0 = time.perf_counter()
    docs, planted = build(n)
    t_build = time.perf_counter() - t0
    similar_pairs(docs[:2])  # import datasketch/numpy outside the timing
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    pairs = similar_pairs(docs)
    elapsed = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n_pass = sum(len(passages(d.sections.get(s, ""))) for d in docs for s in ("一", "五"))
    found = {tuple(sorted((p.a, p.b))) for p in pairs}
    missed, extra = planted - found, found - planted
    kinds = sorted(p.kind for p in pairs if tuple(sorted((p.a, p.b))) in planted)
    print(f"n={n} ({n_pass} passages): built in {t_build:.1f}s; similar_pairs {elapsed:.2f}s "
          f"({elapsed / n * 1000:.1f} ms/report); max RSS {rss1 / 1024:.0f} MiB (+{(rss1 - rss0) / 1024:.0f}); "
          f"pairs {len(pairs)}: planted found {len(planted & found)}/20, missed {len(missed)}, "
          f"unplanted {len(extra)}; kinds {dict((k, kinds.count(k)) for k in sorted(set(kinds)))}")
    for p in pairs:
        if tuple(sorted((p.a, p.b))) in extra:
            print("   unplanted:", p.a, p.b, round(p.score, 3), [round(s.similarity, 3) for s in p.passages])
    line = f"   projection to 200,000 reports (linear in reports): {elapsed / n * 200_000 / 60:.1f} min"
    if memory:
        tracemalloc.start()
        similar_pairs(docs)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        fixed = _COUNTERS * 4  # the shingle-frequency counters: the same at any batch size
        per = (peak - fixed) / n
        line += (f"; traced peak inside similar_pairs {peak / 2**20:.1f} MiB = {fixed / 2**20:.0f} MiB fixed "
                 f"+ {per / 1024:.1f} KiB/report -> {(fixed + per * 200_000) / 2**30:.2f} GiB at 200,000")
    print(line)
    return (n, peak) if memory else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000])
    ap.add_argument("--no-memory", action="store_true", help="skip the (slow) tracemalloc run")
    args = ap.parse_args()
    peaks = [p for p in (run(n, not args.no_memory) for n in args.n) if p]
    if len(peaks) >= 2:  # the slope between two sizes leaves out the fixed and transient parts
        (n0, p0), (n1, p1) = peaks[0], peaks[-1]
        slope = (p1 - p0) / (n1 - n0)
        print(f"memory slope {n0}->{n1}: {slope / 1024:.2f} KiB/report -> "
              f"{(p1 + slope * (200_000 - n1)) / 2**30:.2f} GiB traced peak at 200,000 reports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
