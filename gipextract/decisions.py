"""A person's decisions on cells (an overrides file), read, checked, written and applied.

A clerk who has the paper original decides a cell the document does not determine: picks a
candidate of an ambiguous cell or types the printed value. Each decision names the document
by the SHA-256 of its bytes, so it is applied only to the very file it was made on: a file
that has changed since (same name, other bytes) gets a ``decision_refused`` warning instead,
never the old value. A decided cell becomes ``confirmed``, its source the decision.

The file is JSON::

    {"schema": 1, "decisions": [{"document": "a.docx", "sha256": "…", "cell": "requests.total.total",
                                 "value": 12, "who": "张三", "when": "2026-12-06T10:30", "why": "纸质原件第3页"}]}
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any, Iterable, Mapping, Sequence

from .errors import SavedReportError
from .report import Cell, Decision, Report, finding, value_of
from .templates import get as template

SCHEMA = 1
FIELDS = ("sha256", "cell", "value", "who", "when")
_SHA = re.compile(r"[0-9a-f]{64}")
# Findings about how a cell was placed: moot once a person has decided every cell they name.
_PLACEMENT = frozenset({"ambiguous", "inferred", "row_missing", "placement_none", "placement_inconsistent",
                        "order_filled", "values_displaced", "rows_unpaired", "table_scrambled",
                        "table_order_lost", "values_after_wording", "total_unconfirmed",
                        "inferred_contradicted", "group_total", "ocr_inferred"})
Decisions = Sequence[Decision]


def _cells() -> frozenset[str]:
    return frozenset(".".join(k) for t in ("2019", "2021") for k in template(t).cell_keys())


def parse_decisions(data: Any, label: str | None = None) -> tuple[Decision, ...]:
    """The decisions of an overrides file's JSON data, each checked (raises
    :class:`~gipextract.errors.SavedReportError` naming the entry and what is wrong)."""
    entries = data.get("decisions") if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        raise SavedReportError(label, "overrides_no_list")
    known = _cells()
    out = []
    for i, e in enumerate(entries, 1):
        if not isinstance(e, Mapping):
            raise SavedReportError(label, "overrides_missing_field", index=i, field="sha256")
        for name in FIELDS:
            if e.get(name) in (None, ""):
                raise SavedReportError(label, "overrides_missing_field", index=i, field=name)
        if not isinstance(e["sha256"], str) or not _SHA.fullmatch(e["sha256"]):
            raise SavedReportError(label, "overrides_bad_sha", index=i)
        if e["cell"] not in known:
            raise SavedReportError(label, "overrides_bad_cell", index=i, cell=str(e["cell"])[:80])
        try:
            value = value_of(e["value"])
        except (ValueError, TypeError):
            value = None
        if value is None or isinstance(e["value"], bool) or value < 0:
            raise SavedReportError(label, "overrides_bad_value", index=i, value=str(e["value"])[:40])
        out.append(Decision(e["sha256"], e["cell"], value, str(e["who"]), str(e["when"]), str(e.get("why") or ""),
                            e.get("document")))
    return tuple(out)


def load(path: str | os.PathLike[str]) -> tuple[Decision, ...]:
    """The decisions of the overrides file at ``path``."""
    label = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise SavedReportError(label, "overrides_not_json", detail=type(e).__name__) from None
    return parse_decisions(data, label)


def dumps(decisions: Iterable[Decision]) -> str:
    """An overrides file's text (later decisions on the same document and cell replace earlier)."""
    latest: dict[tuple[str, str], Decision] = {}
    for d in decisions:
        latest[(d.sha256, d.cell)] = d
    return json.dumps({"schema": SCHEMA, "decisions": [d.to_dict() for d in latest.values()]},
                      ensure_ascii=False, indent=2) + "\n"


def _name(path: str | None) -> str | None:
    return PurePath(path).name if path else None


def _typed(value: int | Decimal, kind: str) -> int | Decimal:
    """A count stays an int; an amount is a Decimal (the JSON of a count may say ``12.0``)."""
    if kind == "amount":
        return Decimal(value)
    return int(value) if value == int(value) else value


def apply(report: Report, decisions: Decisions) -> Report:
    """``report`` with the decisions made on its bytes applied (cells ``confirmed``), and a
    ``decision_refused`` warning for decisions made on an earlier version of the same file."""
    sha, name = report.source.sha256, _name(report.source.path)
    mine = {d.cell: d for d in decisions if d.sha256 == sha}
    stale = [d for d in decisions if d.sha256 != sha and name is not None and _name(d.document) == name]
    if not mine and not stale:
        return report
    spec = template(report.template)
    on_form = {".".join(k) for k in spec.cell_keys()}
    unknown = sorted(ref for ref in mine if ref not in on_form)
    cells: list[Cell] = []
    decided: list[str] = []
    for c in report.cells:
        d = mine.get(c.ref)
        if d is None:
            cells.append(c)
            continue
        kind = spec.table(c.table).column(c.column).kind
        cells.append(Cell(c.table, c.row, c.column, _typed(d.value, kind), "confirmed", d, (), c.note))
        decided.append(c.ref)
    done = set(decided)
    kept = [f for f in report.findings if not (f.code in _PLACEMENT and f.cells and set(f.cells) <= done)]
    if decided:
        kept.append(finding("decisions_applied", decided, count=len(decided)))
    if unknown:
        kept.append(finding("decision_unknown_cell", names=unknown, form=report.template))
    if stale:
        refs = [d.cell for d in stale if d.cell in on_form]
        kept.append(finding("decision_refused", refs, count=len(stale), document=name,
                            decided=stale[0].sha256[:12], current=sha[:12]))
    return replace(report, cells=tuple(cells), findings=tuple(kept))
