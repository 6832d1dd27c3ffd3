"""The result: a frozen :class:`Report` and its JSON shape (``../shared/spec/OUTPUT.md``)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Iterable, Literal, Mapping

from .errors import GipExtractError, InternalError, SavedReportError
from .messages import Lang, render
from .messages.catalogue import FINDINGS, Severity
from .read.document import Provenance
from .read.source import display_path

SCHEMA = 1
Status = Literal["ok", "empty", "inferred", "ambiguous", "missing", "confirmed"]
Value = int | Decimal | None


@dataclass(frozen=True)
class SourceInfo:
    """The input: path (or a name for bytes), format, SHA-256 of its bytes."""

    path: str | None
    format: str
    sha256: str


@dataclass(frozen=True)
class Evidence:
    """What a fact or a finding rests on: the text as printed, where it stands, and what kind
    of place that is (``title``, ``signature``, ``field`` such as 发布时间：, ``meta`` for a page's
    own metadata, ``source_line`` for 来源：, ``opening`` sentence, ``period``, ``heading`` …)."""

    text: str
    source: Provenance | None = None
    origin: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"text", "source", "from"}``."""
        return {"text": self.text, "source": self.source.to_dict() if self.source is not None else None,
                "from": self.origin}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Evidence":
        """The inverse of :meth:`to_dict`."""
        src = d.get("source")
        return cls(d.get("text", ""), provenance_of(src) if src is not None else None, d.get("from", ""))


@dataclass(frozen=True)
class Decision:
    """A person's decision on one cell of one document (an overrides file's entry): the value
    read from the paper original or picked among the candidates, by whom, when and why. It is
    the ``source`` of a ``confirmed`` cell."""

    sha256: str  # the document's bytes the decision was made on
    cell: str  # table.row.column
    value: int | Decimal
    who: str
    when: str  # ISO date-time
    why: str = ""
    document: str | None = None  # the document's name when decided, to notice a changed file

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as in an overrides file (the value as a cell's)."""
        return {"document": self.document, "sha256": self.sha256, "cell": self.cell, "value": json_value(self.value),
                "who": self.who, "when": self.when, "why": self.why}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Decision":
        """The inverse of :meth:`to_dict` (no checking: :mod:`gipextract.decisions` checks files)."""
        return cls(d["sha256"], d["cell"], value_of(d["value"]), d.get("who", ""), d.get("when", ""),  # type: ignore[arg-type]
                   d.get("why", ""), d.get("document"))


@dataclass(frozen=True)
class ReportInfo:
    """Who reports, for which year, under which title, published when; and for each of these
    facts the text it was read from (``evidence``, by fact name)."""

    unit: str | None = None
    year: int | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    index_no: str | None = None
    evidence: Mapping[str, Evidence] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as the ``report`` object of the output."""
        d: dict[str, Any] = {"unit": self.unit, "year": self.year, "title": self.title, "published": self.published,
                             "publisher": self.publisher, "index_no": self.index_no}
        if self.evidence:
            d["evidence"] = {k: e.to_dict() for k, e in self.evidence.items()}
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "ReportInfo":
        """The inverse of :meth:`to_dict`."""
        return cls(**{k: d.get(k) for k in ("unit", "year", "title", "published", "publisher", "index_no")},
                   evidence={k: Evidence.from_dict(e) for k, e in (d.get("evidence") or {}).items()})


@dataclass(frozen=True)
class Cell:
    """One grid cell with its value, status and source."""

    table: str
    row: str
    column: str
    value: Value
    status: Status
    source: Provenance | Decision | None = None  # a Decision for a confirmed cell
    candidates: tuple[Value, ...] = ()
    note: str | None = None

    @property
    def ref(self) -> str:
        """``table.row.column``."""
        return f"{self.table}.{self.row}.{self.column}"

    def to_dict(self, compact: bool = False) -> dict[str, Any]:
        """The cell as in OUTPUT.md's ``cells`` list (``compact``: without its source)."""
        d: dict[str, Any] = {"table": self.table, "row": self.row, "column": self.column,
                             "value": json_value(self.value), "status": self.status}
        if self.status == "ambiguous" or self.candidates:
            d["candidates"] = [json_value(v) for v in self.candidates]
        if not compact:
            d["source"] = self.source.to_dict() if self.source is not None else None
        if self.note is not None:
            d["note"] = self.note
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Cell":
        """The inverse of :meth:`to_dict`."""
        src = d.get("source")
        source = None if src is None else Decision.from_dict(src) if "sha256" in src else provenance_of(src)
        return cls(d["table"], d["row"], d["column"], value_of(d["value"]), d["status"], source,
                   tuple(value_of(v) for v in d.get("candidates", ())), d.get("note"))


_PLAIN = frozenset({int, str, bool, float, type(None)})


def jsonable(value: Any) -> Any:
    """``value`` as JSON holds it: tuples as lists, decimals as exact strings, keys as text."""
    kind = type(value)
    if kind in _PLAIN:  # most arguments: checked first, as an ABC isinstance costs ten times more
        return value
    if kind is list or kind is tuple:
        return [jsonable(v) for v in value]
    if kind is dict or isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


@dataclass(frozen=True)
class Finding:
    """Something a reader should see, as data: a stable ``code``, the cells it names and the
    arguments it rests on (numbers, labels, the text and where it stands). Its ``message`` is
    rendered from the catalogue when asked for, in Chinese unless another language is."""

    code: str
    cells: tuple[str, ...] = ()
    args: Mapping[str, Any] = field(default_factory=dict, hash=False)
    severity: Severity = None  # type: ignore[assignment]  # None: the catalogue's severity for the code
    # The form whose labels name the cells; set by the report that holds the finding.
    template: str | None = field(default=None, compare=False, repr=False)
    # The message a saved report held, shown if the catalogue no longer knows the code.
    saved: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cells", tuple(self.cells))
        object.__setattr__(self, "args", jsonable(self.args))
        if self.severity is None:
            entry = FINDINGS.get(self.code)
            object.__setattr__(self, "severity", entry.severity if entry else "warning")

    @property
    def message(self) -> str:
        """The message in Chinese."""
        return self.text("zh")

    def text(self, lang: Lang = "zh") -> str:
        """The message in ``lang`` (a report saved without arguments shows its saved message)."""
        try:
            return render(self.code, self.args, lang, cells=self.cells, template_id=self.template, strict=True)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            if self.saved is not None:
                return self.saved
            return render(self.code, self.args, lang, cells=self.cells, template_id=self.template)

    @property
    def rule(self) -> str | None:
        """The rule a compliance finding rests on (条例第四十九条 …), else None."""
        entry = FINDINGS.get(self.code)
        return entry.rule if entry else None

    def to_dict(self, lang: Lang = "zh") -> dict[str, Any]:
        """JSON-ready, the message in ``lang``."""
        return {"severity": self.severity, "code": self.code, "message": self.text(lang), "cells": list(self.cells),
                "args": dict(self.args)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], template: str | None = None) -> "Finding":
        """The inverse of :meth:`to_dict`."""
        return cls(d["code"], tuple(d.get("cells", ())), d.get("args") or {}, d["severity"], template,
                   d.get("message"))


