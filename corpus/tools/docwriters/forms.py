"""The printed forms, described again for the writers, independently of ``templates/*.json``.

The parser reads the grid's labels, column order and row order from ``templates/form*.json``.
If the writers laid out their documents from the same JSON, a swapped column or a wrong label
there would be written and read back the same way, and every round trip would still pass.
So the writers lay out the forms from this second description, typed by hand from the
official forms: 国办公开办函〔2021〕30号 (checked cell by cell against the blank official
template ``政务公开年报模版.docx`` of ../shared/peer-samples/govnianbao/) and
国办公开办函〔2019〕60号. Only the cell keys are shared with the templates: they are the
output contract (docs/output.md), the names a grid is written and compared in.

Nothing outside ``writers/`` (and the tests) imports this module; the parser never reads it.
"""
from __future__ import annotations

from functools import lru_cache

from gipextract.templates import ColumnSpec, RowSpec, TableSpec, Template

_APPLICANTS = (("natural_person", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"),
               ("social_welfare", "社会公益组织"), ("legal_service", "法律服务机构"), ("other_org", "其他"),
               ("total", "总计"))

_DENIED = ("（三）不予公开", (
    ("denied.state_secret", "1.属于国家秘密"),
    ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("denied.security_stability", "3.危及“三安全一稳定”"),
    ("denied.third_party_rights", "4.保护第三方合法权益"),
    ("denied.internal_affairs", "5.属于三类内部事务信息"),
    ("denied.process_information", "6.属于四类过程性信息"),
    ("denied.enforcement_files", "7.属于行政执法案卷"),
    ("denied.administrative_query", "8.属于行政查询事项")))
_UNAVAILABLE = ("（四）无法提供", (
    ("unavailable.not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable.unclear_after_correction", "3.补正后申请内容仍不明确")))
_NOT_PROCESSED = ("（五）不予处理", (
    ("not_processed.complaint", "1.信访举报投诉类申请"),
    ("not_processed.duplicate", "2.重复申请"),
    ("not_processed.publication", "3.要求提供公开出版物"),
    ("not_processed.excessive", "4.无正当理由大量反复申请"),
    ("not_processed.reconfirmation", "5.要求行政机关确认或重新出具已获取信息")))
_OTHER_2021 = ("（六）其他处理", (
    ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "3.其他")))

# (row key, label, group) of table 三, top to bottom; 2019 prints （六）其他处理 as one row.
_HEAD = (("new_received", "一、本年新收政府信息公开申请数量", None),
         ("carried_over", "二、上年结转政府信息公开申请数量", None),
         ("granted", "（一）予以公开", None),
         ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None))
_TAIL = (("total", "（七）总计", None), ("carried_forward", "四、结转下年度继续办理", None))


def _grouped(*groups: tuple[str, tuple[tuple[str, str], ...]]) -> tuple[tuple[str, str, str | None], ...]:
    return tuple((k, label, g) for g, rows in groups for k, label in rows)


_REQUEST_ROWS = {
    "2021": _HEAD + _grouped(_DENIED, _UNAVAILABLE, _NOT_PROCESSED, _OTHER_2021) + _TAIL,
    "2019": _HEAD + _grouped(_DENIED, _UNAVAILABLE, _NOT_PROCESSED) + (("other", "（六）其他处理", None),) + _TAIL,
}

