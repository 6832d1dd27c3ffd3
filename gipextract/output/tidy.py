"""The tidy tables as typed pandas DataFrames, and read back from the files the command
writes (CSV, XLSX, Parquet) with the same types: text as ``string``, counts, years and
positions as ``Int64``, values as exact ``Decimal`` (object columns).

pandas is an extra (``pip install 'gipextract[pandas]'``), imported only when called.
"""
from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..errors import MissingExtraError
from ..messages import Lang
from .tables import TABLES, Item, columns, items_of, records, schema

if TYPE_CHECKING:  # pragma: no cover
    import pandas

SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}


def pandas_module() -> Any:
    """pandas, or :class:`MissingExtraError` naming the extra."""
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(None, feature="pandas", extra="pandas") from None
    return pandas


def decimal(value: Any) -> Decimal | None:
    """A value as the frames hold it: an exact ``Decimal`` (None when empty), integral values
    without decimals and others without trailing zeros, whichever file it comes from: a float
    from a workbook by its shortest repr (exact for up to 15 significant digits), a
    Parquet decimal without the column's padding zeros (``36``, ``16197.02``)."""
    if _missing(value):
        return None
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, str):
        if value.strip() in ("", "<NA>", "nan", "None"):
            return None
        try:
            value = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a decimal value: {value!r}") from None
    elif not isinstance(value, Decimal):
        try:
            value = Decimal(int(value))
        except (TypeError, ValueError):
            return None  # pandas' missing markers
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def typed(frame: "pandas.DataFrame", table: str) -> "pandas.DataFrame":
    """``frame`` with the columns of ``table`` in order and their types (see module doc)."""
    pd = pandas_module()
    out = pd.DataFrame(index=range(len(frame)))
    for name, kind in schema(table):
        values = frame[name].tolist() if name in frame.columns else [None] * len(frame)
        if kind == "text":
            out[name] = pd.array([None if _missing(v) or v == "" else _text(v) for v in values], dtype="string")
        elif kind == "int":
            out[name] = pd.array([None if _missing(v) or v == "" else int(v) for v in values], dtype="Int64")
        else:
            out[name] = pd.Series([decimal(v) for v in values], dtype=object)
    return out


def _text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))  # a form or a name that a reader took for a number
    return str(v)


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    return type(v).__name__ in ("NAType", "NaTType")  # pandas' markers, without importing pandas per value


def to_frame(items: Item | Iterable[Item], table: str = "cells", lang: Lang = "zh") -> "pandas.DataFrame":
    """One tidy table (``reports``, ``cells``, ``findings`` or ``indicators``) of reports,
    batch results (a failed input keeps its row with its error) or a mix, as a typed frame."""
    pd = pandas_module()
    items = items_of(items)
    if table == "indicators":
        from .indicators import indicator_records

        rows = indicator_records(items, lang)
    else:
        rows = [rec for item in items for rec in records(item, table, lang)]
    return typed(pd.DataFrame(rows, columns=columns(table)), table)


def to_frames(items: Item | Iterable[Item], lang: Lang = "zh", indicators: bool = False) -> dict[str, "pandas.DataFrame"]:
    """The three tidy tables (and ``indicators`` if asked) as typed frames, by name."""
    items = items_of(items)
    names = TABLES + (("indicators",) if indicators else ())
    return {name: to_frame(items, name, lang) for name in names}


def read_table(path: str | Path, table: str) -> "pandas.DataFrame":
    """One table from a CSV or Parquet file that gipextract wrote, typed as :func:`to_frame`'s."""
    pd = pandas_module()
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        return typed(pd.read_parquet(path), table)
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return typed(frame, table)


def read_tables(path: str | Path) -> dict[str, "pandas.DataFrame"]:
    """Every table gipextract wrote at ``path``: a workbook (its sheets), a folder
    (``reports.csv`` … or ``.parquet``), or the cells file ``x.csv``/``x.parquet`` with its
    siblings ``x.reports.csv`` …"""
    pd = pandas_module()
    path = Path(path)
    names = TABLES + ("indicators",)
    if path.suffix.lower() == ".xlsx":
        present = set(pd.ExcelFile(path).sheet_names)
        # Text columns read as text: pandas would otherwise make the form "2021" a number.
        return {name: typed(pd.read_excel(path, sheet_name=name, dtype={c: str for c, k in schema(name) if k == "text"}),
                            name) for name in names if name in present}
    if path.is_dir():
        found = {name: p for name in names for p in (path / f"{name}.csv", path / f"{name}.parquet") if p.exists()}
    else:
        stem, suffix = path.with_suffix(""), path.suffix
        found = {"cells": path, **{name: Path(f"{stem}.{name}{suffix}") for name in names if name != "cells"}}
        found = {name: p for name, p in found.items() if p.exists()}
    return {name: read_table(p, name) for name, p in found.items()}
