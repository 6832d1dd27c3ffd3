"""A code and its arguments rendered in a language: the one place where messages are written.

Templates are ``str.format`` strings over a finding's arguments. An argument is shown by the
formatter its name calls for (a ``row`` key becomes the row's printed label, a list of
``printed`` tokens their text, a date its Chinese spelling …); an argument whose name is a
phrase key (``why``, ``notice`` …) names a phrase of :data:`~.phrases.PHRASES`, rendered in
turn. A template that needs an argument the finding lacks is a bug: :func:`render` then
falls back to the code and its arguments (``strict`` raises instead, for the tests).
"""
from __future__ import annotations

import json
from collections.abc import Mapping as AbcMapping
from decimal import Decimal
from typing import Any, Callable, Iterator, Literal, Mapping, Sequence

from ..templates import get as template
from ..templates import labels
from .catalogue import FINDINGS, RULES_EN, Entry
from .errors import ERRORS
from .phrases import PHRASE_KEYS, PHRASES
from .ui import UI

Lang = Literal["zh", "en"]
LANGS: tuple[str, ...] = ("zh", "en")
SEP = {"zh": "、", "en": ", "}
LIST_SEP = {"zh": "；", "en": "; "}
LEVELS = {"zh": {"government": "本级人民政府", "department": "政府部门", "township": "乡镇人民政府",
                 "subdistrict": "街道办事处"},
          "en": {"government": "a people's government", "department": "a government department",
                 "township": "a township government", "subdistrict": "a subdistrict office"}}


def show(v: object) -> str:
    """A value as printed: ints, exact decimals, ``—`` for none."""
    if v is None:
        return "—"
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def where(prov: Mapping[str, Any] | Any | None, lang: Lang = "zh") -> str:
    """Where something is printed in the source: page, table and row (1-based), or line.
    ``prov`` is a provenance object or its JSON form."""
    if prov is None:
        return ""
    get: Callable[[str], Any] = prov.get if isinstance(prov, AbcMapping) else (lambda k: getattr(prov, k, None))
    line, page, table, row, col = get("line"), get("page"), get("table"), get("row"), get("col")
    if get("sha256") is not None:  # a person's decision (a confirmed cell)
        return say("decision.where", lang, who=get("who") or "?", when=(get("when") or "")[:16].replace("T", " "),
                   basis=get("why") or "—")
    if line is not None:  # a text file: the line is what an editor shows (its cell grid is ours)
        return f"第{line}行" if lang == "zh" else f"line {line}"
    if page is not None:  # a PDF or a scan: the page is what a reader turns to (tables are numbered by us)
        return f"第{page}页" if lang == "zh" else f"page {page}"
    if get("paragraph") is not None and table is None:
        return f"第{get('paragraph') + 1}段" if lang == "zh" else f"paragraph {get('paragraph') + 1}"
    if lang == "zh":
        return "".join(([f"第{page}页"] if page is not None else []) + ([f"第{table + 1}个表格"] if table is not None else [])
                       + ([f"第{row + 1}行" + (f"第{col + 1}列" if col is not None else "")] if row is not None else []))
    parts = ([f"page {page}"] if page is not None else []) + ([f"table {table + 1}"] if table is not None else [])
    if row is not None:
        parts.append(f"row {row + 1}" + (f" col {col + 1}" if col is not None else ""))
    return ", ".join(parts)


def date_text(iso: str | None, lang: Lang) -> str:
    """``2024-01-31`` as ``2024年1月31日`` (zh) or as it is (en)."""
    if not iso:
        return "—"
    parts = iso.split("-")
    if lang == "en" or len(parts) != 3 or not all(p.isdigit() for p in parts):
        return iso
    return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"


