"""Hypothesis strategies: random grids that satisfy every identity of a template."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from gipextract import templates
from gipextract.templates import Template
from docwriters.forms import form_of

RESULT_EXCLUDED = ("new_received", "carried_over", "total", "carried_forward")
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")

# Zeros as often as small counts, as in real reports, and larger counts; amounts printed
# with up to 6 decimals (万元 to the yuan and below, as real reports print them).
counts = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 120))
small_counts = st.integers(1, 9)
big_counts = st.one_of(st.just(0), st.integers(1, 99), st.integers(100, 99999))
amounts = st.builds(lambda n, k: Decimal(n).scaleb(-k), st.integers(0, 10**9), st.sampled_from([0, 2, 4, 6, 6]))


@st.composite
def grids(draw, template: Template, small: bool = False) -> dict[tuple[str, str, str], int | Decimal]:
    """A grid of ``template`` whose tables satisfy all identities (its rows, columns and kinds
    from the writers' own description of the form, not from the parser's template JSON).
    ``small`` keeps table 三's counts below 10 (fused pages: see test_property_text)."""
    template = form_of(template)
    g: dict[tuple[str, str, str], int | Decimal] = {}
    pro = template.table("proactive")
    for r in pro.rows:
        for c in r.columns:
            kind = pro.column(c).kind
            if kind == "amount":
                g[("proactive", r.key, c)] = draw(amounts)
            elif kind == "signed":
                g[("proactive", r.key, c)] = draw(st.integers(-99, 99))
            else:
                g[("proactive", r.key, c)] = draw(big_counts)
    req = template.table("requests")
    results = [r.key for r in req.rows if r.key not in RESULT_EXCLUDED]
    totals = {a: 0 for a in APPLICANTS}
    for row in results:
        for a in APPLICANTS:
            v = draw(small_counts if small else counts) if draw(st.integers(0, 2)) == 0 else 0
            g[("requests", row, a)] = v
            totals[a] += v
        g[("requests", row, "total")] = sum(g[("requests", row, a)] for a in APPLICANTS)
    for a in APPLICANTS:
        g[("requests", "total", a)] = totals[a]
        carried_over = draw(st.one_of(st.just(0), st.integers(0, 5)))
        forward = draw(st.one_of(st.just(0), st.integers(0, 5)))
        if carried_over > totals[a] + forward:
            forward = carried_over - totals[a]
        g[("requests", "carried_over", a)] = carried_over
        g[("requests", "carried_forward", a)] = forward
        g[("requests", "new_received", a)] = totals[a] + forward - carried_over
    for row in ("new_received", "carried_over", "total", "carried_forward"):
        g[("requests", row, "total")] = sum(g[("requests", row, a)] for a in APPLICANTS)
    for group in ("reconsideration", "litigation_direct", "litigation_after"):
        parts = [draw(st.one_of(st.just(0), st.integers(0, 12))) for _ in range(4)]
        for o, v in zip(("upheld", "corrected", "other", "pending"), parts):
            g[("appeals", "all", f"{group}.{o}")] = v
        g[("appeals", "all", f"{group}.total")] = sum(parts)
    return g


def any_template() -> st.SearchStrategy[Template]:
    """Either form."""
    return st.sampled_from([templates.get("2021"), templates.get("2019")])


SPLITTABLE_LABELS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "本年制发件数", "本年新制作数量",
                     "行政事业性收费", "（一）予以公开", "1.属于国家秘密", "2.重复申请", "结果维持", "尚未审结",
                     "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理", "行政规范性文件", "规范性文件")
