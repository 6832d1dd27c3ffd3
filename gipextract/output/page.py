"""The report page: one self-contained HTML file for clerks (``gipextract report``, and the
local page of ``gipextract serve``).

On top, an overview with one row per document and a colour per check, linking down to each
report; for each report its facts with the text they rest on, the three tables laid out as the
national form (each cell coloured by status, its source and candidates in a tip on hover or
tap, the cells of a broken identity outlined and the likely culprit marked), the findings with
their evidence, and a form to decide undetermined cells (saved as an overrides file). No
network, no external asset; everything taken from a document is escaped.
"""
from __future__ import annotations

import json
from html import escape
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Iterable, Sequence

from ..messages import Lang, say, show, where
from ..report import Cell, Report, Result
from ..templates import get
from ..templates.labels import cell_label
from .form_layout import Slot, layout
from .overview import check_groups
from .page_assets import CSS, JS
from .problems import broken, culprits

TABLES = ("proactive", "requests", "appeals")
UNDECIDED = ("ambiguous", "missing", "inferred")
_RANK = {"ok": 0, "info": 1, "warning": 2, "error": 3}
_MARK = {"ok": "√", "info": "·", "warning": "!", "error": "×"}


def _e(text: Any) -> str:
    return escape("" if text is None else str(text), quote=True)


def render_page(items: Iterable[Report | Result], lang: Lang = "zh", *, post: str | None = None) -> str:
    """The page for reports or batch results (a result that could not be read is listed with
    its reason). ``post``: where the page posts decisions (the local page); from disk they are
    downloaded as an overrides file."""
    results = [i if isinstance(i, Result) else Result(i.source.path or "", report=i) for i in items]
    reports = [r.report for r in results if r.report is not None]
    data = {"reports": [{"document": _name(r), "sha256": r.source.sha256} for r in reports]}
    body = [_overview(results, lang)]
    k = 0
    for r in results:
        if r.report is not None:
            body.append(_section(k, r.report, lang, post is not None))
            k += 1
    failed = sum(1 for r in results if r.report is None)
    head = (f'<header class="toolbar"><h1>{_e(say("page.title", lang))}</h1>'
            f'<p>{_e(say("page.made", lang, version=_version(), count=len(results), failed=failed))}</p>'
            f'<button type="button" class="print">{_e(say("page.print", lang))}</button></header>')
    # JSON inside <script>: "<" escaped so no document text can close the element.
    blob = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    attrs = f' data-post="{_e(post)}"' if post else ""
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_e(say("page.title", lang))}</title><style>{CSS}</style></head>'
            f'<body{attrs}>{head}{"".join(body)}'
            f'<script type="application/json" id="gip-data">{blob}</script><script>{JS}</script></body></html>\n')


def _version() -> str:
    try:
        return version("gipextract")
    except PackageNotFoundError:  # a source tree that was never installed
        return "?"


def _name(report: Report) -> str:
    path = report.source.path or ""
    return path.replace("\\", "/").rsplit("/", 1)[-1] or report.source.sha256[:12]


