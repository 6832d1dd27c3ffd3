"""The tidy tables as Parquet files: one file per table, one fixed Arrow schema each (text
``string``, counts ``int64``, values ``decimal128``), written in row groups as documents come,
so memory stays flat. pandas metadata is kept, so ``pd.read_parquet`` gives back ``Int64``,
``string`` and ``Decimal`` columns. Needs pandas and pyarrow (the ``parquet`` extra).
"""
from __future__ import annotations

import importlib
from typing import Any

from ..errors import MissingExtraError
from .tables import schema
from .tidy import pandas_module, typed

PRECISION = 38
# Places kept for values: cells' amounts are printed to at most 6 places in 万元 (conversions
# from 元 add up to 4); rates carry 20 (indicators.PLACES). A value with more is refused by
# Arrow, never rounded.
SCALES = {"indicators": 20}
DEFAULT_SCALE = 12
ROWS_PER_GROUP = 50_000


def require() -> None:
    """Raise :class:`MissingExtraError` unless pandas and pyarrow are installed."""
    try:
        for module in ("pandas", "pyarrow", "pyarrow.parquet"):
            importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(None, feature="Parquet", extra="parquet") from None


def arrow_schema(table: str) -> Any:
    """The Arrow schema of ``table``."""
    import pyarrow as pa

    kinds = {"text": pa.string(), "int": pa.int64(),
             "decimal": pa.decimal128(PRECISION, SCALES.get(table, DEFAULT_SCALE))}
    return pa.schema([(name, kinds[kind]) for name, kind in schema(table)])


class ParquetTable:
    """One table's Parquet file, filled by :meth:`add` and finished by :meth:`close`."""

    def __init__(self, path: str, table: str) -> None:
        require()
        import pyarrow.parquet as pq

        self.table = table
        self.pending: list[dict[str, Any]] = []
        self._arrow = arrow_schema(table)
        self._writer: Any = None
        self._pq = pq
        self.path = path

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Queue rows; a row group is written once enough are queued."""
        self.pending.extend(rows)
        if len(self.pending) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        pd = pandas_module()
        frame = typed(pd.DataFrame(self.pending, columns=[n for n, _ in schema(self.table)]), self.table)
        batch = pa.Table.from_pandas(frame, schema=self._arrow, preserve_index=False)
        if self._writer is None:
            self._writer = self._pq.ParquetWriter(self.path, batch.schema)
        self._writer.write_table(batch)
        self.pending = []

    def close(self) -> None:
        """Write what is queued and the file's footer (an empty table is a valid empty file)."""
        if self.pending or self._writer is None:
            self._flush()
        self._writer.close()
