"""The two national grids as data (``form2021.json``, ``form2019.json``).

Nothing here knows about a particular document: keys, labels (Chinese as the form prints
them, and English) and identities only. :mod:`.identities` evaluates the identities over a
grid's values; :mod:`.labels` names tables, rows and cells for people.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

Kind = Literal["count", "signed", "amount"]


@dataclass(frozen=True)
class ColumnSpec:
    """A value column: its key, official label, label variants, value kind and English label."""

    key: str
    label: str
    variants: tuple[str, ...]
    kind: Kind
    label_en: str = ""


@dataclass(frozen=True)
class RowSpec:
    """A data row: key, label (None for the unlabelled appeals row), variants, its columns."""

    key: str
    label: str | None
    variants: tuple[str, ...]
    columns: tuple[str, ...]
    group: str | None = None
    label_en: str | None = None


@dataclass(frozen=True)
class GroupSpec:
    """Rows printed under one group label (（三）不予公开 …); some reports print only its total."""

    key: str
    label: str
    rows: tuple[str, ...]
    label_en: str = ""


@dataclass(frozen=True)
class TableSpec:
    """One statistical table of the form."""

    key: str
    heading: str
    heading_variants: tuple[str, ...]
    anchors: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    noise: tuple[str, ...]
    groups: tuple[GroupSpec, ...] = ()
    heading_en: str = ""

    def column(self, key: str) -> ColumnSpec:
        """The column spec with this key."""
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def row(self, key: str) -> RowSpec:
        """The row spec with this key."""
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


@dataclass(frozen=True)
class IdentitySpec:
    """``sum(left) == sum(right)``, for every column (``over='columns'``) or every row."""

    id: str
    table: str
    over: Literal["columns", "rows"]
    left: tuple[str, ...]
    right: tuple[str, ...]
    text: str
    official: bool
    text_en: str = ""


@dataclass(frozen=True)
class Template:
    """One version of the national form."""

    id: str
    document: str
    markers: tuple[str, ...]
    tables: tuple[TableSpec, ...]
    identities: tuple[IdentitySpec, ...]

    def table(self, key: str) -> TableSpec:
        """The table spec with this key."""
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def identity(self, identity_id: str) -> IdentitySpec:
        """The identity spec with this id."""
        for i in self.identities:
            if i.id == identity_id:
                return i
        raise KeyError(identity_id)

    def cell_keys(self) -> list[tuple[str, str, str]]:
        """Every (table, row, column) of the grid, in form order."""
        return [(t.key, r.key, c) for t in self.tables for r in t.rows for c in r.columns]


def _table(d: dict) -> TableSpec:
    return TableSpec(
        key=d["key"],
        heading=d["heading"],
        heading_variants=tuple(d.get("heading_variants", ())),
        anchors=tuple(d["anchors"]),
        columns=tuple(ColumnSpec(c["key"], c["label"], tuple(c.get("variants", ())), c["kind"], c["label_en"])
                      for c in d["columns"]),
        rows=tuple(RowSpec(r["key"], r["label"], tuple(r.get("variants", ())), tuple(r["columns"]), r.get("group"),
                           r.get("label_en")) for r in d["rows"]),
        noise=tuple(d.get("noise", ())),
        groups=tuple(GroupSpec(g["key"], g["label"], tuple(g["rows"]), g["label_en"]) for g in d.get("groups", ())),
        heading_en=d["heading_en"],
    )


@lru_cache(maxsize=None)
def get(template_id: str) -> Template:
    """Load a template by id (``"2021"`` or ``"2019"``)."""
    if template_id not in TEMPLATE_IDS:
        raise KeyError(f"unknown template {template_id!r}; known: {', '.join(TEMPLATE_IDS)}")
    raw = (Path(__file__).parent / f"form{template_id}.json").read_text(encoding="utf-8")
    d = json.loads(raw)
    return Template(
        id=d["id"],
        document=d["document"],
        markers=tuple(d["markers"]),
        tables=tuple(_table(t) for t in d["tables"]),
        identities=tuple(IdentitySpec(i["id"], i["table"], i["over"], tuple(i["left"]), tuple(i["right"]),
                                      i["text"], bool(i["official"]), i["text_en"]) for i in d["identities"]),
    )


TEMPLATE_IDS: tuple[str, ...] = ("2021", "2019")


def all_templates() -> list[Template]:
    """Both templates, newest first."""
    return [get(t) for t in TEMPLATE_IDS]
