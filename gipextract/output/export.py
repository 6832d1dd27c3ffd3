"""Tidy exports that keep everything: the ``reports``, ``cells`` and ``findings`` tables
(:mod:`gipextract.output.tables`) as CSV streams, and as pandas frames (:func:`to_frame`).
(XLSX lives in :mod:`gipextract.output.xlsx`, Parquet in :mod:`gipextract.output.parquet`.)

Every function takes reports, batch results (a failed input keeps its row, with its error)
or a mix.
"""
from __future__ import annotations

import csv
from dataclasses import asdict
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from ..messages import Lang
from ..report import Report, Result
from ..templates.labels import cell_labels
from . import tables
from .tables import CANDIDATE_SEP, TABLES, Item, cell_findings, columns, items_of, text

if TYPE_CHECKING:  # pragma: no cover
    import pandas

RECORD_FIELDS = tuple(columns("cells"))
__all__ = ["CANDIDATE_SEP", "RECORD_FIELDS", "TABLES", "cell_findings", "exact", "labels", "records", "result_records",
           "to_frame", "to_frames", "write_csv", "write_csv_tables"]


def labels(template_id: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """Chinese (row label, column label) of every cell of a template, as printed (a row inside
    a group carries it: ``（三）不予公开 / 1.属于国家秘密``)."""
    return cell_labels(template_id, "zh", full=True)


def records(items: Item | Iterable[Item], table: str = "cells", lang: Lang = "zh") -> list[dict[str, Any]]:
    """The rows of one tidy table (``reports``, ``cells``, ``findings``, ``indicators``) for
    reports, batch results or a mix, as dicts of Python values (values as exact ``Decimal``)."""
    items = items_of(items)
    if table == "indicators":
        from .indicators import indicator_records

        return indicator_records(items, lang)
    return [rec for item in items for rec in tables.records(item, table, lang)]


def result_records(result: Result) -> list[dict[str, Any]]:
    """A batch result's ``cells`` rows; a failed input is one row carrying its error."""
    return tables.cell_records(result)


def _writer(out: IO[str], table: str) -> csv.DictWriter:
    writer = csv.DictWriter(out, fieldnames=columns(table), lineterminator="\r\n")
    writer.writeheader()
    out.flush()
    return writer


def _row(rec: Mapping[str, Any]) -> dict[str, str]:
    return {k: text(v) for k, v in rec.items()}


def write_csv(results: Iterable[Result | Report], out: IO[str], lang: Lang = "zh") -> Iterator[Result | Report]:
    """Stream the ``cells`` table to ``out`` as CSV, flushed after each document (an interrupted
    run leaves whole rows); yields each item once written. Open ``out`` with
    ``encoding="utf-8-sig"`` so that Excel and WPS read the Chinese right."""
    yield from write_csv_tables(results, {"cells": out}, lang)


def write_csv_tables(results: Iterable[Result | Report], outs: Mapping[str, IO[str]], lang: Lang = "zh",
                     ) -> Iterator[Result | Report]:
    """Stream the tables named in ``outs`` (``reports``, ``cells``, ``findings``,
    ``indicators``) to their CSV streams, each flushed after every document; yields each item
    once written. Indicators (which link each report to the same unit's previous year) are
    written when the input ends; only their rows are kept until then."""
    from .indicators import report_indicators, with_previous

    writers = {name: _writer(out, name) for name, out in outs.items()}
    figures: list[list[Any]] = []
    for item in results:
        for name, writer in writers.items():
            if name == "indicators":
                report = item.report if isinstance(item, Result) else item
                if report is not None:
                    figures.append(report_indicators(report, lang))
                continue
            for rec in tables.records(item, name, lang):
                writer.writerow(_row(rec))
            outs[name].flush()
        yield item
    if "indicators" in writers:
        for f in with_previous(figures):
            writers["indicators"].writerow(_row(asdict(f)))
        outs["indicators"].flush()


def to_frame(items: Item | Iterable[Item], table: str = "cells", lang: Lang = "zh") -> "pandas.DataFrame":
    """One tidy table of reports, batch results (error rows kept) or a mix, as a typed pandas
    frame: text ``string``, counts and years ``Int64``, ``value`` exact ``Decimal``. Writes to
    Parquet as it is (``frame.to_parquet(path)``); see :mod:`gipextract.output.tidy`."""
    from .tidy import to_frame as frame

    return frame(items, table, lang)


def to_frames(items: Item | Iterable[Item], lang: Lang = "zh", indicators: bool = False) -> dict[str, "pandas.DataFrame"]:
    """The three tidy tables (and ``indicators`` if asked) as typed pandas frames, by name."""
    from .tidy import to_frames as frames

    return frames(items, lang, indicators)


def exact(value: Any) -> Decimal | int | None:
    """A value written as text (a CSV cell, a ``Decimal``'s string) back to an int or a ``Decimal``."""
    s = "" if value is None else str(value)
    if s in ("", "<NA>", "nan", "None"):
        return None
    return Decimal(s) if "." in s else int(s)
