"""The figures researchers compute from table 三 and table 四, exactly as
``../shared/spec/OUTPUT.md`` ("Indicators") defines them, and their change against last year
where the same unit's previous year is among the reports.

Per applicant column of table 三 and for 总计: 办结 (the ``total`` row), 公开率 (``granted`` /
办结), 实质公开率 ((``granted`` + ``partially_granted``) / 办结), 不予公开率 (the ``denied.*``
rows / 办结); from table 四: 复议纠错率 (``reconsideration.corrected`` / (``.total`` −
``.pending``)) and 诉讼纠错率 (the same over ``litigation_direct`` + ``litigation_after``).
A term that is ``ambiguous`` or ``missing``, or a denominator of 0, makes the figure null
(``null_reason`` says which). Rates are ``Decimal`` quotients to :data:`PLACES` places;
``numerator`` and ``denominator`` keep the exact fraction.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Iterable, Literal

from ..messages import Lang
from ..read.source import display_path
from ..report import Cell, Report, Result
from ..templates import get
from ..templates.labels import cell_labels

PLACES = 20
QUANTUM = Decimal(1).scaleb(-PLACES)
COUNTED = frozenset({"ok", "empty", "inferred", "confirmed"})  # statuses whose value counts as a term
APPEALS_COLUMN = "all"  # table 四's one row: its figures are not per applicant
LABELS: dict[str, dict[str, str]] = {
    "closed": {"zh": "办结", "en": "closed"},
    "disclosure_rate": {"zh": "公开率", "en": "disclosure rate"},
    "substantive_rate": {"zh": "实质公开率", "en": "substantive disclosure rate"},
    "denial_rate": {"zh": "不予公开率", "en": "denial rate"},
    "reconsideration_correction_rate": {"zh": "复议纠错率", "en": "reconsideration correction rate"},
    "litigation_correction_rate": {"zh": "诉讼纠错率", "en": "litigation correction rate"},
}
NullReason = Literal["ambiguous", "missing", "zero_denominator"]
SCHEMA: list[tuple[str, Any]] = [
    ("document", "text"), ("sha256", "text"), ("unit", "text"), ("year", "int"), ("template", "text"),
    ("indicator", "text"), ("label", "text"), ("column", "text"), ("column_label", "text"),
    ("numerator", "int"), ("denominator", "int"), ("value", "decimal"), ("null_reason", "text"),
    ("previous", "decimal"), ("change", "decimal"), ("previous_sha256", "text"),
]


@dataclass(frozen=True)
class Indicator:
    """One figure of one report: its value (``None`` with ``null_reason`` when it cannot be
    computed), the exact terms, and last year's value and the change where known."""

    document: str | None
    sha256: str
    unit: str | None
    year: int | None
    template: str
    indicator: str
    label: str
    column: str
    column_label: str
    numerator: int | None
    denominator: int | None
    value: Decimal | None
    null_reason: NullReason | None = None
    previous: Decimal | None = None
    change: Decimal | None = None
    previous_sha256: str | None = None


class _Open(Exception):
    """A term is ambiguous or missing: the figure is null."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


def _term(cells: dict[tuple[str, str, str], Cell], *keys: tuple[str, str, str]) -> int:
    total = 0
    for key in keys:
        cell = cells[key]
        if cell.status not in COUNTED or cell.value is None:
            raise _Open("ambiguous" if cell.status == "ambiguous" else "missing")
        total += int(cell.value)
    return total


def rate(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator`` as a ``Decimal`` to :data:`PLACES` places (half-even),
    trailing zeros dropped (``0.5``, not ``0.50000000000000000000``)."""
    q = (Decimal(numerator) / Decimal(denominator)).quantize(QUANTUM, rounding=ROUND_HALF_EVEN)
    return q.normalize() if q else Decimal(0)


Keys = tuple[tuple[str, str, str], ...]


