"""Tables, rows, columns and cells named as the form prints them (Chinese) or in English."""
from __future__ import annotations

from functools import lru_cache
from typing import Literal

from . import TEMPLATE_IDS, get

Lang = Literal["zh", "en"]
TABLE_NAMES = {"zh": {"proactive": "表二（主动公开）", "requests": "表三（申请办理）", "appeals": "表四（复议诉讼）"},
               "en": {"proactive": "table II (proactive disclosure)", "requests": "table III (requests)",
                      "appeals": "table IV (appeals)"}}
# The columns of table 三 that the form prints under one heading.
_ORG = {"zh": "法人或其他组织", "en": "legal persons or other organisations"}
_ORG_COLUMNS = frozenset({"commercial", "research", "social_welfare", "legal_service", "other_org"})
_NOTE = "（区分"  # 部分公开's instruction, printed inside its label


def table_name(table: str, lang: Lang = "zh") -> str:
    """``表三（申请办理）``: a table named briefly."""
    return TABLE_NAMES[lang].get(table, table)


def heading(template_id: str, table: str, lang: Lang = "zh") -> str:
    """The table's heading as the form prints it (``三、收到和处理政府信息公开申请情况``)."""
    spec = get(template_id).table(table)
    return spec.heading if lang == "zh" else spec.heading_en


@lru_cache(maxsize=None)
def _cells(template_id: str, lang: Lang, full: bool) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(row label, column label) of every cell; ``full`` keeps a label's printed note and the
    plain column label (the tidy exports), else labels are short and table 三's organisation
    columns carry their heading."""
    t = get(template_id)
    out = {}
    for table in t.tables:
        groups = {g.key: (g.label if lang == "zh" else g.label_en) for g in table.groups}
        for row in table.rows:
            label = (row.label or "") if lang == "zh" else (row.label_en or "")
            if not full:
                label = label.split(_NOTE)[0]
            group = groups.get(row.key.split(".")[0]) if "." in row.key else None
            if group:
                label = f"{group} / {label}"
            for col in row.columns:
                spec = table.column(col)
                col_label = spec.label if lang == "zh" else spec.label_en
                if not full and table.key == "requests" and col in _ORG_COLUMNS:
                    col_label = f"{_ORG[lang]} / {col_label}"
                out[(table.key, row.key, col)] = (label, col_label)
    return out


def cell_labels(template_id: str, lang: Lang = "zh", full: bool = False) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(row label, column label) of every cell of a template (see :func:`_cells`)."""
    return _cells(template_id, lang, full)


def split_ref(ref: str, template_id: str | None = None) -> tuple[str, str, str] | None:
    """``requests.denied.state_secret.total`` as (table, row, column); row keys and the
    appeals columns hold dots, so each cut is tried against the template's cells."""
    table, _, rest = ref.partition(".")
    parts = rest.split(".")
    for tid in (template_id,) if template_id else TEMPLATE_IDS:
        names = _cells(tid, "zh", False)
        for i in range(1, len(parts)):
            key = (table, ".".join(parts[:i]), ".".join(parts[i:]))
            if key in names:
                return key
    return None


def cell_label(template_id: str | None, ref: str | tuple[str, str, str], lang: Lang = "zh") -> str:
    """A cell named as the form prints it: ``（三）不予公开 / 1.属于国家秘密 / 自然人``."""
    key = split_ref(ref, template_id) if isinstance(ref, str) else ref
    if key is None:
        return ref if isinstance(ref, str) else ".".join(ref)
    row, col = _cells(template_id or _owner(key), lang, False)[key]
    return f"{row} / {col}" if row else col


def row_label(template_id: str | None, table: str, row: str, lang: Lang = "zh", with_table: bool = True) -> str:
    """A row named as the form prints it, with its group (and its table)."""
    tid = template_id or _owner((table, row, None))
    spec = get(tid).table(table)
    try:
        col = spec.row(row).columns[0]
        label = _cells(tid, lang, False)[(table, row, col)][0]
    except KeyError:  # a group printed as its total: the group's own label
        group = next((g for g in spec.groups if g.key == row), None)
        label = (group.label if lang == "zh" else group.label_en) if group else row
    if not with_table:
        return label
    return f"{table_name(table, lang)} {label}".rstrip() if lang == "zh" else f"{table_name(table, lang)}, {label}".rstrip(", ")


def column_label(template_id: str | None, table: str, column: str, lang: Lang = "zh") -> str:
    """A column named as the form prints it."""
    spec = get(template_id or _owner((table, None, column))).table(table).column(column)
    return spec.label if lang == "zh" else spec.label_en


def group_label(template_id: str | None, table: str, group: str, lang: Lang = "zh") -> str:
    """A group of rows (（三）不予公开) named as the form prints it."""
    spec = get(template_id or "2021").table(table)
    g = next((g for g in spec.groups if g.key == group), None)
    if g is None:
        return group
    return g.label if lang == "zh" else g.label_en


def _owner(key: tuple[str, str | None, str | None]) -> str:
    """The first template that has this table/row/column (rows differ only in table 二 and
    （六）其他处理, so a finding without a template still gets its labels)."""
    for tid in TEMPLATE_IDS:
        try:
            table = get(tid).table(key[0])
            if key[1] is not None:
                table.row(key[1]) if key[1] not in {g.key for g in table.groups} else None
            if key[2] is not None:
                table.column(key[2])
            return tid
        except KeyError:
            continue
    return TEMPLATE_IDS[0]