def finding(code: str, cells: Iterable[str] = (), severity: Severity | None = None, **args: Any) -> Finding:
    """A :class:`Finding` of ``code`` naming ``cells``, with ``args``."""
    return Finding(code, tuple(cells), args, severity)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ExtraRow:
    """A row a local variant adds, kept with its label and printed values."""

    table: str
    label: str
    values: tuple[str, ...]
    source: Provenance | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"table": self.table, "label": self.label, "values": list(self.values),
                "source": self.source.to_dict() if self.source else None}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "ExtraRow":
        """The inverse of :meth:`to_dict`."""
        src = d.get("source")
        return cls(d["table"], d["label"], tuple(d["values"]), provenance_of(src) if src is not None else None)


@dataclass(frozen=True)
class Report:
    """One annual report as a validated grid with metadata, findings and section texts."""

    source: SourceInfo
    template: str
    info: ReportInfo
    cells: tuple[Cell, ...]
    findings: tuple[Finding, ...] = ()
    sections: Mapping[str, str] = field(default_factory=dict)
    extra_rows: tuple[ExtraRow, ...] = ()
    inputs: tuple[str, ...] = ()  # for a sum of reports: the documents added up

    def __post_init__(self) -> None:
        # A finding names cells by key; the report's form says which labels they have.
        if any(f.template != self.template for f in self.findings):
            object.__setattr__(self, "findings", tuple(f if f.template == self.template else
                                                       replace(f, template=self.template) for f in self.findings))

    def cell(self, table: str, row: str, column: str) -> Cell:
        """The cell at ``table``/``row``/``column``."""
        for c in self.cells:
            if c.table == table and c.row == row and c.column == column:
                return c
        raise KeyError(f"{table}.{row}.{column}")

    def table(self, key: str) -> dict[str, dict[str, Value]]:
        """One table as ``{row: {column: value}}``."""
        out: dict[str, dict[str, Value]] = {}
        for c in self.cells:
            if c.table == key:
                out.setdefault(c.row, {})[c.column] = c.value
        return out

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity == "error" for f in self.findings)

    def __repr__(self) -> str:
        """A few lines: who, year, form, cells by status, the first three findings (all: :meth:`to_dict`)."""
        counts = ", ".join(f"{k} {v}" for k, v in Counter(c.status for c in self.cells).items())
        head = (f"Report(unit={self.info.unit!r}, year={self.info.year!r}, template={self.template!r}, source="
                f"{display_path(self.source.path)!r})\n  cells: {len(self.cells)} ({counts})\n  findings: {len(self.findings)}")
        shown = [f"\n    {f.severity} {f.code}: {f.message[:60]}{'…' * (len(f.message) > 60)}" for f in self.findings[:3]]
        return head + "".join(shown) + (f"\n    … {len(self.findings) - 3} more" if len(self.findings) > 3 else "")

    def to_dict(self, compact: bool = False, lang: Lang = "zh") -> dict[str, Any]:
        """Plain JSON-ready data, exactly as OUTPUT.md describes, messages in ``lang``.

        ``compact`` drops ``sections`` and each cell's ``source`` (for corpora of 10^5 reports)."""
        tables: dict[str, dict[str, dict[str, Any]]] = {}
        for c in self.cells:
            tables.setdefault(c.table, {}).setdefault(c.row, {})[c.column] = json_value(c.value)
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "source": {"path": self.source.path, "format": self.source.format, "sha256": self.source.sha256},
            "template": self.template,
            "report": self.info.to_dict(),
            "tables": tables,
            "cells": [c.to_dict(compact) for c in self.cells],
            "findings": [f.to_dict(lang) for f in self.findings],
        }
        if not compact:
            d["sections"] = dict(self.sections)
        if self.extra_rows:
            d["extra_rows"] = [e.to_dict() for e in self.extra_rows]
        if self.inputs:
            d["inputs"] = list(self.inputs)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Report":
        """A report from :meth:`to_dict`'s output (or its JSON): ``from_dict(r.to_dict()) == r``.

        Raises ``ValueError`` for anything else, e.g. the error record a batch writes for a
        file that could not be read."""
        if not isinstance(d, Mapping) or "cells" not in d or "template" not in d:
            what = d.get("error", {}).get("message") if isinstance(d, Mapping) and "error" in d else None
            raise SavedReportError(None, "error_record", message=what) if what else SavedReportError(None, "not_a_saved_report")
        if d.get("schema") != SCHEMA:
            raise SavedReportError(None, "unknown_schema", schema=repr(d.get("schema")), supported=SCHEMA)
        src, info = d["source"], d.get("report") or {}
        return cls(
            source=SourceInfo(src.get("path"), src["format"], src["sha256"]),
            template=d["template"],
            info=ReportInfo.from_dict(info),
            cells=tuple(Cell.from_dict(c) for c in d["cells"]),
            findings=tuple(Finding.from_dict(f, d["template"]) for f in d.get("findings", ())),
            sections=dict(d.get("sections", {})),
            extra_rows=tuple(ExtraRow.from_dict(e) for e in d.get("extra_rows", ())),
            inputs=tuple(d.get("inputs", ())),
        )


