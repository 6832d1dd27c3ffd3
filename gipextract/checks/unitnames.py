"""Unit names: the level a name implies, and other units' names left in a report's text.

内容雷同 often shows as a neighbour's name pasted along with its prose (a 街道's report naming
another 街道 as itself). Names are found without a dictionary, so the rules stay narrow:
a name of the report's own kind (街道, 镇, 乡) anywhere outside quotations, and for every
kind a name used where the report names itself (``现公布X2022年…年度报告``, ``X高度重视``).
"""
from __future__ import annotations

import re


from ..read.normalize import HAN, LazyPattern
from ..report import Finding, Report, finding
from . import Context

_DEPARTMENT_END = ("局", "委员会", "委", "办公室", "办公厅", "厅", "中心", "署", "院", "办", "处", "所",
                   "站", "队", "管委会", "管理委员会")
_REGION_END = ("省", "市", "区", "县", "州", "旗", "盟", "自治区", "综合实验区", "新区")


def unit_level(unit: str | None) -> str | None:
    """``government``, ``department``, ``township``, ``subdistrict`` or None, from the name."""
    if not unit:
        return None
    u = re.sub(r"\s+", "", unit)
    if re.search(r"(?:人民政府|政府)(?:办公室|办公厅|办)$", u):
        return "department"
    if re.search(r"街道(?:办事处)?$", u):
        return "subdistrict"
    if re.search(r"[乡镇](?:人民政府)?$", u):
        return "township"
    if u.endswith("人民政府") or u.endswith(_REGION_END):
        return "government"
    if u.endswith(_DEPARTMENT_END):
        return "department"
    return None


# Characters that end a name from the left: function words, verbs of publishing, determiners.
_STOP = set("的了在和与及对向由于为是将把被从到按经据各全本我该每等个其此辖内外所属有即如共均仅并或及至以")
_STOP_WORDS = ("公布", "公开", "发布", "现特", "向社会", "根据", "按照", "要求", "联系", "报告", "编制", "依托",
               "通过", "经过", "协助", "会同", "联合", "配合", "前往", "来到", "位于")
_REGIONISH = "省市区县州旗盟"
_NOT_NAMES = {"小城", "乡村", "城乡", "集镇", "建制", "特色小", "重点", "中心", "乡镇", "城镇", "村镇",
              "各乡", "全乡", "街道", "社区", "城区"}
_QUOTED = LazyPattern(r"《[^》\n]{0,120}》|“[^”\n]{0,200}”|\"[^\"\n]{0,200}\"|〈[^〉\n]{0,120}〉|<[^>\n]{0,120}>")
_HAN_RUN = LazyPattern(f"[{HAN}]+$")
_KIND_RE = re.compile(r"街道|镇|乡(?=人民政府|政府|党委)")
# Where a report names itself: the name is the run of Han characters just before these words
# (an anchor is found first: a pattern that tried every start for a name would be quadratic).
_SELF_ANCHOR = re.compile(r"信息公开(?:工作)?年度报告|高度重视|编制(?:了)?本(?:年度)?报告")
# The name before an anchor, less what may stand between (2022年, 政府, 党委, 、政府, 始终).
_SELF_BEFORE = LazyPattern(f"(?P<name>[{HAN}]+?)(?:20\\d{{2}}\\s*年\\s*度?\\s*)?(?:的)?(?:政府|政务)?"
                           r"(?:党委|党工委|党组)?(?:[.,和]?(?:政府|办事处))?(?:始终)?$")
_SELF_TAIL = re.compile(r"(?:党委|党工委|党组)$")
_UNIT_END = re.compile(r"(?:街道(?:办事处)?|镇|乡|人民政府|政府|局|委员会|委|办公室|办公厅|厅|中心|管委会|区|县|市|旗|署)$")