class Fields(AbcMapping):  # type: ignore[type-arg]
    """The arguments of one message, each shown as its name calls for."""

    def __init__(self, args: Mapping[str, Any], lang: Lang, cells: Sequence[str], template_id: str | None) -> None:
        self.args, self.lang, self.cells, self.template_id = args, lang, cells, template_id

    def __getitem__(self, key: str) -> str:
        if key in _DERIVED:
            return _DERIVED[key](self)
        value = self.args[key]
        if key in PHRASE_KEYS and isinstance(value, str):
            return self.phrase(f"{key}.{value}")
        fmt = _FORMATS.get(key)
        return fmt(self, value) if fmt is not None else show(value)

    def __iter__(self) -> Iterator[str]:
        return iter(self.args)

    def __len__(self) -> int:
        return len(self.args)

    def phrase(self, name: str) -> str:
        """A phrase of :data:`PHRASES`, filled from the same arguments."""
        return PHRASES[name][self.lang].format_map(self)

    def sep(self) -> str:
        """The list separator of the language (、 or a comma)."""
        return SEP[self.lang]

    def cell(self, ref: str) -> str:
        """A cell named as the form prints it, in the language."""
        return labels.cell_label(self.template_id, ref, self.lang)

    @property
    def tid(self) -> str:
        """The form the cells belong to (the newest when the finding does not say)."""
        return self.template_id or "2021"


def _terms(f: Fields, terms: Sequence[Sequence[Any]]) -> str:
    shown = [f"{f.cell(ref)} {show(v)}" for ref, v in terms if v not in (0, "0", None)]
    if not shown:
        return "各项均为 0" if f.lang == "zh" else "every term 0"
    return " + ".join(shown)


def _identity_text(f: Fields, identity_id: str) -> str:
    spec = template(f.tid).identity(identity_id)
    return spec.text if f.lang == "zh" else spec.text_en


def _about(f: Fields) -> str:
    spec = template(f.tid).identity(f.args["identity"])
    table = template(f.tid).table(spec.table)
    if spec.over == "columns":
        return labels.column_label(f.tid, table.key, f.args["where"], f.lang)
    return labels.row_label(f.tid, table.key, f.args["where"], f.lang, with_table=False)


def _listing(f: Fields, items: Sequence[Any]) -> str:
    return f.sep().join(str(x) for x in items)


def _labels_more(f: Fields, items: Sequence[str]) -> str:
    more = int(f.args.get("count", len(items))) > len(items)
    return f.sep().join(items) + (("等" if f.lang == "zh" else " …") if more else "")


def _cells_short(f: Fields) -> str:
    shown = f.sep().join(f.cell(c) for c in f.cells[:8])
    return shown + (("等" if f.lang == "zh" else " …") if len(f.cells) > 8 else "")


def _evidence(f: Fields, ev: Mapping[str, Any] | None) -> str:
    if not ev:
        return "—"
    at = where(ev.get("source"), f.lang)
    return f"“{ev.get('text', '')}”" + ((f"［{at}］" if f.lang == "zh" else f" [{at}]") if at else "")


def _fixed(f: Fields, fixed: Mapping[str, Any]) -> str:
    return LIST_SEP[f.lang].join(f"{f.cell(ref)} = {show(v)}" for ref, v in fixed.items())


def _candidates(f: Fields, cands: Mapping[str, Sequence[Any]]) -> str:
    out = []
    for ref, vals in cands.items():
        if f.lang == "zh":
            out.append(f"{f.cell(ref)} 可能为 {'、'.join(show(v) for v in vals) if vals else '无法确定'}")
        else:
            out.append(f"{f.cell(ref)} ∈ {{{', '.join(show(v) for v in vals)}}}")
    return LIST_SEP[f.lang].join(out)


def _marks(f: Fields, marks: Sequence[Sequence[Any]]) -> str:
    shown = [(f"第{p}页（{b[0]:.0f}, {b[1]:.0f}）" if f.lang == "zh" else f"page {p} at ({b[0]:.0f}, {b[1]:.0f})")
             for p, b in marks[:20]]
    return f.sep().join(shown)


def _notices(f: Fields, notices: Sequence[Mapping[str, Any]]) -> str:
    return LIST_SEP[f.lang].join(Fields(n, f.lang, (), f.template_id).phrase(f"notice.{n['notice']}") for n in notices)


def _lists(fmt: Callable[[Fields, Any], str]) -> Callable[[Fields, Any], str]:
    """A list formatter that shows a value given as text as it is."""
    return lambda f, v: fmt(f, v) if isinstance(v, (list, tuple)) else show(v)