def _figures(report: Report) -> list[tuple[str, str, Keys, Keys | None, Keys]]:
    """(indicator, column, numerator's terms, denominator's terms added, terms taken away);
    the denominator's terms are None for a count."""
    t = get(report.template)
    denied = next(g.rows for g in t.table("requests").groups if g.key == "denied")
    out: list[tuple[str, str, Keys, Keys | None, Keys]] = []
    for col in t.table("requests").columns:
        def req(*rows: str, c: str = col.key) -> Keys:
            return tuple(("requests", r, c) for r in rows)

        out += [("closed", col.key, req("total"), None, ()),
                ("disclosure_rate", col.key, req("granted"), req("total"), ()),
                ("substantive_rate", col.key, req("granted", "partially_granted"), req("total"), ()),
                ("denial_rate", col.key, req(*denied), req("total"), ())]
    for name, groups in (("reconsideration_correction_rate", ("reconsideration",)),
                         ("litigation_correction_rate", ("litigation_direct", "litigation_after"))):
        def app(part: str, groups: tuple[str, ...] = groups) -> Keys:
            return tuple(("appeals", "all", f"{g}.{part}") for g in groups)

        out.append((name, APPEALS_COLUMN, app("corrected"), app("total"), app("pending")))
    return out


def report_indicators(report: Report, lang: Lang = "zh") -> list[Indicator]:
    """Every figure of one report (without last year's: see :func:`indicators`)."""
    cells = {(c.table, c.row, c.column): c for c in report.cells}
    names = cell_labels(report.template, lang, full=True)
    out = []
    for name, column, num_keys, plus, minus in _figures(report):
        numerator = denominator = None
        value: Decimal | None = None
        reason: NullReason | None = None
        try:
            numerator = _term(cells, *num_keys)
            if plus is None:  # a count, not a rate
                value = Decimal(numerator)
            else:
                denominator = _term(cells, *plus) - _term(cells, *minus)
                if denominator == 0:
                    reason = "zero_denominator"
                else:
                    value = rate(numerator, denominator)
        except _Open as e:
            numerator = denominator = None
            reason = e.status  # type: ignore[assignment]
        column_label = names[("requests", "total", column)][1] if column != APPEALS_COLUMN else \
            ("全部" if lang == "zh" else "all")
        out.append(Indicator(display_path(report.source.path), report.source.sha256, report.info.unit,
                             report.info.year, report.template, name, LABELS[name][lang], column, column_label,
                             numerator, denominator, value, reason))
    return out


def indicators(reports: Iterable[Report | Result], lang: Lang = "zh") -> list[Indicator]:
    """The figures of every report (failed batch results skipped), each with last year's value
    and the change where exactly one report of the same unit for the previous year is given."""
    reads = [r.report if isinstance(r, Result) else r for r in reports]
    return with_previous([report_indicators(rep, lang) for rep in reads if rep is not None])


def with_previous(per_report: list[list[Indicator]]) -> list[Indicator]:
    """Each report's figures (as :func:`report_indicators` gives them) with last year's value
    and the change, where exactly one report of the same unit covers the previous year (a
    unit read twice for one year is left unlinked rather than guessed)."""
    def key(figs: list[Indicator]) -> tuple[str | None, int | None]:
        return (figs[0].unit, figs[0].year) if figs else (None, None)

    years = Counter(key(figs) for figs in per_report)
    by_key = {key(figs): figs for figs in per_report if figs and figs[0].unit and figs[0].year is not None
              and years[key(figs)] == 1}
    out = []
    for figs in per_report:
        unit, year = key(figs)
        last = by_key.get((unit, year - 1)) if unit and year is not None else None
        before = {(f.indicator, f.column): f for f in last} if last else {}
        for f in figs:
            prev = before.get((f.indicator, f.column))
            if prev is not None:
                change = f.value - prev.value if f.value is not None and prev.value is not None else None
                f = replace(f, previous=prev.value, change=change, previous_sha256=prev.sha256)
            out.append(f)
    return out


def indicator_records(reports: Iterable[Report | Result], lang: Lang = "zh") -> list[dict[str, Any]]:
    """:func:`indicators` as rows of the ``indicators`` table."""
    return [asdict(f) for f in indicators(reports, lang)]