def value_of(v: Any) -> Value:
    """The inverse of :func:`json_value`: ints stay ints, decimal strings become ``Decimal``."""
    if v is None or (isinstance(v, int) and not isinstance(v, bool)):
        return v
    if isinstance(v, str):
        try:
            return Decimal(v)
        except ArithmeticError:
            pass
    raise ValueError(f"not a cell value: {v!r}")


def provenance_of(d: Mapping[str, Any]) -> Provenance:
    """The inverse of :meth:`Provenance.to_dict`."""
    kw = {k: d[k] for k in ("line", "page", "table", "row", "col", "paragraph", "confidence") if k in d}
    if "bbox" in d:
        kw["bbox"] = tuple(d["bbox"])
    return Provenance(**kw)


def json_value(v: Value) -> Any:
    """Counts stay ints; amounts become exact decimal strings."""
    if isinstance(v, Decimal):
        return format(v, "f")
    return v


@dataclass(frozen=True)
class Result:
    """One input's outcome in a batch: its report, or the error that stopped it."""

    path: str
    report: Report | None = None
    error: GipExtractError | None = None

    @property
    def ok(self) -> bool:
        """True when the input was read."""
        return self.report is not None

    def __repr__(self) -> str:
        """One line: the path, and the report's who/year/form or the error's type, code and reason."""
        r, e = self.report, self.error
        what = f"report=<unit={r.info.unit!r} year={r.info.year!r} template={r.template!r}, {len(r.findings)} " \
            f"findings>" if r is not None else f"error={self.error_type}({getattr(e, 'code', None)!r}): {e.reason[:80] if e else ''}"
        return f"Result(path={self.display_path!r}, {what})"

    @property
    def error_type(self) -> str | None:
        """The error's class name (``UnreadableInputError`` …), None when read."""
        return type(self.error).__name__ if self.error is not None else None

    @property
    def display_path(self) -> str:
        """The path as valid Unicode text (see :func:`gipextract.read.source.display_path`)."""
        return display_path(self.path) or ""

    @classmethod
    def failed(cls, path: str, error: BaseException) -> "Result":
        """The result of an input whose reading raised ``error`` (a bug of ours included)."""
        if isinstance(error, GipExtractError):
            return cls(path, error=error)
        return cls(path, error=InternalError(path, "internal", stage="read", type=type(error).__name__,
                                             detail=str(error)[:300]))