# Table 二: value columns (key, printed header, kind) and rows (key, label, group, columns).
_PROACTIVE_COLUMNS = {
    "2021": (("issued", "本年制发件数", "count"), ("repealed", "本年废止件数", "count"),
             ("in_force", "现行有效件数", "count"), ("decisions", "本年处理决定数量", "count"),
             ("amount", "本年收费金额（单位：万元）", "amount")),
    "2019": (("made", "本年新制作数量", "count"), ("published", "本年新公开数量", "count"),
             ("total_published", "对外公开总数量", "count"), ("previous_items", "上一年项目数量", "count"),
             ("change", "本年增/减", "signed"), ("decisions", "处理决定数量", "count"),
             ("items", "采购项目数量", "count"), ("amount", "采购总金额", "amount")),
}
_ONE = "第二十条第（一）项"
_FIVE = "第二十条第（五）项"
_SIX = "第二十条第（六）项"
_EIGHT = "第二十条第（八）项"
_NINE = "第二十条第（九）项"
_PROACTIVE_ROWS = {
    "2021": (("regulations", "规章", _ONE, ("issued", "repealed", "in_force")),
             ("normative_documents", "行政规范性文件", _ONE, ("issued", "repealed", "in_force")),
             ("licensing", "行政许可", _FIVE, ("decisions",)),
             ("penalty", "行政处罚", _SIX, ("decisions",)),
             ("coercion", "行政强制", _SIX, ("decisions",)),
             ("fees", "行政事业性收费", _EIGHT, ("amount",))),
    "2019": (("regulations", "规章", _ONE, ("made", "published", "total_published")),
             ("normative_documents", "规范性文件", _ONE, ("made", "published", "total_published")),
             ("licensing", "行政许可", _FIVE, ("previous_items", "change", "decisions")),
             ("other_services", "其他对外管理服务事项", _FIVE, ("previous_items", "change", "decisions")),
             ("penalty", "行政处罚", _SIX, ("previous_items", "change", "decisions")),
             ("coercion", "行政强制", _SIX, ("previous_items", "change", "decisions")),
             ("fees", "行政事业性收费", _EIGHT, ("previous_items", "change")),
             ("procurement", "政府集中采购", _NINE, ("items", "amount"))),
}

# Table 四: one value row, 行政复议 then 行政诉讼 (未经复议直接起诉, 复议后起诉), five outcomes each.
_APPEAL_GROUPS = (("reconsideration", "行政复议"), ("litigation_direct", "行政诉讼 未经复议直接起诉"),
                  ("litigation_after", "行政诉讼 复议后起诉"))
_OUTCOMES = (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
             ("total", "总计"))
_DOCUMENTS = {"2021": "国办公开办函〔2021〕30号", "2019": "国办公开办函〔2019〕60号"}


def _count(key: str, label: str) -> ColumnSpec:
    return ColumnSpec(key, label, (), "count")


@lru_cache(maxsize=None)
def official_form(form_id: str) -> Template:
    """The printed layout of form ``form_id`` (``"2021"`` or ``"2019"``), from this module's data.

    Returned as a :class:`Template` (labels, order, kinds; no identities, variants or noise) so
    the writers can take it where they took a template.
    """
    if form_id not in _DOCUMENTS:
        raise KeyError(f"unknown form {form_id!r}; known: {', '.join(_DOCUMENTS)}")
    req_cols = tuple(k for k, _ in _APPLICANTS)
    proactive = TableSpec(
        key="proactive", heading="二、主动公开政府信息情况", heading_variants=(), anchors=(),
        columns=tuple(ColumnSpec(k, label, (), kind) for k, label, kind in _PROACTIVE_COLUMNS[form_id]),  # type: ignore[arg-type]
        rows=tuple(RowSpec(k, label, (), cols, group) for k, label, group, cols in _PROACTIVE_ROWS[form_id]),
        noise=())
    requests = TableSpec(
        key="requests", heading="三、收到和处理政府信息公开申请情况", heading_variants=(), anchors=(),
        columns=tuple(_count(k, label) for k, label in _APPLICANTS),
        rows=tuple(RowSpec(k, label, (), req_cols, group) for k, label, group in _REQUEST_ROWS[form_id]),
        noise=())
    appeal_cols = tuple(_count(f"{g}.{o}", f"{gl} {ol}") for g, gl in _APPEAL_GROUPS for o, ol in _OUTCOMES)
    appeals = TableSpec(
        key="appeals", heading="四、政府信息公开行政复议、行政诉讼情况", heading_variants=(), anchors=(),
        columns=appeal_cols, rows=(RowSpec("all", None, (), tuple(c.key for c in appeal_cols)),), noise=())
    return Template(id=form_id, document=_DOCUMENTS[form_id], markers=(), tables=(proactive, requests, appeals),
                    identities=())


def form_of(template: Template) -> Template:
    """The writers' own layout of the form that ``template`` names (by its id only)."""
    return official_form(template.id)
