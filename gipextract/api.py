"""The front door: :func:`parse` reads one source into a :class:`~gipextract.report.Report`.

    source ─► read (adapter) ─► document ─► place (ordered steps) ─► grid ─► checks ─► Report
"""
from __future__ import annotations

import hashlib
import os
from typing import Any, Callable, Sequence, TypeVar

from . import decisions, read
from .checks import Context
from .checks.run import check
from .errors import GipExtractError, InternalError, NoReportFoundError, ResourceLimitError, UnreadableInputError
from .limits import DEFAULT_LIMITS, Budget, Limits, active
from .metadata import describe
from .metadata.older import pre_national_year
from .place.state import State
from .place.steps import place
from .read.document import Document
from .read.options import ReadOptions
from .read.source import Source, read_source
from .report import Decision, Finding, Report, SourceInfo
from .templates import get as get_template
from .templates.identities import evaluate

T = TypeVar("T")


def load_document(source: Source, *, format: str | None = None, name: str | None = None,
                  limits: Limits | None = None, ocr: bool = False, convert_legacy: bool = False) -> Document:
    """Read ``source`` with the adapter for its format and return the shared document model."""
    refuse_text(source)
    limits = limits or DEFAULT_LIMITS
    data, label, _ = read_source(source, name, limits.max_bytes)
    budget = Budget(label, limits)
    with active(budget):
        return _load(data, label, format, budget, ReadOptions(ocr=ocr, convert_legacy=convert_legacy))


PREFIX = 16  # characters of a text given as a path that an error may quote


def refuse_text(source: object) -> None:
    """A ``str`` that is no existing path but holds a line break, or a name longer than any
    file system allows, is a report's text passed by mistake: say how content goes in (as
    ``bytes``), quoting a short prefix at most, never the document."""
    if not isinstance(source, str) or os.path.lexists(source):
        return
    too_long = any(len(os.fsencode(part)) > 255 for part in source.split(os.sep))
    if "\n" in source or "\r" in source or too_long:
        prefix = " ".join(source.split())[:PREFIX]
        raise UnreadableInputError(f"「{prefix}…」", "text_not_path")


def _load(data: bytes, label: str, fmt: str | None, budget: Budget, options: ReadOptions) -> Document:
    if not data.strip():
        raise UnreadableInputError(label, "empty")
    try:
        return read.load(data, label, fmt, budget, options)
    except GipExtractError:
        raise
    except (MemoryError, RecursionError) as e:
        raise ResourceLimitError(label, "out_of_memory", stage="read",
                                 memory="memory" if isinstance(e, MemoryError) else "stack") from None
    except Exception as e:  # a dependency's own error never escapes raw
        raise UnreadableInputError(label, "dependency_error", format=fmt or "input", type=type(e).__name__,
                                   detail=str(e)[:300]) from None


def parse(source: Source, *, format: str | None = None, name: str | None = None,
          limits: Limits | None = None, convert_legacy: bool = False, ocr: bool = False,
          overrides: "str | os.PathLike[str] | Sequence[Decision] | None" = None) -> Report:
    """Parse one annual report from a path, bytes or a binary file object.

    The format is detected from the content (``format`` forces one of ``text``,
    ``html``, ``docx``, ``pdf``). ``name`` labels the source in messages and output;
    ``limits`` overrides the resource limits (:class:`~gipextract.limits.Limits`);
    ``convert_legacy`` lets a .doc/.wps file be converted with LibreOffice, if installed;
    ``ocr`` reads PDF pages without a usable text layer and PNG/JPEG/TIFF pictures by OCR
    (needs ``pip install 'gipextract[ocr]'``; see docs/ocr.md).
    ``overrides`` (a decisions file's path, or decisions) sets the cells a person decided for
    this very document (its SHA-256): they become ``confirmed`` (see :mod:`gipextract.decisions`).
    Raises a :class:`~gipextract.errors.GipExtractError` subclass on bad input.
    """
    refuse_text(source)
    decided = decisions.load(overrides) if isinstance(overrides, (str, os.PathLike)) else overrides or ()
    limits = limits or DEFAULT_LIMITS
    data, label, path = read_source(source, name, limits.max_bytes)
    budget = Budget(label, limits)
    with active(budget):
        doc = _load(data, label, format, budget, ReadOptions(ocr=ocr, convert_legacy=convert_legacy))
        state = _guard(label, "place", place, doc)
        if not state.found():
            year = pre_national_year(doc)
            if year is not None:
                raise NoReportFoundError(label, "older_report", year=year)
            raise NoReportFoundError(label, "no_tables", notes=[{"notice": n.code, **n.args} for n in doc.notices])
        if not state.prints_values() and doc.ocr is None:  # a picture of a blank table is a table read
            raise NoReportFoundError(label, "blank_form")
        report = _guard(label, "metadata", _report, doc, state, data, path if path is not None else name)
        if decided:
            report = decisions.apply(report, decided)
        budget.tick()
        return _guard(label, "checks", _checked, report, doc, state)


def _guard(label: str, stage: str, fn: Callable[..., T], *args: Any) -> T:
    """Run one stage; anything raised that is not ours becomes ours, naming file and stage."""
    try:
        return fn(*args)
    except GipExtractError:
        raise
    except (MemoryError, RecursionError) as e:
        raise ResourceLimitError(label, "out_of_memory", stage=stage,
                                 memory="memory" if isinstance(e, MemoryError) else "stack") from None
    except Exception as e:  # a bug of ours or a dependency's: still this file's error, never a raw traceback
        raise InternalError(label, "internal", stage=stage, type=type(e).__name__, detail=str(e)[:300]) from None


def _report(doc: Document, state: State, data: bytes, path: str | None) -> Report:
    info, parts = describe(doc, state.flat.text)
    return Report(
        source=SourceInfo(path=path, format=doc.format, sha256=hashlib.sha256(data).hexdigest()),
        template=state.template.id,  # type: ignore[union-attr]
        info=info,
        cells=tuple(state.cells),
        findings=_templated(state.findings, state.template.id),  # type: ignore[union-attr]
        sections=parts,
        extra_rows=tuple(state.extra_rows),
    )


def _checked(report: Report, doc: Document, state: State) -> Report:
    flat = state.flat
    evaluation = state.evaluation
    if any(c.status == "confirmed" for c in report.cells):  # a person's values: the identities over them
        evaluation = evaluate(get_template(report.template), {(c.table, c.row, c.column): c.value for c in report.cells})
    context = Context(text=flat.text, page=doc.page, notices=doc.notices, ocr=doc.ocr, evaluation=evaluation,
                      locate=flat.quote)
    more = check(report, context)
    return Report(report.source, report.template, report.info, report.cells,
                  report.findings + _templated(more, report.template), report.sections, report.extra_rows)


def _templated(findings: Sequence[Finding], template: str) -> tuple[Finding, ...]:
    """``findings`` with ``template`` set, as a Report sets it with ``dataclasses.replace``,
    which runs each finding's ``__post_init__`` again over fields already converted
    (report and checks 0.94 -> 0.90 ms a text report, their calls replayed)."""
    out = []
    for f in findings:
        if f.template != template:
            g = object.__new__(Finding)
            object.__setattr__(g, "__dict__", {**f.__dict__, "template": template})
            f = g
        out.append(f)
    return tuple(out)
