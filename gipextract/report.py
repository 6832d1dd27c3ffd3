"""The result: a frozen :class:`Report` and its JSON shape (``../shared/spec/OUTPUT.md``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, Mapping

from .read.document import Provenance

SCHEMA = 1
Status = Literal["ok", "empty", "inferred", "ambiguous", "missing"]
Value = int | Decimal | None


@dataclass(frozen=True)
class SourceInfo:
    """The input: path (or a name for bytes), format, SHA-256 of its bytes."""

    path: str | None
    format: str
    sha256: str


@dataclass(frozen=True)
class ReportInfo:
    """Who reports, for which year, under which title, published when."""

    unit: str | None = None
    year: int | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    index_no: str | None = None


@dataclass(frozen=True)
class Cell:
    """One grid cell with its value, status and source."""

    table: str
    row: str
    column: str
    value: Value
    status: Status
    source: Provenance | None = None
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
        return cls(d["table"], d["row"], d["column"], value_of(d["value"]), d["status"],
                   provenance_of(src) if src is not None else None,
                   tuple(value_of(v) for v in d.get("candidates", ())), d.get("note"))


@dataclass(frozen=True)
class Finding:
    """Something a reader should see: an identity that fails, a cell that was inferred, …"""

    severity: Literal["error", "warning", "info"]
    code: str
    message: str
    cells: tuple[str, ...] = ()
    # The message as the core wrote it (English), kept when ``message`` is rendered in
    # Chinese by :func:`gipextract.messages.localize`, so that ``--lang en`` can go back to it.
    # Not part of the JSON or of equality: the code and cells identify a finding.
    en: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"severity": self.severity, "code": self.code, "message": self.message, "cells": list(self.cells)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Finding":
        """The inverse of :meth:`to_dict`."""
        return cls(d["severity"], d["code"], d["message"], tuple(d.get("cells", ())))


@dataclass(frozen=True)
class ExtraRowOut:
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
    def from_dict(cls, d: Mapping[str, Any]) -> "ExtraRowOut":
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
    extra_rows: tuple[ExtraRowOut, ...] = ()
    inputs: tuple[str, ...] = ()  # for a sum of reports: the documents added up

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

    def to_records(self) -> list[dict[str, Any]]:
        """One tidy record per cell (document, unit, year, template, keys, Chinese labels, value, status)."""
        from .output.export import records

        return records(self)

    def to_frame(self) -> Any:
        """The tidy records as a pandas DataFrame (needs the ``pandas`` extra)."""
        from .output.export import to_frame

        return to_frame(self)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity == "error" for f in self.findings)

    def to_dict(self, compact: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data, exactly as OUTPUT.md describes.

        ``compact`` drops ``sections`` and each cell's ``source`` (for corpora of 10^5 reports)."""
        tables: dict[str, dict[str, dict[str, Any]]] = {}
        for c in self.cells:
            tables.setdefault(c.table, {}).setdefault(c.row, {})[c.column] = json_value(c.value)
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "source": {"path": self.source.path, "format": self.source.format, "sha256": self.source.sha256},
            "template": self.template,
            "report": {"unit": self.info.unit, "year": self.info.year, "title": self.info.title,
                       "published": self.info.published, "publisher": self.info.publisher,
                       "index_no": self.info.index_no},
            "tables": tables,
            "cells": [c.to_dict(compact) for c in self.cells],
            "findings": [f.to_dict() for f in self.findings],
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
            raise ValueError("not a saved report" + (f" (an error record: {what})" if what else ""))
        if d.get("schema") != SCHEMA:
            raise ValueError(f"unknown schema {d.get('schema')!r}; this version reads schema {SCHEMA}")
        src, info = d["source"], d.get("report") or {}
        return cls(
            source=SourceInfo(src.get("path"), src["format"], src["sha256"]),
            template=d["template"],
            info=ReportInfo(**{k: info.get(k) for k in ("unit", "year", "title", "published", "publisher",
                                                        "index_no")}),
            cells=tuple(Cell.from_dict(c) for c in d["cells"]),
            findings=tuple(Finding.from_dict(f) for f in d.get("findings", ())),
            sections=dict(d.get("sections", {})),
            extra_rows=tuple(ExtraRowOut.from_dict(e) for e in d.get("extra_rows", ())),
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
    kw = {k: d[k] for k in ("line", "page", "table", "row", "col", "paragraph") if k in d}
    if "bbox" in d:
        kw["bbox"] = tuple(d["bbox"])
    return Provenance(**kw)


def json_value(v: Value) -> Any:
    """Counts stay ints; amounts become exact decimal strings."""
    if isinstance(v, Decimal):
        return format(v, "f")
    return v