_FORMATS: dict[str, Callable[[Fields, Any], str]] = {
    "table": lambda f, v: labels.table_name(v, f.lang),
    "row": lambda f, v: labels.row_label(f.template_id, f.args["table"], v, f.lang),
    "group": lambda f, v: labels.group_label(f.template_id, f.args["table"], v, f.lang),
    "column": lambda f, v: labels.column_label(f.template_id, f.args.get("table", "requests"), v, f.lang),
    "cell": lambda f, v: f.cell(v),
    "printed": _lists(lambda f, v: " ".join(v) if v else ("无" if f.lang == "zh" else "none")),
    "values": _lists(lambda f, v: ", ".join(v)),
    "left": _terms, "right": _terms,
    "identity": _identity_text,
    "identities": lambda f, v: LIST_SEP[f.lang].join(_identity_text(f, i) for i in v),
    "fixed": _fixed, "candidates": _candidates,
    "published": lambda f, v: date_text(v, f.lang), "deadline": lambda f, v: date_text(v, f.lang),
    "date": lambda f, v: date_text(v, f.lang),
    "evidence": _evidence, "period_evidence": _evidence, "form_evidence": _evidence, "year_evidence": _evidence,
    "marks": _marks,
    "neighbours": lambda f, v: ("与" if f.lang == "zh" else " and ").join(f"“{x}”" for x in v),
    "pages": _lists(_listing), "names": _lists(_listing), "found": _lists(_listing),
    "expected": _lists(_listing), "units": _lists(_listing), "labels": _lists(_labels_more),
    "level": lambda f, v: LEVELS[f.lang].get(v, v),
    "share": lambda f, v: f"{float(v):.0%}" if isinstance(v, (int, float)) else show(v),
    "notices": _notices,
    # table keys → the form's table names (an OCR'd picture of part of a report)
    "tables": lambda f, v: LIST_SEP[f.lang].join(labels.table_name(t, f.lang) for t in v) or show(v),
    "absent": lambda f, v: LIST_SEP[f.lang].join(labels.table_name(t, f.lang) for t in v) or ("无" if f.lang == "zh" else "none"),
    "notes": lambda f, v: (f"（{_notices(f, v)}）" if f.lang == "zh" else f" ({_notices(f, v)})") if v else "",
}
_DERIVED: dict[str, Callable[[Fields], str]] = {
    "cells": lambda f: f.sep().join(f.cell(c) for c in f.cells),
    "cells_short": _cells_short,
    "heading": lambda f: labels.heading(f.tid, f.args["table"], f.lang),
    "about": _about,
    "place": lambda f: (_FORMATS["row"](f, f.args["row"]) if f.args.get("row") else
                        labels.table_name(f.args["table"], f.lang)),
}


def _fill(entry_text: str, args: Mapping[str, Any], lang: Lang, cells: Sequence[str], template_id: str | None) -> str:
    return entry_text.format_map(Fields(args, lang, cells, template_id))


def _fallback(code: str, args: Mapping[str, Any]) -> str:
    return f"{code} {json.dumps(dict(args), ensure_ascii=False, default=str)}"


def render(code: str, args: Mapping[str, Any], lang: Lang = "zh", *, cells: Sequence[str] = (),
           template_id: str | None = None, strict: bool = False) -> str:
    """A finding's message: its entry's template in ``lang`` over its arguments, then the rule
    it rests on."""
    entry: Entry | None = FINDINGS.get(code)
    if entry is None:
        if strict:
            raise KeyError(f"no catalogue entry for finding {code!r}")
        return _fallback(code, args)
    try:
        text = _fill(entry.zh if lang == "zh" else entry.en, args, lang, cells, template_id)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        if strict:
            raise
        return _fallback(code, args)
    if entry.rule:
        text += f"〔依据：{entry.rule}〕" if lang == "zh" else f" [{RULES_EN[entry.rule]}]"
    return text


def render_error(code: str, params: Mapping[str, Any], lang: Lang = "zh", strict: bool = False) -> str:
    """An error's reason in ``lang`` (the file name is added by whoever shows it)."""
    entry = ERRORS.get(code)
    if entry is None:
        if strict:
            raise KeyError(f"no catalogue entry for error {code!r}")
        return _fallback(code, params)
    try:
        return _fill(entry[lang], params, lang, (), None)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        if strict:
            raise
        return _fallback(code, params)


def say(key: str, lang: Lang = "zh", /, **args: Any) -> str:
    """One line of the commands (:data:`~.ui.UI`) in ``lang``."""
    return UI[key][lang].format_map(Fields(args, lang, (), args.get("template_id")))