def _overview(results: Sequence[Result], lang: Lang) -> str:
    groups = check_groups()
    head = [say(k, lang) for k in ("page.document", "page.unit", "page.year", "page.form", "page.cells_summary",
                                   "page.identities")] + [say(f"overview.{g}", lang) for g in groups]
    rows = []
    k = 0
    for r in results:
        if r.report is None:
            reason = r.error.describe(lang) if hasattr(r.error, "describe") else str(r.error)  # type: ignore[union-attr]
            rows.append(f'<tr><td>{_e(r.display_path)}</td><td colspan="{len(head) - 1}" class="res res-error">'
                        f'{_e(say("page.unreadable", lang))}：{_e(reason)}</td></tr>')
            continue
        rep = r.report
        counts: dict[str, int] = {}
        for c in rep.cells:
            counts[c.status] = counts.get(c.status, 0) + 1
        summary = "，".join(f"{say(f'page.state.{s}', lang)} {n}" for s, n in sorted(counts.items()) if s != "ok")
        failed = len(broken(rep))
        cells = [f'<td><a href="#r{k}">{_e(_name(rep))}</a></td>', f"<td>{_e(rep.info.unit or '—')}</td>",
                 f"<td>{_e(rep.info.year or '—')}</td>",
                 f"<td>{_e(say('page.form_value', lang, template=rep.template))}</td>",
                 f"<td>{_e(summary or say('page.all_read', lang))}</td>",
                 f'<td class="res res-{"error" if failed else "ok"}">{_MARK["error"] + str(failed) if failed else _MARK["ok"]}</td>']
        for codes in groups.values():
            found = [f for f in rep.findings if f.code in codes]
            result = max((f.severity for f in found), key=_RANK.__getitem__, default="ok")
            tip = "\n".join(f.text(lang) for f in found)
            cells.append(f'<td class="res res-{result}" title="{_e(tip)}">{_MARK[result]}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
        k += 1
    legend = "".join(f'<span class="res res-{s}">{_MARK[s]} {_e(say(f"page.sev.{s}", lang))}</span>'
                     for s in ("ok", "info", "warning", "error"))
    return (f'<section id="overview"><h2>{_e(say("page.overview", lang))}</h2><div class="scroll"><table>'
            f'<tr>{"".join(f"<th>{_e(h)}</th>" for h in head)}</tr>{"".join(rows)}</table></div>'
            f'<p class="legend">{legend}</p></section>')


def _section(k: int, report: Report, lang: Lang, post: bool = False) -> str:
    info = report.info
    facts = []
    for key, label, value in (("title", "page.title_field", info.title), ("unit", "page.unit", info.unit),
                              ("year", "page.year", info.year), ("published", "page.published", info.published)):
        ev = info.evidence.get(key)
        basis = ""
        if ev is not None:
            at = where(ev.source, lang)
            quoted = f"“{ev.text}”" + (f"［{at}］" if at else "")
            basis = f' <span class="evidence">{_e(say("page.from", lang, text=quoted))}</span>'
        facts.append(f"<dt>{_e(say(label, lang))}</dt><dd>{_e(value if value is not None else say('page.none', lang))}"
                     f"{basis}</dd>")
    failed = broken(report)
    marks: dict[str, set[str]] = {}
    for f in failed:
        for ref in f.cells:
            marks.setdefault(ref, set()).add("broken")
    for ref, _n in culprits(failed):
        marks.setdefault(ref, set()).add("culprit")
    cells = {c.ref: c for c in report.cells}
    template = get(report.template)
    tables = "".join(f"<h3>{_e(template.table(t).heading)}</h3>{_table(report, t, cells, marks, lang)}"
                     for t in TABLES)
    title = f"{info.unit or _name(report)} {info.year or ''}".strip()
    return (f'<article class="report" id="r{k}"><h2>{_e(title)}</h2>'
            f'<p><a class="back" href="#overview">{_e(say("page.back", lang))}</a> '
            f'<span class="code">{_e(_name(report))} · {_e(say("page.form_value", lang, template=report.template))}'
            f' · sha256 {_e(report.source.sha256[:12])}…</span></p>'
            f'<dl class="meta">{"".join(facts)}</dl>{tables}{_findings(report, failed, lang)}'
            f'{_decide(k, report, lang, post)}</article>')


def _table(report: Report, table: str, cells: dict[str, Cell], marks: dict[str, set[str]], lang: Lang) -> str:
    rows = []
    for row in layout(report.template, table):
        rows.append("<tr>" + "".join(_slot(s, report, cells, marks, lang) for s in row) + "</tr>")
    return f'<div class="scroll"><table class="form">{"".join(rows)}</table></div>'


def _slot(s: Slot, report: Report, cells: dict[str, Cell], marks: dict[str, set[str]], lang: Lang) -> str:
    span = (f' rowspan="{s.rows}"' if s.rows > 1 else "") + (f' colspan="{s.cols}"' if s.cols > 1 else "")
    if s.ref is None:
        tag = "th" if s.head else "td"
        return f'<{tag} class="label"{span}>{_e(s.text)}</{tag}>'
    c = cells[s.ref]
    label = cell_label(report.template, s.ref, lang)
    tip = [say("page.cell_tip", lang, label=label, value=show(c.value) if c.value is not None else
               say("page.no_value", lang), state=say(f"page.state.{c.status}", lang),
               where=where(c.source, lang))]
    if c.candidates:
        tip.append(say("page.candidates", lang, values="、".join(show(v) for v in c.candidates)))
    if c.note:
        tip.append(c.note)
    extra = marks.get(s.ref, set())
    if "culprit" in extra:
        tip.append(say("page.culprit", lang))
    shown = show(c.value) if c.value is not None else ("?" if c.status == "ambiguous" else "—")
    classes = " ".join(["v", f"st-{c.status}", *sorted(extra)])
    return (f'<td class="{classes}"{span} tabindex="0" data-ref="{_e(s.ref)}">{_e(shown)}'
            f'<span class="tip">{"<br>".join(_e(t) for t in tip)}</span></td>')


def _findings(report: Report, failed: list, lang: Lang) -> str:
    boxes = [f'<div class="identity">{_e(f.text(lang))}</div>' for f in failed]
    cells = {c.ref: c for c in report.cells}
    for ref, n in culprits(failed):
        cell = cells[ref]
        at = where(cell.source, lang)
        boxes.append(f'<div class="identity"><b>{_e(say("check.culprit", lang, cell=cell_label(report.template, ref, lang), value=show(cell.value), at=f"［{at}］" if at else "", count=n))}</b></div>')
    items = [f'<li class="sev-{f.severity}">{_e(f.text(lang))} <span class="code">[{_e(f.code)}]</span></li>'
             for f in sorted(report.findings, key=lambda f: -_RANK[f.severity]) if f.code != "identity"]
    inner = "".join(boxes) + (f'<ul class="findings">{"".join(items)}</ul>' if items else "")
    return f'<h3>{_e(say("page.findings", lang))}</h3>' + (inner or f"<p>{_e(say('page.no_findings', lang))}</p>")


def _decide(k: int, report: Report, lang: Lang, post: bool) -> str:
    open_cells = [c for c in report.cells if c.status in UNDECIDED]
    if not open_cells:
        return ""
    rows = []
    for c in open_cells:
        pick = ""
        if c.candidates:
            options = "".join(f'<option value="{_e(show(v))}">{_e(show(v))}</option>' for v in c.candidates)
            pick = f'<select data-pick="1"><option value="">{_e(say("page.pick", lang))}</option>{options}</select> '
        rows.append(f"<tr><td>{_e(cell_label(report.template, c.ref, lang))}</td><td>{_e(say(f'page.state.{c.status}', lang))}"
                    f'</td><td>{pick}<input data-cell="{_e(c.ref)}" inputmode="decimal" size="8" '
                    f'aria-label="{_e(say("page.value", lang))}"></td></tr>')
    return (f'<details class="decide" data-report="{k}"><summary>{_e(say("page.decide", lang))}'
            f'（{len(open_cells)}）</summary><p>{_e(say("page.decide_help", lang))}</p>'
            f'<p><label>{_e(say("page.who", lang))} <input name="who" size="10"></label> '
            f'<label>{_e(say("page.why", lang))} <input name="why" size="28"></label></p>'
            f'<table><tr><th>{_e(say("page.cell", lang))}</th><th></th><th>{_e(say("page.value", lang))}</th></tr>'
            f'{"".join(rows)}</table><button type="button" class="save">'
            f'{_e(say("page.apply" if post else "page.download", lang))}</button></details>')