def _blank_quotes(text: str) -> str:
    """Quotations of documents and slogans replaced by spaces (positions kept)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _trim(run: str) -> str:
    """The name at the end of a run of Han characters: after the last stop word or character."""
    cut = 0
    for w in _STOP_WORDS:
        i = run.rfind(w)
        if i >= 0:
            cut = max(cut, i + len(w))
    for i in range(len(run) - 1, cut - 1, -1):
        if run[i] in _STOP:
            cut = max(cut, i + 1)
            break
    return run[cut:]


def _bare(name: str) -> str:
    return _BARE_TAIL.sub("", _SPACES.sub("", name))


# Compiled once: re's own cache is looked up on every call of _bare, _core and _name_core, a
# few thousand a report (with the endswith below: other_unit_findings 0.14 -> 0.11 ms a text
# report, old and new alternated).
_SPACES = re.compile(r"\s+")
_BARE_TAIL = re.compile(r"(?:办事处|人民政府|政府|党工委|党委)$")
_CORE = re.compile(r"[^" + _REGIONISH + r"]{2,}(?:街道|镇|乡)$")
_YEAR_HEAD = re.compile(r"^年度?")
_REGION_CHAR = re.compile(f"[{_REGIONISH}]")
_HAN_CHAR = LazyPattern(f"[{HAN}]")


def _core(name: str) -> str:
    """A name without its region prefix: 重庆市大渡口区茄子溪街道 → 茄子溪街道."""
    b = _bare(name)
    m = _CORE.search(b)
    return m.group(0) if m else b


def _same(name: str, own: list[str]) -> bool:
    a = _bare(name)
    for o in own:
        b = _bare(o)
        if a and b and (a.endswith(b) or b.endswith(a) or _core(a) == _core(b)):
            return True
    return False


def same_unit(a: str | None, b: str | None) -> bool:
    """True when two names are of one unit (重庆市綦江区人民政府 and 綦江区, 通惠街道 and
    重庆市綦江区通惠街道办事处); False when either is unknown."""
    return bool(a and b and _same(a, [b]))


def _kind(unit: str) -> str | None:
    u = _bare(unit)
    for k in ("街道", "镇", "乡"):
        if u.endswith(k):
            return k
    return None


# Words that precede 街道/镇 as a noun ("开展街道网络安全检查"), not as part of a name.
_NOT_CORES = {"开展", "提升", "推进", "围绕", "参观", "加强", "全面", "组织", "指导", "服务", "深入", "落实",
              "完善", "规范", "强化", "做好", "负责", "督促", "推动", "各个", "所在", "属地", "辖区", "基层",
              "全体", "相关", "对口", "结合", "覆盖", "进入", "走进", "深化", "发挥", "涉及", "部分", "所有",
              "其他", "周边", "兄弟", "乡村", "城乡", "集镇", "建制", "重点", "中心", "乡镇", "城镇", "村镇",
              "小城", "特色小", "社区", "城区", "一个", "两个", "多个", "进一步", "建设", "打造", "管理",
              "治理", "宣传", "联系", "走访", "下沉", "联动", "带动", "辐射", "服务于", "全域"}
_NOT_CORE_ENDS = tuple(_NOT_CORES)  # one endswith over all of them, in C
_NAMEY_AFTER = re.compile(r"办事处|党工委|党委|人民政府|政府|便民服务中心")


def _name_core(clean: str, start: int, end: int) -> str | None:
    """The name before a 街道/镇 at ``start`` when it reads as a name: followed by 办事处/党工委/
    人民政府, or after a region (綦江区古南街道), or a short run set off by punctuation
    (，古南街道坚持…); None for the noun (开展街道网络安全检查)."""
    run_m = _HAN_RUN.search(clean, max(0, start - 14), start)
    run = run_m.group(0) if run_m else ""
    run = _YEAR_HEAD.sub("", run)  # 2023年渠东街道: no name starts with 年
    if not run:
        return None
    parts = _REGION_CHAR.split(run)
    after_region = len(parts) > 1
    core = parts[-1]
    trimmed = _trim(core)
    bounded = (run_m is not None and (run_m.start() == 0 or not _HAN_CHAR.match(clean[run_m.start() - 1]))
               and len(run) <= 5) or trimmed != core
    core = trimmed
    if len(core) < 2 or len(core) > 5 or core[-1] in "乡城村" or core.endswith(_NOT_CORE_ENDS):
        return None
    if _NAMEY_AFTER.match(clean, end) or after_region or bounded:
        return core
    return None


def other_unit_findings(report: Report, context: Context) -> list[Finding]:
    """Other units' names in the text: same-kind names anywhere outside quotations, and any
    unit named where the report names itself; each finding shows where the first is printed."""
    text = context.text
    own = [n for n in (report.info.unit, report.info.publisher, context.page.publisher) if n]
    if not own:
        return []
    clean = _blank_quotes(text[:200_000])
    out: list[Finding] = []
    self_named: list[str] = []
    for n_anchor, m in enumerate(_SELF_ANCHOR.finditer(clean)):
        if n_anchor >= 500:
            break
        before = _SELF_BEFORE.search(clean, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        name = _SELF_TAIL.sub("", _trim(before["name"]))
        name = re.sub(r"^20\d{2}年度?", "", name)
        if len(name) < 3 or not _UNIT_END.search(name) or _same(name, own) or name in self_named:
            continue
        if len(_bare(name)) < 2 or _bare(name) in ("我", "本", "该"):
            continue
        self_named.append(name)
    if self_named:
        out.append(finding("other_unit_name", named="self", names=self_named[:5], own=own[0],
                           evidence=_where(context, clean, self_named[0])))
    kind = _kind(own[0])
    if kind is None:
        return out
    names: list[str] = []
    for n_match, m in enumerate(_KIND_RE.finditer(clean)):
        if n_match >= 2000 or len(names) >= 50:  # enough to make the point; bounded on any input
            break
        if m.group(0) != kind:
            continue
        core = _name_core(clean, m.start(), m.end())
        if core is None:
            continue
        name = core + kind
        if _same(name, own) or name in names or any(_bare(x) == name for x in self_named):
            continue
        names.append(name)
    names = [n for n in names if not any(o != n and n.endswith(o) for o in names)]
    if names:
        out.append(finding("other_unit_name", named="same_kind", names=names[:8], own=own[0], unit_kind=kind,
                           evidence=_where(context, clean, names[0])))
    return out


def _where(context: Context, clean: str, name: str) -> dict | None:
    """The sentence around the first place ``name`` is printed (outside quotations)."""
    at = clean.find(name)
    if at < 0:
        return None
    start = max(clean.rfind("。", 0, at), clean.rfind("\n", 0, at), at - 30) + 1
    return context.evidence_at(at, clean[start:at + len(name) + 20].strip(), "text")
